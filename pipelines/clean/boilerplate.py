"""The line classifier: which lines of a page are the article, and why every other line is not.

The article core runs from the first to the last paragraph of running text (author boxes closing the page and
a stand-first above the byline excepted). Furniture patterns apply everywhere; above the core (the top block)
we find the site header (see header.py), section labels,
the title and its copies, bylines, datelines and other stories' headlines; below it (the bottom block)
link lists, author boxes and page chrome.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pipelines.clean.datelines import parse_dateline
from pipelines.clean.furniture import furniture_reason
from pipelines.clean.header import mark_site_header
from pipelines.clean.line_model import off_story_lines
from pipelines.clean.lines import Line, headline_part, normalised
from pipelines.clean.metadata import author_bio_name, byline_authors, is_name, named_line

MIN_TITLE_WORDS = 3
MAX_TITLE_WORDS = 30
MAX_SECTION_WORDS = 2
MAX_BARE_NAME_TOKENS = 4
MAX_MENU_WORDS = 4
MAX_NAME_LINE_WORDS = 10
MAX_BYLINE_DISTANCE = 3  # lines below the headline where a line of bare names is its byline, not a menu
MAX_STAND_FIRST_WORDS = 45
# A comment-thread marker in the second half of the page: everything after it is readers' comments.
_THREAD_START = re.compile(r"(?:\d+ comments?|comments? \(\d+\)|leave a (?:comment|reply)|post a comment"
                           r"|add (?:a|your) comment|join the (?:conversation|discussion)|\d+ responses?)[:.]?",
                           re.IGNORECASE)
# A slideshow's caption opens with its counter: "1/50 ...", "2 of 12 ...".
_SLIDE_COUNTER = re.compile(r"(\d{1,3})\s*(?:/|of)\s*(\d{1,3})\b")
MIN_SLIDES = 3
MIN_STORY_WORDS_BESIDE_SLIDESHOW = 150
# "Headline of another story - Daily Star": a pasted link ends with the name of its site.
_SOURCE_SUFFIX = re.compile(r"\s[-–—|]\s+[A-Z][\w.&'’]*(?:\s+[A-Z][\w.&'’]*){0,3}$")


@dataclass
class Classification:
    reasons: dict[int, str] = field(default_factory=dict)  # line_no -> why the line is not article text
    headings: set[int] = field(default_factory=set)  # line_nos of subheadings kept in the body


def classify(lines: list[Line], known_titles: Sequence[str] = (), line_model: bool = True,
             main_text: bool = False) -> Classification:
    """Classifies the non-blank lines of one article (see split_lines): the rules, then (with ``line_model``)
    the trained model for whatever page furniture the rules did not know. ``known_titles``: the article's title as
    its sidecar or page states it (and the headline the page shows, when it differs); their copies go.

    ``main_text``: the lines are what an HTML extractor kept as the page's main text, not a whole page. The
    extractor chose them from the page's structure, so the rules that tell menus, link lists, section labels and
    page chrome by their shape alone stay off (there they take the story's own lists and headings); furniture
    patterns, the title's copies, bylines, datelines, author boxes and comment threads still apply."""
    result = Classification()
    for line in lines:
        reason = furniture_reason(line.text)
        if reason:
            result.reasons[line.no] = reason
    _author_bios(lines, result.reasons)
    _slideshows(lines, result.reasons)
    # A long page title ("Headline, with many words | The Seattle Times") is no paragraph of the story.
    core = [i for i, line in enumerate(lines) if line.no not in result.reasons and line.is_paragraph
            and (line.ends_like_sentence or not _SOURCE_SUFFIX.search(line.text))]
    first, last = (core[0], core[-1]) if core else (len(lines), len(lines))
    if len(core) >= 2 and _is_stand_first(lines[core[0]], lines[core[0] + 1:core[1]], result.reasons):
        first = core[1]
    top = lines[:first]
    titles = (_main_text_top if main_text else _top_block)(top, result.reasons, known_titles)
    for line in lines:
        if normalised(line.text) in titles:
            result.reasons[line.no] = "title"
    _comment_thread(lines, result.reasons)
    if not main_text:
        _link_lists(lines, result.reasons)
        _bottom_block(lines[last + 1:], result.reasons)
    if line_model:
        result.reasons.update(dict.fromkeys(off_story_lines(lines, result.reasons), "not_article"))
    kept = [line for line in lines if line.no not in result.reasons]
    # Inside the story, any short line that introduces running text is a subheading, whatever its case.
    story = {line.no for line in lines[first + 1:last]}
    result.headings = {line.no for line, after in zip(kept, kept[1:]) if after.is_sentence
                       and (line.is_heading or (line.no in story and line.is_plain_heading))}
    return result


def _slideshows(lines: list[Line], reasons: dict[int, str]) -> None:
    """The numbered captions of a photo gallery embedded in a story ("1/50 United go down ...", "2/50 ..."): at
    least three lines counting slides of the same gallery. A page that is only a gallery keeps its captions: they
    go only when running text outside them tells a story of its own."""
    slides: dict[int, list[Line]] = {}
    for line in lines:
        match = _SLIDE_COUNTER.match(line.content)
        if match and line.no not in reasons and 0 < int(match[1]) <= int(match[2]):
            slides.setdefault(int(match[2]), []).append(line)
    for count, shown in slides.items():
        if len({_SLIDE_COUNTER.match(line.content)[1] for line in shown}) < min(MIN_SLIDES, count):
            continue
        story_words = sum(len(line.words) for line in lines
                          if line.is_sentence and line not in shown and line.no not in reasons)
        if story_words >= MIN_STORY_WORDS_BESIDE_SLIDESHOW:
            reasons.update(dict.fromkeys((line.no for line in shown), "slideshow"))


def _is_metadata(text: str) -> bool:
    """A byline or a date line."""
    return byline_authors(text) is not None or parse_dateline(text) is not None


def _is_stand_first(paragraph: Line, below: list[Line], reasons: dict[int, str]) -> bool:
    """A short first paragraph with only a byline or date (and page furniture) before the next one."""
    own = [line for line in below if line.no not in reasons]
    return (len(paragraph.words) <= MAX_STAND_FIRST_WORDS and any(_is_metadata(line.text) for line in own)
            and not any(line.is_sentence and not _is_metadata(line.text) for line in own))


def _author_bios(lines: list[Line], reasons: dict[int, str]) -> None:
    """The author boxes that close a page ("Jane Roe covers city hall for the Ledger."), from the end up."""
    for line in reversed(lines):
        if line.no in reasons or not line.is_sentence:
            continue
        if author_bio_name(line.text) is None:
            return
        reasons[line.no] = "author_bio"


def _is_title_candidate(line: Line) -> bool:
    return (MIN_TITLE_WORDS <= len(line.words) <= MAX_TITLE_WORDS and not line.is_bullet
            and not line.text.endswith((".", ":", ",", ";")))


def _is_menu_item(line: Line, following: list[Line], previous_reason: str | None) -> bool:
    """A short line next to other short lines that are no byline or date: a navigation menu, not a title."""
    def short(candidate: Line) -> bool:
        return not candidate.is_sentence and len(candidate.words) <= MAX_MENU_WORDS
    if not short(line):
        return False
    if previous_reason == "navigation":
        return True
    return (bool(following) and short(following[0]) and named_line(following[0].text) is None
            and byline_authors(following[0].text) is None and parse_dateline(following[0].text) is None)


def _title_forms(title: str) -> set[str]:
    """A title and, when it reads "Headline | Site", its headline: the page's title and the copy above the story."""
    headline = headline_part(title)
    return {normalised(title)} | ({normalised(headline)} if headline else set())


def _known_forms(known_titles: Sequence[str]) -> set[str]:
    return {form for title in known_titles if title for form in _title_forms(title)}


def _metadata_line(top: list[Line], i: int, reasons: dict[int, str]) -> bool:
    """Marks top[i] when it is a byline or a dateline (and the name below a bare "By")."""
    line = top[i]
    authors = byline_authors(line.text)
    if authors is not None:
        reasons[line.no] = "byline"
        following = top[i + 1] if i + 1 < len(top) else None
        if authors == [] and following and is_name(following.text, max_tokens=MAX_BARE_NAME_TOKENS):
            reasons[following.no] = "byline"  # "By" on its own line, the name on the next
        return True
    if parse_dateline(line.text):
        reasons[line.no] = "dateline"
        return True
    return False


def _main_text_top(top: list[Line], reasons: dict[int, str], known_titles: Sequence[str]) -> set[str]:
    """The top of an extractor's main text: only the known titles' copies, bylines and datelines are marked."""
    titles = _known_forms(known_titles)
    found = False
    for i, line in enumerate(top):
        if line.no in reasons or _metadata_line(top, i, reasons):
            continue
        if normalised(line.text) in titles:
            reasons[line.no] = "title"
            found = True
    return titles if found else set()


def _top_block(top: list[Line], reasons: dict[int, str], known_titles: Sequence[str]) -> set[str]:
    """Marks the top block's lines; returns the normalised forms of the title (none when the text shows none)."""
    titles = _known_forms(known_titles)
    title_lines: list[int] = []
    mark_site_header(top, reasons, _is_metadata, _is_title_candidate)
    for i, line in enumerate(top):
        if line.no in reasons or _metadata_line(top, i, reasons):
            continue
        if normalised(line.text) in titles:
            reasons[line.no] = "title"
            title_lines.append(i)
        elif not title_lines and _is_menu_item(line, [n for n in top[i + 1:] if n.no not in reasons][:1],
                                               reasons.get(top[i - 1].no) if i else None):
            reasons[line.no] = "navigation"
        elif not title_lines and _is_title_candidate(line):
            titles = _title_forms(line.text)
            reasons[line.no] = "title"
            title_lines.append(i)
        elif not title_lines and not line.is_sentence and len(line.words) <= MAX_SECTION_WORDS:
            reasons[line.no] = "section_label"
        elif (title_lines and i - title_lines[-1] <= MAX_BYLINE_DISTANCE and not line.is_sentence
              and len(line.words) <= MAX_NAME_LINE_WORDS and named_line(line.text)):
            reasons[line.no] = "byline"
        elif line.is_bullet and line.is_headline:
            reasons[line.no] = "link_list"
        elif not line.is_sentence and _SOURCE_SUFFIX.search(line.text):
            reasons[line.no] = "other_headline"
    # Whatever sits between two copies of the title (and is not running text) belongs to the page.
    if len(title_lines) >= 2:
        for line in top[title_lines[0] + 1:title_lines[-1]]:
            if line.no not in reasons and not line.is_sentence:
                reasons[line.no] = "other_headline"
    return titles if title_lines else set()


def _link_lists(lines: list[Line], reasons: dict[int, str]) -> None:
    """Runs of headline-shaped bullets, and the headlines listed under a "read more" marker."""
    for i, line in enumerate(lines):
        if line.no in reasons or not (line.is_bullet and line.is_headline):
            continue
        neighbours = lines[max(i - 1, 0):i] + lines[i + 1:i + 2]
        if any(n.is_bullet and n.is_headline for n in neighbours):
            reasons[line.no] = "link_list"
    for i, line in enumerate(lines):
        if reasons.get(line.no) != "read_more":
            continue
        for following in lines[i + 1:]:
            # Listed headlines may read like prose but do not end like a sentence.
            if following.no in reasons or following.is_paragraph or (following.ends_like_sentence
                                                                      and not following.is_bullet):
                break
            reasons[following.no] = "link_list"


def _comment_thread(lines: list[Line], reasons: dict[int, str]) -> None:
    """Readers' comments follow a thread marker; only markers in the second half count, since a comment
    count near the top of a page is a link, not the start of the thread."""
    if not lines:
        return
    half = lines[-1].start / 2
    marker = next((i for i, line in enumerate(lines) if line.start > half and _THREAD_START.fullmatch(line.text)), None)
    if marker is not None:
        for line in lines[marker:]:
            reasons.setdefault(line.no, "comments")


def _bottom_block(bottom: list[Line], reasons: dict[int, str]) -> None:
    """Below the last paragraph, only running text is article; the rest is author boxes and page chrome."""
    for line in bottom:
        if line.no in reasons or line.is_sentence:
            continue
        if byline_authors(line.text) is not None:
            reasons[line.no] = "byline"
        elif parse_dateline(line.text):
            reasons[line.no] = "dateline"
        elif line.is_headline:
            reasons[line.no] = "link_list"
        else:
            reasons[line.no] = "page_chrome"
