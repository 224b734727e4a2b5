"""What the published warehouse knows of the corpus, and whether a run has anything to do: read with DuckDB
alone (no pandas, no Dagster, no spaCy) over one connection, so that a run with nothing new costs next to
nothing, on a file as on a lake."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import duckdb

from pipelines.ingest.plan import CorpusScan, KnownFile
from pipelines.warehouse.sqlfiles import SQL_DIR
from pipelines.warehouse.store import built_with_this_schema

if TYPE_CHECKING:
    from pipelines.warehouse.lake import Lake
    from pipelines.warehouse.store import Warehouse


@dataclass(frozen=True)
class Published:
    """The published warehouse as a run first sees it."""

    current: bool = False  # it exists and was built with this version of sql/schema.sql
    files: dict[str, KnownFile] = field(default_factory=dict)  # {} when not current: a rebuild reads everything
    published_ns: int = 0  # when it was last published (nanoseconds since the epoch)


def known_files(con: duckdb.DuckDBPyConnection) -> dict[str, KnownFile]:
    rows = con.execute(
        "SELECT source_path, content_sha256, size_bytes, mtime_ns, status, article_id FROM source_files"
    ).fetchall()
    return {r[0]: KnownFile(*r) for r in rows}


def read_published(warehouse: Warehouse | Lake) -> Published:
    """What the published warehouse knows of the corpus; nothing before the first run, and nothing when the
    warehouse was built with another version of the schema (it is then rebuilt from the whole corpus)."""
    try:
        con = warehouse.connect_plain()
    except duckdb.Error:  # no warehouse file, no lake catalog yet
        return Published()
    with contextlib.closing(con):
        if not built_with_this_schema(con):
            return Published()
        return Published(True, known_files(con), warehouse.published_ns(con))


def needs_run(scan: CorpusScan, published: Published) -> bool:
    """Whether a run has work: a file is new, changed, back or gone, there is no warehouse yet, or an SQL file
    (schema, views, load scripts) changed since the warehouse was published, which a run applies."""
    if scan.to_read or scan.missing or not published.current:
        return True
    return any(path.stat().st_mtime_ns > published.published_ns for path in SQL_DIR.rglob("*.sql"))
