"""A story folder (issue 11, items 4 and 5): reports added one by one, a
reviewed table that stays the person's, one map that knows what its sources
know.

The three reports in ``tests/story/`` were written for these tests: Agdam
handed over on 20 November 2020 (a text with no date of its own, dated with
``--published``), Kalbajar on 25 November (a saved page with metadata and
an address) and Lachin on 1 December (a dateline). Commands run in-process
with click's CliRunner.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import AZE_ADM2, ONE_REPORT_EVENTS, REPO
from handover_map.build import as_reported_note, prepare_map
from handover_map.cli import cli
from handover_map.events import Event, read_events
from handover_map.reports import split_sources
from handover_map.snapshot import draw_small_multiples
from handover_map.story import (
    EVENTS_FILE,
    NEW,
    PROPOSED_FILE,
    SETTINGS_FILE,
    UPDATED,
    Row,
    StoryReport,
    StorySettings,
    read_settings,
    read_table,
    reconcile,
    settings_toml,
)

STORY = REPO / "tests" / "story"
AGDAM = STORY / "agdam-first.txt"
KALBAJAR = STORY / "kalbajar-handed-over.html"
LACHIN = STORY / "2020-12-01-lachin-last.txt"

CITE_AGDAM = "Agdam Changes Hands As Troops Move In, 2020-11-20"
CITE_KALBAJAR = "Ridge Journal, Kalbajar handed over after a short delay, 2020-11-25, https://ridge.example.org/2020/11/25/kalbajar-handed-over"
CITE_LACHIN = "Valley Post, Lachin Returned, The Last Of Three Districts, 2020-12-01"
D = dt.date


def invoke(*args: object) -> Result:
    """Run the CLI in-process; its warning display and filters are put back afterwards."""
    with warnings.catch_warnings():
        return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, env={"HANDOVER_MAP_OFFLINE": "1"})


def ok(*args: object) -> Result:
    result = invoke(*args)
    assert result.exit_code == 0, result.stderr
    return result


def error_line(result: Result) -> str:
    lines = [line for line in result.stderr.splitlines() if not line.startswith("Warning:")]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ") and "unexpected" not in lines[0]
    return lines[0]


def table_rows(folder: Path) -> list[tuple[str, str, str, dt.date, list[str]]]:
    """(review, district, kind, date, cited reports) of each row of the reviewed table."""
    return [(row.review, row.event.district, row.event.kind, row.event.date, split_sources(row.event.source)) for row in read_table(folder / EVENTS_FILE)]


def edit_table(folder: Path, edit) -> None:
    """Edit the reviewed table as a person would in a spreadsheet: ``edit(rows)`` changes the list of dicts."""
    path = folder / EVENTS_FILE
    reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline=""))
    header, rows = list(reader.fieldnames or []), list(reader)
    rows = edit(rows)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def page_data(page: Path) -> dict:
    """The data the map page's script draws from."""
    found = re.search(r"var data = (\{.*?\});\n", page.read_text(encoding="utf-8"))
    assert found, "no page data"
    return json.loads(found.group(1))


def page_events(data: dict) -> list[tuple[str, str, str, str]]:
    """(date, district, kind, source) of each event of the page's data."""
    epoch = dt.date.fromisoformat(data["epoch"])
    columns = [column if isinstance(column, list) else [column] * data["eventCount"] for column in data["events"]]
    strings = data["strings"]
    return [
        ((epoch + dt.timedelta(days=day)).isoformat(), strings[data["districts"][district][0]], data["kindNames"][kind], strings[source] if source >= 0 else "")
        for day, district, kind, *_, source in zip(*columns)
    ]


def page_stops(data: dict) -> list[str]:
    epoch = dt.date.fromisoformat(data["epoch"])
    return [(epoch + dt.timedelta(days=day)).isoformat() for day in data["stops"]]


@pytest.fixture
def two_reports(tmp_path) -> Path:
    """A story folder after the first two reports, added one by one."""
    folder = tmp_path / "karabakh"
    ok("story", "init", folder, "--title", "Three districts change hands")
    first = ok("story", "add", folder, AGDAM, "--published", "2020-11-20")
    assert "Added 1 report(s) (1 in the story): 2 new row(s) and 0 updated row(s) marked for review." in first.stderr
    ok("story", "add", folder, KALBAJAR)
    return folder


def test_reports_added_one_by_one_give_one_table_marked_for_review(two_reports):
    assert table_rows(two_reports) == [
        (NEW, "Agdam District", "completed", D(2020, 11, 20), [CITE_AGDAM, CITE_KALBAJAR]),
        (NEW, "Kalbajar District", "completed", D(2020, 11, 25), [CITE_KALBAJAR]),
        (NEW, "Lachin District", "scheduled", D(2020, 12, 1), [CITE_AGDAM, CITE_KALBAJAR]),
    ]
    # The reports are copied in, and the date set at `add` is kept in the settings.
    assert sorted(path.name for path in (two_reports / "reports").iterdir()) == [AGDAM.name, KALBAJAR.name]
    assert (two_reports / "reports" / AGDAM.name).read_bytes() == AGDAM.read_bytes()
    assert read_settings(two_reports).reports == [StoryReport(AGDAM.name, D(2020, 11, 20)), StoryReport(KALBAJAR.name, None)]
    assert read_settings(two_reports).title == "Three districts change hands"


def test_adding_the_third_report_keeps_a_hand_edit_and_a_deletion(two_reports):
    def by_hand(rows: list[dict[str, str]]) -> list[dict[str, str]]:
        for row in rows:
            row["review"] = ""  # checked
            if row["district"] == "Agdam District":
                row["date"] = "2020-11-21"  # the person's reading
        return [row for row in rows if row["kind"] != "scheduled"]  # the announced date is no longer wanted

    edit_table(two_reports, by_hand)
    edited = read_table(two_reports / EVENTS_FILE)
    result = ok("story", "add", two_reports, LACHIN)
    lines = result.stderr.strip().splitlines()
    assert lines == [
        "Added 1 report(s) (3 in the story): 1 new row(s) and 0 updated row(s) marked for review.",
        "Kept 1 row(s) you edited and left out 1 you deleted: the machine's versions of them are not put back.",
    ]
    after = read_table(two_reports / EVENTS_FILE)
    # Only what the third report brings is new; the person's rows are as they left them.
    assert after[:2] == edited
    assert after[2] == Row(after[2].event, NEW)
    assert table_rows(two_reports) == [
        ("", "Agdam District", "completed", D(2020, 11, 21), [CITE_AGDAM, CITE_KALBAJAR]),
        ("", "Kalbajar District", "completed", D(2020, 11, 25), [CITE_KALBAJAR]),
        (NEW, "Lachin District", "completed", D(2020, 12, 1), [CITE_LACHIN]),
    ]
    # The machine's copy holds what it proposed: the deleted row and the original date are there.
    proposed = [(e.district, e.kind, e.date) for e in read_events(two_reports / PROPOSED_FILE)]
    assert ("Lachin District", "scheduled", D(2020, 12, 1)) in proposed and ("Agdam District", "completed", D(2020, 11, 20)) in proposed
    # Adding the same report again changes nothing.
    table = (two_reports / EVENTS_FILE).read_bytes()
    again = ok("story", "add", two_reports, LACHIN)
    assert f"Already in the story, unchanged: {LACHIN.name}." in again.stderr
    assert (two_reports / EVENTS_FILE).read_bytes() == table


def test_the_story_map_has_three_handovers_each_citing_its_report(two_reports):
    ok("story", "add", two_reports, LACHIN)
    result = ok("story", "build", two_reports)
    assert "4 row(s) of events.csv are still marked for review" in result.stderr
    data = page_data(two_reports / "map.html")
    completed = [(day, district, source) for day, district, kind, source in page_events(data) if kind == "completed"]
    assert completed == [
        ("2020-11-20", "Agdam District", f"{CITE_AGDAM} | {CITE_KALBAJAR}"),
        ("2020-11-25", "Kalbajar District", CITE_KALBAJAR),
        ("2020-12-01", "Lachin District", CITE_LACHIN),
    ]
    # The slider ends at the latest report's date, and the note names that report.
    assert page_stops(data)[-1] == "2020-12-01"
    page = (two_reports / "map.html").read_text(encoding="utf-8")
    assert f"As reported on 1 December 2020, the date of the latest report ({CITE_LACHIN})." in page
    assert "<title>Three districts change hands</title>" in page


def test_no_local_path_in_any_file_of_the_story(two_reports, tmp_path):
    ok("story", "add", two_reports, LACHIN)
    ok("story", "build", two_reports)
    written = [path for path in two_reports.rglob("*") if path.is_file()]
    assert {path.name for path in written} >= {SETTINGS_FILE, EVENTS_FILE, PROPOSED_FILE, "map.html"}
    for path in written:
        text = path.read_text(encoding="utf-8")
        for local in (str(tmp_path), str(REPO), str(Path.home()), "karabakh/", "tests/story"):
            assert local not in text, (path.name, local)


def test_the_slider_can_go_on_past_the_latest_report(two_reports, tmp_path):
    # After two reports, the latest of 25 November: Lachin's 1 December is announced, not done.
    ok("story", "build", two_reports)
    data = page_data(two_reports / "map.html")
    assert page_stops(data)[-1] == "2020-11-25"
    assert "unreported" not in [data["states"][row[4]] for row in data["districts"]]
    ok("story", "build", two_reports, "--until", "2020-12-05", "-o", tmp_path / "later.html")
    later = page_data(tmp_path / "later.html")
    assert page_stops(later)[-3:] == ["2020-12-01", "2020-12-02", "2020-12-05"]
    page = (tmp_path / "later.html").read_text(encoding="utf-8")
    assert "The slider goes on to 5 December 2020: what no report could tell by then is shown as not known." in page
    assert "Not known: after the latest report" in page  # in the legend: Lachin's date passed after the last report


def test_a_date_after_the_latest_report_is_not_drawn_as_fact():
    """The seed report alone is of 25 November: Lachin's 1 December date passing without a handover is not known."""
    inputs = prepare_map(events=ONE_REPORT_EVENTS)
    assert inputs.horizon == D(2020, 11, 25)
    timeline = inputs.timeline
    assert timeline.stops[-1] == D(2020, 11, 25)
    assert timeline.state("Lachin District", D(2020, 12, 1)) == "scheduled"
    assert timeline.state("Lachin District", D(2020, 12, 2)) == "unreported"  # not "overdue"
    assert timeline.state("Kalbajar District", D(2021, 6, 1)) == "transferred"  # a reported handover stays
    later = prepare_map(events=ONE_REPORT_EVENTS, until=D(2020, 12, 5))
    assert later.timeline.stops[-3:] == [D(2020, 12, 1), D(2020, 12, 2), D(2020, 12, 5)]


def test_the_default_story_knows_what_its_third_report_says():
    """The default map adds the report of 1 December: Lachin handed over that day, and the slider ends there."""
    inputs = prepare_map()
    assert inputs.horizon == D(2020, 12, 1)
    timeline = inputs.timeline
    assert timeline.stops[-1] == D(2020, 12, 1)
    assert timeline.state("Lachin District", D(2020, 11, 30)) == "scheduled"
    assert timeline.state("Lachin District", D(2020, 12, 1)) == "transferred"
    later = prepare_map(until=D(2020, 12, 5))
    assert later.timeline.state("Lachin District", D(2020, 12, 5)) == "transferred"  # reported: no "not known"


def test_the_snapshot_carries_the_note():
    inputs = prepare_map()
    assert inputs.note.startswith("As reported on 1 December 2020, the date of the latest report (The Daily Asian Age (AFP),")
    figure = draw_small_multiples(inputs)
    texts = " ".join(text.get_text().replace("\n", " ") for text in figure.texts)
    assert "As reported on 1 December 2020" in texts and "Azerbaijan army enters last district" in texts
    # Panels end with the slider: none after the latest report.
    panel_titles = [t.get_text() for t in figure.texts if t.get_text().endswith(" 2020") and t.get_text()[:1].isdigit()]
    assert panel_titles == ["15 Nov 2020", "20 Nov 2020", "25 Nov 2020", "1 Dec 2020"]


def test_the_note_names_the_latest_report_and_says_what_is_pending():
    agdam = Event("Agdam", D(2020, 11, 20), "completed", source=CITE_AGDAM)
    lachin = Event("Lachin", D(2020, 12, 1), "scheduled", source=f"{CITE_AGDAM} | {CITE_KALBAJAR}")
    note = as_reported_note([agdam, lachin])
    assert note.startswith(f"As reported on 25 November 2020, the date of the latest report ({CITE_KALBAJAR}). Dates after that were announced")
    assert as_reported_note([agdam]) == f"As reported on 20 November 2020, the date of the latest report ({CITE_AGDAM})."
    assert as_reported_note([Event("Agdam", D(2020, 11, 20), "completed")]) == ""  # no report, no date to name


def test_build_until_and_a_refused_until(tmp_path):
    result = ok("build", "--until", "2020-12-05", "-o", tmp_path / "map.html")
    assert page_stops(page_data(tmp_path / "map.html"))[-1] == "2020-12-05"
    result = invoke("build", "--until", "2020-11-01", "-o", tmp_path / "early.html")
    assert result.exit_code == 2
    assert "--until 2020-11-01 is before the first event, on 15 November 2020" in error_line(result)
    assert not (tmp_path / "early.html").exists()
    # A snapshot or page date after the slider's end is refused, as before.
    result = invoke("build", "--date", "2020-12-02", "-o", tmp_path / "late.html")
    assert result.exit_code == 2 and "outside the slider's range, 14 November 2020 to 1 December 2020" in error_line(result)


def test_reconcile_tells_a_persons_rows_from_the_machines():
    a = Event("Agdam", D(2020, 11, 20), "completed", "Armenia", "Azerbaijan", source="A")
    a2 = Event("Agdam", D(2020, 11, 20), "completed", "Armenia", "Azerbaijan", source="A | B")
    k = Event("Kalbajar", D(2020, 11, 25), "completed", source="B")
    mine = Event("Shusha", D(2020, 11, 8), "completed", note="added by hand")
    # Untouched machine rows follow the proposal: updated (its mark kept or set), or gone when no longer proposed.
    rows, changes = reconcile([Row(a), Row(k, NEW), Row(mine)], [a, k], [a2])
    assert rows == [Row(mine), Row(a2, UPDATED)]
    assert (changes.new, changes.updated, changes.withdrawn, changes.kept_edited, changes.kept_deleted) == (0, 1, 1, 0, 0)
    # A reviewed row that is unchanged keeps its cleared mark; a row that is new to the machine is marked.
    rows, changes = reconcile([Row(a)], [a], [a, k])
    assert rows == [Row(a), Row(k, NEW)]
    # An edited row (a party added by hand) is the person's: the machine's version is not put back.
    edited = Event("Agdam", D(2020, 11, 20), "completed", "Armenia", "Azerbaijan", source="A", note="checked")
    rows, changes = reconcile([Row(edited)], [a], [a2])
    assert rows == [Row(edited)] and changes.kept_edited == 1


def test_a_table_saved_by_a_spreadsheet_with_semicolons_is_read(two_reports):
    path = two_reports / EVENTS_FILE
    before = read_table(path)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_bytes(("\ufeff" + buffer.getvalue()).encode("utf-8"))
    assert read_table(path) == before
    result = ok("story", "add", two_reports, LACHIN)
    assert "1 new row(s) and 0 updated row(s)" in result.stderr and "Kept" not in result.stderr


def test_settings_are_readable_toml_that_reads_back(tmp_path):
    story = StorySettings(
        title='A "quoted" title\twith a tab\x7f', credits=["Photo: me"], until=D(2020, 12, 5), reports=[StoryReport("a.txt", D(2020, 11, 20))]
    )
    (tmp_path / SETTINGS_FILE).write_text(settings_toml(story), encoding="utf-8")
    assert read_settings(tmp_path) == story


@pytest.mark.parametrize(
    ("setup", "args", "code", "message"),
    [
        (None, ["story", "add", "{folder}", AGDAM], 3, "is not a story folder: it holds no story.toml"),
        ("init", ["story", "init", "{folder}"], 6, "is already a story folder"),
        ("init", ["story", "build", "{folder}"], 3, "has no events yet"),
        ("init", ["story", "add", "{folder}", "{other}"], 3, "The story already holds a different report named"),
        ("bad-toml", ["story", "build", "{folder}"], 3, "Cannot read"),
        ("init", ["story", "add", "{folder}", AGDAM, "--published", "nothere.txt=2020-11-20"], 2, "which is none of the reports"),
    ],
)
def test_bad_story_input_is_one_line_and_an_exit_code(tmp_path, setup, args, code, message):
    folder = tmp_path / "story"
    other = tmp_path / "elsewhere" / AGDAM.name
    other.parent.mkdir()
    other.write_text("Another report entirely\n\nNothing happened on 3 March 2021.\n", encoding="utf-8")
    if setup:
        ok("story", "init", folder)
        ok("story", "add", folder, AGDAM, "--published", "2020-11-20")
        if setup == "init" and "build" in args:
            ok("story", "init", tmp_path / "empty")
            folder = tmp_path / "empty"
        if setup == "bad-toml":
            (folder / SETTINGS_FILE).write_text("title = [unclosed\n", encoding="utf-8")
    before = {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()}
    result = invoke(*[str(a).format(folder=folder, other=other) for a in args])
    assert result.exit_code == code, result.stderr
    assert message in error_line(result)
    assert {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()} == before  # nothing half-written


def test_a_boundary_file_is_kept_relative_to_the_story_folder(tmp_path):
    boundaries = tmp_path / "districts.geojson"
    boundaries.write_bytes(AZE_ADM2.read_bytes())
    folder = tmp_path / "story"
    ok("story", "init", folder, "--boundaries", boundaries, "--name-field", "shapeName")
    settings = read_settings(folder)
    assert (settings.boundaries, settings.name_field) == ("../districts.geojson", "shapeName")
    ok("story", "add", folder, AGDAM, "--published", "2020-11-20")
    assert [row.event.district for row in read_table(folder / EVENTS_FILE)] == ["Agdam District", "Lachin District"]
    ok("story", "build", folder)
    assert page_stops(page_data(folder / "map.html"))[-1] == "2020-11-20"


def test_whatever_a_person_writes_in_the_review_column_reads_back(two_reports):
    marks = ['to check, with "Ana"', "=1+1", "two\nlines"]

    def mark(rows: list[dict[str, str]]) -> list[dict[str, str]]:
        for row, text in zip(rows, marks, strict=True):
            row["review"] = text
        return rows

    edit_table(two_reports, mark)
    ok("story", "add", two_reports, LACHIN)
    assert [row.review for row in read_table(two_reports / EVENTS_FILE)] == ['to check, with "Ana"', "=1+1", "two lines", NEW]
    assert "'=1+1" in (two_reports / EVENTS_FILE).read_text(encoding="utf-8")  # no formula for a spreadsheet
