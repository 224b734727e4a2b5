"""`make eval`: builds the seed warehouse with the real pipeline and scores what users would query.

Two warehouses are built from the annotated corpus (by default the bundled seeds): one exactly as shipped
(cleaning, metadata, publication dates from the text, quotes, people), and one with sidecars giving
publication dates the texts do not (date values, which need that anchor; for the seeds, article 004's day).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import tempfile
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.defs.resources import CorpusResource, WarehouseResource
from pipelines.evaluation.cleaning import SEED_CORPUS, SeedCleaningScore, format_seed_score, score_seeds
from pipelines.evaluation.gold import GOLD_FILE, load_gold, raw_to_body
from pipelines.evaluation.warehouse_articles import read_clean_articles
from pipelines.nlp.names import entity_key
from pipelines.warehouse.store import Warehouse

SIDECARS = GOLD_FILE.parent / "sidecars"
FLOORS = GOLD_FILE.parent / "floors.toml"


@dataclass
class Ratio:
    hit: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.hit += ok
        self.total += 1

    def __str__(self) -> str:
        return f"{self.hit}/{self.total} = {self.hit / self.total:.3f}" if self.total else "n/a"

    @property
    def share(self) -> float | None:
        return self.hit / self.total if self.total else None


@dataclass
class QuoteScores:
    direct_recall: Ratio = field(default_factory=Ratio)
    direct_precision: Ratio = field(default_factory=Ratio)
    direct_speaker: Ratio = field(default_factory=Ratio)
    partial_speaker: Ratio = field(default_factory=Ratio)  # gold partials with a named speaker
    partial_no_speaker: Ratio = field(default_factory=Ratio)  # gold partials with no speaker, left without
    scare_with_speaker: int = 0
    scare_total: int = 0
    mistakes: list[str] = field(default_factory=list)


def build(corpus: Path, warehouse: Path, sidecars: Iterable[Path] = ()) -> Warehouse:
    """Runs the real pipeline over a copy of the corpus (plus sidecars) into a fresh warehouse file."""
    from pipelines.definitions import materialize_all

    staging = warehouse.with_suffix(".corpus")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for path in [*sorted(corpus.glob("*.txt")), *sidecars]:
        shutil.copyfile(path, staging / path.name)  # contents only: the copies stay writable
    warehouse.unlink(missing_ok=True)
    result = materialize_all({"corpus": CorpusResource(corpus_dir=str(staging)),
                              "warehouse": WarehouseResource(path=str(warehouse))})
    assert result.success, "the pipeline run failed"
    return Warehouse(warehouse)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_quotes(wh: Warehouse, gold: dict[str, dict]) -> QuoteScores:
    scores = QuoteScores()
    articles = {a.source_path: a for a in read_clean_articles(wh)}
    for name, truth in gold.items():
        article = articles[name]
        article_id = wh.query("SELECT article_id FROM articles WHERE source_path = ?", [name])[0][0]
        # A speaker counts under the warehouse entity's name or under the name this article gives it, as people
        # do (score_people): "Mr. Obama said" in an article that never writes "Barack" is Obama's quote.
        predicted = wh.query("""
            SELECT q.start_char, q.end_char, q.kind, q.speaker_name, n.name FROM quotes q
            LEFT JOIN article_names n ON n.article_id = q.article_id AND n.article_key = q.speaker_key
            WHERE q.article_id = ? AND q.kind <> 'indirect' ORDER BY q.start_char""", [article_id])
        used_direct: set[int] = set()
        for q in truth["quotes"]:
            span = raw_to_body(article.segments, q["start"] + 1, q["end"] - 1)  # inside the marks
            best = None
            if span:
                cands = [(i, p) for i, p in enumerate(predicted) if _overlap(span, p[:2]) * 2 >= span[1] - span[0]]
                best = max(cands, key=lambda c: _overlap(span, c[1][:2]), default=None)
            found_kind, found_speaker = (best[1][2], best[1][3]) if best else (None, None)
            if best and q["speaker"] is not None and best[1][4] == q["speaker"]:
                found_speaker = q["speaker"]
            if q["kind"] == "direct":
                hit = best is not None and found_kind == "direct"
                scores.direct_recall.add(hit)
                if hit:
                    used_direct.add(best[0])
                    scores.direct_speaker.add(found_speaker == q["speaker"])
                    if found_speaker != q["speaker"]:
                        scores.mistakes.append(f"{name}: speaker {found_speaker!r} != {q['speaker']!r}: {q['text'][:50]}")
                else:
                    scores.mistakes.append(f"{name}: direct quote missed ({found_kind}): {q['text'][:60]}")
            elif q["kind"] == "partial":
                ratio = scores.partial_speaker if q["speaker"] else scores.partial_no_speaker
                ratio.add(best is not None and found_speaker == q["speaker"])
                if best is None or found_speaker != q["speaker"]:
                    scores.mistakes.append(f"{name}: partial {q['text'][:30]!r} speaker {found_speaker!r} "
                                           f"!= {q['speaker']!r}" + ("" if best else " (not found)"))
            elif q["kind"] == "scare":
                scores.scare_total += 1
                scores.scare_with_speaker += found_speaker is not None
                if found_speaker is not None:
                    scores.mistakes.append(f"{name}: scare quote {q['text'][:30]!r} given a speaker, {found_speaker!r}")
        gold_direct = [raw_to_body(article.segments, q["start"] + 1, q["end"] - 1)
                       for q in truth["quotes"] if q["kind"] == "direct"]
        for i, p in enumerate(predicted):
            if p[2] != "direct":
                continue
            ok = i in used_direct or any(g and _overlap(g, p[:2]) * 2 >= g[1] - g[0] for g in gold_direct)
            scores.direct_precision.add(ok)
            if not ok:
                scores.mistakes.append(f"{name}: extra direct quote: {article.body[p[0]:p[1]][:60]}")
    return scores


@dataclass
class PeopleScores:
    per_article: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # tp, fp, fn
    not_people_as_person: list[str] = field(default_factory=list)
    cross_article: dict[str, int] = field(default_factory=dict)  # person in >1 article -> entity rows
    mistakes: list[str] = field(default_factory=list)

    def prf(self, tp: int, fp: int, fn: int) -> str:
        return "P {:.3f}  R {:.3f}  F1 {:.3f}".format(*_prf(tp, fp, fn))

    def micro_f1(self) -> float:
        return _prf(*map(sum, zip(*self.per_article.values(), strict=True)))[2] if self.per_article else 0.0


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def score_people(wh: Warehouse, gold: dict[str, dict]) -> PeopleScores:
    """Each article's people against its gold names. A person counts under the name the article gives it or
    under the warehouse entity it is linked to: an article that says only "Obama" has found Obama when its
    name is linked to Barack Obama (whether people in several articles are one entity is scored apart)."""
    scores = PeopleScores()
    seen_in: dict[str, set[str]] = {}
    for name, truth in gold.items():
        rows = wh.query("""SELECT ae.name, e.name FROM article_entities ae JOIN articles a USING (article_id)
                           JOIN entities e USING (entity_id) WHERE a.source_path = ? AND e.label = 'PERSON'""",
                        [name])
        expected = {entity_key(n): n for n in truth["people"]}
        found: dict[str, str] = {}  # key of the gold name it stands for, or its own key -> name as written
        for article_name, entity_name in rows:
            keys = [entity_key(article_name), entity_key(entity_name)]
            found.setdefault(next((k for k in keys if k in expected and k not in found), keys[0]), article_name)
        tp = len(found.keys() & expected.keys())
        scores.per_article[name] = (tp, len(found.keys() - expected.keys()), len(expected.keys() - found.keys()))
        scores.mistakes += [f"{name}: extra person {found[k]!r}" for k in sorted(found.keys() - expected.keys())]
        scores.mistakes += [f"{name}: missed person {expected[k]!r}" for k in sorted(expected.keys() - found.keys())]
        found_keys = found.keys() | {entity_key(n) for row in rows for n in row}
        scores.not_people_as_person += [f"{name}: {n}" for n in truth.get("not_people", [])
                                        if entity_key(n) in found_keys]
        for person in truth["people"]:
            seen_in.setdefault(entity_key(person), set()).add(person)
    multi = [k for k, _ in seen_in.items()
             if sum(1 for t in gold.values() if k in {entity_key(p) for p in t["people"]}) > 1]
    for key in sorted(multi):
        spellings = sorted(seen_in[key])
        ids = wh.query("""SELECT count(DISTINCT e.entity_id) FROM entities e JOIN entity_aliases al USING (entity_id)
                          WHERE e.label = 'PERSON' AND al.alias IN (SELECT unnest(?))""", [spellings])
        scores.cross_article[" / ".join(spellings)] = ids[0][0]
    return scores


def score_dates(wh: Warehouse, gold: dict[str, dict]) -> tuple[Ratio, list[str]]:
    right, mistakes = Ratio(), []
    for name, truth in gold.items():
        predicted = wh.query("""SELECT d.text, d.value FROM date_mentions d JOIN articles a USING (article_id)
                                WHERE a.source_path = ? ORDER BY d.start_char""", [name])
        unused = list(predicted)
        for g in truth.get("dates", []):
            match = next((p for p in unused if g["text"].lower() in p[0].lower() or p[0].lower() in g["text"].lower()),
                         None)
            ok = match is not None and match[1] == g["value"]
            right.add(ok)
            if match is not None:
                unused.remove(match)
            if not ok:
                mistakes.append(f"{name}: {g['text']!r} -> {match[1] if match else 'not found'!r} != {g['value']!r}")
    return right, mistakes


def score_published(wh: Warehouse, gold: dict[str, dict]) -> list[str]:
    """Publication dates found in the text against the gold date: a coarser date that agrees (the year of a
    page that gives only "©2024") counts as right at its precision; a date where the gold has none is wrong."""
    lines = []
    for name, truth in gold.items():
        found = wh.query("SELECT published_date, published_precision FROM articles WHERE source_path = ?", [name])
        date, precision = (found[0][0], found[0][1]) if found else (None, None)
        expected = truth.get("published")
        width = {"day": 10, "month": 7, "year": 4}.get(precision, 10)
        if date is None:
            verdict = "right (none)" if expected is None else f"MISSED ({expected})"
        elif expected is None:
            verdict = "WRONG (gold has none)"
        else:
            verdict = "right" if date.isoformat()[:width] == expected[:width] else f"WRONG ({expected})"
        shown = date.isoformat()[:width] if date else "none"
        lines.append(f"  {name}: {shown} ({precision or '-'})  {verdict}")
    return lines


def figures(cleaning: SeedCleaningScore | None, published: list[str], q: QuoteScores, p: PeopleScores,
            dates: Ratio) -> dict[str, float | int | None]:
    """The figures the floors (tests/gold/floors.toml) hold: shares from 0 to 1 (None when nothing was
    annotated) and counts of mistakes."""
    n = cleaning.articles if cleaning else 0
    return {
        "boilerplate_recall": cleaning.boilerplate_recall if n else None,
        "titles_right": cleaning.right["title"] / n if n else None,
        "authors_right": cleaning.right["authors"] / n if n else None,
        "publishers_right": cleaning.right["publisher"] / n if n else None,
        "publication_dates_right": sum("  right" in line for line in published) / len(published) if published else None,
        "direct_quotes_recall": q.direct_recall.share,
        "direct_quotes_precision": q.direct_precision.share,
        "direct_quotes_exact_speaker": q.direct_speaker.share,
        "partial_quotes_right_speaker": q.partial_speaker.share,
        "partial_quotes_rightly_no_speaker": q.partial_no_speaker.share,
        "people_f1": p.micro_f1(),
        "date_values_right": dates.share,
        "lines_wrongly_removed": len(cleaning.wrongly_removed) if cleaning else 0,
        "scare_quotes_given_a_speaker": q.scare_with_speaker,
        "not_people_as_person": len(p.not_people_as_person),
        "people_split_across_entities": sum(1 for n in p.cross_article.values() if n != 1),
    }


def below_floors(found: dict[str, float | int | None], limits: dict) -> list[str]:
    """The figures that fall short of their floor or exceed their ceiling. Shares are compared as printed, to
    three decimals; a floor on a figure the set cannot measure (nothing annotated) counts as missed."""
    failures = []
    for name, floor in limits.get("floors", {}).items():
        value = found.get(name)
        if value is None or round(value, 3) < floor:
            failures.append(f"{name} = {'n/a' if value is None else f'{value:.3f}'}, below its floor {floor}")
    for name, ceiling in limits.get("ceilings", {}).items():
        if found[name] > ceiling:
            failures.append(f"{name} = {found[name]}, above its ceiling {ceiling}")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines eval", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=SEED_CORPUS, help="folder of the annotated articles")
    parser.add_argument("--gold", type=Path, default=GOLD_FILE, help="annotations, in the format of seeds.json")
    parser.add_argument("--sidecars", type=Path, default=SIDECARS,
                        help="sidecars for the date build (publication dates the texts do not give)")
    parser.add_argument("--floors", type=Path, default=FLOORS,
                        help="the least each figure may be, per gold file name (exit 1 when one falls short)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every mistake")
    args = parser.parse_args(argv)
    gold = load_gold(args.gold)
    out = Path(tempfile.mkdtemp(prefix=f"eval-{args.gold.stem}-"))  # private: several evaluations may run at once
    try:
        return _report(args, gold, out)
    finally:
        shutil.rmtree(out, ignore_errors=True)


def _report(args: argparse.Namespace, gold: dict[str, dict], out: Path) -> int:
    shipped = build(args.corpus, out / "shipped.duckdb")
    # A set scores only what it annotates: the real-page sets have no boilerplate, publication dates or dates.
    annotates = lambda key: any(key in truth for truth in gold.values())  # noqa: E731
    cleaning = score_seeds(read_clean_articles(shipped), gold) if annotates("boilerplate") else None
    published = score_published(shipped, gold) if annotates("published") else []
    sidecars = sorted(args.sidecars.glob("*.meta.json")) if args.sidecars.is_dir() else []
    anchored = build(args.corpus, out / "with_sidecars.duckdb", sidecars) if sidecars else shipped
    print(f"News Warehouse evaluation on {len(gold)} articles of {args.gold.name} ({dt.date.today().isoformat()})\n")
    if cleaning:
        print("Cleaning and metadata")
        print("\n".join("  " + line for line in format_seed_score(cleaning).splitlines()))
    if published:
        print("  publication dates from the text:")
        print("\n".join(published))
    q = score_quotes(shipped, gold)
    if any(truth.get("quotes") for truth in gold.values()):  # a set of people only has no quote figures
        print("\nQuotes")
        print(f"  direct quotes found (recall)       {q.direct_recall}")
        print(f"  direct quotes right (precision)    {q.direct_precision}")
        print(f"  direct quotes, exact speaker       {q.direct_speaker}")
        print(f"  partial quotes, right speaker      {q.partial_speaker}")
        print(f"  partial quotes, rightly no speaker {q.partial_no_speaker}")
        print(f"  scare quotes given a speaker       {q.scare_with_speaker}/{q.scare_total}")
    p = score_people(shipped, gold)
    print("\nPeople (PERSON entities per article)")
    for name, counts in p.per_article.items():
        print(f"  {name}  {p.prf(*counts)}")
    totals = tuple(map(sum, zip(*p.per_article.values())))
    print(f"  overall (micro)           {p.prf(*totals)}")
    # Names only with -v: `make eval` also scores the test sets, whose mistakes nobody may tune on.
    print(f"  not_people taken as PERSON  {len(p.not_people_as_person)}"
          + (f" {p.not_people_as_person}" if args.verbose and p.not_people_as_person else ""))
    print(f"  people split across entities  {sum(1 for n in p.cross_article.values() if n != 1)}")
    if args.verbose:
        print("  entities for people in more than one article (each should be 1):")
        for person, n in p.cross_article.items():
            print(f"    {person}: {n}")
    dates, date_mistakes = Ratio(), []
    if annotates("dates"):
        dates, date_mistakes = score_dates(anchored, gold)
        print("\nDates (values of the annotated expressions"
              + (", with the sidecars' publication dates)" if sidecars else ")"))
        print(f"  date values right  {dates}")
    if args.verbose:
        print("\nMistakes")
        for line in q.mistakes + p.mistakes + date_mistakes:
            print("  " + line)
    limits = tomllib.loads(args.floors.read_text(encoding="utf-8")).get(args.gold.stem) if args.floors.is_file() else None
    if limits is None:
        print(f"\nNo floors for {args.gold.stem} in {args.floors}: nothing to hold the figures to.")
        return 0
    failures = below_floors(figures(cleaning, published, q, p, dates), limits)
    print(f"\nFloors ({args.floors.name}, [{args.gold.stem}]): "
          + ("every figure holds." if not failures else f"{len(failures)} figure(s) fell short:"))
    for line in failures:
        print(f"  {line}")
    return 1 if failures else 0
