"""The page's polygons as one topology (topology.py) and their decoding in the page (templates/js/topology.js).

Decoding must give back the rings of the rounded GeoJSON the page used to
carry, point for point (a ring may start at another of its points); a border
that polygons share is written once; the page draws the districts where
their GeoJSON lies, and its context under and over them.
"""

from __future__ import annotations

import itertools
import json
from importlib import resources

import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import AZE_ADM2
from handover_map.render import rounded_geojson, script_json
from handover_map.topology import topology_json

Ring = list[tuple[float, float]]


def decode(text: str) -> dict[str, list[dict]]:
    """The GeoJSON geometries of each object: topology.js's steps, in Python."""
    topology = json.loads(text)
    scale, (x, y) = topology["scale"], topology["translate"]
    arcs = []
    for numbers in topology["arcs"]:
        points = []
        for k in range(0, len(numbers), 2):
            x, y = x + numbers[k], y + numbers[k + 1]
            points.append([x / scale, y / scale])
        arcs.append(points)

    def ring(refs: list[int]) -> list:
        points: list = []
        for ref in refs:
            arc = arcs[ref] if ref >= 0 else arcs[~ref][::-1]
            points += arc[1:] if points else arc
        return points

    def geometry(shape: list) -> dict:
        if shape and isinstance(shape[0][0], list):
            return {"type": "MultiPolygon", "coordinates": [[ring(r) for r in polygon] for polygon in shape]}
        return {"type": "Polygon", "coordinates": [ring(r) for r in shape]}

    return {name: [geometry(shape) for shape in shapes] for name, shapes in topology["objects"].items()}


def _polygons(geojson: dict) -> list[list[list]]:
    return geojson["coordinates"] if geojson["type"] == "MultiPolygon" else [geojson["coordinates"]]


def same_ring(decoded: list, expected: list) -> bool:
    """Whether two closed rings are the same sequence of points, from any start."""
    if len(decoded) != len(expected) or decoded[0] != decoded[-1]:
        return False
    ring, target = [tuple(p) for p in decoded[:-1]], [tuple(p) for p in expected[:-1]]
    return any(ring[k:] + ring[:k] == target for k in range(len(ring)) if ring[k] == target[0])


def assert_same_geometry(decoded: dict, geometry: shapely.Geometry, decimals: int) -> None:
    expected = rounded_geojson(geometry, decimals)
    assert decoded["type"] == expected["type"]
    polygons, wanted = _polygons(decoded), _polygons(expected)
    assert [len(p) for p in polygons] == [len(p) for p in wanted]  # holes and parts kept, in order
    for polygon, target in zip(polygons, wanted):
        for ring, target_ring in zip(polygon, target):
            assert same_ring(ring, target_ring), (ring[:4], target_ring[:4])


def arcs_per_segment(text: str) -> dict[frozenset, set[int]]:
    """{segment (its two quantised points): the arcs that hold it}."""
    topology = json.loads(text)
    x = y = 0
    holders: dict[frozenset, set[int]] = {}
    for index, numbers in enumerate(topology["arcs"]):
        points = []
        for k in range(0, len(numbers), 2):
            x, y = x + numbers[k], y + numbers[k + 1]
            points.append((x, y))
        for a, b in itertools.pairwise(points):
            holders.setdefault(frozenset((a, b)), set()).add(index)
    return holders


def assert_written_once(text: str) -> None:
    shared = {tuple(segment): arcs for segment, arcs in arcs_per_segment(text).items() if len(arcs) > 1}
    assert shared == {}


def _square(x: float, y: float, side: float, per_side: int = 4) -> shapely.Polygon:
    steps = [k / per_side for k in range(per_side)]
    ring = [(x + side * t, y) for t in steps] + [(x + side, y + side * t) for t in steps]
    ring += [(x + side - side * t, y + side) for t in steps] + [(x, y + side - side * t) for t in steps]
    return shapely.Polygon(ring)


def test_a_shared_border_is_one_arc_that_both_districts_use():
    west, east = _square(46.0, 40.0, 0.1), _square(46.1, 40.0, 0.1)
    text = topology_json({"districts": [west, east]}, 5)
    decoded = decode(text)["districts"]
    assert_same_geometry(decoded[0], west, 5)
    assert_same_geometry(decoded[1], east, 5)
    assert_written_once(text)
    topology = json.loads(text)
    west_refs, east_refs = topology["objects"]["districts"][0][0], topology["objects"]["districts"][1][0]
    common = {r if r >= 0 else ~r for r in west_refs} & {r if r >= 0 else ~r for r in east_refs}
    assert len(common) == 1  # the border between them, one way for one, the other way for the other
    (arc,) = common
    assert (arc in west_refs) != (arc in east_refs)
    # 5 points of the shared border, written once: 16 + 16 - 5 + 3 junction points that start the other arcs
    assert sum(len(numbers) // 2 for numbers in topology["arcs"]) < 2 * 16


def test_holes_islands_and_multipolygons_are_kept():
    island = _square(46.04, 40.04, 0.02)
    ring_with_hole = shapely.Polygon(_square(46.0, 40.0, 0.1).exterior.coords, [island.exterior.coords[::-1]])
    two_parts = shapely.MultiPolygon([_square(46.3, 40.0, 0.05), _square(46.4, 40.0, 0.05)])
    text = topology_json({"districts": [ring_with_hole, two_parts], "islands": [island]}, 5)
    decoded = decode(text)
    assert_same_geometry(decoded["districts"][0], ring_with_hole, 5)
    assert_same_geometry(decoded["districts"][1], two_parts, 5)
    assert_same_geometry(decoded["islands"][0], island, 5)
    topology = json.loads(text)
    hole_refs, island_refs = topology["objects"]["districts"][0][1], topology["objects"]["islands"][0][0]
    assert len(hole_refs) == len(island_refs) == 1 and {hole_refs[0], ~hole_refs[0]} & set(island_refs)  # the island fills the hole: one arc
    assert_written_once(text)


def test_tiny_districts_keep_every_point():
    # Smaller than the rounding step (1e-5 degrees): every point rounds to one or two places, and still the ring is kept.
    tiny = [_square(46.0, 40.0, 2e-6), _square(46.00001, 40.0, 8e-6), shapely.box(46.1, 40.1, 46.10002, 40.2)]
    decoded = decode(topology_json({"districts": tiny}, 5))["districts"]
    assert len(decoded) == 3
    for shape, geometry in zip(decoded, tiny):
        assert_same_geometry(shape, geometry, 5)
        assert len(shape["coordinates"][0]) == len(geometry.exterior.coords)


def test_points_that_rounding_merges_and_polygons_drawn_twice_stay_as_written():
    # Two points of the shared border 1e-7 apart round to one: each side keeps it twice, as its GeoJSON does.
    border = [(46.1, 40.0), (46.1, 40.03), (46.1000001, 40.03), (46.1, 40.06), (46.1, 40.1)]
    west = shapely.Polygon([(46.0, 40.0), *border, (46.0, 40.1)])
    east = shapely.Polygon([*border[::-1], (46.2, 40.0)])
    spike = shapely.Polygon([(46.3, 40.0), (46.4, 40.0), (46.35, 40.05), (46.35, 40.09), (46.35, 40.05), (46.3, 40.1)])
    text = topology_json({"districts": [west, east, spike], "again": [east]}, 5)
    decoded = decode(text)
    for shape, geometry in zip(decoded["districts"] + decoded["again"], [west, east, spike, east]):
        assert_same_geometry(shape, geometry, 5)
    assert_written_once(text)
    topology = json.loads(text)
    assert topology["objects"]["again"] == topology["objects"]["districts"][1:2]  # the same arcs, the same way round


def test_collections_keep_their_polygons_and_empty_geometries_their_place():
    polygon = _square(46.0, 40.0, 0.1)
    clipped = shapely.GeometryCollection([polygon, shapely.LineString([(47, 40), (47.1, 40)]), shapely.Point(47, 41)])
    decoded = decode(topology_json({"others": [shapely.Polygon(), clipped, polygon]}, 5))["others"]
    assert decoded[0] == {"type": "Polygon", "coordinates": []}
    assert_same_geometry(decoded[1], shapely.MultiPolygon([polygon]), 5)
    assert_same_geometry(decoded[2], polygon, 5)
    with_empty_part = shapely.from_wkt("MULTIPOLYGON (EMPTY, ((46 40, 46.1 40, 46.1 40.1, 46 40)))")
    assert decode(topology_json({"districts": [with_empty_part]}, 5))["districts"][0]["type"] == "MultiPolygon"
    assert decode(topology_json({"districts": [], "others": []}, 5)) == {"districts": [], "others": []}


@pytest.fixture(scope="module")
def azerbaijan():
    import geopandas as gpd

    return list(gpd.read_file(AZE_ADM2).geometry)


def test_real_districts_come_back_as_their_rounded_geojson_in_a_third_of_the_bytes(azerbaijan):
    for decimals in (4, 5, 6):
        text = topology_json({"districts": azerbaijan}, decimals)
        for shape, geometry in zip(decode(text)["districts"], azerbaijan, strict=True):
            assert_same_geometry(shape, geometry, decimals)
        assert_written_once(text)
        geojson = sum(len(script_json(rounded_geojson(g, decimals))) for g in azerbaijan)
        assert len(text) < geojson / 3, (decimals, len(text), geojson)


def test_the_same_polygons_give_the_same_text_safe_in_a_script(azerbaijan):
    text = topology_json({"districts": azerbaijan[:20], "others": azerbaijan[20:]}, 5)
    assert topology_json({"districts": azerbaijan[:20], "others": azerbaijan[20:]}, 5) == text
    assert script_json(json.loads(text)) == text  # spliced into the page as it is (render._data_json)


@st.composite
def coverages(draw):
    """Voronoi cells of random points, clipped to a box near Karabakh: polygons that share borders.

    The points lie on a grid of a millionth of the box: two distinct random floats
    could otherwise fall on one coordinate (0 and 5e-324 both give 46.0), and GEOS
    cannot draw the cells of a point given twice."""
    grid = st.integers(0, 10**6)
    seeds = draw(st.lists(st.tuples(grid, grid), min_size=2, max_size=25, unique=True))
    box = shapely.box(46.0, 39.5, 46.8, 40.1)
    points = shapely.MultiPoint([(46.0 + 0.8 * x / 10**6, 39.5 + 0.6 * y / 10**6) for x, y in seeds])
    cells = [shapely.intersection(cell, box) for cell in shapely.get_parts(shapely.voronoi_polygons(points, extend_to=box))]
    return [cell for cell in cells if cell.geom_type == "Polygon" and not cell.is_empty], draw(st.integers(4, 6))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(coverages())
def test_any_coverage_round_trips_with_each_border_written_once(coverage):
    cells, decimals = coverage
    text = topology_json({"districts": cells}, decimals)
    for shape, cell in zip(decode(text)["districts"], cells, strict=True):
        assert_same_geometry(shape, cell, decimals)
    assert_written_once(text)


def _topology_js() -> str:
    return resources.files("handover_map").joinpath("templates", "js", "topology.js").read_text(encoding="utf-8")


@pytest.mark.browser
def test_the_page_decoder_gives_exactly_the_rounded_geojson(browser_context, azerbaijan):
    island = _square(46.04, 40.04, 0.02)
    special = [
        shapely.Polygon(_square(46.0, 40.0, 0.1).exterior.coords, [island.exterior.coords[::-1]]),
        island,
        shapely.MultiPolygon([_square(46.3, 40.0, 0.05), _square(46.4, 40.0, 0.05)]),
        _square(46.5, 40.0, 2e-6),
    ]
    text = topology_json({"districts": azerbaijan, "special": special}, 5)
    page = browser_context.new_page()
    try:
        collections = page.evaluate(f"topology => {{ {_topology_js()}; return decodeTopology(topology); }}", json.loads(text))
    finally:
        page.close()
    for name, geometries in (("districts", azerbaijan), ("special", special)):
        features = collections[name]["features"]
        assert [f["properties"]["i"] for f in features] == list(range(len(geometries)))
        for feature, geometry in zip(features, geometries, strict=True):
            assert_same_geometry(feature["geometry"], geometry, 5)
    mirrored = decode(text)
    assert {name: [f["geometry"] for f in collection["features"]] for name, collection in collections.items()} == mirrored  # the same numbers, bit for bit


@pytest.fixture(scope="module")
def default_layers():
    from handover_map.build import prepare_map
    from handover_map.cartography import choose_decimals

    layers = prepare_map().layers
    return layers, choose_decimals(layers.bounds)


@pytest.mark.browser
def test_districts_of_the_default_page_are_drawn_where_their_geojson_is(default_map, open_offline, default_layers):
    layers, decimals = default_layers
    page = open_offline(default_map)
    boxes = page.js("""() => {
        const map = handoverMap.map;
        return handoverMap.layer.getLayers().map(layer => {
            const box = layer.getElement().getBBox();
            return [layer.feature.properties.i, [box.x, box.y, box.x + box.width, box.y + box.height]];
        });
    }""")
    assert sorted(i for i, _ in boxes) == list(range(len(layers.districts)))
    for i, drawn in boxes:
        minx, miny, maxx, maxy = shapely.from_geojson(json.dumps(rounded_geojson(layers.districts[i].geometry, decimals))).bounds
        expected = page.js(
            "([w, s, e, n]) => { const a = handoverMap.map.latLngToLayerPoint([n, w]), b = handoverMap.map.latLngToLayerPoint([s, e]); return [a.x, a.y, b.x, b.y]; }",
            [minx, miny, maxx, maxy],
        )
        assert drawn == pytest.approx(expected, abs=1.5), layers.districts[i].name  # Leaflet drops points within a pixel of a line


@pytest.mark.browser
def test_the_context_is_drawn_under_and_over_the_districts_and_never_answers_the_mouse(default_map, open_offline, default_layers):
    layers, _ = default_layers
    page = open_offline(default_map)
    # The hatching paths (one per hatched fill, under the districts) are the districts' fills, not context.
    paths = page.js("""() => [...document.querySelectorAll('.leaflet-overlay-pane path:not(.hm-hatching)')].map(p => [
        p.getAttribute('stroke'), p.getAttribute('fill'), p.getAttribute('stroke-dasharray'), p.classList.contains('leaflet-interactive')])""")
    kinds = []
    for stroke, fill, dashes, interactive in paths:
        kind = {"#7a7a7a": "countries", "#9e9e9e": "others", "#2b2b2b": "districts", "#222222": "held", "#ffffff": "town"}[stroke]
        assert interactive == (kind == "districts")
        if kind == "held":
            assert (fill, dashes) == ("none", "6 5")
        if not kinds or kinds[-1] != kind:
            kinds.append(kind)
    assert kinds == ["countries", "others", "districts", "held", "town"]
    counts = {kind: sum(1 for stroke, *_ in paths if stroke == colour) for kind, colour in (("countries", "#7a7a7a"), ("others", "#9e9e9e"))}
    assert counts == {"countries": len(layers.countries), "others": len(layers.other_districts)}
