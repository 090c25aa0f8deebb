"""The map as a reader sees it: real Chromium, no network."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

STATE_CASES = [
    ("Aghdam", "2020-11-19", "held"),
    ("Aghdam", "2020-11-20", "transferred"),
    ("Agdam District", "2020-11-20", "transferred"),
    ("Kalbajar", "2020-11-14", "scheduled"),
    ("Kalbajar", "2020-11-15", "postponed"),
    ("Kalbajar", "2020-11-24", "postponed"),
    ("Kalbajar", "2020-11-25", "transferred"),
    ("Kalbajar District", "2021-06-01", "transferred"),
    ("Lachin", "2020-11-30", "scheduled"),
    ("Lachin", "2020-12-01", "transferred"),
]


def test_self_contained_map_loads_offline_without_errors(default_map, open_offline):
    page = open_offline(default_map)
    page.page.wait_for_load_state("load")
    assert page.blocked == []
    assert page.failed == []
    assert page.errors == []
    assert page.js("document.querySelectorAll('path.leaflet-interactive').length") >= 3


@pytest.mark.parametrize(("name", "day", "state"), STATE_CASES)
def test_state_of_districts_by_date(default_map, open_offline, name, day, state):
    page = open_offline(default_map)
    assert page.js("d => handoverMap.setDate(d)", day) == day
    assert page.js("() => handoverMap.date()") == day
    assert page.js("n => handoverMap.stateOf(n)", name) == state


def test_lachin_is_handed_over_only_when_its_report_says_so(default_map, open_offline):
    page = open_offline(default_map)
    page.js("handoverMap.setDate('2020-11-30')")  # its date announced, not yet reached
    assert page.js("handoverMap.stateOf('Lachin')") == "scheduled"
    page.js("handoverMap.setDate('2020-12-05')")  # after the latest report: the state it reported holds
    assert page.js("handoverMap.stateOf('Lachin')") == "transferred"


def test_dates_are_the_slider_stops(default_map, open_offline):
    page = open_offline(default_map)
    stops = page.js("handoverMap.dates()")
    assert stops == ["2020-11-14", "2020-11-15", "2020-11-20", "2020-11-25", "2020-12-01"]  # the slider ends on the latest report's date
    assert page.js("document.querySelector('input[type=range]').max") == "17"  # the slider runs through the days: 14 Nov to 1 Dec
    assert page.js("handoverMap.stateOf('Nowhere')") is None


def _fills(page) -> dict[str, str]:
    """Fill colour of each district's SVG path, as the browser draws it."""
    return page.js(
        """() => {
            const out = {};
            handoverMap.layer.eachLayer(l => { out[l.feature.properties.i] = l._path.getAttribute('fill'); });
            return out;
        }"""
    )


def test_moving_the_slider_recolours_the_districts(default_map, open_offline):
    page = open_offline(default_map)
    slider = page.page.locator("input[type=range]")
    slider.fill("0")  # day 0, 14 Nov: Aghdam held, Kalbajar and Lachin scheduled
    before = _fills(page)
    assert page.js("handoverMap.date()") == "2020-11-14"
    assert page.page.locator(".hm-date").inner_text() == "14 Nov 2020"
    slider.fill("10")  # day 10, 24 Nov: the nearest stop is 25 Nov, when Aghdam and Kalbajar are handed over
    after = _fills(page)
    assert page.js("handoverMap.date()") == "2020-11-25"
    assert page.page.locator(".hm-date").inner_text() == "25 Nov 2020"
    names = page.js("() => { const n = {}; handoverMap.layer.eachLayer(l => { n[l.feature.properties.i] = l.feature.properties.i; }); return n; }")
    assert set(before) == set(after) == set(names)
    changed = {i for i in before if before[i] != after[i]}
    assert len(changed) == 2  # Aghdam and Kalbajar; Lachin stays scheduled
    assert {after[i] for i in changed} == {"#0072B2"}
    assert page.js("handoverMap.stateOf('Lachin')") == "scheduled"


def test_set_date_moves_the_slider(default_map, open_offline):
    page = open_offline(default_map)
    page.js("handoverMap.setDate('2020-11-22')")
    assert page.page.locator("input[type=range]").input_value() == "8"  # 22 Nov is day 8 from 14 Nov
    page.page.locator("input[type=range]").fill("3")  # 17 Nov: the nearest stop is 15 Nov
    assert page.js("handoverMap.date()") == "2020-11-15"
    page.page.locator("input[type=range]").fill("4")  # 18 Nov: 20 Nov is nearer
    assert page.js("handoverMap.date()") == "2020-11-20"


def test_popup_shows_district_date_and_events(default_map, open_offline):
    page = open_offline(default_map)
    page.js("handoverMap.setDate('2020-11-25')")
    page.click_district("Kalbajar District")
    popup = page.page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5_000)
    text = popup.inner_text()
    assert "Kalbajar District" in text
    assert "On 25 Nov 2020: Handed over to Azerbaijan" in text
    assert "15 Nov 2020: handover postponed" in text
    assert "25 Nov 2020: handed over (Armenia → Azerbaijan)" in text
    assert "Azerbaijan Army Moves into Second District Handed Back by Armenia" in text
    page.js("handoverMap.setDate('2020-11-16')")  # an open popup follows the date
    assert "On 16 Nov 2020: Announced handover put off" in popup.inner_text()


def test_title_legend_and_credits_are_shown(default_map, open_offline):
    page = open_offline(default_map)
    assert "Armenia hands three districts back to Azerbaijan" in page.page.locator("h1").inner_text()
    legend = page.page.locator(".hm-legend").inner_text()
    for label in ("Held by Armenia", "Handed over to Azerbaijan", "Handover announced", "put off"):
        assert label in legend
    assert "Announced date passed" not in legend  # Lachin's date passed after the report: the page cannot know
    credits = page.page.locator(".hm-credits").inner_text()
    assert "geoBoundaries" in credits and "CC BY-SA 3.0" in credits and "25 November 2020" in credits


HOSTILE = [
    '</script><script>window.pwned = "script";</script>',
    "<img src=x onerror=\"window.pwned = 'img'\">",
    'He said "it\'s over" & left </b>\u2028next',
]


def test_text_from_tables_never_runs_as_script(tmp_path, open_offline):
    from handover_map import build_map

    events = tmp_path / "hostile.csv"
    rows = ["district,date,kind,from,to,source,evidence,note"]
    for i, text in enumerate(HOSTILE):
        quoted = text.replace('"', '""')
        rows.append(f'Aghdam,2020-11-2{i},completed,"{quoted}",Azerbaijan,"{quoted}","{quoted}","{quoted}"')
    events.write_text("\n".join(rows) + "\n", encoding="utf-8")
    path = build_map(tmp_path / "hostile.html", events=events, title=HOSTILE[0], subtitle=HOSTILE[1], credits=[HOSTILE[2]], self_contained=True)
    page = open_offline(path)
    assert page.errors == [] and page.blocked == []
    assert page.js("window.pwned === undefined")
    assert page.page.locator("h1").inner_text() == HOSTILE[0]
    assert page.page.locator(".hm-subtitle").inner_text() == HOSTILE[1]
    page.js("handoverMap.setDate('2020-11-25')")
    page.click_district("Agdam District")
    popup = page.page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5_000)
    quotes = popup.locator("blockquote").all_inner_texts()
    assert quotes == [f"\u201c{text}\u201d" for text in HOSTILE]
    assert page.js("window.pwned === undefined")


def test_hostile_article_text_is_shown_not_run(tmp_path, open_offline):
    from handover_map import build_map

    article = tmp_path / "2020-12-02-hostile.txt"
    article.write_text(
        "Breaking <script>window.pwned = 'headline'</script> Lachin Handover News Today\n\n"
        "Azerbaijani troops entered the Lachin district on 1 December 2020 <script>window.pwned = 'sentence'</script> officials said.\n\n"
        "Aghdam was ceded on 20 November 2020, said <img src=x onerror=\"window.pwned = 'img'\"> the \"ministry\" & its 'spokesman'.\n",
        encoding="utf-8",
    )
    path = build_map(tmp_path / "hostile.html", article=article, self_contained=True)
    assert "<script>window.pwned" not in path.read_text()
    page = open_offline(path)
    assert page.errors == [] and page.blocked == [] and page.failed == []
    assert page.js("window.pwned === undefined")
    assert page.js("handoverMap.setDate('2020-12-01') && handoverMap.stateOf('Lachin')") == "transferred"
    page.click_district("Agdam District")
    popup = page.page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5_000)
    assert "<img src=x onerror=\"window.pwned = 'img'\"> the \"ministry\" & its 'spokesman'." in popup.inner_text()
    assert "<script>window.pwned = 'headline'</script>" in popup.locator("cite").inner_text()
    assert page.js("window.pwned === undefined")
