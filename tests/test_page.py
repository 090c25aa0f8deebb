"""Cartography a newsroom publishes, and one name per district: the page in
real Chromium with no network (dated ticks in proportion to time, credits
without a flag, country names in view, reference towns, limited zoom and
pan, hover, keyboard, language, print)."""

from __future__ import annotations

import datetime as dt
import itertools

import geopandas as gpd
import pytest
import shapely

from conftest import REPO, wait_until_still

SCREENSHOTS = REPO / "output" / "screenshots"


def _box(page, selector: str) -> dict:
    return page.page.locator(selector).first.bounding_box()


@pytest.mark.browser
def test_ticks_are_dated_and_placed_in_proportion_to_time(default_map, open_offline):
    page = open_offline(default_map)
    labels = page.page.locator(".hm-tick-label")
    # The slider runs from 14 November to 1 December, the date of the latest report: no tick after it.
    assert labels.all_inner_texts() == ["15 Nov", "20 Nov", "25 Nov", "1 Dec"]
    marks = page.page.locator(".hm-tick")
    x = [box["x"] + box["width"] / 2 for box in (marks.nth(k).bounding_box() for k in range(4))]
    # 15 -> 20 -> 25 Nov -> 1 Dec: 5, 5 and 6 days (the last label ends under its mark, the others centred)
    assert x[2] - x[1] == pytest.approx(x[1] - x[0], abs=1.5)
    assert x[3] - x[2] == pytest.approx(6 / 5 * (x[1] - x[0]), abs=1.5)
    # The thumb stands over the tick of the date shown, and one day is a fifth of five.
    thumbs = {}
    for day in ("2020-11-14", "2020-11-15", "2020-11-20"):
        page.js(f"handoverMap.setDate('{day}')")
        thumbs[day] = page.js(
            """() => { const s = document.getElementById('hm-slider'), r = s.getBoundingClientRect();
            return r.left + 8 + (r.width - 16) * (Number(s.value) - Number(s.min)) / (Number(s.max) - Number(s.min)); }"""
        )
    tick = page.page.locator(".hm-tick").nth(1).bounding_box()
    assert thumbs["2020-11-20"] == pytest.approx(tick["x"] + tick["width"] / 2, abs=1.5)
    assert (thumbs["2020-11-20"] - thumbs["2020-11-15"]) == pytest.approx(5 * (thumbs["2020-11-15"] - thumbs["2020-11-14"]), abs=1.5)


def _open_table(tmp_path, browser_context, table: str, boundaries: str = "ne-10m-disputed-areas"):
    """A map built from an events table (CSV text) on ``boundaries``, open at 1,200 x 800 and still."""
    from handover_map import build_map

    (tmp_path / "events.csv").write_text(table, encoding="utf-8")
    built = build_map(tmp_path / "map.html", events=tmp_path / "events.csv", boundaries=boundaries)
    page = browser_context.new_page()
    page.set_viewport_size({"width": 1200, "height": 800})
    page.goto(built.resolve().as_uri())
    page.wait_for_function("window.handoverMap !== undefined")
    wait_until_still(page)
    return page


@pytest.mark.browser
def test_a_small_district_opens_with_its_neighbourhood(tmp_path, browser_context):
    # Two islands a few kilometres across: the map opens on the strait with both coasts and their countries' names.
    page = _open_table(tmp_path, browser_context, "district,date,kind,from,to\nTiran and Sanafir Is.,2017-06-24,completed,Egypt,Saudi Arabia\n")
    view = page.evaluate("(() => { const b = window.handoverMap.map.getBounds(); return [b.getSouth(), b.getNorth()]; })()")
    assert view[1] - view[0] >= 0.5
    shown = page.locator(".hm-country-label").evaluate_all("ls => ls.filter(l => getComputedStyle(l).display !== 'none').map(l => l.textContent)")
    assert {"EGYPT", "SAUDI ARABIA"} <= {name.upper() for name in shown}, shown
    # The name it shows ("Is." written out) finds it, as the boundary file's does.
    assert (
        page.evaluate("[window.handoverMap.stateOf('Tiran and Sanafir Islands'), window.handoverMap.stateOf('Tiran and Sanafir Is.')]") == ["transferred"] * 2
    )


@pytest.mark.browser
def test_a_rock_opens_in_sight_and_zooms_in_six_levels_closer_than_it_fits(tmp_path, browser_context):
    # Dokdo, 200 m across: half a degree around it would leave it a dot; six times its size keeps it in sight.
    page = _open_table(tmp_path, browser_context, "district,date,kind\nDokdo,2020-01-02,completed\n")
    width = page.locator("path.leaflet-interactive").first.bounding_box()["width"]
    assert width >= 40  # not a dot
    zooms = page.evaluate(
        """() => { const m = window.handoverMap.map, max = m.getMaxZoom(); m.setMaxZoom(Infinity);
            const fit = m.getBoundsZoom(window.handoverMap.layer.getBounds(), false, L.point(16, 16)); m.setMaxZoom(max); return [fit, max]; }"""
    )
    assert zooms[1] == zooms[0] + 6


@pytest.mark.browser
def test_a_look_back_years_later_breaks_the_slider(tmp_path, browser_context):
    # A report written 40 years after the two events it tells: the gap to its day is drawn as wide as the rest, marked.
    source = '"Forty years on: a look back, 2022-04-02"'
    table = f"district,date,kind,to,source\nFalkland Is.,1982-04-02,captured,Argentina,{source}\nFalkland Is.,1982-06-14,captured,United Kingdom,{source}\n"
    page = _open_table(tmp_path, browser_context, table)
    slider = page.locator("#hm-slider")
    assert page.evaluate("window.handoverMap.dates()") == ["1982-04-01", "1982-04-02", "1982-06-14", "2022-04-02"]
    assert (slider.get_attribute("max"), page.evaluate("document.getElementById('hm-slider').value")) == ("148", "74")  # opens on 14 June
    assert page.locator(".hm-break").count() == 1
    assert page.locator(".hm-break").get_attribute("title") == "14 Jun 1982 \u2013 2 Apr 2022"
    for value, date in (("140", "2022-04-02"), ("30", "1982-04-02"), ("60", "1982-06-14")):
        slider.fill(value)
        assert page.evaluate("window.handoverMap.date()") == date, value
    # Over 40 years the labels give their years, and the slider's end after the break its date.
    assert page.locator(".hm-tick-label").all_text_contents() == ["2 Apr 1982", "14 Jun 1982", "2 Apr 2022"]
    ticks = page.locator(".hm-tick").evaluate_all("ls => ls.map(l => l.getBoundingClientRect().left + 1)")
    track = page.locator("#hm-slider").bounding_box()
    assert track is not None and ticks[1] - track["x"] == pytest.approx(8 + (track["width"] - 16) * 74 / 148, abs=2)  # 14 June half-way


@pytest.mark.browser
def test_crowded_tick_labels_never_overlap(tmp_path, browser_context):
    from handover_map import build_map

    rows = ["district,date,kind"]
    first = dt.date(2020, 11, 1)
    for k in range(40):  # a handover a day, then a few far apart
        rows.append(f"{('Aghdam', 'Kalbajar', 'Lachin')[k % 3]},{first + dt.timedelta(days=k if k < 36 else 36 + (k - 35) * 20)},scheduled")
    (tmp_path / "crowded.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    built = build_map(tmp_path / "crowded.html", events=tmp_path / "crowded.csv")
    for width in (360, 1200):
        page = browser_context.new_page()
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(built.resolve().as_uri())
        page.wait_for_function("window.handoverMap !== undefined")
        boxes = page.locator(".hm-tick-label").evaluate_all(
            "ls => ls.filter(l => getComputedStyle(l).visibility !== 'hidden').map(l => { const r = l.getBoundingClientRect(); return [r.left, r.right]; })"
        )
        assert 2 <= len(boxes) < 40
        assert all(later[0] >= earlier[1] + 5 for earlier, later in itertools.pairwise(boxes)), boxes
        assert page.locator(".hm-tick").count() == 40  # every date keeps its mark and its title
        assert page.locator(".hm-tick").first.get_attribute("title") == "1 Nov 2020"
        page.close()


@pytest.mark.browser
def test_attribution_names_no_flag_and_credits_name_leaflet(default_map, open_offline):
    page = open_offline(default_map)
    assert page.js("document.querySelectorAll('.leaflet-control-attribution svg').length") == 0
    assert "Leaflet" not in page.js("(document.querySelector('.leaflet-control-attribution') || {textContent: ''}).textContent")
    assert "Leaflet" in page.page.locator(".hm-credits").inner_text()


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 720, 1400])
def test_country_and_town_names_stand_inside_the_map(default_map, browser_context, width):
    page = browser_context.new_page()
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(default_map.resolve().as_uri())
    page.wait_for_function("window.handoverMap !== undefined")
    frame = page.locator(".folium-map").bounding_box()
    names = page.locator(".hm-country-label span, .hm-town-label span")
    shown = names.evaluate_all("ns => ns.map(n => n.textContent)")
    assert "Armenia" in shown and "Azerbaijan" in shown and "Stepanakert" in shown, shown
    for k in range(names.count()):
        box = names.nth(k).bounding_box()
        assert frame["x"] <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"], shown[k]
        assert frame["y"] <= box["y"] and box["y"] + box["height"] <= frame["y"] + frame["height"], shown[k]
    # Zoomed in on the districts, names that no longer fit leave; none is cut at the edge.
    page.evaluate("void handoverMap.map.setZoom(handoverMap.map.getZoom() + 2, {animate: false})")
    wait_until_still(page)
    for k in range(names.count()):
        box = names.nth(k).bounding_box()
        assert frame["x"] <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("void handoverMap.map.setZoom(handoverMap.map.getZoom() - 2, {animate: false})")
    wait_until_still(page)
    page.screenshot(path=str(SCREENSHOTS / f"page-{width}.png"), full_page=True)
    page.close()


@pytest.mark.browser
def test_zoom_and_pan_stay_near_the_region(default_map, open_offline):
    page = open_offline(default_map)
    fitted = page.js("handoverMap.map.getZoom()")
    page.js("() => { for (let k = 0; k < 20; k++) handoverMap.map.zoomOut(1, {animate: false}); }")
    assert page.js("handoverMap.map.getZoom()") == fitted - 1
    page.js("() => { for (let k = 0; k < 20; k++) handoverMap.map.zoomIn(1, {animate: false}); }")
    assert page.js("handoverMap.map.getZoom()") == fitted + 6
    page.js("void handoverMap.map.panBy([-100000, 80000], {animate: false})")
    page.settle()  # back inside the region's bounds
    centre = page.js("[handoverMap.map.getCenter().lat, handoverMap.map.getCenter().lng]")
    # The region: the districts' extent (45.6-47.0 E, 39.2-40.4 N) widened by 1.5 degrees
    assert 37.5 < centre[0] < 42.0 and 43.9 < centre[1] < 48.6


@pytest.mark.browser
def test_hover_outlines_a_district(default_map, open_offline):
    page = open_offline(default_map)
    point = page.js(
        """() => { const d = handoverMap.districts().find(d => d.name === 'Lachin District');
        const p = handoverMap.map.latLngToContainerPoint(d.labelAt), r = handoverMap.map.getContainer().getBoundingClientRect();
        return [r.left + p.x, r.top + p.y + 14]; }"""
    )
    widths = "() => handoverMap.layer.getLayers().map(l => l.getElement().getAttribute('stroke-width'))"
    assert set(page.js(widths)) == {"1.2"}
    page.page.mouse.move(*point)
    assert sorted(page.js(widths)) == ["1.2", "1.2", "3.5"]
    page.page.mouse.move(5, 5)
    assert set(page.js(widths)) == {"1.2"}


@pytest.mark.browser
def test_districts_are_reached_with_the_keyboard_and_enter_opens_the_popup(default_map, open_offline):
    page = open_offline(default_map)
    page.js("handoverMap.setDate('2020-11-25')")
    page.page.locator(".hm-title").click()
    names = []
    for _ in range(20):
        page.page.keyboard.press("Tab")
        label = page.js("document.activeElement.tagName === 'path' ? document.activeElement.getAttribute('aria-label') : null")
        if label:
            names.append(label)
        if len(names) == 3:
            break
    assert sorted(names) == ["Aghdam: Handed over to Azerbaijan", "Kalbajar: Handed over to Azerbaijan", "Lachin: Handover announced, date not yet reached"]
    assert page.js("document.activeElement.getAttribute('role')") == "button"
    assert page.js("getComputedStyle(document.activeElement).strokeWidth") == "3.5px"  # focus shows as hover does
    page.page.keyboard.press("Enter")
    popup = page.page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5_000)
    assert popup.locator("h3").inner_text() == names[-1].split(":")[0]
    page.js("handoverMap.setDate('2020-11-14')")  # the name a screen reader hears follows the date
    assert page.js("document.querySelector('path[aria-label^=\"Kalbajar\"]').getAttribute('aria-label')") == (
        "Kalbajar: Handover announced, date not yet reached"
    )


@pytest.mark.browser
def test_one_name_per_district_the_others_in_the_popup(default_map, open_offline):
    page = open_offline(default_map)
    assert page.js("document.documentElement.lang") == "en"
    assert sorted(page.page.locator(".hm-label").all_inner_texts()) == ["Aghdam", "Kalbajar", "Lachin"]
    listed = page.page.locator(".hm-event-what").all_inner_texts()
    assert " Aghdam: handed over" in listed and not any("District" in item for item in listed)
    page.js("void handoverMap.layer.getLayers().find(l => handoverMap.districts()[l.feature.properties.i].name === 'Agdam District').openPopup()")
    popup = page.page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5_000)
    assert popup.locator("h3").inner_text() == "Aghdam"
    assert popup.locator(".hm-popup-names").inner_text() == "Also written: Agdam District"


@pytest.mark.browser
def test_printed_page_shows_map_legend_date_and_credits(default_map, browser_context):
    page = browser_context.new_page()
    page.set_viewport_size({"width": 1200, "height": 800})
    page.goto(default_map.resolve().as_uri() + "#date=2020-11-20")
    page.wait_for_function("window.handoverMap !== undefined")
    page.emulate_media(media="print")
    page.wait_for_timeout(200)
    for hidden in (".hm-button", ".hm-track", ".hm-events", ".leaflet-control-zoom", ".hm-view-control"):
        assert page.locator(hidden).first.evaluate("e => getComputedStyle(e).display") == "none", hidden
    for shown in (".folium-map", ".hm-legend", ".hm-credits", ".hm-date", ".hm-title"):
        assert page.locator(shown).first.is_visible(), shown
    assert page.locator(".folium-map").bounding_box()["height"] > 400
    assert page.locator(".hm-date").inner_text() == "20 Nov 2020"
    # The districts are in the printed map's view.
    assert page.evaluate("handoverMap.map.getBounds().contains(handoverMap.layer.getBounds())")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pdf = page.pdf(path=str(SCREENSHOTS / "page.pdf"), format="A4", print_background=True)
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page/") + pdf.count(b"/Type /Page ") <= 1
    page.close()


def test_reference_towns_are_checked_against_their_countries():
    from handover_map.cartography import reference_towns

    countries = gpd.GeoDataFrame({"name": ["Greenland", "Blueland"]}, geometry=[shapely.box(0, 0, 1, 2), shapely.box(1, 0, 2, 2)], crs="EPSG:4326")
    places = gpd.GeoDataFrame(
        {
            "name": ["Capital", "Border Town", "Mislabelled", "Old Fort", "Nobody", "Inside", "Smaller"],
            "adm0name": ["Greenland", "Blueland", "Blueland", "Greenland", "Greenland", "Greenland", "Blueland"],
            "featurecla": ["Admin-0 capital", "Populated place", "Populated place", "Historic place", "Populated place", "Populated place", "Populated place"],
            "scalerank": [1, 7, 7, 7, 7, 7, 9],
            "pop_max": [100_000, 5_000, 9_000, 0, 0, 4_000, 1_000],
        },
        geometry=[
            shapely.Point(0.5, 1.5),
            shapely.Point(1.02, 1),
            shapely.Point(0.7, 0.5),
            shapely.Point(0.3, 0.3),
            shapely.Point(0.2, 0.8),
            shapely.Point(0.6, 0.9),
            shapely.Point(1.1, 1.2),
        ],
        crs="EPSG:4326",
    )
    districts = shapely.box(0.5, 0.8, 0.7, 1.0)
    towns = reference_towns(places, countries, districts, (0.5, 0.8, 0.7, 1.0))
    # Border Town is 2 km inside its border (unchecked), Mislabelled lies in another country,
    # Old Fort is historic, Nobody has no people, Inside is in a district (labelled already).
    assert towns == [("Capital", 1.5, 0.5), ("Smaller", 1.2, 1.1)]


def test_the_default_map_draws_stepanakert_but_not_the_errors_of_its_data():
    from handover_map.build import prepare_map

    towns = [name for name, _, _ in prepare_map().layers.towns]
    assert "Stepanakert" in towns
    assert "Kapan" not in towns and "Agdam" not in towns


@pytest.mark.browser
def test_a_popup_fits_a_phone_screen(default_map, open_offline):
    page = open_offline(default_map)
    page.page.set_viewport_size({"width": 360, "height": 740})
    page.js("handoverMap.setDate('2020-11-25')")
    page.page.locator(".hm-title").click()
    for _ in range(20):
        page.page.keyboard.press("Tab")
        if page.js("document.activeElement.tagName === 'path'"):
            break
    page.page.keyboard.press("Enter")
    popup = page.page.locator(".leaflet-popup")
    popup.wait_for(timeout=5_000)
    page.page.wait_for_timeout(500)  # the pan that brings the popup into view
    box, frame = popup.bounding_box(), page.page.locator(".folium-map").bounding_box()
    assert box["width"] <= frame["width"] - 20
    assert frame["x"] <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"]


def test_reference_towns_are_read_from_a_checksummed_copy_in_the_cache(tmp_path, monkeypatch):
    import geopandas as gpd
    import shapely

    from handover_map import cartography, sources

    monkeypatch.setenv("HANDOVER_MAP_CACHE_DIR", str(tmp_path))
    box = shapely.box(44, 38, 48, 41)
    path, _ = sources.resolve(cartography.PLACES_SOURCE)
    direct = gpd.read_file(path, bbox=box.bounds, columns=list(cartography._PLACE_COLUMNS))
    first = cartography.natural_earth_places(box)
    (copy,) = tmp_path.glob("places-*.npz")
    second = cartography.natural_earth_places(box)
    for frame in (first, second):
        assert list(frame["name"]) == list(direct["name"]) and list(frame["pop_max"]) == list(direct["pop_max"])
        assert list(frame.geometry.x) == list(direct.geometry.x)
    copy.write_bytes(b"not a copy")  # a damaged copy is read past, not trusted
    assert list(cartography.natural_earth_places(box)["name"]) == list(direct["name"])


@pytest.mark.parametrize("file", ["geoBoundaries-AFG-ADM1_simplified.geojson", "geoBoundaries-AZE-ADM2.geojson"])
def test_a_districts_name_may_stand_at_its_own_point_then_at_others_deep_inside_it_and_apart(file):
    import math
    import warnings

    import shapely.affinity

    from conftest import MIRROR
    from handover_map import load_boundaries
    from handover_map.cartography import LABEL_DEPTH, LABEL_SPREAD, MAX_LABEL_POINTS, district_label_points

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = load_boundaries(MIRROR / file, "shapeName")
    with_alternatives = 0
    for name, geometry in zip(frame["name"], frame.geometry):
        own = geometry.representative_point()
        points = district_label_points(geometry, (own.y, own.x))
        assert points[0] == (own.y, own.x) and 1 <= len(points) <= MAX_LABEL_POINTS, name
        assert points == district_label_points(geometry, (own.y, own.x))  # the same every build
        with_alternatives += len(points) > 1
        # Measured as the function measures: longitudes shrunk by the cosine of the middle latitude.
        shrink = math.cos(math.radians((geometry.bounds[1] + geometry.bounds[3]) / 2))
        flat = shapely.affinity.scale(geometry, xfact=shrink, yfact=1.0, origin=(0, 0))
        minx, miny, maxx, maxy = flat.bounds
        depths = [flat.boundary.distance(shapely.Point(lon * shrink, lat)) for lat, lon in points[1:]]
        for (lat, lon), depth in zip(points[1:], depths):
            assert geometry.contains(shapely.Point(lon, lat)), name
            # The deepest first; none less than half as deep (with room for rounding to 0.001°).
            assert depth <= depths[0] + 0.002 and depth >= LABEL_DEPTH * depths[0] - 0.002, name
        for (lat1, lon1), (lat2, lon2) in itertools.combinations(points, 2):
            assert math.hypot((lon1 - lon2) * shrink, lat1 - lat2) >= LABEL_SPREAD * max(maxx - minx, maxy - miny) - 0.002, name
    assert with_alternatives >= 0.8 * len(frame)


def test_a_district_narrower_than_the_rounding_of_its_points_gets_none_across_its_border():
    from handover_map.cartography import district_label_points

    for strip in (shapely.box(0, 0, 10, 0.001), shapely.box(0, 0, 0.001, 0.001)):
        own = strip.representative_point()
        points = district_label_points(strip, (own.y, own.x))
        assert all(strip.contains(shapely.Point(lon, lat)) for lat, lon in points[1:])
