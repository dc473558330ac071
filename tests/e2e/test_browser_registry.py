"""In headless Chromium: a forensic user logs in, opens a body, moves it to a morgue and
sees its chain of custody grow; the page loads nothing from outside the app."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.test_browser_review import CHROMIUM, log_in, page  # noqa: F401 - page: fixture
from tests.e2e.test_web_server import Server, prepared_database, serve
from tollbook.domain.body import Body, Description
from tollbook.domain.grave import Morgue
from tollbook.registry.access import Actor
from tollbook.services.registry import add_body, add_morgue
from tollbook.services.setup import open_database

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason=f"no Chromium at {CHROMIUM}: `bash scripts/test.sh` installs Debian's chromium",
)


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
    finally:
        uow.dispose()
    with serve(url, scratch) as running:
        yield running


def test_forensic_opens_a_body_moves_it_and_sees_the_custody_chain_grow(
    server: Server,
    page: Any,  # noqa: F811
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
