"""A trench plan to read on a screen, as a phone-friendly SVG: drawn in user units of
:data:`UNITS_PER_M` per metre with a ``viewBox``, so a page can show it at any zoom and
its labels stay as large as the text around them at zoom 1. Each body is a box at its
distance from the marker, with its position number and, below, its reference; coloured
by status as the printed plan (:mod:`tollbook.exchange.trench_plan`). No names."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from tollbook.domain.grave import GravePosition, Trench
from tollbook.exchange.trench_colours import OTHER_COLOUR, STATUS_COLOURS

UNITS_PER_M = 40
_BODY_M = 0.6
_MARGIN = 30
_TOP = 30
_BAND = 80
_LABELS = 110


def trench_map_svg(trench: Trench, bodies: Sequence[tuple[GravePosition, str]]) -> str:
    """The plan of ``trench`` with ``bodies`` (position and status) as an inline SVG."""
    length = max(trench.length_m, max((p.distance_m for p, _ in bodies), default=0.0))
    width = round(length * UNITS_PER_M + 2 * _MARGIN)
    height = _TOP + _BAND + _LABELS
    box = _BODY_M * UNITS_PER_M
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" class="trench-map" role="img" '
        f'aria-labelledby="trench-map-title">',
        f'<title id="trench-map-title">{escape(trench.trench_id)}</title>',
        f'<rect x="{_MARGIN}" y="{_TOP}" width="{length * UNITS_PER_M:.1f}" '
        f'height="{_BAND}" fill="#efebe9" stroke="#5d4037" stroke-width="2"/>',
        f'<path d="M{_MARGIN - 8} {_TOP - 14} h16 l-8 12 z" fill="#d32f2f"/>',
    ]
    for metre in range(0, int(length) + 1, 5):
        x = _MARGIN + metre * UNITS_PER_M
        parts.append(
            f'<text x="{x}" y="{_TOP - 18}" font-size="11" text-anchor="middle" '
            f'fill="#5f6368">{metre} m</text>'
        )
    for position, status in sorted(bodies, key=lambda b: b[0].distance_m):
        centre = _MARGIN + position.distance_m * UNITS_PER_M
        colour = STATUS_COLOURS.get(status, OTHER_COLOUR)
        ref = escape(position.ref)
        parts.append(
            f'<g class="body {escape(status)}"><a href="/bodies/{ref}">'
            f"<title>{ref}: {escape(status)}</title>"
            f'<rect x="{centre - box / 2:.1f}" y="{_TOP + 6}" width="{box:.1f}" '
            f'height="{_BAND - 12}" fill="{colour}" stroke="#212121"/>'
            f'<text x="{centre:.1f}" y="{_TOP + _BAND / 2 + 5:.1f}" font-size="14" '
            f'font-weight="600" text-anchor="middle">{position.position}</text>'
            f'<text class="ref" x="{centre:.1f}" y="{_TOP + _BAND + 8}" font-size="12" '
            f'text-anchor="end" transform="rotate(-90 {centre:.1f} {_TOP + _BAND + 8})" '
            f'dy="4">{ref}</text></a></g>'
        )
    parts.append("</svg>")
    return "".join(parts)
