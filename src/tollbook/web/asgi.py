"""The app for an ASGI server started by name (``tollbook serve`` with workers, tests):
``uvicorn --factory tollbook.web.asgi:app_from_env``. The database is
``$TOLLBOOK_DATABASE_URL`` (else ``sqlite:///tollbook.db``)."""

from __future__ import annotations

from fastapi import FastAPI

from tollbook.web.app import create_app


def app_from_env() -> FastAPI:
    return create_app()
