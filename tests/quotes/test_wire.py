"""Attribution in the shapes of wire copy (Reuters, AP, AFP, BBC house styles): "quoted X as saying", verbs of
saying beyond "said", roles before names, pronouns after paragraph-level attributions, attributions in the
next paragraph, colon and dash introductions, spelling variants of a name. Short texts of our own."""

from __future__ import annotations

import pytest

from helpers import marked, only, run, speaker_name
from pipelines.nlp.verbs import BESIDE_QUOTE_VERBS, SPEECH_NOUNS, SPEECH_VERBS, THINKING_VERBS, VERBS_FILE


# --- "quoted X as saying" -----------------------------------------------------------------------------------

def test_agency_quoted_x_as_saying(nlp):
    doc = run(nlp, "Russia will not back down over the pipeline, a senior official said on Tuesday.\n"
                   "“We will not sell our stake at any price,” the RIA news agency quoted Deputy Energy Minister "
                   "Pavel Sorokin as saying.")
    q = only(marked(doc), "direct")
    assert speaker_name(doc, q) == "Pavel Sorokin"


def test_x_was_quoted_as_saying(nlp):
    doc = run(nlp, "Talks stalled again. “We will not sell,” Pavel Sorokin was quoted as saying by the agency.")
    q = only(marked(doc), "direct")
    assert speaker_name(doc, q) == "Pavel Sorokin"


def test_quoted_as_saying_that_is_reported_speech_of_the_quoted_person(nlp):
    doc = run(nlp, "The agency quoted Pavel Sorokin as saying that Russia would not sell its stake.")
    q = only(doc._.quotes, "indirect")
    assert q.text == "Russia would not sell its stake"
    assert speaker_name(doc, q) == "Pavel Sorokin"


# --- verbs of saying ---------------------------------------------------------------------------------------

def test_the_lexicon_is_broad_and_says_where_it_comes_from():
    assert len(SPEECH_VERBS | BESIDE_QUOTE_VERBS) >= 200
    assert "VerbNet" in VERBS_FILE.read_text(encoding="utf-8")
    assert {"enthuse", "claim", "state", "remark", "concede", "insist", "counter"} <= SPEECH_VERBS
    assert {"continue", "snap", "shrug"} <= BESIDE_QUOTE_VERBS
    assert {"statement", "reply"} <= SPEECH_NOUNS
    assert not (SPEECH_VERBS | BESIDE_QUOTE_VERBS) & THINKING_VERBS


@pytest.mark.parametrize("cue, lemma", [
    ("enthused", "enthuse"), ("remarked", "remark"), ("conceded", "concede"), ("insisted", "insist"),
    ("countered", "counter"), ("snapped", "snap"), ("continued", "continue"), ("shrugged", "shrug"),
])
def test_verbs_of_saying_beyond_said(nlp, cue, lemma):
    doc = run(nlp, f"Maria Costa spoke first. Peter Lang answered her.\n"
                   f"“The market is recovering faster than anyone expected,” {cue} Costa.")
    q = only(marked(doc), "direct")
    assert q.verb == lemma
    assert speaker_name(doc, q) == "Maria Costa"


def test_continued_after_a_quote_names_its_own_speaker(nlp):
    doc = run(nlp, "“It is far too early to celebrate,” cautioned Peter Lang, a trader.\n"
                   "Maria Costa disagreed. “We have seen false dawns before, but not like this,” Costa continued.")
    first, second = marked(doc)
    assert speaker_name(doc, first) == "Peter Lang"
    assert (second.verb, speaker_name(doc, second)) == ("continue", "Maria Costa")


def test_a_verb_said_only_beside_quotes_is_no_cue_elsewhere(nlp):
    doc = run(nlp, "Peter Lang runs the fund. Prices continued to climb toward “record” levels on Friday.")
    q = only(marked(doc), "scare")
    assert q.speaker_text is None
