"""Known page furniture (adverts, share bars, comment widgets, credits...): whole-line patterns from furniture.tsv."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

PATTERNS_FILE = Path(__file__).with_name("furniture.tsv")
MAX_FURNITURE_CHARS = 500  # furniture is short; a longer line is a paragraph whatever it starts with


@cache
def _patterns() -> tuple[tuple[str, re.Pattern], ...]:
    patterns = []
    for row in PATTERNS_FILE.read_text(encoding="utf-8").splitlines():
        if row.strip() and not row.startswith("#"):
            reason, expression = row.split("\t", 1)
            patterns.append((reason, re.compile(expression, re.IGNORECASE)))
    return tuple(patterns)


def furniture_reason(text: str) -> str | None:
    """The reason a stripped line is page furniture, or None when it is not."""
    if len(text) > MAX_FURNITURE_CHARS:
        return None
    for reason, pattern in _patterns():
        if pattern.fullmatch(text):
            return reason
    return None
