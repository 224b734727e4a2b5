"""`python -m pipelines compare A.duckdb B.duckdb`: do two warehouses hold the same rows (bookkeeping aside)?"""

from __future__ import annotations

import argparse
from pathlib import Path

from pipelines.warehouse.snapshot import differences, row_counts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines compare", description=__doc__)
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    args = parser.parse_args(argv)
    found = differences(args.first, args.second)
    if found:
        print("\n".join(found))
        return 1
    counts = row_counts(args.first)
    print(f"Same rows: {len(counts)} tables, {sum(counts.values()):,} rows "
          "(pipeline_runs, timestamps and file modification times left out).")
    return 0
