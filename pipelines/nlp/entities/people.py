"""Which mentions are people: fixes of the small model's labels, using what the article itself says.

- A name-like ORG/GPE/NORP/LOC mention becomes PERSON when its words are part of a person's full name in
  the article ("Duben", "Russel"), when a title precedes it ("President Putin"), when an appositive or
  "who" clause describes it as a person, when it is coordinated with a person ("Kim and Putin"), or when
  it is the subject of a speech verb and then "he" or "she" ("Okafor said ... she added").
  A known place keeps its place label ("Washington" is not George Washington's surname here).
- A bare PERSON (no person in the article has it in a full name) with no such evidence is a place when it is
  a known place ("victory over Kyiv") or used as one ("in Nashua"), and an organisation when it is a word of
  an organisation's name in the article ("Veltro" of "Veltro Foods"). A name used as a place ("a machinist
  from Ashford who said") does not become a person through a "who" clause.
- A bare PERSON used as a common word ("Cooler temperatures", "Download the app") or a product ("our
  Morning Bid newsletter") is dropped.
- Names joined by hyphens ("Kim-Putin partnership", "Russia-Ukraine War") are split into the names the
  article uses elsewhere.
- A surname that spaCy did not tag at all ("Russel added ...") becomes a PERSON mention when it is a word
  of a person's full name in the article.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from pipelines.nlp.entities.lexicon import is_title, org_words, place_keys, titles
from pipelines.nlp.entities.mentions import Mention, is_place_word, make_mention
from pipelines.nlp.entities.usage import in_place_context, names_a_product, used_as_common_word
from pipelines.nlp.verbs import REPORTING_VERBS
from pipelines.nlp.names import contains_parts, entity_key, name_parts

_DASH_ATTRIBUTION = re.compile(
    r"[”\"’]\s*[–—-]+\s*([A-Z][\w’'.]*(?:(?:\s+|-)[A-Z][\w’'.]*){0,3})[ \t]*$", re.MULTILINE)
_RELABELLED = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})
_MAX_NAME_WORDS = 4


def split_hyphenated(mentions: list[Mention]) -> list[Mention]:
    """Replaces a mention of names joined by hyphens by the names, when the article uses them alone."""
    known: dict[str, Counter] = {}
    for mention in mentions:
        if not _hyphen_positions(mention.span):
            known.setdefault(entity_key(mention.text), Counter())[mention.label] += 1
    result = []
    for mention in mentions:
        parts = _known_parts(mention, known) if _hyphen_positions(mention.span) else []
        result.extend(parts if len(parts) >= 2 else [mention])
    return result


def _hyphen_positions(span: Span) -> list[int]:
    return [t.i for t in span[1:-1] if t.text == "-" and not t.whitespace_ and not t.nbor(-1).whitespace_]


def _known_parts(mention: Mention, known: dict[str, Counter]) -> list[Mention]:
    span, doc = mention.span, mention.span.doc
    cuts = _hyphen_positions(span)
    bounds = list(zip([span.start] + [c + 1 for c in cuts], cuts + [span.end]))
    found = []
    for index, (start, end) in enumerate(bounds):
        # Next to a hyphen the name ends (first part) or begins (later parts): "The Kim", "Kim Alliance".
        options = [(s, end) for s in range(start, end)] if index == 0 else [(start, e) for e in range(end, start, -1)]
        for s, e in options:
            part = make_mention(doc[s:e], mention.spacy_label)
            if part and entity_key(part.text) in known:
                part.label = known[entity_key(part.text)].most_common(1)[0][0]
                found.append(part)
                break
    return found


def fix_labels(mentions: list[Mention]) -> list[Mention]:
    """The mentions with their labels fixed, without the bare "people" that are common words."""
    full_names = _full_names(mentions)
    person_tokens = {t.i for m in mentions if m.label == "PERSON" for t in m.span}
    tagged_people = [m for m in mentions if m.label == "PERSON"]
    for mention in mentions:
        is_place = entity_key(mention.text) in place_keys()
        if mention.label in _RELABELLED and _is_name_like(mention.span) and not (
                mention.label in ("GPE", "LOC") and is_place):
            if _in_full_name(mention, full_names) or (
                    not is_place and not in_place_context(mention.span)
                    and _person_evidence(mention.span, person_tokens)):
                mention.label = "PERSON"
    # Against the names as now labelled: "Kenji Ota" tagged ORG is a person's full name, not a company's.
    full_names = _full_names(mentions)
    other_names = _words_of_other_names(mentions)
    for mention in tagged_people:
        if not _in_full_name(mention, full_names) and not _described_as_person(mention.span):
            mention.label = _bare_name_label(mention, other_names)
    return [m for m in mentions if not (m.label == "PERSON" and _is_common_word(m, full_names))]


def _person_evidence(span: Span, person_tokens: set[int]) -> bool:
    return (_described_as_person(span) or _coordinated_with(span, person_tokens)
            or _speaker_called_he_or_she(span))


def _full_names(mentions: list[Mention]) -> list[list[str]]:
    return [name_parts(m.text) for m in mentions if m.label == "PERSON" and len(name_parts(m.text)) > 1]


def _in_full_name(mention: Mention, full_names: list[list[str]]) -> bool:
    return any(contains_parts(full, name_parts(mention.text)) for full in full_names)


def _words_of_other_names(mentions: list[Mention]) -> dict[str, str]:
    """{word: label} for the words of the article's organisation and place names of two words or more."""
    words = {}
    for mention in mentions:
        if mention.label != "PERSON" and len(name_parts(mention.text)) > 1:
            for token in mention.span:
                if token.is_alpha and len(token) > 1 and not _is_kind_word(token) \
                        and token.lower_ not in titles():
                    words.setdefault(token.lower_, mention.label)
    return words


def _bare_name_label(mention: Mention, other_names: dict[str, str]) -> str:
    """The label of a PERSON mention that no full name or description backs."""
    if entity_key(mention.text) in place_keys() or in_place_context(mention.span):
        return "GPE"
    parts = name_parts(mention.text)
    if len(parts) == 1 and parts[0] in other_names and not _speaker_called_he_or_she(mention.span):
        return other_names[parts[0]]
    return "PERSON"


def _is_common_word(mention: Mention, full_names: list[list[str]]) -> bool:
    if names_a_product(mention.span):
        return True
    return not _in_full_name(mention, full_names) and used_as_common_word(mention.span)


def _is_kind_word(token: Token) -> bool:
    """A word that says what kind of name it is ("Street", "Inc", "United"), not whose name it is."""
    return token.lower_ in org_words() or is_place_word(token)


def _is_name_like(span: Span) -> bool:
    return (len(span) <= _MAX_NAME_WORDS + 2
            and all(t.is_title or t.text in "-." or len(t.text) == 1 for t in span)
            and not any(_is_kind_word(t) for t in span))


def _described_as_person(span: Span) -> bool:
    """A title right before it, or an appositive or "who" clause about it."""
    doc = span.doc
    if span.start > 0 and is_title(doc[span.start - 1]):
        return True
    for child in span.root.children:
        if child.i >= span.end and child.dep_ == "appos" and child.lemma_.lower() in titles():
            return True
        if child.i >= span.end and child.dep_ == "relcl" and any(
                t.lower_ == "who" for t in child.children):
            return True
    return False


def _speaker_called_he_or_she(span: Span) -> bool:
    """The subject of a speech verb, then "he"/"she" in that sentence or the next: organisations that
    speak ("Reuters said") are "it" or "they"."""
    root = span.root
    if not (root.dep_ == "nsubj" and root.head.lemma_ in REPORTING_VERBS):
        return False
    sentence = span.sent
    following = span.doc[span.end:min(len(span.doc), sentence.end + 1)]
    next_sentence = following[-1].sent if len(following) and following[-1].i >= sentence.end else None
    words = list(span.doc[span.end:sentence.end]) + (list(next_sentence) if next_sentence else [])
    return any(t.lower_ in ("he", "she", "his", "her", "him") for t in words)


def _coordinated_with(span: Span, person_tokens: set[int]) -> bool:
    root = span.root
    if root.dep_ == "conj" and root.head.i in person_tokens:
        return True
    return any(child.dep_ == "conj" and child.i in person_tokens for child in root.children)


def untagged_surnames(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """PERSON mentions for words of a person's full name that spaCy left untagged ("Russel added ...")."""
    name_words = {word for m in mentions if m.label == "PERSON" for word in name_parts(m.text)
                  if len(name_parts(m.text)) > 1 and len(word) > 1 and word not in titles()}
    taken = {t.i for m in mentions for t in m.span}
    # Only the tokens spelling a name word, found on the LOWER hashes: making a Token of every word is slow.
    name_hashes = {hash_string(word) for word in name_words}
    found = []
    for i, lower in enumerate(doc.to_array("LOWER").tolist()):
        if lower not in name_hashes or i in taken:
            continue
        token = doc[i]
        if not (token.is_title and token.is_alpha):
            continue
        if _is_capitalised_word(token, -1) or _is_capitalised_word(token, 1) \
                or _is_hyphen_joined(token, name_words):
            continue  # part of a longer name that is something else: "Go Myong-Hyun" is not "Hyun"
        mention = make_mention(doc[token.i:token.i + 1], "", "PERSON")
        if mention:
            found.append(mention)
    return found


def _is_hyphen_joined(token: Token, name_words: set[str]) -> bool:
    """Joined by a hyphen to a word that is not itself a name word ("Myong-Hyun"; but "Kim-Putin" is two names)."""
    doc = token.doc
    for hyphen, other in ((token.i - 1, token.i - 2), (token.i + 1, token.i + 2)):
        if 0 <= other < len(doc) and doc[hyphen].text == "-" \
                and not doc[min(hyphen, token.i)].whitespace_ and not doc[min(hyphen, other)].whitespace_ \
                and doc[other].lower_ not in name_words:
            return True
    return False


def dash_attributions(doc: Doc, text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with every name closing a quote after a dash ("“...” – Go Myong-Hyun") as a PERSON,
    which the small model often misses: such a name replaces the pieces spaCy made of it. ``text`` is
    doc.text, passed in because Doc.text rebuilds it from the tokens."""
    names = []
    for match in _DASH_ATTRIBUTION.finditer(text):
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if span is None or any(t.lower_ in org_words() for t in span) or len(name_parts(span.text)) < 2:
            continue
        mention = make_mention(span, "", "PERSON")
        if mention:
            names.append(mention)
    kept = [m for m in mentions if not any(m.start < n.end and n.start < m.end for n in names)]
    return sorted(kept + names, key=lambda m: m.start)


def _is_capitalised_word(token: Token, offset: int) -> bool:
    index = token.i + offset
    if not 0 <= index < len(token.doc):
        return False
    other = token.doc[index]
    return (other.is_alpha and other.is_title and other.lower_ not in titles()
            and not (offset < 0 and other.is_sent_start))
