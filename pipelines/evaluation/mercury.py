"""Scores metadata and the start of the story on the test pages of Mercury Parser, a second public set of real
pages from many outlets (beside ../shared/realworld/readability).

Mercury Parser (Postlight, MIT or Apache-2.0) tests a site-specific extractor per outlet against a saved page:
its title, author, publication time and the first 13 words of the story. The npm package of version 1.1.1 ships
those pages (``fixtures/``) and tests (``src/extractors/custom/*/index.test.js``); later versions do not:

    npm pack @postlight/mercury-parser@1.1.1 && tar xzf postlight-mercury-parser-1.1.1.tgz
    python -m pipelines eval-mercury package/

For each page and each input form (the HTML, and the plain text of the whole page as html-text renders it):
title right (as ``cleaning.title_right``), an author word right, the publication day right within a day (the
tests give UTC times, pages their local day), and the story found: the last 7 of its first 13 words in the body
(the first words are often a photo credit that cleaning drops). Expected values the tests state as code rather
than a string literal are skipped. Mercury's title is the headline the page shows; where a page states another
title for search engines, ours may be that one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.evaluation.cleaning import (
    FORMS,
    byline_names,
    clean_page,
    tally,
    title_right,
    words,
)

STORY_WORDS = 7
_FIXTURE = re.compile(r"readFileSync\(\s*'\./(fixtures/[^']+)'")
_STRING = r"""(['"`])((?:\\.|(?!\1).)*)\1"""


@dataclass(frozen=True)
class Case:
    outlet: str
    page: Path
    title: str | None
    author: str | None
    published: str | None
    first_words: str | None


@dataclass
class FormScore:
    form: str
    right: Counter = field(default_factory=Counter)
    scored: Counter = field(default_factory=Counter)
    mistakes: list[str] = field(default_factory=list)


def _expected(test: str, field_name: str) -> str | None:
    """The string literal a test compares a field with (``assert.equal(title, '...')``), or None."""
    match = re.search(rf"it\('returns the {field_name}'.*?assert\.equal\(\s*\w+,\s*{_STRING}\s*\)", test, re.DOTALL)
    return match.group(2).replace("\\'", "'") if match else None


def cases(package: Path) -> list[Case]:
    found = []
    for test_file in sorted(package.glob("src/extractors/custom/*/index.test.js")):
        test = test_file.read_text(encoding="utf-8")
        fixture = _FIXTURE.search(test)
        if fixture is None:
            continue
        first_words = re.search(rf"first13,\s*{_STRING}\s*\)", test, re.DOTALL)
        published = _expected(test, "date_published")
        found.append(Case(
            test_file.parent.name, package / fixture.group(1), _expected(test, "title"), _expected(test, "author"),
            published if published and re.match(r"\d{4}-\d\d-\d\dT", published) else None,
            first_words.group(2).replace("\\'", "'") if first_words else None,
        ))
    return found


def _story_found(body: str, first_words: str) -> bool:
    wanted, got = words(first_words)[-STORY_WORDS:], words(body)
    return any(got[i:i + len(wanted)] == wanted for i in range(len(got) - len(wanted) + 1))


def score_case(case: Case, form: str, score: FormScore) -> None:
    article = clean_page(case.page.read_text(encoding="utf-8", errors="replace"), form, case.outlet)
    meta = article.metadata
    author_words = byline_names(case.author or "", None)
    found_words = {w for author in meta.authors for w in words(author)}

    def day_right() -> bool:
        stated = dt.datetime.fromisoformat(case.published).date()
        return meta.published_precision == "day" and abs((meta.published - stated).days) <= 1

    checks = (("title", case.title, lambda: title_right(meta.title, case.title), meta.title),
              ("author", author_words, lambda: bool(found_words & author_words), meta.authors),
              ("day", case.published, day_right, meta.published),
              ("story", case.first_words, lambda: _story_found(article.body, case.first_words), article.body[:80]))
    for name, found, stated in tally(checks, score.right, score.scored):
        score.mistakes.append(f"{case.outlet}: {name} {found!r}, expected {stated!r}")


def score(package: Path, forms=FORMS) -> list[FormScore]:
    found = cases(package)
    scores = [FormScore(form) for form in forms]
    for case in found:
        for form_score in scores:
            score_case(case, form_score.form, form_score)
    return scores


def format_scores(scores: list[FormScore], verbose: bool = False) -> str:
    lines = []
    for s in scores:
        figures = "   ".join(f"{name} right {s.right[name]}/{s.scored[name]}" for name in s.scored)
        lines.append(f"page {'as HTML' if s.form == 'html' else 'copied as plain text'}: {figures}")
        if verbose:
            lines.extend(f"    {mistake}" for mistake in s.mistakes)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines eval-mercury", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("package", type=Path, help="the unpacked npm package (its fixtures/ and src/ folders)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every mistake")
    args = parser.parse_args(argv)
    if not (args.package / "fixtures").is_dir():
        parser.error(f"{args.package} holds no fixtures/ folder (see the instructions above)")
    print(format_scores(score(args.package), args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
