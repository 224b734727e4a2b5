"""The SQL of the project lives in sql/ as files; this reads and runs them."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

if TYPE_CHECKING:  # pyarrow is loaded only by the runs that load rows
    import pyarrow as pa

SQL_DIR = Path(__file__).resolve().parents[2] / "sql"


def run_sql_file(con: duckdb.DuckDBPyConnection, relative_path: str, *, leave_out: tuple[str, ...] = (),
                 **params: object) -> None:
    """Runs every statement of sql/<relative_path>; $name parameters are bound from params."""
    run_sql(con, (SQL_DIR / relative_path).read_text(encoding="utf-8"), leave_out=leave_out, **params)


def run_sql(con: duckdb.DuckDBPyConnection, sql: str, *, leave_out: tuple[str, ...] = (), **params: object) -> None:
    """Runs every statement of a script, except those that begin with one of ``leave_out`` (upper case: for a
    database that lacks a feature); $name parameters are bound from params."""
    for statement in _statements(sql):
        if statement.upper().startswith(leave_out):
            continue
        used = {k: v for k, v in params.items() if f"${k}" in statement}
        con.execute(statement, used or None)


def literal(text: str) -> str:
    """``text`` as a SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def run_sql_folder(con: duckdb.DuckDBPyConnection, folder: str, *, leave_out: tuple[str, ...] = ()) -> list[str]:
    """Runs every sql/<folder>/*.sql in name order (see run_sql for ``leave_out``); returns their names."""
    names = sorted(p.name for p in (SQL_DIR / folder).glob("*.sql"))
    for name in names:
        run_sql_file(con, f"{folder}/{name}", leave_out=leave_out)
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
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """The statements run inside the block commit together (DDL and comments: one commit, not one each)."""
    con.execute("BEGIN TRANSACTION")
    yield
    con.execute("COMMIT")


@contextlib.contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, rows: pa.Table) -> Iterator[None]:
    """``rows`` readable as the table ``name`` by the statements run inside the block."""
    con.register(name, rows)
    try:
        yield
    finally:
        con.unregister(name)
