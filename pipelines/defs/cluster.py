"""Running the steps on a cluster: Dagster's Celery executor, with Redis (or RabbitMQ) as the broker.

Setting NEWS_CELERY_BROKER (e.g. ``redis://queue-host:6379/0``) makes the job's steps Celery tasks, which any
worker started with ``celery -A pipelines.defs.celery_app worker`` (same code, same NEWS_* settings) takes from
the queue. Without it, the steps run in the run's own process, as on one machine.

Workers run Celery's ``solo`` pool: the worker's own process runs one step at a time, so that the step can fork
its parsing processes (the processes of Celery's prefork pool are daemonic, and Python lets those have no
children). A worker that dies loses no step: tasks are acknowledged only once they finish
(``task_acks_late``), and the task of a worker that vanished (killed, its machine lost) is handed to another
worker when the broker's visibility timeout (NEWS_CELERY_VISIBILITY_TIMEOUT seconds) expires. Every step writes its outputs under fixed names through a
temporary file and a rename, so a step that runs again rewrites the same files: nothing is lost or doubled.
"""

from __future__ import annotations

import os

import dagster as dg

from pipelines.settings import BROKER_ENV, on_cluster

VISIBILITY_TIMEOUT_ENV = "NEWS_CELERY_VISIBILITY_TIMEOUT"
# Longer than any step runs (a shard parses in about ten seconds): a task still running when the timeout
# expires would be handed to a second worker as well.
DEFAULT_VISIBILITY_TIMEOUT = 3600
QUEUE = "dagster"


def celery_settings() -> dict:
    """Celery's settings, for the executor that sends tasks and the workers that run them alike."""
    return {
        "task_acks_late": True,
        "worker_prefetch_multiplier": 1,  # a worker holds no task it is not running
        "broker_transport_options": {
            "visibility_timeout": int(os.environ.get(VISIBILITY_TIMEOUT_ENV, DEFAULT_VISIBILITY_TIMEOUT)),
            # Idle workers look for tasks of lost workers every few seconds (kombu's default: ~100 s).
            "unacked_restore_interval": 5,
            "unacked_restore_throttle": 1,
        },
        "broker_connection_retry_on_startup": True,
        "task_default_queue": QUEUE,
        "worker_hijack_root_logger": False,
    }


def celery_app_args() -> dict:
    broker = os.environ[BROKER_ENV]
    return {"broker": broker, "backend": broker, "config_source": celery_settings()}


def cluster_executor() -> dg.ExecutorDefinition | None:
    """The Celery executor when NEWS_CELERY_BROKER is set, else None (Dagster's default)."""
    if not on_cluster():
        return None
    from dagster_celery import celery_executor  # noqa: PLC0415  (only a cluster needs Celery loaded)

    args = celery_app_args()
    return celery_executor.configured(
        {"broker": args["broker"], "backend": args["backend"], "config_source": args["config_source"]},
        name="news_celery",
    )
