"""Slider steps, side by side: handover-map against folium's time plugins, in headless Chromium.

    python benchmarks/steps.py --quick      # a few minutes: N = 100 and 1,000 at T = 365, 2 repeats
    python benchmarks/steps.py --full       # N = 100, 1,000, 10,000 by T = 30, 365, 1,000 and N = 50,000 at T = 365, 5 repeats
    python benchmarks/steps.py --n 1000 --t 365 --repeats 3 --tool handover-map --tool Timeline

The same synthetic districts (squares of 40 vertices on a grid) and events
(each district a scheduled and a completed handover, a fifth also postponed,
spread over T days; the first district's on the first and last day, so every
tool's slider spans the same T days) are built five ways: handover-map,
TimeSliderChoropleth (a style per district per day, as its styledict works),
TimestampedGeoJson (a feature per district and state change, shown from its
start: the plugin's default of showing every earlier time, drawn opaque so
the latest state is the one seen), Timeline (a feature per district and state
interval) with Leaflet's SVG renderer and with ``preferCanvas``.

Each page is opened in Debian's Chromium, headless, offline (the CDN files
the folium pages ask for are served from pinned npm tarballs; anything else
is refused), and driven through the entry point its own slider calls. Per
slider step:

- main-thread CPU: the delta of the renderer main thread's CPU clock
  (``ThreadTime`` of the DevTools ``Performance.getMetrics`` counters) from
  just before the step to the end of the frame that shows it. It includes the
  script, style, layout, paint and, for Canvas pages, the drawing of the
  canvas, all of which run on that thread. Counters rather than a trace: they
  add no tracing overhead to the work measured, count CPU time (so other
  processes on a busy machine inflate them far less than wall time), and need
  no bookkeeping of which trace events nest. The cost of the harness itself
  (an empty step: two counter reads and a frame) is measured on every page
  and subtracted. Rasterisation happens off the main thread: the renderer
  process's CPU clock (``ProcessTime``, coarser: the kernel's 10 ms ticks) is
  reported as a mean per step beside it.
- time to the next painted frame: from the step's start to the end of the
  main-thread work of the next frame (a message posted from a
  ``requestAnimationFrame`` callback is handled after that frame's style,
  layout, paint and commit).

Sequences: *adjacent* (a drag: consecutive days from a random day, which
an unmeasured step reaches first),
*jump* (first day, last day, alternately), *random* (seeded random days).
Tools are interleaved: each repeat opens every tool's page in turn (the order
rotates between repeats), so slow drift of the machine falls on all alike.
Reported: per step median and p95 for each repeat; ratios peer ÷ handover-map
computed within each repeat, given as min–max over repeats. Also the HTML's
size raw, gzip (level 9) and brotli (quality 11), the same for the scripts and
styles the page loads, the time from navigation to the first frame with the
map, the JS heap after a garbage collection, the build time in Python, and
(``benchmarks/build_scale.py``) the whole command's wall time and peak memory
by N.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import datetime as dt
import gzip
import hashlib
import json
import os
import random
import shlex
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
START = dt.date(2022, 1, 1)
DAY_MS = 86_400_000
SEQUENCES = ("adjacent", "jump", "random")
TOOLS = ("handover-map", "TimeSliderChoropleth", "TimestampedGeoJson", "Timeline", "Timeline (preferCanvas)")
PEERS = TOOLS[1:]
CHROMIUM_ARGS = [  # as tests/conftest.py launches it
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# The cells (N, T) each mode measures. --full leaves out N = 50,000 at T = 30 and
# 1,000: the peers' pages there take minutes to open and their steps seconds.
MODES = {
    "quick": {"cells": [(100, 365), (1000, 365)], "repeats": 2, "steps": 15, "warmup": 3, "budget_s": 15.0, "build_n": [1000, 10_000]},
    "full": {
        "cells": [(n, t) for n in (100, 1000, 10_000) for t in (30, 365, 1000)] + [(50_000, 365)],
        "repeats": 5,
        "steps": 40,
        "warmup": 5,
        "budget_s": 30.0,
        "build_n": [10_000, 50_000, 100_000],
    },
}

# The CDN files the folium pages ask for, served offline from pinned npm tarballs.
NPM_FILES = {
    "leaflet@1.9.3": (
        "sha512-iB2cR9vAkDOu5l3HAay2obcUHZ7xwUBBjph8+PGtmW/2lYhbLizWtG7nTeYht36WfOslixQF9D/uSIzhZgGMfQ==",
        {"leaflet@1.9.3/dist/leaflet.js": "dist/leaflet.js", "leaflet@1.9.3/dist/leaflet.css": "dist/leaflet.css"},
    ),
    "jquery@3.7.1": (
        "sha512-m4avr8yL8kmFN8psrbFFFmB/If14iN5o9nw/NgnnM+kybDJpRsAynV2BsfpTYrTRysYUdADVD7CkUUizgkpLfg==",
        {"jquery-3.7.1.min.js": "dist/jquery.min.js", "jquery/3.7.1/jquery.min.js": "dist/jquery.min.js"},
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
    "leaflet-timedimension@1.1.1": (
        "sha512-ejXldN94veRsWka1vpC+4rbH+2+3d3ztn2xYx4jcXtjYDrKC/sNnoqCmyH2UEYIy51PI2851aI2k8uGdOEbhlw==",
        {
            "leaflet-timedimension@1.1.1/dist/leaflet.timedimension.min.js": "dist/leaflet.timedimension.min.js",
            "leaflet-timedimension@1.1.1/dist/leaflet.timedimension.control.css": "dist/leaflet.timedimension.control.css",
        },
    ),
    "iso8601-js-period@0.2.1": (
        "sha512-iDyz2TQFBd5WhCZjruOwHj01JkQGu7YbVLCVdpA7lCGEcBzE3ffCPAhLh/M8TAp//kCixPpYN4XU54WHCxvD2Q==",
        {"iso8601-js-period@0.2.1/iso8601.min.js": "iso8601.js"},
    ),
    "bootstrap@5.2.2": (
        "sha512-dEtzMTV71n6Fhmbg4fYJzQsw1N29hJKO1js5ackCgIpDcGid2ETMGC6zwSYw09v05Y+oRdQ9loC54zB1La3hHQ==",
        {
            "bootstrap@5.2.2/dist/js/bootstrap.bundle.min.js": "dist/js/bootstrap.bundle.min.js",
            "bootstrap@5.2.2/dist/css/bootstrap.min.css": "dist/css/bootstrap.min.css",
        },
    ),
}


# ---------------------------------------------------------------- pure helpers


def step_days(kind: str, days: int, steps: int, seed: int = 1) -> list[int]:
    """The day indexes (0 ... days - 1) a sequence of slider steps visits.

    ``adjacent`` is a drag: consecutive days from a random day, turning back
    at either end; ``jump`` alternates the last and the first day;
    ``random`` draws days, never the same twice in a row.
    """
    if days < 2:
        raise ValueError("a slider needs at least two days")
    rng = random.Random(f"{kind}-{days}-{seed}")
    if kind == "jump":
        return [days - 1 if k % 2 == 0 else 0 for k in range(steps)]
    if kind == "random":
        out: list[int] = []
        while len(out) < steps:
            day = rng.randrange(days)
            if not out or day != out[-1]:
                out.append(day)
        return out
    if kind == "adjacent":
        day, direction, out = rng.randrange(days), 1, []
        for _ in range(steps):
            if not 0 <= day + direction < days:
                direction = -direction
            day += direction
            out.append(day)
        return out
    raise ValueError(f"unknown sequence {kind!r}")


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) with linear interpolation between ranks (numpy's default)."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def spread(values: Sequence[float]) -> tuple[float, float]:
    """(min, max) over repeats."""
    return min(values), max(values)


def paired_ratios(peer: Sequence[float], mine: Sequence[float]) -> list[float]:
    """Peer ÷ handover-map for each repeat (the same repeat's runs, so drift cancels); inf where ours is 0."""
    return [p / m if m > 0 else float("inf") for p, m in zip(peer, mine, strict=True)]


def compressed_sizes(data: bytes) -> dict[str, int]:
    """Bytes raw, gzip (level 9) and brotli (quality 11, when the brotli package is installed)."""
    sizes = {"raw": len(data), "gzip": len(gzip.compress(data, compresslevel=9, mtime=0))}
    try:
        import brotli
    except ImportError:
        return sizes
    sizes["brotli"] = len(brotli.compress(data, quality=11))
    return sizes


def span(low: float, high: float, digits: int = 2) -> str:
    """'0.52–0.61', or one figure when both round alike."""
    a, b = f"{low:,.{digits}f}", f"{high:,.{digits}f}"
    return a if a == b else f"{a}–{b}"


# ---------------------------------------------------------------- synthetic data and pages


def synthetic_districts(n: int):
    """n square districts of 40 vertices each (10 a side) on a grid near 48°N 30°E."""
    import geopandas as gpd
    import numpy as np
    import shapely

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


def synthetic_events(names: list[str], days: int, seed: int = 1) -> list:
    """A scheduled and a completed handover per district (a fifth also postponed) over ``days`` days.

    The first district's are on the first and the last day, so every page's slider spans all of them.
    """
    from handover_map.events import Event

    rng = random.Random(seed)
    events = []
    for k, name in enumerate(names):
        announced = rng.randrange(days)
        done = min(days - 1, announced + rng.randrange(1, max(2, days // 5)))
        if k == 0:
            announced, done = 0, days - 1
        events.append(Event(name, START + dt.timedelta(days=announced), "scheduled", "A", "B"))
        if rng.random() < 0.2:
            events.append(Event(name, START + dt.timedelta(days=announced), "postponed", "A", "B"))
        events.append(Event(name, START + dt.timedelta(days=done), "completed", "A", "B"))
    return events


def _joined(events) -> dict:
    joined: dict = {}
    for event in events:
        joined.setdefault(event.district, []).append(event)
    return joined


def build_handover_map(frame, events, days: int) -> str:
    from handover_map import MapModel, PageOptions
    from handover_map.cartography import prepare_layers
    from handover_map.render import render_map

    joined = _joined(events)
    model = MapModel.create(prepare_layers(frame, joined), joined, title="Benchmark")
    return render_map(model, PageOptions(self_contained=False, tiles=None))


def _intervals(frame, events, days: int):
    """(name, geometry as GeoJSON, [(start day, end day, colour)]) per district, from handover-map's own timeline."""
    from handover_map import settings
    from handover_map.render import rounded_geojson
    from handover_map.timeline import build_timeline

    timeline = build_timeline(_joined(events))
    for name, geometry in zip(frame["name"], frame.geometry):
        changes = timeline.changes[name]
        starts = [0 if start is None else (start - START).days for start, _ in changes]
        colours = [settings.STATE_STYLES[state]["color"] for _, state in changes]
        yield name, rounded_geojson(geometry), list(zip(starts, [*starts[1:], days], colours))


def _folium_map(prefer_canvas: bool = False):
    import folium

    return folium.Map(location=[48, 30], zoom_start=6, tiles=None, prefer_canvas=prefer_canvas)


def build_time_slider_choropleth(frame, events, days: int) -> str:
    from folium.plugins import TimeSliderChoropleth

    stamps = [str((START - dt.date(1970, 1, 1)).days * 86_400 + d * 86_400) for d in range(days)]
    features, styledict = [], {}
    for k, (name, geometry, intervals) in enumerate(_intervals(frame, events, days)):
        features.append({"type": "Feature", "id": str(k), "properties": {"name": name}, "geometry": geometry})
        styledict[str(k)] = {stamps[d]: {"color": colour, "opacity": 0.8} for start, end, colour in intervals for d in range(start, end)}
    fmap = _folium_map()
    TimeSliderChoropleth(json.dumps({"type": "FeatureCollection", "features": features}), styledict=styledict).add_to(fmap)
    return fmap.get_root().render()


def build_timestamped_geojson(frame, events, days: int) -> str:
    from folium.plugins import TimestampedGeoJson

    start_ms = (START - dt.date(1970, 1, 1)).days * DAY_MS
    features = []
    for _, geometry, intervals in _intervals(frame, events, days):
        for start, _end, colour in intervals:
            style = {"fillColor": colour, "color": "#333", "weight": 1, "fillOpacity": 1}
            features.append({"type": "Feature", "geometry": geometry, "properties": {"times": [start_ms + start * DAY_MS], "style": style}})
    features.sort(key=lambda f: f["properties"]["times"][0])  # a later state is drawn over an earlier one
    fmap = _folium_map()
    TimestampedGeoJson({"type": "FeatureCollection", "features": features}, period="P1D", auto_play=False, add_last_point=False).add_to(fmap)
    return fmap.get_root().render()


def build_timeline(frame, events, days: int, prefer_canvas: bool = False) -> str:
    from folium.plugins import Timeline, TimelineSlider
    from folium.utilities import JsCode

    features = []
    for _, geometry, intervals in _intervals(frame, events, days):
        for start, end, colour in intervals:
            properties = {"start": (START + dt.timedelta(days=start)).isoformat(), "end": (START + dt.timedelta(days=end)).isoformat(), "color": colour}
            features.append({"type": "Feature", "geometry": geometry, "properties": properties})
    fmap = _folium_map(prefer_canvas)
    layer = Timeline(
        {"type": "FeatureCollection", "features": features},
        style=JsCode("function (f) { return {fillColor: f.properties.color, color: '#333', weight: 1, fillOpacity: 0.8}; }"),
    )
    layer.add_to(fmap)
    TimelineSlider(auto_play=False).add_timelines(layer).add_to(fmap)
    return fmap.get_root().render()


BUILDERS: dict[str, Callable[..., str]] = {
    "handover-map": build_handover_map,
    "TimeSliderChoropleth": build_time_slider_choropleth,
    "TimestampedGeoJson": build_timestamped_geojson,
    "Timeline": build_timeline,
    "Timeline (preferCanvas)": lambda frame, events, days: build_timeline(frame, events, days, prefer_canvas=True),
}

# Each tool's slider step, as its own control calls it: handover-map's and
# TimeSliderChoropleth's range inputs take an input event; Timeline's control
# calls setTime, and TimestampedGeoJson's knob the TimeDimension's setCurrentTime.
# What a step looks up (the control, the map, the first day) is found on the
# first step and kept (window.__bench), so the steps measured count the tool's
# work, not the harness's searches.
_STEP = {
    "handover-map": """(day) => { const b = window.__bench || (window.__bench = {
            s: document.getElementById('hm-slider'), epoch: Date.parse(handoverMap.dates()[0] + 'T00:00:00Z') });
        b.s.value = String(Math.round((START_MS + day * DAY_MS - b.epoch) / DAY_MS)); b.s.dispatchEvent(new Event('input', {bubbles: true})); }""",
    "TimeSliderChoropleth": """(day) => { const b = window.__bench || (window.__bench = { s: document.querySelector('div[id^=slider_] > input') });
        b.s.value = String(day); b.s.dispatchEvent(new Event('input', {bubbles: true})); }""",
    "TimestampedGeoJson": """(day) => { const b = window.__bench || (window.__bench = { m: Object.values(window).find(v => v instanceof L.Map) });
        b.m.timeDimension.setCurrentTime(START_MS + day * DAY_MS); }""",
    "Timeline": """(day) => { const b = window.__bench || (window.__bench = { c: window[Object.keys(window).find(n => n.startsWith('timeline_slider_'))] });
        b.c.setTime(START_MS + day * DAY_MS + DAY_MS / 2); }""",
}
_STEP["Timeline (preferCanvas)"] = _STEP["Timeline"]
READY = {
    "handover-map": "window.handoverMap !== undefined",
    "TimeSliderChoropleth": "document.querySelector('div[id^=slider_] > input') !== null && document.querySelectorAll('path').length > 0",
    "TimestampedGeoJson": "window.L !== undefined && Object.values(window).some(v => v instanceof L.Map && v.timeDimension)",
    "Timeline": "Object.keys(window).some(k => k.startsWith('timeline_slider_'))",
}
READY["Timeline (preferCanvas)"] = READY["Timeline"]
# The step, then the end of the next frame's main-thread work: a message posted
# from a requestAnimationFrame callback runs after that frame's style, layout,
# paint and commit. Leaflet's Canvas redraw is itself a frame callback queued
# by the step, so it runs in that frame before ours.
_TIMED = """async (day) => {
    const step = STEP; const t0 = performance.now();
    if (day >= 0) step(day);
    await new Promise(done => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => done(); c.port2.postMessage(0); }));
    return performance.now() - t0; }"""


def offline_files(cache: Path) -> dict[str, Path]:
    """{URL ending: local file} for the CDN assets, fetched once with npm pack and checked against their integrity."""
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
                        member = archive.extractfile(f"package/{inner}")
                        assert member is not None
                        target = folder / inner
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_bytes(member.read())
        found.update({ending: folder / inner for ending, inner in files.items()})
    return found


# ---------------------------------------------------------------- the browser side


def _metrics(cdp) -> dict[str, float]:
    return {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}


class PageRun:
    """One tool's page opened offline with the DevTools counters on."""

    def __init__(self, context, page, files: dict[str, Path], path: Path, tool: str) -> None:
        self.tool = tool
        self.files = files
        self.loaded: dict[str, Path] = {}
        self.refused: list[str] = []
        self.errors: list[str] = []
        self.page = page
        self.page.route("**/*", self._route)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.cdp = context.new_cdp_session(self.page)
        self.cdp.send("Performance.enable", {"timeDomain": "threadTicks"})
        self.page.goto(path.as_uri(), wait_until="load", timeout=900_000)
        self.page.wait_for_function(READY[tool], timeout=900_000)
        first_frame = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))"
        self.ready_ms = self.page.evaluate(first_frame)
        self.cdp.send("HeapProfiler.collectGarbage")
        self.heap_mb = _metrics(self.cdp)["JSHeapUsedSize"] / 1e6
        start_ms = (START - dt.date(1970, 1, 1)).days * DAY_MS
        self.timed = _TIMED.replace("STEP", _STEP[tool]).replace("START_MS", str(start_ms)).replace("DAY_MS", str(DAY_MS))

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
            return
        local = next((f for ending, f in self.files.items() if url.endswith(ending)), None)
        if local is None:
            self.refused.append(url)
            route.abort()
        else:
            self.loaded[url] = local
            route.fulfill(path=str(local))

    def step(self, day: int) -> dict[str, float]:
        """One step (day < 0: an empty one) and the deltas it caused, in ms."""
        before = _metrics(self.cdp)
        frame_ms = self.page.evaluate(self.timed, day)
        after = _metrics(self.cdp)
        delta = {name: (after[name] - before[name]) * 1000 for name in ("ThreadTime", "ProcessTime", "RecalcStyleDuration", "LayoutDuration")}
        return {"frame": frame_ms, **delta}


def run_sequences(run: PageRun, days: int, steps: int, warmup: int, budget_s: float) -> dict:
    """Per-step figures of every sequence on one open page, less the harness's own cost."""
    empty = [run.step(-1) for _ in range(max(5, warmup))]
    harness = statistics.median(s["ThreadTime"] for s in empty)
    started = time.monotonic()
    for day in step_days("random", days, warmup, seed=99):
        run.step(day)
        if time.monotonic() - started > budget_s / 2:  # a page whose steps take seconds is warm after one
            break
    out: dict = {"harness_ms": harness}
    for kind in SEQUENCES:
        sequence = step_days(kind, days, steps)
        if kind == "adjacent":  # a drag starts beside its first day: the way there from the last sequence's day is no drag step
            run.step(sequence[0] - 1 if sequence[0] > 0 else 1)
        started, samples = time.monotonic(), []
        for day in sequence:
            samples.append(run.step(day))
            if time.monotonic() - started > budget_s and len(samples) >= 3:
                break
        out[kind] = {
            "cpu": [max(0.0, s["ThreadTime"] - harness) for s in samples],
            "frame": [s["frame"] for s in samples],
            "process_mean": statistics.mean(s["ProcessTime"] for s in samples),
            "style_median": statistics.median(s["RecalcStyleDuration"] for s in samples),
            "layout_median": statistics.median(s["LayoutDuration"] for s in samples),
        }
    return out


# ---------------------------------------------------------------- the run


def run_cell(context, files, work: Path, n: int, days: int, tools: Sequence[str], options) -> dict:
    """Build every tool's page for N districts over T days, then measure them interleaved."""
    from playwright.sync_api import Error as PlaywrightError

    frame = synthetic_districts(n)
    events = synthetic_events(list(frame["name"]), days)
    cell: dict = {"N": n, "T": days, "tools": {}}
    paths = {}
    for tool in tools:
        entries = n * days if tool == "TimeSliderChoropleth" else 0
        if entries * 60 / 1e6 > options.max_mb:  # about 60 bytes per styledict entry
            cell["tools"][tool] = {"skipped": f"~{entries * 60 / 1e6:,.0f} MB estimated"}
            continue
        started = time.perf_counter()
        html = BUILDERS[tool](frame, events, days).encode()
        record = {"build_s": time.perf_counter() - started, "html": compressed_sizes(html), "repeats": []}
        paths[tool] = work / f"{len(paths)}-{n}-{days}.html"
        paths[tool].write_bytes(html)
        cell["tools"][tool] = record
        print(f"  built {tool}: {len(html) / 1e6:.2f} MB in {record['build_s']:.1f} s", flush=True)
    order = list(paths)
    for repeat in range(options.repeats):
        for tool in order[repeat % len(order) :] + order[: repeat % len(order)]:
            record = cell["tools"][tool]
            page = context.new_page()
            try:
                run = PageRun(context, page, files, paths[tool], tool)
                result = {"ready_ms": run.ready_ms, "heap_mb": run.heap_mb, **run_sequences(run, days, options.steps, options.warmup, options.budget_s)}
            except PlaywrightError as error:  # a page that crashes or times out is reported, and the run goes on
                record["repeats"].append({"failed": str(error).splitlines()[0]})
                print(f"  repeat {repeat + 1} {tool}: failed: {record['repeats'][-1]['failed']}", flush=True)
                continue
            finally:
                with contextlib.suppress(PlaywrightError):
                    page.close()
            result["errors"] = run.errors
            if "loaded" not in record:
                assets = b"".join(p.read_bytes() for p in sorted(set(run.loaded.values())))
                record["loaded"] = compressed_sizes(assets) if assets else {"raw": 0, "gzip": 0, "brotli": 0}
                record["refused"] = sorted(run.refused)
            record["repeats"].append(result)
            cpu = {k: f"{percentile(result[k]['cpu'], 95):.1f}" for k in SEQUENCES}
            print(f"  repeat {repeat + 1} {tool}: ready {result['ready_ms']:.0f} ms, CPU p95 per step {cpu} ms", flush=True)
    for path in paths.values():
        path.unlink()
    return cell


def build_scale_rows(sizes: Sequence[int]) -> list[dict]:
    """Whole-command build wall time and peak memory by N (benchmarks/build_scale.py), one run each."""
    from build_scale import timed_build, write_inputs

    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for n in sizes:
            boundaries, events = write_inputs(n, Path(folder))
            seconds, megabytes = timed_build(boundaries, events, Path(folder) / "map.html")
            rows.append({"N": n, "wall_s": seconds, "peak_mb": megabytes, "load": os.getloadavg()[0]})
            print(f"  build N={n:,}: {seconds:.1f} s, peak {megabytes:.0f} MB", flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_const", const="quick", dest="mode", help="N = 100, 1,000 at T = 365, 2 repeats (a few minutes)")
    mode.add_argument(
        "--full", action="store_const", const="full", dest="mode", help="N = 100 ... 10,000 by T = 30, 365, 1,000 and N = 50,000 at T = 365; 5 repeats"
    )
    parser.add_argument("--n", type=int, action="append", help="number of districts (repeatable; replaces the mode's)")
    parser.add_argument("--t", type=int, action="append", help="span in days (repeatable; replaces the mode's)")
    parser.add_argument("--tool", action="append", choices=TOOLS, help="only these tools (repeatable); handover-map is always run")
    parser.add_argument("--repeats", type=int)
    parser.add_argument("--steps", type=int, help="steps per sequence")
    parser.add_argument("--max-mb", type=float, default=150, help="skip TimeSliderChoropleth pages estimated above this size")
    parser.add_argument("--no-build-scale", action="store_true", help="skip the whole-command build by N")
    parser.add_argument("--out", type=Path, help="markdown file to write (JSON beside it); default benchmarks/results-DATE-steps[-quick].md")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    options = parser.parse_args()
    chosen = MODES[options.mode or "quick"]
    for key in ("repeats", "steps"):
        if getattr(options, key) is None:
            setattr(options, key, chosen[key])
    options.warmup, options.budget_s = chosen["warmup"], chosen["budget_s"]
    cells_wanted = chosen["cells"]
    if options.n or options.t:
        cells_wanted = [(n, t) for n in options.n or sorted({n for n, _ in cells_wanted}) for t in options.t or sorted({t for _, t in cells_wanted})]
    tools = [t for t in TOOLS if t == "handover-map" or not options.tool or t in options.tool]
    sys.path.insert(0, str(HERE))
    from playwright.sync_api import sync_playwright

    from handover_map import settings

    began = time.monotonic()
    meta = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "mode": options.mode or ("custom" if options.n or options.t or options.tool else "quick"),
        "command": shlex.join(["python", "benchmarks/steps.py", *sys.argv[1:]]),
        "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=HERE).stdout.strip(),
        "chromium": subprocess.run([options.chromium, "--version"], capture_output=True, text=True).stdout.strip(),
        "cores": os.cpu_count(),
        "load_before": os.getloadavg(),
        "repeats": options.repeats,
        "steps": options.steps,
    }
    files = offline_files(settings.cache_dir() / "bench-assets")
    warm_frame = synthetic_districts(4)  # imports and template compiling stay out of the build times
    for builder in BUILDERS.values():
        builder(warm_frame, synthetic_events(list(warm_frame["name"]), 2), 2)
    cells = []
    with tempfile.TemporaryDirectory(prefix="handover-steps-") as folder, sync_playwright() as playwright:
        work = Path(folder)
        context = playwright.chromium.launch_persistent_context(
            str(work / "profile"), executable_path=options.chromium, headless=True, args=CHROMIUM_ARGS, viewport={"width": 1200, "height": 800}
        )
        for n, days in cells_wanted:
            print(f"N={n:,} T={days:,}", flush=True)
            cells.append(run_cell(context, files, work, n, days, tools, options))
        context.close()
    builds = [] if options.no_build_scale else build_scale_rows(options.n or chosen["build_n"])
    meta["load_after"] = os.getloadavg()
    meta["minutes"] = (time.monotonic() - began) / 60
    out = options.out or HERE / f"results-{dt.datetime.now(dt.UTC):%Y-%m-%d}-steps{'' if options.mode == 'full' else '-quick'}.md"
    out.with_suffix(".json").write_text(json.dumps(_rounded({"meta": meta, "cells": cells, "builds": builds}), separators=(",", ":")) + "\n")
    out.write_text(report(meta, cells, builds), encoding="utf-8")
    print(f"wrote {out} and {out.with_suffix('.json').name} in {meta['minutes']:.1f} min")


# ---------------------------------------------------------------- the report


def _rounded(tree):
    """The results with every float to 0.01 (ms, MB, s): finer than any of them can be measured."""
    if isinstance(tree, float):
        return round(tree, 2)
    if isinstance(tree, dict):
        return {key: _rounded(value) for key, value in tree.items()}
    if isinstance(tree, list | tuple):
        return [_rounded(value) for value in tree]
    return tree


def _cpu_rows(cell: dict) -> list[str]:
    mine = cell["tools"]["handover-map"]["repeats"]
    rows = []
    for kind in SEQUENCES:
        for tool, record in cell["tools"].items():
            head = f"| {cell['N']:,} | {cell['T']:,} | {kind} | {tool} |"
            done = [k for k, r in enumerate(record.get("repeats", [])) if "failed" not in r]
            if not done:
                why = record.get("skipped") or "; ".join(sorted({r["failed"] for r in record["repeats"]}))
                rows.append(f"{head} not run ({why}) | | | | | | |")
                continue
            repeats = [record["repeats"][k] for k in done]
            p95 = [percentile(r[kind]["cpu"], 95) for r in repeats]
            medians = [percentile(r[kind]["cpu"], 50) for r in repeats]
            frames = [percentile(r[kind]["frame"], 95) for r in repeats]
            process = [r[kind]["process_mean"] for r in repeats]
            steps = min(len(r[kind]["cpu"]) for r in repeats)
            paired = [k for k in done if k < len(mine) and "failed" not in mine[k]]
            if tool == "handover-map":
                ratio, frame_ratio = "1", "1"
            elif not paired:
                ratio, frame_ratio = "–", "–"
            else:
                ours = [mine[k][kind] for k in paired]
                theirs = [record["repeats"][k][kind] for k in paired]
                cpu_ratios = paired_ratios([percentile(r["cpu"], 95) for r in theirs], [percentile(r["cpu"], 95) for r in ours])
                frame_ratios = paired_ratios([percentile(r["frame"], 95) for r in theirs], [percentile(r["frame"], 95) for r in ours])
                ratio, frame_ratio = span(*spread(cpu_ratios)), span(*spread(frame_ratios))
            failed = len(record["repeats"]) - len(done)
            note = f" ({failed} repeat{'s' * (failed > 1)} failed)" if failed else ""
            rows.append(
                f"{head} {span(*spread(medians), 1)} | {span(*spread(p95), 1)} | **{ratio}** "
                f"| {span(*spread(frames), 0)} | {frame_ratio} | {span(*spread(process), 0)} | {steps}{note} |"
            )
    return rows


def _kb(sizes: dict[str, int], key: str) -> str:
    return f"{sizes[key] / 1e3:,.0f}" if key in sizes else "–"


def report(meta: dict, cells: list[dict], builds: list[dict]) -> str:
    """The markdown tables."""
    load = " → ".join(" ".join(f"{x:.2f}" for x in meta[k]) for k in ("load_before", "load_after"))
    lines = [
        f"# Slider steps side by side ({meta['mode']} run, {meta['date']})",
        "",
        f"`{meta.get('command', 'python benchmarks/steps.py --' + meta['mode'])}` at commit {meta['commit']}; {meta['chromium']}, headless, offline; "
        f"{meta['cores']} cores; load average (1, 5, 15 min) {load}; {meta['repeats']} repeats of up to {meta['steps']} steps per sequence; "
        f"{meta['minutes']:.0f} minutes. Method: the docstring of `benchmarks/steps.py`.",
        "",
        "## Per slider step",
        "",
        "Main-thread CPU per step (script, style, layout, paint, canvas drawing; the harness's empty step subtracted): median and p95, "
        "each as min–max over repeats. Ratio: the peer's p95 ÷ handover-map's p95 in the same repeat, min–max over repeats "
        "(above 1: handover-map uses less). Frame: time from the step to the end of the next frame's main-thread work, p95. "
        "Renderer: the whole renderer process's CPU per step (raster threads too; mean, 10 ms ticks).",
        "",
        "| N | T | sequence | tool | CPU median ms | CPU p95 ms | p95 ratio | frame p95 ms | frame ratio | renderer ms | steps |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for cell in cells:
        lines += _cpu_rows(cell)
    lines += [
        "",
        "## Page size, start and memory",
        "",
        "HTML: the page itself; loads: the scripts and styles it fetches (served offline from pinned npm tarballs). "
        "gzip level 9, brotli quality 11, kB. Ready: navigation to the first frame with the map (min–max over repeats). "
        "Heap: JS heap used after a garbage collection. Build: the page built in Python, in memory.",
        "",
        "| N | T | tool | HTML raw | gzip | brotli | brotli ratio | loads brotli | ready ms | heap MB | build s |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for cell in cells:
        mine = cell["tools"]["handover-map"]["html"]
        for tool, record in cell["tools"].items():
            if "skipped" in record:
                lines.append(f"| {cell['N']:,} | {cell['T']:,} | {tool} | not built ({record['skipped']}) | | | | | | | |")
                continue
            html, repeats = record["html"], [r for r in record["repeats"] if "failed" not in r]
            if not repeats:
                lines.append(f"| {cell['N']:,} | {cell['T']:,} | {tool} | {_kb(html, 'raw')} | {_kb(html, 'gzip')} | {_kb(html, 'brotli')} | | | failed | | |")
                continue
            ratio = f"{html['brotli'] / mine['brotli']:.2f}" if "brotli" in html and "brotli" in mine else "–"
            lines.append(
                f"| {cell['N']:,} | {cell['T']:,} | {tool} | {_kb(html, 'raw')} | {_kb(html, 'gzip')} | {_kb(html, 'brotli')} | {ratio} "
                f"| {_kb(record['loaded'], 'brotli')} | {span(*spread([r['ready_ms'] for r in repeats]), 0)} "
                f"| {span(*spread([r['heap_mb'] for r in repeats]), 1)} | {record['build_s']:.2f} |"
            )
    if builds:
        lines += [
            "",
            "## Build by number of districts",
            "",
            "`benchmarks/build_scale.py`: the whole `handover-map build` as a fresh process under `/usr/bin/time -v`, "
            "synthetic districts, events over 365 days, `--context none`; one run each.",
            "",
            "| N | wall s | peak MB | load average |",
            "|---|---|---|---|",
        ]
        lines += [f"| {b['N']:,} | {b['wall_s']:.1f} | {b['peak_mb']:,.0f} | {b['load']:.2f} |" for b in builds]
    errors = sorted({f"{tool}: {e}" for cell in cells for tool, r in cell["tools"].items() for rep in r.get("repeats", []) for e in rep.get("errors", [])})
    refused: dict[str, set[str]] = {}  # file name: tools whose pages asked for it
    for cell in cells:
        for tool, record in cell["tools"].items():
            for url in record.get("refused", []):
                refused.setdefault(url.rsplit("/", 1)[-1], set()).add(tool)
    lines += ["", "## Notes", ""]
    lines += [f"- page error: {e}" for e in errors] or ["- no page raised an error"]
    if refused:
        lines.append("- not served, as no pinned package holds them (marker icons, fonts, jQuery UI, a code style: these maps use none of them): ")
        lines[-1] += "; ".join(f"{name} ({', '.join(sorted(tools))})" for name, tools in sorted(refused.items()))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
