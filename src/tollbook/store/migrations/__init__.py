"""Alembic migrations of the Tollbook schema, run by :mod:`tollbook.store.migrate`."""
