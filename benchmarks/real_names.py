"""How real reports' spellings of places resolve: the names as their writers wrote them.

    python benchmarks/real_names.py [--misses] [--batch h50a-en ...]

Every labelled event of ``benchmarks/real_reports/*.toml`` keeps the report's
own words for its place ("Pol-e Alam", "Фолклендских островов", "Tiran et
Sanafir", "the peninsula"). Each is looked up as extraction looks places up
in a sentence (:func:`handover_map.reading.place_finder`, with the boundary
file's capitals), twice: with the alias table (``geodata/aliases.csv``), and
with the rules alone (spelling, sound, inflection, capitals), which is what
a boundary file without hand-made aliases gets. A spelling is *right* when a
place found in it names the labelled feature alone, *wrong* when it names
another feature alone, and *none* otherwise (nothing found, or a name that
could be several features). Counted per labelled event, so a spelling
written in many reports counts as often. No report text is needed: the
spellings are in the labels.

Some of the report's words are descriptions that no name lookup can resolve
("the islands", "37% of the Cypriot territory"): they count as *none* for
every rule set, so the figures compare rule sets, not the tool with a reader.
"""

from __future__ import annotations

import argparse
import tomllib
import warnings
from collections import Counter
from pathlib import Path

from handover_map import load_boundaries, read_aliases, sources
from handover_map.gazetteer import Gazetteer
from handover_map.lexicon import load
from handover_map.places import PlaceFinder, reference_places
from handover_map.reading import place_finder

LABELS = Path(__file__).resolve().parent / "real_reports"
OUTCOMES = ("right", "wrong", "none")


def spellings(folder: Path = LABELS, batches: list[str] | None = None) -> list[tuple[str, str, str, str]]:
    """(boundary source, language, labelled feature, the report's spelling) of every labelled event."""
    rows = []
    for path in sorted(folder.glob("*.toml")):
        if batches and path.stem not in batches:
            continue
        for report in tomllib.loads(path.read_text(encoding="utf-8")).get("report", []):
            rows += [(report["boundaries"], report["language"], event[0], event[-1]) for event in report["events"]]
    return rows


def outcome(finder: PlaceFinder, feature: str, written: str) -> str:
    """``right``, ``wrong`` or ``none``: what the places found in ``written`` name (see the module's docstring)."""
    named = [place.features for place in finder.find(written) if len(place.features) == 1]
    if any(feature in features for features in named):
        return "right"
    return "wrong" if named else "none"


def _finders(source: str, with_aliases: bool) -> dict[str, PlaceFinder]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        path, described = sources.resolve(source)
        frame = load_boundaries(path, described.name_field if described else None)
        capitals, _ = reference_places(frame)
    gazetteer = Gazetteer(list(frame["name"]), read_aliases() if with_aliases else {})
    return {language: place_finder(gazetteer, load(language), capitals) for language in ("en", "fr", "de", "ru")}


def tally(rows: list[tuple[str, str, str, str]], with_aliases: bool) -> tuple[Counter[tuple[str, str]], list[tuple[str, str, str, str, str]]]:
    """Outcomes counted by (group, outcome), groups ``all``, ``lang:xx`` and ``source:name``; and every row not right, with its outcome."""
    finders: dict[str, dict[str, PlaceFinder]] = {}
    counts: Counter[tuple[str, str]] = Counter()
    misses = []
    for source, language, feature, written in rows:
        if source not in finders:
            finders[source] = _finders(source, with_aliases)
        found = outcome(finders[source][language], feature, written)
        for group in ("all", f"lang:{language}", f"source:{source}"):
            counts[group, found] += 1
        if found != "right":
            misses.append((found, source, language, feature, written))
    return counts, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--batch", action="append", help="only this label file (its name without .toml; repeatable)")
    parser.add_argument("--misses", action="store_true", help="list the spellings not resolved right, with the alias table")
    args = parser.parse_args()
    rows = spellings(batches=args.batch)
    with_table, misses = tally(rows, with_aliases=True)
    rules_only, _ = tally(rows, with_aliases=False)
    print(f"{len(rows)} labelled events, {len(set(rows))} distinct (boundaries, language, feature, spelling)\n")
    print(f"{'group':36} {'with the alias table':>28}   {'rules alone':>28}")
    print(f"{'':36} {'right':>8} {'wrong':>6} {'none':>6} {'share':>6}   {'right':>8} {'wrong':>6} {'none':>6} {'share':>6}")
    groups = sorted({group for group, _ in with_table}, key=lambda g: (g != "all", g))
    for group in groups:
        cells = []
        for counts in (with_table, rules_only):
            total = sum(counts[group, o] for o in OUTCOMES)
            cells.append(" ".join(f"{counts[group, o]:>{8 if o == 'right' else 6}}" for o in OUTCOMES) + f" {counts[group, 'right'] / total:>6.3f}")
        print(f"{group:36} {cells[0]}   {cells[1]}")
    if args.misses:
        print("\nNot resolved right with the alias table (outcome, source, language, labelled feature, spelling, events):")
        for (found, source, language, feature, written), times in sorted(Counter(misses).items()):
            print(f"  {found:5} {source:28} {language} {feature!r:28} {written!r} x{times}")


if __name__ == "__main__":
    main()
