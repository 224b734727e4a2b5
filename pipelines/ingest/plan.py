"""Deciding what a run must do: which files are new, changed, unchanged, duplicated or gone.

The warehouse remembers every file it has seen (``source_files``). A file whose size and modification
time are unchanged is not read again; one whose bytes are unchanged is not parsed again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.ingest.files import discover, identify, read_article
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


def _guarded(step: str, source: SourceFile, action):
    """``action()``, with any failure of the libraries behind it (the HTML reader above all) kept to this file."""
    try:
        return action()
    except Exception as exc:  # noqa: BLE001  (no file's content may stop the run)
        return IngestError(source.source_path, "failed",
                           f"{step} this file failed ({type(exc).__name__}: {exc}); the other files were read.")


def _parse(source: SourceFile, identity: str) -> RawArticle | IngestError:
    """Reads the file again (it was only hashed before) and decodes it into a RawArticle."""
    found = _guarded("Reading", source, lambda: identify(source))
    if isinstance(found, IngestError):
        return found
    data, now = found
    if now != identity:
        return IngestError(source.source_path, "changing",
                           "The file changed while the run was reading it; it will be read on the next run.")
    return _guarded("Reading", source, lambda: read_article(source, data, identity))


SETTLED = ("article", "duplicate", "error")  # outcomes that depend on a file's content as recorded


def _members(scan_result: CorpusScan, identities: dict[str, str]) -> dict[str, list[str]]:
    """{identity: the present files that have it}: the files read now, and the files the warehouse knows that
    were not read again (their identity is as recorded; a file that could not be read has none)."""
    groups: dict[str, list[str]] = {}
    for path, identity in identities.items():
        groups.setdefault(identity, []).append(path)
    reading = {f.source_path for f in scan_result.to_read}
    for f in scan_result.files:
        k = scan_result.known.get(f.source_path)
        if f.source_path not in reading and k and k.status in SETTLED and k.content_sha256:
            groups.setdefault(k.content_sha256, []).append(f.source_path)
    return groups


def ingest(scan_result: CorpusScan, articles: BatchWriter) -> IngestResult:
    """Reads the files to read and decides, for every content they touch, which file is its article: the
    first path in name order among the present files with that content (bytes, sidecar and format), whatever
    order they arrived in; the others are its duplicates. An article whose file changed, went or broke passes
    its content to the next such file. Content that cannot be read as an article fails the same way in every
    file that holds it (the load stage does the same for a failure in a later stage). The articles to parse go
    to ``articles``, a batch at a time."""
    result = IngestResult()
    known = scan_result.known
    by_path = {f.source_path: f for f in scan_result.files}
    for source in sorted(scan_result.to_read, key=lambda f: f.source_path):
        found = _guarded("Reading", source, lambda: identify(source))
        if isinstance(found, IngestError):
            result.errors.append(found)
        else:
            result.hashes[source.source_path] = found[1]
    # Contents to decide again: those read now, and those a file changed away from or went with.
    touched = set(result.hashes.values()) | {
        k.content_sha256 for p in [*(f.source_path for f in scan_result.to_read), *scan_result.missing]
        if (k := known.get(p)) and k.status in SETTLED and k.content_sha256
    }
    groups = _members(scan_result, result.hashes)
    for identity in sorted(touched & groups.keys()):
        first, *others = sorted(groups[identity])
        previous = known.get(first)
        if first in result.hashes and previous and previous.status == "article" \
                and previous.content_sha256 == identity:
            result.unchanged.append(by_path[first])
        elif previous and previous.status == "article" and first not in result.hashes:
            pass  # the article stays as it is
        else:
            article = _parse(by_path[first], identity)
            if isinstance(article, IngestError):  # the same content fails the same way in every file
                for path in [first, *others]:
                    result.errors.append(IngestError(path, article.error, article.detail))
                    result.hashes[path] = identity
                continue
            result.hashes[first] = identity
            articles.add(article)
        for path in others:
            k = known.get(path)
            if path in result.hashes and k and (k.status, k.content_sha256, k.article_id) == (
                    "duplicate", identity, article_id_for(first)):
                result.unchanged.append(by_path[path])
            elif not (k and k.status == "duplicate" and k.article_id == article_id_for(first)):
                result.duplicates[path] = article_id_for(first)
                result.hashes[path] = identity
    result.articles = articles.staged()
    return result
