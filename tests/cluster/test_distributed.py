"""A distributed build: two Celery workers started as separate processes, which share nothing but the broker
(Redis), the PostgreSQL server (the lake's catalog, Dagster's run storage) and the storage folder, build the
same warehouse as one machine does; a worker killed mid-step costs nothing; readers query the lake while a run
loads it."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import dagster as dg
import psutil
import pytest

from helpers import copy_seeds, example_results, run_pipeline
from pipelines.bench.corpus import write_corpus
from pipelines.cluster.services import PROJECT, start_run
from pipelines.warehouse.snapshot import differences, row_counts
from pipelines.warehouse.store import Warehouse
from pipelines.warehouse.target import open_warehouse

pytestmark = pytest.mark.cluster
SEEDS = PROJECT / "corpus"


def finish(run: subprocess.Popen, timeout: float = 1800) -> str:
    output, _ = run.communicate(timeout=timeout)
    assert run.returncode == 0, output[-5000:]
    return output


def lake_of(env: dict[str, str]):
    return open_warehouse(env["NEWS_WAREHOUSE"], env["NEWS_STORAGE"])


def step_runs(cluster) -> list[tuple[str, str, str]]:
    """(step, event, worker) of the latest run, in order: each step's start and success or failure, and the
    worker each Celery task went to."""
    with dg.DagsterInstance.from_config(cluster.env["DAGSTER_HOME"]) as instance:
        [run] = instance.get_runs(limit=1)
        found = []
        for entry in instance.all_logs(run.run_id):
            event = entry.dagster_event
            if event is None or not event.step_key:
                continue
            metadata = getattr(event.event_specific_data, "metadata", None) or {}
            worker = metadata.get("Celery worker")
            if worker is not None:
                found.append((event.step_key, "task", worker.value))
            elif event.event_type_value in ("STEP_START", "STEP_SUCCESS", "STEP_FAILURE"):
                found.append((event.step_key, event.event_type_value, ""))
        return found


def workers_of(runs: list[tuple[str, str, str]], prefix: str) -> set[str]:
    return {worker for step, kind, worker in runs if kind == "task" and step.startswith(prefix)}


def test_the_seeds_built_by_two_workers_equal_a_build_on_one_machine(cluster, seed_warehouse, tmp_path):
    env = cluster.lake_env("seeds", copy_seeds(tmp_path / "corpus"))
    output = finish(start_run(env))
    assert "│ articles                    │ 5  │" in output  # the summary make run prints
    lake, single = lake_of(env), Warehouse(seed_warehouse)
    assert differences(single, lake) == []
    assert example_results(lake) == example_results(single)
    # Every step went to a worker as a Celery task; which worker takes a step of this sequential chain is the
    # broker's choice (the generated corpus below checks that parallel steps spread over both).
    runs = step_runs(cluster)
    started = {step for step, kind, _ in runs if kind == "STEP_START"}
    assert started and started == {step for step, kind, _ in runs if kind == "task"}
    assert workers_of(runs, "") <= {worker.node for worker in cluster.workers}


def test_a_generated_corpus_built_by_two_workers_equals_a_build_on_one_machine(cluster, tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(SEEDS, corpus, 160, seed=3)  # five batches, five extraction steps
    env = cluster.lake_env("generated", corpus)
    finish(start_run(env))
    run_pipeline(corpus, tmp_path / "one.duckdb")
    lake = lake_of(env)
    assert row_counts(lake)["articles"] == 160
    assert differences(tmp_path / "one.duckdb", lake) == []
    assert len(workers_of(step_runs(cluster), "extractions.extract_shard")) == 2  # both parsed


def _parsing(workers) -> object | None:
    """The worker now in an extraction step, if any: its fork server (a child of the worker, there from the
    start) has forked a parsing process."""
    for worker in workers:
        if worker.process.poll() is None:
            main = psutil.Process(worker.process.pid)
            if len(main.children(recursive=True)) > len(main.children()):
                return worker
    return None


def test_a_worker_killed_mid_step_is_survived_nothing_lost_or_doubled(cluster, tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(SEEDS, corpus, 128, seed=5)
    env = cluster.lake_env("killed", corpus)
    run = start_run(env)
    deadline = time.monotonic() + 900
    while (victim := _parsing(cluster.workers)) is None:
        assert run.poll() is None and time.monotonic() < deadline, "no worker started parsing"
        time.sleep(0.2)
    victim.kill()
    survivor = next(w for w in cluster.workers if w is not victim)
    finish(run)
    cluster.workers.remove(victim)
    cluster.add_worker(f"{victim.name}b")  # the next tests have two workers again

    runs = step_runs(cluster)
    # A worker takes one task at a time (solo pool, prefetch 1): its last is the one it was killed in.
    killed_step = [step for step, kind, worker in runs if kind == "task" and worker == victim.node][-1]
    attempts = [w for s, kind, w in runs if s == killed_step and kind == "task"]
    assert attempts[0] == victim.node and attempts[-1] == survivor.node  # ran again elsewhere
    assert [k for s, k, _ in runs if s == killed_step and k == "STEP_SUCCESS"] == ["STEP_SUCCESS"]

    run_pipeline(corpus, tmp_path / "one.duckdb")
    lake = lake_of(env)
    assert row_counts(lake)["articles"] == 128  # nothing lost ...
    assert differences(tmp_path / "one.duckdb", lake) == []  # ... or doubled


READER = """
import json, sys, time
from pipelines.warehouse.target import open_warehouse
lake = open_warehouse(sys.argv[1], sys.argv[2])
while True:
    try:
        with lake.connect_readonly() as con:
            seen = con.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM quotes), "
                               "(SELECT count(*) FROM pipeline_runs)").fetchone()
        print(json.dumps(list(seen)), flush=True)
    except Exception as exc:
        print(json.dumps({"error": repr(exc)}), flush=True)
    if sys.stdin in __import__("select").select([sys.stdin], [], [], 0.1)[0]:
        break
"""


def test_a_reader_process_queries_the_lake_while_a_run_loads_it(cluster, tmp_path):
    corpus = copy_seeds(tmp_path / "corpus")
    env = cluster.lake_env("readers", corpus)
    finish(start_run(env))
    lake = lake_of(env)
    state = "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM quotes), (SELECT count(*) FROM pipeline_runs)"
    [before] = lake.query(state)
    write_corpus(SEEDS, corpus, 64, seed=7, start=100)
    reader = subprocess.Popen([sys.executable, "-c", READER, env["NEWS_WAREHOUSE"], env["NEWS_STORAGE"]], cwd=PROJECT,
                              env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    finish(start_run(env))
    [after] = lake.query(state)
    time.sleep(2)  # the reader sees the new snapshot too
    seen = [json.loads(line) for line in reader.communicate("stop\n", timeout=120)[0].splitlines()]
    assert after[0] == before[0] + 64
    assert not [s for s in seen if isinstance(s, dict)], "a query failed while the run loaded"
    assert {tuple(s) for s in seen} <= {tuple(before), tuple(after)}  # whole states only, never a part
    assert tuple(seen[0]) == tuple(before) and tuple(seen[-1]) == tuple(after)
