"""Load district polygons from any vector file and make them fit for a web map.

Whatever comes in (GeoJSON, GeoPackage, Shapefile; any CRS; any name field),
what comes out is a GeoDataFrame with one row per distinct name, a ``name``
column and valid (Multi)Polygon geometry in EPSG:4326.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import geopandas as gpd
import pyogrio
import shapely
from pyproj import CRS
from pyproj.exceptions import CRSError

from . import settings
from ._errors import BoundaryDataError, HandoverMapWarning

#: Name fields tried, in order, when none is given.
COMMON_NAME_FIELDS = ("name", "NAME", "shapeName", "NAME_EN", "name_en", "NAME_2", "NAME_1", "ADMIN")


def read_vector(path: str | Path, layer: str | None = None) -> gpd.GeoDataFrame:
    """Read a vector file, turning the drivers' many errors into one clear one."""
    path = Path(path)
    if path.is_dir() and not path.suffix:
        raise BoundaryDataError(f"Boundary path '{path}' is a folder.", hint="give the path of the .geojson, .gpkg or .shp file.")
    try:
        return gpd.read_file(path, layer=layer, engine="pyogrio")
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, ValueError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise BoundaryDataError(
            f"Could not read boundary file '{path}': {reason.rstrip('.')}.",
            hint="give a valid GeoJSON, GeoPackage or Shapefile.",
        ) from None


def pick_name_field(frame: gpd.GeoDataFrame, name_field: str | None, path: str | Path) -> str:
    """The column holding feature names: the one given, or a common one."""
    columns = [c for c in frame.columns if c != frame.geometry.name]
    if name_field:
        if name_field not in columns:
            raise BoundaryDataError(
                f"Boundary file '{path}' has no field '{name_field}'.",
                hint=f"pass --name-field with one of: {', '.join(columns) or '(no fields)'}.",
            )
        return name_field
    for candidate in COMMON_NAME_FIELDS:
        if candidate in columns:
            return candidate
    raise BoundaryDataError(
        f"Cannot tell which field of '{path}' holds the district names.",
        hint=f"pass --name-field with one of: {', '.join(columns) or '(no fields)'}.",
    )


def _to_web_crs(frame: gpd.GeoDataFrame, assume_crs: str | None, path: str | Path) -> gpd.GeoDataFrame:
    if frame.crs is None:
        if not assume_crs:
            raise BoundaryDataError(
                f"Boundary file '{path}' does not say which CRS its coordinates are in.",
                hint="pass --assume-crs (for example EPSG:4326 for longitude/latitude).",
            )
        try:
            frame = frame.set_crs(CRS.from_user_input(assume_crs))
        except CRSError:
            raise BoundaryDataError(f"'{assume_crs}' is not a CRS pyproj knows.", hint="use a code like EPSG:32638.") from None
    elif assume_crs and not frame.crs.equals(CRS.from_user_input(assume_crs)):
        warnings.warn(
            f"'{path}' declares {frame.crs.to_string()}; ignoring --assume-crs {assume_crs}.",
            HandoverMapWarning,
            stacklevel=3,
        )
    return frame.to_crs(settings.WEB_CRS)


def _polygons_only(frame: gpd.GeoDataFrame, path: str | Path) -> gpd.GeoDataFrame:
    empty = frame.geometry.isna() | frame.geometry.is_empty
    if empty.all():
        raise BoundaryDataError(f"Boundary file '{path}' holds no geometry.", hint="check that it is the right file and layer.")
    if empty.any():
        warnings.warn(f"Skipping {int(empty.sum())} feature(s) of '{path}' without geometry.", HandoverMapWarning, stacklevel=3)
        frame = frame[~empty]
    kinds = set(frame.geom_type)
    if not kinds <= {"Polygon", "MultiPolygon"}:
        raise BoundaryDataError(
            f"Boundary file '{path}' holds {', '.join(sorted(kinds - {'Polygon', 'MultiPolygon'}))} geometry, not district areas.",
            hint="give a file of polygons (district areas), not points or lines.",
        )
    invalid = ~frame.geometry.is_valid
    if invalid.any():
        warnings.warn(
            f"Repaired {int(invalid.sum())} invalid polygon(s) in '{path}' (self-intersections and the like).",
            HandoverMapWarning,
            stacklevel=3,
        )
        frame = frame.copy()
        repaired = shapely.make_valid(frame.geometry.values[invalid.values])
        frame.loc[invalid, frame.geometry.name] = [_polygonal_part(g) for g in repaired]
    return frame


def _polygonal_part(geometry: shapely.Geometry) -> shapely.Geometry:
    """make_valid may return a collection with stray lines; keep the areas."""
    if geometry.geom_type == "GeometryCollection":
        return shapely.union_all([g for g in geometry.geoms if g.geom_type in ("Polygon", "MultiPolygon")])
    return geometry


def load_boundaries(
    path: str | Path,
    name_field: str | None = None,
    *,
    layer: str | None = None,
    assume_crs: str | None = None,
) -> gpd.GeoDataFrame:
    """Load district polygons for the map.

    Parameters
    ----------
    path
        A GeoJSON, GeoPackage, Shapefile or any other file GDAL reads.
    name_field
        Column with the district names; when None, the first of
        :data:`COMMON_NAME_FIELDS` present is used.
    layer
        Layer of a multi-layer file (GeoPackage).
    assume_crs
        CRS to assume when the file declares none (never silently guessed).

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``name`` and ``geometry``, EPSG:4326, one row per name
        (features sharing a name are merged, with a warning), sorted by name.

    Raises
    ------
    BoundaryDataError
        If the file cannot be read, has no polygons, lacks the name field or
        has no CRS and none is assumed.
    """
    frame = read_vector(path, layer)
    if frame.empty:
        raise BoundaryDataError(f"Boundary file '{path}' has no features.", hint="check that it is the right file and layer.")
    field = pick_name_field(frame, name_field, path)
    frame = _polygons_only(frame, path)
    frame = _to_web_crs(frame, assume_crs, path)
    names = frame[field].astype("string").str.strip()
    if names.isna().any() or (names == "").any():
        warnings.warn(f"Skipping {int((names.isna() | (names == '')).sum())} feature(s) of '{path}' without a name.", HandoverMapWarning, stacklevel=2)
    frame = gpd.GeoDataFrame({"name": names, "geometry": frame.geometry.values}, crs=frame.crs)
    frame = frame[frame["name"].notna() & (frame["name"] != "")]
    counts = frame["name"].value_counts()
    shared = sorted(counts[counts > 1].index)
    if shared:
        warnings.warn(
            f"{len(shared)} name(s) in '{path}' belong to more than one feature and are treated as one district each: "
            + ", ".join(f"{name} ({counts[name]} features)" for name in shared),
            HandoverMapWarning,
            stacklevel=2,
        )
        frame = frame.dissolve(by="name", as_index=False)
    return frame.sort_values("name", kind="stable").reset_index(drop=True)[["name", "geometry"]]
