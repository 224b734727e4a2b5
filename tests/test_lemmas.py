"""The memoised lemmatizer gives every token the lemma spaCy's rule lemmatizer gives it, on real articles and on
words whose lemma depends on their part of speech and morphology, the first time a word form is seen and after."""

from __future__ import annotations

import spacy

from helpers import SEED_CORPUS
from pipelines.nlp.lemmas import MemoLemmatizer
from pipelines.settings import MODEL


def lemmas(docs) -> list[list[tuple[str, str, str]]]:
    return [[(t.text, t.pos_, t.lemma_) for t in doc] for doc in docs]


def test_the_pipeline_lemmatizes_real_articles_as_spacy_does(nlp):
    assert isinstance(nlp.get_pipe("lemmatizer"), MemoLemmatizer)
    model = spacy.load(MODEL)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEED_CORPUS.glob("*.txt"))]
    with nlp.select_pipes(enable=model.pipe_names):
        first, again = list(nlp.pipe(texts)), list(nlp.pipe(texts))
    theirs = lemmas(model.pipe(texts))
    assert sum(len(d) for d in first) > 3000
    assert lemmas(first) == theirs == lemmas(again)


def test_a_word_takes_the_lemma_of_its_use(nlp):
    """"saw" the verb is "see", "saw" the noun stays; "n't" keeps the attribute ruler's "not"."""
    with nlp.select_pipes(enable=spacy.load(MODEL).pipe_names):
        doc = nlp("She saw the saw. He didn't say it, she says, and they were saying more.")
    found = {(t.text, t.pos_): t.lemma_ for t in doc}
    assert found[("saw", "VERB")] == "see"
    assert found[("saw", "NOUN")] == "saw"
    assert found[("n't", "PART")] == "not"
    assert found[("says", "VERB")] == found[("saying", "VERB")] == "say"
