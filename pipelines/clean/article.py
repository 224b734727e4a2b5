"""Cleaning one article: boilerplate out (each removed line kept with its reason), metadata in."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable

from pipelines.clean.boilerplate import classify
from pipelines.clean.datelines import (
    date_in_line,
    day_in_year,
    is_update,
    lead_date,
    numeric_day_first,
    parse_dateline,
    published_in_line,
)
from pipelines.clean.lines import (
    MIN_HEADLINE_WORDS,
    Line,
    headline_part,
    normalised,
    split_lines,
    title_parts,
)
from pipelines.clean.merge import merge_metadata
from pipelines.clean.metadata import (
    agency_from_lead,
    author_bio_name,
    byline_authors,
    contributor_names,
    copyright_year,
    is_person_name,
    leading_byline_name,
    named_line,
    publisher_from_copyright,
    publisher_from_first_published,
    spelled_out,
)
from pipelines.models import (
    ArticleMetadata,
    CleanArticle,
    RawArticle,
    RemovedLine,
    Segment,
)
from pipelines.nlp.entities.lexicon import is_given_name

LEAD_LINES = 3  # an agency lead "(Bloomberg) --" opens one of the first kept lines
MAX_SITE_WORDS = 5
HEADER_SEARCH_LINES = 6  # lines below the headline where its byline and date are looked for
MAX_HEADER_GAP = 30  # lines from the headline to the story that may all be its header (tags, tools, date)
STORY_HEADER_LINES = 6  # lines either side of the story's first line where they are looked for too
_BYLINE_START = re.compile(r"^\W*by\b\s*:?\s*", re.IGNORECASE)  # "By", "// By", "— by:"
MAX_HEADER_LINE_WORDS = 20
_AFTER_HEADLINE = re.compile(r"\s*[^\w\s]")  # what a page title adds after its headline starts with a separator


def clean(raw: RawArticle) -> CleanArticle:
    lines = split_lines(raw.text)
    known_titles = [raw.sidecar.get("title") or raw.extracted_meta.get("title"),
                    *raw.extracted_meta.get("headlines", [])]
    # HTML has been through trafilatura, which keeps the main text only: the line model and the rules that tell
    # page furniture by its shape are for whole pages.
    result = classify(lines, known_titles, line_model=raw.format == "txt", main_text=raw.format == "html")
    kept = [line for line in lines if line.no not in result.reasons]
    removed = [line for line in lines if line.no in result.reasons]

    body_parts, segments, headings = [], [], []
    body_len = 0
    for line in kept:
        if body_parts:
            body_len += 1  # the "\n" between kept lines
        segments.append(Segment(body_len, line.start, len(line.text)))
        if line.no in result.headings:
            headings.append((body_len, body_len + len(line.text)))
        body_parts.append(line.text)
        body_len += len(line.text)

    from_text = text_metadata(lines, result.reasons)
    metadata, sources = merge_metadata(from_text, raw)
    return CleanArticle(
        source_path=raw.source_path,
        content_sha256=raw.content_sha256,
        body="\n".join(body_parts),
        removed=[RemovedLine(line.no, line.raw, result.reasons[line.no]) for line in removed],
        headings=headings,
        segments=segments,
        metadata=metadata,
        metadata_sources=sources,
        format=raw.format,
        encoding=raw.encoding,
    )


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _byline_names(text: str) -> list[str]:
    """A byline's names: "By A and B", "A Avatar", or a line that is only names opening with forenames (with no
    "By" to say so, menus of a copied page read as names too: "Games Movies TV", "Change Country")."""
    authors = byline_authors(text)
    if authors is not None:
        return authors
    return [name for name in named_line(text) or [] if is_given_name(name.split()[0])]


def _title_and_site(lines: list[Line], reasons: dict[int, str]) -> tuple[str | None, str | None]:
    """The headline, and the site's name when the page's title is "Headline | Site" and the headline stands alone
    too (a whole page copied: its title first, the headline above the story)."""
    titles = [line.text for line in lines if reasons.get(line.no) == "title"]
    if not titles:
        return None, None
    headline = headline_part(titles[0])
    if headline and any(normalised(t) == normalised(headline) for t in titles[1:]):
        rest = titles[0].replace(headline, "", 1).strip(" |–—-")
        return headline, rest if rest and len(rest.split()) <= MAX_SITE_WORDS else None
    shown = _shown_headline(titles[0], lines, reasons)
    if shown is None:
        return titles[0], None
    # What the title adds after the headline ends with the site's name: "(with Pictures) | eHow".
    added = len(normalised(titles[0])) - len(normalised(shown))
    parts = title_parts(titles[0])
    site = parts[-1] if len(parts) > 1 and len(normalised(parts[-1])) < added else None
    return shown, site if site and len(site.split()) <= MAX_SITE_WORDS else None


def _shown_headline(title: str, lines: list[Line], reasons: dict[int, str]) -> str | None:
    """The headline the page shows above its story when its title adds more to it than a site's name ("How to Build
    a Terrarium (with Pictures) | eHow", "Samantha and The Great Big Lie. How to get shanked… | by John C. Welch |
    Medium"): the last line above the story that the title starts with, a separator or a punctuation mark after it.
    A line that is a whole part of the title but not its longest is the site's name ("The Example Courier - Headline").
    """
    key = normalised(title)
    longest = headline_part(title)
    site_parts = {normalised(part) for part in title_parts(title) if part != longest}
    story = next((i for i, line in enumerate(lines) if line.no not in reasons and line.is_paragraph), len(lines))
    for line in reversed(lines[:story]):
        shown = normalised(line.text)
        if (reasons.get(line.no) != "title" and len(line.words) >= MIN_HEADLINE_WORDS and key.startswith(shown)
                and _AFTER_HEADLINE.match(key, len(shown)) and shown not in site_parts):
            return line.text
    return None


def _header(lines: list[Line], reasons: dict[int, str]) -> list[Line]:
    """The short lines where a page puts its byline and date: below each copy of the headline (the last copy
    first: the first is often the page's title, above the site's menus), down to the story when it starts soon
    after (tags and tools may stand between), then around the story's first line (a page copy whose headline the
    rules did not see). A byline may be long ("By Jane Roe, who covers ...")."""
    starts = [i + 1 for i, line in reversed(list(enumerate(lines))) if reasons.get(line.no) == "title"]
    story = next((i for i, line in enumerate(lines) if line.no not in reasons), None)
    spans = []
    for start in starts:
        end = start + HEADER_SEARCH_LINES
        if story is not None and 0 <= story - start <= MAX_HEADER_GAP:
            end = max(end, story)
        spans.append(range(start, end))
    if story is not None:
        spans.append(range(story - STORY_HEADER_LINES, story + STORY_HEADER_LINES))
    picked = dict.fromkeys(i for span in spans for i in span if 0 <= i < len(lines))
    return [lines[i] for i in picked
            if len(lines[i].words) <= MAX_HEADER_LINE_WORDS or _BYLINE_START.match(lines[i].text)]


def _header_authors(header: list[Line]) -> list[str]:
    """The first names a header line gives: "By Jane Roe March 18 at 3:57 PM", "// By Jane Roe • Nov 11, 2020",
    "Jane Roe - Apr 16, 2015 8:02 pm UTC" (a name beside a date)."""
    for line in header:
        text = _BYLINE_START.sub("By ", line.text, count=1)
        names = [leading_byline_name(text)]
        if names == [None] and (date_in_line(line.text) or parse_dateline(line.text)):
            names = named_line(line.text) or []
        names = [name for name in names if name and is_person_name(name)]
        if names:
            return names
    return []


def text_metadata(lines: list[Line], reasons: dict[int, str]) -> ArticleMetadata:
    """Title, authors, contributors, publisher and date from the removed lines (and the story's lead)."""
    removed = [line for line in lines if line.no in reasons]
    kept = [line for line in lines if line.no not in reasons]
    by_reason: dict[str, list[str]] = {}
    for line in removed:
        by_reason.setdefault(reasons[line.no], []).append(line.text)
    metadata = ArticleMetadata()
    metadata.title, site = _title_and_site(lines, reasons)
    header = _header(lines, reasons)
    bylines = (name for text in by_reason.get("byline", []) for name in _byline_names(text))
    bios = filter(None, map(author_bio_name, by_reason.get("author_bio", [])))
    for found in (bylines, bios, _header_authors(header)):
        metadata.authors = _unique(filter(is_person_name, found))
        if metadata.authors:
            break
    metadata.contributors = _unique(n for text in by_reason.get("contributors", []) for n in contributor_names(text))
    copyrights = by_reason.get("copyright", [])
    credits = [*copyrights, *by_reason.get("contributors", []), *by_reason.get("first_published", [])]
    agency = next(filter(None, (agency_from_lead(line.text) for line in kept[:LEAD_LINES])), None)
    agency = spelled_out(agency, credits) if agency else None
    # The site's own name first (as its masthead writes it), then the agency that wrote the story.
    publishers = [*by_reason.get("masthead", []), site, agency, *map(publisher_from_copyright, copyrights),
                  *map(publisher_from_first_published, by_reason.get("first_published", []))]
    metadata.publisher = next((p for p in publishers if p), None)
    # A site footer's copyright year is the year the page was served; only the story's own copyright
    # notice (held by the agency its lead names) dates the story.
    years = [copyright_year(t) for t in copyrights if agency and _holds(publisher_from_copyright(t), agency)]
    year = next(((dt.date(y, 1, 1), "year") for y in years if y), None)
    metadata.published, metadata.published_precision = _published(lines, reasons, header) or year or (None, None)
    return metadata


def _published(lines: list[Line], reasons: dict[int, str], header: list[Line]) -> tuple[dt.date, str] | None:
    """The publication day the page states: a dateline above the story, else the date in the lines under the
    headline, else the date the story's first paragraph opens with, else the page's own date repeated below the story
    (datelines below it that disagree date other stories, a list of related links), else a byline's day without its
    year. An update stamp ("Last updated: ...") is no publication date: it counts only when the page gives nothing
    else."""
    day_first = numeric_day_first(line.text for line in lines)
    story_start = next((line.no for line in lines if line.no not in reasons), math.inf)
    datelines = [(line, date) for line in lines if reasons.get(line.no) == "dateline"
                 if (date := parse_dateline(line.text, day_first))]
    above = next((date for line, date in datelines if line.no < story_start and not is_update(line.text)), None)
    under_headline = next(filter(None, (published_in_line(line.text, day_first) for line in header)), None)
    below = {date for line, date in datelines if line.no > story_start and not is_update(line.text)}
    update = next((date for line, date in datelines if line.no < story_start and is_update(line.text)), None)
    first_paragraph = next((line for line in lines if line.no not in reasons and line.is_paragraph), None)
    lead = lead_date(first_paragraph.text, day_first) if first_paragraph else None
    own_below = below.pop() if len(below) == 1 else None
    candidates = (above, under_headline, lead, own_below, _day_this_year(lines, reasons, header), update)
    return next(filter(None, candidates), None)


def _day_this_year(lines: list[Line], reasons: dict[int, str], header: list[Line]) -> tuple[dt.date, str] | None:
    """A day the byline gives without its year ("By Jane Roe March 18 at 3:57 PM"), as sites print the days of the
    current year, in the year the page was served: its footer's copyright year. None without a copyright notice."""
    served = max(filter(None, (copyright_year(line.text) for line in lines if reasons.get(line.no) == "copyright")),
                 default=None)
    if served is None:
        return None
    return next(filter(None, (day_in_year(line.text, served) for line in header if not line.is_sentence)), None)


def _holds(holder: str | None, agency: str) -> bool:
    return holder is not None and agency.lower() in holder.lower()
