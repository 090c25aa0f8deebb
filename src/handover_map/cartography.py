"""What the map draws, prepared in Python: district parts, areas, labels, context.

Between the timeline and the renderer: it clips each district to the area
that was held before the handovers (when one is given), measures areas in an
equal-area projection centred on the map, picks label points and label
texts, and cuts the context layers (other districts, countries) to the region
of the map. Every text it puts on the map is :func:`~handover_map.events.visible`:
no bidirectional override can make a label show as something else.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import math
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import shapely.affinity
from pyproj import CRS

from . import settings, sources
from ._atomic import write_bytes_atomic
from ._errors import BoundaryDataError, HandoverMapError, HandoverMapWarning
from .dates import find_dates
from .events import Event, excerpt, visible
from .gazetteer import spelled_out


@dataclass
class District:
    """One district with events: the part that changes hands, and its sizes."""

    name: str
    label: str
    geometry: shapely.Geometry  # the part inside the held area (or all of it)
    area_km2: float
    district_km2: float
    label_point: tuple[float, float]  # (lat, lon)

    def label_points(self) -> list[tuple[float, float]]:
        """Where the district's name may stand, best first: see :func:`district_label_points`."""
        return district_label_points(self.geometry, self.label_point)


@dataclass
class MapLayers:
    """Everything the page draws, in EPSG:4326."""

    districts: list[District]
    other_districts: gpd.GeoSeries
    countries: gpd.GeoDataFrame | None  # name, geometry; clipped to the region
    country_labels: list[tuple[str, list[tuple[float, float]]]]  # name, candidate (lat, lon) points, best first
    held_area: shapely.Geometry | None
    held_area_label: str
    bounds: tuple[float, float, float, float]  # minx, miny, maxx, maxy of the districts
    towns: list[tuple[str, float, float]] = field(default_factory=list)  # reference towns: name, lat, lon

    @property
    def region(self) -> tuple[float, float, float, float]:
        """The region the map shows around the districts (see :func:`region_box`)."""
        return tuple(region_box(self.bounds).bounds)

    @property
    def view(self) -> tuple[float, float, float, float]:
        """The extent the map opens on: the districts' bounds, widened about their centre to at least
        :data:`~handover_map.settings.MIN_VIEW_DEGREES` of latitude and as many kilometres of
        longitude, but to no more than :data:`~handover_map.settings.MAX_VIEW_WIDENING` times their
        size, and within :attr:`region` (the context is cut to it)."""
        minx, miny, maxx, maxy = self.bounds
        stretch = 1 / max(0.1, math.cos(math.radians((miny + maxy) / 2)))  # degrees of longitude per degree of latitude, in km
        least = min(settings.MIN_VIEW_DEGREES, max(maxy - miny, (maxx - minx) / stretch) * settings.MAX_VIEW_WIDENING)
        half_height, half_width = max(maxy - miny, least) / 2, max(maxx - minx, least * stretch) / 2
        x, y = (minx + maxx) / 2, (miny + maxy) / 2
        west, south, east, north = self.region
        return (max(west, x - half_width), max(south, y - half_height), min(east, x + half_width), min(north, y + half_height))


def choose_decimals(bounds: tuple[float, float, float, float]) -> int:
    """Decimal places for lon/lat so that rounding stays under a quarter of a
    screen pixel four zoom levels closer than the view that fits ``bounds``
    (taken as 1,000 px wide), between 4 (a step of 11 m) and 6 (0.11 m).

    The largest shift rounding makes is half a step: 5.6 m at 4 places,
    0.56 m at 5 places.
    """
    minx, miny, maxx, maxy = bounds
    extent = max(maxx - minx, maxy - miny, 1e-9)
    return int(min(6, max(4, math.ceil(math.log10(64_000 / extent)))))


def simplify_coverage(frame: gpd.GeoDataFrame, metres: float) -> gpd.GeoDataFrame:
    """Simplify polygons that share borders without opening gaps or overlaps.

    Uses GEOS coverage simplification (Visvalingam-Whyatt on the shared
    edges) in an equal-area projection centred on the data, so ``metres`` is
    a real distance; vertices move by about that much at most
    (``benchmarks/simplification.py`` reports the measured Hausdorff distance).
    """
    if metres <= 0:
        return frame
    crs = equal_area_crs(shapely.union_all(frame.geometry.values).envelope)
    projected = frame.to_crs(crs)
    simplified = shapely.coverage_simplify(projected.geometry.values, metres)
    return projected.set_geometry(simplified).to_crs(settings.WEB_CRS)


def equal_area_crs(geometry: shapely.Geometry) -> CRS:
    """A Lambert azimuthal equal-area projection centred on ``geometry``:
    areas within a few hundred km of the centre are exact to well under 0.1 %."""
    centre = geometry.centroid
    return CRS.from_proj4(f"+proj=laea +lat_0={centre.y:.4f} +lon_0={centre.x:.4f} +datum=WGS84 +units=m +no_defs")


def _km2(geometries: list[shapely.Geometry], crs: CRS) -> list[float]:
    return list(gpd.GeoSeries(geometries, crs=settings.WEB_CRS).to_crs(crs).area / 1e6)


def select_feature(frame: gpd.GeoDataFrame, name: str, where: str) -> shapely.Geometry:
    """The (merged) geometry of the features called ``name``."""
    chosen = frame[frame["name"] == name]
    if chosen.empty:
        raise BoundaryDataError(f"No feature called '{excerpt(name)}' in {where}.", hint=f"use one of: {', '.join(sorted(frame['name'])[:12])}...")
    return shapely.union_all(chosen.geometry.values)


def district_label(name: str, events: list[Event]) -> str:
    """The label of a district on the map: the shortest spelling its events
    use (labels must fit), the most frequent of equally short ones, then the
    first in ``events``' order (the table's); the boundary name when no
    spelling has a visible character. Never depends on hash order. An
    abbreviation that stands for one word is written out ("Falkland Is.":
    "Falkland Islands", :func:`~handover_map.gazetteer.spelled_out`).

    >>> from datetime import date
    >>> district_label("Agdam District", [Event("Ağdam", date(2020, 1, 1), "completed"), Event("Agdam", date(2020, 1, 2), "completed")])
    'Ağdam'
    """
    counts = Counter(spelled_out(visible(e.district)) for e in events)  # in order of first appearance
    spellings = [spelling for spelling in counts if spelling]
    if not spellings:
        return spelled_out(visible(name))
    return min(spellings, key=lambda spelling: (len(spelling), -counts[spelling]))


def region_box(bounds: tuple[float, float, float, float]) -> shapely.Polygon:
    """The map's region: the districts' extent, widened so neighbours show."""
    minx, miny, maxx, maxy = bounds
    pad = max(1.5, (maxx - minx), (maxy - miny))
    return shapely.box(minx - pad, miny - pad, maxx + pad, maxy + pad)


def prepare_layers(
    boundaries: gpd.GeoDataFrame,
    joined: dict[str, list[Event]],
    *,
    countries: gpd.GeoDataFrame | None = None,
    held_area: shapely.Geometry | None = None,
    held_area_label: str = "",
    places: gpd.GeoDataFrame | bool | None = True,
) -> MapLayers:
    """Prepare the layers of a map.

    Parameters
    ----------
    boundaries
        All districts (``name``, ``geometry``; EPSG:4326).
    joined
        {boundary name: events}; these districts are coloured.
    countries
        Country polygons (``name``, ``geometry``; EPSG:4326) for borders and names.
    held_area
        Area held before the handovers; districts are clipped to it.
    held_area_label
        Its legend label.
    places
        Populated places (Natural Earth's fields ``name``, ``adm0name``,
        ``featurecla``, ``scalerank``, ``pop_max``) from which
        :func:`reference_towns` picks a few; True: Natural Earth's
        (``ne-10m-populated-places``), False or None: no towns. Used with
        ``countries`` only, which they are checked against.

    District labels are chosen by :func:`district_label`.
    """
    mapped = boundaries[boundaries["name"].isin(joined)].sort_values("name")
    full = list(mapped.geometry)
    parts = full
    if held_area is not None:
        # Only the area in common: a held area that touches a district along its border shares a line, no area.
        parts = [
            shapely.union_all([q for q in getattr(p, "geoms", [p]) if q.geom_type in ("Polygon", "MultiPolygon")])
            for p in shapely.intersection(full, held_area)
        ]
        for name, part in zip(mapped["name"], parts):
            if part.is_empty:
                warnings.warn(f"District '{name}' lies outside the held area; it is drawn whole.", HandoverMapWarning, stacklevel=2)
        parts = [p if not p.is_empty else g for p, g in zip(parts, full)]
    union = shapely.union_all(full)
    crs = equal_area_crs(union)
    areas, totals = _km2(parts, crs), _km2(full, crs)
    districts = []
    for name, part, area, total in zip(mapped["name"], parts, areas, totals):
        point = part.representative_point()
        districts.append(District(name, district_label(name, joined[name]), part, area, total, (point.y, point.x)))
    districts_union = union if parts is full else shapely.union_all(parts)
    bounds = tuple(districts_union.bounds)
    towns: list[tuple[str, float, float]] = []
    if places is True and countries is not None:
        places = natural_earth_places(region_box(bounds))
    if isinstance(places, gpd.GeoDataFrame) and countries is not None:
        towns = reference_towns(places, countries, districts_union, bounds)
    box = region_box(bounds)
    unmapped = boundaries[~boundaries["name"].isin(joined)].geometry.intersection(box)
    # What lies outside the held area is drawn as context; slivers (< ~1 ha) where
    # the two sources' borders disagree by a few metres are left out.
    # Without a held area every part is its whole district: nothing remains (and a
    # difference per district would cost more than the rest of the build).
    remainders = [] if parts is full else [r for r in (shapely.difference(g, p) for g, p in zip(full, parts)) if shapely.area(r) > 1e-6]
    others = gpd.GeoSeries(list(unmapped) + remainders, crs=settings.WEB_CRS)
    others = others[~others.is_empty]
    labels: list[tuple[str, list[tuple[float, float]]]] = []
    clipped = None
    if countries is not None:
        clipped = countries.assign(geometry=countries.geometry.intersection(box))
        clipped = clipped[~clipped.geometry.is_empty]
        districts_drawn = shapely.union_all(parts).buffer(LABEL_CLEARANCE)
        # The districts' surroundings, where a close view has room for names.
        near = shapely.box(*bounds).buffer(max(bounds[2] - bounds[0], bounds[3] - bounds[1]) / 2, join_style="mitre")
        held_drawn = held_area.buffer(LABEL_CLEARANCE) if held_area is not None else shapely.Polygon()
        # The boundary file divides the country that holds the districts: a
        # neighbour's name never stands on one of its features (coarse
        # country borders would put it there).
        centre = shapely.union_all(parts).representative_point()
        features = shapely.STRtree(list(others))
        for name, geometry in zip(clipped["name"], clipped.geometry):
            if geometry.area > 0.002 * box.area:  # room for a name somewhere
                candidates = label_candidates(geometry, [box, near], districts_drawn, held_drawn)
                if candidates and not geometry.contains(centre):
                    on_features = set(features.query(shapely.points([(lon, lat) for lat, lon in candidates]), predicate="within")[0])
                    candidates = [point for k, point in enumerate(candidates) if k not in on_features]
                labels.append((visible(name), candidates))
    return MapLayers(districts, others, clipped, labels, held_area, visible(held_area_label), bounds, towns or [])


#: Grid cells per side of the region in which country names may be placed.
LABEL_GRID = 15


#: Degrees between a country's name and the districts (or the held area).
LABEL_CLEARANCE = 0.04

#: Degrees (about 4 km) between the point a country's name is centred on and its border.
LABEL_INSET = 0.035


def label_candidates(
    geometry: shapely.Geometry, boxes: list[shapely.Polygon], never: shapely.Geometry, rather_not: shapely.Geometry
) -> list[tuple[float, float]]:
    """Points where a country's name may stand, as (lat, lon): the polygon's
    representative point and the points of a grid over each of ``boxes`` (the
    region, the districts' surroundings) that lie :data:`LABEL_INSET` inside
    the polygon, none on
    ``never`` (the districts), those off ``rather_not`` (the held area)
    first, each group nearest the representative point first. The page shows
    the name at the first one where it fits inside the visible map."""
    point = geometry.representative_point()
    xs, ys = [point.x], [point.y]
    for box in boxes:
        minx, miny, maxx, maxy = box.bounds
        columns = [minx + (maxx - minx) * (k + 0.5) / LABEL_GRID for k in range(LABEL_GRID)]
        rows = [miny + (maxy - miny) * (k + 0.5) / LABEL_GRID for k in range(LABEL_GRID)]
        xs += [column for _ in rows for column in columns]
        ys += [row for row in rows for _ in columns]
    # Whole arrays at once: a shapely Point per grid cell cost a tenth of a build.
    x, y = np.array(xs), np.array(ys)
    core = geometry.buffer(-LABEL_INSET)  # a name centred near a border would stand across it
    keep = shapely.contains_xy(core, x, y) & ~shapely.contains_xy(never, x, y)
    x, y = x[keep], y[keep]
    off = shapely.contains_xy(rather_not, x, y)
    distance = shapely.distance(shapely.points(x, y), point)
    order = sorted(range(len(x)), key=lambda k: (bool(off[k]), float(distance[k]), float(y[k]), float(x[k])))
    # 0.01° (about 1 km) places a name well enough, in fewer bytes.
    return [(round(float(y[k]), 2), round(float(x[k]), 2)) for k in order]


#: The most points a district's name may stand at: its own and the alternatives the page
#: tries, in order, where a larger district's name is in the way.
MAX_LABEL_POINTS = 5

#: Grid cells per side of a district, from whose centres the alternatives are drawn.
DISTRICT_LABEL_GRID = 9

#: An alternative stands at least this share of the deepest point's distance from the border.
LABEL_DEPTH = 0.5

#: ... and at least this share of the district's extent from the points before it.
LABEL_SPREAD = 0.2


def district_label_points(geometry: shapely.Geometry, first: tuple[float, float]) -> list[tuple[float, float]]:
    """Points where a district's name may stand, as (lat, lon), best first: ``first`` (its
    representative point), then up to ``MAX_LABEL_POINTS - 1`` centres of a grid over the
    district that lie deep inside it (at least :data:`LABEL_DEPTH` of the deepest one's distance
    from its border, so a name moved there still reads as this district's), each at least
    :data:`LABEL_SPREAD` of its extent from the points before it, the deepest first. The page
    moves a name to the first of them where it crosses no larger district's name ("Kandahar"
    beside "Helmand" on a phone), and hides it only where none is clear.

    Distances are measured with longitudes shrunk by the cosine of the district's middle latitude,
    so that the deepest point of a district far from the equator is not the one of its stretched
    drawing. A district across the antimeridian (bounds from -180 to 180) gets no alternatives.
    """
    lat, lon = first
    _, south, _, north = geometry.bounds
    shrink = max(math.cos(math.radians((south + north) / 2)), 0.05)
    flat = shapely.affinity.scale(geometry, xfact=shrink, yfact=1.0, origin=(0, 0))
    minx, miny, maxx, maxy = flat.bounds
    columns = [minx + (maxx - minx) * (k + 0.5) / DISTRICT_LABEL_GRID for k in range(DISTRICT_LABEL_GRID)]
    rows = [miny + (maxy - miny) * (k + 0.5) / DISTRICT_LABEL_GRID for k in range(DISTRICT_LABEL_GRID)]
    x = np.array([column for _ in rows for column in columns])
    y = np.array([row for row in rows for _ in columns])
    inside = shapely.contains_xy(flat, x, y)
    x, y = x[inside], y[inside]
    points: list[tuple[float, float]] = [(lat, lon)]
    if not len(x):
        return points
    depth = shapely.distance(shapely.points(x, y), flat.boundary)
    deep_enough = LABEL_DEPTH * float(depth.max())
    spread = LABEL_SPREAD * max(maxx - minx, maxy - miny)
    chosen = [(lon * shrink, lat)]
    for k in sorted(range(len(x)), key=lambda k: (-float(depth[k]), float(y[k]), float(x[k]))):
        if len(points) == MAX_LABEL_POINTS or depth[k] < deep_enough:
            break
        # 0.001° (about 100 m) places a name well enough, in fewer bytes; but not across the
        # border of a district narrower than that.
        rounded = (round(float(y[k]), 3), round(float(x[k]) / shrink, 3))
        if all(math.hypot(x[k] - cx, y[k] - cy) >= spread for cx, cy in chosen) and shapely.contains_xy(geometry, rounded[1], rounded[0]):
            chosen.append((float(x[k]), float(y[k])))
            points.append(rounded)
    return points


#: At most this many reference towns, the most important first.
MAX_TOWNS = 6

#: Degrees (about 5 km) a town must lie inside its country's border to be
#: checked against it: 1:50m borders are accurate to a few km.
BORDER_MARGIN = 0.05


#: The manifest's populated places, from which reference towns are drawn.
PLACES_SOURCE = "ne-10m-populated-places"


def natural_earth_places(box: shapely.Polygon) -> gpd.GeoDataFrame | None:
    """Natural Earth's populated places inside ``box``; None, with a warning,
    when the file cannot be had (offline without a mirror): the map is then
    drawn without towns."""
    try:
        path, source = sources.resolve(PLACES_SOURCE)
    except HandoverMapError as error:
        warnings.warn(f"The map shows no reference towns: {error}", HandoverMapWarning, stacklevel=3)
        return None
    columns = _places_columns(path, source.sha256 if source else "")
    minx, miny, maxx, maxy = box.bounds
    x, y = columns["x"], columns["y"]
    inside = (x >= minx) & (x <= maxx) & (y >= miny) & (y <= maxy)
    return gpd.GeoDataFrame(
        {name: columns[name][inside] for name in _PLACE_COLUMNS},
        geometry=gpd.points_from_xy(x[inside], y[inside]),
        crs=settings.WEB_CRS,
    )


#: The populated places' columns the map reads.
_PLACE_COLUMNS = ("name", "adm0name", "featurecla", "scalerank", "pop_max")


def _places_columns(path: Path, sha256: str) -> dict[str, np.ndarray]:
    """The populated places as plain columns (``x``, ``y`` and :data:`_PLACE_COLUMNS`), read
    from a copy in the cache kept beside the checksummed file: parsing the 6 MB GeoJSON
    took a quarter of a default build. The copy is named by the file's checksum, so a new
    file makes a new copy; it holds no Python objects (``allow_pickle=False``)."""
    copy = settings.cache_dir() / f"places-{sha256[:16]}.npz" if sha256 else None
    if copy is not None and copy.is_file():
        with contextlib.suppress(OSError, ValueError, KeyError), np.load(copy, allow_pickle=False) as stored:
            return {name: stored[name] for name in ("x", "y", *_PLACE_COLUMNS)}
    frame = gpd.read_file(path, columns=list(_PLACE_COLUMNS))
    columns = {"x": frame.geometry.x.to_numpy(), "y": frame.geometry.y.to_numpy()}
    for name in _PLACE_COLUMNS:
        values = frame[name]
        numeric = pd.api.types.is_numeric_dtype(values.dtype)
        columns[name] = values.to_numpy() if numeric else np.array([v if isinstance(v, str) else "" for v in values], dtype=str)
    if copy is not None:
        with contextlib.suppress(OSError):
            copy.parent.mkdir(parents=True, exist_ok=True)
            buffer = io.BytesIO()
            np.savez(buffer, **columns)
            write_bytes_atomic(copy, buffer.getvalue())
    return columns


def reference_towns(
    places: gpd.GeoDataFrame, countries: gpd.GeoDataFrame, districts: shapely.Geometry, bounds: tuple[float, float, float, float]
) -> list[tuple[str, float, float]]:
    """A few towns that orient the reader, from Natural Earth's populated places.

    Towns near the districts (within half the districts' extent, at least
    0.5°, of their bounds), outside the districts (those are labelled
    already), most important first (``scalerank``, then population). Public
    data has errors, so a town is drawn only when the country polygon it lies
    in has the country its record names, at least :data:`BORDER_MARGIN` from
    its border, where coarse borders leave no doubt (Natural Earth lists
    Kapan, in Armenia, under Azerbaijan: its point is 100 m inside the 1:50m
    Azerbaijan), and only if it is a living place with people (its ``Agdam``
    is a historic place far north of the town).

    Returns
    -------
    list of (name, lat, lon)
    """
    minx, miny, maxx, maxy = bounds
    pad = max(0.5, (maxx - minx) / 2, (maxy - miny) / 2)
    near = places[places.intersects(shapely.box(minx - pad, miny - pad, maxx + pad, maxy + pad))]
    near = near[(near["pop_max"] > 0) & ~near["featurecla"].str.startswith("Historic", na=False)]
    near = near.sort_values(["scalerank", "pop_max", "name"], ascending=[True, False, True], kind="stable")
    towns: list[tuple[str, float, float]] = []
    for name, country, point in zip(near["name"], near["adm0name"], near.geometry):
        holders = [(str(n), g) for n, g in zip(countries["name"], countries.geometry) if g.contains(point)]
        clear = len(holders) == 1 and holders[0][0] == str(country) and holders[0][1].boundary.distance(point) >= BORDER_MARGIN
        if not clear or districts.contains(point) or not visible(str(name)):
            continue
        towns.append((visible(str(name)), round(point.y, 4), round(point.x, 4)))
        if len(towns) == MAX_TOWNS:
            break
    return towns


def reported_on(events: list[Event]) -> dt.date | None:
    """The publication date of the report behind the events: the latest
    date written in their ``source`` column, if any."""
    days = [m.date for e in events for m in find_dates(e.source) if m.date and m.form != "weekday"]
    return max(days) if days else None
