"""What the text says of a named person's sex: titles and kinship nouns at the name (gender_words.txt: "Mr.",
"Councilwoman", "her son") and forenames nearly everyone of one sex has (forename_genders.txt: Emma, Jack).
Used to tell namesakes apart ("Mr. Trump" is not "Ivanka Trump") and to resolve he and she."""

from __future__ import annotations

from pathlib import Path


def _load(path: Path) -> dict[str, str]:
    """{word: "male" | "female"} from a file of [male] and [female] sections."""
    words, gender = {}, None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("["):
            gender = line.strip("[]")
        elif line and not line.startswith("#"):
            words[line] = gender
    return words


GENDER_WORDS = _load(Path(__file__).with_name("gender_words.txt"))
FORENAME_GENDERS = _load(Path(__file__).with_name("forename_genders.txt"))


def word_gender(word: str) -> str | None:
    """The sex a title or kinship word states ("Mr.", "Ms", "Councilwoman", "son"), else None."""
    return GENDER_WORDS.get(word.lower().rstrip("."))


def forename_gender(name: str) -> str | None:
    """The sex nearly everyone with the name's first word as forename has, else None."""
    words = name.split()
    return FORENAME_GENDERS.get(words[0].lower()) if words else None
