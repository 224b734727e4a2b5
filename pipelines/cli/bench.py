"""`python -m pipelines bench`: throughput against the bare spaCy pass, memory, and incremental cost.

    python -m pipelines bench                         # 300 generated articles, 1 and 2 processes
    python -m pipelines bench --articles 1000 --processes 2
    python -m pipelines bench --incremental 10000     # build (once) a 10,000-article warehouse, then time
                                                      # no change / one new article / one changed article
    python -m pipelines bench --incremental 10000 --parsed 2000   # the same on 2,000 parsed articles x 5
Reports go to bench/out/ as JSON and markdown.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from pipelines.bench import measure, report
from pipelines.bench.corpus import NEW_ARTICLE_INDEX, generate_article, load_seeds, write_corpus
from pipelines.nlp.pipeline import build_nlp
from pipelines.settings import BATCH_SIZE

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "corpus"
PROFILE_SAMPLE = 100  # articles for the per-component NLP profile


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m pipelines bench", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, help="generated articles for the throughput run (300; 960 with --cluster)")
    p.add_argument("--processes", type=int, nargs="+", default=[1, 2], help="NLP process counts to compare")
    p.add_argument("--incremental", type=int, metavar="N", help="run the incremental test on N articles instead")
    p.add_argument("--parsed", type=int, metavar="M",
                   help="with --incremental: parse only M articles and copy them up to N (pipelines.bench.replicate)")
    p.add_argument("--repeat", type=int, default=2,
                   help="passes of each kind, alternated; the fastest counts (the machine's noise only slows)")
    p.add_argument("--cluster", action="store_true",
                   help="on a cluster of Celery workers on this machine (pipelines.bench.cluster): throughput with one "
                        "and two workers (default 960 articles), or with --incremental N one new article into a lake "
                        "of N, then of 10 x N articles")
    p.add_argument("--shard-batches", type=int, default=1, help="with --cluster: batches of 32 articles per step")
    p.add_argument("--seed", type=int, default=0, help="corpus generator seed")
    p.add_argument("--work", type=Path, default=ROOT / "bench" / "out" / "work", help="generated corpora and warehouses")
    p.add_argument("--out", type=Path, default=ROOT / "bench" / "out", help="where the reports go")
    return p


def _words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def _stage_rows(runs: dict[str, measure.RunMeasure]) -> list[list]:
    stages = list(next(iter(runs.values())).stages)
    return [[stage, *(f"{r.stages[stage]:.2f}" for r in runs.values())] for stage in stages]


def _fresh(warehouse: Path) -> Path:
    shutil.rmtree(warehouse.parent, ignore_errors=True)
    return warehouse


def _passes(args: argparse.Namespace, corpus: Path, processes: int, home: Path) -> dict:
    """Each pass args.repeat times, alternated, the fastest of each kind kept: the pipeline and the bare pass
    from the shell (process start to exit, model loading included on both sides), and both in this process
    (model loaded beforehand, as in the fork server and in the bare pass's own process)."""
    shell_warehouse = args.work / f"shell-{processes}p" / "news.duckdb"
    warehouse = args.work / f"throughput-{processes}p" / "news.duckdb"
    texts_file = args.work / f"texts-{args.articles}-{args.seed}.json"
    best = {"shell": float("inf"), "shell_bare": float("inf"), "bare": float("inf"), "bare_pss": 0, "run": None}
    for _ in range(args.repeat):
        best["shell"] = min(best["shell"], measure.shell_pipeline(corpus, _fresh(shell_warehouse), processes, home).seconds)
        texts = measure.bodies(shell_warehouse)
        best["shell_bare"] = min(best["shell_bare"], measure.shell_bare_spacy(
            measure.write_texts(texts, texts_file), BATCH_SIZE, processes))
        run = measure.run_pipeline(corpus, _fresh(warehouse), processes)
        best["run"] = run if best["run"] is None or run.seconds < best["run"].seconds else best["run"]
        seconds, pss = measure.bare_spacy(texts, BATCH_SIZE, processes)
        if seconds < best["bare"]:
            best["bare"], best["bare_pss"] = seconds, pss
    best["texts"] = texts
    return best


def _incremental_from_shell(args: argparse.Namespace, corpus: Path, processes: int, home: Path) -> dict:
    """On the warehouse the last shell pass built: a run with nothing new, and one new article at a time."""
    warehouse = args.work / f"shell-{processes}p" / "news.duckdb"
    no_change = min(measure.shell_pipeline(corpus, warehouse, processes, home).seconds for _ in range(args.repeat))
    seeds, added, one_new = load_seeds(SEEDS), [], float("inf")
    try:
        for i in range(args.repeat):
            path = corpus / f"new_article_{i}.txt"
            path.write_text(generate_article(seeds, args.seed, NEW_ARTICLE_INDEX + i), encoding="utf-8")
            added.append(path)
            one_new = min(one_new, measure.shell_pipeline(corpus, warehouse, processes, home).seconds)
    finally:
        for path in added:
            path.unlink()
    return {"processes": processes, "no_change_seconds": no_change, "one_new_article_seconds": one_new}


def throughput(args: argparse.Namespace) -> int:
    corpus = args.work / f"corpus-{args.articles}-{args.seed}"
    load_at_start = report.machine()["load_average"]
    write_corpus(SEEDS, corpus, args.articles, args.seed)
    home = measure.dagster_home(args.work)
    model_load = measure.load_model()
    results, runs = [], {}
    for processes in args.processes:
        best = _passes(args, corpus, processes, home)
        texts, run, words = best["texts"], best["run"], _words(best["texts"])
        runs[f"{processes} process(es)"] = run
        results.append({
            "processes": processes, "articles": len(texts), "words": words,
            "shell_pipeline_seconds": best["shell"], "shell_bare_spacy_seconds": best["shell_bare"],
            "shell_ratio": best["shell_bare"] / best["shell"],
            "pipeline_seconds": run.seconds, "bare_spacy_seconds": best["bare"],
            "ratio": best["bare"] / run.seconds,
            "pipeline_articles_per_s": len(texts) / run.seconds, "pipeline_words_per_s": words / run.seconds,
            "bare_articles_per_s": len(texts) / best["bare"], "bare_words_per_s": words / best["bare"],
            "bare_peak_pss_bytes": best["bare_pss"], "run": run.as_dict(),
        })
    best = max(results, key=lambda r: r["pipeline_words_per_s"])
    incremental = _incremental_from_shell(args, corpus, max(args.processes), home)
    texts = measure.bodies(args.work / f"throughput-{best['processes']}p" / "news.duckdb")
    components = measure.component_profile(build_nlp(), texts[:PROFILE_SAMPLE], BATCH_SIZE)
    load_phases = measure.load_profile(args.work / f"throughput-{best['processes']}p" / "news.duckdb", args.work)
    data = {"machine": {**report.machine(), "load_average_at_start": load_at_start}, "articles": args.articles,
            "seed": args.seed, "batch_size": BATCH_SIZE, "repeat": args.repeat, "model_load_seconds": model_load,
            "results": results, "best_processes": best["processes"], "incremental_from_shell": incremental,
            "nlp_components_seconds": {"sample_articles": min(PROFILE_SAMPLE, len(texts)), **components},
            "load_phases_seconds": load_phases}
    md = _throughput_markdown(data, runs)
    json_path, md_path = report.write(args.out, f"throughput-{args.articles}", data, md)
    print(md)
    print(f"\nReports: {json_path} {md_path}")
    return 0


def _outside_nlp(result: dict) -> float:
    return 1 - result["run"]["stages"]["nlp"] / result["pipeline_seconds"]


def _ours_share(components: dict) -> float:
    ours = sum(v for k, v in components.items() if k not in ("base_model", "sample_articles"))
    return ours / components["base_model"]


def _throughput_markdown(data: dict, runs: dict[str, measure.RunMeasure]) -> str:
    m, inc = data["machine"], data["incremental_from_shell"]
    shell_rows = [[r["processes"], r["articles"], f"{r['words']:,}", f"{r['shell_pipeline_seconds']:.1f}",
                   f"{r['shell_bare_spacy_seconds']:.1f}", f"{r['shell_ratio']:.2f}"] for r in data["results"]]
    rows = [[r["processes"], f"{r['pipeline_seconds']:.1f}", f"{r['pipeline_articles_per_s']:.1f}",
             f"{r['pipeline_words_per_s']:,.0f}", f"{r['bare_words_per_s']:,.0f}", f"{r['ratio']:.2f}",
             report.mib(r["run"]["peak_pss_bytes"]), report.mib(r["run"]["peak_rss_bytes"]),
             report.mib(r["run"]["warehouse_bytes"])] for r in data["results"]]
    comp = data["nlp_components_seconds"]
    return "\n\n".join([
        f"## Throughput: {data['articles']} generated articles (seed {data['seed']}, batch size {data['batch_size']})",
        f"Machine: {m['cpus']} CPUs, {m['memory_gib']} GiB, Python {m['python']}; {m['date']}; load average "
        f"(1, 5, 15 min) {m['load_average_at_start']} at the start, {m['load_average']} at the end. Each pass ran "
        f"{data['repeat']} times, alternating with the others; the fastest of each counts.",
        "### End to end, from the shell\n\n`python -m pipelines run` (what `make run` runs) on an empty warehouse, "
        "timed from process start to exit, against the bare spaCy pass as a command of its own (Python start, "
        "`spacy.load` of the base model with all its components, `nlp.pipe` with spaCy's multiprocessing, same "
        "texts, batch size and process count). Start-up, imports and model loading count on both sides.\n\n"
        + report.table(["processes", "articles", "words", "pipeline s", "bare spaCy s", "pipeline / bare"],
                       shell_rows),
        f"From the shell on that warehouse ({inc['processes']} process(es)): a run with nothing new "
        f"**{inc['no_change_seconds']:.2f} s**, a run with one new article **{inc['one_new_article_seconds']:.2f} s**.",
        "### In this process\n\nDagster `materialize` of every asset and check, against `nlp.pipe` of the bare "
        f"model, both with the model already loaded ({data['model_load_seconds']:.1f} s, not counted).\n\n"
        + report.table(["processes", "pipeline s", "articles/s", "words/s", "bare spaCy words/s", "pipeline / bare",
                        "peak PSS", "peak RSS sum", "warehouse"], rows),
        f"Fastest: {data['best_processes']} process(es). Peak memory covers the bench process and its workers: "
        "PSS is their real footprint, the RSS sum counts pages the workers share with their parent twice.",
        "Outside the NLP stage (scan, read, clean, load and publish, checks, Dagster): "
        + ", ".join(f"{r['processes']} process(es) {_outside_nlp(r):.0%} of the run" for r in data["results"]) + ". "
        f"Inside it, our components took {_ours_share(comp):.0%} of the base model's time (profile below).",
        "### Time per stage, in this process (s)\n\n" + report.table(["stage", *runs], _stage_rows(runs)),
        f"### NLP components, one process, {comp['sample_articles']} articles (s)\n\n"
        + report.table(["component", "seconds"], [[k, f"{v:.2f}"] for k, v in comp.items() if k != "sample_articles"]),
        "### Fixed publishing cost on this warehouse (s)\n\n"
        + report.table(["phase", "seconds"], [[k, f"{v:.2f}"] for k, v in data["load_phases_seconds"].items()]),
    ]) + "\n"


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    # Two workers show their worth only when parsing outweighs a run's fixed steps: more articles on a cluster.
    args.articles = args.articles or (960 if args.cluster else 300)
    if args.cluster:
        from pipelines.bench.cluster import cluster_bench  # noqa: PLC0415

        return cluster_bench(args)
    if args.incremental:
        from pipelines.bench.incremental import incremental  # noqa: PLC0415
        return incremental(args)
    return throughput(args)
