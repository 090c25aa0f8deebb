"""The newsroom features of the map, in real Chromium with no network:
time controls, keyboard, event list, deep links, cartography, areas, embeds."""

from __future__ import annotations

import pytest

from conftest import REPO

pytestmark = pytest.mark.browser
SCREENSHOTS = REPO / "output" / "screenshots"


def test_deep_link_opens_on_its_date(default_map, open_offline, browser_context):
    page = browser_context.new_page()
    page.goto(default_map.resolve().as_uri() + "#date=2020-11-16")
    page.wait_for_function("window.handoverMap !== undefined")
    assert page.evaluate("handoverMap.date()") == "2020-11-16"
    assert page.evaluate("handoverMap.stateOf('Kalbajar')") == "postponed"
    assert page.locator(".hm-date").inner_text() == "16 Nov 2020"
    page.close()


def test_moving_the_slider_updates_the_hash(default_map, open_offline):
    page = open_offline(default_map)
    page.page.locator("#hm-slider").fill("6")  # the slider counts days from 14 November
    assert page.js("location.hash") == "#date=2020-11-20"
    page.js("location.hash = '#date=2020-12-05'")
    page.page.wait_for_function("handoverMap.date() === '2020-12-05'")
    assert page.js("handoverMap.stateOf('Lachin')") == "transferred"  # handed over on 1 December, as the latest report says


def test_keyboard_steps_between_dates(default_map, open_offline):
    page = open_offline(default_map)
    slider = page.page.locator("#hm-slider")
    slider.focus()
    slider.fill("0")
    page.page.keyboard.press("ArrowRight")
    assert page.js("handoverMap.date()") == "2020-11-15"
    page.page.keyboard.press("ArrowRight")
    page.page.keyboard.press("ArrowRight")
    assert page.js("handoverMap.date()") == "2020-11-25"
    page.page.keyboard.press("ArrowLeft")
    assert page.js("handoverMap.date()") == "2020-11-20"
    assert slider.get_attribute("aria-valuetext") == "20 Nov 2020"


def test_buttons_are_focusable_with_a_visible_ring(default_map, open_offline):
    page = open_offline(default_map)
    page.page.locator("body").click(position={"x": 5, "y": 5})
    for _ in range(40):  # past the map, its zoom buttons and the event list
        page.page.keyboard.press("Tab")
        if page.js("document.activeElement.id") == "hm-play":
            break
    labels, rings = [], []
    for _ in range(3):
        labels.append(page.js("document.activeElement.getAttribute('aria-label')"))
        rings.append(page.js("getComputedStyle(document.activeElement).outlineStyle"))
        page.page.keyboard.press("Tab")
    assert labels == ["Play", "Previous date", "Next date"]
    assert rings == ["solid", "solid", "solid"]


def test_previous_and_next_buttons(default_map, open_offline):
    page = open_offline(default_map)
    page.js("handoverMap.setDate('2020-11-20')")
    page.page.locator("#hm-next").click()
    assert page.js("handoverMap.date()") == "2020-11-25"
    page.page.locator("#hm-prev").click()
    page.page.locator("#hm-prev").click()
    assert page.js("handoverMap.date()") == "2020-11-15"


def test_play_walks_through_the_dates_and_stops_at_the_end(default_map, open_offline):
    page = open_offline(default_map)
    page.js("handoverMap.setDate('2020-11-20')")
    page.page.locator("#hm-play").click()
    assert page.js("handoverMap.playing()")
    assert page.page.locator("#hm-play").get_attribute("aria-pressed") == "true"
    page.page.wait_for_function("handoverMap.date() === '2020-12-01'", timeout=5_000)
    page.page.wait_for_function("!handoverMap.playing()", timeout=5_000)
    page.js("handoverMap.setDate('2020-12-01')")
    page.js("handoverMap.play()")  # from the end it starts over
    assert page.js("handoverMap.date()") == "2020-11-14"
    page.js("handoverMap.pause()")
    assert not page.js("handoverMap.playing()")


def test_event_list_follows_the_slider_and_jumps_on_click(default_map, open_offline):
    page = open_offline(default_map)
    events = page.js("handoverMap.events()")
    assert [(e["date"], e["district"], e["kind"]) for e in events] == [
        ("2020-11-15", "Kalbajar District", "scheduled"),
        ("2020-11-15", "Kalbajar District", "postponed"),
        ("2020-11-20", "Agdam District", "completed"),
        ("2020-11-25", "Kalbajar District", "completed"),
        ("2020-12-01", "Lachin District", "scheduled"),
        ("2020-12-01", "Lachin District", "completed"),
    ]
    past, current, future = "rgb(138, 138, 138)", "rgb(0, 114, 178)", "rgb(204, 204, 204)"
    items = page.page.locator(".hm-event")

    def borders():
        return items.evaluate_all("items => items.map(i => getComputedStyle(i).borderLeftColor)")

    page.js("handoverMap.setDate('2020-11-22')")
    assert borders() == [past, past, current, future, future, future]
    assert [items.nth(k).get_attribute("aria-current") for k in range(6)] == [None, None, "true", None, None, None]
    page.js("handoverMap.setDate('2020-11-15')")  # two events on one day are both current
    assert borders() == [current, current, future, future, future, future]
    page.js("handoverMap.setDate('2020-11-01')")
    assert borders() == [future] * 6
    items.nth(5).locator("button").click()
    assert page.js("handoverMap.date()") == "2020-12-01"
    assert borders() == [past, past, past, past, current, current]
    assert items.nth(4).get_attribute("aria-current") == "true"  # the first of the day's events


def test_ticks_mark_the_event_dates(default_map, open_offline):
    page = open_offline(default_map)
    assert page.page.locator(".hm-tick").evaluate_all("ts => ts.map(t => t.title)") == ["15 Nov 2020", "20 Nov 2020", "25 Nov 2020", "1 Dec 2020"]


def test_scheduled_is_hatched_and_transferred_solid(default_map, open_offline):
    page = open_offline(default_map)
    page.js("handoverMap.setDate('2020-11-25')")
    fills = page.js(
        "() => { const f = {}; handoverMap.layer.eachLayer(l => { f[handoverMap.districts()[l.feature.properties.i].name] = l._path.getAttribute('fill'); }); return f; }"
    )
    assert fills == {"Agdam District": "#0072B2", "Kalbajar District": "#0072B2", "Lachin District": "url(#hm-hatch-scheduled)"}
    assert page.js("document.getElementById('hm-hatch-scheduled').tagName") == "pattern"


def test_only_the_held_part_of_agdam_is_coloured_and_measured(default_map, open_offline):
    page = open_offline(default_map)
    districts = {d["name"]: d for d in page.js("handoverMap.districts()")}
    # ../shared/geodata/README.md: about 836 of Agdam's 1,045 km² lie inside the held area (UTM 38N)
    assert districts["Agdam District"]["areaKm2"] == pytest.approx(836, abs=6)
    assert districts["Agdam District"]["districtKm2"] == pytest.approx(1045, abs=6)
    assert districts["Kalbajar District"]["areaKm2"] == pytest.approx(2626, abs=15)
    assert districts["Lachin District"]["areaKm2"] == pytest.approx(1777, abs=10)
    page.js("handoverMap.setDate('2020-11-25')")
    point = page.js("""() => { const d = handoverMap.districts().find(d => d.name === 'Agdam District');
        const p = handoverMap.map.latLngToContainerPoint(d.labelAt); const r = handoverMap.map.getContainer().getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }""")
    page.page.mouse.click(*point)
    popup = page.page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5_000)
    text = popup.inner_text()
    assert "Area changing hands: 83" in text and "of the district’s 1,04" in text


def test_labels_context_and_held_area_are_drawn(default_map, open_offline):
    page = open_offline(default_map)
    labels = page.page.locator(".hm-label").all_inner_texts()
    assert sorted(labels) == ["Aghdam", "Kalbajar", "Lachin"]
    countries = page.page.locator(".hm-country-label").evaluate_all("ls => ls.map(l => l.textContent)")
    assert {"Armenia", "Azerbaijan"} <= set(countries)  # names only where they fit inside the map (tests/test_page.py)
    assert page.js("document.querySelectorAll('path[stroke-dasharray=\"6 5\"]').length") == 1
    assert "Area held by Armenian forces before the 2020 war" in page.page.locator(".hm-legend").inner_text()
    assert "As reported on 1 December 2020" in page.page.locator(".hm-note").inner_text()


def test_scroll_wheel_is_not_captured_until_the_map_is_clicked(default_map, open_offline):
    page = open_offline(default_map)
    assert page.js("handoverMap.map.scrollWheelZoom.enabled()") is False
    box = page.page.locator(".folium-map").bounding_box()
    page.page.mouse.click(box["x"] + 30, box["y"] + box["height"] - 40)
    assert page.js("handoverMap.map.scrollWheelZoom.enabled()") is True


@pytest.mark.parametrize("width", [360, 800, 1400])
def test_layout_fits_each_width(default_map, browser_context, width):
    page = browser_context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(default_map.resolve().as_uri())
    page.wait_for_function("window.handoverMap !== undefined")
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scrolling
    map_box = page.locator(".folium-map").bounding_box()
    events_box = page.locator(".hm-events").bounding_box()
    assert map_box["width"] >= min(width * 0.6, 900) and map_box["height"] >= 260
    if width < 760:
        assert events_box["y"] >= map_box["y"] + map_box["height"]  # list below the map
    else:
        assert events_box["x"] >= map_box["x"] + map_box["width"] - 1  # list beside the map
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"default-{width}.png"), full_page=width < 760)
    page.close()


def test_embedded_in_an_iframe_the_parent_drives_the_date(default_map, browser_context, tmp_path):
    parent = tmp_path / "story.html"
    parent.write_text(
        "<!doctype html><html><body><p>Story text.</p>"
        f"<iframe id='m' src='{default_map.resolve().as_uri()}' width='600' height='500' title='Map'></iframe>"
        "<script>window.heard = []; addEventListener('message', e => { if (e.data && e.data.type === 'handover-map:date') heard.push(e.data.date); });</script>"
        "</body></html>",
        encoding="utf-8",
    )
    page = browser_context.new_page()
    page.goto(parent.resolve().as_uri())
    frame = page.frame_locator("#m")
    frame.locator("#hm-slider").wait_for()
    page.evaluate("document.getElementById('m').contentWindow.postMessage({type: 'handover-map:setDate', date: '2020-11-16'}, '*')")
    page.wait_for_function("window.heard.includes('2020-11-16')")
    inner = page.frames[1]
    assert inner.evaluate("handoverMap.stateOf('Kalbajar')") == "postponed"
    assert inner.evaluate("document.documentElement.scrollWidth") <= 600
    page.close()


def test_messages_from_other_windows_are_ignored(default_map, browser_context, tmp_path):
    # A page the map is embedded in may drive it; another frame of the same story, or the map's own window, may not.
    parent = tmp_path / "story.html"
    parent.write_text(
        "<!doctype html><html><body>"
        f"<iframe id='m' src='{default_map.resolve().as_uri()}#date=2020-11-25' width='600' height='500' title='Map'></iframe>"
        "<iframe id='other' srcdoc='<p>ad</p>' title='Other'></iframe>"
        "</body></html>",
        encoding="utf-8",
    )
    page = browser_context.new_page()
    page.goto(parent.resolve().as_uri())
    page.frame_locator("#m").locator("#hm-slider").wait_for()
    inner = next(f for f in page.frames if f.url.startswith("file:") and "default" in f.url)
    sibling = "parent.document.getElementById('m').contentWindow.postMessage({type: 'handover-map:setDate', date: '2020-11-16'}, '*')"
    page.evaluate("(code) => document.getElementById('other').contentWindow.eval(code)", sibling)
    page.wait_for_timeout(300)
    assert inner.evaluate("handoverMap.date()") == "2020-11-25"  # the sibling frame was not heard
    page.evaluate("document.getElementById('m').contentWindow.postMessage({type: 'handover-map:setDate', date: '2020-11-17'}, '*')")
    inner.wait_for_function("handoverMap.date() === '2020-11-17'")  # while the parent is heard
    page.close()
