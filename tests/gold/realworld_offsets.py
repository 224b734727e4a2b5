"""Check (and, with --fix, recompute) the quote offsets of the real-page gold sets.

The annotations in tests/gold/realworld_{dev,test}/ and tests/gold/mercury_{dev,test,dev2,test2}/ are written by
hand as quote *texts* (the words inside the quotation marks) in document order. --fix finds each text in its
corpus file, between an
opening mark and a closing mark, at its first occurrence after the previous quote, and writes `start`/`end`
(Python str offsets, marks included). Without --fix the script only checks, and exits 1 on any problem:

- every corpus file has an entry and every entry a corpus file;
- `file[start]` is an opening mark, `file[end - 1]` the closing mark (or the line break of a paragraph whose
  quotation continues in the next paragraph without a closing mark), and `file[start + 1:end - 1] == text`;
- quotes are in document order and do not overlap; kinds are direct/partial/scare; scare quotes have no speaker;
  every speaker is one of the article's people; no name is both a person and a not-person;
- every double quotation mark (“ ” ") in the text lies inside an annotated quote (nothing left unannotated),
  except inch marks (6' 7") and the marks an article lists in `unpaired_marks`: offsets of quotation marks
  whose other mark the page lost, so that the quotation has no span.

Usage: python tests/gold/realworld_offsets.py [--fix]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parent
SETS = ("realworld_dev", "realworld_test", "mercury_dev", "mercury_test", "mercury_dev2", "mercury_test2")
OPENING = "“\"‘'"
CLOSING = {"“": "”\"“", "\"": "\"”", "‘": "’", "'": "'"}  # a few pages close “ with a straight quote or a second “, and " with ”
KINDS = {"direct", "partial", "scare"}
DOUBLE_MARKS = "“”\""
INCH_MARK = re.compile(r"\d['’] ?\d{1,2}[\"”]$")  # 6' 7", 5’6”: a height, not a quotation


def set_paths(name: str) -> tuple[Path, Path]:
    """(gold JSON file, corpus folder) of one set."""
    return GOLD_DIR / name / f"{name}.json", GOLD_DIR / name / "corpus"


def locate(body: str, text: str, after: int) -> tuple[int, int]:
    """Span (marks included) of the first quotation of `text` whose opening mark is at or after `after`."""
    i = body.find(text, after + 1)
    while i >= 0:
        opener, end = body[i - 1], i + len(text)
        if opener in OPENING and end < len(body) and body[end] in CLOSING[opener] + "\n":
            return i - 1, end + 1
        i = body.find(text, i + 1)
    raise ValueError(f"no quotation of {text[:60]!r} after offset {after}")


def fix_offsets(gold: dict[str, dict], corpus: Path) -> None:
    """Recompute start/end of every quote from its text, in document order."""
    for file_name, article in gold.items():
        body = (corpus / file_name).read_text(encoding="utf-8")
        after = 0
        for quote in article["quotes"]:
            quote["start"], quote["end"] = locate(body, quote["text"], after)
            after = quote["end"]


def problems_in(gold: dict[str, dict], corpus: Path) -> list[str]:
    """Every inconsistency between the annotations and the corpus files (empty when all is well)."""
    found = [f"{name}: no corpus file" for name in gold if not (corpus / name).is_file()]
    found += [f"{p.name}: not annotated" for p in sorted(corpus.glob("*.txt")) if p.name not in gold]
    for name, article in gold.items():
        if not (corpus / name).is_file():
            continue
        body = (corpus / name).read_text(encoding="utf-8")
        people = article["people"]
        found += [f"{name}: {p!r} listed twice" for p in set(people) if people.count(p) > 1]
        found += [f"{name}: {n!r} is in people and not_people" for n in set(people) & set(article["not_people"])]
        previous_end = 0
        for q in article["quotes"]:
            where = f"{name}@{q['start']}"
            opener, closer = body[q["start"]], body[q["end"] - 1]
            if opener not in OPENING or closer not in CLOSING[opener] + "\n":
                found.append(f"{where}: span does not run from an opening to a closing mark")
            if body[q["start"] + 1:q["end"] - 1] != q["text"]:
                found.append(f"{where}: text differs from the file")
            if q["start"] < previous_end:
                found.append(f"{where}: out of order or overlapping")
            if q["kind"] not in KINDS:
                found.append(f"{where}: unknown kind {q['kind']!r}")
            if q["speaker"] is not None and (q["kind"] == "scare" or q["speaker"] not in people):
                found.append(f"{where}: speaker {q['speaker']!r} on a scare quote or not among the people")
            previous_end = q["end"]
        spans = [(q["start"], q["end"]) for q in article["quotes"]]
        unpaired = set(article.get("unpaired_marks", []))
        found += [f"{name}@{i}: {body[i]!r} listed as unpaired is no double quotation mark"
                  for i in sorted(unpaired) if body[i:i + 1] not in DOUBLE_MARKS]
        found += [f"{name}@{i}: quotation mark outside every annotated quote"
                  for i, ch in enumerate(body) if ch in DOUBLE_MARKS and i not in unpaired
                  and not INCH_MARK.search(body, max(0, i - 8), i + 1) and not any(s <= i < e for s, e in spans)]
    return found


def main(argv: list[str]) -> int:
    all_problems = []
    for set_name in SETS:
        gold_file, corpus = set_paths(set_name)
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        if "--fix" in argv:
            fix_offsets(gold, corpus)
            gold_file.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        all_problems += [f"{set_name}: {p}" for p in problems_in(gold, corpus)]
    print("\n".join(all_problems) or "all quotes and names consistent")
    return 1 if all_problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
