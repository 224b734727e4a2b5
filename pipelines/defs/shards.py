"""The extraction stage as steps Dagster can run anywhere: the cleaned batches are dealt into shards, one step
per shard parses them (``DynamicOut``, ``.map``), and one step gathers what the shards wrote.

Each shard step reads its batch files from the run's staging folder in NEWS_STORAGE and writes its extractions
there as Parquet, so the steps share nothing but that folder: on a cluster (pipelines/defs/cluster.py) they go
to whichever worker is free. On one machine there is one shard. Either way a shard is parsed by the worker
processes of pipelines.workers, forked from a server that loaded the model once (per run on one machine, per
Celery worker on a cluster).
"""

import os
from collections import Counter

import dagster as dg

from pipelines.defs.resources import NlpResource, ProgressResource, WarehouseResource
from pipelines.settings import on_cluster
from pipelines.staging import StagedBatches, batch_size, run_folder
from pipelines.stages import StageOutput

SHARD_BATCHES_ENV = "NEWS_SHARD_BATCHES"
# Two batches of 32 articles per step on a cluster: small enough to share a run's work among workers, large
# enough that a step's fixed cost (Dagster's step start-up, the queue) stays a few percent of its parsing.
CLUSTER_SHARD_BATCHES = 2


def shard_batches() -> int:
    """Batch files per extraction step (NEWS_SHARD_BATCHES); 0: every batch in one step."""
    default = CLUSTER_SHARD_BATCHES if on_cluster() else 0
    return max(0, int(os.environ.get(SHARD_BATCHES_ENV, default)))


def shards(staged: StagedBatches, size: int) -> list[StagedBatches]:
    """The batch files dealt into shards of ``size`` files (all in one when size is 0), at least one."""
    files = list(staged.files)
    size = size or max(1, len(files))
    groups = [tuple(files[i:i + size]) for i in range(0, len(files), size)] or [()]
    return [StagedBatches(group, sum(map(batch_size, group))) for group in groups]


@dg.op(out=dg.DynamicOut(StagedBatches), description="Deals the cleaned batches into shards, one step each.")
def plan_shards(clean_articles: StageOutput):
    for index, shard in enumerate(shards(clean_articles.staged, shard_batches())):
        yield dg.DynamicOutput(shard, mapping_key=f"shard_{index:05d}")


@dg.op(description="Runs the spaCy pipeline over one shard's batches, writing their extractions beside them.")
def extract_shard(
    context: dg.OpExecutionContext, shard: StagedBatches, nlp: NlpResource, progress: ProgressResource,
    warehouse: WarehouseResource,
) -> StageOutput:
    done = 0
    progress.start(context, "Extracting", shard.items)

    def advance(n: int) -> None:
        nonlocal done
        done += n
        progress.advance(context, done, shard.items)

    # One folder for all shards: a batch's extraction file is named after its batch, so a re-run step
    # (its worker died) writes the same files again.
    folder = run_folder(warehouse.get().staging_root.resolve(), context.run.run_id, "extractions")
    result = nlp.extract(shard, folder, advance)  # no batch: no worker started, no model loaded
    progress.finish(context)
    return result


@dg.op(description="Gathers the shards' extractions, in shard order, with the cleaning errors.")
def gather_shards(context: dg.OpExecutionContext, clean_articles: StageOutput, parts: list[StageOutput]) -> StageOutput:
    files, errors, paths, counts = [], list(clean_articles.errors), [], Counter()
    for part in parts:
        files.extend(part.staged.files)
        errors.extend(part.errors)
        paths.extend(part.source_paths)
        counts.update(part.counts)
    context.add_output_metadata({"articles": len(paths), "errors": len(errors) - len(clean_articles.errors),
                                 "shards": len(parts), **counts})
    # The cleaning errors travel on, so loading need not read every cleaned article back in a second time.
    return StageOutput(StagedBatches(tuple(files), len(paths)), errors, paths, counts)
