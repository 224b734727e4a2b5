"""The per-article stages, streamed batch by batch through staging files, with failure isolation: one
article that breaks a step becomes an ``ingest_errors`` row, and the rest of the run goes on.

Each stage turns every staged batch file of the stage before it into one of its own, of the same name, in its
folder: cleaning (in this process, or in the workers: see ``clean_articles``), then parsing (in the workers of
pipelines.workers, which read and write the files themselves: only file names and counts cross the process
boundary, never Docs or articles). Parsing stages the warehouse rows of its batch (a folder of one file per
table), so that turning extractions into rows is done in parallel too. A batch is a unit of work that can go
anywhere.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pipelines.models import CleanArticle, Extraction, IngestError, RawArticle
from pipelines.settings import configured_processes
from pipelines.staging import StagedBatches, batch_size, read_batch, write_batch, write_tables
from pipelines.workers import run_in_workers, worker_nlp, workers

if TYPE_CHECKING:  # spaCy is imported by the workers, not by the run's own process
    from spacy.language import Language

Progress = Callable[[int], None]  # called with the number of articles just finished
BATCHES_PER_WORKER = 4  # fewer batches than this per process: parallel parsing costs more than it saves
Job = tuple[str, Path]  # (the batch file to read, the batch file to write)
# (the batch file to read, the folder name to stage the rows in, the first and last+1 article of the file)
ParseJob = tuple[str, Path, int, int]
# The smallest piece the last batches are cut into: smaller pieces cost more in overhead than they even out.
MIN_TAIL_PIECE = 8


@dataclass
class StageOutput:
    """What a per-article stage wrote, the articles it could not handle, and counts for the run's metadata."""

    staged: StagedBatches
    errors: list[IngestError]
    source_paths: list[str]  # of the articles written, in order
    counts: Counter = field(default_factory=Counter)


@dataclass
class BatchReport:
    """What a stage wrote for one staged batch (``file`` is None when every article failed)."""

    file: str | None
    articles: int
    source_paths: list[str]
    errors: list[IngestError]
    counts: Counter


def _failure(source_path: str, step: str, exc: Exception) -> IngestError:
    return IngestError(source_path, "failed",
                       f"The {step} step failed on this article ({type(exc).__name__}: {exc}); "
                       "the other articles were processed.")


def _report(target: Path, articles: int, done: list, paths: list[str], errors: list[IngestError],
            counts: Counter) -> BatchReport:
    """Writes the batch's records and says what was written."""
    if done:
        write_batch(target, done)
    return BatchReport(str(target) if done else None, articles, paths, errors, counts)


def _jobs(staged: StagedBatches, folder: Path) -> list[Job]:
    folder.mkdir(parents=True, exist_ok=True)
    return [(source, folder / Path(source).name) for source in staged.files]


def _worker_count(jobs: list[Job], processes: int) -> int:
    return processes if len(jobs) >= processes * BATCHES_PER_WORKER else 1


def _gathered(reports: Iterable[BatchReport], progress: Progress | None = None) -> StageOutput:
    files, errors, paths, counts = [], [], [], Counter()
    for report in reports:
        if report.file:
            files.append(report.file)
        errors.extend(report.errors)
        paths.extend(report.source_paths)
        counts.update(report.counts)
        if progress:
            progress(report.articles)
    return StageOutput(StagedBatches(tuple(files), len(paths)), errors, paths, counts)


# --- cleaning ----------------------------------------------------------------------------------------------

def _clean_one(raw: RawArticle) -> CleanArticle | IngestError:
    from pipelines.clean.article import clean  # noqa: PLC0415  (it imports spaCy: only a process that cleans)

    try:
        article = clean(raw)
    except Exception as exc:  # noqa: BLE001  (any bug in cleaning must not stop the run)
        return _failure(raw.source_path, "cleaning", exc)
    if article.body.strip():
        return article
    reasons = sorted({line.reason for line in article.removed})
    return IngestError(raw.source_path, "no_article_text",
                       f"Cleaning found only page furniture ({len(article.removed)} lines: "
                       f"{', '.join(reasons)}), no article text.")


def _clean_file(job: Job) -> BatchReport:
    source, target = job
    raws = read_batch(source)
    cleaned, errors = [], []
    for raw in raws:
        result = _clean_one(raw)
        (errors if isinstance(result, IngestError) else cleaned).append(result)
    return _report(target, len(raws), cleaned, [a.source_path for a in cleaned], errors,
                   Counter(removed_lines=sum(len(a.removed) for a in cleaned)))


def clean_articles(raw: StagedBatches, folder: Path, in_workers: bool = False) -> StageOutput:
    """Cleans each staged batch of raw articles into ``folder``; an article with no text left is an error, not
    an article. With ``in_workers``, the batches are cleaned in the workers, side by side: for a run that
    started their fork server early (make run), so that its own process never imports spaCy (cleaning does,
    for its stop words). A worker that dies leaves its batches to this process."""
    jobs = _jobs(raw, folder)
    if not (in_workers and jobs):
        return _gathered(map(_clean_file, jobs))
    return _gathered(run_in_workers(_clean_file, jobs, _worker_count(jobs, configured_processes()),
                                    alone=_clean_file))


# --- parsing -----------------------------------------------------------------------------------------------

def _extract_batch(nlp: Language, batch: list[CleanArticle]) -> tuple[list[Extraction], list[IngestError]]:
    """One batch through the pipeline; a batch that fails is retried article by article."""
    from pipelines.nlp.pipeline import extract  # noqa: PLC0415  (a worker has it already: see FORK_SERVER_PRELOAD)

    try:
        return list(extract(nlp, batch, batch_size=len(batch))), []
    except Exception:  # noqa: BLE001
        done, errors = [], []
        for article in batch:
            try:
                done.extend(extract(nlp, [article]))
            except Exception as exc:  # noqa: BLE001
                errors.append(_failure(article.source_path, "language-processing", exc))
        return done, errors


def _extracted(target: Path, articles: int, found: list[Extraction], errors: list[IngestError]) -> BatchReport:
    """Stages the batch's warehouse rows in the folder ``target`` (named after the batch, without suffix):
    turned into rows here, in the workers, the load stage only inserts them."""
    from pipelines.warehouse.rows import arrow_tables  # noqa: PLC0415  (a worker has it: FORK_SERVER_PRELOAD)

    counts = Counter(quotes=sum(len(e.quotes) for e in found), entity_mentions=sum(len(e.mentions) for e in found),
                     dates=sum(len(e.dates) for e in found))
    folder = target.with_suffix("")
    if found:
        write_tables(folder, arrow_tables(found))
    return BatchReport(str(folder) if found else None, articles, [e.article.source_path for e in found], errors,
                       counts)


def _extract_in_worker(job: ParseJob) -> BatchReport:
    source, target, start, stop = job
    articles = read_batch(source)[start:stop]
    return _extracted(target, len(articles), *_extract_batch(worker_nlp(), articles))


def _extract_articles_in_worker(articles: list[CleanArticle]) -> tuple[list[Extraction], list[IngestError]]:
    return _extract_batch(worker_nlp(), articles)


def _extract_alone(nlp: Language | None, job: ParseJob) -> BatchReport:
    """One batch in a fresh worker; if that one dies too, each article in a worker of its own, so that the
    article that kills its process is found."""
    from concurrent.futures.process import BrokenProcessPool  # noqa: PLC0415

    try:
        with workers(1, nlp) as pool:
            return pool.submit(_extract_in_worker, job).result()
    except BrokenProcessPool:
        pass
    source, target, start, stop = job
    articles: list[CleanArticle] = read_batch(source)[start:stop]
    found, errors = [], []
    for article in articles:
        try:
            with workers(1, nlp) as pool:
                done, failed = pool.submit(_extract_articles_in_worker, [article]).result()
        except BrokenProcessPool:
            errors.append(IngestError(article.source_path, "failed",
                                      "The language-processing step crashed the process working on this article; "
                                      "the other articles were processed."))
            continue
        found.extend(done)
        errors.extend(failed)
    return _extracted(target, len(articles), found, errors)


def extract_articles(
    cleaned: StagedBatches, folder: Path, progress: Progress | None = None, processes: int | None = None,
    nlp: Language | None = None,
) -> StageOutput:
    """Runs the NLP pipeline over each staged batch (one ``nlp.pipe`` batch per file), in ``processes``
    processes (default: NEWS_NLP_PROCESSES), writing the extractions into ``folder``. The workers use the
    project's pipeline, loaded by their fork server, unless ``nlp`` is given. Even one process parses in a
    worker: a crash in native code then costs one article, not the run."""
    jobs = _jobs(cleaned, folder)
    count = _worker_count(jobs, processes or configured_processes())
    reports = run_in_workers(_extract_in_worker, tail_split(jobs, [batch_size(source) for source, _ in jobs], count),
                             count, alone=functools.partial(_extract_alone, nlp), nlp=nlp)
    return _gathered(reports, progress)


def tail_split(jobs: list[Job], sizes: list[int], processes: int) -> list[ParseJob]:
    """The batches to parse, in order, the last ones cut into pieces of at most the articles left over the
    workers (guided self-scheduling), so that the workers finish together: with whole batches to the end, one
    worker parses the last batch while the others wait (~5% of a 300-article run on two). Pieces of a cut
    batch stage their rows under the batch's name and the piece's first article."""
    left = sum(sizes)
    pieces = []
    for (source, target), size in zip(jobs, sizes, strict=True):
        start = 0
        while start < size:
            stop = min(size, start + max(-(-left // processes), MIN_TAIL_PIECE))
            name = target if (start, stop) == (0, size) else target.with_stem(f"{target.stem}-{start:04d}")
            pieces.append((source, name, start, stop))
            left -= stop - start
            start = stop
    return pieces
