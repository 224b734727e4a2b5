"""Speakers named around a quote without a cue verb: the subject of an introducing clause ("Judge Ann Lee
agreed with the defence - “...”", "Jones extended an invitation to the label: “...”", "Brown's reply was
short: “...”"), attribution lines that stand alone ("Mr Brown said.") and sentences saying whose words a quote
were ("That was Patel's verdict.").
"""

from __future__ import annotations

from spacy.tokens import Token

from pipelines.nlp.quotes.cues import SUBJECT_DEPS
from pipelines.nlp.verbs import SPEECH_NOUNS

PERSON_PRONOUNS = ("he", "she")
OWNER_PREPOSITIONS = ("from", "by", "of")
MAX_BARE_ATTRIBUTION_TOKENS = 16  # "Mr Brown, the plant manager, said in a statement on Monday."
BARE_ATTRIBUTION_DEPS = ("nsubj", "nsubjpass", "punct", "prep", "npadvmod", "advmod", "aux", "auxpass", "agent",
                         "dative")
TOPIC_PREPOSITIONS = ("about", "of", "on")  # on Monday is a time, but "spoke on the crisis" a topic
DEMONSTRATIVES = ("that", "this", "those", "these", "such")


def clause_speaker(tokens: list[Token]) -> Token | None:
    """The person a clause introduces as speaking: its main verb's subject when that names a person, or the
    owner of a noun of speech ("Brown's reply", "a statement from Brown"). ``tokens``: the clause's words."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words:
        return None
    inside = {t.i for t in tokens}
    root = words[-1]
    while root.head.i != root.i and root.head.i in inside:
        root = root.head
    subject = next((t for t in root.children if t.dep_ in SUBJECT_DEPS and t.i in inside), None)
    if subject is None and root.pos_ in ("NOUN", "PROPN"):
        subject = root  # a verbless introduction: "Brown's reply:"
    if subject is None:
        return None
    if subject.lemma_.lower() in SPEECH_NOUNS:
        return speech_owner(subject)
    return subject if names_a_person(subject) else None


def names_a_person(token: Token) -> bool:
    return _is_person(token) or token.lower_ in PERSON_PRONOUNS or any(
        t.dep_ == "appos" and _is_person(t) for t in token.children)


def _is_person(token: Token) -> bool:
    """spaCy's PERSON, or a word of a person the entity step found ("Lopez" the model left untagged)."""
    return token.ent_type_ == "PERSON" or token.i in _person_tokens(token.doc)


def person_mention_spans(doc) -> list[tuple[int, int]]:
    """(start, end) characters of each PERSON entity mention of news_entities."""
    entities = doc._.entities or []
    return [(m.start, m.end) for m in doc._.entity_mentions or [] if entities[m.entity].label == "PERSON"]


def _person_tokens(doc) -> frozenset[int]:
    """The tokens of the PERSON entity mentions of news_entities, computed once per document."""
    if "person_tokens" not in doc.user_data:
        doc.user_data["person_tokens"] = frozenset(
            t.i for start, end in person_mention_spans(doc)
            for t in (doc.char_span(start, end, alignment_mode="expand") or []))
    return doc.user_data["person_tokens"]


def speech_owner(noun: Token) -> Token | None:
    """The person a noun of speech is by: "Brown's reply", "a statement from Brown"."""
    for child in noun.children:
        if child.dep_ == "poss" and names_a_person(child):
            return child
        if child.dep_ == "prep" and child.lower_ in OWNER_PREPOSITIONS:
            owner = next((t for t in child.children if t.dep_ == "pobj"), None)
            if owner is not None and names_a_person(owner):
                return owner
    return None


def owner_of_words_before(sentence: list[Token]) -> Token | None:
    """The person a sentence after a quote says the quote was by: "That was Patel's verdict.", "Those were the
    words of the union's chief negotiator, Maria Keller." (a demonstrative, "be", a noun of speech and its owner),
    "That quote from Commissioner Tom Hale appeared in 1980." (a demonstrative noun of speech as the subject)."""
    words = [t for t in sentence if t.is_alpha]
    if len(words) < 3 or words[0].lower_ not in DEMONSTRATIVES or words[0].head.i != words[1].i:
        return None
    if words[1].lemma_.lower() in SPEECH_NOUNS and words[1].dep_ in SUBJECT_DEPS:
        return speech_owner(words[1])
    if words[1].lemma_ != "be":
        return None
    nouns = [t for t in words[1].children if t.dep_ == "attr" and t.lemma_.lower() in SPEECH_NOUNS]
    return speech_owner(nouns[0]) if nouns else None


def is_bare_attribution(sentence: list[Token], cue: Token) -> bool:
    """True for a sentence that only says who spoke: "Mr Brown said.", "said Anna Fischer, its chief
    executive.", "Brown told reporters in a statement on Monday." — the cue heads it and reports nothing of
    its own: no clause, no object, no topic ("writes about museums"), no circumstance ("laughed when asked")."""
    words = [t for t in sentence if not t.is_space]
    if len(words) > MAX_BARE_ATTRIBUTION_TOKENS or cue.head.i != cue.i:
        return False
    allowed = {*BARE_ATTRIBUTION_DEPS, *(("dobj",) if cue.lemma_ == "tell" else ())}
    return all(t.dep_ in allowed and not _topic(t) for t in cue.children)


def _topic(token: Token) -> bool:
    """ "about the plan", "on the crisis" (not "on Monday")."""
    if token.dep_ != "prep" or token.lower_ not in TOPIC_PREPOSITIONS:
        return False
    return not any(t.dep_ == "pobj" and t.ent_type_ in ("DATE", "TIME") for t in token.children)
