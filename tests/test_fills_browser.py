"""Canvas pages paint the districts' fills on a canvas of their own (templates/js/fills.js).

A page with more districts than ``settings.CANVAS_THRESHOLD`` draws with
Leaflet's Canvas renderer; its fills are the page's own layer, repainted per
changed district, under Leaflet's outlines. These tests read the fill
canvas's pixels in Chromium: each district shows the state the Python
timeline gives for the day, after steps, jumps, zooms, pans and printing; a
step repaints only around the districts that changed, and leaves what a full
redraw would paint; the outlines still answer clicks and hover.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from pathlib import Path

import pytest
import shapely
from shapely.ops import polylabel

from conftest import AZE_ADM2
from handover_map import build_map, load_boundaries, settings
from handover_map.events import Event
from handover_map.timeline import state_on

pytestmark = pytest.mark.browser

START = dt.date(2021, 1, 1)
PLAIN_ALPHA = round(0.8 * 255)  # styling.js: a plain state's fill opacity
HATCHED_ALPHA = round(0.9 * 255)


@pytest.fixture(scope="module")
def boundaries():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_boundaries(AZE_ADM2, "shapeName")


@pytest.fixture(scope="module")
def events(boundaries) -> list[Event]:
    """Every other district, announced on its own day and handed over three days later;
    the districts between have no events and are drawn as context under the fills."""
    names = list(boundaries["name"])[::2]
    return [
        Event(name, START + dt.timedelta(days=k + shift), kind, "A", "B")
        for k, name in enumerate(names)
        for shift, kind in ((0, "scheduled"), (3, "completed"))
    ]


@pytest.fixture(scope="module")
def canvas_page(tmp_path_factory, events) -> Path:
    with pytest.MonkeyPatch.context() as patch, warnings.catch_warnings():
        patch.setattr(settings, "CANVAS_THRESHOLD", 10)
        warnings.simplefilter("ignore")
        return build_map(
            tmp_path_factory.mktemp("fills") / "canvas.html",
            events=events,
            boundaries=str(AZE_ADM2),
            name_field="shapeName",
            context="none",
            self_contained=True,
        )


@pytest.fixture(scope="module")
def inner_points(boundaries, events) -> list[dict]:
    """Per district with events: a point well inside it and the distance (degrees) to its edge."""
    named = dict(zip(boundaries["name"], boundaries.geometry, strict=True))
    points = []
    for name in dict.fromkeys(e.district for e in events):
        shape = named[name]
        part = max(getattr(shape, "geoms", [shape]), key=lambda p: p.area)
        inside = polylabel(part, tolerance=0.001)
        points.append({"name": name, "lat": inside.y, "lon": inside.x, "edge": shapely.distance(inside, part.exterior)})
    return points


# Pixels of the fill canvas (unpremultiplied RGBA) within 2 CSS px of geographic points, the point's
# own in the middle; points closer than 4 CSS px to their district's edge, or outside the canvas, are left out.
PIXELS_AT = """points => {
    const map = handoverMap.map, canvas = document.querySelector('.leaflet-hmFills-pane canvas');
    const box = canvas.getBoundingClientRect(), frame = map.getContainer().getBoundingClientRect();
    const ratio = canvas.width / box.width, data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const out = {};
    for (const p of points) {
        const at = map.latLngToContainerPoint([p.lat, p.lon]), edge = map.latLngToContainerPoint([p.lat, p.lon + p.edge]);
        if (edge.x - at.x < 4) continue;
        const x = Math.round((frame.left + at.x - box.left) * ratio), y = Math.round((frame.top + at.y - box.top) * ratio);
        if (x < 4 || y < 4 || x >= canvas.width - 4 || y >= canvas.height - 4) continue;
        const around = [];
        const reach = Math.round(2 * ratio);  // 2 CSS px
        for (let dy = -reach; dy <= reach; dy++) for (let dx = -reach; dx <= reach; dx++) {
            const k = 4 * ((y + dy) * canvas.width + x + dx);
            around.push([data[k], data[k + 1], data[k + 2], data[k + 3]]);
        }
        out[p.name] = around;
    }
    return out;
}"""


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _shows(pixels: list[list[int]], state: str) -> bool:
    """Whether the pixels around a point are the fill of ``state``: its colour at the
    state's opacity, or for a hatched state stripes of its colour and white."""
    colour = _rgb(settings.STATE_STYLES[state]["color"])
    if not settings.STATE_STYLES[state]["hatched"]:
        return all(abs(p[3] - PLAIN_ALPHA) <= 1 and all(abs(a - b) <= 2 for a, b in zip(p[:3], colour, strict=True)) for p in pixels)

    widest = max(range(3), key=lambda c: 255 - colour[c])

    def between_white_and_colour(p: list[int]) -> bool:  # an antialiased stripe's edge
        share = (255 - p[widest]) / (255 - colour[widest])
        return -0.02 <= share <= 1.02 and all(abs(a - (255 - share * (255 - b))) <= 3 for a, b in zip(p[:3], colour, strict=True))

    # A stripe's middle has the colour (a little paler where a high-density screen scales the tile up).
    has_colour = any((255 - p[widest]) / (255 - colour[widest]) >= 0.8 for p in pixels)
    return has_colour and all(abs(p[3] - HATCHED_ALPHA) <= 1 and between_white_and_colour(p) for p in pixels)


def _wrong_fills(js, events: list[Event], inner_points: list[dict], minimum: int = 20) -> list[str]:
    """Districts whose fill does not show the state the Python timeline gives for the shown day
    (``js``: a page's evaluate)."""
    day = dt.date.fromisoformat(js("handoverMap.date()"))
    pixels = js(PIXELS_AT, inner_points)
    assert len(pixels) >= minimum, f"only {len(pixels)} districts large enough to read"
    wrong = []
    for name, around in pixels.items():
        state = state_on([e for e in events if e.district == name], day)
        if not _shows(around, state):
            wrong.append(f"{name} on {day}: {state} expected, {around[len(around) // 2]} found")
    return wrong


def _drag(page, days: list[int]) -> None:
    """Move the slider through ``days`` (days after its first stop) as a drag does."""
    page.js(
        """days => { const s = document.getElementById('hm-slider');
            for (const d of days) { s.value = String(d); s.dispatchEvent(new Event('input', {bubbles: true})); } }""",
        days,
    )


def _settle(page) -> None:
    page.js("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def test_after_steps_and_jumps_each_district_shows_its_state_of_the_day(canvas_page, open_offline, events, inner_points):
    page = open_offline(canvas_page)
    assert page.js("document.querySelectorAll('.leaflet-hmFills-pane canvas').length") == 1
    assert page.js("document.querySelectorAll('path.leaflet-interactive').length") == 0  # still the Canvas renderer
    assert _wrong_fills(page.js, events, inner_points) == []  # as opened
    for start, end in ((0, 12), (12, 4), (20, 34)):
        _drag(page, list(range(start, end + 1)) if start < end else list(range(start, end - 1, -1)))
        _settle(page)
        assert _wrong_fills(page.js, events, inner_points) == []
    for day in ("2021-02-15", "2021-01-02", "2021-01-25"):  # jumps across many changes
        page.js("d => handoverMap.setDate(d)", day)
        _settle(page)
        assert _wrong_fills(page.js, events, inner_points) == []
    assert page.errors == []


STEP_AND_WATCH = """async move => {
    const fillCanvas = document.querySelector('.leaflet-hmFills-pane canvas'), ctx = fillCanvas.getContext('2d');
    const image = () => Array.from(ctx.getImageData(0, 0, fillCanvas.width, fillCanvas.height).data);
    const before = image();
    const counted = {stroke: 0, put: 0, putArea: 0, canvasArea: fillCanvas.width * fillCanvas.height};
    const stroke = CanvasRenderingContext2D.prototype.stroke, put = CanvasRenderingContext2D.prototype.putImageData;
    CanvasRenderingContext2D.prototype.stroke = function () { counted.stroke++; return stroke.apply(this, arguments); };
    CanvasRenderingContext2D.prototype.putImageData = function (data, x, y, dx, dy, dw, dh) {
        counted.put++;
        counted.putArea += dw === undefined ? data.width * data.height : dw * dh;
        return put.apply(this, arguments);
    };
    new Function(move)();
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    CanvasRenderingContext2D.prototype.stroke = stroke;
    CanvasRenderingContext2D.prototype.putImageData = put;
    const after = image();
    handoverMap.map.fire('moveend');  // a full redraw of the same view
    const redrawn = image();
    const box = fillCanvas.getBoundingClientRect(), frame = handoverMap.map.getContainer().getBoundingClientRect();
    const ratio = fillCanvas.width / box.width;
    const boxOf = layer => {  // a layer's bounds in canvas pixels
        const b = layer.getBounds(), nw = handoverMap.map.latLngToContainerPoint(b.getNorthWest()), se = handoverMap.map.latLngToContainerPoint(b.getSouthEast());
        return [(frame.left + nw.x - box.left) * ratio, (frame.top + nw.y - box.top) * ratio, (frame.left + se.x - box.left) * ratio, (frame.top + se.y - box.top) * ratio];
    };
    const changedPixels = [];
    for (let k = 0; k < before.length; k += 4) {
        if (before[k] !== after[k] || before[k + 1] !== after[k + 1] || before[k + 2] !== after[k + 2] || before[k + 3] !== after[k + 3]) {
            changedPixels.push([(k / 4) % fillCanvas.width, Math.floor(k / 4 / fillCanvas.width)]);
        }
    }
    let unlike = 0;  // the largest difference of a premultiplied channel
    for (let k = 0; k < after.length; k += 4) {
        for (let c = 0; c < 4; c++) {
            const a = c === 3 ? after[k + 3] : after[k + c] * after[k + 3] / 255, b = c === 3 ? redrawn[k + 3] : redrawn[k + c] * redrawn[k + 3] / 255;
            unlike = Math.max(unlike, Math.abs(a - b));
        }
    }
    return {counted, changedPixels, unlike, districts: handoverMap.layer.getLayers().length,
            boxes: Object.fromEntries(handoverMap.layer.getLayers().map(l => [handoverMap.districts()[l.feature.properties.i].name, boxOf(l)]))};
}"""


@pytest.mark.parametrize(
    ("start", "move"), [("2021-01-10", "document.getElementById('hm-next').click()"), ("2021-01-20", "document.getElementById('hm-prev').click()")]
)
def test_a_step_repaints_only_around_the_changed_districts_and_leaves_what_a_full_redraw_paints(canvas_page, open_offline, events, start, move):
    page = open_offline(canvas_page)
    page.js("d => handoverMap.setDate(d)", start)
    _settle(page)
    before = dt.date.fromisoformat(page.js("handoverMap.date()"))
    seen = page.js(STEP_AND_WATCH, move)
    after = dt.date.fromisoformat(page.js("handoverMap.date()"))
    assert before != after
    changed = {
        e.district
        for e in events
        if state_on([x for x in events if x.district == e.district], before) != state_on([x for x in events if x.district == e.district], after)
    }
    assert 1 <= len(changed) <= 3
    # Leaflet's outline canvas is not redrawn (no stroke), and the fill layer puts the changed districts' boxes
    # on the canvas, a small part of it, not all.
    assert seen["counted"]["stroke"] == 0
    assert 1 <= seen["counted"]["put"] <= len(changed)
    assert seen["counted"]["putArea"] <= seen["counted"]["canvasArea"] // 4
    # Every pixel that changed lies in the box of a district that changed, and each of those changed.
    boxes = [seen["boxes"][name] for name in changed]
    assert seen["changedPixels"]
    assert all(any(b[0] - 2 <= x <= b[2] + 2 and b[1] - 2 <= y <= b[3] + 2 for b in boxes) for x, y in seen["changedPixels"])
    for b in boxes:
        assert any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for x, y in seen["changedPixels"])
    # The canvas is what a full redraw of the same view paints, to the last antialiased edge pixel.
    assert seen["unlike"] == 0
    assert page.errors == []


def test_zoom_pan_and_print_keep_the_fills_under_their_districts(canvas_page, open_offline, events, inner_points):
    page = open_offline(canvas_page)
    page.js("handoverMap.setDate('2021-01-20')")
    # An animated zoom: the fill canvas is scaled with the map while it runs, then drawn again.
    fills, outlines = page.js(
        """() => new Promise(done => {
            const map = handoverMap.map, canvas = document.querySelector('.leaflet-hmFills-pane canvas');
            const leaflets = document.querySelector('.leaflet-overlay-pane canvas');
            let during = null;
            map.once('zoomanim', () => { during = [canvas.style.transform, leaflets.style.transform]; });
            map.once('moveend', () => done(during));
            map.setZoom(map.getZoom() + 1);
        })"""
    )
    # Moved and scaled as Leaflet's own canvas of the outlines (which it places to a fraction of a pixel).
    assert "scale(2)" in fills and "scale(2)" in outlines
    offsets = [[float(v) for v in re.findall(r"(-?[\d.]+)px", transform)[:2]] for transform in (fills, outlines)]
    assert all(abs(a - b) <= 1 for a, b in zip(*offsets, strict=True))
    _settle(page)
    assert "scale" not in page.js("document.querySelector('.leaflet-hmFills-pane canvas').style.transform")
    assert _wrong_fills(page.js, events, inner_points, minimum=10) == []
    page.js("void handoverMap.map.panBy([180, -120], {animate: false})")
    _settle(page)
    assert _wrong_fills(page.js, events, inner_points, minimum=10) == []
    page.js("handoverMap.setDate('2021-01-30')")  # a step after the move repaints in the moved view
    _settle(page)
    assert _wrong_fills(page.js, events, inner_points, minimum=10) == []
    page.js("void handoverMap.map.setZoom(handoverMap.map.getZoom() - 2, {animate: false})")
    _settle(page)
    assert _wrong_fills(page.js, events, inner_points) == []
    # Printing lays the map out again for the paper: the fills follow.
    page.page.emulate_media(media="print")
    page.page.wait_for_timeout(300)
    _settle(page)
    assert _wrong_fills(page.js, events, inner_points, minimum=10) == []
    page.page.emulate_media(media="screen")
    assert page.errors == []


def test_districts_under_the_fills_still_answer_clicks_and_hover(canvas_page, open_offline, events):
    page = open_offline(canvas_page)
    name = events[0].district
    page.js("handoverMap.setDate('2021-01-20')")
    page.click_district(name)
    assert page.js("document.querySelector('.leaflet-popup-content h3').textContent") == name
    page.js("void handoverMap.map.closePopup()")
    point = page.js(
        """name => { const d = handoverMap.districts().find(d => d.name === name), map = handoverMap.map;
            const p = map.latLngToContainerPoint(d.labelAt), r = map.getContainer().getBoundingClientRect();
            return [r.left + p.x, r.top + p.y]; }""",
        name,
    )
    weight_of = "name => handoverMap.layer.getLayers().find(l => handoverMap.districts()[l.feature.properties.i].name === name).options.weight"
    page.page.mouse.move(*point)
    assert page.js(weight_of, name) == 3.5  # styling.js: the hover outline
    page.page.mouse.move(2, 2)
    assert page.js(weight_of, name) < 3.5
    # The districts without events are context under the fills, in their own pane.
    assert page.js("document.querySelectorAll('.leaflet-hmUnderFills-pane canvas').length") == 1
    assert page.errors == []


def test_the_fills_are_sharp_on_a_high_density_screen(canvas_page, browser_context, events, inner_points):
    page = browser_context.new_page()
    try:
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        browser_context.new_cdp_session(page).send(
            "Emulation.setDeviceMetricsOverride", {"width": 1000, "height": 700, "deviceScaleFactor": 2, "mobile": False}
        )
        page.goto(canvas_page.resolve().as_uri())
        page.wait_for_function("window.handoverMap !== undefined")
        page.evaluate("handoverMap.setDate('2021-01-22')")
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        sizes = page.evaluate("() => { const c = document.querySelector('.leaflet-hmFills-pane canvas'); return [c.width, c.getBoundingClientRect().width]; }")
        assert sizes[0] == 2 * round(sizes[1])  # two device pixels a CSS pixel, as Leaflet's outlines
        assert _wrong_fills(page.evaluate, events, inner_points) == []
    finally:
        page.close()


def test_svg_pages_carry_no_fill_layer(default_map):
    page = default_map.read_text(encoding="utf-8")
    assert '"canvas":false' in page and "FillLayer" not in page and "hmFills" not in page
