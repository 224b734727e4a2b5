"""Timed runs: the command a user runs (`python -m pipelines run`) and the bare spaCy pass, each as a process
of its own timed from start to exit; the whole Dagster materialization in this process, per stage; a
per-component profile of the NLP stage and a phase profile of the warehouse load."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb
import spacy

from pipelines.bench.memory import PeakRss
from pipelines.definitions import materialize_all
from pipelines.defs.resources import CorpusResource, WarehouseResource
from pipelines.nlp.pipeline import COMPONENTS
from pipelines.settings import MODEL, PROCESSES_ENV
from pipelines.warehouse.fts_update import refresh_search_indexes
from pipelines.warehouse.search import load_fts
from pipelines.warehouse.sqlfiles import run_sql_file, run_sql_folder, transaction

ROOT = Path(__file__).resolve().parents[2]

# Dagster step key -> the stage it is reported as.
STAGES = {"corpus_scan": "scan", "raw_articles": "read", "clean_articles": "clean", "extractions": "nlp",
          "news_warehouse": "load_publish"}


@dataclass
class RunMeasure:
    seconds: float
    stages: dict[str, float]  # stage -> seconds; "checks" sums the asset checks, "dagster" is the rest
    peak_rss_bytes: int  # summed over the process tree: counts pages shared with forked workers twice
    peak_pss_bytes: int  # the tree's real footprint (see pipelines.bench.memory)
    articles_parsed: int  # the extractions asset's article count
    files_to_read: int
    warehouse_bytes: int
    metadata: dict[str, dict] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class ShellRun:
    """A command timed from its start to its exit, and, when sampled, the peak memory of its process tree."""

    seconds: float
    peak_rss_bytes: int | None = None
    peak_pss_bytes: int | None = None


def load_model() -> float:
    """Loads the pipeline in the parse workers' fork server, as the in-process runs will use it (once per
    process); returns the seconds it took."""
    from pipelines.workers import load_pipeline  # noqa: PLC0415

    start = time.perf_counter()
    load_pipeline()
    return time.perf_counter() - start


def dagster_home(work: Path) -> Path:
    """A Dagster instance configured as the project's (run history in SQLite) for the benchmark's runs from the
    shell, so that they cost what a user's `make run` costs and stay out of the user's run history."""
    home = work / "dagster_home"
    home.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "dagster.yaml", home / "dagster.yaml")
    return home


def timed_command(args: list[str], env: dict[str, str], memory: bool = False) -> ShellRun:
    """Runs the command from the project folder and times it from start to exit."""
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if memory:
        with PeakRss(process.pid) as peak:
            _, err = process.communicate()
    else:
        _, err = process.communicate()
    seconds = time.perf_counter() - start
    if process.returncode:
        raise RuntimeError(f"{' '.join(args)} failed:\n{err}")
    return ShellRun(seconds, *((peak.bytes, peak.pss_bytes) if memory else ()))


def shell_pipeline(corpus: Path, warehouse: Path, processes: int, home: Path, memory: bool = False) -> ShellRun:
    """`python -m pipelines run` (what `make run` runs) on the corpus into the warehouse."""
    env = {**os.environ, "NEWS_CORPUS_DIR": str(corpus), "NEWS_WAREHOUSE": str(warehouse),
           PROCESSES_ENV: str(processes), "DAGSTER_HOME": str(home), "PYTHONPATH": str(ROOT)}
    return timed_command([sys.executable, "-m", "pipelines", "run"], env, memory)


def shell_bare_spacy(texts: Path, batch_size: int, processes: int) -> float:
    """The bare spaCy pass as a command (pipelines.bench.bare): Python start, model loading and the pipe."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-m", "pipelines.bench.bare", str(texts), str(batch_size), str(processes)]
    return timed_command(args, env).seconds


def write_texts(texts: list[str], path: Path) -> Path:
    path.write_text(json.dumps(texts), encoding="utf-8")
    return path


@contextmanager
def nlp_processes(n: int):
    """The pipeline reads its process count from the environment (see pipelines.settings)."""
    before = os.environ.get(PROCESSES_ENV)
    os.environ[PROCESSES_ENV] = str(n)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(PROCESSES_ENV)
        else:
            os.environ[PROCESSES_ENV] = before


def _metadata(result, asset: str) -> dict:
    for event in result.get_asset_materialization_events():
        if event.asset_key.to_user_string() == asset:
            return {k: v.value for k, v in event.materialization.metadata.items()}
    return {}


def run_pipeline(corpus: Path, warehouse: Path, processes: int = 1) -> RunMeasure:
    """One real run (Dagster materialize of every asset and check), timed, with its peak memory."""
    resources = {"corpus": CorpusResource(corpus_dir=str(corpus)), "warehouse": WarehouseResource(path=str(warehouse))}
    with nlp_processes(processes), PeakRss() as peak:
        start = time.perf_counter()
        result = materialize_all(resources)
        seconds = time.perf_counter() - start
    if not result.success:
        raise RuntimeError("the benchmark run failed")
    stages = dict.fromkeys([*STAGES.values(), "checks"], 0.0)
    for event in result.all_events:
        if event.event_type_value == "STEP_SUCCESS":
            stage = STAGES.get(event.step_key.split(".")[0], "checks")  # graph steps: extractions.extract_shard[...]
            stages[stage] += event.event_specific_data.duration_ms / 1000
    stages["dagster"] = seconds - sum(stages.values())
    metadata = {asset: _metadata(result, asset) for asset in STAGES}
    return RunMeasure(
        seconds=seconds, stages=stages, peak_rss_bytes=peak.bytes, peak_pss_bytes=peak.pss_bytes,
        articles_parsed=int(metadata["extractions"].get("articles", 0)),
        files_to_read=int(metadata["corpus_scan"].get("to_read", 0)),
        warehouse_bytes=warehouse.stat().st_size, metadata=metadata,
    )


def query(warehouse: Path, sql: str) -> list[tuple]:
    with closing(duckdb.connect(str(warehouse), read_only=True)) as con:
        return con.execute(sql).fetchall()


def bodies(warehouse: Path) -> list[str]:
    """The cleaned texts the run gave spaCy, in source order."""
    return [r[0] for r in query(warehouse, "SELECT body FROM articles ORDER BY source_path")]


def bare_spacy(texts: list[str], batch_size: int, processes: int) -> tuple[float, int]:
    """Seconds for the base model alone over the texts (model loading excluded), and the peak PSS."""
    nlp = spacy.load(MODEL)
    with PeakRss() as peak:
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch_size, n_process=processes):
            pass
        seconds = time.perf_counter() - start
    return seconds, peak.pss_bytes


def component_profile(nlp: spacy.Language, texts: list[str], batch_size: int) -> dict[str, float]:
    """Seconds per pipeline component over the texts in one process: the base model's pipes together, then
    each of our components on its own (they run after the base model, one document at a time)."""
    from pipelines.nlp.pipeline import make_doc  # noqa: PLC0415  (keeps this module light to import)
    from pipelines.models import ArticleMetadata, CleanArticle  # noqa: PLC0415

    ours = list(COMPONENTS)
    base = [name for name in nlp.pipe_names if name not in ours]
    seconds = dict.fromkeys(["base_model", *ours], 0.0)
    articles = [CleanArticle("", "", t, [], [], [], ArticleMetadata()) for t in texts]
    for i in range(0, len(articles), batch_size):
        docs = [make_doc(nlp, a) for a in articles[i:i + batch_size]]
        start = time.perf_counter()
        with nlp.select_pipes(enable=base):
            docs = list(nlp.pipe(docs, batch_size=batch_size))
        seconds["base_model"] += time.perf_counter() - start
        for name in ours:
            component = nlp.get_pipe(name)
            start = time.perf_counter()
            docs = [component(doc) for doc in docs]
            seconds[name] += time.perf_counter() - start
    return seconds


def _in_transaction(con: duckdb.DuckDBPyConnection, run, path: str) -> None:
    with transaction(con):  # as Warehouse.build runs them
        run(con, path)


def load_profile(warehouse: Path, scratch: Path) -> dict[str, float]:
    """Seconds for each fixed-cost phase of publishing into this warehouse, on a scratch copy of it."""
    seconds: dict[str, float] = {}
    copy = scratch / "profile.duckdb"
    start = time.perf_counter()
    shutil.copyfile(warehouse, copy)
    seconds["copy_file"] = time.perf_counter() - start
    with closing(duckdb.connect(str(copy))) as con:
        load_fts(con)
        for phase, action in (
            ("schema", lambda: _in_transaction(con, run_sql_file, "schema.sql")),
            # The refresh for a run that replaces no article: what every run pays besides its articles.
            ("refresh_entities", lambda: (run_sql_file(con, "load/delete_articles.sql", article_ids=[]),
                                          run_sql_file(con, "load/refresh_entities.sql"))),
            ("views", lambda: _in_transaction(con, run_sql_folder, "views")),
            ("search_indexes_kept", lambda: refresh_search_indexes(con)),
            ("search_indexes_rebuilt", lambda: run_sql_file(con, "load/search_indexes.sql")),
            ("checkpoint", lambda: con.execute("CHECKPOINT")),
        ):
            start = time.perf_counter()
            action()
            seconds[phase] = time.perf_counter() - start
    copy.unlink()
    return seconds
