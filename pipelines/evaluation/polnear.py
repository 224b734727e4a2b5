"""Scores "who said it" on PolNeAR, a public corpus of US political news annotated for attributions.

PolNeAR (Newell, Margolin and Ruths, LREC 2018; https://github.com/networkdynamics/PolNeAR, no licence stated,
so not bundled) has 1,008 articles from seven publishers with brat standoff annotations: ``T`` lines give
Source, Cue and Content spans (character offsets into the article, discontinuous parts joined by ``;``), ``E``
lines tie them into one attribution. Use its ``dev`` split (the corpus asks that its test split be run once):

    python -m pipelines eval-polnear PolNeAR/data/dev [-v]

DIR holds ``text/NAME.txt`` and ``attributions/NAME_<annotator>.ann``; of several annotators of an article the
alphabetically first is read. The real pipeline builds a warehouse of the texts, and its quotes are scored:

- a gold **direct quote** is each part of a Content span that stands in quotation marks (straight or curly) and
  has at least four words (parts with only white space between them, a passage the annotator split at its
  sentences, count as one); its speaker is the attribution's Source;
- **recall**: gold direct quotes overlapped by one of our direct quotes; **precision**: our direct quotes that
  overlap a gold direct quote (two of ours in one gold passage are both right), and (lenient) those that overlap any gold Content span, since PolNeAR marks
  every attribution, quoted or not;
- **exact speaker**, where the Source is a name (capitalised words, not a pronoun, title, determiner, possessive or
  generic group, heading their phrase: not "one Clinton aide", "the New Jersey governor", "an adviser to Bill
  Clinton"; see source_surnames): its surname against the surnames of our speaker's canonical name, case-folded:
  its last word, or any word after the forename, as "Ms. Acosta" is Melba Acosta Febo. Other sources ("he",
  "who", "the campaign", "aides", "a Clinton aide") are counted apart: how often we give a speaker there at all.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.evaluation.gold import raw_to_body
from pipelines.evaluation.report import Ratio, build
from pipelines.evaluation.warehouse_articles import read_clean_articles

OPENING_MARKS = "\"“‘'«"
CLOSING_MARKS = "\"”’'»"
MIN_WORDS = 4
# Capitalised words that do not make a source a name: pronouns and determiners at the start of a sentence,
# titles without their name, and groups.
NOT_NAME_WORDS = frozenset("""
    he she they it we i you who whom which that this these those there one someone somebody
    the a an his her their its our my your some many several both another other others each all most
    mr mrs ms miss dr sen rep gov president senator governor secretary chairman chairwoman spokesman
    spokeswoman gen lt col sgt judge justice mayor speaker vice former first lady attorney general
    officials official aides aide sources source critics supporters voters analysts experts reports report
    democrats republicans americans conservatives liberals democrat republican campaign administration
""".split())
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
PREPOSITIONS = frozenset({"of", "for", "from", "at", "in", "with", "on", "by", "to"})
CONNECTIVES = frozenset({"and", "or", "&", "who", "whose", "which", "said", "says", "told", "himself", "herself"})
_WORD = re.compile(r"[\w’'.-]+")


@dataclass(frozen=True)
class Span:
    label: str
    parts: tuple[tuple[int, int], ...]
    text: str


@dataclass(frozen=True)
class Attribution:
    content: Span | None
    source: Span | None
    cue: Span | None


@dataclass(frozen=True)
class GoldQuote:
    start: int  # raw offsets of one Content part
    end: int
    source: str | None


def read_ann(text: str) -> tuple[dict[str, Span], list[Attribution]]:
    """The spans (by id) and the attributions of a brat .ann file; relations of other kinds are left out."""
    spans: dict[str, Span] = {}
    relations = []
    for line in text.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            label, _, offsets = fields[1].partition(" ")
            parts = tuple(tuple(int(n) for n in part.split()) for part in offsets.split(";"))
            spans[fields[0]] = Span(label, parts, fields[2] if len(fields) > 2 else "")
        elif line.startswith("E") and len(fields) >= 2:
            roles = dict(arg.split(":", 1) for arg in fields[1].split())
            relations.append(roles)
    attributions = []
    for roles in relations:
        if not roles.keys() & {"Attribution", "Attribution-no-source"}:
            continue
        # some relations give a second quoted passage of the same source as Content2
        contents = [spans[ref] for role, ref in sorted(roles.items()) if role.startswith("Content") and ref in spans]
        content = Span("Content", tuple(part for c in contents for part in c.parts),
                       " ".join(c.text for c in contents)) if contents else None
        attributions.append(Attribution(content, spans.get(roles.get("Source", "")), spans.get(roles.get("Cue", ""))))
    return spans, attributions


def span_text(article: str, span: Span) -> str:
    return " ".join(article[start:end] for start, end in span.parts)


def in_quotation_marks(article: str, start: int, end: int) -> bool:
    """Whether article[start:end] stands between quotation marks, the marks inside the span or just outside
    it (a closing mark may follow the clause's comma or full stop)."""
    before = article[max(0, start - 2):start].rstrip()
    inside = article[start:end].strip()
    after = article[end:end + 3].lstrip().lstrip(".,!?;:")
    opens = _is_mark(inside[:1], OPENING_MARKS) or _is_mark(before[-1:], OPENING_MARKS)
    closes = (_is_mark(inside[-1:], CLOSING_MARKS)
              or _is_mark(inside[-2:-1], CLOSING_MARKS) and inside[-1:] in tuple(".,!?;:")
              or _is_mark(after[:1], CLOSING_MARKS))
    return bool(inside) and opens and closes


def _is_mark(char: str, marks: str) -> bool:
    return len(char) == 1 and char in marks


def joined_parts(article: str, span: Span) -> list[tuple[int, int]]:
    """The parts of a discontinuous span, those with only white space between them joined: annotators split
    a quoted passage at its sentences and paragraphs, the cue splits it into quotes of their own."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(span.parts):
        if joined and not article[joined[-1][1]:start].strip():
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def gold_direct_quotes(article: str, attributions: list[Attribution]) -> list[GoldQuote]:
    found = []
    for attribution in attributions:
        if attribution.content is None:
            continue
        source = span_text(article, attribution.source) if attribution.source else None
        for start, end in joined_parts(article, attribution.content):
            if len(article[start:end].split()) >= MIN_WORDS and in_quotation_marks(article, start, end):
                found.append(GoldQuote(start, end, source))
    return sorted(found, key=lambda q: q.start)


def source_surnames(source: str | None) -> frozenset[str]:
    """The surnames a Source span names, case-folded; empty when it names no one ("he", "the campaign",
    "Trump's spokeswoman", "one Clinton aide", "a spokesman for Sen. Ted Cruz"). A name is a run of name words
    that heads its phrase: not one modifying a noun after it ("Clinton aide", "the New Jersey governor",
    "Stein spokeswoman Melezia Figueroa"), nor a possessive's, nor one after a preposition (titles and
    determiners between: "an adviser to former President Bill Clinton", "Jeffrey Lewis of the James Martin
    Center"). Of the parts between commas, dashes and brackets, the first that has one names the source ("his
    best friend at Lehigh, Bruce Turry"): its last name's last word, and those of names joined to it by "and"."""
    for part in re.split(r"[,(—–]| - | -- ", re.sub(r"\([^)]*\)", "", source or "")):
        words = _WORD.findall(part)
        heads: list[tuple[str, bool]] = []  # (last word of a heading name, joined to the next by "and")
        i = 0
        while i < len(words):
            if not _is_name_word(words[i]):
                i += 1
                continue
            start = i
            while i < len(words) and _is_name_word(words[i]):
                i += 1
            after = words[i].casefold() if i < len(words) else ""
            if not _after_preposition(words[:start]) and not _modifies_next(words[i] if i < len(words) else ""):
                heads.append((_fold(words[i - 1].strip(".-’'")), after in ("and", "&")))
        if heads:
            last = len(heads) - 1
            return frozenset(name for n, (name, joined) in enumerate(heads) if n == last or joined)
    return frozenset()


def _is_name_word(word: str) -> bool:
    """A capitalised word that is not a possessive, title, determiner or group; or an Arabic name's "al-Awlaki"."""
    return (word[:1].isupper() or bool(re.match(r"(?:al|el|ad|as|ash|bin|ibn|abu)-[A-Z]", word))) \
        and not re.search(r"[’']s?$", word) and word.strip(".").casefold() not in NOT_NAME_WORDS | NAME_SUFFIXES


def _modifies_next(word: str) -> bool:
    """A name followed by this word modifies it: a noun ("Clinton aide"), a title ("Justice"), a possessive
    ("Hillary Clinton's campaign")."""
    if not word:
        return False
    folded = word.strip(".").casefold()
    if folded in NAME_SUFFIXES or folded in PREPOSITIONS | CONNECTIVES:
        return False
    return word[:1].islower() or folded in NOT_NAME_WORDS or bool(re.search(r"[’']s?$", word))


def _after_preposition(before: list[str]) -> bool:
    """Whether the last word before a name, titles and determiners skipped, is a preposition; not the "of" of a
    title ("Secretary of State John Kerry")."""
    for n in range(len(before) - 1, -1, -1):
        folded = before[n].strip(".").casefold()
        if folded not in NOT_NAME_WORDS:
            title = folded == "of" and n == len(before) - 1 and n > 0 and before[n - 1][:1].isupper() \
                and before[n - 1].strip(".").casefold() in NOT_NAME_WORDS
            return folded in PREPOSITIONS and not title
    return False


def speaker_surnames(name: str | None) -> set[str]:
    """The words a surname of this name can be: after the forename (a two-part surname, "Acosta Febo", is
    written with its first part alone), generational suffixes aside; a one-word name is its own."""
    words = [w.strip(".,") for w in (name or "").split()]
    while words and words[-1].casefold() in NAME_SUFFIXES:
        words.pop()
    return {_fold(w) for w in words[1:] or words}


def _fold(word: str) -> str:
    return word.replace("’", "'").casefold()  # O’Neill and O'Neill are one name


@dataclass
class PolnearScores:
    articles: int = 0
    spans_checked: Ratio = field(default_factory=Ratio)  # .ann span texts equal to the text at their offsets
    recall: Ratio = field(default_factory=Ratio)
    precision: Ratio = field(default_factory=Ratio)
    lenient_precision: Ratio = field(default_factory=Ratio)
    exact_speaker: Ratio = field(default_factory=Ratio)  # gold sources that are names
    unnamed_given_speaker: Ratio = field(default_factory=Ratio)  # other sources: we give someone at all
    mistakes: list[str] = field(default_factory=list)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_article(scores: PolnearScores, name: str, raw: str, attributions: list[Attribution], body: str,
                  segments: list, predicted: list[tuple[int, int, str, str | None]]) -> None:
    """Adds one article: ``predicted`` holds our quotes as (body start, body end, kind, speaker name)."""
    scores.articles += 1
    direct = [p for p in predicted if p[2] == "direct"]
    gold = gold_direct_quotes(raw, attributions)
    gold_spans = [raw_to_body(segments, q.start, q.end) for q in gold]
    for quote, span in zip(gold, gold_spans, strict=True):
        overlapping = [p for p in direct if span and _overlap(span, p[:2])]
        where = f"{name}@{quote.start}"  # mistakes give the gold quote's raw offset
        shown = raw[quote.start:quote.end].strip()[:50]
        if not overlapping:
            scores.recall.add(False)
            other = next((p[2] for p in predicted if span and _overlap(span, p[:2])), "not found")
            scores.mistakes.append(f"{where}: direct quote missed ({other}): {shown}")
            continue
        scores.recall.add(True)
        found = max(overlapping, key=lambda p: _overlap(span, p[:2]))
        surnames = source_surnames(quote.source)
        if not surnames:
            scores.unnamed_given_speaker.add(found[3] is not None)
            if found[3] is None:
                scores.mistakes.append(f"{where}: no speaker for unnamed source {quote.source!r} (not scored): {shown}")
            continue
        right = bool(surnames & speaker_surnames(found[3]))
        scores.exact_speaker.add(right)
        if not right:
            scores.mistakes.append(f"{where}: speaker {found[3]!r}, gold source {quote.source!r}: {shown}")
    content = [raw_to_body(segments, s, e) for a in attributions if a.content for s, e in a.content.parts]
    for p in direct:
        right = any(g and _overlap(g, p[:2]) for g in gold_spans)
        scores.precision.add(right)
        in_content = right or any(c and _overlap(c, p[:2]) for c in content)
        scores.lenient_precision.add(in_content)
        if not right:
            verdict = "inside an unmarked or short Content span" if in_content else "outside every Content span"
            scores.mistakes.append(f"{name}@body {p[0]}: extra direct quote ({verdict}): {body[p[0]:p[1]][:50]}")


def check_spans(scores: PolnearScores, raw: str, spans: dict[str, Span]) -> None:
    """Counts the .ann spans whose text is the article's text at their offsets (a wrong download shows)."""
    for span in spans.values():
        scores.spans_checked.add(span_text(raw, span) == span.text)


def annotation_files(folder: Path) -> dict[str, Path]:
    """{text file name: its alphabetically first annotator's .ann file}."""
    chosen: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        article = ann.stem.rpartition("_")[0] + ".txt"
        chosen.setdefault(article, ann)
    return {name: ann for name, ann in chosen.items() if (folder / "text" / name).is_file()}


def evaluate(folder: Path, workdir: Path) -> PolnearScores:
    annotated = annotation_files(folder)
    corpus = workdir / "text"
    corpus.mkdir()
    for name in annotated:
        shutil.copyfile(folder / "text" / name, corpus / name)
    wh = build(corpus, workdir / "polnear.duckdb")
    scores = PolnearScores()
    articles = read_clean_articles(wh)
    for article in articles:
        # bytes decoded as they are: the offsets count a \r\n as two characters
        raw = (folder / "text" / article.source_path).read_bytes().decode("utf-8")
        spans, attributions = read_ann(annotated[article.source_path].read_bytes().decode("utf-8"))
        check_spans(scores, raw, spans)
        predicted = wh.query("""SELECT q.start_char, q.end_char, q.kind, q.speaker_name FROM quotes q
                                JOIN articles a USING (article_id) WHERE a.source_path = ? ORDER BY q.start_char""",
                             [article.source_path])
        score_article(scores, article.source_path, raw, attributions, article.body, article.segments, predicted)
    missing = sorted(annotated.keys() - {a.source_path for a in articles})
    scores.mistakes += [f"{name}: no article in the warehouse (see ingest_errors)" for name in missing]
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines eval-polnear", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="a PolNeAR split: text/ and attributions/")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every mistake")
    args = parser.parse_args(argv)
    if not annotation_files(args.folder):
        print(f"{args.folder}: no text/NAME.txt with an attributions/NAME_*.ann", file=sys.stderr)
        return 1
    workdir = Path(tempfile.mkdtemp(prefix="eval-polnear-"))
    try:
        scores = evaluate(args.folder, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"PolNeAR attributions, {scores.articles} articles of {args.folder} ({dt.date.today().isoformat()})")
    print(f"  .ann spans matching the text            {scores.spans_checked}")
    print(f"  direct quotes found (recall)            {scores.recall}")
    print(f"  direct quotes right (precision)         {scores.precision}")
    print(f"  ... counting unmarked Content (lenient) {scores.lenient_precision}")
    print(f"  named sources, exact speaker (surname)  {scores.exact_speaker}")
    print(f"  unnamed sources, some speaker given     {scores.unnamed_given_speaker}")
    if args.verbose:
        print("\nMistakes")
        for line in scores.mistakes:
            print("  " + line)
    return 0
