"""What the browser checks share: services in their own process group, headless Chromium, the pipeline.

Every service a check starts runs in a session of its own (a process group), and the check stops the whole group
when it ends, also when it fails or is interrupted (SIGINT, SIGTERM), so nothing is left running.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

BI = Path(__file__).resolve().parent
ROOT = BI.parent
OUT = BI / "out"
PROJECT_PYTHON = ROOT / ".venv" / "bin" / "python"

CHROMIUM = "/usr/bin/chromium"
# Headless on a machine with no display, no GPU and no network but the loopback; a fresh profile per run.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class CheckFailed(AssertionError):
    """What a check found wrong."""


def check(condition: object, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


@contextlib.contextmanager
def prepared(name: str, port_variable: str, default_port: int, description: str) -> Iterator[tuple[int, Path, Path]]:
    """A check's set-up: its port (--port, else the environment variable, else the default; the next free one when
    that is taken), a fresh output folder bi/out/NAME/, and a temporary work folder holding a corpus of the seeds,
    removed at the end."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--port", type=int, default=int(os.environ.get(port_variable, default_port)))
    port = parser.parse_args().port
    stop_on_termination()
    out = OUT / name
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    work = Path(tempfile.mkdtemp(prefix=f"news-{name}-check-"))
    try:
        _seed_corpus(work / "corpus")
        yield free_port(port), out, work
    finally:
        shutil.rmtree(work, ignore_errors=True)


def stop_on_termination() -> None:
    """SIGTERM and SIGHUP unwind like Ctrl-C does, so that the checks' cleanup (finally blocks) runs."""
    def interrupt(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt(f"signal {signum}")
    signal.signal(signal.SIGTERM, interrupt)
    signal.signal(signal.SIGHUP, interrupt)


def ensure_chromium() -> None:
    """Debian's chromium package, installed when missing (the checks run as root on Debian machines)."""
    if Path(CHROMIUM).exists():
        return
    print("Installing Debian's chromium package...", flush=True)
    quiet = {"stdout": subprocess.DEVNULL, "env": dict(os.environ, DEBIAN_FRONTEND="noninteractive")}
    subprocess.run(["apt-get", "update", "-qq"], check=True, **quiet)
    subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, **quiet)


@contextlib.contextmanager
def chromium_page(width: int = 1600, height: int = 1200) -> Iterator[object]:
    """A Playwright page in the system's headless Chromium (Playwright's own browser download is not used)."""
    from playwright.sync_api import sync_playwright

    ensure_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.set_default_timeout(120_000)
            yield page
        finally:
            browser.close()


def free_port(preferred: int, tries: int = 20) -> int:
    """The preferred port if nothing listens on it, else the next free one above it."""
    for port in range(preferred, preferred + tries):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise CheckFailed(f"no free port in {preferred}-{preferred + tries - 1}")


class Service:
    """A command run in its own session; stop() ends its whole process group. As a context manager: started on
    entry, stopped on exit."""

    def __init__(self, name: str, command: list[str], env: dict[str, str], log: Path,
                 ignore_sigint: bool = False):
        self.name, self.command, self.env, self.log = name, command, env, log
        self.ignore_sigint = ignore_sigint
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Service:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def start(self) -> None:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        # ignore_sigint starts it the way a script's background job (`make dev &`) starts: SIGINT ignored.
        preexec = (lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if self.ignore_sigint else None
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(self.command, cwd=ROOT, env={**os.environ, **self.env}, stdout=log,
                                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                            start_new_session=True, preexec_fn=preexec)
        print(f"{self.name}: started (pid {self.process.pid}), log {self.log}", flush=True)

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def group(self) -> list[int]:
        """Processes still alive in the service's process group."""
        if self.process is None:
            return []
        alive = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                with contextlib.suppress(OSError, IndexError, ValueError):
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                    if int(fields[2]) == self.pid and fields[0] != "Z":
                        alive.append(int(entry.name))
        return alive

    def wait_until_gone(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None:
                self.process.poll()
            if not self.group():
                return True
            time.sleep(0.5)
        return False

    def signal(self, signum: int, whole_group: bool) -> None:
        with contextlib.suppress(ProcessLookupError):
            if whole_group:
                os.killpg(self.pid, signum)
            else:
                os.kill(self.pid, signum)

    def stop(self, timeout: float = 60) -> None:
        """SIGTERM to the group, then SIGKILL to whatever is left after the timeout."""
        if self.process is None:
            return
        self.signal(signal.SIGTERM, whole_group=True)
        if not self.wait_until_gone(timeout):
            print(f"{self.name}: still running after SIGTERM, killing {self.group()}", flush=True)
            self.signal(signal.SIGKILL, whole_group=True)
            self.wait_until_gone(10)
        self.process.wait()
        self.process = None

    def wait_for_http(self, url: str, timeout: float) -> None:
        """Until the URL answers 200; fails at once if the service exits first."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise CheckFailed(f"{self.name} exited with {self.process.returncode}; see {self.log}:\n"
                                  + tail(self.log))
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(url, timeout=5) as response:
                    if response.status == 200:
                        return
            time.sleep(1)
        raise CheckFailed(f"{self.name} did not answer {url} within {timeout:.0f} s; see {self.log}")


def tail(path: Path, lines: int = 30) -> str:
    with contextlib.suppress(OSError):
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    return ""


def run_pipeline(corpus: Path, warehouse: Path, log: Path) -> None:
    """`make run`'s command on another corpus and warehouse (the project's environment must exist)."""
    env = {**os.environ, "NEWS_CORPUS_DIR": str(corpus), "NEWS_WAREHOUSE": str(warehouse), "PYTHONPATH": str(ROOT)}
    with open(log, "ab") as out:
        done = subprocess.run([str(PROJECT_PYTHON), "-m", "pipelines", "run"], cwd=ROOT, env=env, stdout=out,
                              stderr=subprocess.STDOUT)
    check(done.returncode == 0, f"the pipeline failed; see {log}:\n{tail(log)}")


def warehouse_rows(warehouse: Path, sql: str, params: list | None = None) -> list[tuple]:
    import duckdb

    with contextlib.closing(duckdb.connect(str(warehouse), read_only=True)) as con:
        return con.execute(sql, params).fetchall()


def _seed_corpus(target: Path) -> None:
    """The bundled articles (corpus/) copied into a check's own corpus folder."""
    target.mkdir(parents=True, exist_ok=True)
    for path in (ROOT / "corpus").iterdir():
        if path.is_file():
            shutil.copy2(path, target / path.name)


# Articles a check adds while the services are up: real pages of two other publishers, with their dates.
NEW_ARTICLES = [ROOT / "tests/gold/heldout/corpus/001_millbrook_council_bike_lanes.txt",
                ROOT / "tests/gold/heldout/corpus/003_lumora_earnings_call.txt"]
