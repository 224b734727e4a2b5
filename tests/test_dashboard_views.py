"""The views the BI dashboard charts (bi/dashboard/) add up to the tables they summarise."""

from __future__ import annotations

import duckdb

from helpers import rows
from pipelines.warehouse.sqlfiles import run_sql_file
from pipelines.warehouse.store import Warehouse


def test_quote_details_has_every_quote_of_a_present_article_with_its_article(seed_warehouse):
    quotes = rows(seed_warehouse, """
        SELECT count(*) FROM quotes q JOIN articles a USING (article_id) WHERE a.missing_since IS NULL""")[0][0]
    assert quotes > 0
    details = rows(seed_warehouse, "SELECT quote_id, speaker, title, publication_month FROM quote_details")
    assert len(details) == quotes
    assert len({quote_id for quote_id, *_ in details}) == quotes
    assert all(speaker and month for _, speaker, _, month in details)
    named = rows(seed_warehouse, "SELECT speaker, quotes FROM quotes_by_speaker ORDER BY quotes DESC LIMIT 1")[0]
    speaker_rows = Warehouse(seed_warehouse).query("SELECT count(*) FROM quote_details WHERE speaker = ?", [named[0]])
    assert speaker_rows[0][0] == named[1]


def test_quotes_per_month_add_up_by_kind(seed_warehouse):
    by_kind = dict(rows(seed_warehouse, "SELECT kind, sum(quotes) FROM quotes_per_month GROUP BY kind"))
    assert by_kind == dict(rows(seed_warehouse, "SELECT kind, count(*) FROM quote_details GROUP BY kind"))


def test_publication_month_labels_what_the_article_gives_and_sorts_in_time_order():
    con = duckdb.connect()
    run_sql_file(con, "views/00_publication_month.sql")
    labels = con.execute("""
        SELECT publication_month(DATE '2023-12-05', 'day'), publication_month(DATE '2024-01-01', 'year'),
               publication_month(DATE '2024-08-01', 'month'), publication_month(DATE '2024-08-16', 'day'),
               publication_month(NULL, NULL)""").fetchone()
    assert labels == ("2023-12", "2024 (month unknown)", "2024-08", "2024-08", "undated")
    assert sorted(labels) == list(labels)


def test_people_cooccurrence_pairs_people_named_in_the_same_articles(seed_warehouse):
    pairs = rows(seed_warehouse,
                 "SELECT person_1, person_2, person_rank_1, person_rank_2, articles FROM people_cooccurrence")
    assert pairs
    people = dict(rows(seed_warehouse, "SELECT name, article_count FROM entities WHERE label = 'PERSON'"))
    for person_1, person_2, _, _, articles in pairs:
        assert person_1 in people and person_2 in people and person_1 != person_2
        assert 1 <= articles <= min(people[person_1], people[person_2])
    ranks = {name: rank for p1, p2, r1, r2, _ in pairs for name, rank in ((p1, r1), (p2, r2))}
    first = min(ranks, key=ranks.get)
    assert people[first] == max(people.values())
