"""Data-quality checks on the published warehouse, one per file in sql/checks/.

Each SQL file returns the rows that break its rule; the check passes when it returns none. The checks run
together, in one step on one read-only connection (a multi-asset check): a step and a connection each cost
more than most of these queries.
"""

import contextlib

import dagster as dg

from pipelines.defs.assets import news_warehouse
from pipelines.defs.resources import WarehouseResource
from pipelines.warehouse.sqlfiles import SQL_DIR

# A broken rule here means wrong data (ERROR); doubtful attributions only warn.
SEVERITY = {"speakers_are_people": dg.AssetCheckSeverity.WARN}
SAMPLE_ROWS = 5
CHECKS = {p.stem: p.read_text(encoding="utf-8") for p in sorted((SQL_DIR / "checks").glob("*.sql"))}


def _description(sql: str) -> str:
    lines = [ln.removeprefix("--").strip() for ln in sql.splitlines() if ln.startswith("--")]
    return " ".join(lines)


@dg.multi_asset_check(specs=[dg.AssetCheckSpec(name, asset=news_warehouse, description=_description(sql))
                             for name, sql in CHECKS.items()])
def warehouse_checks(warehouse: WarehouseResource):
    with contextlib.closing(warehouse.get().connect_readonly()) as con:
        for name, sql in CHECKS.items():
            rows = con.execute(sql).fetchall()
            yield dg.AssetCheckResult(
                asset_key=news_warehouse.key, check_name=name, passed=not rows,
                severity=SEVERITY.get(name, dg.AssetCheckSeverity.ERROR),
                metadata={"failing_rows": len(rows),
                          "sample": dg.MetadataValue.json([list(map(str, r)) for r in rows[:SAMPLE_ROWS]])},
            )
