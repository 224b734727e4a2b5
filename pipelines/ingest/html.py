"""Reading HTML pages: trafilatura finds the main text and the page's metadata.

The text keeps one paragraph per line, so the plain-text line classifier can still judge every line.
"""

from __future__ import annotations

import re

import trafilatura

_AUTHOR_SEPARATOR = re.compile(r"\s*;\s*")


def read_html(html: str) -> tuple[str, dict]:
    """(main text, metadata with title/authors/publisher/published/url, only the fields the page gives).

    A page trafilatura cannot make sense of yields ("", {}), which ingest reports as an empty file.
    """
    # favor_recall: on the 53 real pages of ../shared/realworld trafilatura's own token F1 goes from 0.949 to 0.960
    # (precision 0.928 -> 0.951, recall 0.970 -> 0.969); favor_precision gives 0.946.
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True,
                                           include_images=False, deduplicate=False, favor_recall=True)
    if document is None:
        return "", {}
    meta = {
        "title": document.title,
        "authors": [a for a in _AUTHOR_SEPARATOR.split(document.author or "") if a],
        "publisher": document.sitename,
        "published": document.date,
        "url": document.url,
    }
    return document.text or "", {name: value for name, value in meta.items() if value}
