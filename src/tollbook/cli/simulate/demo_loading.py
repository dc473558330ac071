"""Load a small simulated siege into a database, so that a newcomer sees data everywhere.

The demo runs the simulator (``tollbook.simulate``) and hands the siege to each loader in
:data:`LOADERS`, in order: news reports with their claims, graves, bodies and missing-person
reports, and the named lists linked into persons. **Extension point:** a new part of the
store gets a loader here (a function ``(uow, siege) -> LoadStep``); what cannot be loaded yet
is named in :data:`PENDING`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tollbook.domain.report import Report
from tollbook.simulate import SiegeConfig, simulate_siege
from tollbook.simulate.siege import Siege
from tollbook.store.unit_of_work import UnitOfWork

#: Who the audit log names for what the demo stores.
DEMO_ACTOR = "demo"
DEMO_PEOPLE = 5_000
DEMO_SEED = 1


@dataclass(frozen=True)
class LoadStep:
    """What one loader stored: ``what`` ("reports"), how many, and a line for people."""

    what: str
    stored: int
    message: str


#: A loader stores one part of the siege and says what it stored.
Loader = Callable[[UnitOfWork, Siege], LoadStep]


@dataclass
class DemoResult:
    people: int
    seed: int
    dead: int
    steps: list[LoadStep] = field(default_factory=list)
    #: parts of the siege not loaded yet, because the database cannot hold them yet
    pending: tuple[str, ...] = ()
    files_written: int = 0


def siege_reports(siege: Siege) -> list[Report]:
    """The siege's news reports as domain reports, with their provenance."""
    source = f"simulated siege (seed {siege.config.seed})"
    return [
        Report(id=r.id, text=r.text, published=r.published, title=r.title, source=source)
        for r in siege.news.reports
    ]


def load_news(uow: UnitOfWork, siege: Siege) -> LoadStep:
    """Store the siege's news reports with the claims the extractor finds in them."""
    from tollbook.extract import EXTRACTOR_VERSION, extract_claims
    from tollbook.services.ingest import ingest_reports

    result = ingest_reports(
        uow,
        siege_reports(siege),
        extract_claims,
        actor=DEMO_ACTOR,
        extractor_version=EXTRACTOR_VERSION,
    )
    message = f"loaded {result.stored} reports with {result.claims_stored} claims"
    if result.duplicates:
        message += f" ({len(result.duplicates)} already stored)"
    if result.failures:
        message += f"; {len(result.failures)} failed: {result.failures[0].error}"
    return LoadStep("reports", result.stored, message)


def load_registry(uow: UnitOfWork, siege: Siege) -> LoadStep:
    """Store the siege's graves, bodies and families' missing-person reports, through the
    registry's own importers (as a forensic team and a family-liaison worker would)."""
    import tempfile

    from tollbook.cli.simulate.files import write_siege
    from tollbook.registry.access import Actor
    from tollbook.services import registry

    forensic = Actor(DEMO_ACTOR, "forensic")
    liaison = Actor(DEMO_ACTOR, "family_liaison")
    with tempfile.TemporaryDirectory(prefix="tollbook-demo-") as folder:
        out = Path(folder) / "siege"
        write_siege(siege, out)
        graves = registry.import_graves(
            uow, out / "graves" / "sites.csv", out / "graves" / "trenches.csv", forensic
        )
        bodies = registry.import_bodies(uow, out / "graves" / "bodies.csv", forensic)
        reports = registry.import_reports(
            uow, out / "missing" / "reports.csv", liaison, consent=("matching",)
        )
    problems = len(graves.problems) + len(bodies.problems) + len(reports.problems)
    message = (
        f"loaded {graves.added} grave sites and trenches, {bodies.added} bodies and "
        f"{reports.added} missing-person reports"
    )
    if problems:
        message += f"; {problems} rows refused"
    return LoadStep("bodies", bodies.added, message)


def load_lists(uow: UnitOfWork, siege: Siege) -> LoadStep:
    """Import the siege's named lists of the dead and link the records into persons."""
    import tempfile

    from tollbook.cli.simulate.files import write_siege
    from tollbook.services.linkage import link_records
    from tollbook.services.lists import ImportRefused, import_list

    with tempfile.TemporaryDirectory(prefix="tollbook-demo-") as folder:
        out = Path(folder) / "siege"
        write_siege(siege, out)
        records = 0
        for path in sorted((out / "lists").glob("*.csv")):
            try:
                result = import_list(
                    uow, path, path.stem, actor=DEMO_ACTOR, lenient=True, has_duplicates=True
                )
            except ImportRefused as refused:
                if "already" not in str(refused):
                    raise
                continue  # loaded by an earlier demo
            records += result.imported
    if records == 0:
        return LoadStep("lists", 0, "the lists were loaded and linked before")
    report = link_records(uow, actor=DEMO_ACTOR)
    message = (
        f"loaded {records} list records and linked them into {report.persons} persons "
        f"({report.queued} pairs queued for review)"
    )
    return LoadStep("lists", records, message)


LOADERS: tuple[Loader, ...] = (load_news, load_registry, load_lists)
PENDING: tuple[str, ...] = ()


def load_demo(
    url: str,
    *,
    people: int = DEMO_PEOPLE,
    seed: int = DEMO_SEED,
    out: Path | None = None,
    loaders: Sequence[Loader] = LOADERS,
) -> DemoResult:
    """Create or migrate the database at ``url``, simulate a siege and load it.

    With ``out``, the siege's files are also written there (as ``tollbook simulate``
    writes them). Loading twice stores nothing new: reports already stored are skipped.
    """
    from tollbook.services.setup import init_database, open_database

    init_database(url)
    siege = simulate_siege(SiegeConfig(people=people, seed=seed))
    result = DemoResult(people=people, seed=seed, dead=len(siege.deaths), pending=PENDING)
    if out is not None:
        from tollbook.cli.simulate.files import write_siege

        result.files_written = len(write_siege(siege, out))
    uow = open_database(url)
    try:
        for loader in loaders:
            result.steps.append(loader(uow, siege))
    finally:
        uow.dispose()
    return result
