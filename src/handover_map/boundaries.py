"""Load district polygons from any vector file and make them fit for a web map.

Whatever comes in (GeoJSON, GeoPackage, Shapefile; any CRS; any name field),
what comes out is a GeoDataFrame with one row per distinct name, a ``name``
column and valid (Multi)Polygon geometry in EPSG:4326, or a
:class:`BoundaryDataError` that says what is wrong with the file. Geometry
that is possible but implausible (beyond the latitudes a web map shows,
wider than half the globe, without area) is reported as a warning.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS
from pyproj.exceptions import CRSError, ProjError

from . import settings
from ._errors import BoundaryDataError, HandoverMapWarning
from .events import excerpt, visible

#: Name fields tried, in order, when none is given.
COMMON_NAME_FIELDS = ("name", "NAME", "shapeName", "NAME_EN", "name_en", "NAME_2", "NAME_1", "ADMIN")

#: Latitude beyond which Web Mercator, and so the web map, draws nothing.
WEB_MERCATOR_MAX_LATITUDE = 85.0511

# Reprojection may land a hair beyond +-180 or +-90.
_DEGREE_SLACK = 1e-7

#: Key of ``GeoDataFrame.attrs`` under which :func:`load_boundaries` records
#: the names shared by several features (merged into one): {name: features}.
SHARED_NAMES = "handover_map_shared_names"


def shared_names_message(path: str | Path, counts: dict[str, int]) -> str:
    """The warning about features merged because they share a name."""
    return f"{len(counts)} name(s) in '{path}' belong to more than one feature and are treated as one district each: " + ", ".join(
        f"{excerpt(name)} ({count} features)" for name, count in sorted(counts.items())
    )


def read_vector(path: str | Path, layer: str | None = None) -> gpd.GeoDataFrame:
    """Read a vector file, turning the drivers' many errors into one clear one."""
    import pyogrio  # GDAL loads only when a file is read: a cached layer needs none

    path = Path(path)
    if path.is_dir() and not path.suffix:
        raise BoundaryDataError(f"Boundary path '{path}' is a folder.", hint="give the path of the .geojson, .gpkg or .shp file.")
    try:
        with warnings.catch_warnings():
            # GDAL's own note on an open ring names a config option; the error below says what to fix.
            warnings.filterwarnings("ignore", message="Non closed ring detected")
            return gpd.read_file(path, layer=layer, engine="pyogrio")
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, ValueError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise BoundaryDataError(
            f"Could not read boundary file '{path}': {reason.rstrip('.')}.",
            hint="give a valid GeoJSON, GeoPackage or Shapefile.",
        ) from None
    except shapely.errors.GEOSException as error:
        if "closed linestring" in str(error):
            reason = "a polygon ring is not closed (its last point is not its first, or a coordinate is NaN)"
        else:
            reason = str(error).split(": ", 1)[-1].rstrip(".")
        raise BoundaryDataError(
            f"Could not read boundary file '{path}': {reason}.",
            hint="close every ring by repeating its first point at the end, and give every coordinate as a number.",
        ) from None


#: A field named as English text: "ADM2_EN" (the humanitarian common operational datasets), "NAME_ENG".
_ENGLISH_FIELD = re.compile(r"(?:^|_)(?:en|eng|english)$", re.IGNORECASE)


def pick_name_field(frame: gpd.GeoDataFrame, name_field: str | None, path: str | Path) -> str:
    """The column holding feature names: the one given; else the first of :data:`COMMON_NAME_FIELDS`
    present; else, said in a warning, of the fields whose values read as names (see
    :func:`_name_like_fields`) those with the most distinct values (the finest level: "ADM2_FR"
    beside "ADM1_EN"), the one there is or the one named as English ("ADM1_EN" beside "ADM1_REF",
    "ADM1_PCODE" and "ADM0_EN")."""
    columns = [c for c in frame.columns if c != frame.geometry.name]
    if name_field:
        if name_field not in columns:
            raise BoundaryDataError(
                f"Boundary file '{path}' has no field '{excerpt(name_field)}'.",
                hint=f"pass --name-field with one of: {', '.join(columns) or '(no fields)'}.",
            )
        return name_field
    for candidate in COMMON_NAME_FIELDS:
        if candidate in columns:
            return candidate
    name_like = _name_like_fields(frame, columns)
    # The finest level's: a file of districts names more of them than of the provinces holding them (ADM2_FR beside ADM1_EN).
    distinct = {c: frame[c].nunique() for c in name_like}
    finest = [c for c in name_like if distinct[c] == max(distinct.values())]
    english = [c for c in finest if _ENGLISH_FIELD.search(str(c))]
    chosen = finest if len(finest) == 1 else english if len(english) == 1 else []
    if chosen:
        warnings.warn(
            f"Taking the names of '{path}' from its field '{excerpt(str(chosen[0]))}' (pass --name-field to take another).",
            HandoverMapWarning,
            stacklevel=3,
        )
        return str(chosen[0])
    raise BoundaryDataError(
        f"Cannot tell which field of '{path}' holds the district names.",
        hint=f"pass --name-field with one of: {', '.join(map(str, name_like or columns)) or '(no fields)'}.",
    )


#: A code rather than a name: "AF-BALX", "AZE_12".
_CODE = re.compile(r"[A-Z]{2,3}[-_.][A-Z0-9]+")


def _is_code(text: str) -> bool:
    """Whether a value reads as a code: three Latin letters or fewer ("AFG"), digits in one word
    ("AF24"; but "District 1" is a name), or letters and digits joined by a mark ("AF-BALX")."""
    return (len(text) <= 3 and text.isascii()) or (" " not in text and any(c.isdigit() for c in text)) or bool(_CODE.fullmatch(text))


def _name_like_fields(frame: gpd.GeoDataFrame, columns: list[str]) -> list[str]:
    """The fields whose values read as names: text in nine features of ten or more, not one value
    in all of them (the country's name), and mostly not codes (:func:`_is_code`)."""
    found = []
    for column in columns:
        texts = [value.strip() for value in frame[column] if isinstance(value, str) and value.strip()]
        if len(texts) < 0.9 * len(frame) or (len(frame) > 1 and len(set(texts)) == 1):
            continue
        if sum(map(_is_code, texts)) * 2 > len(texts):
            continue
        found.append(column)
    return found


def _parse_crs(assume_crs: str | None) -> CRS | None:
    if not assume_crs:
        return None
    try:
        return CRS.from_user_input(assume_crs)
    except CRSError:
        raise BoundaryDataError(f"'{excerpt(assume_crs)}' is not a CRS pyproj knows.", hint="use a code like EPSG:32638.") from None


def _to_web_crs(frame: gpd.GeoDataFrame, assume_crs: str | None, path: str | Path) -> gpd.GeoDataFrame:
    assumed = _parse_crs(assume_crs)
    if frame.crs is None:
        if assumed is None:
            raise BoundaryDataError(
                f"Boundary file '{path}' does not say which CRS its coordinates are in.",
                hint="pass --assume-crs (for example EPSG:4326 for longitude/latitude).",
            )
        frame = frame.set_crs(assumed)
    elif assumed is not None and not frame.crs.equals(assumed):
        warnings.warn(
            f"'{path}' declares {frame.crs.to_string()}; ignoring --assume-crs {excerpt(assume_crs or '')}.",
            HandoverMapWarning,
            stacklevel=3,
        )
    try:
        projected = frame.to_crs(settings.WEB_CRS)
    except (CRSError, ProjError):
        raise BoundaryDataError(
            f"The coordinates of '{path}' cannot be converted from {frame.crs.to_string()} to longitude/latitude.",
            hint="give a file in a geographic or projected CRS, or pass the right --assume-crs.",
        ) from None
    _check_degrees(projected, frame.crs, path)
    return projected


def _check_degrees(frame: gpd.GeoDataFrame, source: CRS, path: str | Path) -> None:
    """Refuse longitudes/latitudes that are not numbers or out of range, with
    the likely cause (metres taken for degrees, swapped axes) as the hint."""
    xy = shapely.get_coordinates(frame.geometry.values)
    if not np.isfinite(xy).all():
        raise BoundaryDataError(
            f"Some coordinates of '{path}' do not convert from {source.to_string()} to longitude/latitude.",
            hint="check that the file's CRS (or --assume-crs) is the one its coordinates are in.",
        )
    x, y = np.abs(xy[:, 0]), np.abs(xy[:, 1])
    if (x <= 180 + _DEGREE_SLACK).all() and (y <= 90 + _DEGREE_SLACK).all():
        return
    if (x <= 90).all() and (y <= 180).all():
        hint = "the axes look swapped (latitude first): write longitude first, then latitude, as GeoJSON wants."
    elif max(x.max(), y.max()) > 1000:
        hint = (
            f"the numbers look like metres or feet, not degrees: declare the file's projected CRS (a .prj file, "
            f"or --assume-crs with its code, e.g. EPSG:32638) instead of {source.to_string()}."
        )
    else:
        hint = "longitudes must lie within -180..180 and latitudes within -90..90: check the coordinates and the CRS."
    minx, miny, maxx, maxy = xy[:, 0].min(), xy[:, 1].min(), xy[:, 0].max(), xy[:, 1].max()
    raise BoundaryDataError(
        f"Boundary file '{path}' has coordinates outside longitude -180..180 or latitude -90..90 (x {minx:.6g} to {maxx:.6g}, y {miny:.6g} to {maxy:.6g}).",
        hint=hint,
    )


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
    # GEOS cannot repair, reproject or measure what is not a number.
    if not np.isfinite(shapely.get_coordinates(frame.geometry.values)).all():
        raise BoundaryDataError(
            f"Boundary file '{path}' has coordinates that are not numbers (NaN or infinity).",
            hint="fix or remove the features with such coordinates.",
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
    """make_valid may return a collection with stray lines, or only a line
    (for a polygon without area); keep the areas, if any."""
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    parts = [g for g in getattr(geometry, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def _names_of(frame: gpd.GeoDataFrame, mask) -> str:
    names = sorted(str(name) for name in frame.loc[mask, "name"])
    return ", ".join(excerpt(name) for name in names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")


def _without_area(frame: gpd.GeoDataFrame, path: str | Path) -> gpd.GeoDataFrame:
    """Drop districts without area (points on a line), with a warning."""
    flat = frame.geometry.is_empty | (shapely.area(frame.geometry.values) <= 0)
    if flat.all():
        raise BoundaryDataError(f"No polygon of '{path}' has an area.", hint="check that it is the right file and layer.")
    if flat.any():
        warnings.warn(
            f"Skipping {int(flat.sum())} feature(s) of '{path}' without area (their points lie on a line): {_names_of(frame, flat)}.",
            HandoverMapWarning,
            stacklevel=3,
        )
        frame = frame[~flat]
    return frame


def warn_implausible(frame: gpd.GeoDataFrame, path: str | Path, stacklevel: int = 3) -> None:
    """Warn about geometry a web map cannot show well, of the districts of ``frame``."""
    bounds = frame.geometry.bounds
    wide = (bounds["maxx"] - bounds["minx"]) > 180
    if wide.any():
        warnings.warn(
            f"{int(wide.sum())} district(s) of '{path}' span more than 180° of longitude: {_names_of(frame, wide)}. "
            "One that crosses the antimeridian (180°) is drawn around the whole world; split it there.",
            HandoverMapWarning,
            stacklevel=stacklevel,
        )
    polar = (bounds["maxy"] > WEB_MERCATOR_MAX_LATITUDE) | (bounds["miny"] < -WEB_MERCATOR_MAX_LATITUDE)
    if polar.any():
        warnings.warn(
            f"{int(polar.sum())} district(s) of '{path}' reach beyond latitude {WEB_MERCATOR_MAX_LATITUDE:.0f}°, which the "
            f"web map cannot show: {_names_of(frame, polar)}. Are longitude and latitude swapped?",
            HandoverMapWarning,
            stacklevel=stacklevel,
        )


def load_boundaries(
    path: str | Path,
    name_field: str | None = None,
    *,
    layer: str | None = None,
    assume_crs: str | None = None,
    warn_every_feature: bool = True,
) -> gpd.GeoDataFrame:
    """Load district polygons for the map.

    Parameters
    ----------
    path
        A GeoJSON, GeoPackage, Shapefile or any other file GDAL reads.
    name_field
        Column with the district names; when None, the first of
        :data:`COMMON_NAME_FIELDS` present is used. Names lose invisible
        format characters (bidirectional overrides and the like; see
        :func:`~handover_map.events.visible`).
    layer
        Layer of a multi-layer file (GeoPackage).
    assume_crs
        CRS to assume when the file declares none (never silently guessed).
    warn_every_feature
        Warn about features merged because they share a name and about
        geometry a web map cannot show well, wherever they are in the file.
        The map builder passes False and warns only about the districts it
        draws (:func:`warn_implausible`): a world file's Antarctica is not a
        map of the Falklands' concern.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``name`` and ``geometry``, EPSG:4326, one row per name
        (features sharing a name are merged, with a warning unless
        ``warn_every_feature`` is False), sorted by name. ``attrs[SHARED_NAMES]``
        holds {name: number of features} for the merged names.
        Features without area are left out with a warning; districts wider
        than 180° of longitude (crossing the antimeridian) or beyond the
        latitudes a web map shows (swapped axes?) are kept with a warning.

    Raises
    ------
    BoundaryDataError
        If the file cannot be read, has no polygons, lacks the name field,
        has no CRS and none is assumed, names a CRS pyproj does not know, has
        an unclosed ring, or has coordinates that are not numbers or not
        within longitude -180..180 and latitude -90..90 once converted (such
        as metres declared as EPSG:4326).
    """
    frame = read_vector(path, layer)
    if frame.empty:
        raise BoundaryDataError(f"Boundary file '{path}' has no features.", hint="check that it is the right file and layer.")
    field = pick_name_field(frame, name_field, path)
    frame = _polygons_only(frame, path)
    frame = _to_web_crs(frame, assume_crs, path)
    names = frame[field].astype("string").map(visible, na_action="ignore")
    if names.isna().any() or (names == "").any():
        warnings.warn(f"Skipping {int((names.isna() | (names == '')).sum())} feature(s) of '{path}' without a name.", HandoverMapWarning, stacklevel=2)
    frame = gpd.GeoDataFrame({"name": names, "geometry": frame.geometry.values}, crs=frame.crs)
    frame = frame[frame["name"].notna() & (frame["name"] != "")]
    frame = _without_area(frame, path)
    if warn_every_feature:
        warn_implausible(frame, path)
    counts = frame["name"].value_counts()
    shared = sorted(counts[counts > 1].index)
    if shared and warn_every_feature:
        warnings.warn(shared_names_message(path, {name: int(counts[name]) for name in shared}), HandoverMapWarning, stacklevel=2)
    if shared:
        frame = frame.dissolve(by="name", as_index=False)
    result = frame.sort_values("name", kind="stable").reset_index(drop=True)[["name", "geometry"]]
    result.attrs[SHARED_NAMES] = {str(name): int(counts[name]) for name in shared}
    return result
