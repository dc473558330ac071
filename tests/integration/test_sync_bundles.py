"""Bundles between field sites and an office: any order, twice, conflicts kept."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.integration.sync_sites import (
    PNG,
    bundle,
    confirm,
    deliver,
    field_site,
    grade_incident_of,
    held,
    identify,
    missing,
    morgue,
    move,
    photograph,
    register,
    reject,
    report_with_claims,
    train_model,
)
from tollbook.services.review import edit_claim
from tollbook.services.sync import conflicts, export_bundle, settle_conflict, site_info
from tollbook.store.registry_tables import BodyPhotoRow, BodyRow, IdentificationRow
from tollbook.store.sync_tables import SyncChangeRow, SyncVersionRow
from tollbook.store.tables import AuditRow, ClaimRow, OverrideClaimRow, OverrideRow
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.sync.entities import ENTITIES


def _scene(template: Path, folder: Path) -> tuple[bytes, bytes, bytes]:
    """Two teams: team-1 registers bodies (b0); team-2 gets them and says so (c0);
    then both work apart, moving one body two ways and reviewing one claim two ways,
    team-1 grading the claim's incident, team-2 photographing a body
    (b1, b2: only what the other has not seen)."""
    with (
        field_site(template, folder, "team-1") as one,
        field_site(template, folder, "team-2") as two,
    ):
        morgue(one)
        register(one, "MAR-T01-0001", "MAR-T01-0002")
        (claim,) = report_with_claims(one, "r1")
        b0 = bundle(one)
        deliver(two, b0)
        deliver(one, bundle(two))  # team-1 learns what team-2 holds
        move(one, "MAR-T01-0002", "lab")
        move(two, "MAR-T01-0002", "school-basement")
        confirm(one, claim)
        grade_incident_of(one, claim, "contested")
        train_model(one)
        with two:
            (claim_two,) = two.session.scalars(select(ClaimRow.id)).all()
        reject(two, claim_two)
        register(two, "MAR-T02-0001")
        missing(two, "FAM-1", "Shevchenko")
        identify(two, "MAR-T02-0001", "FAM-1")
        photograph(two, "MAR-T02-0001", folder / "team-2-photos")
        b1 = bundle(one, for_site="team-2")
        b2 = bundle(two, for_site="team-1", photos=folder / "team-2-photos")
    return b0, b1, b2


@pytest.fixture(scope="module")
def scene(
    migrated_sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[bytes, bytes, bytes]:
    return _scene(migrated_sqlite_template, tmp_path_factory.mktemp("scene"))


def test_bundles_in_every_order_end_the_same(
    scene: tuple[bytes, bytes, bytes], migrated_sqlite_template: Path, tmp_path: Path
) -> None:
    results = []
    for number, order in enumerate(itertools.permutations(scene)):
        photos = tmp_path / f"office-{number}-photos"
        with field_site(migrated_sqlite_template, tmp_path, f"office-{number}") as office:
            for data in order:
                deliver(office, data, photos)
            state = held(office)
            queue = conflicts(office)
            with office:
                location = office.session.scalar(
                    select(BodyRow.location).where(BodyRow.ref == "MAR-T01-0002")
                )
                overrides = [
                    tuple(row)
                    for row in office.session.execute(
                        select(OverrideRow.action, OverrideRow.grade, OverrideRow.incident_id)
                    )
                ]
                named = office.session.scalars(
                    select(ClaimRow.low).join(
                        OverrideClaimRow, OverrideClaimRow.claim_id == ClaimRow.id
                    )
                ).all()
                (file_name,) = office.session.scalars(select(BodyPhotoRow.file_name)).all()
        assert overrides == [("grade", "contested", None)] and named == [17]
        assert (photos / file_name).read_bytes() == PNG  # checked by hash on arrival
        results.append((state, sorted((c.entity, len(c.versions)) for c in queue), location))
    first = results[0]
    assert first[0]["bodies"] and first[0]["custody_events"] and first[0]["identifications"]
    assert first[0]["incident_overrides"] and first[0]["body_photos"]
    assert first[0]["linkage_models"]
    assert len(first[0]["bodies"]) == 3
    assert ("bodies", 2) in first[1]  # the body moved two ways is a conflict, both kept
    assert any(entity in ("claim_reviews", "claims") for entity, _ in first[1])
    for other in results[1:]:
        assert other == first


def test_office_on_each_backend_matches_the_teams(
    scene: tuple[bytes, bytes, bytes],
    uow: UnitOfWork,
    migrated_sqlite_template: Path,
    tmp_path: Path,
) -> None:
    b0, b1, b2 = scene
    site_info(uow, "office")
    for data in (b2, b1, b0):
        deliver(uow, data)
    with field_site(migrated_sqlite_template, tmp_path, "other") as other:
        for data in (b0, b1, b2):
            deliver(other, data)
        assert held(other) == held(uow)


def test_a_bundle_imported_twice_changes_nothing(
    scene: tuple[bytes, bytes, bytes], migrated_sqlite_template: Path, tmp_path: Path
) -> None:
    b0, b1, b2 = scene
    with field_site(migrated_sqlite_template, tmp_path, "office") as office:
        for data in (b0, b1, b2):
            assert deliver(office, data) > 0
        with office:  # what the imports wrote is not queued as this site's changes
            queued = set(office.session.scalars(select(SyncChangeRow.entity)))
        assert queued == {"audit_log"}  # only the imports' own audit entries
        assert export_bundle(office).captured == 0  # what came in is not taken for a change
        before = held(office)
        with office:
            versions = office.session.scalar(select(func.count()).select_from(SyncVersionRow))
            audit = office.session.scalar(
                select(func.count()).select_from(AuditRow).where(AuditRow.action != "sync.import")
            )
        for data in (b2, b1, b0):
            assert deliver(office, data) == 0
        assert held(office) == before
        with office:
            assert (
                office.session.scalar(select(func.count()).select_from(SyncVersionRow)) == versions
            )
            assert (
                office.session.scalar(
                    select(func.count())
                    .select_from(AuditRow)
                    .where(AuditRow.action != "sync.import")
                )
                == audit
            )


def test_a_conflict_keeps_both_versions_until_a_person_settles_it(
    migrated_sqlite_template: Path, tmp_path: Path
) -> None:
    with (
        field_site(migrated_sqlite_template, tmp_path, "team-1") as one,
        field_site(migrated_sqlite_template, tmp_path, "team-2") as two,
    ):
        morgue(one)
        register(one, "MAR-T01-0001")
        deliver(two, bundle(one))
        move(one, "MAR-T01-0001", "lab")
        move(two, "MAR-T01-0001", "school-basement")
        deliver(one, bundle(two))
        deliver(two, bundle(one))
        for site in (one, two):
            (conflict,) = conflicts(site)
            places = sorted(v["payload"]["location"] for v in conflict.versions)
            assert places == ["lab", "school-basement"]
        (conflict,) = conflicts(one)
        basement = next(
            v["version"] for v in conflict.versions if v["payload"]["location"] != "lab"
        )
        settle_conflict(one, conflict.id, basement, actor="head of forensics")
        assert conflicts(one) == []
        deliver(two, bundle(one))
        assert conflicts(two) == []
        assert held(one) == held(two)
        with two:
            location = two.session.scalar(
                select(BodyRow.location).where(BodyRow.ref == "MAR-T01-0001")
            )
        assert location == "school-basement"


def test_two_identifications_of_one_body_are_both_kept_and_queued(
    migrated_sqlite_template: Path, tmp_path: Path
) -> None:
    with (
        field_site(migrated_sqlite_template, tmp_path, "team-1") as one,
        field_site(migrated_sqlite_template, tmp_path, "team-2") as two,
    ):
        register(one, "MAR-T01-0001")
        missing(one, "FAM-1", "Shevchenko")
        missing(one, "FAM-2", "Kovalenko")
        deliver(two, bundle(one))
        identify(one, "MAR-T01-0001", "FAM-1")
        identify(two, "MAR-T01-0001", "FAM-2")
        deliver(one, bundle(two))
        deliver(two, bundle(one))
        for site in (one, two):
            (conflict,) = conflicts(site)
            assert conflict.kind == "unique" and len(conflict.gids) == 2
            reports = sorted(v["payload"]["report_id"] for v in conflict.versions)
            assert reports == ["FAM-1", "FAM-2"]
            with site:
                stood = site.session.scalars(select(IdentificationRow.report_id)).all()
            assert len(stood) == 1
        assert held(one) == held(two)
        (conflict,) = conflicts(two)
        keep = conflict.gids[1]
        settle_conflict(two, conflict.id, keep, actor="head of forensics")
        deliver(one, bundle(two))
        for site in (one, two):
            assert conflicts(site) == []
            with site:
                (stood,) = site.session.scalars(select(IdentificationRow.report_id)).all()
            assert stood == conflict.versions[1]["payload"]["report_id"]
        assert held(one) == held(two)


def test_a_claim_edited_before_the_first_bundle_is_one_claim_at_the_office(
    migrated_sqlite_template: Path, tmp_path: Path
) -> None:
    """Two teams read in the same report; one corrects its claim before any bundle is
    made. The office gets one claim of the report (the two versions in conflict), not two."""
    with (
        field_site(migrated_sqlite_template, tmp_path, "team-1") as one,
        field_site(migrated_sqlite_template, tmp_path, "team-2") as two,
        field_site(migrated_sqlite_template, tmp_path, "office") as office,
    ):
        (claim,) = report_with_claims(one, "r1")
        report_with_claims(two, "r1")
        edit_claim(one, claim, {"low": 19}, "anna")
        for data in (bundle(one), bundle(two)):
            deliver(office, data)
        with office:
            lows = office.session.scalars(select(ClaimRow.low)).all()
        assert len(lows) == 1
        (conflict,) = [c for c in conflicts(office) if c.entity == "claims"]
        assert sorted(v["payload"]["low"] for v in conflict.versions) == [17, 19]


def test_every_table_that_travels_queues_its_changes(migrated_sqlite_template: Path) -> None:
    """Capture reads only the change queue: a table that travels without its triggers
    would never be sent."""
    import sqlite3

    with sqlite3.connect(migrated_sqlite_template) as db:
        triggers = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
    for entity in ENTITIES:
        tables = [entity.name] + ([entity.links.table.name] if entity.links else [])
        for table in tables:
            for event in ("ins", "upd", "del"):
                assert f"sync_changes_{table}_{event}" in triggers
