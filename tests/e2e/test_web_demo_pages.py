"""Every page, for every role, on the demo's simulated siege (news, lists linked into
persons, graves, bodies, families' reports): each answers 200 or, where the role may
not look, 403; and the detail pages linked from the listings render too. In headless
Chromium, every page a role may see, in Ukrainian and in Russian, shows no English text
of the catalogs and says its language in ``<html lang>``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.e2e.chromium import CHROMIUM
from tests.e2e.english_left import DATA, EnglishOfTheCatalogs, shown_in_html, shown_text
from tests.e2e.test_browser_review import log_in
from tests.e2e.test_web_server import PASSWORD, SECRET, Server, seed_users, serve
from tests.unit.test_web_catalogs import NOT_YET_TRANSLATED
from tollbook.cli.simulate.demo_loading import load_demo
from tollbook.services.accounts import ROLES
from tollbook.web import WebSettings, create_app
from tollbook.web.permissions import allowed

#: page -> the permission it needs
PAGES = {
    "/": None,
    "/reports": "sources",
    "/claims": "review",
    "/incidents": "aggregates",
    "/tolls": "aggregates",
    "/lists": "lists",
    "/lists/import": "link",
    "/persons": "lists",
    "/linkage": "lists",
    "/linkage/review": "lists",
    "/estimates": "aggregates",
    "/bodies": "bodies",
    "/bodies/new": "bodies",
    "/graves": "bodies",
    "/morgues": "bodies",
    "/inquiries": "missing",
    "/inquiries/new": "missing",
    "/admin/audit": "audit",
    "/admin/users": "users",
    "/account": "account",
}
DETAIL = re.compile(
    r'href="(/(?:bodies|graves|inquiries|persons|incidents|reports|claims)/[^"?#]+)"'
)


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'tollbook.db'}"
    load_demo(url, people=3_000, seed=2)
    seed_users(url)
    return url


@pytest.fixture(scope="module")
def app(demo_url: str) -> FastAPI:
    return create_app(demo_url, WebSettings(secret_key=SECRET))


@pytest.mark.parametrize("role", ROLES)
def test_every_page_renders_on_the_demo_data_or_refuses_the_role(app: FastAPI, role: str) -> None:
    """Each page renders for the role, in Ukrainian or Russian by turns (every page is
    rendered in both by the roles that may see it), with no English of the catalogs left
    in its text and its language in ``<html lang>``."""
    english = EnglishOfTheCatalogs.load()
    left: dict[str, list[str]] = {}
    r = ROLES.index(role)
    with TestClient(app, raise_server_exceptions=False) as client:
        login = client.post("/api/session", json={"username": role, "password": PASSWORD})
        assert login.status_code == 200
        details: set[str] = set()
        for page, permission in PAGES.items():
            expected = 200 if permission is None or allowed(role, permission) else 403
            language = _page_languages(role, page)[0] if expected == 200 else "uk"
            answer = client.get(page, headers={"Accept-Language": language})
            assert answer.status_code == expected, (role, page, answer.text[-500:])
            if expected == 200:
                details.update(DETAIL.findall(answer.text)[:3])
                _check(answer.text, page, language, english, left)
        for j, page in enumerate(sorted(details)):
            language = LANGUAGES[(r + j) % 2]
            answer = client.get(page, headers={"Accept-Language": language})
            assert answer.status_code == 200, (role, page, answer.text[-500:])
            if answer.headers["content-type"].startswith("text/html"):  # not export.pfif
                _check(answer.text, page, language, english, left)
        if allowed(role, "bodies"):
            assert any(p.startswith("/bodies/") for p in details)
        if allowed(role, "lists"):
            assert any(p.startswith("/persons/") for p in details)
    assert not left, "English left on the pages:\n" + "\n".join(
        f"{role} {where}: {found}" for where, found in sorted(left.items())
    )


def _check(
    html: str, page: str, language: str, english: EnglishOfTheCatalogs, left: dict[str, list[str]]
) -> None:
    shown = shown_in_html(html)
    assert shown.lang == language, (page, shown.lang)
    if NOT_YET_TRANSLATED_PAGES.match(page):
        return
    found = english.in_texts(shown.texts) + english.in_texts(shown.placeholders, DATA)
    if found:
        left[f"{language} {page}"] = found


# --- in Ukrainian and Russian, in Chromium ---------------------------------------------

#: The pages each template drawn without translation yet draws (NOT_YET_TRANSLATED in
#: tests/unit/test_web_catalogs.py, the one list the lead empties when they are translated).
PAGES_OF_TEMPLATE = {
    "body_new.html": r"/bodies/new",
    "inquiry_new.html": r"/inquiries/new",
    "estimate.html": r"/estimates/\d+",
    "grave_trench.html": r"/graves/(?:[^/]+/)?trenches/.*",
    "estimate_macros.html": r"/estimates/\d+",
}
NOT_YET_TRANSLATED_PAGES = re.compile(
    "^(?:" + "|".join(PAGES_OF_TEMPLATE[name] for name in sorted(NOT_YET_TRANSLATED)) + ")$"
    if NOT_YET_TRANSLATED
    else "(?!)"
)
#: One detail page of each kind is enough to see its template.
DETAIL_KIND = re.compile(r"^/(\w+)/")
LANGUAGES = ("uk", "ru")


@pytest.fixture(scope="module")
def served(demo_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serve(demo_url, tmp_path_factory.mktemp("demo-served")) as running:
        yield running


def _page_languages(role: str, path: str) -> tuple[str, ...]:
    """The languages a role sees one of :data:`PAGES` in: the roles that may see it take
    turns, the first two in different languages (starting with each page's turn); both
    when only one role may see it."""
    order = list(PAGES)
    need = PAGES[path]
    roles = [r for r in ROLES if need is None or allowed(r, need)]
    if len(roles) < 2:
        return LANGUAGES
    return (LANGUAGES[(roles.index(role) + order.index(path)) % 2],)


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM}")
def test_in_chromium_the_pages_show_no_english_in_ukrainian_and_russian(
    served: Server, browser: Any
) -> None:
    """In the browser, as the admin (who sees every page and form): each page, and a
    detail page of each kind, in Ukrainian and Russian by turns, shows no English of the
    catalogs and says its language in ``<html lang>``. (Every role's pages in both
    languages are checked on the served HTML above; this sees what Chromium shows.)"""
    english = EnglishOfTheCatalogs.load()
    left: dict[str, list[str]] = {}
    seen: set[str] = set()
    context = browser.new_context(base_url=served.url)
    try:
        # only the pages' text is read: no style sheet, script or image is fetched
        context.route("**/static/**", lambda route: route.abort())
        page: Any = context.new_page()
        page.set_default_timeout(20_000)
        log_in(page, "admin")
        paths = [p for p in PAGES if not NOT_YET_TRANSLATED_PAGES.match(p)]
        kinds: set[str] = set()
        index = 0
        while index < len(paths):
            path, language = paths[index], LANGUAGES[index % 2]
            index += 1
            # the cookie the switch at the foot of every page sets
            context.add_cookies([{"name": "lang", "value": language, "url": served.url}])
            page.goto(quote(path, safe="/%"), wait_until="domcontentloaded")
            shown = shown_text(page)
            assert shown.lang == language, (path, shown.lang)
            seen.add(language)
            found = english.in_texts(shown.texts)
            found += english.in_texts(shown.placeholders, DATA)
            if found:
                left[f"{language} {path}"] = found
            for link in DETAIL.findall(page.content()):
                kind = DETAIL_KIND.match(link)
                if kind and kind.group(1) not in kinds and not NOT_YET_TRANSLATED_PAGES.match(link):
                    kinds.add(kind.group(1))
                    paths.append(link)
    finally:
        context.close()
    assert seen == set(LANGUAGES) and len(kinds) >= 5
    assert not left, "English left on the pages:\n" + "\n".join(
        f"{where}: {found}" for where, found in sorted(left.items())
    )
