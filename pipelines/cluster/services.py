"""The services of a cluster, started from their Debian packages and stopped again: a private PostgreSQL
server, a Redis server, and Celery workers, each on a port of its own.

Nothing here assumes a service is running: what a ``LocalCluster`` starts it stops when its block ends, also
on an exception, Ctrl-C or SIGTERM (see ``stop_on_signals``).
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parents[2]
# Ports away from the services' defaults (5432, 6379) and from what a developer's machine usually runs.
POSTGRES_PORTS = range(56432, 56448)
REDIS_PORTS = range(56379, 56395)
TAG_ENV = "NEWS_CLUSTER_TAG"  # set by a script that wants to sweep up after a program it may have to kill
STARTUP_SECONDS = 60  # a worker may take three times this: it loads the code location and the model


class MissingService(RuntimeError):
    """A program the cluster needs is not installed (``apt-get install postgresql redis-server``)."""


def free_ports(ports: range) -> Iterator[int]:
    """The ports of the range that nothing listens on now (another program may still take one before we do:
    the caller checks that its server is the one answering)."""
    for port in ports:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
        yield port


def start_on_a_free_port(make, ports: range):
    """``make(port)`` for the first port of the range on which the server starts and answers as itself."""
    for port in free_ports(ports):
        server = make(port)
        try:
            server.start()
        except (subprocess.CalledProcessError, RuntimeError):  # the port was taken meanwhile
            server.stop()
            continue
        return server
    raise RuntimeError(f"no free port in {ports.start}-{ports.stop - 1}")


def _wait(ready, what: str, process: subprocess.Popen | None = None, seconds: float = STARTUP_SECONDS) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} exited with code {process.returncode} while starting")
        with contextlib.suppress(Exception):
            if ready():
                return
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not become ready within {seconds:.0f} s")


def stop_process(process: subprocess.Popen, seconds: float = 20) -> None:
    """SIGTERM, then SIGKILL if the process has not ended within ``seconds``."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def stop_process_group(process: subprocess.Popen, seconds: float = 20) -> None:
    """SIGTERM to the process's group (it was started in a session of its own), then SIGKILL if need be; returns
    once the process and everything it started (a worker's fork server) have ended, not only the process."""
    import psutil  # noqa: PLC0415

    if process.poll() is not None:
        return
    started = []
    with contextlib.suppress(psutil.Error):
        started = psutil.Process(process.pid).children(recursive=True)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(seconds)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    _, alive = psutil.wait_procs(started, timeout=seconds)
    for child in alive:
        with contextlib.suppress(psutil.Error):
            child.kill()


def postgres_bin() -> Path:
    found = shutil.which("pg_ctl") or next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)), None)
    if not found:
        raise MissingService("PostgreSQL is not installed (apt-get install postgresql)")
    return Path(found).resolve().parent


def redis_server() -> str:
    found = shutil.which("redis-server")
    if not found:
        raise MissingService("Redis is not installed (apt-get install redis-server)")
    return found


def services_installed() -> bool:
    try:
        postgres_bin(), redis_server()
    except MissingService:
        return False
    return True


class Postgres:
    """A private PostgreSQL server on 127.0.0.1:``port``, its data in a fresh folder. PostgreSQL refuses to run
    as root, so under root it runs as the ``postgres`` user the Debian package creates."""

    def __init__(self, port: int):
        self.port = port
        self.bin = postgres_bin()
        self.folder = Path(tempfile.mkdtemp(prefix="news-postgres-"))
        self.data = self.folder / "data"
        self._user = "postgres" if os.geteuid() == 0 else None
        if self._user:
            info = pwd.getpwnam(self._user)
            os.chown(self.folder, info.pw_uid, info.pw_gid)

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if self._user:
            command = ["runuser", "-u", self._user, "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=self.folder)

    def start(self) -> None:
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8")
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"), "-w", "start")

    def create_database(self, name: str) -> None:
        import psycopg2  # noqa: PLC0415

        with contextlib.closing(psycopg2.connect(self.conninfo("postgres"))) as con:
            con.autocommit = True
            with con.cursor() as cursor:
                cursor.execute(f'CREATE DATABASE "{name}"')

    def conninfo(self, database: str) -> str:
        return f"dbname={database} host=127.0.0.1 port={self.port} user=postgres"

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            try:
                self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
            except subprocess.CalledProcessError:
                pid = int((self.data / "postmaster.pid").read_text().split()[0])
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        shutil.rmtree(self.folder, ignore_errors=True)


class Redis:
    """A Redis server on 127.0.0.1:``port`` that keeps nothing on disk."""

    def __init__(self, port: int, folder: Path):
        self.port = port
        self.folder = folder
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        import redis  # noqa: PLC0415

        self.folder.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [redis_server(), "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.folder), "--daemonize", "no", "--loglevel", "warning"],
            stdout=subprocess.DEVNULL, start_new_session=True)
        # Ours answers, not another server that took the port first.
        _wait(lambda: redis.Redis.from_url(self.url).info()["process_id"] == self.process.pid, "redis-server",
              self.process)

    def stop(self) -> None:
        if self.process:
            stop_process_group(self.process)


@dataclass
class Worker:
    """A Celery worker of the project: one process that runs one step at a time (and the parsing process
    the step forks)."""

    name: str
    env: dict[str, str]
    log: Path
    process: subprocess.Popen | None = None

    def start(self) -> None:
        command = [sys.executable, "-m", "celery", "-A", "pipelines.defs.celery_app", "worker", "-Q", "dagster",
                   "--pool", "solo", "--prefetch-multiplier", "1", "-n", self.node, "--loglevel", "WARNING",
                   "--without-gossip", "--without-mingle"]
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(command, env=self.env, cwd=PROJECT, stdout=log, stderr=subprocess.STDOUT,
                                            start_new_session=True)

    @property
    def node(self) -> str:
        return f"{self.name}@{socket.gethostname()}"

    def wait_ready(self) -> None:
        from celery import Celery  # noqa: PLC0415

        with Celery(broker=self.env["NEWS_CELERY_BROKER"]) as app:
            _wait(lambda: app.control.ping(destination=[self.node], timeout=1), f"Celery worker {self.name}",
                  self.process, seconds=STARTUP_SECONDS * 3)

    def pids(self) -> list[int]:
        """The worker's processes: its main one and all it started."""
        import psutil  # noqa: PLC0415

        main = psutil.Process(self.process.pid)
        return [main.pid, *(p.pid for p in main.children(recursive=True))]

    def kill(self) -> None:
        """Kills the worker and everything it started at once (SIGKILL), as when its machine is lost."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process:
            stop_process_group(self.process)


@dataclass
class LocalCluster:
    """The settings a run needs to use the cluster (``env``), its services and the workers serving it."""

    env: dict[str, str]
    storage: Path
    postgres: Postgres
    redis: Redis
    workers: list[Worker] = field(default_factory=list)

    def lake_env(self, name: str, corpus: Path) -> dict[str, str]:
        """The cluster's settings with a lake of its own (a new catalog database and storage folder) and a
        corpus."""
        self.postgres.create_database(name)
        return {**self.env, "NEWS_WAREHOUSE": f"ducklake:postgres:{self.postgres.conninfo(name)}",
                "NEWS_STORAGE": str(self.storage.parent / name), "NEWS_CORPUS_DIR": str(corpus)}

    def add_worker(self, name: str) -> Worker:
        worker = Worker(name, self.env, self.storage.parent / f"{name}.log")
        self.workers.append(worker)
        worker.start()
        worker.wait_ready()
        return worker


def start_run(env: dict[str, str]) -> subprocess.Popen:
    """``python -m pipelines run`` with these settings: it orchestrates, the workers run the steps."""
    return subprocess.Popen([sys.executable, "-m", "pipelines", "run"], env=env, cwd=PROJECT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def dagster_instance_config(postgres_url: str) -> dict:
    """A Dagster instance every process of the cluster shares: runs and events in PostgreSQL."""
    with open(PROJECT / "dagster.yaml", encoding="utf-8") as handle:
        local = yaml.safe_load(handle)
    return {
        "storage": {"postgres": {"postgres_url": postgres_url}},
        "run_queue": local["run_queue"],
        "compute_logs": {"module": "dagster._core.storage.noop_compute_log_manager",
                         "class": "NoOpComputeLogManager"},
        "telemetry": {"enabled": False},
    }


@contextlib.contextmanager
def local_cluster(folder: Path, workers: int = 2, extra_env: dict[str, str] | None = None) -> Iterator[LocalCluster]:
    """PostgreSQL, Redis and ``workers`` Celery workers on this machine, for the block's duration. Runs use
    ``cluster.env``: the lake (catalog in PostgreSQL, data under ``folder/storage``), the broker, the shared
    Dagster instance."""
    folder.mkdir(parents=True, exist_ok=True)
    postgres = redis = cluster = None
    try:
        postgres = start_on_a_free_port(Postgres, POSTGRES_PORTS)
        for database in ("lake", "dagster"):
            postgres.create_database(database)
        redis = start_on_a_free_port(lambda port: Redis(port, folder / "redis"), REDIS_PORTS)
        home = folder / "dagster_home"
        home.mkdir(exist_ok=True)
        (home / "dagster.yaml").write_text(yaml.safe_dump(dagster_instance_config(postgres.url("dagster"))),
                                           encoding="utf-8")
        env = {
            **os.environ,
            "PYTHONPATH": str(PROJECT),
            "DAGSTER_HOME": str(home),
            "NEWS_WAREHOUSE": f"ducklake:postgres:{postgres.conninfo('lake')}",
            "NEWS_STORAGE": str(folder / "storage"),
            "NEWS_CELERY_BROKER": redis.url,
            "NEWS_NLP_PROCESSES": "1",  # one worker, one core
            **(extra_env or {}),
        }
        cluster = LocalCluster(env, folder / "storage", postgres, redis)
        for n in range(workers):
            cluster.add_worker(f"worker{n + 1}")
        yield cluster
    finally:
        for worker in cluster.workers if cluster else []:
            worker.stop()
        for service in (redis, postgres):
            if service:
                service.stop()


def tagged_processes(tag: str) -> list:
    """The processes whose environment carries NEWS_CLUSTER_TAG=``tag``: every service a program started with
    that tag set (they inherit its environment), wherever they were reparented."""
    import psutil  # noqa: PLC0415

    found = []
    for process in psutil.process_iter():
        with contextlib.suppress(psutil.Error):
            if process.pid != os.getpid() and process.environ().get(TAG_ENV) == tag:
                found.append(process)
    return found


def stop_tagged(tag: str, seconds: float = 15, grace: float = 5) -> int:
    """Stops what a killed program left behind (see tagged_processes): SIGTERM, then SIGKILL. Returns how many.
    Processes that end by themselves within ``grace`` seconds (a fork server noticing that the program that
    started it has exited) are not left behind."""
    import psutil  # noqa: PLC0415

    _, left = psutil.wait_procs(tagged_processes(tag), timeout=grace)
    for process in left:
        with contextlib.suppress(psutil.Error):
            process.terminate()
    _, alive = psutil.wait_procs(left, timeout=seconds)
    for process in alive:
        with contextlib.suppress(psutil.Error):
            process.kill()
    return len(left)


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP end the program as Ctrl-C does, so that every ``finally`` runs and stops what was
    started."""
    def interrupt(signum, _frame):
        raise KeyboardInterrupt(f"signal {signum}")

    previous = {s: signal.signal(s, interrupt) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


if __name__ == "__main__":  # python -m pipelines.cluster.services stop TAG  (see .ci/run)
    if sys.argv[1:2] == ["stop"] and len(sys.argv) == 3:
        print(f"stopped {stop_tagged(sys.argv[2])} left-over process(es)")
    else:
        sys.exit("usage: python -m pipelines.cluster.services stop TAG")
