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


def _definition(index: SearchIndex) -> str:
    return hashlib.sha256(index.statement.encode("utf-8")).hexdigest()[:16]


def _built_from(con: duckdb.DuckDBPyConnection, index: SearchIndex) -> str | None:
    rows = con.execute("SELECT comment FROM duckdb_tables() WHERE schema_name = ? AND table_name = 'stats'",
                       [index.schema]).fetchall()
    columns = {r[0] for r in con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE schema_name = ? AND table_name = 'docs'", [index.schema]
    ).fetchall()}
    return rows[0][0] if rows and "content_hash" in columns else None


def _content(index: SearchIndex) -> str:
    return f"hash({', '.join(index.fields)})"


def _refresh(con: duckdb.DuckDBPyConnection, index: SearchIndex) -> None:
    con.execute(f"CREATE OR REPLACE TEMP TABLE fts_current AS SELECT rowid AS docid, {index.id} AS name, "
                f"{_content(index)} AS content_hash FROM {index.table}")
    if _built_from(con, index) != _definition(index):
        return _rebuild(con, index)
    same = "c.docid = d.docid AND c.name = d.name AND c.content_hash = d.content_hash"
    con.execute(f"CREATE OR REPLACE TEMP TABLE fts_gone AS SELECT d.docid FROM {index.schema}.docs d "
                f"ANTI JOIN fts_current c ON {same}")
    con.execute(f"CREATE OR REPLACE TEMP TABLE fts_new AS SELECT c.* FROM fts_current c "
                f"ANTI JOIN {index.schema}.docs d ON {same}")
    [(gone, new, total)] = con.execute(
        "SELECT (SELECT count(*) FROM fts_gone), (SELECT count(*) FROM fts_new), (SELECT count(*) FROM fts_current)"
    ).fetchall()
    if gone + new == 0:
        return None
    if gone + new > REBUILD_SHARE * max(total, 1):
        return _rebuild(con, index)
    [(macro,)] = con.execute("SELECT macro_definition FROM duckdb_functions() WHERE schema_name = ? "
                             "AND function_name = 'match_bm25'", [index.schema]).fetchall()
    sql = (SQL_DIR / "load" / "search_update.sql").read_text(encoding="utf-8").format(
        schema=index.schema, table=index.table, id=index.id, fields=", ".join(index.fields))
    run_sql(con, sql, stemmer=_STEMMER.search(macro).group(1))
    return None


def _rebuild(con: duckdb.DuckDBPyConnection, index: SearchIndex) -> None:
    con.execute(index.statement)
    con.execute(f"ALTER TABLE {index.schema}.docs ADD COLUMN content_hash UBIGINT")
    con.execute(f"UPDATE {index.schema}.docs d SET content_hash = c.content_hash FROM fts_current c "
                "WHERE c.docid = d.docid")
    con.execute(f"COMMENT ON TABLE {index.schema}.stats IS '{_definition(index)}'")
