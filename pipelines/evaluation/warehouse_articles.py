"""Reading cleaned articles back out of the warehouse, so the scorers see what users see."""

from __future__ import annotations

import json

from pipelines.models import ArticleMetadata, CleanArticle, RemovedLine, Segment
from pipelines.warehouse.store import Warehouse


def read_clean_articles(wh: Warehouse) -> list[CleanArticle]:
    articles = []
    for (article_id, path, sha, body, title, authors, contributors, publisher, published, precision,
         sources) in wh.query(
            """SELECT article_id, source_path, content_sha256, body, title, authors, contributors, publisher,
                      published_date, published_precision, metadata_sources FROM articles ORDER BY source_path"""):
        removed = [RemovedLine(*r) for r in wh.query(
            "SELECT line_no, text, reason FROM removed_lines WHERE article_id = ? ORDER BY line_no", [article_id])]
        segments = [Segment(*s) for s in wh.query(
            "SELECT body_start, raw_start, length FROM body_segments WHERE article_id = ? ORDER BY body_start",
            [article_id])]
        headings = wh.query("SELECT start_char, end_char FROM article_headings WHERE article_id = ? ORDER BY 1",
                            [article_id])
        articles.append(CleanArticle(
            source_path=path, content_sha256=sha, body=body, removed=removed, headings=list(headings),
            segments=segments,
            metadata=ArticleMetadata(title=title, authors=list(authors or []), contributors=list(contributors or []),
                                     publisher=publisher, published=published, published_precision=precision),
            metadata_sources=json.loads(sources or "{}"),
        ))
    return articles
