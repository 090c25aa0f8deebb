"""A story map as a reader sees it: real Chromium, no network (fixtures in conftest.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from test_story import AGDAM, CITE_LACHIN, KALBAJAR, LACHIN

from handover_map import HandoverMapWarning
from handover_map.story import add_reports, build_story, init_story

pytestmark = pytest.mark.browser


def test_the_slider_of_a_story_ends_at_the_latest_report_and_the_note_names_it(tmp_path, open_offline):
    folder = tmp_path / "story"
    init_story(folder, title="Three districts change hands")
    add_reports(folder, [AGDAM], {AGDAM.name: dt.date(2020, 11, 20)})
    add_reports(folder, [KALBAJAR, LACHIN])
    with pytest.warns(HandoverMapWarning, match="still marked for review"):
        built = build_story(folder)
    page = open_offline(built)
    assert page.errors == [] and page.blocked == []
    assert page.js("handoverMap.dates()")[-1] == "2020-12-01"
    slider = page.page.locator("input[type=range]")
    slider.fill(page.js("document.querySelector('input[type=range]').max"))  # the slider's end
    assert page.js("handoverMap.date()") == "2020-12-01"
    assert page.page.locator(".hm-date").inner_text() == "1 Dec 2020"
    assert page.js("handoverMap.stateOf('Lachin')") == "transferred"
    note = page.page.locator(".hm-note").inner_text()
    assert note == f"As reported on 1 December 2020, the date of the latest report ({CITE_LACHIN})."
    assert page.page.locator(".hm-note").is_visible()
