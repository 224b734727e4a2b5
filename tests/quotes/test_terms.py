"""Quoted terms, titles and short phrases in the writer's own sentence: never direct, and scare quotes get no
speaker unless a speech cue governs them (short texts of our own)."""

from __future__ import annotations

from helpers import marked, only, run, speaker_name


def test_short_term_with_comma_after_so_called_is_no_direct_quote(nlp):
    doc = run(nlp, "The agency published a study of so-called “dead zones,” stretches of sea without oxygen, "
                   "and said they were spreading along the coast.")
    q = only(marked(doc), "scare")
    assert q.text == "dead zones,"
    assert q.speaker_text is None


def test_short_term_after_a_naming_verb_is_partial_not_direct(nlp):
    doc = run(nlp, "Some coaches favour what they call “micro sessions,” short drills spread through the week.")
    assert [q.kind for q in marked(doc)] == ["partial"]
    assert marked(doc)[0].speaker_entity is None


def test_full_sentence_after_said_stays_direct(nlp):
    doc = run(nlp, "Mayor Ellen Ward said “we are going to rebuild every single house on this street,” and left.")
    q = only(marked(doc), "direct")
    assert speaker_name(doc, q) == "Ellen Ward"


def test_book_title_in_a_clause_coordinated_with_a_cue_gets_no_speaker(nlp):
    doc = run(nlp, "The reviewer Paul Stone called him “a master of the short form,” and his 1999 collection, "
                   "“Winter Roads,” sold half a million copies.")
    praise, title = marked(doc)
    assert praise.kind == "partial" and speaker_name(doc, praise) == "Paul Stone"
    assert title.kind == "scare" and title.speaker_text is None


def test_lowercase_quote_in_a_coordinated_clause_is_not_the_cue_s(nlp):
    doc = run(nlp, "Judge Rita Olsen praised the lawyers, and the defendant’s “sudden recovery” puzzled everyone.")
    q = only(marked(doc), "scare")
    assert q.speaker_text is None


def test_name_given_by_an_organisation_is_a_scare_quote(nlp):
    doc = run(nlp, "The union calls it the “Fair Shift Promise” and has printed it on banners.")
    q = only(marked(doc), "scare")
    assert q.speaker_text is None


def test_passive_cue_does_not_make_its_subject_the_speaker(nlp):
    doc = run(nlp, "Omar Haddad disliked being described as a “provincial” painter all his life.")
    q = only(marked(doc), "scare")
    assert q.speaker_text is None


def test_passive_cue_with_an_agent_quotes_the_agent(nlp):
    doc = run(nlp, "The plan was described by Senator Ana Ruiz as “a disaster for farmers in the valley.”")
    q = only(marked(doc), "partial")
    assert speaker_name(doc, q) == "Ana Ruiz"


def test_trailing_cue_needs_its_speaker_after_the_quote(nlp):
    doc = run(nlp, "The council spent the night on “traffic calming,” a set of measures for slower cars, and "
                   "said the vote would come in May.")
    q = only(marked(doc), "scare")
    assert q.speaker_text is None


def test_one_proper_noun_in_quotes_is_a_name_even_after_a_speech_verb(nlp):
    doc = run(nlp, "Until recently, Fernando Caudevilla answered questions on the marketplace “Evolution.”")
    q = only(marked(doc), "scare")
    assert q.speaker_text is None
    assert speaker_name(doc, marked(run(nlp, "“It is over,” Fernando Caudevilla said."))[0]) == "Fernando Caudevilla"


def test_a_word_named_as_a_word_is_no_ones_quote(nlp):
    doc = run(nlp, "Nadia Perez insisted that the poster, with the word “hope” under the portrait, had won the "
                   "campaign. “It changed everything,” she said.")
    word, said = marked(doc)
    assert word.kind == "scare" and word.speaker_text is None
    assert said.kind == "direct" and speaker_name(doc, said) == "Nadia Perez"


def test_a_headline_or_a_title_named_by_its_kind_gets_no_speaker(nlp):
    doc = run(nlp, "Campaign chairman Tom Reyes wrote an op-ed with the headline “Something is broken at the "
                   "agency,” calling its answer slow. His aide sent a memo titled “next steps for the team” on Friday.")
    headline, memo = marked(doc)
    assert headline.speaker_text is None and headline.kind != "direct"
    assert memo.speaker_text is None and memo.kind != "direct"
