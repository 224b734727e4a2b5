"""Parsing in several processes gives the same extractions, in the same order, as parsing in one; a worker
that has done its share of batches is replaced without losing any."""

from __future__ import annotations

import datetime as dt
import os
import signal
from pathlib import Path

import pyarrow.parquet as pq

from pipelines import stages, workers
from pipelines.models import ArticleMetadata, CleanArticle
from pipelines.staging import BatchWriter
from pipelines.stages import extract_articles

TEXTS = [
    '"We will not back down," said Maria Lopez, the mayor of Springfield, on Monday.',
    "The central bank raised rates by half a point last week, its third increase this year.",
    "Officials in Nairobi said talks with the World Bank would resume in March.",
    '"It is too early to tell," according to Dr. Ahmed Khan, who leads the inquiry.',
]


def _articles(n: int) -> list[CleanArticle]:
    return [CleanArticle(f"a{i:02d}.txt", "", TEXTS[i % len(TEXTS)] + f" Report {i}.", [], [], [],
                         ArticleMetadata(published=dt.date(2024, 5, 1 + i % 28), published_precision="day"))
            for i in range(n)]


def _extracted(result) -> dict[str, list[dict]]:
    """The warehouse rows the stage staged, table by table, in batch order."""
    rows: dict[str, list[dict]] = {}
    for folder in map(Path, result.staged.files):
        for table in sorted(folder.glob("*.parquet")):
            rows.setdefault(table.stem, []).extend(pq.read_table(table).to_pylist())
    return rows


def test_two_processes_extract_what_one_does_and_what_the_pipeline_here_does(nlp, tmp_path, monkeypatch):
    monkeypatch.setattr(workers, "BATCHES_PER_WORKER_LIFE", 2)  # 12 batches: each worker is replaced twice or more
    articles = _articles(12)
    writer = BatchWriter(tmp_path / "clean", batch_size=1)
    for article in articles:
        writer.add(article)
    staged = writer.staged()
    # The run's way: workers forked from the fork server, which loaded the pipeline; and with this process's.
    one = extract_articles(staged, tmp_path / "one", processes=1)
    two = extract_articles(staged, tmp_path / "two", processes=2)
    here = extract_articles(staged, tmp_path / "here", processes=2, nlp=nlp)
    assert one.errors == two.errors == here.errors == []
    assert one.counts == two.counts == here.counts and two.counts["quotes"] > 0 and two.counts["dates"] > 0
    assert two.source_paths == [row["source_path"] for row in _extracted(two)["articles"]] == \
        [a.source_path for a in articles]
    assert _extracted(two) == _extracted(one) == _extracted(here)


def test_an_article_that_kills_its_worker_becomes_an_error_and_the_rest_are_extracted(nlp, tmp_path, monkeypatch):
    monkeypatch.setattr(workers, "BATCHES_PER_WORKER_LIFE", 1)
    real_extract_batch = stages._extract_batch

    def crash_on_poison(nlp, batch):  # a crash in native code, as a segfault in a parser would be
        if any("POISON" in article.body for article in batch):
            os.kill(os.getpid(), signal.SIGKILL)
        return real_extract_batch(nlp, batch)

    monkeypatch.setattr(stages, "_extract_batch", crash_on_poison)  # workers forked from here see the patch
    articles = _articles(12)
    articles[5].body += " POISON"
    writer = BatchWriter(tmp_path / "clean", batch_size=3)  # the poisoned article shares a batch with two others
    for article in articles:
        writer.add(article)
    result = extract_articles(writer.staged(), tmp_path / "out", processes=2, nlp=nlp)
    assert [(e.source_path, e.error) for e in result.errors] == [("a05.txt", "failed")]
    assert "crashed" in result.errors[0].detail
    assert result.source_paths == [a.source_path for a in articles if a is not articles[5]]
    assert [row["source_path"] for row in _extracted(result)["articles"]] == result.source_paths


def test_the_last_batches_are_cut_so_the_workers_finish_together_and_each_article_is_parsed_once(tmp_path):
    sizes = [32] * 9 + [12]
    jobs = [(f"clean/{i:06d}.parquet", tmp_path / f"{i:06d}.parquet") for i in range(len(sizes))]
    pieces = stages.tail_split(jobs, sizes, processes=2)
    assert [stop - start for _, _, start, stop in pieces] == [32] * 8 + [22, 10, 8, 4]
    assert [(source, i) for source, _, start, stop in pieces for i in range(start, stop)] == \
        [(source, i) for (source, _), size in zip(jobs, sizes, strict=True) for i in range(size)]
    assert len({target for _, target, _, _ in pieces}) == len(pieces)  # each piece stages its own rows
    assert stages.tail_split(jobs, sizes, processes=1) == \
        [(source, target, 0, size) for (source, target), size in zip(jobs, sizes, strict=True)]


def test_a_batch_cut_into_pieces_gives_the_rows_and_order_of_the_whole_batch(nlp, tmp_path, monkeypatch):
    monkeypatch.setattr(stages, "MIN_TAIL_PIECE", 1)  # the last batch of four is parsed as pieces of 2, 1 and 1
    articles = _articles(32)
    writer = BatchWriter(tmp_path / "clean", batch_size=4)
    for article in articles:
        writer.add(article)
    staged = writer.staged()
    whole = extract_articles(staged, tmp_path / "whole", processes=1, nlp=nlp)
    cut = extract_articles(staged, tmp_path / "cut", processes=2, nlp=nlp)
    assert len(cut.staged.files) == len(whole.staged.files) + 2
    assert cut.source_paths == whole.source_paths == [a.source_path for a in articles]
    assert _extracted(cut) == _extracted(whole)
