"""The command line as a user runs it: real processes, real files."""

from __future__ import annotations

import base64
import os
import re
import subprocess
import sys
from pathlib import Path

import click
import geopandas as gpd
import pytest

from conftest import AZE_ADM2, MIRROR, Outcome, run_command
from handover_map.assets import LEAFLET
from handover_map.cli import cli as cli_group

CLI = [sys.executable, "-m", "handover_map"]


def run(*args: str | Path, env: dict | None = None) -> Outcome:
    """The command, in this process (see :func:`conftest.run_command`)."""
    return run_command(list(args), env)


def run_in(folder: Path, *args: str) -> subprocess.CompletedProcess:
    """The command as a user runs it, in its own process and from ``folder``."""
    return subprocess.run(
        [*CLI, *map(str, args)],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=300,
        env={**os.environ, "HANDOVER_MAP_DATA_DIR": str(MIRROR)},
    )


def one_error_line(result: Outcome | subprocess.CompletedProcess) -> str:
    errors = [line for line in result.stderr.splitlines() if not line.startswith("Warning:")]
    assert "Traceback" not in result.stderr
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith("Error: ")
    return errors[0]


def _command_paths(group: click.Group, path: tuple[str, ...] = ()) -> list[list[str]]:
    """Every command and group under ``group``, as the words that call it."""
    paths = [list(path)]
    for name, command in sorted(group.commands.items()):
        paths += _command_paths(command, (*path, name)) if isinstance(command, click.Group) else [[*path, name]]
    return paths


@pytest.mark.parametrize("command", _command_paths(cli_group))
def test_every_command_has_help_with_an_example(command):
    result = run(*command, "--help")
    assert result.returncode == 0
    assert "Example" in result.stdout


def test_version():
    result = run("--version")
    assert re.fullmatch(r"handover-map, version \d+\.\d+\.\d+\S*\n", result.stdout)


def test_default_build_writes_a_self_contained_page_into_output(tmp_path):
    result = run_in(tmp_path, "build")  # the default folder output/ is created when missing
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "output" / "karabakh-2020-handovers.html").read_text()
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", page)
    assert "Leaflet 1.9.3" in page  # inlined
    assert "tile.openstreetmap" not in page and "arcgisonline" not in page  # no basemap: no request
    (line,) = [line for line in result.stderr.splitlines() if not line.startswith("Warning:")]
    assert line.startswith("Wrote output/karabakh-2020-handovers.html (") and "self-contained: opens with no network" in line


def test_cdn_build_links_pinned_leaflet_and_says_so(tmp_path):
    result = run_in(tmp_path, "build", "--cdn", "-o", "map.html")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "map.html").read_text()
    # Linked with Subresource Integrity: the browser refuses a file that differs from the pinned one.
    digest = base64.b64encode(bytes.fromhex(LEAFLET.files["dist/leaflet.js"])).decode()
    assert f'<script src="https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js" integrity="sha256-{digest}" crossorigin="anonymous">' in page
    assert "arcgisonline" in page  # the light grey basemap
    assert "Wrote map.html (" in result.stderr and "--cdn: loads Leaflet and tiles from the web, blank without network" in result.stderr


def test_self_contained_flag_is_still_accepted_and_changes_nothing(tmp_path):
    assert run("build", "--self-contained", "-o", tmp_path / "a.html").returncode == 0
    assert run("build", "-o", tmp_path / "b.html").returncode == 0
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_self_contained_page_may_still_draw_tiles_given_explicitly(tmp_path):
    result = run("build", "--tiles", "OpenStreetMap.Mapnik", "-o", tmp_path / "map.html")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "map.html").read_text()
    assert "Leaflet 1.9.3" in page and "tile.openstreetmap.org" in page
    assert "self-contained, Leaflet inlined; its tiles need the network" in result.stderr


def test_missing_leaflet_says_how_to_fetch_it(tmp_path):
    result = run("build", "-o", tmp_path / "map.html", env={"HANDOVER_MAP_CACHE_DIR": str(tmp_path / "cache"), "HANDOVER_MAP_OFFLINE": "1"})
    assert result.returncode == 5
    line = one_error_line(result)
    assert "inlines Leaflet" in line and "`handover-map assets fetch`" in line and "--cdn" in line
    assert not (tmp_path / "map.html").exists()
    cdn = run("build", "--cdn", "-o", tmp_path / "map.html", env={"HANDOVER_MAP_CACHE_DIR": str(tmp_path / "cache"), "HANDOVER_MAP_OFFLINE": "1"})
    assert cdn.returncode == 0, cdn.stderr  # a page with CDN links needs no assets


def test_self_contained_page_references_nothing_outside(tmp_path):
    result = run("build", "--self-contained", "-o", tmp_path / "map.html")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "map.html").read_text()
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", page)
    assert "Leaflet 1.9.3" in page  # inlined


def test_rebuilds_are_byte_identical(tmp_path):
    for name in ("a.html", "b.html"):
        assert run("build", "--self-contained", "-o", tmp_path / name).returncode == 0
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_own_boundary_file_in_another_crs_and_name_field(tmp_path):
    path = tmp_path / "rayons.gpkg"
    frame = gpd.read_file(AZE_ADM2).rename(columns={"shapeName": "NAME_EN"})[["NAME_EN", "geometry"]]
    frame.to_crs("EPSG:32638").to_file(path)
    events = tmp_path / "events.csv"
    events.write_text(
        "district,date,kind,from,to\nKelbajar,2020-11-25,completed,Armenia,Azerbaijan\nLaçın,2020-12-01,scheduled,Armenia,Azerbaijan\n", encoding="utf-8"
    )
    result = run("build", "--events", events, "--boundaries", path, "--name-field", "NAME_EN", "-o", tmp_path / "out.html", "--self-contained")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out.html").read_text()
    assert '"Kalbajar District"' in page and '"Lachin District"' in page
    assert "Handovers of territory: Kelbajar, Laçın" in page
    assert "Boundaries: rayons.gpkg" in page


def test_a_tampered_mirror_exits_with_the_download_code(tmp_path):
    (tmp_path / "geoBoundaries-AZE-ADM2.geojson").write_bytes(AZE_ADM2.read_bytes() + b"\n")
    result = run("data", "verify", "geoboundaries-aze-adm2", env={"HANDOVER_MAP_DATA_DIR": str(tmp_path)})
    assert result.returncode == 5
    assert "refusing it" in one_error_line(result)


def test_data_list_and_verify_use_the_mirror():
    listing = run("data", "list")
    assert listing.returncode == 0
    assert listing.stdout.count("\tmirror\t") == 5
    verify = run("data", "verify")
    assert verify.returncode == 0 and verify.stdout.count("\tok\t") == 5


def test_verify_without_mirror_or_cache_says_what_to_run(tmp_path):
    result = run("data", "verify", env={"HANDOVER_MAP_DATA_DIR": str(tmp_path), "HANDOVER_MAP_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 5
    assert "handover-map data fetch" in one_error_line(result)
