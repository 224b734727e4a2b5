"""Scoring cleaning.

1. Against (page, true article text) pairs, the way public article-extraction benchmarks do: the extracted
   body and the true text are compared as bags of tokens (lower-cased ``\\w+`` words, or word n-grams with
   ``--ngram``), giving precision, recall and F1 per page and their means over pages.
   Folder layout: ``NAME.txt`` (page text) or ``NAME.html`` (page HTML), next to ``NAME.gold.txt`` (the true
   article text); an optional ``NAME.meta.json`` sidecar is honoured as in the pipeline.
       python -m pipelines.evaluation.cleaning PAIRS_DIR [--ngram N]
2. Against real pages in both input forms (``NAME/source.html``, ``NAME/expected.txt``, ``NAME/metadata.json``, as
   in ``../shared/realworld/readability``): the page as HTML, and the page as the plain text a reader copies
   (rendered with html-text). Token P/R/F1 of the cleaned body, micro over all tokens of the set (the headline)
   and the mean over pages, then title, author, site and publication-day accuracy against metadata.json; for
   HTML also trafilatura alone (default settings and favor_recall), the extractor our reading builds on.
       python -m pipelines.evaluation.cleaning --realworld FOLDER
3. Against the hand-annotated seeds (tests/gold/seeds.json): gold boilerplate lines removed, article lines
   wrongly removed, and title / authors / publisher right.
       python -m pipelines.evaluation.cleaning --seeds [CORPUS_DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import statistics
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.clean.article import clean
from pipelines.clean.lines import normalised
from pipelines.clean.datelines import parse_dateline
from pipelines.evaluation.gold import load_gold
from pipelines.ingest.files import discover, read_article, read_bytes
from pipelines.models import CleanArticle, IngestError, RawArticle, RemovedLine, SourceFile

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
    common_tokens: int = 0


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
        scores.append(pair_score(page.name, body, true, ngram))
    return scores


def pair_score(name: str, body: str, true: str, ngram: int = 1) -> PairScore:
    found, expected = tokens(body, ngram), tokens(true, ngram)
    return PairScore(name, *token_scores(body, true, ngram), sum(found.values()), sum(expected.values()),
                     sum((found & expected).values()))


def micro(scores: list[PairScore]) -> tuple[float, float, float]:
    """(precision, recall, F1) over all tokens of all pages together."""
    common = sum(s.common_tokens for s in scores)
    precision = common / max(sum(s.predicted_tokens for s in scores), 1)
    recall = common / max(sum(s.gold_tokens for s in scores), 1)
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def format_pair_scores(scores: list[PairScore]) -> str:
    width = max([len(s.name) for s in scores] + [len("mean")])
    rows = [f"{'page':<{width}}  precision  recall     F1  tokens  gold"]
    for s in scores:
        rows.append(f"{s.name:<{width}}  {s.precision:9.3f}  {s.recall:6.3f}  {s.f1:5.3f}  "
                    f"{s.predicted_tokens:6d}  {s.gold_tokens:4d}")
    if scores:
        mean = [statistics.fmean(getattr(s, f) for s in scores) for f in ("precision", "recall", "f1")]
        rows.append(f"{'mean':<{width}}  {mean[0]:9.3f}  {mean[1]:6.3f}  {mean[2]:5.3f}  ({len(scores)} pages)")
        rows.append(f"{'micro':<{width}}  {micro(scores)[0]:9.3f}  {micro(scores)[1]:6.3f}  {micro(scores)[2]:5.3f}"
                    "  (all tokens)")
    return "\n".join(rows)


# --- real pages, as HTML and as copied plain text ---------------------------------------------------------

REALWORLD = Path(__file__).resolve().parents[3] / "shared" / "realworld" / "readability"
FORMS = ("txt", "html")
_TITLE_PARTS = re.compile(r"\s+[|\-–—:·]+\s+")
_NOT_NAME_WORDS = frozenset("by and updated last published posted on at am pm".split())
_MONTH_WORD = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
WRITTEN_DAY = "day written"  # the day, on pages whose copied text writes it


# trafilatura on its own, as a user would call it, for comparison with our HTML reading: default settings, and the
# favor_recall setting our reader starts from.
TRAFILATURA_ALONE = {"trafilatura alone, default settings": {},
                     "trafilatura alone, favor_recall": {"favor_recall": True}}


@dataclass
class RealworldScore:
    form: str  # "txt" (the page copied as plain text) or "html"
    pages: list[PairScore] = field(default_factory=list)
    baselines: dict[str, list[PairScore]] = field(default_factory=dict)  # HTML: trafilatura alone, per setting
    right: Counter = field(default_factory=Counter)  # "title" / "author" / "site" / "day" -> pages right
    scored: Counter = field(default_factory=Counter)  # pages whose metadata.json gives that field
    field_errors: list[str] = field(default_factory=list)


def page_as_text(html: str) -> str:
    """The plain text a reader gets by copying the whole page: html-text renders it one block per line."""
    import html_text

    return html_text.extract_text(html)


def clean_page(html: str, form: str, name: str = "page") -> CleanArticle:
    """Cleans one page in the given input form, as the pipeline would."""
    from pipelines.ingest.html import read_html

    text, meta = (page_as_text(html), {}) if form == "txt" else read_html(html)
    return clean(RawArticle(source_path=f"{name}.{form}", content_sha256="", text=text, format=form,
                            encoding="utf-8", extracted_meta=meta))


def words(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def title_right(found: str | None, expected: str) -> bool:
    """Equal words, or equal to the other's headline without the site's name ("Headline | Site")."""
    def forms(title: str) -> set[str]:
        parts = [p for p in _TITLE_PARTS.split(title) if p]
        return {" ".join(words(title)), " ".join(words(max(parts, key=len, default="")))}
    return bool(found) and bool(forms(found) & forms(expected))


def byline_names(byline: str, site: str | None) -> set[str]:
    """The name words of a stated byline; none when it names no person (a date, the site's own name)."""
    if site and words(byline) == words(site):
        return set()
    return {w for w in words(byline) if len(w) > 1 and not w.isdigit() and w not in _NOT_NAME_WORDS
            and not _MONTH_WORD.match(w)}


def _site_key(name: str) -> str:
    key = "".join(words(re.sub(r"^https?://(?:www\.)?", "", name.strip().lower())))
    return re.sub(r"^the|com$", "", key)


def site_right(found: str | None, expected: str) -> bool:
    """The same name, case, spaces, "The" and a web address's trimmings aside, or one containing the other."""
    a, b = _site_key(found or ""), _site_key(expected)
    return bool(a) and bool(b) and (a in b or b in a)


def trafilatura_alone(html: str, **settings) -> str:
    """The main text trafilatura gives on its own (no metadata, comments or our cleaning)."""
    import trafilatura

    return trafilatura.extract(html, include_comments=False, **settings) or ""


def score_realworld_page(folder: Path, form: str, score: RealworldScore) -> None:
    html = (folder / "source.html").read_text(encoding="utf-8", errors="replace")
    article = clean_page(html, form, folder.name)
    expected = (folder / "expected.txt").read_text(encoding="utf-8")
    score.pages.append(pair_score(folder.name, article.body, expected))
    if form == "html":
        for label, settings in TRAFILATURA_ALONE.items():
            text = trafilatura_alone(html, **settings)
            score.baselines.setdefault(label, []).append(pair_score(folder.name, text, expected))
    truth = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    meta = article.metadata
    found_names = {w for author in meta.authors for w in words(author)}
    expected_names = byline_names(truth.get("byline") or "", truth.get("siteName"))
    day = truth.get("publishedTime") or ""

    def day_right() -> bool:
        return meta.published_precision == "day" and meta.published.isoformat() == day[:10]
    # The copied text can give the day only where it writes it: the days of pages that do are counted apart.
    written = form == "txt" and bool(_ISO_DAY.match(day)) and writes_day(page_as_text(html),
                                                                         dt.date.fromisoformat(day[:10]))
    checks = (("title", truth.get("title"), lambda: title_right(meta.title, truth["title"]), meta.title),
              ("author", expected_names, lambda: bool(found_names & expected_names), meta.authors),
              ("site", truth.get("siteName"), lambda: site_right(meta.publisher, truth["siteName"]), meta.publisher),
              ("day", _ISO_DAY.match(day), day_right, meta.published),
              (WRITTEN_DAY, written, day_right, None))
    for name, found, stated in tally(checks, score.right, score.scored):
        if name != WRITTEN_DAY:  # its mistakes are listed as the day's
            score.field_errors.append(f"{folder.name}: {name} {found!r} != {stated if name != 'day' else day!r}")


def tally(checks: Iterable[tuple], right: Counter, scored: Counter) -> list[tuple[str, object, object]]:
    """Counts each check (name, what the page states, whether it is right, what was found) that has something
    stated as scored, and as right when it holds; returns (name, found, stated) of the wrong ones."""
    wrong = []
    for name, stated, is_right, found in checks:
        if not stated:
            continue
        scored[name] += 1
        if is_right():
            right[name] += 1
        else:
            wrong.append((name, found, stated))
    return wrong


def writes_day(text: str, day: dt.date) -> bool:
    """Whether a text writes this day in one of the forms pages print ("September 17, 2015", "17 Sept. 2015",
    "9/17/15", "17.09.2015", "2015-09-17"), whichever comes first of day and month."""
    month = day.strftime("%B")
    name = rf"(?:{month}|{month[:3]}|{month[:4]})\.?"
    d, m, year = rf"0?{day.day}", rf"0?{day.month}", rf"(?:{day.year}|{day.year % 100:02d})"
    patterns = (rf"\b{name}\s+{d}(?:st|nd|rd|th)?,?\s+{day.year}\b",
                rf"\b{d}(?:st|nd|rd|th)?\s+{name},?\s+{day.year}\b",
                rf"(?<![\d/.]){m}([/.-]){d}\1{year}(?![\d/])", rf"(?<![\d/.]){d}([/.-]){m}\1{year}(?![\d/])",
                rf"\b{day.isoformat()}(?!\d)")
    return any(re.search(pattern, text, re.IGNORECASE) for pattern in patterns)


def score_realworld(folder: Path = REALWORLD, forms: Iterable[str] = FORMS) -> list[RealworldScore]:
    """Cleans every page of the folder in each input form and scores body and metadata."""
    pages = sorted(p for p in Path(folder).iterdir() if (p / "source.html").exists())
    scores = []
    for form in forms:
        score = RealworldScore(form)
        for page in pages:
            score_realworld_page(page, form, score)
        scores.append(score)
    return scores


def format_realworld(scores: list[RealworldScore], verbose: bool = False) -> str:
    rows = []
    for score in scores:
        precision, recall, f1 = micro(score.pages)
        mean = [statistics.fmean(getattr(s, f) for s in score.pages) for f in ("precision", "recall", "f1")]
        label = {"txt": "page copied as plain text", "html": "page as HTML"}[score.form]
        rows += [f"{label} ({len(score.pages)} pages)",
                 f"  body tokens, micro (all tokens)  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}",
                 f"  body tokens, mean over pages     P {mean[0]:.3f}  R {mean[1]:.3f}  F1 {mean[2]:.3f}",
                 "  " + "   ".join(f"{name}s right {score.right[name]}/{score.scored[name]}"
                                  for name in ("title", "author", "site", "day"))
                 + (f" ({score.right[WRITTEN_DAY]}/{score.scored[WRITTEN_DAY]} of the pages whose copied text writes"
                    " the day)" if score.form == "txt" else "")]
        for baseline, pages in score.baselines.items():
            precision, recall, f1 = micro(pages)
            rows.append(f"  {baseline}: body tokens, micro  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}")
        if verbose:
            rows += [f"    {s.name}: P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}" for s in score.pages]
            rows += [f"    {e}" for e in score.field_errors]
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
    parser.add_argument("--realworld", action="store_true",
                        help="score a folder of real pages (NAME/source.html, expected.txt, metadata.json) in both forms")
    parser.add_argument("--ngram", type=int, default=1, help="compare word n-grams instead of single words")
    parser.add_argument("-v", "--verbose", action="store_true", help="with --realworld: every page and every mistake")
    args = parser.parse_args(argv)
    if args.realworld:
        print(format_realworld(score_realworld(args.folder or REALWORLD), args.verbose))
        return 0
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
