"""Scores the quote extractor against the hand annotations: ``python -m pipelines.nlp.quote_scoring``.

A predicted quote matches a gold quote when it covers at least half of the gold span (gold spans are raw-file
offsets with the marks; they are mapped into the body first). Speakers are compared by canonical name:
``entity`` uses doc._.entities[speaker_entity].name (the contract), ``resolved`` uses the person the
resolver picked even when news_entities has no entity for it (the longest spaCy form of that surname).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.clean.article import clean
from pipelines.evaluation.gold import load_gold, raw_to_body
from pipelines.ingest.files import discover, read_article, read_bytes
from pipelines.nlp.pipeline import build_nlp, make_doc
from pipelines.nlp.quotes import FoundQuote, find_quotes

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
MIN_COVER = 0.5


@dataclass
class Prediction:
    start: int
    end: int
    kind: str
    has_speaker: bool
    entity_name: str | None  # doc._.entities[speaker_entity].name
    resolved_name: str | None  # the resolver's person, with or without an entity


@dataclass
class QuoteScores:
    gold_direct: int = 0
    found_direct: int = 0  # gold direct quotes covered by a predicted direct quote
    predicted_direct: int = 0
    correct_predicted_direct: int = 0
    speaker_entity_right: int = 0
    speaker_resolved_right: int = 0
    gold_partial: int = 0
    partial_entity_right: int = 0
    partial_resolved_right: int = 0
    scare_with_speaker: int = 0
    misses: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        ratio = lambda a, b: round(a / b, 3) if b else 0.0  # noqa: E731
        return {
            "direct_recall": ratio(self.found_direct, self.gold_direct),
            "direct_precision": ratio(self.correct_predicted_direct, self.predicted_direct),
            "direct_speaker_entity": ratio(self.speaker_entity_right, self.found_direct),
            "direct_speaker_resolved": ratio(self.speaker_resolved_right, self.found_direct),
            "partial_speaker_entity": ratio(self.partial_entity_right, self.gold_partial),
            "partial_speaker_resolved": ratio(self.partial_resolved_right, self.gold_partial),
            "scare_with_speaker": self.scare_with_speaker,
        }


def covers(prediction: Prediction, start: int, end: int) -> bool:
    overlap = min(prediction.end, end) - max(prediction.start, start)
    return overlap * 2 >= end - start > 0


def score_article(gold_quotes: list[dict], segments, predictions: list[Prediction], scores: QuoteScores,
                  name: str) -> None:
    gold_spans = [(g, raw_to_body(segments, g["start"], g["end"])) for g in gold_quotes]
    gold_spans = [(g, span) for g, span in gold_spans if span is not None]
    direct_gold = [span for g, span in gold_spans if g["kind"] == "direct"]
    for p in predictions:
        if p.kind == "direct":
            scores.predicted_direct += 1
            if any(covers(p, *span) for span in direct_gold):
                scores.correct_predicted_direct += 1
            else:
                scores.misses.append(f"{name}: extra direct at {p.start}")
    for g, (start, end) in gold_spans:
        matches = [p for p in predictions if covers(p, start, end)]
        if g["kind"] == "direct":
            scores.gold_direct += 1
            found = [p for p in matches if p.kind == "direct"]
            if not found:
                scores.misses.append(f"{name}: direct not found: {g['text'][:50]!r}")
                continue
            scores.found_direct += 1
            scores.speaker_entity_right += found[0].entity_name == g["speaker"]
            scores.speaker_resolved_right += found[0].resolved_name == g["speaker"]
            if found[0].resolved_name != g["speaker"]:
                scores.misses.append(f"{name}: speaker {found[0].resolved_name!r} != {g['speaker']!r}")
        elif g["kind"] == "partial":
            scores.gold_partial += 1
            entity_name = matches[0].entity_name if matches else "(not found)"
            resolved = matches[0].resolved_name if matches else "(not found)"
            scores.partial_entity_right += entity_name == g["speaker"]
            scores.partial_resolved_right += resolved == g["speaker"]
            if resolved != g["speaker"]:
                scores.misses.append(f"{name}: partial {g['text']!r}: {resolved!r} != {g['speaker']!r}")
        elif g["kind"] == "scare":
            scores.scare_with_speaker += any(p.has_speaker for p in matches)


def predictions_of(doc, found: list[FoundQuote], people) -> list[Prediction]:
    entities = doc._.entities or []
    preds = []
    for f, q in zip(found, doc._.quotes):
        preds.append(Prediction(
            q.start, q.end, q.kind, q.speaker_text is not None,
            entities[q.speaker_entity].name if q.speaker_entity is not None else None,
            people.full_name(f.person) if f.person else None,
        ))
    return preds


def score_seeds(nlp=None, corpus: Path = CORPUS) -> QuoteScores:
    nlp = nlp or build_nlp()
    gold = load_gold()
    scores = QuoteScores()
    for source in discover(corpus):
        annotations = gold.get(Path(source.source_path).name)
        if annotations is None:
            continue
        article = clean(read_article(source, read_bytes(source)))
        doc = nlp(make_doc(nlp, article))
        found, people = find_quotes(doc)
        score_article(annotations.get("quotes", []), article.segments, predictions_of(doc, found, people),
                      scores, source.source_path)
    return scores


def main() -> None:
    scores = score_seeds()
    for line in scores.misses:
        print(line, file=sys.stderr)
    for key, value in scores.figures().items():
        print(f"{key:26} {value}")


if __name__ == "__main__":
    main()
