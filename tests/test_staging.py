"""A run's staged batches: written whole and in order as data files in folders only the run's user can enter,
removed once the run has published, and folders of runs that died swept once they are old, while a run still
going keeps its own."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import stat

import pyarrow.parquet as pq
import pytest

from pipelines.models import (ArticleMetadata, CleanArticle, DateMention, Entity, EntityMention, Extraction,
                              Quote, RawArticle, RemovedLine, Segment)
from pipelines.staging import STALE_AFTER_SECONDS, BatchWriter, read_batch, remove_run, run_folder, write_tables
from pipelines.warehouse.rows import arrow_tables


ARTICLE = CleanArticle(
    "a.txt", "f" * 64, "Kim said “yes” on 5 May.", [RemovedLine(1, "By Ann Lee", "byline")], [(0, 3)],
    [Segment(0, 10, 24)], ArticleMetadata("Title", ["Ann Lee"], [], "Paper", dt.date(2024, 5, 6), "day"),
    {"title": "text"})
EXTRACTION = Extraction(
    ARTICLE, [Entity("Kim", "PERSON", "kim", {"Kim", "KIM"}, ["a minister"])],
    [EntityMention(0, 3, "Kim", "PERSON", 0)], [Quote(10, 13, "yes", "direct", "Kim", 0, "say", 0, 3)],
    [DateMention(17, 22, "5 May", "DATE", "2024-05-05", None, dt.date(2024, 5, 5), dt.date(2024, 5, 5))],
    [(0, 24)])


def raw(i: int) -> RawArticle:
    return RawArticle(f"{i}.txt", "0" * 64, f"Text {i} “é”", "txt", "utf-8", sidecar={"authors": ["A B"]} if i else {})


def test_batches_come_back_in_order_and_whole(tmp_path):
    writer = BatchWriter(tmp_path / "stage", batch_size=3)
    for i in range(7):
        writer.add(raw(i))
    staged = writer.staged()
    assert staged.items == 7
    assert [len(batch) for batch in staged] == [3, 3, 1]
    assert list(staged.records()) == [raw(i) for i in range(7)]
    assert not list((tmp_path / "stage").glob("*.part"))


def test_a_batch_file_is_parquet_data_and_every_record_comes_back_equal(tmp_path):
    writer = BatchWriter(tmp_path, batch_size=10)
    writer.add(ARTICLE)
    [path] = writer.staged().files
    assert pq.read_table(path).column("body").to_pylist() == [ARTICLE.body]  # columns, not a blob
    assert read_batch(path) == [ARTICLE]


def test_a_parsed_batch_is_staged_as_warehouse_rows_typed_like_the_warehouse_even_when_empty(tmp_path):
    bare = dataclasses.replace(ARTICLE, source_path="b.txt", metadata=ArticleMetadata(None, [], [], None, None, None))
    write_tables(tmp_path / "000000", arrow_tables([EXTRACTION, Extraction(bare, [], [], [], [], [(0, 24)])]))
    files = {p.name for p in (tmp_path / "000000").iterdir()}
    assert "quotes.parquet" in files and "entities.parquet" not in files  # new entities come from article_names
    articles = pq.read_table(tmp_path / "000000" / "articles.parquet")
    assert articles.column("source_path").to_pylist() == ["a.txt", "b.txt"]
    assert str(articles.schema.field("published_date").type) == "date32[day]"
    assert str(articles.schema.field("authors").type) == "list<element: string>"
    assert pq.read_table(tmp_path / "000000" / "quotes.parquet").column("speaker_name").to_pylist() == ["Kim"]

    only_bare = tmp_path / "000001"
    write_tables(only_bare, arrow_tables([Extraction(bare, [], [], [], [], [(0, 24)])]))
    # every value null or empty: the types are still the warehouse's
    assert pq.read_schema(only_bare / "articles.parquet").equals(articles.schema, check_metadata=False)


def test_staging_folders_are_private_to_the_user(tmp_path):
    root = tmp_path / ".news.duckdb.staging"
    root.mkdir(mode=0o777)
    root.chmod(0o777)  # made by someone with a wide umask, or on purpose
    folder = run_folder(root, "run-1", "raw_articles")
    for level in (root, root / "run-1", folder):
        assert stat.S_IMODE(level.stat().st_mode) == 0o700, level


@pytest.mark.skipif(os.geteuid() != 0, reason="making a folder of another user's needs root")
def test_a_staging_folder_of_another_user_is_refused(tmp_path):
    root = tmp_path / ".news.duckdb.staging"
    root.mkdir()
    os.chown(root, 12345, 12345)
    with pytest.raises(PermissionError):
        run_folder(root, "run-1")


def test_publishing_removes_the_run_and_dead_runs_but_not_a_live_one(tmp_path):
    for run in ("done", "dead", "live"):
        BatchWriter(run_folder(tmp_path, run, "raw_articles"), batch_size=1).add(raw(1))
    old = dt.datetime.now().timestamp() - STALE_AFTER_SECONDS - 60
    os.utime(tmp_path / "dead", (old, old))
    remove_run(tmp_path, "done")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["live"]


def test_a_run_keeps_its_outputs_as_data_in_the_private_staging_folder_and_pickles_nothing(tmp_path, monkeypatch):
    import dagster as dg

    import pipelines.defs.assets as assets
    from helpers import copy_seeds
    from pipelines.definitions import materialize_all
    from pipelines.defs.resources import CorpusResource, WarehouseResource
    from pipelines.warehouse.store import Warehouse

    def failing_load(*args, **kwargs):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(assets, "load", failing_load)  # a failed run keeps its staging folder for a re-execution
    warehouse = Warehouse(tmp_path / "news.duckdb")
    (tmp_path / "dagster").mkdir()
    with dg.instance_for_test(temp_dir=str(tmp_path / "dagster")) as instance, \
            pytest.raises(Exception, match="the disk is full"):
        materialize_all({"corpus": CorpusResource(corpus_dir=str(copy_seeds(tmp_path / "corpus"))),
                         "warehouse": WarehouseResource(path=str(warehouse.path))}, instance)
    [run] = list(warehouse.staging_root.iterdir())
    kept = [p for p in run.rglob("*") if p.is_file()]
    assert {p.suffix for p in kept} == {".json", ".parquet"}
    assert {p.parent.name for p in kept if p.suffix == ".json"} == {"outputs"}
    written = [p for p in [*kept, *(tmp_path / "dagster").rglob("*")] if p.is_file()]
    assert written and not [p for p in written if p.read_bytes()[:1] == b"\x80"]  # a pickle starts so
    for level in (warehouse.staging_root, run, *{p.parent for p in kept}):
        assert stat.S_IMODE(level.stat().st_mode) == 0o700, level
