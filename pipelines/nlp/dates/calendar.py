"""Calendar arithmetic for TIMEX3 values: the anchor (publication date and its precision), moving along the
calendar in the direction a sentence points to, and the calendar days a DATE value covers."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from pipelines.nlp.dates.lexicon import SEASON_START_MONTH

PRECISIONS = {"year": 1, "month": 2, "day": 3}

# Tense of the sentence around an expression: which side of the anchor an underspecified date lies on.
PAST, FUTURE = "past", "future"


@dataclass(frozen=True)
class Anchor:
    date: dt.date | None
    precision: str | None

    def at(self, precision: str) -> dt.date | None:
        """The anchor date when it is known at least to this precision, else None."""
        if self.date is None or PRECISIONS.get(self.precision or "", 0) < PRECISIONS[precision]:
            return None
        return self.date


def year_value(year: int) -> str:
    return f"{year:04d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(day: dt.date) -> str:
    iso_year, week, _ = day.isocalendar()
    return f"{iso_year:04d}-W{week:02d}"


def shift(day: dt.date, unit: str, amount: int) -> dt.date:
    """The anchor moved by whole calendar units ("D", "W", "M", "Y")."""
    key = {"D": "days", "W": "weeks", "M": "months", "Y": "years"}[unit]
    return day + relativedelta(**{key: amount})


def year_for_month(anchor: dt.date, month: int, day: int | None, direction: str | None) -> int:
    """The year of a month (and day) given without one: on the side of the anchor the tense points to,
    else the nearest occurrence."""
    probe = (month, day or 0)
    here = (anchor.month, anchor.day if day else 0)
    if direction == PAST:
        return anchor.year if probe <= here else anchor.year - 1
    if direction == FUTURE:
        return anchor.year if probe >= here else anchor.year + 1
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    return min(years, key=lambda y: (abs((y - anchor.year) * 12 + month - anchor.month), y != anchor.year))


def weekday_date(anchor: dt.date, weekday: int, direction: str | None) -> dt.date:
    """The date of a weekday (1 = Monday) named without a week: the anchor itself when it falls on that day,
    else the one before (past tense) or after (future tense), else the nearest."""
    ahead = (weekday - anchor.isoweekday()) % 7
    if ahead == 0:
        return anchor
    back = ahead - 7
    if direction == PAST:
        return anchor + dt.timedelta(days=back)
    if direction == FUTURE:
        return anchor + dt.timedelta(days=ahead)
    return anchor + dt.timedelta(days=ahead if ahead <= -back else back)


def season_of(day: dt.date) -> tuple[int, str]:
    """(year, season) a day belongs to; a winter is named by the year in which it starts."""
    for season, start in sorted(SEASON_START_MONTH.items(), key=lambda kv: -kv[1]):
        if day.month >= start:
            return day.year, season
    return day.year - 1, "WI"


def season_year(anchor: dt.date, season: str, relation: str | None, direction: str | None) -> int:
    """The year of "this/last/next summer" or of a season named alone in a sentence of the given tense."""
    current_year, current = season_of(anchor)
    start_this_year = dt.date(anchor.year, SEASON_START_MONTH[season], 1)
    if relation == "this" or (relation is None and season == current):
        return current_year if season == current else anchor.year
    if relation == "last" or (relation is None and direction == PAST):
        return current_year - 1 if season == current else \
            anchor.year if start_this_year <= anchor else anchor.year - 1
    if relation == "next" or (relation is None and direction == FUTURE):
        return current_year + 1 if season == current else \
            anchor.year if start_this_year > anchor else anchor.year + 1
    return anchor.year


_VALUE_PATTERNS = [
    (re.compile(r"(\d{4})-(\d\d)-(\d\d)(T.*)?"), "day"),
    (re.compile(r"(\d{4})-W(\d\d)(-WE)?"), "week"),
    (re.compile(r"(\d{4})-(\d\d)"), "month"),
    (re.compile(r"(\d{4})-(SP|SU|FA|WI)"), "season"),
    (re.compile(r"(\d{4})-(Q|H)(\d)"), "part"),
    (re.compile(r"(\d{4})"), "year"),
    (re.compile(r"(\d{3})"), "decade"),
    (re.compile(r"(\d{2})"), "century"),
]


def _whole_range(value: str) -> tuple[dt.date, dt.date] | None:
    for pattern, kind in _VALUE_PATTERNS:
        m = pattern.fullmatch(value)
        if not m:
            continue
        g = m.groups()
        if kind == "day":
            day = dt.date(int(g[0]), int(g[1]), int(g[2]))
            return day, day
        if kind == "week":
            monday = dt.date.fromisocalendar(int(g[0]), int(g[1]), 1)
            return (monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)) if g[2] else \
                (monday, monday + dt.timedelta(days=6))
        if kind == "month":
            first = dt.date(int(g[0]), int(g[1]), 1)
            return first, first + relativedelta(months=1, days=-1)
        if kind == "season":
            first = dt.date(int(g[0]), SEASON_START_MONTH[g[1]], 1)
            return first, first + relativedelta(months=3, days=-1)
        if kind == "part":
            months = 3 if g[1] == "Q" else 6
            first = dt.date(int(g[0]), 1 + (int(g[2]) - 1) * months, 1)
            return first, first + relativedelta(months=months, days=-1)
        span = {"year": 1, "decade": 10, "century": 100}[kind]
        first = dt.date(max(1, int(g[0]) * (1 if kind == "year" else span)), 1, 1)
        return first, dt.date(first.year + span - 1, 12, 31)
    return None


def value_range(value: str, mod: str | None) -> tuple[dt.date | None, dt.date | None]:
    """The first and last calendar day a DATE (or the date part of a TIME) value covers; the START, MID and
    END modifiers narrow it to the first, middle or last third."""
    whole = _whole_range(value)
    if whole is None or mod in ("BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"):
        return None, None
    first, last = whole
    if mod in ("START", "MID", "END") and last > first:
        third = ((last - first).days + 1) // 3
        index = ("START", "MID", "END").index(mod)
        first, last = first + dt.timedelta(days=third * index), \
            (first + dt.timedelta(days=third * (index + 1) - 1)) if mod != "END" else last
    return first, last
