"""Roles given to people in the text, so that a later "the mayor said" names the person introduced as
"Peter Hale, the mayor", "the mayor, Peter Hale", "Mayor Peter Hale" or "Hale is the mayor".

A role is its noun with the words that narrow it ("ports minister", "deputy mayor", "fire chief"); "the minister"
fits "the ports minister", "the deputy mayor" does not fit "the mayor" (nor, when no one holds exactly that role,
does any description with a word of another office: deputy, vice, former ...).
"""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Span, Token

DEFINITE = ("the", "this", "that")
OTHER_OFFICE = frozenset({"deputy", "vice", "assistant", "associate", "acting", "interim", "former", "shadow",
                          "junior", "under"})
# "sen" -> "senator": abbreviated titles before a name as the role words a later description uses.
TITLE_ABBREVIATIONS = dict(line.split(None, 1) for line in Path(__file__).with_name("title_abbreviations.txt")
                           .read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))


def role_words(name: Span) -> set[tuple[str, ...]]:
    """The roles the text attaches to a person's name: apposition, a title before it, "X is the Y"."""
    head = name.root
    nouns: list[Token] = [t for t in head.children if t.dep_ == "appos" and t.pos_ == "NOUN"]
    if head.dep_ == "appos" and head.head.pos_ == "NOUN":
        nouns.append(_outermost(head.head))
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_ == "be":
        nouns += [t for t in head.head.children if t.dep_ == "attr" and t.pos_ == "NOUN"]
    roles = {_role(noun) for noun in nouns if noun.is_alpha}
    doc = name.doc
    titles = []
    i = name.start - 1
    while i >= 0 and doc[i].dep_ in ("compound", "amod") and i < doc[i].head.i < name.end:
        if doc[i].text == "." and i > 0 and not doc[i - 1].whitespace_ and doc[i - 1].lower_ in TITLE_ABBREVIATIONS:
            i -= 1  # "Lt" "." split by the tokenizer
            word = TITLE_ABBREVIATIONS[doc[i].lower_]
        else:
            word = _title_word(doc[i])
        if word is None:
            break
        titles.insert(0, word)  # Mayor Peter Hale, Deputy Energy Minister Pavel Sorokin, Fire chief Ann Lee
        i -= 1
    if titles:
        roles.add(tuple(titles))
    return roles


def _title_word(token: Token) -> str | None:
    """A word of a title before a name, lower case, an abbreviation written out ("Sen." -> "senator")."""
    if token.text.endswith(".") and token.text[:-1].isalpha() and token.is_title:
        return TITLE_ABBREVIATIONS.get(token.lower_[:-1])
    if token.is_alpha and (token.is_title or token.is_lower):
        return token.lower_
    return None


def definite_role(head: Token) -> tuple[str, ...] | None:
    """The role of a definite description such as "the mayor" or "the union's general secretary", by its head."""
    if not is_singular_common_noun(head):
        return None
    if not any(t.dep_ == "det" and t.lower_ in DEFINITE or t.dep_ == "poss" for t in head.children):
        return None
    return _role(head)


def is_singular_common_noun(token: Token) -> bool:
    """A singular common noun, the lower-case words the tagger took for proper nouns included ("the minister")."""
    return (token.pos_, token.tag_) == ("NOUN", "NN") or (token.pos_, token.tag_) == ("PROPN", "NNP") and token.is_lower


def fits(description: tuple[str, ...], role: tuple[str, ...]) -> bool:
    """ "the minister" fits the ports minister; "the deputy mayor" does not fit the mayor."""
    return description[-1] == role[-1] and set(description) <= set(role)


def same_office(description: tuple[str, ...], role: tuple[str, ...]) -> bool:
    """The same kind of office, whatever narrows it ("the foreign minister", Minister Ann Lee), unless a word
    makes it another office ("the deputy mayor" is not the mayor; "the former minister" not the minister)."""
    return description[-1] == role[-1] and set(description) & OTHER_OFFICE == set(role) & OTHER_OFFICE


def _outermost(noun: Token) -> Token:
    """The noun a name after a comma describes: the whole phrase's, not the one inside it ("a spokesman for the prime
    minister, James Slack" is the spokesman; "the general secretary of the union, Jane Doe")."""
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head
    return noun


def _role(noun: Token) -> tuple[str, ...]:
    modifiers = [t.lower_ for t in noun.lefts if t.dep_ in ("compound", "amod") and t.is_alpha]
    return (*modifiers, noun.lemma_.lower())
