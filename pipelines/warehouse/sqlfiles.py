"""The SQL of the project lives in sql/ as files; this reads and runs them."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd

SQL_DIR = Path(__file__).resolve().parents[2] / "sql"


def run_sql_file(con: duckdb.DuckDBPyConnection, relative_path: str, **params: object) -> None:
    """Runs every statement of sql/<relative_path>; $name parameters are bound from params."""
    run_sql(con, (SQL_DIR / relative_path).read_text(encoding="utf-8"), **params)


def run_sql(con: duckdb.DuckDBPyConnection, sql: str, **params: object) -> None:
    """Runs every statement of a script; $name parameters are bound from params."""
    for statement in _statements(sql):
        used = {k: v for k, v in params.items() if f"${k}" in statement}
        con.execute(statement, used or None)


def literal(text: str) -> str:
    """``text`` as a SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def run_sql_folder(con: duckdb.DuckDBPyConnection, folder: str) -> list[str]:
    """Runs every sql/<folder>/*.sql in name order; returns their names."""
    names = sorted(p.name for p in (SQL_DIR / folder).glob("*.sql"))
    for name in names:
        run_sql_file(con, f"{folder}/{name}")
    return names


def _statements(sql: str) -> list[str]:
    """Splits a script on semicolons that end a line (our SQL files keep one statement per ';' line end)."""
    parts, current = [], []
    for line in sql.splitlines():
        if line.lstrip().startswith("--"):
            continue
        current.append(line)
        if line.rstrip().endswith(";"):
            parts.append("\n".join(current).strip())
            current = []
    if "\n".join(current).strip():
        parts.append("\n".join(current).strip())
    return [p for p in parts if p.strip(" ;\n")]


@contextlib.contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame) -> Iterator[None]:
    """``frame`` readable as the table ``name`` by the statements run inside the block."""
    con.register(name, frame)
    try:
        yield
    finally:
        con.unregister(name)
