"""A synthetic corpus for benchmarks: N distinct, realistic articles recombined from the seed articles.

Each seed is split into its page header (lines before the first paragraph), its body units (a paragraph,
with any subheading or short line just before it) and its page footer. An article keeps one seed's header
and footer (the page furniture the cleaner must remove), takes body units from every seed, varies them
(sentence order, numbers, dates) and gets a title of its own. Everything is derived from ``random.Random``
seeded by (seed, index): the same arguments always give the same files.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass
from pathlib import Path

PARAGRAPH_MIN_CHARS = 180  # shorter lines are headings, captions, bylines or furniture
UNITS_PER_ARTICLE = (6, 14)
FOREIGN_UNIT_SHARE = 0.4  # how much of an article's body comes from seeds other than its template
FURNITURE_SHARE = 0.15  # chance of a furniture line before a body unit
BOILERPLATE = [
    line for line in (Path(__file__).with_name("boilerplate.txt")).read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]
MONTHS = ("January February March April May June July August September October November December").split()
DATE = re.compile(rf"\b({'|'.join(MONTHS)}) (\d{{1,2}}), (\d{{4}})\b")
NUMBER = re.compile(r"(?<![\w.-])\d{1,3}(?:,\d{3})*(?![\w.])")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
NEW_ARTICLE_INDEX = 10**6  # generator index of the articles added by the incremental runs: never in a base corpus


@dataclass(frozen=True)
class SeedArticle:
    title: str
    header: list[str]
    units: list[str]
    footer: list[str]


def split_seed(text: str) -> SeedArticle:
    lines = text.splitlines()
    long_at = [i for i, line in enumerate(lines) if len(line) >= PARAGRAPH_MIN_CHARS]
    first, last = long_at[0], long_at[-1]
    units, pending = [], []
    for line in lines[first:last + 1]:
        if not line.strip():
            continue
        pending.append(line)
        if len(line) >= PARAGRAPH_MIN_CHARS:
            units.append("\n\n".join(pending))
            pending = []
    return SeedArticle(_seed_title(lines[:first]), lines[:first], units, lines[last + 1:])


def _seed_title(header: list[str]) -> str:
    """The header line a page repeats (headline shown twice), else its first headline-like line."""
    stripped = [line.strip() for line in header if line.strip()]
    repeated = [line for line in stripped if stripped.count(line) > 1]
    headline_like = [line for line in stripped if len(line) > 20 and not DATE.search(line)
                     and not line.lower().startswith("by ") and not line.isupper()]
    return (repeated or headline_like or [""])[0]


def load_seeds(corpus_dir: Path) -> list[SeedArticle]:
    return [split_seed(p.read_text(encoding="utf-8")) for p in sorted(corpus_dir.glob("*.txt"))]


def _vary_numbers(text: str, rng: random.Random) -> str:
    def replace(m: re.Match) -> str:
        digits = m.group().replace(",", "")
        value = max(1, int(int(digits) * rng.uniform(0.5, 1.5))) if len(digits) < 4 else int(digits)
        return f"{value:,}" if "," in m.group() else str(value)
    return NUMBER.sub(replace, text)


def _vary_dates(text: str, rng: random.Random) -> str:
    return DATE.sub(lambda m: f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2019, 2025)}", text)


def _vary_paragraph(text: str, rng: random.Random) -> str:
    *before, paragraph = text.split("\n\n")
    sentences = SENTENCE_END.split(paragraph)
    if len(sentences) > 2 and rng.random() < 0.5:
        head, tail = sentences[0], sentences[1:]
        rng.shuffle(tail)  # keep the opening sentence: it often carries the subject the rest refers to
        sentences = [head, *tail]
    if len(sentences) > 3 and rng.random() < 0.3:
        sentences.pop(rng.randrange(1, len(sentences)))
    return "\n\n".join([*before, " ".join(sentences)])


def _title(body_units: list[str], rng: random.Random) -> str:
    sentence = rng.choice(SENTENCE_END.split(rng.choice(body_units).split("\n\n")[-1]))
    words = re.sub(r"[“”\"'‘’]", "", sentence).split()[: rng.randint(6, 11)]
    while len(words) > 4 and len(words[-1]) <= 3:  # a headline does not end on "and", "of", "a"
        words.pop()
    return " ".join(w.capitalize() if len(w) > 3 else w for w in words).rstrip(",;:.")


def generate_article(seeds: list[SeedArticle], seed: int, index: int) -> str:
    rng = random.Random(f"{seed}:{index}")
    template = rng.choice(seeds)
    count = rng.randint(*UNITS_PER_ARTICLE)
    units, used = [], set()
    while len(units) < count:
        source = rng.choice(seeds) if rng.random() < FOREIGN_UNIT_SHARE else template
        original = rng.choice(source.units)
        if original in used:  # a paragraph appears once per article
            continue
        used.add(original)
        unit = _vary_dates(_vary_numbers(_vary_paragraph(original, rng), rng), rng)
        if rng.random() < FURNITURE_SHARE:
            unit = f"{rng.choice(BOILERPLATE)}\n\n{unit}"
        units.append(unit)
    title = _title(units, rng)
    header = [title if line.strip() == template.title else _vary_dates(line, rng) for line in template.header]
    if not any(line.strip() == title for line in header):
        header = [title, "", *header]
    footer = "\n".join(template.footer).strip("\n")
    return "\n".join(header).rstrip("\n") + "\n\n" + "\n\n".join(units) + "\n\n" + footer + "\n"


def write_corpus(seeds_dir: Path, target: Path, count: int, seed: int = 0, start: int = 0) -> list[Path]:
    """Writes articles start..start+count-1 into target (existing identical files are left untouched)."""
    seeds = load_seeds(seeds_dir)
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(start, start + count):
        text = generate_article(seeds, seed, index)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        path = target / f"{index:05d}_{digest}.txt"
        if not path.exists():
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
