"""A run's intermediate records on disk, in numbered batch files, so that no stage holds a whole run in memory.

Each per-article stage reads the batches of the stage before it one at a time and writes its own; what
passes between Dagster assets is only the small ``StagedBatches`` list of files. A run's staging folder is
removed once the run has published (see ``remove_run``); folders left by runs that died are swept later.
"""

from __future__ import annotations

import os
import pickle
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

STALE_AFTER_SECONDS = 24 * 3600  # a run folder untouched this long belongs to a run that died


@dataclass(frozen=True)
class StagedBatches:
    """Batch files of one stage, in order, and how many records they hold."""

    files: tuple[str, ...] = ()
    items: int = 0

    def __iter__(self) -> Iterator[list]:
        for path in self.files:
            yield read_batch(path)

    def records(self) -> Iterator:
        for batch in self:
            yield from batch


def read_batch(path: str | Path) -> list:
    with open(path, "rb") as handle:
        return pickle.load(handle)


def write_batch(path: str | Path, records: list) -> None:
    """Writes through a temporary name: a batch file that exists is whole."""
    path = Path(path)
    partial = path.with_name(path.name + ".part")
    with open(partial, "wb") as handle:
        pickle.dump(records, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial, path)


@dataclass
class BatchWriter:
    """Collects records and writes them ``batch_size`` at a time into ``folder``."""

    folder: Path
    batch_size: int
    _pending: list = field(default_factory=list)
    _files: list[str] = field(default_factory=list)
    _items: int = 0

    def __post_init__(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)

    def add(self, record: object) -> None:
        self._pending.append(record)
        if len(self._pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            path = self.folder / f"{len(self._files):06d}.pickle"
            write_batch(path, self._pending)
            self._files.append(str(path))
            self._items += len(self._pending)
            self._pending = []

    def staged(self) -> StagedBatches:
        self.flush()
        return StagedBatches(tuple(self._files), self._items)


def run_folder(root: Path, run_id: str) -> Path:
    return root / run_id


def remove_run(root: Path, run_id: str) -> None:
    """Removes the run's own staging folder, and any folder a dead run left behind."""
    shutil.rmtree(run_folder(root, run_id), ignore_errors=True)
    if not root.is_dir():
        return
    cutoff = time.time() - STALE_AFTER_SECONDS
    for folder in root.iterdir():
        if folder.is_dir() and folder.stat().st_mtime < cutoff:
            shutil.rmtree(folder, ignore_errors=True)
