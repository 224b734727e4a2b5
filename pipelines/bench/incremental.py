"""Incremental cost on a large warehouse: a re-run with no change, one new article, one changed article.

The N-article warehouse is built once (a long run, reported as ``build``) and kept under the work folder;
later invocations reuse it. Every step leaves the corpus as it found it, so the next invocation starts
from the same state.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from pipelines.bench import measure, report
from pipelines.bench.corpus import generate_article, load_seeds, write_corpus

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "corpus"
NEW_ARTICLE_INDEX = 10**6  # far beyond any corpus size: never part of the base corpus


def _step(name: str, run: measure.RunMeasure) -> dict:
    print(f"{name}: {run.seconds:.2f} s, parsed {run.articles_parsed}, to read {run.files_to_read}, "
          f"stages {({k: round(v, 2) for k, v in run.stages.items()})}", flush=True)
    return {"step": name, **run.as_dict()}


def incremental(args: argparse.Namespace) -> int:
    n, processes = args.incremental, max(args.processes)
    base = args.work / f"incremental-{n}-{args.seed}"
    corpus, warehouse, build_file = base / "corpus", base / "news.duckdb", base / "build.json"
    start = time.perf_counter()
    paths = write_corpus(SEEDS, corpus, n, args.seed)
    print(f"corpus: {len(paths)} files in {time.perf_counter() - start:.1f} s", flush=True)
    if not build_file.exists():
        print(f"building the {n}-article warehouse with {processes} process(es); this takes a while", flush=True)
        build = _step("build", measure.run_pipeline(corpus, warehouse, processes))
        build_file.write_text(json.dumps(build, indent=2, default=str), encoding="utf-8")
    build = json.loads(build_file.read_text(encoding="utf-8"))

    from pipelines.cli.bench import _load_model  # noqa: PLC0415  (the model is loaded once, outside the timings)
    model_load = _load_model()
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
    load_phases = measure.load_profile(warehouse, base)
    data = {"machine": report.machine(), "articles": n, "seed": args.seed, "processes": processes,
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
             *(f"{s['stages'][k]:.2f}" for k in stages), report.mib(s["peak_rss_bytes"])]
            for s in [b, *data["steps"]]]
    return "\n\n".join([
        f"## Incremental cost on a {data['articles']:,}-article warehouse ({data['processes']} process(es))",
        f"Machine: {m['cpus']} CPUs, {m['memory_gib']} GiB, Python {m['python']}; {m['date']}. "
        f"Warehouse: {report.mib(b['warehouse_bytes'])} after the build. Model loading "
        f"({data['model_load_seconds']:.1f} s, once per process) is not counted in the steps.",
        report.table(["run", "seconds", "files read", "articles parsed", *(f"{k} s" for k in stages), "peak RSS"],
                     rows),
        "### Fixed publishing cost at this size (s)\n\n"
        + report.table(["phase", "seconds"], [[k, f"{v:.2f}"] for k, v in data["load_phases_seconds"].items()]),
    ]) + "\n"
