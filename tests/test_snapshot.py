"""Static small multiples and the embed snippet, from the command line."""

from __future__ import annotations

import os
import struct
import subprocess
import sys

from conftest import MIRROR


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "handover_map", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "HANDOVER_MAP_DATA_DIR": str(MIRROR)},
    )


def _png_size(path):
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return width, height


def test_snapshot_writes_png_and_svg_with_one_panel_per_event_date(tmp_path):
    result = run("snapshot", "-o", tmp_path / "karabakh")
    assert result.returncode == 0, result.stderr
    png, svg = tmp_path / "karabakh.png", tmp_path / "karabakh.svg"
    width, height = _png_size(png)
    assert width > 2 * height  # four panels side by side
    text = svg.read_text()
    for words in (
        "Armenia hands three districts back to Azerbaijan",
        "15 Nov 2020",
        "20 Nov 2020",
        "25 Nov 2020",
        "1 Dec 2020",
        "Handed over to Azerbaijan",
        "Handover announced, date not yet reached",
        "geoBoundaries",
        "CC BY-SA 3.0",
    ):
        assert words in text, words
    assert "Kalbajar" in text and "Lachin" in text and "Aghdam" in text


def test_snapshots_are_reproducible(tmp_path):
    for name in ("a", "b"):
        assert run("snapshot", "-o", tmp_path / name, "--date", "2020-11-20", "--date", "2020-12-02").returncode == 0
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()
    assert "2 Dec 2020" in (tmp_path / "a.svg").read_text()


def test_embed_prints_an_iframe_snippet(tmp_path):
    page = tmp_path / "map.html"
    assert run("build", "-o", page).returncode == 0
    result = run("embed", page, "--url", "https://example.org/m.html?a=1&b=2", "--height", "500")
    assert result.returncode == 0
    assert result.stdout.startswith('<figure class="handover-map-embed"')
    assert '<iframe src="https://example.org/m.html?a=1&amp;b=2" title="Armenia hands three districts' in result.stdout
    assert 'height="500"' in result.stdout and "min-width:320px;max-width:1600px" in result.stdout
