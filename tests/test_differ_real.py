"""Two real reports that disagree on the day Shusha changed hands, as a reader sees them: real Chromium, no network.

Azerbaijan's president announced the capture of the town of Shusha on
8 November 2020 (AFP, carried by Al Arabiya that day); two days later the
Karabakh Armenian leader said his side had lost the town completely on
7 November (Aysor.am, 10 November 2020). The citations below name the
reports; every sentence of this file is our own, none is quoted from them.
"""

from __future__ import annotations

import datetime as dt

import pytest

from handover_map import build_map
from handover_map.events import Event, write_events
from handover_map.reports import merge_reports

pytestmark = pytest.mark.browser

BAKU_SAYS = (
    'Al Arabiya (AFP), "Azerbaijan says it has captured Nagorno-Karabakh town of Shusha", 8 November 2020, '
    "https://english.alarabiya.net/en/News/world/2020/11/08/Azerbaijan-says-it-has-captured-Nagorno-Karabakh-town-of-Shusha"
)
STEPANAKERT_SAYS = (
    'Aysor.am, "The Artsakh president on the reasons for the territorial decision" (headline in Armenian, our translation), '
    "10 November 2020, https://aysor.am/am/news/2020/11/10/arayik-harutyunyan/1769007"
)


def _two_real_reports(tmp_path, lang: str = "en"):
    """The table that merging the two reports gives, and the map built from it (its own words in ``lang``)."""
    baku = Event(
        "Shusha City",
        dt.date(2020, 11, 8),
        "captured",
        "Armenian forces",
        "Azerbaijan",
        source=BAKU_SAYS,
        note="Our summary: Azerbaijan's president announced that day that his forces had taken the town.",
    )
    stepanakert = Event(
        "Shusha City",
        dt.date(2020, 11, 7),
        "captured",
        "Armenian forces",
        "Azerbaijan",
        source=STEPANAKERT_SAYS,
        note="Our summary: the Karabakh Armenian leader said his side lost the town completely on 7 November.",
    )
    merged = merge_reports([(BAKU_SAYS, [baku], dt.date(2020, 11, 8)), (STEPANAKERT_SAYS, [stepanakert], dt.date(2020, 11, 10))])
    table = tmp_path / "shusha.csv"
    write_events(merged, table)
    return merged, build_map(tmp_path / f"shusha-{lang}.html", events=table, self_contained=True, lang=lang)


def test_merging_keeps_both_days_side_by_side(tmp_path):
    merged, _ = _two_real_reports(tmp_path)
    assert [(e.date.isoformat(), e.source) for e in merged] == [("2020-11-07", STEPANAKERT_SAYS), ("2020-11-08", BAKU_SAYS)]
    assert [e.reports_differ for e in merged] == ["2020-11-07 | 2020-11-08"] * 2  # neither date silently wins


def test_the_district_and_the_event_list_say_reports_differ(tmp_path, open_offline):
    _, path = _two_real_reports(tmp_path)
    page = open_offline(path)
    assert page.errors == [] and page.blocked == []
    page.js("handoverMap.setDate('2020-11-06')")
    assert page.js("handoverMap.differsOf('Shusha City')") is False  # neither date is in play yet
    page.js("handoverMap.setDate('2020-11-07')")
    assert page.js("handoverMap.stateOf('Shusha City')") == "taken"
    assert page.js("handoverMap.differsOf('Shusha City')") is True
    items = page.page.locator(".hm-event-differs")
    assert items.count() == 2  # one entry per report
    listed = items.first.inner_text()
    assert "Reports differ: 7 Nov 2020 (Aysor.am," in listed and "8 Nov 2020 (Al Arabiya (AFP)," in listed
    assert "Reports differ on the date" in page.page.locator(".hm-legend").inner_text()
    page.click_district("Shusha City")
    popup = page.page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5_000)
    text = popup.inner_text()
    assert "Reports differ" in text.splitlines()
    assert "Shusha" in text and "aysor.am" in text and "english.alarabiya.net" in text  # each date with its report


@pytest.mark.parametrize("lang", ["fr", "de", "ru", "es"])
def test_each_language_says_reports_differ_in_its_own_words(tmp_path, open_offline, lang):
    from handover_map.words import words

    say, english = words(lang), words("en")
    assert say("script.reportsDiffer") != english("script.reportsDiffer")
    _, path = _two_real_reports(tmp_path, lang)
    page = open_offline(path)
    assert page.errors == []
    page.js("handoverMap.setDate('2020-11-08')")
    listed = page.page.locator(".hm-event-differs").first.inner_text()
    assert f"{say('script.reportsDiffer')}: {say.date(dt.date(2020, 11, 7), 'medium')} (Aysor.am," in listed
    assert english("script.reportsDiffer") not in listed
    legend = page.page.locator(".hm-legend li").all_inner_texts()
    assert say("page.reports_differ") in legend and english("page.reports_differ") not in legend
    page.js("void handoverMap.layer.getLayers()[0].openPopup()")
    popup = page.page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5_000)
    assert say("script.reportsDiffer") in popup.inner_text().splitlines()


def test_a_claim_is_named_in_the_page_language(tmp_path, open_offline):
    from handover_map.words import words

    table = tmp_path / "claim.csv"
    table.write_text(
        "district,date,kind,from,to,source,confirmation\n"
        f'Shusha City,2020-11-08,captured,Armenian forces,Azerbaijan,"{BAKU_SAYS.replace(chr(34), chr(34) * 2)}",claimed\n',
        encoding="utf-8",
    )
    say = words("de")
    page = open_offline(build_map(tmp_path / "claim-de.html", events=table, self_contained=True, lang="de"))
    page.js("handoverMap.setDate('2020-11-08')")
    assert f"{say('script.claimedBy')} Azerbaijan" in page.page.locator(".hm-event-claimed").inner_text()
    assert say("page.claimed") in page.page.locator(".hm-legend li").all_inner_texts()
