"""Render the slider map as one HTML page with folium.

The page draws each district once. Control changes travel as a sparse list of
change points per district (from :mod:`handover_map.timeline`); a slider
step visits only the change points between the two days and restyles only
the districts whose look changed. The page around the map and its script
come from jinja2 templates (``templates/page.html``, ``templates/script.js``
wrapping the parts in ``templates/js/``, minified); the page data's layout is
:data:`PAGE_SCHEMA`, described in docs/page-data.md. Text from articles and
tables is untrusted: it reaches the templates as values only, never as
template source, escaped as HTML there, or as JSON escaped for a script
element (:func:`script_json`) that the script shows through ``textContent``.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import html
import itertools
import json
import re
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Unpack

import folium
import jinja2
import markupsafe
import numpy as np
import rcssmin
import rjsmin
import shapely
from branca.element import Element, Figure, MacroElement

from . import assets, settings, sources
from .cartography import PLACES_SOURCE, MapLayers, choose_decimals
from .confirmation import confirmation
from .events import Event, visible
from .model import PARTY_LABEL_KEYS, LegendEntry, MapModel
from .spec import MapOptions, PageOptions, check_origin, given_options, map_spec
from .timeline import Timeline, slider_values
from .topology import topology_json
from .words import Words, words

#: States drawn hatched: announced but not (yet) done, or not known.
HATCHED = tuple(state for state in settings.STATES if settings.STATE_STYLES[state]["hatched"])

#: States a claim (one side's word only) draws pale: those an event brought
#: about; not the state before any event, nor the unknown after the last report.
CLAIM_PALE = tuple(state for state in settings.STATES if settings.STATE_STYLES[state]["claim_pale"])

#: The columns of each table of the page data, named: the page script reads
#: them by these names (``data.schema``). ``then`` names the fields of the
#: groups repeated after the columns, (day, state) and the like. Described in
#: docs/page-data.md; a change of layout is a new ``version``.
PAGE_SCHEMA: dict[str, Any] = {
    "version": 4,
    "districts": {"columns": ["name", "label", "areaKm2", "districtKm2", "state"], "then": ["day", "state"]},
    "events": {"columns": ["day", "district", "kind", "from", "to", "evidence", "note", "source"]},
    "differ": {"columns": ["event"], "then": ["day", "source"]},
    "differSpans": {"columns": ["district", "first", "last"]},
    "holders": {"columns": ["district"], "then": ["day", "party"]},
    "partyColours": {"columns": ["party", "colour"]},
    "claimedBy": {"columns": ["event", "claimant"]},
    "claims": {"columns": ["district"], "then": ["day", "claimed"]},
    "aliases": {"columns": ["spelling", "district"]},
    "links": {"columns": ["text"], "then": ["address", "site"]},
    "labels": {"columns": ["district", "points"]},
    "countryLabels": {"columns": ["name", "points"]},
    "towns": {"columns": ["name", "lat", "lon"]},
}

#: The parts of the page script (templates/js/), in the order they are
#: joined into one inline script: each defines one factory; main.js, last,
#: puts them together.
SCRIPT_PARTS = ("words", "timeline", "styling", "topology", "districts", "labels", "eventlist", "slider", "address", "embed", "controls", "main")

#: The part only Canvas pages add, before "districts": the districts' fills
#: painted by the page, repainted per changed district (templates/js/fills.js).
CANVAS_PART = "fills"

#: Outline of a district while reports give different dates for one of its
#: events; a dotted black line, unlike the dashed area held before the handovers.
DIFFER_OUTLINE = {"color": "#000000", "weight": 3, "dashArray": "2 4"}


def script_json(value: object) -> str:
    """JSON that is safe inside a ``<script>`` element.

    Escapes the characters that could end the element or start markup, so a
    value containing ``</script>`` stays a string.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def rounded_geojson(geometry: shapely.Geometry, decimals: int = settings.COORDINATE_DECIMALS) -> dict:
    """GeoJSON geometry with coordinates rounded to ``decimals`` places
    (encoded by GEOS, which writes the shortest form of each number)."""
    rounded = shapely.transform(geometry, lambda xy: np.round(xy, decimals))
    return json.loads(shapely.to_geojson(rounded))


@dataclass(frozen=True)
class ContextLayer:
    """Polygons drawn for reference under the districts (``above``: over
    them), in one style, never interactive; their geometry travels in the
    page's topology (see :func:`page_data`) under ``name``."""

    name: str
    geometries: Sequence[shapely.Geometry]
    style: dict[str, object]
    above: bool = False


def context_geometry(layers: MapLayers, *, filled: bool = True) -> list[ContextLayer]:
    """The context of a built page: countries (white unless ``filled`` is
    False, as over tiles), the districts without events, and the outline of
    the held area over the districts."""
    context = []
    if layers.countries is not None and not layers.countries.empty:
        style = {"color": "#7a7a7a", "weight": 1.1, "fillColor": "#fbfbf8", "fillOpacity": 1 if filled else 0}
        context.append(ContextLayer("countries", list(layers.countries.geometry), style))
    if not layers.other_districts.empty:
        context.append(ContextLayer("others", list(layers.other_districts), dict(settings.CONTEXT_STYLE)))
    if layers.held_area is not None:
        context.append(ContextLayer("held", [layers.held_area], {"color": "#222222", "weight": 2, "dashArray": "6 5", "fill": False}, above=True))
    return context


def _template_text(name: str) -> str:
    return resources.files("handover_map").joinpath("templates", name).read_text(encoding="utf-8")


@functools.cache
def _templates() -> jinja2.Environment:
    """The page's templates (templates/): HTML ones escape every value.
    Data only ever reaches them as values, never as template source."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("handover_map", "templates"),
        autoescape=jinja2.select_autoescape(["html"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@functools.cache
def _page_code(canvas: bool) -> str:
    """:func:`_script_source`, minified once per process: its comments and
    indentation document the source in the repository and would only weigh
    on every page. Only this static code passes through the minifier, never
    the page data (see :func:`page_script`); comments marked ``/*!``, where
    a licence notice would go, are kept."""
    return _minified_script(_script_source(canvas))


def _script_source(canvas: bool) -> str:
    """The parts of the page script as the repository has them, joined:
    :data:`SCRIPT_PARTS`, with :data:`CANVAS_PART` and the parts'
    Canvas-only lines on a ``canvas`` page."""
    parts = list(SCRIPT_PARTS)
    if canvas:
        parts.insert(parts.index("districts"), CANVAS_PART)
    return "\n".join(_templates().get_template(f"js/{part}.js").render(canvas=canvas) for part in parts)


def _minified_script(source: str) -> str:
    """``source``, a script of our own, without its comments and the
    whitespace it does not need (rjsmin: it knows regular expression and
    template literals); ``/*!`` comments stay."""
    return rjsmin.jsmin(source, keep_bang_comments=True)


@functools.cache
def _page_css() -> str:
    """The page's own style sheet (templates/handover.css), minified once per
    process as :func:`_page_code` minifies the script."""
    return rcssmin.cssmin(_template_text("handover.css"), keep_bang_comments=True)


def page_script(data_json: str, map_name: str, *, canvas: bool = False) -> str:
    """The page script: :data:`SCRIPT_PARTS`, minified (:func:`_page_code`),
    in one closure over the page data (``data_json``, JSON text safe inside a script element, as
    :func:`_data_json` writes it) and the Leaflet map named ``map_name``.
    A ``canvas`` page (Leaflet's Canvas renderer) adds :data:`CANVAS_PART`
    and the parts' Canvas-only lines; an SVG page's script has neither."""
    if not re.fullmatch(r"[A-Za-z_$][A-Za-z0-9_$]*", map_name):
        raise ValueError(f"'{map_name}' is not a script name for the map.")
    template = _templates().get_template("script.js")
    return template.render(data=markupsafe.Markup(data_json), map_name=map_name, code=markupsafe.Markup(_page_code(canvas)))


def other_spellings(label: str, events: list[Event], boundary_name: str) -> list[str]:
    """The spellings of a district other than its label, for its popup: the
    boundary file's name, then the table's and the reports' (``as_written``)
    in the order first used. The page itself names each district by its
    label only (see :func:`handover_map.cartography.district_label`).
    """
    seen = {label.casefold()}
    spellings = []
    for spelling in [boundary_name, *(visible(s) for e in events for s in (e.district, e.as_written))]:
        if spelling and spelling.casefold() not in seen:
            seen.add(spelling.casefold())
            spellings.append(spelling)
    return spellings


def default_initial_date(events: list[Event], timeline: Timeline) -> dt.date:
    """The latest reported handover on the slider, else the slider's last stop."""
    completed = [e.date for e in events if e.kind in settings.CONTROL_CHANGES and e.date <= timeline.stops[-1]]
    return max(completed) if completed else timeline.stops[-1]


class Verbatim(Element):
    """Text placed in the page exactly as given, never parsed as a template.

    branca renders every element's output again as Jinja2 source (an
    ``Element(text)`` compiles ``text``), so text that holds data from reports
    or boundary files must reach the figure through this class: there,
    ``{{ ... }}`` in an article stays four braces and some words.
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Verbatim"
        self.text = text

    def render(self, **kwargs: object) -> str:
        return self.text


class HandoverLayer(MacroElement):
    """The districts, the controls, the event list and ``window.handoverMap``.

    It is what a built page draws over its map, and it can be added to a
    ``folium.Map`` of your own, which then shows the title, the slider and
    the event list around it (one layer per map)::

        m = folium.Map(location=[40.0, 46.6], zoom_start=8)
        HandoverLayer.from_events("events.csv").add_to(m)
        m.save("map.html")

    Its data is untrusted text; it goes into the page only as escaped HTML
    and escaped JSON, rendered by the page's templates as values and added
    to the figure through :class:`Verbatim`, never as template source.
    """

    def __init__(self, data: dict, page_html: str) -> None:
        super().__init__()
        self._name = "HandoverLayer"
        self.data = data
        self.page_html = page_html
        self.css = _page_css()

    @classmethod
    def from_map(
        cls,
        model: MapModel,
        *,
        initial_date: dt.date | None = None,
        decimals: int | None = None,
        message_origins: tuple[str, ...] = (),
        context: Sequence[ContextLayer] = (),
    ) -> HandoverLayer:
        """The layer of a map model (from :func:`handover_map.build.prepare_map`):
        its districts, title, note, legend and credits.

        ``initial_date``, ``decimals`` and ``message_origins`` are as for
        :func:`render_map`; ``context`` is the layers it draws under and over
        the districts (see :func:`context_geometry`), which the legend then
        lists too. The legend lists the states the slider shows; a date
        past its end (in the address) may show one more, so every drawn
        state gets its hatching. The towns drawn for reference add their
        source to the credits.

        Raises
        ------
        OptionError
            If ``initial_date`` is outside the slider's range.
        """
        from .build import check_initial_date

        check_initial_date(initial_date, model)
        layers, timeline, events = model.layers, model.timeline, list(model.events)
        say = words(model.lang)
        start = initial_date or default_initial_date(events, timeline)
        origins = tuple(check_origin(origin) for origin in message_origins)
        data = page_data(model, start, decimals or choose_decimals(layers.bounds), origins, context)
        legend = [(_swatch(entry), entry.label) for entry in model.legend if entry.kind == "state" and entry.on_slider]
        legend += [(_swatch(entry), entry.label) for entry in model.legend if entry.kind == "party"]
        if data["claims"]:
            colour = settings.STATE_STYLES["transferred"]["color"]
            legend.append((f"background:{colour};opacity:{settings.CLAIMED_FILL_OPACITY}", say("page.claimed")))
        if data["differ"]:
            legend.append(("border:2px dotted #000;background:transparent", say("page.reports_differ")))
        drawn_context = {layer.name for layer in context}
        legend += [(_swatch(entry), entry.label) for entry in model.legend if entry.kind in drawn_context]
        credits = list(model.credits)
        if layers.towns:
            towns_credit = sources.get_source(PLACES_SOURCE).credit(model.lang)
            credits += [towns_credit] if towns_credit not in credits else []
        hatched = [state for state in model.drawn_states if state in HATCHED]
        page = _page_html(model.title, model.subtitle, model.note, legend, credits, hatched, say)
        return cls(data, page)

    @classmethod
    def from_events(
        cls,
        events: str | Path | Sequence[Event] | None = None,
        boundaries: str | Path | None = None,
        /,
        *,
        initial_date: dt.date | None = None,
        **options: Unpack[MapOptions],
    ) -> HandoverLayer:
        """The layer of an events table (a CSV file or a list of events) on boundary polygons.

        ``options`` are those of :class:`~handover_map.spec.MapSpec`
        (``title``, ``name_field``, ``until``...; ``events`` and
        ``boundaries`` may be given by name too); the errors of
        :func:`handover_map.build.prepare_map` are raised.
        """
        from . import build

        spec = map_spec(None, {**given_options(events=events, boundaries=boundaries), **options}, "HandoverLayer.from_events")
        return cls.from_map(build.prepare_map(spec), initial_date=initial_date)

    @classmethod
    def from_reports(
        cls,
        reports: str | Path | Sequence[str | Path],
        boundaries: str | Path | None = None,
        /,
        *,
        initial_date: dt.date | None = None,
        **options: Unpack[MapOptions],
    ) -> HandoverLayer:
        """The layer of the events read from news reports (files or folders),
        as :func:`handover_map.build.prepare_map` reads them with ``article``."""
        from . import build

        spec = map_spec(None, {**given_options(article=reports, boundaries=boundaries), **options}, "HandoverLayer.from_reports")
        return cls.from_map(build.prepare_map(spec), initial_date=initial_date)

    def render(self, **kwargs: object) -> None:  # type: ignore[override]  # adds to the figure, returns nothing
        figure = self.get_root()
        assert isinstance(figure, Figure) and self._parent is not None, "add the layer to a map in a figure first"
        # Hatching is drawn for the map's own renderer: a map of one's own may draw with SVG where a page of this size would use Canvas.
        options = getattr(self._parent, "options", {})
        data = {**self.data, "canvas": bool(options.get("prefer_canvas", self.data["canvas"]))}
        script = page_script(_data_json(data), self._parent.get_name(), canvas=data["canvas"])
        name = self.get_name()
        figure.header.add_child(Verbatim(f"<style>{self.css}</style>"), name=name)
        figure.html.add_child(Verbatim(self.page_html), name=name)
        figure.script.add_child(Verbatim(script), name=name)


def _cdn_tag(file: str) -> str:
    """A link or script tag for a pinned Leaflet file, with Subresource Integrity."""
    digest = base64.b64encode(bytes.fromhex(assets.LEAFLET.files[file])).decode("ascii")
    url = html.escape(assets.LEAFLET.cdn_url(file))
    integrity = f'integrity="sha256-{digest}" crossorigin="anonymous"'
    if file.endswith(".css"):
        return f'<link rel="stylesheet" href="{url}" {integrity}/>'
    return f'<script src="{url}" {integrity}></script>'


def _swatch(entry: LegendEntry) -> str:
    """The CSS of a legend entry's swatch."""
    if entry.kind == "held":
        return "border:2px dashed #333;background:transparent"
    if entry.kind == "state" and entry.state in HATCHED:
        return f"background:repeating-linear-gradient(45deg,{entry.colour} 0 3px,#fff 3px 6px)"
    return f"background:{entry.colour}"


#: A web address written in a citation: http(s) only (never javascript: or data:), up to a space, a quote
#: or a backslash, which a browser reads as a slash (urllib does not: it names the site of "http://a.example\\@b.org" b.org).
_ADDRESS = re.compile(r"https?://[^\s<>\"'`“”«»\\]+", re.IGNORECASE)
#: Marks after an address that end the sentence around it, not the address.
_AFTER_ADDRESS = frozenset(".,;:!?’”»。、…")
#: Closing brackets, each with the one that opens it.
_BRACKETS = {")": "(", "]": "["}


def linked(text: str) -> list[tuple[str, str]]:
    """``text`` in pieces (words, address): each web address it writes becomes a piece whose words
    are its site ("aljazeera.com", as the browser reads the address: "https://x.example?@y.org" is
    x.example's), linked to the whole address; the rest are pieces without one. The page's note and
    credits print them so: a citation's long address takes a line of its own otherwise. A full stop,
    comma or unmatched closing bracket after an address is the sentence's.

    >>> linked("AFP, 2020-11-25, https://www.example.org/a(1)/b).")
    [('AFP, 2020-11-25, ', ''), ('example.org', 'https://www.example.org/a(1)/b'), (').', '')]
    """
    pieces: list[tuple[str, str]] = []
    at = 0
    for match in _ADDRESS.finditer(text):
        address = match.group(0)
        # Counted once, then kept as the end moves back: linear however many marks an address ends with.
        opened = {close: address.count(open_) for close, open_ in _BRACKETS.items()}
        closed = {close: address.count(close) for close in _BRACKETS}
        end = len(address)
        while end and (address[end - 1] in _AFTER_ADDRESS or (address[end - 1] in _BRACKETS and closed[address[end - 1]] > opened[address[end - 1]])):
            if address[end - 1] in _BRACKETS:
                closed[address[end - 1]] -= 1
            end -= 1
        address = address[:end]
        try:
            site = urllib.parse.urlsplit(address).hostname
        except ValueError:  # "http://[::1" and the like: no address a browser would open
            site = None
        if not site:
            continue
        pieces += [(text[at : match.start()], "")] if match.start() > at else []
        pieces.append((site.removeprefix("www."), address))
        at = match.start() + end
    pieces += [(text[at:], "")] if at < len(text) else []
    return pieces


def _page_html(title: str, subtitle: str, note: str, legend: list[tuple[str, str]], credits: list[str], hatched: list[str], say: Words) -> str:
    """The page around the map (templates/page.html), every text escaped;
    the note's and credits' web addresses linked (:func:`linked`);
    ``hatched``: the states whose SVG hatching the page needs."""
    template = _templates().get_template("page.html")
    return template.render(
        title=title,
        subtitle=subtitle,
        note=linked(note),
        legend=legend,
        credits=[linked(line) for line in credits],
        hatched=[(state, settings.STATE_STYLES[state]["color"]) for state in hatched],
        say=say,
    )


def _differing_days(events: list[Event]) -> dict[int, list[tuple[dt.date, str]]]:
    """{id(event): [(date, source)...]} for events whose reports differ on the
    date: every date the ``reports_differ`` cell lists, each with the source of
    the row of the same district and kind that gives it ("" if no row does)."""
    given: dict[tuple[str, str, dt.date], list[str]] = {}
    for e in events:
        given.setdefault((e.district, e.kind, e.date), []).append(e.source)
    out: dict[int, list[tuple[dt.date, str]]] = {}
    for e in events:
        days = []
        for part in e.reports_differ.split("|"):
            try:
                days.append(dt.date.fromisoformat(part.strip()))
            except ValueError:
                continue  # a cell a person edited into no date: nothing to show for it
        if len(set(days)) > 1:
            out[id(e)] = [(day, " | ".join(dict.fromkeys(s for s in given.get((e.district, e.kind, day), []) if s))) for day in sorted(set(days))]
    return out


def _holders(events: list[Event], owner: dict[int, int], epoch: dt.date, text: _Strings) -> list[list[int]]:
    """``holders`` of :func:`page_data`: who takes each district at each change of control (ordered as the timeline
    orders them; -1 where a change names no one: the page then names no holder, as :func:`~handover_map.timeline.holder_on`)."""
    series: dict[int, list[int]] = {}
    for e in sorted((e for e in events if e.kind in settings.CONTROL_CHANGES), key=lambda e: (e.date, e.to, e.kind)):
        if e.to or owner[id(e)] in series:  # (no row for a district whose changes name no one at all)
            series.setdefault(owner[id(e)], []).extend([(e.date - epoch).days, text(e.to)])
    return [[district, *days] for district, days in sorted(series.items())]


def _claims(events: list[Event], owner: dict[int, int], epoch: dt.date, text: _Strings) -> tuple[list[list[int]], list[list[int]]]:
    """``claimedBy`` and ``claims`` of :func:`page_data`: the claimed events, and
    each district's days, marked 1 when every event of the day is claimed."""
    claimed: list[list[int]] = []
    by_day: dict[int, dict[int, bool]] = {}
    for k, e in enumerate(events):
        status = confirmation(e)
        if status.status == "claimed":
            claimed.append([k, text(status.claimed_by)])
        days = by_day.setdefault(owner[id(e)], {})
        day = (e.date - epoch).days
        days[day] = days.get(day, True) and status.status == "claimed"
    claims = [
        [district] + [value for day in sorted(days) for value in (day, int(days[day]))] for district, days in sorted(by_day.items()) if any(days.values())
    ]
    return claimed, claims


def _stable_ids(root: Element) -> None:
    """Replace folium's random element ids with sequential ones (reproducible HTML)."""
    counter = itertools.count()
    pending = [root]
    while pending:
        element = pending.pop(0)
        element._id = f"hm{next(counter)}"
        pending.extend(element._children.values())


class _Strings:
    """A table of distinct texts: the page refers to each by its index."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, text: str) -> int:
        if not text:
            return -1
        if text not in self._index:
            self._index[text] = len(self.texts)
            self.texts.append(text)
        return self._index[text]


def uses_canvas(layers: MapLayers) -> bool:
    """Whether the page draws with Leaflet's Canvas renderer (many districts)."""
    return len(layers.districts) + len(layers.other_districts) > settings.CANVAS_THRESHOLD


def page_data(model: MapModel, start: dt.date, decimals: int, origins: tuple[str, ...] = (), context: Sequence[ContextLayer] = ()) -> dict:
    """The page's data, compact: days as offsets from the first slider stop,
    texts as indexes into a table of distinct strings (-1 for none), tables
    as rows of numbers whose columns :data:`PAGE_SCHEMA` names (it travels
    with the data as ``schema``). Every key and column is described in
    docs/page-data.md; ``geometry`` (the districts and the context layers in one
    topology, see :mod:`handover_map.topology`) is JSON text already (see :func:`_data_json`).
    """
    layers, joined, events, timeline, labels = model.layers, model.joined, list(model.events), model.timeline, model.state_labels
    say = words(model.lang)
    epoch = timeline.stops[0]
    names = [d.name for d in layers.districts]
    index = {name: i for i, name in enumerate(names)}
    text = _Strings()
    districts = []
    for d in layers.districts:
        changes = timeline.changes[d.name]
        row = [text(d.name), text(d.label) if d.label != d.name else -1, round(d.area_km2), round(d.district_km2), settings.STATES.index(changes[0][1])]
        for day, state in changes[1:]:
            row += [(day - epoch).days if day else 0, settings.STATES.index(state)]
        districts.append(row)
    owner = {id(e): index[name] for name, district_events in joined.items() for e in district_events}
    rows = [
        [(e.date - epoch).days, owner[id(e)], settings.EVENT_KINDS.index(e.kind), text(e.from_), text(e.to), text(e.evidence), text(e.note), text(e.source)]
        for e in events
    ]
    differing = _differing_days(events)
    differ = [
        [k] + [value for day, source in differing[id(e)] for value in ((day - epoch).days, text(source))] for k, e in enumerate(events) if id(e) in differing
    ]
    spans: dict[int, tuple[int, int]] = {}
    for row in differ:
        district, days = rows[row[0]][1], row[1::2]
        low, high = spans.get(district, (min(days), max(days)))
        spans[district] = (min(low, *days), max(high, *days))
    # The web addresses of the events' sources (and of those their dates differ by), each with its site, so the page links them as the credits do.
    cited = {row[7] for row in rows} | {index for row in differ for index in row[2::2]}
    addresses = {i: [v for site, address in linked(text.texts[i]) if address for v in (address, site)] for i in sorted(cited - {-1})}
    links = [[i, *pairs] for i, pairs in addresses.items() if pairs]
    claimed, claims = _claims(events, owner, epoch, text)
    holders = _holders(events, owner, epoch, text)
    colours = model.party_colours
    columns = [list(column) for column in zip(*rows)] if rows else [[] for _ in range(8)]
    columns = [column[0] if column and len(set(column)) == 1 else column for column in columns]
    # Pairs, not an object: a spelling such as "__proto__" must stay a plain string.
    # Every spelling a table or report used finds its district: "Lachin" as well as "Lachin District"; and its label.
    spellings = {(name.lower(), owner[id(e)]) for e in events for name in (e.district, e.as_written) if name}
    spellings |= {(d.label.lower(), i) for i, d in enumerate(layers.districts)}
    own_names = {name.lower() for name in names}  # a spelling or label that is another district's name never stands for this one
    aliases = sorted((name, i) for name, i in spellings if name not in own_names)
    largest = sorted(range(len(layers.districts)), key=lambda i: -layers.districts[i].area_km2)[: settings.MAX_LABELS]
    # Ticks only on the slider: an event after its end (the latest report's date) has no place there.
    event_days = sorted({(e.date - epoch).days for e in events if e.date <= timeline.stops[-1]})
    stop_days, stop_values = [(d - epoch).days for d in timeline.stops], slider_values(timeline.stops)
    if len(stop_days) > 1 and stop_values[-1] - stop_values[-2] < stop_days[-1] - stop_days[-2] and stop_days[-1] not in event_days:
        event_days.append(stop_days[-1])  # the end of a slider broken before it (a look back years later) is marked with its date
    bounds, view, region = ([[round(box[1], 5), round(box[0], 5)], [round(box[3], 5), round(box[2], 5)]] for box in (layers.bounds, layers.view, layers.region))
    return {
        "schema": PAGE_SCHEMA,
        "states": list(settings.STATES),
        "styles": [_state_style(state, labels[state], say) for state in settings.STATES],
        "kinds": [say(f"kind.{k}") for k in settings.EVENT_KINDS],
        "kindNames": list(settings.EVENT_KINDS),
        "epoch": epoch.isoformat(),
        "stops": stop_days,
        "stopValues": stop_values,
        "ticks": event_days if len(event_days) <= settings.MAX_TICKS else [],
        "initial": (start - epoch).days,
        "bounds": bounds,
        **({"view": view} if view != bounds else {}),
        "region": region,
        "heldArea": layers.held_area is not None,
        "strings": text.texts,
        "districts": districts,
        "aliases": [list(pair) for pair in aliases],
        "links": links,
        "origins": list(origins),
        "eventCount": len(events),
        "events": columns,
        "differ": differ,
        "differSpans": [[district, low, high] for district, (low, high) in sorted(spans.items())],
        "differOutline": DIFFER_OUTLINE,
        "claimedBy": claimed,
        "claims": claims,
        "claimedOpacity": settings.CLAIMED_FILL_OPACITY,
        "holders": holders,
        "partyColours": [[text(party), colour] for party, colour in colours.items()],
        "labels": [[i, [round(c, 4) for point in layers.districts[i].label_points() for c in point]] for i in sorted(largest)],
        "countryLabels": [[name, [coordinate for point in points for coordinate in point]] for name, points in layers.country_labels],
        "towns": [list(town) for town in layers.towns],
        "otherNames": [[text(spelling) for spelling in other_spellings(d.label, joined[d.name], d.name)] for d in layers.districts],
        "canvas": uses_canvas(layers),
        "words": say.script_words(),
        "dates": say.date_formats(),
        "locale": str(say.locale).replace("_", "-"),
        "context": [{"name": layer.name, "style": layer.style, "above": layer.above} for layer in context],
        "geometry": _geometry_json(layers, decimals, context),
    }


def _state_style(state: str, label: str, say: Words) -> dict:
    """How the page draws and names a state (an entry of ``styles``)."""
    # A state someone took names its holder ("Handed over to {party}", filled in by the script) and wears their colour.
    holder_label = str(say.entries[PARTY_LABEL_KEYS[state]]) if state in settings.CONTROL_STATES else None
    return {
        "color": settings.STATE_STYLES[state]["color"],
        "label": label,
        "hatched": state in HATCHED,
        "holderLabel": holder_label,
        "claimPale": state in CLAIM_PALE,
    }


def _geometry_json(layers: MapLayers, decimals: int, context: Sequence[ContextLayer]) -> str:
    """The districts and the context as one topology, already JSON text (as
    :func:`script_json` writes it): a tree of lists per coordinate would be the
    largest object of a build at 50,000 districts."""
    objects = {"districts": [d.geometry for d in layers.districts], **{layer.name: layer.geometries for layer in context}}
    if len(objects) != len(context) + 1:
        raise ValueError(f"Context layers need names of their own, other than 'districts': {[layer.name for layer in context]}.")
    return topology_json(objects, decimals)


def _data_json(data: dict) -> str:
    """:func:`script_json` of :func:`page_data`'s result, whose last key,
    ``geometry``, is JSON text already."""
    rest = {key: value for key, value in data.items() if key != "geometry"}
    return script_json(rest)[:-1] + ',"geometry":' + data["geometry"] + "}"


def render_map(model: MapModel, page: PageOptions | None = None, *, decimals: int | None = None) -> str:
    """Render the map page.

    Parameters
    ----------
    model
        What the map shows, from :func:`handover_map.build.prepare_map`
        (or :meth:`~handover_map.model.MapModel.create`).
    page
        How the page carries it: Leaflet inlined or linked, tiles, the date
        it opens on, the origins allowed to drive it (see
        :class:`~handover_map.spec.PageOptions`; default: a self-contained
        page without tiles).
    decimals
        Decimal places of coordinates; default: chosen from the map's scale
        (:func:`handover_map.cartography.choose_decimals`).

    Returns
    -------
    str
        The HTML page.

    Raises
    ------
    OptionError
        If the page opens on a date outside the slider's range.
    """
    page = page or PageOptions()
    layers = model.layers
    say = words(model.lang)
    decimals = decimals or choose_decimals(layers.bounds)
    with_tiles = page.tile_layer()
    if isinstance(with_tiles, str) and re.search(r"\{[{%#]|[}%#]\}", with_tiles):
        # folium renders a tile layer's options as template source: refuse, never evaluate.
        raise ValueError(f"Tile layer '{with_tiles}' holds template syntax.")

    tiles = folium.TileLayer(with_tiles) if isinstance(with_tiles, str) else with_tiles
    if tiles is not None:
        # Zoomed in past a provider's last tiles (16 or 18), Leaflet would drop them: it draws its last ones larger.
        tiles.options["max_native_zoom"] = tiles.options.get("max_native_zoom") or tiles.options.get("max_zoom", 18)
        tiles.options["max_zoom"] = settings.MAX_ZOOM
    minx, miny, maxx, maxy = layers.bounds
    fmap = folium.Map(
        location=[(miny + maxy) / 2, (minx + maxx) / 2],
        zoom_start=8,
        tiles=tiles,
        control_scale=True,
        scrollWheelZoom=False,
        prefer_canvas=uses_canvas(layers),
    )
    # The page uses Leaflet alone; folium's Bootstrap, jQuery and icon fonts would
    # only add weight (and requests).
    # Leaflet is linked (with Subresource Integrity) or inlined by us, not by folium.
    fmap.default_js = []
    fmap.default_css = []
    figure = Figure(title=html.escape(model.title))
    fmap.add_to(figure)
    if not page.self_contained:
        figure.header.add_child(Verbatim(_cdn_tag(assets.LEAFLET_CSS)), name="leaflet_css")
        figure.header.add_child(Verbatim(_cdn_tag(assets.LEAFLET_JS)), name="leaflet")
    else:
        script, css = assets.inline_leaflet()
        safe_script = script.replace("</script", "<\\/script")  # cannot end the element early
        figure.header.add_child(Verbatim(f"<style>{css}</style>"), name="leaflet_css")
        figure.header.add_child(Verbatim(f"<script>{safe_script}</script>"), name="leaflet")

    HandoverLayer.from_map(
        model,
        initial_date=page.initial_date,
        decimals=decimals,
        message_origins=page.message_origins,
        context=context_geometry(layers, filled=not with_tiles),
    ).add_to(fmap)
    _stable_ids(figure)
    return figure.render().replace("<html>", f'<html lang="{say.lang}">', 1)
