"""Hostile events tables, names and boundary files (issue 9): spreadsheet
formulas, European CSV, malformed dates, partial-name matches, endless alias
files, impossible coordinates, invisible characters and hash-seed-dependent
labels. Each case has tests that failed before the hardening (others guard
what already worked); where a case is about exit codes it runs the real command.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
import time
import warnings
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

from conftest import AZE_ADM2, MIRROR, Outcome, run_command
from handover_map import BoundaryDataError, HandoverMapWarning, InputDataError, load_boundaries, read_events, write_events
from handover_map.cartography import district_label, prepare_layers
from handover_map.events import Event, events_csv
from handover_map.gazetteer import Gazetteer, join_events, read_aliases, visible

D = dt.date
HEADER = "district,date,kind,from,to,source,evidence,note,evidence_start,evidence_end"


def run(*args, env: dict | None = None) -> Outcome:
    """The command, run in this process (see :func:`conftest.run_command`)."""
    return run_command(list(args), env)


def run_process(*args, env: dict | None = None, timeout: float = 120, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The command in its own process: for a hang guard, another folder or another hash seed."""
    return subprocess.run(
        [sys.executable, "-m", "handover_map", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "HANDOVER_MAP_DATA_DIR": str(MIRROR), **(env or {})},
        cwd=cwd,
    )


def assert_user_error(result: Outcome | subprocess.CompletedProcess, code: int, message: str) -> None:
    errors = [line for line in result.stderr.splitlines() if not line.startswith("Warning:")]
    assert "Traceback" not in result.stderr, result.stderr
    assert len(errors) == 1 and errors[0].startswith("Error: ") and "Hint:" in errors[0], result.stderr
    assert message in errors[0], result.stderr
    assert result.returncode == code, result.stderr


def table(tmp_path: Path, text: str, name: str = "events.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


# -- 1. Safe CSV ------------------------------------------------------------------------------------------------------

FORMULAS = [
    '=HYPERLINK("http://example.invalid","click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
    "\u00a0@SUM(1)",
]


@pytest.mark.parametrize("column", ["district", "from_", "to", "source", "evidence", "note"])
@pytest.mark.parametrize("text", FORMULAS)
def test_formula_cells_get_an_apostrophe_in_csv_and_read_back_as_written(tmp_path, column, text):
    event = Event(**{"district": "Agdam", "date": D(2020, 11, 20), "kind": "completed", column: text})
    written = events_csv([event])
    cells = next(csv.DictReader(io.StringIO(written, newline="")))
    assert cells["from" if column == "from_" else column] == "'" + text
    write_events([event], tmp_path / "copy.csv")
    (back,) = read_events(tmp_path / "copy.csv")
    # The text as it was, without the apostrophe; names also lose control characters and outer spaces.
    assert getattr(back, column) == (visible(text) if column in ("district", "from_", "to") else text)


def test_numbers_dates_offsets_and_plain_text_are_left_alone():
    event = Event("Agdam", D(2020, 11, 20), "completed", "-5", "+3", "'tis a source", "1.5", "-12.25", 0, 9)
    written = events_csv([event]).splitlines()[1]
    assert written == "Agdam,2020-11-20,completed,-5,+3,'tis a source,1.5,-12.25,0,9,,,,"


def test_json_rows_are_unchanged():
    event = Event("Agdam", D(2020, 11, 20), "completed", evidence="=1+1")
    assert event.as_row()["evidence"] == "=1+1"


def test_a_users_own_apostrophe_survives(tmp_path):
    path = table(tmp_path, "district,date,kind,note\nAgdam,2020-11-20,completed,'tis so\nLachin,2020-12-01,scheduled,''=1\n")
    assert [e.note for e in read_events(path)] == ["'tis so", "''=1"]


def test_extract_review_build_keeps_the_text_and_the_csv_is_safe(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Report\n\n@SUM(1) Azerbaijani troops entered Agdam on 20 November 2020, officials said.\n", encoding="utf-8")
    csv_path, page = tmp_path / "events.csv", tmp_path / "map.html"
    extracted = run("extract", article, "--published", "2020-12-02", "-o", csv_path)
    assert extracted.returncode == 0, extracted.stderr
    (cells,) = csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8"), newline=""))
    assert cells["evidence"].startswith("'@SUM(1) Azerbaijani")
    as_json = json.loads(run("extract", article, "--published", "2020-12-02", "--format", "json").stdout)
    (event,) = read_events(csv_path)
    assert event.evidence == as_json["events"][0]["evidence"] and event.evidence.startswith("@SUM(1) Azerbaijani")
    built = run("build", "--events", csv_path, "--self-contained", "--context", "none", "-o", page)
    assert built.returncode == 0, built.stderr
    text = page.read_text(encoding="utf-8")
    assert "@SUM(1) Azerbaijani" in text and "'@SUM(1)" not in text


# -- 2. Semicolons, tabs, BOM and CRLF ---------------------------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [";", "\t", ","])
def test_semicolon_and_tab_tables_with_bom_and_crlf_are_read(tmp_path, delimiter):
    rows = [
        ["District", "Date", "Kind", "Source"],
        ["Agdam", "2020-11-20", "completed", "AFP, 25 November 2020; page 2"],
        ["Lachin", "2020-12-01", "scheduled", ""],
    ]
    quoted = [[f'"{cell}"' if delimiter in cell else cell for cell in row] for row in rows]
    path = table(tmp_path, "\ufeff" + "\r\n".join(delimiter.join(row) for row in quoted) + "\r\n")
    events = read_events(path)
    assert [(e.district, e.date, e.kind, e.source) for e in events] == [
        ("Agdam", D(2020, 11, 20), "completed", "AFP, 25 November 2020; page 2"),
        ("Lachin", D(2020, 12, 1), "scheduled", ""),
    ]


def test_cr_only_line_endings_are_read(tmp_path):
    path = table(tmp_path, "district;date;kind\rAgdam;2020-11-20;completed\rLachin;2020-12-01;scheduled\r")
    assert [e.district for e in read_events(path)] == ["Agdam", "Lachin"]


def test_a_semicolon_table_builds_from_the_command_line(tmp_path):
    path = table(tmp_path, "\ufeffdistrict;date;kind;note\r\nAgdam;2020-11-20;completed;handed back, as agreed\r\n")
    result = run("build", "--events", path, "--self-contained", "--context", "none", "-o", tmp_path / "map.html")
    assert result.returncode == 0, result.stderr
    assert "handed back, as agreed" in (tmp_path / "map.html").read_text(encoding="utf-8")


def test_another_separator_is_refused_naming_the_ones_read(tmp_path):
    result = run("build", "--events", table(tmp_path, "district|date|kind\nAgdam|2020-11-20|completed\n"), "-o", tmp_path / "map.html")
    assert_user_error(result, 3, "lacks the column(s) district, date, kind")
    assert "separated by commas, semicolons or tabs" in result.stderr


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("district,date,kind\nAgdam,2020-11-20,completed\n".encode("utf-16"), "is UTF-16 text"),
        (b"district,date,kind\nAgdam,2020-11-20,comp\x00leted\n", "is a binary file"),
    ],
)
def test_utf16_and_binary_tables_are_named_as_such(tmp_path, data, message):
    path = tmp_path / "events.csv"
    path.write_bytes(data)
    with pytest.raises(InputDataError, match=message):
        read_events(path)


# -- 3. Dates, offsets, blank rows -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "date", ["20201125", "2020-W48-3", "2020-11-25T10:00", "2020-11-5", "2020-330", "+2020-11-25", "٢٠٢٠-١١-٢٥", "2020-11-25 10:00", "2020-02-30"]
)
def test_only_yyyy_mm_dd_is_a_date(tmp_path, date):
    with pytest.raises(InputDataError, match=r"row 2: .* is not a date in the form YYYY-MM-DD"):
        read_events(table(tmp_path, f"district,date,kind\nAgdam,{date},completed\n"))


@pytest.mark.parametrize("date", ["0001-01-01", "9999-12-31", "1499-12-31", "2201-01-01"])
def test_implausible_years_are_input_errors_not_crashes(tmp_path, date):
    path = table(tmp_path, f"district,date,kind\nAgdam,{date},completed\n")
    assert_user_error(run("build", "--events", path, "-o", tmp_path / "map.html"), 3, f"row 2: the date {date} is not in the years 1500 to 2200")


def test_what_extract_reads_centuries_back_build_takes(tmp_path):
    # The reader reads days back to 1500 ("on 4 August 1704"): the table it writes must build.
    report = tmp_path / "gibraltar.txt"
    report.write_text("A town marks its history\n\nOn 4 August 1704 an English and Dutch fleet captured Gibraltar from Spain, the museum recalls.\n")
    events = tmp_path / "events.csv"
    extracted = run("extract", report, "--boundaries", "ne-10m-disputed-areas", "--published", "2004-08-04", "-o", events)
    assert extracted.returncode == 0, extracted.stderr
    assert [(e.district, e.date) for e in read_events(events)] == [("Gibraltar", D(1704, 8, 4))]
    built = run("build", "--events", events, "--boundaries", "ne-10m-disputed-areas", "-o", tmp_path / "map.html")
    assert built.returncode == 0, built.stderr


def test_the_edges_of_the_range_are_dates(tmp_path):
    path = table(tmp_path, "district,date,kind\nAgdam,1500-01-01,completed\nAgdam,2200-12-31,scheduled\n")
    assert [e.date for e in read_events(path)] == [D(1500, 1, 1), D(2200, 12, 31)]


@pytest.mark.parametrize("offset", ["abc", "-5", "1.5", "²", "٣", "1" * 5000, "0x10"])
def test_bad_evidence_offsets_are_input_errors_with_the_row(tmp_path, offset):
    path = table(tmp_path, f"district,date,kind,evidence_start\nLachin,2020-12-01,scheduled,0\nAgdam,2020-11-20,completed,{offset}\n")
    assert_user_error(run("build", "--events", path, "-o", tmp_path / "map.html"), 3, "row 3: evidence offset")


def test_trailing_blank_rows_are_skipped_with_a_warning(tmp_path):
    path = table(tmp_path, f"{HEADER}\r\nAgdam,2020-11-20,completed,,,,,,,\r\n,,,,,,,,,\r\n , ,,,,,,,,\r\n")
    with pytest.warns(HandoverMapWarning, match=r"Ignoring 2 blank row\(s\) .*row 3, 4"):
        assert [e.district for e in read_events(path)] == ["Agdam"]
    result = run("build", "--events", path, "--self-contained", "--context", "none", "-o", tmp_path / "map.html")
    assert result.returncode == 0, result.stderr
    assert "Warning: Ignoring 2 blank row(s)" in result.stderr


def test_a_table_of_only_blank_rows_has_no_events(tmp_path):
    with pytest.warns(HandoverMapWarning), pytest.raises(InputDataError, match="has no events"):
        read_events(table(tmp_path, "district,date,kind\n,,\n"))


# -- 4. Name matching and alias files ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "names", "closest"),
    [
        ("Kalbajar", ["Other Kalbajar District", "Agdam District", "Lachin District"], "Other Kalbajar District"),
        ("Marrow", ["Marrow Valley", "Harrow", "Barrow Hills"], "Marrow Valley"),
        ("Kalbajar District North", ["Kalbajar District", "Lachin District"], "Kalbajar District"),
    ],
)
def test_a_fuzzy_match_that_only_adds_or_drops_an_end_is_refused_with_candidates(name, names, closest):
    gazetteer = Gazetteer(names)
    assert gazetteer.lookup(name) is None  # so extraction does not take it either
    with pytest.raises(InputDataError, match=f"District '{name}' matches no boundary feature; closest: {closest}.*only part of the name agrees"):
        gazetteer.match(name)


def test_a_typo_still_matches_fuzzily():
    found = Gazetteer(["Kalbajar District", "Agdam District", "Lachin District"]).match("Kalbajr")
    assert (found.boundary_name, found.rule) == ("Kalbajar District", "fuzzy")


def _squares(path: Path, names: list[str], crs: str = "EPSG:4326") -> Path:
    frame = gpd.GeoDataFrame({"name": names}, geometry=[shapely.box(45 + i, 40, 45.9 + i, 40.9) for i in range(len(names))], crs="EPSG:4326")
    frame.to_crs(crs).to_file(path)
    return path


def test_partial_name_refused_from_the_command_line(tmp_path):
    boundaries = _squares(tmp_path / "districts.geojson", ["Other Kalbajar District", "Agdam District"])
    events = table(tmp_path, "district,date,kind\nKalbajar,2020-11-25,completed\n")
    result = run("build", "--events", events, "--boundaries", boundaries, "--context", "none", "-o", tmp_path / "map.html")
    assert_user_error(result, 3, "District 'Kalbajar' matches no boundary feature; closest: Other Kalbajar District")


def test_an_endless_alias_file_fails_fast(tmp_path):
    started = time.monotonic()
    assert_user_error(run_process("build", "--aliases", "/dev/zero", "-o", tmp_path / "map.html", timeout=60), 3, "Alias table '/dev/zero' is a binary file")
    assert time.monotonic() - started < 30


def test_a_huge_alias_file_fails_fast(tmp_path):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("name,alias\n" + "Agdam,Akna\n" * 1_000_000, encoding="utf-8")
    assert_user_error(run("build", "--aliases", aliases, "-o", tmp_path / "map.html"), 3, "is larger than 10 MB")


@pytest.mark.parametrize(
    ("data", "message"), [(b"name,alias\nAgdam,Ak\x00na\n", "is a binary file"), (b'name,alias\nAgdam,"' + b"x" * 200_000 + b'"\n', "is not valid CSV")]
)
def test_broken_alias_files_are_input_errors(tmp_path, data, message):
    path = tmp_path / "aliases.csv"
    path.write_bytes(data)
    with pytest.raises(InputDataError, match=message):
        read_aliases(path)


def test_a_missing_alias_file_is_an_input_error(tmp_path):
    with pytest.raises(InputDataError, match="Cannot read alias table"):
        read_aliases(tmp_path / "nope.csv")


# -- 5. Boundaries ----------------------------------------------------------------------------------------------------


def _geojson(path: Path, *features: tuple[str, object], crs: str | None = None) -> Path:
    """A GeoJSON file written by hand, so that it can hold what no library writes."""
    body = ",".join(
        f'{{"type":"Feature","properties":{{"name":{json.dumps(name)}}},"geometry":{{"type":"Polygon","coordinates":{rings}}}}}' for name, rings in features
    )
    member = f',"crs":{{"type":"name","properties":{{"name":"{crs}"}}}}' if crs else ""
    path.write_text(f'{{"type":"FeatureCollection"{member},"features":[{body}]}}', encoding="utf-8")
    return path


def _box(x0, y0, x1, y1) -> str:
    return f"[[[{x0},{y0}],[{x1},{y0}],[{x1},{y1}],[{x0},{y1}],[{x0},{y0}]]]"


BOUNDARY_CASES = {
    "longitude-400": (lambda t: _geojson(t / "b.geojson", ("X", _box(400, 40, 401, 41))), [], "outside longitude -180..180", "check the coordinates"),
    "latitude-95": (lambda t: _geojson(t / "b.geojson", ("X", _box(170, 80, 171, 95))), [], "outside longitude -180..180", "latitudes within -90..90"),
    "nan": (
        lambda t: _geojson(t / "b.geojson", ("X", "[[[NaN,40],[46,40],[46,41],[45,41],[NaN,40]]]")),
        [],
        "ring is not closed",
        "every coordinate as a number",
    ),
    "infinity": (lambda t: _geojson(t / "b.geojson", ("X", _box("Infinity", 40, 46, 41))), [], "not numbers (NaN or infinity)", "fix or remove"),
    "unclosed-ring": (lambda t: _geojson(t / "b.geojson", ("X", "[[[45,40],[46,40],[46,41],[45,41]]]")), [], "ring is not closed", "close every ring"),
    "metres-declared-4326": (
        lambda t: _geojson(t / "b.geojson", ("X", _box(500000, 4400000, 510000, 4410000)), crs="urn:ogc:def:crs:OGC:1.3:CRS84"),
        [],
        "outside longitude",
        "look like metres",
    ),
    "metres-assumed-4326": (lambda t: _squares(t / "b.shp", ["X"], "EPSG:32638"), ["--assume-crs", "EPSG:4326"], "outside longitude", "look like metres"),
    "swapped-axes": (lambda t: _geojson(t / "b.geojson", ("X", _box(40, 145, 41, 146))), [], "outside longitude", "axes look swapped"),
    "unknown-epsg-code": (lambda t: _squares(t / "b.geojson", ["X"]), ["--assume-crs", "EPSG:99999"], "'EPSG:99999' is not a CRS pyproj knows", "EPSG:32638"),
    "nonsense-crs": (lambda t: _squares(t / "b.geojson", ["X"]), ["--assume-crs", "foo"], "'foo' is not a CRS pyproj knows", "EPSG:32638"),
    "unconvertible-crs": (
        lambda t: _squares(t / "b.shp", ["X"], "EPSG:32638"),
        ["--assume-crs", 'ENGCRS["site",EDATUM["d"],CS[Cartesian,2],AXIS["x",east,LENGTHUNIT["metre",1]],AXIS["y",north,LENGTHUNIT["metre",1]]]'],
        "cannot be converted",
        "--assume-crs",
    ),
}


@pytest.mark.parametrize("case", BOUNDARY_CASES, ids=list(BOUNDARY_CASES))
def test_impossible_boundaries_are_boundary_errors(tmp_path, case):
    make, options, message, hint = BOUNDARY_CASES[case]
    boundaries = make(tmp_path)
    if case.startswith(("metres-assumed", "unconvertible")):
        boundaries.with_suffix(".prj").unlink()
    events = table(tmp_path, "district,date,kind\nX,2020-11-20,completed\n")
    result = run("build", "--events", events, "--boundaries", boundaries, *options, "--context", "none", "-o", tmp_path / "map.html")
    assert_user_error(result, 4, message)
    assert hint in result.stderr
    assert not (tmp_path / "map.html").exists()


@pytest.mark.parametrize(
    ("feature", "mapped", "warning"),
    [
        (("Flat", "[[[45,40],[46,41],[47,42],[45,40]]]"), "X", "Skipping 1 feature(s) of 'b.geojson' without area (their points lie on a line): Flat"),
        (("Wide", _box(-179, -17, 179, -16)), "Wide", "span more than 180° of longitude: Wide"),
        (("Polar", _box(27, 86, 28, 87)), "Polar", "beyond latitude 85°, which the web map cannot show: Polar. Are longitude and latitude swapped?"),
    ],
)
def test_implausible_geometry_builds_with_a_warning(tmp_path, feature, mapped, warning):
    _geojson(tmp_path / "b.geojson", ("X", _box(45, 40, 46, 41)), feature)
    events = table(tmp_path, f"district,date,kind\n{mapped},2020-11-20,completed\n")
    # run where the file is: the warning names it as given
    result = run_process("build", "--events", events, "--boundaries", "b.geojson", "--context", "none", "--self-contained", "-o", "map.html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Warning: " in result.stderr and warning in result.stderr, result.stderr


def test_plausible_boundaries_give_no_warning(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        frame = load_boundaries(_geojson(tmp_path / "b.geojson", ("X", _box(45, 40, 46, 41)), ("Y", _box(-180, -17, -179, -16))))
    assert list(frame["name"]) == ["X", "Y"]


def test_a_file_without_any_area_is_refused(tmp_path):
    with pytest.warns(HandoverMapWarning), pytest.raises(BoundaryDataError, match="No polygon of .* has an area"):
        load_boundaries(_geojson(tmp_path / "b.geojson", ("Flat", "[[[45,40],[46,41],[47,42],[45,40]]]")))


# -- 6. Labels: invisible characters, determinism ---------------------------------------------------------------------

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def test_visible_strips_bidi_and_format_characters_but_keeps_joiners():
    assert visible(f"{BIDI}Ag\u00addam\ufeff\u2060 District{BIDI}") == "Agdam District"
    assert visible("\u0645\u06cc\u200c\u0634\u0648\u062f") == "\u0645\u06cc\u200c\u0634\u0648\u062f"  # ZWNJ in Persian stays
    assert visible("Ag\ndam\u2028") == "Ag dam"


def test_boundary_names_and_labels_on_the_page_carry_no_bidi_controls(tmp_path):
    boundaries = _geojson(tmp_path / "b.geojson", ("\u202eAgdam District\u202c", _box(45, 40, 46, 41)), ("Lachin\u2067 District", _box(46, 40, 47, 41)))
    events = table(tmp_path, "district,date,kind\nAg\u202edam,2020-11-20,completed\n\u200fLachin,2020-12-01,scheduled\n")
    page = tmp_path / "map.html"
    result = run(
        "build",
        "--events",
        events,
        "--boundaries",
        boundaries,
        "--context",
        "none",
        "--self-contained",
        "-o",
        page,
        "--held-area",
        "none",
        "--held-area-label",
        "held\u202e",
    )
    assert result.returncode == 0, result.stderr
    text = page.read_text(encoding="utf-8")
    assert "Agdam District" in text and "Lachin District" in text
    for char in BIDI:
        assert char not in text and json.dumps(char)[1:-1] not in text.lower(), repr(char)


def test_prepare_layers_labels_are_visible_and_deterministic():
    frame = gpd.GeoDataFrame({"name": ["Agdam District"]}, geometry=[shapely.box(45, 40, 46, 41)], crs="EPSG:4326")
    events = [
        Event("Ag\u202edam", D(2020, 11, 20), "completed"),
        Event("Ağdam", D(2020, 11, 21), "completed"),
        Event("Ağdam", D(2020, 11, 22), "completed"),
        Event("Agdam District", D(2020, 11, 23), "completed"),
    ]
    joined = join_events(events, list(frame["name"]))
    (district,) = prepare_layers(frame, joined, held_area_label="\u202eheld").districts
    assert district.label == "Ağdam"  # as short as "Agdam", but written twice
    assert district_label("Agdam District", events[:1] + events[3:]) == "Agdam"
    assert district_label("Agdam District", [Event("Ağdam", D(2020, 1, 1), "completed"), Event("Agdam", D(2020, 1, 1), "completed")]) == "Ağdam"
    assert district_label("Agdam District", [Event("\u202e", D(2020, 1, 1), "completed")]) == "Agdam District"


def test_the_page_does_not_depend_on_the_hash_seed(tmp_path):
    events = table(tmp_path, "district,date,kind\nAgdam,2020-11-20,completed\nAğdam,2020-11-21,completed\n")
    pages = []
    for seed in ("1", "3"):  # seeds that chose different labels before
        page = tmp_path / f"map-{seed}.html"
        result = run_process("build", "--events", events, "--self-contained", "-o", page, env={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        pages.append(page.read_bytes())
    assert pages[0] == pages[1]
    assert '"Agdam"' in pages[0].decode("utf-8")


def test_joined_events_keep_table_order_across_spellings():
    names = list(gpd.read_file(AZE_ADM2)["shapeName"])
    events = [Event("Ağdam", D(2020, 11, 21), "completed"), Event("Agdam", D(2020, 11, 20), "completed"), Event("Ağdam", D(2020, 11, 19), "scheduled")]
    assert join_events(events, names)["Agdam District"] == events


def test_a_held_area_that_only_touches_a_district_leaves_it_whole_with_a_warning():
    # The held area is Agdam itself: Barda shares only its border with it, a line and no area.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = load_boundaries(AZE_ADM2, "shapeName")
    agdam = frame[frame["name"] == "Agdam District"].geometry.iloc[0]
    barda = frame[frame["name"] == "Barda District"].geometry.iloc[0]
    assert not shapely.intersection(barda, agdam).is_empty and shapely.intersection(barda, agdam).area < 1e-9
    joined = {name: [Event(name, dt.date(2020, 11, 20), "completed", "A", "B")] for name in ("Agdam District", "Barda District")}
    with pytest.warns(HandoverMapWarning, match="District 'Barda District' lies outside the held area; it is drawn whole"):
        layers = prepare_layers(frame, joined, held_area=agdam)
    drawn = {d.name: d for d in layers.districts}
    assert drawn["Barda District"].area_km2 == pytest.approx(drawn["Barda District"].district_km2)
    assert drawn["Agdam District"].area_km2 == pytest.approx(drawn["Agdam District"].district_km2, rel=1e-6)
