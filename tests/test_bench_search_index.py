"""The full-text indexes kept current by updates score exactly as freshly rebuilt ones (a speed change that
must not change search results)."""

from __future__ import annotations

import random

import duckdb
import pytest

from pipelines.warehouse.fts_update import _rebuild, refresh_search_indexes, search_indexes
from pipelines.warehouse.search import load_fts

WORDS = ("summit alliance missile treaty sanctions border talks minister economy trade nuclear envoy "
         "pipeline election protest harbour drought vaccine tariff satellite").split()
QUERIES = ["summit", "missile treaty", "sanctions economy", "nuclear envoy talks", "drought", "Müller",
           "satellite launch", "trade tariff border"]


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)) + "."


@pytest.fixture
def con():
    con = duckdb.connect()
    load_fts(con)
    con.execute("CREATE TABLE articles (article_id VARCHAR PRIMARY KEY, title VARCHAR, body VARCHAR)")
    con.execute("CREATE TABLE quotes (quote_id VARCHAR PRIMARY KEY, text VARCHAR, speaker_name VARCHAR)")
    rng = random.Random(1)
    for i in range(40):
        con.execute("INSERT INTO articles VALUES (?, ?, ?)", [f"a{i}", _text(rng, 5), _text(rng, 60)])
        con.execute("INSERT INTO quotes VALUES (?, ?, ?)", [f"q{i}", _text(rng, 12), rng.choice(["Ann Lee", None])])
    return con


def _scores(con) -> dict:
    return {
        (index.table, q): con.execute(
            f"SELECT {index.id}, round({index.schema}.match_bm25({index.id}, ?), 9) AS s FROM {index.table} "
            "WHERE s IS NOT NULL ORDER BY ALL", [q]).fetchall()
        for index in search_indexes() for q in QUERIES
    }


def test_updated_indexes_score_like_rebuilt_ones(con):
    refresh_search_indexes(con)
    rng = random.Random(2)
    con.execute("DELETE FROM articles WHERE article_id IN ('a3', 'a7')")
    con.execute("INSERT INTO articles VALUES ('a3', 'Summit talks', ?), ('a99', 'Müller visits', ?)",
                [_text(rng, 80), "Müller met the envoy about the pipeline and the drought."])
    con.execute("UPDATE quotes SET speaker_name = 'Bo Müller' WHERE quote_id = 'q5'")  # changed in place
    con.execute("DELETE FROM quotes WHERE quote_id = 'q6'")
    refresh_search_indexes(con)
    updated = _scores(con)
    assert updated[("articles", "Müller")]  # the new article is found
    for index in search_indexes():
        _rebuild(con, index)
    assert _scores(con) == updated


def test_a_document_missing_from_the_index_is_added_back(con):
    refresh_search_indexes(con)
    expected = _scores(con)
    con.execute("DELETE FROM fts_main_articles.docs WHERE name = 'a0'")
    con.execute("DELETE FROM fts_main_articles.terms WHERE docid NOT IN (SELECT docid FROM fts_main_articles.docs)")
    refresh_search_indexes(con)
    assert _scores(con) == expected


def test_many_changes_rebuild_the_index(con):
    refresh_search_indexes(con)
    con.execute("UPDATE articles SET body = body || ' trade'")
    refresh_search_indexes(con)
    assert con.execute("SELECT count(*) FROM fts_main_articles.docs").fetchall() == [(40,)]
    found = con.execute("SELECT count(*) FROM articles WHERE fts_main_articles.match_bm25(article_id, 'trade') > 0")
    assert found.fetchall() == [(40,)]
