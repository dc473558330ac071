"""Where a body lies: from a trench's marker post, along its bearing, some metres.

So that any body can be found again with a tape measure and a compass, or a GPS.
"""

from __future__ import annotations

import math

from tollbook.domain.grave import Trench
from tollbook.domain.text import N_

_EARTH_RADIUS_M = 6_371_008.8


class PositionError(ValueError):
    """A position that does not fit in its trench."""


def check_distance(trench: Trench, distance_m: float) -> None:
    """Raise :class:`PositionError` unless ``distance_m`` lies within the trench."""
    if not math.isfinite(distance_m) or distance_m < 0 or distance_m > trench.length_m:
        raise PositionError(
            N_(
                "distance %(distance_m)s m is outside trench %(trench_id)s (0 "
                "to %(length_m)s m from its marker)",
                distance_m=distance_m,
                trench_id=trench.trench_id,
                length_m=trench.length_m,
            )
        )


def point_along(
    lat: float, lon: float, bearing_deg: float, distance_m: float
) -> tuple[float, float]:
    """The point ``distance_m`` from (``lat``, ``lon``) on ``bearing_deg`` (from north)."""
    phi1, lam1 = math.radians(lat), math.radians(lon)
    theta, delta = math.radians(bearing_deg), distance_m / _EARTH_RADIUS_M
    phi2 = math.asin(
        math.sin(phi1) * math.cos(delta) + math.cos(phi1) * math.sin(delta) * math.cos(theta)
    )
    lam2 = lam1 + math.atan2(
        math.sin(theta) * math.sin(delta) * math.cos(phi1),
        math.cos(delta) - math.sin(phi1) * math.sin(phi2),
    )
    return math.degrees(phi2), (math.degrees(lam2) + 540) % 360 - 180


def body_coordinates(trench: Trench, distance_m: float) -> tuple[float, float] | None:
    """Latitude and longitude of a body in ``trench``, or None without marker coordinates."""
    check_distance(trench, distance_m)
    if trench.marker_lat is None or trench.marker_lon is None:
        return None
    return point_along(trench.marker_lat, trench.marker_lon, trench.bearing_deg, distance_m)
