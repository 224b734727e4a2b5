"""The benchmark corpus generator: distinct, deterministic, shaped like the seed articles."""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import pytest

from pipelines.bench.corpus import BOILERPLATE, generate_article, load_seeds, split_seed, write_corpus

SEEDS_DIR = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def seeds():
    return load_seeds(SEEDS_DIR)


def test_articles_are_distinct(seeds):
    texts = [generate_article(seeds, 0, i) for i in range(300)]
    assert len(set(texts)) == 300
    # Not only their numbers differ: the paragraphs they are made of, and their order.
    assert len({re.sub(r"\d", "", t) for t in texts}) == 300


def test_same_seed_same_article_other_seed_other_article(seeds):
    assert generate_article(seeds, 7, 3) == generate_article(seeds, 7, 3)
    assert generate_article(seeds, 7, 3) != generate_article(seeds, 8, 3)


def test_articles_have_the_length_of_news_articles(seeds):
    words = [len(generate_article(seeds, 0, i).split()) for i in range(200)]
    assert 500 < statistics.mean(words) < 1500
    assert min(words) > 200


def test_articles_carry_page_furniture(seeds):
    texts = [generate_article(seeds, 0, i) for i in range(100)]
    with_furniture = [t for t in texts if any(f"\n{line}\n" in t for line in BOILERPLATE)]
    assert len(with_furniture) > 30
    seed_footers = {line.strip() for s in seeds for line in s.footer if line.strip()}
    assert sum(any(line in t for line in seed_footers) for t in texts) > 80


def test_a_paragraph_appears_once_per_article(seeds):
    for i in range(50):
        paragraphs = [p for p in generate_article(seeds, 0, i).split("\n\n") if len(p) > 180]
        assert len(paragraphs) == len(set(paragraphs))


def test_split_seed_separates_header_body_and_footer():
    text = "Big News Headline About Something\n\nBy A. Writer\n\n" + "A long paragraph. " * 20 + "\n\n" \
        + "Subheading\n\n" + "Another long paragraph here. " * 10 + "\n\nShare this\nCopyright 2024\n"
    seed = split_seed(text)
    assert seed.title == "Big News Headline About Something"
    assert seed.units[1].startswith("Subheading\n\n")
    assert len(seed.units) == 2
    assert [line for line in seed.footer if line] == ["Share this", "Copyright 2024"]


def test_write_corpus_is_repeatable(tmp_path):
    first = write_corpus(SEEDS_DIR, tmp_path, 5, seed=1)
    again = write_corpus(SEEDS_DIR, tmp_path, 5, seed=1)
    assert first == again
    assert len(list(tmp_path.iterdir())) == 5
