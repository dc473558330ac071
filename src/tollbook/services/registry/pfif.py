"""The missing in PFIF: export those whose families consented to sharing (PFIF 1.4, every
required field), import persons and notes of PFIF 1.2, 1.3 and 1.4 keeping every field a
report can hold."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from pathlib import Path

from tollbook.domain.missing import MissingReport
from tollbook.domain.text import N_
from tollbook.exchange.errors import InputError, InputProblem
from tollbook.exchange.file_limits import FileLimits, check_size
from tollbook.exchange.pfif import PfifNote, PfifPerson, read_pfif, utc_text, write_pfif
from tollbook.registry.access import Actor, may_see_report, require
from tollbook.services.registry.outcomes import RegistryImportResult
from tollbook.store.registry_repository import (
    Identification,
    Note,
    StoredCaseEvent,
)
from tollbook.store.unit_of_work import UnitOfWork


def _now() -> datetime:
    return datetime.now(UTC)


# --- PFIF 1.4 -----------------------------------------------------------------------------
def export_pfif(uow: UnitOfWork, actor: Actor, *, domain: str = "tollbook.local") -> bytes:
    """The missing whose families consented to sharing, as PFIF 1.4 persons and notes.

    A ``believed_dead`` note is written only for a confirmed identification of which the
    family has already been told by a family-liaison worker; the family's contact is
    never exported. The export is audited.
    """
    require(actor, "forensic", "family_liaison", doing="exporting PFIF")
    persons: list[PfifPerson] = []
    with uow:
        repo = uow.registry
        for stored in repo.reports():
            report = stored.report
            if "sharing" not in report.consent or not may_see_report(actor, report.liaison):
                continue
            person = _pfif_person(
                repo.identification(report_id=report.report_id),
                report,
                domain,
                stored.created_at or _now(),
            )
            life = _life_notes(repo.case_events(report.report_id), person.values, domain)
            persons.append(PfifPerson(person.values, (*life, *person.notes)))
        uow.audit.append(
            at=_now(),
            actor=str(actor),
            action="export_pfif",
            entity="missing_report",
            entity_id="*",
            after={"persons": len(persons)},
        )
        uow.commit()
    return write_pfif(persons)


def _life_notes(
    events: list[StoredCaseEvent], person: Mapping[str, str], domain: str
) -> list[PfifNote]:
    """PFIF notes for the case's life: ``believed_alive`` when found alive, and
    ``believed_missing`` when an identification the family had been told of (and that a
    ``believed_dead`` note may have shared) was revoked."""
    notes = []
    for n, event in enumerate(events, start=1):
        if event.kind == "found_alive":
            status, text = "believed_alive", f"Found alive on {event.detail.get('found_on')}."
        elif event.kind == "identification_revoked" and event.detail.get("correct_in_person"):
            status, text = "believed_missing", "An earlier identification was withdrawn."
        else:
            continue
        notes.append(
            PfifNote(
                {
                    "note_record_id": f"{domain}/case.{person['person_record_id']}.{n}",
                    "person_record_id": person["person_record_id"],
                    "entry_date": utc_text(event.at),
                    "author_name": "Tollbook registry",
                    "source_date": utc_text(event.at),
                    "status": status,
                    "text": text,
                }
            )
        )
    return notes


def _record_id(domain: str, report_id: str) -> str:
    return report_id if "/" in report_id else f"{domain}/{report_id}"


#: PFIF person fields kept as written on import and written back on export.
KEPT_FIELDS: tuple[str, ...] = (
    "expiry_date",
    "author_name",
    "source_name",
    "source_date",
    "source_url",
    "full_name",
    "age",
    "home_street",
    "home_neighborhood",
    "home_city",
    "home_state",
    "home_postal_code",
    "home_country",
    "photo_url",
    "profile_urls",
)


def _pfif_person(
    identification: Identification | None,
    report: MissingReport,
    domain: str,
    recorded: datetime,
) -> PfifPerson:
    """The PFIF 1.4 person of a report: the fields it was imported with, then what
    Tollbook knows (never the family's contact). ``source_date`` is when the record was
    first made: the imported one's, else when it was recorded here."""
    record = _record_id(domain, report.report_id)
    age = report.age_on_last_seen()
    kept = dict(report.pfif_fields)
    birth = report.birth_date.isoformat() if report.birth_date else report.birth_date_text
    values = {
        **kept,
        "person_record_id": record,
        "entry_date": utc_text(_now()),
        "author_name": kept.get("author_name") or report.liaison or "Tollbook registry",
        "source_name": kept.get("source_name") or "Tollbook",
        "source_date": kept.get("source_date") or utc_text(recorded),
        "full_name": report.full_name or kept.get("full_name") or "(name not known)",
        "given_name": report.given_name,
        "family_name": report.family_name,
        "alternate_names": "\n".join(report.alternate_names),
        "description": report.description,
        "sex": {"M": "male", "F": "female"}.get(report.sex, ""),
        "date_of_birth": birth,
        "age": kept.get("age") or ("" if age is None else str(age)),
    }
    if report.last_seen_place != kept.get("home_city"):
        values["home_neighborhood"] = report.last_seen_place
    notes = []
    if identification is not None and identification.notified_at is not None:
        notes.append(
            PfifNote(
                {
                    "note_record_id": f"{domain}/identification.{identification.id}",
                    "person_record_id": record,
                    "entry_date": utc_text(identification.notified_at),
                    "author_name": "Tollbook forensic registry",
                    "source_date": utc_text(identification.notified_at),
                    "status": "believed_dead",
                    "text": f"Identified by {identification.method}; the family was informed.",
                }
            )
        )
    return PfifPerson(values, tuple(notes))


def import_pfif(
    uow: UnitOfWork,
    path: Path,
    actor: Actor,
    *,
    consent: tuple[str, ...] = (),
    source_name: str | None = None,
) -> RegistryImportResult:
    """Record the persons of a PFIF 1.2, 1.3 or 1.4 file as missing-person reports (with
    ``consent``), keeping the description, alternate names, a partial birth date and the
    other person fields (:data:`KEPT_FIELDS`), and keep their notes. A ``believed_dead``
    note is kept as a note: it never identifies anyone here. Notes for a report the actor
    may not see (another liaison's case) are refused, not kept. ``source_name`` as for
    :func:`import_reports`."""
    require(actor, "family_liaison", "forensic", doing="importing PFIF")
    name = source_name or str(path)
    limits = FileLimits.from_env()
    try:
        check_size(path, limits, name)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(
            InputProblem(name, N_("cannot read: %(strerror)s", strerror=exc.strerror))
        ) from None
    persons, problems = read_pfif(data, name, limits)
    result = RegistryImportResult(problems=list(problems))
    at = _now()
    with uow:
        repo = uow.registry
        for number, person in enumerate(persons, start=1):
            report = _report_from_pfif(person, consent, actor)
            existing = repo.report(report.report_id)
            if existing is None:
                repo.add_report(report, at=at, by=str(actor))
                result.added += 1
            elif not may_see_report(actor, existing.report.liaison):
                message = "is another liaison's case: its notes were not kept"
                result.problems.append(
                    InputProblem(name, message, field=f"person[{number}]/person_record_id")
                )
                continue
            else:
                result.skipped += 1
            for note in person.notes:
                v = note.values
                entry = _timestamp(v.get("entry_date", ""))
                kept = Note(
                    v["note_record_id"],
                    report.report_id,
                    note.status,
                    v.get("author_name", ""),
                    entry,
                    v.get("text", ""),
                )
                extra = {k: x for k, x in v.items() if k not in ("text", "status")}
                repo.add_note(kept, extra)
        uow.audit.append(
            at=at,
            actor=str(actor),
            action="import_pfif",
            entity="missing_report",
            entity_id=name,
            after={"added": result.added, "consent": list(consent)},
        )
        uow.commit()
    return result


def _timestamp(text: str) -> datetime | None:
    if not text:
        return None
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _report_from_pfif(person: PfifPerson, consent: tuple[str, ...], actor: Actor) -> MissingReport:
    v = person.values
    family, given = v.get("family_name", ""), v.get("given_name", "")
    if not family and not given:
        family = v.get("full_name", "")
    birth = v.get("date_of_birth", "")
    age = v.get("age", "")
    kept = {k: v[k] for k in KEPT_FIELDS if v.get(k)}
    if "-" not in age:
        kept.pop("age", None)  # a single age is the report's own; a range is kept as written
    contact = "; ".join(v[k] for k in ("author_name", "author_email", "author_phone") if v.get(k))
    return MissingReport(
        report_id=person.record_id,
        family_name=family,
        given_name=given,
        sex={"male": "M", "female": "F"}.get(v.get("sex", ""), ""),
        birth_date=date.fromisoformat(birth) if len(birth) == 10 else None,
        birth_date_text="" if len(birth) == 10 else birth,
        age=int(age.split("-")[0]) if age else None,
        last_seen_place=v.get("home_neighborhood", "") or v.get("home_city", ""),
        description=v.get("description", ""),
        alternate_names=tuple(
            n.strip() for n in v.get("alternate_names", "").splitlines() if n.strip()
        ),
        pfif_fields=tuple(sorted(kept.items())),
        contact=contact,
        consent=consent,
        liaison=actor.name if actor.role == "family_liaison" else "",
    )
