"""Which mentions are people: fixes of the small model's labels, using what the article itself says.

- A name-like ORG/GPE/NORP/LOC mention becomes PERSON when its words are part of a person's full name in
  the article ("Duben", "Russel"), when a title precedes it ("President Putin"), when an appositive or
  "who" clause describes it as a person, when an age follows it ("Marcus Reed, 34,"), when it is coordinated with a person ("Kim and Putin"), or when
  it is the subject of a speech verb and then "he" or "she" ("Okafor said ... she added"); an ORG or FAC
  mention does when it opens with a forename and ends with a surname the model calls a person alone in the
  article ("Mr. Tsvangirai ... Morgan Tsvangirai", "Novak Djokovic ... Djokovic told the BBC").
  A known place keeps its place label ("Washington" is not George Washington's surname here).
- A bare PERSON (no person in the article has it in a full name) with no such evidence is a place when it is
  a known place ("victory over Kyiv") or used as one ("in Nashua"), and an organisation when it is a word of
  an organisation's name in the article ("Veltro" of "Veltro Foods"). A name used as a place ("a machinist
  from Ashford who said") does not become a person through a "who" clause.
- A bare PERSON used as a common word ("Cooler temperatures", "Download the app") or a product ("our
  Morning Bid newsletter"), and a PERSON right after a determiner ("the Switch", "amending the Bill"), is dropped.
- Names joined by hyphens ("Kim-Putin partnership", "Russia-Ukraine War") are split into the names the
  article uses elsewhere.
- A surname that spaCy did not tag at all ("Russel added ...") becomes a PERSON mention when it is a word
  of a person's full name in the article, with the forename before it ("Eloise Parry, 21" beside "Fiona Parry").
- A name after a title or a person noun ("Spokeswoman Sandy Angers said", "his colleague Ana Munoz") that
  opens with a forename is a person, whatever spaCy made of it; so is one before ", who" that spaCy took for a
  work or an event or missed ("Magnus Carlsen, who gave up the title").
- A title and words of a person's full name in the article, tagged as something else, are that person without the
  title ("Resila Onyango ... Ms Onyango").
- Two to four name words right before an age (", 33,") are a person's name, where the model cut them or called
  part of them a place ("Meiti Salindeho, 33,").
- A name in a headline-case line shrinks to the name the running text uses ("Donald Trump Tells").
- A person's full name the model ran on over the name of a thing it modifies shrinks to the name the article
  uses elsewhere ("a Margaret Hamilton Lego minifigure").
- An online handle ("ScreamMyName", "elmo666": one word with capitals inside or digits at the end) is a person
  wherever it stands when the article says so once: a person noun before or after it ("user jayk1984",
  "ScreamMyName, a deep web user"), a speech verb it is the subject of and then "he"/"she", or "himself"/
  "herself" in its clause ("elmo666 kept the results to himself").
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from pipelines.nlp.entities.lexicon import (building_words, is_forename_anywhere, is_given_name, is_title,
                                            opens_with_arabic_article, org_words, person_nouns, place_keys, titles)
from pipelines.nlp.entities.lines import Lines
from pipelines.nlp.entities.mentions import (ENTITY_LABELS, NAME_PARTICLES, NICKNAME_QUOTES, Mention,
                                            is_apostrophe_name, is_name_shaped, is_place_word, make_mention)
from pipelines.nlp.entities.support import (acts_as_named_person, age_after, coordinated_with,
                                            described_as_person, described_as_thing, does_what_people_do, led_by,
                                            of_a_place_or_team, speaker_called_he_or_she, speaks,
                                            speaks_in_first_person, subject_of_himself_or_herself)
from pipelines.nlp.entities.usage import after_determiner, in_place_context, names_a_product, used_as_common_word
from pipelines.nlp.names import contains_parts, entity_key, name_parts
from pipelines.nlp.token_index import token_indices

_DASH_ATTRIBUTION = re.compile(
    r"[”\"’]\s*[–—-]+\s*([A-Z][\w’'.]*(?:(?:\s+|-)[A-Z][\w’'.]*){0,3})[ \t]*$", re.MULTILINE)
_RELABELLED = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})
_MAX_NAME_WORDS = 4
_NAME_TAGS = frozenset({"NNP", "NNPS"})
# What a person makes: the owner of one is its author ("Luca Guadagnino’s gorgeous film").
_WORKS = frozenset({"film", "movie", "documentary", "novel", "book", "memoir", "album", "song", "poem", "painting",
                    "play", "opera", "essay", "column", "debut"})
# One word shaped like an online handle: capitals inside ("ScreamMyName", "PlutoPete") or letters then digits
# ("elmo666", "jayk1984").
HANDLE = re.compile(r"(?<![\w@#.’'-])(?:[A-Z][a-z]+(?:[A-Z][a-z]*)+|[A-Za-z][a-z_]*\d{2,})(?![\w-])")


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
    tagged_people = [m for m in mentions if m.label == "PERSON"]
    surnames = _surnames_of_people(mentions)
    for mention in mentions:  # first, so that the full names they give are known below
        if mention.label in ("ORG", "FAC") and (_is_particle_name(mention.span) or _is_name_like(mention.span)
                                                and _opens_with_forename(mention.span)
                                                and (mention.label == "FAC" or of_a_place_or_team(mention.span)
                                                     or name_parts(mention.text)[-1] in surnames)) \
                and entity_key(mention.text) not in place_keys() and not in_place_context(mention.span) \
                and not _names_a_building(mention.span):
            mention.label = "PERSON"
    full_names = _full_names(mentions)
    person_tokens = {t.i for m in mentions if m.label == "PERSON" for t in m.span}
    for mention in mentions:
        is_place = entity_key(mention.text) in place_keys()
        if mention.label in _RELABELLED and _is_name_like(mention.span) and not (
                mention.label in ("GPE", "LOC") and is_place):
            if _in_full_name(mention, full_names) or (
                    mention.label != "NORP" and not is_place and not in_place_context(mention.span)
                    and _person_evidence(mention.span, person_tokens)):
                mention.label = "PERSON"
                person_tokens.update(t.i for t in mention.span)  # "daughters, Esmeralda and Amada": the next one
    # Against the names as now labelled: "Kenji Ota" tagged ORG is a person's full name, not a company's.
    full_names = _full_names(mentions)
    other_names = _words_of_other_names(mentions)
    for mention in tagged_people:
        if not _in_full_name(mention, full_names) and not described_as_person(mention.span):
            mention.label = _bare_name_label(mention, other_names)
    mentions = [_titled_name_of_person(m, full_names) for m in mentions]
    return [m for m in mentions if not (m.label == "PERSON" and _is_common_word(m, full_names))]


def _names_a_building(span: Span) -> bool:
    """"at Charles de Gaulle airport": a lower-case building noun right after the name (building_words.txt)."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and after.is_lower and after.lemma_.lower() in building_words()


def _surnames_of_people(mentions: list[Mention]) -> set[str]:
    """The names of one word that the model calls a person, or that say something in the first person, as news
    quotes people by surname ("“I just wanted the ball,” Holloway said" with "Holloway" an ORG; a company says
    "we")."""
    return {entity_key(m.text) for m in mentions if len(name_parts(m.text)) == 1
            and (m.label == "PERSON" or speaks_in_first_person(m.span))}


def _titled_name_of_person(mention: Mention, full_names: list[list[str]]) -> Mention:
    """A title and words of a person's full name in the article, tagged as something else, are that person
    without the title ("Resila Onyango ... Ms Onyango" with "Ms Onyango" an ORG); not "Dr Pepper" with no
    person named Pepper."""
    span = mention.span
    if mention.label == "PERSON" or len(span) < 2 or not is_title(span[0]):
        return mention
    name = make_mention(span[1:], mention.spacy_label, "PERSON")
    return name if name is not None and _is_name_like(name.span) and _in_full_name(name, full_names) else mention


def _person_evidence(span: Span, person_tokens: set[int]) -> bool:
    return (described_as_person(span) or coordinated_with(span, person_tokens) or age_after(span)
            or speaker_called_he_or_she(span) or acts_as_named_person(span)
            or _opens_with_forename(span, anywhere=True) and of_a_place_or_team(span))


def _is_particle_name(span: Span) -> bool:
    """"Ludwig van Beethoven", "Pieter van den Berg": a forename, lower-case particles, a name word; the shape of a
    person's name, whatever the model made of it ("Banco de Chile" opens with no forename)."""
    inside = span[1:-1]
    return 2 < len(span) <= _MAX_NAME_WORDS + 1 and _opens_with_forename(span) and is_name_shaped(span[-1]) \
        and any(t.lower_ in NAME_PARTICLES and t.is_lower for t in inside) \
        and all(t.is_lower and t.lower_ in NAME_PARTICLES or is_name_shaped(t) for t in inside) \
        and not any(_is_kind_word(t) for t in span)


def _opens_with_forename(span: Span, anywhere: bool = False) -> bool:
    """"Florence Pugh", "Ivan Fornis Espinosa": two name words or more, the first a forename that is not a place;
    ``anywhere``: a forename of any country ("Czesław Siekierski"), where the sentence gives evidence too."""
    words = [t for t in span if t.is_alpha or is_apostrophe_name(t.text)]
    is_forename = is_forename_anywhere if anywhere else is_given_name
    return len(words) > 1 and is_forename(words[0].text) and entity_key(words[0].text) not in place_keys() \
        and not opens_with_arabic_article(span.text)


def _full_names(mentions: list[Mention]) -> list[list[str]]:
    """The names of two words or more labelled PERSON, without known places ("Sierra Leone")."""
    return [name_parts(m.text) for m in mentions if m.label == "PERSON" and len(name_parts(m.text)) > 1
            and entity_key(m.text) not in place_keys()]


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
    if len(parts) == 1 and parts[0] in other_names and not speaker_called_he_or_she(mention.span):
        return other_names[parts[0]]
    return "PERSON"


def _is_common_word(mention: Mention, full_names: list[list[str]]) -> bool:
    if names_a_product(mention.span) or after_determiner(mention.span):
        return True
    return not _in_full_name(mention, full_names) and used_as_common_word(mention.span)


def _is_kind_word(token: Token) -> bool:
    """A word that says what kind of name it is ("Street", "Inc", "United"), not whose name it is."""
    return token.lower_ in org_words() or is_place_word(token)


_GENERATIONS = frozenset({"II", "III", "IV", "Jr", "Jr.", "Sr", "Sr."})  # "Vann R. Newkirk II", "Cal Ripken Jr."


def _is_name_like(span: Span) -> bool:
    words = span[:-1] if len(span) > 1 and span[-1].text in _GENERATIONS else span
    return (len(span) <= _MAX_NAME_WORDS + 2
            and all(is_name_shaped(t) or t.is_title or t.text in "-." or len(t.text) == 1 for t in words)
            and not any(_is_kind_word(t) for t in span))


def forenames_beside_people(mentions: list[Mention]) -> list[Mention]:
    """The mentions with every familiar forename standing alone, coordinated with a person, as a PERSON where the
    model tagged it as nothing or as a nationality ("grandchildren, Aoife and Rory", "children, Aisling, Cian and
    Niamh" with "Cian" a NORP): beside a person a forename names one, as "Welsh" or "Americans" do not. Only the
    people's neighbours in the parse are looked at."""
    labels = {t.i: m.label for m in mentions for t in m.span}
    found = []
    for person in (m for m in mentions if m.label == "PERSON"):
        root = person.span.root
        neighbours = [c for c in root.children if c.dep_ == "conj"] + ([root.head] if root.dep_ == "conj" else [])
        for token in neighbours:
            if labels.get(token.i, "NORP") == "NORP" and _is_forename_alone(token):
                mention = make_mention(token.doc[token.i:token.i + 1], "", "PERSON")
                if mention:
                    found.append(mention)
    return _replaced_by(mentions, found) if found else mentions


def _is_forename_alone(token: Token) -> bool:
    """One familiar forename as a proper noun, alone: no capitalised word on either side."""
    return token.tag_ == "NNP" and is_given_name(token.text) and entity_key(token.text) not in place_keys() \
        and not _is_capitalised_word(token, -1) and not _is_capitalised_word(token, 1)


def names_out_of_headlines(mentions: list[Mention], lines: Lines) -> list[Mention]:
    """A person's name in a headline-case line or a link list shrinks to the name the running text uses: there
    the model runs on over the headline's words ("Donald Trump Tells Pakistan ...", "Kit Harington Premieres")."""
    in_text = {entity_key(m.text) for m in mentions
               if m.label == "PERSON" and len(name_parts(m.text)) > 1 and _in_prose(m.start, lines)}
    result = []
    for mention in mentions:
        if mention.label == "PERSON" and entity_key(mention.text) not in in_text \
                and not _in_prose(mention.start, lines):
            mention = _known_name_inside(mention, in_text) or mention
        result.append(mention)
    return result


def _in_prose(char: int, lines: Lines) -> bool:
    """Running text, not a headline, even one that ends with a full stop and has a few lower-case words."""
    return lines.is_running_text(char) and not lines.is_headline_case(char)


def _known_name_inside(mention: Mention, keys: set[str]) -> Mention | None:
    """The longest piece of the mention that is a name of the running text, keeping a forename it opens with
    ("Siobhán McKenna-Doyle" does not shrink to "McKenna-Doyle")."""
    span = mention.span
    starts = [span.start] if is_given_name(span[0].text) else range(span.start, span.end)
    for length in range(len(span) - 1, 1, -1):
        for start in (s for s in starts if s <= span.end - length):
            piece = span.doc[start:start + length]
            if entity_key(piece.text) in keys:
                return make_mention(piece, mention.spacy_label, mention.label)
    return None


def untagged_surnames(doc: Doc, mentions: list[Mention], lines: Lines) -> list[Mention]:
    """PERSON mentions for words of a person's full name that spaCy left untagged ("Russel added ..."), with a
    forename right before one ("Eloise Parry" beside "Fiona Parry"); none in credits."""
    full_names = [m for m in mentions if m.label == "PERSON" and len(name_parts(m.text)) > 1]
    name_words = {word for m in full_names for word in name_parts(m.text) if len(word) > 1 and word not in titles()}
    taken = {t.i for m in mentions for t in m.span}
    spellings = name_words | {t.lower_ for m in full_names for t in m.span if t.lower_ not in titles() and len(t) > 1}
    found = []
    for i in token_indices(doc, "LOWER", spellings):
        if i in taken:
            continue
        token = doc[i]
        if not is_name_shaped(token):
            continue
        start = i - 1 if _is_forename_before(token, taken) else i
        if (start == i and _is_capitalised_word(token, -1)) or _is_capitalised_word(token, 1) \
                or _is_hyphen_joined(token, name_words):
            continue  # part of a longer name that is something else: "Go Myong-Hyun" is not "Hyun"
        mention = make_mention(doc[start:i + 1], "", "PERSON")
        if mention and not lines.is_credit(mention.start, mention.end):
            found.append(mention)
    return found


def _is_forename_before(token: Token, taken: set[int]) -> bool:
    if token.i == 0 or token.i - 1 in taken:
        return False
    before = token.doc[token.i - 1]
    return before.is_title and before.is_alpha and is_given_name(before.text) and "\n" not in before.whitespace_


def names_after_roles(doc: Doc, lines: Lines, mentions: list[Mention]) -> list[Mention]:
    """The mentions with every name after a title or a person noun ("Spokeswoman Sandy Angers said", "his
    colleague Ana Munoz") that opens with a forename as a PERSON: such a name replaces what spaCy made of it.
    Credits ("Reuters writer Jane Roe contributed to this report") stay out."""
    people = {t.i for m in mentions if m.label == "PERSON" for t in m.span}
    names = []
    for i in token_indices(doc, "LOWER", titles() | person_nouns()):
        if i + 2 >= len(doc) or i + 1 in people:
            continue
        end = i + 1
        while end < len(doc) and end - i <= _MAX_NAME_WORDS and end not in people \
                and (_is_plain_name_word(doc[end]) or _is_particle_in_name(doc, end, i + 1)
                     or end == i + 1 and _is_forename_word(doc[end])) \
                and "\n" not in doc[end - 1].whitespace_:
            end += 1
        if end - i > 2 and (end == len(doc) or not doc[end].is_title) \
                and _opens_with_forename(doc[i + 1:end], anywhere=True):
            names.append(doc[i + 1:end])
    return _cued_people(names, lines, mentions)


def names_before_who(doc: Doc, lines: Lines, mentions: list[Mention]) -> list[Mention]:
    """The mentions with every name opening with a forename right before ", who" ("Magnus Carlsen, who gave up
    the title") as a PERSON, where spaCy tagged it as none of the labels we keep (a work, an event) or not at
    all; what spaCy calls an organisation or a place is left to the evidence ("Aston Villa, who won")."""
    names = []
    for i in token_indices(doc, "LOWER", ["who"]):
        if i < 3 or doc[i - 1].text != ",":
            continue
        span = _name_words_before(doc, i - 1)
        if _is_capitalised_word(doc[span.start], -1) or not _opens_with_forename(span, anywhere=True) \
                or any(t.ent_type_ in ENTITY_LABELS for t in span):
            continue
        names.append(span)
    return _cued_people(names, lines, mentions)


def names_with_nicknames(doc: Doc, lines: Lines, mentions: list[Mention]) -> list[Mention]:
    """The mentions with every forename, nickname in quotation marks and surname ("Roberto "Hands of Stone"
    Duran", "Hector "Macho" Camacho") as one PERSON, where the model cut it at the marks and called the pieces a
    place or a product: only a person is called so."""
    names = []
    for i in token_indices(doc, "ORTH", NICKNAME_QUOTES):
        if not 0 < i < len(doc) - 3 or doc[i].whitespace_:
            continue
        close = next((j for j in range(i + 2, min(i + 5, len(doc) - 1)) if doc[j].text in NICKNAME_QUOTES), None)
        forename = doc[i - 1]
        if close is None or not doc[close].whitespace_ or doc[close - 1].whitespace_ or not forename.whitespace_ \
                or not (forename.is_title and is_forename_anywhere(forename.text)) \
                or (i >= 2 and _is_capitalised_word(forename, -1)) or not doc[i + 1].is_title \
                or not all(t.is_title or t.lower_ in NAME_PARTICLES or t.lower_ in ("of", "the")
                           for t in doc[i + 1:close]):
            continue
        end = close + 1
        while end < len(doc) and end - close <= 2 and _is_plain_name_word(doc[end]):
            end += 1
        if end > close + 1 and lines.is_running_text(forename.idx):
            names.append(doc[i - 1:end])
    return _cued_people(names, lines, mentions)


def names_before_ages(doc: Doc, lines: Lines, mentions: list[Mention]) -> list[Mention]:
    """The mentions with every run of two to four name words right before an age (", 33,") as a PERSON where
    the model left part of it untagged ("Meiti" GPE + "Salindeho, 33, who fled"): only a person's name stands
    before an age. So too a run opening with a forename before a description of a person, where the model found
    no person in it ("Rosette" untagged + "Pambakian" NORP + ", a Tinder spokeswoman, said"). A name the model
    tagged whole as one of our labels is left to the label fixes (one it took for a product is not); not a known
    place, nor a name with a word of a kind ("United")."""
    names = []
    for comma in token_indices(doc, "ORTH", ","):
        if comma < 2:
            continue
        span = _name_words_before(doc, comma)
        if len(span) < 2 or _is_capitalised_word(doc[span.start], -1) \
                or all(t.ent_type_ in ENTITY_LABELS for t in span) or entity_key(span.text) in place_keys() \
                or entity_key(span[0].text) in place_keys() or not lines.is_running_text(span.start_char) \
                or not (age_after(span) or _opens_with_forename(span, anywhere=True) and described_as_person(span)
                        and not any(t.ent_type_ == "PERSON" for t in span)):
            continue
        names.append(span)
    return _cued_people(names, lines, mentions)


def untagged_people(doc: Doc, lines: Lines, mentions: list[Mention]) -> list[Mention]:
    """PERSON mentions for names the model left untagged that the sentence makes a person's, opening with a
    forename: the subject of a speech verb or of what only people do ("Jim Press said", "Ana Ruiz died"), an age
    after it, a person noun describing it, or the owner of a work or of what only people have ("Luca Guadagnino’s
    gorgeous film", "Ana Ruiz’s death"); or ending with a surname said of a person alone, with a familiar
    forename or what the sentence says ("ATLANTA -- Darnell Whitfield scored ... “I ...,” Whitfield said",
    "Narelle Dunmore said ... Ms Dunmore"). A forename alone is no evidence: "Morgan Stanley"."""
    taken = {t.i for m in mentions for t in m.span}
    surnames = _surnames_of_people(mentions)
    found = []
    frontier = 0
    for i in token_indices(doc, "TAG", _NAME_TAGS):  # only a name word opens a run: skip the rest fast
        if i < frontier:
            continue
        end = i
        while end < len(doc) and end - i < _MAX_NAME_WORDS - 1 and end not in taken and not doc[end].ent_type_ \
                and _is_plain_name_word(doc[end]) and (end == i or "\n" not in doc[end - 1].whitespace_):
            end += 1
        span = doc[i:end]
        if end - i >= 2 and not _is_capitalised_word(doc[i], -1) and not (end < len(doc) and doc[end].is_title) \
                and lines.is_running_text(span.start_char) and entity_key(span.text) not in place_keys() \
                and entity_key(span[0].text) not in place_keys() and _untagged_person(span, surnames):
            found.append(span)
        frontier = max(end, i + 1)
    return _cued_people(found, lines, mentions)


def _untagged_person(span: Span, surnames: set[str]) -> bool:
    """A forename of any country and what the sentence says, a familiar forename and a surname said of a person
    alone, or what the sentence says and such a surname ("Narelle Dunmore said ... Ms Dunmore"); not a name a
    thing noun describes ("the Albanian daily Koha Jone reported")."""
    if described_as_thing(span):
        return False  # "the Albanian daily Koha Jone reported"
    surname_known = name_parts(span.text)[-1] in surnames
    if _opens_with_forename(span, anywhere=True):
        return _made_a_person(span) or surname_known and _opens_with_forename(span)
    return surname_known and _made_a_person(span)


def lone_forenames(doc: Doc, lines: Lines, mentions: list[Mention]) -> list[Mention]:
    """PERSON mentions for a forename used as the whole name, as features do for the sources they quote who give
    no surname: a speaker whom a description after a comma says is a person ("said Jared, an undergraduate who
    ...", "Daniel, a New York University senior, said"); the model often tags such a name as nothing or as a
    product."""
    taken = {t.i for m in mentions for t in m.span}
    before_commas = (doc[comma - 1:comma] for comma in token_indices(doc, "ORTH", ",") if comma)
    found = [word for word in before_commas
             if word.start not in taken and word[0].is_title and word[0].ent_type_ not in ENTITY_LABELS
             and is_given_name(word.text) and entity_key(word.text) not in place_keys()
             and not _is_capitalised_word(word[0], -1) and lines.is_running_text(word.start_char)
             and speaks(word) and described_as_person(word)]
    return _cued_people(found, lines, mentions)


def _made_a_person(span: Span) -> bool:
    root = span.root
    if root.dep_ == "poss" and root.head.lemma_.lower() in _WORKS:
        return True
    return speaks(span) or does_what_people_do(span) or age_after(span) or described_as_person(span) or led_by(span)


def characters_and_actors(doc: Doc, text: str, mentions: list[Mention]) -> list[Mention]:
    """Reviews and recaps name a role, then in brackets who plays it: "his son Jin (John Cho)", "Katherine (the
    astounding Florence Pugh)". The name in brackets is a person; the role's name is a character, which is no
    person of the article wherever it stands. ``text`` is doc.text."""
    actors, characters = [], set()
    start = text.find("(")
    while start > 0:
        bracket = doc.char_span(start, start + 1, alignment_mode="expand")
        actor = _actor_after(doc, bracket.start) if bracket is not None and bracket.start > 0 else None
        character = doc[bracket.start - 1] if actor else None
        if actor and character.is_title and character.is_alpha and character.ent_type_ in ("PERSON", ""):
            actors.append(actor)
            characters.add(entity_key(character.text))
        start = text.find("(", start + 1)
    if not actors:
        return mentions
    return [m for m in _replaced_by(mentions, actors)
            if not (m.label == "PERSON" and not m.from_cue and entity_key(m.text) in characters)]


def _actor_after(doc: Doc, bracket: int) -> Mention | None:
    """The person named in the brackets opening at token ``bracket``, after any words about them."""
    i = bracket + 1
    while i < min(len(doc), bracket + 6) and (doc[i].is_lower or doc[i].text == ","):
        i += 1
    end = i
    while end < len(doc) and end - i < _MAX_NAME_WORDS and _is_plain_name_word(doc[end]):
        end += 1
    if end - i < 2 or end >= len(doc) or doc[end].text not in (")", ","):
        return None
    if not (is_given_name(doc[i].text) or doc[i].ent_type_ == "PERSON"):
        return None
    return make_mention(doc[i:end], "", "PERSON", from_cue=True)


def _is_plain_name_word(token: Token) -> bool:
    return is_name_shaped(token) and token.tag_ in _NAME_TAGS \
        and not _is_kind_word(token) and not is_title(token)


def _is_forename_word(token: Token) -> bool:
    """A forename the tagger took for another word ("spokesman Per Zetterquist" with "Per" a preposition, "Will")."""
    return token.is_title and token.is_alpha and is_given_name(token.text) and not is_title(token)


def _is_particle_in_name(doc: Doc, i: int, name_start: int) -> bool:
    """"van" in "Ludwig van Beethoven": a lower-case particle between two name words."""
    return i > name_start and doc[i].lower_ in NAME_PARTICLES and doc[i].is_lower and i + 1 < len(doc) \
        and _is_plain_name_word(doc[i + 1])


def _name_words_before(doc: Doc, end: int) -> Span:
    """The run of up to ``_MAX_NAME_WORDS`` plain name words that ends at token ``end`` (possibly empty)."""
    start = end
    while start > 0 and end - start < _MAX_NAME_WORDS and _is_plain_name_word(doc[start - 1]):
        start -= 1
    return doc[start:end]


def _cued_people(names: list[Span], lines: Lines, mentions: list[Mention]) -> list[Mention]:
    """The mentions with each of ``names``, which the sentence shows to be a person's, as a PERSON in place of
    what spaCy made of it; names in credit lines stay out."""
    people = [m for m in (make_mention(span, "", "PERSON", from_cue=True) for span in names)
              if m and not lines.is_credit(m.start, m.end)]
    return _replaced_by(mentions, people) if people else mentions


def _replaced_by(mentions: list[Mention], names: list[Mention]) -> list[Mention]:
    """The mentions with ``names`` in place of those they overlap."""
    kept = [m for m in mentions if not any(m.start < n.end and n.start < m.end for n in names)]
    return sorted(kept + names, key=lambda m: m.start)


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
        mention = make_mention(span, "", "PERSON", from_cue=True)
        if mention:
            names.append(mention)
    return _replaced_by(mentions, names)


def _is_capitalised_word(token: Token, offset: int) -> bool:
    index = token.i + offset
    if not 0 <= index < len(token.doc):
        return False
    other = token.doc[index]
    return (other.is_alpha and other.is_title and other.lower_ not in titles()
            and not (offset < 0 and other.is_sent_start))


def online_handles(doc: Doc, text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with every occurrence of an online handle that the article once says is a person ("user
    jayk1984", "ScreamMyName, a deep web user", "PlutoPete told me ... he") as a PERSON mention, in place of
    what spaCy made of it. ``text`` is doc.text."""
    people = {t.i for m in mentions if m.label == "PERSON" for t in m.span}
    spans: dict[str, list[Span]] = {}
    for match in HANDLE.finditer(text):
        span = doc.char_span(match.start(), match.end())
        if span is not None and len(span) == 1 and span.start not in people:
            spans.setdefault(span.text, []).append(span)
    handles = []
    for occurrences in spans.values():
        if any(described_as_person(span) or speaker_called_he_or_she(span) or subject_of_himself_or_herself(span)
               for span in occurrences):
            # Not make_mention: a handle may have no capital letter ("elmo666").
            handles += [Mention(s, s.start_char, s.end_char, s.text, "", "PERSON", from_cue=True) for s in occurrences]
    return _replaced_by(mentions, handles) if handles else mentions


def names_before_things(mentions: list[Mention]) -> list[Mention]:
    """A PERSON mention that modifies a noun and begins with a person's full name used elsewhere in the article
    ("a Margaret Hamilton Lego minifigure") is that name: the model ran on over the product's name."""
    full = {entity_key(m.text) for m in mentions if m.label == "PERSON" and len(name_parts(m.text)) > 1}
    result = []
    for mention in mentions:
        span = mention.span
        if mention.label == "PERSON" and len(span) > 2 and span.root.dep_ in ("compound", "amod") \
                and span.root.head.i >= span.end:
            shorter = next((m for m in (make_mention(span[:end], mention.spacy_label, "PERSON")
                                        for end in range(len(span) - 1, 1, -1))
                            if m is not None and entity_key(m.text) in full), None)
            mention = shorter or mention
        result.append(mention)
    return result
