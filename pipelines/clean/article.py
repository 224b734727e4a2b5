"""Cleaning one article: boilerplate out (each removed line kept with its reason), metadata in."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable

from pipelines.clean.boilerplate import classify
from pipelines.clean.lines import Line, headline_part, normalised, split_lines
from pipelines.clean.merge import merge_metadata
from pipelines.clean.metadata import (agency_from_lead, author_bio_name, byline_authors, contributor_names,
                                      copyright_year, date_in_line, is_person_name, leading_byline_name, named_line,
                                      parse_dateline, publisher_from_copyright, publisher_from_first_published,
                                      published_in_line, spelled_out)
from pipelines.models import ArticleMetadata, CleanArticle, RawArticle, RemovedLine, Segment

LEAD_LINES = 3  # an agency lead "(Bloomberg) --" opens one of the first kept lines
MAX_SITE_WORDS = 5
HEADER_SEARCH_LINES = 6  # lines below the headline where its byline and date are looked for
STORY_HEADER_LINES = 6  # lines either side of the story's first line where they are looked for too
_BYLINE_START = re.compile(r"^\W*by\b\s*:?\s*", re.IGNORECASE)  # "By", "// By", "— by:"
MAX_HEADER_LINE_WORDS = 20


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
    """A byline's names: "By A and B", "A Avatar", or a line that is only names."""
    authors = byline_authors(text)
    return (named_line(text) or []) if authors is None else authors


def _title_and_site(titles: list[str]) -> tuple[str | None, str | None]:
    """The headline, and the site's name when the page's title is "Headline | Site" and the headline stands alone
    too (a whole page copied: its title first, the headline above the story)."""
    if not titles:
        return None, None
    headline = headline_part(titles[0])
    if headline and any(normalised(t) == normalised(headline) for t in titles[1:]):
        rest = titles[0].replace(headline, "", 1).strip(" |–—-")
        return headline, rest if rest and len(rest.split()) <= MAX_SITE_WORDS else None
    return titles[0], None


def _header(lines: list[Line], reasons: dict[int, str]) -> list[Line]:
    """The short lines where a page puts its byline and date: below each copy of the headline (the last copy
    first: the first is often the page's title, above the site's menus), then around the story's first line
    (a page copy whose headline the rules did not see). A byline may be long ("By Jane Roe, who covers ...")."""
    starts = [i + 1 for i, line in reversed(list(enumerate(lines))) if reasons.get(line.no) == "title"]
    spans = [range(start, start + HEADER_SEARCH_LINES) for start in starts]
    story = next((i for i, line in enumerate(lines) if line.no not in reasons), None)
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
    metadata.title, site = _title_and_site(by_reason.get("title", []))
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
    # A dateline above the story dates it; one below it may date another story (a related link's), so the date
    # written right under the headline comes first.
    story_start = kept[0].no if kept else math.inf
    datelines = [(line.no, date) for line in removed if reasons[line.no] == "dateline"
                 if (date := parse_dateline(line.text))]
    above = next((date for no, date in datelines if no < story_start), None)
    below = next((date for no, date in datelines if no > story_start), None)
    below_headline = next(filter(None, map(published_in_line, (line.text for line in header))), None)
    published = next(filter(None, (above, below_headline, below, year)), None)
    if published:
        metadata.published, metadata.published_precision = published
    return metadata


def _holds(holder: str | None, agency: str) -> bool:
    return holder is not None and agency.lower() in holder.lower()
