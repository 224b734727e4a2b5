"""DuckDB's full-text search extension, loaded from its PyPI package (no INSTALL from the net), and how a
reader's connection is closed to everything but the warehouse."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipelines.warehouse.extensions import extension_path, load_extension


def fts_extension_path() -> Path:
    return extension_path("fts")


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    load_extension(con, "fts")


def lock_down(con: duckdb.DuckDBPyConnection) -> None:
    """No file, network or extension access from here on, and no setting can bring it back: a reader's SQL
    cannot read_text('/etc/passwd'), COPY a table out, ATTACH another file or INSTALL anything. DuckDB loads an
    extension only while external access is on, so the full-text one is loaded before this."""
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
