"""Cleaning one article: boilerplate out (each removed line kept with its reason), metadata in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pipelines.clean.boilerplate import classify
from pipelines.clean.lines import Line, headline_part, normalised, split_lines
from pipelines.clean.merge import merge_metadata
from pipelines.clean.metadata import (agency_from_lead, author_bio_name, byline_authors, contributor_names,
                                      copyright_year, date_in_line, leading_byline_name, named_line, parse_dateline, publisher_from_copyright,
                                      publisher_from_first_published, spelled_out)
from pipelines.models import ArticleMetadata, CleanArticle, RawArticle, RemovedLine, Segment

LEAD_LINES = 3  # an agency lead "(Bloomberg) --" opens one of the first kept lines
MAX_SITE_WORDS = 5
HEADER_SEARCH_LINES = 6  # lines below the headline where its byline and date are looked for
MAX_HEADER_LINE_WORDS = 20


def clean(raw: RawArticle) -> CleanArticle:
    lines = split_lines(raw.text)
    known_title = raw.sidecar.get("title") or raw.extracted_meta.get("title")
    # HTML has been through trafilatura, which keeps the main text only: the line model is for whole pages.
    result = classify(lines, known_title=known_title, line_model=raw.format == "txt")
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


def _below_headline(lines: list[Line], reasons: dict[int, str]) -> list[Line]:
    """The short lines just below the (last copy of the) headline, where a page puts its byline and date."""
    last_title = max((i for i, line in enumerate(lines) if reasons.get(line.no) == "title"), default=None)
    if last_title is None:
        return []
    return [line for line in lines[last_title + 1:last_title + 1 + HEADER_SEARCH_LINES]
            if len(line.words) <= MAX_HEADER_LINE_WORDS]


def text_metadata(lines: list[Line], reasons: dict[int, str]) -> ArticleMetadata:
    """Title, authors, contributors, publisher and date from the removed lines (and the story's lead)."""
    removed = [line for line in lines if line.no in reasons]
    kept = [line for line in lines if line.no not in reasons]
    by_reason: dict[str, list[str]] = {}
    for line in removed:
        by_reason.setdefault(reasons[line.no], []).append(line.text)
    metadata = ArticleMetadata()
    metadata.title, site = _title_and_site(by_reason.get("title", []))
    metadata.authors = _unique(name for text in by_reason.get("byline", []) for name in _byline_names(text))
    header = _below_headline(lines, reasons)
    if not metadata.authors:
        metadata.authors = _unique(filter(None, map(author_bio_name, by_reason.get("author_bio", []))))
    if not metadata.authors:  # "By Jane Roe March 18 at 3:57 PM Follow @janeroe"
        metadata.authors = _unique(filter(None, (leading_byline_name(line.text) for line in header)))[:1]
    metadata.contributors = _unique(n for text in by_reason.get("contributors", []) for n in contributor_names(text))
    copyrights = by_reason.get("copyright", [])
    credits = [*copyrights, *by_reason.get("contributors", []), *by_reason.get("first_published", [])]
    agency = next(filter(None, (agency_from_lead(line.text) for line in kept[:LEAD_LINES])), None)
    agency = spelled_out(agency, credits) if agency else None
    # The site's own name first (as its masthead writes it), then the agency that wrote the story.
    publishers = [*by_reason.get("masthead", []), site, agency, *map(publisher_from_copyright, copyrights),
                  *map(publisher_from_first_published, by_reason.get("first_published", []))]
    metadata.publisher = next((p for p in publishers if p), None)
    datelines = [d for d in map(parse_dateline, by_reason.get("dateline", [])) if d]
    # A site footer's copyright year is the year the page was served; only the story's own copyright
    # notice (held by the agency its lead names) dates the story.
    years = [copyright_year(t) for t in copyrights if agency and _holds(publisher_from_copyright(t), agency)]
    years = [y for y in years if y]
    below_headline = next(filter(None, map(date_in_line, (line.text for line in header))), None)
    if datelines:
        metadata.published, metadata.published_precision = datelines[0]
    elif below_headline:
        metadata.published, metadata.published_precision = below_headline
    elif years:
        metadata.published, metadata.published_precision = dt.date(years[0], 1, 1), "year"
    return metadata


def _holds(holder: str | None, agency: str) -> bool:
    return holder is not None and agency.lower() in holder.lower()
