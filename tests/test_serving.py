"""Readers and the writer: BI access over SQLAlchemy, full-text search, and reading while a run publishes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from helpers import copy_seeds, rows, run_pipeline
from pipelines.warehouse.search import lock_down
from pipelines.warehouse.sqlfiles import SQL_DIR

PROJECT = Path(__file__).resolve().parents[1]

EXAMPLES = sorted((SQL_DIR / "examples").glob("*.sql"))
VIEWS = {"quotes_by_speaker", "entity_cooccurrence", "timeline", "articles_per_publisher_month", "speaker_network",
         "entity_mention_counts"}


@pytest.fixture
def read_only_engine(seed_warehouse):
    """The documented SQLAlchemy connection from Python: duckdb-engine, read-only, the full-text extension
    loaded, then external access off."""
    engine = sa.create_engine(f"duckdb:///{seed_warehouse}?access_mode=read_only", poolclass=sa.pool.NullPool,
                              connect_args={"preload_extensions": [f"'{_fts_path()}'"]})
    sa.event.listen(engine, "connect", lambda dbapi_connection, _: lock_down(dbapi_connection))
    yield engine
    engine.dispose()  # DuckDB refuses a second open of one file with another configuration in one process


@pytest.fixture
def bi_tool_engine(seed_warehouse):
    """The documented URI for BI tools, which take a URI and nothing else."""
    engine = sa.create_engine(f"duckdb:///{seed_warehouse}?access_mode=read_only&enable_external_access=false",
                              poolclass=sa.pool.NullPool)
    yield engine
    engine.dispose()


OUTSIDE_READS = ["SELECT * FROM read_text('/etc/hostname')", "COPY quotes TO '/tmp/stolen.csv'",
                 "ATTACH '/tmp/other.duckdb'", "INSTALL httpfs", "SET enable_external_access = true"]


@pytest.mark.parametrize("engine", ["read_only_engine", "bi_tool_engine"])
def test_readers_cannot_reach_outside_the_warehouse(engine, request):
    with request.getfixturevalue(engine).connect() as con:
        assert con.execute(sa.text("SELECT count(*) FROM quotes")).scalar() > 0
        for statement in OUTSIDE_READS:
            with pytest.raises(sa.exc.DBAPIError):
                con.execute(sa.text(statement))


def test_the_query_command_cannot_read_files(seed_warehouse, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("swordfish", encoding="utf-8")
    env = {**os.environ, "NEWS_WAREHOUSE": str(seed_warehouse), "PYTHONPATH": str(PROJECT)}
    command = [sys.executable, "-m", "pipelines", "sql"]
    done = subprocess.run([*command, f"SELECT * FROM read_text('{secret}')"], env=env, cwd=PROJECT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "swordfish" not in done.stdout and "disabled" in done.stdout
    done = subprocess.run([*command, "SELECT count(*) AS n FROM articles"], env=env, cwd=PROJECT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "1 rows" in done.stdout


def test_sqlalchemy_reflects_tables_views_and_comments(read_only_engine):
    inspector = sa.inspect(read_only_engine)
    tables = set(inspector.get_table_names())
    assert {"articles", "quotes", "entities", "entity_aliases", "entity_mentions", "date_mentions",
            "removed_lines", "ingest_errors"} <= tables
    assert VIEWS <= set(inspector.get_view_names())
    columns = {c["name"]: c for c in inspector.get_columns("quotes")}
    assert {"quote_id", "article_id", "text", "kind", "speaker_entity_id", "speaker_name", "speaker_text", "verb",
            "start_char", "end_char"} <= columns.keys()
    assert "canonical full name" in (columns["speaker_name"]["comment"] or "")


def test_example_queries_run_over_sqlalchemy_and_return_rows(read_only_engine):
    with read_only_engine.connect() as con:
        for path in EXAMPLES:
            result = con.execute(sa.text(path.read_text(encoding="utf-8"))).fetchall()
            assert result, path.name


def test_a_read_only_connection_cannot_write(read_only_engine):
    with read_only_engine.connect() as con:
        try:
            con.execute(sa.text("DELETE FROM quotes"))
        except sa.exc.DBAPIError as exc:
            assert "read-only" in str(exc)
        else:
            raise AssertionError("a read-only connection deleted rows")


def test_full_text_search_ranks_quotes_by_bm25(seed_warehouse):
    found = rows(seed_warehouse, """
        SELECT q.text, q.speaker_name, a.title, fts_main_quotes.match_bm25(q.quote_id, 'instability') AS score
        FROM quotes q JOIN articles a USING (article_id) WHERE score IS NOT NULL ORDER BY score DESC""")
    assert found
    assert all("instability" in text.lower() for text, *_ in found)
    assert [s for *_, s in found] == sorted((s for *_, s in found), reverse=True)


def test_every_table_and_column_has_a_comment(seed_warehouse):
    missing = rows(seed_warehouse, """
        SELECT c.table_name || '.' || c.column_name FROM duckdb_columns() c JOIN duckdb_tables() t USING (table_oid)
        WHERE c.schema_name = 'main' AND (c.comment IS NULL OR c.comment = '')
        UNION ALL
        SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND (comment IS NULL OR comment = '')
        UNION ALL
        SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal
          AND (comment IS NULL OR comment = '')""")
    assert missing == []


def _fts_path() -> str:
    from pipelines.warehouse.search import fts_extension_path

    return str(fts_extension_path())


STATE_SQL = ("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM quotes), "
             "(SELECT count(*) FROM source_files)")
# A reader process: "hold" keeps one connection for its whole life (a dashboard); "fresh" opens a new one
# for each query, with no other open in the process (DuckDB shares one open file per process).
READER = textwrap.dedent(f"""
    import json, os, sys, time, duckdb
    path, stop, mode = sys.argv[1:4]
    held = duckdb.connect(path, read_only=True) if mode == "hold" else None
    while not os.path.exists(stop):
        con = held or duckdb.connect(path, read_only=True)
        print(json.dumps(con.execute({STATE_SQL!r}).fetchone()), flush=True)
        if held is None:
            con.close()
        time.sleep(0.02)
""")


def test_readers_keep_working_and_see_whole_states_while_a_run_publishes(tmp_path):
    corpus, warehouse = copy_seeds(tmp_path / "corpus"), tmp_path / "news.duckdb"
    seeds = sorted(corpus.glob("*.txt"))
    for extra in seeds[3:]:
        extra.rename(tmp_path / extra.name)  # held back: the second run adds them
    run_pipeline(corpus, warehouse)
    old = tuple(rows(warehouse, STATE_SQL)[0])
    stop = tmp_path / "stop"
    readers = {mode: subprocess.Popen([sys.executable, "-c", READER, str(warehouse), str(stop), mode],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for mode in ("hold", "fresh")}
    try:
        time.sleep(1.0)  # both readers are reading before the run starts
        for extra in seeds[3:]:
            (tmp_path / extra.name).rename(extra)
        run_pipeline(corpus, warehouse)
        time.sleep(0.5)
    finally:
        stop.touch()
        outputs = {mode: reader.communicate(timeout=60) for mode, reader in readers.items()}
    for mode, reader in readers.items():
        assert reader.returncode == 0, outputs[mode][1]  # no lock error, no failed query
    new = tuple(rows(warehouse, STATE_SQL)[0])
    assert new[0] == old[0] + 2
    seen = {mode: [tuple(json.loads(line)) for line in out.splitlines()] for mode, (out, _) in outputs.items()}
    assert len(seen["hold"]) > 10 and len(seen["fresh"]) > 10
    assert set(seen["hold"]) == {old}  # an open connection keeps its snapshot for the whole run
    assert set(seen["fresh"]) == {old, new}  # new connections see one whole state or the other, never a mix
    assert seen["fresh"].index(new) > 0 and old not in seen["fresh"][seen["fresh"].index(new):]
