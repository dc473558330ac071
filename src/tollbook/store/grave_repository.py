"""Reading and writing burial sites, their trenches and the positions of the bodies in
them; :class:`~tollbook.store.registry_repository.RegistryRepository` holds these
methods with the rest of the registry, in the unit of work's session."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tollbook.domain.grave import GravePosition, Site, Trench
from tollbook.store.registry_tables import GravePositionRow, GraveSiteRow, TrenchRow


def _site(row: GraveSiteRow) -> Site:
    return Site(row.code, row.name, row.lat, row.lon)


def _trench(row: TrenchRow) -> Trench:
    return Trench(
        row.trench_id,
        row.site,
        row.number,
        row.length_m,
        row.bearing_deg,
        row.marker_lat,
        row.marker_lon,
        row.opened,
    )


def position_of(r: GravePositionRow) -> GravePosition:
    return GravePosition(r.ref, r.trench_id, r.position, r.distance_m, r.buried_on)


class GraveRepository:
    _session: Session

    def put_site(self, site: Site) -> None:
        self._session.merge(
            GraveSiteRow(code=site.code, name=site.name, lat=site.lat, lon=site.lon)
        )
        self._session.flush()

    def site(self, code: str) -> Site | None:
        row = self._session.get(GraveSiteRow, code)
        return None if row is None else _site(row)

    def put_trench(self, trench: Trench) -> None:
        self._session.merge(
            TrenchRow(
                trench_id=trench.trench_id,
                site=trench.site,
                number=trench.number,
                length_m=trench.length_m,
                bearing_deg=trench.bearing_deg,
                marker_lat=trench.marker_lat,
                marker_lon=trench.marker_lon,
                opened=trench.opened,
            )
        )
        self._session.flush()

    def trench(self, trench_id: str) -> Trench | None:
        row = self._session.get(TrenchRow, trench_id)
        return None if row is None else _trench(row)

    def trench_ids(self) -> list[str]:
        return list(
            self._session.scalars(select(TrenchRow.trench_id).order_by(TrenchRow.trench_id))
        )

    def put_position(self, position: GravePosition) -> None:
        self._session.merge(
            GravePositionRow(
                ref=position.ref,
                trench_id=position.trench_id,
                position=position.position,
                distance_m=position.distance_m,
                buried_on=position.buried_on,
            )
        )
        self._session.flush()

    def position(self, ref: str) -> GravePosition | None:
        r = self._session.get(GravePositionRow, ref)
        return None if r is None else position_of(r)

    def positions(self, trench_id: str | None = None) -> list[GravePosition]:
        query = select(GravePositionRow).order_by(
            GravePositionRow.trench_id, GravePositionRow.position
        )
        if trench_id is not None:
            query = query.where(GravePositionRow.trench_id == trench_id)
        return [position_of(r) for r in self._session.scalars(query)]

    def sites(self) -> list[Site]:
        rows = self._session.scalars(select(GraveSiteRow).order_by(GraveSiteRow.code))
        return [_site(r) for r in rows]

    def trenches(self, site: str | None = None) -> list[Trench]:
        query = select(TrenchRow).order_by(TrenchRow.site, TrenchRow.number, TrenchRow.trench_id)
        if site is not None:
            query = query.where(TrenchRow.site == site)
        return [_trench(r) for r in self._session.scalars(query)]

    def trench_counts(self) -> dict[str, int]:
        """How many bodies lie in each trench (trenches with none are left out)."""
        query = select(GravePositionRow.trench_id, func.count()).group_by(
            GravePositionRow.trench_id
        )
        return {str(trench): int(n) for trench, n in self._session.execute(query)}
