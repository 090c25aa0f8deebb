"""Reports that differ, claims and parties on the map, as a reader sees them: real Chromium, no network."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from handover_map import build_map, settings
from handover_map.events import Event, write_events
from handover_map.reports import merge_reports

pytestmark = pytest.mark.browser

# Two invented reports that give different days for Kalbajar's handover.
REPORT_A = "Example Wire, Kalbajar changes hands, 2020-11-25"
REPORT_B = "Sample Gazette, A district returned, 2020-11-25"


def _two_reports(tmp_path):
    a = [Event("Kalbajar", dt.date(2020, 11, 24), "completed", "Armenia", "Azerbaijan", evidence="Our own sentence: handed over on the 24th.")]
    b = [Event("Kalbajar", dt.date(2020, 11, 25), "completed", "Armenia", "Azerbaijan", evidence="Our own sentence: handed over on the 25th.")]
    b += [Event("Aghdam", dt.date(2020, 11, 20), "completed", "Armenia", "Azerbaijan")]
    a, b = [replace(e, source=REPORT_A) for e in a], [replace(e, source=REPORT_B) for e in b]
    merged = merge_reports([(REPORT_A, a, dt.date(2020, 11, 25)), (REPORT_B, b, dt.date(2020, 11, 25))])
    assert sorted(e.reports_differ for e in merged) == ["", "2020-11-24 | 2020-11-25", "2020-11-24 | 2020-11-25"]
    table = tmp_path / "two-reports.csv"
    write_events(merged, table)
    return build_map(tmp_path / "differ.html", events=table, self_contained=True)


def _path_attribute(page, name: str, attribute: str) -> str | None:
    """An SVG attribute of a district's path, e.g. its fill or its dashes."""
    return page.js(
        """([name, attribute]) => {
            let value = null;
            handoverMap.layer.eachLayer(l => { if (handoverMap.districts()[l.feature.properties.i].name === name) value = l._path.getAttribute(attribute); });
            return value;
        }""",
        [name, attribute],
    )


def _outline(page, name: str) -> str | None:
    return _path_attribute(page, name, "stroke-dasharray")


def test_reports_that_differ_show_both_dates_with_their_sources(tmp_path, open_offline):
    page = open_offline(_two_reports(tmp_path))
    assert page.errors == [] and page.blocked == []
    page.js("handoverMap.setDate('2020-11-24')")
    items = page.page.locator(".hm-event-differs")
    assert items.count() == 2  # one row per report, neither dropped
    listed = items.first.inner_text()
    assert (
        "Reports differ: 24 Nov 2020 (Example Wire, Kalbajar changes hands, 2020-11-25); 25 Nov 2020 (Sample Gazette, A district returned, 2020-11-25)"
        in listed
    )
    assert page.js("handoverMap.differsOf('Kalbajar')") is True
    assert page.js("handoverMap.differsOf('Aghdam')") is False
    assert _outline(page, "Kalbajar District") == "2 4"  # drawn so a reader sees it
    assert _outline(page, "Agdam District") in (None, "")
    legend = page.page.locator(".hm-legend").inner_text()
    assert "Reports differ on the date" in legend


def test_the_mark_stays_only_while_the_differing_dates_are_in_play(tmp_path, open_offline):
    page = open_offline(_two_reports(tmp_path))
    page.js("handoverMap.setDate('2020-11-20')")
    assert page.js("handoverMap.differsOf('Kalbajar')") is False
    assert _outline(page, "Kalbajar District") in (None, "")
    page.js("handoverMap.setDate('2020-11-25')")
    assert page.js("handoverMap.differsOf('Kalbajar')") is True
    assert _outline(page, "Kalbajar District") == "2 4"


def test_the_popup_says_reports_differ(tmp_path, open_offline):
    page = open_offline(_two_reports(tmp_path))
    page.js("handoverMap.setDate('2020-11-24')")
    page.click_district("Kalbajar District")
    popup = page.page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5_000)
    text = popup.inner_text()
    assert "Reports differ" in text.splitlines()
    assert "Reports differ: 24 Nov 2020 (Example Wire, Kalbajar changes hands, 2020-11-25); 25 Nov 2020 (Sample Gazette" in text


def _claims(tmp_path):
    table = tmp_path / "claims.csv"
    table.write_text(
        "district,date,kind,from,to,source,confirmation\n"
        'Kalbajar,2020-11-25,completed,Armenia,Azerbaijan,"AZERTAC, Army enters a district, 2020-11-25",\n'
        'Aghdam,2020-11-20,completed,Armenia,Azerbaijan,"Example Wire, A district returned, 2020-11-20",\n'
        'Lachin,2020-11-25,completed,Armenia,Azerbaijan,"Example Wire, A third district, 2020-11-25",claimed\n',
        encoding="utf-8",
    )
    return build_map(tmp_path / "claims.html", events=table, self_contained=True)


def _fill_opacity(page, name: str) -> float:
    return float(
        page.js(
            """name => {
                let value = null;
                handoverMap.layer.eachLayer(l => { if (handoverMap.districts()[l.feature.properties.i].name === name) value = l._path.getAttribute('fill-opacity'); });
                return value;
            }""",
            name,
        )
    )


def test_a_claimed_only_change_is_drawn_paler_than_a_confirmed_one(tmp_path, open_offline):
    page = open_offline(_claims(tmp_path))
    assert page.errors == [] and page.blocked == []
    page.js("handoverMap.setDate('2020-11-25')")
    assert page.js("handoverMap.stateOf('Kalbajar')") == page.js("handoverMap.stateOf('Aghdam')") == "transferred"
    assert page.js("handoverMap.claimedOf('Kalbajar')") is True
    assert page.js("handoverMap.claimedOf('Aghdam')") is False
    assert page.js("handoverMap.claimedOf('Lachin')") is True  # the table's confirmation column wins over an independent outlet
    assert _fill_opacity(page, "Kalbajar District") < _fill_opacity(page, "Agdam District")
    assert "Claimed by one side only" in page.page.locator(".hm-legend").inner_text()
    claimed = page.page.locator(".hm-event-claimed")
    assert claimed.count() == 2
    assert "claimed by Azerbaijan" in claimed.first.inner_text() + claimed.last.inner_text()
    events = page.js("handoverMap.events()")
    assert {e["date"]: e["claimed"] for e in events}["2020-11-20"] == ""  # Aghdam's, from an independent outlet


def test_before_the_claimed_change_the_district_is_drawn_as_usual(tmp_path, open_offline):
    page = open_offline(_claims(tmp_path))
    page.js("handoverMap.setDate('2020-11-20')")
    assert page.js("handoverMap.claimedOf('Kalbajar')") is False
    page.js("handoverMap.setDate('2020-11-25')")
    assert page.js("handoverMap.claimedOf('Kalbajar')") is True


def _three_parties(tmp_path):
    table = tmp_path / "parties.csv"
    table.write_text(
        "district,date,kind,from,to\n"
        "Kalbajar,2020-11-20,completed,Party A,Party B\n"
        "Kalbajar,2020-11-25,captured,Party B,Party C\n"
        "Aghdam,2020-11-22,captured,Party A,Party C\n",
        encoding="utf-8",
    )
    return build_map(tmp_path / "parties.html", events=table, self_contained=True)


def _fill(page, name: str) -> str | None:
    return _path_attribute(page, name, "fill")


def test_colours_follow_who_holds_a_district_and_words_name_the_parties(tmp_path, open_offline):
    page = open_offline(_three_parties(tmp_path))
    assert page.errors == []
    page.js("handoverMap.setDate('2020-11-22')")
    assert page.js("handoverMap.stateOf('Kalbajar')") == "transferred"
    assert page.js("handoverMap.holderOf('Kalbajar')") == "Party B"
    assert _fill(page, "Kalbajar District") == settings.PARTY_COLOURS[0]
    assert _fill(page, "Agdam District") == settings.PARTY_COLOURS[1]  # Party C's
    page.js("handoverMap.setDate('2020-11-25')")  # Party C takes Kalbajar: same colour as Aghdam now
    assert page.js("handoverMap.stateOf('Kalbajar')") == "taken"
    assert _fill(page, "Kalbajar District") == _fill(page, "Agdam District") == settings.PARTY_COLOURS[1]
    legend = page.page.locator(".hm-legend").inner_text()
    assert "Under Party B control" in legend and "Under Party C control" in legend
    page.click_district("Kalbajar District")
    popup = page.page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5_000)
    text = popup.inner_text()
    assert "On 25 Nov 2020: Taken by Party C" in text
    assert "25 Nov 2020: taken (Party B → Party C)" in text
    assert "20 Nov 2020: handed over (Party A → Party B)" in text


STORY_EVENTS = Path(__file__).resolve().parents[1] / "geodata" / "events" / "karabakh-2020-story.csv"


def test_the_karabakh_story_ends_on_1_december_with_lachin_handed_over(tmp_path, open_offline):
    page = open_offline(build_map(tmp_path / "story.html", events=STORY_EVENTS, self_contained=True))
    assert page.errors == [] and page.blocked == []
    assert page.js("handoverMap.dates()") == ["2020-11-14", "2020-11-15", "2020-11-20", "2020-11-25", "2020-12-01"]
    assert page.page.locator(".hm-note").inner_text().startswith("As reported on 1 December 2020")
    page.js("handoverMap.setDate('2020-11-30')")
    assert page.js("handoverMap.stateOf('Lachin')") == "scheduled"
    page.js("handoverMap.setDate('2020-12-01')")
    assert [page.js("n => handoverMap.stateOf(n)", name) for name in ("Aghdam", "Kalbajar", "Lachin")] == ["transferred"] * 3
    cited = page.page.locator(".hm-event-source").all_inner_texts()
    assert any("Al Jazeera" in text and "2020-11-20" in text for text in cited)  # Aghdam's report
    assert any("The Daily Asian Age (AFP)" in text and "2020-12-01" in text for text in cited)  # Lachin's
    assert page.page.locator(".hm-event-claimed").count() == 0  # independent outlets: confirmed


def test_party_names_are_shown_as_written(tmp_path, open_offline):
    table = tmp_path / "odd.csv"
    table.write_text("district,date,kind,from,to\nKalbajar,2020-11-20,captured,A,$& <b>B</b> $'\n", encoding="utf-8")
    page = open_offline(build_map(tmp_path / "odd.html", events=table, self_contained=True))
    page.js("handoverMap.setDate('2020-11-20')")
    label = page.js("() => document.querySelector('path.leaflet-interactive').getAttribute('aria-label')")
    assert label.endswith(": Taken by $& <b>B</b> $'")
    assert page.js("document.querySelectorAll('b').length") == 0
