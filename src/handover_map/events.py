"""The events table: the reviewed, editable intermediate between article and map.

A CSV file (UTF-8, header row) with the required columns ``district``,
``date`` (YYYY-MM-DD) and ``kind`` (``completed``, ``scheduled`` or
``postponed``) and the optional columns ``from``, ``to``, ``source``,
``evidence`` and ``note``. One row is one event.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, fields
from pathlib import Path

from . import settings
from ._atomic import write_text_atomic
from ._errors import InputDataError


@dataclass(frozen=True)
class Event:
    """One dated handover event for one district.

    ``from_`` and ``to`` name who gives and who takes control; ``evidence``
    is the article sentence that reports the event, ``source`` the article.
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

    def as_row(self) -> dict[str, str]:
        """The event as a CSV row (column names as in the file)."""
        row = {("from" if f.name == "from_" else f.name): getattr(self, f.name) for f in fields(self)}
        row["date"] = self.date.isoformat()
        for offset in ("evidence_start", "evidence_end"):
            row[offset] = "" if row[offset] is None else str(row[offset])
        return row


def _parse_date(text: str, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputDataError(
            f"{where}: '{text}' is not a date in the form YYYY-MM-DD.",
            hint="write dates like 2020-11-25.",
        ) from None


def _parse_offset(text: str, where: str) -> int | None:
    if not text:
        return None
    if not text.isdigit():
        raise InputDataError(f"{where}: evidence offset '{text}' is not a whole number.", hint="leave it empty or write a character offset.")
    return int(text)


def parse_rows(rows: list[dict[str, str]], where: str) -> list[Event]:
    """Validate rows (dicts keyed by column name) and turn them into events."""
    events = []
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        clean = {key: (value or "").strip() for key, value in row.items() if key is not None}
        at = f"{where}, row {number}"
        if not clean.get("district"):
            raise InputDataError(f"{at}: the district is empty.", hint="name the district as in the boundary file.")
        kind = clean.get("kind", "").lower()
        if kind not in settings.EVENT_KINDS:
            raise InputDataError(
                f"{at}: unknown kind '{clean.get('kind', '')}'.",
                hint=f"use one of: {', '.join(settings.EVENT_KINDS)}.",
            )
        events.append(
            Event(
                district=clean["district"],
                date=_parse_date(clean.get("date", ""), at),
                kind=kind,
                from_=clean.get("from", ""),
                to=clean.get("to", ""),
                source=clean.get("source", ""),
                evidence=clean.get("evidence", ""),
                note=clean.get("note", ""),
                evidence_start=_parse_offset(clean.get("evidence_start", ""), at),
                evidence_end=_parse_offset(clean.get("evidence_end", ""), at),
            )
        )
    return events


def read_events(path: str | Path) -> list[Event]:
    """Read and validate an events table.

    Parameters
    ----------
    path
        CSV file, UTF-8 (a byte-order mark is accepted).

    Raises
    ------
    InputDataError
        If the file is missing, not UTF-8 text, lacks a required column, has
        no rows, or has a row with an empty district, a bad date or an
        unknown kind. The message names the row.
    """
    path = Path(path)
    if not path.is_file():
        raise InputDataError(
            f"Events table '{path}' does not exist or is not a file.",
            hint="give the path of a CSV file (see `handover-map build --help`).",
        )
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            header = [name.strip().lower() for name in (reader.fieldnames or [])]
            reader.fieldnames = header
            rows = list(reader)
    except UnicodeDecodeError:
        raise InputDataError(f"Events table '{path}' is not UTF-8 text.", hint="save it as CSV in UTF-8.") from None
    except csv.Error as error:
        raise InputDataError(f"Events table '{path}' is not valid CSV: {error}.", hint="save it as CSV.") from None
    missing = [column for column in settings.REQUIRED_EVENT_COLUMNS if column not in header]
    if missing:
        raise InputDataError(
            f"Events table '{path}' lacks the column(s) {', '.join(missing)}.",
            hint=f"the header must include {', '.join(settings.REQUIRED_EVENT_COLUMNS)}.",
        )
    events = parse_rows(rows, str(path))
    if not events:
        raise InputDataError(f"Events table '{path}' has no events.", hint="add at least one row below the header.")
    return events


def events_csv(events: list[Event]) -> str:
    """Events as the text of a CSV table that :func:`read_events` reads back."""
    columns = list(settings.REQUIRED_EVENT_COLUMNS) + list(settings.OPTIONAL_EVENT_COLUMNS)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow(event.as_row())
    return buffer.getvalue()


def write_events(events: list[Event], path: str | Path) -> None:
    """Write events as a CSV table (atomically) that :func:`read_events` reads back."""
    write_text_atomic(path, events_csv(events))
