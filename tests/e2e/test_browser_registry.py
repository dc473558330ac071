"""In headless Chromium: a forensic user logs in, opens a body, moves it to a morgue and
sees its chain of custody grow; the page loads nothing from outside the app.

Then the daily work of issue 17, at desktop width and at a phone's 390 px: a forensic
user's mistakes come back beside the field with the values kept, description items and
morgues are picked, a body opens from the reference box, the trench plan zooms and reads
on a phone; a family liaison is warned of a report made already (the same name in
another script); no staff page is wider than the phone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.test_browser_review import CHROMIUM, log_in, page
from tests.e2e.test_web_server import Server, prepared_database, serve
from tests.integration.builders import FakeExtractor, make_claim, make_report
from tollbook.domain.body import Body, Description
from tollbook.domain.grave import GravePosition, Morgue, Site, Trench
from tollbook.domain.missing import MissingReport
from tollbook.registry.access import Actor
from tollbook.services.ingest import ingest_reports
from tollbook.services.registry import add_body, add_morgue, add_report
from tollbook.services.setup import open_database
from tollbook.store.unit_of_work import UnitOfWork

__all__ = ["page"]  # the shared fixture (tests/e2e/conftest.py: one Chromium)

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason=f"no Chromium at {CHROMIUM}: `bash scripts/test.sh` installs Debian's chromium",
)


WIDTHS = [1280, 390]
#: a long sentence, as evidence is, to see that the claims list still fits a phone
EVIDENCE = (
    "At least 17 people were killed and 40 injured when a shell hit the city hospital in "
    "Mariupol on Wednesday, the deputy head of the regional military administration said."
)


#: A stand-in for a phone: a camera (a canvas's stream) and the browser's QR reader,
#: which reads the label of KHA-T02-0007 (as typed on the label: the reference only).
CAMERA_READING_A_LABEL = """
window.BarcodeDetector = class {
  static async getSupportedFormats() { return ["qr_code"]; }
  async detect(source) { return source.readyState >= 2 ? [{ rawValue: "KHA-T02-0007\\n" }] : []; }
};
navigator.mediaDevices.getUserMedia = async function () {
  var canvas = document.createElement("canvas");
  canvas.width = 64; canvas.height = 64;
  canvas.getContext("2d").fillRect(0, 0, 64, 64);
  return canvas.captureStream(5);
};
"""


def seed_daily_work(uow: UnitOfWork, team: Actor) -> None:
    """A trench with 24 bodies, a second morgue, a family's report, a machine claim."""
    with UnitOfWork(uow.engine) as store:
        store.registry.put_site(Site("W1", "Old Cemetery", 47.1, 37.5))
        store.registry.put_trench(Trench("W1-T01", "W1", 1, 30.0, 90.0, 47.1, 37.5))
        store.commit()
    add_morgue(uow, Morgue("M3", "Field morgue", 20), team)
    for n in range(1, 25):
        ref = f"KHA-T02-{100 + n:04d}"
        place = GravePosition(ref, "W1-T01", n, n * 1.2, date(2022, 3, 20))
        add_body(uow, Body(ref, Description("F", "adult", 160)), team, position=place)
    report = MissingReport(
        "FAM-1", family_name="Коваленко", given_name="Олександр",
        birth_date=date(1980, 5, 1), liaison="family_liaison",
    )  # fmt: skip
    add_report(uow, report, Actor("family_liaison", "family_liaison"))
    claim = make_claim("r1", evidence=EVIDENCE, evidence_start=0, attributed_to="the deputy head")
    claims = {"r1": [claim]}
    ingest_reports(uow, [make_report("r1", text=EVIDENCE)], FakeExtractor(claims))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    scratch = tmp_path_factory.mktemp("browser-registry")
    url = prepared_database(f"sqlite:///{scratch / 'tollbook.db'}")
    uow = open_database(url)
    try:
        team = Actor("team", "forensic")
        body = Body("KHA-T02-0007", Description("M", "adult", 178, ("jacket:green",)))
        add_body(uow, body, team, location="street")
        add_morgue(uow, Morgue("M2", "Hospital morgue", 40), team)
        seed_daily_work(uow, team)
    finally:
        uow.dispose()
    with serve(url, scratch) as running:
        yield running


def test_forensic_opens_a_body_moves_it_and_sees_the_custody_chain_grow(
    server: Server,
    page: Any,
) -> None:
    log_in(page, "forensic")
    page.click("header nav >> text=Bodies")
    page.wait_for_url(re.compile(r"/bodies$"))
    page.click("#bodies >> text=KHA-T02-0007")
    page.wait_for_url(re.compile(r"/bodies/KHA-T02-0007$"))
    assert page.inner_text("#body-status") == "recovered"
    chain = page.locator("#custody-chain tbody tr")
    assert chain.count() == 1
    assert page.locator("#label svg").count() == 1

    page.select_option("#move-form select[name=to_status]", "stored")
    page.fill("#move-form input[name=to_location]", "morgue:M2")
    page.fill("#move-form input[name=reason]", "taken in for examination")
    page.click("#move-body")
    page.wait_for_url(re.compile(r"done=moved"))
    assert page.inner_text("#body-status") == "stored"
    assert chain.count() == 2
    last = chain.nth(1).inner_text()
    assert "morgue:M2" in last and "taken in for examination" in last
    assert "forensic:forensic" in last
    assert "Moved" in page.inner_text("#done")

    page.goto("/morgues")
    assert "1" in page.locator("#morgues tbody tr", has_text="M2").inner_text()

    outside = [u for u in page.requested if not u.startswith(server.url)]
    assert outside == [], "the pages load nothing from outside the app"


def _fits(tab: Any, width: int) -> None:
    """The page is no wider than the screen (a table scrolls inside its own box)."""
    wide = tab.evaluate("document.documentElement.scrollWidth")
    assert wide <= width, f"{tab.url} is {wide} px wide on a {width} px screen"


@pytest.mark.parametrize("width", WIDTHS)
def test_forensic_mistakes_come_back_beside_the_field_and_pickers_fill_the_form(
    server: Server,
    page: Any,
    width: int,
) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    log_in(page, "forensic")
    page.goto("/bodies/new")
    _fits(page, width)
    ref = f"KHA-T09-{width:04d}"
    page.fill("input[name=body_ref]", "not a reference")
    page.select_option(".picker[data-target=clothing] select >> nth=0", "coat")
    page.select_option(".picker[data-target=clothing] select >> nth=1", "black")
    page.click(".picker[data-target=clothing] .add-item")
    page.select_option(".picker[data-target=clothing] select >> nth=0", "boots")
    page.click(".picker[data-target=clothing] .add-item")
    assert page.input_value("input[name=clothing]") == "coat:black; boots"
    page.fill("input[name=location]", "morgue:M3")
    assert page.locator("datalist#places option[value='morgue:M3']").count() == 1
    page.click("#add-body")
    beside = page.locator("label.invalid:has(input[name=body_ref]) .field-error")
    assert "is not a body reference" in beside.inner_text()
    assert page.input_value("input[name=clothing]") == "coat:black; boots"
    assert page.input_value("input[name=location]") == "morgue:M3"
    page.fill("input[name=body_ref]", ref)
    page.click("#add-body")
    page.wait_for_url(re.compile(rf"/bodies/{ref}\?done=added"))
    assert "coat:black; boots" in page.inner_text("#body-facts")
    assert "morgue:M3" in page.inner_text("#body-location")

    # a refused move (a morgue that does not exist) comes back on the body's page
    page.select_option("#move-form select[name=to_status]", "stored")
    page.fill("#move-form input[name=to_location]", "morgue:NOPE")
    page.fill("#move-form input[name=reason]", "taken in")
    page.click("#move-body")
    assert "NOPE" in page.inner_text("#form-problem")
    assert page.locator("#error-back").count() == 0, "the page itself, not an error page"
    assert page.input_value("#move-form input[name=reason]") == "taken in"
    assert page.input_value("#move-form input[name=to_location]") == "morgue:NOPE"
    assert page.locator("#move-form .field-error").count() == 1
    _fits(page, width)

    # the reference box in the header opens a body, typed in any case
    if width < 700:
        assert page.locator("header nav").is_hidden(), "the menu folds on a phone"
        page.click("label.menu-button")
        assert page.locator("header nav").is_visible()
        page.click("label.menu-button")
    page.fill("#find-ref", "kha-t02-0007 ")
    page.press("#find-ref", "Enter")
    page.wait_for_url(re.compile(r"/bodies/KHA-T02-0007$"))
    page.fill("#find-ref", "KHA-T02-9999")
    page.press("#find-ref", "Enter")
    assert "no body KHA-T02-9999" in page.inner_text("#find-problem")

    # the scan page: the camera's reader where the browser has one, else typing
    page.goto("/scan")
    has_reader = page.evaluate("'BarcodeDetector' in window")
    if not has_reader:
        assert page.locator("#scan-unsupported").is_visible()
    page.fill("#scan-type input[name=ref]", "KHA-T02-0007")
    page.click("#scan-type button")
    page.wait_for_url(re.compile(r"/bodies/KHA-T02-0007$"))
    # a browser that reads QR codes (Chromium on Linux has no reader: one that reads the
    # label's code from a stand-in camera takes its place), so the page's own script runs
    page.add_init_script(CAMERA_READING_A_LABEL)
    page.goto("/scan")
    page.wait_for_url(re.compile(r"/bodies/KHA-T02-0007$"))
    outside = [u for u in page.requested if not u.startswith(server.url)]
    assert outside == [], "the pages load nothing from outside the app"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_trench_plan_zooms_and_its_labels_read_on_a_phone(
    server: Server,
    page: Any,
    width: int,
) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    log_in(page, "forensic")
    page.goto("/graves/W1/trenches/W1-T01")
    _fits(page, width)
    plan = page.locator("#trench-plan svg")
    assert plan.locator("g.body").count() == 24
    label = plan.locator("text.ref").first
    assert label.bounding_box()["width"] >= 10, "a reference is drawn at text size"
    before = plan.bounding_box()["width"]
    page.click("#zoom-in")
    assert plan.bounding_box()["width"] == pytest.approx(before * 2, rel=0.02)
    page.click("#zoom-fit")
    box = page.locator("#trench-plan").bounding_box()
    assert plan.bounding_box()["width"] <= box["width"]
    _fits(page, width)
    page.click("#zoom-in")
    plan.locator("g.body a").nth(3).click()
    page.wait_for_url(re.compile(r"/bodies/KHA-T02-0104$"))


@pytest.mark.parametrize("width", WIDTHS)
def test_a_liaison_is_warned_of_a_report_made_already_and_pages_fit_the_phone(
    server: Server,
    page: Any,
    width: int,
) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    log_in(page, "family_liaison")
    page.goto("/inquiries/new")
    _fits(page, width)
    page.fill("input[name=family_name]", "Kovalenko")
    page.fill("input[name=given_name]", "Aleksandr")
    page.fill("input[name=birth_date]", "1981-02-03")
    page.fill("input[name=report_id]", f"FAM-{width}")
    page.click("#record-inquiry")
    warning = page.inner_text("#duplicates")
    assert "FAM-1" in warning and "Коваленко Олександр" in warning
    assert page.input_value("input[name=given_name]") == "Aleksandr"
    page.check("#not-a-duplicate")
    page.click("#record-inquiry")
    page.wait_for_url(re.compile(rf"/inquiries/FAM-{width}$"))
    _fits(page, width)

    if width > 700:
        return
    for who, paths in (
        ("recorder", ["/claims", "/incidents"]),
        ("forensic", ["/bodies", "/inquiries"]),
    ):
        page.context.clear_cookies()
        log_in(page, who)
        header = page.locator("header.top").bounding_box()
        assert header["height"] < 800 / 4, "the menu takes less than a quarter of the screen"
        for path in paths:
            page.goto(path)
            _fits(page, width)
