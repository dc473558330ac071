"""Field sites for the sync tests: SQLite copies of the migrated template, and what the
teams do on them (through the real services)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import insert, select

from tests.integration.builders import make_claim, make_report
from tollbook.domain.body import Body
from tollbook.domain.grave import Morgue
from tollbook.domain.missing import MissingReport
from tollbook.registry.access import Actor
from tollbook.services import review
from tollbook.services.matching import confirm_identification
from tollbook.services.registry.bodies import add_body, move_body
from tollbook.services.registry.graves import add_morgue
from tollbook.services.registry.missing import add_report
from tollbook.services.registry.photos import add_photo
from tollbook.services.sync import export_bundle, import_bundle, site_info, snapshot
from tollbook.store.database import make_engine
from tollbook.store.registry_tables import BodyRow
from tollbook.store.tables import IncidentClaimRow
from tollbook.store.unit_of_work import UnitOfWork

FORENSIC = Actor("anna", "forensic")
LIAISON = Actor("lev", "family_liaison")


@contextmanager
def field_site(template: Path, folder: Path, name: str) -> Iterator[UnitOfWork]:
    """A new field database (a copy of the migrated template) named ``name``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.db"
    shutil.copyfile(template, path)
    wal = template.with_name(template.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, path.with_name(path.name + "-wal"))
    engine = make_engine(f"sqlite:///{path}")
    uow = UnitOfWork(engine)
    site_info(uow, name)
    try:
        yield uow
    finally:
        engine.dispose()


def bundle(uow: UnitOfWork, for_site: str | None = None, photos: Path | None = None) -> bytes:
    return export_bundle(uow, for_site=for_site, photo_dir=photos).data


def deliver(uow: UnitOfWork, data: bytes, photos: Path | None = None) -> int:
    """Import a bundle; how many of its versions were new here."""
    return import_bundle(uow, data, "bundle", actor="courier", photo_dir=photos).new


#: A small PNG (its signature, then bytes of the test's own).
PNG = b"\x89PNG\r\n\x1a\n" + b"photo of MAR-T02-0001, taken by team-2"


def photograph(uow: UnitOfWork, ref: str, folder: Path) -> str:
    """Keep a photo of a body in ``folder``; its file name."""
    source = folder.parent / f"{ref}.png"
    source.write_bytes(PNG)
    return add_photo(uow, ref, source, folder, FORENSIC, "face").file_name


def grade_incident_of(uow: UnitOfWork, claim_id: int, grade: str) -> None:
    """Set the grade of the incident that counts the claim (an incident override)."""
    with uow:
        incident = uow.session.scalar(
            select(IncidentClaimRow.incident_id).where(IncidentClaimRow.claim_id == claim_id)
        )
    assert incident is not None
    review.set_grade(uow, incident, grade, "boris", "two sources disagree")


def held(uow: UnitOfWork) -> dict[str, dict[str, str]]:
    return snapshot(uow)


def body(ref: str, place: str = "Livoberezhnyi") -> Body:
    return Body(ref=ref, recovered_place=place, team=ref.split("-")[1])


def register(uow: UnitOfWork, *refs: str) -> None:
    for ref in refs:
        add_body(uow, body(ref), FORENSIC, location="morgue:M1")


def morgue(uow: UnitOfWork) -> None:
    add_morgue(uow, Morgue("M1", "City morgue", 80), FORENSIC)


def move(uow: UnitOfWork, ref: str, where: str) -> None:
    move_body(uow, ref, FORENSIC, to_status="stored", to_location=where, reason="moved")


def missing(uow: UnitOfWork, report_id: str, family: str) -> None:
    report = MissingReport(
        report_id=report_id,
        reported_on=date(2022, 3, 20),
        family_name=family,
        given_name="Olena",
        consent=("matching",),
        liaison="lev",
    )
    add_report(uow, report, LIAISON)


def identify(uow: UnitOfWork, ref: str, report_id: str) -> None:
    confirm_identification(uow, ref, report_id, "visual", FORENSIC)


def report_with_claims(uow: UnitOfWork, report_id: str) -> list[int]:
    now = datetime(2022, 3, 17, tzinfo=UTC)
    report = make_report(report_id)
    with uow:
        stored = uow.reports.add(report, ingested_at=now, ingested_by="anna")
        ids = uow.claims.add(stored, [make_claim(report_id)], extractor_version="t", created_at=now)
        uow.commit()
    return ids


def confirm(uow: UnitOfWork, claim_id: int) -> None:
    review.confirm_claim(uow, claim_id, "anna")


def reject(uow: UnitOfWork, claim_id: int) -> None:
    review.reject_claim(uow, claim_id, "not a toll", "boris")


Step = Callable[[UnitOfWork], None]


def many_bodies(uow: UnitOfWork, count: int) -> None:
    """``count`` bodies written straight to the table (a season of a team's work)."""
    at = datetime(2022, 3, 1, tzinfo=UTC)
    rows = [
        {
            "ref": f"MAR-T05-{i:06d}",
            "parent_ref": None,
            "status": "stored",
            "location": "morgue:M1",
            "apparent_sex": "MF"[i % 2],
            "apparent_age": "adult",
            "height_cm": 150 + i % 40,
            "clothing": ["coat:black"],
            "marks": [f"scar {i}"],
            "effects": [],
            "condition": "intact",
            "wrapped_in": "carpet",
            "recovered_place": f"street {i % 90}",
            "recovered_district": "Livoberezhnyi",
            "recovered_on": at.date(),
            "team": "T05",
            "label": "",
            "notes": "",
            "created_at": at,
            "created_by": "forensic:anna",
        }
        for i in range(count)
    ]
    with uow:
        uow.session.execute(insert(BodyRow), rows)
        uow.commit()


def train_model(uow: UnitOfWork) -> None:
    """Keep a (small, made-up) trained linkage model, as ``tollbook link`` does."""
    with uow:
        uow.linkage.add_model(
            {"m": [0.9, 0.1], "u": [0.05, 0.95]},
            engine="duckdb",
            link_type="dedupe_only",
            columns="family_name given_name",
            trained_on=120,
            at=datetime(2022, 3, 18, tzinfo=UTC),
            actor="anna",
        )
        uow.commit()
