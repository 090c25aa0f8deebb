"""Static images of the map: small multiples, one panel per event date.

For social cards, print and READMEs: the same colours, hatching, legend and
credits as the web page, drawn with geopandas and matplotlib, written as PNG
and SVG. Output is reproducible: no dates or random ids in the files. Text
is drawn as given: a ``$`` never starts matplotlib's mathtext.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import math
import textwrap
from pathlib import Path

import geopandas as gpd
import matplotlib
import shapely
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Patch
from matplotlib.text import Text

from . import settings
from ._atomic import refuse_overwriting_inputs, write_files_atomic
from .cartography import District
from .model import LegendEntry, MapModel
from .render import HATCHED
from .timeline import holder_on
from .words import words


def _style(state: str) -> dict:
    colour = settings.STATE_STYLES[state]["color"]
    if state in HATCHED:
        return {"facecolor": "white", "edgecolor": colour, "hatch": "////", "linewidth": 0}
    return {"facecolor": colour, "edgecolor": "none", "linewidth": 0}


#: Layout of the small multiples, in inches: every block has its own room,
#: so no text is drawn over a panel whatever the number of panels.
PANEL_WIDTH = 3.4
#: A single panel is wider, so that the title has room.
SINGLE_PANEL_WIDTH = 5.0
TITLE_LINE = 0.3
MIN_TITLE_SIZE = 6.0
MAX_COLUMNS = 4
MARGIN = 0.22
PANEL_TITLE = 0.3
ROW_GAP = 0.18
LEGEND_ROW = 0.24
TEXT_LINE = 0.16


def grid_shape(count: int, max_columns: int = MAX_COLUMNS) -> tuple[int, int]:
    """(rows, columns) for ``count`` panels: as few rows as ``max_columns``
    allow, the panels spread evenly over them (5 panels: 2 rows of 3, not 4 and 1).

    >>> grid_shape(5), grid_shape(4), grid_shape(9), grid_shape(1)
    ((2, 3), (1, 4), (3, 3), (1, 1))
    """
    rows = math.ceil(count / max_columns)
    return rows, math.ceil(count / rows)


def _wrap(text: str, width_in: float, fontsize: float) -> list[str]:
    # About 0.55 em per character in DejaVu Sans: lines stay inside the width.
    return textwrap.wrap(text, max(20, int(width_in * 72 / (fontsize * 0.58)))) if text else []


def draw_small_multiples(model: MapModel, dates: list[dt.date] | None = None, columns: int = MAX_COLUMNS) -> Figure:
    """A figure with one map panel per date (default: every event date on
    the slider, which ends at the latest report's date), under the title and
    the page's "as reported on" note, above the legend and the credits; its
    words and dates in the map's language (``model.lang``)."""
    layers, joined, timeline = model.layers, model.joined, model.timeline
    dates = dates or sorted({e.date for e in model.events if e.date <= timeline.stops[-1]}) or timeline.stops[-1:]
    say = words(model.lang)
    rows, columns = grid_shape(len(dates), max(1, columns))
    panel_width = SINGLE_PANEL_WIDTH if columns == 1 else PANEL_WIDTH
    minx, miny, maxx, maxy = layers.view
    pad_x, pad_y = (maxx - minx) * 0.08, (maxy - miny) * 0.08
    aspect = 1 / math.cos(math.radians((miny + maxy) / 2))  # degrees look square at this latitude
    panel_height = panel_width * (maxy - miny + 2 * pad_y) * aspect / (maxx - minx + 2 * pad_x)
    used = {timeline.state(n, d) for n in joined for d in dates}
    colours = model.party_colours
    # The map's legend: the states the panels show, the parties, the held area.
    handles = [_legend_patch(entry) for entry in model.legend if (entry.state in used if entry.kind == "state" else entry.kind in ("party", "held"))]

    # The blocks from top to bottom, in inches.
    width = MARGIN * 2 + panel_width * columns + ROW_GAP * (columns - 1)
    text_width = width - 2 * MARGIN
    title_size = max(MIN_TITLE_SIZE, min(13.0, text_width * 72 / (max(1, len(model.title)) * 0.62)))
    note_lines = _wrap(model.note, text_width, 8)
    legend_columns = max(1, min(len(handles), int(text_width // 3.3)))
    legend_rows = math.ceil(len(handles) / legend_columns)
    credit_lines = _wrap(" · ".join(model.credits), text_width, 6)
    header = MARGIN + TITLE_LINE + len(note_lines) * TEXT_LINE + 0.1
    panels = rows * (PANEL_TITLE + panel_height) + (rows - 1) * ROW_GAP
    footer = 0.2 + legend_rows * LEGEND_ROW + 0.1 + len(credit_lines) * 0.11 + MARGIN
    height = header + panels + footer
    # Not a pyplot figure (no window, no backend switched for the caller), and drawn only when saved:
    # geopandas asks its canvas to redraw after every layer, which on an Agg canvas redraws all panels.
    figure = Figure(figsize=(width, height))

    def at(x: float, y_from_top: float) -> tuple[float, float]:
        return x / width, 1 - y_from_top / height

    top = MARGIN
    # The title stays one text (searchable in the SVG), smaller when it is long.
    figure.text(*at(MARGIN, top), model.title, fontsize=title_size, fontweight="bold", ha="left", va="top", parse_math=False)
    top += TITLE_LINE
    for line in note_lines:
        figure.text(*at(MARGIN, top), line, fontsize=8, color="#6b4e00", ha="left", va="top", parse_math=False)
        top += TEXT_LINE
    districts = gpd.GeoDataFrame({"name": [d.name for d in layers.districts]}, geometry=[d.geometry for d in layers.districts], crs=settings.WEB_CRS)
    spots: list[tuple[tuple[float, float], tuple[float, float] | None] | None] = []
    for k, day in enumerate(dates):
        row, column = divmod(k, columns)
        left = MARGIN + column * (panel_width + ROW_GAP)
        panel_top = header + row * (PANEL_TITLE + panel_height + ROW_GAP)
        figure.text(*at(left, panel_top), say.date(day, "medium"), fontsize=10, fontweight="bold", ha="left", va="top", parse_math=False)
        x0, y1 = at(left, panel_top + PANEL_TITLE + panel_height)
        ax = figure.add_axes((x0, y1, panel_width / width, panel_height / height))
        fills = {name: colours.get(holder_on(joined[name], day), "") for name in joined if colours and timeline.state(name, day) in settings.CONTROL_STATES}
        _draw_panel(ax, layers, districts, timeline, day, fills)
        # After the layers: each geopandas plot sets an aspect of its own.
        ax.set_xlim(minx - pad_x, maxx + pad_x)
        ax.set_ylim(miny - pad_y, maxy + pad_y)
        ax.set_aspect(aspect, adjustable="datalim", anchor="NW")
        ax.set_xlim(minx - pad_x, maxx + pad_x)
        ax.set_ylim(miny - pad_y, maxy + pad_y)
        spots = spots or _label_spots(ax, layers.districts)  # every panel has the same size and view
        _draw_labels(ax, layers.districts, spots)
    bottom_of_panels = header + panels
    figure.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=at(MARGIN - 0.05, bottom_of_panels + 0.16),
        ncol=legend_columns,
        frameon=False,
        fontsize=8,
        borderaxespad=0,
        borderpad=0,
    )
    credits_top = bottom_of_panels + 0.2 + legend_rows * LEGEND_ROW + 0.1
    figure.text(*at(MARGIN, credits_top), "\n".join(credit_lines), fontsize=6, color="#555555", ha="left", va="top", linespacing=1.35, parse_math=False)
    for text in figure.findobj(Text):
        text.set_parse_math(False)  # titles, labels and credits are data: "$\foo$" is drawn as typed
    FigureCanvasAgg(figure)  # now it may draw: for savefig and for a caller's renderer
    return figure


def _legend_patch(entry: LegendEntry) -> Patch:
    """A legend entry as the panels draw it."""
    if entry.kind == "held":
        return Patch(facecolor="none", edgecolor="#222222", linestyle="--", label=entry.label)
    if entry.kind == "state":
        hatched = entry.state in HATCHED
        return Patch(label=entry.label, **{**_style(entry.state), "linewidth": 0.5, "edgecolor": entry.colour if hatched else "#444444"})
    return Patch(facecolor=entry.colour, edgecolor="#444444", linewidth=0.5, label=entry.label)


#: Points of the districts' names in the panels, and the room kept clear around each (as the page's, labels.js).
LABEL_SIZE = 7
LABEL_GAP = 2
#: How far beside its district a name that fits nowhere on it may stand (pixels from the anchor to the name's box),
#: and in which directions, tried in order (right and left first: a line read along the name).
CALLOUT_REACH = (10, 22, 36, 54)
CALLOUT_DIRECTIONS = ((1, 0), (-1, 0), (0, 1), (0, -1), (0.7, 0.7), (-0.7, 0.7), (0.7, -0.7), (-0.7, -0.7))


def _label_spots(ax, districts: list[District]) -> list[tuple[tuple[float, float], tuple[float, float] | None] | None]:
    """Where each district's name stands in a panel laid out as ``ax``: (spot, anchor) as (lon, lat)
    points. As the page places them (labels.js), the largest district's first, each at the first of its
    :meth:`~handover_map.cartography.District.label_points` where it crosses no name placed before
    (anchor None). A name that fits nowhere on its district (a small one beside a larger: Kabul beside
    Nangarhar) stands beside it where it crosses no name, with a line to its anchor on the district (a
    static image cannot zoom in); None only where there is no room in the panel at all."""
    ax.apply_aspect()  # the view the panel is drawn with, before it is drawn
    measure = FigureCanvasAgg(Figure(dpi=ax.figure.dpi)).get_renderer()  # text sizes in the same pixels
    font = FontProperties(size=LABEL_SIZE, weight="bold")
    shown: list[tuple[float, float, float, float]] = []
    spots: list[tuple[tuple[float, float], tuple[float, float] | None] | None] = [None] * len(districts)
    halves = []
    for district in districts:
        width, height, _ = measure.get_text_width_height_descent(district.label, font, ismath=False)
        halves.append((width / 2 + LABEL_GAP, height / 2 + LABEL_GAP))

    def free(box: tuple[float, float, float, float]) -> bool:
        return all(box[2] <= o[0] or o[2] <= box[0] or box[3] <= o[1] or o[3] <= box[1] for o in shown)

    order = sorted(range(len(districts)), key=lambda k: (-districts[k].area_km2, k))
    for k in order:
        half_x, half_y = halves[k]
        for lat, lon in districts[k].label_points():
            x, y = ax.transData.transform((lon, lat))
            box = (x - half_x, y - half_y, x + half_x, y + half_y)
            if free(box):
                shown.append(box)
                spots[k] = ((lon, lat), None)
                break
    to_data = ax.transData.inverted()
    lines: list[shapely.LineString] = []  # the leader lines drawn so far
    for k in order:
        if spots[k] is None:
            anchors = [(lon, lat, *ax.transData.transform((lon, lat))) for lat, lon in districts[k].label_points()]
            placed = _beside(anchors, halves[k], shown, lines, ax.bbox)
            if placed is not None:
                (lon, lat), (cx, cy) = placed
                spot = to_data.transform((cx, cy))
                spots[k] = ((float(spot[0]), float(spot[1])), (lon, lat))
    return spots


def _beside(
    anchors: list[tuple[float, float, float, float]],
    half: tuple[float, float],
    shown: list[tuple[float, float, float, float]],
    lines: list[shapely.LineString],
    panel,
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """A spot beside a district for a name of ``half`` its size (pixels): ((lon, lat) of the anchor, (x, y) of
    the name's centre), the name's box added to ``shown`` and its line to ``lines``. The anchor is the first of
    ``anchors`` (lon, lat, x, y) no name covers; the name stands at :data:`CALLOUT_REACH` from it in one of
    :data:`CALLOUT_DIRECTIONS`, inside ``panel``; neither the name nor its line crosses a name or a line drawn
    before. None if there is no such spot."""
    half_x, half_y = half
    taken = [shapely.box(*box) for box in shown] + lines
    for lon, lat, x, y in anchors:
        if any(name.contains(shapely.Point(x, y)) for name in taken[: len(shown)]):
            continue
        for reach, (dx, dy) in itertools.product(CALLOUT_REACH, CALLOUT_DIRECTIONS):
            cx, cy = x + dx * (reach + half_x), y + dy * (reach + half_y)
            box = (cx - half_x, cy - half_y, cx + half_x, cy + half_y)
            if not (panel.x0 <= box[0] and box[2] <= panel.x1 and panel.y0 <= box[1] and box[3] <= panel.y1):
                continue
            line = shapely.LineString([(cx, cy), (x, y)])
            name = shapely.box(*box)
            if not any(other.intersects(line) or other.intersects(name) for other in taken):
                shown.append(box)
                lines.append(line)
                return (lon, lat), (cx, cy)
    return None


def _draw_panel(ax, layers, districts: gpd.GeoDataFrame, timeline, day: dt.date, fills: dict[str, str] | None = None) -> None:
    """One map: context, the districts in their state on ``day`` (``fills``: the
    colour of who holds a district, where the colours follow the parties), the
    held area."""
    ax.set_axis_off()
    ax.patch.set_visible(True)
    ax.set_facecolor("#dce6ee")
    if layers.countries is not None:
        layers.countries.plot(ax=ax, facecolor="#fbfbf8", edgecolor="#7a7a7a", linewidth=0.6)
    if not layers.other_districts.empty:
        layers.other_districts.plot(ax=ax, facecolor=settings.CONTEXT_STYLE["fillColor"], edgecolor="#bdbdbd", linewidth=0.3)
    for name, geometry in zip(districts["name"], districts.geometry):
        style = _style(timeline.state(name, day))
        if (fills or {}).get(name):
            style["facecolor"] = (fills or {})[name]
        gpd.GeoSeries([geometry], crs=settings.WEB_CRS).plot(ax=ax, **style)
    districts.boundary.plot(ax=ax, color="#2b2b2b", linewidth=0.6)
    if layers.held_area is not None:
        gpd.GeoSeries([layers.held_area], crs=settings.WEB_CRS).boundary.plot(ax=ax, color="#222222", linewidth=0.9, linestyle=(0, (4, 3)))


def _draw_labels(ax, districts: list[District], spots: list[tuple[tuple[float, float], tuple[float, float] | None] | None]) -> None:
    """The districts' names, each at its spot, with a line to its anchor when it stands beside its district
    (see :func:`_label_spots`); none where it has none."""
    for district, placed in zip(districts, spots):
        if placed is None:
            continue
        spot, anchor = placed
        ax.annotate(
            district.label,
            anchor or spot,
            xytext=spot,
            ha="center",
            va="center",
            fontsize=LABEL_SIZE,
            fontweight="bold",
            color="#111111",
            parse_math=False,
            arrowprops={"arrowstyle": "-", "color": "#111111", "linewidth": 0.6, "shrinkA": 1, "shrinkB": 0} if anchor else None,
        )


def render_snapshot(model: MapModel, dates: list[dt.date] | None = None) -> dict[str, bytes]:
    """The small multiples as PNG and SVG bytes: {".png": ..., ".svg": ...}."""
    images = {}
    # Text stays text in the SVG (searchable, accessible); ids are salted, not random.
    with matplotlib.rc_context({"svg.hashsalt": "handover-map", "svg.fonttype": "none", "hatch.linewidth": 2.2, "text.usetex": False}):
        figure = draw_small_multiples(model, dates)
        for suffix, options in ((".png", {"dpi": 160, "metadata": {"Software": None}}), (".svg", {"metadata": {"Date": None, "Creator": None}})):
            buffer = io.BytesIO()
            figure.savefig(buffer, format=suffix[1:], facecolor="white", **options)
            images[suffix] = buffer.getvalue()
    return images


def write_snapshot(model: MapModel, output: str | Path, dates: list[dt.date] | None = None) -> list[Path]:
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
    refuse_overwriting_inputs(paths, model.files)
    images = render_snapshot(model, dates)
    return write_files_atomic([(path, images[path.suffix]) for path in paths])
