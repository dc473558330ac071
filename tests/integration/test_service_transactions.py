"""Each use case is one transaction of the unit of work, and a refused one writes nothing.

Told by the fake unit of work (``tests/fakes.py``), which counts the transactions a
service commits and the ones it leaves without committing.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.fakes import FakeUnitOfWork
from tollbook.domain.body import Body, Description
from tollbook.registry.access import Actor
from tollbook.services import registry
from tollbook.services.incidents import get_incident, list_incidents
from tollbook.services.ingest import ingest_reports
from tollbook.services.review import ReviewError, confirm_claim, reject_claim
from tollbook.services.tolls import place_toll

from .builders import FakeExtractor, make_claim, make_report

FORENSIC = Actor("dr.k", "forensic")
BODY = Body("MAR-T03-0042", Description("F", "adult", 165, (), (), ()), label="Iryna")


def test_registering_a_body_is_one_transaction(fake_uow: FakeUnitOfWork) -> None:
    registry.add_body(fake_uow, BODY, FORENSIC, location="street")
    assert (fake_uow.opened, fake_uow.commits) == (1, 1)
    with pytest.raises(registry.RegistryError):
        registry.add_body(fake_uow, Body("not a reference", BODY.description), FORENSIC)
    assert (fake_uow.opened, fake_uow.commits) == (1, 1)  # refused before any transaction


def test_a_refused_change_commits_nothing(fake_uow: FakeUnitOfWork) -> None:
    with pytest.raises(ReviewError):
        confirm_claim(fake_uow, 99, actor="anna")  # no such claim
    assert (fake_uow.commits, fake_uow.uncommitted) == (0, 1)
    with pytest.raises(ReviewError):
        reject_claim(fake_uow, 1, reason=" ", actor="anna")
    assert (fake_uow.commits, fake_uow.uncommitted) == (0, 1)


def test_reviewing_a_claim_regroups_in_the_same_transaction(fake_uow: FakeUnitOfWork) -> None:
    claims = {"a": [make_claim("a", when="2022-03-09")]}
    report = make_report("a", published=date(2022, 3, 21))
    ingest_reports(fake_uow, [report], FakeExtractor(claims))
    assert fake_uow.commits == 2  # the report with its claims, then the grouping
    opened = fake_uow.opened
    confirm_claim(fake_uow, 1, actor="anna")
    assert (fake_uow.opened - opened, fake_uow.commits) == (1, 3)


def test_reads_commit_nothing(fake_uow: FakeUnitOfWork) -> None:
    claims = {"a": [make_claim("a", when="2022-03-09")]}
    ingest_reports(fake_uow, [make_report("a")], FakeExtractor(claims))
    before = fake_uow.commits
    [incident] = list_incidents(fake_uow)
    assert incident.id is not None
    get_incident(fake_uow, incident.id)
    place_toll(fake_uow, incident.place or "")
    assert fake_uow.commits == before
