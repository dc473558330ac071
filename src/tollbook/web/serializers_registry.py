"""The registry of the dead as JSON for the API: bodies, custody, photos, candidates,
graves and morgues. A body's label (a name written on it) appears only when the service
showed names to the user (``names_shown``)."""

from __future__ import annotations

from typing import Any

from tollbook.domain.body import Body, CustodyEvent, Photo
from tollbook.domain.grave import GravePosition, Morgue, Trench
from tollbook.registry.matching import Candidate
from tollbook.services.registry import BodyListing, BodyView, RegistryImportResult, SiteSummary
from tollbook.store.registry_repository import Identification
from tollbook.web.serializers import iso


def photo_url(ref: str, photo: Photo) -> str:
    return f"/bodies/{ref}/photos/{photo.sha256}"


def position_json(position: GravePosition | None) -> dict[str, Any] | None:
    if position is None:
        return None
    return {
        "trench": position.trench_id,
        "position": position.position,
        "distance_m": position.distance_m,
        "buried_on": iso(position.buried_on),
    }


def _body_fields(body: Body, names_shown: bool) -> dict[str, Any]:
    d = body.description
    return {
        "ref": body.ref,
        "parent_ref": body.parent_ref,
        "sex": d.apparent_sex,
        "age": d.apparent_age,
        "height_cm": d.height_cm,
        "clothing": list(d.clothing),
        "marks": list(d.marks),
        "effects": list(d.effects),
        "condition": d.condition,
        "wrapped_in": d.wrapped_in,
        "recovered_place": body.recovered_place,
        "recovered_district": body.recovered_district,
        "recovered_on": iso(body.recovered_on),
        "team": body.team,
        "label": body.label if names_shown else None,
    }


def listing_json(item: BodyListing) -> dict[str, Any]:
    return {
        **_body_fields(item.body, item.names_shown),
        "status": item.status,
        "location": item.location,
        "position": position_json(item.position),
    }


def body_json(view: BodyView) -> dict[str, Any]:
    return {
        **_body_fields(view.body, view.names_shown),
        "status": view.status,
        "location": view.location,
        "position": position_json(view.position),
        "parts": list(view.parts),
        "photos": [photo_json(view.body.ref, p) for p in view.photos],
        "identified_as": view.identified_as,
        "names_shown": view.names_shown,
    }


def custody_json(event: CustodyEvent) -> dict[str, Any]:
    return {
        "at": iso(event.at),
        "actor": event.actor,
        "from_status": event.from_status,
        "to_status": event.to_status,
        "from_location": event.from_location,
        "to_location": event.to_location,
        "reason": event.reason,
    }


def photo_json(ref: str, photo: Photo) -> dict[str, Any]:
    return {
        "sha256": photo.sha256,
        "media_type": photo.media_type,
        "size": photo.size,
        "caption": photo.caption,
        "url": photo_url(ref, photo),
    }


def candidate_json(candidate: Candidate) -> dict[str, Any]:
    return {
        "report_id": candidate.key,
        "rank": candidate.rank,
        "score": round(candidate.score, 4),
        "reasons": [
            {"feature": r.feature, "points": round(r.points, 4), "why": r.why}
            for r in candidate.reasons
        ],
    }


def identification_json(found: Identification) -> dict[str, Any]:
    return {
        "id": found.id,
        "ref": found.ref,
        "report_id": found.report_id,
        "method": found.method,
        "confirmed_by": found.confirmed_by,
        "confirmed_at": iso(found.confirmed_at),
        "score": found.score,
        "family_told": found.notified_at is not None,
    }


def trench_json(trench: Trench, bodies: int | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "trench_id": trench.trench_id,
        "site": trench.site,
        "number": trench.number,
        "length_m": trench.length_m,
        "bearing_deg": trench.bearing_deg,
        "marker_lat": trench.marker_lat,
        "marker_lon": trench.marker_lon,
        "opened": iso(trench.opened),
    }
    if bodies is not None:
        out["bodies"] = bodies
    return out


def site_json(summary: SiteSummary) -> dict[str, Any]:
    site = summary.site
    return {
        "site": site.code,
        "name": site.name,
        "lat": site.lat,
        "lon": site.lon,
        "bodies": summary.bodies,
        "trenches": [trench_json(t, n) for t, n in summary.trenches],
    }


def morgue_json(morgue: Morgue, occupied: int) -> dict[str, Any]:
    return {
        "code": morgue.code,
        "name": morgue.name,
        "capacity": morgue.capacity,
        "occupied": occupied,
        "free": max(morgue.capacity - occupied, 0),
    }


def import_json(result: RegistryImportResult, problems: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "ok": not problems,
        "added": result.added,
        "skipped": result.skipped,
        "problems": problems,
    }
