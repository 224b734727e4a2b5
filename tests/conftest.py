"""Shared fixtures: the real spaCy pipeline (loaded once per session) and the seed corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.nlp.pipeline import build_nlp

PROJECT = Path(__file__).resolve().parents[1]
SEED_CORPUS = PROJECT / "corpus"


@pytest.fixture(scope="session")
def nlp():
    return build_nlp()


@pytest.fixture(scope="session")
def seed_warehouse(tmp_path_factory) -> Path:
    """The seed corpus run once through the real pipeline; tests only read it."""
    from helpers import copy_seeds, run_pipeline

    base = tmp_path_factory.mktemp("seed_warehouse")
    run_pipeline(copy_seeds(base / "corpus"), base / "news.duckdb")
    return base / "news.duckdb"
