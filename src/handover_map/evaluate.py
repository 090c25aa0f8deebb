"""Score extraction against a labelled corpus: precision, recall, F1.

A corpus is a TOML file listing articles, the boundaries to search and the
expected events as ``[district, kind, date]``; synthetic boundary sets may be
defined in it as squares (see ``tests/articles/corpus.toml``). Districts are
compared by the boundary feature they resolve to, so spellings do not matter.
"""

from __future__ import annotations

import datetime as dt
import tomllib
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import shapely

from . import settings, sources
from .article import date_from_address, read_article
from .boundaries import load_boundaries
from .extract import extract_events
from .gazetteer import Gazetteer, read_aliases
from .places import reference_places
from .reading import read_report

Key = tuple[str, str, str]  # (boundary name, kind, ISO date)


def _scored_kind(kind: str) -> str:
    """The kind as the labels write it: they mark every change of control ``completed``, a capture
    included, so a ``captured`` event is scored as one (whether force was told is not labelled)."""
    return "completed" if kind in settings.CONTROL_CHANGES else kind


@dataclass
class ArticleScore:
    """What was expected, found, and which found events were right."""

    file: str
    expected: set[Key]
    found: set[Key]

    @property
    def true_positives(self) -> set[Key]:
        return self.expected & self.found


@dataclass
class CorpusScore:
    """Micro-averaged scores over all articles."""

    articles: list[ArticleScore] = field(default_factory=list)

    def _count(self, attribute: str) -> int:
        return sum(len(getattr(a, attribute)) for a in self.articles)

    @property
    def precision(self) -> float:
        found = self._count("found")
        return self._count("true_positives") / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self._count("expected")
        return self._count("true_positives") / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _synthetic_boundaries(spec: dict, folder: Path, name: str) -> Path:
    half = spec.get("half_size", 0.05)
    frame = gpd.GeoDataFrame(
        {spec["name_field"]: [f[0] for f in spec["features"]]},
        geometry=[shapely.box(lon - half, lat - half, lon + half, lat + half) for _, lon, lat in spec["features"]],
        crs="EPSG:4326",
    ).to_crs(spec["crs"])
    path = folder / f"{name}.gpkg"
    frame.to_file(path)
    return path


def score_corpus(corpus: str | Path, workdir: str | Path) -> CorpusScore:
    """Extract every article of a corpus and compare with its labels.

    Parameters
    ----------
    corpus
        The corpus TOML file; article paths are relative to it.
    workdir
        A folder for synthetic boundary files.
    """
    corpus = Path(corpus)
    spec = tomllib.loads(corpus.read_text(encoding="utf-8"))
    gazetteers: dict[str, tuple[Gazetteer, dict[str, str], frozenset[str]]] = {}
    result = CorpusScore()
    for entry in spec["article"]:
        boundaries = entry["boundaries"]
        if boundaries not in gazetteers:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                if boundaries in spec.get("boundaries", {}):
                    synthetic = spec["boundaries"][boundaries]
                    frame = load_boundaries(_synthetic_boundaries(synthetic, Path(workdir), boundaries), synthetic["name_field"])
                else:
                    path, source = sources.resolve(boundaries)
                    frame = load_boundaries(path, source.name_field if source else None)
                capitals, seats = reference_places(frame)
            gazetteers[boundaries] = (Gazetteer(list(frame["name"]), read_aliases()), capitals, seats)
        gazetteer, capitals, seats = gazetteers[boundaries]
        extraction = extract_events(read_article(corpus.parent / entry["file"]), gazetteer, capitals=capitals, government_seats=seats)
        expected = {(gazetteer.match(d).boundary_name, k, day) for d, k, day in entry["expected"]}
        found = {(gazetteer.match(e.district).boundary_name, _scored_kind(e.kind), e.date.isoformat()) for e in extraction.events}
        result.articles.append(ArticleScore(entry["file"], expected, found))
    return result


@dataclass
class ReportScore:
    """One real report: its labels, what extraction found, and the publication date it read."""

    id: str
    language: str
    batch: str
    expected: set[Key]
    found: set[Key]
    published: str
    published_found: str | None
    #: Of the roles (giver, taker) the labels fill on events found right: how many, and how many the tool filled right.
    roles_labelled: int = 0
    roles_right: int = 0

    @property
    def true_positives(self) -> set[Key]:
        return self.expected & self.found


@dataclass
class Tally:
    """Counts for micro-averaged precision, recall and F1."""

    expected: int = 0
    found: int = 0
    right: int = 0

    def add(self, expected: set[Key], found: set[Key]) -> None:
        self.expected += len(expected)
        self.found += len(found)
        self.right += len(expected & found)

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def read_labels(folder: str | Path, batches: list[str] | None = None) -> list[dict]:
    """The labelled reports of every ``<batch>.toml`` in ``folder`` (or only ``batches``)."""
    reports = []
    for path in sorted(Path(folder).glob("*.toml")):
        if batches and path.stem not in batches:
            continue
        for report in tomllib.loads(path.read_text(encoding="utf-8"))["report"]:
            reports.append({**report, "batch": path.stem})
    return reports


def score_reports(reports: list[dict], texts: str | Path, *, published_from: str) -> list[ReportScore]:
    """Extract each labelled report from ``texts/<id>.txt`` and compare with its labels.

    Parameters
    ----------
    reports
        From :func:`read_labels`: each with ``id``, ``boundaries``,
        ``published`` and ``events`` as ``[place, kind, date, from, to, as written]``.
    texts
        The folder holding the reports' texts (kept out of the repository).
    published_from
        ``"label"``: pass the true publication date, as a user would with
        ``--published``; ``"page"``: pass the date of the page's metadata
        where the stored copy had one, else the day in the page's address (as a
        saved web page carries both), else let the tool find it; ``"text"``: the tool finds it in the text alone.
    """
    prepared: dict[str, tuple[Gazetteer, dict[str, str], frozenset[str]]] = {}
    scores = []
    for report in reports:
        boundaries = report["boundaries"]
        if boundaries not in prepared:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                path, source = sources.resolve(boundaries)
                frame = load_boundaries(path, source.name_field if source else None)
                capitals, seats = reference_places(frame)
            prepared[boundaries] = (Gazetteer(list(frame["name"]), read_aliases()), capitals, seats)
        gazetteer, capitals, seats = prepared[boundaries]
        given = {"label": report["published"], "page": report.get("meta_date", ""), "text": ""}[published_from]
        published = dt.date.fromisoformat(given) if len(given) == 10 else None
        if published_from == "page" and published is None:
            published = date_from_address(report["url"])  # a saved page keeps its address
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            article = read_article(Path(texts) / f"{report['id']}.txt", published=published)
            extraction = read_report(article, gazetteer, capitals=capitals, government_seats=seats)
        expected = {(place, kind, day) for place, kind, day, *_ in report["events"]}
        found, roles = set(), {}
        for event in extraction.events:
            key = (event.district, _scored_kind(event.kind), event.date.isoformat())
            if key not in expected and event.kind == "scheduled" and (event.district, "postponed", key[2]) in expected:
                continue  # the date put off was announced: the tool's table keeps both, as geodata/events does
            found.add(key)
            roles[key] = (event.from_, event.to)
        labelled = right = 0
        for place, kind, day, giver, taker, *_ in report["events"]:
            if (place, kind, day) in roles:
                for label, got in zip((giver, taker), roles[(place, kind, day)]):
                    if label:
                        labelled += 1
                        right += label == got
        scores.append(
            ReportScore(
                report["id"],
                report["language"],
                report["batch"],
                expected,
                found,
                report["published"],
                article.published.isoformat() if article.published else None,
                labelled,
                right,
            )
        )
    return scores
