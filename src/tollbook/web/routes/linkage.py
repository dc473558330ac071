"""Pages and API of the linkage area (being written)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
