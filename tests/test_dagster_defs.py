"""The Dagster code location: it loads, and the sensor launches one run per change of the corpus."""

from __future__ import annotations

import dagster as dg

from helpers import copy_seeds
from pipelines.defs.resources import CorpusResource
from pipelines.defs.sensors import corpus_sensor
from pipelines.definitions import defs


def test_definitions_load_with_job_sensor_schedule_and_checks():
    repo = defs.get_repository_def()
    assert repo.get_job("ingest_corpus")
    assert {s.name for s in repo.sensor_defs} == {"corpus_sensor"}
    assert {s.name for s in repo.schedule_defs} == {"daily_corpus_rescan"}
    checks = {k.name for k in repo.asset_graph.asset_check_keys}
    assert {"files_accounted", "spans_match_body", "bodies_not_empty"} <= checks


def evaluate(corpus, cursor=None) -> dg.SensorResult:
    context = dg.build_sensor_context(cursor=cursor, resources={"corpus": CorpusResource(corpus_dir=str(corpus))})
    return corpus_sensor(context)


def test_sensor_requests_a_run_for_new_changed_and_removed_files_only(tmp_path):
    corpus = copy_seeds(tmp_path / "corpus")
    first = evaluate(corpus)
    assert len(first.run_requests) == 1
    assert evaluate(corpus, first.cursor).run_requests == []  # nothing changed: no run

    (corpus / "new.txt").write_text("“We are ready,” said Maria Lopez on Monday.", encoding="utf-8")
    added = evaluate(corpus, first.cursor)
    assert len(added.run_requests) == 1
    assert added.run_requests[0].tags["news_warehouse/changed_files"] == "1"
    assert added.run_requests[0].run_key != first.run_requests[0].run_key

    (corpus / "new.txt").unlink()
    removed = evaluate(corpus, added.cursor)
    assert len(removed.run_requests) == 1
    # Back to the first state, but a new change: a new run key, so Dagster launches it.
    assert removed.run_requests[0].run_key not in {first.run_requests[0].run_key, added.run_requests[0].run_key}
    # The same tick evaluated again (say after a daemon restart) repeats its key: Dagster skips the duplicate.
    assert evaluate(corpus, added.cursor).run_requests[0].run_key == removed.run_requests[0].run_key
