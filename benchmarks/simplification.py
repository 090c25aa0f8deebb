"""What coverage simplification does to real districts: size and error.

    python benchmarks/simplification.py

On the geoBoundaries Azerbaijan districts (from the mirror or the cache),
for each tolerance: vertices and GeoJSON bytes kept, the largest distance
between a simplified border and the original (Hausdorff, in metres, in an
equal-area projection), and the gaps and overlaps between neighbours
(which coverage simplification should keep at zero).
"""

from __future__ import annotations

import json
import warnings

import shapely

from handover_map import load_boundaries, sources
from handover_map.cartography import equal_area_crs, simplify_coverage
from handover_map.render import rounded_geojson


def main() -> None:
    path, source = sources.resolve("geoboundaries-aze-adm2")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = load_boundaries(path, source.name_field)
    crs = equal_area_crs(shapely.union_all(frame.geometry.values).envelope)
    original = frame.to_crs(crs)
    base_vertices = int(shapely.get_num_coordinates(frame.geometry.values).sum())
    base_bytes = len(json.dumps([rounded_geojson(g, 5) for g in frame.geometry]))
    base_union = shapely.union_all(original.geometry.values).area
    base_sum = original.area.sum()
    print(f"{len(frame)} districts, {base_vertices:,} vertices, {base_bytes / 1e3:,.0f} kB of GeoJSON at 5 decimals")
    print(f"{'tolerance':>10} {'vertices':>9} {'bytes':>7} {'max shift':>10} {'overlap+gap change':>19}")
    for metres in (25, 50, 100, 250, 500):
        simplified = simplify_coverage(frame, metres)
        projected = simplified.to_crs(crs)
        vertices = int(shapely.get_num_coordinates(simplified.geometry.values).sum())
        size = len(json.dumps([rounded_geojson(g, 5) for g in simplified.geometry]))
        shift = max(shapely.hausdorff_distance(a, b) for a, b in zip(original.geometry.values, projected.geometry.values))
        # Overlaps make the sum exceed the union; gaps shrink the union: compare both to the original's.
        change = abs((projected.area.sum() - shapely.union_all(projected.geometry.values).area) - (base_sum - base_union))
        print(f"{metres:>8} m {vertices / base_vertices:>8.0%} {size / base_bytes:>7.0%} {shift:>8.0f} m {change / 1e6:>15.3f} km²")


if __name__ == "__main__":
    main()
