"""Pages and API of the estimates area (being written)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
