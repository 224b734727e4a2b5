"""Sidecar metadata files: ``NAME.meta.json`` next to ``NAME.txt`` (or ``NAME.html``)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

from pipelines.ingest.reading import ReadRefused, read_inside

SIDECAR_SUFFIX = ".meta.json"
_FIELDS = {"title": str, "authors": list, "publisher": str, "published": str, "url": str}
_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MAX_SIDECAR_BYTES = 100_000  # a few metadata fields; anything bigger is not a sidecar


class SidecarError(ValueError):
    """The sidecar exists but cannot be used; the message says why, for a person."""


def sidecar_path(article_path: Path) -> Path:
    return article_path.with_name(article_path.stem + SIDECAR_SUFFIX)


def parse_published(value: str) -> tuple[dt.date, str] | None:
    """An ISO date, date-time, year-month or year → (date, precision); None when it is not one."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    match = _ISO_PARTIAL.match(text)
    try:
        if match:
            year, month, day = match.groups()
            precision = "day" if day else "month" if month else "year"
            return dt.date(int(year), int(month or 1), int(day or 1)), precision
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date(), "day"
    except ValueError:
        return None


def read_sidecar_bytes(article_path: Path, corpus_dir: Path) -> bytes | None:
    """The sidecar's bytes (None when there is none), read with the care of the article itself
    (pipelines.ingest.reading). Raises SidecarError when it cannot be read."""
    path = sidecar_path(article_path)
    if not os.path.lexists(path):
        return None
    try:
        return read_inside(path, corpus_dir, MAX_SIDECAR_BYTES)
    except ReadRefused as exc:
        raise SidecarError(f"{path.name} cannot be used: {exc}") from exc
    except OSError as exc:
        raise SidecarError(f"{path.name} could not be read: {exc.strerror or exc}") from exc


def read_sidecar(article_path: Path, corpus_dir: Path) -> dict:
    """The sidecar's known fields ({} when there is none). Raises SidecarError when it is unusable."""
    raw = read_sidecar_bytes(article_path, corpus_dir)
    if raw is None:
        return {}
    path = sidecar_path(article_path)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise SidecarError(f"{path.name} is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise SidecarError(f"{path.name} must hold a JSON object, not {type(data).__name__}")
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:  # a \\ud800 escape: not text any database or file format can hold
        raise SidecarError(f"{path.name} holds text that is not valid Unicode ({exc.reason})") from exc
    values = {}
    for name, kind in _FIELDS.items():
        if data.get(name) is None:
            continue
        if not isinstance(data[name], kind):
            raise SidecarError(f"{path.name}: '{name}' must be a {kind.__name__}")
        values[name] = data[name]
    if "authors" in values and not all(isinstance(a, str) for a in values["authors"]):
        raise SidecarError(f"{path.name}: 'authors' must be a list of names")
    if "published" in values and parse_published(values["published"]) is None:
        raise SidecarError(f"{path.name}: 'published' is not a real ISO date: {values['published']!r}")
    return values
