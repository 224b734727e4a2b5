"""HTML pages through trafilatura and the same cleaning; the cleaning scorers; the seeds against the gold."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipelines.clean.article import clean
from pipelines.evaluation.cleaning import (clean_corpus, find_pairs, format_pair_scores, main, score_pairs,
                                           score_seeds, token_scores)
from pipelines.evaluation.gold import load_gold
from pipelines.ingest.files import discover, read_article, read_bytes
from pipelines.models import RawArticle

PAIRS = Path(__file__).parent / "data" / "cleaning" / "pairs"


def _read(path: Path):
    source = next(s for s in discover(path.parent) if s.source_path == path.name)
    return read_article(source, read_bytes(source))


def test_html_page_gives_main_text_one_paragraph_per_line_and_its_metadata():
    raw = _read(PAIRS / "magazine_page.html")
    assert raw.extracted_meta == {"title": "Inside the Race to Map the Ocean Floor", "authors": ["Priya Natarajan"],
                                  "publisher": "Deep Review", "published": "2025-02-11",
                                  "url": "https://deepreview.example/ocean-floor"}
    assert "Most Read" not in raw.text and "Subscribe" not in raw.text
    article = clean(raw)
    assert article.body.split("\n")[0].startswith("Less than a third of the sea bed")
    assert [article.body[s:e] for s, e in article.headings] == ["Robots at Sea"]
    assert article.metadata.published == dt.date(2025, 2, 11) and article.metadata_sources["title"] == "html"


def test_token_scores_are_bag_of_words_overlap():
    assert token_scores("a b c d", "a b c d") == (1.0, 1.0, 1.0)
    precision, recall, f1 = token_scores("the cat sat Share this", "The cat sat on the mat")
    assert (precision, recall) == (3 / 5, 3 / 6)
    assert f1 == pytest.approx(2 * 0.6 * 0.5 / 1.1)
    assert token_scores("", "some text") == (0.0, 0.0, 0.0)
    assert token_scores("x y", "y x", ngram=2)[0] == 0.0


def test_pairs_folder_is_scored_page_by_page(capsys):
    assert [p.name for p, _ in find_pairs(PAIRS)] == ["blog_post.txt", "magazine_page.html", "wire_story.txt"]
    scores = score_pairs(PAIRS)
    assert all(s.recall == 1.0 for s in scores)
    assert min(s.f1 for s in scores) > 0.9
    assert main([str(PAIRS)]) == 0
    out = capsys.readouterr().out
    assert "mean" in out and "wire_story.txt" in out and out.strip() == format_pair_scores(scores)


def test_seed_scorer_counts_missed_boilerplate_and_wrong_removals():
    text = "Trams Return to the City\nBy Mia Cole\nADVERTISEMENT\nShare this\n" + "The council voted. " * 10
    article = clean(_raw("x.txt", text))
    gold = {"x.txt": {"title": "Trams Return to the City", "authors": ["Mia Cole"], "publisher": None,
                      "boilerplate": ["ADVERTISEMENT", "Share this"]}}
    score = score_seeds([article], gold)
    assert (score.boilerplate_recall, score.wrongly_removed, score.field_errors) == (1.0, [], [])
    gold["x.txt"].update(boilerplate=["ADVERTISEMENT", "Subscribe now"], authors=["Tom Berg"], publisher="Ex")
    score = score_seeds([article], gold)
    assert score.boilerplate_removed == 1 and score.missed_boilerplate == ["x.txt: Subscribe now"]
    assert score.wrongly_removed == ["x.txt:2 byline: By Mia Cole", "x.txt:4 share: Share this"]
    assert score.right == {"title": 1} and len(score.field_errors) == 2


def _raw(name: str, text: str):
    return RawArticle(source_path=name, content_sha256="0" * 64, text=text, format="txt", encoding="utf-8")


def test_seeds_meet_the_gold():
    articles = clean_corpus()
    score = score_seeds(articles)
    assert score.articles == 5
    assert score.missed_boilerplate == [] and score.boilerplate_recall == 1.0
    assert score.wrongly_removed == []
    assert score.field_errors == []
    by_name = {Path(a.source_path).name: a for a in articles}
    gold = load_gold()
    for name, article in by_name.items():
        assert [article.body[s:e] for s, e in article.headings] == gold[name]["headings"]
    m002 = by_name["002_5b83c3a975a3c4f5.txt"].metadata
    assert (m002.published, m002.published_precision) == (dt.date(2024, 8, 16), "day")
    m004 = by_name["004_edd7eccbfddf6c46.txt"].metadata
    assert (m004.published.year, m004.published_precision) == (2024, "year")
    assert m004.contributors == gold["004_edd7eccbfddf6c46.txt"]["contributors"]
