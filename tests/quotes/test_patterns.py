"""news_quotes on short texts of our own: every attribution pattern, the kinds, and odd quotation marks."""

from __future__ import annotations

import pytest

from helpers import marked, only, run, speaker_name
from pipelines.nlp.quotes.marks import find_quoted_spans
from pipelines.nlp.verbs import SPEECH_VERBS, THINKING_VERBS


# --- attribution patterns ---------------------------------------------------------------------------------

def test_quote_then_name_said(nlp):
    doc = run(nlp, "The council met on Monday.\n“The budget is balanced and the city is in good shape,” "
                   "Mayor John Carter said.")
    q = only(marked(doc), "direct")
    assert q.text == "The budget is balanced and the city is in good shape,"
    assert q.verb == "say"
    assert "John Carter" in q.speaker_text
    assert speaker_name(doc, q) == "John Carter"


def test_said_name_with_apposition(nlp):
    doc = run(nlp, "“We expect interest rates to fall next year,” said Anna Berg, a fellow at the Kiel Institute.")
    q = only(marked(doc), "direct")
    assert q.speaker_text == "Anna Berg"
    assert speaker_name(doc, q) == "Anna Berg"


def test_colon_introduction(nlp):
    doc = run(nlp, "Peter Novak, the plant manager, said: “The factory will reopen in March.”")
    q = only(marked(doc), "direct")
    assert q.text == "The factory will reopen in March."
    assert speaker_name(doc, q) == "Peter Novak"
    assert q.verb == "say"


def test_colon_introduction_in_previous_paragraph(nlp):
    doc = run(nlp, "The plant has been closed since May. Peter Novak, the plant manager, told staff:\n"
                   "“The factory will reopen in March.”")
    q = only(marked(doc), "direct")
    assert speaker_name(doc, q) == "Peter Novak"
    assert q.verb == "tell"


def test_dash_attribution(nlp):
    doc = run(nlp, "Prices rose again in May.\n“We will not back down from this fight for fair wages,” – Maria Lopez")
    q = only(marked(doc), "direct")
    assert q.verb == "-"
    assert q.speaker_text == "Maria Lopez"


def test_pronoun_speaker_resolves_to_the_person(nlp):
    doc = run(nlp, "Lena Fischer, an economist at the central bank, spoke after the meeting.\n"
                   "“Inflation is falling faster than Olaf Weber expected,” she added.")
    q = only(marked(doc), "direct")
    assert q.speaker_text == "she"
    assert q.verb == "add"
    # Olaf Weber is named inside the quote: never an antecedent
    assert speaker_name(doc, q) == "Lena Fischer"


def test_pronoun_follows_the_previous_speaker_not_the_last_name(nlp):
    doc = run(nlp, "Daniel Moss told the committee that the treaty would hold when he met Carlos Vega in June.\n"
                   "“Nobody wants this agreement to collapse now,” he said.")
    q = only(marked(doc), "direct")
    assert speaker_name(doc, q) == "Daniel Moss"


def test_unattributed_paragraph_continues_the_previous_speaker(nlp):
    doc = run(nlp, "“The reform is long overdue and we will pass it,” said Maria Lopez.\n"
                   "“And the opposition knows that it cannot stop us.”")
    first, second = marked(doc)
    assert second.kind == "direct"
    assert speaker_name(doc, second) == speaker_name(doc, first) == "Maria Lopez"


def test_a_show_title_in_quotes_between_two_quotes_does_not_break_the_continuation(nlp):
    doc = run(nlp, "“The budget is a mess,” Ann Pike, the state treasurer, said Monday on NBC’s “Meet the Press.” "
                   "“We will have to cut spending in every department next year.”")
    first, title, second = marked(doc)
    assert (first.kind, title.kind, second.kind) == ("direct", "scare", "direct")
    assert speaker_name(doc, second) == speaker_name(doc, first) == "Ann Pike"


def test_quote_running_on_into_the_next_paragraph(nlp):
    doc = run(nlp, "“The first part of the statement covers the budget and runs on\n"
                   "“The second part closes it and names the new targets,” said Omar Haddad.")
    first, second = marked(doc)
    assert first.text == "The first part of the statement covers the budget and runs on"
    assert first.kind == second.kind == "direct"
    assert speaker_name(doc, first) == speaker_name(doc, second) == "Omar Haddad"


def test_two_quotes_around_one_attribution(nlp):
    doc = run(nlp, "“The situation is still very dangerous,” Ivan Petrov said. “Nobody should expect a quick deal.”")
    first, second = marked(doc)
    assert speaker_name(doc, first) == speaker_name(doc, second) == "Ivan Petrov"


def test_said_comma_introduction_and_a_quote_split_by_its_attribution(nlp):
    doc = run(nlp, "Polls closed at eight. “We will win,” Mary Smith said, “and we will govern for everyone.”")
    first, second = marked(doc)
    assert first.kind == second.kind == "direct"
    assert second.text == "and we will govern for everyone."
    assert speaker_name(doc, first) == speaker_name(doc, second) == "Mary Smith"


def test_short_question_with_attribution_is_direct(nlp):
    doc = run(nlp, "Polls closed at eight. “Why now?” asked Linda Jones.")
    q = only(marked(doc), "direct")
    assert (q.verb, speaker_name(doc, q)) == ("ask", "Linda Jones")


def test_group_pronoun_gets_no_person(nlp):
    doc = run(nlp, "Maria Lopez left early. “We have done nothing wrong,” they said in a statement.")
    q = only(marked(doc), "direct")
    assert q.speaker_text == "they"
    assert q.speaker_entity is None


def test_according_to(nlp):
    doc = run(nlp, "The economy will shrink next year, according to Victor Lam, an analyst at the bank.")
    q = only(doc._.quotes, "indirect")
    assert q.verb == "according to"
    assert q.text == "The economy will shrink next year"
    assert speaker_name(doc, q) == "Victor Lam"


def test_told_reporters(nlp):
    doc = run(nlp, "Prime Minister Karen Holt told reporters that the trade deal was close.")
    q = only(doc._.quotes, "indirect")
    assert (q.verb, q.text) == ("tell", "the trade deal was close")
    assert speaker_name(doc, q) == "Karen Holt"


def test_wrote_in_a_letter(nlp):
    doc = run(nlp, "“We are leaving the market for good,” Thomas Meyer wrote in a letter to staff.")
    q = only(marked(doc), "direct")
    assert q.verb == "write"
    assert speaker_name(doc, q) == "Thomas Meyer"


def test_noted_that_is_indirect(nlp):
    doc = run(nlp, "Ryu Chen noted that the rivalry kept Washington busy in the region.")
    q = only(doc._.quotes, "indirect")
    assert q.text == "the rivalry kept Washington busy in the region"
    assert q.verb == "note"


def test_thinking_is_not_speech(nlp):
    doc = run(nlp, "Ryu Chen believes that the rivalry kept Washington busy in the region. "
                   "Ryu Chen said that the talks would resume.")
    assert [q.text for q in doc._.quotes] == ["the talks would resume"]
    assert not SPEECH_VERBS & THINKING_VERBS


def test_unnamed_source_keeps_its_words_without_a_person(nlp):
    doc = run(nlp, "A senior official told reporters that the talks had failed.")
    q = only(doc._.quotes, "indirect")
    assert q.speaker_text == "A senior official"
    assert q.speaker_entity is None


# --- kinds -------------------------------------------------------------------------------------------------

def test_partial_quote_takes_the_reporting_person(nlp):
    doc = run(nlp, "Senator Ana Ruiz said the bill was a “disaster” for farmers in the valley.")
    q = only(marked(doc), "partial")
    assert q.text == "disaster"
    assert speaker_name(doc, q) == "Ana Ruiz"


def test_partial_quote_of_a_place_has_no_person(nlp):
    doc = run(nlp, "At the summit, Beijing pledged to be the region’s “stabiliser” while opposing new blocs.")
    q = only(marked(doc), "partial")
    assert q.speaker_text == "Beijing"
    assert q.speaker_entity is None


def test_scare_quote_gets_no_speaker(nlp):
    doc = run(nlp, "Maria Lopez arrived late. The so-called “friends” of the regime met again in the capital.")
    q = only(marked(doc), "scare")
    assert q.text == "friends"
    assert q.speaker_text is None and q.speaker_entity is None


# --- marks -------------------------------------------------------------------------------------------------

def test_apostrophes_are_not_quotation_marks(nlp):
    text = ("The firm’s chief said the ’90s were hard, the workers’ pay didn’t rise and the US's share fell. "
            "She called it a ‘lost decade’ for everyone.")
    doc = run(nlp, text)
    assert [q.text for q in marked(doc)] == ["lost decade"]


@pytest.mark.parametrize("text, expected", [
    ('He said "we will win" and left.', ["we will win"]),
    ("Critics called it a 'no-limit' partnership, but the allies' view differs.", ["no-limit"]),
    ("«The vote is ours,» said Jean Dupont.", ["The vote is ours,"]),
    ("“Outer ‘inner’ words,” she said.", ["Outer ‘inner’ words,"]),
    ("The “deal was announced on Monday.", []),
    ("Rock ’n’ roll in the ’60s, rock 'n' roll in the '70s.", []),
    # a plural possessive inside a single-quoted quotation does not close it ...
    ("‘The workers’ union will not back down,’ said Maria Lopez.", ["The workers’ union will not back down,"]),
    ("'The members' vote was clear,' said Tom Hale.", ["The members' vote was clear,"]),
    # ... but a scare-quoted plural still closes, with or without a quotation after it
    ("The ‘reforms’ were criticised, and the ‘experts’ said so.", ["reforms", "experts"]),
    ("The ‘reforms’ were criticised as ‘too little, too late,’ critics said.", ["reforms", "too little, too late,"]),
])
def test_marks_pairing(text, expected):
    assert [text[s.start:s.end] for s in find_quoted_spans(text)] == expected


def test_odd_marks_do_not_break_the_document(nlp):
    text = "A stray ” mark and a lone “ one.\n“This quote is fine and complete,” said Maria Lopez."
    doc = run(nlp, text)
    assert [q.text for q in marked(doc)] == ["This quote is fine and complete,"]


def test_a_quote_inside_the_speaker_s_own_description_is_not_their_words(nlp):
    doc = run(nlp, "Tom Ruiz, known as “the Professor” to his teammates, said he would retire in May.")
    q = only(marked(doc), "scare")
    assert q.speaker_text is None


@pytest.mark.parametrize("text", [
    "The president spoke in Washington.\n''It's about me, and it's about our progress,'' Mr. Obama said.",
    "The president spoke in Washington.\n``It's about me, and it's about our progress,'' Mr. Obama said.",
])
def test_doubled_marks_of_archive_and_typewriter_copy_are_quotation_marks(nlp, text):
    doc = run(nlp, text)
    q = only(marked(doc), "direct")
    assert q.text == "It's about me, and it's about our progress,"
    assert speaker_name(doc, q) == "Obama"


def test_a_doubled_mark_after_a_digit_is_inches_not_a_quotation_mark(nlp):
    doc = run(nlp, "“The new center is 6'11'' and he can shoot from anywhere,” coach Maria Lopez said.")
    q = only(marked(doc), "direct")
    assert q.text == "The new center is 6'11'' and he can shoot from anywhere,"


def test_said_then_a_forename_the_tagger_took_for_another_word(nlp):
    # "Per" tagged as a preposition, the surname its object
    doc = run(nlp, "Traders were unmoved. \"The merger changes little for the region's savers,\" said Per Holm, "
                   "an analyst at Nordea, who rates the stock a hold.")
    q = only(marked(doc), "direct")
    assert speaker_name(doc, q) == "Per Holm"


def test_phrasal_cue_whose_particle_the_parser_took_for_a_preposition(nlp):
    doc = run(nlp, "“It is the new counterculture,” said Jared Moss, a sophomore at the college.\n"
                   "“Or being grunge in the ’90s,” another student chimed in.")
    first, second = marked(doc)
    assert speaker_name(doc, first) == "Jared Moss"
    assert second.verb == "chime in"
    assert second.speaker_text == "another student" and speaker_name(doc, second) is None


def test_phrasal_cue_whose_particle_the_parser_took_for_an_adverb(nlp):
    doc = run(nlp, "“Look at all these supporters of hers,” said Ann Ruiz, a retired teacher.\n"
                   "“They are only here for the free lunch,” Jim Boyd shot back with a laugh.")
    first, second = marked(doc)
    assert speaker_name(doc, first) == "Ann Ruiz"
    assert second.verb == "shoot back"
    assert speaker_name(doc, second) == "Jim Boyd"


def test_a_verb_of_urging_after_a_quote_is_its_cue(nlp):
    doc = run(nlp, "The rally ended on a cheer: \"It's about time we had a woman running this country,\" exhorted "
                   "the evening's host, actress Lena Ortiz.")
    q = only(marked(doc), "direct")
    assert q.verb == "exhort"
    assert speaker_name(doc, q) == "Lena Ortiz"
