"""Scores people on CoNLL-2003 English news (Reuters, August 1996), rebuilt as documents with the persons marked.

CoNLL-2003 (Tjong Kim Sang and De Meulder; Reuters RCV1 text, not bundled) tags every token ``PER``, ``ORG``,
``LOC`` or ``MISC``. A document here is one ``NAME.txt`` of a folder, rebuilt from its tokens: the headline
on the first line, the dateline on the second, then one sentence a line with the tokens separated by spaces
and each ``PER`` span in double brackets (``... coach [[Glenn Hoddle]] said ...``):

    python -m pipelines eval-conll DIR [--part first|second] [-v]

The body (the lines after the dateline, spaces before punctuation taken out, one paragraph a sentence) goes
through the project's spaCy pipeline. Per document, the gold persons are the bracketed names grouped by
person: a name is the person of a longer one when it is its surname or its only given word ("Shearer",
"Alan" and "Alan Shearer"; a surname with or without the Arabic article, "Turabi" and "Hassan al-Turabi"). A
gold person is **found** when one of our PERSON entities is named as it is or by its surname; **precision** is
the share of our PERSON entities that are one of the gold persons. ``--part`` scores the first or the second
half of the documents (in name order), one to find rules on, one to check.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.evaluation.report import Ratio

_MARKED = re.compile(r"\[\[(.+?)\]\]")
_NO_SPACE_BEFORE = re.compile(r" (?=[,.;:?!)%]|'s\b|'S\b|n't\b|'m\b|'re\b|'ve\b|'ll\b|'d\b|\.\.\.)")
_NO_SPACE_AFTER = re.compile(r"(?<=[($]) ")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii"})
_ARABIC_ARTICLE = re.compile(r"^(?:al|el)-(?=\w)")  # "Hassan al-Turabi" is "Turabi" too


@dataclass
class Scores:
    documents: int = 0
    found: Ratio = field(default_factory=Ratio)
    right: Ratio = field(default_factory=Ratio)
    mistakes: list[str] = field(default_factory=list)


def detokenize(line: str) -> str:
    """One CoNLL sentence as a reporter would type it: no space before punctuation and clitics, none inside
    brackets or quotation marks."""
    words, opening, glued = [], True, False
    for token in line.split():
        if token == '"':
            if opening:
                words.append('"')
            elif words:
                words[-1] += '"'
            glued, opening = opening, not opening
        elif glued:
            words[-1] += token
            glued = False
        else:
            words.append(token)
    return _NO_SPACE_AFTER.sub("", _NO_SPACE_BEFORE.sub("", " ".join(words)))


def read_document(path: Path) -> tuple[str, list[str]]:
    """(body, gold names in order of mention) of one marked document."""
    lines = [detokenize(line) for line in path.read_text(encoding="utf-8").splitlines()[2:] if line.strip()]
    marked = "\n\n".join(lines)
    return _MARKED.sub(r"\1", marked), _MARKED.findall(marked)


def name_words(name: str) -> list[str]:
    words = [_ARABIC_ARTICLE.sub("", w.lower().removesuffix("'s").removesuffix("’s").rstrip("'’"))
             for w in _NAME_WORD.findall(name)]
    return [w for w in words if w and w not in _SUFFIXES] or [name.lower()]


def same_person(name: list[str], other: list[str]) -> bool:
    """Whether two names can be one person's: the same words, the same surname, or one word of the other."""
    return (name == other or name[-1] == other[-1] or (len(name) == 1 and name[0] in other)
            or (len(other) == 1 and other[0] in name))


def gold_persons(names: list[str]) -> list[tuple[str, list[str]]]:
    """The document's persons, each as (longest name, its words), longest names first."""
    persons: list[tuple[str, list[str]]] = []
    for name in sorted(set(names), key=lambda n: (-len(name_words(n)), names.index(n))):
        words = name_words(name)
        if not any(same_person(words, known) for _, known in persons):
            persons.append((name, words))
    return persons


def score_document(name: str, persons: list[tuple[str, list[str]]], people: list[str], scores: Scores) -> None:
    ours = [(person, name_words(person)) for person in people]
    for longest, words in persons:
        found = any(same_person(words, mine) for _, mine in ours)
        scores.found.add(found)
        if not found:
            scores.mistakes.append(f"{name}: missed {longest!r}")
    for person, words in ours:
        right = any(same_person(words, gold) for _, gold in persons)
        scores.right.add(right)
        if not right:
            scores.mistakes.append(f"{name}: not a gold person {person!r}")


def evaluate(paths: list[Path]) -> Scores:
    from pipelines.nlp.pipeline import build_nlp

    nlp = build_nlp()
    scores = Scores()
    for path in paths:
        body, names = read_document(path)
        doc = nlp.make_doc(body)
        doc._.text = body
        doc = nlp(doc)
        people = [entity.name for entity in doc._.entities or [] if entity.label == "PERSON"]
        score_document(path.stem, gold_persons(names), people, scores)
        scores.documents += 1
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines eval-conll", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="a folder of NAME.txt documents with [[Person]] marks")
    parser.add_argument("--part", choices=("first", "second"), help="only the first or the second half")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every mistake")
    args = parser.parse_args(argv)
    paths = sorted(args.folder.glob("*.txt"))
    if not paths:
        print(f"{args.folder}: no NAME.txt documents", file=sys.stderr)
        return 1
    half = (len(paths) + 1) // 2
    paths = {"first": paths[:half], "second": paths[half:], None: paths}[args.part]
    scores = evaluate(paths)
    print(f"CoNLL-2003 people, {scores.documents} documents of {args.folder} ({args.part or 'all'})")
    print(f"  gold persons found (recall)          {scores.found}")
    print(f"  PERSON entities right (precision)    {scores.right}")
    if args.verbose:
        print("\nMistakes")
        for line in scores.mistakes:
            print("  " + line)
    return 0
