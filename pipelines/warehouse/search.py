"""DuckDB's full-text search extension, loaded from its PyPI package (no INSTALL from the net)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import duckdb_extension_fts


def fts_extension_path() -> Path:
    base = Path(duckdb_extension_fts.__file__).parent / "extensions" / f"v{duckdb.__version__}"
    return base / "fts.duckdb_extension"


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"LOAD '{fts_extension_path()}'")
