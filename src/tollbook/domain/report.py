"""A report: a news article or official statement, as it came in."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Report:
    """One report to extract claims from.

    ``id`` is the caller's identifier (file stem or the ``id`` of a JSONL line);
    ``source`` says where the text came from (a path and line) for provenance;
    ``publisher`` is who published it (an outlet or agency), which decides whether two
    reports are independent sources.
    """

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    source: str | None = None
    publisher: str | None = None

    @property
    def text_sha256(self) -> str:
        return text_hash(self.text)


def text_hash(text: str) -> str:
    """Hash of a report's text, so the same report is stored once."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
