"""Dealing the extraction stage into steps (pipelines/defs/shards.py) and choosing the executor
(pipelines/defs/cluster.py) from the settings."""

from __future__ import annotations

import importlib

import dagster as dg

from pipelines.defs import cluster
from pipelines.defs.shards import shard_batches, shards
from pipelines.models import ArticleMetadata, CleanArticle
from pipelines.staging import BatchWriter


def staged(tmp_path, articles: int, batch: int = 3):
    writer = BatchWriter(tmp_path, batch)
    for i in range(articles):
        writer.add(CleanArticle(f"{i}.txt", "0" * 64, "Body.", [], [], [], ArticleMetadata()))
    return writer.staged()


def test_shards_hold_every_batch_once_in_order_and_count_their_articles(tmp_path):
    batches = staged(tmp_path, 10)  # 4 batch files: 3, 3, 3, 1 articles
    dealt = shards(batches, 3)
    assert [len(s.files) for s in dealt] == [3, 1]
    assert [f for s in dealt for f in s.files] == list(batches.files)
    assert [s.items for s in dealt] == [9, 1]
    assert shards(batches, 0) == [batches]  # one step for all, as on one machine


def test_a_run_with_nothing_to_parse_still_has_one_shard(tmp_path):
    assert [s.items for s in shards(staged(tmp_path, 0), 2)] == [0]


def test_a_broker_setting_makes_the_job_run_on_celery_with_small_shards(monkeypatch):
    monkeypatch.delenv(cluster.BROKER_ENV, raising=False)
    monkeypatch.delenv("NEWS_SHARD_BATCHES", raising=False)
    assert cluster.cluster_executor() is None and shard_batches() == 0
    monkeypatch.setenv(cluster.BROKER_ENV, "redis://127.0.0.1:6399/0")
    executor = cluster.cluster_executor()
    assert isinstance(executor, dg.ExecutorDefinition) and executor.name == "news_celery"
    assert shard_batches() == 2
    settings = cluster.celery_settings()
    assert settings["task_acks_late"] and settings["worker_prefetch_multiplier"] == 1
    import pipelines.definitions as definitions  # noqa: PLC0415

    try:
        job = importlib.reload(definitions).ingest_job_definition()
        assert job.executor_def.name == "news_celery"
    finally:
        monkeypatch.delenv(cluster.BROKER_ENV)
        importlib.reload(definitions)
