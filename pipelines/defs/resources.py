"""Dagster resources: where the corpus and the warehouse are, the spaCy pipeline, progress reporting."""


import functools
import os
from pathlib import Path

import dagster as dg
from spacy.language import Language

from pipelines.nlp.pipeline import build_nlp
from pipelines.warehouse.store import Warehouse

DEFAULT_CORPUS_DIR = "corpus"
DEFAULT_WAREHOUSE = "warehouse/news.duckdb"


def corpus_dir_from_env() -> str:
    return os.environ.get("NEWS_CORPUS_DIR", DEFAULT_CORPUS_DIR)


def warehouse_path_from_env() -> str:
    return os.environ.get("NEWS_WAREHOUSE", DEFAULT_WAREHOUSE)


class CorpusResource(dg.ConfigurableResource):
    """The folder of input articles (NEWS_CORPUS_DIR)."""

    corpus_dir: str

    @property
    def path(self) -> Path:
        return Path(self.corpus_dir)


class WarehouseResource(dg.ConfigurableResource):
    """The published DuckDB warehouse file that readers open (NEWS_WAREHOUSE)."""

    path: str

    def get(self) -> Warehouse:
        return Warehouse(self.path)


@functools.cache
def _shared_nlp() -> Language:
    return build_nlp()


class NlpResource(dg.ConfigurableResource):
    """The project's spaCy pipeline, loaded once per process."""

    def get(self) -> Language:
        return _shared_nlp()


class ProgressResource(dg.ConfigurableResource):
    """Reports progress through a long stage; this one logs it, the command line draws a bar instead."""

    def start(self, context: dg.AssetExecutionContext, stage: str, total: int) -> None:
        context.log.info(f"{stage}: {total} articles")

    def advance(self, context: dg.AssetExecutionContext, done: int, total: int) -> None:
        context.log.info(f"{done}/{total} articles done")

    def finish(self, context: dg.AssetExecutionContext) -> None:
        """Nothing to close when progress is logged."""


def default_resources() -> dict[str, dg.ConfigurableResource]:
    return {
        "corpus": CorpusResource(corpus_dir=corpus_dir_from_env()),
        "warehouse": WarehouseResource(path=warehouse_path_from_env()),
        "nlp": NlpResource(),
        "progress": ProgressResource(),
    }
