"""Data-quality checks on the published warehouse, one per file in sql/checks/.

Each SQL file returns the rows that break its rule; the check passes when it returns none, and only when it
did look: a missing warehouse, or a last run whose articles the checks cannot see, fails every check. The
checks run together, in one step on one read-only connection (a multi-asset check): a step and a connection
each cost more than most of these queries.
"""

import contextlib

import dagster as dg
import duckdb

from pipelines.defs.assets import news_warehouse
from pipelines.defs.resources import WarehouseResource
from pipelines.warehouse.sqlfiles import SQL_DIR

# A broken rule here means wrong data (ERROR); doubtful attributions only warn.
SEVERITY = {"speakers_are_people": dg.AssetCheckSeverity.WARN}
SAMPLE_ROWS = 5
LAST_RUN_SCOPE = (SQL_DIR / "checks" / "scope" / "last_run.sql").read_text(encoding="utf-8")
CHECKS = {p.stem: p.read_text(encoding="utf-8") for p in sorted((SQL_DIR / "checks").glob("*.sql"))}


def _description(sql: str) -> str:
    lines = [ln.removeprefix("--").strip() for ln in sql.splitlines() if ln.startswith("--")]
    return " ".join(lines)


def nothing_to_check(con: duckdb.DuckDBPyConnection) -> str | None:
    """Why the checks would look at nothing (None when they have what to look at): no run recorded, or the
    articles the last run loaded are not the ones the checks see (sql/views/last_run_articles.sql)."""
    [(seen, loaded)] = con.execute(LAST_RUN_SCOPE).fetchall()
    if loaded is None:
        return "The warehouse records no run: there is no last run to check."
    if seen != loaded:
        return f"The last run loaded {loaded} articles but the checks would see {seen}."
    return None


def _failed(name: str, problem: str) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(asset_key=news_warehouse.key, check_name=name, passed=False,
                               severity=dg.AssetCheckSeverity.ERROR, metadata={"problem": problem})


@dg.multi_asset_check(specs=[dg.AssetCheckSpec(name, asset=news_warehouse, description=_description(sql))
                             for name, sql in CHECKS.items()])
def warehouse_checks(warehouse: WarehouseResource):
    store = warehouse.get()
    if not store.exists():
        for name in CHECKS:
            yield _failed(name, f"There is no warehouse at {store.path}: nothing could be checked.")
        return
    with contextlib.closing(store.connect_readonly()) as con:
        problem = nothing_to_check(con)
        for name, sql in CHECKS.items():
            if problem:
                yield _failed(name, problem)
                continue
            rows = con.execute(sql).fetchall()
            yield dg.AssetCheckResult(
                asset_key=news_warehouse.key, check_name=name, passed=not rows,
                severity=SEVERITY.get(name, dg.AssetCheckSeverity.ERROR),
                metadata={"failing_rows": len(rows),
                          "sample": dg.MetadataValue.json([list(map(str, r)) for r in rows[:SAMPLE_ROWS]])},
            )
