"""The assets: corpus scan → raw articles → clean articles → extractions → the published warehouse.

Each asset is a thin wrapper over the pure functions of ingest/, stages and warehouse/. The per-article assets
stream: they write their records in batches into the run's staging folder and pass on only the list of batch
files, so memory does not grow with the number of articles.
"""

from pathlib import Path

import dagster as dg

from pipelines.defs.resources import CorpusResource, NlpResource, WarehouseResource
from pipelines.defs.shards import extract_shard, gather_shards, plan_shards
from pipelines.ingest.plan import CorpusScan, IngestResult, ingest, scan
from pipelines.settings import BATCH_SIZE
from pipelines.staging import BatchWriter, remove_run, run_folder
from pipelines.stages import StageOutput
from pipelines.warehouse.known import needs_run, read_published
from pipelines.warehouse.load import RunInput, load

WRITER_TAGS = {"news_warehouse/writes": "warehouse"}  # dagster.yaml lets one such run go at a time


def _staging(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> Path:
    """This asset's folder in this run's staging area (absolute: with Dagster's multiprocess executor each step
    is a process of its own)."""
    root = warehouse.get().staging_root.resolve()
    return run_folder(root, context.run.run_id, context.asset_key.to_python_identifier())


@dg.asset(group_name="ingest", description="Finds the corpus files and compares them with what the warehouse knows.")
def corpus_scan(context: dg.AssetExecutionContext, corpus: CorpusResource, warehouse: WarehouseResource) -> CorpusScan:
    result = scan(corpus.path, read_published(warehouse.get()).files)
    context.add_output_metadata({
        "files": len(result.files), "to_read": len(result.to_read), "missing": len(result.missing),
    })
    return result


@dg.asset(group_name="ingest", output_required=False, dagster_type=IngestResult,
          description="Reads and decodes new and changed files; finds duplicates and unreadable files. "
                      "With nothing new, it and everything after it are skipped.")
def raw_articles(context: dg.AssetExecutionContext, corpus_scan: CorpusScan, warehouse: WarehouseResource):
    if not needs_run(corpus_scan, read_published(warehouse.get())):
        # No output: Dagster skips the steps after this one (no model loaded, no warehouse copied or published,
        # no check run: nothing in the warehouse changed).
        context.log.info("Nothing new since the warehouse was published.")
        return
    result = ingest(corpus_scan, BatchWriter(_staging(context, warehouse), BATCH_SIZE))
    yield dg.Output(result, metadata={
        "articles": result.articles.items, "duplicates": len(result.duplicates),
        "unchanged": len(result.unchanged), "errors": len(result.errors),
    })


@dg.asset(name="clean_articles", group_name="clean", description="Removes page boilerplate and finds title, authors, publisher and date.")
def clean_articles_asset(
    context: dg.AssetExecutionContext, raw_articles: IngestResult, nlp: NlpResource, warehouse: WarehouseResource,
) -> StageOutput:
    # One staged file is one spaCy batch downstream.
    result = nlp.clean(raw_articles.articles, _staging(context, warehouse))
    context.add_output_metadata({
        "articles": result.staged.items, "errors": len(result.errors), "removed_lines": result.counts["removed_lines"],
    })
    return result


@dg.graph_asset(group_name="nlp", description="Entities, quotes and dates from the spaCy pipeline, run in batches "
                                                "by one step per shard of articles (pipelines/defs/shards.py).")
def extractions(clean_articles: StageOutput) -> StageOutput:
    parts = plan_shards(clean_articles).map(extract_shard)
    return gather_shards(clean_articles, parts.collect())


@dg.asset(group_name="warehouse", description="Loads the run into a private copy of the warehouse and publishes it atomically.")
def news_warehouse(
    context: dg.AssetExecutionContext,
    warehouse: WarehouseResource,
    corpus_scan: CorpusScan,
    raw_articles: IngestResult,
    extractions: StageOutput,
) -> dg.MaterializeResult:
    store = warehouse.get()
    summary = load(store, RunInput(
        corpus_scan, raw_articles, extractions.staged, extractions.source_paths, extractions.errors,
        run_id=context.run.run_id, started_at=corpus_scan.scanned_at,
    ))
    # Only after success: a failed run keeps its batches, so that Dagster can re-execute it from the failed step.
    remove_run(store.staging_root, context.run.run_id)
    return dg.MaterializeResult(metadata={
        "path": warehouse.path, **{k: v for k, v in summary.__dict__.items() if k != "run_id"},
    })
