"""Every failure a user can cause: one line on stderr, a documented exit code,
no traceback, and an earlier output file left as it was.

Exit codes: 2 usage, 3 input data, 4 boundary data, 5 download, 6 output.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pytest

from conftest import AZE_ADM2, MIRROR, REPO, Outcome
from conftest import run_command as run

BAD = REPO / "tests" / "bad_inputs"
ARTICLES = REPO / "tests" / "articles"


@dataclass
class Case:
    id: str
    args: Callable[[Path], list]
    code: int
    message: str
    env: Callable[[Path], dict] = field(default=lambda tmp: {})
    writes: bool = True  # the command takes -o


def _no_crs_shapefile(tmp: Path) -> Path:
    path = tmp / "nocrs.shp"
    gpd.read_file(AZE_ADM2).to_crs("EPSG:32638")[["shapeName", "geometry"]].to_file(path)
    path.with_suffix(".prj").unlink()
    return path


def _huge(tmp: Path) -> Path:
    path = tmp / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(25_000_000)
    return path


def _folder_without_reports(tmp: Path) -> Path:
    """A folder is read as the reports in it: one holding none is refused."""
    folder = tmp / "no-reports"
    folder.mkdir()
    (folder / "notes.csv").write_text("district,date,kind\n", encoding="utf-8")
    return folder


def _tampered_mirror(tmp: Path) -> dict:
    mirror = tmp / "mirror"
    mirror.mkdir()
    (mirror / AZE_ADM2.name).write_bytes(AZE_ADM2.read_bytes().replace(b"Lachin", b"Lachyn", 1))
    return {"HANDOVER_MAP_DATA_DIR": str(mirror)}


def _file(tmp: Path) -> Path:
    """A file where a folder would be: nothing can be written below it, even by root."""
    path = tmp / "a-file"
    path.write_text("not a folder")
    return path


def _unwritable(tmp: Path) -> Path:
    if os.geteuid() == 0:
        return Path("/sys/map.html")  # even root may not create files in sysfs
    folder = tmp / "locked"
    folder.mkdir(mode=0o555)
    return folder / "map.html"


CASES = [
    # articles
    Case("article-missing", lambda t: ["build", "--article", BAD / "nope.txt"], 3, "does not exist"),
    Case("article-empty", lambda t: ["build", "--article", BAD / "article-empty.txt"], 3, "is empty"),
    Case("article-binary", lambda t: ["build", "--article", BAD / "article-binary.txt"], 3, "is a binary file"),
    Case("article-folder", lambda t: ["build", "--article", _folder_without_reports(t)], 3, "holds no report"),
    Case("article-huge", lambda t: ["build", "--article", _huge(t)], 3, "larger than any news report"),
    Case("article-no-handovers", lambda t: ["build", "--article", ARTICLES / "no-handover-economy.txt"], 3, "Found no handover events"),
    # boundaries
    Case("boundaries-missing", lambda t: ["build", "--boundaries", BAD / "nope.gpkg"], 4, "does not exist"),
    Case("boundaries-corrupt", lambda t: ["build", "--boundaries", BAD / "boundaries-corrupt.geojson"], 4, "Could not read boundary file"),
    Case("boundaries-empty", lambda t: ["build", "--boundaries", BAD / "boundaries-empty.geojson"], 4, "has no features"),
    Case("boundaries-points", lambda t: ["build", "--boundaries", BAD / "boundaries-points.geojson"], 4, "holds Point geometry, not district areas"),
    Case("boundaries-lines", lambda t: ["build", "--boundaries", BAD / "boundaries-lines.geojson"], 4, "holds LineString geometry"),
    Case("boundaries-no-name-field", lambda t: ["build", "--boundaries", BAD / "boundaries-no-name-field.geojson"], 4, "Cannot tell which field"),
    Case("boundaries-wrong-name-field", lambda t: ["build", "--boundaries", AZE_ADM2, "--name-field", "NAME_EN"], 4, "has no field 'NAME_EN'"),
    Case("boundaries-no-crs", lambda t: ["build", "--boundaries", _no_crs_shapefile(t), "--name-field", "shapeName"], 4, "--assume-crs"),
    Case(
        "boundaries-bad-assumed-crs",
        lambda t: ["build", "--boundaries", _no_crs_shapefile(t), "--name-field", "shapeName", "--assume-crs", "EPSG:0"],
        4,
        "is not a CRS pyproj knows",
    ),
    Case("boundaries-unknown-source", lambda t: ["build", "--boundaries", "no-such-source"], 4, "does not exist"),
    # events tables
    Case("events-missing", lambda t: ["build", "--events", BAD / "nope.csv"], 3, "does not exist"),
    Case("events-empty", lambda t: ["build", "--events", BAD / "events-empty.csv"], 3, "has no events"),
    Case("events-missing-column", lambda t: ["build", "--events", BAD / "events-missing-kind.csv"], 3, "lacks the column(s) kind"),
    Case("events-impossible-date", lambda t: ["build", "--events", BAD / "events-impossible-date.csv"], 3, "'2020-02-30' is not a date"),
    Case("events-unknown-kind", lambda t: ["build", "--events", BAD / "events-unknown-kind.csv"], 3, "unknown kind 'liberated'"),
    Case("events-unknown-district", lambda t: ["build", "--events", BAD / "events-unknown-district.csv"], 3, "District 'Atlantis' matches no boundary feature"),
    Case(
        "events-ambiguous-district", lambda t: ["build", "--events", BAD / "events-ambiguous-district.csv"], 3, "could be any of: Shusha City, Shusha District"
    ),
    Case("events-not-utf8", lambda t: ["build", "--events", BAD / "events-latin1.csv"], 3, "is not UTF-8 text"),
    # output
    Case("output-folder-missing", lambda t: ["build", "-o", t / "missing" / "map.html"], 6, "does not exist"),
    Case("output-not-writable", lambda t: ["build", "-o", _unwritable(t)], 6, "Cannot write in"),
    Case("output-is-a-folder", lambda t: ["build", "-o", t], 6, "is a folder"),
    # data sources
    Case("mirror-wrong-checksum", lambda t: ["build"], 5, "refusing it", env=_tampered_mirror),
    Case(
        "no-network-no-mirror",
        lambda t: ["build"],
        5,
        "forbids downloading it",
        env=lambda t: {"HANDOVER_MAP_DATA_DIR": str(t / "empty"), "HANDOVER_MAP_CACHE_DIR": str(t / "cache"), "HANDOVER_MAP_OFFLINE": "1"},
    ),
    # usage
    Case("usage-unknown-option", lambda t: ["build", "--colour", "red"], 2, "No such option '--colour'"),
    Case("usage-bad-date", lambda t: ["build", "--date", "25/11/2020"], 2, "is not a date like 2020-11-25"),
    Case("aliases-without-columns", lambda t: ["build", "--aliases", BAD / "events-empty.csv"], 3, "needs the columns name and alias"),
    Case("usage-events-and-article", lambda t: ["build", "--events", BAD / "events-empty.csv", "--article", BAD / "article-empty.txt"], 2, "not both"),
    # implausible option values (issue 9)
    Case(
        "published-year-1",
        lambda t: ["build", "--article", ARTICLES / "no-handover-economy.txt", "--published", "0001-01-01"],
        2,
        "not a plausible publication date",
    ),
    Case("published-year-9999", lambda t: ["build", "--article", ARTICLES / "no-handover-economy.txt", "--published", "9999-12-31"], 2, "years 1800 to 2200"),
    Case(
        "extract-published-year-9999",
        lambda t: ["extract", ARTICLES / "no-handover-economy.txt", "--published", "9999-12-31"],
        2,
        "not a plausible publication date",
    ),
    Case("simplify-nan", lambda t: ["build", "--simplify", "nan"], 2, "is not a number of metres"),
    Case("simplify-inf", lambda t: ["build", "--simplify", "inf"], 2, "is not a number of metres"),
    Case("simplify-negative", lambda t: ["snapshot", "--simplify", "-1"], 2, "is not a number of metres"),
    Case("tiles-not-a-provider", lambda t: ["build", "--tiles", "no such tiles"], 2, "neither a tile provider's name nor an http(s) tile URL"),
    Case("tiles-template-name", lambda t: ["build", "--tiles", "{{ 7*7 }}"], 2, "contains template syntax"),
    Case("tiles-needs-a-key", lambda t: ["build", "--tiles", "Thunderforest.OpenCycleMap"], 2, "needs an API key"),
    Case("tiles-url-without-attribution", lambda t: ["build", "--tiles", "https://tiles.example.org/{z}/{x}/{y}.png"], 2, "need --tiles-attribution"),
    Case(
        "tiles-url-without-placeholders",
        lambda t: ["build", "--tiles", "https://tiles.example.org/map.png", "--tiles-attribution", "Example"],
        2,
        "needs the placeholders {z}, {x} and {y}",
    ),
    Case(
        "tiles-url-template-expression",
        lambda t: ["build", "--tiles", "https://t.example.org/{{z}}/{x}/{y}.png", "--tiles-attribution", "Example"],
        2,
        "contains template syntax",
    ),
    Case(
        "tiles-url-template-statement",
        lambda t: ["build", "--tiles", "https://t.example.org/{% if 1 %}{z}/{x}/{y}.png", "--tiles-attribution", "Example"],
        2,
        "contains template syntax",
    ),
    Case(
        "tiles-url-template-comment",
        lambda t: ["build", "--tiles", "https://t.example.org/{#c#}{z}/{x}/{y}.png", "--tiles-attribution", "Example"],
        2,
        "contains template syntax",
    ),
    Case(
        "tiles-url-quote",
        lambda t: ["build", "--tiles", "https://t.example.org/{z}/{x}/{y}.png?'", "--tiles-attribution", "Example"],
        2,
        "which no tile URL needs",
    ),
    Case(
        "tiles-url-space",
        lambda t: ["build", "--tiles", "https://t.example.org/{z}/{x}/{y}.png x", "--tiles-attribution", "Example"],
        2,
        "which no tile URL needs",
    ),
    Case("tiles-url-javascript", lambda t: ["build", "--tiles", "javascript:alert(1)//{z}/{x}/{y}"], 2, "neither a tile provider's name"),
    Case("tiles-attribution-without-url", lambda t: ["build", "--tiles-attribution", "Example"], 2, "goes with a tile URL"),
    Case(
        "self-contained-read-only-cache",
        lambda t: ["build", "--self-contained"],
        6,
        "Cannot write the web assets",
        env=lambda t: {"HANDOVER_MAP_CACHE_DIR": str(_file(t) / "cache"), "HANDOVER_MAP_OFFLINE": "1"},
    ),
    Case("embed-javascript-url", lambda t: ["embed", BAD / "article-cp1252.txt", "--url", "javascript:alert(1)"], 2, "is not an http(s) URL", writes=False),
    Case(
        "embed-javascript-url-mixed-case",
        lambda t: ["embed", BAD / "article-cp1252.txt", "--url", "JaVaScRiPt:alert(1)"],
        2,
        "is not an http(s) URL",
        writes=False,
    ),
    Case("embed-data-url", lambda t: ["embed", BAD / "article-cp1252.txt", "--url", "data:text/html,<b>x</b>"], 2, "is not an http(s) URL", writes=False),
    Case("embed-url-with-a-tab", lambda t: ["embed", BAD / "article-cp1252.txt", "--url", "java\tscript:alert(1)"], 2, "control characters", writes=False),
    Case("embed-height-negative", lambda t: ["embed", BAD / "article-cp1252.txt", "--height", "-5"], 2, "is not in the range", writes=False),
    Case("embed-height-zero", lambda t: ["embed", BAD / "article-cp1252.txt", "--height", "0"], 2, "is not in the range", writes=False),
    Case("embed-height-absurd", lambda t: ["embed", BAD / "article-cp1252.txt", "--height", "1000000000"], 2, "is not in the range", writes=False),
]


def run_installed(args: list, env: dict) -> subprocess.CompletedProcess:
    """The same command as a user runs it, in its own process."""
    return subprocess.run(
        [sys.executable, "-m", "handover_map", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "HANDOVER_MAP_DATA_DIR": str(MIRROR), **env},
    )


#: Cases also run as their own process, as a user runs them: a usage error, a data error, an output error.
IN_A_PROCESS = {"simplify-negative", "events-not-utf8", "output-is-a-folder"}


@pytest.mark.parametrize(
    ("case", "runner"),
    [(c, run) for c in CASES] + [(c, run_installed) for c in CASES if c.id in IN_A_PROCESS],
    ids=[c.id for c in CASES] + [f"{c}-process" for c in sorted(IN_A_PROCESS, key=[c.id for c in CASES].index)],
)
def test_bad_input(case: Case, runner: Callable[[list, dict], Outcome | subprocess.CompletedProcess], tmp_path: Path):
    previous = tmp_path / "previous.html"
    previous.write_text("previous map")
    args = case.args(tmp_path)
    if case.writes and "-o" not in args:
        args += ["-o", previous]
    result = runner(args, case.env(tmp_path))
    errors = [line for line in result.stderr.splitlines() if not line.startswith("Warning:")]
    assert "Traceback" not in result.stderr
    assert len(errors) == 1 and errors[0].startswith("Error: "), result.stderr
    assert "Hint:" in errors[0]
    assert case.message in errors[0]
    assert result.returncode == case.code, result.stderr
    assert previous.read_text() == "previous map"
    assert not list(tmp_path.rglob("*.tmp"))


@pytest.mark.parametrize(
    ("args", "warning"),
    [
        (["--events", BAD / "events-bom-and-spaces.csv"], None),
        (["--boundaries", BAD / "boundaries-self-intersecting.geojson", "--events", BAD / "events-bom-and-spaces.csv"], "Repaired 1 invalid polygon"),
        (["--events", BAD / "events-duplicated-district.csv", "--held-area", "none"], "Lankaran District (2 features)"),
        (["--article", BAD / "article-cp1252.txt"], None),
    ],
    ids=["bom-and-whitespace", "self-intersection", "duplicate-names", "cp1252-article"],
)
def test_repairable_input_builds_with_a_warning(tmp_path, args, warning):
    result = run(["build", *args, "-o", tmp_path / "map.html"], {})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "map.html").stat().st_size > 1000
    if warning:
        assert "Warning: " in result.stderr and warning in result.stderr


def test_unexpected_failures_are_one_line_unless_debug(tmp_path):
    # Simulate a bug deep in the pipeline: the CLI must not dump a traceback
    # on a reader, but must show one with --debug.
    program = (
        "import sys, handover_map.build as b\n"
        "def broken(*args, **options): raise RuntimeError('simulated bug')\n"
        "b.prepare_map = broken\n"
        "from handover_map.cli import main\n"
        "sys.argv = ['handover-map'] + sys.argv[1:]\n"
        "main()\n"
    )
    plain = subprocess.run([sys.executable, "-c", program, "build", "-o", tmp_path / "m.html"], capture_output=True, text=True)
    assert plain.returncode == 1
    assert plain.stderr.strip() == "Error: unexpected RuntimeError: simulated bug. Hint: rerun with --debug for the traceback and report it."
    debug = subprocess.run([sys.executable, "-c", program, "--debug", "build", "-o", tmp_path / "m.html"], capture_output=True, text=True)
    assert debug.returncode == 1
    assert "Traceback" in debug.stderr and "RuntimeError: simulated bug" in debug.stderr
