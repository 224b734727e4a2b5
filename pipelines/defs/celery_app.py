"""The Celery application workers run: ``celery -A pipelines.defs.celery_app worker -Q dagster``.

It carries Dagster's one task (execute the steps it is given, dagster_celery.tasks) with the settings of
pipelines/defs/cluster.py, read from the same NEWS_* environment as the runs that send the tasks.
"""

from celery.signals import worker_init
from dagster_celery.make_app import make_app
from dagster_celery.tasks import create_task

import pipelines.definitions  # noqa: F401  (the code location, imported once when the worker starts)
from pipelines.defs.cluster import celery_app_args
from pipelines.workers import load_pipeline

app = make_app(celery_app_args())
execute_plan = create_task(app)


@worker_init.connect
def _load_pipeline(**_: object) -> None:
    """The worker's fork server (pipelines.workers) loads the spaCy pipeline before the worker takes its first
    step, not during it; every step's parsing processes are forked from it."""
    load_pipeline()
