"""A run's intermediate records on disk, in numbered batch files, so that no stage holds a whole run in memory.

Each per-article stage reads the batches of the stage before it one at a time and writes its own; what
passes between Dagster assets is only the small ``StagedBatches`` list of files. A batch file is Parquet
(pipelines.records: data, never code), in folders only the run's user can enter; the parsing stage writes
each batch as the warehouse rows it makes, a folder of one Parquet file per table (``write_tables``). A run's
staging folder is removed once the run has published (see ``remove_run``); folders left by runs that died are
swept later.
"""

from __future__ import annotations

import os
import shutil
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pipelines.models import CleanArticle, RawArticle

if TYPE_CHECKING:  # pyarrow is loaded only by the runs that stage records
    import pyarrow as pa

STALE_AFTER_SECONDS = 24 * 3600  # a run folder untouched this long belongs to a run that died
RECORD_TYPES = {cls.__name__: cls for cls in (RawArticle, CleanArticle)}
BATCH_SUFFIX = ".parquet"


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
    """The records of one batch file, of the type its schema names."""
    import pyarrow.parquet as pq  # noqa: PLC0415  (here: a run with nothing new never loads pyarrow)

    from pipelines.records import from_table  # noqa: PLC0415

    table = pq.read_table(path)
    return from_table(table, RECORD_TYPES[table.schema.metadata[b"record"].decode()])


def batch_size(path: str | Path) -> int:
    """How many records a batch file holds (from its footer, without reading them)."""
    import pyarrow.parquet as pq  # noqa: PLC0415

    return pq.read_metadata(path).num_rows


def write_batch(path: str | Path, records: list) -> None:
    """Writes through a temporary name: a batch file that exists is whole. Records are of one type."""
    import pyarrow.parquet as pq  # noqa: PLC0415

    from pipelines.records import to_table  # noqa: PLC0415

    path = Path(path)
    partial = path.with_name(path.name + ".part")
    pq.write_table(to_table(records, type(records[0])), partial)
    os.replace(partial, path)


def write_tables(folder: str | Path, tables: dict[str, pa.Table]) -> None:
    """Writes each table as <folder>/<name>.parquet, through a temporary folder: a folder that exists is whole
    (a step run again replaces it)."""
    import pyarrow.parquet as pq  # noqa: PLC0415

    folder = Path(folder)
    partial = folder.with_name(folder.name + ".part")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(mode=0o700)  # private, as the run folder it is in
    for name, table in tables.items():
        pq.write_table(table, partial / f"{name}{BATCH_SUFFIX}")
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(partial, folder)


def private_folder(root: Path, *parts: str) -> Path:
    """The folder ``root/parts...``, each level of it from ``root`` down one only its owner can enter (0700),
    created if need be (``root``'s own parent is created as any folder). A level that exists with wider rights
    is narrowed; one that belongs to someone else is refused, since its owner could change what the run
    reads back."""
    root = Path(root)
    root.parent.mkdir(parents=True, exist_ok=True)
    folder = root
    for level in (None, *parts):
        folder = folder if level is None else folder / level
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.lstat()
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid():
            raise PermissionError(f"{folder} is not a folder of this user's; the run keeps no records there.")
        if stat.S_IMODE(info.st_mode) != 0o700:
            folder.chmod(0o700)
    return folder


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
            path = self.folder / f"{len(self._files):06d}{BATCH_SUFFIX}"
            write_batch(path, self._pending)
            self._files.append(str(path))
            self._items += len(self._pending)
            self._pending = []

    def staged(self) -> StagedBatches:
        self.flush()
        return StagedBatches(tuple(self._files), self._items)


def run_folder(root: Path, run_id: str, *parts: str) -> Path:
    """The run's own private folder under the staging root (or a folder in it)."""
    return private_folder(root, run_id, *parts)


def remove_run(root: Path, run_id: str) -> None:
    """Removes the run's own staging folder, and any folder a dead run left behind."""
    shutil.rmtree(root / run_id, ignore_errors=True)
    if not root.is_dir():
        return
    cutoff = time.time() - STALE_AFTER_SECONDS
    for folder in root.iterdir():
        if folder.is_dir() and folder.stat().st_mtime < cutoff:
            shutil.rmtree(folder, ignore_errors=True)
