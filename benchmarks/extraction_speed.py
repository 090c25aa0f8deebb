"""Time event extraction on a 5,000-word article.

    python benchmarks/extraction_speed.py

The article is assembled from the test corpus (every paragraph of every
article, repeated until 5,000 words), so it is full of places, dates and
handover wording: a hard case. Prints the median and the fastest of 20 runs,
wall clock and CPU time of the process (on a shared machine the fastest run and
the CPU time are the least disturbed by other work), and the time to read the
boundaries and build the gazetteer (done once per run of the CLI).
"""

from __future__ import annotations

import statistics
import time
import warnings
from pathlib import Path

from handover_map import load_boundaries, read_aliases, sources
from handover_map.article import parse_article
from handover_map.extract import extract_events
from handover_map.gazetteer import Gazetteer

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    paragraphs = [p for f in sorted((REPO / "tests" / "articles").glob("*.txt")) for p in f.read_text(encoding="utf-8", errors="replace").split("\n\n")]
    words, chosen = 0, []
    while words < 5000:
        for paragraph in paragraphs:
            chosen.append(paragraph)
            words += len(paragraph.split())
            if words >= 5000:
                break
    text = "\n\n".join(chosen)
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        path, source = sources.resolve("geoboundaries-aze-adm2")
        frame = load_boundaries(path, source.name_field)
    gazetteer = Gazetteer(list(frame["name"]), read_aliases())
    setup = time.perf_counter() - start
    timings, cpu = [], []
    for _ in range(20):
        start, start_cpu = time.perf_counter(), time.process_time()
        article = parse_article(text, location="benchmark.txt")
        events = extract_events(article, gazetteer).events
        timings.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    print(f"article: {len(text.split()):,} words, {len(text):,} characters; {len(events)} events found")
    print(
        f"extraction: median {statistics.median(timings) * 1000:.1f} ms, min {min(timings) * 1000:.1f} ms, max {max(timings) * 1000:.1f} ms, "
        f"CPU median {statistics.median(cpu) * 1000:.1f} ms over {len(timings)} runs"
    )
    print(f"boundaries + gazetteer (once per command): {setup * 1000:.0f} ms")


if __name__ == "__main__":
    main()
