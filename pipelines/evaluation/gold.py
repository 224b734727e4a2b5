"""The hand annotations (tests/gold/seeds.json) and the mapping of their raw-file spans into bodies."""

from __future__ import annotations

import json
from pathlib import Path

from pipelines.models import Segment

GOLD_FILE = Path(__file__).resolve().parents[2] / "tests" / "gold" / "seeds.json"


def load_gold(path: Path = GOLD_FILE) -> dict[str, dict]:
    """{file name: annotations}; quote spans are offsets into the raw file, quotation marks included."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def raw_to_body(segments: list[Segment], raw_start: int, raw_end: int) -> tuple[int, int] | None:
    """The body span holding raw[raw_start:raw_end], clipped to kept text; None when all of it was removed."""
    starts, ends = [], []
    for seg in segments:
        lo, hi = max(raw_start, seg.raw_start), min(raw_end, seg.raw_start + seg.length)
        if lo < hi:
            starts.append(seg.body_start + lo - seg.raw_start)
            ends.append(seg.body_start + hi - seg.raw_start)
    return (min(starts), max(ends)) if starts else None
