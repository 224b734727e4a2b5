"""The job that refreshes the warehouse from the corpus."""

import dagster as dg

from pipelines.defs.assets import WRITER_TAGS

ingest_job = dg.define_asset_job(
    "ingest_corpus",
    selection=dg.AssetSelection.all(),
    description="Reads new and changed articles from the corpus and publishes the updated warehouse.",
    tags=WRITER_TAGS,
)
