"""Entities across articles in the warehouse: one row per person, however each article writes the name."""

from __future__ import annotations

from helpers import rows, run_pipeline

ARTICLES = {
    "a.txt": "Russian President Vladimir Putin met Chinese officials in Moscow on Monday.\n"
             "“We are partners,” Putin said after the talks.\n",
    "b.txt": "President Putin arrived in Beijing late on Tuesday, the Kremlin said.\n"
             "Kim Jong-un was not at the meeting, officials said.\n",
    "c.txt": "North Korean leader Kim Jong Un inspected a factory, state media said.\n"
             "Analyst Patricia M Kim said the visit was planned. “It was expected,” Kim said.\n",
}


def test_one_entity_per_person_across_articles(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    warehouse = tmp_path / "news.duckdb"
    run_pipeline(corpus, warehouse)
    people = dict(rows(warehouse, "SELECT name, article_count FROM entities WHERE label = 'PERSON'"))
    assert people["Vladimir Putin"] == 2  # "Putin" alone in b.txt is the one Putin the warehouse knows
    assert "Putin" not in people
    assert people["Kim Jong Un"] == 2 or people.get("Kim Jong-un") == 2  # spelling variants are one entity
    assert "Patricia M Kim" in people
    aliases = {a for (a,) in rows(warehouse, """SELECT alias FROM entity_aliases JOIN entities USING (entity_id)
                                                WHERE name IN ('Kim Jong Un', 'Kim Jong-un')""")}
    assert {"Kim Jong Un", "Kim Jong-un"} <= aliases
    [(speaker,)] = rows(warehouse, "SELECT speaker_name FROM quotes WHERE text LIKE 'We are partners%'")
    assert speaker == "Vladimir Putin"


def test_mention_counts_add_up(seed_warehouse):
    [(entities,)] = rows(seed_warehouse, "SELECT count(*) FROM entities WHERE mention_count > 0")
    assert entities > 50
    assert rows(seed_warehouse, """
        SELECT count(*) FROM entities e
        WHERE mention_count <> (SELECT sum(mentions) FROM entity_mention_counts c WHERE c.entity_id = e.entity_id)
           OR mention_count <> (SELECT count(*) FROM entity_mentions m WHERE m.entity_id = e.entity_id)
           OR article_count <> (SELECT count(DISTINCT article_id) FROM entity_mentions m WHERE m.entity_id = e.entity_id)
    """) == [(0,)]
