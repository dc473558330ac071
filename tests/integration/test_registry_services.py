"""Registry use cases on SQLite and PostgreSQL: custody, privacy, matching, identification."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tollbook.domain.body import Body, Description
from tollbook.domain.grave import GravePosition, Morgue, Site, Trench
from tollbook.domain.missing import MissingReport
from tollbook.exchange.pfif import read_pfif
from tollbook.registry.access import AccessDenied, Actor
from tollbook.services import matching, registry
from tollbook.services.registry import RegistryError
from tollbook.store.unit_of_work import UnitOfWork

FORENSIC = Actor("dr.k", "forensic")
LIAISON = Actor("olha", "family_liaison")
OTHER_LIAISON = Actor("petro", "family_liaison")
VIEWER = Actor("v", "viewer")


def _setup(uow: UnitOfWork) -> None:
    with UnitOfWork(uow.engine) as store:
        store.registry.put_site(Site("S1", "Old Cemetery", 47.6, 36.4))
        store.registry.put_trench(Trench("S1-T01", "S1", 1, 30.0, 50.0, 47.6, 36.4))
        store.commit()
    registry.add_morgue(uow, Morgue("M1", "City morgue", 1), FORENSIC)
    body = Body(
        "MAR-T03-0042",
        Description("F", "adult", 165, ("coat:black",), (), ("keys",)),
        recovered_district="Tsentr",
        recovered_on=date(2022, 3, 12),
        label="Iryna",
    )
    registry.add_body(uow, body, FORENSIC, location="street")
    report = MissingReport(
        "M1",
        sex="F",
        age=40,
        last_seen_date=date(2022, 3, 10),
        last_seen_place="Tsentr",
        height_cm=165,
        clothing=("coat:black",),
        effects=("keys",),
        family_name="Koval",
        given_name="Iryna",
        consent=("matching", "sharing"),
    )
    registry.add_report(uow, report, LIAISON)


def test_custody_chain_morgue_capacity_and_graves(uow: UnitOfWork) -> None:
    _setup(uow)
    registry.move_body(
        uow,
        "MAR-T03-0042",
        FORENSIC,
        to_status="stored",
        to_location="morgue:M1",
        reason="to morgue",
    )
    assert registry.morgue_occupancy(uow)[0][1] == 1
    registry.add_body(uow, Body("MAR-T03-0043"), FORENSIC)
    with pytest.raises(RegistryError, match="full"):
        registry.move_body(
            uow,
            "MAR-T03-0043",
            FORENSIC,
            to_status="stored",
            to_location="morgue:M1",
            reason="to morgue",
        )
    with pytest.raises(RegistryError, match="cannot become"):
        registry.move_body(
            uow, "MAR-T03-0042", FORENSIC, to_status="exhumed", to_location="x", reason="?"
        )
    registry.move_body(
        uow,
        "MAR-T03-0042",
        FORENSIC,
        to_status="buried",
        to_location="",
        reason="burial",
        position=GravePosition("MAR-T03-0042", "S1-T01", 1, 0.4),
    )
    chain = registry.custody_chain(uow, "MAR-T03-0042", FORENSIC)
    assert [e.to_status for e in chain] == ["recovered", "stored", "buried"]
    _trench, placed = registry.trench_contents(uow, "S1-T01")
    assert placed[0][0].ref == "MAR-T03-0042" and placed[0][1] == "buried"
    part = registry.add_part(uow, "MAR-T03-0042", Description(), FORENSIC)
    assert part == "MAR-T03-0042-P01"


def test_privacy_and_every_view_is_audited(uow: UnitOfWork, tmp_path: Path) -> None:
    _setup(uow)
    photo = tmp_path / "p.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + b"x" * 100)
    kept = registry.add_photo(uow, "MAR-T03-0042", photo, tmp_path / "photos", FORENSIC)
    assert (tmp_path / "photos" / kept.file_name).read_bytes() == photo.read_bytes()
    bad = tmp_path / "bad.jpg"
    bad.write_text("not an image")
    with pytest.raises(RegistryError, match="not a JPEG"):
        registry.add_photo(uow, "MAR-T03-0042", bad, tmp_path / "photos", FORENSIC)

    view = registry.view_body(uow, "MAR-T03-0042", FORENSIC)
    assert view.body.label == "Iryna" and len(view.photos) == 1
    recorder = registry.view_body(uow, "MAR-T03-0042", Actor("r", "recorder"))
    assert recorder.body.label == "" and recorder.photos == ()
    with pytest.raises(AccessDenied):
        registry.view_body(uow, "MAR-T03-0042", LIAISON)
    with pytest.raises(AccessDenied):
        registry.view_body(uow, "MAR-T03-0042", VIEWER)
    with pytest.raises(AccessDenied):
        registry.view_report(uow, "M1", OTHER_LIAISON)
    assert registry.view_report(uow, "M1", LIAISON).report.given_name == "Iryna"
    with uow:
        views = [e for e in uow.audit.entries(entity="body") if e.action == "view"]
    assert len(views) == 2


def test_match_confirm_notify_and_pfif(uow: UnitOfWork, tmp_path: Path) -> None:
    _setup(uow)
    found = matching.bodies_for_report(uow, "M1", FORENSIC)
    assert found.candidates[0].key == "MAR-T03-0042"
    assert matching.reports_for_body(uow, "MAR-T03-0042", FORENSIC).candidates[0].key == "M1"
    with pytest.raises(AccessDenied):
        matching.bodies_for_report(uow, "M1", LIAISON)
    with pytest.raises(AccessDenied):
        matching.confirm_identification(uow, "MAR-T03-0042", "M1", "dna", LIAISON)

    def dead_notes() -> list[str]:
        persons, _ = read_pfif(registry.export_pfif(uow, LIAISON), "x")
        return [n.status for p in persons for n in p.notes]

    matching.confirm_identification(uow, "MAR-T03-0042", "M1", "dna", FORENSIC)
    assert dead_notes() == []  # confirmed, but the family has not been told
    with pytest.raises(AccessDenied):
        matching.record_family_notification(uow, "M1", OTHER_LIAISON)
    told = matching.record_family_notification(uow, "M1", LIAISON)
    assert told.notified_by == str(LIAISON)
    assert dead_notes() == ["believed_dead"]
    assert registry.view_body(uow, "MAR-T03-0042", LIAISON).identified_as == "M1"

    xml = tmp_path / "in.xml"
    xml.write_bytes(
        registry.export_pfif(uow, LIAISON, domain="other.org").replace(
            b"other.org/M1", b"other.org/X9"
        )
    )
    result = registry.import_pfif(uow, xml, FORENSIC, consent=("matching",))
    assert (result.added, result.problems) == (1, [])
    with UnitOfWork(uow.engine) as store:
        assert store.registry.report("other.org/X9") is not None
        assert store.registry.identification(report_id="other.org/X9") is None
