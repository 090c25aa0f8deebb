"""What the user asked for: the typed specs of a map and of its page.

A :class:`MapSpec` says which events, boundaries, texts and dates a map
shows; :func:`handover_map.build.prepare_map` turns it into the map model
(:class:`handover_map.model.MapModel`), which every output reads. A
:class:`PageOptions` says how the HTML page carries that map (Leaflet
inlined or linked, tiles, the date it opens on, who may drive it when
embedded). Both are frozen and checked when made: a bad value is an
:class:`~handover_map.OptionError` before any work is done.

The keyword style stays for Python users (``build_map("out.html",
events="my.csv", lang="fr")``): :func:`map_spec` is the one place where
keywords become a spec, and a keyword that is no option is named in the
error. This module loads nothing heavy: the command line imports it to
start.

>>> MapSpec(events="my.csv", lang="fr").lang
'fr'
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from ._errors import OptionError
from .words import DEFAULT_LANGUAGE, check_language

if TYPE_CHECKING:
    import folium

    from .events import Event

#: Publication dates the user sets: one date for one report, or {report's path or file name: date}.
Published = dt.date | Mapping[str | Path, dt.date] | None

#: Largest ``simplify``, in metres: beyond it every district would vanish.
MAX_SIMPLIFY = 100_000

#: ``tiles`` value meaning "the mode's default": the light grey basemap
#: (:data:`~handover_map.settings.DEFAULT_TILES`) on a page that loads Leaflet
#: from the web, none on a self-contained page, which then makes no request.
DEFAULT_FOR_MODE = "default"


@dataclass(frozen=True, kw_only=True)
class MapSpec:
    """What a map shows, as the user asked for it; every option has a default.

    Parameters
    ----------
    events
        Events table path, or a sequence of :class:`~handover_map.events.Event`;
        default: the default case's table shipped in ``geodata/events``.
    boundaries
        Boundary file path or source id (``handover-map data list``);
        default: the default case's source.
    name_field
        Field of the boundary file holding district names; default: the
        source's, or a common one found in the file.
    layer, assume_crs
        Passed to :func:`~handover_map.boundaries.load_boundaries`.
    title, subtitle, credits
        Page text; defaults are derived from the events and sources (the
        title from the article's headline with ``article``); ``credits``
        are added to the sources' own lines.
    aliases
        Alias table (CSV with ``name``, ``alias``); default: the shipped one.
    article, published
        Extract the events from this article, or these reports (files or
        folders; see :func:`~handover_map.build.extract_reports`), instead
        of reading a table; ``published`` overrides a publication date: one
        date for a single report, or {report's path or file name: date}.
    context
        Countries layer (source id or file; ``"none"`` for none); default:
        Natural Earth countries.
    held_area, held_area_field, held_area_name, held_area_label
        The area held before the handovers (file or source id, the feature's
        name in ``held_area_field``, and a legend label): only the part of each
        district inside it is coloured. Default: the default case's, with its
        boundaries.
    simplify
        Simplify borders by this many metres (0 to :data:`MAX_SIMPLIFY`),
        keeping shared borders shared; 0: not at all.
    until
        The slider's last date. Default: the latest report's publication
        date (see :func:`~handover_map.build.report_horizon`), or the last
        change when no report is dated. States after the latest report that
        only time passing would change are drawn as not known.
    lang
        Language of the map's own words (default title and subtitle, note,
        credit words, legend, controls) and dates: one of
        :data:`handover_map.words.LANGUAGES`. Text from reports, tables and
        sources is never translated.

    Raises
    ------
    OptionError
        If both ``events`` and ``article`` are given, ``simplify`` is out
        of range or ``lang`` is not a language of the page.
    """

    events: str | Path | Sequence[Event] | None = None
    boundaries: str | Path | None = None
    name_field: str | None = None
    layer: str | None = None
    assume_crs: str | None = None
    title: str | None = None
    subtitle: str | None = None
    credits: Sequence[str] = ()
    aliases: str | Path | None = None
    article: str | Path | Sequence[str | Path] | None = None
    published: Published = None
    context: str | Path | None = None
    held_area: str | Path | None = None
    held_area_field: str | None = None
    held_area_name: str | None = None
    held_area_label: str | None = None
    simplify: float = 0
    until: dt.date | None = None
    lang: str = DEFAULT_LANGUAGE

    def __post_init__(self) -> None:
        # Sequences are kept as tuples: a spec shared by several outputs cannot change under them.
        if self.events is not None and not isinstance(self.events, (str, Path)):
            object.__setattr__(self, "events", tuple(self.events))
        if self.article is not None and not isinstance(self.article, (str, Path)):
            object.__setattr__(self, "article", tuple(self.article))
        object.__setattr__(self, "credits", tuple(self.credits or ()))
        if self.events is not None and self.article is not None:
            raise OptionError(
                "Give an events table (--events) or reports to read (--article), not both.",
                hint="map a table you reviewed with --events, or read the reports again with --article.",
            )
        if not (math.isfinite(self.simplify) and 0 <= self.simplify <= MAX_SIMPLIFY):
            raise OptionError(f"--simplify {self.simplify} is not a number of metres from 0 to {MAX_SIMPLIFY:,}.", hint="give 0 (the default) for none.")
        check_language(self.lang)


class MapOptions(TypedDict, total=False):
    """:class:`MapSpec`'s fields as keyword arguments (``**options:
    Unpack[MapOptions]``), so that mypy checks each keyword's name and type
    where ``build_map(events=..., lang=...)`` is called.

    A TypedDict, because mypy cannot see keyword parameters generated from
    the dataclass at run time, and spelling the 19 parameters on each of the
    six entry points is what this module replaces; tests/test_spec.py checks
    that these fields are :class:`MapSpec`'s, with the same types.
    """

    events: str | Path | Sequence[Event] | None
    boundaries: str | Path | None
    name_field: str | None
    layer: str | None
    assume_crs: str | None
    title: str | None
    subtitle: str | None
    credits: Sequence[str]
    aliases: str | Path | None
    article: str | Path | Sequence[str | Path] | None
    published: Published
    context: str | Path | None
    held_area: str | Path | None
    held_area_field: str | None
    held_area_name: str | None
    held_area_label: str | None
    simplify: float
    until: dt.date | None
    lang: str


#: The names of :class:`MapSpec`'s options.
MAP_OPTIONS = tuple(option.name for option in dataclasses.fields(MapSpec))


def map_spec(spec: MapSpec | None, options: Mapping[str, Any], caller: str) -> MapSpec:
    """The spec of a call such as ``build_map(events="my.csv", lang="fr")``:
    ``spec`` (default: every option's default) with the keyword ``options``
    given to ``caller`` (its name, for the error) replacing its values.

    Raises
    ------
    OptionError
        Naming each keyword that is no option of a map (with the nearest
        option's name when there is one), or a value the spec refuses.
    """
    unknown = [name for name in options if name not in MAP_OPTIONS]
    if unknown:
        close = [match for name in unknown for match in difflib.get_close_matches(name, MAP_OPTIONS, n=1)]
        options_are = f"options of a map are those of handover_map.spec.MapSpec: {', '.join(MAP_OPTIONS)}."
        raise OptionError(
            f"{caller}() got no option {', '.join(repr(name) for name in unknown)}.",
            hint=f"did you mean {', '.join(close)}? The {options_are}" if close else f"the {options_are}",
        )
    return dataclasses.replace(spec or MapSpec(), **options)


def given_options(**values: object) -> dict[str, object]:
    """The options given by position to a function such as
    ``HandoverLayer.from_events("events.csv")``: those not None. (They are
    positional-only there, so that the same names can come as keywords.)"""
    return {name: value for name, value in values.items() if value is not None}


@dataclass(frozen=True, kw_only=True)
class PageOptions:
    """How the HTML page carries a map; checked when made.

    Parameters
    ----------
    self_contained
        Inline Leaflet (the default), so that the page opens with no network;
        False links it from its CDN (pinned, with Subresource Integrity).
    tiles
        None or ``"none"`` for no tiles; a tile provider's name as folium
        knows it from xyzservices (``"Esri.WorldGrayCanvas"``); an http(s)
        URL with ``{z}``, ``{x}`` and ``{y}`` placeholders; or
        :data:`DEFAULT_FOR_MODE`: none on a self-contained page, a light grey
        basemap on one that loads Leaflet from the web. Tiles need the
        network, also on a self-contained page.
    tiles_attribution
        Credit line of the tiles of a URL, required with one (plain text,
        shown as given).
    initial_date
        Date shown when the page opens (a ``#date=`` in the URL wins);
        default: the latest reported change of control. It must be on the
        slider, which the map model checks.
    message_origins
        Origins (``https://example.org``) of pages allowed to drive an
        embedded map with ``postMessage``; empty: any embedding parent.

    Raises
    ------
    OptionError
        For a bad tile option (see :func:`~handover_map.build.tile_layer`)
        or an origin that is no web origin.
    """

    self_contained: bool = True
    tiles: str | None = DEFAULT_FOR_MODE
    tiles_attribution: str | None = None
    initial_date: dt.date | None = None
    message_origins: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self.tile_layer()  # a bad tile option fails now, before any work
        object.__setattr__(self, "message_origins", tuple(self.message_origins))
        try:
            for origin in self.message_origins:
                check_origin(origin)
        except ValueError as error:
            raise OptionError(str(error), hint="give --message-origin like https://blog.example.org.") from None

    def drawn_tiles(self) -> str | None:
        """The tile option this page draws: :attr:`tiles` itself, or the mode's default."""
        if self.tiles == DEFAULT_FOR_MODE:
            from .settings import DEFAULT_TILES

            return None if self.self_contained else DEFAULT_TILES
        return self.tiles

    def tile_layer(self) -> str | folium.TileLayer | None:
        """The tiles as :func:`~handover_map.render.render_map` draws them (see :func:`~handover_map.build.tile_layer`)."""
        from .build import tile_layer

        return tile_layer(self.drawn_tiles(), self.tiles_attribution)


def check_origin(origin: str) -> str:
    """``origin`` if it is a web origin (scheme, host, optional port), else ValueError."""
    if not re.fullmatch(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?", origin):
        raise ValueError(f"'{origin}' is not a web origin like https://example.org (no path, no trailing slash).")
    return origin
