"""Test helpers: a temporary corpus and one real pipeline run into a temp warehouse; quotes of a parsed text."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import dagster as dg

from pipelines.definitions import materialize_all
from pipelines.defs.resources import CorpusResource, WarehouseResource
from pipelines.warehouse.lake import Lake
from pipelines.warehouse.sqlfiles import SQL_DIR
from pipelines.warehouse.store import Warehouse

SEED_CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def copy_seeds(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(SEED_CORPUS.glob("*.txt")):
        shutil.copy(path, target / path.name)
    return target


def run_pipeline(corpus: Path, warehouse_path: Path | str, storage: Path | None = None) -> dg.ExecuteInProcessResult:
    """One run in this process; ``warehouse_path`` may name a lake (ducklake:...), whose data go to ``storage``."""
    result = materialize_all({
        "corpus": CorpusResource(corpus_dir=str(corpus)),
        "warehouse": WarehouseResource(path=str(warehouse_path), storage=storage and str(storage)),
    })
    assert result.success
    return result


def output_metadata(result: dg.ExecuteInProcessResult, asset: str) -> dict:
    [mat] = [m for m in result.get_asset_materialization_events() if m.asset_key.to_user_string() == asset]
    return {k: v.value for k, v in mat.materialization.metadata.items()}


def rows(warehouse_path: Path, sql: str) -> list[tuple]:
    return Warehouse(warehouse_path).query(sql)


def example_results(warehouse: Warehouse | Lake) -> dict[str, list[tuple]]:
    """What each example query of sql/examples returns (scores rounded)."""
    results = {}
    with contextlib.closing(warehouse.connect_readonly()) as con:
        for path in sorted((SQL_DIR / "examples").glob("*.sql")):
            found = con.execute(path.read_text(encoding="utf-8")).fetchall()
            results[path.name] = [tuple(round(v, 9) if isinstance(v, float) else v for v in r) for r in found]
    return results


def people(doc) -> dict[str, object]:
    """The PERSON entities of a parsed doc, by name."""
    return {e.name: e for e in doc._.entities if e.label == "PERSON"}


CONTROL_PERSON = "Anna Berg"


def other_people(nlp, text: str) -> set[str]:
    """The people of ``text`` parsed after a paragraph naming a known person, who must be found: a test that a
    name is no person then fails on a pipeline that finds no one at all. (Before the text and without a pronoun:
    a "she" after "Morgan Stanley said" would vouch for it.)"""
    found = set(people(nlp(f"{CONTROL_PERSON}, a teacher at the city school, was not surprised.\n\n{text}")))
    assert CONTROL_PERSON in found, "the control person was not found: the pipeline finds no one"
    return found - {CONTROL_PERSON}


# --- quotes on short texts -------------------------------------------------------------------------------

def run(nlp, text: str):
    """The parsed text; every quote's span and speaker span must point at their words."""
    doc = nlp(text)
    for q in doc._.quotes:
        assert q.text == text[q.start:q.end]
        if q.speaker_text is not None:
            assert q.speaker_text == text[q.speaker_start:q.speaker_end]
    return doc


def marked(doc):
    """The quotes with quotation marks (not the indirect ones), in text order."""
    return [q for q in doc._.quotes if q.kind != "indirect"]


def speaker_name(doc, quote) -> str | None:
    return doc._.entities[quote.speaker_entity].name if quote.speaker_entity is not None else None


def only(quotes, kind):
    found = [q for q in quotes if q.kind == kind]
    assert len(found) == 1, found
    return found[0]
