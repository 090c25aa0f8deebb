"""The control timeline as data: one record per district and state interval.

For QGIS's temporal controller, kepler.gl or a spreadsheet: each record says
which state (:data:`settings.STATES`) a district is in from ``start`` to
``end`` (both days included, ISO dates), and, after a change of control,
who holds it (``holder``: a district passing from A to B to C has an
interval for each holder). The first interval starts on the
slider's first day; the last one has no end (``null`` in GeoJSON, an empty
cell in CSV): the state holds as far as the reports know.

:func:`write_timeline` writes GeoJSON (one feature per district and
interval, geometry in EPSG:4326) or CSV (no geometry), chosen by the
output's suffix, all or nothing, and the same inputs always give the same
bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import shapely

from . import settings
from ._atomic import refuse_overwriting_inputs, write_bytes_atomic
from ._errors import OptionError
from .events import neutralise
from .model import PARTY_LABEL_KEYS, MapModel
from .timeline import ONE_DAY, holder_on
from .words import Words, words

#: Output suffixes and the formats they select.
FORMATS = {".geojson": "geojson", ".json": "geojson", ".csv": "csv"}

#: The columns of a timeline record, in order.
COLUMNS = ("district", "label", "state", "state_label", "holder", "start", "end")


@dataclass(frozen=True)
class Interval:
    """A district in one state from ``start`` to ``end`` (both included; ``end`` None: open)."""

    district: str
    label: str
    state: str
    start: dt.date | None
    end: dt.date | None
    holder: str = ""
    #: The state as the page words it, with its parties (see :func:`_state_label`).
    state_label: str = ""

    def record(self) -> dict[str, str | None]:
        """The interval as a table row: the state as the page words it, ISO dates."""
        return {
            "district": self.district,
            "label": self.label,
            "state": self.state,
            "state_label": self.state_label or settings.STATE_STYLES[self.state]["label"],
            "holder": self.holder or None,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
        }


def _state_label(state: str, holder: str, labels: Mapping[str, str], say: Words) -> str:
    """The state as the page's popup says it: after a change of control, with
    who holds the district ("Handed over to Azerbaijan", "Taken by Party C");
    otherwise the legend's label, naming the parties when the table agrees on them."""
    if holder and state in settings.CONTROL_STATES:
        return say(PARTY_LABEL_KEYS[state], party=holder)
    return labels[state]


def timeline_intervals(model: MapModel) -> list[Interval]:
    """Every district's state intervals, districts in map order, intervals in time order."""
    labels, say, timeline = model.state_labels, words(model.lang), model.timeline
    first = timeline.stops[0] if timeline.stops else None
    intervals = []
    for district in model.layers.districts:
        series = timeline.changes[district.name]  # the map's districts are the joined ones
        events = model.joined[district.name]
        for (day, state), following in zip(series, [*series[1:], None]):
            end = following[0] - ONE_DAY if following and following[0] else None
            start = day or first
            if state not in settings.CONTROL_STATES or start is None:
                intervals.append(Interval(district.name, district.label, state, start, end, state_label=labels[state]))
                continue
            # A change of control in the same state (A to B, then B to C) starts an interval of its own.
            changes = sorted({e.date for e in events if e.kind in settings.CONTROL_CHANGES and start < e.date and (end is None or e.date <= end)})
            for begin, after in zip([start, *changes], [*changes, None]):
                holder = holder_on(events, begin)
                label = _state_label(state, holder, labels, say)
                intervals.append(Interval(district.name, district.label, state, begin, after - ONE_DAY if after else end, holder, label))
    return intervals


def timeline_geojson(model: MapModel) -> str:
    """The intervals as a GeoJSON FeatureCollection (EPSG:4326), one feature each."""
    shapes = {district.name: shapely.geometry.mapping(district.geometry) for district in model.layers.districts}
    features = [{"type": "Feature", "properties": interval.record(), "geometry": shapes[interval.district]} for interval in timeline_intervals(model)]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, separators=(",", ":")) + "\n"


def timeline_csv(model: MapModel) -> str:
    """The intervals as CSV, text cells protected against spreadsheet formulas."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for interval in timeline_intervals(model):
        row = interval.record()
        writer.writerow([neutralise(row[column] or "") for column in COLUMNS])
    return buffer.getvalue()


def write_timeline(model: MapModel, output: str | Path) -> Path:
    """Write the timeline to ``output``; its suffix (.geojson, .json or .csv) chooses the format.

    Raises
    ------
    OptionError
        For another suffix.
    OutputError
        If the output is one of the map's input files or cannot be written.
    """
    path = Path(output)
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise OptionError(f"Cannot tell the export format from '{path.name}'.", hint="name the output .geojson (or .json) or .csv.")
    refuse_overwriting_inputs([path], model.files)
    text = timeline_geojson(model) if kind == "geojson" else timeline_csv(model)
    return write_bytes_atomic(path, text.encode("utf-8"))
