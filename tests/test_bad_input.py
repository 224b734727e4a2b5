"""Messy corpora: every file ends as an article, a duplicate or an error with a reason, and the run finishes."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from helpers import SEED_CORPUS, output_metadata, rows, run_pipeline
from pipelines.ingest import reading
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
        # A UTF-8 BOM, then one Windows-1252 byte (the right quotation mark) among UTF-8 text.
        "bom and cp1252.txt": (codecs.BOM_UTF8 + ARTICLE.replace("Anna", "Anouk").encode().replace(
            "”".encode(), b"\x94", 1), "article"),
        "utf16 odd length.txt": (ARTICLE.replace("Anna", "Antje").encode("utf-16") + b"\n", "article"),
        "utf16 no bom odd length.txt": (ARTICLE.replace("Anna", "Anja").encode("utf-16-le") + b"x", "article"),
        "utf16 lone surrogate.txt": (ARTICLE.replace("Anna", "Ania").encode("utf-16-le") + b"\x00\xd8"
                                     + "more text\n".encode("utf-16-le"), "article"),
        "name\nwith a line break.txt": (ARTICLE.replace("Anna", "Annette").encode(), "article"),
        "fifo sidecar.txt": (ARTICLE.replace("Anna", "Anke").encode(), "error"),
        "sidecar linked out.txt": (ARTICLE.replace("Anna", "Anneli").encode(), "error"),
        "huge sidecar.txt": (ARTICLE.replace("Anna", "Annabel").encode(), "error"),
    }
    for name, (data, _) in files.items():
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_bytes(data)
    (corpus / "bad sidecar.meta.json").write_text('{"title": "unterminated', encoding="utf-8")
    (corpus / "impossible date.meta.json").write_text('{"published": "2024-02-30"}', encoding="utf-8")
    os.mkfifo(corpus / "fifo sidecar.meta.json")
    (corpus / "sidecar linked out.meta.json").symlink_to(outside_file(corpus))
    (corpus / "huge sidecar.meta.json").write_text('{"title": "' + "x" * 200_000 + '"}', encoding="utf-8")
    with open(corpus / "huge.txt", "wb") as handle:  # 50 MB, sparse
        handle.truncate(50 * 1024 * 1024)
    os.mkfifo(corpus / "fifo.txt")  # nobody writes to it: reading it would wait for ever
    (corpus / "link out.txt").symlink_to(outside_file(corpus))
    (corpus / "link in.txt").symlink_to(corpus / "cp1252.txt")  # inside the corpus: the same file again
    (corpus / "broken link.txt").symlink_to(corpus / "nothing here.txt")
    (corpus / "a folder.txt").mkdir()  # not a file: not an input (its files would be)
    # A name that is not UTF-8 (Latin-1 "été"), as archives made on other systems produce.
    with open(os.fsencode(corpus) + b"/latin-1 \xe9t\xe9.txt", "wb") as handle:
        handle.write(ARTICLE.replace("Anna", "Annick").encode())
    return {**{name: status for name, (_, status) in files.items()}, "huge.txt": "error", "fifo.txt": "error",
            "link out.txt": "error", "link in.txt": "duplicate", "broken link.txt": "error",
            "latin-1 \\xe9t\\xe9.txt": "article"}


def outside_file(corpus: Path) -> Path:
    """A readable file beside the corpus folder, standing for /etc/passwd or a private key."""
    secret = corpus.parent / "secret.txt"
    secret.write_text("The password is swordfish, the minister said.\n", encoding="utf-8")
    return secret


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
        "fifo.txt": "not_a_file", "link out.txt": "outside_corpus", "broken link.txt": "broken_link",
        "fifo sidecar.txt": "bad_sidecar", "sidecar linked out.txt": "bad_sidecar", "huge sidecar.txt": "bad_sidecar",
    }
    assert all(len(detail) > 20 for (detail,) in rows(warehouse, "SELECT detail FROM ingest_errors"))


def test_nothing_outside_the_corpus_folder_is_read(messy):
    warehouse, _, _ = messy
    assert rows(warehouse, "SELECT count(*) FROM articles WHERE body LIKE '%swordfish%'") == [(0,)]
    assert rows(warehouse, "SELECT count(*) FROM ingest_errors WHERE detail LIKE '%secret%'") == [(0,)]


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
                         ("cp1252.txt", "Hanna Berg"), ("crlf.txt", "Anika Berg"), ("bom.txt", "Annika Berg"),
                         ("bom and cp1252.txt", "Anouk Berg"), ("utf16 odd length.txt", "Antje Berg"),
                         ("utf16 no bom odd length.txt", "Anja Berg"), ("utf16 lone surrogate.txt", "Ania Berg"),
                         ("latin-1 \\xe9t\\xe9.txt", "Annick Berg")):
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
    real_read = os.read

    def read_then_change(fd, size):
        data = real_read(fd, size)
        if data:
            path.write_text("second, longer version", encoding="utf-8")
        return data

    monkeypatch.setattr(reading.os, "read", read_then_change)
    result = read_bytes(source)
    assert isinstance(result, IngestError) and result.error == "changing"


def test_a_file_that_breaks_the_html_reader_is_an_error_and_the_others_are_read(tmp_path, monkeypatch):
    import pipelines.ingest.html as html
    from pipelines.ingest.plan import ingest, scan
    from pipelines.staging import BatchWriter

    def broken_reader(html_text):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(html, "read_html", broken_reader)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "page.html").write_text("<html><body><p>" + ARTICLE + "</p></body></html>", encoding="utf-8")
    (corpus / "plain.txt").write_text(ARTICLE, encoding="utf-8")
    result = ingest(scan(corpus, {}), BatchWriter(tmp_path / "staged", batch_size=8))
    assert [(e.source_path, e.error) for e in result.errors] == [("page.html", "failed")]
    assert "RecursionError" in result.errors[0].detail
    assert [a.source_path for a in result.articles.records()] == ["plain.txt"]


def test_a_rerun_of_a_messy_corpus_parses_nothing(messy, tmp_path):
    warehouse, _, _ = messy
    corpus = warehouse.parent / "corpus"
    again = run_pipeline(corpus, warehouse)
    # Every file, the bad ones too, is known as it is: nothing is read again, so nothing is parsed.
    assert output_metadata(again, "corpus_scan")["to_read"] == 0
    assert [m.asset_key.to_user_string() for m in again.get_asset_materialization_events()] == ["corpus_scan"]
