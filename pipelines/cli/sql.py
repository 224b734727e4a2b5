"""`python -m pipelines sql "..."`: a query against the published warehouse, printed as a table."""

from __future__ import annotations

from pathlib import Path

import duckdb
from rich.console import Console
from rich.table import Table

from pipelines.warehouse.target import configured_warehouse


MAX_CELL_WIDTH = 60


def main(query: str) -> int:
    console = Console(width=max(Console().width, 160))
    if query.endswith(".sql") and Path(query).exists():
        query = Path(query).read_text(encoding="utf-8")
    warehouse = configured_warehouse()
    if not warehouse.exists():
        console.print(f"[red]No warehouse at {warehouse.location}; run `make run` first.[/]")
        return 1
    with warehouse.connect_readonly() as con:  # read-only, no file or network access
        try:
            cursor = con.execute(query)
        except duckdb.Error as exc:
            console.print(str(exc), style="red", markup=False)
            return 1
        columns = [d[0] for d in cursor.description or []]
        rows = cursor.fetchall()
    table = Table()
    for column in columns:  # one line per row: long texts are cut, not wrapped
        table.add_column(column, no_wrap=True, overflow="ellipsis", max_width=MAX_CELL_WIDTH)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    console.print(table)
    console.print(f"{len(rows)} rows")
    return 0
