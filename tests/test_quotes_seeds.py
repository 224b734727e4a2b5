"""The quote extractor on the five seed articles against tests/gold/seeds.json (the issue's targets)."""

from pipelines.nlp.quote_scoring import score_seeds


def test_seed_quotes_meet_the_targets(nlp):
    figures = score_seeds(nlp).figures()
    assert figures["direct_recall"] >= 0.95, figures
    assert figures["direct_precision"] >= 0.95, figures
    assert figures["direct_speaker_entity"] >= 0.90, figures
    assert figures["partial_speaker_entity"] >= 0.80, figures
    assert figures["scare_with_speaker"] == 0, figures
