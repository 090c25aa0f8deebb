"""A story folder: reports added one by one, a reviewed table, one map.

A handover is a story told over days. A story folder keeps what a map of it
needs, so that each new report is one command and the map another:

``story.toml``
    the story's settings (title, boundaries, name field, ...) and its
    reports, each with the publication date set for it, if any; readable
    and editable (:func:`init_story` writes it, :func:`read_settings` reads it);
``reports/``
    copies of the reports, so the folder is self-contained;
``events.csv``
    the reviewed events table, the source of truth: the events table of
    :mod:`handover_map.events` with a first column, ``review``, that marks
    the rows the machine proposed and no person has looked at yet (``new``,
    or ``updated`` when a new report changed a row); clear it once a row is
    checked, edit or delete rows, add your own;
``.proposed.csv``
    what the machine last proposed, kept to tell a person's edits and
    deletions from machine rows (see :func:`reconcile`);
``map.html``
    the map, written by :func:`build_story`.

Every file is written all or nothing. No file of the folder holds a path of
the user's machine: reports are cited by outlet, headline, date and address,
and files are named relative to the folder.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import tomllib
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import settings, sources
from ._atomic import write_files_atomic
from ._errors import HandoverMapWarning, InputDataError, OutputError
from .events import DELIMITERS, Event, events_csv, excerpt, neutralise, parse_rows, restore
from .reports import published_dates, report_files

#: The files and folder of a story folder.
SETTINGS_FILE = "story.toml"
EVENTS_FILE = "events.csv"
PROPOSED_FILE = ".proposed.csv"
REPORTS_FOLDER = "reports"

#: The reviewed table's first column, and what the machine writes in it.
REVIEW_COLUMN = "review"
NEW = "new"
UPDATED = "updated"

#: Settings whose values are text, in the order ``story.toml`` lists them.
_TEXT_SETTINGS = ("title", "subtitle", "boundaries", "name_field", "layer", "assume_crs", "aliases", "output")


@dataclass
class StoryReport:
    """A report of the story: its file in ``reports/`` and the publication date set for it (None: its own)."""

    file: str
    published: dt.date | None = None


@dataclass
class StorySettings:
    """What ``story.toml`` holds. Empty texts mean the defaults of ``handover-map build``;
    ``boundaries`` and ``aliases`` files are relative to the story folder."""

    title: str = ""
    subtitle: str = ""
    boundaries: str = ""
    name_field: str = ""
    layer: str = ""
    assume_crs: str = ""
    aliases: str = ""
    output: str = "map.html"
    credits: list[str] = field(default_factory=list)
    until: dt.date | None = None
    reports: list[StoryReport] = field(default_factory=list)


def _toml_string(text: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, and DEL must be escaped too."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def settings_toml(story: StorySettings) -> str:
    """The text of ``story.toml`` (which :func:`read_settings` reads back)."""
    lines = ["# A handover-map story: its settings and its reports. Edit freely; `handover-map story --help` says more."]
    notes = {
        "boundaries": "# A source id (`handover-map data list`) or a boundary file relative to this folder; empty: the default case's.",
        "aliases": "# An alias table (CSV: name,alias) relative to this folder; empty: the shipped one.",
        "output": "# The map `handover-map story build` writes, in this folder.",
    }
    for name in _TEXT_SETTINGS:
        if name in notes:
            lines.append(notes[name])
        lines.append(f"{name} = {_toml_string(getattr(story, name))}")
    lines.append(f"credits = [{', '.join(_toml_string(credit) for credit in story.credits)}]")
    lines.append("# The slider's last date when it should go on past the latest report's (a date, no quotes: until = 2020-12-05).")
    lines.append(f"until = {story.until.isoformat()}" if story.until else "# until = YYYY-MM-DD")
    for report in story.reports:
        lines += ["", "[[reports]]", f"file = {_toml_string(report.file)}"]
        if report.published:
            lines.append(f"published = {report.published.isoformat()}")
    return "\n".join(lines) + "\n"


def read_settings(folder: str | Path) -> StorySettings:
    """Read a story folder's ``story.toml``.

    Raises
    ------
    InputDataError
        If the folder holds no ``story.toml``, or it is not valid TOML, or a
        setting has the wrong type.
    """
    path = Path(folder) / SETTINGS_FILE
    if not path.is_file():
        raise InputDataError(f"'{folder}' is not a story folder: it holds no {SETTINGS_FILE}.", hint=f"start one with `handover-map story init {folder}`.")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise InputDataError(f"Cannot read '{path}': {error}.", hint=f"fix it in a text editor; {SETTINGS_FILE} is TOML.") from None
    story = StorySettings()
    for name in _TEXT_SETTINGS:
        setattr(story, name, _typed(data, name, str, path, getattr(story, name)))
    story.credits = _typed(data, "credits", list, path, [])
    story.until = _typed(data, "until", dt.date, path, None)
    if not all(isinstance(credit, str) for credit in story.credits):
        raise InputDataError(f"'{path}': credits must be a list of texts.", hint='write credits = ["first line", "second line"].')
    for entry in _typed(data, "reports", list, path, []):
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
            raise InputDataError(f"'{path}': each [[reports]] needs a file name.", hint='write file = "report.html" under [[reports]].')
        published = entry.get("published")
        if published is not None and (not isinstance(published, dt.date) or isinstance(published, dt.datetime)):
            raise InputDataError(f"'{path}': the published date of '{excerpt(entry['file'])}' is not a date.", hint="write published = 2020-11-25, no quotes.")
        story.reports.append(StoryReport(entry["file"], published))
    return story


def _typed(data: dict, name: str, kind: type, path: Path, default):
    value = data.get(name, default)
    if value is not None and (not isinstance(value, kind) or (kind is dt.date and isinstance(value, dt.datetime))):
        raise InputDataError(f"'{path}': {name} has the wrong type.", hint=f"see the comments in {SETTINGS_FILE}, or start a new story to see the format.")
    return value


def _relative(folder: Path, value: str | Path | None) -> str:
    """A --boundaries or --aliases value as the settings keep it: a source id
    as it is, a file relative to the story folder."""
    if value is None or str(value) == "":
        return ""
    if str(value) in sources.sources():
        return str(value)
    try:
        return Path(os.path.relpath(Path(value).resolve(), folder.resolve())).as_posix()
    except ValueError:  # another drive: there is no relative path
        return str(Path(value).resolve())


def _in_folder(folder: Path, value: str) -> str | Path | None:
    """A setting's file (or source id) as the pipeline takes it; None for the default."""
    if not value:
        return None
    if value in sources.sources():
        return value
    return folder / value


def init_story(
    folder: str | Path,
    *,
    title: str = "",
    subtitle: str = "",
    boundaries: str | Path | None = None,
    name_field: str = "",
    layer: str = "",
    assume_crs: str = "",
    aliases: str | Path | None = None,
    credits: Sequence[str] = (),
) -> StorySettings:
    """Start a story folder: its settings, an empty table and a ``reports/`` folder.

    ``folder`` is created if its parent exists. Boundary and alias files are
    kept relative to it.

    Raises
    ------
    OutputError
        If ``folder`` is already a story folder, or cannot be created.
    """
    folder = Path(folder)
    if (folder / SETTINGS_FILE).exists():
        raise OutputError(f"'{folder}' is already a story folder.", hint=f"add reports with `handover-map story add {folder} REPORT`.")
    try:
        folder.mkdir(exist_ok=True)
        (folder / REPORTS_FOLDER).mkdir(exist_ok=True)
    except OSError as error:
        raise OutputError(
            f"Cannot create the story folder '{folder}': {error.strerror or error}.", hint="check that its parent folder exists and is writable."
        ) from None
    story = StorySettings(
        title=title,
        subtitle=subtitle,
        boundaries=_relative(folder, boundaries),
        name_field=name_field,
        layer=layer,
        assume_crs=assume_crs,
        aliases=_relative(folder, aliases),
        credits=list(credits),
    )
    empty = _reviewed_csv([]).encode("utf-8")
    write_files_atomic(
        [
            (folder / SETTINGS_FILE, settings_toml(story).encode("utf-8")),
            (folder / EVENTS_FILE, empty),
            (folder / PROPOSED_FILE, events_csv([]).encode("utf-8")),
        ]
    )
    return story


# -- The reviewed table ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """A row of the reviewed table: the event, and what its ``review`` cell says ('' once reviewed)."""

    event: Event
    review: str = ""


def _reviewed_csv(rows: Sequence[Row]) -> str:
    """The reviewed table's text: ``review`` first, then the events table's
    columns, written as :func:`~handover_map.events.events_csv` writes them
    (formula-like cells neutralised)."""
    header, _ = events_csv([]).split("\n", 1)
    lines = [f"{REVIEW_COLUMN},{header}\n"]
    for row in rows:
        _, record = events_csv([row.event]).split("\n", 1)
        lines.append(f"{_review_cell(row.review)},{record}")
    return "".join(lines)


def _review_cell(text: str) -> str:
    """A ``review`` cell as written: one line, no formula, quoted when it must be
    (a person may write anything there)."""
    text = neutralise(" ".join(text.split()))
    return '"' + text.replace('"', '""') + '"' if any(char in text for char in ',;"') else text


def read_table(path: str | Path) -> list[Row]:
    """Read a table of events, with or without a ``review`` column (an
    events table of the story folder, or the machine's copy).

    A table may be empty (its header only). Rows are checked as
    :func:`~handover_map.events.read_events` checks them; cells may be
    separated by commas, semicolons or tabs, as a spreadsheet saves them.

    Raises
    ------
    InputDataError
        If the file is missing, not UTF-8 text, lacks a required column, or
        has a bad row (the message names the row).
    """
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise InputDataError(f"Cannot read the table '{path}': {error.strerror or error}.", hint="check that the story folder is complete.") from None
    except UnicodeDecodeError:
        raise InputDataError(f"The table '{path}' is not UTF-8 text.", hint="save it as CSV in UTF-8.") from None
    required = set(settings.REQUIRED_EVENT_COLUMNS)
    for delimiter in DELIMITERS:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        header = [name.strip().lower() for name in records[0]] if records else []
        if required <= set(header):
            break
    else:
        raise InputDataError(f"The table '{path}' lacks the column(s) {', '.join(settings.REQUIRED_EVENT_COLUMNS)}.", hint="restore its header line.")
    cells = [dict(zip(header, record)) for record in records[1:]]
    # parse_rows skips rows with no text, as this does: the two lists stay in step.
    filled = [row for row in cells if any((value or "").strip() for value in row.values())]
    events = parse_rows(cells, str(path))
    return [Row(event, restore((row.get(REVIEW_COLUMN) or "").strip())) for row, event in zip(filled, events, strict=True)]


# -- Adding reports ---------------------------------------------------------------------------------------------------


def _key(event: Event) -> tuple[str, str, dt.date]:
    return (event.district, event.kind, event.date)


def _compatible(a: Event, b: Event) -> bool:
    """Whether two rows of one district, kind and date can be one event: they name no different parties."""
    return all(not x or not y or x == y for x, y in ((a.from_, b.from_), (a.to, b.to)))


@dataclass
class Changes:
    """What re-extracting did to the reviewed table (see :func:`reconcile`)."""

    new: int = 0
    updated: int = 0
    withdrawn: int = 0
    kept_edited: int = 0
    kept_deleted: int = 0

    def summary(self, added: int, total: int) -> str:
        """One or two lines saying what changed."""
        line = (
            f"Added {added} report(s) ({total} in the story): {self.new} new row(s) and {self.updated} updated row(s) marked for review"
            + (f", {self.withdrawn} machine row(s) no longer proposed removed" if self.withdrawn else "")
            + "."
        )
        if self.kept_edited or self.kept_deleted:
            line += (
                f"\nKept {self.kept_edited} row(s) you edited and left out {self.kept_deleted} you deleted: the machine's versions of them are not put back."
            )
        return line


def reconcile(reviewed: Sequence[Row], before: Sequence[Event], proposed: Sequence[Event]) -> tuple[list[Row], Changes]:
    """The reviewed table after the machine proposes ``proposed`` where it last proposed ``before``.

    A reviewed row equal to a row of ``before`` is the machine's: it takes
    the new proposal's version of it (marked ``updated`` when that differs),
    or goes when nothing is proposed for it any more. Any other reviewed row
    is a person's and stays as it is. A row of ``before`` that is not in the
    reviewed table was edited or deleted by a person: its new version is
    not put back. Proposed rows new to ``before`` are added, marked ``new``.
    Rows of ``before`` and ``proposed`` are one event when they share
    district, kind and date and name no different parties.

    Returns the rows, sorted by date, district and kind (ties in the order
    of the reviewed table, then of the proposal), and counts of what changed.
    """
    remaining = list(before)
    machine: list[tuple[int, Event]] = []  # (position in the table, the row of ``before`` it is)
    rows: dict[int, Row] = {}
    for position, row in enumerate(reviewed):
        if row.event in remaining:
            remaining.remove(row.event)
            machine.append((position, row.event))
        else:
            rows[position] = row  # a person's row: kept as it is
    touched = remaining  # the machine's rows a person edited or deleted
    unclaimed = list(proposed)
    changes = Changes()

    def claim(old: Event) -> Event | None:
        found = next((event for event in unclaimed if _key(event) == _key(old) and _compatible(event, old)), None)
        if found is not None:
            unclaimed.remove(found)
        return found

    for position, old in machine:
        now = claim(old)
        if now is None:
            changes.withdrawn += 1
        elif now == old:
            rows[position] = reviewed[position]
        else:
            rows[position] = Row(now, reviewed[position].review or UPDATED)
            changes.updated += 1
    for old in touched:
        claim(old)  # the person's choice stands
        if any(row.event.district == old.district and row.event.kind == old.kind for row in rows.values()):
            changes.kept_edited += 1
        else:
            changes.kept_deleted += 1
    result = [rows[position] for position in sorted(rows)] + [Row(event, NEW) for event in unclaimed]
    changes.new = len(unclaimed)
    kinds = settings.EVENT_KINDS
    result.sort(key=lambda row: (row.event.date, row.event.district, kinds.index(row.event.kind)))
    return result, changes


@dataclass
class Update:
    """The outcome of :func:`add_reports`."""

    added: list[str]
    already: list[str]
    rows: list[Row]
    changes: Changes
    reports: int

    def summary(self) -> str:
        """What changed, in one or two lines (and one more for reports that were there already)."""
        line = self.changes.summary(len(self.added), self.reports)
        if self.already:
            line += f"\nAlready in the story, unchanged: {', '.join(excerpt(name, 40) for name in self.already)}."
        return line


def _extract(folder: Path, story: StorySettings, new: Mapping[str, Path]) -> list[Event]:
    """The machine's table from every report of the story, with the dates set
    for them; reports not yet copied are read where they are (``new``: {file
    name: path}), which gives the same table: a report is cited by what it
    says, never by where its file is."""
    from .build import extract_reports  # the pipeline imports geopandas: only when extracting

    if not story.reports:
        return []
    files = [new.get(report.file, folder / REPORTS_FOLDER / report.file) for report in story.reports]
    published: dict[str | Path, dt.date] = {str(path): report.published for path, report in zip(files, story.reports, strict=True) if report.published}
    found = extract_reports(
        files,
        _in_folder(folder, story.boundaries),
        name_field=story.name_field or None,
        layer=story.layer or None,
        assume_crs=story.assume_crs or None,
        published=published or None,
        aliases=_in_folder(folder, story.aliases),
    )
    for name, extraction in zip(found.names, found.extractions, strict=True):
        if not extraction.events:
            warnings.warn(f"Found no handover events in '{name}'.", HandoverMapWarning, stacklevel=3)
    return found.events


def add_reports(folder: str | Path, reports: Sequence[str | Path], published: dt.date | Mapping[str | Path, dt.date] | None = None) -> Update:
    """Copy reports into a story folder, read every report again and update the reviewed table.

    Parameters
    ----------
    folder
        A story folder (:func:`init_story`).
    reports
        Report files, or folders of them (see
        :func:`~handover_map.reports.report_files`). A report whose file
        name is already in the story with the same content is skipped.
    published
        The publication date of the one report given, or {report's path or
        file name: date}; kept in ``story.toml``.

    The reviewed table is updated by :func:`reconcile`: rows a person
    edited, added or deleted stay so. The table, the machine's copy,
    ``story.toml`` and the copied reports are written all or nothing.

    Raises
    ------
    InputDataError
        If the folder is no story folder, a report cannot be read, or a
        different report of the same file name is in the story already.
    OptionError
        If ``published`` names no report given.
    """
    folder = Path(folder)
    story = read_settings(folder)
    files = report_files(list(reports))
    dates = published_dates(files, published)
    known = {report.file: report for report in story.reports}
    copies: list[tuple[Path, bytes]] = []
    new: dict[str, Path] = {}
    added: list[str] = []
    already: list[str] = []
    for file, day in zip(files, dates, strict=True):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise InputDataError(f"Cannot read the report '{file}': {error.strerror or error}.", hint="check the path and its permissions.") from None
        target = folder / REPORTS_FOLDER / file.name
        if file.name in known and target.is_file() and target.read_bytes() == data:
            if day is not None and day != known[file.name].published:
                known[file.name].published = day  # a new date for a report already there
            else:
                already.append(file.name)
                continue
        elif file.name in known or target.exists():
            raise InputDataError(
                f"The story already holds a different report named '{excerpt(file.name)}'.", hint="rename the new report's file, then add it again."
            )
        else:
            story.reports.append(StoryReport(file.name, day))
            known[file.name] = story.reports[-1]
            copies.append((target, data))
            new[file.name] = file
        added.append(file.name)
    before = [row.event for row in read_table(folder / PROPOSED_FILE)]
    reviewed = read_table(folder / EVENTS_FILE)
    proposed = _extract(folder, story, new)
    rows, changes = reconcile(reviewed, before, proposed)
    (folder / REPORTS_FOLDER).mkdir(exist_ok=True)
    write_files_atomic(
        [
            *copies,
            (folder / EVENTS_FILE, _reviewed_csv(rows).encode("utf-8")),
            (folder / PROPOSED_FILE, events_csv(proposed).encode("utf-8")),
            (folder / SETTINGS_FILE, settings_toml(story).encode("utf-8")),
        ]
    )
    return Update(added, already, rows, changes, len(story.reports))


# -- Building the map -------------------------------------------------------------------------------------------------


def build_story(
    folder: str | Path,
    *,
    output: str | Path | None = None,
    until: dt.date | None = None,
    self_contained: bool = True,
    lang: str = "en",
) -> Path:
    """Build the story's map from its reviewed table and settings.

    ``output`` defaults to the settings' (``map.html`` in the folder);
    ``until`` (default: the settings') ends the slider later than the
    latest report's date. Rows still marked for review are drawn, with a
    warning that says how many. ``lang``: the language of the map's own
    words (see :data:`handover_map.words.LANGUAGES`).

    Raises
    ------
    InputDataError
        If the folder is no story folder, or its table has no events.
    """
    from .build import build_map
    from .spec import MapSpec

    folder = Path(folder)
    story = read_settings(folder)
    table = folder / EVENTS_FILE
    rows = read_table(table)
    if not rows:
        raise InputDataError(f"The story '{folder}' has no events yet.", hint=f"add reports with `handover-map story add {folder} REPORT`.")
    pending = sum(bool(row.review) for row in rows)
    if pending:
        warnings.warn(
            f"{pending} row(s) of {EVENTS_FILE} are still marked for review; they are drawn as the machine read them.", HandoverMapWarning, stacklevel=2
        )
    spec = MapSpec(
        events=table,
        boundaries=_in_folder(folder, story.boundaries),
        name_field=story.name_field or None,
        layer=story.layer or None,
        assume_crs=story.assume_crs or None,
        aliases=_in_folder(folder, story.aliases),
        title=story.title or None,
        subtitle=story.subtitle or None,
        credits=story.credits,
        until=until or story.until,
        lang=lang,
    )
    return build_map(output or folder / story.output, spec, self_contained=self_contained)


__all__ = [
    "Changes",
    "Row",
    "StoryReport",
    "StorySettings",
    "Update",
    "add_reports",
    "build_story",
    "init_story",
    "read_settings",
    "read_table",
    "reconcile",
    "settings_toml",
]
