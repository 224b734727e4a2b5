"""Loading one run's results into the warehouse: replace changed articles, account for every file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import duckdb
import pandas as pd

from pipelines.ingest.plan import CorpusScan, IngestResult, KnownFile, article_id_for
from pipelines.models import Extraction, IngestError, SourceFile
from pipelines.staging import StagedBatches
from pipelines.warehouse.rows import ARTICLE_TABLES, article_rows, frames
from pipelines.warehouse.sqlfiles import registered, run_sql_file
from pipelines.warehouse.store import Warehouse


LOAD_CHUNK = 256  # articles turned into rows at a time, so that memory does not grow with the run's size


@dataclass(frozen=True)
class LoadSummary:
    run_id: str
    files_seen: int
    files_processed: int
    articles_added: int
    articles_changed: int
    files_missing: int
    errors: int


def known_files(con: duckdb.DuckDBPyConnection) -> dict[str, KnownFile]:
    rows = con.execute(
        "SELECT source_path, content_sha256, size_bytes, mtime_ns, status, article_id FROM source_files"
    ).fetchall()
    return {r[0]: KnownFile(*r) for r in rows}


def read_known_files(warehouse: Warehouse) -> dict[str, KnownFile]:
    """What the published warehouse knows of the corpus ({} before the first run)."""
    if not warehouse.exists():
        return {}
    with warehouse.connect_readonly() as con:
        return known_files(con)


def _table_columns(con: duckdb.DuckDBPyConnection, tables: tuple[str, ...]) -> dict[str, list[str]]:
    return {
        t: [r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [t]).fetchall()]
        for t in tables
    }


def _insert_from(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame, sql: str) -> None:
    """Runs one bulk statement that reads ``frame`` as the table ``incoming``."""
    with registered(con, "incoming", frame):
        con.execute(sql)


def _insert_rows(con: duckdb.DuckDBPyConnection, tables: dict[str, pd.DataFrame]) -> None:
    """Bulk-inserts one chunk of articles' rows: entities first (an entity already known stays), then
    parents before children."""
    _insert_from(con, tables["entities"].drop_duplicates("entity_id"),
                 "INSERT INTO entities BY NAME SELECT * FROM incoming ANTI JOIN entities USING (entity_id)")
    for table in reversed(ARTICLE_TABLES):
        if len(tables[table]):
            _insert_from(con, tables[table], f"INSERT INTO {table} BY NAME SELECT * FROM incoming")


def _upsert_source_files(
    con: duckdb.DuckDBPyConnection, outcomes: list[tuple], stats: dict[str, SourceFile], now: dt.datetime,
) -> None:
    """Records each file's outcome in one bulk upsert; a path listed twice keeps its last outcome."""
    latest = {path: (sha, status, article_id) for path, sha, status, article_id in outcomes}
    if not latest:
        return
    paths = list(latest)
    stat = [stats.get(p) for p in paths]
    frame = pd.DataFrame({
        "source_path": paths,
        "content_sha256": [latest[p][0] for p in paths],
        # Nullable integers: a float column would round nanosecond mtimes and make every file look changed.
        "size_bytes": pd.array([s and s.size_bytes for s in stat], dtype="Int64"),
        "mtime_ns": pd.array([s and s.mtime_ns for s in stat], dtype="Int64"),
        "status": [latest[p][1] for p in paths],
        "article_id": [latest[p][2] for p in paths],
    })
    with registered(con, "incoming", frame):
        run_sql_file(con, "load/record_files.sql", now=now)


def _record_errors(
    con: duckdb.DuckDBPyConnection, errors: list[IngestError], ok_paths: list[str], now: dt.datetime,
) -> None:
    """Clears the errors of files that are fine now and records why each failed file did not become an
    article, in one bulk upsert (a path's last error wins)."""
    latest = {err.source_path: err for err in errors}
    frame = pd.DataFrame({
        "source_path": pd.Series(list(latest), dtype=object),
        "error": pd.Series([e.error for e in latest.values()], dtype=object),
        "detail": pd.Series([e.detail for e in latest.values()], dtype=object),
    })
    with registered(con, "incoming", frame):
        run_sql_file(con, "load/record_errors.sql", ok_paths=ok_paths, now=now)


def _chunks(extractions: StagedBatches) -> Iterator[list[Extraction]]:
    """The staged extractions, about LOAD_CHUNK articles at a time."""
    chunk: list[Extraction] = []
    for batch in extractions:
        chunk.extend(batch)
        if len(chunk) >= LOAD_CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def load(
    warehouse: Warehouse,
    scan: CorpusScan,
    ingest: IngestResult,
    extractions: StagedBatches,
    extracted_paths: list[str],
    failures: list[IngestError],
    run_id: str,
    started_at: dt.datetime,
) -> LoadSummary:
    """Writes the run into a private copy of the warehouse and publishes it (see Warehouse.build).
    ``extractions`` holds the Extraction of each article in ``extracted_paths``."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    errors = list(ingest.errors) + list(failures)
    with warehouse.build() as build:
        con = build.con
        known = known_files(con)
        stats = {f.source_path: f for f in scan.files}
        loaded_paths = set(extracted_paths)
        # Articles whose rows go: re-extracted ones, and files that now duplicate another article.
        replaced = sorted({article_id_for(p) for p in loaded_paths | set(ingest.duplicates)})
        # Readers never see the build before it is published whole (see Warehouse.build, Lake.build).
        build.delete_articles(replaced)
        build.begin()
        columns = _table_columns(con, ARTICLE_TABLES + ("entities",))
        for chunk in _chunks(extractions):
            _insert_rows(con, frames([article_rows(ex, now) for ex in chunk], columns))

        outcomes: list[tuple] = []
        for path in loaded_paths:
            outcomes.append((path, ingest.hashes[path], "article", article_id_for(path)))
        for path, article_id in ingest.duplicates.items():
            outcomes.append((path, ingest.hashes[path], "duplicate", article_id))
        for source in ingest.unchanged:
            k = known[source.source_path]
            outcomes.append((source.source_path, k.content_sha256, k.status, k.article_id))
        for err in errors:
            k = known.get(err.source_path)
            outcomes.append((err.source_path, ingest.hashes.get(err.source_path), "error", k and k.article_id))
        _upsert_source_files(con, outcomes, stats, now)
        _record_errors(con, errors, [p for p, _, status, _ in outcomes if status != "error"], now)
        run_sql_file(con, "load/record_presence.sql", now=now, present=[f.source_path for f in scan.files],
                     missing=scan.missing)
        summary = LoadSummary(
            run_id=run_id,
            files_seen=len(scan.files),
            files_processed=len(scan.to_read),
            articles_added=sum(1 for p in loaded_paths if p not in known or known[p].status != "article"),
            articles_changed=sum(1 for p in loaded_paths if p in known and known[p].status == "article"),
            files_missing=len(scan.missing),
            errors=len(errors),
        )
        run_sql_file(con, "load/record_run.sql", **summary.__dict__, started_at=started_at.replace(tzinfo=None),
                     finished_at=now)
        build.commit()
        build.refresh_entities(replaced)
    return summary
