"""Shared fixtures: a database on each backend, migrated units of work, simulated sieges.

``database_url`` runs a test once on SQLite (a file in the test's tmp_path) and once on
PostgreSQL (a fresh database on the server named by ``$TOLLBOOK_TEST_POSTGRES_URL``,
dropped afterwards). ``bash scripts/test.sh`` starts that server and sets the variable;
without it the PostgreSQL runs are skipped, saying why.

``uow`` is a unit of work on that database migrated to the newest revision. The
migrations run once per session (per pytest-xdist worker) into a template, a SQLite file
or a PostgreSQL database, and a test that asks for ``uow`` gets a copy of it as its
``database_url``: the same schema, without running every migration for every test
(``tests/integration/test_store_migrations.py`` tests the migrations themselves, on
empty databases).

``fake_uow`` is the fake unit of work of ``tests/fakes.py`` on a copy of the SQLite
template: it counts the transactions a service commits and abandons.

``siege_folder(people, seed)`` writes a simulated siege's files once per session for
each size and seed, for the modules that read them (never write into it).

Marks set here by file: ``browser`` on ``tests/e2e/test_browser_*.py`` and ``slow`` on
the modules in :data:`SLOW_MODULES`; ``shared`` tests are skipped, saying why, when the
third-party text they need is not beside the repository.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.fakes import FakeUnitOfWork
from tests.postgres import fresh_postgres_database
from tests.sqlite_files import copy_sqlite_database
from tollbook.cli.simulate.files import write_siege
from tollbook.simulate import SiegeConfig, simulate_siege
from tollbook.store.database import make_engine
from tollbook.store.migrate import upgrade
from tollbook.store.unit_of_work import UnitOfWork

#: Third-party text the ``shared`` tests need, kept outside the repository.
SHARED = Path(__file__).resolve().parents[2] / "shared"

#: Modules whose tests take more than a few seconds each, or share a fixture that does
#: (a simulated siege of thousands of people, Splink training, Spark, a served app over
#: linked lists): ``-m "not slow"`` leaves them out of a quick run.
SLOW_MODULES = frozenset(
    {
        "tests/unit/test_registry_matching.py",
        "tests/unit/test_link_engine.py",
        "tests/integration/test_link_spark.py",
        "tests/unit/test_estimate_lcmcr.py",
        "tests/unit/test_simulate_news.py",
        "tests/integration/test_linkage_service.py",
        "tests/integration/test_estimates_service.py",
        "tests/integration/test_estimation_from_db.py",
        "tests/e2e/test_cli_registry.py",
        "tests/e2e/test_cli_lists.py",
        "tests/e2e/test_cli_estimate.py",
        "tests/e2e/test_cli_simulate.py",
        "tests/e2e/test_web_estimates.py",
        "tests/e2e/test_web_demo_pages.py",
        "tests/e2e/test_docs_commands.py",
    }
)


#: The longest modules (minutes each, on one worker): collected first, so that with
#: ``--dist loadscope --no-loadscope-reorder`` (scripts/test.sh) they start at once and
#: run beside the rest instead of ending the run alone.
FIRST_MODULES = ("tests/integration/test_link_spark.py", "tests/e2e/test_docs_commands.py")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    root = config.rootpath
    for item in items:
        try:
            module = item.path.relative_to(root).as_posix()
        except ValueError:
            continue
        if module.startswith("tests/e2e/test_browser_"):
            item.add_marker(pytest.mark.browser)
        if module in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)
    items.sort(key=lambda item: _start_rank(item, root))


def _start_rank(item: pytest.Item, root: Path) -> int:
    """0 and 1 for :data:`FIRST_MODULES`, 2 for the other slow modules, 3 for the rest
    (a stable sort keeps the collection order within each rank)."""
    try:
        module = item.path.relative_to(root).as_posix()
    except ValueError:
        return 3
    if module in FIRST_MODULES:
        return FIRST_MODULES.index(module)
    return 2 if module in SLOW_MODULES else 3


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
    """URL of a database on SQLite and on PostgreSQL: empty, or, when the test also asks
    for ``uow``, a copy of the session's template migrated to the newest revision."""
    migrated = "uow" in request.fixturenames
    if request.param == "sqlite":
        path = tmp_path / "tollbook.db"
        if migrated:
            copy_sqlite_database(request.getfixturevalue("migrated_sqlite_template"), path)
        yield f"sqlite:///{path}"
    else:
        template_url = request.getfixturevalue("migrated_postgres_template") if migrated else None
        with fresh_postgres_database("tollbook_t_", template_url) as url:
            yield url


@pytest.fixture(scope="session")
def migrated_sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated to the newest revision, once per session."""
    path = tmp_path_factory.mktemp("template") / "tollbook.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def migrated_postgres_template() -> Iterator[str]:
    """The URL of a PostgreSQL database migrated to the newest revision, once per session
    (nobody stays connected to it: it is the template of the tests' databases)."""
    with fresh_postgres_database("tollbook_template_") as url:
        upgrade(url)
        yield url


@pytest.fixture
def uow(database_url: str) -> Iterator[UnitOfWork]:
    """A unit of work on a database migrated to the newest revision (``database_url``
    copies the session's migrated template for it)."""
    engine = make_engine(database_url)
    try:
        yield UnitOfWork(engine)
    finally:
        engine.dispose()


@pytest.fixture
def fake_uow(migrated_sqlite_template: Path, tmp_path: Path) -> Iterator[FakeUnitOfWork]:
    """The fake unit of work (``tests/fakes.py``) on a copy of the migrated SQLite template."""
    path = tmp_path / "fake.db"
    copy_sqlite_database(migrated_sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    try:
        yield FakeUnitOfWork(engine)
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def siege_folder(tmp_path_factory: pytest.TempPathFactory) -> Callable[[int, int], Path]:
    """``siege_folder(people, seed)``: the folder of that simulated siege's files
    (``docs/simulator.md``), written once per session; read it, never write into it."""
    written: dict[tuple[int, int], Path] = {}

    def folder(people: int, seed: int) -> Path:
        if (people, seed) not in written:
            path = tmp_path_factory.mktemp(f"siege-{people}-{seed}")
            write_siege(simulate_siege(SiegeConfig(people=people, seed=seed)), path)
            written[(people, seed)] = path
        return written[(people, seed)]

    return folder
