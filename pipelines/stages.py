"""The per-article stages, streamed batch by batch through staging files, with failure isolation: one
article that breaks a step becomes an ``ingest_errors`` row, and the rest of the run goes on."""

from __future__ import annotations

import ctypes
import multiprocessing
import multiprocessing.forkserver
import os
import signal
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pipelines.clean.article import clean
from pipelines.models import CleanArticle, Extraction, IngestError, RawArticle
from pipelines.settings import configured_processes
from pipelines.staging import BatchWriter, StagedBatches, read_batch, write_batch

if TYPE_CHECKING:  # spaCy is imported by the workers, not by the run's own process
    from spacy.language import Language

Progress = Callable[[int], None]  # called with the number of articles just finished
BATCHES_PER_WORKER = 4  # fewer batches than this per process: parallel parsing costs more than it saves
# Forked workers are replaced after this many batches each: spaCy's string store and vocabulary only grow.
BATCHES_PER_WORKER_LIFE = 32
PR_SET_PDEATHSIG = 1  # prctl(2) option: the signal a process gets when its parent dies
# What the workers' fork server imports once, before it forks any worker: this module and the loaded pipeline.
FORK_SERVER_PRELOAD = [__name__, "pipelines.nlp.preloaded"]


@dataclass
class StageOutput:
    """What a per-article stage wrote, the articles it could not handle, and counts for the run's metadata."""

    staged: StagedBatches
    errors: list[IngestError]
    source_paths: list[str]  # of the articles written, in order
    counts: Counter = field(default_factory=Counter)


def _failure(source_path: str, step: str, exc: Exception) -> IngestError:
    return IngestError(source_path, "failed",
                       f"The {step} step failed on this article ({type(exc).__name__}: {exc}); "
                       "the other articles were processed.")


def _clean_one(raw: RawArticle) -> CleanArticle | IngestError:
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


def clean_articles(raws: Iterable[RawArticle], out: BatchWriter) -> StageOutput:
    """Cleans each article into ``out``; an article with no text left is an error, not an article."""
    errors, paths, counts = [], [], Counter()
    for raw in raws:
        result = _clean_one(raw)
        if isinstance(result, IngestError):
            errors.append(result)
            continue
        out.add(result)
        paths.append(result.source_path)
        counts["removed_lines"] += len(result.removed)
    return StageOutput(out.staged(), errors, paths, counts)


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


@dataclass
class BatchReport:
    """What extracting one staged batch wrote (``file`` is None when every article failed)."""

    file: str | None
    articles: int
    source_paths: list[str]
    errors: list[IngestError]
    counts: Counter


def _report(target: Path, articles: int, found: list[Extraction], errors: list[IngestError]) -> BatchReport:
    """Writes the batch's extractions and says what was written."""
    if found:
        write_batch(target, found)
    counts = Counter(quotes=sum(len(e.quotes) for e in found), entity_mentions=sum(len(e.mentions) for e in found),
                     dates=sum(len(e.dates) for e in found))
    return BatchReport(str(target) if found else None, articles, [e.article.source_path for e in found],
                       errors, counts)


def _extract_file(nlp: Language, source: str, target: Path) -> BatchReport:
    articles = read_batch(source)
    return _report(target, len(articles), *_extract_batch(nlp, articles))


_worker_nlp: Language | None = None  # the pipeline this worker parses with


def _start_worker(nlp: Language | None) -> None:
    """A worker's start: it dies with its parent, and takes the pipeline the fork server loaded (or the one it
    inherited when forked from a caller that brought its own)."""
    global _worker_nlp  # noqa: PLW0603
    _die_with_parent()
    if nlp is None:
        from pipelines.nlp.preloaded import NLP as nlp  # noqa: PLC0415,N811  (loaded by the fork server)
    _worker_nlp = nlp


def _die_with_parent() -> None:
    """Asks Linux to kill this worker when its parent dies (the fork server, which ends with the run's process,
    or the run's process itself): a killed run must not leave workers behind, waiting for ever on their queue
    with a copy of the model."""
    parent = os.getppid()
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the worker ends when its queue closes, if ever
        return
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _ready() -> bool:
    return _worker_nlp is not None


def _extract_in_worker(job: tuple[str, Path]) -> BatchReport:
    return _extract_file(_worker_nlp, *job)


def _extract_articles_in_worker(articles: list[CleanArticle]) -> tuple[list[Extraction], list[IngestError]]:
    return _extract_batch(_worker_nlp, articles)


def _fork_server() -> multiprocessing.context.BaseContext:
    """The context whose workers are forked from a server process that imported FORK_SERVER_PRELOAD, the loaded
    pipeline among it, once: every worker starts with the model in memory it shares with the server (as it would
    with the run's process, had that loaded it), and the run's own process never loads spaCy."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(FORK_SERVER_PRELOAD)
    return context


def start_loading_pipeline() -> None:
    """Starts the workers' fork server, which loads the pipeline, now: it then loads on another core while this
    process goes on (starting Dagster, reading and cleaning the articles) instead of before parsing."""
    _fork_server()
    multiprocessing.forkserver.ensure_running()


def load_pipeline() -> None:
    """Loads the pipeline in the workers' fork server and waits until it is loaded (the benchmark times this)."""
    start_loading_pipeline()
    with _workers(None, 1) as pool:
        _check_started(pool)


def _workers(nlp: Language | None, processes: int) -> ProcessPoolExecutor:
    """Worker processes that parse with the loaded pipeline: forked from the fork server, or, when the caller
    brings its own ``nlp``, from this process. Unlike multiprocessing.Pool, which waits for ever when a worker
    dies, the executor reports a dead worker (BrokenProcessPool), so the run can go on without it."""
    context = _fork_server() if nlp is None else multiprocessing.get_context("fork")
    return ProcessPoolExecutor(processes, mp_context=context, initializer=_start_worker, initargs=(nlp,))


def _check_started(pool: ProcessPoolExecutor) -> None:
    """A worker that cannot even start (the pipeline does not load) is no article's fault: the run fails and
    says so, rather than turning every article into an error row."""
    try:
        pool.submit(_ready).result()
    except BrokenProcessPool as exc:
        raise RuntimeError("The language-processing workers could not start: the spaCy pipeline did not load "
                           "(the worker's error is printed above).") from exc


def _parallel(nlp: Language | None, jobs: list[tuple[str, Path]], processes: int) -> Iterator[BatchReport]:
    """Batches parsed in worker processes, which read and write the staging files themselves: only file names
    and counts cross the process boundary, never Docs or articles. The workers are replaced every
    BATCHES_PER_WORKER_LIFE batches each."""
    generation = processes * BATCHES_PER_WORKER_LIFE
    for start in range(0, len(jobs), generation):
        share = jobs[start:start + generation]
        done = 0
        try:
            with _workers(nlp, processes) as pool:
                if start == 0:
                    _check_started(pool)
                for report in pool.map(_extract_in_worker, share):
                    yield report
                    done += 1
        except BrokenProcessPool:
            # A worker died (a crash in native code, the kernel's out-of-memory killer): the rest of this
            # share goes one batch per fresh process, so that the article that kills its process is found.
            for job in share[done:]:
                yield _extract_alone(nlp, *job)


def _extract_alone(nlp: Language | None, source: str, target: Path) -> BatchReport:
    """One batch in a fresh process; if that process dies too, each article in a process of its own."""
    try:
        with _workers(nlp, 1) as pool:
            return pool.submit(_extract_in_worker, (source, target)).result()
    except BrokenProcessPool:
        pass
    articles: list[CleanArticle] = read_batch(source)
    found, errors = [], []
    for article in articles:
        try:
            with _workers(nlp, 1) as pool:
                done, failed = pool.submit(_extract_articles_in_worker, [article]).result()
        except BrokenProcessPool:
            errors.append(IngestError(article.source_path, "failed",
                                      "The language-processing step crashed the process working on this article; "
                                      "the other articles were processed."))
            continue
        found.extend(done)
        errors.extend(failed)
    return _report(target, len(articles), found, errors)


def extract_articles(
    cleaned: StagedBatches, folder: Path, progress: Progress | None = None, processes: int | None = None,
    nlp: Language | None = None,
) -> StageOutput:
    """Runs the NLP pipeline over each staged batch (one ``nlp.pipe`` batch per file), in ``processes``
    processes (default: NEWS_NLP_PROCESSES), writing the extractions into ``folder``. The workers use the
    project's pipeline, loaded by their fork server, unless ``nlp`` is given."""
    processes = processes or configured_processes()
    folder.mkdir(parents=True, exist_ok=True)
    jobs = [(source, folder / Path(source).name) for source in cleaned.files]
    # Even one process parses in a worker: a crash in native code then costs one article, not the run.
    workers = processes if len(jobs) >= processes * BATCHES_PER_WORKER else 1
    reports = _parallel(nlp, jobs, workers)
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
