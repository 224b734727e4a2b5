"""Deciding what a run must do: which files are new, changed, unchanged, duplicated or gone.

The warehouse remembers every file it has seen (``source_files``). A file whose size and modification
time are unchanged is not read again; one whose bytes are unchanged is not parsed again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.ingest.files import content_hash, discover, read_article, read_bytes
from pipelines.models import IngestError, RawArticle, SourceFile
from pipelines.staging import BatchWriter, StagedBatches


@dataclass(frozen=True)
class KnownFile:
    """What the warehouse recorded about a file on an earlier run."""

    source_path: str
    content_sha256: str | None
    size_bytes: int | None
    mtime_ns: int | None
    status: str  # article | duplicate | error | missing
    article_id: str | None


@dataclass
class CorpusScan:
    files: list[SourceFile]
    to_read: list[SourceFile]  # new, changed or returned files
    missing: list[str]  # known files that are gone
    known: dict[str, KnownFile] = field(default_factory=dict)  # the warehouse's record it was compared with
    scanned_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))


@dataclass
class IngestResult:
    """The outcome for every file that was read in this run."""

    articles: StagedBatches = StagedBatches()  # RawArticles to be cleaned and parsed
    duplicates: dict[str, str] = field(default_factory=dict)  # source_path -> article_id it duplicates
    unchanged: list[SourceFile] = field(default_factory=list)  # re-read, same bytes as recorded
    errors: list[IngestError] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)  # source_path -> sha256 of what was read


def article_id_for(source_path: str) -> str:
    """Stable article id: a changed file keeps its id, so its rows are replaced, not duplicated."""
    return hashlib.sha256(source_path.encode("utf-8")).hexdigest()[:16]


def scan(corpus_dir: Path, known: dict[str, KnownFile]) -> CorpusScan:
    files = discover(corpus_dir)
    present = {f.source_path for f in files}
    to_read = [
        f for f in files
        if (k := known.get(f.source_path)) is None
        or k.status == "missing"
        or (k.size_bytes, k.mtime_ns) != (f.size_bytes, f.mtime_ns)
    ]
    missing = sorted(p for p, k in known.items() if k.status != "missing" and p not in present)
    return CorpusScan(files=files, to_read=to_read, missing=missing, known=known)


def _read_article(source: SourceFile, data: bytes) -> RawArticle | IngestError:
    """read_article, with any failure of its libraries (the HTML reader above all) kept to this one file."""
    try:
        return read_article(source, data)
    except Exception as exc:  # noqa: BLE001  (no file's content may stop the run)
        return IngestError(source.source_path, "failed",
                           f"Reading this file failed ({type(exc).__name__}: {exc}); the other files were read.")


def ingest(scan_result: CorpusScan, articles: BatchWriter) -> IngestResult:
    """Reads the files to read; recognises unchanged bytes and duplicate content. The articles to parse go
    to ``articles``, a batch at a time."""
    result = IngestResult()
    known = scan_result.known
    reading = {f.source_path for f in scan_result.to_read}
    gone = set(scan_result.missing)
    # Content already held by a current article that this run does not touch.
    settled = {
        k.content_sha256: k.article_id for k in known.values()
        if k.status == "article" and k.source_path not in reading and k.source_path not in gone
    }
    for source in sorted(scan_result.to_read, key=lambda f: f.source_path):
        data = read_bytes(source)
        if isinstance(data, IngestError):
            result.errors.append(data)
            continue
        sha = content_hash(data)
        result.hashes[source.source_path] = sha
        previous = known.get(source.source_path)
        if previous and previous.content_sha256 == sha and previous.status in ("article", "duplicate"):
            result.unchanged.append(source)
            if previous.status == "article":
                settled.setdefault(sha, previous.article_id)
            continue
        if sha in settled:
            result.duplicates[source.source_path] = settled[sha]
            continue
        article = _read_article(source, data)
        if isinstance(article, IngestError):
            result.errors.append(article)
            continue
        settled[sha] = article_id_for(source.source_path)
        articles.add(article)
    result.articles = articles.staged()
    return result
