"""In headless Chromium: a family liaison logs in, records a family's report through the
form, opens it and sees the candidate bodies with each feature explained."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from tests.e2e.test_browser_review import CHROMIUM, log_in, page, pytestmark
from tests.e2e.test_web_server import Server, prepared_database, serve
from tollbook.domain.body import Body, Description
from tollbook.domain.missing import MissingReport
from tollbook.registry.access import Actor
from tollbook.services import matching, registry
from tollbook.services.setup import open_database

__all__ = ["CHROMIUM", "page", "pytestmark"]

BODY_REF = "MAR-T03-0042"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    scratch = tmp_path_factory.mktemp("browser-inquiries")
    url = prepared_database(f"sqlite:///{scratch / 'tollbook.db'}")
    uow = open_database(url)
    try:
        body = Body(
            BODY_REF,
            Description("F", "adult", 165, ("coat:black",), (), ("keys",)),
            recovered_district="Tsentr",
            recovered_on=date(2022, 3, 12),
        )
        registry.add_body(uow, body, Actor("forensic", "forensic"), location="street")
    finally:
        uow.dispose()
    with serve(url, scratch) as running:
        yield running


def test_a_liaison_records_a_report_and_the_forensic_team_sees_its_candidates(
    server: Server, page: Any
) -> None:
    log_in(page, "family_liaison")
    page.click("header >> text=Inquiries")
    page.wait_for_url(re.compile(r"/inquiries$"))
    assert "No reports" in page.inner_text("#inquiries")

    page.click("text=Record a family's report")
    page.fill("input[name=family_name]", "Koval")
    page.fill("input[name=given_name]", "Iryna")
    page.select_option("select[name=sex]", "F")
    page.fill("input[name=age]", "40")
    page.fill("input[name=height_cm]", "165")
    page.fill("input[name=last_seen_date]", "2022-03-10")
    page.fill("input[name=last_seen_place]", "Tsentr")
    page.fill("input[name=clothing]", "coat:black")
    page.fill("input[name=effects]", "keys")
    page.fill("input[name=report_id]", "FAM-B1")
    assert not page.is_checked("input[name=consent][value=matching]")  # consent is asked
    page.check("input[name=consent][value=matching]")
    assert page.inner_text("#liaison") == "family_liaison"
    page.click("#record-inquiry")
    page.wait_for_url(re.compile(r"/inquiries/FAM-B1$"))

    assert page.inner_text("#inquiry-stage") == "open"
    assert "Nothing on this page tells the family" in page.inner_text("#nothing-automatic")
    assert "forensic team" in page.inner_text("#forensic-only")
    assert page.locator("#candidates .candidate").count() == 0
    assert BODY_REF not in page.content()

    page.click("text=All inquiries")
    assert "FAM-B1" in page.inner_text("#inquiries")

    page.click("text=Log out")
    log_in(page, "forensic")
    page.goto("/inquiries/FAM-B1")
    candidates = page.locator("#candidates .candidate")
    assert candidates.count() == 1
    first = candidates.first.inner_text()
    assert BODY_REF in first and "effects: keys" in first and "sex F vs F" in first
    assert page.locator(f"#candidates a[href='/bodies/{BODY_REF}']").count() == 1
    assert all(url.startswith(server.url) for url in page.requested)


@pytest.mark.parametrize("width", [1280, 390])
def test_a_liaison_closes_a_case_as_found_alive(server: Server, page: Any, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    log_in(page, "family_liaison")
    report_id = f"FAM-ALIVE-{width}"
    page.goto("/inquiries/new")
    page.fill("input[name=family_name]", "Melnyk")
    page.fill("input[name=report_id]", report_id)
    page.click("#record-inquiry")
    page.wait_for_url(re.compile(rf"/inquiries/{report_id}$"))
    page.fill("#found-alive-form input[name=found_by]", "her neighbour")
    page.fill("#found-alive-form input[name=found_on]", "2022-04-01")
    page.fill("#found-alive-form input[name=how]", "seen at the shelter")
    page.click("#record-alive")
    page.wait_for_url(re.compile(rf"/inquiries/{report_id}\?alive=1$"))
    assert page.inner_text("#inquiry-stage") == "found alive"
    assert "seen at the shelter" in page.inner_text("#inquiry-history")
    assert page.locator("#found-alive-form").count() == 0
    page.goto("/inquiries?status=open")
    assert report_id not in page.inner_text("#inquiries")


@pytest.mark.parametrize("width", [1280, 390])
def test_a_revoked_identification_alerts_the_liaison_and_a_release_is_recorded(
    server: Server, page: Any, width: int
) -> None:
    ref, other_ref, report_id = f"MAR-T07-{width:04d}", f"MAR-T08-{width:04d}", f"REV-{width}"
    forensic = Actor("forensic", "forensic")
    uow = open_database(server.database_url)
    try:
        for one in (ref, other_ref):
            registry.add_body(uow, Body(one, Description("F", "adult")), forensic)
        registry.add_report(
            uow,
            MissingReport(report_id, family_name="Koval"),
            Actor("family_liaison", "family_liaison"),
        )
        matching.confirm_identification(uow, ref, report_id, "visual", forensic)
    finally:
        uow.dispose()
    page.set_viewport_size({"width": width, "height": 800})
    log_in(page, "forensic")
    page.goto(f"/bodies/{ref}")
    page.fill("#revoke-form input[name=reason]", "dental records differ")
    page.click("#revoke-form button[type=submit]")
    page.wait_for_url(re.compile(rf"/bodies/{ref}\?done=revoked$"))
    assert page.inner_text("#body-status") == "recovered"
    page.click("text=Log out")

    log_in(page, "family_liaison")
    page.goto("/inquiries")
    alert = page.inner_text("#alerts")
    assert report_id in alert and "dental records differ" in alert and "do not tell them" in alert
    page.click("text=Log out")

    uow = open_database(server.database_url)
    try:
        matching.confirm_identification(uow, other_ref, report_id, "dna", forensic)
    finally:
        uow.dispose()
    log_in(page, "forensic")
    page.goto(f"/bodies/{other_ref}")
    page.fill("#release-form input[name=to_whom]", "Koval Olena, sister")
    page.fill("#release-form input[name=released_on]", "2022-04-09")
    page.click("#release-form button[type=submit]")
    page.wait_for_url(re.compile(rf"/bodies/{other_ref}\?done=released$"))
    assert page.inner_text("#body-status") == "released"
    assert "Koval Olena, sister" in page.inner_text("#custody-chain")


@pytest.mark.parametrize("width", [1280, 390])
def test_an_admin_hands_a_case_over_and_the_liaison_sees_its_body(
    server: Server, page: Any, width: int
) -> None:
    ref, report_id = f"MAR-T09-{width:04d}", f"HAND-{width}"
    forensic = Actor("forensic", "forensic")
    uow = open_database(server.database_url)
    try:
        registry.add_body(uow, Body(ref, Description("M", "adult"), label="on the wrap"), forensic)
        registry.add_report(uow, MissingReport(report_id, family_name="Bondar"), forensic)
        matching.confirm_identification(uow, ref, report_id, "dna", forensic)
    finally:
        uow.dispose()
    page.set_viewport_size({"width": width, "height": 800})
    log_in(page, "admin")
    page.goto("/inquiries")
    page.fill("#reassign-form input[name=report_ids]", report_id)
    page.fill("#reassign-form input[name=to_liaison]", "family_liaison")
    page.click("#reassign-form button[type=submit]")
    assert "1 cases handed over" in page.inner_text("#reassigned")
    page.click("text=Log out")

    log_in(page, "family_liaison")
    page.goto(f"/inquiries/{report_id}")
    page.click(f"#identification a[href='/bodies/{ref}']")
    page.wait_for_url(re.compile(rf"/bodies/{ref}$"))
    assert "on the wrap" in page.inner_text("#body-facts")
    assert page.locator("#move-form, #revoke-form, #release-form").count() == 0
