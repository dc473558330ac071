"""Storage: database tables, repositories, the unit of work and migrations.

SQLite by default, PostgreSQL for a shared server. The schema changes only through the
Alembic migrations in ``tollbook/store/migrations``.
"""
