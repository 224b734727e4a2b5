"""Full-text search in a DuckLake: the index tables live in the lake, the search macros in each connection.

DuckDB's ``PRAGMA create_fts_index`` writes its index as ordinary tables (docs, terms, dict, stats, fields,
stopwords) plus macros (``tokenize``, ``match_bm25``) in a schema ``fts_main_<table>``. A DuckLake holds the
tables, but cannot store ``match_bm25`` (its ``fields := NULL`` default has a type DuckLake cannot record).
So the lake keeps the index tables, and every connection builds the macros for itself: the same PRAGMA
(sql/load/search_indexes.sql) run on an empty copy of the table in the connection's in-memory database, whose
index tables are then replaced by views of the lake's. Queries read exactly as on a DuckDB file
(``fts_main_quotes.match_bm25(quote_id, 'words')``).

The writer keeps the index current with the same statements as the file (sql/load/search_update.sql), but
only over the rows the run touched, and never rebuilds with the PRAGMA: a document's id is a hash of its key,
because a DuckLake row gets its final rowid only when the transaction commits.
"""

from __future__ import annotations

import duckdb

from pipelines.warehouse.lake_schema import schema_tables
from pipelines.warehouse.fts_update import (
    SearchIndex, built_from, current, definition, differences, search_indexes, update,
)

LAKE = "lake"  # the name the lake is attached under
INDEX_TABLES = ("docs", "terms", "dict", "stats", "fields", "stopwords")


def docid(index: SearchIndex) -> str:
    """A document's id in the lake: a hash of its row's key (63 bits, so that it fits the BIGINT column)."""
    return f"(hash(t.{index.id}) >> 1)::BIGINT"


def _lake_has_index(con: duckdb.DuckDBPyConnection, index: SearchIndex) -> bool:
    return bool(con.execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = ? AND schema_name = ?",
                            [LAKE, index.schema]).fetchone()[0])


def _memory_index(con: duckdb.DuckDBPyConnection, index: SearchIndex) -> None:
    """The index's macros (and its empty tables) in the in-memory database, from the index's own PRAGMA."""
    [table] = [t for t in schema_tables() if t.name == index.table]
    types = {c.name: c.type for c in table.columns}
    columns = ", ".join(f"{name} {types[name]}" for name in (index.id, *index.fields))
    con.execute(f"CREATE OR REPLACE TABLE memory.main.{index.table} ({columns})")
    con.execute("USE memory")
    try:
        con.execute(index.statement)
    finally:
        con.execute(f"USE {LAKE}")
    con.execute(f"DROP TABLE memory.main.{index.table}")


def _search_path(schemas: list[str]) -> str:
    return ",".join([f"{LAKE}.main", *schemas])


def attach_for_reading(con: duckdb.DuckDBPyConnection) -> None:
    """Makes the search macros work on a reader's connection: macros in memory, reading the lake's index
    tables through views of the same names."""
    schemas = []
    for index in search_indexes():
        if not _lake_has_index(con, index):  # no run has built it yet
            continue
        _memory_index(con, index)
        for table in INDEX_TABLES:
            con.execute(f"DROP TABLE memory.{index.schema}.{table}")
            con.execute(f"CREATE VIEW memory.{index.schema}.{table} AS SELECT * FROM {LAKE}.{index.schema}.{table}")
        schemas.append(f"memory.{index.schema}")
    con.execute(f"SET search_path = '{_search_path(schemas)}'")


def _create_in_lake(con: duckdb.DuckDBPyConnection, index: SearchIndex) -> None:
    """An empty index in the lake, copied from the in-memory one (its stopwords and fields filled in)."""
    con.execute(f"DROP SCHEMA IF EXISTS {LAKE}.{index.schema} CASCADE")
    con.execute(f"CREATE SCHEMA {LAKE}.{index.schema}")
    for table in INDEX_TABLES:
        con.execute(f"CREATE TABLE {LAKE}.{index.schema}.{table} AS SELECT * FROM memory.{index.schema}.{table}")
    con.execute(f"ALTER TABLE {LAKE}.{index.schema}.docs ADD COLUMN content_hash UBIGINT")
    con.execute(f"COMMENT ON TABLE {LAKE}.{index.schema}.stats IS '{definition(index)}'")


def writer_macros(con: duckdb.DuckDBPyConnection) -> None:
    """The writer's macros in memory, before its transaction (which may write to the lake alone). The empty
    in-memory index tables stay: the lake's, first on the search path, are the ones written."""
    for index in search_indexes():
        _memory_index(con, index)


def ensure_indexes(con: duckdb.DuckDBPyConnection) -> None:
    """Inside the writer's transaction: each index's tables in the lake, made afresh (empty: every row goes in
    at the next update) when missing or built from another definition; then the search path that finds the
    lake's tables and the in-memory macros."""
    schemas = []
    for index in search_indexes():
        if built_from(con, index) != definition(index):
            _create_in_lake(con, index)
        schemas += [f"{LAKE}.{index.schema}", f"memory.{index.schema}"]
    con.execute(f"SET search_path = '{_search_path(schemas)}'")


def update_indexes(con: duckdb.DuckDBPyConnection, scopes: dict[str, str]) -> None:
    """Brings each index up to date with the rows of its table whose keys ``scopes[table]`` selects (a query);
    an index with no document yet takes every row."""
    for index in search_indexes():
        empty = not con.execute(f"SELECT count(*) FROM {index.schema}.docs").fetchone()[0]
        scope = None if empty else scopes[index.table]
        current(con, index, docid(index), scope)
        gone, new, _ = differences(con, index, scope)
        if gone + new:
            update(con, index, docid(index))
