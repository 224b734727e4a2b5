"""Trains the line model (line_model.py) and reports how well it does on pages it has not seen.

Training data, all in the repository:
- ``line_model_data/realworld_pages.json.gz``: real pages from many outlets copied whole as plain text (rendered
  from their HTML with html-text, as a reader's page copy) with their true article text. A line is article text
  when its words are a line of the true text, or (four words or more) a stretch of it.
  ``--render DIR`` rebuilds the file from a folder of NAME/source.html + NAME/expected.txt
  (``../shared/realworld/readability``).
- the annotated seeds and the dev gold set (``corpus/``, ``tests/gold/heldout/``): every line the rules keep is
  article text unless the gold lists it as boilerplate. The test gold set (``tests/gold/heldout2/``) stays out,
  so that it still measures unseen text.

    python -m pipelines.clean.line_model_training            # cross-validated report, then trains and saves
    python -m pipelines.clean.line_model_training --render ../shared/realworld/readability

The report gives token precision/recall/F1 of the cleaned pages (rules, then the model), micro over all tokens
and the mean over pages, cross-validated by page (no page is scored by a model that saw it: the estimate for
unseen outlets) and in-sample, and the gold lines the model would wrongly remove.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import GroupKFold

from pipelines.clean.boilerplate import classify
from pipelines.clean.line_model import MODEL_FILE, TreeModel, line_features, line_key, off_story
from pipelines.clean.lines import Line, split_lines
from pipelines.evaluation.cleaning import micro, pair_score
from pipelines.evaluation.gold import load_gold

ROOT = Path(__file__).resolve().parents[2]
PAGES_FILE = MODEL_FILE.with_name("realworld_pages.json.gz")
GOLD_SETS = ((ROOT / "corpus", ROOT / "tests" / "gold" / "seeds.json"),
             (ROOT / "tests" / "gold" / "heldout" / "corpus", ROOT / "tests" / "gold" / "heldout" / "heldout.json"))
THRESHOLD = 0.5
FOLDS = 10
MIN_STRETCH_WORDS = 4


@dataclass
class Page:
    name: str
    lines: list[Line]
    reasons: dict[int, str]  # the seed rules' removals
    labels: np.ndarray  # 1 = article text
    true_text: str | None  # for token scores; None for gold-set articles (scored by line)


def render_pages(folder: Path) -> list[dict]:
    import html_text

    pages = []
    for page in sorted(p for p in folder.iterdir() if (p / "source.html").exists()):
        html = (page / "source.html").read_text(encoding="utf-8", errors="replace")
        pages.append({"name": page.name, "text": html_text.extract_text(html),
                      "expected": (page / "expected.txt").read_text(encoding="utf-8")})
    return pages


def _page_labels(lines: list[Line], true_text: str) -> np.ndarray:
    true_lines = [line_key(line) for line in true_text.split("\n") if line_key(line)]
    whole = f" {' '.join(true_lines)} "
    known = set(true_lines)
    return np.array([int(bool(key := line_key(line.text)) and (key in known or (
        len(key.split()) >= MIN_STRETCH_WORDS and f" {key} " in whole))) for line in lines])


def load_pages() -> list[Page]:
    pages = []
    for record in json.loads(gzip.decompress(PAGES_FILE.read_bytes())):
        lines = split_lines(record["text"])
        pages.append(Page(record["name"], lines, classify(lines, line_model=False).reasons, _page_labels(lines, record["expected"]),
                          record["expected"]))
    for corpus, gold_file in GOLD_SETS:
        for name, truth in load_gold(gold_file).items():
            lines = split_lines((corpus / name).read_text(encoding="utf-8"))
            reasons = classify(lines, line_model=False).reasons
            boilerplate = {b.strip() for b in truth.get("boilerplate", [])}
            labels = np.array([int(line.no not in reasons and line.text not in boilerplate) for line in lines])
            pages.append(Page(f"{gold_file.stem}/{name}", lines, reasons, labels, None))
    return pages


def _fit(features: np.ndarray, labels: np.ndarray) -> HistGradientBoostingClassifier:
    classifier = HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05, max_leaf_nodes=15,
                                                min_samples_leaf=40, early_stopping=False, random_state=0)
    return classifier.fit(features, labels)


def as_arrays(model: HistGradientBoostingClassifier) -> TreeModel:
    """The fitted trees as plain arrays (see TreeModel), nodes of all trees end to end."""
    nodes = [predictors[0].nodes for predictors in model._predictors]
    offsets = np.cumsum([0] + [len(n) for n in nodes[:-1]])
    every = np.concatenate(nodes)
    shift = np.repeat(offsets, [len(n) for n in nodes])
    return TreeModel({"feature": every["feature_idx"].astype(np.int64), "cut": every["num_threshold"],
                      "left": every["left"].astype(np.int64) + shift, "right": every["right"].astype(np.int64) + shift,
                      "is_leaf": every["is_leaf"].astype(bool), "value": every["value"],
                      "missing_left": every["missing_go_to_left"].astype(bool), "roots": offsets.astype(np.int64),
                      "baseline": np.float64(model._baseline_prediction.ravel()[0]),
                      "threshold": np.float64(THRESHOLD)})


def report(pages: list[Page], probabilities: list[np.ndarray], label: str) -> str:
    """Token P/R/F1 of the real pages (micro and mean per page) and gold lines wrongly removed."""
    scores, wrong = [], []
    for page, p in zip(pages, probabilities):
        removed = off_story(page.lines, page.reasons, p, THRESHOLD)
        keep = [line.no not in page.reasons and line.no not in removed for line in page.lines]
        if page.true_text is None:
            wrong += [f"{page.name}: {line.text[:70]}" for line, k, y in zip(page.lines, keep, page.labels) if y and not k]
        else:
            body = "\n".join(line.text for line, k in zip(page.lines, keep) if k)
            scores.append(pair_score(page.name, body, page.true_text))
    precision, recall, f1 = micro(scores)
    rows = [f"{label}: micro P {precision:.3f} R {recall:.3f} F1 {f1:.3f}; mean F1 over {len(scores)} pages "
            f"{statistics.fmean(s.f1 for s in scores):.3f}; gold article lines removed {len(wrong)}"]
    return "\n".join(rows + [f"    {w}" for w in wrong])


def cross_validated(pages: list[Page], features: list[np.ndarray]) -> list[np.ndarray]:
    """Each page's probabilities from a model trained on the other pages' folds only."""
    out: list[np.ndarray] = [np.zeros(0)] * len(pages)
    for train, test in GroupKFold(FOLDS).split(np.zeros(len(pages)), groups=np.arange(len(pages))):
        model = _fit(np.vstack([features[i] for i in train]), np.concatenate([pages[i].labels for i in train]))
        for i in test:
            out[i] = model.predict_proba(features[i])[:, 1]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines.clean.line_model_training", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--render", type=Path, help="rebuild the real-page data from this folder first")
    parser.add_argument("--no-cv", action="store_true", help="train only, without the cross-validated report")
    args = parser.parse_args(argv)
    if args.render:
        PAGES_FILE.write_bytes(gzip.compress(json.dumps(render_pages(args.render)).encode(), mtime=0))
    pages = load_pages()
    features = [line_features(page.lines, page.reasons) for page in pages]
    if not args.no_cv:
        print(report(pages, cross_validated(pages, features), f"cross-validated by page ({FOLDS} folds)"))
    model = _fit(np.vstack(features), np.concatenate([page.labels for page in pages]))
    print(report(pages, [model.predict_proba(f)[:, 1] for f in features], "in-sample"))
    trees = as_arrays(model)
    everything = np.vstack(features)
    assert np.allclose(trees.probabilities(everything), model.predict_proba(everything)[:, 1]), "export differs"
    trees.save(MODEL_FILE)
    print(f"model written to {MODEL_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
