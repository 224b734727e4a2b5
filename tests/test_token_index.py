"""Finding tokens by attribute from the Doc's arrays must find exactly what reading every Token finds, for
spaCy's own symbols too (a dependency label is stored as a symbol id, not as a string hash)."""

import pytest

from pipelines.nlp.token_index import token_indices

TEXT = ("Jane Doe, 41, said the plan was bold. She told Reuters, who asked, that the minister, Tom Lee, agreed: "
        "“It is,” he said.")


@pytest.mark.parametrize(("attr", "strings", "read"), [
    ("ORTH", [","], lambda t: t.text),
    ("LOWER", ["she", "he", "who"], lambda t: t.lower_),
    ("TAG", ["NNP", "NNPS"], lambda t: t.tag_),
    ("DEP", ["nsubj", "nsubjpass"], lambda t: t.dep_),
])
def test_finds_the_tokens_reading_every_token_finds(nlp, attr, strings, read):
    doc = nlp(TEXT)
    expected = [t.i for t in doc if read(t) in strings]
    assert expected
    assert token_indices(doc, attr, strings) == expected


def test_a_long_word_list_finds_the_same_as_a_short_one(nlp):
    doc = nlp(TEXT)
    expected = [t.i for t in doc if t.lower_ in ("said", "told")]
    assert len(expected) == 3
    assert token_indices(doc, "LOWER", ["said", "told"] + [f"filler{i}" for i in range(100)]) == expected


def test_an_empty_doc_has_no_tokens_to_find(nlp):
    assert token_indices(nlp.make_doc(""), "ORTH", [","]) == []
