"""The worker processes the per-article stages run in, and the fork server they are forked from.

The fork server is a process that imports the stages and loads the spaCy pipeline once (``FORK_SERVER_PRELOAD``);
every worker is forked from it, so it starts with the model in memory it shares with the server, and the run's
own process never imports spaCy. ``start_loading_pipeline`` starts the server early, so that the model loads on
another core while the run's process starts Dagster and reads the files. A caller with its own pipeline (the
tests) gets workers forked from its own process instead.

Workers die with their parent (``PR_SET_PDEATHSIG``), are replaced every ``BATCHES_PER_WORKER_LIFE`` jobs each
(spaCy's string store only grows), and a worker that dies is noticed (``BrokenProcessPool``, where
``multiprocessing.Pool`` would wait for ever): its remaining jobs go one at a time to the caller's fallback.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import multiprocessing.forkserver
import os
import signal
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # spaCy is imported by the workers, not by the run's own process
    from spacy.language import Language

# Forked workers are replaced after this many jobs each: spaCy's string store and vocabulary only grow.
BATCHES_PER_WORKER_LIFE = 32
PR_SET_PDEATHSIG = 1  # prctl(2) option: the signal a process gets when its parent dies
# What the fork server imports once, before it forks any worker: the stages, cleaning, the warehouse's rows, the
# loaded pipeline.
FORK_SERVER_PRELOAD = ["pipelines.stages", "pipelines.clean.article", "pipelines.warehouse.rows",
                       "pipelines.nlp.preloaded"]

Job = TypeVar("Job")
Report = TypeVar("Report")
_worker_nlp: Language | None = None  # the pipeline this worker parses with


def worker_nlp() -> Language:
    """The pipeline, in a worker."""
    return _worker_nlp


def _start_worker(nlp: Language | None) -> None:
    """A worker's start: it dies with its parent, and takes the pipeline the fork server loaded (or the one it
    inherited when forked from a caller that brought its own)."""
    global _worker_nlp  # noqa: PLW0603
    _die_with_parent()
    if nlp is None:
        from pipelines.nlp.preloaded import NLP as nlp  # noqa: PLC0415,N811  (loaded by the fork server)
    _worker_nlp = nlp


def _die_with_parent() -> None:
    """Asks Linux to kill this worker when its parent dies (the fork server, which ends with the run's process,
    or the run's process itself): a killed run must not leave workers behind, waiting for ever on their queue
    with a copy of the model."""
    parent = os.getppid()
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the worker ends when its queue closes, if ever
        return
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _ready() -> bool:
    return _worker_nlp is not None


def _fork_server() -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(FORK_SERVER_PRELOAD)
    return context


def start_loading_pipeline() -> None:
    """Starts the fork server, which loads the pipeline, now: it then loads on another core while this process
    goes on, instead of when the first worker is needed."""
    _fork_server()
    multiprocessing.forkserver.ensure_running()


def load_pipeline() -> None:
    """Loads the pipeline in the fork server and waits until it is loaded (the benchmark times this)."""
    start_loading_pipeline()
    with workers(1) as pool:
        check_started(pool)


def workers(processes: int, nlp: Language | None = None) -> ProcessPoolExecutor:
    """``processes`` workers: forked from the fork server, or, when the caller brings its own ``nlp``, from this
    process."""
    context = _fork_server() if nlp is None else multiprocessing.get_context("fork")
    return ProcessPoolExecutor(processes, mp_context=context, initializer=_start_worker, initargs=(nlp,))


def check_started(pool: ProcessPoolExecutor) -> None:
    """A worker that cannot even start (the pipeline does not load) is no article's fault: the run fails and
    says so, rather than turning every article into an error row."""
    try:
        pool.submit(_ready).result()
    except BrokenProcessPool as exc:
        raise RuntimeError("The workers could not start: the spaCy pipeline did not load (the worker's error is "
                           "printed above).") from exc


def run_in_workers(task: Callable[[Job], Report], jobs: list[Job], processes: int,
                   alone: Callable[[Job], Report], nlp: Language | None = None) -> Iterator[Report]:
    """``task(job)`` for each job in ``processes`` workers, yielded in job order. ``task`` must be a module-level
    function (it is sent to the workers by name). When a worker dies (a crash in native code, the kernel's
    out-of-memory killer), the jobs of its generation not yet done go to ``alone``, one at a time, in this
    process."""
    generation = processes * BATCHES_PER_WORKER_LIFE
    for start in range(0, len(jobs), generation):
        share = jobs[start:start + generation]
        done = 0
        try:
            with workers(processes, nlp) as pool:
                if start == 0:
                    check_started(pool)
                for report in pool.map(task, share):
                    yield report
                    done += 1
        except BrokenProcessPool:
            for job in share[done:]:
                yield alone(job)
