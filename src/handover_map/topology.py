"""Polygons as a topology: each border that polygons share is written once.

The page draws its districts and their context (other districts, countries,
the held area) from one topology in the style of TopoJSON: rings are cut
into *arcs* where borders meet, each arc is stored once with integer
coordinates (quantised to the page's decimals) and delta-encoded, and each
polygon lists the arcs of its rings, a reversed arc as ``~index``
(``-index - 1``). The page decodes it with ``templates/js/topology.js``.

Layout of :func:`topology_json`'s text (internal to the page)::

    {"scale": 100000, "translate": [x0, y0],
     "arcs": [[dx, dy, dx, dy, ...], ...],
     "objects": {"districts": [polygon or multipolygon, ...], ...}}

Each point is written as its difference from the point before it, the last
point of the arc before for an arc's first (arcs follow one another along
rings, so that difference is mostly nothing); the very first point is
relative to ``translate``. A coordinate is ``(translate + sum) / scale``.
A polygon is a list of rings (exterior first), each a list of arc indexes;
a multipolygon is a list of polygons; an empty geometry is ``[]``. Decoded coordinates are
exactly those of :func:`handover_map.render.rounded_geojson` (the same
integers divided by the same power of ten), each ring the same closed
sequence of points, possibly starting at another of its points.

The work is array operations, linear in the number of points but for two
sorts: 50,000 districts of 40 points take about 2 s.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

import numpy as np
import shapely

#: Arcs written to text at a time (see :func:`_arcs_json`).
_ARCS_PER_CHUNK = 5_000

#: Shapely's type ids of polygons, multipolygons and collections.
_POLYGON, _MULTIPOLYGON, _COLLECTION = (
    int(kind) for kind in (shapely.GeometryType.POLYGON, shapely.GeometryType.MULTIPOLYGON, shapely.GeometryType.GEOMETRYCOLLECTION)
)


def polygonal(geometry: shapely.Geometry) -> shapely.Geometry:
    """``geometry`` with only its polygons: a collection (as clipping makes)
    becomes a multipolygon of its polygonal parts; lines and points, which
    enclose nothing, are left out."""
    if shapely.get_type_id(geometry) != _COLLECTION:
        return geometry
    parts = [part for part in shapely.get_parts(geometry) if shapely.get_type_id(part) in (_POLYGON, _MULTIPOLYGON)]
    return shapely.MultiPolygon([polygon for part in parts for polygon in shapely.get_parts(part)])


def topology_json(objects: Mapping[str, Iterable[shapely.Geometry]], decimals: int) -> str:
    """The polygons of each named object as one topology, in JSON text.

    Parameters
    ----------
    objects
        {name: geometries} in EPSG:4326; polygons and multipolygons (other
        geometries keep only their polygons, see :func:`polygonal`).
    decimals
        Decimal places of the coordinates (see
        :func:`handover_map.cartography.choose_decimals`).

    Returns
    -------
    str
        JSON text as described in the module's docstring; same input, same
        text. It holds numbers and the object names only, which the caller
        chooses: safe in a ``<script>`` when the names are.
    """
    names = list(objects)
    groups = [list(objects[name]) for name in names]
    flat = np.array([g for group in groups for g in group], dtype=object)
    kinds = shapely.get_type_id(flat) if len(flat) else np.empty(0, dtype=int)
    for k in np.flatnonzero(kinds == _COLLECTION).tolist():
        flat[k] = polygonal(flat[k])
        kinds[k] = _MULTIPOLYGON
    polygons, polygon_owner = shapely.get_parts(flat, return_index=True)
    rings, ring_polygon = shapely.get_rings(polygons, return_index=True)
    quantised, ring_of_point = _quantised(rings, decimals)
    translate = quantised.min(axis=0) if len(quantised) else np.zeros(2, dtype=np.int64)
    quantised -= translate
    points, ids = _distinct(quantised)
    del quantised  # the largest array of a big map; the rest of the work needs only the distinct points
    arc_points, arc_lengths, ring_arcs = _arcs(ids, ring_of_point, len(rings))
    ring_parts = _split(ring_arcs, ring_polygon, len(polygons))
    polygon_parts = _split(ring_parts, polygon_owner, len(flat))
    # An empty part of a multipolygon draws nothing (and would make it look like a polygon to the page).
    shapes = [(parts[0] if parts else parts) if kind == _POLYGON else [part for part in parts if part] for parts, kind in zip(polygon_parts, kinds.tolist())]
    bounds = np.cumsum([0, *map(len, groups)]).tolist()
    named = {name: shapes[bounds[k] : bounds[k + 1]] for k, name in enumerate(names)}
    return (
        f'{{"scale":{10**decimals},"translate":[{translate[0]},{translate[1]}],"arcs":{_arcs_json(points[arc_points], arc_lengths)},'
        f'"objects":{json.dumps(named, separators=(",", ":"))}}}'
    )


def _quantised(rings: np.ndarray, decimals: int) -> tuple[np.ndarray, np.ndarray]:
    """The rings' points as integers, those :func:`numpy.round` divides by
    ``10**decimals``, and the ring of each point."""
    coordinates, ring_of_point = shapely.get_coordinates(rings, return_index=True)
    coordinates *= 10.0**decimals
    return np.rint(coordinates, out=coordinates).astype(np.int64), ring_of_point


def _distinct(points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct rows of ``points`` (n × 2 integers) and, for each row, the index of its distinct row."""
    order = np.lexsort((points[:, 1], points[:, 0]))
    ordered = points[order]
    new = np.ones(len(points), dtype=bool)
    new[1:] = np.any(ordered[1:] != ordered[:-1], axis=1)
    ids = np.empty(len(points), dtype=np.int64)
    ids[order] = np.cumsum(new) - 1
    return ordered[new], ids


def _split(items: list, owner: np.ndarray, count: int) -> list[list]:
    """``items`` grouped by ``owner`` (sorted, as shapely returns it) into ``count`` lists."""
    groups: list[list] = [[] for _ in range(count)]
    for item, index in zip(items, owner.tolist()):
        groups[index].append(item)
    return groups


def _arcs(ids: np.ndarray, ring_of_point: np.ndarray, ring_count: int) -> tuple[np.ndarray, np.ndarray, list[list[int]]]:
    """Cut closed rings into arcs and keep each arc once.

    ``ids`` are the points of each ring in turn (closing point included), as
    indexes of distinct points. A point is a junction when the rings through
    it do not all have the same two neighbours there (where borders meet or
    part). Each ring is cut at its junctions, or, with none, starts at its
    least point (so a ring and the hole it fills match). Between junctions
    the path is forced: from a point, the next is the one neighbour of every
    ring there other than where the path came from. So an arc is known by
    its first two points and its length, one way or the other, and a border
    shared by two rings is one arc. Returns the arcs' point ids, one arc
    after the other, their lengths and, per ring, its arc references (``~k``
    for arc ``k`` reversed), all found with array operations.
    """
    closing = np.searchsorted(ring_of_point, np.arange(1, ring_count + 1)) - 1
    keep = np.ones(len(ids), dtype=bool)
    keep[closing] = False  # a ring's closing point repeats its first
    ids, ring_of = ids[keep], ring_of_point[keep]
    starts = np.searchsorted(ring_of, np.arange(ring_count + 1))
    sizes = np.diff(starts)
    cut = _junctions(ids, starts)[ids]
    # Where each ring starts: its first junction, else its least point.
    cut_at = np.append(np.flatnonzero(cut), len(ids))
    first_cut = cut_at[np.searchsorted(cut_at, starts[:-1])]
    least = np.minimum.reduceat(ids, starts[:-1]) if ring_count else np.empty(0, dtype=ids.dtype)
    least_at = np.flatnonzero(ids == least[ring_of])
    first_least = least_at[np.searchsorted(least_at, starts[:-1])] if ring_count else least_at
    shift = np.where(first_cut < starts[1:], first_cut, first_least) - starts[:-1]
    # Each ring from there round to the same point again, all rings one after the other.
    ring = np.repeat(np.arange(ring_count), sizes + 1)
    step = np.arange(len(ring))
    step -= np.repeat(starts[:-1] + np.arange(ring_count), sizes + 1)
    position = (step + shift[ring]) % sizes[ring]
    position += starts[ring]
    ends = step == sizes[ring]
    bound = cut[position]
    bound |= step == 0
    del step, ring, cut
    sequence = ids[position]
    del position
    bounds = np.flatnonzero(bound | ends)
    opens = ~ends[bounds[:-1]]
    first, last = bounds[:-1][opens], bounds[1:][opens]
    length = last - first + 1
    # One key per arc whichever way it runs: the lesser of its two ends' (end point, next point).
    forward = (sequence[first] < sequence[last]) | ((sequence[first] == sequence[last]) & (sequence[first + 1] <= sequence[last - 1]))
    end_point = np.where(forward, sequence[first], sequence[last])
    next_point = np.where(forward, sequence[first + 1], sequence[last - 1])
    _, group = _distinct(np.column_stack([end_point * (int(ids.max(initial=0)) + 1) + next_point, length]))
    _, seen = np.unique(group, return_index=True)  # each arc's first appearance
    number = np.empty(len(seen), dtype=np.int64)
    number[np.argsort(seen)] = np.arange(len(seen))  # arcs numbered in order of appearance
    refs = np.where(forward == forward[seen][group], number[group], ~number[group]).tolist()
    chosen = np.sort(seen)
    lengths = length[chosen]
    offsets = np.repeat(first[chosen] - (np.cumsum(lengths) - lengths), lengths)
    per_ring = np.searchsorted(first, starts[1:] + np.arange(1, ring_count + 1)).tolist()  # arcs that start before each ring's end
    return sequence[offsets + np.arange(int(lengths.sum()))], lengths, [refs[a:b] for a, b in zip([0, *per_ring], per_ring)]


def _junctions(ids: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """For each distinct point, whether it is a junction (see :func:`_arcs`):
    its rings pass through it between different pairs of neighbours."""
    firsts, lasts = starts[:-1], starts[1:] - 1
    after, before = np.roll(ids, -1), np.roll(ids, 1)
    after[lasts], before[firsts] = ids[firsts], ids[lasts]  # round the ring
    low = np.minimum(before, after)
    high = np.maximum(before, after, out=after)
    del before
    count = int(ids.max(initial=-1)) + 1
    # Some pass's neighbours stand for each point; which one does not matter: any other pass that differs makes it a junction.
    some_low, some_high = np.zeros(count, dtype=ids.dtype), np.zeros(count, dtype=ids.dtype)
    some_low[ids], some_high[ids] = low, high
    junction = np.zeros(count, dtype=bool)
    junction[ids[(low != some_low[ids]) | (high != some_high[ids])]] = True
    return junction


def _arcs_json(points: np.ndarray, lengths: np.ndarray) -> str:
    """The arcs (``points`` of one after the other, ``lengths`` points
    each) as JSON text: each point's difference from the one before, across
    arcs (an arc mostly starts where the one before ends). Written some
    thousands of arcs at a time: a Python list of every number would take
    more memory than the rest of a build of 50,000 districts."""
    numbers = np.diff(points, axis=0, prepend=np.zeros((1, 2), dtype=points.dtype)).ravel()
    ends = np.cumsum(lengths * 2)
    texts = []
    for first in range(0, len(lengths), _ARCS_PER_CHUNK):
        begin = int(ends[first - 1]) if first else 0
        chunk = numbers[begin : ends[min(first + _ARCS_PER_CHUNK, len(lengths)) - 1]].tolist()
        bounds = (ends[first : first + _ARCS_PER_CHUNK] - begin).tolist()
        texts.append(json.dumps([chunk[a:b] for a, b in zip([0, *bounds], bounds)], separators=(",", ":"))[1:-1])
    return "[" + ",".join(texts) + "]"
