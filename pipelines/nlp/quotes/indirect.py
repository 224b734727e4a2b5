"""Reported speech without quotation marks: "Ryu noted that ...", "according to Victor Cha, ...".

The reported words are the clausal complement of a speech verb, or the rest of the sentence around an
"according to" phrase at its start or end. Clauses overlapping quotation marks are left to the quote finder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.attrs import LOWER, POS
from spacy.parts_of_speech import VERB
from spacy.tokens import Doc, Span, Token

from pipelines.nlp.quotes.cues import ACCORDING_TO, cue_lemma, speaker_head

MIN_CLAUSE_TOKENS = 3


def reported_clauses(doc: Doc, in_quote: Callable[[Token], bool]) -> Iterator[tuple[Span, Token]]:
    """(reported clause, cue token) for every indirect quote; the clause has no quotation mark in it."""
    according = doc.vocab.strings.add("according")
    candidates = [i for i, (pos, lower) in enumerate(doc.to_array([POS, LOWER]).tolist())
                  if pos == VERB or lower == according]  # read from arrays: making every Token is slow
    for token in (doc[i] for i in candidates):
        lemma = cue_lemma(token)
        if lemma is None or in_quote(token) or speaker_head(token) is None:
            continue
        clause = _according_to_clause(token) if lemma == ACCORDING_TO else _complement_clause(token)
        if clause is not None and len(clause) >= MIN_CLAUSE_TOKENS and not any(in_quote(t) for t in clause) \
                and any(t.pos_ in ("VERB", "AUX") for t in clause):
            yield clause, token


def _complement_clause(verb: Token) -> Span | None:
    complements = [c for c in verb.children if c.dep_ == "ccomp"]
    if not complements:
        return None
    clause = complements[0]
    return _trimmed(verb.doc, clause.left_edge.i, clause.right_edge.i + 1)


def _according_to_clause(according: Token) -> Span | None:
    """The sentence minus the "according to ..." phrase when that phrase opens or closes the sentence."""
    sent = according.sent
    phrase_end = max(t.i for t in according.subtree) + 1
    phrase_end = max(phrase_end, according.doc[according.i + 1].right_edge.i + 1)
    if according.i == _first_word(sent):
        return _trimmed(according.doc, phrase_end, sent.end)
    if phrase_end >= _last_word(sent) + 1:
        return _trimmed(according.doc, sent.start, according.i)
    return None


def _first_word(sent: Span) -> int:
    return next((t.i for t in sent if not t.is_punct), sent.start)


def _last_word(sent: Span) -> int:
    return max((t.i for t in sent if not t.is_punct), default=sent.end - 1)


def _trimmed(doc: Doc, start: int, end: int) -> Span | None:
    """doc[start:end] without edge punctuation or a leading complementiser ("that")."""
    while start < end and (doc[start].is_punct or doc[start].dep_ == "mark" or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if start < end else None
