"""Merges article metadata from its sources: the sidecar wins, then the HTML reader, then the text."""

from __future__ import annotations

import dataclasses

from pipelines.ingest.sidecar import parse_published
from pipelines.models import ArticleMetadata, RawArticle


def merge_metadata(from_text: ArticleMetadata, raw: RawArticle) -> tuple[ArticleMetadata, dict[str, str]]:
    """Returns the merged metadata and, for every field that has a value, where it came from."""
    merged = dataclasses.replace(from_text)
    sources = {f.name: "text" for f in dataclasses.fields(from_text) if getattr(from_text, f.name)}
    for source, values in (("html", raw.extracted_meta), ("sidecar", raw.sidecar)):
        for name, value in values.items():
            if name == "published":
                parsed = parse_published(value)
                if parsed is None:
                    continue
                merged.published, merged.published_precision = parsed
                sources["published_precision"] = source
            elif name in ("title", "publisher", "url", "authors", "contributors") and value:
                setattr(merged, name, value)
            else:
                continue
            sources[name] = source
    return merged, sources
