"""`python -m pipelines run`: one run of the Dagster job over the corpus, with a progress bar and a summary.

A run first compares the corpus with what the published warehouse knows, with DuckDB alone: with nothing new
it prints the summary and stops, as the corpus sensor launches no run then, before Dagster, spaCy or pandas
is even imported. With files to read, the workers' fork server starts loading the pipeline at once, on the
other core, while this process starts Dagster and reads the files; the workers then clean and parse.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import duckdb
from rich.console import Console
from rich.table import Table

from pipelines.ingest.plan import scan
from pipelines.settings import corpus_dir_from_env, on_cluster
from pipelines.warehouse.known import needs_run, read_published
from pipelines.warehouse.lake import Lake
from pipelines.warehouse.sqlfiles import SQL_DIR
from pipelines.warehouse.store import Warehouse
from pipelines.warehouse.target import configured_warehouse


def summary_rows(warehouse: Warehouse | Lake) -> list[tuple[str, int]]:
    """The counts of sql/examples/00_summary.sql; [] before anything was published. Read without the search
    macros, which cost a lake reader a second (and pandas)."""
    sql = (SQL_DIR / "examples" / "00_summary.sql").read_text(encoding="utf-8")
    try:
        con = warehouse.connect_plain()
    except duckdb.Error:  # no warehouse file, no lake catalog yet
        return []
    with contextlib.closing(con):
        try:
            return con.execute(sql).fetchall()
        except duckdb.CatalogException:  # a lake nothing was published into
            return []


def _print_summary(console: Console, warehouse: Warehouse | Lake) -> None:
    table = Table(title="News Warehouse", show_header=False)
    for name, count in summary_rows(warehouse):
        table.add_row(name, f"{count:,}")
    console.print(table)


def _materialize(workers_started: bool):
    import dagster as dg  # noqa: PLC0415  (only a run with work to do starts Dagster)

    from pipelines.cli.progress import RichProgressResource  # noqa: PLC0415
    from pipelines.definitions import materialize_all, run_on_cluster  # noqa: PLC0415
    from pipelines.defs.resources import NlpResource  # noqa: PLC0415

    instance = dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()
    if on_cluster():  # NEWS_CELERY_BROKER: the steps go to the workers, and progress is in the run's log
        return run_on_cluster(instance)
    return materialize_all({"progress": RichProgressResource(), "nlp": NlpResource(clean_in_workers=workers_started)},
                           instance)


def main() -> int:
    console = Console()
    corpus, warehouse = Path(corpus_dir_from_env()), configured_warehouse()
    published = read_published(warehouse)
    found = scan(corpus, published.files)
    if not needs_run(found, published):
        _print_summary(console, warehouse)
        console.print("Nothing new in the corpus: the warehouse is up to date.")
        console.print(f"Warehouse: [bold]{warehouse.location}[/]")
        return 0
    if found.to_read and not on_cluster():  # on a cluster, the workers' own fork servers parse
        from pipelines.workers import start_loading_pipeline  # noqa: PLC0415

        start_loading_pipeline()
    result = _materialize(workers_started=bool(found.to_read))
    _print_summary(console, warehouse)
    failed_checks = [e.check_name for e in result.get_asset_check_evaluations() if not e.passed]
    if failed_checks:
        console.print(f"[yellow]Checks that did not pass:[/] {', '.join(failed_checks)}")
    console.print(f"Warehouse: [bold]{warehouse.location}[/]")
    return 0 if result.success else 1
