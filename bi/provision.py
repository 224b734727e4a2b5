"""Provisions Superset from the repo: the warehouse database, its datasets, the charts and the dashboard.

    python bi/provision.py WAREHOUSE ADMIN_USER     (the BI environment's Python; bi/superset.sh runs it)

Imports the bundle in bi/dashboard/ (Superset's own import format) with overwrite, so the files, not edits made
in the UI, define the dashboard; then reads each dataset's columns, and its view's COMMENT as its description,
from the warehouse. Runs before the web server starts, inside Superset's application context.
"""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

BUNDLE = Path(__file__).resolve().parent / "dashboard"


def bundle_contents(warehouse: Path) -> dict[str, str]:
    """{path inside the bundle: YAML text}, with the warehouse's absolute path in the database's URI."""
    return {
        path.relative_to(BUNDLE).as_posix(): path.read_text(encoding="utf-8").replace("${WAREHOUSE}", str(warehouse))
        for path in sorted(BUNDLE.rglob("*.yaml"))
    }


def provision(warehouse: Path, admin: str) -> None:
    import yaml
    from sqlalchemy import text
    from superset import db, security_manager
    from superset.commands.importers.v1.assets import ImportAssetsCommand
    from superset.connectors.sqla.models import SqlaTable
    from superset.utils.core import override_user

    contents = bundle_contents(warehouse)
    with override_user(security_manager.find_user(username=admin)):
        ImportAssetsCommand(contents).run()
        dataset_uuids = [uuid.UUID(yaml.safe_load(body)["uuid"]) for name, body in contents.items()
                         if name.startswith("datasets/")]
        datasets = db.session.query(SqlaTable).filter(SqlaTable.uuid.in_(dataset_uuids)).all()
        with datasets[0].database.get_sqla_engine() as engine, engine.connect() as con:
            comments = dict(con.execute(text("SELECT view_name, comment FROM duckdb_views() WHERE NOT internal")).all())
        for dataset in datasets:
            dataset.fetch_metadata()
            dataset.description = comments.get(dataset.table_name)
        db.session.commit()
    print(f"Provisioned {len(datasets)} datasets and the dashboard of {BUNDLE} on {warehouse}")


def main() -> None:
    warehouse, admin = Path(sys.argv[1]).resolve(), sys.argv[2]
    from superset.app import create_app

    with create_app().app_context():
        provision(warehouse, admin)


if __name__ == "__main__":
    main()
