"""Comparing two warehouses row for row, run bookkeeping aside: the check that a warehouse is a function of the
set of corpus files, not of how or in what order they arrived.

Both warehouses (DuckDB files or DuckLakes) are attached to one in-memory DuckDB and every table is compared with EXCEPT ALL, so the rows never
pass through Python. Left out: pipeline_runs, timestamps (when a file was seen or an article ingested) and
file modification times. The full-text indexes are compared by what they hold (each document's terms by name,
document frequencies, statistics), not by their internal ids, which depend on the order rows were written.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import duckdb

from pipelines.warehouse.lake import Lake
from pipelines.warehouse.store import Warehouse

BOOKKEEPING_TABLES = {"pipeline_runs"}
BOOKKEEPING_COLUMNS = {"mtime_ns"}  # besides every TIMESTAMP column
SHOWN = 3  # example rows shown for each side of a difference


def _index_queries(db: str, schema: str) -> dict[str, str]:
    """The content of one full-text index (sql/load/search_indexes.sql) without its row and term ids."""
    s = f"{db}.{schema}"
    return {
        f"{schema}.docs": f"SELECT name, len, content_hash FROM {s}.docs",
        f"{schema}.terms": f"SELECT d.name, f.field, w.term FROM {s}.terms t JOIN {s}.docs d USING (docid) "
                           f"JOIN {s}.fields f USING (fieldid) JOIN {s}.dict w USING (termid)",
        f"{schema}.dict": f"SELECT term, df FROM {s}.dict",
        f"{schema}.stats": f"SELECT num_docs, round(avgdl, 9) FROM {s}.stats",
        f"{schema}.fields": f"SELECT fieldid, field FROM {s}.fields",
        f"{schema}.stopwords": f"SELECT sw FROM {s}.stopwords",
    }


def canonical_queries(con: duckdb.DuckDBPyConnection, db: str) -> dict[str, str]:
    """{table: a query of its rows without bookkeeping} for every table of the attached database ``db``."""
    queries: dict[str, str] = {}
    tables = con.execute("SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = ? "
                         "ORDER BY ALL", [db]).fetchall()
    for schema, table in tables:
        if schema.startswith("fts_"):
            queries.update(_index_queries(db, schema))
        elif table not in BOOKKEEPING_TABLES:
            columns = [c for c, kind in con.execute(
                "SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = ? AND schema_name = ? "
                "AND table_name = ? ORDER BY column_index", [db, schema, table]).fetchall()
                if not kind.startswith("TIMESTAMP") and c not in BOOKKEEPING_COLUMNS]
            queries[table] = f"SELECT {', '.join(columns)} FROM {db}.{schema}.{table}"
    return queries


Compared = Path | Warehouse | Lake  # a path is a DuckDB file


def _warehouse(w: Compared) -> Warehouse | Lake:
    return w if isinstance(w, (Warehouse, Lake)) else Warehouse(w)


@contextlib.contextmanager
def _attached(a: Compared, b: Compared):
    con = duckdb.connect()
    try:
        _warehouse(a).attach_readonly(con, "left_wh")
        _warehouse(b).attach_readonly(con, "right_wh")
        yield con
    finally:
        con.close()


def differences(a: Compared, b: Compared) -> list[str]:
    """What differs between the warehouses ``a`` and ``b``, table by table, with example rows ([] when they hold
    the same rows)."""
    found: list[str] = []
    with _attached(a, b) as con:
        left, right = canonical_queries(con, "left_wh"), canonical_queries(con, "right_wh")
        for table in sorted(left.keys() ^ right.keys()):
            found.append(f"{table}: only in {'the first' if table in left else 'the second'} warehouse")
        for table in sorted(left.keys() & right.keys()):
            only_left = con.execute(f"{left[table]} EXCEPT ALL {right[table]}").fetchall()
            only_right = con.execute(f"{right[table]} EXCEPT ALL {left[table]}").fetchall()
            if only_left or only_right:
                found.append(f"{table}: {len(only_left)} rows only in the first, {len(only_right)} only in the second")
                found += [f"  first:  {_short(row)}" for row in sorted(only_left, key=str)[:SHOWN]]
                found += [f"  second: {_short(row)}" for row in sorted(only_right, key=str)[:SHOWN]]
    return found


def row_counts(path: Compared) -> dict[str, int]:
    """Rows per compared table of one warehouse."""
    with _attached(path, path) as con:
        return {t: con.execute(f"SELECT count(*) FROM ({q})").fetchone()[0]
                for t, q in canonical_queries(con, "left_wh").items()}


def _short(row: tuple, width: int = 160) -> str:
    text = repr(row)
    return text if len(text) <= width else text[:width - 1] + "…"
