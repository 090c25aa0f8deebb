"""Maps for notebooks and folium users (issue 12, item 6): the handover layer on
a ``folium.Map`` of one's own, and the object that shows inline in Jupyter.

The pages load Leaflet from its CDN, as folium's maps and Jupyter's inline
maps do; in Chromium that request is answered from the verified asset cache
and every other request is refused, so the tests run with no network.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import subprocess
import sys
from pathlib import Path

import folium
import pytest

from conftest import DEFAULT_EVENTS, REPO
from handover_map import OptionError, build_map
from handover_map.assets import LEAFLET, fetch_assets
from handover_map.build import prepare_map
from handover_map.events import Event
from handover_map.notebook import HandoverLayer, HandoverMap

STORY_REPORTS = REPO / "tests" / "story"
HOSTILE = "</script><img src=x onerror=\"document.title='owned'\">{{ 7 * 7 }}"


class CdnPage:
    """A page opened in Chromium with Leaflet's CDN answered from the cache and every other request refused."""

    def __init__(self, context, path: Path) -> None:
        cached = fetch_assets(LEAFLET)
        self.served = {LEAFLET.cdn_url(file): cached / file for file in LEAFLET.files}
        self.refused: list[str] = []
        self.errors: list[str] = []
        self.page = context.new_page()
        self.page.route("**/*", self._route)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(path.resolve().as_uri())

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "about:")):
            route.continue_()
        elif url in self.served:
            route.fulfill(path=str(self.served[url]), headers={"Access-Control-Allow-Origin": "*"})
        else:
            self.refused.append(url)
            route.abort()


@pytest.fixture
def open_cdn(browser_context):
    pages: list[CdnPage] = []

    def opener(path: Path) -> CdnPage:
        pages.append(CdnPage(browser_context, path))
        return pages[-1]

    yield opener
    for page in pages:
        page.page.close()


def _own_map(tmp_path: Path, layer: HandoverLayer) -> Path:
    """A folium map as its user makes it: tiles, a marker of their own, and the handover layer in one line."""
    m = folium.Map(location=[40.0, 46.6], zoom_start=8)
    folium.CircleMarker([39.9, 46.8], radius=6, tooltip="my own marker").add_to(m)
    layer.add_to(m)
    path = tmp_path / "own.html"
    m.save(path)
    return path


@pytest.mark.browser
def test_a_folium_map_of_ones_own_shows_the_districts_and_the_slider_works(tmp_path, open_cdn):
    page = open_cdn(_own_map(tmp_path, HandoverLayer.from_events(DEFAULT_EVENTS)))
    frame = page.page
    frame.wait_for_function("window.handoverMap !== undefined", timeout=20_000)
    assert page.errors == []
    assert frame.evaluate("document.querySelectorAll('path.leaflet-interactive').length") >= 4  # three districts and the user's marker
    assert frame.locator(".hm-title").inner_text() == "Handovers of territory: Aghdam, Kalbajar, Lachin"
    slider = frame.locator("input[type=range]")
    slider.fill("0")
    assert frame.locator("#hm-date").inner_text() == "14 Nov 2020"
    assert frame.evaluate("handoverMap.stateOf('Kalbajar')") == "scheduled"
    fill_before = frame.evaluate("handoverMap.layer.getLayers().map(l => l.options.fillColor)")
    slider.fill("11")  # the slider counts days from 14 November
    assert frame.locator("#hm-date").inner_text() == "25 Nov 2020"
    assert frame.evaluate("handoverMap.stateOf('Kalbajar')") == "transferred"
    assert frame.evaluate("handoverMap.layer.getLayers().map(l => l.options.fillColor)") != fill_before
    assert frame.locator(".hm-event").count() == 6  # the story's six events, Lachin's handover of 1 December the last
    slider.fill("17")
    assert frame.locator("#hm-date").inner_text() == "1 Dec 2020"
    assert frame.evaluate("handoverMap.stateOf('Lachin')") == "transferred"
    assert frame.evaluate("handoverMap.map.hasLayer(handoverMap.layer)")


@pytest.mark.browser
def test_the_inline_display_runs_the_page_in_its_frame(tmp_path, open_cdn):
    # Requests of a sandboxed frame escape Playwright's routes: this one inlines Leaflet and makes none.
    handover = HandoverMap.build(context="none", initial_date=dt.date(2020, 11, 20), self_contained=True)
    wrapper = tmp_path / "notebook.html"
    wrapper.write_text(f"<!doctype html><html><body><p>Out[1]:</p>{handover._repr_html_()}</body></html>", encoding="utf-8")
    page = open_cdn(wrapper)
    frame = page.page.frames[1]
    frame.wait_for_function("window.handoverMap !== undefined", timeout=60_000)  # a 290 kB srcdoc page; slow under a full parallel run
    assert page.errors == []
    assert frame.evaluate("handoverMap.date()") == "2020-11-20"
    assert frame.evaluate("handoverMap.stateOf('Aghdam')") == "transferred"
    assert frame.evaluate("document.querySelectorAll('path.leaflet-interactive').length") >= 3
    # The sandbox keeps the map's script from the notebook's page.
    assert frame.evaluate("() => { try { return window.parent.document === undefined; } catch (error) { return 'refused'; } }") == "refused"
    box = page.page.locator("iframe").bounding_box()
    assert box is not None and box["height"] == 640


def test_the_layer_carries_hostile_text_as_escaped_data(tmp_path):
    events = [Event("Lachin", dt.date(2020, 12, 1), "completed", note=HOSTILE, source=HOSTILE)]
    layer = HandoverLayer.from_events(events, title=HOSTILE, context="none")
    text = _own_map(tmp_path, layer).read_text(encoding="utf-8")
    assert "<img src=x" not in text and "{{ 7 * 7 }}" in html.unescape(text)


def test_the_layer_of_reports_cites_them(tmp_path):
    layer = HandoverLayer.from_reports(STORY_REPORTS, context="none")
    assert layer.data["eventCount"] >= 3
    assert "Valley Post, Lachin Returned, The Last Of Three Districts, 2020-12-01" in layer.data["strings"]


def test_saving_writes_the_page_build_writes(tmp_path):
    built = build_map(tmp_path / "built.html")
    saved = HandoverMap.build().save(tmp_path / "saved.html")
    assert saved.read_bytes() == built.read_bytes()


def test_saving_refuses_to_replace_an_input(tmp_path):
    table = tmp_path / "events.csv"
    table.write_bytes(DEFAULT_EVENTS.read_bytes())
    with pytest.raises(Exception, match="input") as caught:
        HandoverMap.build(events=table).save(table)
    assert caught.value.hint and table.read_bytes() == DEFAULT_EVENTS.read_bytes()


def test_the_inline_display_names_no_local_folder(tmp_path):
    table = tmp_path / "events.csv"
    table.write_bytes(DEFAULT_EVENTS.read_bytes())
    shown = HandoverMap(prepare_map(events=table, context="none"))._repr_html_()
    assert shown.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts' in shown
    assert str(tmp_path) not in shown and str(REPO) not in shown and str(Path.home()) not in shown


def test_a_bad_tile_option_fails_before_the_map_is_shown():
    with pytest.raises(OptionError, match="tile"):
        HandoverMap(prepare_map(context="none"), tiles="https://tiles.example.org/no-placeholders.png")


def test_a_date_off_the_slider_fails_for_the_layer_too():
    with pytest.raises(OptionError, match="outside the slider's range"):
        HandoverLayer.from_events(initial_date=dt.date(2030, 1, 1))


def _readme_folium_example() -> str:
    """The README's Python block that puts the layer on a folium map."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = [block for block in re.findall(r"^```python\n(.*?)^```", text, re.DOTALL | re.MULTILINE) if "HandoverLayer" in block]
    assert len(blocks) == 1, "the README shows the folium example once"
    return blocks[0]


def test_the_readme_folium_example_runs_as_written(tmp_path):
    (tmp_path / "events.csv").write_bytes(DEFAULT_EVENTS.read_bytes())
    env = {**os.environ, "HANDOVER_MAP_OFFLINE": "1"}
    result = subprocess.run([sys.executable, "-c", _readme_folium_example()], cwd=tmp_path, capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "my-map.html").read_text(encoding="utf-8")
    assert 'id="hm-slider"' in page and "window.handoverMap" in page


@pytest.mark.parametrize("canvas", [True, False])
def test_the_layer_hatches_for_the_renderer_of_the_map_it_is_on(canvas):
    m = folium.Map(prefer_canvas=canvas)
    HandoverLayer.from_events(DEFAULT_EVENTS, context="none").add_to(m)
    page = m.get_root().render()
    assert f'"canvas":{str(canvas).lower()}' in page
