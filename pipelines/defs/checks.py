"""Data-quality checks on the published warehouse, one per file in sql/checks/.

Each SQL file returns the rows that break its rule; the check passes when it returns none.
"""


import dagster as dg

from pipelines.defs.assets import news_warehouse
from pipelines.defs.resources import WarehouseResource
from pipelines.warehouse.sqlfiles import SQL_DIR

# A broken rule here means wrong data (ERROR); doubtful attributions only warn.
SEVERITY = {"speakers_are_people": dg.AssetCheckSeverity.WARN}
SAMPLE_ROWS = 5


def _description(sql: str) -> str:
    lines = [ln.removeprefix("--").strip() for ln in sql.splitlines() if ln.startswith("--")]
    return " ".join(lines)


def sql_check(name: str) -> dg.AssetChecksDefinition:
    sql = (SQL_DIR / "checks" / f"{name}.sql").read_text(encoding="utf-8")

    @dg.asset_check(asset=news_warehouse, name=name, description=_description(sql))
    def _check(warehouse: WarehouseResource) -> dg.AssetCheckResult:
        rows = warehouse.get().query(sql)
        return dg.AssetCheckResult(
            passed=not rows,
            severity=SEVERITY.get(name, dg.AssetCheckSeverity.ERROR),
            metadata={"failing_rows": len(rows), "sample": dg.MetadataValue.json([list(map(str, r)) for r in rows[:SAMPLE_ROWS]])},
        )

    return _check


warehouse_checks = [sql_check(p.stem) for p in sorted((SQL_DIR / "checks").glob("*.sql"))]
