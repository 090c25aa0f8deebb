"""Time event extraction on a 5,000-word article.

    python benchmarks/extraction_speed.py
    python benchmarks/extraction_speed.py --compare ../wt-base5831827 --pairs 5

The article is assembled from the test corpus (every paragraph of every
article, repeated until 5,000 words), so it is full of places, dates and
handover wording: a hard case. Prints the median and the fastest of 20 runs,
wall clock and CPU time of the process (on a shared machine the fastest run and
the CPU time are the least disturbed by other work), and the time to read the
boundaries and build the gazetteer (done once per run of the CLI).

``--compare TREE`` measures another source tree (a folder holding
``src/handover_map``, such as a worktree of an older commit) against this one
on the same article: each in its own process, alternately (the order swapped
every pair), so that both meet the same load of a shared machine. It prints
each pair and the ratios of the other tree's figures to this one's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def article_text() -> str:
    """About 5,000 words from the test corpus's paragraphs, in order, repeated as needed."""
    paragraphs = [p for f in sorted((REPO / "tests" / "articles").glob("*.txt")) for p in f.read_text(encoding="utf-8", errors="replace").split("\n\n")]
    words, chosen = 0, []
    while words < 5000:
        for paragraph in paragraphs:
            chosen.append(paragraph)
            words += len(paragraph.split())
            if words >= 5000:
                break
    return "\n\n".join(chosen)


def measure(text: str, runs: int) -> dict[str, float | int | str]:
    """Wall-clock and CPU times of ``runs`` extractions of ``text`` (seconds), with the set-up time."""
    import handover_map
    from handover_map import load_boundaries, read_aliases, sources
    from handover_map.article import parse_article
    from handover_map.extract import extract_events
    from handover_map.gazetteer import Gazetteer

    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        path, source = sources.resolve("geoboundaries-aze-adm2")
        frame = load_boundaries(path, source.name_field)
    gazetteer = Gazetteer(list(frame["name"]), read_aliases())
    setup = time.perf_counter() - start
    timings, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        # Dated as a user dates a copy that gives no date of its own (--published): every date then counts.
        article = parse_article(text, location="benchmark.txt", published=dt.date(2020, 11, 25))
        events = extract_events(article, gazetteer).events
        timings.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return {
        "median": statistics.median(timings),
        "min": min(timings),
        "max": max(timings),
        "cpu": statistics.median(cpu),
        "events": len(events),
        "setup": setup,
        "package": str(Path(handover_map.__file__).resolve().parent),
    }


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def compare(other: Path, pairs: int, runs: int) -> None:
    """Measure ``other`` (a source tree) against this tree, alternately, in separate processes."""
    trees = {"other": other.resolve(), "this": REPO}
    for name, tree in trees.items():
        if not (tree / "src" / "handover_map").is_dir():
            sys.exit(f"{tree} holds no src/handover_map ({name} tree).")
    results: dict[str, list[dict]] = {"other": [], "this": []}
    with tempfile.TemporaryDirectory() as work:
        article = Path(work) / "article.txt"
        article.write_text(article_text(), encoding="utf-8")
        for pair in range(pairs):
            order = ("other", "this") if pair % 2 == 0 else ("this", "other")
            for name in order:
                environment = {**os.environ, "PYTHONPATH": str(trees[name] / "src")}
                command = [sys.executable, str(Path(__file__).resolve()), "--text", str(article), "--runs", str(runs), "--json"]
                result = json.loads(subprocess.run(command, env=environment, check=True, capture_output=True, text=True).stdout)
                if Path(result["package"]) != trees[name] / "src" / "handover_map":
                    sys.exit(f"the {name} run imported another copy of handover_map; is it installed without -e?")
                results[name].append(result)
            old, new = results["other"][-1], results["this"][-1]
            print(
                f"pair {pair + 1} ({' then '.join(order)}): other median {_ms(old['median'])} ms, min {_ms(old['min'])}, CPU {_ms(old['cpu'])}"
                f" | this median {_ms(new['median'])} ms, min {_ms(new['min'])}, CPU {_ms(new['cpu'])}"
                f" | other/this {old['median'] / new['median']:.2f}x median, {old['min'] / new['min']:.2f}x min, {old['cpu'] / new['cpu']:.2f}x CPU",
                flush=True,
            )
    print(f"events found: other {results['other'][0]['events']}, this {results['this'][0]['events']}")
    for key, label in (("median", "median"), ("min", "fastest run"), ("cpu", "CPU median")):
        ratios = [old[key] / new[key] for old, new in zip(results["other"], results["this"])]
        print(
            f"{label:12}: other {_ms(statistics.median(r[key] for r in results['other']))} ms, this {_ms(statistics.median(r[key] for r in results['this']))} ms"
            f" (medians over {pairs} pairs); other/this per pair {min(ratios):.2f}-{max(ratios):.2f}x, median {statistics.median(ratios):.2f}x"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="extractions per measurement (default 20)")
    parser.add_argument("--compare", type=Path, metavar="TREE", help="another source tree (holding src/handover_map) to measure against this one")
    parser.add_argument("--pairs", type=int, default=5, help="with --compare: alternating pairs of runs (default 5)")
    parser.add_argument("--text", type=Path, help=argparse.SUPPRESS)  # --compare's child processes: the article to read
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # --compare's child processes: figures as JSON
    args = parser.parse_args()
    if args.compare:
        compare(args.compare, args.pairs, args.runs)
        return
    text = args.text.read_text(encoding="utf-8") if args.text else article_text()
    result = measure(text, args.runs)
    if args.json:
        print(json.dumps(result))
        return
    print(f"article: {len(text.split()):,} words, {len(text):,} characters; {result['events']} events found")
    print(
        f"extraction: median {_ms(result['median'])} ms, min {_ms(result['min'])} ms, max {_ms(result['max'])} ms, "
        f"CPU median {_ms(result['cpu'])} ms over {args.runs} runs"
    )
    print(f"boundaries + gazetteer (once per command): {result['setup'] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
