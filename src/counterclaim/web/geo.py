"""Offline maps: country outlines as SVG paths and an equirectangular view around points.

The outlines come from the npm package ``world-atlas`` (ISC licence; Natural Earth 1:50m
admin-0 boundaries, public domain), converted once by ``python -m counterclaim.web.geo
build countries-50m.json`` into ``static/map/countries-50m.json``, which ships inside the
package. The dashboard therefore draws maps with no tile server, no CDN and no script: the
paths are stored in (x = longitude, y = -latitude) degrees, so a map of any region is the
same paths under a different SVG ``viewBox``.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

# Paths are in hundredths of a degree; points closer than 0.04° (about 4 km) are merged.
UNITS = 100
MIN_STEP = 4
OUTLINES = Path(__file__).parent / "static" / "map" / "countries-50m.json"


@dataclass
class Country:
    name: str
    path: str
    bbox: tuple[float, float, float, float]  # west, south, east, north


@dataclass
class Marker:
    latitude: float
    longitude: float
    label: str
    kind: str = "place"  # "incident" or "place": styled differently
    href: str | None = None
    count: int = 1
    name: str = ""  # short text drawn beside the marker; label is the hover text
    x: float = 0.0
    y: float = 0.0
    r: float = 0.0


@dataclass
class MapView:
    """What a template needs to draw one map."""

    view_box: str
    x_scale: float  # cos(central latitude): keeps shapes from stretching sideways
    countries: list[Country]
    markers: list[Marker] = field(default_factory=list)
    font_size: float = 1.0  # in view units, so labels keep one size on screen


# -- building the outline file from world-atlas TopoJSON ----------------------------------
def _decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # quantised arcs are delta-encoded
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def _ring(
    indexes: Sequence[int], arcs: list[list[tuple[float, float]]]
) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)  # arcs share their end points
    return points


def _ring_path(points: list[tuple[float, float]]) -> str:
    # Integer hundredths of a degree, relative moves: a third of the size of absolute decimals.
    ints = [(round(lon * UNITS), round(-lat * UNITS)) for lon, lat in points]
    kept: list[tuple[int, int]] = []
    for x, y in ints:
        if kept and abs(x - kept[-1][0]) < MIN_STEP and abs(y - kept[-1][1]) < MIN_STEP:
            continue
        kept.append((x, y))
    if len(kept) < 3:
        return ""
    steps = [f"{b[0] - a[0]} {b[1] - a[1]}" for a, b in pairwise(kept)]
    return f"M{kept[0][0]} {kept[0][1]}l{' '.join(steps)}z"


def outlines_from_topojson(topology: dict[str, Any]) -> list[dict[str, Any]]:
    arcs = _decode_arcs(topology)
    out = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs") or []
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        elif geometry["type"] != "MultiPolygon":
            continue
        rings = [_ring(ring, arcs) for polygon in polygons for ring in polygon]
        points = [p for ring in rings for p in ring]
        path = "".join(_ring_path(ring) for ring in rings)
        if not path:
            continue
        lons = [p[0] for p in points]
        lats = [p[1] for p in points]
        out.append(
            {
                "name": (geometry.get("properties") or {}).get("name", ""),
                "bbox": [
                    round(min(lons), 2),
                    round(min(lats), 2),
                    round(max(lons), 2),
                    round(max(lats), 2),
                ],
                "path": path,
            }
        )
    return out


def build(source: Path, target: Path = OUTLINES) -> int:
    outlines = outlines_from_topojson(json.loads(source.read_text()))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(outlines, separators=(",", ":")))
    return len(outlines)


# -- drawing --------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    if not OUTLINES.is_file():
        return ()
    return tuple(
        Country(c["name"], c["path"], tuple(c["bbox"]))  # type: ignore[arg-type]
        for c in json.loads(OUTLINES.read_text())
    )


def map_view(markers: Iterable[Marker], *, min_span: float = 6.0, margin: float = 0.25) -> MapView:
    """A view framing every marker (the whole world when there is none)."""
    points = [m for m in markers if m.latitude is not None and m.longitude is not None]
    if points:
        west = min(m.longitude for m in points)
        east = max(m.longitude for m in points)
        south = min(m.latitude for m in points)
        north = max(m.latitude for m in points)
    else:
        west, south, east, north = -170.0, -58.0, 180.0, 80.0
    span = max(east - west, north - south, min_span)
    pad = span * margin
    mid_lon, mid_lat = (west + east) / 2, (south + north) / 2
    half_w = max(east - west, span) / 2 + pad
    half_h = max(north - south, span * 0.55) / 2 + pad
    west, east = mid_lon - half_w, mid_lon + half_w
    south, north = max(mid_lat - half_h, -85.0), min(mid_lat + half_h, 85.0)
    x_scale = max(math.cos(math.radians((south + north) / 2)), 0.3) if points else 1.0
    shown = [
        c
        for c in countries()
        if c.bbox[0] <= east and c.bbox[2] >= west and c.bbox[1] <= north and c.bbox[3] >= south
    ]
    width = (east - west) * x_scale
    # View units per screen pixel in the stylesheet's box (at most 1290 × 520 px, aspect
    # kept), so markers and labels have one size on screen whatever the region's shape.
    per_pixel = max(width / 1290, (north - south) / 520)
    radius = 6 * per_pixel
    for marker in points:
        marker.x = round(marker.longitude * x_scale, 4)
        marker.y = round(-marker.latitude, 4)
        marker.r = round(
            radius
            * (1.5 if marker.kind == "incident" else 1.0)
            * min(1 + 0.15 * (marker.count - 1), 2),
            4,
        )
    return MapView(
        view_box=f"{west * x_scale:.3f} {-north:.3f} {width:.3f} {north - south:.3f}",
        x_scale=round(x_scale, 5),
        countries=shown,
        markers=points,
        font_size=round(13 * per_pixel, 4),
    )


def main(argv: Sequence[str]) -> int:
    if len(argv) != 2 or argv[0] != "build":
        print("usage: python -m counterclaim.web.geo build path/to/countries-50m.json")
        return 2
    count = build(Path(argv[1]))
    print(f"wrote {count} country outlines to {OUTLINES}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
