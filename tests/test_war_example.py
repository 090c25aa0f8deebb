"""The bundled example of the 2020 war's district changes, as a reader sees it: real Chromium, no network.

geodata/events/karabakh-2020-war.csv: districts (and the town of Shusha)
taken by Azerbaijan's army in October and November 2020, as real reports
told them, then the three districts handed over after the ceasefire.
"""

from __future__ import annotations

import pytest

from conftest import REPO, open_sized
from handover_map import build_map
from handover_map.events import read_events
from handover_map.reports import split_sources

pytestmark = pytest.mark.browser

WAR_EVENTS = REPO / "geodata" / "events" / "karabakh-2020-war.csv"
TAKEN = {
    "Jabrayil District": "2020-10-04",
    "Fuzuli District": "2020-10-17",
    "Zangilan District": "2020-10-20",
    "Qubadli District": "2020-10-26",
    "Shusha City": "2020-11-07",
}
HANDED_OVER = {"Agdam District": "2020-11-20", "Kalbajar District": "2020-11-25", "Lachin District": "2020-12-01"}


@pytest.fixture(scope="module")
def war_map(tmp_path_factory):
    return build_map(tmp_path_factory.mktemp("war") / "war.html", events=WAR_EVENTS, self_contained=True)


def test_every_row_cites_a_dated_report_with_its_address():
    events = read_events(WAR_EVENTS)
    assert {e.kind for e in events} == {"captured", "completed"}  # no announced date drawn before it was announced
    for event in events:
        reports = split_sources(event.source)
        assert reports, event
        for report in reports:
            assert "2020" in report, report  # the publication date
        if event.kind == "captured":
            assert any("https://" in report for report in reports), event
        assert event.note, event  # the facts in our own words
    assert {e.from_ for e in events} == {"Armenian forces"} and {e.to for e in events} == {"Azerbaijan"}


@pytest.mark.parametrize("day", ["2020-10-03", "2020-10-17", "2020-10-26", "2020-11-08", "2020-11-25", "2020-12-01"])
def test_the_slider_colours_the_districts_taken_or_handed_over_by_then(war_map, open_offline, day):
    page = open_offline(war_map)
    assert page.js("d => handoverMap.setDate(d)", day) == day
    for name, taken in TAKEN.items():
        assert page.js("n => handoverMap.stateOf(n)", name) == ("taken" if taken <= day else "held"), (name, day)
    for name, handed in HANDED_OVER.items():
        assert page.js("n => handoverMap.stateOf(n)", name) == ("transferred" if handed <= day else "held"), (name, day)
    assert page.js("handoverMap.stateOf('Shusha District')") is None  # no report names the district, only the town


def test_the_slider_runs_from_before_the_first_capture_to_the_latest_report(war_map, open_offline):
    page = open_offline(war_map)
    assert page.errors == [] and page.blocked == []
    dates = page.js("handoverMap.dates()")
    assert dates[0] == "2020-10-03" and dates[-1] == "2020-12-01"
    assert page.page.locator(".hm-note").inner_text().startswith("As reported on 1 December 2020")


def test_the_legend_uses_neutral_capture_wording_and_the_parties(war_map, open_offline):
    page = open_offline(war_map)
    legend = page.page.locator(".hm-legend").inner_text()
    for label in ("Held by Armenian forces", "Taken by Azerbaijan", "Handed over to Azerbaijan", "Claimed by one side only", "Reports differ on the date"):
        assert label in legend
    assert "Handover announced" not in legend and "put off" not in legend  # the war's table announces no dates
    page.js("handoverMap.setDate('2020-10-17')")
    kinds = page.page.locator(".hm-events").inner_text()
    assert "Fuzuli: taken" in kinds and "Fuzuli: handed over" not in kinds


def _popup(page, name: str) -> str:
    page.js("void handoverMap.map.closePopup()")  # an open popup may cover the next district
    page.settle()  # the closed popup fades out
    page.js(  # zoom to the district: the town of Shusha is a few pixels wide on the whole map
        """name => { handoverMap.layer.eachLayer(l => {
            if (handoverMap.districts()[l.feature.properties.i].name === name) handoverMap.map.fitBounds(l.getBounds(), {animate: false});
        }); }""",
        name,
    )
    page.settle()
    page.click_district(name)
    popup = page.page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5_000)
    return popup.inner_text()


def test_popups_cite_the_reports_and_say_whose_word_it_is(war_map, open_offline):
    page = open_offline(war_map)
    page.js("handoverMap.setDate('2020-10-20')")
    text = _popup(page, "Zangilan District")
    assert "On 20 Oct 2020: Taken by Azerbaijan (claimed by one side only)" in text
    assert "20 Oct 2020: taken (Armenian forces → Azerbaijan), claimed by Azerbaijan" in text
    assert "Aliyev announces liberation of Zangilan city and several villages from Armenian occupation" in text
    assert "anews.com.tr" in text  # the address is a link named by its site
    assert page.js("() => [...document.querySelectorAll('.leaflet-popup-content cite a')].some(a => a.href.startsWith('https://www.anews.com.tr/'))")
    page.js("handoverMap.setDate('2020-11-08')")
    text = _popup(page, "Shusha City")
    assert "Reports differ" in text.splitlines()  # 7 November by the Karabakh Armenian leader, 8 November by Baku
    assert "Ethnic Armenians confirm loss of Shusha to Azeri forces" in text and "aysor.am" in text
    page.js("handoverMap.setDate('2020-12-01')")
    text = _popup(page, "Lachin District")
    assert "1 Dec 2020: handed over (Armenian forces → Azerbaijan)" in text
    assert "Azerbaijan army enters last district handed over by Armenia" in text


def test_a_capture_on_bakus_word_alone_is_drawn_as_claimed(war_map, open_offline):
    page = open_offline(war_map)
    page.js("handoverMap.setDate('2020-11-25')")
    for name in ("Jabrayil District", "Fuzuli District", "Zangilan District", "Qubadli District"):
        assert page.js("n => handoverMap.claimedOf(n)", name) is True, name  # Baku's word only
    assert page.js("handoverMap.claimedOf('Shusha City')") is False  # the Karabakh Armenian side said it lost the town
    assert page.js("handoverMap.claimedOf('Kalbajar District')") is False  # handed over: reported by independent outlets


# Elements wider than their box that make something scroll sideways: the page, or a box of its own.
SIDEWAYS = """() => [...document.querySelectorAll('html, body, .hm-events, .hm-header, .hm-footer')]
    .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.tagName + '.' + e.className)"""


@pytest.mark.parametrize("width", [360, 1200])
def test_cited_addresses_break_where_they_must_so_nothing_scrolls_sideways(war_map, browser_context, width):
    # Its reports' citations carry long addresses, in the event list, the dates reports differ on and the credits.
    page = open_sized(browser_context, war_map, width, address="#date=2020-11-08")
    assert page.evaluate("() => document.querySelectorAll('.hm-differ-dates').length") > 0
    assert page.evaluate(SIDEWAYS) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.close()


def test_the_credits_link_each_cited_report_by_its_site(war_map, open_offline):
    page = open_offline(war_map)
    links = page.js("() => [...document.querySelectorAll('.hm-credits a')].map(a => [a.textContent, a.getAttribute('href'), a.target, a.rel])")
    cited = {address for event in read_events(WAR_EVENTS) for source in split_sources(event.source) for address in source.split() if address.startswith("http")}
    assert {href for _, href, _, _ in links} == cited
    for site, href, target, rel in links:
        assert href.split("/")[2].removeprefix("www.") == site and target == "_blank" and rel == "noopener noreferrer"
    assert "http" not in page.page.locator(".hm-credits").inner_text()  # the sites, not the addresses, take the room
    assert page.errors == []


def test_the_event_list_and_popups_link_each_source_by_its_site(war_map, open_offline):
    page = open_offline(war_map)
    page.js("handoverMap.setDate('2020-11-20')")
    # The event list: each cited address is a link named by its site, the rest of the citation as written.
    cites = page.js(
        """() => [...document.querySelectorAll('#hm-event-list .hm-event-source')].map(c =>
            [c.textContent, [...c.querySelectorAll('a')].map(a => [a.textContent, a.getAttribute('href'), a.target, a.rel])])"""
    )
    linked = [(text, links) for text, links in cites if links]
    assert linked and all("http" not in text for text, _ in linked)
    for _, links in linked:
        for site, href, target, rel in links:
            assert href.startswith("https://") and href.split("/")[2].removeprefix("www.") == site and (target, rel) == ("_blank", "noopener noreferrer")
    # So do the dates reports differ on (Shusha: 7 November by the Karabakh Armenian leader, 8 November by Baku).
    page.js("handoverMap.setDate('2020-11-08')")
    differ = page.js("() => [...document.querySelectorAll('#hm-event-list .hm-differ-dates')].map(p => [p.textContent, p.querySelectorAll('a').length])")
    assert differ and all(count >= 1 and "http" not in text and text.startswith("Reports differ: ") for text, count in differ)
    # A district's popup cites its reports the same way.
    page.click_district("Agdam District")
    popup = page.js("() => [...document.querySelectorAll('.leaflet-popup-content cite a')].map(a => a.getAttribute('href'))")
    assert "https://www.aljazeera.com/news/2020/11/20/azerbaijan-army-enters-district-handed-over-by-armenia" in popup
    assert page.errors == []
