"""The quote extractor on the five seed articles against tests/gold/seeds.json (the issue's targets).
`make eval` reports the same figures through the warehouse; this checks them straight from the pipeline."""

from pathlib import Path

from pipelines.clean.article import clean
from pipelines.evaluation.gold import load_gold, raw_to_body
from pipelines.ingest.files import discover, read_article, read_bytes
from pipelines.nlp.pipeline import make_doc

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def covers(quote, start: int, end: int) -> bool:
    """A predicted quote counts when it covers at least half of the gold span."""
    return (min(quote.end, end) - max(quote.start, start)) * 2 >= end - start


def test_seed_quotes_meet_the_targets(nlp):
    gold = load_gold()
    direct_gold = direct_found = speaker_right = predicted_direct = true_direct = 0
    partial_gold = partial_right = scare_with_speaker = 0
    for source in discover(CORPUS):
        article = clean(read_article(source, read_bytes(source)))
        doc = nlp(make_doc(nlp, article))
        name = lambda q: doc._.entities[q.speaker_entity].name if q.speaker_entity is not None else None  # noqa: E731
        spans = [(g, raw_to_body(article.segments, g["start"], g["end"]))
                 for g in gold[Path(source.source_path).name]["quotes"]]
        direct_spans = [span for g, span in spans if g["kind"] == "direct"]
        for q in doc._.quotes:
            if q.kind == "direct":
                predicted_direct += 1
                true_direct += any(covers(q, *span) for span in direct_spans)
        for g, span in spans:
            matches = [q for q in doc._.quotes if covers(q, *span)]
            if g["kind"] == "direct":
                direct_gold += 1
                found = [q for q in matches if q.kind == "direct"]
                direct_found += bool(found)
                speaker_right += bool(found) and name(found[0]) == g["speaker"]
            elif g["kind"] == "partial":
                partial_gold += 1
                partial_right += bool(matches) and name(matches[0]) == g["speaker"]
            else:
                scare_with_speaker += any(q.speaker_text is not None for q in matches)
    assert direct_found / direct_gold >= 0.95
    assert true_direct / predicted_direct >= 0.95
    assert speaker_right / direct_found >= 0.90
    assert partial_right / partial_gold >= 0.80
    assert scare_with_speaker == 0
