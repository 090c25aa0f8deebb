"""Reading and writing the events table."""

from __future__ import annotations

import datetime as dt

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
        ("district,date\nLachin,2020-12-01\n", "lacks the column\\(s\\) kind"),
        ("district,date,kind\n", "has no events"),
        ("district,date,kind\nLachin,2020-02-30,scheduled\n", "row 2: '2020-02-30' is not a date"),
        ("district,date,kind\nLachin,1 Dec 2020,scheduled\n", "row 2: '1 Dec 2020' is not a date"),
        ("district,date,kind\nLachin,2020-12-01,liberated\n", "row 2: unknown kind 'liberated'"),
        ("district,date,kind\n,2020-12-01,completed\n", "row 2: the district is empty"),
    ],
)
def test_bad_tables_name_the_problem(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputDataError, match=message):
        read_events(path)


def test_non_utf8_is_refused(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("district,date,kind\nFüzuli,2020-12-01,scheduled\n".encode("latin-1"))
    with pytest.raises(InputDataError, match="not UTF-8"):
        read_events(path)
