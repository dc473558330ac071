"""In headless Chromium (Debian's, at /usr/bin/chromium): log in, paste a report, review
its claim, and see the toll change; then publish it and see it as the public does."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.chromium import CHROMIUM
from tests.e2e.test_web_server import PASSWORD, Server, prepared_database, serve

REPORT = (
    "MARIUPOL, March 16 - At least 17 people were killed and 40 injured when a shell hit "
    "the city hospital in Mariupol on Wednesday, the city council said. "
    "Rescue work went on through the night."
)

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason=f"no Chromium at {CHROMIUM}: `bash scripts/test.sh` installs Debian's chromium",
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    scratch = tmp_path_factory.mktemp("browser")
    url = prepared_database(f"sqlite:///{scratch / 'tollbook.db'}")
    with serve(url, scratch) as running:
        yield running


@pytest.fixture
def page(server: Server, browser: Any) -> Iterator[Any]:
    context = browser.new_context(base_url=server.url)
    opened = context.new_page()
    opened.set_default_timeout(20_000)
    requested: list[str] = []
    opened.on("request", lambda request: requested.append(request.url))
    opened.requested = requested
    try:
        yield opened
    finally:
        context.close()


def log_in(page: Any, username: str) -> None:
    page.goto("/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/$"))


def reviewed_toll(page: Any, place: str) -> tuple[str, str]:
    page.goto(f"/tolls/{place}")
    return page.inner_text("#toll-documented"), page.inner_text("#toll-reviewed")


def test_log_in_paste_a_report_review_its_claim_and_see_the_toll_change(
    server: Server, page: Any, tmp_path: Path
) -> None:
    log_in(page, "recorder")
    assert "recorder" in page.inner_text("header")

    page.goto("/reports/new")
    page.fill("input[name=title]", "Hospital shelled")
    page.fill("input[name=published]", "2022-03-16")
    page.fill("textarea[name=text]", REPORT)
    page.click("text=Store and extract claims")
    page.wait_for_url(re.compile(r"/reports/\d+$"))
    marks = page.locator("#report-text mark.claim")
    assert marks.count() == 1  # the killed and injured claims share one sentence
    assert "At least 17 people were killed" in marks.first.inner_text()
    assert marks.first.get_attribute("data-claims").count(" ") == 1

    assert reviewed_toll(page, "Mariupol") == ("17", "0")

    page.go_back()  # to the report: open its killed claim
    page.locator("tr", has_text="killed").locator("a").first.click()
    page.wait_for_url(re.compile(r"/claims/\d+"))
    claim_url = page.url.split("?")[0]
    assert page.inner_text("#review-status") == "unreviewed"
    assert page.locator("mark.claim.current").count() == 1
    page.click("#confirm-claim")
    page.wait_for_url(re.compile(r"done=confirmed"))
    assert page.inner_text("#review-status") == "confirmed"
    assert reviewed_toll(page, "Mariupol") == ("17", "17")

    page.goto(claim_url)
    page.fill("input[name=low]", "20")
    page.locator("form[action$='/edit'] input[name=note]").fill("hospital staff recount")
    page.click("#edit-claim")
    page.wait_for_url(re.compile(r"done=edited"))
    assert page.inner_text("#claim-figure").startswith("≥20")
    assert reviewed_toll(page, "Mariupol") == ("20", "20")
    page.screenshot(path=str(tmp_path / "toll.png"), full_page=True)

    page.click("#publish-toll")
    page.wait_for_url(re.compile(r"published=\d+"))
    page.click("text=Log out")
    page.goto("/")
    assert "20" in page.inner_text("table")
    page.click("text=Mariupol")
    assert page.inner_text("#public-figure") == "20"
    assert "city council" not in page.content()

    local = [u for u in page.requested if not u.startswith(server.url)]
    assert local == [], "the pages load nothing from outside the app"


def test_a_viewer_sees_figures_but_no_review_forms_or_sources(server: Server, page: Any) -> None:
    log_in(page, "viewer")
    nav = page.inner_text("header nav")
    assert "Tolls" in nav and "Reports" not in nav and "Review" not in nav
    page.goto("/reports/new")
    assert "403" in page.inner_text("h1")


def test_on_a_phone_select_every_claim_and_confirm_them_in_one_action(
    server: Server, page: Any
) -> None:
    page.set_viewport_size({"width": 375, "height": 740})
    log_in(page, "recorder")
    page.goto("/reports/new")
    page.fill("textarea[name=text]", REPORT.replace("Mariupol", "Izium").replace("17", "8"))
    page.click("text=Store and extract claims")
    page.goto("/claims?place=Izium")
    boxes = page.locator('#bulk-review input[name="claim_id"]')
    assert boxes.count() >= 2  # killed and injured
    page.check("#select-all")
    assert all(boxes.nth(i).is_checked() for i in range(boxes.count()))
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= 376, f"the claims list is {wide}px wide on a 375px screen"
    page.fill("#bulk-review input[name=reason]", "checked with the governor's office")
    page.click("#bulk-confirm")
    page.wait_for_url(re.compile(r"done="))
    assert "confirmed" in page.inner_text("[role=status]")
    assert page.locator('#bulk-review input[name="claim_id"]').count() == 0  # none left


@pytest.mark.parametrize("width", [1280, 390])
def test_a_mistyped_correction_comes_back_and_the_public_gets_a_chart_files_and_a_map(
    server: Server, page: Any, width: int
) -> None:
    """After the first test published Mariupol: a recorder's mistyped figure comes back
    on the claim's page beside its field; then anyone sees the published toll's chart,
    downloads its figures (CSV with HXL hashtags, JSON) and finds it on the map."""
    page.set_viewport_size({"width": width, "height": 800})
    log_in(page, "recorder")
    page.goto("/claims?status=all&place=Mariupol")
    page.locator("table.claims-list a[href^='/claims/']").first.click()
    page.wait_for_url(re.compile(r"/claims/\d+$"))
    page.fill("form[action$='/edit'] input[name=low]", "twenty")
    page.click("#edit-claim")
    beside = page.locator("form[action$='/edit'] .field-error")
    assert "not a whole number" in beside.inner_text()
    assert page.input_value("form[action$='/edit'] input[name=low]") == "twenty"
    assert "Nothing was saved" in page.inner_text("#form-problem")

    page.context.clear_cookies()
    page.goto("/")
    page.click("main table >> text=Mariupol")
    page.wait_for_url(re.compile(r"/public/tolls/\d+$"))
    assert page.locator("#public-chart svg.series-chart").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    with page.expect_download() as waiting:
        page.click("#public-downloads >> text=CSV with HXL hashtags")
    lines = Path(waiting.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[1].startswith("#loc+name,#meta+outcome")
    assert lines[2].startswith("Mariupol,killed,")
    toll = page.request.get(page.url + ".json").json()
    assert toll["place"] == "Mariupol" and "evidence" not in json.dumps(toll)
    page.click("#public-downloads >> text=Map of the published places")
    page.wait_for_url(re.compile(r"/public/map$"))
    assert page.locator("#public-map svg a.place").count() >= 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    outside = [u for u in page.requested if not u.startswith(server.url)]
    assert outside == [], "the chart and the map load nothing from outside the app"
