"""Large maps: windowed event list, Canvas renderer, precision, simplification."""

from __future__ import annotations

import datetime as dt
import json
import random
import subprocess
import sys
import warnings

import hypothesis
import pytest
import shapely
from hypothesis import strategies as st

from conftest import AZE_ADM2, REPO
from handover_map import build_map, load_boundaries
from handover_map.cartography import choose_decimals, equal_area_crs, simplify_coverage
from handover_map.events import Event
from handover_map.gazetteer import Gazetteer


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
    # A window of 32 (a few screens), the current events a quarter of the way down; reading on adds more (test_smallsteps_browser.py).
    assert items.count() == 32
    assert page.page.locator("#hm-event-window").inner_text() == "Events 8–39 of 156, around the slider’s date"
    page.js("handoverMap.setDate('2021-03-20')")  # the last handovers
    assert page.page.locator("#hm-event-window").inner_text() == "Events 125–156 of 156, around the slider’s date"
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


def test_the_page_data_spliced_as_text_is_the_json_of_the_whole_tree(districts):
    from handover_map import MapModel
    from handover_map.cartography import prepare_layers
    from handover_map.render import _data_json, page_data, script_json

    events = _many_events(list(districts["name"])[:20])
    joined: dict[str, list[Event]] = {}
    for event in events:
        joined.setdefault(event.district, []).append(event)
    model = MapModel.create(prepare_layers(districts, joined), joined, title="Many")
    data = page_data(model, model.timeline.stops[0], 5)
    assert list(data)[-1] == "geometry"  # the splice relies on it
    whole = {**data, "geometry": json.loads(data["geometry"])}
    assert len(whole["geometry"]["objects"]["districts"]) == 20
    assert _data_json(data) == script_json(whole)


def test_a_large_join_gives_each_district_its_events_in_table_order():
    from handover_map.gazetteer import join_events

    names = [f"District {k:05d}" for k in range(3_000)]
    rng = random.Random(7)
    events = [
        Event(name if rng.random() < 0.5 else name.upper(), dt.date(2021, 1, 1 + k % 28), "completed") for k, name in enumerate(rng.choices(names, k=9_000))
    ]
    joined = join_events(events, names)
    expected: dict[str, list[Event]] = {}
    for event in events:
        expected.setdefault(event.district.title(), []).append(event)  # every spelling finds its district
    assert joined == expected


def test_mentions_remembered_or_not_are_the_same(monkeypatch):
    from handover_map import _memory
    from handover_map import gazetteer as module

    names = ["Agdam District", "Kalbajar District", "Lachin District", "Baku City"]
    text = "Troops entered Aghdam and Kalbajar.\nLachin District followed; Baku City said so. Agdam District again, and Kalbajar."
    fresh = module.Gazetteer(names).mentions(text)
    monkeypatch.setattr(_memory, "LIMIT", 3)
    small = module.Gazetteer(names)
    assert small.mentions(text) == fresh
    assert small.mentions(text) == fresh  # answered partly from memory
    assert len(small._phrase_names) <= 3
    assert [m.text for m in fresh] == ["Aghdam", "Kalbajar", "Lachin District", "Baku City", "Agdam District", "Kalbajar"]


@pytest.mark.parametrize(
    ("arguments", "unwanted"), [(["--help"], ("geopandas", "folium", "shapely")), (["extract", "--help"], ("folium", "branca", "matplotlib"))]
)
def test_a_command_imports_only_what_it_needs(arguments, unwanted):
    script = (
        "import sys\nfrom click.testing import CliRunner\nfrom handover_map.cli import cli\n"
        f"assert CliRunner().invoke(cli, {arguments!r}).exit_code == 0\n"
        f"print(sorted(m for m in {unwanted!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_extracting_loads_no_page_code(tmp_path):
    script = (
        "import sys\nfrom handover_map.build import extract_reports\n"
        f"extract_reports({str(REPO / 'tests' / 'articles')!r})\n"
        "print(sorted(m for m in ('folium', 'branca', 'matplotlib', 'handover_map.render') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


# Pieces of text that reach the date and sentence rules (whole dates, digits and their
# separators, month words of several lexicons, stop marks, quotes, abbreviations, capitals),
# joined with or without spaces.
_PIECES = [
    "November 20",
    "20 November 2020",
    "Nov. 20, 2020",
    "20.11.2020",
    "2020-11-20",
    "07/12/2020",
    "8-10 August",
    "25 ноября",
    "am 1. Dezember",
    "le 1er décembre",
    "the 25th of November",
    "Friday",
    "today",
    "A320",
    "x2020",
    "20",
    "2020",
    "1",
    ".",
    "/",
    "-",
    "Mr.",
    "Kabul",
    "the troops left.",
    "Lachin.Next",
    "…",
    "!",
    "?",
    "»",
    "”",
    "(",
    "\n",
]


@hypothesis.settings(max_examples=300, deadline=None)
@hypothesis.given(
    st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(["", " ", "  "])), max_size=30).map(lambda pairs: "".join(a + b for a, b in pairs)),
    st.integers(0, 200),
    st.integers(0, 200),
)
def test_patterns_tried_only_where_they_can_start_find_what_a_scan_finds(text, first, last):
    """Dates that open with a digit are tried only where digits start, sentence breaks only after a
    stop mark (for speed): what they find must be what scanning every character finds."""
    from handover_map import datewords, lexicon, reading

    digits = [run.start() for run in datewords._DIGITS.finditer(text)]
    for language in lexicon.languages():
        reader = datewords.DateReader(lexicon.load(language), None)
        for form, pattern, _, _ in reader.patterns:
            if form in datewords._DIGIT_FIRST:
                assert [m.span() for m in datewords.matches_at(pattern, text, digits)] == [m.span() for m in pattern.finditer(text)]
    start, end = sorted((min(first, len(text)), min(last, len(text))))
    marks = (mark.end() for mark in reading._STOP.finditer(text, max(0, start - 1), end))
    assert [m.span() for m in datewords.matches_at(reading._SENTENCE_BREAK, text, marks, end)] == [
        m.span() for m in reading._SENTENCE_BREAK.finditer(text, start, end)
    ]


def test_place_words_remembered_or_not_are_the_same(monkeypatch):
    from handover_map import _memory
    from handover_map import places as module

    gazetteer = Gazetteer(["Agdam District", "Kalbajar District", "Lachin District"])
    text = "Troops entered Aghdam, then Kelbadschar and Latschin; Aghdam again, Kalbajar, Kelbajar and Agdam."
    fresh = module.PlaceFinder(gazetteer).find(text)
    monkeypatch.setattr(_memory, "LIMIT", 2)
    small = module.PlaceFinder(gazetteer)
    assert small.find(text) == fresh
    assert small.find(text) == fresh  # answered partly from memory
    assert len(small._word_features) <= 2
    assert [p.text for p in fresh] == ["Aghdam", "Kelbadschar", "Latschin", "Aghdam", "Kalbajar", "Kelbajar", "Agdam"]
