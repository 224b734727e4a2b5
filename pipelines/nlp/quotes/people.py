"""The people a document names, for speaker resolution: speaker spans to entities, and he/she to a person.

Person mentions come from news_entities (doc._.entity_mentions of PERSON entities); spaCy's own PERSON entities fill
in where no entity mention covers them (speaker_entity stays None for those). Mentions inside quotes or headings,
and names modifying a thing ("the Obama administration"), are never antecedents. Every he/she/him/her/his of the
writer's, in text order, goes to the most recent gender-compatible person who was a speaker, a clause subject or a
resolved pronoun before it (an object pronoun never to its own clause's subject), or, when the latest sentence with
a person only mentions them (an object, a possessive, a parse gone wrong), to that person after any subject of that
sentence, unless a quote of the same paragraph had a compatible speaker and that sentence has no main-clause subject
for it; a person's gender comes from a title or kinship noun at the name, else from a forename nearly everyone of
one sex has (pipelines.nlp.gender), else from the first pronoun resolved to them that no one of that gender named
before it in its sentence may claim. A title before a shared surname ("Ms. Ortiz") goes to the
namesake whose forename fits it; a role no one held before ("the mayor said") goes to a name given exactly that role
in the next sentence ("Mayor Peter Hale has ..."); an age or a nationality ("the 38-year-old said", "the Spaniard
said") goes to the person a pronoun of either gender would.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from pipelines.nlp.entities.lexicon import is_person_word, person_nouns, titles
from pipelines.nlp.entities.mentions import POSTNOMINALS
from pipelines.nlp.extensions import doc_text
from pipelines.nlp.gender import FORENAME_GENDERS, GENDER_WORDS
from pipelines.nlp.quotes.roles import definite_role, fits, is_singular_common_noun, role_words, same_office
from pipelines.nlp.token_index import token_indices

PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")
OBJECT_DEPS = ("dobj", "dative", "iobj", "pobj")
RANK_MAIN, RANK_EMBEDDED, RANK_OTHER, RANK_MENTION = 0, 1, 2, 3
# A definite age description refers back to a person named before, like a pronoun: “...,” the 38-year-old said.
AGE_DESCRIPTION = re.compile(r"(?i)the\s+\d{1,3}[- ]year[- ]old\s*$")
# Determiners of an unnamed person: "one student", "a spokesman", "another official".
INDEFINITES = frozenset({"a", "an", "one", "another"})
UNNAMED = "unnamed"
MIN_VARIANT_LENGTH = 6  # shorter surnames one letter apart are often different names (Allen, Allan; Jones, Jonas)
EPITHET_NOUNS = frozenset(line.strip() for line in Path(__file__).with_name("epithet_nouns.txt").read_text(
    encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))
DEMONYMS = frozenset(line.strip().lower() for line in Path(__file__).with_name("demonyms.txt").read_text(
    encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    text: str
    entity: int | None  # index into doc._.entities; None for a spaCy PERSON no entity mention covers
    key: tuple  # one key per person: ("entity", index), or ("surname", last word) for the spaCy fallback


class People:
    def __init__(self, doc: Doc, excluded: list[tuple[int, int]]):
        self._doc = doc
        self._text = doc_text(doc)
        self._entities = doc._.entities or []
        mentions = [m for m in self._person_mentions() if not _inside_any(m.start, excluded)]
        self.mentions = [m for m in mentions if not self._in_apposition(m, mentions)]
        self._gender: dict[tuple, str] = {}
        for stated in (self._stated_gender, self._forename_gender):  # what the text says before what names suggest
            for mention in self.mentions:
                gender = stated(mention)
                if gender:
                    self._gender.setdefault(mention.key, gender)
        self._roles = [(m, role_words(self._span(m))) for m in self.mentions]
        self._token_starts = doc.to_array(IDX).tolist()
        self._sentence_starts = [0] * len(doc)  # token index -> its sentence's first token
        for sentence in doc.sents:
            self._sentence_starts[sentence.start:sentence.end] = [sentence.start] * len(sentence)
        # (position, rank, person): when a person was the one acting, speaking or referred to by he/she, and how
        # prominently (RANK_MAIN: a speaker or the subject of a sentence's main clause)
        self._salient: list[tuple[int, int, PersonMention]] = []
        for mention in self.mentions:
            root = self._span(mention).root
            if _names_a_thing(root):
                continue
            rank = _subject_rank(root)
            if rank is not None or mention.entity is not None:  # not the tagger's own names: credits slip in there
                self._salient.append((mention.start, RANK_MENTION if rank is None else rank, mention))
        self._salient += self._role_subjects(excluded) + self._unnamed_subjects(excluded)
        # Every he/she/him/her/his of the writer's, resolved in text order as speakers are: each one learns a
        # gender and keeps its person salient ("Bloomfield called her ... She said:" is not Bloomfield).
        self._pending = [doc[i] for i in token_indices(doc, "LOWER", PRONOUN_GENDER)
                         if doc[i].pos_ == "PRON" and not _inside_any(doc[i].idx, excluded)]
        self._resolved: dict[int, PersonMention | None] = {}  # pronoun offset -> person
        self._speakers: list[tuple[int, PersonMention]] = []  # (position, person) of the quotes' speakers so far

    def person_in(self, start: int, end: int) -> PersonMention | None:
        """The person a speaker span names: the last person mention overlapping it (the head comes last), or
        a person named elsewhere with the same surname when the tagger missed this one ("Duben said")."""
        if self._is_epithet(start, end):  # before the tagger's names: it may call "the Briton" a person
            return self._antecedent(start, None, None)
        text = self._text
        end = _before_post_nominals(text, start, end)
        head_start = _last_word_start(text, start, end)
        overlapping = [m for m in self.mentions if m.start < end and head_start < m.end and _starts_word(text, m.start)]
        if overlapping:  # a handle may be lower-case: "user jayk1984"
            person = self._fuller_spelling(overlapping[-1]) or overlapping[-1]
            return self._namesake_of_title(person, text[start:head_start]) or person
        if not text[head_start:end][:1].isupper():
            span = self._doc.char_span(start, end, alignment_mode="expand")  # "the mayor"; not "a spokesman"
            if span is None or not len(span):
                return None
            return self._role_holder(span.root) or self._named_by_epithet(span)
        surname = _last_name_word(text[start:end])
        namesakes = [m for m in self.mentions if surname and _last_name_word(m.text) == surname] or \
            [m for m in self.mentions if surname and _spelling_variant(_last_name_word(m.text), surname)]
        earlier = [m for m in namesakes if m.end <= start]
        return (earlier or namesakes or [None])[-1]

    def _is_epithet(self, start: int, end: int) -> bool:
        """A description that refers back to someone named before, as a pronoun does: an age ("the 38-year-old")
        or a nationality ("the Spaniard", "the German"; not "the Germans", a group)."""
        if AGE_DESCRIPTION.match(self._text, start, end):
            return True
        words = self._text[start:end].split(maxsplit=1)
        if len(words) != 2 or words[0].lower() != "the":
            return False
        span = self._doc.char_span(start, end, alignment_mode="expand")
        return words[1].lower() in DEMONYMS or span is not None and len(span) == 2 and span[1].ent_type_ == "NORP" \
            and span[1].tag_ not in ("NNS", "NNPS")

    def _namesake_of_title(self, person: PersonMention, before_head: str) -> PersonMention | None:
        """For "Ms. Ortiz" where the article names Amelia and Daniel Ortiz, the namesake whose forename fits the
        title (the tagger's surname mention may belong to either)."""
        words = before_head.split()
        gender = GENDER_WORDS.get(words[-1].lower().rstrip(".")) if words else None
        if gender is None or self._forename_gender(person) in (None, gender):
            return None
        surname = _last_name_word(person.text)
        namesakes = [m for m in self.mentions if m.key != person.key and _last_name_word(m.text) == surname
                     and self._forename_gender(m) == gender]
        return namesakes[-1] if namesakes else None

    def _fuller_spelling(self, mention: PersonMention) -> PersonMention | None:
        """For a lone surname the tagger made a person of its own ("Kowalcyzk"), the person named in full
        earlier whose surname it misspells (Stephanie Kowalczyk)."""
        if " " in mention.text.strip():
            return None
        fuller = [m for m in self.mentions
                  if m.end <= mention.start and m.key != mention.key and " " in m.text.strip()
                  and _last_name_word(m.text) != mention.text
                  and _spelling_variant(_last_name_word(m.text), mention.text)]
        return fuller[-1] if fuller else None

    def _role_holder(self, head: Token) -> PersonMention | None:
        """The person last given the role a definite description names: "the mayor" after "Peter Hale, the
        mayor". ``head``: the description's head noun."""
        role = definite_role(head)
        if role is None:
            return None
        start = head.left_edge.idx
        earlier = [(m, roles) for m, roles in self._roles if m.end <= start]
        # "the mayor" is Peter Hale, the mayor, rather than Tom Reed, the deputy mayor, named since.
        holders = [m for m, roles in earlier if role in roles] or \
            [m for m, roles in earlier if any(fits(role, r) for r in roles)]
        if not holders:  # "the minister" when only one person was called a minister of any kind
            holders = [m for m, roles in earlier if any(same_office(role, r) for r in roles)]
            if len({m.key for m in holders}) > 1:
                return self._just_introduced(head, holders)
        return holders[-1] if holders else self._role_named_next(head, role)

    def _just_introduced(self, head: Token, holders: list[PersonMention]) -> PersonMention | None:
        """Of several people given the office, the one named last when that was in the description's paragraph or
        the one before: "Sen. Bernie Sanders also called on China ...¶“...,” the Vermont senator told ABC" after
        Sens. Rubio and Cruz."""
        last = holders[-1]
        return last if last.start >= self._previous_paragraph_start(head.idx) else None

    def _named_by_epithet(self, span) -> PersonMention | None:
        """A definite description of someone's office or kind with a proper-noun word, or of what a person is known
        as (epithet_nouns.txt: "Garth Brooks ... the country star replied"), that no one was given before: the
        writer's other name for the person just written about, as a pronoun is ("At the moment Chris Christie
        learned ... the New Jersey governor told reporters"; "Ben Carson says ...¶“...,” the Republican
        presidential candidate told CBS"). Only someone named in its paragraph or the one before, not given
        another office; a plain "the spokesman" is someone else."""
        head = span.root
        role = definite_role(head)
        noun = head.lemma_.lower()
        if role is None or noun not in EPITHET_NOUNS and (
                noun not in titles() | person_nouns()
                or not any(t.i < head.i and t.dep_ in ("compound", "amod", "nmod") and t.text[:1].isupper()
                           for t in head.lefts)):
            return None
        person = self._antecedent(span.start_char, GENDER_WORDS.get(head.lower_), None)
        if person is None:
            return None
        previous = self._previous_paragraph_start(span.start_char)
        named = [m for m in self.mentions if m.key == person.key and previous <= m.start < span.start_char]
        offices = {r[-1] for m, roles in self._roles if m.key == person.key for r in roles}
        if not named or (offices and role[-1] not in offices):
            return None
        return person

    def _previous_paragraph_start(self, position: int) -> int:
        """Where the paragraph before the one holding ``position`` starts (blank lines skipped); 0 in the first."""
        text = self._text
        paragraph = text.rfind("\n", 0, position) + 1
        if not paragraph:
            return 0
        end = paragraph
        while end and text[end - 1].isspace():
            end -= 1
        return text.rfind("\n", 0, end) + 1

    def _role_named_next(self, head: Token, role: tuple[str, ...]) -> PersonMention | None:
        """A role no one held before, given to a name in the next sentence: “...,” the detective said. Detective
        Inspector Mark Hale leads the inquiry."""
        sentence = head.sent
        until = sentence.end_char if sentence.end >= len(self._doc) else self._doc[sentence.end].sent.end_char
        later = [m for m, roles in self._roles if head.idx < m.start < until and role in roles]  # not a deputy mayor
        return later[0] if later else None

    def _span(self, mention: PersonMention):
        return self._doc.char_span(mention.start, mention.end, alignment_mode="expand")

    def resolve(self, start: int, end: int) -> PersonMention | None:
        """The person a speaker span refers to, a pronoun included; None for groups and unnamed sources.
        Call in text order."""
        self._resolve_pronouns_before(end)
        if self._text[start:end].lower() in PRONOUN_GENDER:
            person = self._resolved.get(start)
            if person is not None and person.key[0] == UNNAMED:
                return None
        else:
            person = self.person_in(start, end)
            if person is not None:
                self._salient.append((start, RANK_MAIN, person))
        if person is not None:
            self._speakers.append((start, person))
        return person

    def _resolve_pronouns_before(self, position: int) -> None:
        while self._pending and self._pending[0].idx < position:
            pronoun = self._pending.pop(0)
            gender = PRONOUN_GENDER[pronoun.lower_]
            person = self._antecedent(pronoun.idx, gender, self._clause_subject_person(pronoun))
            self._resolved[pronoun.idx] = person
            if person is not None:
                if not self._named_before_in_sentence(pronoun.idx, gender, person):
                    self._gender.setdefault(person.key, gender)
                rank = _subject_rank(pronoun)
                self._salient.append((pronoun.idx, RANK_OTHER if rank is None else rank, person))

    def _named_before_in_sentence(self, position: int, gender: str, person: PersonMention) -> bool:
        """Another person known to be of the pronoun's gender named earlier in its sentence: the pronoun may be
        theirs, so it teaches ``person`` no gender ("Hillary Clinton, who praised George W. Bush ... when he was in
        the White House")."""
        sentence = self._sentence_start(position)
        return any(pos < position and m.key != person.key and self._gender.get(m.key) == gender
                   and self._sentence_start(pos) == sentence for pos, _, m in self._salient)

    def _clause_subject_person(self, pronoun: Token) -> PersonMention | None:
        """For an object pronoun, the person who is its clause's subject: "Bloomfield praised her" is not
        Bloomfield praising himself (that takes "herself")."""
        if pronoun.dep_ not in OBJECT_DEPS:
            return None
        verb = pronoun.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subject = next((t for t in verb.children if t.dep_ in SUBJECT_DEPS), None)
        if subject is None:
            return None
        if subject.idx in self._resolved:
            return self._resolved[subject.idx]
        lo, hi = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)
        return next((m for m in self.mentions if lo <= m.start < hi), None)

    def _antecedent(self, position: int, gender: str | None, other: PersonMention | None) -> PersonMention | None:
        """The person a pronoun (or "the 38-year-old": ``gender`` None) refers to: among the compatible people of
        the latest sentence that has one, one known to be of the pronoun's gender, then the most prominent (a
        speaker or main-clause subject before an embedded subject), then the latest."""
        def fits(m: PersonMention) -> bool:
            return gender is None or self._gender.get(m.key, gender) == gender and (other is None or m.key != other.key)
        compatible = [(pos, rank, m) for pos, rank, m in self._salient if pos < position and fits(m)]
        if compatible:
            latest = max(self._sentence_start(pos) for pos, _, _ in compatible)
            in_sentence = [(rank == RANK_MENTION, m.key not in self._gender, rank, -pos, m) for pos, rank, m in compatible
                           if self._sentence_start(pos) == latest]
            best = min(in_sentence, key=lambda entry: entry[:4])
            if best[4].key[0] == UNNAMED and best[2] == RANK_MAIN:
                return best[4]  # "One student ... said he ...": the pronoun is the unnamed student's
            if best[2] != RANK_MAIN:
                # Only an embedded subject or a mention since: the paragraph's speaker goes on ("“...,” Harris said.
                # The decision came after Jones resigned. “...,” he added.").
                speakers = [m for pos, m in self._speakers if pos < position and fits(m)
                            and "\n" not in self._text[pos:position]]
                if speakers:
                    return speakers[-1]
            return best[4]
        earlier = [m for m in self.mentions
                   if m.end <= position and fits(m) and not _names_a_thing(self._span(m).root)]
        return earlier[-1] if earlier else None

    def _sentence_start(self, position: int) -> int:
        return self._sentence_starts[bisect.bisect_right(self._token_starts, position) - 1]

    def _role_subjects(self, excluded: list[tuple[int, int]]) -> list[tuple[int, int, PersonMention]]:
        """Definite roles as subjects ("The prime minister hit back"), as mentions of the person in that role."""
        if not any(roles for _, roles in self._roles):
            return []
        found = []
        for token in self._common_noun_subjects(excluded):
            holder = self._role_holder(token)
            if holder is not None:
                found.append((token.idx, _subject_rank(token), holder))
        return found

    def _unnamed_subjects(self, excluded: list[tuple[int, int]]) -> list[tuple[int, int, PersonMention]]:
        """Indefinite people as main-clause subjects ("One student at Duke said ...", "A spokesman said"): a
        he/she after them in their sentence and the next is theirs, so no named person gets their words."""
        found = []
        for token in self._common_noun_subjects(excluded):
            if is_person_word(token) \
                    and any(t.lower_ in INDEFINITES and t.dep_ in ("det", "nummod") for t in token.children):
                unnamed = PersonMention(token.idx, token.idx + len(token), token.text, None, (UNNAMED, token.idx))
                found.append((token.idx, _subject_rank(token), unnamed))
        return found

    def _common_noun_subjects(self, excluded: list[tuple[int, int]]) -> Iterator[Token]:
        """The singular common nouns that are subjects, outside quotes and headings."""
        for i in token_indices(self._doc, "DEP", SUBJECT_DEPS):
            token = self._doc[i]
            if is_singular_common_noun(token) and not _inside_any(token.idx, excluded):
                yield token

    def _stated_gender(self, mention: PersonMention) -> str | None:
        """The gender a title before the name or a noun in apposition with it states: "Ms. Ruiz",
        "her son, Diego Ruiz", "Diego Ruiz, her son"."""
        span = self._doc.char_span(mention.start, mention.end, alignment_mode="expand")
        head = span.root
        words = [*span, *([self._doc[span.start - 1]] if span.start else [])]
        if head.dep_ == "appos":
            words.append(head.head)
        words.extend(t for t in head.children if t.dep_ == "appos")
        genders = {GENDER_WORDS.get(t.lower_.rstrip(".")) for t in words} - {None}
        return genders.pop() if len(genders) == 1 else None

    def _forename_gender(self, mention: PersonMention) -> str | None:
        """The gender nearly everyone with this forename has (Emma, Jack), for a name of two words or more or a
        person the article names by a forename alone ("their two daughters, Esmeralda and Amada")."""
        if mention.entity is None:
            words = mention.text.split()
            return FORENAME_GENDERS.get(words[0].lower()) if len(words) > 1 else None
        return FORENAME_GENDERS.get(self._entities[mention.entity].name.split()[0].lower())

    def _in_apposition(self, mention: PersonMention, mentions: list[PersonMention]) -> bool:
        """A word in apposition with another person's name describes that person: "Senator James Lankford, an
        Oklahoma Republican" has one person in it, whatever the tagger made of "Republican"."""
        root = self._span(mention).root
        if root.dep_ != "appos" or root.head.pos_ != "PROPN":
            return False
        return any(m.start <= root.head.idx < m.end for m in mentions if m is not mention)

    def _person_mentions(self) -> list[PersonMention]:
        known = self._doc._.entity_mentions or []
        people = [PersonMention(m.start, m.end, m.text, m.entity, ("entity", m.entity))
                  for m in known if self._entities[m.entity].label == "PERSON"]
        for ent in self._doc.ents:
            if ent.label_ == "PERSON" and not any(m.start < ent.end_char and ent.start_char < m.end for m in known):
                surname = [t.lower_ for t in ent if t.is_alpha][-1:] or [ent.text.lower()]
                people.append(PersonMention(ent.start_char, ent.end_char, ent.text, None, ("surname", surname[0])))
        return sorted(people, key=lambda m: m.start)


def _names_a_thing(root: Token) -> bool:
    """A name modifying a common noun stands for a thing of that person's, not the person: "the Obama
    administration", "a Warner aide"; no he/she goes to it."""
    return root.dep_ == "compound" and root.head.pos_ == "NOUN"


def _subject_rank(token: Token) -> int | None:
    """RANK_MAIN for the subject of a sentence's main clause, RANK_EMBEDDED for another subject, None for a
    word that is no subject ("Karine Jean-Pierre told reporters that Joe Biden would sign it": she is main)."""
    if token.dep_ == "appos":
        token = token.head
    while token.dep_ == "compound":
        token = token.head
    if token.dep_ not in SUBJECT_DEPS:
        return None
    verb = token.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return RANK_MAIN if verb.head.i == verb.i else RANK_EMBEDDED


def _starts_word(text: str, position: int) -> bool:
    """False for a mention cut out of a word, such as "Hyun" in "Go Myong-Hyun"."""
    return position == 0 or not (text[position - 1].isalnum() or text[position - 1] in "-‐")


def _before_post_nominals(text: str, start: int, end: int) -> int:
    """The end of a speaker span without the letters of an office or honour after the name ("Jane Smith MP")."""
    kept = text[start:end].rstrip()
    while len(parts := kept.rsplit(maxsplit=1)) == 2 and parts[1].replace(".", "") in POSTNOMINALS:
        kept = parts[0].rstrip()
    return start + len(kept)


def _last_word_start(text: str, start: int, end: int) -> int:
    """Where the last word of text[start:end] starts: a speaker span ends with its head."""
    words = text[start:end].rstrip()
    return start + len(words) - len(words.split()[-1]) if words.strip() else start


def _last_name_word(text: str) -> str | None:
    """The last capitalised word of a name ("Russel" in "Daniel Russel"), without a possessive."""
    words = [w for w in text.replace("’s", "").replace("'s", "").split() if w[:1].isupper()]
    return words[-1] if words else None


def _spelling_variant(known: str | None, written: str) -> bool:
    """A surname written with one letter more, less or changed, two letters swapped, or other capitals
    ("Desrosier" for DesRosier, "Marcheti" for Marchetti): names this long are rarely that close by chance
    within one article."""
    if known is None:
        return False
    a, b = _folded(known), _folded(written)
    if a == b:
        return True
    if min(len(a), len(b)) < MIN_VARIANT_LENGTH or abs(len(a) - len(b)) > 1:
        return False
    return _edit_distance_at_most_one(a, b)


def _folded(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    """One letter added, dropped or changed, or two neighbours swapped (Kowalczyk, Kowalcyzk)."""
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b) and a[i + 2:] == b[i + 2:] and a[i:i + 2] == b[i:i + 2][::-1]:
        return True
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def _inside_any(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)
