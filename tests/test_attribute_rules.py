"""The indexed attribute ruler gives every token what spaCy's AttributeRuler gives it, for the model's own rules
on real articles and for rules of every kind the index handles; a rule it cannot index falls back to spaCy."""

from __future__ import annotations

import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from helpers import SEED_CORPUS
from pipelines.nlp.attribute_rules import IndexedAttributeRuler
from pipelines.settings import MODEL

TOKEN_ATTRIBUTES = ("tag_", "pos_", "morph", "lemma_", "dep_")


def annotations(doc: Doc) -> list[tuple]:
    return [tuple(str(getattr(t, a)) for a in TOKEN_ATTRIBUTES) for t in doc]


def both(vocab, rules: list[dict]) -> tuple[AttributeRuler, IndexedAttributeRuler]:
    spacy_ruler, indexed = AttributeRuler(vocab), IndexedAttributeRuler(vocab)
    spacy_ruler.add_patterns(rules)
    indexed.add_patterns(rules)
    return spacy_ruler, indexed


def test_the_models_rules_annotate_real_articles_as_spacy_does(nlp):
    """``nlp`` (the project's pipeline) has the indexed ruler; the bare model has spaCy's."""
    assert isinstance(nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    model = spacy.load(MODEL)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEED_CORPUS.glob("*.txt"))]
    with nlp.select_pipes(enable=model.pipe_names):
        ours = list(nlp.pipe(texts))
    theirs = list(model.pipe(texts))
    assert sum(len(d) for d in ours) > 3000
    assert [annotations(d) for d in ours] == [annotations(d) for d in theirs]
    # Rules beyond the tag map fired: "n't" became PART with lemma "not", "is" an AUX with lemma "be".
    words = {(t.lower_, t.pos_, t.lemma_) for d in ours for t in d}
    assert ("is", "AUX", "be") in words


RULES = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"TAG": "NN", "LOWER": {"IN": ["bank", "rates"]}}]], "attrs": {"LEMMA": "money"}},
    {"patterns": [[{"LOWER": {"REGEX": "^w.*s$"}}]], "attrs": {"LEMMA": "w-word"}},
    {"patterns": [[{"DEP": {"NOT_IN": ["nsubj", ""]}, "TAG": {"IN": ["DT", "VBD"]}}]], "attrs": {"POS": "X"}},
    {"patterns": [[{"LOWER": "the"}, {"LOWER": "central"}, {"TAG": "NN"}]], "attrs": {"LEMMA": "cb"}, "index": 2},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
    {"patterns": [[{"LOWER": "rates"}], [{"DEP": "ROOT"}]], "attrs": {"MORPH": "Number=Plur"}, "index": -1},
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "PROPN"}},  # a later rule wins over the first
]


def parsed_doc(vocab) -> Doc:
    words = ["The", "central", "bank", "raised", "rates", " ", "was", "the", "bank", "weeks", "ago"]
    spaces = [True, True, True, True, False, False, True, True, True, True, False]
    tags = ["DT", "JJ", "NN", "VBD", "NNS", "_SP", "VBD", "DT", "NN", "NNS", "RB"]
    deps = ["det", "amod", "nsubj", "ROOT", "dobj", "dep", "conj", "det", "nsubj", "npadvmod", "advmod"]
    heads = [2, 2, 3, 3, 3, 4, 3, 8, 6, 10, 6]
    return Doc(vocab, words=words, spaces=spaces, tags=tags, deps=deps, heads=heads)


def test_rules_of_every_kind_the_index_handles_give_spacys_matches_and_annotations():
    vocab = spacy.blank("en").vocab
    spacy_ruler, indexed = both(vocab, RULES)
    assert indexed._index.complete
    doc = parsed_doc(vocab)
    assert indexed.match(doc) == spacy_ruler.match(doc)
    assert len(indexed.match(doc)) > len(doc)  # tokens matched by several rules
    ours, theirs = indexed(parsed_doc(vocab)), spacy_ruler(parsed_doc(vocab))
    assert annotations(ours) == annotations(theirs)
    assert [t.lemma_ for t in ours][:3] == ["", "", "cb"] and ours[2].pos_ == "PROPN"
    assert indexed.patterns == spacy_ruler.patterns


def test_a_rule_the_index_cannot_express_leaves_matching_to_spacy():
    vocab = spacy.blank("en").vocab
    rules = [*RULES, {"patterns": [[{"TAG": "NN", "OP": "+"}]], "attrs": {"LEMMA": "nouns"}}]
    spacy_ruler, indexed = both(vocab, rules)
    assert not indexed._index.complete
    doc = parsed_doc(vocab)
    assert indexed.match(doc) == spacy_ruler.match(doc)
