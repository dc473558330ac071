"""Named lists, their records, persons and the linkage review as JSON, and a pair's
match weights in plain words for the pages.

Everything here holds names of the dead: only routes guarded by ``lists`` or ``link``
use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tollbook.domain.person_record import PersonRecord
from tollbook.exchange.errors import InputProblem
from tollbook.services.linkage import LinkReport, PersonView, QueuedPair
from tollbook.services.lists import ListImportResult
from tollbook.store.linkage_repository import PairReview, StoredLink, StoredRun
from tollbook.store.list_repository import ListSummary, StoredImport, StoredRecord
from tollbook.web.i18n import N_
from tollbook.web.serializers import iso

#: What the comparisons of the linkage model are called on the pages.
FIELD_LABELS: dict[str, str] = {
    "list": N_("Lists"),
    "family_name": N_("Family name"),
    "given_name": N_("Given name"),
    "patronymic": N_("Father's name"),
    "sex": N_("Sex"),
    "birth": N_("Birth"),
    "death_date": N_("Date of death"),
    "district": N_("District"),
    "address": N_("Address"),
    "postcode": N_("Postcode"),
    "region": N_("Region"),
}


def full_name(record: PersonRecord) -> str:
    """The name as the list wrote it (family, given, father's name), or ``(no name)``."""
    parts = (record.family_name, record.given_name, record.patronymic)
    return " ".join(p for p in parts if p) or "(no name)"


def place(record: PersonRecord) -> str | None:
    """Where the list places the person: district, else address, else region."""
    return record.district or record.address or record.region


def record_json(stored: StoredRecord) -> dict[str, Any]:
    r = stored.record
    return {
        "id": stored.id,
        "list": r.source,
        "row": r.row,
        "import_id": stored.import_id,
        "record_id": r.record_id,
        "name": full_name(r) if r.has_name else None,
        "family_name": r.family_name,
        "given_name": r.given_name,
        "patronymic": r.patronymic,
        "sex": r.sex,
        "birth_date": iso(r.birth_date),
        "age": r.age,
        "death_date": iso(r.death_date),
        "district": r.district,
        "address": r.address,
        "postcode": r.postcode,
        "region": r.region,
        "original": dict(r.original),
        "unread": dict(r.unread),
    }


def link_json(link: StoredLink) -> dict[str, Any]:
    return {
        "record_a": link.record_a,
        "record_b": link.record_b,
        "probability": link.probability,
        "match_weight": link.match_weight,
        "explanation": link.explanation,
    }


def person_json(person: PersonView) -> dict[str, Any]:
    return {
        "id": person.id,
        "status": person.status,
        "records": [record_json(r) for r in person.records],
        "links": [link_json(link) for link in person.links],
    }


def summary_json(summary: ListSummary) -> dict[str, Any]:
    return {
        "name": summary.name,
        "records": summary.records,
        "imports": summary.imports,
        "has_duplicates": summary.has_duplicates,
        "created_at": iso(summary.created_at),
    }


def import_json(stored: StoredImport) -> dict[str, Any]:
    return {
        "id": stored.id,
        "list": stored.list_name,
        "file": stored.file_name,
        "sha256": stored.sha256,
        "mapping": stored.mapping,
        "rows_read": stored.rows_read,
        "rows_imported": stored.rows_imported,
        "rows_rejected": stored.rows_rejected,
        "imported_at": iso(stored.imported_at),
        "imported_by": stored.imported_by,
        "unused_columns": list(stored.notes.get("unused_columns", [])),
        "undone_at": iso(stored.undone_at) if stored.undone_at else None,
        "undone_by": stored.undone_by,
    }


def problem_json(problem: InputProblem) -> dict[str, Any]:
    return {
        "file": problem.path,
        "line": problem.line,
        "field": problem.field,
        "msg": problem.message,
    }


def import_result_json(result: ListImportResult) -> dict[str, Any]:
    return {
        "ok": not result.problems,
        "list": result.list_name,
        "import_id": result.import_id,
        "new_list": result.new_list,
        "rows": result.rows,
        "imported": result.imported,
        "rejected": result.rejected,
        "problems": [problem_json(p) for p in result.problems],
        "warnings": [problem_json(p) for p in result.warnings],
        "unused_columns": list(result.unused_columns),
        "has_duplicates": result.has_duplicates,
        "added": result.added,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "removed": result.removed,
    }


def run_json(run: StoredRun) -> dict[str, Any]:
    return {
        "id": run.id,
        "engine": run.engine,
        "model_id": run.model_id,
        "threshold": run.threshold,
        "review": [run.review_low, run.review_high],
        "started_at": iso(run.started_at),
        "finished_at": iso(run.finished_at),
        "actor": run.actor,
        "summary": run.summary,
    }


def report_json(report: LinkReport) -> dict[str, Any]:
    return {
        "run_id": report.run_id,
        "engine": report.engine,
        "model_id": report.model_id,
        "trained": report.trained,
        "records": report.records,
        "pairs": report.pairs,
        "links": report.links,
        "persons": report.persons,
        "persons_with_several_records": report.persons_with_several_records,
        "persons_created": report.created,
        "persons_kept": report.kept,
        "persons_retired": report.retired,
        "queued": report.queued,
        "conflicts": [list(c) for c in report.conflicts],
        "seconds": report.seconds,
    }


def review_json(review: PairReview) -> dict[str, Any]:
    return {
        "record_a": review.record_a,
        "record_b": review.record_b,
        "status": review.status,
        "probability": review.probability,
        "explanation": review.explanation,
        "queued_at": iso(review.queued_at),
        "decided_by": review.decided_by,
        "decided_at": iso(review.decided_at),
        "reason": review.reason,
        "calibration": review.calibration,
    }


def pair_json(pair: QueuedPair) -> dict[str, Any]:
    return {
        **review_json(pair.review),
        "first": record_json(pair.first),
        "second": record_json(pair.second),
    }


# --- plain words ----------------------------------------------------------------------


@dataclass(frozen=True)
class Reason:
    """One field of a pair's explanation, for people: what was compared, what was found,
    and how far it counts for or against one person."""

    field: str
    label: str
    level: str
    weight: float
    verdict: str
    side: str


def verdict(weight: float) -> tuple[str, str]:
    """How a match weight reads (log2 of a Bayes factor), and which side it is on."""
    if weight >= 4:
        return N_("strongly for the same person"), "for"
    if weight >= 1:
        return N_("for the same person"), "for"
    if weight > -1:
        return N_("counts little either way"), "neutral"
    if weight > -4:
        return N_("against the same person"), "against"
    return N_("strongly against the same person"), "against"


def reasons(explanation: dict[str, Any] | None) -> list[Reason]:
    """A stored explanation (``{"fields": [{"field", "level", "weight"}]}``) in words."""
    out = []
    for item in (explanation or {}).get("fields", []):
        name = str(item.get("field", ""))
        weight = float(item.get("weight", 0.0))
        words, side = verdict(weight)
        out.append(
            Reason(
                field=name,
                label=FIELD_LABELS.get(name, name.replace("_", " ").capitalize()),
                level=str(item.get("level", "")),
                weight=weight,
                verdict=words,
                side=side,
            )
        )
    return out


def odds(weight: float) -> tuple[float, int, bool]:
    """A match weight as "N times likelier" (or less likely) for one person: the factor,
    its decimals (none from 10 up) and whether it is likelier; the page writes the words."""
    factor = 2.0 ** max(-60.0, min(60.0, weight))
    likelier = factor >= 1
    shown = factor if likelier else 1 / factor
    return shown, 0 if shown >= 10 else 1, likelier
