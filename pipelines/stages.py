"""The per-article stages with failure isolation: one article that breaks a step becomes an
``ingest_errors`` row, and the rest of the run goes on."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from itertools import islice
from pathlib import PurePosixPath

from spacy.language import Language

from pipelines.clean.article import clean
from pipelines.clean.repeated import repeated_lines
from pipelines.models import CleanArticle, Extraction, IngestError, RawArticle
from pipelines.nlp.pipeline import BATCH_SIZE, extract

Progress = Callable[[int], None]  # called with the number of articles just finished


def _failure(source_path: str, step: str, exc: Exception) -> IngestError:
    return IngestError(source_path, "failed",
                       f"The {step} step failed on this article ({type(exc).__name__}: {exc}); "
                       "the other articles were processed.")


def source_of(raw: RawArticle) -> str:
    """Which source an article comes from, for finding its source's repeated furniture lines."""
    return raw.sidecar.get("publisher") or str(PurePosixPath(raw.source_path).parent)


def clean_articles(raws: list[RawArticle]) -> tuple[list[CleanArticle], list[IngestError]]:
    """Cleans each article; lines that recur across articles of one source in this run count as furniture."""
    by_source: dict[str, list[RawArticle]] = defaultdict(list)
    for raw in raws:
        by_source[source_of(raw)].append(raw)
    furniture = {source: repeated_lines(r.text for r in group) for source, group in by_source.items()}
    cleaned, errors = [], []
    for raw in raws:
        try:
            article = clean(raw, repeated_lines=furniture[source_of(raw)])
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


def extract_articles(
    nlp: Language, articles: list[CleanArticle], progress: Progress | None = None, batch_size: int = BATCH_SIZE,
) -> tuple[list[Extraction], list[IngestError]]:
    """Runs the NLP pipeline in batches; a batch that fails is retried article by article."""
    extractions, errors = [], []
    it = iter(articles)
    while batch := list(islice(it, batch_size)):
        try:
            done = list(extract(nlp, batch, batch_size=batch_size))
        except Exception:  # noqa: BLE001
            done = []
            for article in batch:
                try:
                    done.extend(extract(nlp, [article]))
                except Exception as exc:  # noqa: BLE001
                    errors.append(_failure(article.source_path, "language-processing", exc))
        extractions.extend(done)
        if progress:
            progress(len(batch))
    return extractions, errors
