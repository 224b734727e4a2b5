"""A trained line classifier for whole pages: which lines the seed rules kept are still not the story.

Copying a whole web page gives its menus, link lists, "related stories", comment threads and footers, in shapes
no list of patterns can know in advance. Each line is described by evidence that holds across sites (the
family of ideas behind jusText, boilerpipe and trafilatura): its length, sentence punctuation, stop-word
share, capitals; the same for its neighbours; how much running text surrounds it; the run of short lines it
stands in; whether it repeats on the page; where it stands relative to the headline, to the densest stretch of
running text and to a comment-thread marker. A gradient-boosted tree model (scikit-learn) turns that into the
probability that the line belongs to the article. ``line_model_training.py`` trains it from the data in
``line_model_data/``, reports its cross-validated scores and saves the trees as plain arrays (``model.npz``, no
pickled code), which ``TreeModel`` evaluates with numpy: scikit-learn is needed to train, not to clean.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache
from pathlib import Path

import numpy as np

from pipelines.clean.lines import Line

MODEL_FILE = Path(__file__).with_name("line_model_data") / "model.npz"
NEIGHBOUR_OFFSETS = (-2, -1, 1, 2)
NEIGHBOUR_FEATURES = 8  # the first columns of line_features, repeated for each neighbour
DENSITY_WINDOWS = (3, 10, 30)  # lines either side
MAX_TITLE_SEARCH = 400  # lines below the page title in which its headline copy is looked for
# A text this short is an article with a few lines of furniture, which the rules judge; the model, trained on
# whole pages (40 lines and more), is unsure there.
MIN_PAGE_LINES = 20
ROWS_PER_BLOCK = 1000
MAX_HEADER_LINES = 8  # lines from the headline to the first paragraph in an article's own header
MIN_MARKER_POSITION = 0.3  # a comment marker this early in the page is a link, not the start of a thread
MAX_MARKER_WORDS = 8
MAX_DATE_LINE_WORDS = 12
_TOKEN = re.compile(r"\w+")
_SEPARATORS = re.compile(r"[|·•»›]")
_WEB_ADDRESS = re.compile(r"@|https?:|www\.|\.com\b", re.IGNORECASE)
_INNER_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+[A-Z\"“]")
_COMMENT_MARKER = re.compile(r"\bcomments?\b|\brepl(?:y|ies)\b|\bresponses?\b|\bthoughts on\b|\bdiscussion\b",
                             re.IGNORECASE)
_DATE_OR_TIME = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b\d{1,2}:\d\d\b"
                           r"|\b\d+ (?:min|minute|hour|day|week|month|year)s? ago\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b",
                           re.IGNORECASE)
_TITLE_SEPARATOR = re.compile(r"\s[|\-–—:]\s")
MIN_TITLE_PART_WORDS = 3


def line_key(text: str) -> str:
    """Lines compare by their lower-cased words."""
    return " ".join(_TOKEN.findall(text.lower()))


def _shape(line: Line, removed_by_rule: bool) -> list[float]:
    """What one line looks like on its own. The first NEIGHBOUR_FEATURES entries also describe neighbours."""
    text = line.text
    words, chars, letters = len(line.words), len(text), sum(map(str.isalpha, text))
    return [math.log1p(words), math.log1p(chars), line.stop_share, line.capitalised_share,
            float(line.ends_like_sentence), float(line.is_sentence), float(line.is_paragraph), float(line.is_bullet),
            sum(map(str.isdigit, text)) / chars, sum(map(str.isupper, text)) / letters if letters else 0.0,
            math.log1p(len(_INNER_SENTENCE_END.findall(line.text))),
            line.text.count(",") / (words + 1),
            float(line.text[:1].islower()), float(line.text.endswith(":")),
            float(bool(_SEPARATORS.search(line.text))), float(removed_by_rule),
            sum(map(len, line.words)) / words if words else 0.0,
            float(bool(_WEB_ADDRESS.search(line.text)))]


def _signed_log_distance(index: np.ndarray, anchor: int) -> np.ndarray:
    return np.sign(index - anchor) * np.log1p(np.abs(index - anchor))


def _densest_stretch(scores: np.ndarray) -> tuple[int, int]:
    """First and last index of the stretch with the highest sum (Kadane's maximum subarray)."""
    best, current, start, best_start, best_end = -math.inf, 0.0, 0, 0, -1
    for i, value in enumerate(scores):
        if current <= 0:
            current, start = value, i
        else:
            current += value
        if current > best:
            best, best_start, best_end = current, start, i
    return best_start, best_end


def _windowed_share(part: np.ndarray, whole: np.ndarray, window: int) -> np.ndarray:
    """sum(part) / sum(whole) over the lines within ``window`` of each line."""
    n = len(part)
    part_sums, whole_sums = np.concatenate([[0], np.cumsum(part)]), np.concatenate([[0], np.cumsum(whole)])
    low, high = np.clip(np.arange(n) - window, 0, n), np.clip(np.arange(n) + window + 1, 0, n)
    return (part_sums[high] - part_sums[low]) / np.maximum(whole_sums[high] - whole_sums[low], 1)


def _run_lengths(short: np.ndarray) -> np.ndarray:
    """For each line, log of the length of the run of short (or of long) lines it stands in; negative for long."""
    out = np.zeros(len(short))
    i = 0
    while i < len(short):
        j = i
        while j < len(short) and short[j] == short[i]:
            j += 1
        out[i:j] = math.log1p(j - i) * (1 if short[i] else -1)
        i = j
    return out


def _headline_index(lines: list[Line]) -> int:
    """Where the page's title (its first line when the page was copied whole) appears again as the headline;
    0 when it does not."""
    first = lines[0].text
    copies = {line_key(first)} | {line_key(part) for part in _TITLE_SEPARATOR.split(first)
                              if len(line_key(part).split()) >= MIN_TITLE_PART_WORDS}
    return next((i for i in range(1, min(len(lines), MAX_TITLE_SEARCH)) if line_key(lines[i].text) in copies), 0)


def line_features(lines: list[Line], reasons: dict[int, str]) -> np.ndarray:
    """One row of features per line; ``reasons`` are the seed rules' removals."""
    n = len(lines)
    shapes = np.array([_shape(line, line.no in reasons) for line in lines])
    running = np.array([float(line.is_sentence and line.no not in reasons) for line in lines])
    words = np.array([len(line.words) for line in lines], dtype=float)
    index = np.arange(n)
    columns = [shapes]
    for offset in NEIGHBOUR_OFFSETS:
        shifted = np.zeros((n, NEIGHBOUR_FEATURES))
        if offset < 0:
            shifted[-offset:] = shapes[:offset, :NEIGHBOUR_FEATURES]
        else:
            shifted[:-offset] = shapes[offset:, :NEIGHBOUR_FEATURES]
        columns.append(shifted)
    for window in DENSITY_WINDOWS:
        columns.append(_windowed_share(running * words, words, window)[:, None])
        columns.append(_windowed_share(running, np.ones(n), window)[:, None])
    columns.append(_run_lengths(np.array([not line.is_sentence for line in lines]))[:, None])
    columns.append((index / max(n - 1, 1))[:, None])
    # The densest stretch of running text: sentence lines count their words, every other line a small cost.
    start, end = _densest_stretch(np.where(running > 0, words, -np.maximum(words, 3) * 0.5 - 2))
    columns += [((index >= start) & (index <= end)).astype(float)[:, None],
                _signed_log_distance(index, start)[:, None], _signed_log_distance(index, end)[:, None],
                np.full((n, 1), words[start:end + 1].sum() / (words.sum() + 1))]
    counts = Counter(line_key(line.text) for line in lines)
    columns.append(np.array([math.log(counts[line_key(line.text)]) for line in lines])[:, None])
    marker = next((i for i, line in enumerate(lines) if i > n * MIN_MARKER_POSITION
                   and len(line.words) <= MAX_MARKER_WORDS and _COMMENT_MARKER.search(line.text)), n)
    columns.append(np.sign(index - marker)[:, None].astype(float))
    columns.append(np.array([float(bool(_DATE_OR_TIME.search(line.text)) and len(line.words) <= MAX_DATE_LINE_WORDS)
                             for line in lines])[:, None])
    columns.append(_signed_log_distance(index, _headline_index(lines))[:, None])
    return np.hstack(columns)


class TreeModel:
    """A binary gradient-boosted tree ensemble as arrays: every tree's nodes laid end to end (child indices are
    global), the index of each tree's root, the starting score and the decision threshold."""

    FIELDS = ("feature", "cut", "left", "right", "is_leaf", "value", "missing_left", "roots", "baseline", "threshold")

    def __init__(self, arrays: dict[str, np.ndarray]) -> None:
        for name in self.FIELDS:
            setattr(self, name, np.asarray(arrays[name]))

    @classmethod
    def load(cls, path: Path) -> TreeModel:
        with np.load(path, allow_pickle=False) as arrays:
            return cls(dict(arrays))

    def save(self, path: Path) -> None:
        with path.open("wb") as file:
            np.savez_compressed(file, **{name: getattr(self, name) for name in self.FIELDS})

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """P(article text) for each row; rows go in blocks so that a huge page needs bounded memory."""
        blocks = [self._block_probabilities(features[i:i + ROWS_PER_BLOCK])
                  for i in range(0, len(features), ROWS_PER_BLOCK)]
        return np.concatenate(blocks) if blocks else np.zeros(0)

    def _block_probabilities(self, features: np.ndarray) -> np.ndarray:
        """Every row walks down all trees at once."""
        rows = np.arange(len(features))[None, :]
        node = np.repeat(self.roots[:, None], len(features), axis=1)
        while not self.is_leaf[node].all():
            values = features[rows, self.feature[node]]
            left = np.where(np.isnan(values), self.missing_left[node], values <= self.cut[node])
            node = np.where(self.is_leaf[node], node, np.where(left, self.left[node], self.right[node]))
        raw = float(self.baseline) + self.value[node].sum(axis=0)
        return 1.0 / (1.0 + np.exp(-raw))


@cache
def _model() -> TreeModel:
    return TreeModel.load(MODEL_FILE)


def _story_header(lines: list[Line], reasons: dict[int, str]) -> set[int]:
    """The lines from below the headline the rules found to the first paragraph, when that is only a few lines (a
    stand-first, an author's role): the rules have judged an article's own header, the model is for pages."""
    title = max((i for i, line in enumerate(lines) if reasons.get(line.no) == "title"), default=None)
    if title is None:
        return set()
    first = next((i for i in range(title + 1, len(lines)) if lines[i].no not in reasons and lines[i].is_paragraph),
                 len(lines))
    return {line.no for line in lines[title + 1:first + 1]} if first - title <= MAX_HEADER_LINES else set()


def off_story(lines: list[Line], reasons: dict[int, str], probabilities: np.ndarray, threshold: float) -> set[int]:
    """The lines the rules kept whose probability of being article text is under ``threshold``."""
    if len(lines) < MIN_PAGE_LINES:
        return set()
    header = _story_header(lines, reasons)
    return {line.no for line, p in zip(lines, probabilities)
            if p < threshold and line.no not in reasons and line.no not in header}


def off_story_lines(lines: list[Line], reasons: dict[int, str]) -> set[int]:
    """The line numbers, among those the rules kept, that the model says are not the article."""
    if len(lines) < MIN_PAGE_LINES:
        return set()
    model = _model()
    return off_story(lines, reasons, model.probabilities(line_features(lines, reasons)), float(model.threshold))
