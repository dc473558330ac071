"""Pages and API of the inquiries area (being written)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
