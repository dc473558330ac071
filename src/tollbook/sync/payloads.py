"""A table row as a payload (JSON, foreign keys as global ids) and back, and its digest."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Column, Date

from tollbook.store.column_types import UTCDateTime


def to_json(column: Column[Any], value: Any) -> Any:
    """A column's value as JSON."""
    if value is None:
        return None
    if isinstance(column.type, UTCDateTime):
        return value.astimezone(UTC).isoformat()
    if isinstance(column.type, Date):
        return value.isoformat()
    return value


def from_json(column: Column[Any], value: Any) -> Any:
    """A payload's value for a column (raises ValueError or TypeError when it is not one)."""
    if value is None:
        return None
    if isinstance(column.type, UTCDateTime):
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            raise ValueError(f"timestamp without a time zone: {value!r}")
        return parsed
    if isinstance(column.type, Date):
        return date.fromisoformat(value)
    return value


def canonical(payload: dict[str, Any] | None) -> str:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def digest(payload: dict[str, Any] | None) -> str:
    return digest_of(canonical(payload))


def digest_of(content: str) -> str:
    """The digest of a payload already made canonical (:func:`canonical`)."""
    return hashlib.sha256(content.encode("utf-8")).hexdigest()
