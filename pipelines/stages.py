"""The per-article stages with failure isolation: one article that breaks a step becomes an
``ingest_errors`` row, and the rest of the run goes on."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator

from spacy.language import Language

from pipelines.clean.article import clean
from pipelines.models import CleanArticle, Extraction, IngestError, RawArticle
from pipelines.nlp.pipeline import BATCH_SIZE, configured_processes, extract

Progress = Callable[[int], None]  # called with the number of articles just finished
BatchResult = tuple[list[Extraction], list[IngestError]]
BATCHES_PER_WORKER = 4  # fewer batches than this per process: parallel parsing costs more than it saves


def _failure(source_path: str, step: str, exc: Exception) -> IngestError:
    return IngestError(source_path, "failed",
                       f"The {step} step failed on this article ({type(exc).__name__}: {exc}); "
                       "the other articles were processed.")


def clean_articles(raws: list[RawArticle]) -> tuple[list[CleanArticle], list[IngestError]]:
    cleaned, errors = [], []
    for raw in raws:
        try:
            article = clean(raw)
        except Exception as exc:  # noqa: BLE001  (any bug in cleaning must not stop the run)
            errors.append(_failure(raw.source_path, "cleaning", exc))
            continue
        if article.body.strip():
            cleaned.append(article)
        else:
            reasons = sorted({line.reason for line in article.removed})
            errors.append(IngestError(raw.source_path, "no_article_text",
                                      f"Cleaning found only page furniture ({len(article.removed)} lines: "
                                      f"{', '.join(reasons)}), no article text."))
    return cleaned, errors


def _extract_batch(nlp: Language, batch: list[CleanArticle]) -> BatchResult:
    """One batch through the pipeline; a batch that fails is retried article by article."""
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


_worker_nlp: Language | None = None  # the pipeline a forked worker inherited from its parent


def _start_worker(nlp: Language) -> None:
    global _worker_nlp  # noqa: PLW0603
    _worker_nlp = nlp


def _extract_in_worker(batch: list[CleanArticle]) -> BatchResult:
    return _extract_batch(_worker_nlp, batch)


def _parallel(nlp: Language, batches: list[list[CleanArticle]], processes: int) -> Iterator[BatchResult]:
    """Batches parsed by forked workers that share the loaded pipeline; results come back in order.
    Only Extractions (plain dataclasses) cross the process boundary, never spaCy Docs."""
    with multiprocessing.get_context("fork").Pool(processes, _start_worker, (nlp,)) as pool:
        for batch, (done, errors) in zip(batches, pool.imap(_extract_in_worker, batches)):
            # The article came back as a copy: point at the one this process holds, not a second one in memory.
            by_path = {article.source_path: article for article in batch}
            for extraction in done:
                extraction.article = by_path[extraction.article.source_path]
            yield done, errors


def extract_articles(
    nlp: Language, articles: list[CleanArticle], progress: Progress | None = None, batch_size: int = BATCH_SIZE,
    processes: int | None = None,
) -> tuple[list[Extraction], list[IngestError]]:
    """Runs the NLP pipeline in batches, in ``processes`` processes (default: NEWS_NLP_PROCESSES)."""
    processes = processes or configured_processes()
    batches = [articles[i:i + batch_size] for i in range(0, len(articles), batch_size)]
    if processes > 1 and len(batches) >= processes * BATCHES_PER_WORKER:
        results = _parallel(nlp, batches, processes)
    else:
        results = (_extract_batch(nlp, batch) for batch in batches)
    extractions, errors = [], []
    for batch, (done, failed) in zip(batches, results):
        extractions.extend(done)
        errors.extend(failed)
        if progress:
            progress(len(batch))
    return extractions, errors
