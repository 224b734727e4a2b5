"""Reading files: encodings seen in the wild, sidecars, and files that cannot be articles."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from pipelines.ingest.files import MAX_FILE_BYTES, discover, read_article, read_bytes
from pipelines.ingest.plan import article_id_for
from pipelines.models import IngestError, RawArticle

TEXT = "Fédération chief “Zoë” said: it’s done — for now.\nSecond line."


def read(path: Path) -> RawArticle | IngestError:
    [source] = [s for s in discover(path.parent) if s.absolute_path == str(path)]
    data = read_bytes(source)
    return data if isinstance(data, IngestError) else read_article(source, data)


@pytest.mark.parametrize("encoding, data", [
    ("utf-8", TEXT.encode("utf-8")),
    ("utf-8-sig", codecs.BOM_UTF8 + TEXT.encode("utf-8")),
    ("utf-16", TEXT.encode("utf-16")),  # with BOM
    ("utf-16", TEXT.encode("utf-16-le")),  # without BOM
    ("utf-16", TEXT.encode("utf-16-be")),
])
def test_unicode_encodings_decode_to_the_same_text(tmp_path, encoding, data):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    article = read(path)
    assert isinstance(article, RawArticle)
    assert article.text == TEXT
    assert article.encoding.startswith(encoding.split("-")[0])


def test_windows_1252_punctuation_and_crlf(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("He said “yes” – it’s over.\r\nNext.\r\n".encode("cp1252"))
    article = read(path)
    assert article.text == "He said “yes” – it’s over.\nNext.\n"
    assert article.encoding == "cp1252"


def test_invalid_utf8_still_reads(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Caf\xe9 owners said prices rose.\n")
    article = read(path)
    assert isinstance(article, RawArticle)
    assert article.text.startswith("Café owners")


def test_a_few_nul_bytes_are_dropped(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"The minister said the talks would resume. " * 20 + b"\x00\x00 Then she left.")
    article = read(path)
    assert isinstance(article, RawArticle)
    assert "\x00" not in article.text


@pytest.mark.parametrize("data, error", [
    (b"", "empty"),
    (b"  \n\n\t \n", "empty"),
    (bytes(range(256)) * 40, "binary"),
    (b"\x89PNG\r\n\x1a\n" + bytes(400), "binary"),
], ids=["empty", "blank", "all-bytes", "png"])
def test_files_that_are_not_articles_say_why(tmp_path, data, error):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    result = read(path)
    assert isinstance(result, IngestError)
    assert result.error == error
    assert result.detail


def test_oversized_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    result = read(path)
    assert isinstance(result, IngestError) and result.error == "too_large"


def test_sidecar_values_are_read(tmp_path):
    (tmp_path / "a.txt").write_text("Body text here.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({
        "title": "T", "authors": ["A B"], "publisher": "P", "published": "2024-11-05T10:00:00Z", "url": "http://x",
    }), encoding="utf-8")
    article = read(tmp_path / "a.txt")
    assert article.sidecar["published"] == "2024-11-05T10:00:00Z"
    assert article.sidecar["authors"] == ["A B"]


@pytest.mark.parametrize("sidecar", ['{"title": ', '{"published": "2024-02-30"}', '["not", "an", "object"]',
                                     '{"authors": "just a string"}', '{"title": "half a character \\ud83d"}',
                                     '[' * 100_000])
def test_a_bad_sidecar_is_an_error_with_a_reason(tmp_path, sidecar):
    (tmp_path / "a.txt").write_text("Body text here.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(sidecar, encoding="utf-8")
    result = read(tmp_path / "a.txt")
    assert isinstance(result, IngestError) and result.error == "bad_sidecar"
    assert "a.meta.json" in result.detail


def test_discovery_is_recursive_and_skips_hidden_and_sidecars(tmp_path):
    (tmp_path / "sub dir" / "déjà vu").mkdir(parents=True)
    for name in ("sub dir/déjà vu/x y.txt", "b.html", "c.meta.json", ".hidden.txt", "notes.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [s.source_path for s in discover(tmp_path)] == ["b.html", "sub dir/déjà vu/x y.txt"]


def ingest_corpus(corpus: Path, tmp_path: Path):
    from pipelines.ingest.plan import ingest, scan
    from pipelines.staging import BatchWriter

    return ingest(scan(corpus, {}), BatchWriter(tmp_path / "staged", batch_size=8))


def test_the_same_bytes_read_another_way_are_another_article(tmp_path):
    """Same bytes as HTML and as text, or with another sidecar, are read differently: not duplicates."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    page = b"<html><body><p>" + TEXT.encode() + b" The minister said the talks would resume.</p></body></html>"
    for name in ("a.html", "a.txt", "b.txt", "c.txt", "d.txt"):
        (corpus / name).write_bytes(page)
    (corpus / "c.meta.json").write_text('{"title": "Another title"}', encoding="utf-8")
    result = ingest_corpus(corpus, tmp_path)
    assert sorted(a.source_path for a in result.articles.records()) == ["a.html", "a.txt", "c.txt"]
    assert result.duplicates == {"b.txt": article_id_for("a.txt"), "d.txt": article_id_for("a.txt")}


def test_content_that_cannot_be_an_article_fails_the_same_way_in_every_file(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a.txt", "b.txt"):
        (corpus / name).write_bytes(b" \n\n ")
    result = ingest_corpus(corpus, tmp_path)
    assert [(e.source_path, e.error) for e in result.errors] == [("a.txt", "empty"), ("b.txt", "empty")]
    assert result.hashes["a.txt"] == result.hashes["b.txt"]
