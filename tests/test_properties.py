"""Property-based tests: the text-processing steps never fail on any text, and every span they give
points at its own words in the body."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.clean.article import clean
from pipelines.ingest.decoding import DecodingError, decode
from pipelines.models import RawArticle
from pipelines.nlp.pipeline import extract

# News-like text: words, names, quotation marks of every kind, apostrophes, dashes, digits, line breaks.
PIECES = st.sampled_from([
    "“", "”", '"', "‘", "’", "'", "«", "»", " said ", " he added", "Kim Jong-un", "Patricia M Kim", "’s", "don’t",
    " – ", "—", "\n", "\n\n", ". ", ", ", ":", "By ", "ADVERTISEMENT", "©2024 Bloomberg L.P.", "last month",
    "on Tuesday", "in June 2019", "three years", "may", "March", "The", "minister", "Beijing", "42", "$5.5 billion",
])
NEWSY_TEXT = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=60).map("".join)


def raw(text: str) -> RawArticle:
    return RawArticle("x.txt", "0" * 64, text, "txt", "utf-8")


@given(st.binary(max_size=2000))
def test_decoding_any_bytes_gives_text_or_a_reason(data):
    try:
        text, encoding = decode(data)
    except DecodingError as exc:
        assert exc.kind == "binary"
    else:
        assert "\r" not in text and "\x00" not in text and encoding


@given(NEWSY_TEXT)
def test_cleaning_any_text_keeps_offsets_exact(text):
    text = text.replace("\r", "")
    article = clean(raw(text))
    for seg in article.segments:
        assert article.body[seg.body_start:seg.body_start + seg.length] == text[seg.raw_start:seg.raw_start + seg.length]
    assert sum(s.length for s in article.segments) == len(article.body) - article.body.count("\n")
    for start, end in article.headings:
        assert 0 <= start < end <= len(article.body)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(NEWSY_TEXT)
def test_extraction_spans_always_match_the_body(nlp, text):
    article = clean(raw(text.replace("\r", "")))
    [ex] = list(extract(nlp, [article]))
    body = article.body
    for q in ex.quotes:
        assert 0 <= q.start <= q.end <= len(body) and body[q.start:q.end] == q.text
        assert q.kind in {"direct", "partial", "scare", "indirect"}
        assert q.speaker_entity is None or 0 <= q.speaker_entity < len(ex.entities)
        assert q.kind != "scare" or q.speaker_entity is None
    for m in ex.mentions:
        assert 0 <= m.start < m.end <= len(body) and body[m.start:m.end] == m.text
        assert 0 <= m.entity < len(ex.entities)
    for d in ex.dates:
        assert 0 <= d.start < d.end <= len(body) and body[d.start:d.end] == d.text
        assert d.timex_type in {"DATE", "TIME", "DURATION", "SET"} and d.value
