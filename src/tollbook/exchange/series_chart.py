"""A published toll's running documented count as a small SVG chart: the band between
the documented minimum and maximum over time, with its last figures written at the end.
Pure: the series in, SVG text out (no matplotlib, so it draws in microseconds)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any
from xml.sax.saxutils import escape, quoteattr

WIDTH, HEIGHT = 640, 260
_LEFT, _RIGHT, _TOP, _BOTTOM = 56, 90, 16, 34


def series_svg(series: Sequence[Mapping[str, Any]], title: str) -> str:
    """``series``: points ``{"date": "YYYY-MM-DD", "min": int, "max": int}`` in order."""
    points = [(date.fromisoformat(p["date"]), int(p["min"]), int(p["max"])) for p in series]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'class="series-chart" role="img" aria-label={quoteattr(title)}>',
        f"<title>{escape(title)}</title>",
    ]
    if not points:
        parts.append("</svg>")
        return "".join(parts)
    first, last = points[0][0], points[-1][0]
    days = max((last - first).days, 1)
    top = max(max(p[2] for p in points), 1)
    inner_w, inner_h = WIDTH - _LEFT - _RIGHT, HEIGHT - _TOP - _BOTTOM

    def x(day: date) -> float:
        return _LEFT + (day - first).days / days * inner_w

    def y(value: int) -> float:
        return _TOP + inner_h - value / top * inner_h

    steps_high = _steps([(x(d), y(high)) for d, _, high in points])
    steps_low = _steps([(x(d), y(low)) for d, low, _ in points])
    band = steps_high + list(reversed(steps_low))
    path = " ".join(f"{px:.1f},{py:.1f}" for px, py in band)
    parts += [
        f'<line x1="{_LEFT}" y1="{_TOP + inner_h}" x2="{_LEFT + inner_w}" y2="{_TOP + inner_h}" '
        'stroke="#5f6368"/>',
        f'<line x1="{_LEFT}" y1="{_TOP}" x2="{_LEFT}" y2="{_TOP + inner_h}" stroke="#5f6368"/>',
        f'<text x="{_LEFT - 6}" y="{_TOP + 5}" font-size="12" text-anchor="end">{top:,}</text>',
        f'<text x="{_LEFT - 6}" y="{_TOP + inner_h}" font-size="12" text-anchor="end">0</text>',
        f'<text x="{_LEFT}" y="{HEIGHT - 10}" font-size="12">{first.isoformat()}</text>',
        f'<text x="{_LEFT + inner_w}" y="{HEIGHT - 10}" font-size="12" text-anchor="end">'
        f"{last.isoformat()}</text>",
        f'<polygon points="{path}" fill="#2b5c8a" fill-opacity="0.25" stroke="none"/>',
        '<polyline points="'
        + " ".join(f"{px:.1f},{py:.1f}" for px, py in steps_low)
        + '" fill="none" stroke="#2b5c8a" stroke-width="2"/>',
    ]
    _, low, high = points[-1]
    figure = f"{low:,}" if low == high else f"{low:,}–{high:,}"
    parts.append(
        f'<text x="{_LEFT + inner_w + 6}" y="{y(low) + 4:.1f}" font-size="13" '
        f'font-weight="600">{figure}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def _steps(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A running count stays level until the next point, then steps."""
    out: list[tuple[float, float]] = []
    for i, (px, py) in enumerate(points):
        if i:
            out.append((px, out[-1][1]))
        out.append((px, py))
    return out
