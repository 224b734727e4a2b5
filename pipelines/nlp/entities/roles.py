"""Descriptions of a person found around a mention, read off the dependency parse.

- a title phrase before the name: "Chinese foreign ministry spokeswoman Mao Ning", "former US president";
- an appositive after it: "Shi Yinhong, an international relations professor at Renmin University";
- a "who" clause: "Russel, who is now vice president of ..." -> "vice president of ...",
  "who served as US assistant secretary ..." -> "US assistant secretary ...".
A description stops at the first comma, so a following clause ("..., who cautioned") is not part of it.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipelines.nlp.entities.lexicon import is_title

_PRE_DEPS = frozenset({"compound", "amod", "nmod"})
_EDGE = " ,;:-–—\"“”'’"


def roles_of(span: Span) -> list[str]:
    root = span.root
    roles = [_title_before(span)]
    for child in root.children:
        if child.i < span.end:
            continue
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            roles.append(_text(span.doc[child.left_edge.i:child.right_edge.i + 1]))
        elif child.dep_ == "relcl" and any(t.lower_ == "who" for t in child.children):
            roles.append(_who_clause_role(child))
    return [role for role in roles if role]


def distinct_roles(roles: list[str]) -> list[str]:
    """The roles in order, without repeats or a role that a longer one already says."""
    unique = list(dict.fromkeys(roles))
    return [role for role in unique if not any(role != other and role in other for other in unique)]


def _title_before(span: Span) -> str:
    """The modifiers right before the name, up to a comma or conjunction ("Kim, Xi and Russian President")."""
    sentence_start = span.sent.start
    modifiers = [c for c in span.root.children if sentence_start <= c.i < span.start and c.dep_ in _PRE_DEPS]
    inside = {t.i for m in modifiers for t in m.subtree}
    start = span.start
    while start - 1 in inside and start > sentence_start \
            and not (span.doc[start - 1].is_punct or span.doc[start - 1].dep_ == "cc"):
        start -= 1
    phrase = span.doc[start:span.start]
    if not any(is_title(t) or (t.pos_ == "NOUN" and t.is_lower and t.is_alpha) for t in phrase):
        return ""
    return _text(phrase)


def _who_clause_role(clause: Token) -> str:
    """The predicate of "who is X" / "who served as X"."""
    for child in clause.children:
        if child.dep_ == "attr":
            return _text(clause.doc[child.left_edge.i:child.right_edge.i + 1])
        if child.dep_ == "prep" and child.lower_ == "as":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return _text(clause.doc[objects[0].left_edge.i:clause.right_edge.i + 1])
    return ""


def _text(span: Span) -> str:
    text = span.text
    comma = text.find(",")
    if comma > 0:
        text = text[:comma]
    return " ".join(text.split()).strip(_EDGE)
