"""The pages in Ukrainian and Russian: the browser's Accept-Language chooses, the switch
on every page (a ``lang`` cookie) overrides it, and ``<html lang>`` says which it is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.e2e.test_web_pages import log_in
from tests.e2e.test_web_server import SECRET, prepared_database
from tollbook.web import WebSettings, create_app


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    scratch: Path = tmp_path_factory.mktemp("languages")
    url = prepared_database(f"sqlite:///{scratch / 'tollbook.db'}")
    return create_app(url, WebSettings(secret_key=SECRET))


@pytest.fixture
def browser(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.mark.parametrize(
    ("header", "lang", "heading"),
    [
        ("uk", "uk", "Опубліковані підрахунки жертв"),
        ("uk-UA,uk;q=0.9,en;q=0.5", "uk", "Опубліковані підрахунки жертв"),
        ("ru-RU,ru;q=0.9", "ru", "Опубликованные подсчёты жертв"),
        ("de-DE,fr;q=0.8", "en", "Published tolls"),
        ("en;q=0.4,ru;q=0.8", "ru", "Опубликованные подсчёты жертв"),
    ],
)
def test_the_home_page_speaks_the_browsers_language(
    browser: TestClient, header: str, lang: str, heading: str
) -> None:
    page = browser.get("/", headers={"Accept-Language": header})
    assert page.status_code == 200
    assert f'<html lang="{lang}">' in page.text
    assert f"<h1>{heading}</h1>" in page.text
    assert page.headers["content-language"] == lang
    # the switch is on the page, each language named in its own
    assert "English" in page.text and "Українська" in page.text and "Русский" in page.text


def test_the_switch_sets_a_cookie_that_overrides_the_browser(browser: TestClient) -> None:
    switched = browser.get("/lang/ru?next=/login", follow_redirects=False)
    assert switched.status_code == 303
    assert switched.headers["location"] == "/login"
    assert "lang=ru" in switched.headers["set-cookie"]
    page = browser.get("/login", headers={"Accept-Language": "uk"})
    assert '<html lang="ru">' in page.text
    assert "Имя пользователя" in page.text and "User name" not in page.text
    home = browser.get("/", headers={"Accept-Language": "uk"})
    assert "Опубликованные подсчёты жертв" in home.text
    browser.get("/lang/en")
    english = browser.get("/", headers={"Accept-Language": "uk"})
    assert '<html lang="en">' in english.text and "<h1>Published tolls</h1>" in english.text


def test_the_switch_goes_back_only_to_this_site_and_knows_its_languages(
    browser: TestClient,
) -> None:
    away = browser.get("/lang/uk?next=//evil.example/", follow_redirects=False)
    assert away.headers["location"] == "/"
    unknown = browser.get("/lang/de", headers={"Accept": "text/html"})
    assert unknown.status_code == 404


def test_a_logged_in_page_is_translated_and_the_cached_home_page_is_kept_per_language(
    browser: TestClient,
) -> None:
    anonymous_uk = browser.get("/", headers={"Accept-Language": "uk"})
    anonymous_en = browser.get("/", headers={"Accept-Language": "en"})
    assert "Опубліковані" in anonymous_uk.text and "Опубліковані" not in anonymous_en.text
    log_in(browser, "recorder")
    tolls = browser.get("/tolls", headers={"Accept-Language": "uk"})
    assert '<html lang="uk">' in tolls.text
    assert "Місця з інцидентами" in tolls.text and "Вийти" in tolls.text


def test_a_refused_form_says_why_in_the_pages_language_and_the_api_keeps_its_code(
    browser: TestClient,
) -> None:
    """A service's refusal is made in English with its id (tollbook.domain.text) and shown
    in the page's language; the JSON answer has the same id as its ``code``."""
    token = log_in(browser, "recorder")
    form = {"csrf_token": token, "reason": ""}
    page = {"Accept-Language": "uk", "Referer": "http://testserver/review", "Accept": "text/html"}
    refused = browser.post("/claims/999999/reject", data=form, headers=page)
    assert refused.status_code == 422
    assert '<html lang="uk">' in refused.text
    assert "щоб відхилити твердження, потрібна причина" in refused.text
    assert "a reason is needed" not in refused.text
    api = {"Accept-Language": "ru", "Accept": "application/json"}
    answer = browser.post("/claims/999999/reject", data=form, headers=api).json()
    assert answer["error"] == "чтобы отклонить утверждение, нужна причина"
    assert answer["code"] == "a reason is needed to reject a claim"
    english = browser.post(
        "/claims/999999/reject", data=form, headers={"Accept": "application/json"}
    )
    assert english.json()["error"] == "a reason is needed to reject a claim"
