"""Shared fixtures: a database on each backend, migrated units of work.

``database_url`` runs a test once on SQLite (a file in the test's tmp_path) and once on
PostgreSQL (a fresh database on the server named by ``$TOLLBOOK_TEST_POSTGRES_URL``,
dropped afterwards). ``bash scripts/test.sh`` starts that server and sets the variable;
without it the PostgreSQL runs are skipped, saying why.

``shared`` tests are skipped, saying why, when the third-party text they need is not
beside the repository.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres import fresh_postgres_database
from tollbook.store.database import make_engine
from tollbook.store.migrate import upgrade
from tollbook.store.unit_of_work import UnitOfWork

#: Third-party text the ``shared`` tests need, kept outside the repository.
SHARED = Path(__file__).resolve().parents[2] / "shared"


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("shared") and not (SHARED / "corpus").is_dir():
        pytest.skip(
            f"needs third-party text that is not redistributed with Tollbook: the seed "
            f"article in {SHARED / 'corpus'} (see docs/claims.md, 'A worked example')"
        )


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ]
)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of an empty database, on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'tollbook.db'}"
    else:
        with fresh_postgres_database("tollbook_t_") as url:
            yield url


@pytest.fixture
def uow(database_url: str) -> Iterator[UnitOfWork]:
    """A unit of work on a database migrated to the newest revision."""
    upgrade(database_url)
    engine = make_engine(database_url)
    try:
        yield UnitOfWork(engine)
    finally:
        engine.dispose()
