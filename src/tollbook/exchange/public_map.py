"""A map of published figures that needs no tile server: the country's towns as faint
dots (their shape is the outline), each published place as a circle whose area follows
its documented minimum, on an equirectangular projection corrected for latitude. Pure:
points in, SVG text out. Places only, never people."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

WIDTH = 800
_PAD = 20


@dataclass(frozen=True)
class MapPoint:
    label: str
    lat: float
    lon: float
    low: int
    high: int
    href: str


def map_svg(points: Sequence[MapPoint], towns: Sequence[tuple[float, float]], title: str) -> str:
    everything = [(p.lat, p.lon) for p in points] + list(towns)
    if not everything:
        everything = [(48.5, 31.0)]
    south = min(lat for lat, _ in everything) - 0.3
    north = max(lat for lat, _ in everything) + 0.3
    west = min(lon for _, lon in everything) - 0.3
    east = max(lon for _, lon in everything) + 0.3
    squeeze = math.cos(math.radians((north + south) / 2))
    scale = (WIDTH - 2 * _PAD) / max((east - west) * squeeze, 0.1)
    height = round((north - south) * scale + 2 * _PAD)

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return _PAD + (lon - west) * squeeze * scale, _PAD + (north - lat) * scale

    largest = max((p.low for p in points), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'class="public-map" role="img" aria-label={quoteattr(title)}>',
        f"<title>{escape(title)}</title>",
        f'<rect width="{WIDTH}" height="{height}" fill="#f4f6f8"/>',
        '<g fill="#9aa5b1">',
    ]
    for lat, lon in towns:
        x, y = xy(lat, lon)
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="1.2"/>')
    parts.append("</g>")
    for p in sorted(points, key=lambda p: -p.low):
        x, y = xy(p.lat, p.lon)
        radius = 5 + 25 * math.sqrt(p.low / largest)
        figure = f"{p.low:,}" if p.low == p.high else f"{p.low:,}–{p.high:,}"
        parts.append(
            f'<a href={quoteattr(p.href)} class="place"><title>{escape(p.label)}: {figure}</title>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="#a1262d" '
            f'fill-opacity="0.55" stroke="#7a1a20"/>'
            f'<text x="{x:.1f}" y="{y - radius - 4:.1f}" font-size="14" text-anchor="middle" '
            f'font-weight="600">{escape(p.label)} {figure}</text></a>'
        )
    parts.append("</svg>")
    return "".join(parts)
