"""First stub of cleaning: keeps every non-blank line (to be replaced by the real classifier)."""

from pipelines.clean.merge import merge_metadata
from pipelines.models import ArticleMetadata, CleanArticle, RawArticle, Segment


def clean(raw: RawArticle) -> CleanArticle:
    body_parts: list[str] = []
    segments: list[Segment] = []
    body_len = 0
    raw_pos = 0
    for line in raw.text.split("\n"):
        if line.strip():
            if body_parts:
                body_len += 1
            segments.append(Segment(body_len, raw_pos, len(line)))
            body_parts.append(line)
            body_len += len(line)
        raw_pos += len(line) + 1
    metadata, sources = merge_metadata(ArticleMetadata(), raw)
    return CleanArticle(
        source_path=raw.source_path,
        content_sha256=raw.content_sha256,
        body="\n".join(body_parts),
        removed=[],
        headings=[],
        segments=segments,
        metadata=metadata,
        metadata_sources=sources,
    )
