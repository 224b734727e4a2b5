"""A large warehouse without parsing it all: copies of a built corpus and of its warehouse rows.

Parsing 10,000 articles takes hours on a small machine, while what an incremental run costs depends on
how many rows and files the warehouse holds, not on how they were made. This makes ``copies`` copies of
every file of a built corpus (``copy<k>/NAME``, same bytes and modification time, so a scan sees them as
known and unchanged) and of every row of their articles, under the ids the pipeline would give those paths,
then refreshes the entity tables and the search indexes the way a run does.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from pipelines.warehouse.lake import Lake
from pipelines.warehouse.rows import ARTICLE_TABLES
from pipelines.warehouse.store import Warehouse

# SQL for the ids the pipeline derives from a path (pipelines.ingest.plan.article_id_for) and for a
# quote (pipelines.warehouse.rows.stable_id(article_id, start, end, kind)).
ARTICLE_ID = "substr(sha256(m.new_path), 1, 16)"
QUOTE_ID = "substr(sha256(concat_ws(chr(31), m.new_id, t.start_char, t.end_char, t.kind)), 1, 16)"


def copy_corpus(source: Path, target: Path, copies: int) -> None:
    """target gets the source files, plus copies-1 copies of them under copy<k>/."""
    files = [p for p in source.iterdir() if p.is_file()]
    for k in range(copies):
        folder = target if k == 0 else target / f"copy{k}"
        folder.mkdir(parents=True, exist_ok=True)
        for path in files:
            shutil.copy2(path, folder / path.name)  # copy2 keeps the modification time to the nanosecond


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table]).fetchall()]


def _copy_rows(con: duckdb.DuckDBPyConnection, table: str) -> None:
    replaced = {"article_id": "m.new_id", "source_path": "m.new_path", "quote_id": QUOTE_ID}
    select = ", ".join(replaced.get(c, f"t.{c}") for c in _columns(con, table))
    con.execute(f"INSERT INTO {table} SELECT {select} FROM {table} t JOIN id_map m ON t.article_id = m.old_id")


def copy_rows(warehouse: Warehouse | Lake, copies: int) -> None:
    with warehouse.build() as build:
        con = build.con
        con.execute("CREATE TEMP TABLE id_map AS SELECT article_id AS old_id, source_path AS old_path, "
                    "'copy' || k || '/' || source_path AS new_path, '' AS new_id "
                    f"FROM articles, range(1, {copies}) r(k)")
        con.execute(f"UPDATE id_map m SET new_id = {ARTICLE_ID}")
        new_ids = [r[0] for r in con.execute("SELECT new_id FROM id_map").fetchall()]
        build.delete_articles(new_ids)  # none of them is there: this tells a lake which articles the run adds
        # Parents before children, each table its own transaction (foreign keys see committed rows only).
        for table in reversed(ARTICLE_TABLES):
            _copy_rows(con, table)
        con.execute(
            "INSERT INTO source_files SELECT m.new_path, f.content_sha256, f.size_bytes, f.mtime_ns, f.status, "
            "m.new_id, f.first_seen, f.last_seen FROM source_files f JOIN id_map m ON f.source_path = m.old_path")
        build.refresh_entities()


def replicate(source_corpus: Path, source_warehouse: Path, target_corpus: Path, target_warehouse: Path,
              copies: int) -> None:
    copy_corpus(source_corpus, target_corpus, copies)
    target_warehouse.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source_warehouse, target_warehouse)
    copy_rows(Warehouse(target_warehouse), copies)
