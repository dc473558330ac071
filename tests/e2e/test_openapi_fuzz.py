"""Property-based fuzzing of the whole OpenAPI schema with schemathesis, as an admin
(logged in, with the CSRF token) and as an anonymous client, on a real SQLite
database: no operation may answer with a server error (5xx), whatever it is sent:
requests that fit the schema, and requests that break it (wrong types, values out of
bounds, missing fields).

Bounded to keep the suite fast: a few generated examples per operation, derandomized
(the same examples every run), no deadline, no example database written. Set
``TOLLBOOK_FUZZ_EXAMPLES=100`` for a deeper search."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from tests.e2e.test_web_server import PASSWORD, SECRET, prepared_database
from tollbook.web import WebSettings, create_app

#: Examples per operation for an admin, and for an anonymous client (refused before
#: most routes run); fewer for the operations that do real work per request.
#: ``TOLLBOOK_FUZZ_EXAMPLES=200`` runs that many for every operation (a deeper search).
DEEPER = int(os.environ.get("TOLLBOOK_FUZZ_EXAMPLES", "0") or 0)
EXAMPLES = {"admin": DEEPER or 4, "anyone": DEEPER or 2}
HEAVY = {"POST /api/reports": 2, "GET /api/tolls/{place}/chart.svg": 2}


def bounded(examples: int) -> Any:
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )


@dataclass(frozen=True)
class Admin:
    cookies: dict[str, str]
    headers: dict[str, str]


@pytest.fixture(scope="module")
def fuzzed_app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    scratch: Path = tmp_path_factory.mktemp("fuzz")
    url = prepared_database(f"sqlite:///{scratch / 'tollbook.db'}")
    return create_app(url, WebSettings(secret_key=SECRET))


@pytest.fixture(scope="module")
def web_schema(fuzzed_app: FastAPI) -> Any:
    # the session routes are left out: logging out or changing one's password would end
    # the admin's session half-way through the run
    return schemathesis.openapi.from_asgi("/api/openapi.json", fuzzed_app).exclude(
        path_regex=r"^/api/(session|account/password)$"
    )


@pytest.fixture(scope="module")
def admin(fuzzed_app: FastAPI) -> Iterator[Admin]:
    with TestClient(fuzzed_app) as client:
        answer = client.post("/api/session", json={"username": "admin", "password": PASSWORD})
        assert answer.status_code == 200, answer.text
        token = answer.json()["csrf_token"]
        yield Admin(dict(client.cookies.items()), {"X-CSRF-Token": token})


def fuzz(web_schema: Any, role: str, call: Callable[[Any], object]) -> list[str]:
    """Run ``call`` on generated cases of every operation; the failures, in words.
    (schemathesis' own pytest plugin does not run under this pytest: each operation is
    driven through Hypothesis here.)"""
    failures: list[str] = []
    operations = [result.ok() for result in web_schema.get_all_operations()]
    assert len(operations) > 40, "the whole API is fuzzed"
    for operation in operations:
        examples = DEEPER or min(EXAMPLES[role], HEAVY.get(operation.label, EXAMPLES[role]))

        cases = st.one_of(
            operation.as_strategy(GenerationMode.POSITIVE),
            operation.as_strategy(GenerationMode.NEGATIVE),
        )

        @bounded(examples)
        @given(cases)
        def run(case: Any) -> None:
            call(case)

        try:
            run()
        except Exception as error:  # every operation is fuzzed; failures are listed
            failures.append(f"{operation.label}: {str(error)[:2000]}")
    return failures


def test_no_operation_fails_for_an_admin(web_schema: Any, admin: Admin) -> None:
    failures = fuzz(
        web_schema,
        "admin",
        lambda case: case.call_and_validate(
            headers=admin.headers, cookies=admin.cookies, checks=[not_a_server_error]
        ),
    )
    assert not failures, "\n\n".join(failures)


def test_no_operation_fails_for_anyone(web_schema: Any) -> None:
    failures = fuzz(
        web_schema, "anyone", lambda case: case.call_and_validate(checks=[not_a_server_error])
    )
    assert not failures, "\n\n".join(failures)
