"""Property-based tests: the text-processing steps never fail on any text, and every span they give
points at its own words in the body."""

from __future__ import annotations

import codecs
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.clean.article import clean
from pipelines.ingest.decoding import DecodingError, decode
from pipelines.ingest.plan import ingest, scan
from pipelines.models import RawArticle
from pipelines.nlp.pipeline import extract
from pipelines.staging import BatchWriter

# News-like text: words, names, quotation marks of every kind, apostrophes, dashes, digits, line breaks.
PIECES = st.sampled_from([
    "“", "”", '"', "‘", "’", "'", "«", "»", " said ", " he added", "Kim Jong-un", "Patricia M Kim", "’s", "don’t",
    " – ", "—", "\n", "\n\n", ". ", ", ", ":", "By ", "ADVERTISEMENT", "©2024 Bloomberg L.P.", "last month",
    "on Tuesday", "in June 2019", "three years", "may", "March", "The", "minister", "Beijing", "42", "$5.5 billion",
])
NEWSY_TEXT = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=60).map("".join)


def raw(text: str) -> RawArticle:
    return RawArticle("x.txt", "0" * 64, text, "txt", "utf-8")


BOMS = st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE,
                        codecs.BOM_UTF32_BE])
ENCODINGS = ["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "cp1252", "latin-1"]
# Pieces of text in one encoding or another, and raw bytes: files that mix encodings, as pasted text does.
ENCODED_PIECE = st.one_of(
    st.tuples(st.text(max_size=40), st.sampled_from(ENCODINGS)).map(lambda t: t[0].encode(t[1], errors="ignore")),
    st.binary(max_size=12),
)
# A byte-order mark (or none), mixed pieces, and perhaps a cut-off last character (an odd length).
HOSTILE_BYTES = st.tuples(BOMS, st.lists(ENCODED_PIECE, max_size=12), st.integers(0, 3)).map(
    lambda t: (t[0] + b"".join(t[1]))[:max(0, len(t[0] + b"".join(t[1])) - t[2])])
# Text without control characters; a leading U+FEFF would be a BOM, and U+FFFD is what undecodable bytes become.
READABLE = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufeff\ufffd"),
                   min_size=1, max_size=200)


@settings(suppress_health_check=[HealthCheck.too_slow])  # generation is slow on a busy machine, not wrong
@given(st.one_of(HOSTILE_BYTES, st.binary(max_size=2000)))
def test_decoding_any_bytes_gives_text_or_a_reason(data):
    try:
        text, encoding = decode(data)
    except DecodingError as exc:
        assert exc.kind in {"binary", "undecodable"}
    else:
        assert "\r" not in text and "\x00" not in text and encoding


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(READABLE, st.sampled_from(["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8"]))
def test_text_with_a_byte_order_mark_decodes_to_itself(text, encoding):
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    assert decode(bom + text.encode(encoding)) == (text, encoding[:6] if "sig" not in encoding else encoding)


FILE_NAMES = st.tuples(st.text(alphabet=st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)),
                                min_size=1, max_size=20),
                       st.sampled_from([".txt", ".html", ".htm", ".TXT"])).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(FILE_NAMES, HOSTILE_BYTES, min_size=1, max_size=6))
def test_every_file_of_any_bytes_and_name_is_an_article_a_duplicate_or_an_error(files):
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        written = set()
        for name, data in files.items():
            if name.startswith(".") or name.lower().endswith(".meta.json") or os.fsencode(name) in written:
                continue  # hidden files and sidecars are not inputs
            (corpus / name).write_bytes(data)
            written.add(os.fsencode(name))
        found = scan(corpus, {})
        result = ingest(found, BatchWriter(Path(tmp) / "staged", batch_size=4))
        outcomes = ([a.source_path for a in result.articles.records()] + list(result.duplicates)
                    + [e.source_path for e in result.errors])
        assert sorted(outcomes) == sorted(f.source_path for f in found.files)
        assert len(found.files) == len(written)


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
