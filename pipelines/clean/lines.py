"""Lines of a raw text with their offsets, and the shape signals the classifier reads from them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*\.?")
_BULLET = re.compile(r"^[•·▪●◦‣*\-–—]\s+")
# A sentence ends with . ! ? or …, possibly inside closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
# A quotation that ends a sentence, then an attribution: “...,” – Name
_QUOTED_SENTENCE = re.compile(r"[.!?,…][\"”’]")
MIN_SENTENCE_WORDS = 8
MIN_SENTENCE_STOP_SHARE = 0.3
PARAGRAPH_WORDS = 20
MAX_HEADING_WORDS = 14


@dataclass(frozen=True)
class Line:
    """One non-blank line: ``text`` is stripped; ``start`` is its offset in the raw text."""

    no: int  # 1-based line number in the raw text
    start: int
    raw: str  # the line as written, without its newline
    text: str

    @cached_property
    def content(self) -> str:
        """The text without a leading bullet."""
        return _BULLET.sub("", self.text)

    @cached_property
    def words(self) -> list[str]:
        return _WORD.findall(self.content)

    @property
    def is_bullet(self) -> bool:
        return bool(_BULLET.match(self.text))

    @cached_property
    def stop_share(self) -> float:
        return sum(w.lower() in STOP_WORDS for w in self.words) / len(self.words) if self.words else 0.0

    @cached_property
    def capitalised_share(self) -> float:
        """Share of content words (not stop words) that start with a capital: 1.0 for Title Case."""
        content = [w for w in self.words if w.lower() not in STOP_WORDS and not w[0].isdigit()]
        return sum(w[0].isupper() for w in content) / len(content) if content else 0.0

    @cached_property
    def ends_like_sentence(self) -> bool:
        return bool(_SENTENCE_END.search(self.text) or _QUOTED_SENTENCE.search(self.text))

    @cached_property
    def is_sentence(self) -> bool:
        """Reads as running text: ends like a sentence, or is long with the function words of prose."""
        if self.ends_like_sentence:
            return True
        return len(self.words) >= MIN_SENTENCE_WORDS and self.stop_share >= MIN_SENTENCE_STOP_SHARE

    @property
    def is_paragraph(self) -> bool:
        """Long running text: the article core is what lies between the first and the last of these."""
        return self.is_sentence and len(self.words) >= PARAGRAPH_WORDS

    @cached_property
    def is_headline(self) -> bool:
        """Shaped like a headline: Title Case, not running text, not too long."""
        return (0 < len(self.words) <= 2 * MAX_HEADING_WORDS and not _SENTENCE_END.search(self.text)
                and self.capitalised_share >= 0.75 and self.content[:1].isupper())

    @property
    def is_heading(self) -> bool:
        """A short subheading inside the body."""
        return self.is_headline and len(self.words) <= MAX_HEADING_WORDS and not self.is_bullet

    @property
    def is_plain_heading(self) -> bool:
        """A short subheading in sentence case ("What to do next"): no sentence end, no lead-in colon."""
        return (0 < len(self.words) <= MAX_HEADING_WORDS and not self.is_bullet and not self.ends_like_sentence
                and not self.text.endswith(":") and self.text[0].isupper())


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text`` in order."""
    lines = []
    offset = 0
    for no, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if stripped:
            lines.append(Line(no, offset + len(raw) - len(raw.lstrip()), raw, stripped))
        offset += len(raw) + 1
    return lines


def normalised(text: str) -> str:
    """For comparing lines: case, spacing and quote styles ignored."""
    text = text.translate(str.maketrans("’‘“”", "''\"\""))
    return " ".join(text.lower().split())


_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+")
MIN_HEADLINE_WORDS = 3


def title_parts(title: str) -> list[str]:
    """The parts of a page title between its separators: "Headline | Section | Site" → three parts."""
    return [part.strip() for part in _TITLE_SEPARATOR.split(title) if part.strip()]


def headline_part(title: str) -> str | None:
    """The headline of a page title that adds the site's name ("Headline | Site", "Headline - Site"): its longest
    part; None when the title has one part, or when no part is long enough to be a headline."""
    parts = title_parts(title)
    longest = max(parts, key=len, default="")
    return longest if len(parts) > 1 and len(_WORD.findall(longest)) >= MIN_HEADLINE_WORDS else None
