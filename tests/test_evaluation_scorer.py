"""The scorer behind every quality figure of the README (pipelines/evaluation/report.py), on small hand-made
warehouses (a real DuckDB file with the real schema, rows written by hand) whose right scores are known."""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pytest

from helpers import SEED_CORPUS
from pipelines.evaluation.gold import load_gold
from pipelines.evaluation.report import below_floors, score_dates, score_people, score_published, score_quotes
from pipelines.evaluation.report import main as evaluate
from pipelines.warehouse.rows import entity_id_for
from pipelines.warehouse.sqlfiles import run_sql_file
from pipelines.warehouse.store import Warehouse

BODY = ("“We will win the vote,” said Ann Lee on Monday. Critics called the plan “reckless”. "
        "Tom Hart, the mayor, said it was “a good start”. Last year the “experts” disagreed.")


def span(text: str, occurrence: str | None = None) -> tuple[int, int]:
    """Start and end of ``text`` in BODY (after ``occurrence`` when given)."""
    start = BODY.index(text, BODY.index(occurrence) if occurrence else 0)
    return start, start + len(text)


def marked(text: str) -> dict:
    """A gold quote span as annotated: raw-file offsets including the quotation marks."""
    start, end = span(text)
    return {"start": start - 1, "end": end + 1, "text": text}


def make_warehouse(tmp_path, quotes=(), people=(), dates=(), published=None, precision=None) -> Warehouse:
    """One article, 'a.txt', whose raw text is BODY (one segment), with the given rows.
    quotes: (text, kind, speaker name or None); people: names; dates: (text, value)."""
    path = tmp_path / "hand.duckdb"
    with duckdb.connect(str(path)) as con:
        run_sql_file(con, "schema.sql")
        con.execute("INSERT INTO articles (article_id, source_path, content_sha256, format, body, word_count, "
                    "ingested_at, published_date, published_precision) VALUES ('A', 'a.txt', 'x', 'txt', ?, 1, "
                    "now(), ?, ?)", [BODY, published, precision])
        con.execute("INSERT INTO body_segments VALUES ('A', 0, 0, ?)", [len(BODY)])
        for name in {*people, *(speaker for _, _, speaker in quotes if speaker)}:
            con.execute("INSERT INTO entities VALUES (?, ?, ?, 'PERSON', 1, 1)", [entity_id_for(name), name, name])
            con.execute("INSERT INTO article_entities VALUES ('A', ?, ?, 'PERSON', 1)", [entity_id_for(name), name])
        for i, (text, kind, speaker) in enumerate(quotes):
            start, end = span(text)
            con.execute("INSERT INTO quotes (quote_id, article_id, text, kind, speaker_entity_id, speaker_name, "
                        "start_char, end_char) VALUES (?, 'A', ?, ?, ?, ?, ?, ?)",
                        [f"q{i}", text, kind, speaker and entity_id_for(speaker), speaker, start, end])
        for text, value in dates:
            start, end = span(text)
            con.execute("INSERT INTO date_mentions (article_id, text, start_char, end_char, timex_type, value) "
                        "VALUES ('A', ?, ?, ?, 'DATE', ?)", [text, start, end, value])
    return Warehouse(path)


GOLD_QUOTES = [
    {**marked("We will win the vote,"), "kind": "direct", "speaker": "Ann Lee"},
    {**marked("reckless"), "kind": "partial", "speaker": None},
    {**marked("a good start"), "kind": "partial", "speaker": "Tom Hart"},
    {**marked("experts"), "kind": "scare", "speaker": None},
]


def test_quotes_all_right_score_full_marks(tmp_path):
    wh = make_warehouse(tmp_path, quotes=[("We will win the vote,", "direct", "Ann Lee"),
                                          ("reckless", "partial", None), ("a good start", "partial", "Tom Hart"),
                                          ("experts", "scare", None)])
    q = score_quotes(wh, {"a.txt": {"quotes": GOLD_QUOTES}})
    assert (q.direct_recall.hit, q.direct_recall.total) == (1, 1)
    assert (q.direct_precision.hit, q.direct_precision.total) == (1, 1)
    assert (q.direct_speaker.hit, q.direct_speaker.total) == (1, 1)
    assert (q.partial_speaker.hit, q.partial_speaker.total) == (1, 1)
    assert (q.partial_no_speaker.hit, q.partial_no_speaker.total) == (1, 1)
    assert (q.scare_with_speaker, q.scare_total) == (0, 1)
    assert q.mistakes == []


def test_quote_mistakes_are_counted_each_where_it_belongs(tmp_path):
    wh = make_warehouse(tmp_path, quotes=[
        ("We will win", "direct", "Tom Hart"),  # found (more than half the span), wrong speaker
        ("Critics called the plan", "direct", None),  # not in the gold: an extra direct quote
        ("reckless", "partial", "Ann Lee"),  # a speaker where the gold has none
        ("experts", "scare", "Tom Hart"),  # a scare quote given a speaker
    ])  # "a good start" is missed
    q = score_quotes(wh, {"a.txt": {"quotes": GOLD_QUOTES}})
    assert (q.direct_recall.hit, q.direct_recall.total) == (1, 1)
    assert (q.direct_speaker.hit, q.direct_speaker.total) == (0, 1)
    assert (q.direct_precision.hit, q.direct_precision.total) == (1, 2)
    assert (q.partial_speaker.hit, q.partial_speaker.total) == (0, 1)
    assert (q.partial_no_speaker.hit, q.partial_no_speaker.total) == (0, 1)
    assert (q.scare_with_speaker, q.scare_total) == (1, 1)
    assert len(q.mistakes) == 5
    assert any("speaker 'Tom Hart' != 'Ann Lee'" in m for m in q.mistakes)
    assert any("scare quote 'experts' given a speaker, 'Tom Hart'" in m for m in q.mistakes)
    assert any("(not found)" in m for m in q.mistakes)


def test_a_direct_quote_covering_less_than_half_the_gold_span_is_missed(tmp_path):
    wh = make_warehouse(tmp_path, quotes=[("We will", "direct", "Ann Lee")])
    q = score_quotes(wh, {"a.txt": {"quotes": GOLD_QUOTES[:1]}})
    assert (q.direct_recall.hit, q.direct_recall.total) == (0, 1)
    assert (q.direct_precision.hit, q.direct_precision.total) == (0, 1)
    assert q.direct_speaker.total == 0


def test_people_are_scored_by_key_with_precision_recall_and_not_people(tmp_path):
    wh = make_warehouse(tmp_path, people=["Ann Lee", "Tom Hart", "Critics"])
    gold = {"a.txt": {"people": ["Ann Lee", "Tom  Hart", "Jo Bloggs"], "not_people": ["Critics"]}}
    p = score_people(wh, gold)
    assert p.per_article == {"a.txt": (2, 1, 1)}  # "Tom  Hart" is Tom Hart by key; Critics extra; Jo missed
    assert p.not_people_as_person == ["a.txt: Critics"]
    assert p.prf(2, 1, 1) == "P 0.667  R 0.667  F1 0.667"
    assert p.prf(0, 0, 0) == "P 0.000  R 0.000  F1 0.000"


def test_a_person_counts_under_the_articles_own_name_or_the_linked_entitys(tmp_path):
    wh = make_warehouse(tmp_path, people=["Tom Hart"])
    with duckdb.connect(str(wh.path)) as con:  # the article says only "Lee", linked to Ann Lee of another article
        con.execute("INSERT INTO entities VALUES (?, 'ann lee', 'Ann Lee', 'PERSON', 2, 2)", [entity_id_for("Ann Lee")])
        con.execute("INSERT INTO article_entities VALUES ('A', ?, 'Lee', 'PERSON', 1)", [entity_id_for("Ann Lee")])
    assert score_people(wh, {"a.txt": {"people": ["Lee", "Tom Hart"]}}).per_article == {"a.txt": (2, 0, 0)}
    assert score_people(wh, {"a.txt": {"people": ["Ann Lee", "Tom Hart"]}}).per_article == {"a.txt": (2, 0, 0)}
    p = score_people(wh, {"a.txt": {"people": ["Tom Hart"], "not_people": ["Ann Lee"]}})
    assert p.per_article == {"a.txt": (1, 1, 0)} and p.not_people_as_person == ["a.txt: Ann Lee"]


def test_a_speaker_counts_under_the_articles_own_name_or_the_linked_entitys(tmp_path):
    wh = make_warehouse(tmp_path, quotes=[("We will win the vote,", "direct", "Ann Lee")])
    with duckdb.connect(str(wh.path)) as con:  # the article says only "Lee", linked to Ann Lee of another article
        con.execute("INSERT INTO article_names VALUES ('A', 'lee', ?, 'Lee', 'PERSON', 1)", [entity_id_for("Ann Lee")])
        con.execute("UPDATE quotes SET speaker_key = 'lee'")
    for speaker in ("Lee", "Ann Lee"):
        gold = {"a.txt": {"quotes": [{**GOLD_QUOTES[0], "speaker": speaker}]}}
        assert score_quotes(wh, gold).direct_speaker.hit == 1
    gold = {"a.txt": {"quotes": [{**GOLD_QUOTES[0], "speaker": "Tom Hart"}]}}
    assert score_quotes(wh, gold).direct_speaker.hit == 0


def test_a_person_in_two_articles_should_be_one_entity(tmp_path):
    wh = make_warehouse(tmp_path, people=["Ann Lee", "Ann Lee Jr"])
    with duckdb.connect(str(wh.path)) as con:
        con.execute("INSERT INTO entity_aliases VALUES (?, 'Ann Lee'), (?, 'Ann Lee')",
                    [entity_id_for("Ann Lee"), entity_id_for("Ann Lee Jr")])
    gold = {"a.txt": {"people": ["Ann Lee"]}, "b.txt": {"people": ["Ann Lee"]}}
    assert score_people(wh, gold).cross_article == {"Ann Lee": 2}  # two rows for one person: a mistake shown


def test_date_values_match_by_overlapping_text_and_each_prediction_counts_once(tmp_path):
    wh = make_warehouse(tmp_path, dates=[("on Monday", "2024-11-04"), ("Last year", "2023")])
    gold = {"a.txt": {"dates": [{"text": "Monday", "value": "2024-11-04"}, {"text": "last year", "value": "2024"},
                                {"text": "Monday", "value": "2024-11-04"}]}}
    right, mistakes = score_dates(wh, gold)
    assert (right.hit, right.total) == (1, 3)
    assert mistakes == ["a.txt: 'last year' -> '2023' != '2024'",
                        "a.txt: 'Monday' -> 'not found' != '2024-11-04'"]


@pytest.mark.parametrize("found, precision, expected, verdict", [
    (dt.date(2024, 11, 4), "day", "2024-11-04", "right"),
    (dt.date(2024, 11, 1), "month", "2024-11-04", "right"),  # a coarser date that agrees
    (dt.date(2024, 1, 1), "year", "2023-05-02", "WRONG (2023-05-02)"),
    (dt.date(2024, 11, 5), "day", "2024-11-04", "WRONG (2024-11-04)"),
    (None, None, "2024-11-04", "MISSED (2024-11-04)"),
    (dt.date(2024, 11, 4), "day", None, "WRONG (gold has none)"),
    (None, None, None, "right (none)"),
])
def test_publication_dates_are_right_at_their_precision(tmp_path, found, precision, expected, verdict):
    wh = make_warehouse(tmp_path, published=found, precision=precision)
    [line] = score_published(wh, {"a.txt": {"published": expected}})
    assert line.endswith(verdict)


def test_floors_name_each_figure_that_falls_short_and_ignore_what_holds():
    limits = {"floors": {"direct_quotes_recall": 1.0, "people_f1": 0.925, "date_values_right": 0.9},
              "ceilings": {"not_people_as_person": 0}}
    found = {"direct_quotes_recall": 62 / 63, "people_f1": 0.92516, "date_values_right": None,
             "not_people_as_person": 2}
    assert below_floors(found, limits) == [
        "direct_quotes_recall = 0.984, below its floor 1.0",
        "date_values_right = n/a, below its floor 0.9",
        "not_people_as_person = 2, above its ceiling 0",
    ]  # people_f1 holds: compared as printed, 0.925


def test_make_eval_exits_non_zero_when_a_figure_falls_below_its_floor(tmp_path, capsys):
    """One seed article, its gold annotations with one direct quote added that the article does not hold:
    recall falls to n-1/n, below the seeds' floor of 1.0."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    name = "002_5b83c3a975a3c4f5.txt"
    (corpus / name).write_bytes((SEED_CORPUS / name).read_bytes())
    truth = load_gold()[name]
    gold = {name: {**truth, "quotes": [*truth["quotes"], {**truth["quotes"][0], "kind": "direct",
                                                          "start": 0, "end": 40}]}}
    gold_file = tmp_path / "seeds.json"  # named so that the seeds' floors apply
    gold_file.write_text(json.dumps(gold), encoding="utf-8")
    assert evaluate(["--corpus", str(corpus), "--gold", str(gold_file), "--sidecars", "none"]) == 1
    out = capsys.readouterr().out
    assert "direct_quotes_recall = " in out and "below its floor 1.0" in out
    assert evaluate(["--corpus", str(corpus), "--gold", str(gold_file), "--sidecars", "none",
                     "--floors", str(tmp_path / "none.toml")]) == 0
