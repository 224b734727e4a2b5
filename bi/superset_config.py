"""Superset's configuration for News Warehouse (SUPERSET_CONFIG_PATH points here; bi/superset.sh sets it).

Everything Superset keeps of its own (its metadata database, the secret key) lives in NEWS_SUPERSET_STATE,
a folder outside git (bi/.superset/ by default). The warehouse itself is registered by bi/provision.py.
"""

import os
import secrets
from pathlib import Path

STATE_DIR = Path(os.environ.get("NEWS_SUPERSET_STATE", Path(__file__).resolve().parent / ".superset"))
STATE_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """One random key per installation, made on first start and kept beside the metadata database."""
    path = STATE_DIR / "secret_key"
    if not path.exists():
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(42), encoding="utf-8")
    return path.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
SQLALCHEMY_DATABASE_URI = f"sqlite:///{STATE_DIR / 'superset.db'}?check_same_thread=false"
# The metadata database is SQLite (in write-ahead-log mode, set by bi/superset.sh). A dashboard's charts load at
# once and each request writes a log row: a writer waits for the others instead of failing with "database is locked".
SQLALCHEMY_ENGINE_OPTIONS = {"connect_args": {"timeout": 60}}

# No cache of query results: a chart shows the published warehouse as it is when the page loads, so a run that
# publishes shows on the next reload (bi-check asserts it).
CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
DATA_CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}

# The full-text index of the warehouse lives in schemas fts_main_<table> (tables dict, docs, terms, stats,
# fields, stopwords) that DuckDB's fts extension names and pipelines/warehouse/fts_update.py maintains. They mean
# nothing in a chart, so the schema pickers of Superset (dataset editor, SQL Lab) leave them out, together with
# DuckDB's built-in system and temp catalogs. SQL Lab can still query them by name.
HIDDEN_SCHEMA_PREFIXES = ("fts_main_",)
HIDDEN_CATALOGS = ("system", "temp")


def _is_hidden(schema: str) -> bool:
    catalog, _, name = schema.rpartition(".")
    return catalog in HIDDEN_CATALOGS or name.startswith(HIDDEN_SCHEMA_PREFIXES)


def hide_internal_schemas(app) -> None:  # noqa: ANN001 - Superset's FLASK_APP_MUTATOR hook
    """Filters the DuckDB engine spec's schema listing; runs once the app (and so the spec) is loaded."""
    from superset.db_engine_specs.duckdb import DuckDBEngineSpec

    listed = DuckDBEngineSpec.get_schema_names.__func__

    def get_schema_names(cls, inspector):  # noqa: ANN001, ANN202
        return {schema for schema in listed(cls, inspector) if not _is_hidden(schema)}

    DuckDBEngineSpec.get_schema_names = classmethod(get_schema_names)


FLASK_APP_MUTATOR = hide_internal_schemas
