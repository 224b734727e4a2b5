"""Cleaning one article: boilerplate out (each removed line kept with its reason), metadata in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pipelines.clean.boilerplate import classify
from pipelines.clean.lines import Line, split_lines
from pipelines.clean.merge import merge_metadata
from pipelines.clean.metadata import (agency_from_lead, author_bio_name, byline_authors, contributor_names,
                                      copyright_year, named_line, parse_dateline, publisher_from_copyright,
                                      publisher_from_first_published, spelled_out)
from pipelines.models import ArticleMetadata, CleanArticle, RawArticle, RemovedLine, Segment

LEAD_LINES = 3  # an agency lead "(Bloomberg) --" opens one of the first kept lines


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

    from_text = text_metadata(removed, result.reasons, kept)
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


def text_metadata(removed: list[Line], reasons: dict[int, str], kept: list[Line]) -> ArticleMetadata:
    """Title, authors, contributors, publisher and date from the removed lines (and the story's lead)."""
    by_reason: dict[str, list[str]] = {}
    for line in removed:
        by_reason.setdefault(reasons[line.no], []).append(line.text)
    metadata = ArticleMetadata()
    metadata.title = next(iter(by_reason.get("title", [])), None)
    metadata.authors = _unique(name for text in by_reason.get("byline", []) for name in _byline_names(text))
    if not metadata.authors:
        metadata.authors = _unique(filter(None, map(author_bio_name, by_reason.get("author_bio", []))))
    metadata.contributors = _unique(n for text in by_reason.get("contributors", []) for n in contributor_names(text))
    copyrights = by_reason.get("copyright", [])
    credits = [*copyrights, *by_reason.get("contributors", []), *by_reason.get("first_published", [])]
    agency = next(filter(None, (agency_from_lead(line.text) for line in kept[:LEAD_LINES])), None)
    agency = spelled_out(agency, credits) if agency else None
    # The site's own name first (as its masthead writes it), then the agency that wrote the story.
    publishers = [*by_reason.get("masthead", []), agency, *map(publisher_from_copyright, copyrights),
                  *map(publisher_from_first_published, by_reason.get("first_published", []))]
    metadata.publisher = next((p for p in publishers if p), None)
    datelines = [d for d in map(parse_dateline, by_reason.get("dateline", [])) if d]
    # A site footer's copyright year is the year the page was served; only the story's own copyright
    # notice (held by the agency its lead names) dates the story.
    years = [copyright_year(t) for t in copyrights if agency and _holds(publisher_from_copyright(t), agency)]
    years = [y for y in years if y]
    if datelines:
        metadata.published, metadata.published_precision = datelines[0]
    elif years:
        metadata.published, metadata.published_precision = dt.date(years[0], 1, 1), "year"
    return metadata


def _holds(holder: str | None, agency: str) -> bool:
    return holder is not None and agency.lower() in holder.lower()
