"""The site header above a story: the masthead (the site's name), section labels, menus and a tagline.

On a page laid out in blank-line separated groups, the header is the run of leading groups that start with a
short line and hold no sentence, byline or date, when a headline-shaped line still follows before the story
starts. Its first line names the site unless it is a section label; a line like a headline in the header is
the site's tagline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from pipelines.clean.lines import Line

SECTION_WORDS_FILE = Path(__file__).with_name("section_words.txt")
MAX_MASTHEAD_WORDS = 4
MIN_HEADER_GROUP_LINES = 2  # one short line alone may be the headline itself
_LABEL_GLUE = {"and", "&", "the", "+"}


@cache
def _section_words() -> frozenset[str]:
    rows = SECTION_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(r.strip().lower() for r in rows if r.strip() and not r.startswith("#"))


def is_section_label(text: str) -> bool:
    """Only the words of news sections: "U.S. News", "Climate & Energy", "Sport"."""
    words = [w for w in re.split(r"[\s/,]+", text.lower()) if w and w not in _LABEL_GLUE]
    return bool(words) and all(w in _section_words() or w.rstrip(".") in _section_words() for w in words)


def _groups(lines: list[Line]) -> list[list[Line]]:
    """Runs of lines with no blank line between them."""
    groups: list[list[Line]] = []
    for line in lines:
        if groups and line.no == groups[-1][-1].no + 1:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def mark_site_header(top: list[Line], reasons: dict[int, str], is_metadata: Callable[[str], bool],
                     is_headline: Callable[[Line], bool]) -> None:
    """Marks the header lines of ``top`` (the lines above the story): "masthead" for the site's name,
    "section_label" and "site_header" for the rest. ``is_metadata`` tells a byline or date line,
    ``is_headline`` a line that could be the story's title."""
    header: list[Line] = []
    for group in _groups(top):
        own = [line for line in group if line.no not in reasons]
        if own and (len(group) < MIN_HEADER_GROUP_LINES or len(own[0].words) > MAX_MASTHEAD_WORDS
                    or any(line.ends_like_sentence or is_metadata(line.text) for line in own)):
            break
        header += own
    rest = [line for line in top[top.index(header[-1]) + 1:] if line.no not in reasons] if header else []
    if not any(is_headline(line) and not is_metadata(line.text) for line in rest):
        return
    for i, line in enumerate(header):
        if is_section_label(line.text):
            reasons[line.no] = "section_label"
        elif i == 0 and _is_masthead(line):
            reasons[line.no] = "masthead"
        else:
            reasons[line.no] = "site_header"


def _is_masthead(line: Line) -> bool:
    """A site's name: a few words, not a sentence, starting with a capital or a digit."""
    return (0 < len(line.words) <= MAX_MASTHEAD_WORDS and not line.ends_like_sentence
            and (line.text[0].isupper() or line.text[0].isdigit()))
