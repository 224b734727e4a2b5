"""People on the seed articles against tests/gold/seeds.json: precision, recall and F1 per article and overall.

Run ``pytest tests/entities/test_seeds.py -s`` to see the table. A person is matched by entity_key of the
name (the article's fullest form) against entity_key of the gold names.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from pipelines.clean.article import clean
from pipelines.evaluation.gold import load_gold
from pipelines.ingest.files import discover, read_article, read_bytes
from pipelines.nlp.names import entity_key
from pipelines.nlp.pipeline import extract

SEEDS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="module")
def extractions(nlp):
    articles = [clean(read_article(source, read_bytes(source))) for source in discover(SEEDS)]
    return {ex.article.source_path: ex for ex in extract(nlp, articles)}


@pytest.fixture(scope="module")
def gold():
    return load_gold()


def person_keys(extraction) -> set[str]:
    return {e.key for e in extraction.entities if e.label == "PERSON"}


def scores(found: set[str], expected: set[str]) -> tuple[int, int, int]:
    return len(found & expected), len(found - expected), len(expected - found)


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def test_people_f1_on_the_seeds(extractions, gold):
    totals = [0, 0, 0]
    print(f"\n{'article':28} {'P':>6} {'R':>6} {'F1':>6}  missed / extra")
    for name, extraction in sorted(extractions.items()):
        found, expected = person_keys(extraction), {entity_key(n) for n in gold[name]["people"]}
        counts = scores(found, expected)
        totals = [a + b for a, b in zip(totals, counts)]
        print(f"{name:28} {'%6.3f %6.3f %6.3f' % f1(*counts)}  {sorted(expected - found)} / {sorted(found - expected)}")
    precision, recall, overall = f1(*totals)
    print(f"{'overall':28} {precision:6.3f} {recall:6.3f} {overall:6.3f}")
    assert overall >= 0.95


def test_no_gold_non_person_is_a_person(extractions, gold):
    assert all(person_keys(extraction) for extraction in extractions.values())  # people were extracted
    for name, extraction in extractions.items():
        assert not person_keys(extraction) & {entity_key(n) for n in gold[name]["not_people"]}, name


def test_people_in_several_articles_are_one_key_each(extractions, gold):
    keys_by_person = defaultdict(set)
    for name, extraction in extractions.items():
        expected = {entity_key(n) for n in gold[name]["people"]}
        for key in person_keys(extraction) & expected:
            keys_by_person[key].add(name)
    assert len(keys_by_person[entity_key("Kim Jong Un")]) == 5  # written "Kim Jong Un" and "Kim Jong-un"
    assert entity_key("Patricia M Kim") != entity_key("Kim Jong Un")


def test_every_bare_kim_in_the_bloomberg_seed_is_kim_jong_un(extractions):
    extraction = next(ex for name, ex in extractions.items() if name.startswith("004_"))
    bare = [m for m in extraction.mentions if m.text == "Kim"]
    assert len(bare) >= 10
    assert {extraction.entities[m.entity].key for m in bare} == {entity_key("Kim Jong Un")}
