"""Linking names across articles (sql/load/refresh_entities.sql) on hand-made articles: a combination of
articles that once broke the load now merges, labels decide what a one-word name links to, and links follow
the set of articles, not the order they were loaded in."""

from __future__ import annotations

import datetime as dt
import itertools
import tempfile
from pathlib import Path

import duckdb
import pytest

from pipelines.ingest.plan import article_id_for
from pipelines.models import ArticleMetadata, CleanArticle, Entity, EntityMention, Extraction, Quote
from pipelines.nlp.names import entity_key
from pipelines.staging import StagedBatches, write_tables
from pipelines.warehouse.load import insert_staged
from pipelines.warehouse.rows import arrow_tables
from pipelines.warehouse.sqlfiles import run_sql_file


def article(path: str, *names: tuple[str, str, int]) -> Extraction:
    """An article naming each (name, label, mentions); its first person is quoted once."""
    body = " ".join(" ".join([name] * count) for name, _, count in names) + "."
    entities, mentions, at = [], [], 0
    for i, (name, label, count) in enumerate(names):
        entities.append(Entity(name, label, entity_key(name), {name}, ["a role"] if label == "PERSON" else []))
        for _ in range(count):
            mentions.append(EntityMention(at, at + len(name), name, label, i))
            at += len(name) + 1
    speaker = next((i for i, (_, label, _) in enumerate(names) if label == "PERSON"), None)
    quotes = [Quote(0, len(names[0][0]), names[0][0], "direct", names[0][0], speaker, "say")] if speaker == 0 else []
    clean = CleanArticle(path, "0" * 64, body, [], [], [], ArticleMetadata())
    return Extraction(clean, entities, mentions, quotes, [], [])


# Page A names "Xbox" alone, tagged PERSON; page B names "Xbox" tagged ORG and "Xbox Live" tagged PERSON.
XBOX_A = article("a.txt", ("Xbox", "PERSON", 2))
XBOX_B = article("b.txt", ("Xbox", "ORG", 3), ("Xbox Live", "PERSON", 1))
# An article with both a bare surname and the full name as separate names: both are one person.
PUTIN_BOTH = article("c.txt", ("Putin", "PERSON", 2), ("Vladimir Putin", "PERSON", 1))
PUTIN_BARE = article("d.txt", ("Putin", "PERSON", 1))
# Another Putin: "putin" is ambiguous once this arrives.
OTHER_PUTIN = article("e.txt", ("Lyudmila Putin", "PERSON", 1))


def warehouse() -> duckdb.DuckDBPyConnection:
    """An empty warehouse (in memory: these tests load and query it many times)."""
    con = duckdb.connect()
    run_sql_file(con, "schema.sql")
    return con


def load(con: duckdb.DuckDBPyConnection, *extractions: Extraction) -> None:
    """Loads articles the way the load stage does (the run's articles noted and their old rows deleted, their
    staged rows inserted, then the entity refresh), one load per call."""
    article_ids = [article_id_for(ex.article.source_path) for ex in extractions]
    run_sql_file(con, "load/delete_articles.sql", article_ids=article_ids)
    with tempfile.TemporaryDirectory() as folder:
        batch = Path(folder) / "000000"
        write_tables(batch, arrow_tables(list(extractions)))
        insert_staged(con, StagedBatches((str(batch),), len(extractions)), article_ids, dt.datetime(2024, 1, 1))
    run_sql_file(con, "load/refresh_entities.sql")


def entity_tables(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    return {table: con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
            for table in ("entities", "article_entities", "article_names", "entity_mentions", "entity_roles",
                          "entity_aliases", "quotes")}


def people(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, int, int]]:
    return {name: (label, articles, mentions)
            for _, _, name, label, articles, mentions in con.execute("SELECT * FROM entities").fetchall()}


def test_the_xbox_pair_loads_and_each_article_keeps_its_own_label():
    wh = warehouse()
    load(wh, XBOX_A)
    load(wh, XBOX_B)  # used to fail: B's own "xbox" row was moved onto "xbox live", which B already had
    assert people(wh) == {"Xbox": ("ORG", 1, 3), "Xbox Live": ("PERSON", 2, 3)}


def test_two_names_of_one_person_in_one_article_become_one_row():
    wh = warehouse()
    load(wh, PUTIN_BOTH, PUTIN_BARE)
    assert people(wh) == {"Vladimir Putin": ("PERSON", 2, 4)}
    assert wh.execute("""SELECT a.source_path, e.name, ae.name, ae.mention_count FROM article_entities ae
                        JOIN articles a USING (article_id) JOIN entities e USING (entity_id) ORDER BY 1""").fetchall() == [
        ("c.txt", "Vladimir Putin", "Vladimir Putin", 3), ("d.txt", "Vladimir Putin", "Putin", 1)]
    assert wh.execute("SELECT DISTINCT e.name FROM entity_mentions JOIN entities e USING (entity_id)").fetchall() \
        == [("Vladimir Putin",)]


def test_a_link_is_undone_when_another_person_shares_the_surname():
    wh = warehouse()
    speaker = "SELECT speaker_name FROM quotes JOIN articles USING (article_id) WHERE source_path = 'd.txt'"
    load(wh, PUTIN_BARE, article("v.txt", ("Vladimir Putin", "PERSON", 1)))
    assert set(people(wh)) == {"Vladimir Putin"}
    assert wh.execute(speaker).fetchall() == [("Vladimir Putin",)]
    load(wh, OTHER_PUTIN)  # "Putin" alone could now be either
    assert set(people(wh)) == {"Vladimir Putin", "Putin", "Lyudmila Putin"}
    assert wh.execute(speaker).fetchall() == [("Putin",)]


ARTICLES = [XBOX_A, XBOX_B, PUTIN_BOTH, PUTIN_BARE, OTHER_PUTIN, article("v.txt", ("Vladimir Putin", "PERSON", 1))]


@pytest.fixture(scope="module")
def together() -> dict[str, list[tuple]]:
    con = warehouse()
    load(con, *ARTICLES)
    return entity_tables(con)


@pytest.mark.parametrize("order", list(itertools.islice(itertools.permutations(range(len(ARTICLES))), 0, 720, 151)))
def test_the_entity_tables_depend_on_the_set_of_articles_not_on_their_order(together, order):
    one_by_one = warehouse()
    for i in order:
        load(one_by_one, ARTICLES[i])
    assert entity_tables(one_by_one) == together
