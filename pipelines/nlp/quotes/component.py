"""news_quotes: who said what, with the speaker resolved to a person entity when there is one.

Sets ``doc._.quotes`` (list[models.Quote]). Quoted stretches come from pairing quotation marks
(``marks``); each is then classified and attributed:
- direct: a quoted clause opening a sentence (or introduced by "X said:", "X said,", a colon or a dash, or a
  capitalised sentence after a cue); its speaker comes from, in this order: a dash after it ("“...” – Name"),
  the cue after it ("“...,” X said", "said X", "the agency quoted X as saying"), the introduction before it
  (a cue, or a clause whose subject is a person before a colon or dash), the previous paragraph's closing
  introduction, a next paragraph that only says who spoke ("Mr Brown said.") or, there or in its paragraph, a
  sentence saying whose words they were ("That was Patel's verdict."), the cue its clause hangs from,
  the person the sentence before it is about ("context"), the reporter of the paragraph before (a quote
  paragraph after "X said ..., but she cautioned ..."), or the previous quote it continues;
- direct too: a clause set off by a comma before "said X" (..., “this is unprecedented,” said X), and a
  capitalised question or exclamation of a person's inside the writer's sentence (Lopez wondered “Who pays?”);
- partial: a quoted phrase inside the writer's sentence, spoken by that sentence's reporter (dependency parse),
  a clause the writer's words run into included (the rules mean “people can no longer park,” Cole said);
- scare: quotation marks no one is quoted with, titles and flagged terms included (never given a speaker);
- indirect: reported speech without marks (``indirect``).
Speakers keep the words used there; ``people`` maps them (pronouns included) to person entities.
"""

import bisect
import re
from dataclasses import dataclass

from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipelines.models import Quote
from pipelines.nlp.extensions import doc_text
from pipelines.nlp.quotes.context import (clause_speaker, is_bare_attribution, names_a_person, owner_of_words_before,
                                          person_mention_spans, speech_owner)
from pipelines.nlp.quotes.cues import SUBJECT_DEPS, cue_lemma, dominating_cue, speaker_head, speaker_span
from pipelines.nlp.quotes.indirect import reported_clauses
from pipelines.nlp.quotes.marks import QuotedSpan, find_quoted_spans, paragraph_spans, typed_doubled_marks
from pipelines.nlp.quotes.people import People, PersonMention
from pipelines.nlp.quotes.terms import is_term
from pipelines.nlp.verbs import SPEECH_NOUNS

SENTENCE_END = (".", "!", "?")
# A quote ending like this leaves its sentence open for the attribution that follows: “...,” she said.
OPEN_ENDINGS = (",", "?", "!", "—", "–", "-", "…", ":")
DASHES = ("—", "–", "-", "--")
INTRODUCING_MARKS = (":", *DASHES)  # Judge Ann Lee agreed with the defence - “...”
CLAUSE_BREAKS = (",", ";", "(", *INTRODUCING_MARKS)  # marks after which a quoted clause stands on its own
REPLY_VERBS = ("reply", "respond", "answer", "retort")  # a different speaker from the quote they answer
MIN_PULL_QUOTE_WORDS = 6  # a shorter repeated quote is a phrase, not a pull quote
NEAR_CUE_TOKENS = 4  # after a quote that closes its sentence, a cue this close still attributes it
MAX_NAME_BEFORE_CUE = 8  # “...,” Tulsa police Chief Chuck Jordan said
MAX_NAME_WORDS = 4
RELATIVE_WORDS = ("who", "whose", "which", "that")
MIN_CLAUSE_WORDS = 3
NAME = r"[A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){0,5}"  # up to six capitalised words
DASH_SPEAKER = re.compile(rf"[ \t]*[–—-]{{1,2}}[ \t]*(?P<name>{NAME})[ \t]*(?:[,.;(]|$)")


@Language.factory("news_quotes")
def make_component(nlp: Language, name: str):  # no postponed annotations here: spaCy reads these
    return QuotesComponent()


class QuotesComponent:
    def __call__(self, doc: Doc) -> Doc:
        found = find_quotes(doc)
        text = doc_text(doc)
        doc._.quotes = [f.to_quote(text) for f in found]
        return doc


@dataclass
class Attribution:
    verb: str  # cue lemma, "according to", "-" (dash), ":" (colon), "context" (the sentence before is about them)
    speaker_start: int
    speaker_end: int


@dataclass
class FoundQuote:
    start: int
    end: int
    kind: str
    attribution: Attribution | None = None
    person: PersonMention | None = None
    continues: "FoundQuote | None" = None  # the earlier quote whose speaker this one keeps

    def to_quote(self, text: str) -> Quote:
        """``text``: the document's text (read once: spaCy rebuilds doc.text on every access)."""
        a = self.attribution
        return Quote(
            start=self.start, end=self.end, text=text[self.start:self.end], kind=self.kind,
            speaker_text=text[a.speaker_start:a.speaker_end] if a else None,
            speaker_entity=self.person.entity if self.person else None,
            verb=a.verb if a else None,
            speaker_start=a.speaker_start if a else None,
            speaker_end=a.speaker_end if a else None,
        )


def find_quotes(doc: Doc) -> list[FoundQuote]:
    """All quotes of the document in text order, their speakers resolved."""
    finder = _QuoteFinder(doc)
    found = finder.quoted() + finder.indirect()
    found.sort(key=lambda f: f.start)
    people = People(doc, finder.quote_ranges + _headings_not_naming_a_person(doc))
    for f in sorted(found, key=lambda f: f.attribution.speaker_start if f.attribution else f.start):
        if f.attribution and f.continues is None:
            f.person = people.resolve(f.attribution.speaker_start, f.attribution.speaker_end)
    for f in found:
        if f.continues is not None:
            f.attribution, f.person = f.continues.attribution, f.continues.person
    _pull_quotes_keep_their_speaker(found, doc_text(doc))
    return found


def _headings_not_naming_a_person(doc: Doc) -> list[tuple[int, int]]:
    """The subheadings, but for those that are only a person's name: a listicle's section ("Garth Brooks") is about
    that person, whom its first paragraph calls "he" or "the country star"."""
    text = doc_text(doc)
    names = person_mention_spans(doc)
    return [(start, end) for start, end in doc._.headings or []
            if not any(start <= m_start and m_end <= end and text[start:end].strip() == text[m_start:m_end]
                       for m_start, m_end in names)]


def _pull_quotes_keep_their_speaker(found: list[FoundQuote], text: str) -> None:
    """A quote standing alone in its paragraph that repeats words quoted with a speaker elsewhere (a pull quote:
    “Professors canceling tests ... is why Trump won.” above “...,” Dubicki said) is that speaker's."""
    said: dict[tuple[str, ...], FoundQuote] = {}
    for f in found:
        words = _quote_words(text, f)
        if f.kind == "direct" and f.person is not None and len(words) >= MIN_PULL_QUOTE_WORDS \
                and not _stands_alone(text, f):
            said.setdefault(words, f)
    for f in found:
        source = said.get(_quote_words(text, f))
        if f.kind == "direct" and source is not None and source is not f and _stands_alone(text, f):
            f.attribution, f.person = source.attribution, source.person


def _quote_words(text: str, f: FoundQuote) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", text[f.start:f.end].casefold()))


def _stands_alone(text: str, f: FoundQuote) -> bool:
    line_start, line_end = text.rfind("\n", 0, f.start) + 1, text.find("\n", f.end)
    return not re.sub(r"[\s\"“”‘’']", "", text[line_start:f.start] + text[f.end:line_end if line_end >= 0 else None])


class _QuoteFinder:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = typed_doubled_marks(doc_text(doc))
        self.paragraphs = paragraph_spans(self.text)
        self._para_starts = [start for start, _ in self.paragraphs]
        self.headings = {self.paragraph_of(start) for start, _ in doc._.headings or []}
        self.spans = find_quoted_spans(self.text)
        # Each quote with its marks, for telling the writer's words from the quoted ones.
        self.quote_ranges = [(q.open_mark, q.end + 1 if q.close_mark is not None else q.end) for q in self.spans]
        self._token_in_quote = self._tokens_in_quotes()

    def in_quote(self, token: Token) -> bool:
        return self._token_in_quote[token.i]

    def paragraph_of(self, char: int) -> int:
        return bisect.bisect_right(self._para_starts, char) - 1

    # --- quotes with marks ---------------------------------------------------------------------------

    def quoted(self) -> list[FoundQuote]:
        found = [self._classify(q) for q in self.spans]
        self._link_runs_on(found)
        self._link_continuations(found)
        return found

    def _classify(self, q: QuotedSpan) -> FoundQuote:
        content = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        leading, trailing = self._leading(q), self._trailing(q)
        term = is_term(content, leading)
        opens_sentence = self._opens_sentence(leading)
        introduced = bool(leading) and leading[-1].text in (":", ",") and (
            self._last_cue(leading) is not None or _said_just_before(leading))
        # A capitalised clause after a cue is a quoted sentence, even without a comma: told the paper “You ...”
        quoted_sentence = not term and _starts_capitalised(content) and _is_clause(content) \
            and self._last_cue(leading) is not None
        # A sentence of the speaker's own right after a cue, though lower-case (other than to say “our
        # investigation is ongoing.”): direct, whoever the parse makes the cue's subject; not what no one said
        # (a look "as if to say “You think you got me?”").
        said_sentence = bool(leading) and cue_lemma(leading[-1], beside_quote=True) is not None \
            and _has_own_subject(content) and content.text.rstrip().endswith(SENTENCE_END) \
            and [t.lower_ for t in leading[-4:-1]] not in (["as", "if", "to"], ["as", "though", "to"])
        if opens_sentence or introduced or quoted_sentence or said_sentence or _right_after_cue(leading):
            attribution = self._direct_attribution(q, content, leading, trailing)
            # A short utterance counts when someone is quoted with it: “Why now?” asked Jones, or when it is a
            # sentence of its own (“Not a penny.”, “Nobody.”). Inside the writer's sentence a short phrase is
            # partial (what they call “exercise snacking,” short bursts ...).
            # So is a capitalised answer of its own after "X said," or "X said:", verb or not (She responded,
            # “Well, the NRA, the drug companies … probably the Republicans.”).
            ends = content.text.rstrip()
            if _is_clause(content) or (opens_sentence and attribution and ends.endswith(OPEN_ENDINGS)) \
                    or (opens_sentence and not term and ends.endswith(SENTENCE_END) and _words(content)) \
                    or (introduced and not term and attribution and _starts_capitalised(content)
                        and ends.endswith(SENTENCE_END) and _words(content) >= MIN_CLAUSE_WORDS):
                return FoundQuote(q.start, q.end, "direct", attribution)
        if term:
            return FoundQuote(q.start, q.end, "scare")
        # A full clause set off in the writer's sentence, said by whoever follows: ..., “this is unprecedented,” said
        # X (not one the writer's words run into: the rules mean “people can no longer park here,” Cole said).
        if _has_own_subject(content) and content.text.rstrip().endswith(OPEN_ENDINGS) \
                and leading[-1].text in CLAUSE_BREAKS:
            attribution = self._trailing_cue(content, trailing[:NEAR_CUE_TOKENS])
            if attribution is not None:
                return FoundQuote(q.start, q.end, "direct", attribution)
        # A question or exclamation of a person's own, capitalised: Lopez wondered “Who will pay for all this?”;
        # a sentence after a comma that closes a clause about a person, as a colon would introduce it (Clinton
        # shared her worry with donors, “I do not know which Trump will show up.”).
        ends = content.text.rstrip()
        if _starts_capitalised(content) and _has_own_subject(content) and (
                ends.endswith(("?", "!")) or ends.endswith(SENTENCE_END) and leading and leading[-1].text == ","):
            attribution = self._spoken_by(clause_speaker(leading), "context")
            if attribution is not None:
                return FoundQuote(q.start, q.end, "direct", attribution)
        attribution = self._partial_attribution(q, content, trailing)
        return FoundQuote(q.start, q.end, "partial" if attribution else "scare", attribution)

    def _direct_attribution(self, q: QuotedSpan, content: Span, leading: list[Token],
                            trailing: list[Token]) -> Attribution | None:
        previous_tail = self._previous_paragraph_tail(q)
        after = None if self._answered(content, leading, trailing) else self._trailing_cue(content, trailing)
        return (self._dash(q) or after or self._name_alone_after(content, trailing)
                or self._introduction(leading)
                or self._introduction(previous_tail) or self._next_paragraph(q) or self._owner_after(content, trailing)
                or self._dominating(content)
                or self._previous_sentence(q, leading) or self._reporter(self._previous_paragraph(q)))

    def _answered(self, content: Span, leading: list[Token], trailing: list[Token]) -> bool:
        """Dialogue: "Kimmel asked, “...?” Aniston replied, “...”": the cue after a quote that closed its sentence
        introduces the next quote, when the first one ended with a full stop or had a cue of its own before it; a
        reply after a quote with its own cue answers it ("Kimmel asked, “...?” Aniston replied that she had")."""
        ends = content.text.rstrip()
        introduced = _right_after_cue(leading) or _cue_then_comma(leading)
        if introduced and ends.endswith(SENTENCE_END) and any(
                cue_lemma(t, beside_quote=True) in REPLY_VERBS for t in trailing[:NEAR_CUE_TOKENS]):
            return True
        if not trailing or trailing[-1].text not in (",", ":") or not _right_after_cue(trailing[:-1]):
            return False
        following = trailing[-1].i + 1
        if following >= len(self.doc) or not self.in_quote(self.doc[following]):
            return False
        return ends.endswith(".") or ends.endswith(SENTENCE_END) and introduced

    def _partial_attribution(self, q: QuotedSpan, content: Span, trailing: list[Token]) -> Attribution | None:
        if content.text.rstrip().endswith(OPEN_ENDINGS):
            return self._dominating(content) or self._trailing_cue(content, trailing)
        return self._dominating(content) or self._sentence_cue(content)

    def _sentence_cue(self, content: Span) -> Attribution | None:
        """A phrase of several lower-case words closing a sentence whose one cue the parser did not put above it
        ("Michelle Obama insisted she and her husband ... believe hope is “a necessary concept.”")."""
        before = self.doc[content.sent.start:content.start]
        cues = [t for t in before if not self.in_quote(t) and cue_lemma(t) and speaker_head(t) is not None]
        if len(cues) != 1 or _starts_capitalised(content) or _words(content) < 2 \
                or not content.text.rstrip().endswith(SENTENCE_END):
            return None
        return self._attribution(cues[0])

    def _dash(self, q: QuotedSpan) -> Attribution | None:
        if q.close_mark is None:
            return None
        match = DASH_SPEAKER.match(self.text, q.close_mark + 1, self.paragraphs[q.paragraph][1])
        return Attribution("-", match.start("name"), match.end("name")) if match else None

    def _trailing_cue(self, content: Span, trailing: list[Token]) -> Attribution | None:
        window = trailing if content.text.rstrip().endswith(OPEN_ENDINGS) else trailing[:NEAR_CUE_TOKENS]
        for index, token in enumerate(window):
            if cue_lemma(token, beside_quote=True):
                attribution = self._described_name_before_cue(window[:index], token) or self._attribution(token) \
                    or self._name_before_cue(window[:index], token)
                # “...,” she said / said Jones: the speaker follows the quote; one named before it speaks of
                # something else (The report devoted a chapter to “heat domes,” ... and said ...).
                if attribution and attribution.speaker_start >= content.end_char:
                    return attribution
        return None

    def _name_before_cue(self, words: list[Token], cue: Token) -> Attribution | None:
        """“...,” Tulsa police Chief Chuck Jordan said: the name right before the cue when the parse gives the
        cue no subject; the words between the quote and the cue only name the speaker (no lower-case verb among
        them: the tagger takes "Tulsa" for one)."""
        verb = cue_lemma(cue, beside_quote=True)
        described = _name_then_description(words)
        if described is not None:
            return self._spoken_by(described, verb)
        words = [t for t in words if not t.is_punct and not t.is_space]
        if not words or len(words) > MAX_NAME_BEFORE_CUE or not names_a_person(words[-1]) \
                or any(t.pos_ in ("VERB", "AUX") and t.is_lower for t in words):
            return None
        return self._spoken_by(words[-1], verb)

    def _described_name_before_cue(self, words: list[Token], cue: Token) -> Attribution | None:
        """“...,” Deborah Tamargo, the chairwoman of the county party, recalled: between the quote and the cue a
        person's name, then what the person is, set off by commas, with no verb but a past participle. Tried before
        the cue's subject, which the parser often makes the description or a word of the quote (the looser
        ``_name_then_description`` serves only a cue the parse left without one)."""
        split = _name_and_rest(words)
        if split is None or len(split[1]) < 2 or split[1][-1].text != ",":
            return None
        name, description = split[0], split[1][:-1]
        if len(name) > MAX_NAME_BEFORE_CUE or not names_a_person(name[-1]) \
                or any(t.pos_ in ("VERB", "AUX") and not t.tag_ == "VBN" for t in description):
            return None
        return self._spoken_by(name[-1], cue_lemma(cue, beside_quote=True))

    def _introduction(self, leading: list[Token]) -> Attribution | None:
        """ "X said: “...”" / "X said, “...”" before the quote; a colon or a dash after a clause whose subject
        is a person ("Jones extended an invitation to the label: “...”", "Judge Lee agreed - “...”")."""
        if not leading or leading[-1].text not in (",", *INTRODUCING_MARKS):
            return None
        cue = self._last_cue(leading)
        if cue is not None and leading[-1].text not in DASHES:
            return self._attribution(cue)
        if leading[-1].text in INTRODUCING_MARKS:
            speaker = (_name_after_dash(leading[:-1]) if leading[-1].text == ":" else None) \
                or clause_speaker(leading[:-1])
            return self._spoken_by(speaker, ":" if leading[-1].text == ":" else "-")
        return None

    def _spoken_by(self, head: Token | None, verb: str) -> Attribution | None:
        if head is None or self.in_quote(head):
            return None
        span = speaker_span(head)
        return Attribution(verb, span.start_char, span.end_char)

    def _next_paragraph(self, q: QuotedSpan) -> Attribution | None:
        """A quote that is its whole paragraph, and a next paragraph that only says who spoke: "Mr Brown said." """
        start, end = self.paragraphs[q.paragraph]
        if q.close_mark is None or self.text[start:q.open_mark].strip() or self.text[q.close_mark + 1:end].strip():
            return None
        index = self._neighbour(q.paragraph, 1)
        if index is None or index in self.headings:
            return None
        span = self.doc.char_span(*self.paragraphs[index], alignment_mode="expand")
        if span is None or not len(span) or any(self.in_quote(t) for t in span[0].sent):
            return None
        sentence = [t for t in span[0].sent if t.i < span.end]
        for token in sentence:
            if cue_lemma(token, beside_quote=True) and is_bare_attribution(sentence, token):
                return self._attribution(token)
        return self._spoken_by(owner_of_words_before(sentence), "context")

    def _name_alone_after(self, content: Span, trailing: list[Token]) -> Attribution | None:
        """A quote ending in a comma and a person's name after it with no verb in the rest of the sentence, as
        captions and copy that lost its verb write: “...,” Mark McCaughrean, senior science advisor for ESA."""
        if not trailing or not content.text.rstrip().endswith(",") or trailing[0].ent_type_ != "PERSON" \
                or any(t.pos_ in ("VERB", "AUX") for t in trailing):
            return None
        head = trailing[0]
        while head.dep_ in ("compound", "flat") and head.head.i > head.i and head.head.ent_type_ == "PERSON":
            head = head.head
        return self._spoken_by(head, "-")

    def _owner_after(self, content: Span, trailing: list[Token]) -> Attribution | None:
        """A quote closing its sentence, then in its paragraph whose words they were: “...” That was Patel's
        verdict."""
        if not trailing or not content.text.rstrip().endswith(SENTENCE_END):
            return None
        return self._spoken_by(owner_of_words_before(trailing), "context")

    def _neighbour(self, index: int, step: int) -> int | None:
        """The nearest paragraph before (step -1) or after (step 1) that is not a blank line."""
        index += step
        while 0 <= index < len(self.paragraphs):
            if self.text[slice(*self.paragraphs[index])].strip():
                return index
            index += step
        return None

    def _previous_sentence(self, q: QuotedSpan, leading: list[Token]) -> Attribution | None:
        """A quote opening a sentence after one, in the same paragraph, whose subject is a person: “Charles
        Schultze once summed up the danger with a metaphor. “It's not the wolf at the door ...” """
        if any(t.is_alpha for t in leading):
            return None
        start = self._token_at(q.open_mark).i - len(leading) - 1
        para_start = self.paragraphs[q.paragraph][0]
        if start < 0 or self.doc[start].idx < para_start or self.doc[start].text not in SENTENCE_END:
            return None
        sentence: list[Token] = []
        for token in reversed(self.doc[:start]):
            if self.in_quote(token):
                return None  # “...,” she said. “...”: the quote before holds the attribution
            if token.idx < para_start or token.text in SENTENCE_END:
                break
            sentence.append(token)
        return self._spoken_by(clause_speaker(sentence[::-1]), "context") if sentence else None

    def _dominating(self, content: Span) -> Attribution | None:
        paragraph = self.paragraph_of(content.start_char)
        roots = [t for t in content if t.head.i < content.start or t.head.i >= content.end or t.head.i == t.i]
        for root in roots:
            cue = dominating_cue(root, self.in_quote, lambda t: self.paragraph_of(t.idx) == paragraph)
            if cue is not None:
                attribution = self._attribution(cue)
                if attribution:
                    return attribution
        return None

    def _attribution(self, cue: Token) -> Attribution | None:
        head = speaker_head(cue, self.in_quote)
        if head is None or self.in_quote(head):
            head = self._subject_before_participle(cue)
        if head is not None and head.lemma_.lower() in SPEECH_NOUNS:
            head = speech_owner(head) or head  # according to a statement from plant manager Luis Ortega
        if head is None or self.in_quote(head) or self.paragraph_of(head.idx) != self.paragraph_of(cue.idx):
            return None
        span = speaker_span(head)
        if any(self.in_quote(t) for t in span):
            return None
        return Attribution(cue_lemma(cue, beside_quote=True) or cue.lemma_.lower(), span.start_char, span.end_char)

    def _subject_before_participle(self, cue: Token) -> Token | None:
        """ "Clinton seemed ready to riff on it, telling the crowd, “Some people ...”": a participle set off by a
        comma shares the subject of the writer's clause before it, when the parser hung it from the quote's verb."""
        if cue.tag_ != "VBG" or cue.i == 0 or self.doc[cue.i - 1].text != ",":
            return None
        clause: list[Token] = []
        for token in reversed(self.doc[cue.sent.start:cue.i - 1]):
            if self.in_quote(token):
                break
            clause.append(token)
        return clause_speaker(clause[::-1])

    def _reporter(self, paragraph: list[Token]) -> Attribution | None:
        """A quote paragraph with no attribution after a paragraph of reported speech ("Jones said the data
        were clean, but she cautioned ...") goes on in that reporter's words: the main clause's cue of the last
        sentence that has one."""
        sentences: dict[int, list[Token]] = {}
        for token in paragraph:
            if cue_lemma(token) and speaker_head(token) is not None:
                sentences.setdefault(token.sent.start, []).append(token)
        if not sentences:
            return None
        cues = sentences[max(sentences)]
        return self._attribution(min(cues, key=lambda cue: len(list(cue.ancestors))))

    def _last_cue(self, tokens: list[Token]) -> Token | None:
        """The last cue of an introduction; "continued" and the like only close to the quotation."""
        near = tokens[-1].i - NEAR_CUE_TOKENS if tokens else 0
        cues = [t for t in tokens if cue_lemma(t, beside_quote=t.i >= near) and speaker_head(t) is not None]
        return cues[-1] if cues else None

    # --- windows of the writer's words around a quote -----------------------------------------------

    def _leading(self, q: QuotedSpan) -> list[Token]:
        """The writer's words before the quote, back to the sentence start, the paragraph start or a quote."""
        para_start = self.paragraphs[q.paragraph][0]
        tokens: list[Token] = []
        i = self._token_at(q.open_mark).i - 1
        while i >= 0:
            token = self.doc[i]
            if token.idx < para_start or self.in_quote(token) or token.text in SENTENCE_END:
                break
            tokens.append(token)
            i -= 1
        return tokens[::-1]

    def _trailing(self, q: QuotedSpan) -> list[Token]:
        """The writer's words after the quote, up to the sentence end, the paragraph end or the next quote."""
        if q.close_mark is None:
            return []
        para_end = self.paragraphs[q.paragraph][1]
        tokens: list[Token] = []
        for token in self.doc[self._token_at(q.close_mark).i + 1:]:
            if token.idx >= para_end or self.in_quote(token) or token.text in SENTENCE_END:
                break
            tokens.append(token)
        return tokens

    def _previous_paragraph(self, q: QuotedSpan) -> list[Token]:
        """The writer's words of the previous paragraph, when the quote opens its paragraph."""
        index = self._neighbour(q.paragraph, -1)
        if index is None or self.text[self.paragraphs[q.paragraph][0]:q.open_mark].strip() or index in self.headings:
            return []
        span = self.doc.char_span(*self.paragraphs[index], alignment_mode="expand")
        return [t for t in span if not self.in_quote(t)] if span is not None else []

    def _previous_paragraph_tail(self, q: QuotedSpan) -> list[Token]:
        """The last sentence of the previous paragraph, when the quote opens its paragraph."""
        paragraph = self._previous_paragraph(q)
        if not paragraph:
            return []
        last_sentence = paragraph[-1].sent
        return [t for t in paragraph if t.i >= last_sentence.start]

    def _opens_sentence(self, leading: list[Token]) -> bool:
        """Nothing of the writer's before the quote in its sentence, or a colon, or a dash after a clause (not
        the second dash of an aside: a code including — according to the notes — “provision to ...”)."""
        if not any(t.is_alpha or t.is_digit for t in leading) or leading[-1].text == ":":
            return True
        return leading[-1].text in DASHES and not any(t.text in DASHES for t in leading[:-1])

    def _token_at(self, char: int) -> Token:
        return self.doc[self.doc.char_span(char, char + 1, alignment_mode="expand").start]

    def _tokens_in_quotes(self) -> list[bool]:
        """For each token, whether it overlaps a quote with its marks (one pass: quotes are in text order)."""
        inside = [False] * len(self.doc)
        if not self.quote_ranges:
            return inside
        starts, lengths = self.doc.to_array([IDX, LENGTH]).T.tolist()  # no Token objects: they are slow to make
        for lo, hi in self.quote_ranges:
            for i in range(max(bisect.bisect_right(starts, lo) - 1, 0), len(starts)):
                if starts[i] >= hi:
                    break
                if starts[i] + lengths[i] > lo:
                    inside[i] = True
        return inside

    # --- quotes that keep an earlier speaker ---------------------------------------------------------

    def _link_runs_on(self, found: list[FoundQuote]) -> None:
        """A quote running on into the next paragraph keeps the speaker of its continuation."""
        for index in range(len(found) - 2, -1, -1):
            q, source = self.spans[index], found[index + 1].continues or found[index + 1]
            if q.close_mark is None and found[index].attribution is None and source.attribution is not None \
                    and self.spans[index + 1].paragraph == q.paragraph + 1:
                found[index].kind = "direct"
                found[index].continues = source

    def _link_continuations(self, found: list[FoundQuote]) -> None:
        """A direct quote without attribution keeps the previous quote's speaker when it follows that quote
        in the same paragraph, or opens the paragraph after a direct quote. A title in quotation marks between
        them in the paragraph does not count (“...,” Flynn said on Fox News’s “Fox and Friends.” “I mean ...”)."""
        for index in range(1, len(found)):
            before = index - 1
            while before > 0 and found[before].kind == "scare" \
                    and self.spans[before].paragraph == self.spans[index].paragraph:
                before -= 1
            current, previous = found[index], found[before]
            source = previous.continues or previous
            if current.kind != "direct" or current.attribution or current.continues or not source.attribution:
                continue
            q, p = self.spans[index], self.spans[before]
            opens_paragraph = not self.text[self.paragraphs[q.paragraph][0]:q.open_mark].strip()
            if q.paragraph == p.paragraph or (q.paragraph == p.paragraph + 1 and opens_paragraph
                                               and previous.kind == "direct"):
                current.continues = source

    # --- reported speech without marks ---------------------------------------------------------------

    def indirect(self) -> list[FoundQuote]:
        found = []
        for clause, cue in reported_clauses(self.doc, self.in_quote):
            attribution = self._attribution(cue)
            if attribution is not None:
                found.append(FoundQuote(clause.start_char, clause.end_char, "indirect", attribution))
        return found


def _is_clause(content: Span) -> bool:
    return _words(content) >= MIN_CLAUSE_WORDS and any(t.pos_ in ("VERB", "AUX") for t in content)


def _words(content: Span) -> int:
    return sum(1 for t in content if t.is_alpha)


def _starts_capitalised(content: Span) -> bool:
    first = next((t for t in content if t.is_alpha), None)
    return first is not None and first.text[0].isupper()


def _has_own_subject(content: Span) -> bool:
    """A clause with its subject inside the quote: “this sort of stimulus is unprecedented,” (not a phrase, nor
    a predicate whose subject is the writer's: Children "will have a different view," he said)."""
    roots = [t for t in content if not content.start <= t.head.i < content.end or t.head.i == t.i]
    return _is_clause(content) and any(child.dep_ in SUBJECT_DEPS and content.start <= child.i < content.end
                                       for root in roots for child in root.children)


def _name_and_rest(words: list[Token]) -> tuple[list[Token], list[Token]] | None:
    """The words between a quote and its cue, spaces left out, split at their first comma into what comes before it
    (a name, if anything) and after it; None when no word comes before a comma."""
    words = [t for t in words if not t.is_space]
    comma = next((i for i, t in enumerate(words) if t.text == ","), 0)
    return (words[:comma], words[comma + 1:]) if comma else None


def _name_then_description(words: list[Token]) -> Token | None:
    """The name opening the words between a quote and its cue, when a description of the person follows it after a
    comma, its verbs only in a relative clause (“...,” Nate Silver, the polling guru who founded the site tweeted):
    the name's last word."""
    split = _name_and_rest(words)
    if split is None:
        return None
    name, description = split
    if len(name) > MAX_NAME_WORDS or not description or not names_a_person(name[-1]) \
            or any(t.pos_ != "PROPN" for t in name):
        return None
    relative = next((i for i, t in enumerate(description) if t.lower_ in RELATIVE_WORDS), len(description))
    return None if any(t.pos_ in ("VERB", "AUX") for t in description[:relative]) else name[-1]


def _right_after_cue(leading: list[Token]) -> bool:
    """ "X said “...”" with nothing between the cue verb and the quote (not so-called “...”: no one speaks)."""
    return bool(leading) and cue_lemma(leading[-1], beside_quote=True) is not None \
        and speaker_head(leading[-1]) is not None


def _cue_then_comma(leading: list[Token]) -> bool:
    """ "X asked, “...”" / "X said: “...”": a cue verb with its speaker right before the comma or colon."""
    return len(leading) >= 2 and leading[-1].text in (",", ":") and _right_after_cue(leading[:-1])


def _name_after_dash(words: list[Token]) -> Token | None:
    """Roundups and transcripts: "THE MAP - Philip Bump: “...”": only a person's name (or two joined by "and")
    between a dash and the colon: its last word."""
    dashes = [i for i, t in enumerate(words) if t.text in DASHES]
    name = words[dashes[-1] + 1:] if dashes else []
    if not name or len(name) > 2 * MAX_NAME_WORDS + 1 or not names_a_person(name[-1]) \
            or any(t.pos_ != "PROPN" and t.dep_ != "cc" for t in name):
        return None
    return name[-1]


def _said_just_before(leading: list[Token]) -> bool:
    """"... said Wednesday, "Certainly ..."": a verb of saying right before the comma (a time word between), even
    when the parse gives it no subject to name the speaker by."""
    words = [t for t in leading[-4:-1] if not (t.ent_type_ in ("DATE", "TIME") or t.is_punct)]
    return bool(words) and words[-1].pos_ == "VERB" and cue_lemma(words[-1], beside_quote=True) is not None
