"""DuckDB extensions from their PyPI packages (``duckdb-extension-*``), loaded by file: nothing is downloaded
at run time (no ``INSTALL``)."""

from __future__ import annotations

import importlib
from pathlib import Path

import duckdb

# extension name -> the package that ships it. DuckDB derives an extension's entry point from its file name,
# so the PostgreSQL one comes from the package that names it postgres_scanner.
PACKAGES = {
    "fts": "duckdb_extension_fts",
    "ducklake": "duckdb_extension_ducklake",
    "postgres_scanner": "duckdb_extension_postgres_scanner",
}


def extension_path(name: str) -> Path:
    package = importlib.import_module(PACKAGES[name])
    return Path(package.__file__).parent / "extensions" / f"v{duckdb.__version__}" / f"{name}.duckdb_extension"


def load_extension(con: duckdb.DuckDBPyConnection, name: str) -> None:
    con.execute(f"LOAD '{extension_path(name)}'")
