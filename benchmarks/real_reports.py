"""Score extraction on real news reports: precision, recall and F1 by kind, language and batch.

    HANDOVER_MAP_REPORTS_DIR=/path/to/texts python benchmarks/real_reports.py [--batch kar-en ...] [--details]

The labels (URL, outlet, publication date, events) are in benchmarks/real_reports/*.toml,
made by hand before the tool ran on the texts. The texts are third-party and never
enter the repository: the folder named by HANDOVER_MAP_REPORTS_DIR holds one
``<id>.txt`` per report. Each report is scored three times: with its true publication
date (as with ``--published``); with the date the stored page's metadata gave,
where it gave one (as a saved web page carries it), else as found by the tool;
and from the text alone (the tool finds the date itself). Reports whose text the
folder lacks are left out, and how many is said on stderr.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import defaultdict
from pathlib import Path

from handover_map.evaluate import ReportScore, Tally, read_labels, score_reports

LABELS = Path(__file__).resolve().parent / "real_reports"
KINDS = ("completed", "scheduled", "postponed")


def _table(scores: list[ReportScore]) -> dict[str, Tally]:
    tallies: dict[str, Tally] = defaultdict(Tally)
    for score in scores:
        for group in ("all", f"kind:{''}", f"lang:{score.language}", f"batch:{score.batch}"):
            if group.startswith("kind:"):
                for kind in KINDS:
                    tallies[f"kind:{kind}"].add({k for k in score.expected if k[1] == kind}, {k for k in score.found if k[1] == kind})
            else:
                tallies[group].add(score.expected, score.found)
    return tallies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--batch", action="append", help="only this batch (repeatable)")
    parser.add_argument("--details", action="store_true", help="list missed and extra events per report")
    args = parser.parse_args()
    texts = os.environ.get("HANDOVER_MAP_REPORTS_DIR")
    if not texts or not Path(texts).is_dir():
        sys.exit("Set HANDOVER_MAP_REPORTS_DIR to the folder of report texts (<id>.txt).")
    labelled = read_labels(LABELS, args.batch)
    # Scored on the reports whose texts the folder holds (a machine may hold only some of them).
    reports = [r for r in labelled if (Path(texts) / f"{r['id']}.txt").is_file()]
    if not reports:
        sys.exit(f"None of the {len(labelled)} labelled reports has its text in {texts}.")
    if len(reports) < len(labelled):
        print(f"{len(labelled) - len(reports)} of {len(labelled)} labelled reports have no text in the folder: scored without them.", file=sys.stderr)
    runs = {name: score_reports(reports, texts, published_from=source) for name, source in (("with date", "label"), ("page", "page"), ("without", "text"))}
    if args.details:
        for score in runs["with date"]:
            missed, extra = sorted(score.expected - score.found), sorted(score.found - score.expected)
            if missed or extra:
                print(f"{score.id}")
                for key in missed:
                    print(f"   missed {key}")
                for key in extra:
                    print(f"   extra  {key}")
    tables = {name: _table(scores) for name, scores in runs.items()}
    print(f"{len(reports)} reports, {sum(len(s.expected) for s in runs['with date'])} labelled events\n")
    print(f"{'':18} {'with --published':>26}   {'page date, address':>20}   {'text alone':>20}")
    print(f"{'':18} {'P':>6} {'R':>6} {'F1':>6} {'n':>4}   {'P':>6} {'R':>6} {'F1':>6}   {'P':>6} {'R':>6} {'F1':>6}")
    for group in sorted(tables["with date"], key=lambda g: (g != "all", g)):
        cells = "   ".join(
            f"{t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f}" + (f" {t.expected:4}" if name == "with date" else "")
            for name, t in ((name, tables[name][group]) for name in runs)
        )
        print(f"{group:18} {cells}")
    dated = [s for s in runs["without"] if s.published]
    right = sum(s.published_found == s.published for s in dated)
    missing = sum(s.published_found is None for s in dated)
    print(f"\npublication date found right in {right} of {len(dated)} reports, none in {missing}, wrong in {len(dated) - right - missing}")
    roles = sum(s.roles_labelled for s in runs["with date"])
    print(f"parties (from, to) right on events found: {sum(s.roles_right for s in runs['with date'])} of {roles} labelled roles")
    empty = [s for s in runs["with date"] if not s.expected]
    print(f"reports with no events: {len(empty)}, of which {sum(1 for s in empty if s.found)} got an event")


if __name__ == "__main__":
    main()
