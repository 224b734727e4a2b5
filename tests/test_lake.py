"""The warehouse as a DuckLake, on one machine (a DuckDB-file catalog: no service needed): the same tables,
views, checks and queries as the DuckDB file. The PostgreSQL catalog and many machines: tests/cluster/."""

from __future__ import annotations

import duckdb
import pytest

from helpers import copy_seeds, example_results, output_metadata, run_pipeline
from pipelines.warehouse.snapshot import differences, row_counts
from pipelines.warehouse.store import Warehouse
from pipelines.warehouse.target import open_warehouse


@pytest.fixture(scope="module")
def seed_lake(tmp_path_factory):
    base = tmp_path_factory.mktemp("lake")
    target = f"ducklake:{base / 'catalog.ducklake'}"
    result = run_pipeline(copy_seeds(base / "corpus"), target, base / "storage")
    return open_warehouse(target, str(base / "storage")), result


def test_a_lake_holds_the_same_tables_and_rows_as_the_file(seed_lake, seed_warehouse):
    lake, _ = seed_lake
    counts = row_counts(lake)
    assert counts["quotes"] and counts["entities"] and counts["fts_main_quotes.terms"]
    assert differences(seed_warehouse, lake) == []  # every table, the search indexes' contents too


def test_views_checks_and_example_queries_answer_as_on_the_file(seed_lake, seed_warehouse):
    lake, result = seed_lake
    assert [e.check_name for e in result.get_asset_check_evaluations() if not e.passed] == []
    examples = example_results(lake)
    assert examples["02_quotes_about_a_word.sql"], "full-text search found nothing"
    assert examples == example_results(Warehouse(seed_warehouse))
    with lake.connect_readonly() as con:
        assert con.execute("SELECT count(*) FROM quotes_by_speaker").fetchone()[0] > 0


def test_a_lake_run_is_one_snapshot_and_leaves_no_staged_batches(seed_lake):
    lake, result = seed_lake
    assert output_metadata(result, "extractions")["articles"] == 5
    with lake.connect_readonly() as con:
        last = con.execute("SELECT changes FROM ducklake_snapshots('lake') ORDER BY snapshot_id DESC LIMIT 1").fetchone()[0]
    assert "main.articles" in str(last) and "main.quotes" in str(last)  # the run's rows came in one commit
    assert list(lake.staging_root.iterdir()) == []


def test_lake_readers_reach_nothing_but_the_lake(seed_lake):
    lake, _ = seed_lake
    with lake.connect_readonly() as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
        for sql in ("SELECT * FROM read_text('/etc/passwd')", "INSERT INTO articles SELECT * FROM articles",
                    "SET enable_external_access = true"):
            with pytest.raises(duckdb.Error):
                con.execute(sql)
