"""Build time and peak memory of `handover-map build` by number of districts N.

    python benchmarks/build_scale.py                       # N = 10,000 and 50,000
    python benchmarks/build_scale.py --n 100000 --runs 1

For each N, writes N synthetic square districts (the ones of
``benchmarks/steps.py``) as a GeoJSON file and their events (a scheduled and
a completed handover each, a fifth postponed, over 365 days) as a CSV table,
then runs the whole command as a fresh process under ``/usr/bin/time -v``:
read, join, timeline, layers, page. No context layer (``--context none``),
so only the steps that grow with N are timed. Prints wall seconds and peak
resident memory per run, the commit measured and the load average.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from steps import synthetic_districts, synthetic_events


def write_inputs(n: int, folder: Path) -> tuple[Path, Path]:
    """A boundary file of N districts and an events table for all of them."""
    frame = synthetic_districts(n)
    boundaries = folder / f"districts-{n}.geojson"
    frame.to_file(boundaries, driver="GeoJSON")
    events = folder / f"events-{n}.csv"
    with events.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["district", "date", "kind", "from", "to", "source"])
        for e in synthetic_events(list(frame["name"]), 365):
            writer.writerow([e.district, e.date.isoformat(), e.kind, e.from_, e.to, "Benchmark"])
    return boundaries, events


def timed_build(boundaries: Path, events: Path, output: Path) -> tuple[float, float]:
    """(wall seconds, peak resident MB) of one build in a fresh process."""
    command = [sys.executable, "-m", "handover_map", "build", "--events", str(events), "--boundaries", str(boundaries)]
    command += ["--name-field", "name", "--context", "none", "-o", str(output)]
    done = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(done.stderr[-2000:])
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", done.stderr)
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    assert wall and peak, done.stderr
    hours, minutes, seconds = wall.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds), int(peak.group(1)) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, action="append", help="number of districts (repeatable); default 10,000 and 50,000")
    parser.add_argument("--runs", type=int, default=2)
    options = parser.parse_args()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=Path(__file__).parent).stdout.strip()
    print(f"commit {commit}; load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        for n in options.n or [10_000, 50_000]:
            boundaries, events = write_inputs(n, folder)
            for run in range(options.runs):
                seconds, megabytes = timed_build(boundaries, events, folder / "map.html")
                size = (folder / "map.html").stat().st_size / 1e6
                load = " ".join(f"{x:.2f}" for x in os.getloadavg())
                print(f"N={n:>7,} run {run + 1}: {seconds:7.1f} s, peak {megabytes:6.0f} MB, page {size:.1f} MB; load average {load}", flush=True)


if __name__ == "__main__":
    main()
