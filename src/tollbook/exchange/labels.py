"""Body labels: the reference as text and as a QR code, in one SVG for a label printer.

The QR code (made with ``segno``, error correction H so a soiled label still scans)
holds the reference only: no name or description ever goes on a label.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

import segno

from tollbook.registry.references import parse_reference


def label_text(ref: str, *, recovered_on: str = "", team: str = "") -> str:
    """The label's text lines: the reference, and the recovery date and team if given."""
    reference = parse_reference(ref)
    lines = [str(reference)]
    if recovered_on or team:
        lines.append(" ".join(p for p in (recovered_on, team) if p))
    return "\n".join(lines)


def qr_svg(ref: str, *, scale: int = 4) -> str:
    """The reference as a standalone QR code SVG."""
    code = segno.make_qr(str(parse_reference(ref)), error="h")
    out = io.BytesIO()
    code.save(out, kind="svg", scale=scale, border=2, xmldecl=False, svgns=True)
    return out.getvalue().decode("utf-8")


#: Where the text starts and how wide it may run (in mm, on a 60 mm label).
TEXT_LEFT = 31.0
TEXT_WIDTH = 27.5
#: A monospace character's advance, as a share of the font size.
MONOSPACE_ADVANCE = 0.6


def text_size(line: str, largest: float) -> float:
    """The font size that fits ``line`` in the label's text column, at most ``largest``."""
    if not line:
        return largest
    return min(largest, TEXT_WIDTH / (MONOSPACE_ADVANCE * len(line)))


def label_svg(ref: str, *, recovered_on: str = "", team: str = "") -> str:
    """A label (about 60 x 30 mm): QR code on the left, the text on the right."""
    code = segno.make_qr(str(parse_reference(ref)), error="h")
    size = code.symbol_size(scale=1, border=2)[0]
    cell = 26.0 / size
    modules = []
    for y, row in enumerate(code.matrix_iter(scale=1, border=2)):
        for x, dark in enumerate(row):
            if dark:
                modules.append(
                    f"M{2 + x * cell:.3f} {2 + y * cell:.3f}h{cell:.3f}v{cell:.3f}h-{cell:.3f}z"
                )
    lines = label_text(ref, recovered_on=recovered_on, team=team).split("\n")
    texts = "".join(
        f'<text x="{TEXT_LEFT}" y="{12 + 8 * i}" font-family="monospace" '
        f'font-size="{text_size(line, 5.0 if i == 0 else 3.5):.2f}">{escape(line)}</text>'
        for i, line in enumerate(lines)
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="60mm" height="30mm" '
        'viewBox="0 0 60 30">'
        '<rect width="60" height="30" fill="white"/>'
        f'<path d="{"".join(modules)}" fill="black"/>'
        f"{texts}</svg>\n"
    )
