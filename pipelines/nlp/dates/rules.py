"""The grammar of time expressions: one regex per kind of expression, each with the function that turns a
match into a TIMEX3 (type, value, mod) against the anchor. A handler returns None to reject its match (a
verb, a number that is not a year): the component then tries the shorter matches of other rules."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Doc, Span

from pipelines.nlp.dates import lexicon as lex
from pipelines.nlp.dates.calendar import (
    FUTURE, PAST, Anchor, month_value, season_year, shift, week_value, weekday_date, year_for_month, year_value)
from pipelines.nlp.dates.tense import clause_direction


class Timex(NamedTuple):
    type: str
    value: str
    mod: str | None = None


@dataclass
class Context:
    """What a handler may look at besides its match: the anchor, the parse and the text around."""

    doc: Doc
    anchor: Anchor
    start: int
    end: int
    text: str  # doc.text, read once per document (spaCy rebuilds it on every access)

    @property
    def span(self) -> Span:
        return self.doc.char_span(self.start, self.end, alignment_mode="expand")

    def direction(self) -> str | None:
        return clause_direction(self.span)

    def word_before(self) -> str:
        words = self.text[max(0, self.start - 40):self.start].split()
        return lex.normal(words[-1]) if words else ""

    def text_after(self) -> str:
        return self.text[self.end:self.end + 40]


def ci(pattern: str) -> str:
    return f"(?i:{pattern})"


def _names(table: dict) -> str:
    """Proper names (months, weekdays) as written in prose or in capitals, never in lower case."""
    return lex.alternation(list(table) + [name.upper() for name in table])


MONTH = rf"(?P<month>{_names(lex.MONTHS)})"
MONTH_ANY = rf"(?P<month>{_names(lex.MONTHS)}|(?:{lex.alternation(lex.MONTH_ABBREVIATIONS)})\.?)"
WEEKDAY = rf"(?P<weekday>{_names(lex.WEEKDAYS)})"
DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
YEAR = r"(?<![\d$€£¥.,/])(?P<year>(?:1\d|20)\d\d)(?![\d%]|[.,]\d|[’']?s\b)"
EDGE = rf"(?P<edge>{ci(lex.alternation(lex.EDGE_MODIFIERS))})"
RELATION = rf"(?P<rel>{ci('this past|this coming|last|this|next')})"
POD = rf"(?P<pod>{ci(lex.alternation(lex.PARTS_OF_DAY))})"
NUMBER_WORD = lex.alternation(w for w in lex.NUMBER_WORDS)
NUMBER = (rf"(?P<num>\d+(?:\.\d+)?(?:\s+1/2|½)?|{ci(lex.alternation(lex.VAGUE_NUMBERS))}"
          rf"|{ci(NUMBER_WORD)}(?:-{ci(NUMBER_WORD)})?(?:\s+and\s+a\s+half)?)")
UNIT = (rf"(?P<unit>{ci(lex.alternation(lex.UNIT_PLURALS))}"
        rf"|{ci(lex.alternation(lex.UNITS))}(?P<plural>s)?)")
DURATION_MOD = rf"(?P<mod>{ci(lex.alternation(lex.DURATION_MODIFIERS))})"


# --- values -------------------------------------------------------------------------------------------

def _month_number(name: str) -> int:
    key = name.rstrip(".").capitalize()
    return lex.MONTHS.get(key) or lex.MONTH_ABBREVIATIONS[key]


def _edge_mod(m: re.Match) -> str | None:
    edge = m.groupdict().get("edge")
    return lex.lookup(lex.EDGE_MODIFIERS, edge.rstrip("- ")) if edge else None


def _unit(m: re.Match) -> tuple[str, bool]:
    """(TIMEX3 unit letter(s), whether it is a time-of-day unit) of the matched unit word."""
    word = lex.normal(m["unit"])
    if m.groupdict().get("plural"):
        word = word[:-1]
    return lex.lookup(lex.UNITS, lex.UNIT_PLURALS.get(word, word))


_VAGUE_UNIT = {"10Y": "DE", "100Y": "CE", "1000Y": "ML", "2W": "W"}


def _duration(amount: float | None, unit: tuple[str, bool]) -> str:
    """P3Y, P2.5Y, P10Y (a decade), PT24H; PXY when the amount is vague ("several years")."""
    letters, is_time = unit
    multiple = re.fullmatch(r"(\d+)(\D+)", letters)
    if multiple and amount is not None:
        amount, letters = amount * int(multiple[1]), multiple[2]
    if amount is None:
        return f"P{'T' if is_time else ''}X{_VAGUE_UNIT.get(letters, letters)}"
    return f"P{'T' if is_time else ''}{amount:g}{letters}"


def _year_of_month(ctx: Context, month: int, day: int | None = None) -> int | None:
    """The year of a month named without one, or None when the anchor is too coarse to tell."""
    anchor = ctx.anchor.at("month")
    return None if anchor is None else year_for_month(anchor, month, day, ctx.direction())


# --- handlers -----------------------------------------------------------------------------------------

def full_date(m: re.Match, ctx: Context) -> Timex | None:
    month = _month_number(m["month"]) if not m["month"].isdigit() else int(m["month"])
    day = int(m["day"])
    year = m["year"]
    if year:
        year = int(year) + ((2000 if int(year) < 50 else 1900) if len(year) == 2 else 0)
    else:
        year = _year_of_month(ctx, month, day)
    try:
        date = dt.date(year or 2000, month, day)
    except ValueError:
        return None
    if m.groupdict().get("weekof"):  # "the week of March 6" is that day's week
        return Timex("DATE", week_value(date) if year else "XXXX-WXX")
    return Timex("DATE", f"{year_value(year) if year else 'XXXX'}-{month:02d}-{day:02d}")


def month_year(m: re.Match, ctx: Context) -> Timex | None:
    return Timex("DATE", month_value(int(m["year"]), _month_number(m["month"])), _edge_mod(m))


def _is_name_word(token) -> bool:
    return token.tag_ == "NNP" and token.is_title and token.text.rstrip(".") not in lex.MONTHS \
        and token.text not in lex.WEEKDAYS and token.text.rstrip(".") not in lex.MONTH_ABBREVIATIONS


def _in_a_name(token) -> bool:
    """A month or weekday inside a proper name: "Theresa May", "June Carter", "Sunday Times"."""
    before = token.nbor(-1) if token.i > 0 else None
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return (before is not None and _is_name_word(before) and before.sent.start != before.i) \
        or (after is not None and _is_name_word(after))


def month_alone(m: re.Match, ctx: Context) -> Timex | None:
    token = ctx.doc.char_span(m.start("month"), m.end("month"), alignment_mode="expand")[0]
    if token.tag_ == "MD" or token.pos_ in ("VERB", "AUX") or token.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART"):
        return None  # "May I", "they march"
    if _in_a_name(token):
        return None  # "Theresa May", "April Ryan"
    if m["month"].capitalize() in lex.AMBIGUOUS_MONTHS and not (m["edge"] or m["rel"] or m["relyear"]) \
            and ctx.word_before() not in lex.MONTH_PREPOSITIONS:
        return None  # "May's government", "the March for Our Lives"
    month = _month_number(m["month"])
    rel = lex.normal(m["rel"] or m["relyear"] or "")
    anchor = ctx.anchor.at("month" if not m["relyear"] else "year")
    if anchor is None:
        return Timex("DATE", f"XXXX-{month:02d}", _edge_mod(m))
    if m["relyear"]:
        year = anchor.year + {"last": -1, "this": 0, "next": 1}[rel]
    elif rel in ("last", "this past"):
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif rel in ("next", "this coming"):
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif rel == "this":
        year = anchor.year
    else:
        year = year_for_month(anchor, month, None, ctx.direction())
    return Timex("DATE", month_value(year, month), _edge_mod(m))


def year_alone(m: re.Match, ctx: Context) -> Timex | None:
    year = int(m["year"])
    if re.match(rf"\s*(?:{lex.alternation(lex.YEAR_BLOCKERS)})\b", ctx.text_after(), re.I):
        return None  # "2000 troops", "1500 percent"
    if year < 1900 and ctx.word_before() not in lex.YEAR_PREFIXES_BEFORE_1900 and not m["edge"]:
        return None
    if ctx.word_before() in lex.NUMBER_LABELS:
        return None  # "Article 2019", "Resolution 1973"
    if ctx.span.root.ent_type_ in ("MONEY", "PERCENT", "QUANTITY"):
        return None
    return Timex("DATE", year_value(year), _edge_mod(m))


def _century_of(two_digits: int, ctx: Context) -> int:
    """The century of a year or decade written with two digits ("'99", "the '80s"): the latest one that
    does not put it after the publication year."""
    anchor_year = (ctx.anchor.date or dt.date.today()).year
    return anchor_year // 100 if two_digits <= anchor_year % 100 else anchor_year // 100 - 1


def decade(m: re.Match, ctx: Context) -> Timex | None:
    if m["decade"]:
        return Timex("DATE", m["decade"][:3], _edge_mod(m))
    short = int(m["short"])
    return Timex("DATE", f"{_century_of(short, ctx):02d}{short // 10}", _edge_mod(m))


def short_year(m: re.Match, ctx: Context) -> Timex | None:
    if ctx.word_before() not in lex.YEAR_PREFIXES_BEFORE_1900:
        return None  # only "in '99", "since '08": a quote mark before two digits is often just a quote
    short = int(m["short"])
    return Timex("DATE", f"{_century_of(short, ctx):02d}{short:02d}")


def century(m: re.Match, ctx: Context) -> Timex | None:
    ordinal = lex.normal(m["ord"])
    number = int(ordinal[:-2]) if ordinal[:-2].isdigit() else lex.lookup(lex.ORDINALS, ordinal)
    return Timex("DATE", f"{number - 1:02d}", _edge_mod(m))


def quarter(m: re.Match, ctx: Context) -> Timex | None:
    part = "Q" if (m["part"] or "quarter").lower().startswith("q") else "H"
    number = int(m["q"]) if m["q"] else lex.lookup(lex.ORDINALS, m["ord"])
    if part == "H" and not (m["year"] or m["rel"] or m["theyear"]):
        return None  # "the second half" of a match, a speech...
    number = min(number, 4 if part == "Q" else 2)
    first_month = 1 + (number - 1) * (3 if part == "Q" else 6)
    if m["year"]:
        year = int(m["year"])
    else:
        anchor = ctx.anchor.at("year")
        if anchor is None:
            return Timex("DATE", f"XXXX-{part}{number}")
        year = anchor.year + {"last": -1, "next": 1}.get(lex.normal(m["rel"] or ""), 0)
        if not (m["rel"] or m["theyear"]) and ctx.anchor.at("month"):
            year = year_for_month(anchor, first_month, None, ctx.direction())
    return Timex("DATE", f"{year_value(year)}-{part}{number}")


_RELATIVE_STEP = {"last": -1, "this past": -1, "this": 0, "current": 0, "the current": 0, "next": 1,
                  "this coming": 1}


def relative_unit(m: re.Match, ctx: Context) -> Timex | None:
    """this/last/next week, weekend, month, year, quarter, decade, century (with early/late/earlier...)."""
    relation = m["rel"] or m["current"]
    step = _RELATIVE_STEP[lex.normal(relation)] if relation else 0
    unit = lex.normal(m["unit"])
    if unit == "quarter" and not relation and ctx.direction() == PAST:
        step = -1  # "sales rose during the quarter": a report in the past tense is on the quarter that ended
    mod = _edge_mod(m)
    needs = {"week": "day", "weekend": "day", "month": "month", "quarter": "month"}.get(unit, "year")
    anchor = ctx.anchor.at(needs)
    if anchor is None:
        return Timex("DATE", {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
                              "quarter": "XXXX-QX"}.get(unit, "XXXX"), mod)
    if unit in ("week", "weekend"):
        value = week_value(anchor + dt.timedelta(weeks=step))
        return Timex("DATE", value + ("-WE" if unit == "weekend" else ""), mod)
    if unit == "month":
        day = shift(anchor, "M", step)
        return Timex("DATE", month_value(day.year, day.month), mod)
    if unit == "quarter":
        day = shift(anchor, "M", 3 * step)
        return Timex("DATE", f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}", mod)
    if unit == "decade":
        return Timex("DATE", f"{anchor.year // 10 + step:03d}", mod)
    if unit == "century":
        return Timex("DATE", f"{anchor.year // 100 + step:02d}", mod)
    return Timex("DATE", year_value(anchor.year + step), mod)


def deictic_day(m: re.Match, ctx: Context) -> Timex | None:
    """today, tonight, yesterday (morning), tomorrow, last night, this morning."""
    word = lex.normal(m["word"])
    offset = {"yesterday": -1, "tomorrow": 1, "last": -1, "the day before yesterday": -2,
              "the day after tomorrow": 2}.get(word, 0)
    pod = "NI" if word in ("tonight", "last") else (lex.lookup(lex.PARTS_OF_DAY, m["pod"]) if m["pod"] else None)
    anchor = ctx.anchor.at("day")
    day = (anchor + dt.timedelta(days=offset)).isoformat() if anchor else "XXXX-XX-XX"
    return Timex("TIME", f"{day}T{pod}") if pod else Timex("DATE", day)


def weekday(m: re.Match, ctx: Context) -> Timex | None:
    token = ctx.doc.char_span(m.start("weekday"), m.end("weekday"), alignment_mode="expand")[0]
    if token.i + 1 < len(ctx.doc) and _is_name_word(token.nbor(1)):
        return None  # "Sunday Times", "the Good Friday Agreement"
    number = lex.WEEKDAYS[m["weekday"].capitalize()]
    if m["plural"]:
        return Timex("SET", f"XXXX-WXX-{number}")
    anchor = ctx.anchor.at("day")
    if anchor is None:
        day = f"XXXX-WXX-{number}"
    else:
        rel = lex.normal(m["rel"] or "")
        if rel in ("last", "this past"):
            ahead = (number - anchor.isoweekday()) % 7 or 7
            date = anchor + dt.timedelta(days=ahead - 7)
        elif rel in ("next", "this coming"):
            date = anchor + dt.timedelta(days=(number - anchor.isoweekday()) % 7 or 7)
        else:
            date = weekday_date(anchor, number, ctx.direction() if rel != "this" else FUTURE)
        day = date.isoformat()
    if m["pod"]:
        return Timex("TIME", f"{day}T{lex.lookup(lex.PARTS_OF_DAY, m['pod'])}")
    return Timex("DATE", day)


_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?)]|and\b|or\b|$)")
_SEASON_PREPOSITIONS = {"in", "during", "over", "through", "throughout", "until", "by", "since", "for", "before",
                        "after", "from", "last", "this", "next", "that", "of"}


def season(m: re.Match, ctx: Context) -> Timex | None:
    code = lex.lookup(lex.SEASONS, m["season"])
    explicit = m["year"] or m["rel"] or m["edge"]
    if not explicit and not (m["the"] and ctx.word_before() in _SEASON_PREPOSITIONS):
        return None  # "summer heat", "a fall in prices"
    if not m["year"] and re.match(r"\s+of\b", ctx.text_after()):
        return None  # "the fall of Kabul"
    if lex.normal(m["season"]) == "fall" and not (m["year"] or m["rel"]) and not _CLAUSE_END.match(ctx.text_after()):
        return None  # "after the fall in prices", "an early fall"
    if ctx.span[-1].pos_ == "VERB":
        return None
    if m["year"]:
        return Timex("DATE", f"{m['year']}-{code}", _edge_mod(m))
    rel = lex.normal(m["rel"] or "")
    rel = {"this past": "last", "this coming": "next"}.get(rel, rel) or None
    # "this summer" needs only the year; a winter straddles two years, so "this winter" needs the month
    anchor = ctx.anchor.at("year" if rel == "this" and code != "WI" else "month")
    if anchor is None:
        return Timex("DATE", f"XXXX-{code}", _edge_mod(m))
    return Timex("DATE", f"{season_year(anchor, code, rel, ctx.direction()):04d}-{code}", _edge_mod(m))


_BARE_UNIT_BEFORE = {"for", "in", "within", "over", "only", "just", "mere", "after", "took", "take", "takes",
                     "taking", "lasted", "spent", "spend", "waited", "wait", "past", "than"}
_BARE_UNIT_AFTER = re.compile(r"\s+(?:after|before|later|earlier|ago|long|of\s+(?!the\b))|-long", re.I)
_QUANTITY_TAGS = {"CD", "$", "SYM"}


def _after_a_quantity(ctx: Context) -> bool:
    """"a year" is a rate (SET) after an amount: "5% a year", "$5 billion a year", "100 barrels a day"."""
    if _BARE_UNIT_AFTER.match(ctx.text_after()):
        return False  # "a week after his meeting"
    first = ctx.span[0]
    if first.i == 0:
        return False
    before = first.nbor(-1)
    if before.tag_ in _QUANTITY_TAGS or before.lower_ in ("percent", "%"):
        return True
    return before.tag_ == "NNS" and before.i > 0 and before.nbor(-1).tag_ in _QUANTITY_TAGS


def _is_preposition(start: int, ctx: Context) -> bool:
    """Whether the word at start heads a prepositional phrase in the parse (not a modifier of a number)."""
    return ctx.doc.char_span(start, start + 1, alignment_mode="expand")[0].dep_ == "prep"


def _title_in_prose(m: re.Match, ctx: Context) -> bool:
    """A capitalised unit word in a lower-case sentence, not at its start: part of a name or title."""
    unit = m["unit"]
    if not (unit[:1].isupper() and unit[1:].islower()):
        return False
    sentence = ctx.span.sent
    if ctx.doc.char_span(m.start("unit"), m.end("unit"), alignment_mode="expand")[0].i == sentence.start:
        return False
    words = [t for t in sentence if t.is_alpha and len(t) > 3]
    return sum(t.is_lower for t in words) > len(words) / 2


def duration(m: re.Match, ctx: Context) -> Timex | None:
    """day-long, three years, two and a half years, more than a decade, 24 hours, the past week, weeks, years ago."""
    if re.match(r"-?\s*(?:years?-)?old\b", ctx.text_after(), re.I):
        return None  # an age: "24-year-old"
    unit = _unit(m)
    num = lex.normal(m["num"]) if m["num"] else None
    plural = bool(m["plural"]) or lex.normal(m["unit"]) in lex.UNIT_PLURALS
    if _title_in_prose(m, ctx):
        return None  # a title: CBS's "60 Minutes", "48 Hours"
    if num is None and not m["rel"] and not m.groupdict().get("long") and not (plural and (
            ctx.word_before() in _BARE_UNIT_BEFORE or _BARE_UNIT_AFTER.match(ctx.text_after()) or m["ago"])):
        return None  # "the early years", "those days", "the same week"
    if num in ("a", "an") and lex.normal(m["unit"]) in ("second", "quarter"):
        return None  # "a second round", "a quarter of the votes"
    amount = lex.number_value(num) if num else (None if plural else 1.0)
    if amount is not None and m.groupdict().get("half"):
        amount += 0.5
    if m["mod"] and lex.normal(m["mod"]) in lex.PREPOSITION_MODIFIERS and not m["ago"] \
            and _is_preposition(m.start("mod"), ctx):
        return None  # "averaged over two decades": a preposition, not "more than"; "two decades" takes the place
    mod = lex.lookup(lex.DURATION_MODIFIERS, m["mod"]) if m["mod"] else None
    if m["ago"]:
        return _ago(amount, unit, mod, lex.normal(m["ago"]) != "ago", ctx)
    if num in ("a", "an") and not m["mod"] and _after_a_quantity(ctx):
        return Timex("SET", _duration(1, unit))  # "$5 billion a year", "100 barrels a day"
    return Timex("DURATION", _duration(amount, unit), mod)


def _ago(amount: float | None, unit: tuple[str, bool], mod: str | None, ahead: bool, ctx: Context) -> Timex:
    """"three years ago" is a DATE of the unit's granularity; vague amounts give PAST_REF / FUTURE_REF."""
    letters, is_time = unit
    multiple = re.fullmatch(r"(\d+)(\D+)", letters)
    factor, letters = (int(multiple[1]), multiple[2]) if multiple else (1, letters)
    date_mod = lex.AGO_MODIFIERS.get(mod or "")
    needs = {"Y": "year", "M": "month", "Q": "month"}.get(letters, "day")
    anchor = ctx.anchor.at(needs)
    if amount is None or is_time or anchor is None or amount != int(amount):
        return Timex("DATE", "FUTURE_REF" if ahead else "PAST_REF", date_mod)
    steps = int(amount) * factor * (1 if ahead else -1)
    if letters == "Y":
        return Timex("DATE", year_value(anchor.year + steps), date_mod)
    if letters in ("M", "Q"):
        day = shift(anchor, "M", steps * (3 if letters == "Q" else 1))
        return Timex("DATE", month_value(day.year, day.month), date_mod)
    day = shift(anchor, letters, steps)
    return Timex("DATE", week_value(day) if letters == "W" else day.isoformat(), date_mod)


def reference(value: str) -> Callable[[re.Match, Context], Timex | None]:
    """PRESENT_REF, PAST_REF, FUTURE_REF; not as part of a compound ("now-defunct")."""
    return lambda m, ctx: None if ctx.text_after().startswith("-") else Timex("DATE", value)


def set_every(m: re.Match, ctx: Context) -> Timex | None:
    if m["weekday"]:
        return Timex("SET", f"XXXX-WXX-{lex.WEEKDAYS[m['weekday'].capitalize()]}")
    amount = 2 if m["other"] else (lex.number_value(m["num"]) if m["num"] else 1)
    return Timex("SET", _duration(amount, _unit(m)))


def set_adverb(m: re.Match, ctx: Context) -> Timex | None:
    return Timex("SET", lex.lookup(lex.SET_ADVERBS, m[0]))


def clock_time(m: re.Match, ctx: Context) -> Timex | None:
    """3 p.m., 10:30 a.m., 14:00 GMT, noon: the date part is added by the component (see dates.py)."""
    word = lex.normal(m["word"] or "")
    if word:
        return Timex("TIME", {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00"}[word])
    hour, minute = int(m["hour"]), int(m["minute"] or 0)
    ampm = lex.normal(m["ampm"] or "").replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    return Timex("TIME", f"T{hour:02d}:{minute:02d}")


def _holiday_date(name: str, year: int) -> dt.date:
    fixed = lex.fixed_holiday(name)
    if fixed:
        return dt.date(year, *fixed)
    month, weekday, nth, first_day = lex.lookup(lex.MOVING_HOLIDAYS, name)
    if nth < 0:  # the last such weekday: count back from the month's end
        last = shift(dt.date(year, month, 1), "M", 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    first = dt.date(year, month, first_day)
    return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))


def holiday(m: re.Match, ctx: Context) -> Timex | None:
    """Christmas, New Year's Eve; Thanksgiving, Labor Day (the nth weekday of a month); last/next Thanksgiving."""
    name = m["holiday"]
    rel = lex.normal(m["rel"] or "")
    if m["year"]:
        year = int(m["year"])
    elif rel and ctx.anchor.at("day"):
        anchor = ctx.anchor.at("day")
        year = anchor.year
        if rel in ("last", "this past"):
            year -= _holiday_date(name, year) >= anchor
        elif rel in ("next", "this coming"):
            year += _holiday_date(name, year) <= anchor
    else:
        anchor = ctx.anchor.at("month")
        probe = _holiday_date(name, anchor.year if anchor else 2000)
        year = _year_of_month(ctx, probe.month, probe.day)
    if not year:
        fixed = lex.fixed_holiday(name)
        return Timex("DATE", f"XXXX-{fixed[0]:02d}-{fixed[1]:02d}" if fixed else "XXXX-XX-XX")
    return Timex("DATE", _holiday_date(name, year).isoformat())


def the_weekend(m: re.Match, ctx: Context) -> Timex | None:
    anchor = ctx.anchor.at("day")
    if anchor is None:
        return Timex("DATE", "XXXX-WXX-WE")
    saturday = weekday_date(anchor, 6, ctx.direction())
    return Timex("DATE", week_value(saturday) + "-WE")


# --- the grammar --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    handler: Callable[[re.Match, Context], Timex | None]


def _starts(*words) -> str:
    """A lookahead on the first letters the words may start with (either case where a word is matched
    case-insensitively): it spares a rule with an optional prefix the full attempt at most positions."""
    letters = {w[0] for w in words} | {w[0].swapcase() for w in words if w[:1].islower()}
    return f"(?=[{''.join(sorted(letters))}])"


def _rule(name: str, pattern: str, handler) -> Rule:
    return Rule(name, re.compile(rf"(?<![\w]){pattern}(?![\w])"), handler)


TIME_ZONE = r"(?:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|JST|KST|local time)\b"
DEICTIC_DAYS = "the day before yesterday|the day after tomorrow|today|tonight|yesterday|tomorrow"
AM_PM = r"a\.m\.|p\.m\.|am|pm"
_OPTIONAL_YEAR = rf"(?:,?\s+{YEAR})?"
_WEEKDAY_PREFIX = rf"(?:{WEEKDAY},?\s+)?"
_AMOUNT_OF_UNITS = rf"(?P<rel>){NUMBER}[\s-]+{UNIT}(?P<half>\s+and\s+a\s+half)?(?:\s+(?P<ago>{ci('ago|from now')}))?"

RULES: list[Rule] = [
    _rule("month_day", rf"{_starts('the', *lex.WEEKDAYS, *lex.MONTHS, *lex.MONTH_ABBREVIATIONS)}"
                       rf"(?:(?P<weekof>{ci('the week of')})\s+)?{_WEEKDAY_PREFIX}{MONTH_ANY}\s+{DAY}{_OPTIONAL_YEAR}",
          full_date),
    _rule("day_month", rf"{_WEEKDAY_PREFIX}(?:{ci('the')}\s+)?{DAY}(?:\s+of)?\s+{MONTH_ANY}{_OPTIONAL_YEAR}",
          full_date),
    _rule("iso_date", r"(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)", full_date),
    _rule("numeric_date", r"(?P<month>1[0-2]|0?[1-9])/(?P<day>[12]\d|3[01]|0?[1-9])/(?P<year>\d{4}|\d{2})",
          full_date),
    _rule("month_year", rf"(?:{EDGE}[\s-]*)?{MONTH_ANY}(?:\s+of)?,?\s+{YEAR}", month_year),
    _rule("month", rf"(?:{EDGE}[\s-]*|{RELATION}\s+)?{MONTH}"
                   rf"(?:\s+(?:of\s+)?(?P<relyear>{ci('last|this|next')})\s+{ci('year')})?", month_alone),
    _rule("year", rf"(?:{EDGE}[\s-]*|{ci('fiscal(?: year)?|FY|the year')}\s*)?{YEAR}", year_alone),
    _rule("decade", rf"(?:{ci('the')}\s+)?(?:{EDGE}[\s-]*)?(?:(?P<decade>1\d\d0|20\d0)|[’'](?P<short>\d0))[’']?s",
          decade),
    _rule("short_year", r"[’'](?P<short>\d\d)", short_year),
    _rule("decade_short", rf"{ci('the')}\s+(?:{EDGE}[\s-]*)?(?P<decade>)(?P<short>[2-9]0)s", decade),
    _rule("century", rf"(?:{ci('the')}\s+)?(?:{EDGE}[\s-]*)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)"
                     rf"|{ci(lex.alternation(w for w in lex.ORDINALS if w not in ('last', 'final')))})"
                     rf"[\s-]+{ci('century')}", century),
    _rule("quarter", rf"(?:{ci('the')}\s+)?(?:{ci('fiscal')}\s+)?(?P<q>)"
                     rf"(?P<ord>{ci('first|second|third|fourth|final|1st|2nd|3rd|4th')})[\s-]+"
                     rf"(?P<part>{ci('quarter|half')})"
                     rf"(?:\s+of\s+(?:{YEAR}|{RELATION}\s+{ci('year')}|(?P<theyear>{ci('the year')})))?", quarter),
    _rule("quarter_code", rf"Q(?P<q>[1-4])(?P<ord>)(?P<part>)(?P<rel>)(?P<theyear>)(?:\s+{YEAR})?", quarter),
    _rule("relative_unit", rf"(?:{EDGE}[\s-]*|{ci('earlier|later')}\s+)?"
                           rf"(?:{RELATION}|(?P<current>{ci('the current|current')}))\s+"
                           rf"(?P<unit>{ci('weekend|week|month|year|quarter|decade|century')})", relative_unit),
    _rule("edge_of_unit", rf"{EDGE}\s+{ci('the')}\s+(?P<rel>)(?P<current>)"
                          rf"(?P<unit>{ci('year|month|week|quarter|decade')})", relative_unit),
    _rule("the_quarter", rf"{ci(lex.alternation(lex.QUARTER_PREPOSITIONS))}\s+(?P<core>{ci('the')}\s+"
                         rf"(?:{ci('fiscal')}\s+)?(?P<rel>)(?P<current>)(?P<unit>{ci('quarter')}))(?!-|\s+of\b)",
          relative_unit),
    _rule("deictic_day", rf"(?P<word>{ci(DEICTIC_DAYS)})(?:\s+{POD})?", deictic_day),
    _rule("part_of_day", rf"(?P<word>{ci('this|last|tomorrow|yesterday')})\s+"
                         rf"(?P<pod>{ci('morning|afternoon|evening|night')})", deictic_day),
    _rule("weekday", rf"(?:{RELATION}\s+)?{WEEKDAY}(?P<plural>s)?(?:\s+{POD})?", weekday),
    _rule("season", rf"(?:{EDGE}[\s-]*)?(?:{RELATION}\s+|(?P<the>{ci('the')})\s+)?"
                    rf"(?P<season>{ci(lex.alternation(lex.SEASONS))})(?:\s+(?:of\s+)?{YEAR})?", season),
    _rule("duration_modified", rf"{DURATION_MOD}\s+{_AMOUNT_OF_UNITS}", duration),
    _rule("duration", rf"(?P<mod>){_AMOUNT_OF_UNITS}", duration),
    _rule("duration_the", rf"(?P<mod>){ci('the')}\s+"
                          rf"(?P<rel>{ci('past|last|next|coming|first|final|previous|remaining')})\s+"
                          rf"(?:{NUMBER}\s+)?{UNIT}(?P<ago>)", duration),
    _rule("duration_bare", rf"(?P<mod>)(?P<rel>)(?P<num>){UNIT}(?:(?P<long>-long)|\s+(?P<ago>{ci('ago')}))?", duration),
    _rule("recent_units", rf"{ci('recent')}\s+{ci(lex.alternation(lex.RECENT_UNITS))}", reference("PAST_REF")),
    _rule("present_ref", ci(lex.alternation(lex.PRESENT_REFS)), reference("PRESENT_REF")),
    _rule("present_ref_at", rf"{ci('at|for')}\s+(?P<core>{ci('the moment|present')})", reference("PRESENT_REF")),
    _rule("past_ref", ci(lex.alternation(lex.PAST_REFS)), reference("PAST_REF")),
    _rule("past_ref_in", rf"{ci('in|into|from')}\s+"
                         rf"(?P<core>{ci('the')}\s+(?:{ci('recent|distant')}\s+)?{ci('past')})", reference("PAST_REF")),
    _rule("future_ref", ci(lex.alternation(lex.FUTURE_REFS)), reference("FUTURE_REF")),
    _rule("future_ref_in", rf"{ci('in|into|for')}\s+(?P<core>{ci('the')}\s+"
                           rf"(?:{ci('near|distant|foreseeable|immediate')}\s+)?{ci('future')})",
          reference("FUTURE_REF")),
    _rule("set_every", rf"{ci('every|each')}\s+(?:(?P<other>{ci('other')})\s+|{NUMBER}\s+)?(?:{UNIT}|{WEEKDAY})",
          set_every),
    _rule("set_frequency", rf"(?:{ci(lex.alternation(lex.FREQUENCIES))}|\w+\s+times)\s+"
                           rf"(?:{ci('a|an|per|each|every')})\s+(?P<other>)(?P<num>)(?P<weekday>){UNIT}", set_every),
    _rule("set_per", rf"{ci('per')}\s+(?P<other>)(?P<num>)(?P<weekday>){UNIT}", set_every),
    _rule("set_adverb", ci(lex.alternation(lex.SET_ADVERBS)), set_adverb),
    _rule("clock_time", r"(?P<word>)(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*"
                        rf"(?P<ampm>{ci(AM_PM)})(?:\s+{TIME_ZONE})?", clock_time),
    _rule("clock_time_24h", r"(?P<word>)(?P<ampm>)(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)"
                            rf"(?=\s*(?:{ci('GMT|UTC|local time|hours|h')}))", clock_time),
    _rule("noon", rf"(?P<word>{ci('noon|midday|midnight')})", clock_time),
    _rule("holiday", rf"{_starts('this', 'last', 'next', *lex.HOLIDAYS, *lex.MOVING_HOLIDAYS)}(?:{RELATION}\s+)?"
                     rf"(?P<holiday>{lex.alternation(list(lex.HOLIDAYS) + list(lex.MOVING_HOLIDAYS))}){_OPTIONAL_YEAR}",
          holiday),
    _rule("the_weekend", rf"{ci('over|during|on|at|for')}\s+(?P<core>{ci('the weekend')})", the_weekend),
]
