"""In headless Chromium (Debian's, at /usr/bin/chromium): a recorder runs linkage on two
imported lists, opens the review queue and confirms a pair, and sees the person it made;
then a recorder (desktop) and an admin (390 px wide) undo the two imports (issue 17)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.test_browser_review import CHROMIUM, log_in, page, pytestmark
from tests.e2e.test_web_lists import BURIAL_MAP, MORGUE_MAP, burial_csv, morgue_csv
from tests.e2e.test_web_server import Server, prepared_database, serve
from tollbook.services.lists import import_list
from tollbook.services.setup import open_database

__all__ = ["CHROMIUM", "page", "pytestmark"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    scratch = tmp_path_factory.mktemp("browser-linkage")
    url = prepared_database(f"sqlite:///{scratch / 'tollbook.db'}")
    uow = open_database(url)
    try:
        for name, data, mapping in (
            ("morgue", morgue_csv(), MORGUE_MAP),
            ("burial", burial_csv(), BURIAL_MAP),
        ):
            path = scratch / f"{name}.csv"
            path.write_bytes(data)
            result = import_list(uow, path, name, mapping.split(), actor="test")
            assert result.imported > 0 and not result.problems
    finally:
        uow.dispose()
    with serve(url, scratch) as running:
        yield running


def test_a_recorder_runs_linkage_and_confirms_a_queued_pair(
    server: Server, page: Any, tmp_path: Path
) -> None:
    page.set_default_timeout(60_000)  # linkage runs take longer than other pages
    shots = tmp_path
    log_in(page, "recorder")
    page.click("header nav >> text=Lists")
    assert "morgue" in page.inner_text("#lists") and "burial" in page.inner_text("#lists")

    page.goto("/linkage")
    # the app's own script marks the button busy while a run (seconds) goes on: seen
    # here with the form kept from leaving the page
    page.evaluate(
        "() => document.getElementById('run-form')"
        ".addEventListener('submit', (event) => event.preventDefault())"
    )
    page.click("#run-linkage")
    page.wait_for_selector("#run-linkage[disabled]", state="attached")
    assert "this takes a while" in page.inner_text("#run-linkage")

    page.goto("/linkage")
    page.click("#run-linkage")
    page.wait_for_url(re.compile(r"/jobs/\d+$"))  # the job's page reloads until it is done
    page.wait_for_selector("#job-result", timeout=120_000)
    page.click("#job-result")
    page.wait_for_url(re.compile(r"/linkage\?run=\d+$"))
    queued = int(page.inner_text("#run-queued"))
    assert queued >= 1

    page.click("text=Review them")
    page.wait_for_url(re.compile(r"/linkage/review$"))
    pair = page.locator("#pair")
    a, b = pair.get_attribute("data-a"), pair.get_attribute("data-b")
    assert page.inner_text("#pair-probability").endswith("% likely")
    assert "Family name" in page.inner_text("table.reasons")
    page.screenshot(path=str(shots / "review.png"), full_page=True)
    page.click("#same-person")
    page.wait_for_url(re.compile(r"done=confirmed"))
    done = page.inner_text("#decision-done")
    assert f"Records {a} and {b}: the same person" in done
    if queued > 1:
        assert (pair.get_attribute("data-a"), pair.get_attribute("data-b")) != (a, b)
    else:
        assert page.locator("#queue-empty").count() == 1

    page.click("#decision-done a")
    page.wait_for_url(re.compile(r"/persons/\d+$"))
    records = page.inner_text("#person-records")
    page.screenshot(path=str(shots / "person.png"), full_page=True)
    assert f"{a}\t" in records and f"{b}\t" in records

    local = [u for u in page.requested if not u.startswith(server.url)]
    assert local == [], "the pages load nothing from outside the app"


# --- issue 17: imports undone (after the linkage above, so persons are taken apart) ---


@pytest.mark.parametrize(("width", "role", "import_id"), [(1280, "recorder", 1), (390, "admin", 2)])
def test_an_import_is_undone_from_the_lists_page(
    server: Server, page: Any, width: int, role: str, import_id: int
) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    log_in(page, role)
    page.goto("/lists")
    button = page.locator(f"#undo-{import_id}")
    button.scroll_into_view_if_needed()
    assert button.is_visible()
    form = page.locator(f"form[action='/lists/imports/{import_id}/undo']")
    form.locator("input[name=reason]").fill("the wrong file")
    button.click()
    page.wait_for_url(re.compile(rf"/lists\?undone={import_id}"))
    assert f"Import {import_id} was undone" in page.inner_text("#undone-notice")
    row = page.locator("#imports tbody tr", has_text="undone").first
    assert role in row.inner_text()
    assert page.locator(f"#undo-{import_id}").count() == 0
