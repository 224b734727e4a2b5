"""Runs on the test cluster (tests/cluster): a lake of a test's own, and ``python -m pipelines run`` against it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pipelines.cluster.services import PROJECT


def lake_env(cluster, name: str, corpus: Path) -> dict[str, str]:
    """The cluster's settings with a lake of its own (a new catalog database and storage folder) and a corpus."""
    cluster.postgres.create_database(name)
    return {**cluster.env, "NEWS_WAREHOUSE": f"ducklake:postgres:{cluster.postgres.conninfo(name)}",
            "NEWS_STORAGE": str(cluster.storage.parent / name), "NEWS_CORPUS_DIR": str(corpus)}


def start_run(env: dict[str, str]) -> subprocess.Popen:
    """``python -m pipelines run`` with these settings: it orchestrates, the workers run the steps."""
    return subprocess.Popen([sys.executable, "-m", "pipelines", "run"], env=env, cwd=PROJECT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def finish(run: subprocess.Popen, timeout: float = 1800) -> str:
    output, _ = run.communicate(timeout=timeout)
    assert run.returncode == 0, output[-5000:]
    return output
