"""Pages and API of the bodies area (being written)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
