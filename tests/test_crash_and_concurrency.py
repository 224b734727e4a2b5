"""A run killed mid-way leaves the published warehouse as it was; two runs at once do not collide."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from helpers import SEED_CORPUS, copy_seeds, rows, run_pipeline
from pipelines.warehouse.store import Warehouse

PROJECT = Path(__file__).resolve().parents[1]
STATE = {
    "articles": "SELECT article_id, content_sha256, body FROM articles ORDER BY ALL",
    "quotes": "SELECT quote_id, text, kind, speaker_name FROM quotes ORDER BY ALL",
    "entities": "SELECT entity_id, name, label, article_count FROM entities ORDER BY ALL",
    "mentions": "SELECT article_id, start_char, entity_id FROM entity_mentions ORDER BY ALL",
    "dates": "SELECT article_id, start_char, value FROM date_mentions ORDER BY ALL",
    "files": "SELECT source_path, status, article_id FROM source_files ORDER BY ALL",
}


def state(warehouse: Path) -> dict[str, list[tuple]]:
    return {name: rows(warehouse, sql) for name, sql in STATE.items()}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def grow_corpus(corpus: Path, copies: int) -> None:
    """Distinct variants of the seeds, so a run has enough work to be killed in the middle of it."""
    for i in range(copies):
        for seed in sorted(SEED_CORPUS.glob("*.txt")):
            text = seed.read_text(encoding="utf-8")
            (corpus / f"v{i:02d}_{seed.name}").write_text(
                text.replace("China", f"China (variant {i})", 1), encoding="utf-8")


def start_run(corpus: Path, warehouse: Path) -> subprocess.Popen:
    env = {**os.environ, "NEWS_CORPUS_DIR": str(corpus), "NEWS_WAREHOUSE": str(warehouse),
           "PYTHONPATH": str(PROJECT)}
    env.pop("DAGSTER_HOME", None)
    return subprocess.Popen([sys.executable, "-m", "pipelines", "run"], cwd=PROJECT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def wait_for(condition, timeout: float = 300.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.001)


@pytest.mark.parametrize("moment", ["extraction", "loading"])
def test_a_killed_run_leaves_the_published_warehouse_as_it_was(tmp_path, moment):
    corpus, warehouse = copy_seeds(tmp_path / "corpus"), tmp_path / "news.duckdb"
    run_pipeline(corpus, warehouse)
    before_bytes, before_state = sha(warehouse), state(warehouse)
    grow_corpus(corpus, copies=6)
    build_file = Warehouse(warehouse).build_path
    run = start_run(corpus, warehouse)
    if moment == "extraction":
        # Parsing happens in forked workers: kill the run once one is up (however loaded the machine is).
        wait_for(lambda: run.poll() is not None or psutil.Process(run.pid).children(recursive=True))
        assert run.poll() is None and not build_file.exists(), "the run was no longer extracting"
        workers = psutil.Process(run.pid).children(recursive=True)
    else:
        wait_for(build_file.exists)
        workers = psutil.Process(run.pid).children(recursive=True)
    run.send_signal(signal.SIGKILL)
    run.wait()
    _, left_behind = psutil.wait_procs(workers, timeout=10)
    assert left_behind == []  # no worker outlives the run, holding a copy of the model
    assert sha(warehouse) == before_bytes
    assert state(warehouse) == before_state

    run_pipeline(corpus, warehouse)  # the next run completes ...
    clean = tmp_path / "clean.duckdb"
    run_pipeline(corpus, clean)  # ... and its result equals a clean run's
    assert state(warehouse) == state(clean)
    assert not build_file.exists()


def test_two_runs_at_once_give_the_same_warehouse_as_one(tmp_path):
    corpus, warehouse = copy_seeds(tmp_path / "corpus"), tmp_path / "news.duckdb"
    grow_corpus(corpus, copies=1)
    runs = [start_run(corpus, warehouse) for _ in range(2)]
    for run in runs:
        _, err = run.communicate(timeout=600)
        assert run.returncode == 0, err
    assert rows(warehouse, "SELECT count(*) FROM pipeline_runs") == [(2,)]  # the second waited, then ran
    single = tmp_path / "single.duckdb"
    run_pipeline(corpus, single)
    assert state(warehouse) == state(single)
