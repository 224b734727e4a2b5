"""The bare spaCy pass the benchmark compares the pipeline with, as a command of its own, so that it is timed
the way a user times a run: from starting Python to its exit, model loading included.

    python -m pipelines.bench.bare TEXTS.json BATCH_SIZE PROCESSES

It loads the base model with every one of its components and pipes the texts (a JSON list of strings)
through ``nlp.pipe`` with spaCy's own multiprocessing; nothing of the project is imported.
"""

import json
import sys

import spacy

from pipelines.settings import MODEL


def main(argv: list[str]) -> int:
    texts_path, batch_size, processes = argv
    with open(texts_path, encoding="utf-8") as handle:
        texts = json.load(handle)
    nlp = spacy.load(MODEL)
    for _ in nlp.pipe(texts, batch_size=int(batch_size), n_process=int(processes)):
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
