"""A run's staged batches: written whole and in order, removed once the run has published, and folders of
runs that died swept once they are old, while a run still going keeps its own."""

from __future__ import annotations

import os
import time

from pipelines.staging import STALE_AFTER_SECONDS, BatchWriter, remove_run, run_folder


def test_batches_come_back_in_order_and_whole(tmp_path):
    writer = BatchWriter(tmp_path / "stage", batch_size=3)
    for i in range(7):
        writer.add({"n": i})
    staged = writer.staged()
    assert staged.items == 7
    assert [len(batch) for batch in staged] == [3, 3, 1]
    assert [r["n"] for r in staged.records()] == list(range(7))
    assert not list((tmp_path / "stage").glob("*.part"))


def test_publishing_removes_the_run_and_dead_runs_but_not_a_live_one(tmp_path):
    for run in ("done", "dead", "live"):
        BatchWriter(run_folder(tmp_path, run) / "raw_articles", batch_size=1).add("x")
    old = time.time() - STALE_AFTER_SECONDS - 60
    os.utime(run_folder(tmp_path, "dead"), (old, old))
    remove_run(tmp_path, "done")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["live"]
