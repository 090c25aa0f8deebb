"""The page's parts: templates, the named page-data schema, the script's
parts, and steps that cost only what changed (real Chromium, no network)."""

from __future__ import annotations

import datetime as dt
import json
import re
import warnings
from pathlib import Path

import pytest
import rjsmin

from conftest import AZE_ADM2, REPO
from handover_map import build_map, load_boundaries, settings
from handover_map.events import Event
from handover_map.render import CANVAS_PART, PAGE_SCHEMA, SCRIPT_PARTS, _page_html, page_script
from handover_map.words import words

SCRIPT_DIR = REPO / "src" / "handover_map" / "templates" / "js"


def _page_data(page: Path) -> dict:
    found = re.search(r"var data = (\{.*?\});\n", page.read_text(encoding="utf-8"))
    assert found, "no page data"
    return json.loads(found.group(1))


def _rows_fit(rows: list, table: dict) -> bool:
    """Whether each row holds the table's columns and then whole repeated groups."""
    width, step = len(table["columns"]), len(table.get("then", []))
    return all(len(row) >= width and (len(row) - width) % step == 0 if step else len(row) == width for row in rows)


def test_every_table_of_the_page_data_has_the_columns_its_schema_names(default_map):
    data = _page_data(default_map)
    assert data["schema"] == PAGE_SCHEMA and PAGE_SCHEMA["version"] == 4
    for name, table in PAGE_SCHEMA.items():
        if name == "version":
            continue
        if name == "events":  # column-major
            assert len(data["events"]) == len(table["columns"])
            assert all(isinstance(column, int) or len(column) == data["eventCount"] for column in data["events"])
        else:
            assert _rows_fit(data[name], table), name
    # The default map's districts change state: the repeated (day, state) groups are used.
    assert any(len(row) > len(PAGE_SCHEMA["districts"]["columns"]) for row in data["districts"])


def test_each_state_is_drawn_as_the_python_vocabulary_says(default_map):
    data = _page_data(default_map)
    assert data["states"] == list(settings.STATES)
    styles = dict(zip(data["states"], data["styles"]))
    assert {state for state, style in styles.items() if style["hatched"]} == {s for s in settings.STATES if settings.STATE_STYLES[s]["hatched"]}
    assert {"scheduled", "postponed", "overdue", "unreported"} <= {state for state, style in styles.items() if style["hatched"]}
    assert {state for state, style in styles.items() if style["holderLabel"]} == set(settings.CONTROL_STATES)
    assert not styles["held"]["claimPale"] and not styles["unreported"]["claimPale"] and styles["transferred"]["claimPale"]
    assert all(style["color"] == settings.STATE_STYLES[state]["color"] for state, style in styles.items())


def test_the_page_data_is_documented_key_by_key(default_map):
    described = (REPO / "docs" / "page-data.md").read_text(encoding="utf-8")
    undescribed = [key for key in _page_data(default_map) if f"`{key}`" not in described]
    assert undescribed == []
    for name, table in PAGE_SCHEMA.items():
        if name != "version":
            assert f"| `{name}` | {', '.join(table['columns'])}" in described, name


def test_the_script_is_made_of_its_listed_parts_and_uses_no_private_leaflet_field():
    assert sorted((*SCRIPT_PARTS, CANVAS_PART)) == sorted(path.stem for path in SCRIPT_DIR.glob("*.js"))
    for path in SCRIPT_DIR.glob("*.js"):
        # Canvas pages' own lines are the one template syntax a part may hold, each tag a line of its own.
        source = re.sub(r"(?m)^[ \t]*\{% (if canvas|else|endif) %\}\n", "", path.read_text(encoding="utf-8"))
        source = rjsmin.jsmin(source)  # without comments, as the page has it
        assert not re.search(r"\._[A-Za-z]", source), f"{path.name} reaches into a private field"
        # States are data (data.states, data.styles), never spelled in the script.
        spelled = [state for state in settings.STATES if f'"{state}"' in source]
        assert spelled == [], f"{path.name} spells {spelled}"
        assert "{{" not in source and "{%" not in source and "{#" not in source  # parts are included as templates


def test_the_script_has_the_data_and_the_map_as_values_never_as_source():
    script = page_script('{"text":"\\u003c/script\\u003e {{ 7*7 }}"}', "map_hm1")
    assert 'var data = {"text":"\\u003c/script\\u003e {{ 7*7 }}"};\n' in script
    assert "var map = map_hm1;" in script and "49" not in script
    assert script.index("function Words(") < script.index("function Timeline(") < script.index("window.handoverMap={")  # minified
    with pytest.raises(ValueError, match="not a script name"):
        page_script("{}", "map; alert(1)")


def test_the_page_template_escapes_every_text():
    hostile = "{{ 7*7 }} {% if 1 %}IF{% endif %} </h1><script>x()</script> & b"
    page = _page_html(hostile, hostile, hostile, [("background:#E69F00", hostile)], [hostile, "Leaflet"], ["scheduled"], words("en"))
    assert "<script>" not in page and "49" not in page
    assert page.count("{{ 7*7 }} {% if 1 %}IF{% endif %} &lt;/h1&gt;&lt;script&gt;x()&lt;/script&gt; &amp; b") == 5  # title, subtitle, note, legend, credit
    assert 'id="hm-hatch-scheduled"' in page and " · Leaflet</p>" in page


@pytest.fixture(scope="module")
def many_events() -> list[Event]:
    """78 districts, each announced on its own day from 1 January 2021 and
    handed over three days later: 156 events, two a day from the fourth day."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        names = list(load_boundaries(AZE_ADM2, "shapeName")["name"])
    start = dt.date(2021, 1, 1)
    return [
        Event(name, start + dt.timedelta(days=k + shift), kind, "A", "B")
        for k, name in enumerate(names)
        for shift, kind in ((0, "scheduled"), (3, "completed"))
    ]


def _build(path: Path, events: list[Event]) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return build_map(path, events=events, boundaries=str(AZE_ADM2), name_field="shapeName", context="none", self_contained=True)


@pytest.fixture(scope="module")
def many_events_page(tmp_path_factory, many_events) -> Path:
    return _build(tmp_path_factory.mktemp("many") / "many.html", many_events)


LIST_OF = "() => [...document.getElementById('hm-event-list').children].map(li => li.className + '|' + (li.getAttribute('aria-current') || '') + '|' + li.textContent)"


def _step_and_count(page, move: str) -> dict:
    """Mutations of the event list while ``move`` (script) runs, taken at once."""
    return page.js(
        """move => {
            const list = document.getElementById('hm-event-list');
            const observer = new MutationObserver(() => {});
            observer.observe(list, {childList: true, subtree: true, attributes: true, characterData: true});
            new Function(move)();
            const records = observer.takeRecords();
            observer.disconnect();
            const count = kind => records.filter(r => r.type === kind);
            return {
                added: count('childList').reduce((n, r) => n + r.addedNodes.length, 0),
                removed: count('childList').reduce((n, r) => n + r.removedNodes.length, 0),
                classes: count('attributes').filter(r => r.attributeName === 'class').length,
                other: records.length - count('childList').length - count('attributes').filter(r => ['class', 'aria-current'].includes(r.attributeName)).length,
            };
        }""",
        move,
    )


@pytest.mark.browser
@pytest.mark.parametrize(
    ("start", "move", "shown"),
    [
        ("2021-01-20", "document.getElementById('hm-next').click()", "2021-01-21"),
        ("2021-01-26", "document.getElementById('hm-prev').click()", "2021-01-25"),
    ],
)
def test_a_step_keeps_the_event_list_and_changes_only_the_classes_that_differ(many_events_page, open_offline, browser_context, start, move, shown):
    page = open_offline(many_events_page)
    page.js("d => handoverMap.setDate(d)", start)
    counts = _step_and_count(page, move)
    assert page.js("handoverMap.date()") == shown
    # The current events stay in the window's upper half: no item comes or goes (a rebuild moved all 120).
    assert counts["added"] == counts["removed"] == 0
    # The two events of the old day become past (or future) and the two of the new day current: nothing else changes.
    assert counts["classes"] == 4 and counts["other"] == 0
    # Each item reads as on a page opened on that day, where that page shows it too (its window is placed afresh).
    fresh = browser_context.new_page()
    fresh.goto(many_events_page.resolve().as_uri() + f"#date={shown}")
    fresh.wait_for_function("window.handoverMap !== undefined")
    stepped, opened = page.js(LIST_OF), fresh.evaluate(LIST_OF)
    shared = [item for item in stepped if item.split("|")[2] in {other.split("|")[2] for other in opened}]
    assert len(shared) > 20 and set(shared) <= set(opened)
    assert [item for item in stepped if "|true|" in item] == [item for item in opened if "|true|" in item] != []
    fresh.close()


@pytest.mark.browser
def test_a_step_within_the_window_adds_and_removes_no_item(many_events_page, open_offline):
    page = open_offline(many_events_page)
    page.js("handoverMap.setDate('2021-01-02')")  # the window starts at the first event until the current one is a quarter down
    counts = _step_and_count(page, "handoverMap.setDate('2021-01-03')")
    assert counts["added"] == counts["removed"] == 0 and counts["classes"] == 2  # one event a day so far


@pytest.mark.browser
@pytest.mark.parametrize("canvas", [False, True])
def test_a_step_restyles_only_the_districts_that_change(many_events, many_events_page, tmp_path, open_offline, monkeypatch, canvas):
    path = many_events_page
    if canvas:
        monkeypatch.setattr("handover_map.settings.CANVAS_THRESHOLD", 10)
        path = _build(tmp_path / "canvas.html", many_events)
    page = open_offline(path)
    assert page.js("document.querySelectorAll('path.leaflet-interactive').length") == (0 if canvas else 78)
    page.js("handoverMap.setDate('2021-01-20')")
    before = page.js("() => handoverMap.districts().map(d => d.state)")
    restyled = page.js(
        """() => {
            const touched = new Set(), byPath = new Map(), fills = new Map();
            handoverMap.layer.eachLayer(l => {
                const i = l.feature.properties.i, setStyle = l.setStyle;
                if (l.getElement()) byPath.set(l.getElement(), i);
                l.setStyle = function (style) { touched.add(i); return setStyle.call(this, style); };
                fills.set(l, [l.options.fillColor, l.options.fillOpacity]);
            });
            const observer = new MutationObserver(() => {});
            observer.observe(handoverMap.map.getPane('overlayPane'), {attributes: true, subtree: true});
            handoverMap.setDate('2021-01-21');
            observer.takeRecords().forEach(r => { if (byPath.has(r.target)) touched.add(byPath.get(r.target)); });  // not the hatching paths (districts.js)
            // On Canvas a fill changes in the layer's options only (fills.js paints it).
            handoverMap.layer.eachLayer(l => {
                const [colour, opacity] = fills.get(l);
                if (l.options.fillColor !== colour || l.options.fillOpacity !== opacity) touched.add(l.feature.properties.i);
            });
            observer.disconnect();
            return [...touched];
        }"""
    )
    after = page.js("() => handoverMap.districts().map(d => d.state)")
    changed = sorted(i for i, (old, new) in enumerate(zip(before, after)) if old != new)
    assert len(changed) == 2  # one district announced, one handed over
    assert sorted(restyled) == changed
    assert page.errors == []


@pytest.mark.browser
def test_the_address_is_written_once_the_reader_stops(default_map, open_offline):
    page = open_offline(default_map)
    during = page.js(
        """() => {
            window.writes = [];
            const replaceState = history.replaceState;
            history.replaceState = function (state, title, url) { writes.push(url); return replaceState.call(this, state, title, url); };
            const slider = document.getElementById('hm-slider');
            for (const value of [1, 2, 3, 4, 5, 6]) {  // a drag: input events, no release yet
                slider.value = String(value);
                slider.dispatchEvent(new Event('input', {bubbles: true}));
            }
            return [location.hash, handoverMap.date()];
        }"""
    )
    assert during == ["", "2020-11-20"]  # the map follows at once, the address not yet
    page.page.wait_for_function("location.hash === '#date=2020-11-20'")
    assert page.js("writes") == ["#date=2020-11-20"]  # one write for the whole drag


@pytest.mark.browser
def test_releasing_the_slider_writes_the_address_at_once_within_the_rate_browsers_allow(default_map, open_offline):
    page = open_offline(default_map)
    page.page.locator("#hm-slider").fill("6")  # input, then change: released
    assert page.js("location.hash") == "#date=2020-11-20"
    during = page.js(
        """() => {
            window.writes = [];
            const replaceState = history.replaceState;
            history.replaceState = function (state, title, url) { writes.push(url); return replaceState.call(this, state, title, url); };
            const slider = document.getElementById('hm-slider');
            for (const value of [0, 11, 1]) {  // released three times at once: faster than browsers allow writes
                slider.value = String(value);
                slider.dispatchEvent(new Event('input', {bubbles: true}));
                slider.dispatchEvent(new Event('change', {bubbles: true}));
            }
            return [location.hash, handoverMap.date()];
        }"""
    )
    assert during == ["#date=2020-11-20", "2020-11-15"]  # too soon after the last write: it waits
    page.page.wait_for_function("location.hash === '#date=2020-11-15'")
    assert page.js("writes") == ["#date=2020-11-15"]  # the last date only


def test_a_cited_address_is_a_link_named_by_its_site_and_nothing_else_becomes_one():
    from handover_map.render import linked

    assert linked("AFP, 25 November 2020, https://www.example.org/news/2020/11/25/kalbajar.") == [
        ("AFP, 25 November 2020, ", ""),
        ("example.org", "https://www.example.org/news/2020/11/25/kalbajar"),
        (".", ""),
    ]
    # In brackets, the bracket is the sentence's unless the address opened one.
    assert linked("(AFP, http://a.example/x_(y))") == [("(AFP, ", ""), ("a.example", "http://a.example/x_(y)"), (")", "")]
    # Only web addresses: no script, no data, no address without its scheme.
    for text in ("javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "www.example.org/page", "ftp://example.org/f"):
        assert linked(text) == [(text, "")]
    # The site named is the one the browser opens: not what follows a "?" and an "@".
    assert linked("https://evil.example?@www.reuters.com/x") == [("evil.example", "https://evil.example?@www.reuters.com/x")]
    assert linked("HTTPS://WWW.Example.org/A") == [("example.org", "HTTPS://WWW.Example.org/A")]
    # A browser reads a backslash as a slash: the address ends there, and its site is the one opened.
    assert linked("http://attacker.example\\@reuters.com/story") == [("attacker.example", "http://attacker.example"), ("\\@reuters.com/story", "")]
    # Closing quotes and marks of other languages are the sentence's; any number of brackets is read once.
    assert linked("« https://a.example/x ».") == [("« ", ""), ("a.example", "https://a.example/x"), (" ».", "")]
    assert linked("See https://a.example/y”.") == [("See ", ""), ("a.example", "https://a.example/y"), ("”.", "")]
    assert linked("http://a.example" + ")" * 40_000) == [("a.example", "http://a.example"), (")" * 40_000, "")]
    assert linked("https:// and http://[::1") == [("https:// and http://[::1", "")]  # no site: no link
    # An address stops at a quote or an angle bracket: what follows stays words.
    assert linked('https://e.example/a"onmouseover="alert(1)') == [("e.example", "https://e.example/a"), ('"onmouseover="alert(1)', "")]


def test_the_note_and_credits_print_addresses_as_escaped_links(tmp_path):
    from handover_map.render import _page_html
    from handover_map.words import words

    page = _page_html(
        "T",
        "",
        "As reported (AFP, https://www.example.org/a?b=1&c=2).",
        [],
        ["Events: X, https://e.example/a'onclick='alert(1)", "Map: handover-map"],
        [],
        words("en"),
    )
    note = re.search(r'<p class="hm-note">(.*?)</p>', page).group(1)
    assert note == 'As reported (AFP, <a href="https://www.example.org/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">example.org</a>).'
    credits = re.search(r'<p class="hm-credits">(.*?)</p>', page).group(1)
    assert (
        credits
        == 'Events: X, <a href="https://e.example/a" target="_blank" rel="noopener noreferrer">e.example</a>&#39;onclick=&#39;alert(1) · Map: handover-map'
    )


@pytest.mark.browser
def test_a_change_that_names_no_taker_leaves_no_holder_named(tmp_path, open_offline):
    events = [
        Event("Agdam District", dt.date(2020, 11, 20), "completed", "Armenia", "Azerbaijan"),
        Event("Agdam District", dt.date(2020, 12, 5), "captured", "Azerbaijan", ""),  # taken by someone the report does not name
        Event("Lachin District", dt.date(2020, 12, 1), "completed"),  # no parties at all: no holders row
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        page_file = build_map(tmp_path / "map.html", events=events, boundaries=str(AZE_ADM2), name_field="shapeName", context="none", self_contained=True)
    data = _page_data(page_file)
    rows = {data["strings"][data["districts"][row[0]][0]]: row[1:] for row in data["holders"]}
    assert list(rows) == ["Agdam District"] and rows["Agdam District"][1::2] == [data["strings"].index("Azerbaijan"), -1]
    page = open_offline(page_file)
    page.js("handoverMap.setDate('2020-11-25')")
    assert page.js("handoverMap.holderOf('Agdam District')") == "Azerbaijan"
    page.js("handoverMap.setDate('2020-12-05')")
    assert page.js("handoverMap.holderOf('Agdam District')") is None  # as the export and the snapshot say: no one named
    assert page.errors == []


def test_tiles_zoom_past_the_provider_s_last_ones(tmp_path):
    # Esri's grey canvas ends at zoom 16: deeper, its last tiles are drawn larger, never left out.
    from handover_map import build_map

    page = build_map(tmp_path / "map.html", tiles="Esri.WorldGrayCanvas").read_text(encoding="utf-8")
    options = re.search(r"L\.tileLayer\(\s*\"[^\"]*\",\s*(\{.*?\})", page, re.S)
    assert options and '"maxZoom": 30' in options.group(1) and '"maxNativeZoom": 16' in options.group(1)


def test_a_label_never_stands_for_another_district_s_own_name(tmp_path):
    # "Cay Is." is labelled "Cay Islands", which is another feature's own name: that name keeps its district.
    import geopandas as gpd
    import shapely

    from handover_map import build_map

    squares = gpd.GeoDataFrame({"name": ["Cay Is.", "Cay Islands"]}, geometry=[shapely.box(0, 0, 0.1, 0.1), shapely.box(1, 0, 1.1, 0.1)], crs="EPSG:4326")
    squares.to_file(tmp_path / "cays.geojson", driver="GeoJSON")
    (tmp_path / "events.csv").write_text("district,date,kind\nCay Is.,2020-01-02,captured\nCay Islands,2020-01-03,completed\n", encoding="utf-8")
    data = _page_data(build_map(tmp_path / "map.html", events=tmp_path / "events.csv", boundaries=tmp_path / "cays.geojson", context="none"))
    assert ["cay islands", 0] not in data["aliases"]


def test_the_slider_s_last_day_after_a_break_is_marked_once(tmp_path):
    # A look back whose last event is its last day: that day is an event tick already, not two.
    from handover_map import build_map

    table = "district,date,kind\nFalkland Is.,1982-04-02,captured\nFalkland Is.,1982-06-14,captured\nFalkland Is.,2022-04-02,completed\n"
    (tmp_path / "events.csv").write_text(table, encoding="utf-8")
    data = _page_data(build_map(tmp_path / "map.html", events=tmp_path / "events.csv", boundaries="ne-10m-disputed-areas"))
    assert data["stopValues"][-1] - data["stopValues"][-2] < data["stops"][-1] - data["stops"][-2]  # broken before the end
    assert len(data["ticks"]) == len(set(data["ticks"])) == 3
