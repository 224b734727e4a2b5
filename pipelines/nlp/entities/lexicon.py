"""The word lists of the entity extractor, read once from the *.txt files next to this module."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from pipelines.nlp.names import entity_key, fold

_HERE = Path(__file__).resolve().parent


def _lines(file_name: str) -> list[str]:
    text = (_HERE / file_name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def titles() -> frozenset[str]:
    return frozenset(word.lower() for word in _lines("titles.txt"))


def is_title(token) -> bool:
    """A title word, abbreviated or not: "Sen.", "Gov", "Councilwoman"."""
    return token.lower_.rstrip(".") in titles()


def is_plural_title(token) -> bool:
    """A capitalised title in the plural, as before a list of names ("Senators Edward Kennedy and John McCain")."""
    word = token.lower_
    return token.is_title and token.tag_ in ("NNS", "NNPS") and word.endswith("s") and word[:-1] in titles()


# Letters that do not decompose to a plain one: "Czesław" is written "Czeslaw" too.
_UNDECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe",
                               "ð": "d"})


def _forename_key(word: str) -> str:
    return fold(word).translate(_UNDECOMPOSED)


@cache
def given_names() -> frozenset[str]:
    """Familiar forenames (given_names.txt, the US SSA baby-name files), folded ("ivan" for "Iván")."""
    return frozenset(_forename_key(name) for name in _lines("given_names.txt"))


@cache
def forenames_anywhere() -> frozenset[str]:
    """given_names() and other countries' common first names (world_given_names.txt, from Faker's person
    providers), folded ("czeslaw" for "Czesław")."""
    return given_names() | frozenset(_forename_key(name) for name in _lines("world_given_names.txt"))


def is_given_name(word: str) -> bool:
    """A familiar forename: evidence on its own that a name the model calls PERSON is one."""
    return _forename_key(word) in given_names()


def is_forename_anywhere(word: str) -> bool:
    """A forename of any country: evidence only beside what the sentence says (a role word, a speech verb, an
    age, "who"), since the list holds rarer names that are also words or brands in some language."""
    return _forename_key(word) in forenames_anywhere()


_ARABIC_ARTICLE = re.compile(r"^(?:al|el)\s*[-‐‑]", re.IGNORECASE)


def opens_with_arabic_article(name: str) -> bool:
    """"Al-Azhar", "Al-Ahli", "el-Sisi": the article joined by a hyphen, no forename "Al" (an institution, a club,
    or a surname alone)."""
    return bool(_ARABIC_ARTICLE.match(name))


@cache
def _sections(file_name: str) -> dict[str, frozenset[str]]:
    """A word list in [sections], lower-cased."""
    sections: dict[str, set[str]] = {}
    current = None
    for line in _lines(file_name):
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), set())
        else:
            current.add(line.lower())
    return {name: frozenset(words) for name, words in sections.items()}


@cache
def person_nouns() -> frozenset[str]:
    """Nouns of a person, without those said of organisations as much ([either])."""
    return frozenset().union(*(words for name, words in _sections("person_nouns.txt").items() if name != "either"))


@cache
def relation_nouns() -> frozenset[str]:
    """Nouns of a relation to someone: a name modifying one is that someone's ("a Trump aide")."""
    return _sections("person_nouns.txt")["relation"] | family_nouns()


def family_nouns() -> frozenset[str]:
    """Nouns of kinship ("daughter", "wife"): only people have them."""
    return _sections("person_nouns.txt")["family"]


def human_words(section: str) -> frozenset[str]:
    """human_words.txt: "does" (verbs of a person subject), "undergoes" (of a person passive subject), "has"
    (nouns of a person possessive)."""
    return _sections("human_words.txt")[section]


def is_person_word(token) -> bool:
    """A title or a noun that says the name next to it is a person's ("wife", "colleague", "administration"), or
    a noun said of organisations too that "his" or "her" makes a person's ("his rival", not "Moderna, a rival")."""
    if token.tag_.startswith("VB"):
        return False  # "will miss England's opening qualifier": a verb, whatever it shares with a title
    if is_title(token) or token.lemma_.lower() in person_nouns() or token.lower_ in person_nouns():
        return True
    either = _sections("person_nouns.txt")["either"]
    if token.lemma_.lower() not in either and token.lower_ not in either:
        return False
    before = token.doc[token.i - 1] if token.i > 0 else None
    return any(t.lower_ in ("his", "her") for t in [*token.children, *([before] if before is not None else [])])


# Endings of nouns of a person's trade ("Producer", "Frontman", "Keyboardist"): with a full name after them
# they are a description, not the name's first word.
_AGENT_SUFFIXES = ("man", "woman", "person", "er", "or", "ist", "ian")


def is_occupation_before_name(token) -> bool:
    """A person noun of the word lists, or a capitalised word shaped like a noun of a trade that is not a
    forename ("Producer", "Trainer", "Frontman"; not "Peter", "Victor", "Christian")."""
    word = token.lower_
    return word in person_nouns() or (token.is_title and token.is_alpha and word.endswith(_AGENT_SUFFIXES)
                                      and not is_given_name(token.text))


@cache
def thing_words() -> frozenset[str]:
    return frozenset(word.lower() for word in _lines("thing_words.txt"))


@cache
def building_words() -> frozenset[str]:
    return frozenset(word.lower() for word in _lines("building_words.txt"))


@cache
def org_words() -> frozenset[str]:
    return frozenset(word.lower() for word in _lines("org_words.txt"))


@cache
def place_words() -> frozenset[str]:
    return frozenset(word.lower() for word in _lines("place_words.txt"))


@cache
def place_keys() -> frozenset[str]:
    return frozenset(entity_key(place) for place in _lines("places.txt"))


@cache
def credit_cue() -> re.Pattern:
    """One pattern matching a credit cue at the end of the text before a name."""
    return re.compile("(?:" + "|".join(_lines("credit_cues.txt")) + r")\W*$", re.IGNORECASE)


@cache
def credit_line() -> re.Pattern:
    """One pattern found in a line that credits every name on it (contributor lines, author bios)."""
    return re.compile("|".join(f"(?:{pattern})" for pattern in _lines("credit_lines.txt")))
