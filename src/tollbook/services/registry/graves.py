"""Use cases of burial sites, trenches and morgues."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tollbook.domain.grave import GravePosition, Morgue, Site, Trench
from tollbook.domain.text import N_
from tollbook.exchange.errors import InputProblem
from tollbook.registry.access import Actor, require
from tollbook.registry.rows import (
    RowError,
    site_from_row,
    trench_from_row,
)
from tollbook.services.registry.csv_rows import read_csv_rows
from tollbook.services.registry.outcomes import RegistryImportResult, RegistryNotFound
from tollbook.store.unit_of_work import UnitOfWork


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class SiteSummary:
    """A burial site with its trenches and how many bodies lie in each."""

    site: Site
    trenches: tuple[tuple[Trench, int], ...]

    @property
    def bodies(self) -> int:
        return sum(n for _, n in self.trenches)


# --- graves and morgues ------------------------------------------------------------------
def import_graves(
    uow: UnitOfWork,
    sites: Path,
    trenches: Path,
    actor: Actor,
    *,
    all_or_nothing: bool = False,
    source_name: str | None = None,
) -> RegistryImportResult:
    """Register burial sites and trenches (``sites.csv``, ``trenches.csv``); re-importing
    updates them. With ``all_or_nothing``, any bad row stores nothing; ``source_name``
    names the files in the audit log (an upload's name rather than a scratch path)."""
    require(actor, "forensic", doing="importing graves")
    result = RegistryImportResult()
    with uow:
        for line, row in read_csv_rows(sites, ("site", "name")):
            try:
                uow.registry.put_site(site_from_row(row))
                result.added += 1
            except RowError as exc:
                result.problems.append(InputProblem(str(sites), exc.message, line, exc.field))
        for line, row in read_csv_rows(trenches, ("trench_id", "site", "length_m", "bearing_deg")):
            try:
                trench = trench_from_row(row)
            except RowError as exc:
                result.problems.append(InputProblem(str(trenches), exc.message, line, exc.field))
                continue
            if uow.registry.site(trench.site) is None:
                result.problems.append(
                    InputProblem(
                        str(trenches), N_("no site %(site)s", site=trench.site), line, "site"
                    )
                )
                continue
            uow.registry.put_trench(trench)
            result.added += 1
        uow.audit.append(
            at=_now(),
            actor=str(actor),
            action="import_graves",
            entity="grave_site",
            entity_id=source_name or str(sites),
            after={"rows": result.added},
        )
        if all_or_nothing and result.problems:
            result.added = 0
            return result
        uow.commit()
    return result


def trench_contents(
    uow: UnitOfWork, trench_id: str
) -> tuple[Trench, list[tuple[GravePosition, str]]]:
    """A trench and, in order, each body's position and status (no names: for plans)."""
    with uow:
        trench = uow.registry.trench(trench_id)
        if trench is None:
            raise RegistryNotFound(N_("no trench %(trench_id)s", trench_id=trench_id))
        bodies = []
        for position in uow.registry.positions(trench_id):
            stored = uow.registry.body(position.ref)
            bodies.append((position, stored.status if stored else "unknown"))
    return trench, bodies


def add_morgue(uow: UnitOfWork, morgue: Morgue, actor: Actor) -> None:
    require(actor, "forensic", doing="registering a morgue")
    with uow:
        uow.registry.put_morgue(morgue)
        uow.audit.append(
            at=_now(),
            actor=str(actor),
            action="put_morgue",
            entity="morgue",
            entity_id=morgue.code,
            after={"name": morgue.name, "capacity": morgue.capacity},
        )
        uow.commit()


def grave_sites(uow: UnitOfWork) -> list[SiteSummary]:
    """Every burial site with its trenches and their body counts (counts only; no names)."""
    with uow:
        repo = uow.registry
        counts = repo.trench_counts()
        trenches = repo.trenches()
        return [
            SiteSummary(
                site,
                tuple((t, counts.get(t.trench_id, 0)) for t in trenches if t.site == site.code),
            )
            for site in repo.sites()
        ]


def morgue_occupancy(uow: UnitOfWork) -> list[tuple[Morgue, int]]:
    """Every morgue with how many bodies it holds now (counts only; no one is named)."""
    with uow:
        return uow.registry.morgues()
