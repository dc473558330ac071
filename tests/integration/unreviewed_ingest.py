"""Reports stored as a new user stores them, for the scenario tests: the real extractor, no
review, then the place's toll."""

from __future__ import annotations

from collections.abc import Sequence

from tollbook.domain.report import Report
from tollbook.domain.toll import Toll
from tollbook.extract import EXTRACTOR_VERSION, extract_claims
from tollbook.services.claims import list_claims
from tollbook.services.ingest import ingest_reports
from tollbook.services.tolls import place_toll
from tollbook.store.database import make_engine
from tollbook.store.migrate import upgrade
from tollbook.store.records import StoredClaim
from tollbook.store.unit_of_work import UnitOfWork

Stored = tuple[Toll, dict[int, StoredClaim]]


def ingest_unreviewed(url: str, reports: Sequence[Report], place: str) -> Stored:
    """Migrate the database at ``url``, ingest ``reports`` (every one stored, no claim
    reviewed) and return ``place``'s toll with the stored claims by id."""
    upgrade(url)
    engine = make_engine(url)
    try:
        uow = UnitOfWork(engine)
        result = ingest_reports(uow, reports, extract_claims, extractor_version=EXTRACTOR_VERSION)
        assert (result.stored, result.failures) == (len(reports), [])
        claims = {c.id: c for c in list_claims(uow)}
        assert all(c.review_status == "unreviewed" for c in claims.values())
        return place_toll(uow, place), claims
    finally:
        engine.dispose()
