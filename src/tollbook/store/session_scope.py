"""One transaction over some of the tables: the session handling the stores share.

``with store:`` opens a session; leaving the block rolls back what was not committed, so
nothing is half-written. A subclass adds the repositories it offers on ``self.session``.
"""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker


class SessionScope:
    """A reusable, non-nestable transaction scope over ``engine``."""

    #: How the store is named in its error messages ("account store", ...).
    name = "store"

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._factory = sessionmaker(engine, expire_on_commit=False)
        self._session: Session | None = None

    def __enter__(self) -> Self:
        if self._session is not None:
            raise RuntimeError(f"this {self.name} is already in use; it cannot be nested")
        self._session = self._factory()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        session, self._session = self._session, None
        if session is None:  # pragma: no cover - __exit__ without __enter__
            return
        try:
            session.rollback()
        finally:
            session.close()

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError(f"use the {self.name} inside a `with` block")
        return self._session

    def commit(self) -> None:
        self.session.commit()
