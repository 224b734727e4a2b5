"""Which warehouse a setting names: a DuckDB file (the default, one machine) or a DuckLake (many machines)."""

from __future__ import annotations

from pathlib import Path

from pipelines.settings import storage_from_env, warehouse_path_from_env
from pipelines.warehouse.lake import PREFIX, Lake
from pipelines.warehouse.store import Warehouse


def open_warehouse(target: str, storage: str | None = None) -> Warehouse | Lake:
    """``target`` is NEWS_WAREHOUSE: a file path, or ``ducklake:<catalog>``; ``storage`` is NEWS_STORAGE, the
    (shared) folder for staged batches and, for a lake, its data files. Both kinds of warehouse offer the same
    methods: exists, query, connect_readonly, build, staging_root, location."""
    if target.startswith(PREFIX):
        if not storage:
            raise ValueError("A DuckLake warehouse keeps its data files in NEWS_STORAGE: set it to a folder "
                             "every machine of the cluster can reach.")
        return Lake(target, storage)
    return Warehouse(target, Path(storage) / "staging" if storage else None)


def configured_warehouse() -> Warehouse | Lake:
    """The warehouse NEWS_WAREHOUSE and NEWS_STORAGE name."""
    return open_warehouse(warehouse_path_from_env(), storage_from_env())
