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
