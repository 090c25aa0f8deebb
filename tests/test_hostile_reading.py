"""Hostile articles and tables on the reading side (issue 9): linear time,
pages read right whatever their encoding marks, no crash on dates past the
calendar, no local path in what is written, the same output whatever the
hash seed or folder.

Growth is measured, never absolute speed: the CPU time for an input sixteen
times larger, against a generous bound (linear work grows 16 times, n log n
about 21, quadratic 256). Absolute limits are hang guards only.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import geopandas as gpd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import AZE_ADM2, MIRROR, REPO, run_command
from handover_map import InputDataError, read_article
from handover_map.article import parse_article
from handover_map.events import Event
from handover_map.extract import extract_events
from handover_map.gazetteer import Gazetteer, read_aliases
from handover_map.reading import MAX_SENTENCE
from handover_map.timeline import build_timeline, group_by_district, state_on

D = dt.date
#: Sixteen times the input may take this many times longer: linear gives 16, quadratic 256.
MAX_GROWTH = 40.0
SCALE = 16
HANG_GUARD_SECONDS = 30


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(list(gpd.read_file(AZE_ADM2)["shapeName"]), read_aliases())


def _cpu_seconds(work, argument, runs: int = 3) -> float:
    """Least CPU time of ``runs`` runs (CPU time of this process: other processes do not count)."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        work(argument)
        times.append(time.process_time() - start)
    return min(times)


def _growth(make, work, *, start: int = 256, floor: float = 0.01) -> tuple[float, int]:
    """How much longer ``work(make(SCALE * n))`` takes than ``work(make(n))``.

    ``n`` doubles from ``start`` until one run takes ``floor`` seconds, so
    that timer noise is small and superlinear work shows before it hangs.
    The small input's time is the least of three runs, the large one's a
    single run, which a disturbance can only lengthen: when the ratio is
    over :data:`MAX_GROWTH`, both are measured again, three runs each
    (a passing disturbance on a shared machine is not growth).
    """
    n = start
    while (small := _cpu_seconds(work, make(n))) < floor and n < 1_000_000:
        n *= 2
    ratio = _cpu_seconds(work, make(SCALE * n), runs=1) / small
    if ratio > MAX_GROWTH:
        ratio = min(ratio, _cpu_seconds(work, make(SCALE * n)) / _cpu_seconds(work, make(n)))
    return ratio, n


def _one_sentence(unit: str):
    """An article whose body is one sentence: ``unit`` repeated to ``n`` characters, no full stop inside."""
    return lambda n: "Officials said that " + unit * max(1, n // len(unit)) + " and troops left on 1 December."


def _many_lines(unit: str):
    """An article of many short paragraphs made of ``unit``."""

    def make(n: int) -> str:
        line = "Officials said that " + (unit * max(1, 300 // len(unit))).strip() + " and troops left on 1 December."
        return "\n".join([line] * max(1, n // len(line)))

    return make


def _extractor(gazetteer):
    return lambda text: extract_events(parse_article(text, location="x.txt", published=D(2020, 11, 25)), gazetteer)


# The repetitions issue 9 names: cue words, place names, dates, commas, clauses,
# coordinations, long sentences without full stops; and those that made a regular
# expression backtrack (hyphenated capitals, runs of blanks, credits, separators).
ADVERSARIAL_UNITS = [
    "deadline ",
    "Aghdam deadline ",
    "Aghdam, Kalbajar, Lachin, ",
    "on 20 November 2020 ",
    ", , , and ",
    "; Lachin is due on 1 December ",
    "Kalbajar was to be handed over by November 15 and Lachin by December 1, but ",
    "and deadline Lachin by Dec. 1 ",
    "Lachin was postponed from 15 November to 1 December ",
    "postponed ",
    "Kalbajar district ",
    "A-",
    " ",
    "(AFP ",
    "Photo by ",
    "not ",
    "Friday ",
    "on 1 December, a day after Lachin fell, ",
]


@pytest.mark.parametrize("unit", ADVERSARIAL_UNITS)
def test_extraction_grows_linearly_with_repetitions(gazetteer, unit):
    for shape in (_one_sentence, _many_lines):
        ratio, n = _growth(shape(unit), _extractor(gazetteer))
        assert ratio < MAX_GROWTH, f"{unit!r} as {shape.__name__}: {ratio:.1f} times slower for {SCALE * n:,} characters than for {n:,}"


def test_separators_between_places_cost_no_backtracking(gazetteer):
    # "Aghdam , , , ... x Lachin": the list-separator pattern once tried every split of the blanks (2 ** n).
    ratio, n = _growth(lambda n: "Officials said that Aghdam" + " ," * (n // 2) + " x Lachin was ceded on 1 December 2020.", _extractor(gazetteer))
    assert ratio < MAX_GROWTH, f"{ratio:.1f} times slower for {SCALE * n:,} characters than for {n:,}"


def test_blanks_after_a_date_are_read_once(gazetteer):
    # Each "was ceded" takes the date before it and then looks for a coordination starting
    # right after that date: the blanks there were rescanned for every place that follows.
    def make(n: int) -> str:
        return "Officials said that on 1 November" + " " * (n // 2) + "Aghdam was ceded Lachin was ceded " * (n // 68) + " now."

    ratio, n = _growth(make, _extractor(gazetteer))
    assert ratio < MAX_GROWTH, f"{ratio:.1f} times slower for {SCALE * n:,} characters than for {n:,}"


def test_comments_before_a_text_cost_no_backtracking(tmp_path):
    # Comments before the first tag: the page test once tried every way of grouping them (2 ** n).
    def make(n: int) -> Path:
        path = tmp_path / f"{n}.txt"
        path.write_text("<!-- saved -->\n" * (n // 15) + "Azerbaijani troops entered Lachin on 1 December 2020, officials said.", encoding="utf-8")
        return path

    ratio, n = _growth(make, read_article)
    assert ratio < MAX_GROWTH, f"{ratio:.1f} times slower for {SCALE * n:,} characters than for {n:,}"


FRAGMENTS = [
    "deadline",
    "was ceded",
    "is to be handed over",
    "postponed",
    "entered",
    "will be returned",
    "handover",
    "not",
    "if",
    "Aghdam",
    "Ağdam",
    "Kalbajar",
    "Lachin",
    "Kalbadjar district",
    "Upper Foo district",
    "Shusha",
    "20 November 2020",
    "Nov. 15",
    "December 1",
    "Friday",
    "tomorrow",
    ",",
    ";",
    "and",
    "but",
    "from",
    "to",
    "by ten days",
    "—",
    "-",
    "(AFP",
    "Mr.",
    " ",
    "\t",
]


@settings(max_examples=10, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=6), st.booleans())
def test_extraction_grows_linearly_for_any_repeated_fragment(gazetteer, fragments, one_sentence):
    unit = " ".join(fragments) + " "
    ratio, n = _growth((_one_sentence if one_sentence else _many_lines)(unit), _extractor(gazetteer))
    assert ratio < MAX_GROWTH, f"{unit!r}: {ratio:.1f} times slower for {SCALE * n:,} characters than for {n:,}"


def test_a_one_megabyte_article_is_extracted_within_seconds(gazetteer, tmp_path):
    corpus = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted((REPO / "tests" / "articles").glob("*.txt")))
    hostile = (
        "Aghdam deadline deadline deadline, Kalbajar and Lachin were ceded on 20 November 2020, , , ; "
        "Lachin is due on 1 December and Kalbajar by Dec. 2 and deadline Lachin by Dec. 3 "
    ) * 2000 + "on 1 December."
    text = ""
    while len(text) < 1_000_000:
        text += corpus + "\n" + hostile + "\n"
    path = tmp_path / "2020-11-25-big.txt"
    path.write_text(text[:1_000_000].rsplit("\n", 1)[0], encoding="utf-8")
    start = time.monotonic()
    extraction = extract_events(read_article(path), gazetteer)
    assert time.monotonic() - start < HANG_GUARD_SECONDS
    assert ("scheduled", D(2020, 12, 3)) in {(e.kind, e.date) for e in extraction.events}  # from the hostile part


@pytest.mark.parametrize(
    "text",
    [
        # Digits that str.isdigit() takes and int() refuses, where counts of days and years are read.
        "On 25 November, ² days before the handover of Lachin, Azerbaijan took Kalbajar.\n",
        "In ²²²² Azerbaijan took Kalbajar on 25 November 2020.\n",
        "Azerbaijan took Kalbajar on 25 November 2020, ³ weeks after the fall of Shusha.\n",
    ],
)
def test_superscript_digits_are_no_count(gazetteer, text):
    extraction = extract_events(parse_article(text, location="x.txt", published=dt.date(2020, 11, 26)), gazetteer)
    # Read as no count: no error, and the sentence's own day.
    assert {e.date for e in extraction.events} == {dt.date(2020, 11, 25)}


def test_evidence_stays_short_whatever_the_sentence(gazetteer):
    # Every event quoted its whole sentence: a 1 MB sentence with many events wrote gigabytes.
    filler = "and officials spoke at length about the convoys and the roads " * 80
    text = f"Officials said that {filler}Azerbaijani troops entered Lachin on 1 December 2020 {filler}and Aghdam was ceded on 20 November 2020 {filler}."
    extraction = extract_events(parse_article(text, location="x.txt"), gazetteer)
    assert {(e.district, e.kind) for e in extraction.events} == {("Lachin District", "completed"), ("Agdam District", "completed")}
    for event in extraction.events:
        # A sentence is read (and quoted) in pieces of at most MAX_SENTENCE characters.
        assert len(event.evidence) <= MAX_SENTENCE
        assert event.as_written in event.evidence
        assert event.evidence == " ".join(text[event.evidence_start : event.evidence_end].split())


# The timeline: the state of a district on a day, as the rules in timeline.py
# define it (the former quadratic code), to check the fast one against.
def _reference_state(events: list[Event], day: dt.date) -> str:
    completed = sorted((e for e in events if e.kind == "completed" and e.date <= day), key=lambda e: (e.date, e.to))
    since = dt.date.min
    if completed:
        givers = sorted((e.date, e.kind, e.from_) for e in events if e.from_)
        original = givers[0][2] if givers else ""
        if not completed[-1].to or completed[-1].to != original:
            return "transferred"
        since = completed[-1].date
    givers = sorted((e.date, e.kind, e.from_) for e in events if e.from_)
    original = givers[0][2] if givers else ""
    # After a handback, a plan to hand it back to its holder is the handback's own.
    plans = [e for e in events if not (completed and original and e.to == original)]
    postponed = {e.date for e in plans if e.kind == "postponed"}
    statuses = []
    for date in sorted(d for d in {e.date for e in plans if e.kind == "scheduled"} | postponed if d > since):
        if date in postponed:
            statuses.append("scheduled" if day < date else "postponed")
        else:
            statuses.append("scheduled" if day <= date else "overdue")
    if "scheduled" in statuses:
        return "scheduled"
    if statuses:
        return statuses[-1]
    return "transferred" if completed else "held"  # handed back, no plan since: under its holder again


def _random_events(rng: random.Random, count: int, districts: int = 1, span: int = 40) -> list[Event]:
    return [
        Event(
            f"D{rng.randrange(districts)}",
            D(2020, 1, 1) + dt.timedelta(days=rng.randrange(span)),
            rng.choice(["scheduled", "postponed", "completed"]),
            rng.choice(["", "A", "B"]),
            rng.choice(["", "A", "B"]),
        )
        for _ in range(count)
    ]


event_strategy = st.builds(
    Event,
    st.just("X"),
    st.dates(min_value=D(2020, 1, 1), max_value=D(2020, 2, 15)),
    st.sampled_from(["scheduled", "postponed", "completed"]),
    st.sampled_from(["", "A", "B"]),
    st.sampled_from(["", "A", "B"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(event_strategy, min_size=1, max_size=12))
def test_timeline_gives_the_states_the_rules_define(events):
    timeline = build_timeline({"X": events})
    for offset in range(-2, 50):
        day = D(2020, 1, 1) + dt.timedelta(days=offset)
        assert state_on(events, day) == _reference_state(events, day)
        assert timeline.state("X", day) == _reference_state(events, day)
    assert timeline.changes["X"][0] == (None, _reference_state(events, min(e.date for e in events) - dt.timedelta(days=1)))


@pytest.mark.parametrize("districts", [1, 40])
def test_timeline_grows_n_log_n(districts):
    rng = random.Random(9)
    ratio, n = _growth(lambda n: group_by_district(_random_events(rng, n, districts, span=5000)), build_timeline, start=100)
    assert ratio < MAX_GROWTH, f"{ratio:.1f} times slower for {SCALE * n:,} events than for {n:,}"


def test_two_hundred_thousand_events_within_seconds():
    events = group_by_district(_random_events(random.Random(3), 200_000, districts=5, span=3000))
    start = time.monotonic()
    timeline = build_timeline(events)
    states = [timeline.state(name, day) for name in events for day in timeline.stops]
    assert time.monotonic() - start < HANG_GUARD_SECONDS
    assert len(states) == len(events) * len(timeline.stops)
    sample = events["D0"][:2000]  # the same rules as the day-by-day reference, on a part
    small = build_timeline({"D0": sample})
    for day in sorted({e.date for e in sample})[::37]:
        assert small.state("D0", day) == _reference_state(sample, day)


def test_timeline_takes_the_first_and_last_days_of_the_calendar():
    events = [
        Event("X", dt.date.min, "scheduled"),
        Event("X", dt.date.min, "postponed"),
        Event("X", D(1, 1, 2), "scheduled"),
        Event("Y", dt.date.max, "scheduled"),
        Event("Y", D(2020, 1, 1), "completed", "A", "B"),
        Event("Z", dt.date.max, "completed", "A", "B"),
        Event("Z", D(9999, 12, 30), "postponed"),
    ]
    grouped = group_by_district(events)
    timeline = build_timeline(grouped)
    assert timeline.stops[0] == dt.date.min and timeline.stops[-1] == dt.date.max
    for name, own in grouped.items():
        for day in (dt.date.min, D(1, 1, 2), D(1, 1, 3), D(2020, 1, 1), D(9999, 12, 30), dt.date.max):
            assert timeline.state(name, day) == state_on(own, day) == _reference_state(own, day), (name, day)


# Saved pages whatever their encoding marks.
_BODY = (
    "<p>Azerbaijani troops entered the Kalbajar district on 25 November 2020, officials in Baku said on Wednesday.</p>"
    "<p>The handover of Lachin is due by December 1, the defence ministry said in a statement.</p>"
)
_PAGE = (
    "<html><head><title>Troops Enter Kalbajar After Delay</title>"
    "<meta property='article:published_time' content='2020-11-26'></head>"
    "<body><nav>Home | News | 1 January 2019</nav><article><h1>Troops Enter Kalbajar After Delay</h1>{body}</article>"
    "<aside>Aghdam was ceded on 3 March 2019, a sidebar says in its own words here.</aside></body></html>"
)
_XHTML = (
    "<?xml version='1.0' encoding='utf-8'?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
    '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
) + _PAGE.replace("<html>", "<html xmlns='http://www.w3.org/1999/xhtml'>")
_UTF8 = str.encode
PAGES = {  # name: (page, how it is saved)
    "utf-8": (_PAGE, _UTF8),
    "utf-8 with BOM": (_PAGE, lambda page: codecs.BOM_UTF8 + page.encode()),
    "utf-16 (BOM, little-endian)": (_PAGE, lambda page: page.encode("utf-16")),
    "utf-16-le with BOM": (_PAGE, lambda page: codecs.BOM_UTF16_LE + page.encode("utf-16-le")),
    "utf-16-be with BOM": (_PAGE, lambda page: codecs.BOM_UTF16_BE + page.encode("utf-16-be")),
    "utf-32 with BOM": (_PAGE, lambda page: page.encode("utf-32")),
    "XHTML with XML declaration": (_XHTML, _UTF8),
    "XHTML in UTF-16": (_XHTML.replace("utf-8", "utf-16"), lambda page: page.encode("utf-16")),
    "comments before <html>": ("<!-- saved from url=(0042)https://example.org/news -->\n<!--[if IE]><![endif]-->\n" + _PAGE, _UTF8),
    "comment, then CR LF": ("<!-- saved page -->\r\n" + _PAGE.replace("><", ">\r\n<"), _UTF8),
    "300 nested divs": (_PAGE.replace("{body}", "<div>" * 300 + "{body}" + "</div>" * 300), _UTF8),
    "1,900 nested divs": (_PAGE.replace("{body}", "<div>" * 1900 + "{body}" + "</div>" * 1900), _UTF8),
}


@pytest.mark.parametrize("name", list(PAGES))
def test_saved_pages_are_read_as_pages_whatever_their_encoding_marks(gazetteer, tmp_path, name):
    page, save = PAGES[name]
    path = tmp_path / "page.html"
    path.write_bytes(save(page.replace("{body}", _BODY)))
    article = read_article(path)
    assert article.headline == "Troops Enter Kalbajar After Delay"
    assert (article.published, article.published_from) == (D(2020, 11, 26), "page metadata")
    assert "sidebar" not in article.text and "Home | News" not in article.text
    events = {(e.as_written, e.kind, e.date) for e in extract_events(article, gazetteer).events}
    assert events == {("Kalbajar", "completed", D(2020, 11, 25)), ("Lachin", "scheduled", D(2020, 12, 1))}


def test_a_page_in_its_declared_legacy_encoding_is_read_right(tmp_path):
    page = _PAGE.replace("<head>", "<head><meta charset='windows-1251'>").replace("Troops Enter Kalbajar After Delay", "Войска вошли в Кельбаджар")
    path = tmp_path / "page.html"
    path.write_bytes(page.replace("{body}", _BODY).encode("cp1251"))
    assert read_article(path).headline == "Войска вошли в Кельбаджар"


def test_pages_nested_past_the_parser_limit_are_refused_with_a_hint(tmp_path):
    for nested in ("<div>" * 5000, "<span>" * 3000, "<ul><li>" * 1500):
        path = tmp_path / "deep.html"
        path.write_text(_PAGE.replace("{body}", nested + _BODY), encoding="utf-8")
        with pytest.raises(InputDataError, match="too deep") as error:
            read_article(path)
        assert error.value.hint


LF_ARTICLE = (REPO.parent / "shared" / "articles" / "2020-11-25-kalbajar-handover.txt").read_text(encoding="utf-8")


def _rows(extraction) -> list[tuple]:
    return [(e.district, e.kind, e.date, e.evidence, e.evidence_start, e.evidence_end) for e in extraction.events]


@pytest.mark.parametrize("line_end", ["\r", "\r\n", "mixed", "\u2029"])
def test_line_endings_give_the_same_events_as_lf(gazetteer, line_end):
    lines = LF_ARTICLE.split("\n")
    if line_end == "mixed":  # a CR never right before an empty line's LF: that would be one CR LF
        ends = [("\r\n", "\n", "\r")[i % 3] if lines[i + 1 : i + 2] != [""] else "\n" for i in range(len(lines))]
        text = "".join(line + end for line, end in zip(lines, ends))
    else:
        text = line_end.join(lines)
    expected = extract_events(parse_article(LF_ARTICLE, location="2020-11-25-kalbajar-handover.txt"), gazetteer)
    found = extract_events(parse_article(text, location="2020-11-25-kalbajar-handover.txt"), gazetteer)
    assert len(expected.events) == 5
    assert _rows(found) == _rows(expected)
    assert found.report() == expected.report()


# Dates past the calendar.
@pytest.mark.parametrize("days", ["9999999", "99999999999999"])
def test_a_postponement_past_the_calendar_is_reported_not_raised(gazetteer, days):
    text = (
        "Kalbajar was due to be handed over on 15 November, officials said on Monday in Baku.\n"
        f"The handover of Kalbajar was postponed by {days} days at the request of the other side.\n"
        "Azerbaijani troops entered Lachin on 1 December 2020, the defence ministry said.\n"
    )
    extraction = extract_events(parse_article(text, location="x.txt", published=D(2020, 12, 2)), gazetteer)
    assert {(e.as_written, e.kind, e.date) for e in extraction.events} == {
        ("Kalbajar", "scheduled", D(2020, 11, 15)),
        ("Kalbajar", "postponed", D(2020, 11, 15)),
        ("Lachin", "completed", D(2020, 12, 1)),
    }
    (shift,) = [d for d in extraction.report()["unattached_dates"] if d["text"] == f"by {days} days"]
    assert shift["date"] is None and "outside the calendar" in shift["reason"]


@pytest.mark.parametrize("published", [dt.date.min, dt.date.max, D(1, 1, 2), D(9999, 12, 30)])
def test_an_extreme_publication_date_works(gazetteer, tmp_path, published):
    text = (
        "Azerbaijani troops entered Aghdam yesterday, and Lachin will be handed over tomorrow, officials said.\n"
        "Kalbajar was handed over on Friday, and Gubadly is to be handed over on 1 December, the ministry said on Sunday.\n"
        "Zangilan is to be returned on 29 February, and Fuzuli on 31 February 2020, a statement said today.\n"
    )
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    for article in (parse_article(text, location="x.txt", published=published), read_article(path, published=published)):
        extraction = extract_events(article, gazetteer)
        assert extraction.report()["published"] == {"date": published.isoformat(), "from": "option"}
        assert ("Gubadly", "scheduled") in {(e.as_written, e.kind) for e in extraction.events}
        reasons = {d["text"]: d["reason"] for d in extraction.report()["unattached_dates"] if d["date"] is None}
        assert reasons.get("31 February 2020") == "names no day of the calendar"
        assert set(reasons.values()) <= {"names no day of the calendar", "falls outside the calendar (years 1 to 9999)"}
        build_timeline(group_by_district(extraction.events))


# No local path in what is written.
def test_no_folder_of_the_user_in_sources_or_the_report(gazetteer, tmp_path, monkeypatch):
    home = tmp_path / "home" / "alice"
    folder = home / "Downloads" / "reports"
    folder.mkdir(parents=True)
    path = folder / "2020-11-25-kalbajar-handover.txt"
    path.write_text(LF_ARTICLE, encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    extraction = extract_events(read_article(path), gazetteer)
    written = json.dumps({"events": [e.as_row() for e in extraction.events], "report": extraction.report()}, ensure_ascii=False)
    assert extraction.events
    for event in extraction.events:
        assert event.source == "Azerbaijan Army Moves into Second District Handed Back by Armenia, 2020-11-25"
    for leak in (str(tmp_path), str(home), "alice", "Downloads", os.path.expanduser("~")):
        assert leak not in written
    result = run_command(["extract", path, "--format", "json", "-o", tmp_path / "e.json"])
    assert result.returncode == 0, result.stderr
    assert "alice" not in (tmp_path / "e.json").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "location", ["C:\\Users\\alice\\Downloads\\report.txt", "/home/alice/report.txt", "report.txt", "https://example.org/alice/report.txt"]
)
def test_the_source_names_neither_file_nor_folder(gazetteer, location):
    article = parse_article("Azerbaijani troops entered Lachin on 1 December 2020, the defence ministry said.", location=location)
    (event,) = extract_events(article, gazetteer).events
    assert event.source == "(untitled)"  # the report's own words (it gives no date of its own), never the user's file


# The same output whatever the hash seed or folder.
DETERMINISM_ARTICLE = """Troops Move Into Three Districts As Deadlines Pass

BAKU, 25 November 2020 (Agency) - Azerbaijani troops entered the Ağdam district on 20 November 2020, the defence ministry said.
Aghdam was formally handed over on 20 November, and Agdam residents watched the convoys arrive on Friday.
Kalbajar was due to be handed over on 15 November, but the handover was postponed by ten days at the request of the other side.
Kelbajar, Lachin and Gubadly will be returned by 1 December, officials said, while Laçın is to be handed over by Dec. 1.
Shusha and the Khojavend district were not mentioned; the Kalbadjar district was entered on 25 November 2020.
"""
_DUMP = """
import dataclasses, json, sys
import geopandas as gpd
from handover_map import read_article
from handover_map.extract import extract_events
from handover_map.gazetteer import Gazetteer, read_aliases
from handover_map.reading import MAX_SENTENCE
gazetteer = Gazetteer(list(gpd.read_file(sys.argv[2])["shapeName"]), read_aliases())
extraction = extract_events(read_article(sys.argv[1]), gazetteer)
print(json.dumps({"events": [e.as_row() for e in extraction.events], "report": extraction.report()}, ensure_ascii=False))
"""


def test_extraction_is_the_same_whatever_the_hash_seed_or_folder(tmp_path):
    outputs = []
    for seed, folder in (("1", "a"), ("2", "a"), ("3", "home/someone/b")):
        path = tmp_path / folder / "2020-11-25-three-districts.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(DETERMINISM_ARTICLE, encoding="utf-8")
        result = subprocess.run(
            [sys.executable, "-c", _DUMP, str(path), str(AZE_ADM2)],
            capture_output=True,
            text=True,
            timeout=300,
            cwd=path.parent,
            env={**os.environ, "PYTHONHASHSEED": seed, "HANDOVER_MAP_DATA_DIR": str(MIRROR)},
        )
        assert result.returncode == 0, result.stderr
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    events = json.loads(outputs[0])["events"]
    assert {e["as_written"] for e in events} >= {"Ağdam", "Kalbajar", "Lachin", "Gubadly"}


def test_a_weekday_of_a_change_at_the_calendar_s_start_is_no_crash(gazetteer):
    # Found by the fuzz: a weekday read forward, then a week back, from a publication on 1 January of year 1.
    article = parse_article("deadline Friday ; 0 0 was ceded Aghdam\n", location="x.txt", published=D(1, 1, 1))
    assert [(e.district, e.date) for e in extract_events(article, gazetteer).events] == [("Agdam District", D(1, 1, 5))]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # Found by the fuzz: a day without its year ahead of a publication in year 1, told in the past tense (a year before it is none).
        ("was ceded Aghdam Nov. 15 was ceded was ceded" + " deadline" * 11 + "\n", D(1, 1, 1)),
        # An anniversary counting back past the year 1.
        ("Today marks 2025 years since Aghdam was ceded.\n", D(2025, 11, 20)),
    ],
)
def test_a_year_before_the_calendar_s_start_is_no_crash(gazetteer, text, published):
    article = parse_article(text, location="x.txt", published=published)
    assert all(e.date.year >= 1 for e in extract_events(article, gazetteer).events)
