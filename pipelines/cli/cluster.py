"""`python -m pipelines cluster-demo`: the bundled corpus built by two Celery workers into a DuckLake.

Starts PostgreSQL (the lake's catalog, Dagster's run storage), Redis (the broker) and two workers on this
machine, runs the pipeline through them (the same command as `make run`, with the cluster's settings), shows a
query on the lake, and stops everything it started, also on Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from rich.console import Console

from pipelines.cluster.services import PROJECT, local_cluster, start_run, stop_on_signals, stop_process

QUERY = PROJECT / "sql" / "examples" / "01_most_quoted_people.sql"


def main() -> int:
    console = Console()
    with stop_on_signals(), tempfile.TemporaryDirectory(prefix="news-cluster-demo-") as folder:
        console.print("Starting PostgreSQL, Redis and two Celery workers ...")
        with local_cluster(Path(folder), workers=2) as cluster:
            env = cluster.lake_env("news", PROJECT / "corpus")
            console.print(f"Workers {', '.join(w.node for w in cluster.workers)} are up; running the pipeline.")
            run = start_run(env)
            try:
                for line in run.stdout:
                    sys.stdout.write(line)
                if run.wait():
                    return run.returncode
            finally:  # interrupted: the run goes too (Ctrl-C in a terminal has reached it already)
                stop_process(run)
            console.print(f"\nThe lake, read through DuckDB ({QUERY.relative_to(PROJECT)}):")
            subprocess.run([sys.executable, "-m", "pipelines", "sql", str(QUERY)], env=env, cwd=PROJECT, check=True)
        console.print("Stopped the workers, Redis and PostgreSQL.")
    return 0
