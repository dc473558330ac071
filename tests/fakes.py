"""The fake unit of work for service tests (as *Architecture Patterns with Python* has one).

:class:`FakeUnitOfWork` is the real :class:`~tollbook.store.unit_of_work.UnitOfWork` on a
real migrated database that also records what the service did with its transactions:
how many ``with`` blocks it opened, how many it committed and how many it left without
committing (reads, and changes refused half way). A service test can then
say that a use case is one transaction, and that a refused one writes nothing, which the
database alone cannot tell. The repositories stay the real ones: the project tests
against real databases, never against stand-ins for them.
"""

from __future__ import annotations

from types import TracebackType

from tollbook.store.unit_of_work import UnitOfWork


class FakeUnitOfWork(UnitOfWork):
    """A unit of work that counts its transactions: ``opened`` blocks, ``commits`` and
    ``uncommitted`` blocks (left without a commit: rolled back)."""

    commits: int = 0
    opened: int = 0
    uncommitted: int = 0

    def __enter__(self) -> FakeUnitOfWork:
        super().__enter__()
        self.opened += 1
        self._committed_here = False
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if not self._committed_here:
            self.uncommitted += 1
        super().__exit__(exc_type, exc, traceback)

    def commit(self) -> None:
        super().commit()
        self.commits += 1
        self._committed_here = True
