"""`python -m pipelines bench --cluster`: the pipeline on a cluster of Celery workers on this machine.

- Throughput: the same generated corpus built into a fresh DuckLake by one worker, then by two (each worker
  one process, NEWS_NLP_PROCESSES=1; alternated, fastest of each), end to end and for the extraction steps
  alone, with each worker's peak memory.
- Per-run cost: one new article added to a lake of N articles, then to the same lake grown to 10 x N (the
  parsed articles copied under other paths, pipelines.bench.replicate), with a re-run with no change at both
  sizes. What a run costs must follow what it adds, not what the lake holds.

Everything the benchmark starts (PostgreSQL, Redis, the workers) it stops. Reports go to bench/out/.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import dagster as dg

from pipelines.bench import report
from pipelines.bench.corpus import (
    NEW_ARTICLE_INDEX,
    generate_article,
    load_seeds,
    write_corpus,
)
from pipelines.bench.memory import PeakRss
from pipelines.bench.replicate import copy_corpus, copy_rows
from pipelines.cluster.services import (
    LocalCluster,
    local_cluster,
    start_run,
    stop_on_signals,
)
from pipelines.warehouse.target import open_warehouse

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "corpus"


@contextlib.contextmanager
def worker_memory(cluster: LocalCluster) -> Iterator[dict[str, list[int]]]:
    """Peak [RSS, PSS] of each running worker's process tree while the block runs, filled in when it ends."""
    peaks: dict[str, list[int]] = {}
    with contextlib.ExitStack() as stack:
        samplers = {w.name: stack.enter_context(PeakRss(w.process.pid))
                    for w in cluster.workers if w.process.poll() is None}
        yield peaks
    peaks.update({name: [sampler.bytes, sampler.pss_bytes] for name, sampler in samplers.items()})


@dataclass
class ClusterRun:
    """One run on the cluster: the command's wall time, Dagster's run and step times, the workers' peaks."""

    label: str
    command_seconds: float
    run_seconds: float
    steps: dict[str, float]  # step key -> seconds
    extraction_seconds: float  # first shard started to last shard done
    load_seconds: float
    articles_parsed: int
    worker_peak_bytes: dict[str, list[int]] = field(default_factory=dict)  # worker -> [rss, pss]


def _latest_run(env: dict[str, str]) -> dg.DagsterRun | None:
    with dg.DagsterInstance.from_config(env["DAGSTER_HOME"]) as instance:
        return next(iter(instance.get_runs(limit=1)), None)


def _timed_run(cluster: LocalCluster, env: dict[str, str], label: str) -> ClusterRun:
    before = _latest_run(env)
    with worker_memory(cluster) as peaks:
        start = time.perf_counter()
        process = start_run(env)
        output, _ = process.communicate()
        seconds = time.perf_counter() - start
    if process.returncode:
        raise RuntimeError(f"the {label} run failed:\n{output[-3000:]}")
    run = _latest_run(env)
    if before and run.run_id == before.run_id:  # nothing new: the command stopped before Dagster (no run)
        print(f"{label}: {seconds:.1f} s (no Dagster run)", flush=True)
        return ClusterRun(label, seconds, 0.0, {}, 0.0, 0.0, 0, peaks)
    with dg.DagsterInstance.from_config(env["DAGSTER_HOME"]) as instance:
        stats = instance.get_run_stats(run.run_id)
        steps = {s.step_key: s.end_time - s.start_time for s in instance.get_run_step_stats(run.run_id)
                 if s.start_time and s.end_time}
        shards = [s for s in instance.get_run_step_stats(run.run_id) if s.step_key.startswith("extractions.extract_shard")]
        materialized = [e for e in instance.all_logs(run.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION)
                        if e.dagster_event.asset_key.to_user_string() == "extractions"]
    parsed = int(materialized[-1].dagster_event.materialization.metadata["articles"].value) if materialized else 0
    extraction = max(s.end_time for s in shards) - min(s.start_time for s in shards) if shards else 0.0
    result = ClusterRun(label, seconds, stats.end_time - stats.start_time, steps, extraction,
                        steps.get("news_warehouse", 0.0), parsed, peaks)
    print(f"{label}: {seconds:.1f} s (run {result.run_seconds:.1f} s, extraction {extraction:.1f} s, "
          f"load {result.load_seconds:.1f} s, parsed {parsed})", flush=True)
    return result


def throughput(cluster: LocalCluster, args: argparse.Namespace) -> dict:
    corpus = args.work / f"corpus-{args.articles}-{args.seed}"
    write_corpus(SEEDS, corpus, args.articles, args.seed)
    second = cluster.workers[1]
    best: dict[int, ClusterRun] = {}
    for attempt in range(args.repeat):
        for workers in (1, 2):
            if workers == 1 and second.process.poll() is None:
                second.stop()
            if workers == 2 and second.process.poll() is not None:
                second.start()
                second.wait_ready()
            env = cluster.lake_env(f"throughput_{workers}w_{attempt}", corpus)
            run = _timed_run(cluster, env, f"{workers} worker(s), pass {attempt + 1}")
            if workers not in best or run.command_seconds < best[workers].command_seconds:
                best[workers] = run
    one, two = best[1], best[2]
    return {"articles": args.articles, "runs": {w: asdict(r) for w, r in best.items()},
            "speedup_end_to_end": one.command_seconds / two.command_seconds,
            "speedup_extraction": one.extraction_seconds / two.extraction_seconds}


def _add_one_article(cluster: LocalCluster, env: dict[str, str], corpus: Path, index: int, label: str) -> ClusterRun:
    (corpus / f"new_{index}.txt").write_text(generate_article(load_seeds(SEEDS), 0, index), encoding="utf-8")
    return _timed_run(cluster, env, label)


def incremental(cluster: LocalCluster, args: argparse.Namespace) -> dict:
    """One new article into a lake of args.incremental articles, then into the same lake copied to 10 times as
    many. The small lake is a real distributed build."""
    small, factor = args.incremental, 10
    corpus = args.work / f"cluster-incremental-{small}-{args.seed}"
    shutil.rmtree(corpus, ignore_errors=True)
    write_corpus(SEEDS, corpus, small, args.seed)
    env = cluster.lake_env(f"incremental_{small}", corpus)
    steps = [asdict(_timed_run(cluster, env, f"build: {small} articles"))]
    sizes = []
    for size in (small, small * factor):
        if size != small:
            start = time.perf_counter()
            staged = args.work / f"cluster-incremental-copy-{args.seed}"
            shutil.rmtree(staged, ignore_errors=True)
            copy_corpus(corpus, staged, factor)
            shutil.rmtree(corpus)
            staged.rename(corpus)
            copy_rows(open_warehouse(env["NEWS_WAREHOUSE"], env["NEWS_STORAGE"]), factor)
            print(f"grew the lake to {size} articles in {time.perf_counter() - start:.1f} s", flush=True)
        steps.append(asdict(_timed_run(cluster, env, f"{size} articles: no change")))
        added = [_add_one_article(cluster, env, corpus, NEW_ARTICLE_INDEX + size + k,
                                  f"{size} articles: one new article ({k + 1})") for k in range(args.repeat)]
        steps += [asdict(run) for run in added]
        fastest = min(added, key=lambda run: run.command_seconds)
        sizes.append({"articles": size, "one_new_article": asdict(fastest)})
    return {"steps": steps, "sizes": sizes, "repeat": args.repeat}


def _markdown(data: dict) -> str:
    m = data["machine"]
    parts = [f"## On a cluster of Celery workers on this machine ({m['cpus']} CPUs, {m['memory_gib']} GiB; "
             f"{m['date']}; load average {data['load_before']} before, {data['load_after']} after)"]
    if "throughput" in data:
        t = data["throughput"]
        rows = [[w, f"{r['command_seconds']:.1f}", f"{t['articles'] / r['command_seconds']:.2f}",
                 f"{r['extraction_seconds']:.1f}", f"{t['articles'] / r['extraction_seconds']:.2f}",
                 f"{r['load_seconds']:.1f}",
                 ", ".join(f"{name} {report.mib(p[0])} RSS / {report.mib(p[1])} PSS" for name, p in r["worker_peak_bytes"].items())]
                for w, r in t["runs"].items()]
        parts += [f"### Throughput: {t['articles']} generated articles into a fresh DuckLake",
                  report.table(["workers", "run s (command)", "articles/s", "extraction s", "extraction articles/s",
                                "load s", "peak memory per worker"], rows),
                  f"Two workers: {t['speedup_end_to_end']:.2f}x one worker end to end, "
                  f"{t['speedup_extraction']:.2f}x for the extraction steps."]
    if "incremental" in data:
        rows = [[s["label"], f"{s['command_seconds']:.1f}", f"{s['run_seconds']:.1f}", f"{s['load_seconds']:.2f}",
                 s["articles_parsed"]] for s in data["incremental"]["steps"]]
        small, large = data["incremental"]["sizes"]
        parts += ["### Per-run cost against the lake's size",
                  report.table(["run", "command s", "Dagster run s", "load step s", "articles parsed"], rows),
                  f"One new article, fastest of {data['incremental']['repeat']}: {small['one_new_article']['command_seconds']:.1f} s "
                  f"(load step {small['one_new_article']['load_seconds']:.2f} s) into {small['articles']:,} articles, "
                  f"{large['one_new_article']['command_seconds']:.1f} s (load step "
                  f"{large['one_new_article']['load_seconds']:.2f} s) into {large['articles']:,}."]
    return "\n\n".join(parts) + "\n"


def cluster_bench(args: argparse.Namespace) -> int:
    args.work.mkdir(parents=True, exist_ok=True)
    data = {"machine": report.machine(), "load_before": [round(x, 2) for x in os.getloadavg()]}
    with stop_on_signals(), local_cluster(args.work / "cluster", workers=2,
                                          extra_env={"NEWS_SHARD_BATCHES": str(args.shard_batches)}) as cluster:
        if args.incremental:
            data["incremental"] = incremental(cluster, args)
        else:
            data["throughput"] = throughput(cluster, args)
    data["load_after"] = [round(x, 2) for x in os.getloadavg()]
    md = _markdown(data)
    name = f"cluster-incremental-{args.incremental}" if args.incremental else f"cluster-throughput-{args.articles}"
    json_path, md_path = report.write(args.out, name, data, md)
    print(md)
    print(f"\nReports: {json_path} {md_path}")
    return 0
