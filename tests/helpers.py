"""Helpers for the end-to-end tests: a temporary corpus and one real pipeline run into a temp warehouse."""

from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg

from pipelines.cli.run import materialize_all
from pipelines.defs.resources import CorpusResource, WarehouseResource
from pipelines.warehouse.store import Warehouse

SEED_CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def copy_seeds(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(SEED_CORPUS.glob("*.txt")):
        shutil.copy(path, target / path.name)
    return target


def run_pipeline(corpus: Path, warehouse_path: Path) -> dg.ExecuteInProcessResult:
    result = materialize_all({
        "corpus": CorpusResource(corpus_dir=str(corpus)),
        "warehouse": WarehouseResource(path=str(warehouse_path)),
    })
    assert result.success
    return result


def output_metadata(result: dg.ExecuteInProcessResult, asset: str) -> dict:
    [mat] = [m for m in result.get_asset_materialization_events() if m.asset_key.to_user_string() == asset]
    return {k: v.value for k, v in mat.materialization.metadata.items()}


def rows(warehouse_path: Path, sql: str) -> list[tuple]:
    return Warehouse(warehouse_path).query(sql)


def people(doc) -> dict[str, object]:
    """The PERSON entities of a parsed doc, by name."""
    return {e.name: e for e in doc._.entities if e.label == "PERSON"}
