"""The tables of sql/schema.sql as DuckLake tables.

DuckLake has no primary keys, unique, foreign-key or CHECK constraints, so the lake cannot take schema.sql as
it is. Rather than keep a second copy of the schema, schema.sql is applied to an empty in-memory database and
its tables are read back: the lake gets the same tables, columns, types, NOT NULL rules and comments. Keys are
kept by how the load writes (an article's rows are deleted before they are inserted again, in one
transaction), not by the catalog.
"""

from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass
from functools import cache

import duckdb

from pipelines.warehouse.sqlfiles import literal, run_sql_file


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    not_null: bool
    comment: str | None


@dataclass(frozen=True)
class Table:
    name: str
    comment: str | None
    columns: tuple[Column, ...]


@cache
def schema_tables() -> tuple[Table, ...]:
    """The tables schema.sql creates, in its order."""
    with closing(duckdb.connect()) as con:
        run_sql_file(con, "schema.sql")
        tables = con.execute("SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = 'main' "
                             "ORDER BY table_oid").fetchall()
        return tuple(
            Table(name, comment, tuple(Column(*c) for c in con.execute(
                "SELECT column_name, data_type, NOT is_nullable, comment FROM duckdb_columns() "
                "WHERE schema_name = 'main' AND table_name = ? ORDER BY column_index", [name]).fetchall()))
            for name, comment in tables
        )


def create_statements() -> list[str]:
    """DDL that creates the tables of schema.sql in an empty lake."""
    statements: list[str] = []
    for table in schema_tables():
        columns = ",\n    ".join(f"{c.name} {c.type}{' NOT NULL' if c.not_null else ''}" for c in table.columns)
        statements.append(f"CREATE TABLE {table.name} (\n    {columns}\n)")
        if table.comment:
            statements.append(f"COMMENT ON TABLE {table.name} IS {literal(table.comment)}")
        statements += [f"COMMENT ON COLUMN {table.name}.{c.name} IS {literal(c.comment)}" for c in table.columns
                       if c.comment]
    return statements
