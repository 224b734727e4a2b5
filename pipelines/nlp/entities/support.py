"""Whether the article supports a group of PERSON mentions as a person.

The small model says PERSON for products, games, companies, works and the words of headline-case lines ("Xbox",
"Stadia Offer", "Berkshire Hathaway"). A group stays a person only when the article backs it:

- **cue**: a name that closes a quote after a dash, follows a role word or plays a role (``people``): a person;
- **never**: a digit ("Forza Motorsport 7", "Page A1"), a lower-case last word ("Jet kerosene"), or the model
  calling the name something else at least twice and more than twice as often as PERSON ("Metroid"): not a
  person, whatever else;
- **decisive**: a title or a person noun right before a mention ("Spokeswoman Sandy Angers", "his wife Grace",
  "52-year-old Grace", or with "named" between: "a resident named Caroline"; a title the model took into its
  name, "Lady Bird", is plain support only), an appositive,
  a description after a comma or a "who" clause that describes a person, an age after it ("Eloise Parry, 21,"),
  coordination with another person, being set off by commas after a person noun and one preposition ("China's
  top negotiator with Taipei, Tang Shubei,"); a plural noun describes a group, not a person ("champions Porto"),
  and a person noun right after the name is its own ("the 36-year-old Aston Villa player");
- **plain**: a familiar forename opening a name of two words or more (given_names.txt; not the Arabic article
  of "Al-Azhar"; a forename from world_given_names.txt counts only with what the sentence says), the last words of the name used
  alone where the model calls them a person ("Fernando Caudevilla ... Caudevilla", "Osama bin Laden ... Bin
  Laden"), a name of two words or more as the subject of a speech verb or quoted as saying ("Xinhua quoted Tang
  Shubei as saying"), any name as the subject of one in the
  first person ("“I wanted the ball,” Whitfield said"), "said" followed by "he"/"she", the
  subject of a clause with "himself"/"herself", a modifier of what a person has ("the Obama administration"), the
  subject of what only people do or undergo or the owner of what only people have ("Claes Bang stars as",
  "was born in", "Ghannouchi's death": human_words.txt), the agent of a name of two words or more after "led by",
  "headed by", "coached by" ..., after "an interview with", or the subject of a verb with "as" and a title
  ("Necmettin Erbakan took over as Turkish prime minister");
- **against**, which outweighs plain support only: a plural ("Africans"), an all-capital word among others
  ("Zanu-PF"), a thing noun it modifies, that precedes it, that describes it or that it is ("the Safari browser",
  "the band Arcade Fire", "Gazprombank, Russia's third-largest bank", "Lady Bird is a comedy"; an appositive
  only right after the name's comma), an organisation's
  noun describing it ("Al-Azhar, Egypt's top Islamic institution"), a list of
  organisations it stands in ("JP Morgan Chase, Wells Fargo and Charles Schwab"), a description
  made or played by someone ("Abbott Elementary, the ABC mockumentary created by ..."), a list of things it
  stands in ("films such as Hugo Cabret and Tom Sawyer"), an affiliation ("Gene Munster of Piper Jaffray"),
  and the model itself labelling the full name something else more than once and more often than PERSON.

Only mentions in running text count (not headline-case lines or link lists). A group with no support at all is
not a person: a name is a person because the article says so, not because the model said PERSON once.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipelines.nlp.entities.clusters import Cluster, cluster
from pipelines.nlp.entities.lexicon import (family_nouns, human_words, is_forename_anywhere, is_given_name, is_person_word,
                                            is_title, opens_with_arabic_article, org_words, relation_nouns, thing_words)
from pipelines.nlp.entities.lines import Lines
from pipelines.nlp.entities.mentions import ENTITY_LABELS, Mention
from pipelines.nlp.names import entity_key, name_parts
from pipelines.nlp.verbs import REPORTING_VERBS

_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
_NAMING_DEPS = frozenset({"compound", "amod", "nmod"})
_DESCRIPTION_POS = frozenset({"DET", "ADJ", "NUM", "PROPN", "PART", "ADV"})
_MAX_DESCRIPTION = 6
_AFFILIATIONS = frozenset({"GPE", "ORG", "NORP"})
_FINITE_VERBS = frozenset({"VBZ", "VBD", "VBP"})
_HE_OR_SHE = frozenset({"he", "she", "his", "her", "him"})
_HIMSELF_OR_HERSELF = frozenset({"himself", "herself"})
_FIRST_PERSON = frozenset({"i", "me", "my"})
_ORGANISATION_POSSESSIVES = frozenset({"its", "their"})
# "Shares of Lockheed Martin", "a unit of Berkshire Hathaway": what only an organisation has.
_ORGANISATION_HOLDINGS = frozenset({"share", "stock", "stake", "subsidiary", "unit", "division", "shareholder",
                                    "headquarters"})
# Past participles before "by" that a thing takes and a person does not: made, owned or played by someone.
_MAKING_VERBS = frozenset({"create", "make", "build", "develop", "found", "design", "write", "direct", "produce",
                           "publish", "own", "operate", "launch", "manufacture", "invent", "compose", "play", "voice"})
_WORKPLACE_PREPOSITIONS = frozenset({"at", "with", "from"})  # "an analyst at Carnegie", "a lawyer with Hogan Lovells"
_AGE = re.compile(r"^\d{1,3}$")
_ROMAN = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|X{1,3})$")  # "Henry VIII", "John Smith III"


@dataclass
class ArticleFacts:
    """What the whole article says, computed once per document."""

    labels: dict[str, Counter]  # entity_key -> the model's labels for spans with that key
    lines: Lines
    other_spans: dict[str, list[Span]]  # entity_key -> the model's spans with that key and another label


def article_facts(doc: Doc, lines: Lines) -> ArticleFacts:
    labels: dict[str, Counter] = {}
    other_spans: dict[str, list[Span]] = {}
    for ent in doc.ents:
        key = entity_key(ent.text)
        labels.setdefault(key, Counter())[ent.label_] += 1
        if ent.label_ != "PERSON" and ent.label_ in ENTITY_LABELS:
            other_spans.setdefault(key, []).append(ent)
    return ArticleFacts(labels, lines, other_spans)


def is_supported_person(mentions: list[Mention], name: str, person_tokens: set[int], facts: ArticleFacts) -> bool:
    """Whether the article supports these mentions (one group, called ``name``) as a person; ``person_tokens``
    are the tokens of the other people's mentions."""
    spans = [m.span for m in mentions if facts.lines.is_running_text(m.start)] or [m.span for m in mentions]
    if any(m.from_cue for m in mentions):
        return True
    parts = name_parts(name)
    if _never_a_person(name, facts):
        return False
    if any(_decisive(span, person_tokens) for span in spans):
        return True
    plain = ((len(parts) > 1 and is_given_name(parts[0]) and not opens_with_arabic_article(name))
             or (len(parts) > 1 and any(m.spacy_label == "PERSON" and _is_surname_of(name_parts(m.text), parts)
                                        for m in mentions))
             or any(speaks(span) and len(parts) > 1 or speaks_in_first_person(span) or _belongs_to_person(span)
                    or speaker_called_he_or_she(span)
                    or subject_of_himself_or_herself(span) or does_what_people_do(span) or _person_word_before(span)
                    or serves_as(span)
                    or (led_by(span) or _interviewed(span)) and len(parts) > 1 for span in spans)
             or len(parts) > 1 and is_forename_anywhere(parts[0]) and any(of_a_place_or_team(span) for span in spans))
    return plain and not _against(name, parts, spans, facts)


# --- decisive ---------------------------------------------------------------------------------------------

def _decisive(span: Span, person_tokens: set[int]) -> bool:
    return (_described(span) or _person_word_before(span) and not _title_inside_models_name(span)
            or age_after(span) or coordinated_with(span, person_tokens) or _set_off_after_person_noun(span))


def _title_inside_models_name(span: Span) -> bool:
    """The title before the name is the first word of the model's own name ("Lady Bird", a film): only plain
    support, which a description as a thing outweighs."""
    doc, i = span.doc, span.start - 1
    return i >= 0 and is_title(doc[i]) and doc[i].ent_type_ == "PERSON" and span[0].ent_iob_ == "I"


def described_as_person(span: Span) -> bool:
    """A title or person noun right before it, an appositive or "who" clause about it."""
    return _person_word_before(span) or _described(span)


def _person_word_before(span: Span) -> bool:
    """"Spokeswoman Sandy Angers", "his wife Grace", "52-year-old Grace", "a resident named Caroline"."""
    doc, i = span.doc, span.start - 1
    if i < 0 or _names_anothers_role(span):
        return False
    if is_person_word(doc[i]):
        return not _names_a_group(doc[i], span)
    if i >= 1 and doc[i].lower_ == "named" and is_person_word(doc[i - 1]):
        return True  # "a 52-year-old resident named Caroline"
    # "52-year-old": "52", "-", "year", "-", "old"
    return i >= 4 and doc[i].lower_ == "old" and doc[i - 2].lower_ in ("year", "years") and doc[i - 4].like_num


def _names_a_group(noun: Token, span: Span) -> bool:
    """A plural person noun describes a group ("reigning champions Porto", "holders Brazil"); a list of people
    opens with a forename ("Senators Edward Kennedy and John McCain")."""
    return noun.tag_ == "NNS" and not (len(span) > 1 and is_forename_anywhere(span[0].text))


def _names_anothers_role(span: Span) -> bool:
    """The name is where the person named next works or plays ("20-year-old Norwich striker Keith O'Neill"), or
    it modifies a person noun right after it ("The 36-year-old Aston Villa player won"): what stands before it
    describes that person."""
    doc, end = span.doc, span.end
    if end >= len(doc) or not is_person_word(doc[end]):
        return False
    root = span.root
    return end + 1 < len(doc) and doc[end + 1].is_title and doc[end + 1].pos_ == "PROPN" \
        or root.dep_ in _NAMING_DEPS and root.head.i == end


def _described(span: Span) -> bool:
    """An appositive person noun or a "who" clause about it, or it is the appositive of a person noun
    ("his first wife, Sally")."""
    root, doc = span.root, span.doc
    noun = _noun_after_comma(span)
    if noun is not None and _describes_a_person(noun):
        return True
    if span.start >= 2 and doc[span.start - 1].text == "," and doc[span.start - 2].lemma_.lower() in family_nouns():
        return True  # "their two daughters, Esmeralda and Amada", however the parser hangs the names
    if len(span) > 1 and span.start >= 2 and doc[span.start - 1].lower_ == "of" \
            and doc[span.start - 2].lemma_.lower() in family_nouns() | {"family"}:
        return True  # "the family of Rebecca Clarke", "the son of Joe Biden"
    for child in root.children:
        if child.i >= span.end and child.dep_ == "appos" and _describes_a_person(child):
            return True
        if child.i >= span.end and child.dep_ == "relcl" and any(t.lower_ == "who" for t in child.children) \
                and not _closes_description(root):
            return True
    return root.dep_ == "appos" and root.head.i < span.start and _describes_a_person(root.head) \
        and not _names_a_group(root.head, span)


def _set_off_after_person_noun(span: Span) -> bool:
    """A name between commas after a person noun and one preposition ("China's top negotiator with Taipei, Tang
    Shubei,"), which the parser hangs from the preposition's object: support for a name the model calls a
    person, not a reason to make one of a place ("an oceanographer at the University of California, San Diego,")
    or of a name without the commas ("the chairman of national carrier EgyptAir")."""
    anchor = _appositive_anchor(span, hops=1)
    return anchor is not None and anchor is not span.root.head and span.doc[span.start - 1].text == "," \
        and _describes_a_person(anchor) and not _names_a_group(anchor, span)


def _appositive_anchor(span: Span, hops: int | None = None) -> Token | None:
    """What the name is in apposition to, before it: the noun of "The head of the IMF, Kristalina Georgieva",
    "China's top negotiator with Taipei, Tang Shubei", where the parser hangs the name from the nearest noun
    (climbing at most ``hops`` prepositions, any number if None)."""
    root = span.root
    if root.dep_ != "appos" or root.head.i >= span.start:
        return None
    anchor, climbed = root.head, 0
    while anchor.dep_ == "pobj" and anchor.head.dep_ == "prep" and (hops is None or climbed < hops):
        anchor, climbed = anchor.head.head, climbed + 1
    return anchor


def _closes_description(root: Token) -> bool:
    """The name closes a person's description by where they work ("Tom Reyes, a professor at Stanford, who studies
    fires"): a "who" clause after it is about the person described, where the parser hangs it from the nearest
    noun (not "a student of Kwame Mensah, who": people have students)."""
    return root.dep_ == "pobj" and root.head.lower_ in _WORKPLACE_PREPOSITIONS and is_person_word(root.head.head)


def _describes_a_person(noun: Token) -> bool:
    """A person noun that is not an organisation's: "Boeing, its main rival" is a company."""
    return is_person_word(noun) and not _owned_by_organisation(noun)


def _owned_by_organisation(noun: Token) -> bool:
    return noun.lemma_.lower() not in family_nouns() \
        and any(child.dep_ == "poss" and child.lower_ in _ORGANISATION_POSSESSIVES for child in noun.children)


def age_after(span: Span) -> bool:
    """"Eloise Parry, 21, was taken ..."."""
    doc, end = span.doc, span.end
    return end + 2 < len(doc) and doc[end].text == "," and bool(_AGE.match(doc[end + 1].text)) \
        and doc[end + 2].text == ","


def speaker_called_he_or_she(span: Span) -> bool:
    """The subject of a speech verb, then "he"/"she" in that sentence or the next: organisations that
    speak ("Reuters said") are "it" or "they"."""
    if not speaks(span):
        return False
    return any(t.lower_ in _HE_OR_SHE for t in _after_in_sentence(span, next_sentence=True))


def speaks_in_first_person(span: Span) -> bool:
    """The subject of a speech verb in a sentence in the first person singular ("“I just wanted the ball,” Holloway
    said"): a company or a government says "we"."""
    return speaks(span) and any(t.lower_ in _FIRST_PERSON and t.pos_ == "PRON" for t in span.sent)


def subject_of_himself_or_herself(span: Span) -> bool:
    """The subject of a clause that turns back on it with "himself"/"herself" ("elmo666 ... kept the results
    to himself"): organisations are "itself"."""
    root = span.root
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = root.head
    clause = [verb] + [child for child in verb.children if child.i != root.i and not any(
        grandchild.dep_ in ("nsubj", "nsubjpass") for grandchild in child.children)]
    return any(t.lower_ in _HIMSELF_OR_HERSELF for c in clause[1:] for t in c.subtree) or any(
        t.lower_ in _HIMSELF_OR_HERSELF for t in verb.children)


def acts_as_named_person(span: Span) -> bool:
    """A name opening with a forename ("Nadia Rahman", given_names.txt) that introduces a quote as the subject
    of a speech verb ("Nadia Rahman said: “...”", "“...,” said Nadia Rahman"), is the subject of what only people do ("... died on Sunday")
    or of a verb whose object is "his"/"her" ("Karen Holt lost her job"): evidence against the model's ORG for a once-named person. A company named
    like a person ("Morgan Stanley") is called ORG again elsewhere and "its" (``_never_a_person``, ``_against``)."""
    words = [t for t in span if t.is_alpha]
    root = span.root
    if len(words) < 2 or not is_forename_anywhere(words[0].text) or root.dep_ != "nsubj":
        return False
    verb = root.head
    if verb.lemma_ in REPORTING_VERBS:
        return any(t.text in ("“", "”", "\"") for t in span.sent)  # “...,” said X: the sentence may start inside
    if does_what_people_do(span):
        return True  # "Siobhán McKenna-Doyle, one of the first women to lead ..., died on Sunday"
    return any(child.dep_ == "dobj" and any(g.dep_ == "poss" and g.lower_ in ("his", "her") for g in child.children)
               for child in verb.children)


def coordinated_with(span: Span, person_tokens: set[int]) -> bool:
    """Coordinated with a person ("Kim and Putin"); not a club or country before a role and a name, which is that
    person's affiliation ("Liverpool striker Mark Kennedy and Chelsea defender Terry Phelan")."""
    if _names_anothers_role(span):
        return False
    root = span.root
    if root.dep_ == "conj" and root.head.i in person_tokens:
        return True
    return any(child.dep_ == "conj" and child.i in person_tokens for child in root.children)


# --- plain ------------------------------------------------------------------------------------------------

def _is_surname_of(short: list[str], full: list[str]) -> bool:
    """"Caudevilla" of "Fernando Caudevilla", "Bin Laden" of "Osama bin Laden": the name's last words alone."""
    return 0 < len(short) < len(full) and full[-len(short):] == short


def does_what_people_do(span: Span) -> bool:
    """"Claes Bang stars as ...", "Ghannouchi died", "Wiseman was born in Boston", "police arrested Xiao Ming",
    "Ghannouchi's death" (human_words.txt)."""
    root = span.root
    lemma = root.head.lemma_.lower()
    if root.dep_ == "nsubj":
        return root.head.pos_ == "VERB" and lemma in human_words("does")
    if root.dep_ == "compound" and root.head.i == span.end and root.head.tag_ == "NNS" and root.head.is_lower:
        return lemma in human_words("does")  # "Claes Bang stars as ...", the verb parsed as a plural noun
    if root.dep_ == "nsubjpass" or root.dep_ == "dobj" and root.head.pos_ == "VERB":  # "police arrested Xiao Ming"
        return lemma in human_words("undergoes")
    return root.dep_ == "poss" and root.head.pos_ == "NOUN" and lemma in human_words("has")


def serves_as(span: Span) -> bool:
    """The subject of a verb with "as" and a title or person noun in the singular: "Necmettin Erbakan took over
    as Turkish prime minister", "she served as mayor" (a company serves as a sponsor or a host, not as a
    minister; a team is "tipped as prime candidates")."""
    root = span.root
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return any(child.lower_ == "as" and any(g.dep_ == "pobj" and g.tag_ != "NNS" and is_person_word(g)
                                            for g in child.children)
               for child in root.head.children)


def led_by(span: Span) -> bool:
    """The agent of what only people do to a group: "the opposition party led by Jarosław Kaczyński", "a
    delegation headed by ...", "the club, coached by Okan Buruk" (human_words.txt [leads])."""
    root = span.root
    by = root.head
    return root.dep_ == "pobj" and by.dep_ == "agent" and by.head.lemma_.lower() in human_words("leads")


def _interviewed(span: Span) -> bool:
    """"In an interview with Oprah Winfrey" (human_words.txt [talks])."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ == "with" and root.head.head.lemma_.lower() in human_words("talks")


def speaks(span: Span) -> bool:
    """The subject of a speech verb, the name in apposition to it ("The head of the IMF, Kristalina
    Georgieva, warned"), or the one quoted as saying ("the People's Daily quoted Tang as saying", "Tang was
    quoted as saying")."""
    root = _appositive_anchor(span) or span.root
    if root.dep_ == "nsubj" and root.head.lemma_ in REPORTING_VERBS:
        return True
    verb = root.head
    return root.dep_ in ("dobj", "nsubjpass") and verb.lemma_ == "quote" and any(
        child.lower_ == "as" and any(g.lemma_ in REPORTING_VERBS for g in child.children) for child in verb.children)


def of_a_place_or_team(span: Span) -> bool:
    """A country's, city's or club's name before it with a possessive ("Juventus's Zinedine Zidane", "Mexico's
    Manuel Medina"), or after it with "of" ("Stephan Marasek of SC Freiburg", "Tyson Gay of the United States"):
    its member or representative."""
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].tag_ == "POS" and doc[span.start - 2].ent_type_ in _AFFILIATIONS:
        return True
    if span.end + 1 >= len(doc) or doc[span.end].lower_ != "of":
        return False
    after = doc[span.end + 1]
    if after.lower_ == "the" and span.end + 2 < len(doc):  # "Tyson Gay of the United States"
        after = doc[span.end + 2]
    return not after.is_lower and (after.ent_type_ in _AFFILIATIONS or after.pos_ == "PROPN" and not after.ent_type_)


def _belongs_to_person(span: Span) -> bool:
    """"the Obama administration", "Mugabe's wife", "Biden administration officials", "a Trump aide"; not an
    affiliation before a title and a name ("Kelowna Fire Chief Travis Lund"), nor what a person uses, studies or
    works for ("an Evolution user", "a NASA scientist": only a possessive makes such a noun the name's), nor a
    title, which organisations have too ("Kia's design chief", "a Boeing spokesman")."""
    root, doc = span.root, span.doc
    if root.dep_ not in _MODIFIER_DEPS or root.head.i < span.end:
        return False
    word = root.head if is_person_word(root.head) else doc[span.end] if span.end < len(doc) else None
    if word is None or not is_person_word(word) or (word.i + 1 < len(doc) and doc[word.i + 1].pos_ == "PROPN"):
        return False
    if word.lemma_.lower() in relation_nouns() or word.lower_ in relation_nouns():
        return True
    return root.dep_ == "poss" and not is_title(word)  # a title is an organisation's as much: "Kia's design chief"


# --- against ----------------------------------------------------------------------------------------------

def _never_a_person(name: str, facts: ArticleFacts) -> bool:
    """A digit ("Forza Motorsport 7"), a lower-case last word ("Jet kerosene was assessed at", a sentence's
    capitalised first word and a common noun), or the model calling the name something else at least twice and
    more than twice as often as PERSON ("Metroid": ORG 38 times)."""
    labels = facts.labels.get(entity_key(name), Counter())
    other = sum(n for label, n in labels.items() if label != "PERSON")
    words = name.split()
    return any(ch.isdigit() for ch in name) or (len(words) > 1 and words[-1].isalpha() and words[-1].islower()) \
        or (other > 1 and other > 2 * labels["PERSON"])


def _against(name: str, parts: list[str], spans: list[Span], facts: ArticleFacts) -> bool:
    words = [w for w in re.split(r"[\s\-–]+", name) if w.isalpha()]
    if not all(w.isupper() for w in words) and any(len(w) > 1 and w.isupper() and not _ROMAN.match(w) for w in words):
        return True  # "Zanu-PF", "AFP - Getty Images"
    if len(parts) == 1 and all(span[-1].tag_ in ("NNPS", "NNS") for span in spans):
        return True  # "Africans", "Republicans"
    if any(_runs_into_a_verb(span) for span in spans if facts.lines.is_running_text(span.start_char)):
        return True  # a verb inside the name makes it a title: "Ingrid Goes West", "Everybody Loves Raymond"
    labels = facts.labels.get(entity_key(name), Counter())
    other = sum(n for label, n in labels.items() if label != "PERSON")
    if other > 1 and other > labels["PERSON"]:
        return True  # the model itself calls the name an organisation, a product, a work ... more than once
    forename_led = bool(parts) and is_forename_anywhere(parts[0])  # "Donald Trump", not the planet "Dark Aether"
    return any(described_as_thing(span, forename_led and _is_surname_of(name_parts(span.text), parts))
               or _numbered(span)
               or _affiliation(span) or _held_by_organisation(span)
               or _speaker_called_its(span) or _listed_among_things(span) or _is_a_thing(span)
               or _listed_with_organisations(span)
               for span in spans + facts.other_spans.get(entity_key(name), []))


def _runs_into_a_verb(span: Span) -> bool:
    """A capitalised finite verb inside the name, or right after it and before another capitalised word, in
    running text: "Ingrid Goes West is a dark comedy" (the model may cut the name at the verb)."""
    doc, end = span.doc, span.end
    if any(t.tag_ in _FINITE_VERBS and t.is_title for t in span[1:-1]):
        return True
    return end + 1 < len(doc) and doc[end].tag_ in _FINITE_VERBS and doc[end].is_title \
        and doc[end + 1].is_title and doc[end + 1].is_alpha


def _listed_among_things(span: Span) -> bool:
    """"films such as Hugo Cabret and Tom Sawyer", "companies like Lockheed Martin"; not the owner of a thing
    listed ("companies like Warren Buffett's Berkshire Hathaway")."""
    node = span.root
    while node.dep_ in ("conj", "compound") and node.head.pos_ == "PROPN" or node.dep_ == "conj":
        node = node.head
    if node.dep_ != "pobj" or node.head.lower_ not in ("as", "like", "including"):
        return False
    owner = node.head.head
    if owner.lower_ == "such":
        owner = owner.head
    return _is_thing_word(owner)


def _listed_with_organisations(span: Span) -> bool:
    """In a list whose names the model calls organisations more often than people ("JP Morgan Chase, Wells Fargo
    and Charles Schwab were little changed"); not "Kim and Putin", nor "Jane Doe, John Smith and Apple"."""
    top = span.root
    while top.dep_ == "conj":
        top = top.head
    members = [t for t in top.subtree if t.i == top.i or t.dep_ == "conj"]
    if len(members) < 2:
        return False
    # Most members named as organisations (the name's own label counts; a tie is no list of companies). A member
    # that is no name counts against: "Trump and Democratic rival Hillary Clinton" is no list of companies.
    organisations = sum(t.ent_type_ == "ORG" for t in members)
    return organisations > len(members) - organisations


def _numbered(span: Span) -> bool:
    """"Blade Runner 2049", "Forza Motorsport 7": a number right after a name makes it a work's or a product's;
    not the number of a list item after it ("Clinton 1) registers ..., 2) realizes ..."), nor a score ("beat
    Jean-Philippe Fleurian 6-2 6-0")."""
    doc, end = span.doc, span.end
    return end < len(doc) and doc[end].is_digit and not span[-1].whitespace_.count("\n") \
        and not (end + 1 < len(doc) and doc[end + 1].text == ")") \
        and not (end + 2 < len(doc) and doc[end + 1].text in ("-", "–") and doc[end + 2].is_digit)


def _is_a_thing(span: Span) -> bool:
    """"Lady Bird is a masterful, exquisite coming-of-age comedy": the subject of "be" with a thing noun."""
    root = span.root
    if root.dep_ != "nsubj" or root.head.lemma_ != "be":
        return False
    return any(child.dep_ == "attr" and _is_thing_word(child) for child in root.head.children)


def _held_by_organisation(span: Span) -> bool:
    """"Shares of Lockheed Martin", "a unit of Berkshire Hathaway"."""
    root = span.root
    while root.dep_ == "compound" and root.head.pos_ == "PROPN":  # the model's "Lockheed" of "Lockheed Martin"
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in _ORGANISATION_HOLDINGS


def _speaker_called_its(span: Span) -> bool:
    """The subject of a speech verb whose report opens on "its": "Goldman Sachs said its forecast was unchanged"
    (not "Blinken said officials urged Beijing to use its influence", nor "Stephen Gordon, of Project Veritas,
    said its ...", where "its" is the organisation the subject names)."""
    if not speaks(span) or any(child.dep_ == "prep" for child in span.root.children):
        return False
    reports = [child for child in span.root.head.children if child.dep_ == "ccomp"]
    return any(subject.dep_ in ("nsubj", "nsubjpass") and any(
        t.dep_ == "poss" and t.lower_ == "its" for t in subject.children)
        for report in reports for subject in report.children)


def _is_thing_word(token: Token) -> bool:
    return token.pos_ == "NOUN" and (token.lemma_.lower() in thing_words() or token.lower_ in thing_words())


def described_as_thing(span: Span, surname: bool = False) -> bool:
    """"the Safari browser", "the band Arcade Fire", "his musical La La Land", "Gazprombank, Russia's
    third-largest bank". A ``surname`` (the last words of the group's full name, which opens with a forename)
    naming a thing is the person's thing, as a possessive would be ("the Trump team", "the new Spielberg film"); not shares ("Schwab shares")."""
    doc, root = span.doc, span.root
    if root.dep_ in _NAMING_DEPS and root.head.i >= span.end and _is_thing_word(root.head) \
            and not (surname and root.head.lemma_.lower() not in _ORGANISATION_HOLDINGS):
        return True  # not a possessive: "James Gleick’s book" is his
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.is_lower and not _subject_of_reduced_relative(span) and (
            _is_thing_word(before) or before.pos_ == "ADJ" and before.lower_ in thing_words()):
        return True  # the parser often reads a genre right before a title as an adjective ("musical")
    if root.dep_ == "appos" and root.head.i < span.start and _is_thing_word(root.head):
        return True
    noun = _noun_after_comma(span)
    if noun is not None and (_is_thing_word(noun) or _made_by_someone(noun)):
        return True
    if span.end < len(doc) and doc[span.end].text == "," and _made_by_someone(doc[span.end]):
        return True  # "Abbott Elementary, created by Quinta Brunson"
    return any(child.dep_ == "appos" and _next_to(span, child) and (_is_thing_word(child) or _is_organisation_noun(child))
               for child in root.children)


def _next_to(span: Span, appositive: Token) -> bool:
    """The appositive opens right after the name and a comma ("Snow Leopard, the latest version"), not further on
    where the parser hung a later name's description from it ("Kenny Dalglish spoke of leaving Blackburn, the
    club he led")."""
    doc, end = span.doc, span.end
    return end < len(doc) and doc[end].text == "," and appositive.left_edge.i == end + 1


def _subject_of_reduced_relative(span: Span) -> bool:
    """"The Twitter account Trump retweeted was set up by Gawker": the name is the subject of a clause that
    describes the thing noun before it (a relative clause without "that"), not the thing's name ("the band
    Arcade Fire played" is the band's clause itself)."""
    root, doc = span.root, span.doc
    if root.dep_ != "nsubj" or span.end >= len(doc):
        return False
    verb = root.head
    return verb.i == span.end and verb.tag_ in ("VBD", "VBZ", "VBP") \
        and verb.dep_ in ("relcl", "nsubj", "nsubjpass", "dobj", "pobj", "acl")


def _is_organisation_noun(token: Token) -> bool:
    """An organisation's head noun describing the name: "Al-Azhar, Egypt's top Islamic institution" (only as the
    parse's appositive: read off the words, "Dale Hutchins, the council's general counsel" would be the council)."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in org_words()


def _made_by_someone(token: Token) -> bool:
    """The word before "created by", "written by", "played by" ...: a work, a product, a character is made or
    played by someone; a person is not ("the ABC mockumentary created by Quinta Brunson")."""
    doc, i = token.doc, token.i
    return i + 2 < len(doc) and doc[i + 1].tag_ == "VBN" and doc[i + 1].lemma_.lower() in _MAKING_VERBS \
        and doc[i + 2].lower_ == "by"


def _noun_after_comma(span: Span) -> Token | None:
    """The head noun of a description right after a comma, read off the words rather than the parse, which
    often misses it: "Snow Leopard, the latest version of ...", "Gazprombank, Russia's third-largest bank"."""
    doc, i = span.doc, span.end
    if i >= len(doc) or doc[i].text != ",":
        return None
    noun = None
    for token in doc[i + 1:min(len(doc), i + 1 + _MAX_DESCRIPTION)]:
        if token.pos_ == "NOUN":
            noun = token
        elif noun is not None or token.tag_ in ("WP$", "WDT", "WP") \
                or not (token.pos_ in _DESCRIPTION_POS or token.tag_ == "PRP$"):
            break  # not "Elena Marchetti, whose novels ..."
    if noun is None or noun.dep_ in ("nsubj", "nsubjpass"):
        return None  # "a novella by Nikolai Leskov, the movie follows ...": a new clause
    return noun


def _affiliation(span: Span) -> bool:
    """"Gene Munster of Piper Jaffray", "the chairman of Berkshire Hathaway": where a person works (not "the son
    of Joe Biden": a family noun is no title)."""
    root, doc = span.root, span.doc
    preposition = root.head
    if root.dep_ != "pobj" or preposition.lower_ != "of" or preposition.head.i >= span.start:
        return False
    between = doc[preposition.i + 1:span.start]
    if any(t.tag_ != "DT" for t in between):
        return False  # "the vice chairman of Chrysler LLC Jim Press": the name is not what follows "of"
    owner = preposition.head
    return is_title(owner) or owner.ent_type_ == "PERSON"


def _after_in_sentence(span: Span, next_sentence: bool) -> list[Token]:
    doc, sentence = span.doc, span.sent
    words = list(doc[span.end:sentence.end])
    if next_sentence and sentence.end < len(doc):
        words += list(doc[sentence.end].sent)
    return words


# --- groups -----------------------------------------------------------------------------------------------

def supported_people(clusters: list[Cluster], doc: Doc, lines: Lines) -> list[Cluster]:
    """The groups with every PERSON group the article does not support relabelled as what the model calls its
    name otherwise (an organisation, a place ...) or, when the model has no other word for it, left out."""
    facts = article_facts(doc, lines)
    people = [c for c in clusters if c.label == "PERSON"]
    # Coordination counts with a person supported otherwise: "Gazprombank and Air Berlin" do not vouch for
    # each other.
    supported = [c for c in people if is_supported_person(c.mentions, c.name, set(), facts)]
    # Along a list, each person vouches for the next ("..., Thomissa Comellas, Xiaonan Zhang and Yuhuan Du").
    while vouched := [c for c in people if c not in supported and is_supported_person(
            c.mentions, c.name, {t.i for c in supported for m in c.mentions for t in m.span}, facts)]:
        supported += vouched
    supported_ids = {id(c) for c in supported}
    rejected = {id(c) for c in people if id(c) not in supported_ids}
    if not rejected:
        return clusters
    mentions = []
    for group in clusters:
        for mention in group.mentions:
            if id(group) in rejected:
                mention.label = _other_label(facts.labels.get(entity_key(mention.text), Counter()))
            if mention.label:
                mentions.append(mention)
    return cluster(mentions, lines)


def _other_label(labels: Counter) -> str:
    """The model's most frequent label for a name other than PERSON, among the labels we keep; "" if none."""
    kept = [(n, label) for label, n in labels.items() if label != "PERSON" and label in ENTITY_LABELS]
    return max(kept)[1] if kept else ""
