"""Quotation marks around a title, a name or a flagged term rather than someone's words: no one is quoted.

- a title or name: every word capitalised (“The Salt Year,” “Stay Home Pledge”), small linking words aside, or
  one proper noun (the marketplace “Evolution”);
- a term the writer flags: so-called “heat domes”;
- words named as words, or a text named by its kind: the word “hope”, an op-ed with the headline “...”, a letter
  titled “...”.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

MIN_TITLE_WORDS = 2  # one capitalised word may be a quoted reply (“Absolutely”)
TITLE_LINKING_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"})
# A noun that names what follows as a word or a text, after "the" or an owner ("the word “hope”", "his slogan
# “...”"); plural "the words" is left out, as it also introduces what someone said.
NAMING_NOUNS = frozenset({"word", "phrase", "term", "expression", "headline", "title", "subtitle", "slogan", "motto",
                          "hashtag", "tagline", "caption", "label", "nickname", "catchphrase", "banner"})
# A participle that gives the quoted words as a name or title: an event dubbed “...”, a report titled “...”.
NAMING_PARTICIPLES = frozenset({"dubbed", "titled", "entitled", "headlined", "captioned", "nicknamed", "subtitled"})


def is_term(content: Span, leading: list[Token]) -> bool:
    """True when the quoted words are a title, a name or a flagged term, not a quotation."""
    return _is_title(content) or _is_name(content) or _follows_so_called(leading) or _follows_naming_word(leading)


def _is_name(content: Span) -> bool:
    """One proper noun: the marketplace “Evolution”, the ship “Polaris”."""
    words = [t for t in content if t.is_alpha]
    return len(words) == 1 and words[0].pos_ == "PROPN" and words[0].text[0].isupper()


def _is_title(content: Span) -> bool:
    words = [t for t in content if t.is_alpha]
    if len(words) < MIN_TITLE_WORDS:
        return False
    return words[0].text[0].isupper() and all(w.text[0].isupper() or w.lower_ in TITLE_LINKING_WORDS
                                              for w in words[1:])


def _follows_so_called(leading: list[Token]) -> bool:
    text = "".join(t.text for t in leading[-3:]).lower()
    return text.endswith(("so-called", "socalled"))


def _follows_naming_word(leading: list[Token]) -> bool:
    if not leading:
        return False
    last = leading[-1]
    if last.lower_ in NAMING_PARTICIPLES:
        return True
    if last.lower_ not in NAMING_NOUNS:
        return False
    for word in reversed(leading[-4:-1]):  # back over "campaign", "famous" to "the", "his", "Obama's"
        if word.tag_ in ("DT", "PRP$", "POS"):
            return True
        if word.pos_ not in ("ADJ", "NOUN", "PROPN"):
            return False
    return False
