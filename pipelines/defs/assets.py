"""The assets: corpus scan → raw articles → clean articles → extractions → the published warehouse.

Each asset is a thin wrapper over the pure functions of ingest/, clean/, nlp/ and warehouse/.
"""

from dataclasses import dataclass

import dagster as dg

from pipelines.defs.resources import CorpusResource, NlpResource, ProgressResource, WarehouseResource
from pipelines.ingest.plan import CorpusScan, IngestResult, ingest, scan
from pipelines.models import CleanArticle, Extraction, IngestError
from pipelines.stages import clean_articles, extract_articles
from pipelines.warehouse.load import load, read_known_files

WRITER_TAGS = {"news_warehouse/writes": "warehouse"}  # dagster.yaml lets one such run go at a time

@dataclass
class StageOutput:
    """What a per-article stage produced, and the articles it could not handle."""

    items: list
    errors: list[IngestError]

@dg.asset(group_name="ingest", description="Finds the corpus files and compares them with what the warehouse knows.")
def corpus_scan(context: dg.AssetExecutionContext, corpus: CorpusResource, warehouse: WarehouseResource) -> CorpusScan:
    result = scan(corpus.path, read_known_files(warehouse.get()))
    context.add_output_metadata({
        "files": len(result.files), "to_read": len(result.to_read), "missing": len(result.missing),
    })
    return result

@dg.asset(group_name="ingest", description="Reads and decodes new and changed files; finds duplicates and unreadable files.")
def raw_articles(context: dg.AssetExecutionContext, corpus_scan: CorpusScan) -> IngestResult:
    result = ingest(corpus_scan)
    context.add_output_metadata({
        "articles": len(result.articles), "duplicates": len(result.duplicates),
        "unchanged": len(result.unchanged), "errors": len(result.errors),
    })
    return result

@dg.asset(name="clean_articles", group_name="clean", description="Removes page boilerplate and finds title, authors, publisher and date.")
def clean_articles_asset(context: dg.AssetExecutionContext, raw_articles: IngestResult) -> StageOutput:
    cleaned, errors = clean_articles(raw_articles.articles)
    context.add_output_metadata({
        "articles": len(cleaned), "errors": len(errors),
        "removed_lines": sum(len(a.removed) for a in cleaned),
    })
    return StageOutput(cleaned, errors)

@dg.asset(group_name="nlp", description="Entities, quotes and dates from the spaCy pipeline, run in batches.")
def extractions(
    context: dg.AssetExecutionContext, clean_articles: StageOutput, nlp: NlpResource, progress: ProgressResource,
) -> StageOutput:
    articles: list[CleanArticle] = clean_articles.items
    total, done = len(articles), 0
    progress.start(context, "Extracting", total)

    def advance(n: int) -> None:
        nonlocal done
        done += n
        progress.advance(context, done, total)

    found, errors = extract_articles(nlp.get(), articles, advance)
    progress.finish(context)
    context.add_output_metadata({
        "articles": len(found), "errors": len(errors),
        "quotes": sum(len(e.quotes) for e in found), "entity_mentions": sum(len(e.mentions) for e in found),
        "dates": sum(len(e.dates) for e in found),
    })
    # The cleaning errors travel on, so loading need not read every cleaned article back in a second time.
    return StageOutput(found, clean_articles.errors + errors)


@dg.asset(group_name="warehouse", description="Loads the run into a private copy of the warehouse and publishes it atomically.")
def news_warehouse(
    context: dg.AssetExecutionContext,
    warehouse: WarehouseResource,
    corpus_scan: CorpusScan,
    raw_articles: IngestResult,
    extractions: StageOutput,
) -> dg.MaterializeResult:
    found: list[Extraction] = extractions.items
    summary = load(
        warehouse.get(), corpus_scan, raw_articles, found, extractions.errors,
        run_id=context.run.run_id, started_at=corpus_scan.scanned_at,
    )
    return dg.MaterializeResult(metadata={
        "path": warehouse.path, **{k: v for k, v in summary.__dict__.items() if k != "run_id"},
    })
