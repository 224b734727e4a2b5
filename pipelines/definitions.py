"""The Dagster code location: every definition of the project, loaded in one place."""

from pathlib import Path

import dagster as dg

from pipelines.defs import assets
from pipelines.defs.assets import WRITER_TAGS
from pipelines.defs.checks import warehouse_checks
from pipelines.defs.cluster import cluster_executor
from pipelines.defs.jobs import ingest_job
from pipelines.defs.resources import default_resources
from pipelines.defs.schedules import daily_rescan
from pipelines.defs.sensors import corpus_sensor
from pipelines.warehouse.lake import PREFIX as LAKE_PREFIX

all_assets = dg.load_assets_from_modules([assets])

defs = dg.Definitions(
    assets=all_assets,
    asset_checks=[warehouse_checks],
    jobs=[ingest_job],
    sensors=[corpus_sensor],
    schedules=[daily_rescan],
    resources=default_resources(),
    executor=cluster_executor(),  # Celery workers when NEWS_CELERY_BROKER is set; Dagster's default otherwise
)

QUIET_LOGS = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}


def materialize_all(resources: dict | None = None, instance: dg.DagsterInstance | None = None) -> dg.ExecuteInProcessResult:
    """Materializes every asset (and runs the checks) in this process, like one run of the ingest job."""
    return dg.materialize(
        [*all_assets, warehouse_checks],
        resources=default_resources(**(resources or {})),
        instance=instance,
        tags=WRITER_TAGS,
        run_config=QUIET_LOGS,
    )


def ingest_job_definition() -> dg.JobDefinition:
    """The ingest job as Dagster's workers rebuild it (dg.reconstructable needs a module-level function)."""
    return defs.resolve_job_def(ingest_job.name)


def settings_run_config() -> dict:
    """This process's corpus and warehouse settings as run configuration: the run carries them to whichever
    worker runs its steps, whatever that worker's own environment says."""
    resources = default_resources()
    corpus, warehouse = resources["corpus"], resources["warehouse"]
    path = warehouse.path if warehouse.path.startswith(LAKE_PREFIX) else str(Path(warehouse.path).resolve())
    return {"resources": {
        "corpus": {"config": {"corpus_dir": str(corpus.path.resolve())}},
        "warehouse": {"config": {"path": path, "storage": warehouse.storage and str(Path(warehouse.storage).resolve())}},
    }}


def run_on_cluster(instance: dg.DagsterInstance) -> dg.JobExecutionResult:
    """One run of the ingest job whose steps go to the Celery workers (NEWS_CELERY_BROKER); this process only
    orchestrates. The instance must be one the workers share (PostgreSQL run storage)."""
    return dg.execute_job(dg.reconstructable(ingest_job_definition), instance=instance, tags=WRITER_TAGS,
                          run_config={**QUIET_LOGS, **settings_run_config()})
