"""Dagster resources: where the corpus and the warehouse are, the spaCy pipeline, progress reporting, and
where asset outputs are kept between steps."""


import json
import os
from pathlib import Path

import dagster as dg
from pydantic import TypeAdapter

from pipelines.settings import corpus_dir_from_env, storage_from_env, warehouse_path_from_env
from pipelines.staging import StagedBatches, run_folder
from pipelines.stages import Progress, StageOutput, clean_articles, extract_articles
from pipelines.warehouse.lake import Lake
from pipelines.warehouse.store import Warehouse
from pipelines.warehouse.target import open_warehouse


class CorpusResource(dg.ConfigurableResource):
    """The folder of input articles (NEWS_CORPUS_DIR)."""

    corpus_dir: str

    @property
    def path(self) -> Path:
        return Path(self.corpus_dir)


class WarehouseResource(dg.ConfigurableResource):
    """The warehouse readers open (NEWS_WAREHOUSE: a DuckDB file, or ducklake:<catalog>), and the folder for
    staged batches and a lake's data files (NEWS_STORAGE; for a file warehouse, by default beside it)."""

    path: str
    storage: str | None = None

    def get(self) -> Warehouse | Lake:
        return open_warehouse(self.path, self.storage)


class NlpResource(dg.ConfigurableResource):
    """The project's spaCy pipeline, run in worker processes (NEWS_NLP_PROCESSES of them) forked from a server
    process that loaded it once (pipelines.workers). The run's own process never loads it, and a run with
    nothing to parse does not load it at all."""

    # Clean in the workers too: for a run that started their fork server early (make run does), so that the
    # run's own process never imports spaCy. Off, a step that only cleans does not load the model.
    clean_in_workers: bool = False

    def clean(self, raw: StagedBatches, folder: Path) -> StageOutput:
        return clean_articles(raw, folder, in_workers=self.clean_in_workers)

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


class StagingIOManager(dg.ConfigurableIOManager):
    """Keeps each asset's output (the scan, the lists of staged batch files, errors) as JSON in the run's private
    staging folder, removed when the run publishes. Dagster's default manager pickles them, and a pickle that
    someone else could write runs their code when it is read back."""

    warehouse: dg.ResourceDependency[WarehouseResource]

    def _path(self, context: dg.OutputContext) -> Path:
        run_id, *step = context.get_identifier()
        folder = run_folder(self.warehouse.get().staging_root.resolve(), run_id, "outputs")
        return folder / f"{'.'.join(step)}.json"

    def handle_output(self, context: dg.OutputContext, obj: object) -> None:
        if obj is None:
            return
        path = self._path(context)
        partial = path.with_name(path.name + ".part")
        # ASCII JSON: a file name that is not UTF-8 survives as an escaped surrogate.
        partial.write_text(json.dumps(TypeAdapter(type(obj)).dump_python(obj, mode="json")), encoding="ascii")
        os.replace(partial, path)

    def load_input(self, context: dg.InputContext) -> object:
        data = json.loads(self._path(context.upstream_output).read_text(encoding="ascii"))
        return TypeAdapter(context.upstream_output.dagster_type.typing_type).validate_python(data)


def default_resources(**overrides: dg.ConfigurableResource) -> dict[str, dg.ConfigurableResource]:
    """The resources of a run, from the environment unless overridden; outputs are kept beside the warehouse
    the run writes."""
    resources = {
        "corpus": CorpusResource(corpus_dir=corpus_dir_from_env()),
        "warehouse": WarehouseResource(path=warehouse_path_from_env(), storage=storage_from_env()),
        "nlp": NlpResource(),
        "progress": ProgressResource(),
        **overrides,
    }
    resources.setdefault("io_manager", StagingIOManager(warehouse=resources["warehouse"]))
    return resources
