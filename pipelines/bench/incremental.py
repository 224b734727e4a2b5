"""Incremental cost on a large warehouse: a re-run with no change, one new article, one changed article,
each timed from the shell (`python -m pipelines run` from process start to exit, as a user sees it).

The N-article warehouse is built once (a long run in this process, reported as ``build``) and kept under the
work folder; later invocations reuse it. Every step leaves the corpus as it found it, so the next invocation
starts from the same state.
"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from pathlib import Path

from pipelines.bench import measure, report
from pipelines.bench.corpus import NEW_ARTICLE_INDEX, generate_article, load_seeds, write_corpus
from pipelines.bench.replicate import replicate

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "corpus"


def _build_step(run: measure.RunMeasure) -> dict:
    print(f"build: {run.seconds:.2f} s, parsed {run.articles_parsed}, to read {run.files_to_read}, "
          f"stages {({k: round(v, 2) for k, v in run.stages.items()})}", flush=True)
    return {"step": "build", **run.as_dict()}


def _runs(warehouse: Path) -> list[tuple]:
    return measure.query(warehouse, "SELECT run_id, files_processed, articles_added + articles_changed "
                                    "FROM pipeline_runs")


def _step(name: str, corpus: Path, warehouse: Path, processes: int, home: Path) -> dict:
    """One run from the shell, with the peak memory of its process tree; files read and articles parsed come
    from the pipeline_runs row it added (a run with nothing new adds none)."""
    before = set(_runs(warehouse))
    run = measure.shell_pipeline(corpus, warehouse, processes, home, memory=True)
    [*added] = set(_runs(warehouse)) - before
    files_read, parsed = (added[0][1], added[0][2]) if added else (0, 0)
    print(f"{name}: {run.seconds:.2f} s, read {files_read}, parsed {parsed}", flush=True)
    return {"step": name, "seconds": run.seconds, "files_read": files_read, "articles_parsed": parsed,
            "peak_rss_bytes": run.peak_rss_bytes, "peak_pss_bytes": run.peak_pss_bytes,
            "warehouse_bytes": warehouse.stat().st_size}


def _built(args: argparse.Namespace, n: int, processes: int) -> tuple[Path, Path, dict]:
    """The corpus and warehouse of n parsed articles, built on first use, and the build's measures."""
    base = args.work / f"incremental-{n}-{args.seed}"
    corpus, warehouse, build_file = base / "corpus", base / "news.duckdb", base / "build.json"
    start = time.perf_counter()
    write_corpus(SEEDS, corpus, n, args.seed)
    print(f"corpus: {n} files in {time.perf_counter() - start:.1f} s", flush=True)
    if not build_file.exists():
        print(f"building the {n}-article warehouse with {processes} process(es); this takes a while", flush=True)
        build = _build_step(measure.run_pipeline(corpus, warehouse, processes))
        build_file.write_text(json.dumps(build, indent=2, default=str), encoding="utf-8")
    return corpus, warehouse, json.loads(build_file.read_text(encoding="utf-8"))


def _replicated(args: argparse.Namespace, parsed: int, corpus: Path, warehouse: Path) -> tuple[Path, Path]:
    """An args.incremental-article copy of the parsed warehouse (see pipelines.bench.replicate)."""
    n = args.incremental
    base = args.work / f"incremental-{n}-from-{parsed}-{args.seed}"
    if not (base / "news.duckdb").exists():
        shutil.rmtree(base, ignore_errors=True)
        start = time.perf_counter()
        replicate(corpus, warehouse, base / "corpus", base / "news.duckdb", n // parsed)
        print(f"replicated {parsed} parsed articles to {n} in {time.perf_counter() - start:.1f} s", flush=True)
    return base / "corpus", base / "news.duckdb"


def incremental(args: argparse.Namespace) -> int:
    n, processes = args.incremental, max(args.processes)
    parsed = args.parsed or n
    if n % parsed:
        raise SystemExit("--parsed must divide --incremental")
    corpus, warehouse, build = _built(args, parsed, processes)
    if parsed != n:
        corpus, warehouse = _replicated(args, parsed, corpus, warehouse)
    paths = sorted(p for p in corpus.iterdir() if p.is_file())
    home = measure.dagster_home(args.work)

    def step(name: str) -> dict:
        return _step(name, corpus, warehouse, processes, home)

    steps = [step("no change")]
    seeds = load_seeds(SEEDS)
    new_path = corpus / "new_article.txt"
    new_path.write_text(generate_article(seeds, args.seed, NEW_ARTICLE_INDEX), encoding="utf-8")
    try:
        steps.append(step("one new article"))
        changed = paths[0]
        original = changed.read_text(encoding="utf-8")
        changed.write_text(original + "\nThe story was updated with new details on Tuesday.\n", encoding="utf-8")
        try:
            steps.append(step("one changed article"))
            steps.append(step("no change again"))
        finally:
            changed.write_text(original, encoding="utf-8")
    finally:
        new_path.unlink()
    step("restore (not reported)")
    load_phases = measure.load_profile(warehouse, warehouse.parent)
    data = {"machine": report.machine(), "articles": n, "parsed_articles": parsed, "seed": args.seed,
            "processes": processes,
            "build": build, "steps": steps, "load_phases_seconds": load_phases}
    md = _markdown(data)
    json_path, md_path = report.write(args.out, f"incremental-{n}", data, md)
    print(md)
    print(f"\nReports: {json_path} {md_path}")
    return 0


def _markdown(data: dict) -> str:
    m, b = data["machine"], data["build"]
    stages = list(b["stages"])
    build_row = [f"{b['seconds']:.2f}", b["files_to_read"], b["articles_parsed"],
                 *(f"{b['stages'][k]:.2f}" for k in stages),
                 report.mib(b["peak_pss_bytes"]) if "peak_pss_bytes" in b else "n/a",  # builds measured before PSS
                 report.mib(b["peak_rss_bytes"]), report.mib(b["warehouse_bytes"])]
    rows = [[s["step"], f"{s['seconds']:.2f}", s["files_read"], s["articles_parsed"], report.mib(s["peak_pss_bytes"]),
             report.mib(s["peak_rss_bytes"]), report.mib(s["warehouse_bytes"])] for s in data["steps"]]
    return "\n\n".join([
        f"## Incremental cost on a {data['articles']:,}-article warehouse ({data['processes']} process(es))",
        f"Machine: {m['cpus']} CPUs, {m['memory_gib']} GiB, Python {m['python']}, load average at the end "
        f"{m['load_average']}; {m['date']}. "
        + (f"The warehouse holds {data['parsed_articles']:,} parsed articles, copied "
           f"{data['articles'] // data['parsed_articles']} times under other paths (pipelines.bench.replicate); "
           "the build row is the parse of those articles. "
           if data["parsed_articles"] != data["articles"] else ""),
        "### Runs from the shell\n\n`python -m pipelines run` timed from process start to exit (imports, Dagster, "
        "model loading when there is something to parse, publishing, checks, summary), with the peak memory of "
        "its process tree.\n\n"
        + report.table(["run", "seconds", "files read", "articles parsed", "peak PSS", "peak RSS sum", "warehouse"],
                       rows),
        "### The build, in this process (model loaded beforehand)\n\n"
        + report.table(["seconds", "files read", "articles parsed", *(f"{k} s" for k in stages), "peak PSS",
                        "peak RSS sum", "warehouse"], [build_row]),
        "### Fixed publishing cost at this size (s)\n\n"
        + report.table(["phase", "seconds"], [[k, f"{v:.2f}"] for k, v in data["load_phases_seconds"].items()]),
    ]) + "\n"
