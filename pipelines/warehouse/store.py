"""The warehouse file and how it is written: privately, then published in one atomic step.

Readers (BI tools, notebooks, the DuckDB shell) open ``path``. A run never writes that file: it copies it
to a private build file next to it, loads there, checkpoints, closes, and renames the build file over
``path``. A reader that has the file open keeps the snapshot it opened; new connections see the new one.
A run that dies leaves only a stale build file, which the next run throws away. One run writes at a time:
the others wait for the lock. A warehouse built with another version of sql/schema.sql is not copied: the run
starts from an empty file and, since the warehouse then knows no file (pipelines.warehouse.load), reads the
whole corpus again.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb

from pipelines.warehouse.fts_update import refresh_search_indexes
from pipelines.warehouse.search import load_fts, lock_down
from pipelines.warehouse.sqlfiles import (
    SQL_DIR,
    literal,
    run_sql_file,
    run_sql_folder,
    transaction,
)


def schema_version() -> str:
    return hashlib.sha256((SQL_DIR / "schema.sql").read_bytes()).hexdigest()[:16]


def built_with_this_schema(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the warehouse ``con`` uses holds a run built with this version of sql/schema.sql."""
    try:
        return con.execute("SELECT schema_sha256 FROM warehouse_schema").fetchall() == [(schema_version(),)]
    except duckdb.CatalogException:  # nothing published there, or a warehouse older than the table itself
        return False


class FileBuild:
    """What a run writes through while it builds the private file (see Warehouse.build)."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con

    def begin(self) -> None:
        self.con.execute("BEGIN TRANSACTION")

    def commit(self) -> None:
        self.con.execute("COMMIT")

    def delete_articles(self, article_ids: list[str]) -> None:
        """Removes every row of these articles (sql/load/delete_articles.sql, in the transactions it sets)."""
        run_sql_file(self.con, "load/delete_articles.sql", article_ids=article_ids)

    def refresh_entities(self) -> None:
        """The entity tables, recomputed for what the run's articles can have changed
        (sql/load/refresh_entities.sql). Statement by statement, each its own transaction (DuckDB checks
        foreign keys against the state at transaction start)."""
        run_sql_file(self.con, "load/refresh_entities.sql")


class Warehouse:
    """A warehouse in one DuckDB file (NEWS_WAREHOUSE=path): the default, for one machine."""

    def __init__(self, path: Path | str, staging_root: Path | None = None):
        self.path = Path(path)
        self._staging_root = staging_root

    @property
    def location(self) -> str:
        return str(self.path.resolve())

    @property
    def build_path(self) -> Path:
        return self.path.with_name(f".{self.path.name}.build")

    @property
    def staging_root(self) -> Path:
        """Where runs keep their intermediate batches (see pipelines.staging): NEWS_STORAGE/staging when set,
        else beside the file."""
        return self._staging_root or self.path.with_name(f".{self.path.name}.staging")

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(f".{self.path.name}.lock")

    def exists(self) -> bool:
        return self.path.exists()

    def current(self) -> bool:
        """Whether the published warehouse exists and was built with this version of sql/schema.sql."""
        if not self.exists():
            return False
        with contextlib.closing(self.connect_plain()) as con:
            return built_with_this_schema(con)

    def published_ns(self, _con: duckdb.DuckDBPyConnection) -> int:
        """When the published warehouse was last written (nanoseconds since the epoch): the file's time."""
        return self.path.stat().st_mtime_ns

    def attach_readonly(self, con: duckdb.DuckDBPyConnection, alias: str) -> None:
        """Attaches the published warehouse to ``con`` as ``alias``, read-only (to compare it with another)."""
        con.execute(f"ATTACH {literal(str(self.path.resolve()))} AS {alias} (READ_ONLY)")

    def connect_plain(self) -> duckdb.DuckDBPyConnection:
        """A read-only connection to the published warehouse for the pipeline's own queries (no search macros)."""
        return duckdb.connect(str(self.path), read_only=True)

    def connect_readonly(self) -> duckdb.DuckDBPyConnection:
        """A read-only connection to the published warehouse, with full-text search loaded and external access
        off (see search.lock_down)."""
        con = self.connect_plain()
        load_fts(con)
        lock_down(con)
        return con

    def query(self, sql: str, params: list | dict | None = None) -> list[tuple]:
        """Runs one read-only query on the published warehouse; [] when there is no warehouse yet."""
        if not self.exists():
            return []
        with contextlib.closing(self.connect_readonly()) as con:
            return con.execute(sql, params).fetchall()

    @contextlib.contextmanager
    def build(self, publish: bool = True) -> Iterator[FileBuild]:
        """Writes to a private copy of the warehouse, published when the block succeeds (with ``publish`` off,
        a trial: the copy is thrown away either way)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _exclusive_lock(self.lock_path):
            self._discard_build()
            if self.current():
                shutil.copyfile(self.path, self.build_path)
            con = duckdb.connect(str(self.build_path))
            try:
                load_fts(con)
                with transaction(con):  # one commit, not one per statement (a hundred comments)
                    run_sql_file(con, "schema.sql")
                    con.execute("DELETE FROM warehouse_schema")
                    con.execute("INSERT INTO warehouse_schema VALUES (?)", [schema_version()])
                yield FileBuild(con)
                with transaction(con):
                    run_sql_folder(con, "views")
                refresh_search_indexes(con)
                con.execute("CHECKPOINT")
            except BaseException:
                con.close()
                self._discard_build()
                raise
            con.close()
            if not publish:
                self._discard_build()
                return
            _fsync(self.build_path)
            os.replace(self.build_path, self.path)
            _fsync(self.path.parent)

    def _discard_build(self) -> None:
        for stale in (self.build_path, self.build_path.with_name(self.build_path.name + ".wal")):
            stale.unlink(missing_ok=True)


@contextlib.contextmanager
def _exclusive_lock(path: Path) -> Iterator[None]:
    with open(path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # waits for the run that holds it
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
