"""`make cluster-demo` builds the bundled corpus through two workers into a lake, prints the summary of
`make run`, and stops everything it started, also when interrupted."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
import uuid

import psutil
import pytest

from pipelines.cli.run import summary_rows
from pipelines.cluster.services import PROJECT, TAG_ENV, services_installed, stop_tagged, tagged_processes
from pipelines.warehouse.store import Warehouse

pytestmark = [pytest.mark.cluster,
              pytest.mark.skipif(not services_installed() and os.environ.get("NEWS_CLUSTER_TESTS") != "required",
                                 reason="PostgreSQL and Redis are not installed")]


def demo(tag: str) -> subprocess.Popen:
    # A session of its own: Ctrl-C in a terminal signals the whole foreground process group, as killpg does here.
    return subprocess.Popen([sys.executable, "-m", "pipelines", "cluster-demo"], cwd=PROJECT,
                            env={**os.environ, TAG_ENV: tag}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, start_new_session=True)


def commands(tag: str) -> list[str]:
    """The command lines of the processes that carry the demo's tag."""
    found = []
    for process in tagged_processes(tag):
        with contextlib.suppress(psutil.Error):  # one that just ended
            found.append(" ".join(process.cmdline()[:4]))
    return found


@pytest.fixture
def tag():
    """A tag for the demo's processes; whatever carries it when the test ends is stopped, the test failed or not."""
    tag = f"demo-{uuid.uuid4()}"
    yield tag
    stop_tagged(tag)


def left_behind(tag: str, seconds: float = 10) -> list[str]:
    """What still carries the tag once the demo has exited, allowing a loaded machine a few seconds to reap
    the processes it signalled."""
    deadline = time.monotonic() + seconds
    while (found := commands(tag)) and time.monotonic() < deadline:
        time.sleep(0.5)
    return found


def test_the_demo_builds_the_corpus_into_a_lake_and_leaves_no_process_behind(seed_warehouse, tag):
    run = demo(tag)
    output, _ = run.communicate(timeout=1800)
    assert run.returncode == 0, output[-3000:]
    summary = summary_rows(Warehouse(seed_warehouse))  # what make run prints for the same corpus
    assert summary and all(re.search(rf"│ {name} +│ {count:,} +│", output) for name, count in summary), output
    assert "Daniel Russel" in output  # the example query, read from the lake
    assert left_behind(tag) == []


def test_an_interrupted_demo_stops_everything_it_started(tag):
    run = demo(tag)
    deadline = time.monotonic() + 900
    while not any("celery" in command for command in commands(tag)):
        assert run.poll() is None and time.monotonic() < deadline, "the demo started no worker"
        time.sleep(0.5)
    time.sleep(5)
    os.killpg(run.pid, signal.SIGINT)  # Ctrl-C
    run.communicate(timeout=300)
    assert left_behind(tag) == []
