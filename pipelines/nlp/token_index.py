"""Finding the tokens of a Doc by one attribute without touching the others: spaCy makes a Python object for
every Token it hands out, and making one per word is the slowest part of scanning a whole article. The
attribute is read as an array of string ids and compared there; only the tokens found become Tokens."""

from __future__ import annotations

import functools
from collections.abc import Iterable

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc

# Up to this many strings numpy compares the array with each; past it, a set lookup per token is faster than
# numpy's sort-based isin.
_FEW = 16


def token_indices(doc: Doc, attr: str, strings: Iterable[str]) -> list[int]:
    """The indices of the tokens whose ``attr`` ("ORTH", "LOWER", "TAG", "DEP"...) is one of ``strings``."""
    ids = _string_ids(frozenset(strings))
    values = doc.to_array(attr) if len(doc) else numpy.zeros(0, dtype=numpy.uint64)
    if len(ids) <= _FEW:
        return numpy.flatnonzero(numpy.isin(values, numpy.fromiter(ids, dtype=numpy.uint64))).tolist()
    return [i for i, value in enumerate(values.tolist()) if value in ids]


@functools.lru_cache(maxsize=64)
def _string_ids(strings: frozenset[str]) -> frozenset[int]:
    """The ids the arrays hold for these strings: a plain hash, or a symbol's id for spaCy's own symbols
    ("nsubj"). Cached: the callers ask for the same word lists article after article."""
    return frozenset(get_string_id(s) for s in strings)
