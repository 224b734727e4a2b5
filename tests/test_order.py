"""The warehouse is a function of the set of files, not of how they arrived: a real, mixed corpus (real pages
as HTML and as the plain text a reader copies from them, the seeds, the dev and test sets, generated articles)
built in one run, and built along shuffled plans of several runs (files split over the runs; in between some
removed, emptied, given another file's bytes, extended or touched, all restored by the last run), holds the
same rows in every table, bookkeeping aside. Lean for the suite: the 10 real pages with the shortest text, 2
plans of 3 runs; the sweep over all 53 pages and more plans is `make order-check`."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import rows, run_pipeline
from pipelines.bench.order import Arrival, arrivals, mixed_corpus, write_state
from pipelines.cli.order import SETS, build
from pipelines.warehouse.lake import Lake
from pipelines.warehouse.snapshot import differences

PAGES = Path(__file__).resolve().parents[2] / "shared" / "realworld" / "readability"  # ../shared from the project


@pytest.fixture(scope="module")
def corpus() -> dict[str, bytes]:
    assert PAGES.is_dir(), f"the real pages are expected at {PAGES} (../shared/realworld/readability)"
    return mixed_corpus(PAGES, SETS, SETS["seeds"], generated=4, page_limit=10)


@pytest.fixture(scope="module")
def whole(corpus, tmp_path_factory) -> Path:
    """The corpus in one run (built once for every plan)."""
    base = tmp_path_factory.mktemp("whole")
    write_state(base / "corpus", Arrival(corpus, frozenset(), "all"))
    run_pipeline(base / "corpus", base / "news.duckdb")
    return base / "news.duckdb"


def test_one_run_accounts_for_every_file_of_the_mixed_corpus(whole, corpus):
    assert {kind for kind in {name.split("/")[0] for name in corpus}} == {"html", "text", "seeds", "dev", "test",
                                                                            "generated"}
    statuses = dict(rows(whole, "SELECT source_path, status FROM source_files"))
    assert sorted(statuses) == sorted(corpus)
    assert set(statuses.values()) <= {"article", "duplicate", "error"}
    assert rows(whole, "SELECT count(*) FROM articles")[0][0] >= len(corpus) - 2


@pytest.mark.parametrize("plan", [1, 2])
def test_loading_in_pieces_in_another_order_gives_the_same_warehouse(whole, corpus, tmp_path, plan):
    steps = arrivals(corpus, runs=3, seed=plan)
    assert steps[-1].state == corpus and any("copy" in s.note or "empty" in s.note for s in steps)
    build(tmp_path / "corpus", tmp_path / "news.duckdb", steps)
    assert differences(whole, tmp_path / "news.duckdb") == []


def test_a_lake_loaded_in_pieces_holds_what_the_file_built_in_one_run_holds(whole, corpus, tmp_path):
    """The lake recomputes entities, links and search indexes only for what each run changed
    (sql/load/refresh_entities.sql, pipelines/warehouse/lake_search.py); that must come to what one run over
    everything gives, search indexes included."""
    target = f"ducklake:{tmp_path / 'catalog.ducklake'}"
    build(tmp_path / "corpus", target, arrivals(corpus, runs=3, seed=3), tmp_path / "storage")
    assert differences(whole, Lake(target, tmp_path / "storage")) == []
