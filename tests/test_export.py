"""`handover-map export`: the control timeline as GeoJSON (QGIS's temporal
controller, kepler.gl) and CSV, from the same inputs as `build`."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
import warnings

import pytest
import shapely
from click.testing import CliRunner, Result

from handover_map import settings
from handover_map.cli import cli

#: How the default map's page words each state it draws (legend and popups).
PAGE_WORDS = {
    "held": "Held by Armenia: no handover reported",
    "scheduled": "Handover announced, date not yet reached",
    "postponed": "Announced handover put off",
    "transferred": "Handed over to Azerbaijan",
}


def invoke(*args: object) -> Result:
    with warnings.catch_warnings():
        return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, env={"HANDOVER_MAP_OFFLINE": "1"})


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    for name in ("timeline.geojson", "timeline.csv"):
        result = invoke("export", "-o", folder / name)
        assert result.exit_code == 0, result.stderr
    return folder


def test_geojson_has_one_feature_per_district_and_state_interval(exported):
    collection = json.loads((exported / "timeline.geojson").read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    by_district: dict[str, list[dict]] = {}
    for feature in collection["features"]:
        properties = feature["properties"]
        assert properties["state"] in settings.STATES
        assert properties["state_label"] == PAGE_WORDS[properties["state"]]  # the page's words, with the parties
        shape = shapely.geometry.shape(feature["geometry"])
        assert shape.is_valid and not shape.is_empty
        minx, miny, maxx, maxy = shape.bounds
        assert 44 < minx < maxx < 48 and 38 < miny < maxy < 41  # the Karabakh districts, in degrees
        by_district.setdefault(properties["district"], []).append(properties)
    assert set(by_district) == {"Agdam District", "Kalbajar District", "Lachin District"}
    for intervals in by_district.values():
        # Contiguous days, the first from the slider's first day, the last open.
        assert intervals[0]["start"] == "2020-11-14" and intervals[-1]["end"] is None
        for before, after in itertools.pairwise(intervals):
            assert dt.date.fromisoformat(before["end"]) + dt.timedelta(days=1) == dt.date.fromisoformat(after["start"])
    kalbajar = [(i["state"], i["start"], i["end"]) for i in by_district["Kalbajar District"]]
    assert kalbajar == [
        ("scheduled", "2020-11-14", "2020-11-14"),
        ("postponed", "2020-11-15", "2020-11-24"),
        ("transferred", "2020-11-25", None),
    ]
    # The story's latest report (1 December) tells Lachin's handover on its announced day.
    lachin = [(i["state"], i["start"], i["end"]) for i in by_district["Lachin District"]]
    assert lachin == [("scheduled", "2020-11-14", "2020-11-30"), ("transferred", "2020-12-01", None)]


def test_csv_has_the_same_intervals_without_geometry(exported):
    rows = list(csv.DictReader(io.StringIO((exported / "timeline.csv").read_text(encoding="utf-8"))))
    features = json.loads((exported / "timeline.geojson").read_text(encoding="utf-8"))["features"]
    assert list(rows[0]) == ["district", "label", "state", "state_label", "holder", "start", "end"]
    assert [{k: v or None for k, v in row.items()} for row in rows] == [f["properties"] for f in features]


def test_the_same_inputs_give_the_same_bytes_and_no_local_path(exported, tmp_path):
    for name in ("timeline.geojson", "timeline.csv"):
        assert invoke("export", "-o", tmp_path / name).exit_code == 0
        again = (tmp_path / name).read_bytes()
        assert again == (exported / name).read_bytes()
        assert str(tmp_path).encode() not in again and str(exported).encode() not in again


@pytest.mark.parametrize("name", ["timeline.txt", "timeline"])
def test_an_output_of_unknown_format_is_refused(tmp_path, name):
    result = invoke("export", "-o", tmp_path / name)
    assert result.exit_code == 2
    assert "Cannot tell the export format" in result.stderr and ".geojson" in result.stderr
    assert not (tmp_path / name).exists()


def test_the_events_table_cannot_be_overwritten(tmp_path):
    table = tmp_path / "events.csv"
    table.write_text("district,date,kind\nAghdam,2020-11-20,completed\n", encoding="utf-8")
    before = table.read_bytes()
    result = invoke("export", "--events", table, "-o", table)
    assert result.exit_code != 0 and table.read_bytes() == before


def test_state_labels_name_who_holds_a_district_as_the_popups_do(tmp_path):
    table = tmp_path / "parties.csv"
    table.write_text(
        "district,date,kind,from,to\nKalbajar,2020-11-20,completed,Party A,Party B\nKalbajar,2020-11-25,captured,Party B,Party C\nAghdam,2020-11-22,captured,Party A,Party C\n",
        encoding="utf-8",
    )
    assert invoke("export", "--events", table, "-o", tmp_path / "timeline.csv").exit_code == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "timeline.csv").read_text(encoding="utf-8"))))
    labels = {(row["district"], row["start"]): (row["state_label"], row["holder"]) for row in rows}
    # Party A held both districts first (Party B gives Kalbajar up later): the legend names it.
    assert labels[("Kalbajar District", "2020-11-19")] == ("Held by Party A: no handover reported", "")
    assert labels[("Kalbajar District", "2020-11-20")] == ("Handed over to Party B", "Party B")
    assert labels[("Kalbajar District", "2020-11-25")] == ("Taken by Party C", "Party C")  # not the generic "Taken: control changed without a handover"
    assert labels[("Agdam District", "2020-11-22")] == ("Taken by Party C", "Party C")
