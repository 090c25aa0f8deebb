"""What the map draws, prepared in Python: district parts, areas, labels, context.

Between the timeline and the renderer: it clips each district to the area
that was held before the handovers (when one is given), measures areas in an
equal-area projection centred on the map, picks label points and label
texts, and cuts the context layers (other districts, countries) to the region
of the map. Every text it puts on the map is :func:`~handover_map.events.visible`:
no bidirectional override can make a label show as something else.
"""

from __future__ import annotations

import datetime as dt
import math
import warnings
from collections import Counter
from dataclasses import dataclass

import geopandas as gpd
import shapely
from pyproj import CRS

from . import settings
from ._errors import BoundaryDataError, HandoverMapWarning
from .dates import find_dates
from .events import Event, excerpt, visible


@dataclass
class District:
    """One district with events: the part that changes hands, and its sizes."""

    name: str
    label: str
    geometry: shapely.Geometry  # the part inside the held area (or all of it)
    area_km2: float
    district_km2: float
    label_point: tuple[float, float]  # (lat, lon)


@dataclass
class MapLayers:
    """Everything the page draws, in EPSG:4326."""

    districts: list[District]
    other_districts: gpd.GeoSeries
    countries: gpd.GeoDataFrame | None  # name, geometry; clipped to the region
    country_labels: list[tuple[str, float, float]]
    held_area: shapely.Geometry | None
    held_area_label: str
    bounds: tuple[float, float, float, float]  # minx, miny, maxx, maxy of the districts


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
    (``benchmarks/scale.py`` reports the measured Hausdorff distance).
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
    spelling has a visible character. Never depends on hash order.

    >>> from datetime import date
    >>> district_label("Agdam District", [Event("Ağdam", date(2020, 1, 1), "completed"), Event("Agdam", date(2020, 1, 2), "completed")])
    'Ağdam'
    """
    counts = Counter(visible(e.district) for e in events)  # in order of first appearance
    spellings = [spelling for spelling in counts if spelling]
    if not spellings:
        return visible(name)
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

    District labels are chosen by :func:`district_label`.
    """
    mapped = boundaries[boundaries["name"].isin(joined)].sort_values("name")
    full = list(mapped.geometry)
    parts = full
    if held_area is not None:
        parts = [shapely.intersection(g, held_area) for g in full]
        for name, part in zip(mapped["name"], parts):
            if part.is_empty:
                warnings.warn(f"District '{name}' lies outside the held area; it is drawn whole.", HandoverMapWarning, stacklevel=2)
        parts = [p if not p.is_empty else g for p, g in zip(parts, full)]
        parts = [shapely.union_all([q for q in getattr(p, "geoms", [p]) if q.geom_type in ("Polygon", "MultiPolygon")]) for p in parts]
    union = shapely.union_all(full)
    crs = equal_area_crs(union)
    areas, totals = _km2(parts, crs), _km2(full, crs)
    districts = []
    for name, part, area, total in zip(mapped["name"], parts, areas, totals):
        point = part.representative_point()
        districts.append(District(name, district_label(name, joined[name]), part, area, total, (point.y, point.x)))
    bounds = tuple((union if parts is full else shapely.union_all(parts)).bounds)
    box = region_box(bounds)
    unmapped = boundaries[~boundaries["name"].isin(joined)].geometry.intersection(box)
    # What lies outside the held area is drawn as context; slivers (< ~1 ha) where
    # the two sources' borders disagree by a few metres are left out.
    # Without a held area every part is its whole district: nothing remains (and a
    # difference per district would cost more than the rest of the build).
    remainders = [] if parts is full else [r for r in (shapely.difference(g, p) for g, p in zip(full, parts)) if shapely.area(r) > 1e-6]
    others = gpd.GeoSeries(list(unmapped) + remainders, crs=settings.WEB_CRS)
    others = others[~others.is_empty]
    labels: list[tuple[str, float, float]] = []
    clipped = None
    if countries is not None:
        clipped = countries.assign(geometry=countries.geometry.intersection(box))
        clipped = clipped[~clipped.geometry.is_empty]
        for name, geometry in zip(clipped["name"], clipped.geometry):
            if geometry.area > 0.02 * box.area:  # room for a name
                point = geometry.representative_point()
                labels.append((visible(name), point.y, point.x))
    return MapLayers(districts, others, clipped, labels, held_area, visible(held_area_label), bounds)


def reported_on(events: list[Event]) -> dt.date | None:
    """The publication date of the report behind the events: the latest
    date written in their ``source`` column, if any."""
    days = [m.date for e in events for m in find_dates(e.source) if m.date and m.form != "weekday"]
    return max(days) if days else None
