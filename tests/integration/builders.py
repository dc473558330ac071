"""Small builders of reports, claims and fake extractors for the integration tests."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from tollbook.domain.claim import Claim, GeoPoint
from tollbook.domain.report import Report

Extractor = Callable[[Report], Sequence[Claim]]


def make_report(report_id: str = "r1", text: str | None = None, **fields: Any) -> Report:
    """A report whose text is unique to its id unless ``text`` is given."""
    values: dict[str, Any] = {
        "published": date(2022, 3, 16),
        "title": f"Report {report_id}",
        "source": f"reports.jsonl:{report_id}",
    }
    values.update(fields)
    body = (
        text
        if text is not None
        else (f"Report {report_id}. At least 17 people were killed in Mariupol, officials said.")
    )
    return Report(id=report_id, text=body, **values)


def make_claim(article: str = "r1", **fields: Any) -> Claim:
    values: dict[str, Any] = {
        "outcome": "killed",
        "low": 17,
        "high": None,
        "qualifier": "at_least",
        "victims": "people",
        "place": "Mariupol",
        "when": "2022-03-16",
        "scope": "incident",
        "kind": "official",
        "attributed_to": "officials",
        "evidence": "At least 17 people were killed in Mariupol, officials said.",
        "evidence_start": 11,
        "geo": GeoPoint(lat=47.0971, lon=37.5434, country="UA", geonameid=701822),
    }
    values.update(fields)
    return Claim(article=article, **values)


def for_report(claim: Claim, report: Report) -> Claim:
    return replace(claim, article=report.id)


class FakeExtractor:
    """Returns fixed claims per report id (none for others) and counts its calls.

    Raises for the report ids in ``failing``, as a broken extractor would.
    """

    def __init__(
        self,
        claims: Mapping[str, Sequence[Claim]] | None = None,
        failing: Sequence[str] = (),
    ) -> None:
        self.claims = dict(claims or {})
        self.failing = set(failing)
        self.calls: list[str] = []

    def __call__(self, report: Report) -> list[Claim]:
        self.calls.append(report.id)
        if report.id in self.failing:
            raise RuntimeError(f"cannot read report {report.id}")
        return list(self.claims.get(report.id, ()))
