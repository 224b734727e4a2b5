"""The warehouse as a DuckLake: a catalog (PostgreSQL, or a DuckDB file for one machine) and Parquet data
files in shared storage, which many machines can write to and read from while it grows.

``NEWS_WAREHOUSE=ducklake:postgres:dbname=news host=db port=5432 user=news`` (any DuckLake catalog string),
with ``NEWS_STORAGE`` the shared folder: the lake's data files go to ``NEWS_STORAGE/lake/``, the runs' staged
batches to ``NEWS_STORAGE/staging/``.

A run writes in one DuckLake transaction: every commit is a snapshot, so readers see the state before the run
or after it, never a part, and a run that dies commits nothing (its unreferenced data files are removed by
DuckLake's own clean-up, ``ducklake_cleanup_old_files``). No file is copied: a run costs what it writes. One
run writes at a time: a PostgreSQL advisory lock (a file lock for a DuckDB-file catalog) makes the next wait.
"""

from __future__ import annotations

import contextlib
import fcntl
import zlib
from collections.abc import Iterator
from pathlib import Path

import duckdb

from pipelines.warehouse import lake_search
from pipelines.warehouse.extensions import load_extension
from pipelines.warehouse.lake_schema import create_statements
from pipelines.warehouse.search import lock_down
from pipelines.warehouse.sqlfiles import literal, run_sql_file, run_sql_folder
from pipelines.warehouse.store import built_with_this_schema, schema_version

PREFIX = "ducklake:"
LAKE = lake_search.LAKE
POSTGRES = "postgres:"
# Statements of sql/ a lake leaves out: transaction control (a lake's build is one transaction), and comments
# on macros, which DuckLake cannot store (it keeps the macros themselves).
LAKE_LEAVES_OUT = ("BEGIN TRANSACTION", "COMMIT", "COMMENT ON MACRO")
WRITER_LOCK = zlib.crc32(b"news_warehouse")  # the advisory lock id every writer of a lake takes


class LakeBuild:
    """What a run writes through: one transaction for the whole build. The transaction boundaries the
    DuckDB file needs for its foreign keys (begin/commit, those in sql/load/delete_articles.sql) are left
    out; DuckLake has no foreign keys."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con

    def begin(self) -> None:
        """The build is one transaction already."""

    def commit(self) -> None:
        """The build commits once, when it publishes (Lake.build)."""

    def delete_articles(self, article_ids: list[str]) -> None:
        """Removes every row of these articles (sql/load/delete_articles.sql); remembers their quotes for the
        search index."""
        self.con.execute("CREATE OR REPLACE TEMP TABLE build_old_quotes AS SELECT quote_id FROM quotes "
                         "WHERE article_id IN (SELECT unnest($ids::VARCHAR[]))", {"ids": article_ids})
        run_sql_file(self.con, "load/delete_articles.sql", leave_out=LAKE_LEAVES_OUT, article_ids=article_ids)

    def refresh_entities(self) -> None:
        """The entity tables, recomputed for what the run's articles can have changed
        (sql/load/refresh_entities.sql)."""
        run_sql_file(self.con, "load/refresh_entities.sql")

    def search_scopes(self) -> dict[str, str]:
        """For each indexed table, a query of the keys of the rows this build may have changed: the run's
        articles, their quotes before and after, and the quotes of every entity the refresh touched (a
        speaker's canonical name is indexed)."""
        return {
            "articles": "SELECT article_id FROM refresh_articles",
            "quotes": "SELECT quote_id FROM build_old_quotes UNION ALL "
                      "SELECT quote_id FROM quotes WHERE article_id IN (SELECT article_id FROM refresh_articles) "
                      "OR speaker_entity_id IN (SELECT entity_id FROM touched_entities)",
        }


def _ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """The tables of schema.sql (without its keys: see lake_schema), at this version of it. A lake built with
    another version is emptied and made anew, and, knowing no file, the run reads the whole corpus again
    (pipelines.warehouse.load): in the run's transaction, so readers see the old lake until the new one is
    whole."""
    tables = con.execute("SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = ?",
                         [LAKE]).fetchall()
    if ("main", "warehouse_schema") in tables and built_with_this_schema(con):
        return
    for schema, table in tables:
        con.execute(f"DROP TABLE {LAKE}.{schema}.{table}")
    for statement in create_statements():
        con.execute(statement)
    con.execute("INSERT INTO warehouse_schema VALUES (?)", [schema_version()])


def _published(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(con.execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = ? AND schema_name = 'main' "
                            "AND table_name = 'articles'", [LAKE]).fetchone()[0])


class Lake:
    """A DuckLake warehouse (NEWS_WAREHOUSE=ducklake:..., data in NEWS_STORAGE)."""

    def __init__(self, target: str, storage: Path | str):
        if not target.startswith(PREFIX):
            raise ValueError(f"a DuckLake warehouse is named ducklake:<catalog>, not {target!r}")
        self.target = target
        self.storage = Path(storage).resolve()

    @property
    def location(self) -> str:
        return f"{self.target} (data in {self.data_path})"

    @property
    def catalog(self) -> str:
        return self.target.removeprefix(PREFIX)

    @property
    def data_path(self) -> Path:
        return self.storage / "lake"

    @property
    def staging_root(self) -> Path:
        """Where runs keep their intermediate batches (see pipelines.staging)."""
        return self.storage / "staging"

    def _connect(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        con = duckdb.connect()
        try:
            load_extension(con, "fts")
            self._attach(con, LAKE, read_only)
            con.execute(f"USE {LAKE}")
        except BaseException:
            con.close()
            raise
        return con

    def _attach(self, con: duckdb.DuckDBPyConnection, alias: str, read_only: bool) -> None:
        for extension in ("ducklake", *(["postgres_scanner"] if self.catalog.startswith(POSTGRES) else [])):
            load_extension(con, extension)
        options = f"DATA_PATH {literal(f'{self.data_path}/')}" + (", READ_ONLY" if read_only else "")
        con.execute(f"ATTACH {literal(self.target)} AS {alias} ({options})")

    def attach_readonly(self, con: duckdb.DuckDBPyConnection, alias: str) -> None:
        """Attaches the lake to ``con`` as ``alias``, read-only (to compare it with another warehouse)."""
        self._attach(con, alias, read_only=True)

    def exists(self) -> bool:
        """Whether a run has published into the lake (its catalog holds the tables)."""
        try:
            with contextlib.closing(self.connect_plain()) as con:
                return _published(con)
        except duckdb.Error:  # no catalog there yet
            return False

    def connect_plain(self) -> duckdb.DuckDBPyConnection:
        """A read-only connection to the lake's latest snapshot for the pipeline's own queries (no search
        macros)."""
        return self._connect(read_only=True)

    def connect_readonly(self) -> duckdb.DuckDBPyConnection:
        """A read-only connection to the lake's latest snapshot, with full-text search, and no file, network or
        extension access beyond the lake's own data files (see search.lock_down)."""
        con = self.connect_plain()
        lake_search.attach_for_reading(con)
        con.execute(f"SET allowed_directories = [{literal(f'{self.data_path}/')}]")
        lock_down(con)
        return con

    def query(self, sql: str, params: list | dict | None = None) -> list[tuple]:
        """Runs one read-only query on the lake; [] when nothing was published yet."""
        try:
            con = self.connect_readonly()
        except duckdb.Error:  # no catalog there yet
            return []
        with contextlib.closing(con):
            return con.execute(sql, params).fetchall() if _published(con) else []

    def published_ns(self, con: duckdb.DuckDBPyConnection) -> int:
        """When the lake's latest snapshot was committed (nanoseconds since the epoch)."""
        return con.execute(f"SELECT epoch_ns(max(snapshot_time)) FROM ducklake_snapshots({literal(LAKE)})").fetchone()[0]

    @contextlib.contextmanager
    def build(self, publish: bool = True) -> Iterator[LakeBuild]:
        """Writes one run into the lake as one transaction, committed (published) when the block succeeds; with
        ``publish`` off, a trial, rolled back either way."""
        self.data_path.mkdir(parents=True, exist_ok=True)
        with self._writer_lock():
            con = self._connect(read_only=False)
            try:
                lake_search.writer_macros(con)
                con.execute("BEGIN TRANSACTION")
                _ensure_schema(con)
                lake_search.ensure_indexes(con)
                build = LakeBuild(con)
                yield build
                run_sql_folder(con, "views", leave_out=LAKE_LEAVES_OUT)
                lake_search.update_indexes(con, build.search_scopes())
                con.execute("COMMIT" if publish else "ROLLBACK")
            finally:
                con.close()  # without a commit, nothing of the run is in the lake

    @contextlib.contextmanager
    def _writer_lock(self) -> Iterator[None]:
        """One writer at a time, on any machine: a session advisory lock in the PostgreSQL catalog (released
        when the session ends, so a writer that dies releases it), a file lock for a DuckDB-file catalog."""
        if self.catalog.startswith(POSTGRES):
            import psycopg2  # noqa: PLC0415  (only lakes with a PostgreSQL catalog need it)

            session = psycopg2.connect(self.catalog.removeprefix(POSTGRES))
            try:
                with session.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_lock(%s)", [WRITER_LOCK])
                yield
            finally:
                session.close()
            return
        with open(self.storage / ".lake.lock", "a+b") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            yield
