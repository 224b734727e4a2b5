"""Builds world_given_names.txt, forenames from outside the US, from the person providers of Faker (MIT licence,
pinned below), which list the common given names of some 80 countries:

    uv venv /tmp/faker && uv pip install --python /tmp/faker/bin/python faker==40.54.0
    apt-get install wamerican            # /usr/share/dict/words (SCOWL), only to leave out English words
    PYTHONPATH=/tmp/faker/lib/python3.11/site-packages .venv/bin/python tools/world_given_names.py \
        /usr/share/dict/words > pipelines/nlp/entities/world_given_names.txt

Kept: the first names of every locale written in the Latin alphabet (Kenya, Nigeria, Pakistan, Turkey, Poland,
Indonesia, Brazil, Iceland ...), the romanized Japanese and Chinese first names Faker gives, and the Russian and
Ukrainian first names transliterated as news agencies write them ("Oleksandr", "Mykola", "Dmitry"). Left out:
words of fewer than three letters ("An", "Li"), words an English dictionary has in lower case ("gang", "bush",
"line": Icelandic and Turkish names that are English words) and words the entity lists know as something else
(places, titles, person nouns, organisation and thing words). Like given_names.txt, the list is evidence that a
capitalised word opening a name is a forename, never a person on its own.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import pkgutil
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.nlp.entities import lexicon  # noqa: E402
from pipelines.nlp.names import fold  # noqa: E402

FAKER_VERSION = "40.54.0"
MIN_LETTERS = 3
# Capitalised words of the dictionary the providers list as names that news uses for something else: peoples,
# religions, places, brands, eras, abbreviations.
NOT_FORENAMES = {"nazi", "muslim", "viking", "ceylon", "philippine", "crete", "goa", "manilla", "gregorian", "nikon",
                 "uranus", "tudor", "verde", "sep", "raf", "ide", "dui", "doa", "dwi", "saar", "aral", "ursa"}
ROMANIZED = ("first_romanized_names", "first_romanized_names_female", "first_romanized_names_male")
# Cyrillic letters as Reuters and AP write Ukrainian (national system) and Russian (BGN/PCGN-like) names.
_CYRILLIC = {"а": "a", "б": "b", "в": "v", "д": "d", "е": "e", "ж": "zh", "з": "z", "й": "y", "к": "k",
             "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
             "х": "kh",
             "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ъ": "", "ю": "yu", "я": "ya", "ё": "yo",
             "ы": "y", "э": "e", "є": "ye", "і": "i", "ї": "yi", "ґ": "g"}
_CYRILLIC_BY_LOCALE = {"uk_UA": {"г": "h", "и": "y"}, "ru_RU": {"г": "g", "и": "i"}}


def _is_latin(word: str) -> bool:
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in word)


def _transliterated(name: str, locale: str) -> str:
    table = _CYRILLIC | _CYRILLIC_BY_LOCALE[locale]
    return "".join(table.get(ch, ch) for ch in name.lower())


def _first_names(locale: str) -> set[str]:
    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    names: set[str] = set()
    for attribute in dir(provider):
        if attribute.startswith("first_names") or attribute in ROMANIZED:
            value = getattr(provider, attribute)
            if isinstance(value, (list, tuple, dict)):  # a weighted dict in some locales
                names |= {name for name in value if isinstance(name, str)}
    if locale in _CYRILLIC_BY_LOCALE:
        return {_transliterated(name, locale) for name in names}
    return {name for name in names if _is_latin(name)}


def _known_otherwise(dictionary: Path) -> set[str]:
    english = {word for word in dictionary.read_text(encoding="utf-8").split() if word.islower()}
    places = {fold(word) for place in lexicon._lines("places.txt") for word in place.split()}
    return english | places | NOT_FORENAMES | lexicon.titles() | lexicon.person_nouns() | lexicon.org_words() \
        | lexicon.thing_words() | lexicon.place_words()


def main(dictionary: Path) -> None:
    version = importlib.metadata.version("faker")
    if version != FAKER_VERSION:
        sys.exit(f"faker {FAKER_VERSION} expected, found {version}")
    import faker.providers.person

    locales = sorted(name for _, name, is_package in pkgutil.iter_modules(faker.providers.person.__path__)
                     if is_package)
    words = {fold(word) for locale in locales for name in _first_names(locale) for word in name.split()}
    known = {fold(name) for name in lexicon._lines("given_names.txt")} | _known_otherwise(dictionary)
    kept = sorted(word for word in words if len(word) >= MIN_LETTERS and word.isalpha() and word not in known)
    print(f"# Given names from outside the US: the first names of Faker {FAKER_VERSION}'s person providers (MIT"
          " licence), every")
    print("# locale in the Latin alphabet, romanized Japanese and Chinese, transliterated Russian and Ukrainian;"
          " less names")
    print("# already in given_names.txt, English words and words the entity lists know otherwise. Built by"
          " tools/world_given_names.py.")
    print("\n".join(kept))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
