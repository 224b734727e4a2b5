"""Dates as pages print them: lines that are only a date ("Friday, August 16, 2024", "Published 3:04 PM ET Mon,
12 Oct 2020", "10.15.15"), dates inside a byline, update stamps, and the order a page writes its numeric dates in.

A date the page gives without its year ("Mar 27") needs the year the page was served (day_in_year); one relative to a
moment the page does not state ("2 hours ago", "8h") dates nothing: no date is guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Iterator

from dateutil import parser as date_parser

_DATE_PREFIX = re.compile(r"(?:(?:first |last )?(?:published|updated|posted|modified|date)(?: on| at)?\s*:?\s*)+",
                          re.IGNORECASE)
_MONTH_OR_NUMERIC = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b",
    re.IGNORECASE)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# "07.00 GMT": a time written with a dot, which the date parser would read as part of a date.
_DOTTED_TIME = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{2})(?![\d.])")
MAX_DATELINE_WORDS = 3  # words other than the date itself ("Published on", a weekday, a time zone)
MAX_DATELINE_CHARS = 60
# A date in numbers: "9/11/13", "10.15.15", "12/10/2020". Which of the first two numbers is the month is the site's
# convention (see numeric_day_first).
_NUMERIC_DATE = re.compile(r"(?<![\w./-])(?P<first>\d{1,2})(?P<sep>[/.])(?P<second>\d{1,2})(?P=sep)"
                           r"(?P<year>\d{4}|\d{2})(?![\w/-]|\.\d)")
# An ISO date with its time ("2020-10-12T15:04:00Z"): the time does not change the day the page states.
_ISO_TIME = re.compile(r"\b((?:19|20)\d\d-\d\d-\d\d)T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?")
# Month names as running text writes them (capitalised: "may" is also a verb), for the order of day and month.
_MONTH_NAME = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
               r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_MONTH_DAY = re.compile(_MONTH_NAME + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?\b")  # "March 4", "Oct. 12th"
_DAY_MONTH = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH_NAME + r"\b")  # "4 March", "12th Oct"
# A day without its year, as sites print the days of the current year: "March 18 at 3:57 PM", "on Mar 27", "18 Mar".
_NO_YEAR = r"(?!\d|:|,?\s*(?:19|20)\d\d\b)"
_DAY_WITHOUT_YEAR = re.compile(
    rf"\b(?P<month>{_MONTH_NAME})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b{_NO_YEAR}"
    rf"|\b(?P<day_first>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month_after>{_MONTH_NAME})\b\.?{_NO_YEAR}")
_MONTH_NUMBERS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
# A date inside a line: "March 9, 2017", "9 March 2017", "Dec. 22, 2016", "2017-03-09", "2017/3/9" (the year last:
# _NUMERIC_DATE).
_DATE_IN_TEXT = re.compile(
    r"\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(?:19|20)\d\d"
    r"|(?:19|20)\d\d([-/.])\d{1,2}\1\d{1,2})(?!\d)", re.IGNORECASE)
# What a date is labelled as: the last of these words before it decides ("Published Jan 3, 2019 Last modified on
# Jan 16, 2019": January 3 is the publication day, January 16 an update).
_LABEL = re.compile(r"\b(published|posted|updated|modified|edited)\b", re.IGNORECASE)
_UPDATE_LABELS = frozenset({"updated", "modified", "edited"})
_LEAD_DASH = re.compile(r"\s(?:--|—|–)\s")


def _full_year(digits: str) -> int:
    """A two-digit year in the century that does not put it in the future ("13" → 2013, "98" → 1998)."""
    if len(digits) == 4:
        return int(digits)
    this_year = dt.date.today().year
    year = this_year // 100 * 100 + int(digits)
    return year if year <= this_year + 1 else year - 100


def _numeric_as_iso(text: str, day_first: bool) -> str:
    """Numeric dates rewritten as ISO dates, read in the page's order ("9/11/13" → "2013-09-11" month first); a
    date that only one order makes valid ("25/12/2015") is read in that order whatever the page's."""
    def iso(match: re.Match) -> str:
        first, second = int(match["first"]), int(match["second"])
        dotted_short = match["sep"] == "." and len(match["year"]) == 2 and min(map(len, match.group(1, 3))) < 2
        if dotted_short:  # "1.8.12" is a version number, not a date
            return match[0]
        orders = ((second, first), (first, second)) if day_first else ((first, second), (second, first))
        for month, day in orders:
            try:
                return dt.date(_full_year(match["year"]), month, day).isoformat()
            except ValueError:
                continue
        return match[0]
    return _NUMERIC_DATE.sub(iso, _ISO_TIME.sub(r"\1", text))


def numeric_day_first(texts: Iterable[str]) -> bool:
    """Whether a page writes numeric dates day first ("12/10/2020" for 12 October) rather than month first. The page
    shows it: a numeric date only one order makes valid ("10.15.15", "25/12/2015") settles it; else the order of the
    dates it writes out ("12 October 2020" against "October 12, 2020"). With no such evidence, month first, the
    order the date parser (dateutil) assumes."""
    numeric: Counter = Counter()
    written: Counter = Counter()
    for text in texts:
        for match in _NUMERIC_DATE.finditer(text):
            first, second = int(match["first"]), int(match["second"])
            if (first > 12) != (second > 12) and max(first, second) <= 31:
                numeric[first > 12] += 1
        written[True] += len(_DAY_MONTH.findall(text))
        written[False] += len(_MONTH_DAY.findall(text))
    for votes in (numeric, written):
        if votes[True] != votes[False]:
            return votes[True] > votes[False]
    return False


def _parsed(text: str, default: dt.datetime) -> tuple[dt.datetime, tuple[str, ...]] | None:
    try:
        # The zone ("ET", "CDT") does not change the date the page shows; ignoring it also avoids dateutil's warning.
        return date_parser.parse(text, default=default, fuzzy_with_tokens=True, ignoretz=True)
    except (ValueError, OverflowError):
        return None


def parse_dateline(text: str, day_first: bool | None = None) -> tuple[dt.date, str] | None:
    """A line that is only a date ("Friday, August 16, 2024", "Published: 3 May 2024 10:00 GMT", "9/11/13 10:00AM")
    → (date, precision); None for anything else. Precision is "day" or "month": a bare year is no dateline.
    ``day_first``: the page's order for numeric dates (numeric_day_first). Without it (None: a line judged on its
    own, as the cleaning rules do) a numeric date needs its four-digit year: "10.15.15" alone may be a version."""
    rest = _DATE_PREFIX.sub("", text, count=1) if _DATE_PREFIX.match(text) else text
    rest = _DOTTED_TIME.sub(r"\1:\2", rest)
    if day_first is not None:
        rest = _numeric_as_iso(rest, day_first)
    if not _MONTH_OR_NUMERIC.search(rest) or not YEAR.search(rest) or len(rest) > MAX_DATELINE_CHARS:
        return None
    # Parsing twice with different defaults shows which fields the text really gives.
    first, second = _parsed(rest, dt.datetime(2000, 1, 1)), _parsed(rest, dt.datetime(2001, 2, 2))
    if first is None or second is None:
        return None
    (date_a, skipped), (date_b, _) = first, second
    skipped_words = [w for s in skipped for w in re.findall(r"[^\W\d_]+", s)]
    if len(skipped_words) > MAX_DATELINE_WORDS or date_a.year != date_b.year:
        return None
    precision = "day" if date_a.day == date_b.day else "month"
    if date_a.month != date_b.month:
        return None
    return date_a.date() if precision == "day" else date_a.date().replace(day=1), precision


def _dates_in(text: str) -> Iterator[re.Match]:
    """The full dates written in a line, in order: written out, ISO and numeric."""
    return iter(sorted([*_DATE_IN_TEXT.finditer(text), *_NUMERIC_DATE.finditer(text)], key=lambda m: m.start()))


def date_in_line(text: str, day_first: bool | None = None) -> tuple[dt.date, str] | None:
    """The first full date written anywhere in a line (with the day), as parse_dateline gives it."""
    match = next(_dates_in(text), None)
    return parse_dateline(match[0], day_first) if match else None


def lead_date(text: str, day_first: bool | None = None) -> tuple[dt.date, str] | None:
    """The date a story's first line opens with before a dash: "Feb. 23, 2015 -- Life-threatening peanut allergies
    ...", "NEW YORK, March 4, 2025 /PRNewswire/ -- Example Corp said ..."."""
    opening = _LEAD_DASH.split(text, maxsplit=1)
    return date_in_line(opening[0], day_first) if len(opening) == 2 and len(opening[0]) <= MAX_DATELINE_CHARS else None


def _labelled_update(text: str, position: int) -> bool:
    """Whether the label nearest before ``position`` calls the date there an update."""
    labels = _LABEL.findall(text[:position])
    return bool(labels) and labels[-1].lower() in _UPDATE_LABELS


def is_update(text: str) -> bool:
    """Whether the (first) date of a line is labelled as an update ("Last Updated: January 7, 2025")."""
    match = next(_dates_in(text), None)
    return _labelled_update(text, match.start() if match else len(text))


def published_in_line(text: str, day_first: bool | None = None) -> tuple[dt.date, str] | None:
    """The first full date in a line that is not labelled as an update ("Updated Jul 24, 2018" is no
    publication date; "Published Jan 3, 2019 Last modified on Jan 16, 2019" gives January 3)."""
    match = next((m for m in _dates_in(text) if not _labelled_update(text, m.start())), None)
    return parse_dateline(match[0], day_first) if match else None


def day_in_year(text: str, year: int) -> tuple[dt.date, str] | None:
    """The first day a line gives without its year ("By Jane Roe March 18 at 3:57 PM", "on Mar 27 14 min"), not
    labelled as an update, in ``year``: sites print the days of the current year so, and the page's copyright notice
    says which year that is."""
    for match in _DAY_WITHOUT_YEAR.finditer(text):
        month = _MONTH_NUMBERS[(match["month"] or match["month_after"])[:3].lower()]
        if _labelled_update(text, match.start()):
            continue
        try:
            return dt.date(year, month, int(match["day"] or match["day_first"])), "day"
        except ValueError:
            continue
    return None
