"""Bytes of built pages: raw, gzip (level 9) and brotli (quality 11).

    python benchmarks/geometry_size.py                  # the default map and N = 1,000 districts
    PYTHONPATH=/tmp/other/src python benchmarks/geometry_size.py   # the same pages from another checkout

Builds, each as a fresh ``python -m handover_map build``: the default map
(self-contained, and with ``--cdn``, which links Leaflet instead of inlining
it) and the page of N synthetic districts of ``benchmarks/build_scale.py``
(events over 365 days, no context layer), self-contained and with ``--cdn``.
Brotli sizes need the ``brotli`` package (``pip install brotli``); without
it that column says so.
"""

from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_scale import write_inputs

try:
    import brotli
except ImportError:  # the column says so
    brotli = None


def build(arguments: list[str], output: Path) -> bytes:
    done = subprocess.run([sys.executable, "-m", "handover_map", "build", *arguments, "-o", str(output)], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(done.stderr[-2000:])
    return output.read_bytes()


def sizes(page: bytes) -> str:
    compressed = f"{len(brotli.compress(page)):,}" if brotli else "(no brotli package)"
    return f"{len(page):,} | {len(gzip.compress(page, 9)):,} | {compressed}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1_000, help="synthetic districts (default 1,000)")
    options = parser.parse_args()
    source = os.environ.get("PYTHONPATH") or "the installed handover_map"
    print(f"pages built by {source}\n\n| page | raw bytes | gzip | brotli |\n|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        boundaries, events = write_inputs(options.n, folder)
        synthetic = ["--events", str(events), "--boundaries", str(boundaries), "--name-field", "name", "--context", "none"]
        pages = [
            ("default map, self-contained", []),
            ("default map, --cdn", ["--cdn"]),
            (f"N = {options.n:,} districts, self-contained", synthetic),
            (f"N = {options.n:,} districts, --cdn", [*synthetic, "--cdn"]),
        ]
        for name, arguments in pages:
            print(f"| {name} | {sizes(build(arguments, folder / 'page.html'))} |", flush=True)


if __name__ == "__main__":
    main()
