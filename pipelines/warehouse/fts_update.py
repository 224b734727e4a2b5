"""Keeping the full-text indexes current at the cost of what changed, not of the whole warehouse.

DuckDB's full-text extension can only build an index from scratch, which at 10,000 articles takes longer
than parsing one new article. An index is rebuilt when it is missing, when its definition in
search_indexes.sql changed, or when much of its table changed; otherwise sql/load/search_update.sql adds
the new rows and removes the gone ones. The index records, per document, a hash of the indexed columns
(docs.content_hash), so changed rows are found by comparing hashes, and the definition it was built from as
the comment of its stats table.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import duckdb

from pipelines.warehouse.sqlfiles import SQL_DIR, run_sql

SEARCH_INDEXES = "load/search_indexes.sql"
REBUILD_SHARE = 0.2  # above this share of changed documents a rebuild is cheaper than an update
ROWID = "t.rowid"  # a document's id in a DuckDB file: its row's rowid, as create_fts_index makes it
_PRAGMA = re.compile(r"^PRAGMA create_fts_index\('(\w+)', '(\w+)', ((?:'\w+'(?:, )?)+).*;$", re.MULTILINE)
_STEMMER = re.compile(r"stem\(unnest\(\w+\.tokenize\(query_string\)\), '(\w+)'\)")


@dataclass(frozen=True)
class SearchIndex:
    table: str
    id: str
    fields: tuple[str, ...]
    statement: str  # the PRAGMA that builds it

    @property
    def schema(self) -> str:
        return f"fts_main_{self.table}"


def search_indexes() -> list[SearchIndex]:
    """The indexes search_indexes.sql builds, one PRAGMA line each."""
    return [
        SearchIndex(m.group(1), m.group(2), tuple(f.strip("' ") for f in m.group(3).split(",") if f.strip()),
                    m.group(0))
        for m in _PRAGMA.finditer((SQL_DIR / SEARCH_INDEXES).read_text(encoding="utf-8"))
    ]


def refresh_search_indexes(con: duckdb.DuckDBPyConnection) -> None:
    for index in search_indexes():
        _refresh(con, index)


def definition(index: SearchIndex) -> str:
    """A fingerprint of the statement that builds the index, kept as the comment of its stats table."""
    return hashlib.sha256(index.statement.encode("utf-8")).hexdigest()[:16]


def built_from(con: duckdb.DuckDBPyConnection, index: SearchIndex) -> str | None:
    """The fingerprint the index was built with (None when there is no index, or one from before updates)."""
    rows = con.execute("SELECT comment FROM duckdb_tables() WHERE database_name = current_database() "
                       "AND schema_name = ? AND table_name = 'stats'", [index.schema]).fetchall()
    columns = {r[0] for r in con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = ? "
        "AND table_name = 'docs'", [index.schema]
    ).fetchall()}
    return rows[0][0] if rows and "content_hash" in columns else None


def _content(index: SearchIndex) -> str:
    return f"hash({', '.join(index.fields)})"


def _refresh(con: duckdb.DuckDBPyConnection, index: SearchIndex) -> None:
    current(con, index, ROWID)
    if built_from(con, index) != definition(index):
        return _rebuild(con, index)
    gone, new, total = differences(con, index)
    if gone + new == 0:
        return None
    if gone + new > REBUILD_SHARE * max(total, 1):
        return _rebuild(con, index)
    return update(con, index, ROWID)


def _scoped(column: str, scope: str | None) -> str:
    return "" if scope is None else f" WHERE {column} IN ({scope})"


def current(con: duckdb.DuckDBPyConnection, index: SearchIndex, docid: str, scope: str | None = None) -> None:
    """fts_current: the rows that may have changed (``scope``: a query of their ids; None: all), with their
    document ids and content hashes."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE fts_current AS SELECT {docid} AS docid, t.{index.id} AS name, "
                f"{_content(index)} AS content_hash FROM {index.table} t{_scoped(f't.{index.id}', scope)}")


def differences(con: duckdb.DuckDBPyConnection, index: SearchIndex, scope: str | None = None) -> tuple[int, int, int]:
    """fts_gone / fts_new: the documents of the rows in ``scope`` the index must drop and add. Returns how many
    go, come, and how many rows were compared."""
    indexed = f"(SELECT * FROM {index.schema}.docs{_scoped('name', scope)})"
    same = "c.docid = d.docid AND c.name = d.name AND c.content_hash = d.content_hash"
    con.execute(f"CREATE OR REPLACE TEMP TABLE fts_gone AS SELECT d.docid FROM {indexed} d ANTI JOIN fts_current c ON {same}")
    con.execute(f"CREATE OR REPLACE TEMP TABLE fts_new AS SELECT c.* FROM fts_current c ANTI JOIN {indexed} d ON {same}")
    [row] = con.execute(
        "SELECT (SELECT count(*) FROM fts_gone), (SELECT count(*) FROM fts_new), (SELECT count(*) FROM fts_current)"
    ).fetchall()
    return row


def update(con: duckdb.DuckDBPyConnection, index: SearchIndex, docid: str) -> None:
    """Applies fts_gone / fts_new to the index (sql/load/search_update.sql)."""
    [(macro,)] = con.execute("SELECT macro_definition FROM duckdb_functions() WHERE schema_name = ? "
                             "AND function_name = 'match_bm25'", [index.schema]).fetchall()
    sql = (SQL_DIR / "load" / "search_update.sql").read_text(encoding="utf-8").format(
        schema=index.schema, table=index.table, id=index.id, fields=", ".join(index.fields), docid=docid)
    run_sql(con, sql, stemmer=_STEMMER.search(macro).group(1))


def _rebuild(con: duckdb.DuckDBPyConnection, index: SearchIndex) -> None:
    con.execute(index.statement)
    con.execute(f"ALTER TABLE {index.schema}.docs ADD COLUMN content_hash UBIGINT")
    con.execute(f"UPDATE {index.schema}.docs d SET content_hash = c.content_hash FROM fts_current c "
                "WHERE c.docid = d.docid")
    con.execute(f"COMMENT ON TABLE {index.schema}.stats IS '{definition(index)}'")
