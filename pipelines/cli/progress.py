"""A rich progress bar for command-line runs, in place of the logging ProgressResource."""

import dagster as dg
from pydantic import PrivateAttr
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from pipelines.defs.resources import ProgressResource


class RichProgressResource(ProgressResource):
    _bar: Progress | None = PrivateAttr(default=None)
    _task: int | None = PrivateAttr(default=None)

    def start(self, context: dg.AssetExecutionContext, stage: str, total: int) -> None:
        self._bar = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                             TimeElapsedColumn(), TimeRemainingColumn(), transient=False)
        self._bar.start()
        self._task = self._bar.add_task(stage, total=total)

    def advance(self, context: dg.AssetExecutionContext, done: int, total: int) -> None:
        self._bar.update(self._task, completed=done)

    def finish(self, context: dg.AssetExecutionContext) -> None:
        self._bar.stop()
