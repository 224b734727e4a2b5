"""End to end: the real Dagster assets over a temp corpus into a real DuckDB file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from helpers import copy_seeds, output_metadata, rows, run_pipeline
from pipelines.warehouse.store import Warehouse

PROJECT = Path(__file__).resolve().parents[1]
TABLES = ("articles", "quotes", "entities", "entity_mentions", "date_mentions", "removed_lines", "source_files")


def snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    keys = {
        "articles": "article_id, content_sha256, body", "quotes": "quote_id, text, speaker_name",
        "entities": "entity_id, name, label", "entity_mentions": "article_id, start_char, entity_id",
        "date_mentions": "article_id, start_char, value", "removed_lines": "article_id, line_no, reason",
        "source_files": "source_path, status, article_id",
    }
    return {t: rows(warehouse, f"SELECT {keys[t]} FROM {t} ORDER BY ALL") for t in TABLES}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("run")
    corpus, warehouse = copy_seeds(base / "corpus"), base / "news.duckdb"
    first = run_pipeline(corpus, warehouse)
    return corpus, warehouse, first


def test_every_seed_file_becomes_an_article(built):
    corpus, warehouse, first = built
    assert rows(warehouse, "SELECT count(*) FROM articles") == [(5,)]
    assert rows(warehouse, "SELECT count(*) FROM source_files WHERE status = 'article'") == [(5,)]
    assert output_metadata(first, "corpus_scan")["to_read"] == 5


def test_checks_pass_on_the_seeds(built):
    _, _, first = built
    failed = [e.check_name for e in first.get_asset_check_evaluations() if not e.passed]
    assert failed == []


def test_a_published_run_leaves_no_staged_batches(built):
    _, warehouse, first = built
    assert output_metadata(first, "extractions")["articles"] == 5
    assert list(Warehouse(warehouse).staging_root.iterdir()) == []


def materialized(result) -> list[str]:
    return [m.asset_key.to_user_string() for m in result.get_asset_materialization_events()]


def test_a_second_run_with_nothing_new_stops_after_the_scan(built):
    corpus, warehouse, _ = built
    before, published = snapshot(warehouse), warehouse.stat().st_mtime_ns
    again = run_pipeline(corpus, warehouse)
    assert output_metadata(again, "corpus_scan")["to_read"] == 0
    # Nothing read, cleaned, parsed (no model loaded), loaded or checked; the published file is not rewritten.
    assert materialized(again) == ["corpus_scan"]
    assert again.get_asset_check_evaluations() == []
    assert warehouse.stat().st_mtime_ns == published
    assert snapshot(warehouse) == before


def test_a_run_from_the_shell_with_nothing_new_starts_neither_dagster_nor_spacy(built):
    corpus, warehouse, _ = built
    published = warehouse.stat().st_mtime_ns
    env = {**os.environ, "NEWS_CORPUS_DIR": str(corpus), "NEWS_WAREHOUSE": str(warehouse), "PYTHONPATH": str(PROJECT)}
    code = ("import sys; from pipelines.__main__ import main; main(['run']); "
            "print('loaded:', [m for m in ('dagster', 'spacy', 'pandas') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, env=env, capture_output=True, text=True,
                         check=True).stdout
    assert "the warehouse is up to date" in " ".join(out.split())
    assert "loaded: []" in out
    assert warehouse.stat().st_mtime_ns == published


def test_a_run_from_the_shell_parses_in_its_workers_only_and_builds_what_a_run_in_one_process_builds(built, tmp_path):
    corpus, warehouse, _ = built
    env = {**os.environ, "NEWS_CORPUS_DIR": str(corpus), "NEWS_WAREHOUSE": str(tmp_path / "shell.duckdb"),
           "PYTHONPATH": str(PROJECT)}
    code = ("import sys; from pipelines.__main__ import main; main(['run']); "
            "print('loaded:', [m for m in ('dagster', 'spacy') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, env=env, capture_output=True, text=True,
                         check=True).stdout
    assert "loaded: ['dagster']" in out  # cleaning and parsing happened in the workers
    assert snapshot(tmp_path / "shell.duckdb") == snapshot(warehouse)


def test_a_warehouse_older_than_its_sql_is_republished_though_nothing_is_new(built):
    corpus, warehouse, _ = built
    before = snapshot(warehouse)
    os.utime(warehouse, ns=(0, 0))  # as if schema.sql or a view had changed since it was published
    again = run_pipeline(corpus, warehouse)
    assert "news_warehouse" in materialized(again)
    assert output_metadata(again, "extractions")["articles"] == 0
    assert warehouse.stat().st_mtime_ns > 0
    assert snapshot(warehouse) == before


def test_touching_a_file_rereads_it_but_does_not_parse_it(built):
    corpus, warehouse, _ = built
    before = snapshot(warehouse)
    path = corpus / "003_47e6bea071febacf.txt"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    again = run_pipeline(corpus, warehouse)
    assert output_metadata(again, "corpus_scan")["to_read"] == 1
    assert output_metadata(again, "extractions")["articles"] == 0
    assert snapshot(warehouse) == before


def test_a_changed_file_replaces_its_rows(tmp_path):
    corpus, warehouse = copy_seeds(tmp_path / "corpus"), tmp_path / "news.duckdb"
    run_pipeline(corpus, warehouse)
    path = corpus / "003_47e6bea071febacf.txt"
    [(article_id,)] = rows(warehouse, "SELECT article_id FROM articles WHERE source_path = '003_47e6bea071febacf.txt'")
    path.write_text(path.read_text(encoding="utf-8") + "\n“We will be back next year,” said Maria Lopez.\n",
                    encoding="utf-8")
    again = run_pipeline(corpus, warehouse)
    assert output_metadata(again, "extractions")["articles"] == 1
    assert output_metadata(again, "news_warehouse")["articles_changed"] == 1
    assert rows(warehouse, "SELECT count(*), count(DISTINCT article_id) FROM articles") == [(5, 5)]
    [(body,)] = rows(warehouse, f"SELECT body FROM articles WHERE article_id = '{article_id}'")
    assert "Maria Lopez" in body


def test_a_removed_file_is_marked_not_deleted(tmp_path):
    corpus, warehouse = copy_seeds(tmp_path / "corpus"), tmp_path / "news.duckdb"
    run_pipeline(corpus, warehouse)
    (corpus / "000_361a8e87247608ad.txt").unlink()
    run_pipeline(corpus, warehouse)
    assert rows(warehouse, "SELECT status FROM source_files WHERE source_path = '000_361a8e87247608ad.txt'") == [("missing",)]
    assert rows(warehouse, "SELECT count(*) FROM articles WHERE missing_since IS NOT NULL") == [(1,)]
    assert rows(warehouse, "SELECT count(*) FROM articles") == [(5,)]


def test_a_warehouse_of_an_older_schema_is_rebuilt_from_the_corpus(tmp_path):
    corpus, warehouse = copy_seeds(tmp_path / "corpus"), tmp_path / "news.duckdb"
    run_pipeline(corpus, warehouse)
    before = snapshot(warehouse)
    with duckdb.connect(str(warehouse)) as con:  # as a warehouse written before article_names existed
        con.execute("DROP TABLE warehouse_schema")
        con.execute("DROP TABLE article_names")
    again = run_pipeline(corpus, warehouse)
    assert output_metadata(again, "corpus_scan")["to_read"] == 5  # every file read again
    assert snapshot(warehouse) == before
    assert rows(warehouse, "SELECT count(*) FROM article_names") != [(0,)]
