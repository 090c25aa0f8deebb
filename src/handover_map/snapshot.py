"""Static images of the map: small multiples, one panel per event date.

For social cards, print and READMEs: the same colours, hatching, legend and
credits as the web page, drawn with geopandas and matplotlib, written as PNG
and SVG. Output is reproducible: no dates or random ids in the files. Text
is drawn as given: a ``$`` never starts matplotlib's mathtext.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import textwrap
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only; never a window

import geopandas as gpd
import matplotlib.pyplot as plt
from matplotlib.patches import Patch
from matplotlib.text import Text

from . import settings
from ._atomic import refuse_overwriting_inputs, write_files_atomic
from .build import MONTHS, MapInputs
from .render import HATCHED, state_labels


def _short_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def _style(state: str) -> dict:
    colour = settings.STATE_STYLES[state]["color"]
    if state in HATCHED:
        return {"facecolor": "white", "edgecolor": colour, "hatch": "////", "linewidth": 0}
    return {"facecolor": colour, "edgecolor": "none", "linewidth": 0}


def draw_small_multiples(inputs: MapInputs, dates: list[dt.date] | None = None, columns: int = 4) -> plt.Figure:
    """A figure with one map panel per date (default: every event date on
    the slider, which ends at the latest report's date), with the page's
    "as reported on" note under the title."""
    layers, joined = inputs.layers, inputs.joined
    timeline = inputs.timeline()
    events = [e for name in joined for e in joined[name]]
    dates = dates or sorted({e.date for e in events if e.date <= timeline.stops[-1]}) or timeline.stops[-1:]
    labels = state_labels(events)
    columns = max(1, min(columns, len(dates)))
    rows = math.ceil(len(dates) / columns)
    minx, miny, maxx, maxy = layers.bounds
    pad_x, pad_y = (maxx - minx) * 0.08, (maxy - miny) * 0.08
    aspect = 1 / math.cos(math.radians((miny + maxy) / 2))  # degrees look square at this latitude
    panel_width = 3.4
    panel_height = panel_width * (maxy - miny + 2 * pad_y) * aspect / (maxx - minx + 2 * pad_x)
    figure, axes = plt.subplots(rows, columns, figsize=(panel_width * columns, panel_height * rows + 2.1), squeeze=False)
    districts = gpd.GeoDataFrame({"name": [d.name for d in layers.districts]}, geometry=[d.geometry for d in layers.districts], crs=settings.WEB_CRS)
    for k, ax in enumerate(axes.flat):
        ax.set_axis_off()
        if k >= len(dates):
            continue
        day = dates[k]
        ax.set_facecolor("#dce6ee")
        if layers.countries is not None:
            layers.countries.plot(ax=ax, facecolor="#fbfbf8", edgecolor="#7a7a7a", linewidth=0.6)
        if not layers.other_districts.empty:
            layers.other_districts.plot(ax=ax, facecolor=settings.CONTEXT_STYLE["fillColor"], edgecolor="#bdbdbd", linewidth=0.3)
        for name, geometry in zip(districts["name"], districts.geometry):
            gpd.GeoSeries([geometry], crs=settings.WEB_CRS).plot(ax=ax, **_style(timeline.state(name, day)))
        districts.boundary.plot(ax=ax, color="#2b2b2b", linewidth=0.6)
        if layers.held_area is not None:
            gpd.GeoSeries([layers.held_area], crs=settings.WEB_CRS).boundary.plot(ax=ax, color="#222222", linewidth=0.9, linestyle=(0, (4, 3)))
        for district in layers.districts:
            ax.annotate(
                district.label, (district.label_point[1], district.label_point[0]), ha="center", va="center", fontsize=7, fontweight="bold", color="#111111"
            )
        ax.set_xlim(minx - pad_x, maxx + pad_x)
        ax.set_ylim(miny - pad_y, maxy + pad_y)
        ax.set_aspect(aspect)
        ax.patch.set_visible(True)
        ax.set_title(_short_date(day), fontsize=10, fontweight="bold", loc="left")
    used = [s for s in settings.STATES if any(s == timeline.state(n, d) for n in joined for d in dates)]
    handles = [
        Patch(label=labels[s], **{**_style(s), "linewidth": 0.5, "edgecolor": settings.STATE_STYLES[s]["color"] if s in HATCHED else "#444444"}) for s in used
    ]
    if layers.held_area is not None:
        handles.append(Patch(facecolor="none", edgecolor="#222222", linestyle="--", label=layers.held_area_label or "Area held before the handovers"))
    figure.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.01, 0.07), ncol=min(3, len(handles)), frameon=False, fontsize=8)
    figure.suptitle(inputs.title, x=0.01, ha="left", fontsize=13, fontweight="bold")
    if inputs.note:  # the page's "as reported on" line, under the title
        figure.text(0.01, 0.935, textwrap.fill(inputs.note, 160), fontsize=7, color="#333333", ha="left", va="top", style="italic")
    credit = textwrap.fill(" · ".join(inputs.credits), 180)
    figure.text(0.01, 0.01, credit, fontsize=6, color="#555555", ha="left", va="bottom")
    for text in figure.findobj(Text):
        text.set_parse_math(False)  # titles, labels and credits are data: "$\foo$" is drawn as typed
    figure.tight_layout(rect=(0, 0.16, 1, 0.9 if inputs.note else 0.95))
    return figure


def render_snapshot(inputs: MapInputs, dates: list[dt.date] | None = None) -> dict[str, bytes]:
    """The small multiples as PNG and SVG bytes: {".png": ..., ".svg": ...}."""
    images = {}
    # Text stays text in the SVG (searchable, accessible); ids are salted, not random.
    with matplotlib.rc_context({"svg.hashsalt": "handover-map", "svg.fonttype": "none", "hatch.linewidth": 2.2, "text.usetex": False}):
        figure = draw_small_multiples(inputs, dates)
        try:
            for suffix, options in ((".png", {"dpi": 160, "metadata": {"Software": None}}), (".svg", {"metadata": {"Date": None, "Creator": None}})):
                buffer = io.BytesIO()
                figure.savefig(buffer, format=suffix[1:], facecolor="white", **options)
                images[suffix] = buffer.getvalue()
        finally:
            plt.close(figure)
    return images


def write_snapshot(inputs: MapInputs, output: str | Path, dates: list[dt.date] | None = None) -> list[Path]:
    """Write the small multiples as ``<output>.png`` and ``<output>.svg``.

    ``output`` may carry either suffix or none. Both files are drawn in
    memory first and written all or nothing. Returns the written paths.

    Raises
    ------
    OutputError
        If an output is one of the map's input files, or cannot be written
        (then neither file is changed).
    """
    base = Path(output)
    base = base.with_suffix("") if base.suffix.lower() in (".png", ".svg") else base
    paths = [base.with_suffix(".png"), base.with_suffix(".svg")]
    refuse_overwriting_inputs(paths, inputs.files)
    images = render_snapshot(inputs, dates)
    return write_files_atomic([(path, images[path.suffix]) for path in paths])
