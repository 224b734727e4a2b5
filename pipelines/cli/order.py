"""`python -m pipelines order-check`: builds a real, mixed corpus in one run, then again along shuffled
incremental plans (files split over several runs, some removed, changed or touched in between and restored),
and compares the warehouses table by table. Exit 1 when any differs.

    python -m pipelines order-check                          # the 53 real pages as HTML and text, seeds, dev,
                                                             # test, 20 generated; 3 plans of 3 runs
    python -m pipelines order-check --pages DIR --plans 1 --runs 3 --generated 0 --sets seeds
"""

from __future__ import annotations

import argparse
import shutil
import time
from pathlib import Path

from pipelines.bench.order import Arrival, arrivals, mixed_corpus, write_state
from pipelines.defs.resources import CorpusResource, WarehouseResource
from pipelines.definitions import materialize_all
from pipelines.warehouse.snapshot import differences, row_counts

ROOT = Path(__file__).resolve().parents[2]
SETS = {"seeds": ROOT / "corpus", "dev": ROOT / "tests/gold/heldout/corpus", "test": ROOT / "tests/gold/heldout2/corpus"}


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m pipelines order-check", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--pages", type=Path, default=ROOT.parent / "shared" / "realworld" / "readability",
                   help="folder of NAME/source.html pages, each read as HTML and as its plain-text rendering")
    p.add_argument("--page-limit", type=int, help="only the N pages with the shortest text")
    p.add_argument("--sets", nargs="*", default=list(SETS), choices=list(SETS), help="annotated sets to add")
    p.add_argument("--generated", type=int, default=20, help="generated articles to add")
    p.add_argument("--plans", type=int, default=3, help="incremental plans to compare with the one-run build")
    p.add_argument("--runs", type=int, default=3, help="runs per plan")
    p.add_argument("--seed", type=int, default=0, help="first plan's seed (plans use seed, seed+1, ...)")
    p.add_argument("--work", type=Path, default=ROOT / "bench" / "out" / "order", help="corpora and warehouses")
    return p


def build(folder: Path, warehouse: Path | str, plan: list[Arrival], storage: Path | None = None) -> None:
    """Runs the pipeline once per arrival, the corpus folder holding that arrival's files (``warehouse`` as
    NEWS_WAREHOUSE: a file, or a lake whose data go to ``storage``)."""
    previous = None
    for i, arrival in enumerate(plan, 1):
        write_state(folder, arrival, previous)
        start = time.perf_counter()
        result = materialize_all({"corpus": CorpusResource(corpus_dir=str(folder)),
                                  "warehouse": WarehouseResource(path=str(warehouse),
                                                                 storage=storage and str(storage))})
        if not result.success:
            raise RuntimeError(f"run {i} failed")
        print(f"  run {i}/{len(plan)} ({time.perf_counter() - start:.0f} s): {arrival.note[:200]}", flush=True)
        previous = arrival.state


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    corpus = mixed_corpus(args.pages if args.pages.is_dir() else None, {s: SETS[s] for s in args.sets},
                          SETS["seeds"], args.generated, page_limit=args.page_limit)
    shutil.rmtree(args.work, ignore_errors=True)
    whole = args.work / "whole" / "news.duckdb"
    print(f"One run over {len(corpus)} files:")
    build(args.work / "whole" / "corpus", whole, [Arrival(corpus, frozenset(), f"{len(corpus)} files")])
    counts = row_counts(whole)
    print(f"  {counts.get('articles', 0)} articles, {counts.get('source_files', 0)} files, "
          f"{sum(counts.values()):,} rows in {len(counts)} tables")
    failed = 0
    for plan_seed in range(args.seed, args.seed + args.plans):
        folder = args.work / f"plan{plan_seed}"
        print(f"Plan {plan_seed}, {args.runs} runs:")
        build(folder / "corpus", folder / "news.duckdb", arrivals(corpus, args.runs, plan_seed))
        found = differences(whole, folder / "news.duckdb")
        print("  same rows as the one-run build" if not found else "\n".join(f"  {line}" for line in found))
        failed += bool(found)
    return 1 if failed else 0
