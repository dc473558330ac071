"""The unit of work with the repositories of named lists and linkage beside the others."""

from __future__ import annotations

from tollbook.store.linkage_repository import LinkageRepository
from tollbook.store.list_repository import ListRepository
from tollbook.store.unit_of_work import UnitOfWork


class ListUnitOfWork(UnitOfWork):
    """A :class:`UnitOfWork` that also has ``lists`` and ``linkage``."""

    @staticmethod
    def of(uow: UnitOfWork) -> ListUnitOfWork:
        """A unit of work with list repositories on the same database as ``uow``."""
        return uow if isinstance(uow, ListUnitOfWork) else ListUnitOfWork(uow.engine)

    @property
    def lists(self) -> ListRepository:
        return ListRepository(self._current().session)

    @property
    def linkage(self) -> LinkageRepository:
        return LinkageRepository(self._current().session)
