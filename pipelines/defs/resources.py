"""Dagster resources: where the corpus and the warehouse are, the spaCy pipeline, progress reporting."""


from pathlib import Path

import dagster as dg

from pipelines.settings import corpus_dir_from_env, warehouse_path_from_env
from pipelines.staging import StagedBatches
from pipelines.stages import Progress, StageOutput, extract_articles
from pipelines.warehouse.store import Warehouse


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


class NlpResource(dg.ConfigurableResource):
    """The project's spaCy pipeline, run in worker processes (NEWS_NLP_PROCESSES of them) forked from a server
    process that loaded it once (pipelines.stages). The run's own process never loads it, and a run with
    nothing to parse does not load it at all."""

    def extract(self, cleaned: StagedBatches, folder: Path, progress: Progress) -> StageOutput:
        return extract_articles(cleaned, folder, progress)


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
