"""The Dagster code location: every definition of the project, loaded in one place."""

import dagster as dg

from pipelines.defs import assets
from pipelines.defs.checks import warehouse_checks
from pipelines.defs.jobs import ingest_job
from pipelines.defs.resources import default_resources
from pipelines.defs.schedules import daily_rescan
from pipelines.defs.sensors import corpus_sensor

all_assets = dg.load_assets_from_modules([assets])

defs = dg.Definitions(
    assets=all_assets,
    asset_checks=warehouse_checks,
    jobs=[ingest_job],
    sensors=[corpus_sensor],
    schedules=[daily_rescan],
    resources=default_resources(),
)
