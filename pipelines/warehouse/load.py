"""Loading one run's results into the warehouse: replace changed articles, account for every file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from pipelines.ingest.plan import CorpusScan, IngestResult, KnownFile, article_id_for
from pipelines.models import IngestError, SourceFile
from pipelines.staging import BATCH_SUFFIX, StagedBatches
from pipelines.warehouse.known import known_files
from pipelines.warehouse.rows import ARTICLE_TABLES
from pipelines.warehouse.sqlfiles import registered, run_sql_file
from pipelines.warehouse.store import Warehouse


@dataclass(frozen=True)
class LoadSummary:
    run_id: str
    files_seen: int
    files_processed: int
    articles_added: int
    articles_changed: int
    files_missing: int
    errors: int


def _staged_files(extractions: StagedBatches, table: str) -> list[str]:
    """The staged Parquet files of one table, in batch order (a batch without rows for it has none)."""
    files = (Path(folder) / f"{table}{BATCH_SUFFIX}" for folder in extractions.files)
    return [str(f) for f in files if f.exists()]


def insert_staged(con: duckdb.DuckDBPyConnection, extractions: StagedBatches, article_ids: list[str],
                   now: dt.datetime) -> None:
    """Inserts the staged rows of these articles (pipelines.warehouse.rows), with DuckDB reading the batch
    files: new entities first (an entity already known stays; a new one takes the first article_names row of
    its id, in article order), then parents before children."""
    wanted = {"article_ids": article_ids}
    names = _staged_files(extractions, "article_names")
    if names:
        # Not ON CONFLICT: a lake's tables have no keys.
        con.execute("""
            INSERT INTO entities BY NAME
            SELECT * FROM (
                SELECT entity_id, article_key AS entity_key, name, label, 0 AS article_count, 0 AS mention_count
                FROM read_parquet($files, filename = true, file_row_number = true)
                WHERE article_id IN (SELECT unnest($article_ids))
                QUALIFY row_number() OVER (PARTITION BY entity_id ORDER BY filename, file_row_number) = 1
            ) ANTI JOIN entities USING (entity_id)""", {"files": names, **wanted})
    for table in reversed(ARTICLE_TABLES):
        files = _staged_files(extractions, table)
        if not files:
            continue
        # The staged rows carry no ingested_at: the load sets it, as the run's time.
        chosen = "* REPLACE ($now AS ingested_at)" if table == "articles" else "*"
        params = {"files": files, **wanted, **({"now": now} if table == "articles" else {})}
        con.execute(f"INSERT INTO {table} BY NAME SELECT {chosen} FROM read_parquet($files) "  # noqa: S608
                    "WHERE article_id IN (SELECT unnest($article_ids))", params)


def _upsert_source_files(
    con: duckdb.DuckDBPyConnection, outcomes: list[tuple], stats: dict[str, SourceFile], now: dt.datetime,
) -> None:
    """Records each file's outcome in one bulk upsert; a path listed twice keeps its last outcome."""
    latest = {path: (sha, status, article_id) for path, sha, status, article_id in outcomes}
    if not latest:
        return
    paths = list(latest)
    stat = [stats.get(p) for p in paths]
    rows = pa.table({
        "source_path": pa.array(paths, pa.string()),
        "content_sha256": pa.array([latest[p][0] for p in paths], pa.string()),
        # 64-bit integers: a float column would round nanosecond mtimes and make every file look changed.
        "size_bytes": pa.array([s and s.size_bytes for s in stat], pa.int64()),
        "mtime_ns": pa.array([s and s.mtime_ns for s in stat], pa.int64()),
        "status": pa.array([latest[p][1] for p in paths], pa.string()),
        "article_id": pa.array([latest[p][2] for p in paths], pa.string()),
    })
    with registered(con, "incoming", rows):
        run_sql_file(con, "load/record_files.sql", now=now)


def _record_errors(
    con: duckdb.DuckDBPyConnection, errors: list[IngestError], ok_paths: list[str], now: dt.datetime,
) -> None:
    """Clears the errors of files that are fine now and records why each failed file did not become an
    article, in one bulk upsert (a path's last error wins)."""
    latest = {err.source_path: err for err in errors}
    rows = pa.table({
        "source_path": pa.array(list(latest), pa.string()),
        "error": pa.array([e.error for e in latest.values()], pa.string()),
        "detail": pa.array([e.detail for e in latest.values()], pa.string()),
    })
    with registered(con, "incoming", rows):
        run_sql_file(con, "load/record_errors.sql", ok_paths=ok_paths, now=now)


def _failed_with_their_duplicates(failures: list[IngestError], ingest: IngestResult, known: dict[str, KnownFile],
                                  present: set[str]) -> list[IngestError]:
    """Articles that failed after ingest (cleaning, language processing, loading), and every present file that
    duplicates one: the same content fails the same way in each file that holds it, as a run that met that
    file first would have found."""
    by_article = {article_id_for(e.source_path): e for e in failures}
    pointing = {**{p: k.article_id for p, k in known.items() if k.status == "duplicate" and p in present},
                **ingest.duplicates}
    shared = [IngestError(path, by_article[article].error,
                          f"{by_article[article].detail} (The same content as {by_article[article].source_path}.)")
              for path, article in sorted(pointing.items()) if article in by_article and path not in
              {e.source_path for e in failures}]
    return [*failures, *shared]


@dataclass(frozen=True)
class RunInput:
    """What a run hands the load stage. ``extractions`` holds the staged rows of each article in
    ``extracted_paths`` (a folder per batch, see pipelines.warehouse.rows); ``failures`` are the articles
    cleaning or language processing could not handle."""

    scan: CorpusScan
    ingest: IngestResult
    extractions: StagedBatches
    extracted_paths: list[str]
    failures: list[IngestError]
    run_id: str
    started_at: dt.datetime


def load(warehouse: Warehouse, run: RunInput) -> LoadSummary:
    """Writes the run into a private copy of the warehouse and publishes it (see Warehouse.build).

    Failure containment: when the load fails (a constraint, a warehouse-wide statement meeting data it cannot
    handle), the run's articles are tried again in path order on scratch copies to find the one that completes
    the failing combination (binary search over prefixes); it becomes an ``ingest_errors`` row saying why, and
    the rest is published. A failure that happens without any of the run's articles is not theirs: the run
    fails with it, and the published warehouse stays as it was."""
    left_out: dict[str, IngestError] = {}
    while True:
        try:
            return _load(warehouse, run, left_out, publish=True)
        except Exception as failure:  # noqa: BLE001  (any failure is first put down to an article, if one causes it)
            culprit = _culprit(warehouse, run, left_out, failure)
            left_out[culprit] = IngestError(
                culprit, "failed",
                f"Loading this article into the warehouse failed together with the articles already there "
                f"({type(failure).__name__}: {failure}); it was left out and the other articles were published.")


def _culprit(warehouse: Warehouse, run: RunInput, left_out: dict[str, IngestError], failure: Exception) -> str:
    """The article whose addition (in path order) makes the load fail; re-raises ``failure`` when the load
    fails without any of the run's articles."""
    candidates = sorted(set(run.extracted_paths) - set(left_out))

    def fails_with(first: int) -> bool:
        """Whether loading only the first ``first`` candidates fails (on a scratch copy, never published)."""
        others = {p: IngestError(p, "left_out", "") for p in candidates[first:]}
        try:
            _load(warehouse, run, {**left_out, **others}, publish=False)
        except Exception:  # noqa: BLE001
            return True
        return False

    if not candidates or fails_with(0):
        raise failure
    low, high = 0, len(candidates)  # loading the first ``low`` succeeds, the first ``high`` fails
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (low, middle) if fails_with(middle) else (middle, high)
    return candidates[high - 1]


def _load(warehouse: Warehouse, run: RunInput, left_out: dict[str, IngestError], publish: bool) -> LoadSummary:
    """One attempt at loading the run, without the articles ``left_out`` (which become errors)."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    scan, ingest = run.scan, run.ingest
    with warehouse.build(publish=publish) as build:
        con = build.con
        known = known_files(con)
        stats = {f.source_path: f for f in scan.files}
        errors = list(ingest.errors) + _failed_with_their_duplicates(
            [*run.failures, *left_out.values()], ingest, known, set(stats))
        loaded_paths = set(run.extracted_paths) - set(left_out)
        duplicates = {p: a for p, a in ingest.duplicates.items() if p not in {e.source_path for e in errors}}
        # Articles whose rows go: re-extracted ones, files that now duplicate another article, and files that
        # are errors now (a file's current version is what the warehouse holds, as a fresh build would).
        replaced = sorted({article_id_for(p) for p in loaded_paths | set(duplicates)
                           | {e.source_path for e in errors}})
        # Readers never see the build before it is published whole (see Warehouse.build, Lake.build).
        build.delete_articles(replaced)
        build.begin()
        insert_staged(con, run.extractions, sorted(article_id_for(p) for p in loaded_paths), now)

        outcomes: list[tuple] = []
        for path in loaded_paths:
            outcomes.append((path, ingest.hashes[path], "article", article_id_for(path)))
        for path, article_id in duplicates.items():
            outcomes.append((path, ingest.hashes[path], "duplicate", article_id))
        failed = {e.source_path for e in errors}
        for source in ingest.unchanged:
            k = known[source.source_path]
            if source.source_path not in failed:
                outcomes.append((source.source_path, k.content_sha256, k.status, k.article_id))
        for err in errors:
            k = known.get(err.source_path)
            sha = ingest.hashes.get(err.source_path) or (k.content_sha256 if k and k.status != "missing" else None)
            outcomes.append((err.source_path, sha, "error", None))
        _upsert_source_files(con, outcomes, stats, now)
        _record_errors(con, errors, [p for p, _, status, _ in outcomes if status != "error"], now)
        run_sql_file(con, "load/record_presence.sql", now=now, present=[f.source_path for f in scan.files],
                     missing=scan.missing)
        summary = LoadSummary(
            run_id=run.run_id,
            files_seen=len(scan.files),
            files_processed=len(scan.to_read),
            articles_added=sum(1 for p in loaded_paths if p not in known or known[p].status != "article"),
            articles_changed=sum(1 for p in loaded_paths if p in known and known[p].status == "article"),
            files_missing=len(scan.missing),
            errors=len(errors),
        )
        run_sql_file(con, "load/record_run.sql", **summary.__dict__, started_at=run.started_at.replace(tzinfo=None),
                     finished_at=now)
        build.commit()
        build.refresh_entities()
    return summary
