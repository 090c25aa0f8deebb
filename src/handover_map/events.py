"""The events table: the reviewed, editable intermediate between article and map.

A CSV file (UTF-8, header row) with the required columns ``district``,
``date`` (YYYY-MM-DD, or as a spreadsheet of another locale saves it: see
:func:`day_first`) and ``kind`` (one of :data:`settings.EVENT_KINDS`:
``scheduled``, ``postponed``, ``completed`` or ``captured``) and the optional columns ``from``, ``to``, ``source``,
``evidence``, ``note``, ``evidence_start``, ``evidence_end``, ``as_written``,
``match``, ``reports_differ`` and ``confirmation`` (``claimed`` or
``confirmed``: see :mod:`handover_map.confirmation`). One row is one event; a row that several
reports give cites them all in ``source``, separated by `` | `` (see
:mod:`handover_map.reports`).

Cells are separated by commas, semicolons (as spreadsheets write them where
the comma is the decimal mark) or tabs: the header line tells which. Text
cells that a spreadsheet would run as a formula are written with a leading
apostrophe and read back without it (see :func:`events_csv`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
import warnings
from dataclasses import dataclass, fields
from pathlib import Path

from . import settings
from ._atomic import write_text_atomic
from ._errors import HandoverMapWarning, InputDataError

#: Years a handover date may fall in: wider than any report (the reader reads days back to 1500, see
#: ``datewords._YEAR``), narrow enough that a typo such as 0001-01-01 or 9999-12-31 is caught, not drawn.
YEARS = (1500, 2200)

#: Columns of free text, where a spreadsheet formula could hide.
TEXT_COLUMNS = ("district", "from", "to", "source", "evidence", "note", "as_written", "match", "reports_differ")

#: Columns of names, shown on the map as they are: invisible characters
#: (bidirectional overrides and the like) are dropped on reading.
NAME_COLUMNS = ("district", "from", "to")

#: Separators a table may use, named for messages; the first that makes the
#: header hold the required columns wins.
DELIMITERS = {",": "commas", ";": "semicolons", "\t": "tabs"}
_SEPARATORS = ", ".join(list(DELIMITERS.values())[:-1]) + f" or {list(DELIMITERS.values())[-1]}"

# Joiners that Persian, Indic and emoji spellings need; every other format
# character (bidirectional overrides and isolates, marks, soft hyphens, BOMs)
# is invisible and can make a name show as something else.
_KEPT_FORMAT = {"\u200c", "\u200d"}

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: A date as a spreadsheet in another locale saves it: "20/11/2020", "11/20/2020", "20.11.2020", "20-11-2020".
_LOCAL_DATE = re.compile(r"([0-9]{1,2})([./-])([0-9]{1,2})\2([0-9]{4})")
# Longer offsets than this are no character offset of any article.
_OFFSET = re.compile(r"[0-9]{1,10}")
# A cell a spreadsheet would evaluate: =, +, -, @, tab or CR, after optional
# other whitespace (OWASP's list for CSV injection).
_FORMULA = re.compile(r"[^\S\t\r]*[=+\-@\t\r]")
# A plain number is no formula: "-5" stays as it is.
_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")


def visible(text: str) -> str:
    """``text`` as it may be shown on a map: bidirectional-control and other
    invisible format characters removed, control characters and line or
    paragraph separators turned into spaces, ends stripped.

    >>> visible("\\u202eAgdam\\u202c District\\n")
    'Agdam District'
    """
    if text.isascii() and text.isprintable():
        return text.strip()  # the common case, fast: nothing to remove
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if category == "Cf" and char not in _KEPT_FORMAT:
            continue
        kept.append(" " if category in ("Cc", "Zl", "Zp") else char)
    return "".join(kept).strip()


def excerpt(text: str, limit: int = 60) -> str:
    """``text`` fit for a one-line message: control and invisible format
    characters shown as escapes (a terminal runs none of them), long text cut.

    >>> excerpt("Ağdam\\u202e\\n")
    'Ağdam\\\\u202e\\\\n'
    """
    shown = "".join(char.encode("unicode_escape").decode("ascii") if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") else char for char in text[:limit])
    return shown + "…" if len(text) > limit else shown


@dataclass(frozen=True)
class Event:
    """One dated handover event for one district.

    ``from_`` and ``to`` name who gives and who takes control; ``evidence``
    is the article sentence that reports the event, ``source`` the article.
    From extraction, ``district`` is the boundary feature's own name,
    ``as_written`` the report's spelling and ``match`` the rule that joined
    them (exact, core, alias, skeleton, transliteration, inflection, capital,
    joined: the names a boundary name joins with "and", told together).
    An event several reports give cites them all in ``source`` and quotes
    each in ``evidence``, separated by `` | ``; ``reports_differ`` lists the
    dates other reports give for the same change, when they disagree (see
    :func:`handover_map.reports.merge_reports`).
    """

    district: str
    date: dt.date
    kind: str
    from_: str = ""
    to: str = ""
    source: str = ""
    evidence: str = ""
    note: str = ""
    evidence_start: int | None = None
    evidence_end: int | None = None
    as_written: str = ""
    match: str = ""
    reports_differ: str = ""
    confirmation: str = ""

    def as_row(self) -> dict[str, str]:
        """The event as a CSV row (column names as in the file)."""
        row = {("from" if f.name == "from_" else f.name): getattr(self, f.name) for f in fields(self)}
        row["date"] = self.date.isoformat()
        for offset in ("evidence_start", "evidence_end"):
            row[offset] = "" if row[offset] is None else str(row[offset])
        return row


def _is_formula(text: str) -> bool:
    return bool(_FORMULA.match(text)) and not _NUMBER.fullmatch(text)


def neutralise(text: str) -> str:
    """A text cell as written to a CSV file: with a leading apostrophe when a
    spreadsheet would run it as a formula.

    >>> neutralise("=HYPERLINK(1)"), neutralise("-5"), neutralise("Agdam")
    ("'=HYPERLINK(1)", '-5', 'Agdam')
    """
    return f"'{text}" if _is_formula(text) else text


def restore(text: str) -> str:
    """The inverse of :func:`neutralise`: drop the one apostrophe it adds.

    >>> restore("'=HYPERLINK(1)"), restore("'tis")
    ('=HYPERLINK(1)', "'tis")
    """
    return text[1:] if text.startswith("'") and _FORMULA.match(text, 1) else text


#: Month names for messages, in English whatever the process's locale.
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


def day_first(cells: list[str], where: str) -> dict[str, bool]:
    """For each mark a table's dates are written with as a spreadsheet of another locale saves
    them, whether its day comes first: "20/11/2020" puts it first, "11/20/2020" last; a dot always
    does (German, Russian). Each mark is told by its own dates (a table edited by two people may
    mix them); a mark that none tells is missing, and :func:`_parse_date` refuses its dates whose
    day and month could be either (05/11/2020).

    Raises
    ------
    InputDataError
        When the dates of one mark put the day first in one row and the month first in another.
    """
    told: dict[str, dict[bool, int]] = {}
    for number, cell in enumerate(cells, start=2):  # row 1 is the header
        found = _LOCAL_DATE.fullmatch(cell.strip())
        if not found:
            continue
        one, mark, two = int(found.group(1)), found.group(2), int(found.group(3))
        if mark == ".":
            continue
        if 12 < one <= 31 and 1 <= two <= 12:
            told.setdefault(mark, {}).setdefault(True, number)
        elif 12 < two <= 31 and 1 <= one <= 12:
            told.setdefault(mark, {}).setdefault(False, number)
    for mark, rows in told.items():
        if len(rows) == 2:
            raise InputDataError(
                f"{where}: its dates written with '{mark}' put the day first in row {rows[True]} and the month first in row {rows[False]}.",
                hint="write every date like 2020-11-25.",
            )
    return {".": True} | {mark: next(iter(rows)) for mark, rows in told.items()}


def _parse_date(text: str, where: str, first: dict[str, bool] | None = None) -> dt.date:
    """A date cell: ISO (2020-11-25), or as a spreadsheet of another locale saves it, read in the
    order :func:`day_first` found for its mark in its table (``first``)."""
    local = _LOCAL_DATE.fullmatch(text)
    order = (first or {".": True}).get(local.group(2)) if local else None
    try:
        if local:
            one, two, year = int(local.group(1)), int(local.group(3)), int(local.group(4))
            if order is None and one != two and 1 <= one <= 12 and 1 <= two <= 12:
                raise InputDataError(
                    f"{where}: '{excerpt(text)}' could be {one} {_MONTHS[two - 1]} or {two} {_MONTHS[one - 1]} {year}, "
                    "and no other date of the table written so tells which comes first.",
                    hint=f"write it as {year}-{two:02d}-{one:02d} or {year}-{one:02d}-{two:02d}.",
                )
            day = dt.date(year, two, one) if order or order is None else dt.date(year, one, two)
        elif _ISO_DATE.fullmatch(text):
            day = dt.date.fromisoformat(text)
        else:
            raise ValueError
    except ValueError:
        shown = "no day of the calendar" if local else "not a date in the form YYYY-MM-DD"
        raise InputDataError(
            f"{where}: '{excerpt(text)}' is {shown}.",
            hint="write dates like 2020-11-25 (or as a spreadsheet saves them: 25/11/2020, 25.11.2020, 11/25/2020).",
        ) from None
    if not YEARS[0] <= day.year <= YEARS[1]:
        raise InputDataError(
            f"{where}: the date {text} is not in the years {YEARS[0]} to {YEARS[1]}.",
            hint="check the year: dates like 0001-01-01 or 9999-12-31 are placeholders, not events.",
        )
    return day


def _parse_offset(text: str, where: str) -> int | None:
    if not text:
        return None
    if not _OFFSET.fullmatch(text):
        raise InputDataError(
            f"{where}: evidence offset '{excerpt(text)}' is not a whole number of at most 10 digits.",
            hint="leave it empty or write a character offset (0 or more).",
        )
    return int(text)


def parse_rows(rows: list[dict[str, str]], where: str) -> list[Event]:
    """Validate rows (dicts keyed by column name) and turn them into events.

    Row 1 is the header. Rows whose cells are all empty (spreadsheets leave
    them below a table) are skipped with a warning; an empty row (no cells at
    all) is skipped silently. Text cells lose the apostrophe that
    :func:`neutralise` adds; names (district, from, to) are made
    :func:`visible`.
    """
    events = []
    blank = []
    first = day_first([row.get("date") or "" for row in rows], where)
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        clean = {key: (value or "").strip() for key, value in row.items() if key is not None}
        if not any(clean.values()):
            if clean:
                blank.append(number)
            continue
        for column in TEXT_COLUMNS:
            if column in clean:
                value = clean[column]
                # A name is cleaned before the apostrophe comes off (invisible characters may
                # hide it) and after (it may have been followed by a space), so that it reads
                # back the same once written.
                clean[column] = visible(restore(visible(value))) if column in NAME_COLUMNS else restore(value)
        at = f"{where}, row {number}"
        if not clean.get("district"):
            raise InputDataError(f"{at}: the district is empty.", hint="name the district as in the boundary file.")
        kind = clean.get("kind", "").lower()
        if kind not in settings.EVENT_KINDS:
            raise InputDataError(
                f"{at}: unknown kind '{excerpt(clean.get('kind', ''))}'.",
                hint=f"use one of: {', '.join(settings.EVENT_KINDS)}.",
            )
        events.append(
            Event(
                district=clean["district"],
                date=_parse_date(clean.get("date", ""), at, first),
                kind=kind,
                from_=clean.get("from", ""),
                to=clean.get("to", ""),
                source=clean.get("source", ""),
                evidence=clean.get("evidence", ""),
                note=clean.get("note", ""),
                evidence_start=_parse_offset(clean.get("evidence_start", ""), at),
                evidence_end=_parse_offset(clean.get("evidence_end", ""), at),
                as_written=clean.get("as_written", ""),
                match=clean.get("match", ""),
                reports_differ=clean.get("reports_differ", ""),
                confirmation=_parse_confirmation(clean.get("confirmation", ""), at),
            )
        )
    if blank:
        listed = ", ".join(map(str, blank[:5])) + (", ..." if len(blank) > 5 else "")
        warnings.warn(f"Ignoring {len(blank)} blank row(s) of '{where}' (row {listed}).", HandoverMapWarning, stacklevel=3)
    return events


def _parse_confirmation(value: str, at: str) -> str:
    """A ``confirmation`` cell: empty, or one of :data:`settings.CONFIRMATIONS` (case aside)."""
    if value and value.lower() not in settings.CONFIRMATIONS:
        raise InputDataError(f"{at}: unknown confirmation '{excerpt(value)}'.", hint=f"leave it empty or write one of: {', '.join(settings.CONFIRMATIONS)}.")
    return value.lower()


def _decode(data: bytes, path: Path) -> str:
    """The text of a table file, or a clear error for what is not UTF-8 text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputDataError(f"Events table '{path}' is UTF-16 text.", hint="save it as CSV in UTF-8.")
    if b"\x00" in data:
        raise InputDataError(
            f"Events table '{path}' is a binary file (it holds NUL bytes), not a CSV table.", hint="save it as CSV in UTF-8 (not as a workbook or in UTF-16)."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputDataError(f"Events table '{path}' is not UTF-8 text.", hint="save it as CSV in UTF-8.") from None


def _column(name: str) -> str:
    return name.replace("\ufeff", "").strip().lower()


def _sniff(text: str) -> tuple[str, list[str]]:
    """The delimiter whose header holds the required columns (or, failing
    that, splits the header into the most columns), and that header."""
    headers = {}
    for delimiter in DELIMITERS:
        header = [_column(name) for name in next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])]
        if set(settings.REQUIRED_EVENT_COLUMNS) <= set(header):
            return delimiter, header
        headers[delimiter] = header
    delimiter = max(DELIMITERS, key=lambda d: len(headers[d]))
    return delimiter, headers[delimiter]


def read_events(path: str | Path) -> list[Event]:
    """Read and validate an events table.

    Parameters
    ----------
    path
        CSV file, UTF-8 (a byte-order mark is accepted), its cells separated
        by commas, semicolons or tabs (the header line tells which), with any
        line endings.

    Raises
    ------
    InputDataError
        If the file is missing, not UTF-8 text, lacks a required column, has
        no rows, or has a row with an empty district, a date not written
        YYYY-MM-DD (nor as a spreadsheet saves it, in an order the table
        tells) or outside the years 1500 to 2200, an evidence offset that
        is no whole number, or an unknown kind. The message names the row.
    """
    path = Path(path)
    if not path.is_file():
        raise InputDataError(
            f"Events table '{path}' does not exist or is not a file.",
            hint="give the path of a CSV file (see `handover-map build --help`).",
        )
    try:
        text = _decode(path.read_bytes(), path)
    except OSError as error:
        raise InputDataError(f"Cannot read events table '{path}': {error.strerror}.", hint="check the path and its permissions.") from None
    try:
        delimiter, header = _sniff(text)
        records = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        next(records, None)
        rows = [dict(zip(header, record)) for record in records]
    except csv.Error as error:
        raise InputDataError(f"Events table '{path}' is not valid CSV: {error}.", hint="save it as CSV.") from None
    missing = [column for column in settings.REQUIRED_EVENT_COLUMNS if column not in header]
    if missing:
        raise InputDataError(
            f"Events table '{path}' lacks the column(s) {', '.join(missing)}.",
            hint=f"the header must include {', '.join(settings.REQUIRED_EVENT_COLUMNS)}, separated by {_SEPARATORS}.",
        )
    events = parse_rows(rows, str(path))
    if not events:
        raise InputDataError(f"Events table '{path}' has no events.", hint="add at least one row below the header.")
    return events


def events_csv(events: list[Event]) -> str:
    """Events as the text of a CSV table that :func:`read_events` reads back.

    Safe for spreadsheets: a text cell (district, from, to, source, evidence,
    note, as_written, match, reports_differ) that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return, after optional whitespace, gets a leading apostrophe ``'`` so that
    a spreadsheet shows it as text instead of running it as a formula (OWASP's
    rule for CSV injection); a cell that is a plain number, such as ``-5``, is
    left alone, and so are dates and offsets. :func:`read_events` drops that
    one apostrophe again where what follows starts with one of those
    characters, so extract -> review -> build gives back the same text.
    """
    columns = list(settings.REQUIRED_EVENT_COLUMNS) + list(settings.OPTIONAL_EVENT_COLUMNS)
    lines = [",".join(columns)]
    for event in events:
        row = event.as_row()
        lines.append(",".join(_cell(neutralise(row[column]) if column in TEXT_COLUMNS else row[column]) for column in columns))
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """A CSV cell, quoted when it must be. (The csv module leaves a lone CR
    unquoted when lines end in LF, and a reader then breaks the row there.)"""
    return '"' + text.replace('"', '""') + '"' if any(char in text for char in ',"\r\n') else text


def write_events(events: list[Event], path: str | Path) -> None:
    """Write events as a CSV table (atomically) that :func:`read_events` reads
    back; formula-like text cells are neutralised as :func:`events_csv` says."""
    write_text_atomic(path, events_csv(events))
