"""The life of a case on SQLite and PostgreSQL: found alive, an identification revoked,
cases reassigned, a body released; each audited, none telling a family anything."""

from __future__ import annotations

from datetime import date

import pytest

from tests.integration.test_registry_services import FORENSIC, LIAISON, OTHER_LIAISON, _setup
from tollbook.exchange.pfif import read_pfif
from tollbook.registry.access import AccessDenied, Actor
from tollbook.services import matching, registry
from tollbook.services.accounts import add_user
from tollbook.services.registry import RegistryError
from tollbook.store.unit_of_work import UnitOfWork

ADMIN = Actor("root", "admin")
REF = "MAR-T03-0042"


def _actions(uow: UnitOfWork, entity: str) -> list[str]:
    with UnitOfWork(uow.engine) as store:
        return [e.action for e in store.audit.entries(entity=entity)]


def test_found_alive_closes_the_case_and_no_death_can_follow(uow: UnitOfWork) -> None:
    _setup(uow)
    with pytest.raises(AccessDenied):
        registry.found_alive(
            uow, "M1", OTHER_LIAISON, found_by="x", found_on=date(2022, 4, 1), how="seen"
        )
    with pytest.raises(RegistryError, match="how"):
        registry.found_alive(
            uow, "M1", LIAISON, found_by="her sister", found_on=date(2022, 4, 1), how=" "
        )
    event = registry.found_alive(
        uow, "M1", LIAISON, found_by="her sister", found_on=date(2022, 4, 1), how="phoned from Lviv"
    )
    assert event.detail == {
        "found_by": "her sister",
        "found_on": "2022-04-01",
        "how": "phoned from Lviv",
    }
    assert registry.list_missing_reports(uow, LIAISON, status="open") == []
    [case] = registry.list_missing_reports(uow, LIAISON, status="alive")
    assert case.stored.status == "closed"
    _, history = registry.report_history(uow, "M1", LIAISON)
    assert [e.what for e in history] == ["recorded", "found alive"]
    assert "phoned from Lviv" in history[-1].detail
    assert "found_alive" in _actions(uow, "missing_report")
    with pytest.raises(RegistryError, match="found alive"):
        matching.confirm_identification(uow, REF, "M1", "dna", FORENSIC)
    with pytest.raises(RegistryError, match="found alive"):
        matching.bodies_for_report(uow, "M1", FORENSIC)
    with pytest.raises(RegistryError, match="no confirmed identification"):
        matching.record_family_notification(uow, "M1", LIAISON, notes="told")
    assert matching.reports_for_body(uow, REF, FORENSIC).compared == 0
    persons, _ = read_pfif(registry.export_pfif(uow, LIAISON), "export.xml")
    assert [n.status for n in persons[0].notes] == ["believed_alive"]
    with pytest.raises(RegistryError, match="not open"):
        registry.found_alive(uow, "M1", LIAISON, found_by="a", found_on=date(2022, 4, 2), how="b")


def test_revoking_an_identification_reopens_the_case_and_alerts_the_liaison(
    uow: UnitOfWork,
) -> None:
    _setup(uow)
    registry.move_body(uow, REF, FORENSIC, to_status="stored", to_location="morgue:M1", reason="in")
    matching.confirm_identification(uow, REF, "M1", "visual", FORENSIC)
    with pytest.raises(RegistryError, match="revokes that identification first"):
        registry.found_alive(uow, "M1", LIAISON, found_by="a", found_on=date(2022, 4, 2), how="b")
    matching.record_family_notification(uow, "M1", LIAISON, notes="told at home")
    for who in (LIAISON, ADMIN):
        with pytest.raises(AccessDenied):
            registry.revoke_identification(uow, REF, who, reason="wrong")
    with pytest.raises(RegistryError, match="reason"):
        registry.revoke_identification(uow, REF, FORENSIC, reason="  ")

    event = registry.revoke_identification(uow, REF, FORENSIC, reason="dental records differ")
    assert event.alerted == "olha" and event.detail["correct_in_person"] is True
    with UnitOfWork(uow.engine) as store:
        body = store.registry.body(REF)
        assert body is not None and (body.status, body.location) == ("stored", "morgue:M1")
        assert store.registry.identification(ref=REF) is None
        last = store.registry.custody(REF)[-1]
        assert (last.from_status, last.to_status) == ("identified", "stored")
    [case] = registry.list_missing_reports(uow, LIAISON, status="open")
    assert case.identification is None
    [alert] = registry.liaison_alerts(uow, LIAISON)
    assert alert.detail["reason"] == "dental records differ" and alert.detail["family_told_by"]
    assert registry.liaison_alerts(uow, OTHER_LIAISON) == []
    assert "revoke_identification" in _actions(uow, "identification")
    with pytest.raises(RegistryError, match="not identified"):
        registry.revoke_identification(uow, REF, FORENSIC, reason="again")
    # the body may be identified again, rightly this time, and a pending notice is gone
    matching.confirm_identification(uow, REF, "M1", "dna", FORENSIC)
    registry.revoke_identification(uow, REF, FORENSIC, reason="dna sample mixed up")
    with pytest.raises(RegistryError, match="no confirmed identification"):
        matching.record_family_notification(uow, "M1", LIAISON, notes="told")
    assert registry.liaison_alerts(uow, LIAISON)[0].detail["correct_in_person"] is False
    # a PFIF export corrects a death it may have shared: one believed_missing note, no
    # believed_dead (the second revocation was never told, so it needs no correction)
    persons, _ = read_pfif(registry.export_pfif(uow, LIAISON), "export.xml")
    assert [n.status for n in persons[0].notes] == ["believed_missing"]


def test_an_admin_reassigns_cases_to_another_liaison(uow: UnitOfWork) -> None:
    _setup(uow)
    add_user(uow, "petro", "family_liaison", "a long enough pass phrase 7", "test")
    add_user(uow, "dr.x", "forensic", "a long enough pass phrase 7", "test")
    with pytest.raises(AccessDenied):
        registry.reassign_cases(uow, LIAISON, from_liaison="olha", to_liaison="petro")
    with pytest.raises(RegistryError, match="no active family-liaison account"):
        registry.reassign_cases(uow, ADMIN, from_liaison="olha", to_liaison="dr.x")
    with pytest.raises(RegistryError, match="not a case of olha"):
        registry.reassign_cases(
            uow, ADMIN, from_liaison="olha", to_liaison="petro", report_ids=("M9",)
        )
    assert registry.list_missing_reports(uow, OTHER_LIAISON) == []
    moved = registry.reassign_cases(uow, ADMIN, from_liaison="olha", to_liaison="petro")
    assert moved == ["M1"]
    assert [
        c.stored.report.report_id for c in registry.list_missing_reports(uow, OTHER_LIAISON)
    ] == ["M1"]
    assert registry.list_missing_reports(uow, LIAISON) == []
    with pytest.raises(AccessDenied):
        registry.view_report(uow, "M1", LIAISON)
    _, history = registry.report_history(uow, "M1", OTHER_LIAISON)
    assert history[-1].what == "handed to another liaison"
    assert "reassign_cases" in _actions(uow, "missing_report")
    with pytest.raises(RegistryError, match="has no case"):
        registry.reassign_cases(uow, ADMIN, from_liaison="olha", to_liaison="petro")


def test_an_identified_body_is_released_to_the_family(uow: UnitOfWork) -> None:
    _setup(uow)
    with pytest.raises(RegistryError, match="not identified"):
        registry.release_body(
            uow, REF, FORENSIC, to_whom="her sister", released_on=date(2022, 4, 5)
        )
    matching.confirm_identification(uow, REF, "M1", "dna", FORENSIC)
    with pytest.raises(AccessDenied):
        registry.release_body(uow, REF, LIAISON, to_whom="her sister", released_on=date(2022, 4, 5))
    with pytest.raises(RegistryError, match="future"):
        registry.release_body(
            uow, REF, FORENSIC, to_whom="her sister", released_on=date(2999, 1, 1)
        )
    event = registry.release_body(
        uow, REF, FORENSIC, to_whom="Koval Olena (sister)", released_on=date(2022, 4, 5)
    )
    assert event.to_status == "released" and event.to_location == "family: Koval Olena (sister)"
    assert "2022-04-05" in event.reason
    _, history = registry.report_history(uow, "M1", LIAISON)
    assert history[-1].what == "body released" and "Koval Olena" in history[-1].detail
    assert "release_body" in _actions(uow, "body")
    with pytest.raises(RegistryError, match="cannot become released"):
        registry.release_body(uow, REF, FORENSIC, to_whom="x", released_on=date(2022, 4, 6))
    with pytest.raises(RegistryError, match="only an identified body not yet released"):
        registry.revoke_identification(uow, REF, FORENSIC, reason="wrong")
