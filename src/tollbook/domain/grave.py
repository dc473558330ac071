"""Burial sites, trenches, morgues and each body's place in a trench: plain data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Site:
    """A burial site (cemetery, park, yard) with the coordinates of its entrance."""

    code: str
    name: str
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Trench:
    """A trench grave: a straight line from the marker post at its start, on a bearing."""

    trench_id: str
    site: str
    number: int
    length_m: float
    bearing_deg: float
    marker_lat: float | None = None
    marker_lon: float | None = None
    opened: date | None = None


@dataclass(frozen=True)
class GravePosition:
    """Where a body lies: the trench, its order in it, and its distance from the marker."""

    ref: str
    trench_id: str
    position: int
    distance_m: float
    buried_on: date | None = None


@dataclass(frozen=True)
class Morgue:
    """A place where bodies are stored, with how many it can hold."""

    code: str
    name: str
    capacity: int
