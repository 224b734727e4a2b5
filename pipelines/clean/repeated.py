"""Lines that recur across many articles of one source are that source's page furniture."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from pipelines.clean.lines import normalised, split_lines

MIN_ARTICLES = 3
# Furniture is short ("Share this article", "Follow us on X"); a long paragraph found in several articles is
# syndicated or quoted text, which stays.
MAX_FURNITURE_WORDS = 12


def repeated_lines(texts: Iterable[str], min_articles: int = MIN_ARTICLES) -> frozenset[str]:
    """The normalised lines found in at least ``min_articles`` of the raw texts (each text counted once),
    ready for ``clean(raw, repeated_lines=...)``. Pass the texts of ONE source: across sources a shared line
    is more likely a shared quote than furniture."""
    counts = Counter(
        line for text in texts
        for line in {normalised(x.text) for x in split_lines(text) if len(x.text.split()) <= MAX_FURNITURE_WORDS}
    )
    return frozenset(line for line, count in counts.items() if count >= min_articles)
