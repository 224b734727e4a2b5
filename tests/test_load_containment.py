"""Failure containment in loading: a combination of articles that a warehouse-wide statement cannot handle
costs the article that completes it (an ingest_errors row that says why), not the run; a failure no article
causes fails the run and leaves the published warehouse as it was."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

import pipelines.warehouse.store as store_module
from pipelines.ingest.plan import IngestResult, scan
from pipelines.staging import StagedBatches, write_tables
from pipelines.warehouse.known import read_published
from pipelines.warehouse.load import RunInput, load
from pipelines.warehouse.rows import arrow_tables
from pipelines.warehouse.sqlfiles import run_sql
from pipelines.warehouse.store import Warehouse
from test_entity_links import XBOX_A, XBOX_B, article

OLD_LINK = Path(__file__).parent / "data" / "load" / "old_surname_link.sql"


def run_input(tmp_path: Path, warehouse: Warehouse, *extractions) -> RunInput:
    """A run that found these articles (hand-made extractions, as the NLP stage stages them) in a corpus."""
    corpus = tmp_path / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for ex in extractions:
        (corpus / ex.article.source_path).write_text(ex.article.body, encoding="utf-8")
    batch = tmp_path / "staged" / "000000"
    batch.parent.mkdir(parents=True, exist_ok=True)
    write_tables(batch, arrow_tables(list(extractions)))
    found = scan(corpus, read_published(warehouse).files)
    hashes = {ex.article.source_path: hashlib.sha256(ex.article.body.encode()).hexdigest() for ex in extractions}
    return RunInput(found, IngestResult(hashes=hashes), StagedBatches((str(batch),), len(extractions)), sorted(hashes), [], tmp_path.name,
                    dt.datetime.now(dt.UTC))


def with_statement(monkeypatch, sql: str) -> None:
    """Runs ``sql`` after the entity refresh (which the build runs: pipelines.warehouse.store), as if it were
    part of it."""
    real = store_module.run_sql_file

    def refresh_then(con, path, **params):
        real(con, path, **params)
        if path == "load/refresh_entities.sql":
            run_sql(con, sql)

    monkeypatch.setattr(store_module, "run_sql_file", refresh_then)


def test_a_conflicting_pair_costs_one_article_with_a_reason_and_the_rest_is_published(tmp_path, monkeypatch):
    with_statement(monkeypatch, OLD_LINK.read_text(encoding="utf-8"))
    for alone in (XBOX_A, XBOX_B):  # each loads fine alone
        wh = Warehouse(tmp_path / f"alone_{alone.article.source_path}.duckdb")
        load(wh, run_input(tmp_path / alone.article.source_path, wh, alone))
        assert wh.query("SELECT count(*) FROM articles") == [(1,)]
    wh = Warehouse(tmp_path / "news.duckdb")
    other = article("c.txt", ("Ann Lee", "PERSON", 1))
    summary = load(wh, run_input(tmp_path / "pair", wh, XBOX_A, XBOX_B, other))
    assert wh.query("SELECT source_path FROM articles ORDER BY 1") == [("a.txt",), ("c.txt",)]
    [(path, error, detail)] = wh.query("SELECT source_path, error, detail FROM ingest_errors")
    assert (path, error) == ("b.txt", "failed")
    assert "Duplicate key" in detail and "left out" in detail
    assert wh.query("SELECT status FROM source_files WHERE source_path = 'b.txt'") == [("error",)]
    assert (summary.articles_added, summary.errors) == (2, 1)


def test_a_failure_no_article_causes_fails_the_run_and_leaves_the_warehouse_as_it_was(tmp_path, monkeypatch):
    wh = Warehouse(tmp_path / "news.duckdb")
    load(wh, run_input(tmp_path / "first", wh, XBOX_A))
    before = wh.path.read_bytes()
    with_statement(monkeypatch, "SELECT error('the disk is full');")
    with pytest.raises(Exception, match="the disk is full"):
        load(wh, run_input(tmp_path / "second", wh, XBOX_B))
    assert wh.path.read_bytes() == before
    assert not wh.build_path.exists()
