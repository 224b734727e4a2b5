"""The order check: a warehouse must be a function of the set of corpus files, not of how they arrived.

``mixed_corpus`` gathers a real, mixed corpus (real pages as HTML and as the plain text a reader copies from
them, the seeds, the annotated sets, generated articles); ``arrivals`` plans one way of feeding it to the
pipeline in several runs: the files shuffled and split, and between runs some files removed, changed (emptied,
given another file's bytes, a paragraph added) or touched, every one restored by the last run. Building the
corpus in one run and along such a plan must give the same rows in every table
(pipelines.warehouse.snapshot). Used by tests/test_order.py and ``python -m pipelines order-check``.
"""

from __future__ import annotations

import os
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import html_text

from pipelines.bench.corpus import write_corpus
from pipelines.ingest.decoding import decode

State = dict[str, bytes]  # relative path -> the file's bytes: the whole corpus folder at one run


def render_text(page: bytes) -> str:
    """A page as the plain text a reader gets by copying it from the browser (html-text, one block a line)."""
    return html_text.extract_text(decode(page)[0]) + "\n"


def mixed_corpus(pages: Path | None, folders: dict[str, Path], seeds: Path, generated: int, seed: int = 0,
                 page_limit: int | None = None) -> State:
    """pages/NAME/source.html as html/NAME.html and as text/NAME.txt (only the ``page_limit`` pages with the
    shortest text, when given), the *.txt files of each folder under its name, and ``generated`` articles
    written from the seeds."""
    corpus: State = {}
    rendered = {page.parent.name: (page.read_bytes(), render_text(page.read_bytes()))
                for page in sorted(pages.glob("*/source.html"))} if pages else {}
    chosen = sorted(rendered, key=lambda name: (len(rendered[name][1].split()), name))[:page_limit]
    for name in sorted(chosen):
        html, text = rendered[name]
        corpus[f"html/{name}.html"] = html
        corpus[f"text/{name}.txt"] = text.encode("utf-8")
    for name, folder in folders.items():
        for path in sorted(folder.glob("*.txt")):
            corpus[f"{name}/{path.name}"] = path.read_bytes()
    if generated:
        scratch = Path(os.environ.get("TMPDIR", "/tmp")) / f"order-generated-{os.getpid()}"
        for path in write_corpus(seeds, scratch, generated, seed):
            corpus[f"generated/{path.name}"] = path.read_bytes()
        shutil.rmtree(scratch, ignore_errors=True)
    return corpus


@dataclass(frozen=True)
class Arrival:
    """The corpus folder at one run, and what was done to it since the one before (for the report)."""

    state: State
    touched: frozenset[str]  # rewritten with the same bytes: only their modification time changes
    note: str


def arrivals(corpus: State, runs: int, seed: int) -> list[Arrival]:
    """``runs`` corpus states: shuffled parts of the corpus arrive one run after another; before each run but the
    last, a few files already there are removed, changed or touched (each restored at the latest by the last
    run, whose state is the whole corpus as it is)."""
    rng = random.Random(seed)
    names = sorted(corpus)
    rng.shuffle(names)
    cuts = sorted(rng.sample(range(1, len(names)), runs - 1)) if runs > 1 else []
    parts = [names[a:b] for a, b in zip([0, *cuts], [*cuts, len(names)], strict=True)]
    plan, arrived = [], []
    for i, part in enumerate(parts):
        arrived += part
        state = {name: corpus[name] for name in arrived}
        notes, touched = [f"{len(part)} files arrive"], set()
        if i < len(parts) - 1:
            for name in rng.sample(arrived, min(len(arrived), 6)):
                change = rng.choice(["remove", "empty", "copy", "append", "touch"])
                if change == "remove":
                    del state[name]
                elif change == "empty":
                    state[name] = b""
                elif change == "copy":  # another file's bytes: a duplicate, for a while
                    state[name] = corpus[rng.choice(arrived)]
                elif change == "append":
                    state[name] = corpus[name] + "\n\n“It is not over,” said Dana Whitfield, a spokeswoman.\n".encode()
                else:
                    touched.add(name)
                notes.append(f"{change} {name}")
        plan.append(Arrival(state, frozenset(touched), "; ".join(notes)))
    return plan


def write_state(folder: Path, arrival: Arrival, previous: State | None = None) -> None:
    """Makes ``folder`` hold exactly the arrival's state: files added, rewritten when their bytes differ from
    ``previous`` or they are touched, removed when absent."""
    previous = previous or {}
    for name in set(previous) - set(arrival.state):
        (folder / name).unlink()
    for name, data in arrival.state.items():
        if previous.get(name) != data or name in arrival.touched:
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
