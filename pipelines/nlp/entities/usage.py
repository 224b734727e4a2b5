"""How a name is used in its sentence, as evidence against the small model's PERSON label.

- a place: the object of "in", "near", "from" ... ("a boy in Braga") or followed by a state ("Nashua, N.H.");
- a common word: a sentence-initial word that modifies a noun ("Cooler temperatures") or takes an object
  ("Download the app"), or a product after "our"/"its" ("our Morning Bid newsletter");
- a thing, not a name: right after a determiner ("the Switch", "amending the Bill") unless it modifies the noun
  that follows ("the Obama administration").
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from pipelines.nlp.entities.lexicon import is_person_word, place_keys
from pipelines.nlp.names import entity_key

_PLACE_PREPOSITIONS = frozenset({"in", "near", "from", "outside", "across", "throughout", "around", "inside",
                                 "within"})
# "N.H.", "Calif.", "Mass.": US state abbreviations after a town and a comma (not "Jr." or "Sr.").
_STATE_ABBREVIATION = re.compile(r"^(?:[A-Z]\.){2}$|^(?!Jr\.|Sr\.)[A-Z][a-z]{2,4}\.$")
_POSSESSIVE_PRONOUNS = frozenset({"our", "its", "their", "your", "my"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "every", "each", "another"})


def in_place_context(span: Span) -> bool:
    root, doc = span.root, span.doc
    if root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPOSITIONS:
        return True
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        after = doc[span.end + 1]
        if _STATE_ABBREVIATION.match(after.text):
            return True
        # "Toledo, Ohio" (an apposition); not "between Kim and Putin, China helps ..."
        return after.dep_ == "appos" and after.head.i == root.i and (
            after.ent_type_ in ("GPE", "LOC") or entity_key(after.text) in place_keys())
    return False


def used_as_common_word(span: Span) -> bool:
    """A single word used as a verb or an adjective at the start of a sentence ("Download the app",
    "Cooler temperatures arrive")."""
    token = span.root
    if len(span) != 1:
        return False
    if any(child.dep_ == "dobj" for child in token.children):
        return True
    following = span.doc[span.end] if span.end < len(span.doc) else None
    return token.is_sent_start and token.dep_ in _MODIFIER_DEPS and token.head.pos_ == "NOUN" \
        and not (following is not None and is_person_word(following))  # "Biden administration officials"


def names_a_product(span: Span) -> bool:
    """Modifies a common noun that "our"/"its" owns: "our Morning Bid newsletter", "its Kindra heaters"."""
    root = span.root
    head = root.head
    return (root.dep_ in _MODIFIER_DEPS and head.pos_ == "NOUN" and head.i >= span.end
            and any(child.dep_ == "poss" and child.lower_ in _POSSESSIVE_PRONOUNS for child in head.children))


def after_determiner(span: Span) -> bool:
    """"the Switch", "A Ghost Story", "amending the Bill"; not "the Obama administration"."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is None or before.lower_ not in _DETERMINERS or before.tag_ != "DT":
        return False  # not "... that Kim Jong Un sent troops"
    root = span.root
    return not (root.dep_ in _MODIFIER_DEPS and root.head.i >= span.end)
