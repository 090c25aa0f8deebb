"""Static small multiples and the embed snippet, from the command line."""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys

import pytest

from conftest import run_command


def run(*args):
    """The command, in this process (see :func:`conftest.run_command`)."""
    return run_command(list(args))


def _png_size(path):
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return width, height


def test_snapshot_writes_png_and_svg_with_one_panel_per_event_date(tmp_path):
    result = run("snapshot", "-o", tmp_path / "karabakh")
    assert result.returncode == 0, result.stderr
    png, svg = tmp_path / "karabakh.png", tmp_path / "karabakh.svg"
    width, height = _png_size(png)
    assert width > 2 * height  # four panels side by side: each report's dates, up to the latest report's
    text = svg.read_text()
    for words in (
        "Armenia hands three districts back to Azerbaijan",
        "15 Nov 2020",
        "20 Nov 2020",
        "25 Nov 2020",
        "1 Dec 2020",
        "As reported on 1 December 2020",
        "Handed over to Azerbaijan",
        "Handover announced, date not yet reached",
        "geoBoundaries",
        "CC BY-SA 3.0",
    ):
        assert words in text, words
    assert "Kalbajar" in text and "Lachin" in text and "Aghdam" in text


def test_snapshots_are_reproducible(tmp_path):
    for name in ("a", "b"):
        assert run("snapshot", "-o", tmp_path / name, "--date", "2020-11-20", "--date", "2020-11-25").returncode == 0
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()
    assert "25 Nov 2020" in (tmp_path / "a.svg").read_text()


def test_embed_prints_an_iframe_snippet(tmp_path):
    page = tmp_path / "map.html"
    assert run("build", "-o", page).returncode == 0
    result = run("embed", page, "--url", "https://example.org/m.html?a=1&b=2", "--height", "500")
    assert result.returncode == 0
    assert result.stdout.startswith('<figure class="handover-map-embed"')
    assert '<iframe src="https://example.org/m.html?a=1&amp;b=2" title="Armenia hands three districts' in result.stdout
    assert 'height="500"' in result.stdout and "min-width:320px;max-width:1600px" in result.stdout


@pytest.mark.parametrize("count", [1, 2, 3, 5, 7, 9])
def test_any_number_of_panels_is_laid_out_without_overlap(count):
    import datetime as dt

    from matplotlib.legend import Legend
    from matplotlib.transforms import Bbox

    from handover_map.build import prepare_map
    from handover_map.snapshot import draw_small_multiples

    inputs = prepare_map()
    dates = [dt.date(2020, 11, 14) + dt.timedelta(days=2 * k) for k in range(count)]
    figure = draw_small_multiples(inputs, dates)
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    whole = figure.bbox
    panels = [ax.get_window_extent(renderer) for ax in figure.axes]
    texts = [(t.get_text(), t.get_window_extent(renderer)) for t in figure.texts]
    legend = next(child for child in figure.get_children() if isinstance(child, Legend)).get_window_extent(renderer)
    assert len(panels) == count
    assert [text for text, _ in texts if re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} \d{4}", text)] == [f"{d.day} {d.strftime('%b')} 2020" for d in dates]
    assert any(text.startswith("As reported on 1 December 2020") for text, _ in texts)  # the note
    assert any("geoBoundaries" in text for text, _ in texts)  # the credits
    blocks = panels + [box for _, box in texts] + [legend]
    for k, box in enumerate(blocks):
        assert whole.x0 <= box.x0 and box.x1 <= whole.x1 + 1 and whole.y0 <= box.y0 and box.y1 <= whole.y1 + 1, k
        for other in blocks[k + 1 :]:
            assert not box.overlaps(other), (k, box, other)
    # No large empty area: the panels fill the grid they span but for less than one row's gap.
    span = Bbox.union(panels)
    assert span.width * span.height <= 1.4 * sum(p.width * p.height for p in panels)


def test_a_snapshot_leaves_the_caller_s_matplotlib_alone():
    # A notebook keeps its own backend and gets no stray figure: the panels are drawn on a figure of their own.
    code = (
        "import matplotlib, matplotlib.pyplot as plt\n"
        "from handover_map.build import prepare_map\n"
        "from handover_map.snapshot import render_snapshot\n"
        "images = render_snapshot(prepare_map())\n"
        "print(matplotlib.get_backend(), plt.get_fignums(), images['.png'][:4] == b'\\x89PNG')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env={**os.environ, "MPLBACKEND": "svg"})
    assert result.stdout.split() == ["svg", "[]", "True"], result.stderr


def test_district_names_in_the_panels_never_cross_and_each_stands_on_its_own_district():
    import datetime as dt
    import warnings

    import geopandas as gpd
    import shapely

    from conftest import MIRROR
    from handover_map.build import prepare_map
    from handover_map.events import Event
    from handover_map.snapshot import draw_small_multiples

    # Ten provinces taken in August 2021: Kabul beside Nangarhar, Jowzjan beside Balkh, Nimruz and Kandahar beside Helmand.
    provinces = ("Nimruz", "Jowzjan", "Kunduz", "Ghanzi", "Herat", "Helmand", "Kandahar", "Balkh", "Kabul", "Nangarhar")
    events = [Event(name, dt.date(2021, 8, 6 + k), "captured", "", "Taliban") for k, name in enumerate(provinces)]
    path = MIRROR / "geoBoundaries-AFG-ADM1_simplified.geojson"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        figure = draw_small_multiples(prepare_map(events=events, boundaries=str(path), name_field="shapeName"), [dt.date(2021, 8, 15)])
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    (ax,) = figure.axes
    names = [t for t in ax.texts if t.get_text() in provinces]
    assert sorted(t.get_text() for t in names) == sorted(provinces)
    boxes = [t.get_window_extent(renderer) for t in names]
    assert not any(a.overlaps(b) for k, a in enumerate(boxes) for b in boxes[k + 1 :])
    shapes = gpd.read_file(path).set_index("shapeName").geometry
    for text in names:
        assert shapes[text.get_text()].contains(shapely.Point(*text.xy)), text.get_text()


def test_a_district_whose_name_fits_nowhere_on_it_is_named_beside_it_with_a_line():
    import datetime as dt
    import warnings

    import geopandas as gpd
    import shapely
    from matplotlib.text import Text

    from conftest import MIRROR
    from handover_map.build import prepare_map
    from handover_map.events import Event
    from handover_map.snapshot import draw_small_multiples

    # Three small panels of Afghanistan: Kabul's name fits nowhere on it beside Nangarhar's (it was left out).
    events = [Event(name, dt.date(2021, 8, day), "captured", "", "Taliban") for name, day in (("Kunduz", 8), ("Herat", 12), ("Nangarhar", 15), ("Kabul", 15))]
    path = MIRROR / "geoBoundaries-AFG-ADM1_simplified.geojson"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        figure = draw_small_multiples(prepare_map(events=events, boundaries=str(path), name_field="shapeName"))
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    shapes = gpd.read_file(path).set_index("shapeName").geometry
    assert len(figure.axes) == 3
    for ax in figure.axes:
        names = [t for t in ax.texts if t.get_text() in shapes.index]
        assert sorted(t.get_text() for t in names) == ["Herat", "Kabul", "Kunduz", "Nangarhar"]
        # (The names' own boxes: an annotation's window extent takes in its line.)
        boxes = [Text.get_window_extent(t, renderer) for t in names]
        assert not any(a.overlaps(b) for k, a in enumerate(boxes) for b in boxes[k + 1 :])
        assert all(ax.get_window_extent(renderer).contains(*corner) for box in boxes for corner in (box.p0, box.p1))
        (kabul,) = [t for t in names if t.get_text() == "Kabul"]
        # Its line ends on Kabul; the name stands off it.
        assert kabul.arrow_patch is not None and shapes["Kabul"].contains(shapely.Point(*kabul.xy))
        assert not shapes["Kabul"].contains(shapely.Point(*kabul.xyann))
