"""The people a document names, for speaker resolution: speaker spans to entities, and he/she to a person.

Person mentions come from news_entities (doc._.entity_mentions of PERSON entities); spaCy's own PERSON
entities fill in where no entity mention covers them (speaker_entity stays None for those). Mentions inside
quotes or headings are never antecedents. Every he/she/him/her/his of the writer's, in text order, goes to the
most recent gender-compatible person who was a speaker, a clause subject or a resolved pronoun before it (an
object pronoun never to its own clause's subject); a person's gender comes from a title or kinship noun at the
name (gender_words.txt), else from the first pronoun resolved to them.
"""

from __future__ import annotations

from dataclasses import dataclass

from pathlib import Path

from spacy.tokens import Doc, Token

from pipelines.nlp.extensions import doc_text

PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")
OBJECT_DEPS = ("dobj", "dative", "iobj", "pobj")


def _load_gender_words(path: Path) -> dict[str, str]:
    words, gender = {}, None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("["):
            gender = line.strip("[]")
        elif line and not line.startswith("#"):
            words[line] = gender
    return words


GENDER_WORDS = _load_gender_words(Path(__file__).with_name("gender_words.txt"))


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
        self.mentions = [m for m in self._person_mentions() if not _inside_any(m.start, excluded)]
        self._gender: dict[tuple, str] = {}
        for mention in self.mentions:
            gender = self._stated_gender(mention)
            if gender:
                self._gender.setdefault(mention.key, gender)
        # (position, mention): when a person was last the one acting, speaking or referred to by he/she
        self._salient = [(m.start, m) for m in self.mentions if self._is_subject(m)]
        # Every he/she/him/her/his of the writer's, resolved in text order as speakers are: each one learns a
        # gender and keeps its person salient ("Bloomfield called her ... She said:" is not Bloomfield).
        self._pending = [t for t in doc if t.lower_ in PRONOUN_GENDER and t.pos_ == "PRON"
                         and not _inside_any(t.idx, excluded)]
        self._resolved: dict[int, PersonMention | None] = {}  # pronoun offset -> person

    def person_in(self, start: int, end: int) -> PersonMention | None:
        """The person a speaker span names: the last person mention overlapping it (the head comes last), or
        a person named elsewhere with the same surname when the tagger missed this one ("Duben said")."""
        text = self._text
        head_start = _last_word_start(text, start, end)
        if not text[head_start:end][:1].isupper():
            return None  # the head is no name: "Hale's campaign", "a spokesman"
        overlapping = [m for m in self.mentions if m.start < end and head_start < m.end and _starts_word(text, m.start)]
        if overlapping:
            return overlapping[-1]
        surname = _last_name_word(text[start:end])
        namesakes = [m for m in self.mentions if surname and _last_name_word(m.text) == surname]
        earlier = [m for m in namesakes if m.end <= start]
        return (earlier or namesakes or [None])[-1]

    def resolve(self, start: int, end: int) -> PersonMention | None:
        """The person a speaker span refers to, a pronoun included; None for groups and unnamed sources.
        Call in text order."""
        self._resolve_pronouns_before(end)
        if self._text[start:end].lower() in PRONOUN_GENDER:
            return self._resolved.get(start)
        person = self.person_in(start, end)
        if person is not None:
            self._salient.append((start, person))
        return person

    def _resolve_pronouns_before(self, position: int) -> None:
        while self._pending and self._pending[0].idx < position:
            pronoun = self._pending.pop(0)
            gender = PRONOUN_GENDER[pronoun.lower_]
            person = self._antecedent(pronoun.idx, gender, self._clause_subject_person(pronoun))
            self._resolved[pronoun.idx] = person
            if person is not None:
                self._gender.setdefault(person.key, gender)
                self._salient.append((pronoun.idx, person))

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

    def _antecedent(self, position: int, gender: str, other: PersonMention | None) -> PersonMention | None:
        def fits(m: PersonMention) -> bool:
            return self._gender.get(m.key, gender) == gender and (other is None or m.key != other.key)
        compatible = [(pos, m) for pos, m in self._salient if pos < position and fits(m)]
        if compatible:
            return max(compatible, key=lambda pair: pair[0])[1]
        earlier = [m for m in self.mentions if m.end <= position and fits(m)]
        return earlier[-1] if earlier else None

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

    def _is_subject(self, mention: PersonMention) -> bool:
        span = self._doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return any(t.dep_ in SUBJECT_DEPS or (t.dep_ == "appos" and t.head.dep_ in SUBJECT_DEPS) for t in span)

    def _person_mentions(self) -> list[PersonMention]:
        known = self._doc._.entity_mentions or []
        people = [PersonMention(m.start, m.end, m.text, m.entity, ("entity", m.entity))
                  for m in known if self._entities[m.entity].label == "PERSON"]
        for ent in self._doc.ents:
            if ent.label_ == "PERSON" and not any(m.start < ent.end_char and ent.start_char < m.end for m in known):
                surname = [t.lower_ for t in ent if t.is_alpha][-1:] or [ent.text.lower()]
                people.append(PersonMention(ent.start_char, ent.end_char, ent.text, None, ("surname", surname[0])))
        return sorted(people, key=lambda m: m.start)


def _starts_word(text: str, position: int) -> bool:
    """False for a mention cut out of a word, such as "Hyun" in "Go Myong-Hyun"."""
    return position == 0 or not (text[position - 1].isalnum() or text[position - 1] in "-‐")


def _last_word_start(text: str, start: int, end: int) -> int:
    """Where the last word of text[start:end] starts: a speaker span ends with its head."""
    words = text[start:end].rstrip()
    return start + len(words) - len(words.split()[-1]) if words.strip() else start


def _last_name_word(text: str) -> str | None:
    """The last capitalised word of a name ("Russel" in "Daniel Russel"), without a possessive."""
    words = [w for w in text.replace("’s", "").replace("'s", "").split() if w[:1].isupper()]
    return words[-1] if words else None


def _inside_any(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)
