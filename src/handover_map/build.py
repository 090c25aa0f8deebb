"""The whole pipeline in one call: events + boundaries -> slider map page.

>>> from handover_map import build_map
>>> build_map(output="output/karabakh.html", self_contained=True)  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import settings, sources
from ._atomic import write_text_atomic
from ._errors import InputDataError
from .article import read_article
from .boundaries import load_boundaries
from .events import Event, read_events
from .extract import Extraction, extract_events
from .gazetteer import Gazetteer, join_events, read_aliases
from .render import render_map

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


def long_date(day: dt.date) -> str:
    """'25 November 2020', independent of the machine's locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def default_events_path() -> Path:
    """The events table of the default case (Karabakh 2020)."""
    return settings.package_geodata_dir() / sources.default_case()["events"]


def default_output_path() -> Path:
    """Where ``handover-map build`` writes when given no ``-o``."""
    return Path("output") / sources.default_case()["output"]


def _default_title(events: list[Event]) -> str:
    districts = sorted({e.district for e in events})
    shown = ", ".join(districts[:4]) + (f" and {len(districts) - 4} more" if len(districts) > 4 else "")
    return f"Handovers of territory: {shown}"


def _default_subtitle(events: list[Event]) -> str:
    first, last = min(e.date for e in events), max(e.date for e in events)
    count = len({e.district for e in events})
    span = long_date(first) if first == last else f"{long_date(first)} to {long_date(last)}"
    return f"Who controls {count} district{'s' if count != 1 else ''}, {span}. Drag the slider; click a district for the reports."


def _load(boundaries, name_field, layer, assume_crs):
    """Boundary frame and manifest entry (if any) for a --boundaries value."""
    path, source = sources.resolve(boundaries or sources.default_case()["boundaries"])
    frame = load_boundaries(path, name_field or (source.name_field if source else None), layer=layer, assume_crs=assume_crs)
    return path, source, frame


def extract_article(
    article: str | Path,
    boundaries: str | Path | None = None,
    *,
    name_field: str | None = None,
    layer: str | None = None,
    assume_crs: str | None = None,
    published: dt.date | None = None,
    aliases: str | Path | None = None,
) -> Extraction:
    """Read an article (text or saved HTML) and extract its handover events.

    Place names are looked for among the boundary file's names (default:
    the default case's source) and the alias table.
    """
    _, _, frame = _load(boundaries, name_field, layer, assume_crs)
    gazetteer = Gazetteer(list(frame["name"]), read_aliases(aliases))
    return extract_events(read_article(article, published=published), gazetteer)


def build_html(
    events: str | Path | list[Event] | None = None,
    boundaries: str | Path | None = None,
    *,
    name_field: str | None = None,
    layer: str | None = None,
    assume_crs: str | None = None,
    title: str | None = None,
    subtitle: str | None = None,
    credits: list[str] | None = None,
    self_contained: bool = False,
    tiles: str | None = settings.DEFAULT_TILES,
    initial_date: dt.date | None = None,
    aliases: str | Path | None = None,
    article: str | Path | None = None,
    published: dt.date | None = None,
) -> str:
    """Run the pipeline and return the map page as HTML.

    Parameters
    ----------
    events
        Events table path, or a list of :class:`~handover_map.events.Event`;
        default: the Karabakh 2020 table shipped in ``geodata/events``.
    boundaries
        Boundary file path or source id (``handover-map data list``);
        default: the default case's source.
    name_field
        Field of the boundary file holding district names; default: the
        source's, or a common one found in the file.
    layer, assume_crs
        Passed to :func:`~handover_map.boundaries.load_boundaries`.
    title, subtitle, credits
        Page text; defaults are derived from the events and sources.
    self_contained, tiles, initial_date
        Passed to :func:`~handover_map.render.render_map`.
    aliases
        Alias table (CSV with ``name``, ``alias``); default: the shipped one.
    article, published
        Extract the events from this article instead of reading a table;
        ``published`` overrides its publication date.
    """
    case = sources.default_case()
    uses_default_events = events is None and article is None
    path, source, frame = _load(boundaries, name_field, layer, assume_crs)
    if article is not None:
        gazetteer = Gazetteer(list(frame["name"]), read_aliases(aliases))
        event_list = extract_events(read_article(article, published=published), gazetteer).events
        if not event_list:
            raise InputDataError(f"Found no handover events in the article '{article}'.",
                                 hint="run `handover-map extract` to see why, then write an events table and pass --events.")
    else:
        event_list = events if isinstance(events, list) else read_events(events or default_events_path())
    joined = join_events(event_list, list(frame["name"]), read_aliases(aliases))
    reports = sorted({e.source for e in event_list if e.source})
    lines = [source.attribution if source else f"Boundaries: {Path(path).name}"]
    lines += [f"Events: {report}" for report in reports]
    lines += list(credits or [])
    lines.append("Map: handover-map, Leaflet, folium")
    if title is None:
        title = case["title"] if uses_default_events else _default_title(event_list)
    return render_map(
        frame,
        joined,
        title=title,
        subtitle=subtitle if subtitle is not None else _default_subtitle(event_list),
        credits=lines,
        self_contained=self_contained,
        tiles=tiles,
        initial_date=initial_date,
    )


def build_map(output: str | Path | None = None, **options) -> Path:
    """Run the pipeline and write the map page atomically.

    Takes the options of :func:`build_html`; ``output`` defaults to
    ``output/karabakh-2020-handovers.html``. Returns the written path.
    """
    target = Path(output) if output else default_output_path()
    return write_text_atomic(target, build_html(**options))
