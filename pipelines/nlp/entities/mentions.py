"""Entity mentions from spaCy's NER, cleaned and repaired.

Clean-up: a span is cut at line breaks, slashes and, inside a person's name, at a possessive ("RedMonk’s Stephens"
-> "Stephens"); it loses leading determiners, bullets and punctuation and a trailing possessive; a person's name
ends before a capitalised function word or verb of a headline-case run ("Rob Lowe Will Never" -> "Rob Lowe");
spans with no capital letter, party tags ("D-Mass.") and credits ("Photographer: ...", "... contributed to this
report.") are dropped.
A person's name loses leading titles and person nouns ("President Xi" -> "Xi", "Cinematographer Ben Davis" ->
"Ben Davis") and trailing letters of honours and degrees ("Rajiv Menon KC").
Repairs of small-model errors: two halves of one name are joined ("Zine El" + "Abidine Ben Ali"); a person's name
grows over a forename the model left out ("Bjorn" + "Alexander Duben"), over surnames left out after forenames
("José Luis" + "Rodríguez Zapatero", "Frenchman Jean-Philippe" + "Fleurian"), over a hyphenated last part ("Yoon Suk" + "-yeol") and over a surname with an apostrophe ("Michael" +
"O’Leary"); a "person" followed or headed by an organisation word is an organisation ("Lee Kuan Yew School of
Public Policy", "John L. Thornton China Center", "FC Porto", but not "Chrysler LLC Jim Press"); one ending in a
street or feature word is a place ("Harmon Street").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipelines.nlp.entities.lexicon import (is_given_name, is_occupation_before_name, is_plural_title, is_title,
                                            org_words, person_nouns, place_words, titles)
from pipelines.nlp.entities.lines import Lines
from pipelines.nlp.verbs import REPORTING_PAST_FORMS

# Labels of persons, organisations and places (NORP kept: groups, and person names the model mislabels).
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
_EDGE_CHARS = "•·▪●◦‣*-–—/\\|\"'“”‘’«»()[]{},;:!?#@ \t\n"
_CUT_TOKENS = frozenset({"/", "|", "•", "·", "▪", "●", "(", ")", "[", "]", "“", "”", '"', "‘"})
_LEADING_WORDS = frozenset({"the", "a", "an"})
NICKNAME_QUOTES = frozenset({'"', "“", "”"})
_APOSTROPHES = "'’"
# Legal forms end a company's name, so a name after one is not part of it ("Chrysler LLC Jim Press").
_LEGAL_FORMS = frozenset({"llc", "inc", "ltd", "plc", "gmbh", "corp", "co", "llp", "lp", "ag", "sa", "nv", "bv"})
# Lower-case words inside a person's name: "Ludwig van Beethoven", "Osama bin Laden", "Luis de Miranda".
NAME_PARTICLES = frozenset({"van", "von", "der", "den", "ter", "de", "del", "della", "di", "da", "dos", "das", "du",
                            "le", "la", "bin", "ibn", "al", "el", "y"})
_HEADLINE_VERB_TAGS = frozenset({"VBZ", "VBD", "VBP", "VBG", "MD"})
_PARTY_AND_STATE = re.compile(r"^[DRI]-[A-Z][\w.]*$")  # "D-Mass.", "R-Ohio": an affiliation, not a name
_MAX_ORG_TAIL = 4  # capitalised words after a "person" that can still end in an organisation word
_MAX_LEFT_OUT_SURNAMES = 2
# Letters after a person's name: honours, degrees, the bar, seats ("Rajiv Menon KC", "Jane Hill MP").
POSTNOMINALS = frozenset({"KC", "QC", "SC", "MP", "MSP", "MEP", "MLA", "TD", "OBE", "MBE", "CBE", "KBE", "DBE", "PhD",
                           "MD", "FRS", "DPhil"})
_PREFIXED_SURNAME = re.compile(r"^(?:Mc|Mac|Fitz)[A-Z][a-z]+$")  # "McPeek", "MacLeod", "FitzGerald"
_TITLE_QUALIFIERS = frozenset({"crown", "prime", "grand"})  # "Crown Prince", "Prime Minister", "Grand Duke"
_INNER_APOSTROPHE_NAME = re.compile(r"^[A-Z][a-z]+(?:['’][a-z]+)+$")  # "Ichung'wah", "Ng'ang'a"


@dataclass
class Mention:
    span: Span  # tokens of the cleaned mention
    start: int  # body chars of the cleaned text
    end: int
    text: str  # body[start:end], kept: Doc.text rebuilds the whole body on every call
    spacy_label: str  # "" when spaCy did not tag it
    label: str  # our label
    from_cue: bool = False  # found by a cue that says it is a person (a quote's closing dash, a role word)


def mentions_from_ner(doc: Doc, lines: Lines) -> list[Mention]:
    found = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        for piece in _pieces(ent, ent.label_ == "PERSON"):
            owned = piece.start > ent.start and _owner_before_person(doc[piece.start - 1], ent)
            mention = make_mention(piece, ent.label_, "PERSON" if owned else None)
            if mention and not _is_junk(mention, lines):
                found.append(mention)
    return _repair_spans(found)


def make_mention(span: Span, spacy_label: str, label: str | None = None, from_cue: bool = False) -> Mention | None:
    """The cleaned mention inside ``span``, or None when nothing name-like is left."""
    span = _trim_tokens(span)
    if span is None:
        return None
    text = span.text
    offset = len(text) - len(text.lstrip(_EDGE_CHARS))
    text = text[offset:].rstrip(_EDGE_CHARS)
    if not text or not any(ch.isupper() for ch in text):
        return None
    start = span.start_char + offset
    return Mention(span, start, start + len(text), text, spacy_label, label or spacy_label, from_cue)


def _pieces(span: Span, is_person: bool) -> list[Span]:
    """The span cut at line breaks, slashes, brackets, bullets and quotation marks ("Ju Peng/Xinhua" -> "Ju Peng",
    "Xinhua"), and a person's name also at a possessive ("RedMonk’s Stephens" -> "RedMonk", "Stephens"), but not at
    the quotation marks of a nickname inside it (Paul "Bonehead" Arthurs)."""
    pieces, begin = [], span.start
    for token in span:
        if is_person and _quotes_a_nickname(token, span):
            continue
        if token.text in _CUT_TOKENS or "\n" in token.text or (is_person and token.tag_ == "POS") \
                or _owner_before_person(token, span):
            if token.i > begin:
                pieces.append(span.doc[begin:token.i])
            begin = token.i + 1
    if span.end > begin:
        pieces.append(span.doc[begin:span.end])
    return pieces


def _owner_before_person(token: Token, span: Span) -> bool:
    """The possessive of an organisation's name that a person's name follows inside one span ("Fox News’ Sean
    Hannity", tagged ORG as a whole): a forename and one or two more capitalised words after it, the person's
    name; not "McDonald's", "Children's Hospital"."""
    doc, rest = span.doc, span.doc[token.i + 1:span.end]
    possessive = token.tag_ == "POS" or (token.text in _APOSTROPHES and token.i > span.start
                                         and not doc[token.i - 1].whitespace_ and doc[token.i - 1].text.endswith("s"))
    return possessive and token.i > span.start and 2 <= len(rest) <= 3 \
        and all(t.is_title and t.is_alpha for t in rest) and is_given_name(rest[0].text)


def _quotes_a_nickname(token: Token, span: Span) -> bool:
    """A quotation mark around one capitalised word between name words: Paul "Bonehead" Arthurs."""
    if token.text not in NICKNAME_QUOTES:
        return False
    doc, i = span.doc, token.i
    opening = i + 2 < span.end and doc[i + 2].text in NICKNAME_QUOTES and i > span.start
    first = i if opening else i - 2
    return span.start < first and first + 3 < span.end and doc[first + 1].is_title \
        and doc[first - 1].is_title and doc[first + 3].is_title and doc[first + 2].text in NICKNAME_QUOTES


def _trim_tokens(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (_is_edge(doc[start]) or doc[start].lower_ in _LEADING_WORDS
                           or doc[start].lower_ in REPORTING_PAST_FORMS and end - start > 1):
        start += 1
    while end > start and (_is_edge(doc[end - 1]) or doc[end - 1].tag_ == "POS"):
        end -= 1
    return doc[start:end] if end > start else None


def _is_edge(token: Token) -> bool:
    return token.is_space or token.is_punct or not token.text.strip(_EDGE_CHARS)


def _is_junk(mention: Mention, lines: Lines) -> bool:
    words = mention.span
    if all(not token.text[0].isupper() for token in words if token.is_alpha):
        return True  # "democratic": a mention needs a capitalised word
    if _PARTY_AND_STATE.match(mention.text):
        return True
    if len(words) == 1 and words[0].pos_ in ("VERB", "AUX", "ADV", "ADP", "PRON"):
        return True  # "Demanding" at the start of a sentence
    if lines.is_bullet(mention.start) and not lines.is_running_text(mention.start):
        return True  # an item of a link list
    return mention.label == "PERSON" and lines.is_credit(mention.start, mention.end)


def _repair_spans(mentions: list[Mention]) -> list[Mention]:
    mentions = _joined_halves(mentions)
    taken = {token.i for mention in mentions for token in mention.span}
    repaired = []
    for mention in mentions:
        if mention.label == "PERSON":
            mention = _as_organisation(mention) or _as_place(mention) \
                or _without_titles(_without_postnominals(_grow_name(_before_headline_words(mention), taken)))
        if mention:
            repaired.append(mention)
    return repaired


def _joined_halves(mentions: list[Mention]) -> list[Mention]:
    """Two PERSON mentions with only a space between them are one name the model cut in two ("Zine El" +
    "Abidine Ben Ali", "Prince Abdulaziz" + "bin Salman"): two people never stand side by side without a comma
    or "and"."""
    joined: list[Mention] = []
    for mention in mentions:
        last = joined[-1] if joined else None
        if last is not None and last.label == mention.label == "PERSON" and last.span.end == mention.span.start \
                and last.span[-1].whitespace_ == " " and last.span[-1].is_alpha and _opens_name_part(mention.span):
            joined[-1] = make_mention(mention.span.doc[last.span.start:mention.span.end], "PERSON") or mention
        else:
            joined.append(mention)
    return joined


def _opens_name_part(span: Span) -> bool:
    """A capitalised word, or a particle and a name word ("bin Salman" after "Prince Abdulaziz")."""
    first = span[0]
    return first.is_title or len(span) > 1 and first.is_lower and first.lower_ in NAME_PARTICLES and span[1].is_title


def _grow_name(mention: Mention, taken: set[int]) -> Mention:
    """Adds a forename the model left out on the left and a hyphenated last part on the right."""
    doc, start, end = mention.span.doc, mention.span.start, mention.span.end
    while start > 0 and (_is_name_word(doc[start - 1]) or _is_forename_tagged_otherwise(doc[start - 1])) \
            and doc[start - 1].i not in taken and not _ends_title(doc, start) \
            and doc[start - 1].whitespace_ and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    end = _apostrophe_surname_end(doc, end)
    end = _surnames_end(doc, start, end, taken)
    if (start, end) == (mention.span.start, mention.span.end):
        return mention
    return make_mention(doc[start:end], mention.spacy_label, mention.label) or mention


def _surnames_end(doc: Doc, start: int, end: int, taken: set[int]) -> int:
    """The end of a name opening with forenames that goes on with surnames the model left out ("José Luis" +
    "Rodríguez Zapatero called ...", "Frenchman Jean-Philippe" + "Fleurian", the titles not yet taken off): up
    to two untagged name words that end before a lower-case word."""
    words = [t for t in doc[start:end] if t.is_alpha]
    while len(words) > 1 and (is_title(words[0]) or is_occupation_before_name(words[0])):
        words.pop(0)
    if not all(is_given_name(t.text) for t in words):
        return end
    grown = end
    while grown < len(doc) and grown - end < _MAX_LEFT_OUT_SURNAMES and _is_name_word(doc[grown]) \
            and not doc[grown].ent_type_ and grown not in taken and "\n" not in doc[grown - 1].whitespace_ \
            and doc[grown - 1].whitespace_ and not is_place_word(doc[grown]):
        grown += 1
    if grown == end or (grown < len(doc) and doc[grown].is_title and not doc[grown].is_sent_start):
        return end  # a run of capitalised words goes on: a headline, not a name
    return grown


def _apostrophe_surname_end(doc: Doc, end: int) -> int:
    """The end of a name that goes on with a surname holding an apostrophe: "Michael" + "O’Leary" (one token the
    model leaves out), "Michael O" + "'Leary" (a split one)."""
    if end >= len(doc) or "\n" in doc[end - 1].whitespace_:
        return end
    word = doc[end]
    if doc[end - 1].whitespace_ and is_apostrophe_name(word.text):
        return end + 1
    if not doc[end - 1].whitespace_ and word.text[:1] in _APOSTROPHES:
        rest = word.text[1:]
        if rest[:1].isupper() and rest.isalpha():
            return end + 1  # "O" + "'Leary"
        if not rest and end + 1 < len(doc) and not word.whitespace_ and doc[end + 1].is_title:
            return end + 2  # "O" + "'" + "Leary"
    return end


def is_name_shaped(token: Token) -> bool:
    """A capitalised word as names are written: "Press", "McPeek", "MacLeod", "O’Leary" (not "iPhone", "NASA")."""
    return token.is_alpha and (token.is_title or bool(_PREFIXED_SURNAME.match(token.text))) \
        or is_apostrophe_name(token.text)


def is_apostrophe_name(text: str) -> bool:
    """"O’Leary", "D'Angelo", "N’Golo": a capital, an apostrophe, a capitalised word; or a capitalised word with
    apostrophes inside, as East African names are written ("Ichung'wah", "Ng'ang'a"; not a contraction, which
    the tokenizer splits off)."""
    return len(text) > 3 and text[0].isupper() and text[1] in _APOSTROPHES and text[2].isupper() \
        and text[3:].isalpha() or bool(_INNER_APOSTROPHE_NAME.match(text))


def _before_headline_words(mention: Mention) -> Mention:
    """A person's name ends before a capitalised function word, verb or plural noun of people: in a
    headline-case run the model runs on over them ("Rob Lowe Will Never", "Donald Trump Tells", "Trump
    Supporters", "Obama Aides")."""
    span = mention.span
    for token in span[1:]:
        if token.is_title and token.lower_ not in NAME_PARTICLES and (
                token.is_stop or token.tag_ in _HEADLINE_VERB_TAGS or _is_plural_person_noun(token)):
            return make_mention(span.doc[span.start:token.i], mention.spacy_label, mention.label) or mention
    return mention


def _is_plural_person_noun(token: Token) -> bool:
    """"Supporters", "Aides", "Students": no name word is the plural of a noun of people."""
    lower = token.lower_
    return lower.endswith("s") and (lower[:-1] in person_nouns() or lower.removesuffix("es") in person_nouns())


def _without_postnominals(mention: Mention) -> Mention:
    """"Rajiv Menon KC" -> "Rajiv Menon": letters after a name say what a person is, not who."""
    span = mention.span
    end = span.end
    while end - span.start > 2 and span.doc[end - 1].text.replace(".", "") in POSTNOMINALS:
        end -= 1
    if end == span.end:
        return mention
    return make_mention(span.doc[span.start:end], mention.spacy_label, mention.label) or mention


_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr"})


def _without_titles(mention: Mention) -> Mention | None:
    """"President Xi" -> "Xi": a title is a role, not part of the name; so is a person noun before a forename
    and another name word ("Cinematographer Ben Davis", "Producer Mark Ralph", "Frenchman Jean-Philippe Fleurian"
    -> "Ben Davis", "Mark Ralph", "Jean-Philippe Fleurian"; but "Man Ray" and "Son Heung-min" stay)."""
    span, doc = mention.span, mention.span.doc
    start = span.start
    while start < span.end and (is_title(doc[start]) or is_plural_title(doc[start])
                                or _qualifies_title(doc, start, span.end)
                                or is_occupation_before_name(doc[start]) and span.end - start > 2
                                and is_given_name(doc[start + 1].text)
                                and (doc[start + 2].is_alpha or doc[start + 2].text == "-")):  # "Jean-Pierre"
        start += 1
    while span.start < start and start + 2 < span.end and is_title(doc[start + 1]) \
            and is_given_name(doc[start + 2].text):
        start += 2  # "Det Ch Insp Ian Lowe": a word of the rank between two titles
    if start == span.end and span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in _HONORIFICS:
        start -= 1  # "Mr. King", "Dr. Bishop": after an honorific a title word is the surname
    end = span.end
    while end > start and _is_abbreviated_title(doc, end - 1):
        end -= 1  # "LAPD Asst. Chief Earl Paysinger": an abbreviated title opens the next name, never ends one
    if (start, end) == (span.start, span.end):
        return mention
    return make_mention(span.doc[start:end], mention.spacy_label, mention.label)


def _is_abbreviated_title(doc: Doc, i: int) -> bool:
    """"Asst." or "Gov." (the full stop split off or not) right before another capitalised word."""
    token = doc[i]
    stop = i + 1 if i + 1 < len(doc) and doc[i + 1].text == "." and not token.whitespace_ else i
    return is_title(token) and (token.text.endswith(".") or stop > i) and stop + 1 < len(doc) \
        and doc[stop + 1].is_title


def _qualifies_title(doc: Doc, i: int, end: int) -> bool:
    """"Crown" of "Crown Prince Mohammed bin Salman", "Prime" of "Prime Minister": part of the title after it."""
    return i + 1 < end and doc[i].is_title and doc[i].lower_ in _TITLE_QUALIFIERS and is_title(doc[i + 1])


def _ends_title(doc: Doc, start: int) -> bool:
    """The word before a name that opens with a forename ends the title before it ("Det Con Amy Fraser", "Det Ch
    Insp Ian Lowe"): a rank written in words the title list does not have ("President Joe" + "Biden" grows)."""
    return start >= 2 and is_given_name(doc[start].text) and is_title(doc[start - 2])


def _is_forename_tagged_otherwise(token: Token) -> bool:
    """"Per" of "said Per Lundgren", "Will" of "with Will Poulter": a familiar forename the tagger read as a
    preposition or a verb, capitalised after a word of the sentence, where only a name is (not "(See Fig. 1)")."""
    return token.is_title and token.is_alpha and token.i > 0 and token.nbor(-1).is_alpha \
        and not token.is_sent_start and not token.ent_type_ and is_given_name(token.text) \
        and token.lower_ not in titles()


def _is_name_word(token: Token) -> bool:
    return (token.pos_ == "PROPN" and token.is_alpha and token.is_title
            and token.lower_ not in titles() and token.lower_ not in org_words())


def _as_organisation(mention: Mention) -> Mention | None:
    """A "person" that is part of an organisation's name, or None when it is not."""
    doc, span = mention.span.doc, mention.span
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.is_upper and before.lower_ in org_words() \
            and before.lower_.rstrip(".") not in _LEGAL_FORMS:
        return make_mention(doc[span.start - 1:span.end], mention.spacy_label, "ORG")  # "FC Porto"
    if any(token.lower_ in org_words() for token in span[1:]):
        end = _of_phrase_end(doc, span.end)
        return make_mention(doc[span.start:end], mention.spacy_label, "ORG")
    end = span.end
    while end < len(doc) and end - span.end < _MAX_ORG_TAIL and doc[end].is_title and doc[end].is_alpha:
        end += 1
        if doc[end - 1].lower_ in org_words():
            return make_mention(doc[span.start:_of_phrase_end(doc, end)], mention.spacy_label, "ORG")
    return None


def _as_place(mention: Mention) -> Mention | None:
    """A "person" whose last word names a street or a geographic feature ("Harmon Street"), or None."""
    span = mention.span
    if len(span) > 1 and is_place_word(span[-1]):
        return make_mention(span, mention.spacy_label, "FAC")
    return None


def is_place_word(token: Token) -> bool:
    return token.is_title and token.lower_.rstrip(".") in place_words()


def _of_phrase_end(doc: Doc, end: int) -> int:
    """Extends an organisation name over "of Public Policy"."""
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].is_title:
        end += 1
        while end < len(doc) and doc[end].is_title and doc[end].is_alpha:
            end += 1
    return end
