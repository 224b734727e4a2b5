"""Turning extractions into table rows (Arrow tables), one batch of articles at a time.

The parse workers do this as soon as a batch is parsed (pipelines.stages), in parallel, and stage the rows as
Parquet, one file per table; the load stage then inserts them with DuckDB alone (pipelines.warehouse.load),
without turning them into Python objects again.
"""

from __future__ import annotations

import bisect
import hashlib
import json
from collections import Counter
from contextlib import closing
from functools import cache

import duckdb
import pyarrow as pa

from pipelines.ingest.plan import article_id_for
from pipelines.models import Extraction
from pipelines.warehouse.sqlfiles import run_sql_file

# Tables that hold per-article rows, children before parents: the order to delete them in. article_entities
# is filled by sql/load/refresh_entities.sql from article_names, once names are linked across articles.
ARTICLE_TABLES = (
    "quotes", "entity_mentions", "entity_roles", "article_entities", "article_names", "date_mentions",
    "article_headings", "body_segments", "removed_lines", "articles",
)


def stable_id(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def entity_id_for(key: str) -> str:
    return stable_id("entity", key)


def _unique(rows: list[dict], *key: str) -> list[dict]:
    """Drops rows whose key repeats one already kept (primary keys must hold)."""
    seen, kept = set(), []
    for row in rows:
        k = tuple(row[c] for c in key)
        if k not in seen:
            seen.add(k)
            kept.append(row)
    return kept


def article_rows(ex: Extraction) -> dict[str, list[dict]]:
    """All rows of one article, by table. The entities table is not among them: its new rows are the first
    article_names row of each entity (sql/load), and the load stage sets articles.ingested_at."""
    art = ex.article
    meta = art.metadata
    article_id = article_id_for(art.source_path)
    body = art.body
    entity_ids = [entity_id_for(e.key) for e in ex.entities]
    mention_counts = Counter(m.entity for m in ex.mentions)
    sentence_starts = [s for s, _ in ex.sentences]

    def sentence_of(start: int) -> tuple[int | None, int | None]:
        i = bisect.bisect_right(sentence_starts, start) - 1
        return ex.sentences[i] if i >= 0 else (None, None)

    rows: dict[str, list[dict]] = {
        "articles": [{
            "article_id": article_id, "source_path": art.source_path, "content_sha256": art.content_sha256,
            "format": art.format, "encoding": art.encoding, "title": meta.title, "authors": list(meta.authors),
            "contributors": list(meta.contributors), "publisher": meta.publisher, "url": meta.url,
            "published_date": meta.published, "published_precision": meta.published_precision,
            "metadata_sources": json.dumps(art.metadata_sources, sort_keys=True), "body": body, "word_count": len(body.split()),
            "missing_since": None,
        }],
        "removed_lines": _unique([
            {"article_id": article_id, "line_no": r.line_no, "text": r.text, "reason": r.reason} for r in art.removed
        ], "line_no"),
        "body_segments": [
            {"article_id": article_id, "body_start": s.body_start, "raw_start": s.raw_start, "length": s.length}
            for s in art.segments
        ],
        "article_headings": _unique([
            {"article_id": article_id, "start_char": s, "end_char": e, "text": body[s:e]} for s, e in art.headings
        ], "start_char"),
        "article_names": [
            {"article_id": article_id, "article_key": e.key, "entity_id": entity_ids[i], "name": e.name,
             "label": e.label, "mention_count": mention_counts[i]}
            for i, e in enumerate(ex.entities)
        ],
        "entity_mentions": _unique([
            {"article_id": article_id, "entity_id": entity_ids[m.entity], "article_key": ex.entities[m.entity].key,
             "text": m.text, "label": m.label, "start_char": m.start, "end_char": m.end} for m in ex.mentions
        ], "start_char"),
        "entity_roles": _unique([
            {"entity_id": entity_ids[i], "article_id": article_id, "article_key": e.key, "role": role}
            for i, e in enumerate(ex.entities) for role in e.roles
        ], "article_key", "role"),
        "quotes": _unique([
            {"quote_id": stable_id(article_id, q.start, q.end, q.kind), "article_id": article_id, "text": q.text,
             "kind": q.kind, "speaker_entity_id": None if q.speaker_entity is None else entity_ids[q.speaker_entity],
             "speaker_key": None if q.speaker_entity is None else ex.entities[q.speaker_entity].key,
             "speaker_name": None if q.speaker_entity is None else ex.entities[q.speaker_entity].name,
             "speaker_text": q.speaker_text, "verb": q.verb, "start_char": q.start, "end_char": q.end,
             "speaker_start": q.speaker_start, "speaker_end": q.speaker_end}
            for q in ex.quotes
        ], "quote_id"),
        "date_mentions": _unique([
            {"article_id": article_id, "text": d.text, "start_char": d.start, "end_char": d.end,
             "timex_type": d.timex_type, "value": d.value, "mod": d.mod, "range_start": d.range_start,
             "range_end": d.range_end, **dict(zip(("sentence_start", "sentence_end"), sentence_of(d.start)))}
            for d in ex.dates
        ], "start_char"),
    }
    # Merge the article_names rows that two clusters of the article share a key for.
    merged: dict[str, dict] = {}
    for row in rows["article_names"]:
        if row["article_key"] in merged:
            merged[row["article_key"]]["mention_count"] += row["mention_count"]
        else:
            merged[row["article_key"]] = row
    rows["article_names"] = list(merged.values())
    return rows


@cache
def table_schemas() -> dict[str, pa.Schema]:
    """The Arrow schema of each per-article table, read from sql/schema.sql applied to an empty in-memory
    database: staged rows then have the warehouse's own column types, whatever values a batch happens to hold."""
    with closing(duckdb.connect()) as con:
        run_sql_file(con, "schema.sql")
        return {table: con.execute(f"SELECT * FROM {table} LIMIT 0").to_arrow_table().schema  # noqa: S608
                for table in ARTICLE_TABLES}


def arrow_tables(extractions: list[Extraction]) -> dict[str, pa.Table]:
    """The rows of these articles as one Arrow table per per-article table, in article order; tables
    without rows are left out."""
    rows: dict[str, list[dict]] = {}
    for ex in extractions:
        for table, table_rows in article_rows(ex).items():
            rows.setdefault(table, []).extend(table_rows)
    schemas = table_schemas()
    return {table: pa.Table.from_pylist(found, schema=schemas[table]) for table, found in rows.items() if found}
