"""Scoring cleaning.

1. Against (page, true article text) pairs, the way public article-extraction benchmarks do: the extracted
   body and the true text are compared as bags of tokens (lower-cased ``\\w+`` words, or word n-grams with
   ``--ngram``), giving precision, recall and F1 per page and their means over pages.
   Folder layout: ``NAME.txt`` (page text) or ``NAME.html`` (page HTML), next to ``NAME.gold.txt`` (the true
   article text); an optional ``NAME.meta.json`` sidecar is honoured as in the pipeline.
       python -m pipelines.evaluation.cleaning PAIRS_DIR [--ngram N]
2. Against the hand-annotated seeds (tests/gold/seeds.json): gold boilerplate lines removed, article lines
   wrongly removed, and title / authors / publisher right.
       python -m pipelines.evaluation.cleaning --seeds [CORPUS_DIR]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.clean.article import clean
from pipelines.clean.lines import normalised
from pipelines.clean.metadata import parse_dateline
from pipelines.evaluation.gold import load_gold
from pipelines.ingest.files import discover, read_article, read_bytes
from pipelines.models import CleanArticle, IngestError, RemovedLine, SourceFile

GOLD_SUFFIX = ".gold.txt"
PAGE_SUFFIXES = (".txt", ".html", ".htm")
SEED_CORPUS = Path(__file__).resolve().parents[2] / "corpus"
_TOKEN = re.compile(r"\w+")


# --- token overlap on (page, true text) pairs -------------------------------------------------------------

@dataclass(frozen=True)
class PairScore:
    name: str
    precision: float
    recall: float
    f1: float
    predicted_tokens: int
    gold_tokens: int


def tokens(text: str, ngram: int = 1) -> Counter:
    words = _TOKEN.findall(text.lower())
    return Counter(tuple(words[i:i + ngram]) for i in range(max(len(words) - ngram + 1, 0)))


def token_scores(predicted: str, gold: str, ngram: int = 1) -> tuple[float, float, float]:
    """(precision, recall, F1) of the bag of tokens of ``predicted`` against ``gold``.
    An empty prediction of an empty gold text is perfect; an empty one of a non-empty text scores 0."""
    pred, true = tokens(predicted, ngram), tokens(gold, ngram)
    if not pred and not true:
        return 1.0, 1.0, 1.0
    common = sum((pred & true).values())
    precision = common / sum(pred.values()) if pred else 0.0
    recall = common / sum(true.values()) if true else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def find_pairs(folder: Path) -> list[tuple[Path, Path]]:
    """(page, gold text) for every NAME.gold.txt that has a NAME.txt or NAME.html beside it."""
    pairs = []
    for gold in sorted(Path(folder).glob(f"*{GOLD_SUFFIX}")):
        stem = gold.name[:-len(GOLD_SUFFIX)]
        page = next((gold.with_name(stem + s) for s in PAGE_SUFFIXES if gold.with_name(stem + s).exists()), None)
        if page is not None:
            pairs.append((page, gold))
    return pairs


def _clean_file(path: Path, root: Path) -> CleanArticle | IngestError:
    stat = path.stat()
    source = SourceFile(path.relative_to(root).as_posix(), str(path), stat.st_size, stat.st_mtime_ns)
    data = read_bytes(source)
    raw = data if isinstance(data, IngestError) else read_article(source, data)
    return raw if isinstance(raw, IngestError) else clean(raw)


def score_pairs(folder: Path, ngram: int = 1) -> list[PairScore]:
    """Cleans every page of the folder and scores its body against the true text."""
    scores = []
    for page, gold in find_pairs(folder):
        article = _clean_file(page, Path(folder))
        body = "" if isinstance(article, IngestError) else article.body
        true = gold.read_text(encoding="utf-8")
        precision, recall, f1 = token_scores(body, true, ngram)
        scores.append(PairScore(page.name, precision, recall, f1,
                                sum(tokens(body, ngram).values()), sum(tokens(true, ngram).values())))
    return scores


def format_pair_scores(scores: list[PairScore]) -> str:
    width = max([len(s.name) for s in scores] + [len("mean")])
    rows = [f"{'page':<{width}}  precision  recall     F1  tokens  gold"]
    for s in scores:
        rows.append(f"{s.name:<{width}}  {s.precision:9.3f}  {s.recall:6.3f}  {s.f1:5.3f}  "
                    f"{s.predicted_tokens:6d}  {s.gold_tokens:4d}")
    if scores:
        mean = [statistics.fmean(getattr(s, f) for s in scores) for f in ("precision", "recall", "f1")]
        rows.append(f"{'mean':<{width}}  {mean[0]:9.3f}  {mean[1]:6.3f}  {mean[2]:5.3f}  ({len(scores)} pages)")
    return "\n".join(rows)


# --- the hand-annotated seeds -----------------------------------------------------------------------------

@dataclass
class SeedCleaningScore:
    articles: int = 0
    boilerplate_lines: int = 0
    boilerplate_removed: int = 0
    missed_boilerplate: list[str] = field(default_factory=list)  # "file: line"
    wrongly_removed: list[str] = field(default_factory=list)  # "file:line_no reason: text"
    right: Counter = field(default_factory=Counter)  # "title" / "authors" / "publisher" -> articles right
    field_errors: list[str] = field(default_factory=list)  # "file: field found != gold"

    @property
    def boilerplate_recall(self) -> float:
        return self.boilerplate_removed / self.boilerplate_lines if self.boilerplate_lines else 1.0


def _moved_to_metadata(line: RemovedLine, gold: dict) -> bool:
    """A removed title, byline or dateline is not a loss when it is the article's own and went to metadata."""
    text = line.text.strip()
    if line.reason == "title":
        return normalised(text) == normalised(gold.get("title") or "")
    if line.reason == "byline":
        return any(name.lower() in text.lower() for name in gold.get("authors") or [])  # "By JANE ROE"
    if line.reason == "dateline":
        parsed = parse_dateline(text)
        return parsed is not None and (gold.get("published") is None or
                                       gold["published"].startswith(parsed[0].isoformat()[:7]))
    return False


def score_seeds(articles: Iterable[CleanArticle], gold: dict[str, dict] | None = None) -> SeedCleaningScore:
    """Scores cleaned seed articles against the gold file (articles are matched by file name)."""
    gold = load_gold() if gold is None else gold
    score = SeedCleaningScore()
    for article in articles:
        name = Path(article.source_path).name
        if name not in gold:
            continue
        truth = gold[name]
        score.articles += 1
        removed_texts = {r.text.strip() for r in article.removed}
        body_lines = {line.strip() for line in article.body.split("\n")}
        boilerplate = {b.strip() for b in truth.get("boilerplate", [])}
        for line in sorted(boilerplate):
            score.boilerplate_lines += 1
            if line in removed_texts and line not in body_lines:
                score.boilerplate_removed += 1
            else:
                score.missed_boilerplate.append(f"{name}: {line}")
        for line in article.removed:
            if line.text.strip() not in boilerplate and not _moved_to_metadata(line, truth):
                score.wrongly_removed.append(f"{name}:{line.line_no} {line.reason}: {line.text.strip()}")
        meta = article.metadata
        checks = (("title", normalised(meta.title or ""), normalised(truth.get("title") or "")),
                  ("authors", sorted(meta.authors), sorted(truth.get("authors") or [])),
                  ("publisher", meta.publisher, truth.get("publisher")))
        for field_name, found, expected in checks:
            if found == expected:
                score.right[field_name] += 1
            else:
                score.field_errors.append(f"{name}: {field_name} {found!r} != gold {expected!r}")
    return score


def clean_corpus(corpus_dir: Path = SEED_CORPUS) -> list[CleanArticle]:
    """Every readable article of a corpus folder, cleaned."""
    articles = []
    for source in discover(corpus_dir):
        data = read_bytes(source)
        raw = data if isinstance(data, IngestError) else read_article(source, data)
        if not isinstance(raw, IngestError):
            articles.append(clean(raw))
    return articles


def format_seed_score(score: SeedCleaningScore) -> str:
    n = score.articles
    rows = [
        f"cleaning on {n} seed articles",
        f"  boilerplate lines removed   {score.boilerplate_removed}/{score.boilerplate_lines}"
        f"  (recall {score.boilerplate_recall:.3f})",
        f"  article lines wrongly removed  {len(score.wrongly_removed)}",
        f"  titles right {score.right['title']}/{n}   authors right {score.right['authors']}/{n}"
        f"   publishers right {score.right['publisher']}/{n}",
    ]
    rows += [f"    missed: {m}" for m in score.missed_boilerplate]
    rows += [f"    wrongly removed: {w}" for w in score.wrongly_removed]
    rows += [f"    {e}" for e in score.field_errors]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines.evaluation.cleaning", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", type=Path,
                        help="pairs folder (NAME.txt|NAME.html + NAME.gold.txt), or the corpus with --seeds")
    parser.add_argument("--seeds", action="store_true", help="score the seed corpus against tests/gold/seeds.json")
    parser.add_argument("--ngram", type=int, default=1, help="compare word n-grams instead of single words")
    args = parser.parse_args(argv)
    if args.seeds:
        print(format_seed_score(score_seeds(clean_corpus(args.folder or SEED_CORPUS))))
        return 0
    if args.folder is None or not args.folder.is_dir():
        parser.error("give a folder of pairs (or --seeds)")
    scores = score_pairs(args.folder, args.ngram)
    if not scores:
        print(f"no pairs in {args.folder} (expected NAME.txt or NAME.html next to NAME{GOLD_SUFFIX})",
              file=sys.stderr)
        return 1
    print(format_pair_scores(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
