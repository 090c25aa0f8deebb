"""Start-up of a build (issue 14, item 5): what a command loads, and the caches that spare the rest.

- The default build, its layers cached, loads no download, report-reading,
  fuzzy-matching, plotting or GDAL library (checked in a fresh process).
- A manifest source's boundaries are kept in the derived cache when they load
  without a warning, read back as they were loaded, and read anew from a new file.
- A command leaves the garbage collector running; the next command puts back
  what an earlier one set aside.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import shapely
from geopandas.testing import assert_geodataframe_equal

from conftest import MIRROR, run_command
from handover_map import HandoverMapWarning, build, sources

#: Libraries the default build needs none of once its layers are cached.
NOT_FOR_THE_DEFAULT_BUILD = (
    "pooch",  # downloads
    "tqdm",
    "lxml",  # reading reports
    "trafilatura",
    "handover_map.article",
    "handover_map.reading",
    "rapidfuzz",  # names without an exact match
    "matplotlib",  # snapshots
    "pyogrio",  # GDAL: the cached layers are read without it
)

_PROBE = """
import sys
from handover_map.cli import main
sys.argv = ["handover-map", *sys.argv[1:]]
try:
    main()
finally:
    print(" ".join(sorted(sys.modules)))
"""


def _build_in_a_new_process(output: Path, cache: Path) -> set[str]:
    """The modules loaded by ``handover-map build -o output`` in a process of its own."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, "build", "-o", str(output)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "HANDOVER_MAP_DATA_DIR": str(MIRROR), "HANDOVER_MAP_CACHE_DIR": str(cache)},
    )
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


def test_the_default_build_with_its_layers_cached_loads_only_what_it_draws_with(tmp_path):
    cold = _build_in_a_new_process(tmp_path / "cold.html", tmp_path / "cache")
    warm = _build_in_a_new_process(tmp_path / "warm.html", tmp_path / "cache")
    assert "pyogrio" in cold  # the first build reads the files themselves
    assert {"geopandas", "folium", "handover_map.render"} <= warm
    assert sorted(set(NOT_FOR_THE_DEFAULT_BUILD) & warm) == []
    assert (tmp_path / "warm.html").read_bytes() == (tmp_path / "cold.html").read_bytes()


def _districts(path: Path, features: list[tuple[str, str]]) -> Path:
    """A GeoJSON file of (name, polygon as WKT) features, in longitude/latitude."""
    collection = {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "properties": {"name": name}, "geometry": shapely.geometry.mapping(shapely.from_wkt(wkt))} for name, wkt in features],
    }
    path.write_text(json.dumps(collection), encoding="utf-8")
    return path


def _source(path: Path) -> sources.Source:
    """A manifest entry for ``path``, with the checksum fetching it would have checked."""
    return sources.Source("test-districts", path.name, "https://example.org/districts.geojson", sources.sha256_of(path), "", "name", "", "", "boundaries")


def _cached_layers(cache: Path) -> list[Path]:
    return sorted((cache / "derived").glob("*.geojson"))


SQUARES = [
    ("Upper", "POLYGON ((45.1 40.1, 45.3 40.1, 45.3 40.3, 45.1 40.3, 45.1 40.1))"),
    ("Upper", "POLYGON ((45.3 40.1, 45.5 40.1, 45.5 40.3, 45.3 40.3, 45.3 40.1))"),  # two features, one district
    ("Lower", "POLYGON ((45.123456789 39.9, 45.3 39.9, 45.3 40.1, 45.123456789 40.1, 45.123456789 39.9))"),
]


def test_a_source_that_loads_silently_is_read_back_from_the_cache_as_it_was_loaded(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDOVER_MAP_CACHE_DIR", str(tmp_path / "cache"))
    path = _districts(tmp_path / "districts.geojson", SQUARES)
    source = _source(path)
    loaded = build._load_source(path, source, "name", None, None)
    assert len(_cached_layers(tmp_path / "cache")) == 1
    path.unlink()  # what is read now can only come from the cache
    cached = build._load_source(path, source, "name", None, None)
    assert_geodataframe_equal(cached, loaded, check_crs=True)
    assert list(shapely.to_wkb(cached.geometry.values)) == list(shapely.to_wkb(loaded.geometry.values))  # every coordinate exact
    assert cached.attrs == loaded.attrs == {"handover_map_shared_names": {"Upper": 2}}


def test_a_new_file_is_read_anew_and_other_options_are_kept_apart(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDOVER_MAP_CACHE_DIR", str(tmp_path / "cache"))
    path = _districts(tmp_path / "districts.geojson", SQUARES)
    build._load_source(path, _source(path), "name", None, None)
    _districts(path, [("Renamed", SQUARES[0][1])])
    assert list(build._load_source(path, _source(path), "name", None, None)["name"]) == ["Renamed"]
    build._load_source(path, _source(path), "name", None, "EPSG:4326")
    assert len(_cached_layers(tmp_path / "cache")) == 3


def test_a_source_that_loads_with_a_warning_is_not_cached_and_warns_every_time(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDOVER_MAP_CACHE_DIR", str(tmp_path / "cache"))
    bowtie = "POLYGON ((45 40, 46 41, 46 40, 45 41, 45 40))"
    path = _districts(tmp_path / "districts.geojson", [("Crossed", bowtie)])
    for _ in range(2):
        with pytest.warns(HandoverMapWarning, match="Repaired 1 invalid polygon"):
            frame = build._load_source(path, _source(path), "name", None, None)
        assert frame.geometry.values[0].is_valid
    assert _cached_layers(tmp_path / "cache") == []


def test_a_change_of_the_code_or_libraries_that_make_a_layer_changes_its_key(monkeypatch):
    before = build._derived_key("boundaries", "0" * 64, "name", None, None)
    monkeypatch.setattr(build, "_makers", lambda: "another version")
    assert build._derived_key("boundaries", "0" * 64, "name", None, None) != before


def test_a_command_leaves_the_collector_running_and_the_next_puts_back_what_it_set_aside(tmp_path):
    result = run_command(["build", "--cdn", "-o", tmp_path / "map.html"])
    assert result.returncode == 0, result.stderr
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0  # the libraries' objects, set aside
    assert run_command(["--version"]).returncode == 0
    assert gc.get_freeze_count() == 0
