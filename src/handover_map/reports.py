"""Many reports, one events table: which files, which dates, whose words.

A story of handovers is told over days, by several reports. This module
turns the events read from each report into one table:

- :func:`report_files` lists the reports named on the command line, a
  folder standing for the reports in it;
- :func:`published_dates` gives each report the publication date the user
  set for it, if any;
- :func:`~handover_map.article.citation` names a report for publication: outlet or site, headline,
  publication date and the page's own address, never a file or folder of the
  user's;
- :func:`merge_reports` makes the same event from several reports one row
  citing them all, and marks reports that disagree on a date, keeping both.

Several reports in one cell (``source``, ``evidence``) are separated by
:data:`SEPARATOR`, which no citation holds (a ``|`` in a site's name or a
headline is written ``/``, in an address ``%7C``).
"""

from __future__ import annotations

import datetime as dt
import os
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import settings
from ._errors import HandoverMapWarning, InputDataError, OptionError
from .events import Event, excerpt

if TYPE_CHECKING:
    from .reading import Extraction


def __getattr__(name: str) -> object:
    """:func:`~handover_map.article.citation` and :func:`~handover_map.article.one_report`,
    which this module cites and merges with, loaded on first use: a map from a table
    needs no article reader (lxml, charset detection)."""
    if name not in ("citation", "one_report"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from . import article

    return getattr(article, name)


#: Between the reports of one cell: ``source`` and ``evidence`` of a row that several reports give.
SEPARATOR = " | "

#: Files of a folder that are read as reports (by name, case aside); others are skipped with a warning.
REPORT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml")

#: Kinds whose differing dates in reports of different days are the normal
#: course of a story (a later report announces a new date), not a disagreement.
_ANNOUNCED = frozenset({"scheduled", "postponed"})


def report_files(paths: Sequence[str | Path]) -> list[Path]:
    """The report files that ``paths`` name: a file stands for itself, a folder
    for its ``.txt`` and ``.html`` files (by name, not those in its subfolders,
    nor hidden ones). A file named twice is read once.

    Raises
    ------
    InputDataError
        If no path is given, or a folder holds no report.
    """
    if not paths:
        raise InputDataError("No report given.", hint="give one or more .txt or saved .html files, or a folder of them.")
    found: list[Path] = []
    for given in map(Path, paths):
        if not given.is_dir():
            found.append(given)
            continue
        try:
            entries = sorted((entry for entry in given.iterdir() if not entry.name.startswith(".")), key=lambda entry: entry.name)
        except OSError as error:
            raise InputDataError(f"Cannot list the folder of reports '{given}': {error.strerror or error}.", hint="check its permissions.") from None
        reports = [entry for entry in entries if entry.is_file() and entry.suffix.lower() in REPORT_SUFFIXES]
        skipped = [entry.name for entry in entries if entry not in reports and not entry.is_dir()]
        if not reports:
            raise InputDataError(f"The folder '{given}' holds no report.", hint=f"put the reports in it as {', '.join(REPORT_SUFFIXES)} files.")
        if skipped:
            listed = ", ".join(excerpt(name, 40) for name in skipped[:5]) + (", ..." if len(skipped) > 5 else "")
            warnings.warn(
                f"Skipping {len(skipped)} file(s) of '{given.name}' that are not {', '.join(REPORT_SUFFIXES)} reports: {listed}.",
                HandoverMapWarning,
                stacklevel=2,
            )
        found += reports
    unique: dict[str, Path] = {}
    for path in found:
        unique.setdefault(os.path.realpath(path), path)
    return list(unique.values())


def published_dates(files: Sequence[Path], published: dt.date | Mapping[str | Path, dt.date] | None) -> list[dt.date | None]:
    """The publication date set for each report, None where the report's own is used.

    Parameters
    ----------
    files
        The reports, from :func:`report_files`.
    published
        One date (for one report only), or {report: date}, a report named by
        its path or by its file name.

    Raises
    ------
    OptionError
        If one date is given for several reports, or a name is no report's,
        or the file name of several.
    """
    if published is None:
        return [None] * len(files)
    if isinstance(published, dt.date):
        if len(files) > 1:
            raise OptionError(
                f"--published DATE sets the date of one report, and {len(files)} are given.",
                hint="write --published FILE=YYYY-MM-DD for each report whose own date is wrong.",
            )
        return [published]
    dates: list[dt.date | None] = [None] * len(files)
    real = [os.path.realpath(path) for path in files]
    for name, day in published.items():
        matches = [i for i, path in enumerate(files) if real[i] == os.path.realpath(name) or path.name == str(name)]
        if not matches:
            raise OptionError(
                f"--published names '{excerpt(str(name))}', which is none of the reports.", hint="write --published FILE=YYYY-MM-DD with a report's file name."
            )
        if len({real[i] for i in matches}) > 1:
            raise OptionError(f"--published names '{excerpt(str(name))}', the file name of several reports.", hint="write the report's path instead.")
        for i in matches:
            dates[i] = day
    return dates


def split_sources(source: str) -> list[str]:
    """The reports a ``source`` cell cites, in order (see :data:`SEPARATOR`).

    >>> split_sources("AFP, Kalbajar handed over, 2020-11-25 | TASS, Lachin, 2020-12-01")
    ['AFP, Kalbajar handed over, 2020-11-25', 'TASS, Lachin, 2020-12-01']
    """
    return [part.strip() for part in source.split("|") if part.strip()]


@dataclass
class Reports:
    """Several reports read into one table.

    ``extractions`` and ``names`` (file names, never folders) are in the
    order the reports were given; ``citations`` are what the table's
    ``source`` cites for each; ``events`` the merged table (see
    :func:`merge_reports`).
    """

    extractions: list[Extraction]
    names: list[str]
    citations: list[str]
    events: list[Event] = field(default_factory=list)
    #: The report files as given (for the library's own checks; never written out).
    files: list[Path] = field(default_factory=list)

    def report(self) -> list[dict[str, object]]:
        """The review report of each report, as JSON-ready data: its file name,
        its citation, and what was found but not used (see
        :meth:`~handover_map.reading.Extraction.report`)."""
        return [
            {"file": name, "source": cited, "events": sum(cited in split_sources(e.source) for e in self.events), **extraction.report()}
            for name, cited, extraction in zip(self.names, self.citations, self.extractions, strict=True)
        ]


def cite_reports(extractions: Sequence[Extraction], names: Sequence[str], files: Sequence[Path] = ()) -> Reports:
    """Cite each report (:func:`citation`; two reports that would be cited
    alike get "(report N)", N their place in the list) and merge their events."""
    from .article import citation  # the article reader loads only when there are reports

    cited = [citation(extraction.article) for extraction in extractions]
    citations = [f"{text} (report {i + 1})" if cited.count(text) > 1 else text for i, text in enumerate(cited)]
    reports = Reports(list(extractions), list(names), citations, files=list(files))
    published = [extraction.article.published for extraction in extractions]
    reports.events = merge_reports(
        [(cite, [replace(e, source=cite) for e in x.events], day) for cite, x, day in zip(citations, extractions, published, strict=True)]
    )
    return reports


@dataclass
class _Row:
    """Events of several reports that are one event."""

    first: Event
    reports: list[int]
    events: list[Event]
    from_: str
    to: str


def _compatible(a: str, b: str) -> bool:
    return not a or not b or a == b


def merge_reports(reports: Sequence[tuple[str, Sequence[Event], dt.date | None]]) -> list[Event]:
    """One table from the events of several reports.

    Parameters
    ----------
    reports
        For each report: its citation, its events, and its publication date
        (None if unknown).

    Returns
    -------
    list[Event]
        Sorted by date, district and kind (in the order of :data:`settings.EVENT_KINDS`),
        then by report. Reports are taken in order of publication (unknown
        dates last, then in the order given):

        - the same event (district, kind and date, with no disagreement on
          who gives or takes) from several reports is one row: ``source``
          cites each report, ``evidence`` quotes each report's sentence, in
          the same order, separated by :data:`SEPARATOR`; who gives and who
          takes are the first reports' that say so; offsets, ``as_written``
          and ``match`` are the first report's;
        - reports that disagree on a date keep a row each, and each of those
          rows lists every date given in ``reports_differ`` (``2020-11-24 |
          2020-11-25``): a handover (``completed``) on different dates in
          different reports, or an announced date (``scheduled``,
          ``postponed``) that differs between reports of the same day. A later
          report announcing a new date is the story going on, not a
          disagreement; nor is a report that gives both dates itself.
    """
    order = sorted(range(len(reports)), key=lambda i: (reports[i][2] is None, reports[i][2] or dt.date.min, i))
    rows: list[_Row] = []
    by_key: dict[tuple[str, str, dt.date], list[_Row]] = {}
    for i in order:
        cited, events, _ = reports[i]
        for event in events:
            key = (event.district, event.kind, event.date)
            row = next((r for r in by_key.get(key, []) if _compatible(r.from_, event.from_) and _compatible(r.to, event.to)), None)
            if row is None:
                row = _Row(event, [], [], event.from_, event.to)
                rows.append(row)
                by_key.setdefault(key, []).append(row)
            elif any(reports[j][0] == cited for j in row.reports):
                continue  # the same report twice (the same page under two names)
            row.reports.append(i)
            row.events.append(event)
            row.from_, row.to = row.from_ or event.from_, row.to or event.to
    published = [day for _, _, day in reports]
    differ = _disagreements(rows, published)
    kinds = settings.EVENT_KINDS
    rank = {report: place for place, report in enumerate(order)}
    rows.sort(key=lambda r: (r.first.date, r.first.district, kinds.index(r.first.kind) if r.first.kind in kinds else len(kinds), rank[r.reports[0]]))
    return [_merged(row, differ.get(id(row), "")) for row in rows]


def _disagreements(rows: list[_Row], published: list[dt.date | None]) -> dict[int, str]:
    """{id(row): the dates it disagrees with, its own included} for rows that disagree."""
    groups: dict[tuple[str, str], list[_Row]] = {}
    for row in rows:
        groups.setdefault((row.first.district, row.first.kind), []).append(row)
    dates: dict[int, set[dt.date]] = {}
    for group in groups.values():
        if len({i for row in group for i in row.reports}) < 2:
            continue  # one report: what it says of its own dates is no disagreement
        for a in group:
            for b in group:
                if a.first.date == b.first.date or not (_compatible(a.from_, b.from_) and _compatible(a.to, b.to)) or set(a.reports) & set(b.reports):
                    continue
                if a.first.kind in _ANNOUNCED and not {published[i] for i in a.reports} & {published[i] for i in b.reports} - {None}:
                    continue
                dates.setdefault(id(a), {a.first.date}).add(b.first.date)
    return {key: SEPARATOR.join(day.isoformat() for day in sorted(days)) for key, days in dates.items()}


def _merged(row: _Row, reports_differ: str) -> Event:
    if len(row.events) == 1:
        return replace(row.first, from_=row.from_, to=row.to, reports_differ=reports_differ)
    from .article import one_report  # rows of several reports: the article reader is loaded by then

    notes = list(dict.fromkeys(e.note for e in row.events if e.note))
    return replace(
        row.first,
        from_=row.from_,
        to=row.to,
        source=SEPARATOR.join(e.source for e in row.events),
        evidence=SEPARATOR.join(one_report(e.evidence) for e in row.events),
        note=SEPARATOR.join(notes),
        reports_differ=reports_differ,
    )
