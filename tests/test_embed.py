"""Embeds that behave: the snippet `handover-map embed` prints, in a blog post
served locally, in real Chromium, at several column widths and on a touch
screen (one finger scrolls the post, two move the map)."""

from __future__ import annotations

import functools
import http.server
import re
import threading

import pytest

from conftest import REPO, run_command

pytestmark = pytest.mark.browser
SCREENSHOTS = REPO / "output" / "screenshots"
BLOG = """<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>A blog</title><style>body {{ margin: 0; font: 18px/1.6 Georgia, serif; }} article {{ max-width: {column}px; margin: 0 auto; }}</style></head>
<body><article><h1>What changed hands this month</h1>
{before}
{snippet}
{after}
<iframe id="other" srcdoc="<p>another frame</p>" title="Another frame" width="300" height="60"></iframe>
</article></body></html>"""
TITLE = "Armenia hands three districts back to Azerbaijan, November and December 2020"
PARAGRAPH = "<p>A paragraph written for this test, long enough to wrap over a few lines in a narrow column of a blog post.</p>"


def snippet(*args: str) -> str:
    """What `handover-map embed` prints (run in this process, see :func:`conftest.run_command`)."""
    result = run_command(["embed", *args])
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def site(default_map, tmp_path_factory):
    """The map and blog posts, served over HTTP. The posts are opened as
    http://localhost:PORT and the map as http://127.0.0.1:PORT: two origins,
    as a blog and the server of its maps would be."""
    root = tmp_path_factory.mktemp("site")
    (root / "map.html").write_bytes(default_map.read_bytes())
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]  # quiet
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    map_url = f"http://127.0.0.1:{port}/map.html"

    def post(name: str, column: int, code: str, paragraphs: int = 3) -> str:
        (root / name).write_text(BLOG.format(column=column, before=PARAGRAPH * 2, snippet=code, after=PARAGRAPH * paragraphs), encoding="utf-8")
        return f"http://localhost:{port}/{name}"

    yield map_url, post, root / "map.html"
    server.shutdown()


@pytest.fixture
def open_post(browser_context):
    """Open a post in the session's Chromium; requests leaving this machine are
    refused and recorded. With ``touch``, a phone's screen: touch events, a
    mobile viewport, 2 pixels per CSS pixel. The pages are closed afterwards."""
    pages = []

    def opener(url: str, width: int, touch: bool = False):
        page = browser_context.new_page()
        pages.append(page)
        page.set_viewport_size({"width": width, "height": 800})
        if touch:
            session = browser_context.new_cdp_session(page)
            session.send("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
            session.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": 800, "deviceScaleFactor": 2, "mobile": True})
            page.touch_session = session
        return _load(page, url)

    yield opener
    for page in pages:
        page.close()


def _load(page, url: str):
    """Go to the post and wait for the map in it."""
    page.blocked, page.errors = [], []
    page.on("pageerror", lambda error: page.errors.append(str(error)))

    def route(route):
        if re.match(r"https?://(localhost|127\.0\.0\.1):", route.request.url):
            route.continue_()
        else:
            page.blocked.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    page.goto(url)
    page.frame_locator("figure iframe").first.locator("#hm-slider").wait_for(timeout=15_000)
    return page


def map_frame(page):
    return next(frame for frame in page.frames if frame.url.endswith("/map.html"))


def settle(page) -> None:
    """Wait until the frame is as tall as the page inside it says it is."""
    page.wait_for_function(
        "() => { const f = document.querySelector('figure iframe'); return f.style.height !== '' && f.getBoundingClientRect().height > 300; }",
        timeout=10_000,
    )
    inner = map_frame(page)
    inner.wait_for_function("() => Math.abs(innerHeight - Math.ceil(document.body.getBoundingClientRect().height)) <= 1", timeout=10_000)


@pytest.mark.parametrize(("column", "viewport"), [(360, 360), (600, 640), (720, 720), (1200, 1400)])
def test_the_frame_follows_the_content_at_each_column_width(site, open_post, column, viewport):
    map_url, post, built = site
    page = open_post(post(f"post-{column}.html", column, snippet(str(built), "--url", map_url)), viewport)
    settle(page)
    inner = map_frame(page)
    frame_box = page.locator("figure iframe").bounding_box()
    assert frame_box["width"] == pytest.approx(min(column, viewport), abs=1)
    # Everything is in the frame, nothing scrolls inside it, nothing sideways.
    assert inner.evaluate("document.documentElement.scrollHeight") <= inner.evaluate("innerHeight") + 1
    assert inner.evaluate("document.documentElement.scrollWidth") <= frame_box["width"]
    for part in (".hm-legend", ".hm-credits", ".hm-events", ".folium-map"):
        box = inner.evaluate(f"(() => {{ const r = document.querySelector('{part}').getBoundingClientRect(); return [r.top, r.bottom]; }})()")
        assert box[0] >= 0 and box[1] <= inner.evaluate("innerHeight") + 1, part
    map_height = inner.evaluate("document.querySelector('.folium-map').getBoundingClientRect().height")
    assert map_height >= 250
    # The title and a link to the map's own page under the frame.
    link = page.locator("figure figcaption a")
    assert link.get_attribute("href") == map_url and link.inner_text() == TITLE
    assert page.errors == [] and page.blocked == []
    if viewport in (360, 720, 1400):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        # A window as tall as the post: a frame from another origin paints only what is in the window.
        page.set_viewport_size({"width": viewport, "height": page.evaluate("document.documentElement.scrollHeight")})
        page.wait_for_timeout(300)
        page.screenshot(path=str(SCREENSHOTS / f"blog-{viewport}.png"))


def test_the_frame_keeps_a_sensible_shape_without_the_script(site, open_post):
    map_url, post, built = site
    code = re.sub(r"<script>.*?</script>", "", snippet(str(built), "--url", map_url), flags=re.DOTALL)
    page = open_post(post("no-script.html", 720, code), 720)
    page.wait_for_timeout(500)
    box = page.locator("figure iframe").bounding_box()
    assert box["height"] == pytest.approx(720 * 2 / 3, abs=2)  # 3:2
    assert map_frame(page).evaluate("document.querySelector('.folium-map').getBoundingClientRect().height") >= 250
    narrow = open_post(post("no-script-narrow.html", 360, code), 360)
    assert narrow.locator("figure iframe").bounding_box()["height"] == pytest.approx(480, abs=2)  # at least 480 px


def test_heights_from_other_windows_are_ignored(site, open_post):
    map_url, post, built = site
    page = open_post(post("others.html", 720, snippet(str(built), "--url", map_url)), 720)
    settle(page)
    before = page.locator("figure iframe").bounding_box()["height"]
    fake = "{type: 'handover-map:height', height: 150}"
    page.evaluate(f"window.postMessage({fake}, '*')")  # the post itself
    page.evaluate(f"document.getElementById('other').contentWindow.eval(\"parent.postMessage({fake}, '*')\")")  # another frame
    page.wait_for_timeout(300)
    assert page.locator("figure iframe").bounding_box()["height"] == before
    # Its own frame is heard, within the range the snippet accepts only.
    map_frame(page).evaluate("parent.postMessage({type: 'handover-map:height', height: 1e9}, '*')")
    page.wait_for_timeout(300)
    assert page.locator("figure iframe").bounding_box()["height"] == before
    map_frame(page).evaluate("parent.postMessage({type: 'handover-map:height', height: 700}, '*')")
    page.wait_for_function("document.querySelector('figure iframe').getBoundingClientRect().height === 700")


def _touch(session, kind: str, points: list[tuple[float, float]]) -> None:
    session.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": [{"x": x, "y": y, "id": k} for k, (x, y) in enumerate(points)]})


def _swipe(page, session, starts: list[tuple[float, float]], dy: float) -> None:
    """Touch down at ``starts``, move every finger up by ``dy`` in steps, lift."""
    _touch(session, "touchStart", starts)
    for step in range(1, 11):
        _touch(session, "touchMove", [(x, y - dy * step / 10) for x, y in starts])
        page.wait_for_timeout(16)
    _touch(session, "touchEnd", [])
    page.wait_for_timeout(400)


def test_on_a_touch_screen_one_finger_scrolls_the_post_and_two_move_the_map(site, open_post):
    map_url, post, built = site
    url = post("touch.html", 360, snippet(str(built), "--url", map_url), paragraphs=12)
    page = open_post(url, 360, touch=True)
    settle(page)
    inner = map_frame(page)
    session = page.touch_session
    page.evaluate("window.scrollTo(0, 0)")
    box = page.locator("figure iframe").bounding_box()
    map_box = inner.evaluate(
        "(() => { const r = document.querySelector('.folium-map').getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; })()"
    )
    x, y = box["x"] + map_box[0] + map_box[2] / 2, box["y"] + map_box[1] + map_box[3] * 0.6
    assert y < 780, "a point on the map's lower half is in view"
    centre = inner.evaluate("[handoverMap.map.getCenter().lat, handoverMap.map.getCenter().lng]")

    _touch(session, "touchStart", [(x, y)])  # one finger
    for step in range(1, 11):
        _touch(session, "touchMove", [(x, y - 20 * step)])
        page.wait_for_timeout(16)
    assert inner.evaluate("document.querySelector('.hm-gesture-hint').classList.contains('hm-shown')")
    assert inner.evaluate("document.querySelector('.hm-gesture-hint').textContent") == "Use two fingers to move the map"
    _touch(session, "touchEnd", [])
    page.wait_for_timeout(400)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "touch-360-one-finger.png"))
    scrolled = page.evaluate("scrollY")
    assert scrolled > 100  # the post scrolled
    assert inner.evaluate("[handoverMap.map.getCenter().lat, handoverMap.map.getCenter().lng]") == centre  # the map did not move

    y -= scrolled  # the map moved up with the post
    _swipe(page, session, [(x - 40, y), (x + 40, y)], 120)  # two fingers
    assert page.evaluate("scrollY") == pytest.approx(scrolled, abs=2)  # the post stayed
    assert not inner.evaluate("document.querySelector('.hm-gesture-hint').classList.contains('hm-shown')")
    moved = inner.evaluate("[handoverMap.map.getCenter().lat, handoverMap.map.getCenter().lng]")
    assert moved[0] < centre[0] - 0.05  # dragged up: the map shows what lies south
    page.screenshot(path=str(SCREENSHOTS / "touch-360-two-fingers.png"))

    # A tap still opens a district's popup.
    point = inner.evaluate(
        """() => { const d = handoverMap.districts().find(d => d.name === 'Kalbajar District');
        handoverMap.map.setView(d.labelAt, handoverMap.map.getZoom(), {animate: false});
        const p = handoverMap.map.latLngToContainerPoint(d.labelAt), r = handoverMap.map.getContainer().getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }"""
    )
    _touch(session, "touchStart", [(box["x"] + point[0], box["y"] - scrolled + point[1])])
    _touch(session, "touchEnd", [])
    inner.locator(".leaflet-popup-content").wait_for(timeout=5_000)
    assert "Kalbajar" in inner.locator(".leaflet-popup-content h3").inner_text()


def test_reset_view_and_full_screen_buttons(site, open_post):
    map_url, post, built = site
    page = open_post(post("buttons.html", 720, snippet(str(built), "--url", map_url)), 720)
    settle(page)
    inner = map_frame(page)
    home = inner.evaluate("handoverMap.map.getBounds().toBBoxString()")
    inner.evaluate("void handoverMap.map.setView([40.6, 47.3], handoverMap.map.getMaxZoom(), {animate: false})")
    assert inner.evaluate("handoverMap.map.getBounds().toBBoxString()") != home
    page.frame_locator("figure iframe").get_by_role("button", name="Reset view").click()
    assert inner.evaluate("handoverMap.map.getBounds().toBBoxString()") == home
    button = page.frame_locator("figure iframe").get_by_role("button", name="Full screen")
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    inner.wait_for_function("document.documentElement.classList.contains('hm-fullscreen')", timeout=5_000)
    assert inner.evaluate("Boolean(document.fullscreenElement)")
    leave = page.frame_locator("figure iframe").get_by_role("button", name="Leave full screen")
    assert leave.get_attribute("aria-pressed") == "true"
    leave.click()
    inner.wait_for_function("!document.documentElement.classList.contains('hm-fullscreen')", timeout=5_000)


def test_the_snippet_cli(tmp_path):
    page = tmp_path / "map & co.html"
    page.write_text('<html><head><title>Who holds &lt;what&gt; "now"</title></head></html>', encoding="utf-8")
    code = snippet(str(page))
    assert '<iframe src="map%20%26%20co.html" title="Who holds &lt;what&gt; &quot;now&quot;"' in code
    assert "aspect-ratio:3/2;min-height:480px" in code and 'allow="fullscreen"' in code
    assert '<figcaption style="font-size:0.85em;margin-top:4px"><a href="map%20%26%20co.html">Who holds &lt;what&gt; &quot;now&quot;</a>' in code
    assert "event.source !== frame.contentWindow" in code and "handover-map:height" in code
    fixed = snippet(str(page), "--height", "500", "--url", "https://example.org/m.html?a=1&b=2")
    assert 'src="https://example.org/m.html?a=1&amp;b=2"' in fixed and 'height="500"' in fixed and "aspect-ratio" not in fixed


def test_a_map_in_a_hidden_tab_opens_and_fits_when_shown(site, browser_context):
    """A writer's own iframe (not lazy) in a tab the post hides: the map loads with no size,
    without an error, and fits its districts once the tab is shown."""
    map_url, post, _ = site
    url = post("post-hidden-tab.html", 720, f'<div id="tab" style="display:none"><iframe src="{map_url}" title="Map" width="640" height="560"></iframe></div>')
    page = browser_context.new_page()
    try:
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.route("**/*", lambda route: route.continue_() if re.match(r"https?://(localhost|127\.0\.0\.1):", route.request.url) else route.abort())
        page.goto(url)
        page.wait_for_selector("#tab iframe", state="attached")
        inner = page.locator("#tab iframe").element_handle().content_frame()
        assert inner is not None
        inner.wait_for_function("window.handoverMap !== undefined", timeout=15_000)
        assert page.errors == []
        page.evaluate("document.getElementById('tab').style.display = 'block'")
        inner.wait_for_function("document.querySelectorAll('path.leaflet-interactive').length >= 3", timeout=10_000)
        inner.wait_for_function("document.querySelector('.folium-map').getBoundingClientRect().height > 200", timeout=10_000)
        # The fit follows the map's new size by a frame or more (under load, later than the height): wait for it.
        inner.wait_for_function("[...document.querySelectorAll('path.leaflet-interactive')].some(p => p.getBoundingClientRect().width > 20)", timeout=10_000)
        # Fitted: every handed-over district is drawn inside the map, at a readable size.
        boxes = inner.evaluate(
            """() => { const map = document.querySelector('.folium-map').getBoundingClientRect();
                return [...document.querySelectorAll('path.leaflet-interactive')].map(p => p.getBoundingClientRect())
                  .filter(r => r.width > 0).map(r => [r.left >= map.left - 1 && r.right <= map.right + 1, r.width]); }"""
        )
        assert boxes and any(width > 20 for _, width in boxes)
        assert inner.evaluate("handoverMap.date()") and page.errors == []
    finally:
        page.close()
