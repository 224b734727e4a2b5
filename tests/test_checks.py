"""The data-quality checks look at what the last run loaded, fail on broken rows there, and fail when they
cannot look."""

from __future__ import annotations

import shutil

import duckdb

from helpers import copy_seeds, output_metadata, rows, run_pipeline
from pipelines.defs.checks import warehouse_checks
from pipelines.defs.resources import WarehouseResource
from pipelines.warehouse.sqlfiles import SQL_DIR


def check_rows(warehouse, name: str) -> list[tuple]:
    return rows(warehouse, (SQL_DIR / "checks" / f"{name}.sql").read_text(encoding="utf-8"))


def test_checks_see_only_the_articles_of_the_last_run(tmp_path):
    corpus, warehouse = copy_seeds(tmp_path / "corpus"), tmp_path / "news.duckdb"
    extra = corpus / "000_361a8e87247608ad.txt"
    held_back = tmp_path / extra.name
    shutil.move(extra, held_back)
    run_pipeline(corpus, warehouse)
    assert rows(warehouse, "SELECT count(*) FROM last_run_articles") == [(4,)]

    shutil.move(held_back, extra)
    second = run_pipeline(corpus, warehouse)
    assert output_metadata(second, "extractions")["articles"] == 1
    assert rows(warehouse, "SELECT source_path FROM last_run_articles") == [(extra.name,)]

    third = run_pipeline(corpus, warehouse)  # nothing new: nothing published, so nothing to check again
    assert third.get_asset_check_evaluations() == []
    assert rows(warehouse, "SELECT source_path FROM last_run_articles") == [(extra.name,)]

    extra.unlink()  # a run that loads no article checks what it changed: the files' accounts
    fourth = run_pipeline(corpus, warehouse)
    assert rows(warehouse, "SELECT count(*) FROM last_run_articles") == [(0,)]
    checked = {e.check_name: e.passed for e in fourth.get_asset_check_evaluations()}
    assert checked["files_accounted"] and all(checked.values())


def test_a_span_that_misses_its_words_fails_the_check(seed_warehouse, tmp_path):
    broken = tmp_path / "broken.duckdb"
    shutil.copy(seed_warehouse, broken)
    assert check_rows(broken, "spans_match_body") == []
    with duckdb.connect(str(broken)) as con:
        con.execute("UPDATE date_mentions SET start_char = start_char + 1 WHERE rowid = 0")
    [(table, *_)] = check_rows(broken, "spans_match_body")
    assert table == "date_mentions"


def test_every_check_fails_when_there_is_no_warehouse_to_check(tmp_path):
    results = list(warehouse_checks(warehouse=WarehouseResource(path=str(tmp_path / "absent.duckdb"))))
    assert len(results) == 4
    assert not [r for r in results if r.passed]
    assert all("no warehouse" in r.metadata["problem"].value for r in results)


def test_every_check_fails_when_it_cannot_see_what_the_last_run_loaded(seed_warehouse, tmp_path):
    broken = tmp_path / "broken.duckdb"
    shutil.copy(seed_warehouse, broken)
    resource = WarehouseResource(path=str(broken))
    assert all(r.passed for r in warehouse_checks(warehouse=resource))
    with duckdb.connect(str(broken)) as con:  # the articles' stamp no longer matches the run's
        con.execute("UPDATE articles SET ingested_at = ingested_at - INTERVAL 1 SECOND")
    results = list(warehouse_checks(warehouse=resource))
    assert not [r for r in results if r.passed]
    assert all("loaded 5 articles but the checks would see 0" in r.metadata["problem"].value for r in results)
