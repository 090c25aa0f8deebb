"""Fuzz tests (issue 9): arbitrary events tables, alias tables and boundary
names through the library. Only the library's own errors (HandoverMapError
subclasses) may come out; whatever is read writes back as a spreadsheet-safe
table that reads back the same; no label carries an invisible character.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import tempfile
import warnings
from pathlib import Path

import geopandas as gpd
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handover_map import HandoverMapError, load_boundaries, read_events
from handover_map.cartography import prepare_layers
from handover_map.events import TEXT_COLUMNS, Event, events_csv, visible
from handover_map.gazetteer import Gazetteer, join_events, read_aliases

FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def fuzz(examples: int) -> settings:
    """Settings for ``examples`` examples, sized to keep each test under ~20 s."""
    return settings(FUZZ, max_examples=examples)


# What a hostile table holds: formula starts, quotes, separators, line breaks,
# bidirectional controls, template syntax, markup.
NASTY = [
    "=",
    "+",
    "-",
    "@",
    "\t",
    "\r",
    "\n",
    "\r\n",
    "'",
    '"',
    ",",
    ";",
    " ",
    "\ufeff",
    "\u202e",
    "\u2066",
    "\u200f",
    "\u200d",
    "{{",
    "}}",
    "{%",
    "<script>",
    "</script>",
    "\x1f",
    "\u2028",
    "\xa0",
    "Agdam",
    "Ağdam",
    "2020-11-20",
    "-5",
    "0",
]
# (NUL makes a file binary: only the tables that need not read hold it.)
nasty_text = st.lists(st.one_of(st.sampled_from(NASTY), st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=6)), max_size=6).map("".join)


REQUIRED = ["district", "date", "kind"]
OPTIONAL = ["from", "to", "source", "evidence", "note", "evidence_start", "evidence_end"]
# Cells of a table that must read: any text where text may stand, a visible
# district, dates and kinds and offsets as they should be.
GOOD = {
    "district": st.one_of(st.sampled_from(["Agdam", "Ağdam", "=Agdam", "\u202eLachin", "'-Lachin", "'Lachin"]), nasty_text.map(lambda t: t + "x")),
    "date": st.dates(min_value=dt.date(1500, 1, 1), max_value=dt.date(2200, 12, 31)).map(dt.date.isoformat),
    "kind": st.sampled_from(["completed", "Scheduled ", " POSTPONED"]),
    "evidence_start": st.one_of(st.just(""), st.integers(0, 10**9).map(str)),
    "evidence_end": st.one_of(st.just(""), st.integers(0, 10**9).map(str)),
}
INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff\x00-\x1f\x7f]")
FORMULA_START = re.compile(r"[^\S\t\r]*[=+\-@\t\r]")


@st.composite
def events_tables(draw, readable: bool) -> bytes:
    """A table as a spreadsheet or a hostile hand might save it: with any
    column order, case and spacing of names, separator, line ending, BOM,
    blank rows; ``readable`` ones are well-formed, others anything."""
    anything = st.one_of(nasty_text, st.text(max_size=12))
    required = REQUIRED if readable else draw(st.lists(st.sampled_from(REQUIRED), unique=True))
    extra = st.from_regex(r"[a-z]{1,8}", fullmatch=True) if readable else anything
    header = draw(st.permutations(required + draw(st.lists(st.sampled_from(OPTIONAL), unique=True)) + draw(st.lists(extra, max_size=1))))
    header = [draw(st.sampled_from([name, name.upper(), f" {name} "])) for name in header]
    rows = []
    for _ in range(draw(st.integers(1 if readable else 0, 4))):
        rows.append([draw(GOOD.get(name.strip().lower(), nasty_text) if readable else anything) for name in header])
    for _ in range(draw(st.integers(0, 2))):
        rows.insert(draw(st.integers(0, len(rows))), ["" for _ in header])  # blank rows, as spreadsheets leave
    delimiter = draw(st.sampled_from([",", ";", "\t"] if readable else [",", ";", "\t", "|", ""]))
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    # csv quotes a cell with a line break only if the break is in the line ending
    quoting = csv.QUOTE_MINIMAL if ending == "\r\n" or not readable else csv.QUOTE_ALL
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter or ",", lineterminator=ending, quoting=quoting).writerows([header, *rows])
    text = buffer.getvalue() + draw(st.sampled_from(["", ending, ending * 2]))
    if not readable:
        text = draw(anything) + text + draw(anything)
    return draw(st.sampled_from(["", "\ufeff"])).encode() + text.encode("utf-8", "surrogatepass")  # a lone surrogate: not UTF-8


def _round_trip(path: Path, events: list[Event]) -> None:
    """Write ``events``, check no cell would run in a spreadsheet, read them back the same."""
    written = events_csv(events)
    for row in csv.DictReader(io.StringIO(written, newline="")):
        for column in TEXT_COLUMNS:
            value = row[column]
            assert not FORMULA_START.match(value) or re.fullmatch(r"[+-]?[0-9]+(?:\.[0-9]+)?", value), (column, value)
    path.write_text(written, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert read_events(path) == events
    for read in events:
        assert not INVISIBLE.search(read.district + read.from_ + read.to)


@fuzz(800)
@given(data=events_tables(readable=True))
def test_well_formed_tables_read_and_round_trip(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.csv"
        path.write_bytes(data)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            events = read_events(path)
        _round_trip(path, events)


@fuzz(1000)
@given(data=events_tables(readable=False))
def test_any_table_reads_or_fails_cleanly(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.csv"
        path.write_bytes(data)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                events = read_events(path)
        except HandoverMapError:
            return
        _round_trip(path, events)


@fuzz(1000)
@given(text=st.one_of(nasty_text, st.text(max_size=200)), prefix=st.sampled_from(["", "name,alias\n", "\ufeffname,alias\r\n"]))
def test_any_alias_table_reads_or_fails_cleanly(text, prefix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "aliases.csv"
        path.write_bytes((prefix + text).encode("utf-8", "surrogatepass"))
        try:
            table = read_aliases(path)
        except HandoverMapError:
            return
        Gazetteer(["Agdam District", "Lachin District"], table).lookup("Agdam")


# Boundary names: any unicode, with bidirectional marks, braces, quotes and markup among it.
names = st.one_of(nasty_text, st.text(min_size=1, max_size=20), st.sampled_from(["Agdam District", "Other Kalbajar District", "Kalbajar"]))


@st.composite
def spellings(draw, boundary_names: list[str]) -> str:
    """A district as a table might write it: a boundary name, changed a little, or anything."""
    if boundary_names and draw(st.booleans()):
        name = draw(st.sampled_from(boundary_names))
        change = draw(st.sampled_from([str, str.upper, lambda n: f"\u202e{n}", lambda n: f"{n} District", lambda n: n[:-1], lambda n: f"Other {n}"]))
        return change(name)
    return draw(names)


@fuzz(600)
@given(data=st.data(), boundary_names=st.lists(names, min_size=1, max_size=6, unique=True))
def test_any_boundary_names_join_and_prepare_cleanly(data, boundary_names):
    districts = data.draw(st.lists(spellings(boundary_names), min_size=1, max_size=6))
    events = [Event(d, dt.date(2020, 11, 20 + k % 5), "completed") for k, d in enumerate(districts)]
    frame = gpd.GeoDataFrame({"name": boundary_names}, geometry=[shapely.box(45 + k, 40, 45.9 + k, 40.9) for k in range(len(boundary_names))], crs="EPSG:4326")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            joined = join_events(events, boundary_names)
            layers = prepare_layers(frame, joined, held_area_label=data.draw(names))
    except HandoverMapError:
        return
    assert sorted(d.name for d in layers.districts) == sorted(joined)
    for district in layers.districts:
        assert not INVISIBLE.search(district.label) and (district.label or not visible(district.name))
    assert not INVISIBLE.search(layers.held_area_label)


@fuzz(300)
@given(boundary_names=st.lists(names, min_size=1, max_size=5))
def test_any_names_in_a_boundary_file_load_visible(boundary_names):
    features = [
        {
            "type": "Feature",
            "properties": {"name": name},
            "geometry": {"type": "Polygon", "coordinates": [[[45 + k, 40], [46 + k, 40], [46 + k, 41], [45 + k, 41], [45 + k, 40]]]},
        }
        for k, name in enumerate(boundary_names)
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "b.geojson"
        path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                frame = load_boundaries(path)
        except HandoverMapError:
            return
    loaded = list(frame["name"])
    assert len(loaded) == len(set(loaded)) and all(name and not INVISIBLE.search(name) for name in loaded)
    assert Gazetteer(loaded).names == sorted(set(loaded))  # the names a table is matched against
