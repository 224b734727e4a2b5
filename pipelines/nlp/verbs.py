"""The curated cue-verb lemmas (speech_verbs.txt), read once and shared by the quote and entity components."""

from __future__ import annotations

from pathlib import Path

VERBS_FILE = Path(__file__).with_name("speech_verbs.txt")


def load_verbs(path: Path = VERBS_FILE) -> dict[str, frozenset[str]]:
    """{section: lemmas}; the speech and thinking sections must not share a lemma."""
    sections: dict[str, set[str]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), set())
        else:
            current.add(line)
    overlap = sections["speech"] & sections["thinking"]
    if overlap:
        raise ValueError(f"{path.name}: verbs listed both as speech and thinking: {sorted(overlap)}")
    return {name: frozenset(lemmas) for name, lemmas in sections.items()}


VERBS = load_verbs()
SPEECH_VERBS = VERBS["speech"]
THINKING_VERBS = VERBS["thinking"]
# A subject of these is someone: evidence that a bare name is a person.
REPORTING_VERBS = SPEECH_VERBS | THINKING_VERBS | {verb.split()[0] for verb in SPEECH_VERBS}
