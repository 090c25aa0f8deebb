"""Render the slider map as one HTML page with folium.

The page draws each district once. Control changes travel as a sparse list of
change points per district (from :mod:`handover_map.timeline`); the page
looks the state for the slider's date up and restyles only the districts
whose state changed. Text from articles and tables is untrusted: it is put
into the page as escaped JSON and shown through ``textContent`` only.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import json
from importlib import resources

import folium
import geopandas as gpd
import numpy as np
import shapely
from branca.element import Element, Figure, MacroElement
from jinja2 import Template

from . import assets, settings
from .events import Event
from .timeline import Timeline, build_timeline

KIND_LABELS = {"completed": "handed over", "scheduled": "handover scheduled", "postponed": "handover postponed"}


def script_json(value: object) -> str:
    """JSON that is safe inside a ``<script>`` element.

    Escapes the characters that could end the element or start markup, so a
    value containing ``</script>`` stays a string.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def _rounded(geometry: shapely.Geometry) -> dict:
    rounded = shapely.transform(geometry, lambda xy: np.round(xy, settings.COORDINATE_DECIMALS))
    return shapely.geometry.mapping(rounded)


def _template_text(name: str) -> str:
    return resources.files("handover_map").joinpath("templates", name).read_text(encoding="utf-8")


def _only(values: set[str]) -> str | None:
    values.discard("")
    return next(iter(values)) if len(values) == 1 else None


def state_labels(events: list[Event]) -> dict[str, str]:
    """Legend labels, naming the parties when all events agree on them."""
    labels = {state: style["label"] for state, style in settings.STATE_STYLES.items()}
    holder, taker = _only({e.from_ for e in events}), _only({e.to for e in events})
    if holder:
        labels["held"] = f"Held by {holder}: no handover reported"
    if taker:
        labels["transferred"] = f"Handed over to {taker}"
    return labels


def default_initial_date(events: list[Event], timeline: Timeline) -> dt.date:
    """The latest reported handover, else the last slider stop."""
    completed = [e.date for e in events if e.kind == "completed"]
    return max(completed) if completed else timeline.stops[-1]


class HandoverLayer(MacroElement):
    """The districts, the slider, the legend and the ``window.handoverMap`` API."""

    _template = Template(
        "{% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}"
        "{% macro html(this, kwargs) %}{{ this.page_html }}{% endmacro %}"
        "{% macro script(this, kwargs) %}{{ this.script_text }}{% endmacro %}"
    )

    def __init__(self, data: dict, page_html: str) -> None:
        super().__init__()
        self._name = "HandoverLayer"
        self.data = data
        self.page_html = page_html
        self.css = _template_text("handover.css")

    def render(self, **kwargs) -> None:
        self.script_text = (
            _template_text("handover.js")
            .replace("__MAP__", self._parent.get_name())
            .replace("__DATA__", script_json(self.data))
        )
        super().render(**kwargs)


def _page_html(title: str, subtitle: str, legend: list[tuple[str, str]], credits: list[str], ids: dict[str, str], stop_count: int) -> str:
    e = html.escape
    items = "".join(
        f'<li><span class="hm-swatch" style="background:{e(color)}"></span>{e(label)}</li>' for color, label in legend
    )
    return (
        f'<header class="hm-header"><h1 class="hm-title">{e(title)}</h1>'
        + (f'<p class="hm-subtitle">{e(subtitle)}</p>' if subtitle else "")
        + '</header><footer class="hm-footer"><div class="hm-time">'
        + f'<span class="hm-date" id="{ids["date"]}" aria-live="polite"></span>'
        + f'<input type="range" class="hm-slider" id="{ids["slider"]}" min="0" max="{stop_count - 1}" step="1" value="0" aria-label="Date">'
        + f'</div><ul class="hm-legend" aria-label="Legend">{items}</ul>'
        + f'<p class="hm-credits">{" · ".join(e(c) for c in credits)}</p></footer>'
    )


def _stable_ids(root: Element) -> None:
    """Replace folium's random element ids with sequential ones (reproducible HTML)."""
    counter = itertools.count()
    pending = [root]
    while pending:
        element = pending.pop(0)
        element._id = f"hm{next(counter)}"
        pending.extend(element._children.values())


def render_map(
    boundaries: gpd.GeoDataFrame,
    joined: dict[str, list[Event]],
    *,
    title: str,
    subtitle: str | None = None,
    credits: list[str] | None = None,
    self_contained: bool = False,
    tiles: str | None = settings.DEFAULT_TILES,
    initial_date: dt.date | None = None,
) -> str:
    """Render the map page.

    Parameters
    ----------
    boundaries
        Output of :func:`handover_map.boundaries.load_boundaries` (EPSG:4326).
    joined
        {boundary name: that district's events}, from
        :func:`handover_map.gazetteer.join_events`.
    title, subtitle
        Text above the map (escaped).
    credits
        Lines for the credits (escaped), e.g. source and licence attributions.
    self_contained
        Inline Leaflet and draw no tiles, so opening the page makes no request.
    tiles
        folium tile layer name for pages that may use the network; None for none.
    initial_date
        Date shown when the page opens; default: the latest completed handover.

    Returns
    -------
    str
        The HTML page.
    """
    timeline = build_timeline(joined)
    events = [event for name in sorted(joined) for event in sorted(joined[name], key=lambda e: (e.date, e.kind))]
    mapped = boundaries[boundaries["name"].isin(joined)]
    context = boundaries[~boundaries["name"].isin(joined)]
    names = sorted(joined)
    index = {name: i for i, name in enumerate(names)}
    labels = state_labels(events)
    used_states = [s for s in settings.STATES if any(s == state for series in timeline.changes.values() for _, state in series)]

    minx, miny, maxx, maxy = mapped.total_bounds
    fmap = folium.Map(
        location=[(miny + maxy) / 2, (minx + maxx) / 2],
        zoom_start=8,
        tiles=None if self_contained else tiles,
        control_scale=True,
    )
    # The page uses Leaflet alone; folium's Bootstrap, jQuery and icon fonts would
    # only add weight (and requests).
    fmap.default_js = [] if self_contained else [("leaflet", assets.LEAFLET.cdn_url(assets.LEAFLET_JS))]
    fmap.default_css = [] if self_contained else [("leaflet_css", assets.LEAFLET.cdn_url(assets.LEAFLET_CSS))]
    figure = Figure(title=html.escape(title))
    fmap.add_to(figure)
    if self_contained:
        script, css = assets.inline_leaflet()
        figure.header.add_child(Element(f"<style>{css}</style>"), name="leaflet_css")
        safe_script = script.replace("</script", "<\\/script")  # cannot end the element early
        figure.header.add_child(Element(f"<script>{safe_script}</script>"), name="leaflet")

    if not context.empty:
        folium.GeoJson(
            {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": _rounded(g)} for g in context.geometry]},
            name="Other districts",
            style_function=lambda _: settings.CONTEXT_STYLE,
            interactive=False,
        ).add_to(fmap)

    ids = {"slider": "hm-slider", "date": "hm-date"}
    start = initial_date or default_initial_date(events, timeline)
    data = {
        "ids": ids,
        "states": list(settings.STATES),
        "styles": {s: {"color": settings.STATE_STYLES[s]["color"], "label": labels[s]} for s in settings.STATES},
        "kinds": KIND_LABELS,
        "stops": [d.isoformat() for d in timeline.stops],
        "initial": start.isoformat(),
        "districts": [
            {
                "name": name,
                "aliases": sorted({e.district for e in joined[name]} - {name}),
                "changes": [[d.isoformat() if d else "", settings.STATES.index(s)] for d, s in timeline.changes[name]],
                "events": [
                    {"date": e.date.isoformat(), "kind": e.kind, "from": e.from_, "to": e.to,
                     "evidence": e.evidence, "note": e.note, "source": e.source}
                    for e in sorted(joined[name], key=lambda e: (e.date, settings.EVENT_KINDS.index(e.kind)))
                ],
            }
            for name in names
        ],
        "geometry": {
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "properties": {"i": index[row.name]}, "geometry": _rounded(row.geometry)}
                for row in mapped.itertuples()
            ],
        },
    }
    legend = [(settings.STATE_STYLES[s]["color"], labels[s]) for s in used_states]
    if not context.empty:
        legend.append((settings.CONTEXT_STYLE["fillColor"], "Not named in the report"))
    HandoverLayer(data, _page_html(title, subtitle or "", legend, credits or [], ids, len(timeline.stops))).add_to(fmap)
    fmap.fit_bounds([[miny, minx], [maxy, maxx]], padding=(12, 12))
    _stable_ids(figure)
    return figure.render()
