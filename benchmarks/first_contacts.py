"""First contacts of the blind batches, one by one and pooled: what the rules score on reports they never saw.

    python benchmarks/first_contacts.py [--from 14]

Reads the ``all`` row of each ``results/*-first-contact-hN.txt`` (precision,
recall and event count with the publication date given) and pools the
batches from ``--from`` on: true positives are recall x events, predictions
true positives / precision, each rounded to whole events. No report text is
needed: the figures are the ones each batch's results file recorded on the
commit it names, before any rule was written for that batch.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "real_reports" / "results"
_BATCH = re.compile(r"-first-contact-h(\d+)\.txt$")


def first_contacts(results: Path = RESULTS) -> list[tuple[int, float, float, int]]:
    """(batch number, precision, recall, events) of each numbered batch's first contact, in batch order."""
    found = []
    for path in results.glob("*-first-contact-h*.txt"):
        batch = _BATCH.search(path.name)
        if batch is None:
            continue
        row = next(line.split() for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("all "))
        found.append((int(batch[1]), float(row[1]), float(row[2]), int(row[4])))
    return sorted(found)


def pooled(batches: list[tuple[int, float, float, int]]) -> tuple[int, float, float, float]:
    """Events, precision, recall and F1 of the batches taken as one."""
    true = predicted = events = 0
    for _, precision, recall, count in batches:
        hits = round(recall * count)
        true += hits
        predicted += round(hits / precision) if precision else 0
        events += count
    precision, recall = true / predicted, true / events
    return events, precision, recall, 2 * precision * recall / (precision + recall)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="first", type=int, default=2, help="the first batch pooled (default: 2)")
    first = parser.parse_args().first
    batches = [b for b in first_contacts() if b[0] >= first]
    for number, precision, recall, count in batches:
        print(f"h{number:<4} {count:5} events  P {precision:.3f}  R {recall:.3f}")
    events, precision, recall, f1 = pooled(batches)
    print(f"pooled h{first} to h{batches[-1][0]}: {len(batches)} batches, {events:,} events, P {precision:.3f}, R {recall:.3f}, F1 {f1:.3f}")


if __name__ == "__main__":
    main()
