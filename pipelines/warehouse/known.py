"""What the published warehouse knows of the corpus, and whether a run has anything to do: read with DuckDB
alone (no pandas, no Dagster, no spaCy), so that a run with nothing new costs next to nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

import duckdb

from pipelines.ingest.plan import CorpusScan, KnownFile
from pipelines.warehouse.sqlfiles import SQL_DIR

if TYPE_CHECKING:
    from pipelines.warehouse.lake import Lake
    from pipelines.warehouse.store import Warehouse


def known_files(con: duckdb.DuckDBPyConnection) -> dict[str, KnownFile]:
    rows = con.execute(
        "SELECT source_path, content_sha256, size_bytes, mtime_ns, status, article_id FROM source_files"
    ).fetchall()
    return {r[0]: KnownFile(*r) for r in rows}


def read_known_files(warehouse: Warehouse | Lake) -> dict[str, KnownFile]:
    """What the published warehouse knows of the corpus ({} before the first run, and when the warehouse was
    built with another version of the schema: it is then rebuilt from the whole corpus)."""
    if not warehouse.current():
        return {}
    with warehouse.connect_readonly() as con:
        return known_files(con)


def needs_run(scan: CorpusScan, warehouse: Warehouse | Lake) -> bool:
    """Whether a run has work: a file is new, changed, back or gone, there is no warehouse yet, or an SQL file
    (schema, views, load scripts) changed since the warehouse was published, which a run applies."""
    if scan.to_read or scan.missing or not warehouse.current():
        return True
    published = warehouse.published_ns()
    return any(path.stat().st_mtime_ns > published for path in SQL_DIR.rglob("*.sql"))
