"""The word lists of the time-expression grammar (lexicon.json), loaded once, and regex helpers."""

from __future__ import annotations

import json
import re
from pathlib import Path

_DATA = json.loads((Path(__file__).with_name("lexicon.json")).read_text(encoding="utf-8"))

MONTHS: dict[str, int] = _DATA["months"]
MONTH_ABBREVIATIONS: dict[str, int] = _DATA["month_abbreviations"]
WEEKDAYS: dict[str, int] = _DATA["weekdays"]
SEASONS: dict[str, str] = _DATA["seasons"]
SEASON_START_MONTH: dict[str, int] = _DATA["season_start_month"]
PARTS_OF_DAY: dict[str, str] = _DATA["parts_of_day"]
NUMBER_WORDS: dict[str, float] = _DATA["number_words"]
VAGUE_NUMBERS: list[str] = _DATA["vague_numbers"]
ORDINALS: dict[str, int] = _DATA["ordinals"]
UNITS: dict[str, tuple[str, bool]] = {k: (v[0], v[1]) for k, v in _DATA["units"].items()}
UNIT_PLURALS: dict[str, str] = _DATA["unit_plurals"]
DURATION_MODIFIERS: dict[str, str] = _DATA["duration_modifiers"]
AGO_MODIFIERS: dict[str, str] = _DATA["ago_modifiers"]
EDGE_MODIFIERS: dict[str, str] = _DATA["edge_modifiers"]
SET_ADVERBS: dict[str, str] = _DATA["set_adverbs"]
FREQUENCIES: dict[str, int] = _DATA["frequencies"]
PRESENT_REFS: list[str] = _DATA["present_refs"]
PAST_REFS: list[str] = _DATA["past_refs"]
FUTURE_REFS: list[str] = _DATA["future_refs"]
RECENT_UNITS: list[str] = _DATA["recent_units"]
HOLIDAYS: dict[str, tuple[int, int]] = {k: (v[0], v[1]) for k, v in _DATA["holidays"].items()}
# holidays on the nth weekday of a month: name -> (month, ISO weekday, nth or -1 for the last, first day)
MOVING_HOLIDAYS: dict[str, tuple[int, int, int, int]] = {k: tuple(v) for k, v in _DATA["moving_holidays"].items()
                                                         if not k.startswith("_")}
YEAR_BLOCKERS: list[str] = _DATA["year_blockers"]
YEAR_PREFIXES_BEFORE_1900: list[str] = _DATA["year_prefixes_before_1900"]
AMBIGUOUS_MONTHS: list[str] = _DATA["ambiguous_months"]
MONTH_PREPOSITIONS: set[str] = set(_DATA["month_prepositions"])
NUMBER_LABELS: set[str] = set(_DATA["number_labels"])
# duration modifiers that are also prepositions of time: "over two decades" may be "during two decades"
PREPOSITION_MODIFIERS: set[str] = set(_DATA["preposition_modifiers"])
QUARTER_PREPOSITIONS: list[str] = _DATA["quarter_prepositions"]

def normal(phrase: str) -> str:
    """Lower case with single spaces and straight apostrophes: the key form of a matched phrase."""
    return " ".join(phrase.lower().replace("’", "'").split())


_KEYED = {id(table): {normal(word): value for word, value in table.items()}
          for table in (SEASONS, PARTS_OF_DAY, NUMBER_WORDS, ORDINALS, UNITS, DURATION_MODIFIERS,
                        EDGE_MODIFIERS, SET_ADVERBS, FREQUENCIES, HOLIDAYS, MOVING_HOLIDAYS)}


def alternation(words, flexible_space: bool = True) -> str:
    """A regex alternation of the words, longest first so that "more than" beats "more"."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        escaped = re.escape(word)
        parts.append(escaped.replace(r"\ ", r"\s+") if flexible_space else escaped)
    return "|".join(parts)


def lookup(table: dict, phrase: str):
    """The value of a phrase in a lexicon table, compared in key form."""
    return _KEYED[id(table)][normal(phrase)]


def fixed_holiday(name: str) -> tuple[int, int] | None:
    """(month, day) of a holiday on a fixed date, None for one on the nth weekday of a month."""
    return _KEYED[id(HOLIDAYS)].get(normal(name))


def number_value(phrase: str) -> float | None:
    """3, "three", "twenty-four", "2.5", "two and a half", "a dozen"; None for vague amounts ("several")."""
    text = normal(phrase).replace(",", "")
    half = 0.0
    for suffix in (" and a half", " and one half", " 1/2", "½"):
        if text.endswith(suffix):
            text, half = text[: -len(suffix)].strip(), 0.5
    if text in (normal(v) for v in VAGUE_NUMBERS):
        return None
    try:
        return float(text) + half
    except ValueError:
        pass
    total = 0.0
    for part in text.split("-"):
        if part not in NUMBER_WORDS:
            return None
        total += NUMBER_WORDS[part]
    return total + half
