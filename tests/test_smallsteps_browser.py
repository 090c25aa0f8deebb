"""Cheap slider steps that keep what the reader sees: the event list's window, which
grows when the reader goes on, and the districts' descriptions right after far steps."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from pathlib import Path

import pytest

from conftest import AZE_ADM2, open_sized
from handover_map import build_map, load_boundaries
from handover_map.events import Event

pytestmark = pytest.mark.browser

ALL_ITEMS = "() => [...document.querySelectorAll('#hm-event-list .hm-event')].map(li => li.querySelector('.hm-event-date').textContent + li.querySelector('.hm-event-what').textContent)"
FOCUSED_ITEM = "() => { const li = document.activeElement.closest('.hm-event'); return li ? li.querySelector('.hm-event-date').textContent + li.querySelector('.hm-event-what').textContent : null; }"


def _aze_map(tmp_path_factory, folder: str, events_of) -> Path:
    """A self-contained map of the 78 Azerbaijan districts, no context, with the events ``events_of(names)`` gives."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        names = list(load_boundaries(AZE_ADM2, "shapeName")["name"])
        path = tmp_path_factory.mktemp(folder) / f"{folder}.html"
        return build_map(path, events=events_of(names), boundaries=str(AZE_ADM2), name_field="shapeName", context="none", self_contained=True)


START = dt.date(2021, 1, 1)


@pytest.fixture(scope="module")
def long_list(tmp_path_factory) -> Path:
    """78 districts, each announced on its own day from 1 January 2021 and handed over three days later (156 events)."""
    return _aze_map(
        tmp_path_factory,
        "long",
        lambda names: [
            Event(name, START + dt.timedelta(days=k + shift), kind, "A", "B")
            for k, name in enumerate(names)
            for shift, kind in ((0, "scheduled"), (3, "completed"))
        ],
    )


def _tab_through(page, key: str, limit: int = 400) -> list[str]:
    """The items the focus visits pressing ``key`` until it leaves the list."""
    seen = []
    for _ in range(limit):
        page.page.keyboard.press(key)
        item = page.js(FOCUSED_ITEM)
        if item is None:
            return seen
        seen.append(item)
    raise AssertionError("the focus never left the list")


def test_after_a_far_jump_the_keyboard_reaches_every_event_both_ways(long_list, open_offline):
    page = open_offline(long_list)
    page.js("handoverMap.setDate('2021-03-20')")  # the last handovers: the window is the list's end
    page.js("handoverMap.setDate('2021-01-30')")  # a far step back: a window in the middle
    window = page.js(ALL_ITEMS)
    assert len(window) == 32 and page.js("handoverMap.events().length") == 156
    # Tab from the window's first item to the end of the list, then Shift+Tab from there to its start.
    page.js("() => { document.querySelector('#hm-event-list .hm-event-button').focus(); }")
    forward = _tab_through(page, "Tab")
    page.js("() => { const b = document.querySelectorAll('#hm-event-list .hm-event-button'); b[b.length - 1].focus(); }")
    backward = _tab_through(page, "Shift+Tab")
    everything = page.js(ALL_ITEMS)
    assert len(everything) == 156  # the window grew to the whole list, a part at a time
    dates = page.js("handoverMap.events().map(e => e.date)")
    assert [page.js("d => handoverMap.dates().includes(d)", d) for d in dates] == [True] * 156
    start = everything.index(window[0])
    assert everything[start : start + 32] == window
    assert forward == everything[start + 1 :]  # every later event, in order
    assert backward == everything[-2::-1]  # every earlier one, back to the first
    assert page.errors == []


def test_the_first_item_focused_gets_the_earlier_events_above_it_and_stays_in_view(long_list, open_offline):
    page = open_offline(long_list)
    page.js("handoverMap.setDate('2021-03-20')")  # the window is the list's last 32 events
    first = page.js(ALL_ITEMS)[0]
    page.js("() => { document.querySelector('#hm-event-list .hm-event-button').focus(); }")
    items = page.js(ALL_ITEMS)
    assert len(items) == 64 and items[32] == first and page.js(FOCUSED_ITEM) == first
    assert page.js(
        """() => { const r = document.activeElement.getBoundingClientRect(), s = document.querySelector('.hm-events').getBoundingClientRect();
        return r.top >= s.top - 1 && r.bottom <= s.bottom + 1; }"""
    )
    assert page.errors == []


@pytest.mark.parametrize("width", [1200, 360])
def test_scrolling_to_the_end_of_the_list_adds_the_next_events(long_list, browser_context, width):
    page = open_sized(browser_context, long_list, width, address="#date=2021-01-10")
    assert len(page.evaluate(ALL_ITEMS)) == 32
    # Beside the map the list scrolls in its own box; below it (a phone) the page scrolls.
    scroll = (
        "() => { const s = document.querySelector('.hm-events'); s.scrollTop = s.scrollHeight; }"
        if width > 760
        else "() => window.scrollTo(0, document.documentElement.scrollHeight)"
    )
    counts = []
    for _ in range(10):
        page.evaluate(scroll)
        page.wait_for_timeout(100)
        counts.append(len(page.evaluate(ALL_ITEMS)))
    assert counts[0] > 32 and counts[-1] == 156 - 7, counts  # from the window's first (the eighth event) to the last
    assert page.locator("#hm-event-window").inner_text() == "Events 8–156 of 156, around the slider’s date"
    # Back at the top, a step moves the window back to its size around the slider's date.
    page.evaluate("() => { document.querySelector('.hm-events').scrollTop = 0; window.scrollTo(0, 0); }")
    page.wait_for_timeout(100)
    page.evaluate("handoverMap.setDate('2021-01-11')")
    assert len(page.evaluate(ALL_ITEMS)) == 32
    page.close()


LIST_OF = "() => [...document.getElementById('hm-event-list').children].map(li => li.className + '|' + (li.getAttribute('aria-current') || '') + '|' + li.textContent)"
LABELS = "() => [...document.querySelectorAll('path.leaflet-interactive')].map(p => p.getAttribute('aria-label') + '|' + p.getAttribute('fill') + '|' + p.getAttribute('fill-opacity'))"


def test_after_far_steps_the_list_and_the_districts_read_as_on_a_page_opened_there(long_list, open_offline, browser_context):
    page = open_offline(long_list)
    fresh = browser_context.new_page()
    for day in ("2021-03-20", "2021-01-02", "2021-02-14", "2021-01-05", "2021-03-01"):
        page.js("d => handoverMap.setDate(d)", day)
        fresh.goto("about:blank")
        fresh.goto(long_list.resolve().as_uri() + f"#date={day}")
        fresh.wait_for_function("window.handoverMap !== undefined")
        assert page.js(LIST_OF) == fresh.evaluate(LIST_OF), day
        labels = page.js(LABELS)
        assert labels == fresh.evaluate(LABELS), day
        assert any("Handed over" in label for label in labels) == (day != "2021-01-02"), day
    fresh.close()
    assert page.errors == []


ITEM_HTML = "() => [...document.getElementById('hm-event-list').children].map(li => li.outerHTML)"
MARK_ITEMS = "() => [...document.getElementById('hm-event-list').children].forEach((li, k) => { li.dataset.mark = k; })"
MARKS = "() => [...document.getElementById('hm-event-list').children].map(li => li.dataset.mark === undefined ? null : Number(li.dataset.mark))"
CURRENT_AT = "() => [...document.getElementById('hm-event-list').children].findIndex(li => li.classList.contains('hm-current'))"


def test_a_drag_keeps_the_window_until_the_current_events_pass_its_middle(long_list, open_offline):
    page = open_offline(long_list)
    page.js("handoverMap.setDate('2021-01-30')")  # a far step: the current events (two a day) a quarter of the way down
    window = page.js(ALL_ITEMS)
    assert page.js(CURRENT_AT) == 8
    page.js(MARK_ITEMS)
    for day, at in (("2021-01-31", 10), ("2021-02-01", 12), ("2021-02-02", 14), ("2021-02-03", 16)):
        page.js("d => handoverMap.setDate(d)", day)
        assert page.js(ALL_ITEMS) == window and page.js(MARKS) == list(range(32)), day  # the same items, nothing added
        assert page.js(CURRENT_AT) == at, day
    page.js("handoverMap.setDate('2021-02-04')")  # past the middle: the window moves by the items it must
    assert page.js(CURRENT_AT) == 8
    marks = page.js(MARKS)  # the kept items moved up; the ten that left the top show the next events at the end
    assert marks[:22] == list(range(10, 32)) and sorted(marks[22:]) == list(range(10))
    assert page.js(ALL_ITEMS)[:22] == window[10:]
    page.js("handoverMap.setDate('2021-02-03')")  # a step back stays in the window
    assert page.js(CURRENT_AT) == 6
    assert page.errors == []


@pytest.fixture(scope="module")
def mixed_parts(tmp_path_factory) -> Path:
    """78 districts handed over one a day; a third of the events quote a report and cite it, a third carry a note."""

    def events_of(names: list[str]) -> list[Event]:
        out = []
        for k, name in enumerate(names):
            day = START + dt.timedelta(days=k)
            quoted = {"evidence": f"Quote number {k}.", "source": f"Wire {k}, 2021-01-01"} if k % 3 == 0 else {}
            noted = {"note": f"Note {k} & <b>more</b>"} if k % 3 == 1 else {}
            out.append(Event(name, day, "completed", "A", "B", **quoted, **noted))
        return out

    return _aze_map(tmp_path_factory, "mixed", events_of)


def test_a_far_jump_writes_the_new_events_into_the_items_already_in_the_list(mixed_parts, open_offline, browser_context):
    page = open_offline(mixed_parts)
    fresh = browser_context.new_page()
    page.js("handoverMap.setDate('2021-01-20')")
    page.js(MARK_ITEMS)
    for day in ("2021-03-10", "2021-01-02", "2021-02-11", "2021-01-01", "2021-03-19"):
        page.js("d => handoverMap.setDate(d)", day)
        # The items in the page before are the items after, each shown just as on a page opened on that day.
        assert sorted(mark for mark in page.js(MARKS) if mark is not None) == list(range(32)), day
        fresh.goto("about:blank")
        fresh.goto(mixed_parts.resolve().as_uri() + f"#date={day}")
        fresh.wait_for_function("window.handoverMap !== undefined")
        assert [_without_mark(item) for item in page.js(ITEM_HTML)] == fresh.evaluate(ITEM_HTML), day
    assert page.page.locator(".hm-event-evidence").count() == page.page.locator(".hm-event-source").count() > 0
    fresh.close()
    assert page.errors == []


def _without_mark(html: str) -> str:
    return re.sub(r' data-mark="\d+"', "", html)


@pytest.fixture(scope="module")
def many_hatched(tmp_path_factory) -> Path:
    """78 districts, all announced on 1 January 2021 and handed over one a day from the 2nd."""
    return _aze_map(
        tmp_path_factory,
        "hatched",
        lambda names: (
            [Event(name, START, "scheduled", "A", "B") for name in names]
            + [Event(name, START + dt.timedelta(days=k + 1), "completed", "A", "B") for k, name in enumerate(names)]
        ),
    )


# The share of pixels two PNG screenshots (base64) differ in by more than a few levels, read in the page.
DIFFERENT_PIXELS = """async ([a, b]) => {
    const load = src => new Promise(done => { const img = new Image(); img.onload = () => done(img); img.src = 'data:image/png;base64,' + src; });
    const [x, y] = await Promise.all([load(a), load(b)]);
    const read = img => { const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
        const g = c.getContext('2d'); g.drawImage(img, 0, 0); return g.getImageData(0, 0, img.width, img.height).data; };
    const p = read(x), q = read(y);
    let differ = 0;
    for (let k = 0; k < p.length; k += 4) if (Math.max(Math.abs(p[k] - q[k]), Math.abs(p[k + 1] - q[k + 1]), Math.abs(p[k + 2] - q[k + 2])) > 6) differ++;
    return differ / (p.length / 4);
}"""
# Back to a pattern on each hatched path (the way pages drew hatching before), without the hatching paths.
PATTERN_ON_EACH_PATH = """() => {
    document.querySelectorAll('.hm-hatching').forEach(p => { p.style.display = 'none'; });
    document.querySelectorAll('path.leaflet-interactive').forEach(p => { p.style.fill = p.getAttribute('fill'); });
}"""


def _map_png(page) -> str:
    import base64

    page.mouse.move(0, 0)  # no district under the pointer (hover outlines it)
    return base64.b64encode(page.locator(".folium-map").screenshot()).decode()


@pytest.mark.parametrize("zoom", [0, 1])
def test_hatched_districts_look_as_with_a_pattern_on_each_path(many_hatched, open_offline, zoom):
    page = open_offline(many_hatched)
    page.js("handoverMap.setDate('2021-03-01')")  # all hatched
    page.js("handoverMap.setDate('2021-02-01')")  # a far step: about half handed over, half still announced
    states = page.js("() => handoverMap.districts().map(d => d.state)")
    assert 20 <= len(states) - states.count("transferred") <= 60 and states.count("transferred") >= 20, states
    if zoom:
        page.js("() => { handoverMap.map.setZoom(handoverMap.map.getZoom() + 1, {animate: false}); handoverMap.map.panBy([60, 40], {animate: false}); }")
        page.page.wait_for_timeout(300)
    hatching = page.js("() => [...document.querySelectorAll('.hm-hatching')].map(p => [p.getAttribute('fill'), p.getAttribute('d').length])")
    assert [fill for fill, _ in hatching] == ["url(#hm-hatch-overdue)"] and hatching[0][1] > 1000  # announced, date passed
    # The hatching path holds exactly the hatched districts' outlines, as Leaflet projected them last.
    assert page.js(
        """() => document.querySelector('.hm-hatching').getAttribute('d') ===
        [...document.querySelectorAll('path.leaflet-interactive')].filter(p => p.getAttribute('fill').startsWith('url(')).map(p => p.getAttribute('d')).join('')"""
    )
    # The districts keep their fill attributes, their labels and the mouse.
    assert page.js("handoverMap.stateOf('Absheron District')") == "transferred"
    # The same pixels but on the outlines, now all drawn over the hatching (a district drawn later used to
    # cover the inner half of its neighbour's outline): compared without them, the same but for the
    # antialiased pixel along a border.
    page.js("() => { document.querySelectorAll('path.leaflet-interactive').forEach(p => { p.style.stroke = 'none'; }); }")
    built = _map_png(page.page)
    page.js(PATTERN_ON_EACH_PATH)
    before = _map_png(page.page)
    differ = page.js(DIFFERENT_PIXELS, [built, before])
    # And the test can fail: without the hatching paths the hatched districts show no stripes.
    page.js("() => { document.querySelectorAll('path.leaflet-interactive').forEach(p => { p.style.fill = ''; }); }")
    unhatched = page.js(DIFFERENT_PIXELS, [_map_png(page.page), before])
    assert differ < 0.015 and unhatched > 10 * differ, (differ, unhatched)
    assert page.errors == []


@pytest.fixture(scope="module")
def quoted_list(tmp_path_factory) -> Path:
    """30 districts, each handed over on its own day from 1 January 2021, each event with a quote of three lines."""
    quote = "The district was handed over this morning after the last units left along the only road, officials said at a briefing."
    return _aze_map(
        tmp_path_factory,
        "quoted",
        lambda names: [Event(name, START + dt.timedelta(days=k), "completed", "A", "B", evidence=quote) for k, name in enumerate(names[:30])],
    )


# A step to day ``d`` (or a click on the item of ``click``, a date and a district), then, two frames
# later: the current item's top and bottom, the list's box, the list's scroll offset before and
# after the step, the page's, and how many items the list holds.
STEP_AND_LOOK = """([d, click]) => {
    const box = document.querySelector('.hm-events'), before = box.scrollTop;
    if (click) [...document.querySelectorAll('#hm-event-list .hm-event-button')].find(b => b.textContent.startsWith(click)).click();
    else handoverMap.setDate(d);
    return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
        const item = document.querySelector('#hm-event-list [aria-current]'), r = item ? item.getBoundingClientRect() : null, b = box.getBoundingClientRect();
        done({top: r && r.top, bottom: r && r.bottom, boxTop: b.top, boxBottom: b.bottom, before: before, scrollTop: box.scrollTop,
              pageY: window.scrollY, items: document.querySelectorAll('#hm-event-list .hm-event').length});
    })));
}"""


def test_beside_the_map_the_list_keeps_the_current_event_in_view_as_the_slider_moves(quoted_list, browser_context):
    page = open_sized(browser_context, quoted_list, 1200)
    scrolls = 0
    for day in [*range(30), 0]:  # a drag through every event's day, then a jump back to the first
        seen = page.evaluate(STEP_AND_LOOK, [(START + dt.timedelta(days=day)).isoformat(), None])
        assert seen["boxTop"] <= seen["top"] and seen["bottom"] <= seen["boxBottom"] + 1, (day, seen)
        scrolls += seen["scrollTop"] != seen["before"]
    # Five or so quoted items fit in the box: it scrolls when the current one would leave it, not on every step.
    assert 3 <= scrolls <= 10, scrolls
    page.close()


def test_a_click_in_the_list_never_scrolls_it_under_the_pointer(quoted_list, browser_context):
    page = open_sized(browser_context, quoted_list, 1200)
    page.evaluate(STEP_AND_LOOK, [START.isoformat(), None])
    # The last item the box shows in part: clicked, it becomes current where it is.
    partly = page.evaluate(
        """() => { const b = document.querySelector('.hm-events').getBoundingClientRect();
        const li = [...document.querySelectorAll('#hm-event-list .hm-event')].find(li => li.getBoundingClientRect().bottom > b.bottom);
        return li.querySelector('.hm-event-date').textContent; }"""
    )
    seen = page.evaluate(STEP_AND_LOOK, [None, partly])
    assert seen["scrollTop"] == seen["before"] and seen["top"] < seen["boxBottom"]
    assert page.evaluate("handoverMap.date()") != START.isoformat()
    page.close()


def test_a_drag_through_a_long_list_keeps_its_window_to_its_size(long_list, browser_context):
    # The list's own scrolls (keeping the current event in view) are no reader going on to its end.
    page = open_sized(browser_context, long_list, 1200)
    for day in range(80):
        seen = page.evaluate(STEP_AND_LOOK, [(START + dt.timedelta(days=day)).isoformat(), None])
        assert seen["items"] == 32, (day, seen)
        assert seen["boxTop"] <= seen["top"] and seen["bottom"] <= seen["boxBottom"] + 1, (day, seen)
    page.close()


def test_below_the_map_on_a_phone_a_step_never_scrolls_the_page_to_the_list(quoted_list, browser_context):
    page = open_sized(browser_context, quoted_list, 360, 740)
    for day in (29, 3, 17):
        assert page.evaluate(STEP_AND_LOOK, [(START + dt.timedelta(days=day)).isoformat(), None])["pageY"] == 0
    page.close()
