"""Peak memory of a process (this one, or a command it started) and all its children, sampled in a background
thread.

Two figures: the summed RSS (cheap, sampled often) counts pages that forked workers share with their parent
once per process, so it overstates a process tree; the summed PSS (proportional set size: a shared page is
split among the processes that map it) is the tree's real footprint. PSS is costly to read (the kernel walks
every mapping), so it is sampled less often and only while there are child processes; without children
PSS and RSS agree.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

import psutil

SAMPLE_SECONDS = 0.05
PSS_EVERY = 40  # samples: PSS about every 2 s
_PSS = re.compile(r"^Pss:\s+(\d+) kB", re.MULTILINE)


def _pss(process: psutil.Process) -> int:
    try:
        return int(_PSS.search(Path(f"/proc/{process.pid}/smaps_rollup").read_text()).group(1)) * 1024
    except (OSError, AttributeError):  # no such file (not Linux, process gone): fall back to RSS
        return process.memory_info().rss


def _tree(process: psutil.Process) -> list[psutil.Process]:
    return [process, *process.children(recursive=True)]


def tree_memory(process: psutil.Process, with_pss: bool) -> tuple[int, int | None]:
    """(summed RSS, summed PSS) of the process and its children; PSS is None when it was not read."""
    processes = _tree(process)
    alone = len(processes) == 1
    rss, pss = 0, 0 if with_pss or alone else None
    for p in processes:
        try:
            r = p.memory_info().rss
            rss += r
            if pss is not None:
                pss += r if alone else _pss(p)
        except psutil.Error:  # a worker that just exited
            pass
    return rss, pss


class PeakRss:
    """``with PeakRss() as peak: ...`` then ``peak.bytes`` (summed RSS) and ``peak.pss_bytes``."""

    def __init__(self, pid: int | None = None) -> None:
        """Samples this process's tree, or the tree of the process ``pid``."""
        self.bytes = 0
        self.pss_bytes = 0
        self._process = psutil.Process(pid)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _record(self, with_pss: bool) -> None:
        try:
            rss, pss = tree_memory(self._process, with_pss)
        except psutil.NoSuchProcess:  # the process sampled has exited
            return
        self.bytes = max(self.bytes, rss)
        if pss is not None:
            self.pss_bytes = max(self.pss_bytes, pss)

    def _sample(self) -> None:
        n = 0
        while True:
            self._record(with_pss=n % PSS_EVERY == 0)
            n += 1
            if self._stop.wait(SAMPLE_SECONDS):
                return

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._record(with_pss=True)
