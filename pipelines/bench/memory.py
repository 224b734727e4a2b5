"""Peak resident memory of this process and all its children, sampled in a background thread."""

from __future__ import annotations

import threading

import psutil

SAMPLE_SECONDS = 0.05


def tree_rss(process: psutil.Process) -> int:
    total = 0
    for p in (process, *process.children(recursive=True)):
        try:
            total += p.memory_info().rss
        except psutil.Error:  # a worker that just exited
            pass
    return total


class PeakRss:
    """``with PeakRss() as peak: ...`` then ``peak.bytes``: the highest summed RSS seen meanwhile."""

    def __init__(self) -> None:
        self.bytes = 0
        self._process = psutil.Process()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while True:
            self.bytes = max(self.bytes, tree_rss(self._process))
            if self._stop.wait(SAMPLE_SECONDS):
                return

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.bytes = max(self.bytes, tree_rss(self._process))
