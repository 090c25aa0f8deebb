"""Cheaper slider steps that look the same: the Canvas pages' own fill pixels and the districts' names.

A Canvas page (more districts than ``settings.CANVAS_THRESHOLD``) keeps its fill canvas's
pixels itself (templates/js/fills.js): each district is rasterised once a view with the
share of each edge pixel it covers, so its edges are antialiased against what lies outside
and neighbours meet without a seam, even around a district inside another's hole; a map
hidden (no size) draws nothing and throws nothing, and fills again when shown. The
districts' names (templates/js/labels.js) are drawn as Leaflet's permanent tooltips but
placed with a flat transform (no compositing layer each), centred on their points after
zooms and pans.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import warnings
from pathlib import Path

import pytest
import shapely
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from conftest import AZE_ADM2, MIRROR
from handover_map import build_map, load_boundaries, settings
from handover_map.events import Event

pytestmark = pytest.mark.browser

START = dt.date(2021, 1, 1)
PLAIN_ALPHA = round(0.8 * 255)  # styling.js: a plain state's fill opacity


def _events(names: list[str]) -> list[Event]:
    """Every district announced on its own day and handed over three days later."""
    return [
        Event(name, START + dt.timedelta(days=k + shift), kind, "A", "B")
        for k, name in enumerate(names)
        for shift, kind in ((0, "scheduled"), (3, "completed"))
    ]


@pytest.fixture(scope="module")
def names() -> list[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(load_boundaries(AZE_ADM2, "shapeName")["name"])


def _build(folder: Path, names: list[str], canvas: bool) -> Path:
    with pytest.MonkeyPatch.context() as patch, warnings.catch_warnings():
        if canvas:
            patch.setattr(settings, "CANVAS_THRESHOLD", 10)
        warnings.simplefilter("ignore")
        return build_map(folder / "map.html", events=_events(names), boundaries=str(AZE_ADM2), name_field="shapeName", context="none", self_contained=True)


@pytest.fixture(scope="module")
def canvas_page(tmp_path_factory, names) -> Path:
    return _build(tmp_path_factory.mktemp("steps2-canvas"), names, canvas=True)


@pytest.fixture(scope="module")
def svg_page(tmp_path_factory, names) -> Path:
    return _build(tmp_path_factory.mktemp("steps2-svg"), names, canvas=False)


# The fill canvas's alpha channel, counted: pixels with some fill; those with less than a plain fill's
# alpha (edges); those with more (a district filled twice over); and, of the pixels with some fill
# all around them, two pixels each way (inside the districts' union, away from its outer edge),
# those that are not the plain fill's alpha (a seam between neighbours).
ALPHAS = """() => {
    const canvas = document.querySelector('.leaflet-hmFills-pane canvas'), w = canvas.width, h = canvas.height;
    const a = canvas.getContext('2d').getImageData(0, 0, w, h).data, alpha = (x, y) => a[4 * (y * w + x) + 3];
    const out = {filled: 0, partial: 0, over: 0, inner: 0, seams: 0};
    for (let y = 2; y < h - 2; y++) for (let x = 2; x < w - 2; x++) {
        const v = alpha(x, y);
        if (v === 0) continue;
        out.filled++;
        if (v < PLAIN - 1) out.partial++;
        if (v > PLAIN + 1) out.over++;
        let inside = true;
        for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) if (alpha(x + dx, y + dy) === 0) inside = false;
        if (!inside) continue;
        out.inner++;
        if (Math.abs(v - PLAIN) > 1) out.seams++;
    }
    return out;
}""".replace("PLAIN", str(PLAIN_ALPHA))


def _settle(page) -> None:
    page.js("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def test_canvas_fills_have_antialiased_edges_and_no_seams_between_neighbours(canvas_page, open_offline, names):
    page = open_offline(canvas_page)
    last = (START + dt.timedelta(days=len(names) + 3)).isoformat()
    page.js("d => handoverMap.setDate(d)", last)  # every district handed over: one plain fill
    _settle(page)
    assert set(page.js("() => handoverMap.districts().map(d => d.state)")) == {"transferred"}
    counted = page.js(ALPHAS)
    assert counted["filled"] > 100_000
    assert counted["over"] == 0  # no pixel filled twice, not even in the holes six districts have for others inside them
    assert counted["inner"] > 0.85 * counted["filled"] and counted["seams"] == 0
    # The outer edge is antialiased: pixels it crosses are partly filled, the more so the more they cover.
    assert counted["partial"] > 500
    # A step there and back (steps repaint only the districts that change) leaves the same pixels.
    page.js("() => { handoverMap.setDate('2021-01-20'); }")
    page.js("d => handoverMap.setDate(d)", last)
    _settle(page)
    assert page.js(ALPHAS) == counted
    # And after a zoom the districts are rasterised again for the new view, as sharp.
    page.js("void handoverMap.map.setZoom(handoverMap.map.getZoom() + 1, {animate: false})")
    _settle(page)
    zoomed = page.js(ALPHAS)
    assert zoomed["over"] == 0 and zoomed["seams"] == 0 and zoomed["partial"] > 500
    assert page.errors == []


def test_the_count_tells_a_more_opaque_fill_from_a_plain_one(canvas_page, open_offline):
    page = open_offline(canvas_page)
    page.js("handoverMap.setDate('2021-01-20')")  # some announced (hatched, opacity 0.9), some handed over, the rest not yet
    _settle(page)
    assert "scheduled" in page.js("() => handoverMap.districts().map(d => d.state)")
    assert page.js(ALPHAS)["over"] > 1000
    assert page.errors == []


def _label_points(page_file: Path) -> dict[int, list[list[float]]]:
    """{district index: the (lat, lon) points its name may stand at, best first}, from the page data."""
    data = json.loads(re.search(r"var data = (\{.*?\});\n", page_file.read_text(encoding="utf-8")).group(1))
    return {row[0]: [row[1][k : k + 2] for k in range(0, len(row[1]), 2)] for row in data["labels"]}


# The (lat, lon) of a point on the screen (CSS px).
AT_SCREEN = """([x, y]) => {
    const box = handoverMap.map.getContainer().getBoundingClientRect(), at = handoverMap.map.containerPointToLatLng([x - box.left, y - box.top]);
    return [at.lat, at.lng];
}"""


# Where (lat, lon) points fall on the screen, in CSS px.
ON_SCREEN = """(points) => {
    const box = handoverMap.map.getContainer().getBoundingClientRect();
    return points.map(([lat, lon]) => { const p = handoverMap.map.latLngToContainerPoint([lat, lon]); return [p.x + box.left, p.y + box.top]; });
}"""


# Each district's name: its text, whether it is placed with a flat (2D) transform, and the distance (CSS px)
# from its box's centre to the nearest of its label points on the screen ({label: [[lat, lon], ...]}).
NAMES = """(points) => {
    const map = handoverMap.map, frame = map.getContainer().getBoundingClientRect();
    return [...document.querySelectorAll('.hm-label')].map(el => {
        const r = el.getBoundingClientRect(), transform = getComputedStyle(el).transform;
        const off = Math.min(...points[el.textContent].map(at => { const p = map.latLngToContainerPoint(at);
            return Math.hypot(r.left + r.width / 2 - frame.left - p.x, r.top + r.height / 2 - frame.top - p.y); }));
        return {name: el.textContent, flat: !transform.startsWith('matrix3d') && !el.style.transform.includes('3d'), off: off};
    });
}"""


@pytest.mark.parametrize("which", ["svg", "canvas"])
def test_district_names_sit_on_their_points_with_a_flat_transform_after_zooms_and_pans(svg_page, canvas_page, open_offline, which):
    page_file = svg_page if which == "svg" else canvas_page
    page = open_offline(page_file)
    labelled = page.js("() => handoverMap.districts().length")
    label_of = [d["label"] for d in page.js("handoverMap.districts()")]
    points = {label_of[i]: at for i, at in _label_points(page_file).items()}
    for move in (
        None,
        "void handoverMap.map.setZoom(handoverMap.map.getZoom() + 1, {animate: false})",
        "void handoverMap.map.panBy([120, -80], {animate: false})",
        "void handoverMap.map.setZoom(handoverMap.map.getZoom() - 1, {animate: false})",
    ):
        if move:
            page.js(move)
            page.settle()
        names = page.js(NAMES, points)
        assert 10 <= len(names) <= labelled
        assert all(n["flat"] for n in names)
        assert max(n["off"] for n in names) <= 1.5, names
    # An animated zoom moves the names with the map, and they end on their points.
    page.js(
        """() => new Promise(done => { const map = handoverMap.map;
            map.once('zoomend', () => requestAnimationFrame(() => requestAnimationFrame(done))); map.setZoom(map.getZoom() + 1); })"""
    )
    page.settle()
    # (Leaflet ends a zoom a frame or two after "zoomend" on a busy machine: the names may take a frame more.)
    with contextlib.suppress(PlaywrightTimeoutError):
        page.page.wait_for_function(f"(points) => Math.max(...({NAMES})(points).map(n => n.off)) <= 1.5", arg=points, timeout=3_000)
    assert max(n["off"] for n in page.js(NAMES, points)) <= 1.5
    # Drawn like Leaflet's tooltips: their classes and opacity, under the pointer nothing.
    assert page.js(
        "() => [...document.querySelectorAll('.hm-label')].every(el => el.classList.contains('leaflet-tooltip') && getComputedStyle(el).opacity === '0.9' && getComputedStyle(el).pointerEvents === 'none')"
    )
    assert page.errors == []


def test_district_names_are_not_a_compositing_layer_each(svg_page, open_offline, browser_context):
    page = open_offline(svg_page)
    session = browser_context.new_cdp_session(page.page)
    trees: list = []
    session.on("LayerTree.layerTreeDidChange", lambda event: trees.append(event.get("layers")))
    session.send("LayerTree.enable")
    page.js("handoverMap.setDate('2021-01-20')")
    _settle(page)
    layers = [tree for tree in trees if tree][-1]
    names = page.js("document.querySelectorAll('.hm-label').length")
    assert names >= 20
    assert len(layers) < names  # one each would be more layers than names
    session.detach()
    assert page.errors == []


def test_a_canvas_map_hidden_and_shown_again_fills_its_districts(canvas_page, open_offline):
    page = open_offline(canvas_page)
    # A map not shown (a folded panel, say) has no size and nothing to draw, and no error to throw.
    page.js("() => { handoverMap.map.getContainer().style.display = 'none'; handoverMap.map.invalidateSize(); }")
    _settle(page)
    page.js("handoverMap.setDate('2021-01-20')")
    page.js("() => { handoverMap.map.getContainer().style.display = ''; handoverMap.map.invalidateSize(); }")
    _settle(page)
    assert page.js(ALPHAS)["filled"] > 10_000
    assert page.errors == []


# The names shown (not hidden), with their boxes in CSS px, and each district's area by its label.
SHOWN_NAMES = """() => {
    const area = Object.fromEntries(handoverMap.districts().map(d => [d.label, d.areaKm2]));
    return [...document.querySelectorAll('.hm-label')].map(el => {
        const r = el.getBoundingClientRect();
        return {name: el.textContent, shown: getComputedStyle(el).visibility !== 'hidden', box: [r.left, r.top, r.right, r.bottom], area: area[el.textContent]};
    });
}"""


def _crossing(a: list[float], b: list[float], gap: float = 0) -> bool:
    return a[0] - gap < b[2] and b[0] - gap < a[2] and a[1] - gap < b[3] and b[1] - gap < a[3]


@pytest.mark.parametrize("width", [1200, 390])
def test_a_name_moves_within_its_district_or_hides_where_a_larger_districts_name_is_in_the_way(svg_page, open_offline, width):
    page = open_offline(svg_page)
    page.page.set_viewport_size({"width": width, "height": 800})
    page.js("void handoverMap.map.invalidateSize({animate: false}), handoverMap.map.fire('zoomend')")
    page.settle()
    names = page.js(SHOWN_NAMES)
    shown = [n for n in names if n["shown"]]
    assert 0 < len(shown) < len(names)  # 80 districts of Azerbaijan: not all names fit at the opening zoom
    assert not any(_crossing(a["box"], b["box"]) for a in shown for b in shown if a is not b)
    label_of = [d["label"] for d in page.js("handoverMap.districts()")]
    points = {label_of[i]: at for i, at in _label_points(svg_page).items()}
    moved = 0
    for name in names:
        left, top, right, bottom = name["box"]
        half_width, half_height = (right - left) / 2, (bottom - top) / 2
        centres = page.js(ON_SCREEN, points[name["name"]])
        boxes = [[x - half_width, y - half_height, x + half_width, y + half_height] for x, y in centres]
        if name["shown"]:
            # It stands at one of its points: the first where no larger district's name is (labels.js: GAP, 2 px each).
            at = next(k for k, box in enumerate(boxes) if all(abs(a - b) <= 1.5 for a, b in zip(box, name["box"])))
            moved += at > 0
            larger = [s for s in shown if s["area"] > name["area"]]
            assert all(any(_crossing(box, s["box"], gap=2.5) for s in larger) for box in boxes[:at]), name["name"]
        else:
            # Hidden only where every point of its own crosses a shown name of a district at least as large.
            assert all(any(_crossing(box, s["box"], gap=4.5) and s["area"] >= name["area"] for s in shown) for box in boxes), name["name"]
    assert moved > 0  # the map has names that stand aside rather than hide
    page.js("void handoverMap.map.setZoom(handoverMap.map.getZoom() + 2, {animate: false})")
    page.settle()
    closer = page.js(SHOWN_NAMES)
    assert sum(n["shown"] for n in closer) > len(shown)
    assert page.errors == []


# Seven provinces of Afghanistan taken in August 2021: Kandahar and Nimruz flank Helmand, whose
# name stood where theirs would at the opening zoom.
AFG_ADM1 = MIRROR / "geoBoundaries-AFG-ADM1_simplified.geojson"
PROVINCES = ("Nimruz", "Jowzjan", "Kunduz", "Ghanzi", "Herat", "Helmand", "Kandahar")


@pytest.fixture(scope="module")
def provinces_page(tmp_path_factory) -> Path:
    events = [Event(name, dt.date(2021, 8, 6 + k), "captured", "", "Taliban") for k, name in enumerate(PROVINCES)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return build_map(
            tmp_path_factory.mktemp("provinces") / "map.html", events=events, boundaries=str(AFG_ADM1), name_field="shapeName", self_contained=True
        )


@pytest.mark.parametrize(("width", "zoom_out"), [(1200, 0), (1200, 1), (390, 0)])
def test_every_province_taken_is_named_at_desktop_and_phone_width(provinces_page, open_offline, width, zoom_out):
    page = open_offline(provinces_page)
    page.page.set_viewport_size({"width": width, "height": 800})
    page.js("void handoverMap.map.invalidateSize({animate: false}), handoverMap.map.fire('zoomend')")
    page.js(f"void handoverMap.map.setZoom(handoverMap.map.getZoom() - {zoom_out}, {{animate: false}})")
    page.settle()
    names = page.js(SHOWN_NAMES)
    assert sorted(n["name"] for n in names if n["shown"]) == sorted(PROVINCES)
    shown = [n["box"] for n in names]
    assert not any(_crossing(a, b) for a in shown for b in shown if a is not b)
    # Each name stands over its own province: the point at its centre lies inside it.
    provinces = load_boundaries(AFG_ADM1, "shapeName")
    for name in names:
        left, top, right, bottom = name["box"]
        lat, lon = page.js(AT_SCREEN, [(left + right) / 2, (top + bottom) / 2])
        assert list(provinces[provinces.contains(shapely.Point(lon, lat))]["name"]) == [name["name"]]
    assert page.errors == []
