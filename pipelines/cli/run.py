"""`python -m pipelines run`: one run of the Dagster job over the corpus, with a progress bar and a summary."""

from __future__ import annotations

import os

import dagster as dg
from rich.console import Console
from rich.table import Table

from pipelines.cli.progress import RichProgressResource
from pipelines.defs.resources import default_resources
from pipelines.definitions import materialize_all, run_on_cluster
from pipelines.defs.cluster import on_cluster
from pipelines.warehouse.sqlfiles import SQL_DIR
from pipelines.warehouse.lake import Lake
from pipelines.warehouse.store import Warehouse


def summary_rows(warehouse: Warehouse | Lake) -> list[tuple[str, int]]:
    sql = (SQL_DIR / "examples" / "00_summary.sql").read_text(encoding="utf-8")
    return warehouse.query(sql)


def main() -> int:
    console = Console()
    instance = dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()
    # On a cluster (NEWS_CELERY_BROKER) the steps go to the workers and progress is in the run's log.
    result = run_on_cluster(instance) if on_cluster() else materialize_all({"progress": RichProgressResource()}, instance)
    warehouse = default_resources()["warehouse"].get()
    table = Table(title="News Warehouse", show_header=False)
    for name, count in summary_rows(warehouse):
        table.add_row(name, f"{count:,}")
    console.print(table)
    failed_checks = [e.check_name for e in result.get_asset_check_evaluations()
                     if not e.passed]
    if failed_checks:
        console.print(f"[yellow]Checks that did not pass:[/] {', '.join(failed_checks)}")
    console.print(f"Warehouse: [bold]{warehouse.location}[/]")
    return 0 if result.success else 1
