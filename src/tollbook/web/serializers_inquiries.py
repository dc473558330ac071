"""Families' reports of the missing (inquiries) as JSON for the API.

Only for those the services let see a report: names and the family's contact are in
the report; candidate bodies carry their reference, score and features, never a label
or photo.
"""

from __future__ import annotations

from typing import Any

from tollbook.domain.missing import MissingReport
from tollbook.registry.matching import Candidate
from tollbook.services.registry import Case, CaseEvent
from tollbook.store.registry_repository import Identification
from tollbook.web.serializers import iso


def missing_report_json(report: MissingReport) -> dict[str, Any]:
    return {
        "report_id": report.report_id,
        "reported_on": iso(report.reported_on),
        "relation": report.relation,
        "family_name": report.family_name,
        "given_name": report.given_name,
        "patronymic": report.patronymic,
        "sex": report.sex,
        "birth_date": iso(report.birth_date),
        "age": report.age,
        "last_seen_date": iso(report.last_seen_date),
        "last_seen_place": report.last_seen_place,
        "height_cm": report.height_cm,
        "clothing": list(report.clothing),
        "marks": list(report.marks),
        "effects": list(report.effects),
        "description": report.description,
        "alternate_names": list(report.alternate_names),
        "birth_date_text": report.birth_date_text,
        "contact": report.contact,
        "consent": list(report.consent),
        "liaison": report.liaison,
    }


def identification_json(found: Identification | None) -> dict[str, Any] | None:
    if found is None:
        return None
    return {
        "body_ref": found.ref,
        "method": found.method,
        "confirmed_by": found.confirmed_by,
        "confirmed_at": iso(found.confirmed_at),
        "score": found.score,
        "family_told_at": iso(found.notified_at),
        "family_told_by": found.notified_by,
    }


def case_json(case: Case) -> dict[str, Any]:
    return {
        **missing_report_json(case.stored.report),
        "stage": case.stage,
        "identification": identification_json(case.identification),
    }


def event_json(event: CaseEvent) -> dict[str, Any]:
    return {"at": iso(event.at), "what": event.what, "by": event.by, "detail": event.detail}


def candidate_json(candidate: Candidate) -> dict[str, Any]:
    return {
        "body_ref": candidate.key,
        "rank": candidate.rank,
        "score": candidate.score,
        "features": [
            {"feature": r.feature, "points": r.points, "why": r.why} for r in candidate.reasons
        ],
    }
