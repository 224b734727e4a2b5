"""Incremental cost on a large warehouse: a re-run with no change, one new article, one changed article.

The N-article warehouse is built once (a long run, reported as ``build``) and kept under the work folder;
later invocations reuse it. Every step leaves the corpus as it found it, so the next invocation starts
from the same state.
"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from pathlib import Path

from pipelines.bench import measure, report
from pipelines.bench.corpus import generate_article, load_seeds, write_corpus
from pipelines.bench.replicate import replicate

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "corpus"
NEW_ARTICLE_INDEX = 10**6  # far beyond any corpus size: never part of the base corpus


def _step(name: str, run: measure.RunMeasure) -> dict:
    print(f"{name}: {run.seconds:.2f} s, parsed {run.articles_parsed}, to read {run.files_to_read}, "
          f"stages {({k: round(v, 2) for k, v in run.stages.items()})}", flush=True)
    return {"step": name, **run.as_dict()}


def _built(args: argparse.Namespace, n: int, processes: int) -> tuple[Path, Path, dict]:
    """The corpus and warehouse of n parsed articles, built on first use, and the build's measures."""
    base = args.work / f"incremental-{n}-{args.seed}"
    corpus, warehouse, build_file = base / "corpus", base / "news.duckdb", base / "build.json"
    start = time.perf_counter()
    write_corpus(SEEDS, corpus, n, args.seed)
    print(f"corpus: {n} files in {time.perf_counter() - start:.1f} s", flush=True)
    if not build_file.exists():
        print(f"building the {n}-article warehouse with {processes} process(es); this takes a while", flush=True)
        build = _step("build", measure.run_pipeline(corpus, warehouse, processes))
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
    model_load = measure.load_model()  # once, outside the timings
    corpus, warehouse, build = _built(args, parsed, processes)
    if parsed != n:
        corpus, warehouse = _replicated(args, parsed, corpus, warehouse)
    paths = sorted(p for p in corpus.iterdir() if p.is_file())

    steps = [_step("no change", measure.run_pipeline(corpus, warehouse, processes))]
    seeds = load_seeds(SEEDS)
    new_path = corpus / "new_article.txt"
    new_path.write_text(generate_article(seeds, args.seed, NEW_ARTICLE_INDEX), encoding="utf-8")
    try:
        steps.append(_step("one new article", measure.run_pipeline(corpus, warehouse, processes)))
        changed = paths[0]
        original = changed.read_text(encoding="utf-8")
        changed.write_text(original + "\nThe story was updated with new details on Tuesday.\n", encoding="utf-8")
        try:
            steps.append(_step("one changed article", measure.run_pipeline(corpus, warehouse, processes)))
            steps.append(_step("no change again", measure.run_pipeline(corpus, warehouse, processes)))
        finally:
            changed.write_text(original, encoding="utf-8")
    finally:
        new_path.unlink()
    _step("restore (not reported)", measure.run_pipeline(corpus, warehouse, processes))
    load_phases = measure.load_profile(warehouse, warehouse.parent)
    data = {"machine": report.machine(), "articles": n, "parsed_articles": parsed, "seed": args.seed,
            "processes": processes,
            "model_load_seconds": model_load, "build": build, "steps": steps, "load_phases_seconds": load_phases}
    md = _markdown(data)
    json_path, md_path = report.write(args.out, f"incremental-{n}", data, md)
    print(md)
    print(f"\nReports: {json_path} {md_path}")
    return 0


def _markdown(data: dict) -> str:
    m, b = data["machine"], data["build"]
    stages = list(b["stages"])
    rows = [[s["step"], f"{s['seconds']:.2f}", s["files_to_read"], s["articles_parsed"],
             *(f"{s['stages'][k]:.2f}" for k in stages),
             report.mib(s["peak_pss_bytes"]) if "peak_pss_bytes" in s else "n/a",  # builds measured before PSS
             report.mib(s["peak_rss_bytes"]), report.mib(s["warehouse_bytes"])]
            for s in [b, *data["steps"]]]
    return "\n\n".join([
        f"## Incremental cost on a {data['articles']:,}-article warehouse ({data['processes']} process(es))",
        f"Machine: {m['cpus']} CPUs, {m['memory_gib']} GiB, Python {m['python']}; {m['date']}. "
        + (f"The warehouse holds {data['parsed_articles']:,} parsed articles, copied "
           f"{data['articles'] // data['parsed_articles']} times under other paths (pipelines.bench.replicate); "
           "the build row is the parse of those articles. "
           if data["parsed_articles"] != data["articles"] else "")
        + f"Model loading ({data['model_load_seconds']:.1f} s, once per process) is not counted in the steps.",
        report.table(["run", "seconds", "files read", "articles parsed", *(f"{k} s" for k in stages), "peak PSS",
                      "peak RSS sum", "warehouse"], rows),
        "### Fixed publishing cost at this size (s)\n\n"
        + report.table(["phase", "seconds"], [[k, f"{v:.2f}"] for k, v in data["load_phases_seconds"].items()]),
    ]) + "\n"
