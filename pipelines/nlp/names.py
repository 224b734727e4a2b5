"""Name normalisation: the cross-article identity of an entity.

``entity_key`` folds what varies between spellings of one name (case, accents, hyphens, dots, apostrophes,
spacing, soft hyphens, a possessive, a leading "the") and keeps every name word, so different people stay apart:
"Kim Jong Un" == "Kim Jong-un" == "KIM Jong-Un", but "Patricia M Kim" and "Kim Yong Hyun" are other keys.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = "'’‘`´"
_POSSESSIVE = re.compile(rf"[{_APOSTROPHES}]s?$")
_DROPPED = re.compile(rf"[.{_APOSTROPHES}]")  # "U.S." = "US", "O’Brien" = "OBrien"
_SEPARATORS = re.compile(r"[^\w&]+")  # hyphens, dashes, slashes, commas, spaces ...
_LEADING_THE = re.compile(r"^the ")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")  # soft hyphen, zero-width characters: "Vladi\u00admir"


def without_invisible(text: str) -> str:
    """The text without soft hyphens and zero-width characters, which pages leave inside names."""
    return _INVISIBLE.sub("", text)


def fold(text: str) -> str:
    """Lower case without accents: "Bjørn Ñúñez" -> "bjørn nunez" (letters without a decomposition stay)."""
    if text.isascii():  # most words: nothing to decompose, no invisible character
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", without_invisible(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@lru_cache(maxsize=65536)  # called for every mention many times over; names repeat across articles
def entity_key(name: str) -> str:
    """The identity of a name across articles; the warehouse's entity_id is a hash of it."""
    text = _POSSESSIVE.sub("", fold(name).strip())
    text = _DROPPED.sub("", text)
    text = _SEPARATORS.sub(" ", text).replace("_", " ")
    return _LEADING_THE.sub("", " ".join(text.split()))


def name_parts(name: str) -> list[str]:
    """The words of a name's key: "Kim Jong-un" -> ["kim", "jong", "un"]."""
    return entity_key(name).split()


def contains_parts(full: list[str], short: list[str]) -> bool:
    """Whether ``short`` is a run of consecutive words of ``full`` ("Alexander Duben" in "Bjorn Alexander Duben")."""
    n = len(short)
    return 0 < n <= len(full) and any(full[i:i + n] == short for i in range(len(full) - n + 1))
