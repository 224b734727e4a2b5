"""Quotation marks around a title, a name or a flagged term rather than someone's words: no one is quoted.

- a title or name: every word capitalised (“The Salt Year,” “Stay Home Pledge”), small linking words aside, or
  one proper noun (the marketplace “Evolution”);
- a term the writer flags: so-called “heat domes”.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

MIN_TITLE_WORDS = 2  # one capitalised word may be a quoted reply (“Absolutely”)
TITLE_LINKING_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"})


def is_term(content: Span, leading: list[Token]) -> bool:
    """True when the quoted words are a title, a name or a flagged term, not a quotation."""
    return _is_title(content) or _is_name(content) or _follows_so_called(leading)


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
