"""Messy corpora: every file ends as an article, a duplicate or an error with a reason, and the run finishes."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from helpers import SEED_CORPUS, output_metadata, rows, run_pipeline
from pipelines.ingest.files import discover, read_bytes
from pipelines.models import IngestError

ARTICLE = ("Ministers met in Geneva on Tuesday. “We have made progress,” said Anna Berg, the chief negotiator.\n"
           "Talks will resume next month, she added.\n")


def write_messy_corpus(corpus: Path) -> dict[str, str]:
    """Writes the files; returns {path: expected status}."""
    corpus.mkdir()
    seed = (SEED_CORPUS / "004_edd7eccbfddf6c46.txt").read_bytes()
    files = {
        "empty.txt": (b"", "error"),
        "only boilerplate.txt": (b"ADVERTISEMENT\n\nShare this article\n\n\xc2\xa92024 Example Media Ltd.\n", "error"),
        "binary.txt": (b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 8, "error"),
        "invalid utf8.txt": (ARTICLE.encode("utf-8").replace(b"Geneva", b"Gen\xe8ve"), "article"),
        "utf16 bom.txt": (ARTICLE.replace("Anna", "Anne").encode("utf-16"), "article"),
        "utf16 no bom.txt": (ARTICLE.replace("Anna", "Annie").encode("utf-16-le"), "article"),
        "cp1252.txt": (ARTICLE.replace("Anna", "Hanna").encode("cp1252"), "article"),
        "nul byte.txt": (ARTICLE.replace("Anna", "Ana").encode() + b"\x00", "article"),
        "no line breaks.txt": ((ARTICLE.replace("\n", " ") * 40).encode(), "article"),
        "unbalanced “quotes”.txt": (b"The mayor said \xe2\x80\x9cthis is not closed. And she left early.\n", "article"),
        "bad sidecar.txt": (ARTICLE.replace("Anna", "Ann").encode(), "error"),
        "impossible date.txt": (ARTICLE.replace("Anna", "Anya").encode(), "error"),
        "seed copy a.txt": (seed, "article"),
        "seed copy b.txt": (seed, "duplicate"),
        "sub dir/déjà vu ü.txt": (ARTICLE.replace("Anna", "Zoë").encode(), "article"),
        "crlf.txt": (ARTICLE.replace("Anna", "Anika").replace("\n", "\r\n").encode(), "article"),
        "bom.txt": (codecs.BOM_UTF8 + ARTICLE.replace("Anna", "Annika").encode(), "article"),
    }
    for name, (data, _) in files.items():
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_bytes(data)
    (corpus / "bad sidecar.meta.json").write_text('{"title": "unterminated', encoding="utf-8")
    (corpus / "impossible date.meta.json").write_text('{"published": "2024-02-30"}', encoding="utf-8")
    with open(corpus / "huge.txt", "wb") as handle:  # 50 MB, sparse
        handle.truncate(50 * 1024 * 1024)
    return {**{name: status for name, (_, status) in files.items()}, "huge.txt": "error"}


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    base = tmp_path_factory.mktemp("messy")
    expected = write_messy_corpus(base / "corpus")
    result = run_pipeline(base / "corpus", base / "news.duckdb")
    return base / "news.duckdb", expected, result


def test_every_file_is_accounted_for(messy):
    warehouse, expected, result = messy
    statuses = dict(rows(warehouse, "SELECT source_path, status FROM source_files"))
    assert statuses == expected
    articles = rows(warehouse, "SELECT count(*) FROM articles")[0][0]
    errors = rows(warehouse, "SELECT count(*) FROM ingest_errors")[0][0]
    duplicates = rows(warehouse, "SELECT count(*) FROM source_files WHERE status = 'duplicate'")[0][0]
    assert len(expected) == articles + duplicates + errors
    [files_accounted] = [e for e in result.get_asset_check_evaluations()
                         if e.check_name == "files_accounted"]
    assert files_accounted.passed


def test_errors_say_why_in_words(messy):
    warehouse, _, _ = messy
    errors = dict(rows(warehouse, "SELECT source_path, error FROM ingest_errors"))
    assert errors == {
        "empty.txt": "empty", "only boilerplate.txt": "no_article_text", "binary.txt": "binary",
        "bad sidecar.txt": "bad_sidecar", "impossible date.txt": "bad_sidecar", "huge.txt": "too_large",
    }
    assert all(len(detail) > 20 for (detail,) in rows(warehouse, "SELECT detail FROM ingest_errors"))


def test_duplicates_point_at_one_article_and_keep_both_paths(messy):
    warehouse, _, _ = messy
    [(article_id, n)] = rows(warehouse, """SELECT article_id, count(*) FROM source_files
                                           WHERE source_path LIKE 'seed copy %' GROUP BY article_id""")
    assert n == 2
    assert rows(warehouse, f"SELECT source_path FROM articles WHERE article_id = '{article_id}'") == [("seed copy a.txt",)]


def test_decoded_text_is_right_whatever_the_encoding(messy):
    warehouse, _, _ = messy
    bodies = dict(rows(warehouse, "SELECT source_path, body FROM articles"))
    assert "Genève" in bodies["invalid utf8.txt"]
    for name, person in (("utf16 bom.txt", "Anne Berg"), ("utf16 no bom.txt", "Annie Berg"),
                         ("cp1252.txt", "Hanna Berg"), ("crlf.txt", "Anika Berg"), ("bom.txt", "Annika Berg")):
        assert f"“We have made progress,” said {person}" in bodies[name], name
        assert "\r" not in bodies[name] and "\ufeff" not in bodies[name]


def test_a_file_removed_while_reading_is_an_error_not_a_crash(tmp_path):
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    [source] = discover(tmp_path)
    (tmp_path / "a.txt").unlink()
    result = read_bytes(source)
    assert isinstance(result, IngestError) and result.error == "vanished"


def test_a_file_changed_while_reading_is_an_error_not_half_an_article(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text("first version", encoding="utf-8")
    [source] = discover(tmp_path)
    real_read = Path.read_bytes

    def read_then_change(self):
        data = real_read(self)
        self.write_text("second, longer version", encoding="utf-8")
        return data

    monkeypatch.setattr(Path, "read_bytes", read_then_change)
    result = read_bytes(source)
    assert isinstance(result, IngestError) and result.error == "changing"


def test_a_rerun_of_a_messy_corpus_parses_nothing(messy, tmp_path):
    warehouse, _, _ = messy
    corpus = warehouse.parent / "corpus"
    again = run_pipeline(corpus, warehouse)
    assert output_metadata(again, "extractions")["articles"] == 0
