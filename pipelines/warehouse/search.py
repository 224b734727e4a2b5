"""DuckDB's full-text search extension, loaded from its PyPI package (no INSTALL from the net), and how a
reader's connection is closed to everything but the warehouse."""

from __future__ import annotations

from pathlib import Path

import duckdb
import duckdb_extension_fts


def fts_extension_path() -> Path:
    base = Path(duckdb_extension_fts.__file__).parent / "extensions" / f"v{duckdb.__version__}"
    return base / "fts.duckdb_extension"


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"LOAD '{fts_extension_path()}'")


def lock_down(con: duckdb.DuckDBPyConnection) -> None:
    """No file, network or extension access from here on, and no setting can bring it back: a reader's SQL
    cannot read_text('/etc/passwd'), COPY a table out, ATTACH another file or INSTALL anything. DuckDB loads an
    extension only while external access is on, so the full-text one is loaded before this."""
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
