"""Large maps: windowed event list, Canvas renderer, precision, simplification."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
import shapely

from conftest import AZE_ADM2
from handover_map import build_map, load_boundaries
from handover_map.cartography import choose_decimals, equal_area_crs, simplify_coverage
from handover_map.events import Event


@pytest.fixture(scope="module")
def districts():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_boundaries(AZE_ADM2, "shapeName")


def _many_events(names: list[str]) -> list[Event]:
    start = dt.date(2021, 1, 1)
    events = []
    for k, name in enumerate(names):
        events.append(Event(name, start + dt.timedelta(days=k), "scheduled", "A", "B"))
        events.append(Event(name, start + dt.timedelta(days=k + 3), "completed", "A", "B"))
    return events


@pytest.mark.browser
def test_a_long_event_list_shows_a_window_that_follows_the_slider(tmp_path, districts, open_offline):
    events = _many_events(list(districts["name"]))
    assert len(events) == 156
    page = open_offline(build_map(tmp_path / "many.html", events=events, boundaries=str(AZE_ADM2), name_field="shapeName", context="none", self_contained=True))
    items = page.page.locator(".hm-event")
    page.js("handoverMap.setDate('2021-01-10')")
    assert items.count() == 120
    assert page.page.locator("#hm-event-window").inner_text() == "Events 1–120 of 156, around the slider’s date"
    page.js("handoverMap.setDate('2021-03-20')")  # the last handovers
    assert page.page.locator("#hm-event-window").inner_text() == "Events 37–156 of 156, around the slider’s date"
    current = page.page.locator(".hm-event[aria-current=true]")
    assert current.count() == 1 and "20 Mar 2021" in current.inner_text()
    assert page.errors == [] and page.blocked == []


@pytest.mark.browser
def test_canvas_renderer_for_many_districts_still_hatches_and_recolours(tmp_path, districts, open_offline, monkeypatch):
    monkeypatch.setattr("handover_map.settings.CANVAS_THRESHOLD", 10)
    page = open_offline(
        build_map(
            tmp_path / "canvas.html",
            events=_many_events(list(districts["name"])),
            boundaries=str(AZE_ADM2),
            name_field="shapeName",
            context="none",
            self_contained=True,
        )
    )
    assert page.js("document.querySelectorAll('canvas.leaflet-zoom-animated').length") >= 1
    assert page.js("document.querySelectorAll('path.leaflet-interactive').length") == 0
    page.js("handoverMap.setDate('2021-01-01')")
    fills = page.js("() => handoverMap.layer.getLayers().map(l => l.options.fillColor instanceof CanvasPattern ? 'pattern' : l.options.fillColor)")
    assert "pattern" in fills  # scheduled districts are hatched
    assert page.js("handoverMap.stateOf('Absheron District')") == "scheduled"
    page.js("handoverMap.setDate('2021-01-04')")
    assert page.js("handoverMap.stateOf('Absheron District')") == "transferred"
    assert page.errors == []


@pytest.mark.parametrize(("extent", "decimals"), [(0.5, 6), (1.6, 5), (8, 4), (80, 4)])
def test_decimals_follow_the_map_scale(extent, decimals):
    assert choose_decimals((30, 48, 30 + extent, 48 + extent / 2)) == decimals


def test_simplification_keeps_shared_borders_and_stays_within_tolerance(districts):
    simplified = simplify_coverage(districts, 250)
    crs = equal_area_crs(shapely.union_all(districts.geometry.values).envelope)
    before, after = districts.to_crs(crs), simplified.to_crs(crs)
    assert shapely.get_num_coordinates(simplified.geometry.values).sum() < 0.85 * shapely.get_num_coordinates(districts.geometry.values).sum()
    shift = max(shapely.hausdorff_distance(a, b) for a, b in zip(before.geometry.values, after.geometry.values))
    assert shift <= 250
    # No new gaps or overlaps: the sum of areas and the area of the union move together.
    slack_before = before.area.sum() - shapely.union_all(before.geometry.values).area
    slack_after = after.area.sum() - shapely.union_all(after.geometry.values).area
    assert abs(slack_after - slack_before) < 1e4  # under one hectare over the whole country
    assert list(simplified["name"]) == list(districts["name"])
