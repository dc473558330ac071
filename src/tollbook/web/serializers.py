"""Domain objects as JSON for the API.

``full=False`` gives the aggregate view (viewer role and the like): figures, dates,
places, grades and counts, never evidence, sources' names or report text.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from tollbook.domain.incident import Incident
from tollbook.domain.toll import DocumentedPoint, SeriesPoint, Toll
from tollbook.exchange.geojson import incident_record
from tollbook.services.accounts import StoredPublication, User
from tollbook.store.records import AuditEntry, ClaimReview, StoredClaim, StoredReport


def iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def report_json(stored: StoredReport, *, text: bool = False) -> dict[str, Any]:
    report = stored.report
    out: dict[str, Any] = {
        "id": stored.id,
        "external_id": report.id,
        "title": report.title,
        "published": iso(report.published),
        "source": report.source,
        "publisher": stored.publisher,
        "text_sha256": stored.text_sha256,
        "ingested_at": iso(stored.ingested_at),
        "ingested_by": stored.ingested_by,
        "chars": len(report.text),
    }
    if text:
        out["text"] = report.text
    return out


def claim_json(stored: StoredClaim) -> dict[str, Any]:
    return {
        "id": stored.id,
        "report_id": stored.report_id,
        "review_status": stored.review_status,
        "extractor_version": stored.extractor_version,
        "created_at": iso(stored.created_at),
        **stored.claim.to_contract(),
        # the id of the stored claim this one is part of ("including 11 children")
        "part_of": stored.part_of,
    }


def review_json(review: ClaimReview | None) -> dict[str, Any] | None:
    if review is None:
        return None
    return {
        "status": review.status,
        "reason": review.reason,
        "reviewed_by": review.reviewed_by,
        "reviewed_at": iso(review.reviewed_at),
        "extracted": review.extracted,
    }


def incident_json(incident: Incident, *, full: bool) -> dict[str, Any]:
    record = incident_record(incident)
    if full:
        return record
    record.pop("sources", None)
    record.pop("event", None)
    record.pop("grade_set_by", None)
    record["sources"] = len(incident.sources)
    return record


def point_json(point: SeriesPoint, *, full: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "series": point.series,
        "date": iso(point.date),
        "low": point.low,
        "high": point.high,
        "qualifier": point.qualifier,
        "kind": point.kind,
        "when": point.when,
        "victims": point.victims,
        "subgroup": point.subgroup,
        "review_status": point.review_status,
    }
    if full:
        out.update(
            claim_id=point.claim_id,
            report_id=point.report_id,
            article=point.article,
            publisher=point.publisher,
            attributed_to=point.attributed_to,
            evidence=point.evidence,
            part_of=point.part_of,
        )
    return out


def documented_json(point: DocumentedPoint) -> dict[str, Any]:
    return {
        "date": iso(point.date),
        "low": point.low,
        "high": point.high,
        "incidents": point.incidents,
    }


def toll_json(toll: Toll, *, full: bool) -> dict[str, Any]:
    """The documented count (incidents only) and, beside it and never added to it, the
    held-back incidents, the running totals, the estimates and the subgroup figures."""
    latest = toll.latest_official
    reported = toll.latest_reported
    return {
        "place": toll.place,
        "outcome": toll.outcome,
        "period": {"start": iso(toll.period.start), "end": iso(toll.period.end)},
        "documented": {
            "min": toll.low,
            "max": toll.high,
            "reviewed_min": toll.reviewed_low,
            "reviewed_max": toll.reviewed_high,
            "incidents": len(toll.incidents),
            "unreviewed_incidents": toll.unreviewed_incidents,
            "undated_incidents": toll.undated_incidents,
            "contested_incidents": toll.contested_incidents,
            "flagged_incidents": len(toll.flagged_incidents),
            "series": [documented_json(p) for p in toll.documented],
            # counted, unreviewed: a smaller event of a report that tells a larger one
            "smaller_events": {
                "min": toll.doubtful_low,
                "max": toll.doubtful_high,
                "incidents": [i.id for i in toll.doubtful],
            },
        },
        "held_back": {
            "min": toll.held_back_low,
            "max": toll.held_back_high,
            "incidents": [incident_summary(i) for i in toll.held_back],
        },
        # areas named after the place, not counted in it ("Malatya province")
        "named_alike": [
            {"place": a.place, "min": a.low, "max": a.high, "incidents": a.incidents}
            for a in toll.named_alike
        ],
        # parts of wider incidents placed here, counted in "documented"
        "parts": [
            {
                "place": part.place,
                "min": part.low,
                "max": part.high,
                "added_min": part.added_low,
                "added_max": part.added_high,
                "date": iso(part.date),
                "incident_id": part.incident_id,
                "incident_place": part.incident_place,
                "incident_min": part.incident_low,
                "incident_max": part.incident_high,
                "reviewed": part.reviewed,
            }
            for part in toll.parts
        ],
        "latest_official": point_json(latest, full=full) if latest is not None else None,
        "latest_reported": point_json(reported, full=full) if reported is not None else None,
        "official": [point_json(p, full=full) for p in toll.official],
        "reported": [point_json(p, full=full) for p in toll.reported],
        "estimates": [point_json(p, full=full) for p in toll.estimates],
        "subgroups": [point_json(p, full=full) for p in toll.subgroups],
        "vague_rule": toll.vague_rule,
        "incidents": [incident_summary(i) for i in toll.incidents],
    }


def incident_summary(incident: Incident) -> dict[str, Any]:
    """An incident in a toll: its figures only (``/api/incidents/{id}`` has the rest)."""
    return {
        "id": incident.id,
        "date": iso(incident.date),
        "min": incident.low,
        "max": incident.high,
        "grade": incident.grade,
        "reviewed": incident.reviewed,
        "looks_like_running_total": incident.running_total_guard,
        "held_back": incident.held_back,
        "smaller_event": incident.several_events_guard,
    }


def publication_json(published: StoredPublication) -> dict[str, Any]:
    return {
        "id": published.id,
        "place": published.place,
        "outcome": published.outcome,
        "period": {"start": iso(published.period_start), "end": iso(published.period_end)},
        "figures": published.figures,
        "published_at": iso(published.published_at),
        "withdrawn": published.withdrawn_at is not None,
    }


def user_json(user: User) -> dict[str, Any]:
    return {"id": user.id, "username": user.username, "role": user.role, "active": user.active}


def audit_json(entry: AuditEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "at": iso(entry.at),
        "actor": entry.actor,
        "action": entry.action,
        "entity": entry.entity,
        "entity_id": entry.entity_id,
        "before": entry.before,
        "after": entry.after,
    }
