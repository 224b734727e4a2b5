"""Data-quality checks on the published warehouse, one per file in sql/checks/.

Each SQL file returns the rows that break its rule; the check passes when it returns none, and only when it
did look: a missing warehouse, or a last run whose articles the checks cannot see, fails every check.
"""


import dagster as dg

from pipelines.defs.assets import news_warehouse
from pipelines.defs.resources import WarehouseResource
from pipelines.warehouse.sqlfiles import SQL_DIR
from pipelines.warehouse.store import Warehouse

# A broken rule here means wrong data (ERROR); doubtful attributions only warn.
SEVERITY = {"speakers_are_people": dg.AssetCheckSeverity.WARN}
SAMPLE_ROWS = 5


def _description(sql: str) -> str:
    lines = [ln.removeprefix("--").strip() for ln in sql.splitlines() if ln.startswith("--")]
    return " ".join(lines)


def nothing_to_check(store: Warehouse) -> str | None:
    """Why a check would look at nothing (None when it has what to look at): no warehouse file, no run recorded,
    or the articles the last run loaded are not the ones the checks see (sql/views/last_run_articles.sql)."""
    if not store.exists():
        return f"There is no warehouse at {store.path}: nothing could be checked."
    [(seen, loaded)] = store.query((SQL_DIR / "checks" / "scope" / "last_run.sql").read_text(encoding="utf-8"))
    if loaded is None:
        return "The warehouse records no run: there is no last run to check."
    if seen != loaded:
        return f"The last run loaded {loaded} articles but the checks would see {seen}."
    return None


def sql_check(name: str) -> dg.AssetChecksDefinition:
    sql = (SQL_DIR / "checks" / f"{name}.sql").read_text(encoding="utf-8")

    @dg.asset_check(asset=news_warehouse, name=name, description=_description(sql))
    def _check(warehouse: WarehouseResource) -> dg.AssetCheckResult:
        store = warehouse.get()
        problem = nothing_to_check(store)
        if problem:
            return dg.AssetCheckResult(passed=False, severity=dg.AssetCheckSeverity.ERROR,
                                       metadata={"problem": problem})
        rows = store.query(sql)
        return dg.AssetCheckResult(
            passed=not rows,
            severity=SEVERITY.get(name, dg.AssetCheckSeverity.ERROR),
            metadata={"failing_rows": len(rows), "sample": dg.MetadataValue.json([list(map(str, r)) for r in rows[:SAMPLE_ROWS]])},
        )

    return _check


warehouse_checks = [sql_check(p.stem) for p in sorted((SQL_DIR / "checks").glob("*.sql"))]
