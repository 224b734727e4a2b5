"""The news_dates component: every time expression of the body as a TIMEX3 DateMention, normalised against
the publication date (doc._.published, with doc._.published_precision).

Candidates come from the grammar in ``rules`` (one regex per kind of expression); where they overlap the
longest wins, and a handler may reject its match (a verb "may", a number that is not a year) so that a
shorter candidate can take the place. Expressions the anchor is too coarse for keep an unresolved value
("XXXX-10", "PAST_REF") rather than a guess.
"""


import re

from spacy.language import Language
from spacy.tokens import Doc

from pipelines.models import DateMention
from pipelines.nlp.extensions import doc_text
from pipelines.nlp.dates.calendar import Anchor, value_range
from pipelines.nlp.dates.rules import RULES, Context, Timex

# A clock time takes its day from a dated expression this close in the same sentence ("3 p.m. Friday").
_CLOCK_DAY_DISTANCE = 30
_DAY_VALUE = re.compile(r"(?:\d{4}|XXXX)-\d\d-\d\d|XXXX-XX-XX")


@Language.factory("news_dates")
def make_component(nlp: Language, name: str):
    return DatesComponent()


class DatesComponent:
    def __call__(self, doc: Doc) -> Doc:
        precision = (doc._.published_precision or "day") if doc._.published else None
        doc._.date_mentions = find_dates(doc, Anchor(doc._.published, precision))
        return doc


def _candidates(text: str):
    """(start, end, rule order, rule, match) of every match of every rule; "core" narrows the extent."""
    for order, rule in enumerate(RULES):
        for match in rule.pattern.finditer(text):
            start, end = match.span("core") if "core" in rule.pattern.groupindex else match.span()
            yield start, end, order, rule, match


def find_dates(doc: Doc, anchor: Anchor) -> list[DateMention]:
    text = doc_text(doc)
    taken: list[tuple[int, int, Timex]] = []
    for start, end, _, rule, match in sorted(_candidates(text), key=lambda c: (c[0] - c[1], c[2], c[0])):
        if any(start < t_end and t_start < end for t_start, t_end, _ in taken):
            continue
        timex = rule.handler(match, Context(doc, anchor, start, end, text))
        if timex is not None:
            taken.append((start, end, timex))
    taken.sort(key=lambda t: t[0])
    mentions = []
    for start, end, timex in taken:
        if timex.type == "TIME" and timex.value.startswith("T"):
            timex = timex._replace(value=_clock_day(doc, anchor, start, end, taken) + timex.value)
        first, last = value_range(timex.value, timex.mod) if timex.type in ("DATE", "TIME") else (None, None)
        mentions.append(DateMention(start, end, text[start:end], timex.type, timex.value, timex.mod,
                                    first, last))
    return mentions


def _clock_day(doc: Doc, anchor: Anchor, start: int, end: int, taken) -> str:
    """The day of a clock time: a day named next to it in its sentence, else the publication day."""
    sentence = doc.char_span(start, end, alignment_mode="expand").sent
    near = [(min(abs(t_start - end), abs(start - t_end)), t.value) for t_start, t_end, t in taken
            if sentence.start_char <= t_start < sentence.end_char and _DAY_VALUE.match(t.value)]
    if near and min(near)[0] <= _CLOCK_DAY_DISTANCE:
        return min(near)[1][:10]
    day = anchor.at("day")
    return day.isoformat() if day else "XXXX-XX-XX"
