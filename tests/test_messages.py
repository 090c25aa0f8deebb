"""Clear messages for mistakes a user makes (issue 13): a `--date` off the
slider, degrees assumed for a file in metres, a name that only extends
another, and the duplicate-name warning only where it concerns the map.

The commands run in-process with click's CliRunner; the library's own errors
are checked through its API.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
from click.testing import CliRunner, Result

from conftest import AZE_ADM2
from handover_map import build_map
from handover_map._errors import OptionError
from handover_map.boundaries import SHARED_NAMES, load_boundaries
from handover_map.cli import cli

DUPLICATE_WARNING = "belong to more than one feature"


def invoke(*args: object) -> Result:
    """Run the CLI in-process; its warning display and filters are put back afterwards."""
    with warnings.catch_warnings():
        result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, env={"HANDOVER_MAP_OFFLINE": "1"})
    return result


def error_line(result: Result) -> str:
    lines = [line for line in result.stderr.splitlines() if not line.startswith("Warning:")]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ") and "unexpected" not in lines[0] and "report it" not in lines[0]
    return lines[0]


def _table(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "events.csv"
    path.write_text(text, encoding="utf-8")
    return path


# -- --date off the slider ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("day", ["2030-01-01", "2020-11-13", "1990-06-01"])
def test_a_date_outside_the_slider_is_refused(tmp_path, day):
    result = invoke("build", "--date", day, "-o", tmp_path / "map.html")
    assert result.exit_code == 2
    line = error_line(result)
    assert f"{day}, is outside the slider's range, 14 November 2020 to 1 December 2020" in line
    assert "give --date from 2020-11-14 to 2020-12-01" in line
    assert not (tmp_path / "map.html").exists()


def test_a_snapshot_date_outside_the_slider_is_refused(tmp_path):
    result = invoke("snapshot", "--date", "2020-11-20", "--date", "2031-01-01", "-o", tmp_path / "small")
    assert result.exit_code == 2
    assert "A snapshot date, 2031-01-01, is outside the slider's range, 14 November 2020 to 1 December 2020" in error_line(result)
    assert not list(tmp_path.iterdir())


def test_a_closed_pipe_is_not_reported_as_a_bug():
    import subprocess
    import sys

    script = "import sys\nfrom handover_map.cli import main\nsys.argv = ['handover-map', 'data', 'list']\nmain()\n"
    reader = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.close()  # the reader stops before the first line, as "| head -0" does
    stderr = reader.stderr.read().decode()
    reader.wait(timeout=120)
    assert "unexpected" not in stderr and "report it" not in stderr and "Traceback" not in stderr


@pytest.mark.parametrize("day", ["2020-11-14", "2020-11-21", "2020-11-25"])
def test_a_date_within_the_slider_is_taken(tmp_path, day):
    result = invoke("build", "--date", day, "-o", tmp_path / "map.html")
    assert result.exit_code == 0, result.stderr
    page = (tmp_path / "map.html").read_text(encoding="utf-8")
    epoch = dt.date.fromisoformat(re.search(r'"epoch":"([0-9-]+)"', page).group(1))  # type: ignore[union-attr]
    assert f'"initial":{(dt.date.fromisoformat(day) - epoch).days},' in page


def test_the_library_refuses_an_initial_date_off_the_slider(tmp_path):
    with pytest.raises(OptionError, match="outside the slider's range"):
        build_map(tmp_path / "map.html", initial_date=dt.date(2021, 1, 1))


# -- --assume-crs EPSG:4326 on metres -------------------------------------------------------------------------------


@pytest.fixture
def metres_without_crs(tmp_path) -> Path:
    """Two districts in UTM 38N metres, as a Shapefile without its .prj."""
    path = tmp_path / "rayons.shp"
    frame = gpd.GeoDataFrame(
        {"name": ["Agdam District", "Lachin District"]}, geometry=[shapely.box(46.5, 39.9, 46.9, 40.1), shapely.box(46.3, 39.5, 46.6, 39.8)], crs="EPSG:4326"
    )
    frame.to_crs("EPSG:32638").to_file(path)
    path.with_suffix(".prj").unlink()
    return path


@pytest.mark.parametrize("command", ["build", "snapshot", "extract"])
def test_metres_assumed_to_be_degrees_is_a_boundary_error(tmp_path, metres_without_crs, command):
    article = tmp_path / "article.txt"
    article.write_text("Agdam was handed over to Azerbaijan on 20 November 2020.\n", encoding="utf-8")
    events = _table(tmp_path, "district,date,kind\nAgdam,2020-11-20,completed\n")
    inputs = [article] if command == "extract" else ["--events", events, "--context", "none", "-o", tmp_path / "out"]
    result = invoke(command, *inputs, "--boundaries", metres_without_crs, "--assume-crs", "EPSG:4326")
    assert result.exit_code == 4
    line = error_line(result)
    assert "outside longitude -180..180" in line and "look like metres or feet" in line and "EPSG:32638" in line
    right = invoke(command, *inputs, "--boundaries", metres_without_crs, "--assume-crs", "EPSG:32638")
    assert right.exit_code == 0, right.stderr


# -- names that only extend another ---------------------------------------------------------------------------------


def test_a_prefix_of_a_district_name_is_refused_with_the_candidates(tmp_path):
    path = tmp_path / "valleys.geojson"
    gpd.GeoDataFrame(
        {"name": ["Marrow Valley", "Harrow", "Barrow Hills"]}, geometry=[shapely.box(45 + i, 40, 45.9 + i, 40.9) for i in range(3)], crs="EPSG:4326"
    ).to_file(path)
    events = _table(tmp_path, "district,date,kind\nMarrow,2020-11-20,completed\n")
    result = invoke("build", "--events", events, "--boundaries", path, "--context", "none", "-o", tmp_path / "map.html")
    assert result.exit_code == 3
    assert "District 'Marrow' matches no boundary feature; closest: Marrow Valley" in error_line(result)
    assert "only part of the name agrees" in result.stderr
    assert not (tmp_path / "map.html").exists()


# -- the duplicate-name warning ---------------------------------------------------------------------------------------


def test_no_duplicate_warning_for_a_map_without_the_duplicated_district(tmp_path):
    result = invoke("build", "-o", tmp_path / "map.html")
    assert result.exit_code == 0, result.stderr
    assert DUPLICATE_WARNING not in result.stderr
    assert "Lankaran" not in result.stderr


def test_the_duplicate_warning_when_the_duplicated_district_is_on_the_map(tmp_path):
    events = _table(tmp_path, "district,date,kind\nLankaran District,2020-11-20,completed\nAgdam,2020-11-20,completed\n")
    result = invoke("build", "--events", events, "--held-area", "none", "-o", tmp_path / "map.html")
    assert result.exit_code == 0, result.stderr
    (line,) = [line for line in result.stderr.splitlines() if DUPLICATE_WARNING in line]
    # The source is named by its file name, not by the folder of the mirror or cache.
    assert line == (
        "Warning: 1 name(s) in 'geoBoundaries-AZE-ADM2.geojson' belong to more than one feature and are treated as one district each: "
        "Lankaran District (2 features)"
    )


def test_the_duplicate_warning_when_an_article_names_the_duplicated_district(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Lankaran District was handed over to Azerbaijan on 20 November 2020.\n", encoding="utf-8")
    assert DUPLICATE_WARNING in invoke("extract", article).stderr
    article.write_text("Agdam was handed over to Azerbaijan on 20 November 2020.\n", encoding="utf-8")
    assert DUPLICATE_WARNING not in invoke("extract", article).stderr


def test_load_boundaries_still_warns_by_default_and_records_shared_names():
    with pytest.warns(UserWarning, match="Lankaran District \\(2 features\\)"):
        frame = load_boundaries(AZE_ADM2)
    assert frame.attrs[SHARED_NAMES] == {"Lankaran District": 2}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        quiet = load_boundaries(AZE_ADM2, warn_every_feature=False)
    assert list(quiet["name"]).count("Lankaran District") == 1


def test_a_world_file_warns_only_about_the_countries_the_map_draws(tmp_path):
    # Natural Earth's countries: Antarctica reaches past 85°, Russia and Fiji span the antimeridian.
    table = tmp_path / "events.csv"
    table.write_text("district,date,kind,from,to\nFalkland Is.,1982-04-02,captured,United Kingdom,Argentina\n", encoding="utf-8")
    quiet = invoke("build", "--events", table, "--boundaries", "ne-50m-countries", "-o", tmp_path / "falklands.html")
    assert quiet.exit_code == 0 and "Warning" not in quiet.stderr, quiet.stderr
    table.write_text("district,date,kind,from,to\nRussia,1991-12-26,completed,Soviet Union,Russia\n", encoding="utf-8")
    loud = invoke("build", "--events", table, "--boundaries", "ne-50m-countries", "-o", tmp_path / "russia.html")
    assert loud.exit_code == 0
    assert "Warning: 1 district(s) of 'ne_50m_admin_0_countries.json' span more than 180° of longitude: Russia." in loud.stderr
    assert "Antarctica" not in loud.stderr


def test_a_district_taken_back_is_under_its_holder_and_the_file_credited_once(tmp_path):
    from handover_map.build import prepare_map

    table = tmp_path / "events.csv"
    table.write_text(
        "district,date,kind,from,to\nFalkland Is.,1982-04-02,captured,United Kingdom,Argentina\nFalkland Is.,1982-06-14,captured,Argentina,United Kingdom\n",
        encoding="utf-8",
    )
    model = prepare_map(events=str(table), boundaries="ne-50m-countries")
    # The boundaries are the countries the context draws too: one credit line.
    assert len(model.credits) == len(set(model.credits)) and sum("Natural Earth" in line for line in model.credits) == 1
    # Held by its first holder before the war, taken by each side in turn: the last under the United Kingdom's colour.
    assert model.state_labels["held"] == "Held by United Kingdom: no handover reported"
    assert model.timeline.state("Falkland Islands", dt.date(1982, 6, 14)) == "taken"
    assert [entry.label for entry in model.legend if entry.kind == "party"] == ["Under Argentina control", "Under United Kingdom control"]
