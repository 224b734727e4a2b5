"""Scores the date extractor on any corpus in TimeML format (TimeBank, TempEval-3 ...), as TempEval-3 does.

Each .tml file gives the text (the TEXT element, else the whole file), its TIMEX3 annotations (type, value) and
the document creation time, which becomes doc._.published for our real pipeline: the TIMEX3 with
functionInDocument="CREATION_TIME", else the one with "PUBLICATION_TIME" (a dateline), else the date in an
LDC document id (APW19980807.0261, NYT20000105.0325 ...) at the head of the text or in the file name. The
creation-time TIMEX3 is metadata, as in TempEval: neither gold nor, if we find it too, an extra; empty TIMEX3
elements (implicit points, no text) are not gold either, and a header line holding only an unannotated date
stamp is the creation time of a file whose DCT markup was stripped, not an extra. Scores, over all files:
  strict span   P/R/F1 of system expressions with exactly the gold extent,
  relaxed span  P/R/F1 of system expressions overlapping a gold one (each paired at most once),
  value         P/R/F1 of relaxed matches that also have the gold TIMEX3 value,
  type          the same with the gold type.

    python -m pipelines.evaluation.timeml PATH [PATH ...] [--errors]
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>", re.S)
_ATTRIBUTE = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')
_TEXT_ELEMENT = re.compile(r"<TEXT>(.*)</TEXT>", re.S)


@dataclass(frozen=True)
class TimexSpan:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class TimeMLDocument:
    name: str
    text: str
    creation_time: dt.date | None
    creation_precision: str | None  # "day", "month", "year"
    timexes: list[TimexSpan]
    ignored: list[tuple[int, int]] = ()  # the creation-time TIMEX3's extent: system expressions there are not scored


def _attributes(raw: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTRIBUTE.findall(raw)}


def parse_creation_time(value: str) -> tuple[dt.date | None, str | None]:
    """"1998-02-06T22:19:00" → (1998-02-06, "day"); "1998-02" → month; "1998" → year."""
    for pattern, precision in ((r"(\d{4})-(\d\d)-(\d\d)", "day"), (r"(\d{4})-(\d\d)", "month"), (r"(\d{4})", "year")):
        m = re.match(pattern, value or "")
        if m:
            parts = [int(g) for g in m.groups()] + [1] * (3 - len(m.groups()))
            return dt.date(*parts), precision
    return None, None


# A header line that is nothing but a date stamp ("2000-01-06 01:52", "08/07/1998 06:18:00"): the creation
# time of files whose DCT markup was stripped, metadata like a CREATION_TIME TIMEX3.
_STAMP_LINE = re.compile(r"^[ \t]*(?:\d{4}-\d\d-\d\d|\d\d/\d\d/\d{4})(?:[ T]\d\d:\d\d(?::\d\d)?)?[ \t]*$", re.M)
_DOCUMENT_ID = re.compile(r"\b[A-Z]{3}_?((?:19|20)\d\d)(\d\d)(\d\d)\.\d{4}\b")


def _strip_tags(marked: str) -> tuple[str, list[tuple[TimexSpan, dict]]]:
    """The plain text of TimeML markup and the TIMEX3 spans in it with their attributes (entities unescaped,
    offsets in plain text)."""
    text: list[str] = []
    length = 0
    open_timex: tuple[int, dict] | None = None
    timexes = []
    position = 0
    for tag in _TAG.finditer(marked):
        piece = html.unescape(marked[position:tag.start()])
        text.append(piece)
        length += len(piece)
        position = tag.end()
        closing, name, attributes, self_closing = tag.groups()
        if name != "TIMEX3" or self_closing:
            continue
        if not closing:
            open_timex = (length, _attributes(attributes))
        elif open_timex is not None:
            start, attrs = open_timex
            plain = "".join(text)
            timexes.append((TimexSpan(start, length, plain[start:length], attrs.get("type", ""),
                                      attrs.get("value", "")), attrs))
            open_timex = None
    text.append(html.unescape(marked[position:]))
    return "".join(text), timexes


def read_timeml(path: Path) -> TimeMLDocument:
    raw = Path(path).read_text(encoding="utf-8")
    body = _TEXT_ELEMENT.search(raw)
    text, marked = _strip_tags(body.group(1) if body else raw)
    creation = {}
    for tag in _TAG.finditer(raw):
        if tag.group(2) == "TIMEX3" and not tag.group(1):
            attrs = _attributes(tag.group(3))
            creation.setdefault(attrs.get("functionInDocument"), attrs.get("value"))
    value = creation.get("CREATION_TIME") or creation.get("PUBLICATION_TIME")
    if not value:
        document_id = _DOCUMENT_ID.search(text[:300]) or _DOCUMENT_ID.search(Path(path).name)
        value = "-".join(document_id.groups()) if document_id else None
    date, precision = parse_creation_time(value) if value else (None, None)
    timexes = [t for t, attrs in marked if t.end > t.start and attrs.get("functionInDocument") != "CREATION_TIME"]
    ignored = [(t.start, t.end) for t, attrs in marked if attrs.get("functionInDocument") == "CREATION_TIME"]
    ignored += [m.span() for m in _STAMP_LINE.finditer(text)
                if not any(t.start < m.end() and m.start() < t.end for t in timexes)]
    return TimeMLDocument(Path(path).name, text, date, precision, timexes, ignored)


def tml_files(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for path in map(Path, paths):
        files.extend(sorted(path.rglob("*.tml")) if path.is_dir() else [path] if path.is_file() else [])
    return files


# A line break inside a paragraph of hard-wrapped newswire (the next line not blank, not indented).
_WRAP = re.compile(r"(?<=[^\n])\n(?=\S)")


def unwrap(text: str) -> str:
    """The text with wrapped lines joined by a space (same length, so gold offsets stay valid): our pipeline
    reads every line as a paragraph (one article body line per paragraph), and TimeML newswire is wrapped at
    about 70 columns, which would cut sentences, and with them the tense read for "Wednesday", in two."""
    return _WRAP.sub(" ", text)


def predict(nlp, documents: list[TimeMLDocument]) -> list[list[TimexSpan]]:
    """Our pipeline's expressions for each document, its creation time as the publication date."""
    docs = []
    for document in documents:
        doc = nlp.make_doc(unwrap(document.text))
        doc._.published = document.creation_time
        doc._.published_precision = document.creation_precision
        doc._.headings = []
        docs.append(doc)
    return [[TimexSpan(m.start, m.end, m.text, m.timex_type, m.value) for m in doc._.date_mentions]
            for doc in nlp.pipe(docs)]


def pair(gold: list[TimexSpan], system: list[TimexSpan]) -> list[tuple[TimexSpan, TimexSpan]]:
    """One-to-one pairs of overlapping gold and system expressions, exact extents first, then the widest
    overlap."""
    candidates = []
    for g in gold:
        for s in system:
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                candidates.append(((g.start, g.end) != (s.start, s.end), -overlap, g, s))
    pairs, used_gold, used_system = [], set(), set()
    for _, _, g, s in sorted(candidates, key=lambda c: (c[0], c[1])):
        if id(g) not in used_gold and id(s) not in used_system:
            used_gold.add(id(g))
            used_system.add(id(s))
            pairs.append((g, s))
    return pairs


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def add(self, gold: list[TimexSpan], system: list[TimexSpan]) -> list[tuple[TimexSpan, TimexSpan]]:
        pairs = pair(gold, system)
        self.gold += len(gold)
        self.system += len(system)
        self.strict += sum((g.start, g.end) == (s.start, s.end) for g, s in pairs)
        self.relaxed += len(pairs)
        self.value += sum(g.value == s.value for g, s in pairs)
        self.type += sum(g.type == s.type for g, s in pairs)
        return pairs

    def prf(self, matched: int) -> tuple[float, float, float]:
        precision = matched / self.system if self.system else 0.0
        recall = matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def table(self) -> str:
        lines = [f"{'':14}{'P':>8}{'R':>8}{'F1':>8}"]
        for name in ("strict", "relaxed", "value", "type"):
            p, r, f = self.prf(getattr(self, name))
            label = f"{name} span" if name in ("strict", "relaxed") else name
            lines.append(f"{label:14}{p:8.3f}{r:8.3f}{f:8.3f}")
        lines.append(f"gold {self.gold}, system {self.system}")
        return "\n".join(lines)


def _errors(document: TimeMLDocument, gold: list[TimexSpan], system: list[TimexSpan], pairs) -> list[str]:
    paired_gold = {id(g) for g, _ in pairs}
    paired_system = {id(s) for _, s in pairs}
    lines = [f"  wrong  {g.text!r} {g.type} {g.value}  ←  {s.text!r} {s.type} {s.value}"
             for g, s in pairs if g.value != s.value]
    lines += [f"  missed {g.text!r} {g.type} {g.value}" for g in gold if id(g) not in paired_gold]
    lines += [f"  extra  {s.text!r} {s.type} {s.value}" for s in system if id(s) not in paired_system]
    return [f"{document.name} (DCT {document.creation_time})"] + lines if lines else []


def evaluate(nlp, paths: Iterable[str | Path], show_errors: bool = False) -> Counts:
    documents = [read_timeml(path) for path in tml_files(paths)]
    counts = Counts()
    for document, system in zip(documents, predict(nlp, documents)):
        system = [s for s in system
                  if not any(min(s.end, end) > max(s.start, start) for start, end in document.ignored)]
        pairs = counts.add(document.timexes, system)
        if show_errors:
            for line in _errors(document, document.timexes, system, pairs):
                print(line)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="timeml", description="Score our TIMEX3 extraction on TimeML files.")
    parser.add_argument("paths", nargs="+", help=".tml files or folders holding them")
    parser.add_argument("--errors", action="store_true", help="list wrong, missed and extra expressions")
    args = parser.parse_args(argv)
    if not tml_files(args.paths):
        print("no .tml files found", file=sys.stderr)
        return 1
    from pipelines.nlp.pipeline import build_nlp  # loads the model: only when there is work

    counts = evaluate(build_nlp(), args.paths, show_errors=args.errors)
    print(counts.table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
