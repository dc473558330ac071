"""In headless Chromium: a recorder runs an estimate from the linked lists, reads it with
its charts, publishes it; a visitor then finds it on the public page, warnings and all."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.test_browser_review import CHROMIUM, log_in, page, pytestmark
from tests.e2e.test_web_server import Server, prepared_database, serve
from tollbook.services.linkage import link_records
from tollbook.services.lists import import_list
from tollbook.services.setup import open_database

__all__ = ["CHROMIUM", "page", "pytestmark"]


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, siege_folder: Callable[[int, int], Path]
) -> Iterator[Server]:
    """Three lists of a small simulated siege, imported and linked into persons."""
    scratch = tmp_path_factory.mktemp("browser-estimates")
    siege = siege_folder(6_000, 11)
    url = prepared_database(f"sqlite:///{scratch / 'tollbook.db'}")
    uow = open_database(url)
    try:
        for name in ("burial", "family", "morgue"):
            import_list(uow, siege / "lists" / f"{name}.csv", name, actor="test")
        link_records(uow, actor="test")
    finally:
        uow.dispose()
    with serve(url, scratch) as running:
        yield running


def test_an_estimate_is_run_read_published_and_seen_by_the_public(
    server: Server, page: Any
) -> None:
    log_in(page, "recorder")
    page.click("header >> text=Estimates")
    page.wait_for_url(re.compile(r"/estimates$"))
    page.select_option("#run-estimate select[name=method]", "loglinear")
    page.click("#run-estimate button[type=submit]")
    page.wait_for_url(re.compile(r"/jobs/\d+$"))  # the job's page reloads until it is done
    page.wait_for_selector("#job-result", timeout=120_000)
    page.click("#job-result")
    page.wait_for_url(re.compile(r"/estimates/\d+"))
    estimate_id = re.search(r"/estimates/(\d+)", page.url).group(1)  # type: ignore[union-attr]

    headline = page.inner_text("#estimate-headline")
    assert re.search(r"\d[\d,]*", headline), headline
    for chart in ("#chart-overlaps svg", "#chart-estimates svg"):
        box = page.locator(chart).bounding_box()
        assert box is not None and box["width"] > 100 and box["height"] > 100, chart
    assert "A draft" in page.content()

    warnings_box = page.locator("#publish-estimate input[name=warnings_read]")
    if warnings_box.count():
        warnings_box.check()
    page.click("#publish-estimate button[type=submit]")
    page.wait_for_url(re.compile(rf"/estimates/{estimate_id}"))
    assert page.locator("#publish-estimate").count() == 0  # published: no second time

    page.click("text=Log out")
    page.goto("/")
    page.click(f"#public-estimates a[href='/public/estimates/{estimate_id}']")
    page.wait_for_url(re.compile(rf"/public/estimates/{estimate_id}$"))
    public = page.inner_text("#public-estimate")
    assert "loglinear" in public
    assert "by recorder" not in page.content()  # no staff names in public
    assert all(url.startswith(server.url) for url in page.requested)
