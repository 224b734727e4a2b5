"""The speech lexicon (speech_verbs.txt), read once and shared by the quote and entity components."""

from __future__ import annotations

from pathlib import Path

VERBS_FILE = Path(__file__).with_name("speech_verbs.txt")
SECTIONS = ("speech", "beside", "after", "quoting", "nouns", "manner", "thinking")


def load_verbs(path: Path = VERBS_FILE) -> dict[str, frozenset[str]]:
    """{section: lemmas}; no lemma is both a verb of speech and one of thought."""
    sections: dict[str, set[str]] = {name: set() for name in SECTIONS}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), set())
        else:
            current.add(line)
    overlap = (sections["speech"] | sections["beside"]) & sections["thinking"]
    if overlap:
        raise ValueError(f"{path.name}: verbs listed both as speech and thinking: {sorted(overlap)}")
    return {name: frozenset(lemmas) for name, lemmas in sections.items()}


VERBS = load_verbs()
SPEECH_VERBS = VERBS["speech"]  # a cue wherever they stand
BESIDE_QUOTE_VERBS = VERBS["beside"]  # a cue only beside a quotation or with a reported clause
AFTER_QUOTE_VERBS = VERBS["after"]  # a cue only after a quotation in its sentence
QUOTING_VERBS = VERBS["quoting"]  # the object is the speaker: quoted Smith as saying
SPEECH_NOUNS = VERBS["nouns"]
MANNER_VERBS = VERBS["manner"]  # a cue only for how or of what one speaks: would speak “bluntly”
THINKING_VERBS = VERBS["thinking"]
# A subject of these is someone: evidence that a bare name is a person.
# (Not "go" of "go on" nor "put" of "put it": only the speech section's phrasal verbs lend their first word.)
REPORTING_VERBS = (SPEECH_VERBS | THINKING_VERBS | {verb for verb in BESIDE_QUOTE_VERBS if " " not in verb}
                   | {verb.split()[0] for verb in SPEECH_VERBS if not verb.endswith(" it")})


def _past_forms(lemma: str) -> set[str]:
    """The regular past tense of a verb, without consonant doubling: added, replied, noted, insisted."""
    if lemma.endswith("e"):
        return {lemma + "d"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return {lemma[:-1] + "ied"}
    return {lemma + "ed"}


# Regular past tenses of the single-word reporting verbs: "Replied Stephen, “...”" opens with one, never a name.
REPORTING_PAST_FORMS = frozenset(form for verb in REPORTING_VERBS if " " not in verb for form in _past_forms(verb))
