"""Ingest reports: store each new report with the claims extracted from it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import NamedTuple

from sqlalchemy.exc import DataError, IntegrityError

from tollbook import __version__
from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.store.unit_of_work import UnitOfWork

#: Turns a report into its claims; the real one is ``tollbook.extract.extract_claims``.
Extractor = Callable[[Report], Sequence[Claim]]

#: Who the audit log names when the caller does not say.
UNKNOWN_ACTOR = "unknown"


class Duplicate(NamedTuple):
    """A report whose text was already stored, as the row ``existing_id``."""

    report_id: str
    existing_id: int


class Failure(NamedTuple):
    """A report that was not stored, and why."""

    report_id: str
    error: str


@dataclass
class IngestResult:
    stored: int = 0
    duplicates: list[Duplicate] = field(default_factory=list)
    claims_stored: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def seen(self) -> int:
        """How many reports were read, whatever became of them."""
        return self.stored + len(self.duplicates) + len(self.failures)


def ingest_reports(
    uow: UnitOfWork,
    reports: Iterable[Report],
    extractor: Extractor,
    actor: str | None = None,
    on_progress: Callable[[int], None] | None = None,
    *,
    extractor_version: str = __version__,
) -> IngestResult:
    """Store each report not seen before, with its claims, one transaction per report.

    A report whose text (SHA-256) is already stored is a duplicate: nothing is written
    for it. A report whose extraction raises, whose claims name another report, or whose
    rows the database refuses is a failure: nothing of it is written, and the batch goes
    on. Each stored report gets an ``ingest`` entry in the audit log. ``on_progress`` is
    called with the number of reports handled so far after each one. Once all are
    handled, the claims are regrouped into incidents and the grouping saved (one more
    transaction, audited as ``regroup`` when it changed), so that reads find it.

    ``uow`` must not be inside a ``with`` block: each report gets its own.
    """
    from tollbook.services.incidents import regroup

    result = IngestResult()
    for handled, report in enumerate(reports, start=1):
        _ingest_one(uow, report, extractor, actor, extractor_version, result)
        if on_progress is not None:
            on_progress(handled)
    if result.stored:
        regroup(uow, actor=actor)
    return result


def _ingest_one(
    uow: UnitOfWork,
    report: Report,
    extractor: Extractor,
    actor: str | None,
    extractor_version: str,
    result: IngestResult,
) -> None:
    existing = _stored_id(uow, report)
    if existing is not None:
        result.duplicates.append(Duplicate(report.id, existing))
        return
    try:
        claims = list(extractor(report))
    except Exception as error:  # the extractor is not ours to trust: record and go on
        result.failures.append(Failure(report.id, f"extraction failed: {_describe(error)}"))
        return
    strangers = sorted({claim.article for claim in claims if claim.article != report.id})
    if strangers:
        result.failures.append(
            Failure(report.id, f"extractor returned claims for other reports: {strangers}")
        )
        return
    bad_link = _bad_part_of(claims)
    if bad_link is not None:
        result.failures.append(Failure(report.id, bad_link))
        return
    try:
        claims_stored = _store(uow, report, claims, actor, extractor_version)
    except (IntegrityError, DataError) as error:
        existing = _stored_id(uow, report)
        if existing is not None:  # stored meanwhile by a concurrent ingest
            result.duplicates.append(Duplicate(report.id, existing))
        else:
            reason = _describe(error.orig) if error.orig is not None else str(error)
            result.failures.append(Failure(report.id, f"refused by the database: {reason}"))
        return
    result.stored += 1
    result.claims_stored += claims_stored


def _stored_id(uow: UnitOfWork, report: Report) -> int | None:
    with uow:
        return uow.reports.id_for_hash(report.text_sha256)


def _store(
    uow: UnitOfWork,
    report: Report,
    claims: list[Claim],
    actor: str | None,
    extractor_version: str,
) -> int:
    now = datetime.now(UTC)
    with uow:
        report_id = uow.reports.add(report, ingested_at=now, ingested_by=actor)
        claim_ids = uow.claims.add(
            report_id, claims, extractor_version=extractor_version, created_at=now
        )
        after: dict[str, object] = {
            "external_id": report.id,
            "text_sha256": report.text_sha256,
            "source": report.source,
            "claim_ids": claim_ids,
            "extractor_version": extractor_version,
        }
        links = {
            str(claim_ids[i]): claim_ids[c.part_of]
            for i, c in enumerate(claims)
            if c.part_of is not None
        }
        if links:
            after["part_of"] = links  # subgroup claim id -> the claim it is part of
        uow.audit.append(
            at=now,
            actor=actor or UNKNOWN_ACTOR,
            action="ingest",
            entity="report",
            entity_id=report_id,
            after=after,
        )
        uow.commit()
    return len(claim_ids)


def _bad_part_of(claims: list[Claim]) -> str | None:
    """Why the claims' subgroup links cannot be stored, or None: each ``part_of`` must
    be the position of another claim of the same report, with no loop."""
    for index, claim in enumerate(claims):
        target = claim.part_of
        if target is None:
            continue
        if isinstance(target, bool) or not isinstance(target, int):
            return f"claim {index}: field 'part_of': {target!r} is not a claim position"
        if not 0 <= target < len(claims) or target == index:
            return (
                f"claim {index}: field 'part_of': {target} is not another claim of this "
                f"report (it has {len(claims)})"
            )
    for index in range(len(claims)):
        seen = {index}
        node = claims[index].part_of
        while node is not None:
            if node in seen:
                return f"claim {index}: field 'part_of': the links form a loop"
            seen.add(node)
            node = claims[node].part_of
    return None


def _describe(error: BaseException) -> str:
    message = str(error).strip().splitlines()
    return f"{type(error).__name__}: {message[0]}" if message else type(error).__name__
