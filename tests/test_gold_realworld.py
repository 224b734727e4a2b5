"""The real-page quote and people gold sets agree with their corpus files and keep their stated split."""

from __future__ import annotations

import json

import pytest

from gold.realworld_offsets import SETS, problems_in, set_paths


def load(set_name: str) -> dict[str, dict]:
    return json.loads(set_paths(set_name)[0].read_text(encoding="utf-8"))


@pytest.mark.parametrize("set_name", SETS)
def test_every_quote_span_holds_its_text_and_every_quotation_mark_is_annotated(set_name):
    gold = load(set_name)
    assert sum(len(article["quotes"]) for article in gold.values()) > 100
    assert problems_in(gold, set_paths(set_name)[1]) == []


@pytest.mark.parametrize(("dev", "test", "pages"), [("realworld_dev", "realworld_test", 30),
                                                    ("mercury_dev", "mercury_test", 31)])
def test_split_follows_the_readme_rule_every_2nd_and_4th_of_each_five_sorted_names_is_test(dev, test, pages):
    test_names = set(load(test))
    names = sorted(test_names | set(load(dev)))
    assert len(names) == pages
    assert test_names == {name for i, name in enumerate(names) if i % 5 in (1, 3)}
