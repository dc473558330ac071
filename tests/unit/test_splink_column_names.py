"""Splink's column names, parsed once: the same builders Splink makes, shared."""

from __future__ import annotations

from splink.internals.input_column import InputColumn, SqlglotColumnTreeBuilder

from tollbook.link.splink_column_names import install, parse_uncached


def test_each_name_is_parsed_once_into_the_builder_splink_would_make() -> None:
    assert install() and install()  # a second install changes nothing
    build = SqlglotColumnTreeBuilder.from_raw_column_name_or_column_reference
    for name in ("family_name", "first name", "coords[1]", "loc['lat']", "group"):
        built = build(name, "duckdb")
        assert built is build(name, sqlglot_dialect="duckdb")  # parsed once
        assert built == parse_uncached(name, "duckdb")  # as Splink parses it
        column = InputColumn(name, sqlglot_dialect_str="duckdb")
        assert column.col_builder is built
        assert column.name_l != column.name_r and column.name == built.sql
    assert build("x", "spark") is not build("x", "duckdb")
    assert build("x", "spark") == parse_uncached("x", "spark")
