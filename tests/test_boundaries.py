"""Loading boundary files: formats, CRSs, name fields, broken geometry."""

from __future__ import annotations

import geopandas as gpd
import pytest
import shapely

from conftest import AZE_ADM2, MIRROR
from handover_map import BoundaryDataError, HandoverMapWarning, load_boundaries

AFG_ADM1 = MIRROR / "geoBoundaries-AFG-ADM1_simplified.geojson"
EQUAL_AREA = "EPSG:6933"  # World Cylindrical Equal Area, for area comparisons


@pytest.fixture(scope="module")
def aze() -> gpd.GeoDataFrame:
    return gpd.read_file(AZE_ADM2)


def _km2(frame: gpd.GeoDataFrame, name: str, field: str = "name") -> float:
    return frame[frame[field] == name].to_crs(EQUAL_AREA).area.sum() / 1e6


def test_the_geoboundaries_file_loads_in_web_crs():
    with pytest.warns(HandoverMapWarning, match="Lankaran District \\(2 features\\)"):
        frame = load_boundaries(AZE_ADM2, "shapeName")
    assert frame.crs.to_epsg() == 4326
    assert list(frame.columns) == ["name", "geometry"]
    assert len(frame) == 78  # 79 features, two of them share a name
    assert frame["name"].is_unique
    assert set(frame.geom_type) <= {"Polygon", "MultiPolygon"}


@pytest.mark.parametrize(
    ("suffix", "driver", "crs", "field"),
    [
        (".gpkg", "GPKG", "EPSG:32638", "NAME_EN"),  # UTM 38N, metres
        (".shp", "ESRI Shapefile", "EPSG:3857", "DISTRICT"),  # web mercator
        (".geojson", "GeoJSON", "EPSG:4326", "label"),
    ],
)
def test_any_format_crs_and_name_field_gives_the_same_districts(aze, tmp_path, suffix, driver, crs, field):
    path = tmp_path / f"districts{suffix}"
    aze.rename(columns={"shapeName": field})[[field, "geometry"]].to_crs(crs).to_file(path, driver=driver)
    with pytest.warns(HandoverMapWarning):
        frame = load_boundaries(path, field)
    assert frame.crs.to_epsg() == 4326
    original = aze[aze["shapeName"] == "Kalbajar District"].geometry.iloc[0]
    loaded = frame[frame["name"] == "Kalbajar District"].geometry.iloc[0]
    # Reprojection round trips lose well under a metre (1e-5 degrees).
    assert shapely.hausdorff_distance(original, loaded) < 1e-5
    assert _km2(frame, "Kalbajar District") == pytest.approx(_km2(aze, "Kalbajar District", "shapeName"), rel=1e-6)


def test_the_name_field_is_found_when_not_given(aze, tmp_path):
    path = tmp_path / "named.gpkg"
    aze.rename(columns={"shapeName": "name"})[["name", "geometry"]].to_file(path)
    with pytest.warns(HandoverMapWarning):
        assert "Lachin District" in set(load_boundaries(path)["name"])


def test_a_missing_name_field_lists_the_fields(tmp_path, aze):
    with pytest.raises(BoundaryDataError, match="has no field 'NAME_EN'.*shapeName"):
        load_boundaries(AZE_ADM2, "NAME_EN")


def test_a_file_without_crs_is_refused_unless_one_is_assumed(aze, tmp_path):
    path = tmp_path / "nocrs.shp"
    aze.to_crs("EPSG:32638")[["shapeName", "geometry"]].to_file(path)
    path.with_suffix(".prj").unlink()
    with pytest.raises(BoundaryDataError, match="does not say which CRS.*--assume-crs"):
        load_boundaries(path, "shapeName")
    with pytest.warns(HandoverMapWarning):
        frame = load_boundaries(path, "shapeName", assume_crs="EPSG:32638")
    assert _km2(frame, "Lachin District") == pytest.approx(_km2(aze, "Lachin District", "shapeName"), rel=1e-6)


def test_points_are_not_districts(aze, tmp_path):
    path = tmp_path / "points.geojson"
    aze.assign(geometry=aze.representative_point()).to_file(path)
    with pytest.raises(BoundaryDataError, match="Point geometry, not district areas"):
        load_boundaries(path, "shapeName")


def test_self_intersections_are_repaired_with_a_warning(tmp_path):
    bowtie = shapely.Polygon([(0, 0), (1, 1), (1, 0), (0, 1), (0, 0)])
    path = tmp_path / "bowtie.geojson"
    gpd.GeoDataFrame({"name": ["Bow"]}, geometry=[bowtie], crs="EPSG:4326").to_file(path)
    with pytest.warns(HandoverMapWarning, match="Repaired 1 invalid polygon"):
        frame = load_boundaries(path)
    assert frame.geometry.iloc[0].is_valid
    assert frame.geometry.iloc[0].area == pytest.approx(0.5)


@pytest.mark.parametrize(("content", "message"), [(b"", "Could not read"), (b"\x00\x01garbage", "Could not read")])
def test_corrupt_files_give_one_clear_error(tmp_path, content, message):
    path = tmp_path / "broken.geojson"
    path.write_bytes(content)
    with pytest.raises(BoundaryDataError, match=message):
        load_boundaries(path, "name")


def test_an_empty_collection_is_refused(tmp_path):
    path = tmp_path / "empty.geojson"
    path.write_text('{"type": "FeatureCollection", "features": []}')
    with pytest.raises(BoundaryDataError, match="no features|Could not read"):
        load_boundaries(path, "name")


def _coded(tmp_path, columns: dict[str, list]) -> str:
    """Afghanistan's provinces (the mirror's file) under other fields, as a GeoPackage."""
    provinces = gpd.read_file(AFG_ADM1).sort_values("shapeName")
    path = tmp_path / "provinces.gpkg"
    gpd.GeoDataFrame({name: values(provinces) for name, values in columns.items()}, geometry=provinces.geometry.values, crs=provinces.crs).to_file(path)
    return str(path)


def test_without_a_common_name_field_the_one_field_of_english_names_is_taken_and_said(tmp_path):
    # The fields of the humanitarian common operational datasets: names, codes, the country, alternative names.
    path = _coded(
        tmp_path,
        {
            "ADM1_PCODE": lambda f: [f"AF{k:02d}" for k in range(len(f))],
            "ADM1_EN": lambda f: list(f["shapeName"]),
            "ADM1_REF": lambda f: [n.upper() for n in f["shapeName"]],
            "ADM1ALT1EN": lambda f: ["Ghazni" if n == "Ghanzi" else None for n in f["shapeName"]],
            "ADM0_EN": lambda f: ["Afghanistan"] * len(f),
            "ADM0_PCODE": lambda f: ["AF"] * len(f),
        },
    )
    with pytest.warns(HandoverMapWarning, match="from its field 'ADM1_EN'"):
        frame = load_boundaries(path)
    assert "Kandahar" in set(frame["name"]) and len(frame) == 34


def test_without_a_common_name_field_a_lone_field_of_names_is_taken(tmp_path):
    path = _coded(tmp_path, {"PROVINCE": lambda f: list(f["shapeName"]), "CODE": lambda f: [f"AF{k:02d}" for k in range(len(f))]})
    with pytest.warns(HandoverMapWarning, match="from its field 'PROVINCE'"):
        assert "Helmand" in set(load_boundaries(path)["name"])


def test_two_fields_of_names_in_no_known_language_are_not_guessed_between(tmp_path):
    path = _coded(tmp_path, {"PROV_FA": lambda f: list(f["shapeName"]), "PROV_PS": lambda f: [n + "a" for n in f["shapeName"]]})
    with pytest.raises(BoundaryDataError, match="Cannot tell which field") as raised:
        load_boundaries(path)
    assert raised.value.hint == "pass --name-field with one of: PROV_FA, PROV_PS."


def test_without_a_common_name_field_the_finest_levels_names_are_taken(tmp_path):
    # A district file carries its province's names too: those repeat; the districts' own are the most varied.
    path = _coded(
        tmp_path,
        {
            "ADM2_FR": lambda f: [f"Nahia {k}" if k % 2 else name for k, name in enumerate(f["shapeName"])],  # "Nahia 3" is a name
            "ADM1_EN": lambda f: ["North" if k < 17 else "South" for k in range(len(f))],
            "ISO_EN": lambda f: [f"AF-{name[:4].upper()}" for name in f["shapeName"]],
        },
    )
    with pytest.warns(HandoverMapWarning, match="from its field 'ADM2_FR'"):
        assert "Nahia 3" in set(load_boundaries(path)["name"])
