"""Reading and writing the events table."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import DEFAULT_EVENTS, ONE_REPORT_EVENTS
from handover_map import InputDataError, read_events, write_events
from handover_map.build import default_events_path
from handover_map.reports import split_sources


def test_the_default_table_is_the_story_of_three_reports():
    assert default_events_path() == DEFAULT_EVENTS
    events = read_events(DEFAULT_EVENTS)
    rows = {(e.district, e.kind, e.date.isoformat()) for e in events}
    assert rows == {
        ("Aghdam", "completed", "2020-11-20"),
        ("Kalbajar", "scheduled", "2020-11-15"),
        ("Kalbajar", "postponed", "2020-11-15"),
        ("Kalbajar", "completed", "2020-11-25"),
        ("Lachin", "scheduled", "2020-12-01"),
        ("Lachin", "completed", "2020-12-01"),
    }
    # Each handover cites the report that tells it, with its publication date.
    cited = {e.district: split_sources(e.source)[0] for e in events if e.kind == "completed"}
    assert cited["Aghdam"].startswith("Al Jazeera,") and "2020-11-20" in cited["Aghdam"]
    assert cited["Kalbajar"].startswith("AFP,") and "25 November 2020" in cited["Kalbajar"]
    assert cited["Lachin"].startswith("The Daily Asian Age (AFP),") and "2020-12-01" in cited["Lachin"]


def test_the_one_report_table_holds_the_seed_reports_five_events():
    rows = {(e.district, e.kind, e.date.isoformat()) for e in read_events(ONE_REPORT_EVENTS)}
    assert rows == {
        ("Aghdam", "completed", "2020-11-20"),
        ("Kalbajar", "scheduled", "2020-11-15"),
        ("Kalbajar", "postponed", "2020-11-15"),
        ("Kalbajar", "completed", "2020-11-25"),
        ("Lachin", "scheduled", "2020-12-01"),
    }


def test_round_trip(tmp_path):
    events = read_events(DEFAULT_EVENTS)
    write_events(events, tmp_path / "copy.csv")
    assert read_events(tmp_path / "copy.csv") == events


def test_bom_whitespace_and_case_are_tolerated(tmp_path):
    path = tmp_path / "messy.csv"
    path.write_text("\ufeff District , DATE ,Kind\n  Lachin , 2020-12-01 , Scheduled \n", encoding="utf-8")
    (event,) = read_events(path)
    assert (event.district, event.date, event.kind) == ("Lachin", dt.date(2020, 12, 1), "scheduled")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("district,date\nLachin,2020-12-01\n", "lacks the column(s) kind"),
        ("district,date,kind\n", "has no events"),
        ("district,date,kind\nLachin,2020-02-30,scheduled\n", "row 2: '2020-02-30' is not a date"),
        ("district,date,kind\nLachin,1 Dec 2020,scheduled\n", "row 2: '1 Dec 2020' is not a date"),
        ("district,date,kind\nLachin,2020-12-01,liberated\n", "row 2: unknown kind 'liberated'"),
        ("district,date,kind\n,2020-12-01,completed\n", "row 2: the district is empty"),
        # Dates a spreadsheet could have saved either way, or never a day.
        (
            "district,date,kind\nAgdam,05/11/2020,completed\n",
            "'05/11/2020' could be 5 November or 11 May 2020, and no other date of the table written so tells",
        ),
        (
            "district,date,kind\nAgdam,20/11/2020,completed\nLachin,12/25/2020,completed\n",
            "its dates written with '/' put the day first in row 2 and the month first in row 3",
        ),
        ("district,date,kind\nAgdam,20/11/20,completed\n", "'20/11/20' is not a date in the form YYYY-MM-DD"),
        # Each mark tells its own order: a dotted (German) date says nothing of a slashed one, which another editor may have typed.
        ("district;date;kind\nAgdam;20.11.2020;completed\nKalbajar;11/05/2020;completed\n", "row 3: '11/05/2020' could be 11 May or 5 November 2020"),
        ("district;date;kind\nAgdam;20-11-2020;completed\nKalbajar;05/11/2020;completed\n", "row 3: '05/11/2020' could be 5 November or 11 May 2020"),
        # A slip is a slip, not a witness of the order.
        ("district,date,kind\nAgdam,45/11/2020,completed\nLachin,11/25/2020,completed\n", "row 2: '45/11/2020' is no day of the calendar"),
        ("district,date,kind\nAgdam,31/02/2020,completed\n", "'31/02/2020' is no day of the calendar"),
    ],
)
def test_bad_tables_name_the_problem(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputDataError, match=re.escape(message)):
        read_events(path)


def test_non_utf8_is_refused(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("district,date,kind\nFüzuli,2020-12-01,scheduled\n".encode("latin-1"))
    with pytest.raises(InputDataError, match="not UTF-8"):
        read_events(path)


@pytest.mark.parametrize(
    ("saved", "dates"),
    [
        # Spreadsheets in other locales save the table's dates in their own order: the table's unambiguous ones tell it.
        ("\ufeffdistrict;date;kind\r\nAgdam;20/11/2020;completed\r\nLachin;01/12/2020;completed\r\n", [dt.date(2020, 11, 20), dt.date(2020, 12, 1)]),
        ("district;date;kind\nAgdam;20.11.2020;completed\nLachin;1.12.2020;completed\n", [dt.date(2020, 11, 20), dt.date(2020, 12, 1)]),
        ("district,date,kind\nAgdam,11/20/2020,completed\nLachin,12/01/2020,completed\n", [dt.date(2020, 11, 20), dt.date(2020, 12, 1)]),
        ("district,date,kind\nAgdam,2020-11-20,completed\nLachin,01/01/2021,completed\n", [dt.date(2020, 11, 20), dt.date(2021, 1, 1)]),
    ],
)
def test_dates_as_a_spreadsheet_of_another_locale_saves_them(tmp_path, saved, dates):
    table = tmp_path / "edited.csv"
    table.write_text(saved, encoding="utf-8")
    assert [e.date for e in read_events(table)] == dates
    write_events(read_events(table), table)  # written back in the one form
    assert "2020-11-20" in table.read_text(encoding="utf-8")
