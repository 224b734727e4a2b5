"""Parsing in several processes gives the same extractions, in the same order, as parsing in one."""

from __future__ import annotations

import datetime as dt

from pipelines.models import ArticleMetadata, CleanArticle
from pipelines.stages import extract_articles

TEXTS = [
    '"We will not back down," said Maria Lopez, the mayor of Springfield, on Monday.',
    "The central bank raised rates by half a point last week, its third increase this year.",
    "Officials in Nairobi said talks with the World Bank would resume in March.",
    '"It is too early to tell," according to Dr. Ahmed Khan, who leads the inquiry.',
]


def _articles(n: int) -> list[CleanArticle]:
    return [CleanArticle(f"a{i:02d}.txt", "", TEXTS[i % len(TEXTS)] + f" Report {i}.", [], [], [],
                         ArticleMetadata(published=dt.date(2024, 5, 1 + i % 28), published_precision="day"))
            for i in range(n)]


def test_two_processes_extract_what_one_does(nlp):
    articles = _articles(12)
    one, one_errors = extract_articles(nlp, articles, batch_size=1, processes=1)
    two, two_errors = extract_articles(nlp, articles, batch_size=1, processes=2)
    assert one_errors == two_errors == []
    assert [e.article.source_path for e in two] == [a.source_path for a in articles]
    assert [(e.entities, e.mentions, e.quotes, e.dates, e.sentences) for e in two] == \
        [(e.entities, e.mentions, e.quotes, e.dates, e.sentences) for e in one]
    assert any(e.quotes for e in two) and any(e.dates for e in two)
    assert all(e.article is a for e, a in zip(two, articles))  # no second copy of each article in memory
