"""Which side of the publication date an underspecified expression ("Tuesday", "in February") lies on,
read from the tense of the clause that governs it in the dependency parse."""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipelines.nlp.dates.calendar import FUTURE, PAST

_FUTURE_AUXILIARIES = {"will", "'ll", "’ll", "shall", "wo", "ll"}
# "would" is the future seen from a past report: "said the plant would open in June".
_MODALS = {"may", "might", "could", "should", "must", "can", "ca", "would"}
_PERFECT = {"have", "has", "had", "'ve", "’ve"}
# Verbs of planning point ahead: in the present, the perfect or the passive ("has scheduled a news conference
# Thursday", "was planned for early March") they name a day that may lie on either side of the publication
# date; an active simple past ("planned to pay on Friday") stays a past.
_PLAN_LEMMAS = {"plan", "schedule", "slate", "expect", "intend", "propose"}


def _is_past(token: Token) -> bool:
    return token.tag_ == "VBD" or "Past" in token.morph.get("Tense") and token.tag_ != "VBN"


def _verb_direction(verb: Token) -> str | None | bool:
    """PAST, FUTURE, None (present: undecided) or False when the verb has no tense of its own
    (participles, infinitives) and its governor decides."""
    # the "to" of an infinitive is no tense: "expected to finish by June" takes the tense of "expected"
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ != "TO"]
    words = {a.lower_ for a in auxiliaries}
    if words & _FUTURE_AUXILIARIES:
        return FUTURE
    if words & _MODALS:
        return PAST if words & _PERFECT else FUTURE
    if verb.lemma_ in _PLAN_LEMMAS and verb.tag_ != "VBD":
        return None
    # the perfect, progressive or not, looks back: "have been searching since the Oct. 23 slaying"
    if _is_past(verb) or any(_is_past(a) for a in auxiliaries) or words & _PERFECT:
        return PAST
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl") and not words \
            and not any(c.dep_ == "mark" for c in verb.children):
        # a reduced relative or participle clause reports a done deed ("the decision, announced Wednesday"),
        # unless it sets a date ("a summit set for April"); "if approved Friday" is a condition
        return None if verb.lemma_ == "set" else PAST
    if verb.lemma_ == "go" and verb.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in verb.children):
        return FUTURE  # "is going to meet"
    if verb.tag_ == "VBG" and words:
        return FUTURE  # a present progressive with a date is a plan: "is meeting on Friday"
    if verb.tag_ in ("VBZ", "VBP") or words:
        return None
    return False


def _sentence_direction(span: Span) -> str | None:
    """The tense of the sentence's finite verbs, for an expression no tensed clause governs."""
    directions = {_verb_direction(t) for t in span.sent
                  if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")}
    for direction in (PAST, FUTURE):
        if direction in directions:
            return direction
    return None


def clause_direction(span: Span) -> str | None:
    """PAST, FUTURE, or None when the governing clause is in the present (or, with no tensed clause
    governing the expression, the sentence has no past or future verb). An infinitive's event follows
    its governor's: after a present or future one it lies ahead; after a past one ("voted to close the
    road in June") it may lie on either side."""
    token = span.root
    through_infinitive = False
    for _ in range(len(span.doc)):
        if token.pos_ in ("VERB", "AUX"):
            direction = _verb_direction(token)
            if direction is not False:
                if through_infinitive:
                    return None if direction == PAST else FUTURE
                return direction
            through_infinitive = through_infinitive or any(c.dep_ == "aux" and c.lower_ == "to"
                                                           for c in token.children)
        if token.head.i == token.i:  # spaCy makes a new Token on each access: compare positions
            break
        token = token.head
    return _sentence_direction(span)
