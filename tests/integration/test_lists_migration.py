"""Revision 0003: the list and linkage tables, up and down, as the models describe them."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData, inspect

from tollbook.services.setup import init_database
from tollbook.store import list_tables, migrate
from tollbook.store.database import make_engine
from tollbook.store.tables import Base

LIST_TABLES = {
    "named_lists",
    "list_imports",
    "list_records",
    "linkage_models",
    "link_runs",
    "record_links",
    "persons",
    "person_records",
    "pair_reviews",
}


def _about_lists(difference: object) -> bool:
    """Whether a difference alembic found concerns one of the list tables."""
    items = difference if isinstance(difference, list) else [difference]
    for item in items:
        for part in item if isinstance(item, tuple) else (item,):
            table = getattr(part, "table", None)
            name = getattr(table, "name", None) or getattr(part, "name", None)
            if part in LIST_TABLES or name in LIST_TABLES:
                return True
    return False


def test_the_list_tables_match_their_models(database_url: str) -> None:
    init_database(database_url)
    mine = MetaData(naming_convention=Base.metadata.naming_convention)
    for name in LIST_TABLES:
        Base.metadata.tables[name].to_metadata(mine)
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = [d for d in compare_metadata(context, mine) if _about_lists(d)]
            checks = {c["name"] for c in inspect(connection).get_check_constraints("list_records")}
    finally:
        engine.dispose()
    assert differences == []
    assert checks == {"ck_list_records_sex", "ck_list_records_row_positive"}
    assert list_tables.PAIR_STATUSES == ("pending", "confirmed", "split")


def test_downgrade_below_0003_drops_the_list_tables(database_url: str) -> None:
    init_database(database_url)
    migrate.downgrade(database_url, "0002")
    engine = make_engine(database_url)
    try:
        assert not LIST_TABLES & set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    migrate.upgrade(database_url, "0003")
    engine = make_engine(database_url)
    try:
        assert set(inspect(engine).get_table_names()) >= LIST_TABLES
    finally:
        engine.dispose()
