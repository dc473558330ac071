"""A plan of a trench with the bodies in place, as SVG (matplotlib).

The trench is drawn along its length from the marker post; each body is a box at its
distance from the marker, with its position number and reference, coloured by status.
No names are drawn. Its words are English unless a ``gettext`` is given (the page's or
the command line's language); they are in the catalogs, written ``_("...")`` here.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle

from tollbook.domain.grave import GravePosition, Trench
from tollbook.exchange.trench_colours import OTHER_COLOUR, STATUS_COLOURS

_BODY_WIDTH_M = 0.6
Gettext = Callable[[str], str]


def _english(message: str) -> str:
    return message


def trench_plan_svg(
    trench: Trench, bodies: Sequence[tuple[GravePosition, str]], gettext: Gettext = _english
) -> str:
    """The plan of ``trench`` with ``bodies`` (position and status), as an SVG document,
    its words through ``gettext``."""
    _ = gettext
    width = max(6.0, min(40.0, trench.length_m / 2))
    figure, axes = plt.subplots(figsize=(width, 3.2))
    try:
        axes.add_patch(
            Rectangle((0, -1), trench.length_m, 2, fill=False, edgecolor="#5d4037", linewidth=1.5)
        )
        axes.plot([0], [0], marker="v", color="#d32f2f", markersize=12)
        axes.annotate(_("marker"), (0, 1.1), ha="center", fontsize=8, color="#d32f2f")
        for position, status in bodies:
            colour = STATUS_COLOURS.get(status, OTHER_COLOUR)
            left = position.distance_m - _BODY_WIDTH_M / 2
            axes.add_patch(
                Rectangle((left, -0.9), _BODY_WIDTH_M, 1.8, facecolor=colour, edgecolor="black")
            )
            axes.text(
                position.distance_m, 0, str(position.position), ha="center", va="center", fontsize=6
            )
            axes.text(
                position.distance_m,
                -1.3,
                position.ref,
                ha="center",
                va="top",
                fontsize=5,
                rotation=90,
            )
        axes.set_xlim(-1.5, trench.length_m + 1.5)
        axes.set_ylim(-4.5, 2)
        axes.set_yticks([])
        bearing = f"{trench.bearing_deg:g}"
        axes.set_xlabel(_("metres from the marker, bearing %(bearing)s°") % {"bearing": bearing})
        where = ""
        if trench.marker_lat is not None and trench.marker_lon is not None:
            at = f"{trench.marker_lat:.6f}, {trench.marker_lon:.6f}"
            where = _("; marker at %(at)s") % {"at": at}
        title = _("Trench %(trench)s (site %(site)s): %(n)s bodies, %(length)s m") % {
            "trench": trench.trench_id,
            "site": trench.site,
            "n": len(bodies),
            "length": f"{trench.length_m:g}",
        }
        axes.set_title(title + where, fontsize=10)
        out = io.StringIO()
        figure.savefig(out, format="svg", bbox_inches="tight", metadata={"Date": None})
        return out.getvalue()
    finally:
        plt.close(figure)
