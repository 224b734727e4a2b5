"""What kind of body line a character sits on: running text, a headline-like fragment, a bullet, a credit.

Cleaning removes most page furniture before NLP; these checks keep link-list headlines ("Judge Rules
Trump's ..."), author lines and photo credits from becoming people when some of it slips through.
"""

from __future__ import annotations

import bisect
import re

from pipelines.nlp.entities.lexicon import credit_cue, credit_line

_NEWLINE = re.compile("\n")
_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s*$")
_BULLET = re.compile(r"^\s*[•·▪●◦‣*]")
# Words a headline leaves in lower case (articles, conjunctions, short prepositions).
_HEADLINE_SMALL_WORDS = frozenset({"a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by",
                                   "in", "of", "off", "on", "per", "to", "up", "via", "vs", "from", "into", "onto",
                                   "with", "over", "than"})
# Names, "and", "&" and commas between a credit cue and the name it credits ("from A, B and C").
_NAME_LIST_TAIL = re.compile(r"(?:\s+|,|&|\band|[A-Z][\w.’'\-]*|\([^()]*\))$")
# What closes a photo credit after the name, to the end of its line: "Ezra Acayan / Getty Images", "(Thomas
# Coex/AFP/Getty Images)", "Kirsten Luce for The New York Times" (no sentence ends there).
# How far before a name a credit cue and the names listed after it can start ("With assistance from A, B and").
_CUE_REACH = 120
_CREDIT_TAIL = re.compile(r"\s*(?:/|\s+for\s+)\s*(?:[Tt]he\s+)?[A-Z][^.!?\n]{0,60}?\)?\s*$")


class Lines:
    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [match.end() for match in _NEWLINE.finditer(text)]
        # line start -> what the line is; names ask about their line many times
        self._running_text: dict[int, bool] = {}
        self._credit_lines: dict[int, bool] = {}

    def span(self, char: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, char) - 1
        start = self.starts[index]
        end = self.text.find("\n", start)
        return start, len(self.text) if end == -1 else end

    def is_running_text(self, char: int) -> bool:
        """Prose rather than a title, byline or link: enough lower-case words, or a finished sentence."""
        start, end = self.span(char)
        if start not in self._running_text:
            self._running_text[start] = self._is_running_line(self.text[start:end])
        return self._running_text[start]

    @staticmethod
    def _is_running_line(line: str) -> bool:
        words = _WORD.findall(line)
        if not words:
            return False
        lower = sum(word[0].islower() for word in words) / len(words)
        return (len(words) >= 8 and lower >= 0.3) or (
            len(words) >= 4 and lower >= 0.2 and bool(_SENTENCE_END.search(line)))

    def is_headline_case(self, char: int) -> bool:
        """A title in headline case, even when it ends with a full stop ("Glenn Beck Blasts Drudge for Mocking
        His Fast, Quotes Bible to Encourage Indiana."): six words or more, each capitalised but the short
        function words."""
        start, end = self.span(char)
        words = [w for w in _WORD.findall(self.text[start:end]) if w.lower() not in _HEADLINE_SMALL_WORDS]
        return len(words) >= 6 and all(w[0].isupper() for w in words)

    def is_bullet(self, char: int) -> bool:
        start, end = self.span(char)
        return bool(_BULLET.match(self.text[start:end]))

    def is_credit(self, char: int, name_end: int | None = None) -> bool:
        """The name at ``char`` (ending at ``name_end``, when given) follows a credit cue on its line ("By ...",
        "Photographer: ...", "With assistance from ..."), ends its line with an agency or outlet ("/ Getty Images",
        "for The New York Times"), or its whole line is a credit ("... contributed to this report.", an author
        bio)."""
        start, end = self.span(char)
        if start not in self._credit_lines:
            self._credit_lines[start] = bool(credit_line().search(self.text[start:end]))
        if self._credit_lines[start]:
            return True
        if name_end is not None and _CREDIT_TAIL.match(self.text, name_end, end):
            return True
        # Both patterns match at the end of the text before the name: searching its last characters is enough
        # (a paragraph of prose would otherwise be scanned twice for every name in it).
        before = self.text[max(start, char - _CUE_REACH):char]
        while not credit_cue().search(before):
            shorter = _NAME_LIST_TAIL.sub("", before)
            if shorter == before:
                return False
            before = shorter
        return True
