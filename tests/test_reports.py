"""Many reports, one table (issue 11): several reports or a folder in one
command, each with its own publication date, one row per event citing every
report that gives it, and reports that disagree kept side by side and marked.

The reports in ``tests/reports/`` were written for these tests: ``story/``
tells three handovers in three reports (20 November, 25 November, 1
December 2020); ``other/`` holds a report that dates Kalbajar's handover a
day earlier and one that gives no date of its own. Commands run in-process
with click's CliRunner.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import warnings
from html import escape
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import REPO
from handover_map.article import parse_article
from handover_map.build import prepare_map
from handover_map.cli import cli
from handover_map.events import Event, events_csv, read_events
from handover_map.reports import citation, merge_reports, split_sources
from handover_map.timeline import state_on

REPORTS = REPO / "tests" / "reports"
STORY = REPORTS / "story"
AGDAM = STORY / "2020-11-20-agdam.txt"
KALBAJAR = STORY / "kalbajar-returned.html"
LACHIN = STORY / "2020-12-01-lachin.txt"
EARLY = REPORTS / "other" / "2020-11-24-kalbajar-early.txt"
UNDATED = REPORTS / "other" / "lachin-tuesday.txt"

CITE_AGDAM = "Caspian Wire, Azerbaijani Troops Enter Agdam As First District Is Returned, 2020-11-20"
CITE_KALBAJAR = "Mountain Herald, Kalbajar returned after a ten-day delay, 2020-11-25, https://herald.example.org/2020/11/25/kalbajar-returned"
CITE_LACHIN = "Highland Courier, Lachin Becomes The Last District Handed Back, 2020-12-01"
CITE_EARLY = "Plains Gazette, Kalbajar Changes Hands A Day Early, Officials Say, 2020-11-24"
D = dt.date


def invoke(*args: object) -> Result:
    """Run the CLI in-process; its warning display and filters are put back afterwards."""
    with warnings.catch_warnings():
        return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, env={"HANDOVER_MAP_OFFLINE": "1"})


def extract(tmp_path: Path, *args: object, name: str = "events.csv") -> list[Event]:
    table = tmp_path / name
    result = invoke("extract", *args, "-o", table)
    assert result.exit_code == 0, result.stderr
    return read_events(table)


def rows(events: list[Event]) -> list[tuple[str, str, dt.date, list[str], str]]:
    return [(e.district, e.kind, e.date, split_sources(e.source), e.reports_differ) for e in events]


def test_three_reports_give_one_table_each_handover_citing_its_report(tmp_path):
    events = extract(tmp_path, AGDAM, KALBAJAR, LACHIN)
    assert rows(events) == [
        ("Agdam District", "completed", D(2020, 11, 20), [CITE_AGDAM, CITE_KALBAJAR], ""),
        ("Kalbajar District", "completed", D(2020, 11, 25), [CITE_KALBAJAR], ""),
        ("Lachin District", "scheduled", D(2020, 12, 1), [CITE_AGDAM, CITE_KALBAJAR], ""),
        ("Lachin District", "completed", D(2020, 12, 1), [CITE_LACHIN], ""),
    ]
    # Each report keeps its own publication date: dateline, page metadata, dateline.
    result = invoke("extract", AGDAM, KALBAJAR, LACHIN)
    assert "2020-11-20-agdam.txt: Published: 2020-11-20 (from dateline)" in result.stderr
    assert "kalbajar-returned.html: Published: 2020-11-25 (from page metadata)" in result.stderr
    assert "2020-12-01-lachin.txt: Published: 2020-12-01 (from dateline)" in result.stderr
    assert "Found 4 event(s) in 3 reports: 2 given by several reports, 0 where reports differ on the date." in result.stderr


def test_the_same_event_from_two_reports_is_one_row_citing_both(tmp_path):
    events = extract(tmp_path, AGDAM, KALBAJAR)
    (agdam,) = [e for e in events if e.district == "Agdam District"]
    assert split_sources(agdam.source) == [CITE_AGDAM, CITE_KALBAJAR]
    quoted = agdam.evidence.split(" | ")
    assert len(quoted) == 2
    assert "entered the Agdam district on 20 November 2020, hours after" in quoted[0]
    assert quoted[1].startswith("Azerbaijani troops entered the Agdam district on 20 November, the first of the three")
    # Offsets and spelling are the first report's (the earlier one): its sentence is at them.
    text = AGDAM.read_text(encoding="utf-8")
    assert " ".join(text[agdam.evidence_start : agdam.evidence_end].split()) == quoted[0]
    assert (agdam.from_, agdam.to, agdam.reports_differ) == ("Armenia", "Azerbaijan", "")


def test_the_earlier_report_comes_first_whatever_the_order_given(tmp_path):
    assert rows(extract(tmp_path, KALBAJAR, AGDAM, name="a.csv")) == rows(extract(tmp_path, AGDAM, KALBAJAR, name="b.csv"))


def test_reports_that_disagree_on_a_date_are_kept_side_by_side_and_marked(tmp_path):
    events = extract(tmp_path, AGDAM, KALBAJAR, LACHIN, EARLY)
    kalbajar = [(e.date, split_sources(e.source), e.reports_differ) for e in events if e.district == "Kalbajar District"]
    assert kalbajar == [
        (D(2020, 11, 24), [CITE_EARLY], "2020-11-24 | 2020-11-25"),
        (D(2020, 11, 25), [CITE_KALBAJAR], "2020-11-24 | 2020-11-25"),
    ]
    assert all(not e.reports_differ for e in events if e.district != "Kalbajar District")


def test_a_folder_stands_for_its_reports(tmp_path):
    assert rows(extract(tmp_path, STORY, name="folder.csv")) == rows(extract(tmp_path, AGDAM, KALBAJAR, LACHIN, name="files.csv"))
    # A file named twice, or in a folder named too, is read once; other files are skipped with a warning.
    folder = tmp_path / "reports"
    shutil.copytree(STORY, folder)
    (folder / "notes.md").write_text("my notes\n", encoding="utf-8")
    result = invoke("extract", folder, folder / AGDAM.name)
    assert result.exit_code == 0, result.stderr
    assert "Skipping 1 file(s) of 'reports' that are not" in result.stderr and "notes.md" in result.stderr
    assert result.stdout == (tmp_path / "files.csv").read_text(encoding="utf-8")


def test_build_with_a_folder_and_with_repeated_articles_maps_every_report(tmp_path):
    for args in (["--article", STORY], ["--article", AGDAM, "--article", KALBAJAR, "--article", LACHIN]):
        page = tmp_path / "map.html"
        result = invoke("build", *args, "-o", page)
        assert result.exit_code == 0, result.stderr
        html = page.read_text(encoding="utf-8")
        for cited in (CITE_AGDAM, CITE_KALBAJAR, CITE_LACHIN):
            # The credits cite each report, its address linked by its site.
            words, _, address = cited.rpartition(", ")
            if address.startswith("https://"):
                assert f'Events: {escape(words)}, <a href="{address}"' in html
            else:
                assert f"Events: {escape(cited)}" in html
    inputs = prepare_map(article=[STORY])
    assert [line for line in inputs.credits if line.startswith("Events: ")] == sorted(f"Events: {c}" for c in (CITE_AGDAM, CITE_KALBAJAR, CITE_LACHIN))
    # The later report supersedes the earlier ones' expectation on the map: Lachin was handed over on 1 December.
    assert state_on(inputs.joined["Lachin District"], D(2020, 12, 2)) == "transferred"
    assert state_on(inputs.joined["Kalbajar District"], D(2020, 11, 25)) == "transferred"
    # ... while the table keeps both rows.
    assert sorted(e.kind for e in inputs.joined["Lachin District"]) == ["completed", "scheduled"]


def test_published_sets_one_reports_date(tmp_path):
    # The undated report says "on Tuesday": its date comes from --published FILE=DATE, the others keep theirs.
    events = extract(tmp_path, STORY, UNDATED, "--published", f"{UNDATED.name}=2020-12-01", name="a.csv")
    (lachin,) = [e for e in events if e.district == "Lachin District" and e.kind == "completed"]
    cite_undated = "(untitled), 2020-12-01"
    assert (lachin.date, split_sources(lachin.source)) == (D(2020, 12, 1), [CITE_LACHIN, cite_undated])
    # Another date for it: the Tuesday before 8 December, which the Highland Courier contradicts.
    events = extract(tmp_path, STORY, UNDATED, "--published", f"{UNDATED}=2020-12-08", name="b.csv")
    completed = [(e.date, split_sources(e.source), e.reports_differ) for e in events if e.district == "Lachin District" and e.kind == "completed"]
    assert completed == [
        (D(2020, 12, 1), [CITE_LACHIN], "2020-12-01 | 2020-12-08"),
        (D(2020, 12, 8), ["(untitled), 2020-12-08"], "2020-12-01 | 2020-12-08"),
    ]
    # One report: a plain date still works, as before.
    (event,) = extract(tmp_path, UNDATED, "--published", "2020-12-01", name="c.csv")
    assert (event.date, event.source) == (D(2020, 12, 1), cite_undated)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--published", "2020-12-01"], "sets the date of one report, and 4 are given"),
        (["--published", "nothing.txt=2020-12-01"], "which is none of the reports"),
        (["--published", "lachin-tuesday.txt=2020-13-01"], "is not a date like 2020-11-25"),
        (["--published", "lachin-tuesday.txt=0020-12-01"], "not a plausible publication date"),
        (["--published", "2020-12-01", "--published", "lachin-tuesday.txt=2020-12-01"], "not both"),
        (["--published", "=2020-12-01"], "names no report"),
    ],
)
def test_bad_published_options_are_usage_errors(tmp_path, args, message):
    output = tmp_path / "events.csv"
    output.write_text("earlier\n", encoding="utf-8")
    result = invoke("extract", STORY, UNDATED, *args, "-o", output)
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]  # click's usage lines aside (main() prints one line)
    assert result.exit_code == 2, result.stderr
    assert len(errors) == 1 and message in errors[0] and "Traceback" not in result.stderr
    assert output.read_text(encoding="utf-8") == "earlier\n"


def test_a_folder_without_reports_is_refused(tmp_path):
    (tmp_path / "empty").mkdir()
    result = invoke("extract", tmp_path / "empty")
    assert result.exit_code == 3 and "holds no report" in result.stderr and "Traceback" not in result.stderr


def test_no_local_path_in_the_table_json_or_page(tmp_path):
    folder = tmp_path / "home" / "alice-private" / "Downloads"
    shutil.copytree(REPORTS, folder)
    written = {}
    for name, args in (
        ("events.csv", ["extract", folder / "story", folder / "other"]),
        ("events.json", ["extract", folder / "story", folder / "other", "--format", "json"]),
        ("single.json", ["extract", folder / "story" / KALBAJAR.name, "--format", "json"]),
        ("map.html", ["build", "--article", folder / "story", "--article", folder / "other"]),
    ):
        result = invoke(*args, "-o", tmp_path / name)
        assert result.exit_code == 0, result.stderr
        written[name] = (tmp_path / name).read_text(encoding="utf-8")
    for name, text in written.items():
        for leak in (str(tmp_path), "alice-private", "Downloads"):
            assert leak not in text, name
    # Nor the file's name in a citation: the table and the page cite reports, not files.
    for name in ("events.csv", "map.html"):
        for report in (AGDAM, KALBAJAR, LACHIN, EARLY, UNDATED):
            assert report.name not in written[name], (name, report.name)
    reports = json.loads(written["events.json"])["reports"]
    assert [r["file"] for r in reports] == [AGDAM.name, LACHIN.name, KALBAJAR.name, EARLY.name, UNDATED.name]
    assert reports[2]["source"] == CITE_KALBAJAR and reports[2]["events"] == 3
    assert json.loads(written["single.json"])["report"]["published"] == {"date": "2020-11-25", "from": "page metadata"}


def test_the_merged_table_round_trips_and_builds(tmp_path):
    table = tmp_path / "events.csv"
    assert invoke("extract", STORY, EARLY, "-o", table).exit_code == 0
    text = table.read_text(encoding="utf-8")
    assert events_csv(read_events(table)) == text
    assert text.splitlines()[0].endswith(",as_written,match,reports_differ,confirmation")
    result = invoke("build", "--events", table, "-o", tmp_path / "map.html")
    assert result.exit_code == 0, result.stderr
    # Byte for byte the same on a second run.
    again = tmp_path / "again.csv"
    assert invoke("extract", STORY, EARLY, "-o", again).exit_code == 0
    assert again.read_bytes() == table.read_bytes()


def _event(district: str, day: int, kind: str = "completed", source: str = "", to: str = "Azerbaijan") -> Event:
    return Event(district, D(2020, 11, day), kind, "Armenia", to, source, f"{district} {day} {source}")


def test_merge_rules():
    a, b, c = "A, 2020-11-20", "B, 2020-11-25", "C, 2020-11-25"
    merged = merge_reports(
        [
            (b, [_event("Lachin", 30, "scheduled", b), _event("Agdam", 20, "completed", b, to="Russia")], D(2020, 11, 25)),
            (a, [_event("Lachin", 15, "scheduled", a), _event("Agdam", 20, "completed", a)], D(2020, 11, 20)),
            (c, [_event("Lachin", 29, "scheduled", c), _event("Gubadly", 1, "completed", c), _event("Gubadly", 2, "completed", c)], D(2020, 11, 25)),
        ]
    )
    assert [(e.district, e.date.day, e.kind, e.to, e.source, e.reports_differ) for e in merged] == [
        ("Gubadly", 1, "completed", "Azerbaijan", c, ""),  # one report giving two dates: no disagreement
        ("Gubadly", 2, "completed", "Azerbaijan", c, ""),
        ("Lachin", 15, "scheduled", "Azerbaijan", a, ""),  # a later report announcing a new date: the story goes on
        ("Agdam", 20, "completed", "Azerbaijan", a, ""),  # another taker: another event, not merged
        ("Agdam", 20, "completed", "Russia", b, ""),
        ("Lachin", 29, "scheduled", "Azerbaijan", c, "2020-11-29 | 2020-11-30"),  # reports of one day disagree
        ("Lachin", 30, "scheduled", "Azerbaijan", b, "2020-11-29 | 2020-11-30"),
    ]


def test_citation_names_outlet_headline_date_and_web_address_only():
    page = """<html><head><title>Lachin | handed back</title>
<meta property="og:site_name" content="Valley | Times">
<link rel="canonical" href="{url}">
<meta property="article:published_time" content="2020-12-01T10:00:00Z"></head>
<body><article><h1>Lachin | handed back</h1>
<p>Azerbaijani troops entered the Lachin district on 1 December 2020, the defence ministry said in a statement.</p>
</article></body></html>"""
    web = parse_article(page.format(url="https://valley.example.org/news/lachin?a=1|2"), location="/home/alice/lachin.html", is_html=True)
    assert citation(web) == "Valley / Times, Lachin / handed back, 2020-12-01, https://valley.example.org/news/lachin?a=1%7C2"
    local = parse_article(page.format(url="file:///home/alice/lachin.html"), location="/home/alice/lachin.html", is_html=True)
    assert "alice" not in citation(local) and local.url == ""
    assert citation(parse_article("Azerbaijani troops entered Lachin.\n", location="/home/alice/x.txt")) == "(untitled)"
