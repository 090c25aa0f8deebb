"""The README's "Using it" commands run as written in a new shell after `make map`.

Each line of the section's code block runs through ``sh -c`` in a fresh
environment: no ``HANDOVER_MAP_DATA_DIR`` (the mirror beside the clone must be
found without it), the venv's ``bin`` first on the ``PATH`` (what ``source
.venv/bin/activate`` does), a temporary folder as the working directory. The
user's own files the lines name (``article.txt``, ``saved-page.html``,
``my.csv``, ``districts.gpkg``, a folder ``reports/`` holding the article and
the page) are put there first, and so is the clone's ``geodata/`` folder (a
link), since the lines run from the clone; every other file is
written by an earlier line. ``PYTHONPATH`` and ``HANDOVER_MAP_CACHE_DIR`` are
passed on when set, so that a worktree tests its own code and the same
cache. Nothing here needs the network: the boundary files come from the
mirror, and Leaflet from the cache, where ``make test`` put it (without it
the test is skipped, since fetching it needs the network).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pytest

from conftest import AZE_ADM2, REPO, SHARED
from handover_map import settings
from handover_map.assets import LEAFLET, _complete

SEED = SHARED / "articles" / "2020-11-25-kalbajar-handover.txt"


def using_it_lines() -> list[str]:
    """The command lines of the README's "Using it" code block."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Using it\n(.*?)^#", text, re.DOTALL | re.MULTILINE)
    assert section, "the README has no 'Using it' section"
    block = re.search(r"^```\n(.*?)^```", section.group(1), re.DOTALL | re.MULTILINE)
    assert block, "the 'Using it' section has no code block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def new_shell_environment() -> dict[str, str]:
    venv_bin = Path(sys.executable).parent  # not resolved: the venv's python is a link to the system's
    if not (venv_bin / "handover-map").is_file():
        pytest.fail(f"no handover-map beside {sys.executable}: run the tests from the venv `make map` creates")
    env = {"PATH": f"{venv_bin}{os.pathsep}/usr/local/bin:/usr/bin:/bin", "HOME": os.environ.get("HOME", "/"), "LANG": "C.UTF-8"}
    for name in ("PYTHONPATH", settings.CACHE_DIR_ENV):
        if os.environ.get(name):
            env[name] = os.environ[name]
    return env


def _users_files(folder: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    (folder / "article.txt").write_text(text, encoding="utf-8")
    paragraphs = "".join(f"<p>{line}</p>\n" for line in text.splitlines() if line.strip())
    (folder / "saved-page.html").write_text(f"<!DOCTYPE html><html><head><title>Report</title></head><body>{paragraphs}</body></html>", encoding="utf-8")
    (folder / "reports").mkdir()
    for name in ("article.txt", "saved-page.html"):
        (folder / "reports" / name).write_bytes((folder / name).read_bytes())
    (folder / "my.csv").write_text("district,date,kind\nKelbajar,2020-11-25,completed\nLaçın,2020-12-01,scheduled\n", encoding="utf-8")
    frame = gpd.read_file(AZE_ADM2).rename(columns={"shapeName": "NAME_EN"})[["NAME_EN", "geometry"]]
    frame.to_file(folder / "districts.gpkg")
    (folder / "geodata").symlink_to(REPO / "geodata", target_is_directory=True)  # the bundled examples, as in the clone


def test_the_readme_lists_runnable_commands_only():
    lines = using_it_lines()
    assert len(lines) >= 10
    for line in lines:
        words = shlex.split(line, comments=True)
        assert words[0] == "handover-map", line  # a pseudo-command such as `data list | fetch` would fail in a shell
        assert not {"|", ";", "&&"} & set(words), line


def test_using_it_commands_run_as_written_in_a_new_shell(tmp_path):
    env = new_shell_environment()
    if not _complete(LEAFLET):  # the same cache as the commands' (same HOME and cache variable)
        pytest.skip("Leaflet is not in the cache, and fetching it needs the network (`make test` fetches it first)")
    _users_files(tmp_path)
    for line in using_it_lines():
        done = subprocess.run(["sh", "-c", line], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"{line}\n{done.stderr}"
        assert "Traceback" not in done.stderr and "Error:" not in done.stderr, f"{line}\n{done.stderr}"
        if line.startswith("handover-map data list"):
            assert "\tmirror\t" in done.stdout, done.stdout  # found beside the clone, with no variable
    for written in (
        "events.csv",
        "events.json",
        "story.csv",
        "story.html",
        "map.html",
        "map-cdn.html",
        "map-fr.html",
        "out.html",
        "output/karabakh-2020-handovers.html",
        "output/karabakh-2020-war.html",
        "output/karabakh.png",
    ):
        assert (tmp_path / written).is_file(), written
    default = (tmp_path / "output" / "karabakh-2020-handovers.html").read_text(encoding="utf-8")
    assert "Leaflet 1.9.3" in default and "As reported on 1 December 2020" in default  # the three-report story
    war = (tmp_path / "output" / "karabakh-2020-war.html").read_text(encoding="utf-8")
    assert "Karabakh, autumn 2020" in war and "Taken by Azerbaijan" in war
