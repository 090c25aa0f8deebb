"""Scale benchmark: handover-map against folium's TimeSliderChoropleth and Timeline.

    python benchmarks/scale.py                      # the full grid: N = 100, 1,000, 10,000; T = 30, 365, 1,000
    python benchmarks/scale.py --n 1000 --t 365     # one cell
    python benchmarks/scale.py --no-browser         # sizes and build times only

For each number of districts N (synthetic squares of 40 vertices on a grid)
and span of days T (each district gets a scheduled and a completed handover,
a fifth of them postponed, spread over T days), the same data is built three
ways: handover-map; TimeSliderChoropleth with one slider stop per day (how
its styledict works); Timeline with one feature per district and state
interval. Reported: HTML bytes, build seconds, time until the page is ready
in headless Chromium (from navigation start to the first frame after the
map exists), and slider step latency (median and p95 over 60 steps,
measured in the page: the step's script, style and layout, and Leaflet's
canvas redraw; not the wait for the display's next frame). Ratios are against folium; the
geometry alone (GeoJSON, same coordinate precision) is the size floor.

Pages are opened offline: the CDN scripts they reference are served from
the npm registry's pinned tarballs (fetched with `npm pack` into the cache).
A folium build estimated above --max-mb is not run, and its size is given as
an estimate (bytes per styledict entry measured on smaller runs).
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import hashlib
import json
import random
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import shapely
from folium.plugins import Timeline, TimelineSlider, TimeSliderChoropleth
from folium.utilities import JsCode

from handover_map import settings
from handover_map.cartography import prepare_layers
from handover_map.events import Event
from handover_map.render import render_map, rounded_geojson
from handover_map.timeline import build_timeline

START = dt.date(2022, 1, 1)
STEPS = 60
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# The CDN files folium pages ask for, served offline from pinned npm tarballs.
NPM_FILES = {
    "leaflet@1.9.3": (
        "sha512-iB2cR9vAkDOu5l3HAay2obcUHZ7xwUBBjph8+PGtmW/2lYhbLizWtG7nTeYht36WfOslixQF9D/uSIzhZgGMfQ==",
        {"leaflet@1.9.3/dist/leaflet.js": "dist/leaflet.js", "leaflet@1.9.3/dist/leaflet.css": "dist/leaflet.css"},
    ),
    "jquery@3.7.1": (
        "sha512-m4avr8yL8kmFN8psrbFFFmB/If14iN5o9nw/NgnnM+kybDJpRsAynV2BsfpTYrTRysYUdADVD7CkUUizgkpLfg==",
        {"jquery-3.7.1.min.js": "dist/jquery.min.js"},
    ),
    "d3@4.13.0": ("sha512-l8c4+0SldjVKLaE2WG++EQlqD7mh/dmQjvi2L2lKPadAVC+TbJC4ci7Uk9bRi+To0+ansgsS0iWfPjD7DBy+FQ==", {"d3.v4.min.js": "build/d3.min.js"}),
    "moment@2.18.1": (
        "sha512-QGcnVKRSEhbWy2i0pqFhjWMCczL/YU5ICMB3maUavFcyUqBszRnzsswvOaGOqSfWZ/R+dMnb9gGBuRT4LMTdVQ==",
        {"moment.min.js": "min/moment.min.js"},
    ),
    "leaflet.timeline@1.6.0": (
        "sha512-FCMkr3P0zxL5IRVJ80wUPmXOlyC7ohq3z2JO45mYq6AKoBgB1yXjfXI6e6V64TAwBl0cmyYIrJCN8boyXdVDSQ==",
        {"leaflet.timeline@1.6.0/dist/leaflet.timeline.min.js": "dist/leaflet.timeline.js"},
    ),
    "bootstrap@5.2.2": (
        "sha512-dEtzMTV71n6Fhmbg4fYJzQsw1N29hJKO1js5ackCgIpDcGid2ETMGC6zwSYw09v05Y+oRdQ9loC54zB1La3hHQ==",
        {
            "bootstrap@5.2.2/dist/js/bootstrap.bundle.min.js": "dist/js/bootstrap.bundle.min.js",
            "bootstrap@5.2.2/dist/css/bootstrap.min.css": "dist/css/bootstrap.min.css",
        },
    ),
}


def offline_files(cache: Path) -> dict[str, Path]:
    """{URL ending: local file} for the CDN assets, fetched once with npm pack."""
    found = {}
    for spec, (integrity, files) in NPM_FILES.items():
        folder = cache / spec
        if not all((folder / f).is_file() for f in files.values()):
            with tempfile.TemporaryDirectory() as work:
                subprocess.run(["npm", "pack", spec, "--pack-destination", work, "--silent"], check=True, capture_output=True)
                tarball = next(Path(work).glob("*.tgz"))
                algorithm, expected = integrity.split("-", 1)
                if base64.b64encode(hashlib.new(algorithm, tarball.read_bytes()).digest()).decode() != expected:
                    sys.exit(f"{spec}: the npm tarball does not match its pinned integrity")
                with tarfile.open(tarball) as archive:
                    for inner in files.values():
                        target = folder / inner
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_bytes(archive.extractfile(f"package/{inner}").read())
        found.update({ending: folder / inner for ending, inner in files.items()})
    return found


def synthetic_districts(n: int) -> gpd.GeoDataFrame:
    """n square districts of 40 vertices each (10 a side) on a grid near 48°N 30°E."""
    side = int(np.ceil(np.sqrt(n)))
    cell = 0.05
    t = np.linspace(0, 1, 11)[:-1]
    geometries = []
    for k in range(n):
        x0, y0 = 30 + (k % side) * cell, 48 + (k // side) * cell
        ring = np.concatenate(
            [
                np.c_[x0 + t * cell, np.full(10, y0)],
                np.c_[np.full(10, x0 + cell), y0 + t * cell],
                np.c_[x0 + cell - t * cell, np.full(10, y0 + cell)],
                np.c_[np.full(10, x0), y0 + cell - t * cell],
            ]
        )
        geometries.append(shapely.Polygon(ring))
    return gpd.GeoDataFrame({"name": [f"District {k:05d}" for k in range(n)]}, geometry=geometries, crs="EPSG:4326")


def synthetic_events(names: list[str], days: int, seed: int = 1) -> list[Event]:
    rng = random.Random(seed)
    events = []
    for name in names:
        announced = rng.randrange(days)
        done = min(days - 1, announced + rng.randrange(1, max(2, days // 5)))
        events.append(Event(name, START + dt.timedelta(days=announced), "scheduled", "A", "B"))
        if rng.random() < 0.2:
            events.append(Event(name, START + dt.timedelta(days=announced), "postponed", "A", "B"))
        events.append(Event(name, START + dt.timedelta(days=done), "completed", "A", "B"))
    return events


def geometry_floor(frame: gpd.GeoDataFrame, decimals: int) -> int:
    collection = {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "properties": {}, "geometry": rounded_geojson(g, decimals)} for g in frame.geometry],
    }
    return len(json.dumps(collection, separators=(",", ":")).encode())


def build_handover_map(frame, events) -> str:
    joined: dict[str, list[Event]] = {}
    for event in events:
        joined.setdefault(event.district, []).append(event)
    layers = prepare_layers(frame, joined)
    return render_map(layers, joined, title="Benchmark", tiles=None)


def _daily_states(frame, events, days):
    joined: dict[str, list[Event]] = {}
    for event in events:
        joined.setdefault(event.district, []).append(event)
    timeline = build_timeline(joined)
    return joined, timeline


def build_time_slider_choropleth(frame, events, days) -> str:
    joined, timeline = _daily_states(frame, events, days)
    colours = {s: settings.STATE_STYLES[s]["color"] for s in settings.STATES}
    stamps = [str(int(dt.datetime.combine(START + dt.timedelta(days=d), dt.time()).timestamp())) for d in range(days)]
    styledict = {}
    for k, name in enumerate(frame["name"]):
        styledict[str(k)] = {stamp: {"color": colours[timeline.state(name, START + dt.timedelta(days=d))], "opacity": 0.8} for d, stamp in enumerate(stamps)}
    data = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "id": str(k), "properties": {"name": name}, "geometry": rounded_geojson(g)}
            for k, (name, g) in enumerate(zip(frame["name"], frame.geometry))
        ],
    }
    fmap = folium.Map(location=[48, 30], zoom_start=6, tiles=None)
    TimeSliderChoropleth(json.dumps(data), styledict=styledict).add_to(fmap)
    return fmap.get_root().render()


def build_timeline_plugin(frame, events, days) -> str:
    joined, timeline = _daily_states(frame, events, days)
    end_of_time = START + dt.timedelta(days=days)
    features = []
    for name, g in zip(frame["name"], frame.geometry):
        geometry = rounded_geojson(g)
        changes = timeline.changes[name]
        for (start, state), following in zip(changes, [*changes[1:], (end_of_time, None)]):
            features.append(
                {
                    "type": "Feature",
                    "geometry": geometry,
                    "properties": {"start": (start or START).isoformat(), "end": following[0].isoformat(), "color": settings.STATE_STYLES[state]["color"]},
                }
            )
    fmap = folium.Map(location=[48, 30], zoom_start=6, tiles=None)
    layer = Timeline(
        {"type": "FeatureCollection", "features": features},
        style=JsCode("function (f) { return {fillColor: f.properties.color, color: '#333', weight: 1, fillOpacity: 0.8}; }"),
    )
    layer.add_to(fmap)
    TimelineSlider(auto_play=False).add_timelines(layer).add_to(fmap)
    return fmap.get_root().render()


# Step latency: the work a step causes, without the wait for the display's
# next frame: the call, forced style and layout (offsetHeight), and the
# Canvas redraw Leaflet defers to the next animation frame (timed by
# wrapping the renderer). Painting pixels is left out for every tool alike.
_MEASURE = """async (steps) => {
    let redraw = 0;
    if (window.L && L.Canvas) { const original = L.Canvas.prototype._redraw;
        L.Canvas.prototype._redraw = function () { const t = performance.now(); original.call(this); redraw += performance.now() - t; }; }
    const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    const out = [];
    for (let k = 0; k < steps; k++) {
        redraw = 0;
        const t0 = performance.now(); STEP(k); document.body.offsetHeight; const work = performance.now() - t0;
        await frame();
        out.push(work + redraw);
    }
    return out; }"""
STEP_SCRIPTS = {
    "handover-map": _MEASURE.replace("STEP(k)", "handoverMap.setDate(handoverMap.dates()[(k * 7 + 1) % handoverMap.dates().length])"),
    "TimeSliderChoropleth": _MEASURE.replace(
        "STEP(k)",
        "(() => { const input = document.querySelector('div[id^=slider_] > input'); "
        "input.value = String((k * 7 + 1) % (Number(input.max) + 1)); input.dispatchEvent(new Event('input')); })()",
    ),
    "Timeline": _MEASURE.replace(
        "STEP(k)",
        "(() => { const c = window[Object.keys(window).find(n => n.startsWith('timeline_slider_'))]; "
        "c.setTime(c.start + ((k * 7 + 1) % 97) / 97 * (c.end - c.start)); })()",
    ),
}
READY = {
    "handover-map": "window.handoverMap !== undefined",
    "TimeSliderChoropleth": "document.querySelector('div[id^=slider_] > input') !== null && document.querySelectorAll('path').length > 0",
    "Timeline": "Object.keys(window).some(k => k.startsWith('timeline_slider_'))",
}


def measure_in_browser(context, files: dict[str, Path], path: Path, tool: str) -> tuple[float, float, float]:
    page = context.new_page()

    def route(r):
        url = r.request.url
        if url.startswith("file:"):
            return r.continue_()
        local = next((f for ending, f in files.items() if url.endswith(ending)), None)
        return r.fulfill(path=str(local)) if local else r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri(), wait_until="load", timeout=600_000)
    page.wait_for_function(READY[tool], timeout=600_000)
    ready = page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))")
    steps = page.evaluate(STEP_SCRIPTS[tool], STEPS)
    page.close()
    return ready, statistics.median(steps), float(np.percentile(steps, 95))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, action="append", help="number of districts (repeatable)")
    parser.add_argument("--t", type=int, action="append", help="span in days (repeatable)")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--max-mb", type=float, default=150, help="skip folium builds estimated above this size")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args()
    sizes, spans = args.n or [100, 1000, 10000], args.t or [30, 365, 1000]
    work = Path(tempfile.mkdtemp(prefix="handover-bench-"))
    files = {} if args.no_browser else offline_files(settings.cache_dir() / "bench-assets")
    bytes_per_entry = 60.0  # refined after the first TimeSliderChoropleth run
    rows = []
    browser = None
    if not args.no_browser:
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        browser = playwright.chromium.launch_persistent_context(
            str(work / "profile"), executable_path=args.chromium, headless=True, args=CHROMIUM_ARGS, viewport={"width": 1200, "height": 800}
        )
    for n in sizes:
        frame = synthetic_districts(n)
        for days in spans:
            events = synthetic_events(list(frame["name"]), days)
            floor = geometry_floor(frame, settings.COORDINATE_DECIMALS)
            row = {"N": n, "T": days, "floor": floor}
            builders = {
                "handover-map": lambda: build_handover_map(frame, events),
                "TimeSliderChoropleth": lambda: build_time_slider_choropleth(frame, events, days),
                "Timeline": lambda: build_timeline_plugin(frame, events, days),
            }
            for tool, builder in builders.items():
                estimate = n * days * bytes_per_entry / 1e6 if tool == "TimeSliderChoropleth" else 0
                if estimate > args.max_mb:
                    row[tool] = {"skipped": f"~{estimate:,.0f} MB estimated"}
                    continue
                started = time.perf_counter()
                page_html = builder()
                seconds = time.perf_counter() - started
                path = work / f"{tool}-{n}-{days}.html"
                path.write_text(page_html, encoding="utf-8")
                result = {"bytes": len(page_html.encode()), "build_s": seconds}
                if tool == "TimeSliderChoropleth":
                    bytes_per_entry = (result["bytes"] - floor) / (n * days)
                if browser is not None and result["bytes"] < args.max_mb * 1e6:
                    result["ready_ms"], result["step_median_ms"], result["step_p95_ms"] = measure_in_browser(browser, files, path, tool)
                row[tool] = result
                path.unlink()
            rows.append(row)
            report(row)
    if browser is not None:
        browser.close()
        playwright.stop()
    (Path(__file__).parent / "scale-results.json").write_text(json.dumps(rows, indent=1))


def report(row: dict) -> None:
    mine = row["handover-map"]
    print(
        f"\nN={row['N']:,} T={row['T']:,}  geometry alone {row['floor'] / 1e6:.2f} MB; handover-map {mine['bytes'] / 1e6:.2f} MB "
        f"= {mine['bytes'] / row['floor']:.2f}x the floor"
    )
    for tool in ("handover-map", "TimeSliderChoropleth", "Timeline"):
        r = row[tool]
        if "skipped" in r:
            print(f"  {tool:21} not run ({r['skipped']})")
            continue
        line = f"  {tool:21} {r['bytes'] / 1e6:8.2f} MB  build {r['build_s']:6.2f} s"
        if "ready_ms" in r:
            line += f"  ready {r['ready_ms']:8.0f} ms  step median {r['step_median_ms']:7.1f} ms  p95 {r['step_p95_ms']:7.1f} ms"
        if tool != "handover-map":
            ratios = [f"size {r['bytes'] / mine['bytes']:.1f}x", f"build {r['build_s'] / mine['build_s']:.1f}x"]
            if "ready_ms" in r and "ready_ms" in mine:
                ratios += [f"ready {r['ready_ms'] / mine['ready_ms']:.1f}x", f"step p95 {r['step_p95_ms'] / mine['step_p95_ms']:.1f}x"]
            line += "  (folium / handover-map: " + ", ".join(ratios) + ")"
        print(line)


if __name__ == "__main__":
    main()
