"""Default `handover-map build`, end to end, against the bare import of geopandas and folium.

    python benchmarks/build_time.py [--runs 7]

Both are timed as fresh processes in the same run, alternating, after one
warm-up of each (which also fills the download and derived caches, and writes
the package's bytecode even where PYTHONDONTWRITEBYTECODE is set: the
libraries of the bare import have theirs from their install, and an editable
install of this package would otherwise be compiled anew on every run).
Prints medians and their ratio. Set HANDOVER_MAP_DATA_DIR on machines without internet.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(command: list[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    output = Path(tempfile.mkdtemp()) / "map.html"
    bare = [sys.executable, "-c", "import geopandas, folium"]
    build = [sys.executable, "-m", "handover_map", "build", "-o", str(output)]
    writing_bytecode = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    timed(bare), timed(build, writing_bytecode)
    imports, builds = [], []
    for _ in range(runs):
        imports.append(timed(bare))
        builds.append(timed(build))
    i, b = statistics.median(imports), statistics.median(builds)
    print(f"bare import of geopandas and folium: median {i:.2f} s over {runs} runs")
    print(f"handover-map build (default map):    median {b:.2f} s over {runs} runs")
    print(f"ratio: {b / i:.2f}x")


if __name__ == "__main__":
    main()
