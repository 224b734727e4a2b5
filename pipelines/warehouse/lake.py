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
from pipelines.warehouse.lake_schema import schema_statements
from pipelines.warehouse.search import lock_down
from pipelines.warehouse.sqlfiles import SQL_DIR, literal, run_sql, run_sql_file, run_sql_folder

PREFIX = "ducklake:"
LAKE = lake_search.LAKE
POSTGRES = "postgres:"
TRANSACTION_CONTROL = ("BEGIN TRANSACTION;", "COMMIT;")
WRITER_LOCK = zlib.crc32(b"news_warehouse")  # the advisory lock id every writer of a lake takes


def _without_transaction_control(sql: str) -> str:
    return "\n".join(line for line in sql.splitlines() if line.strip().upper() not in TRANSACTION_CONTROL)


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
        """Removes every row of these articles; remembers them, and their quotes, for the search indexes."""
        self.con.execute("CREATE OR REPLACE TEMP TABLE build_articles AS SELECT unnest($ids::VARCHAR[]) AS article_id",
                         {"ids": article_ids})
        self.con.execute("CREATE OR REPLACE TEMP TABLE build_old_quotes AS SELECT quote_id FROM quotes "
                         "WHERE article_id IN (SELECT article_id FROM build_articles)")
        sql = (SQL_DIR / "load" / "delete_articles.sql").read_text(encoding="utf-8")
        run_sql(self.con, _without_transaction_control(sql), article_ids=article_ids)

    def refresh_entities(self, article_ids: list[str]) -> None:
        run_sql_file(self.con, "load/refresh_entities.sql")
        self.con.execute("CREATE OR REPLACE TEMP TABLE refreshed_entities AS SELECT entity_id FROM entities")

    def search_scopes(self) -> dict[str, str]:
        """For each indexed table, a query of the keys of the rows this build may have changed."""
        return {
            "articles": "SELECT article_id FROM build_articles",
            "quotes": "SELECT quote_id FROM build_old_quotes UNION ALL "
                      "SELECT quote_id FROM quotes WHERE article_id IN (SELECT article_id FROM build_articles) "
                      "OR speaker_entity_id IN (SELECT entity_id FROM refreshed_entities)",
        }


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
            for extension in ("ducklake", "fts", *(["postgres_scanner"] if self.catalog.startswith(POSTGRES) else [])):
                load_extension(con, extension)
            options = f"DATA_PATH '{self.data_path}/'" + (", READ_ONLY" if read_only else "")
            con.execute(f"ATTACH {literal(self.target)} AS {LAKE} ({options})")
            con.execute(f"USE {LAKE}")
        except BaseException:
            con.close()
            raise
        return con

    def exists(self) -> bool:
        """Whether a run has published into the lake (its catalog holds the tables)."""
        try:
            with contextlib.closing(self._connect(read_only=True)) as con:
                return _published(con)
        except duckdb.Error:  # no catalog there yet
            return False

    def connect_readonly(self) -> duckdb.DuckDBPyConnection:
        """A read-only connection to the lake's latest snapshot, with full-text search, and no file, network or
        extension access beyond the lake's own data files (see search.lock_down)."""
        con = self._connect(read_only=True)
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

    @contextlib.contextmanager
    def build(self) -> Iterator[LakeBuild]:
        """Writes one run into the lake as one transaction, committed (published) when the block succeeds."""
        self.data_path.mkdir(parents=True, exist_ok=True)
        with self._writer_lock():
            con = self._connect(read_only=False)
            try:
                self._ensure_schema(con)
                lake_search.prepare_writer(con)
                con.execute("BEGIN TRANSACTION")
                build = LakeBuild(con)
                yield build
                run_sql_folder(con, "views")
                lake_search.update_indexes(con, build.search_scopes())
                con.execute("COMMIT")
            finally:
                con.close()  # without a commit, nothing of the run is in the lake

    def _ensure_schema(self, con: duckdb.DuckDBPyConnection) -> None:
        """The tables of schema.sql (without its keys: see lake_schema), created or completed in a commit of
        their own before the run's."""
        existing: dict[str, set[str]] = {}
        for table, column in con.execute("SELECT table_name, column_name FROM duckdb_columns() "
                                         "WHERE database_name = ? AND schema_name = 'main'", [LAKE]).fetchall():
            existing.setdefault(table, set()).add(column)
        statements = schema_statements(existing)
        if statements:
            con.execute("BEGIN TRANSACTION")
            for statement in statements:
                con.execute(statement)
            con.execute("COMMIT")

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
