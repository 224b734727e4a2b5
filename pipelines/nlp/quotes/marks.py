"""Finds quoted stretches of text by pairing quotation marks, paragraph by paragraph (no spaCy here).

Curly, straight and guillemet marks are paired by family (double or single); the doubled marks of typewriter
and archive copy (``...'' and ''...'') are read as double marks (see typed_doubled_marks). A single mark between two letters
(China’s, don’t), after a letter with nothing open (the allies’ plans) or before a decade (’90s) is an
apostrophe. An opening double mark still open at the end of a paragraph is a quote continued in the next
paragraph when that paragraph opens with a quotation mark too; other unclosed marks are dropped as strays.
Only top-level quotes are returned: a quote inside a quote belongs to the outer speaker's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
STRAIGHT = {'"': "double", "'": "single"}
OPENING_CONTEXT = " \t([{—–-/“‘«"  # characters after which a straight mark opens a quote
MIN_CONTENT = {"double": 1, "single": 2}  # rock ’n’ roll: one letter between single marks is no quote
DECADE = re.compile(r"\d\ds\b|\d\d\b")  # ’90s, '68
PLURAL_POSSESSIVE = re.compile(r"(?<=s)[’'] [a-z]")  # the workers’ union
PUNCTUATED_CLOSE = re.compile(r"[,.;:!?][’']")  # a single close mark that can only end a quotation
DOUBLED_MARK = re.compile(r"``|''")  # typewriter and news-archive copy: ``like this'' or ''like this''
# Every character _mark_role can give a role: the scan visits only these, not every character of the text.
ANY_MARK = re.compile("[" + re.escape(DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + "\"'") + "]")


@dataclass(frozen=True)
class QuotedSpan:
    start: int  # first character after the opening mark
    end: int  # the closing mark (or the paragraph end when the quote runs on)
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when the quote runs on into the next paragraph
    paragraph: int  # index of the paragraph (body line)


@dataclass
class _Open:
    family: str
    pos: int


def typed_doubled_marks(text: str) -> str:
    """The text with each doubled mark as one typographic mark beside a space, so that every offset stays the
    text's: an opening pair (``, or '' where a quotation can open) becomes " “", a closing one "” ". A '' after a
    digit is inches (6'2'') and stays."""
    def typed(match: re.Match) -> str:
        start, end = match.span()
        before = text[start - 1] if start else "\n"
        after = text[end] if end < len(text) else " "
        if match.group() == "''" and before.isdigit():
            return match.group()
        opens = match.group() == "``" or (before in OPENING_CONTEXT + "\n" and not after.isspace())
        return " “" if opens else "” "
    return DOUBLED_MARK.sub(typed, text)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of the body; each line is a paragraph."""
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    paragraphs = paragraph_spans(text)
    found: list[QuotedSpan] = []
    for index, (start, end) in enumerate(paragraphs):
        next_line = text[paragraphs[index + 1][0]:paragraphs[index + 1][1]] if index + 1 < len(paragraphs) else ""
        found.extend(_paragraph_quotes(text, start, end, index, _opens_with_quote(next_line)))
    return found


def _opens_with_quote(line: str) -> bool:
    stripped = line.lstrip()
    return bool(stripped) and (stripped[0] in DOUBLE_OPEN or stripped[0] == '"')


def _paragraph_quotes(text: str, start: int, end: int, paragraph: int, runs_on: bool) -> list[QuotedSpan]:
    stack: list[_Open] = []
    found: list[QuotedSpan] = []
    for mark in ANY_MARK.finditer(text, start, end):
        pos = mark.start()
        role = _mark_role(text, pos, start, end, stack)
        if role is None:
            continue
        kind, family = role
        if kind == "open":
            stack.append(_Open(family, pos))
            continue
        # A close pops the nearest open mark of its family; opens above it were strays (apostrophes).
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth].family == family:
                opened = stack[depth]
                del stack[depth:]
                if not stack and pos > opened.pos + MIN_CONTENT[family]:
                    found.append(QuotedSpan(opened.pos + 1, pos, opened.pos, pos, paragraph))
                break
    doubles = [o for o in stack if o.family == "double"]
    if runs_on and doubles:
        opened = doubles[0]
        found.append(QuotedSpan(opened.pos + 1, end, opened.pos, None, paragraph))
    return found


def _possessive_inside_quote(text: str, pos: int, end: int) -> bool:
    """A plural possessive inside an open single quotation (‘The workers’ union is strong,’ she said): a mark
    after an s and before a lower-case word, when the quotation plainly closes later in the paragraph, after
    punctuation, with no other single quotation opened before that."""
    if not PLURAL_POSSESSIVE.match(text, pos):
        return False
    close = PUNCTUATED_CLOSE.search(text, pos + 1, end)
    if close is None:
        return False
    next_open = min((i for i in (text.find(m, pos + 1, close.start()) for m in SINGLE_OPEN) if i >= 0), default=None)
    return next_open is None


def _mark_role(text: str, pos: int, start: int, end: int, stack: list[_Open]) -> tuple[str, str] | None:
    """("open"|"close", family) for a quotation mark at pos, None for any other character or an apostrophe."""
    char = text[pos]
    before = text[pos - 1] if pos > start else " "
    after = text[pos + 1] if pos + 1 < end else " "
    if char in DOUBLE_OPEN:
        return None if char == "“" and after.isspace() else ("open", "double")  # a lone “ is a stray
    if char in DOUBLE_CLOSE:
        return "close", "double"
    if char in SINGLE_OPEN:
        return None if DECADE.match(text, pos + 1) else ("open", "single")
    if char == '"':
        if before in OPENING_CONTEXT and not after.isspace():
            return "open", "double"
        return "close", "double"
    if char in SINGLE_CLOSE or char == "'":
        if before.isalnum() and after.isalnum():
            return None  # don’t, China’s, US's
        if before in OPENING_CONTEXT:
            if char == "'" and after.isalnum() and not DECADE.match(text, pos + 1):
                return "open", "single"
            return None  # ’90s, ’em, or a lone mark
        if any(o.family == "single" for o in stack):
            return None if _possessive_inside_quote(text, pos, end) else ("close", "single")
        return None  # plural possessive: the allies’ plans
    return None
