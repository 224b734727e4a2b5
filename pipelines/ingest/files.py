"""Finding input files under the corpus folder and reading them into RawArticles.

Reading never raises for a bad file: it returns an IngestError that says why, so one bad file cannot stop a
run (see pipelines.ingest.reading for which files are read at all).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from pipelines.ingest.decoding import DecodingError, decode
from pipelines.ingest.reading import ReadRefused, read_inside
from pipelines.ingest.sidecar import SIDECAR_SUFFIX, SidecarError, read_sidecar, read_sidecar_bytes, sidecar_path
from pipelines.models import IngestError, RawArticle, SourceFile

ARTICLE_SUFFIXES = {".txt": "txt", ".html": "html", ".htm": "html"}
# A news article is tens of kilobytes; spaCy needs about 1 GB per 100,000 characters to parse, so a
# multi-megabyte "article" is a mistake (a log, a dump) and is refused with a reason instead.
MAX_FILE_BYTES = 2_000_000


def display_path(relative: str) -> str:
    """The path as text that can be stored and shown: bytes of a file name that are not UTF-8 are written as
    \\xNN escapes (the file is still read under its real name)."""
    return os.fsencode(relative).decode("utf-8", errors="backslashreplace")


def discover(corpus_dir: Path) -> list[SourceFile]:
    """Every article file under corpus_dir, recursively, hidden ones left out, sorted by path. Links to
    folders are not followed; whether an entry can be read is decided when it is read. A file's size and
    modification time include its sidecar's (the sum of the sizes, the later time), so that a changed sidecar
    is a changed file."""
    corpus_dir = Path(corpus_dir)
    found = []
    for root, dirs, files in os.walk(corpus_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        # Paths are built once per folder and joined as strings per file: with pathlib per file, listing
        # 10,000 files cost more than parsing the one new article among them.
        folder = Path(root)
        relative = folder.relative_to(corpus_dir).as_posix()
        relative_prefix = "" if relative == "." else relative + "/"
        absolute_prefix = "" if str(folder) == "." else str(folder) + os.sep
        for name in sorted(files):
            if name.startswith(".") or name.endswith(SIDECAR_SUFFIX) or \
                    os.path.splitext(name)[1].lower() not in ARTICLE_SUFFIXES:
                continue
            path = absolute_prefix + name
            try:
                info = _stat(path)
            except OSError:
                continue  # vanished between listing and stat: it is simply not there any more
            size, mtime = info.st_size, info.st_mtime_ns
            try:
                sidecar = os.lstat(absolute_prefix + os.path.splitext(name)[0] + SIDECAR_SUFFIX)
                size, mtime = size + sidecar.st_size, max(mtime, sidecar.st_mtime_ns)
            except OSError:
                pass  # no sidecar
            found.append(SourceFile(
                source_path=display_path(relative_prefix + name),
                absolute_path=path,
                size_bytes=size,
                mtime_ns=mtime,
            ))
    return sorted(found, key=lambda f: f.source_path)


def _stat(path: str) -> os.stat_result:
    """The file's own status, or its target's for a link (a changed target is a changed file)."""
    try:
        return os.stat(path)
    except OSError:
        return os.lstat(path)  # a broken link or a loop: reading it will say so


def content_hash(data: bytes, sidecar: bytes | None = None, fmt: str = "txt") -> str:
    """The identity of an article file: SHA-256 of its bytes, followed by its sidecar's when it has one and by
    its format when it is not plain text. Two files are the same article only when they are read the same way:
    the same bytes as HTML and as text are two articles, and so are the same bytes with other metadata."""
    digest = hashlib.sha256(data)
    if sidecar is not None:
        digest.update(b"\x00sidecar\x00" + sidecar)
    if fmt != "txt":
        digest.update(b"\x00format\x00" + fmt.encode("ascii"))
    return digest.hexdigest()


def identify(source: SourceFile) -> tuple[bytes, str] | IngestError:
    """The file's bytes and its identity (content_hash with its sidecar), or why they could not be read."""
    data = read_bytes(source)
    if isinstance(data, IngestError):
        return data
    try:
        sidecar = read_sidecar_bytes(Path(source.absolute_path), corpus_root(source))
    except SidecarError as exc:
        return IngestError(source.source_path, "bad_sidecar",
                           f"{exc}. Fix or remove {sidecar_path(Path(source.source_path)).as_posix()}.")
    return data, content_hash(data, sidecar, ARTICLE_SUFFIXES[Path(source.source_path).suffix.lower()])


def corpus_root(source: SourceFile) -> Path:
    """The corpus folder the file was found in."""
    root = Path(source.absolute_path)
    for _ in Path(source.source_path).parts:
        root = root.parent
    return root


def read_bytes(source: SourceFile) -> bytes | IngestError:
    """The file's bytes, read as one consistent snapshot, or why that was not possible."""
    try:
        return read_inside(Path(source.absolute_path), corpus_root(source), MAX_FILE_BYTES)
    except ReadRefused as exc:
        return IngestError(source.source_path, exc.kind, str(exc))
    except FileNotFoundError:
        return IngestError(source.source_path, "vanished", "The file was removed while the run was reading it.")
    except OSError as exc:
        return IngestError(source.source_path, "unreadable", f"The file could not be read: {exc.strerror or exc}.")


def read_article(source: SourceFile, data: bytes, identity: str | None = None) -> RawArticle | IngestError:
    """Decodes the bytes of one file (and reads its sidecar) into a RawArticle whose content_sha256 is
    ``identity`` (see identify; by default the hash of the bytes)."""
    fmt = ARTICLE_SUFFIXES[Path(source.source_path).suffix.lower()]
    try:
        text, encoding = decode(data)
    except DecodingError as exc:
        return IngestError(source.source_path, exc.kind, str(exc))
    try:
        sidecar = read_sidecar(Path(source.absolute_path), corpus_root(source))
    except SidecarError as exc:
        return IngestError(source.source_path, "bad_sidecar",
                           f"{exc}. Fix or remove {sidecar_path(Path(source.source_path)).as_posix()}.")
    extracted_meta: dict = {}
    if fmt == "html":
        from pipelines.ingest.html import read_html

        text, extracted_meta = read_html(text)
    if not text.strip():
        return IngestError(source.source_path, "empty", "The file holds no text.")
    return RawArticle(
        source_path=source.source_path,
        content_sha256=identity or content_hash(data),
        text=text,
        format=fmt,
        encoding=encoding,
        sidecar=sidecar,
        extracted_meta=extracted_meta,
    )
