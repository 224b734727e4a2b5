"""Who speaks: quotes whose speaker is found outside their own sentence, and speakers that are not the person
they name (short texts of our own)."""

from __future__ import annotations

import pytest

from helpers import marked, only, run, speaker_name
from pipelines.nlp.gender import FORENAME_GENDERS


def test_quote_paragraph_after_reported_speech_keeps_the_reporter(nlp):
    doc = run(nlp, "Dr. Nina Kaur said the trial had been carefully run, but she warned against drawing firm "
                   "conclusions.\n“We only followed patients for two years, and that is not long enough.”")
    q = only(marked(doc), "direct")
    assert speaker_name(doc, q) == "Nina Kaur"


def test_run_on_quote_after_reported_speech_keeps_the_reporter_in_both_paragraphs(nlp):
    doc = run(nlp, "Dr. Nina Kaur said the trial had been carefully run.\n"
                   "“We only followed patients for two years, and that is not long enough.\n"
                   "“The next study will follow them for ten years before we publish anything.”")
    first, second = marked(doc)
    assert first.kind == second.kind == "direct"
    assert speaker_name(doc, first) == speaker_name(doc, second) == "Nina Kaur"


def test_quote_paragraph_after_plain_narration_gets_no_speaker(nlp):
    doc = run(nlp, "Dr. Nina Kaur ran the trial at three hospitals.\n"
                   "“We only followed patients for two years, and that is not long enough.”")
    q = only(marked(doc), "direct")
    assert q.speaker_text is None


def test_a_person_s_organisation_is_not_the_person(nlp):
    doc = run(nlp, "Senator Paul Grant did not attend. Grant’s office said he would visit the valley “soon.”")
    q = only(marked(doc), "partial")
    assert q.speaker_text == "Grant’s office"
    assert q.speaker_entity is None


def test_object_pronoun_is_not_its_clause_subject(nlp):
    doc = run(nlp, "Anna Weiss, a poet, died on Sunday. She was 80.\n"
                   "The critic Paul Stone called her the finest poet of her generation.\n"
                   "In a 1990 interview, she said: “I write at night because the house is quiet then.”")
    q = only(marked(doc), "direct")
    assert q.speaker_text == "she"
    assert speaker_name(doc, q) == "Anna Weiss"


def test_possessive_pronoun_teaches_a_gender(nlp):
    doc = run(nlp, "Anna Weiss met the union on Monday. Tom Berg thanked his staff for the long night.\n"
                   "“We are not finished with this contract yet,” she said.")
    q = only(marked(doc), "direct")
    assert speaker_name(doc, q) == "Anna Weiss"


def test_kinship_noun_in_apposition_states_a_gender(nlp):
    doc = run(nlp, "Anna Weiss, a poet, died on Sunday. She was 80.\n"
                   "Her son, Peter Weiss, confirmed the death on Monday.\n"
                   "“I write at night because the house is quiet then,” she told an interviewer in 1998.")
    q = only(marked(doc), "direct")
    assert speaker_name(doc, q) == "Anna Weiss"


def test_title_before_a_name_states_a_gender(nlp):
    doc = run(nlp, "Ms. Laura Chen founded the firm. Mr. Victor Olsen joined it in 2001 as a partner.\n"
                   "“We never borrowed a cent,” she said.")
    q = only(marked(doc), "direct")
    assert speaker_name(doc, q) == "Laura Chen"


def test_said_before_a_titled_name_parsed_as_one_phrase(nlp):
    doc = run(nlp, "'We will win the league this year,' said manager Tom Hill.")
    q = only(marked(doc), "direct")
    assert q.speaker_text == "manager Tom Hill"
    assert speaker_name(doc, q) == "Tom Hill"


def test_a_forename_nearly_everyone_of_one_sex_has_states_a_gender(nlp):
    doc = run(nlp, "Jack Turner, the coach, and Emma Wells, the captain, spoke after the match.\n"
                   "“We were not good enough,” Turner said.\n"
                   "“The coach is right,” Wells said. “We have to be better.”\n"
                   "“We will be,” he said.")
    assert [speaker_name(doc, q) for q in marked(doc)] == ["Jack Turner", "Emma Wells", "Emma Wells", "Jack Turner"]


def test_forenames_of_either_sex_or_of_the_other_sex_abroad_state_no_gender():
    assert (FORENAME_GENDERS["emma"], FORENAME_GENDERS["jack"]) == ("female", "male")
    assert not {"jordan", "taylor", "andrea", "simone"} & FORENAME_GENDERS.keys()


def test_the_paragraphs_speaker_goes_on_past_a_person_only_an_embedded_clause_names(nlp):
    doc = run(nlp, "“We did everything we could,” Coach Tom Harris said. The decision came after Mike Jones resigned in "
                   "March. “It was not enough,” he added.\n"
                   "“We did everything we could,” Coach Tom Harris said. Mike Jones disagreed. “It was not enough,” "
                   "he added.")
    assert [speaker_name(doc, q) for q in marked(doc)] == ["Tom Harris", "Tom Harris", "Tom Harris", "Mike Jones"]



# --- speakers named by a description, or by a name the model missed: every marked quote's speaker in order ----

@pytest.mark.parametrize("text, speakers", [
    pytest.param("Grace Mwila runs a hair salon in Lusaka and has lost customers to the outages.\n“Without power I "
                 "cannot use the dryers. Women just go home,” the 38-year-old told AFP.", ["Grace Mwila"],
                 id="an age refers back to the person of the sentence before"),
    pytest.param("The ferry ran aground at dawn.\n“I thought we had hit another boat,” the 38-year-old said.", [None],
                 id="an age with no one named before names no one"),
    pytest.param("Rafael Costa beat Novak Petrovic in straight sets on Sunday.\n“I played my best tennis today,” the "
                 "Spaniard said.\nMartina Kovac stunned the world number one on Tuesday.\n“I feel strong,” the "
                 "Briton said. “I can win this,” she added.", ["Rafael Costa", "Martina Kovac", "Martina Kovac"],
                 id="a nationality refers back (the model tags Briton a person)"),
    pytest.param("Li Wei won gold for China on Sunday. The Germans took silver.\n“We are happy,” the Germans said.\n"
                 "The German government said it would not send troops.\n“We will not be drawn into this war,” the "
                 "German chancellor said.", [None, None], id="a nationality of a group or with a role"),
    pytest.param("In a post on X, Elon Musk wrote: “We will not cut prices again this year.”\n“A small fee will not "
                 "stop them. They have budgets,” said Renata Voss of the Halden Internet Observatory.",
                 ["Elon Musk", "Renata Voss"], id="untagged names as a speech verb's subject"),
    pytest.param("The head of the IMF, Kristalina Georgieva, warned: “The outlook is darker.”",
                 ["Kristalina Georgieva"], id="a name in apposition to a speech verb's subject"),
    pytest.param("“We will fight on,” said Jane Smith MP.\nJudge Sarah Munro KC said: “This was a senseless "
                 "killing.”", ["Jane Smith", "Sarah Munro"], id="letters of an office or honour after a name"),
    pytest.param("Fire chief Travis Lund said crews were exhausted. “We need rain,” the chief said.",
                 ["Travis Lund"], id="a lower-case title before a name gives the role"),
    pytest.param("Mayor Peter Hale and his deputy, Tom Reed, attended. “It is a good day,” the deputy mayor said.",
                 [None], id="a deputy is not the office holder"),
    pytest.param("Trustee Alan Pierce cast the lone vote.\n“At some point we have to make a decision,” Pierce said.",
                 ["Alan Pierce"], id="a local office before the name is no part of it"),
])
def test_the_speakers_of_the_quotes_in_order(nlp, text, speakers):
    doc = run(nlp, text)
    assert [speaker_name(doc, q) for q in marked(doc)] == speakers


def test_the_subject_beside_a_trailing_cue_speaks_not_a_word_of_the_quote_hung_there(nlp):
    doc = run(nlp, "“All I know is the president is doing this much more out of a sense of obligation to the office. "
                   "He wants to set the tone that if you can sit down with this guy for an hour and a half, others "
                   "can too,” said a senior administration official.")
    assert only(marked(doc), "direct").speaker_text == "a senior administration official"


def test_a_document_that_reads_a_quote_is_its_source_not_the_person_named_before(nlp):
    doc = run(nlp, "King declined to be interviewed about the incident.\n"
                   "“Based on the conference call, it was decided that all school sites should be checked,” the "
                   "report reads.")
    q = only(marked(doc), "direct")
    assert (q.speaker_text, speaker_name(doc, q)) == ("the report", None)


def test_a_sign_that_reads_words_shows_them_it_quotes_no_one(nlp):
    doc = run(nlp, "A sign at the park entrance already reads “Welcome back, folkies!”")
    assert only(doc._.quotes, "scare").text == "Welcome back, folkies!"


def test_he_after_an_unnamed_speaker_is_the_unnamed_one_not_the_person_named_before(nlp):
    doc = run(nlp, "Daniel Ortiz, a senior at the university, said the mood was tense.\n"
                   "One student at another college said he was barred from a meeting because he was white. "
                   "“People were so into political correctness that nobody could talk,” he said.")
    assert speaker_name(doc, only(marked(doc), "direct")) is None


def test_he_after_a_named_speaker_still_resolves(nlp):
    doc = run(nlp, "One student at the college said the mood was tense.\n"
                   "Daniel Ortiz, a senior, said he was barred from a meeting. "
                   "“People were so into political correctness that nobody could talk,” he said.")
    assert speaker_name(doc, only(marked(doc), "direct")) == "Daniel Ortiz"


def test_he_skips_daughters_named_by_their_forenames(nlp):
    doc = run(nlp, "Ryan Gosling has a lot on his plate. But what the actor is most excited about is life at home "
                   "with Eva Mendes and their two daughters, Esmeralda and Amada.\n"
                   "“Eva's the dream mother, and they're dream babies,” he explains to GQ.")
    assert speaker_name(doc, only(marked(doc), "direct")) == "Ryan Gosling"


def test_a_phrase_closing_a_sentence_takes_its_one_cue_however_the_parser_hangs_it(nlp):
    doc = run(nlp, "Michelle Obama insisted she and her husband — whose first presidential campaign in 2008 featured "
                   "an iconic poster of his likeness with the word “hope” — believe hope is “a necessary concept.”")
    partials = [q for q in marked(doc) if q.kind == "partial"]
    assert [(q.text, speaker_name(doc, q)) for q in partials][-1] == ("a necessary concept.", "Michelle Obama")


def test_a_lower_case_sentence_right_after_a_cue_is_direct_an_as_if_utterance_is_not(nlp):
    doc = run(nlp, "A spokesman for the attorney general declined to comment, other than to say “our investigation "
                   "is ongoing.”")
    assert only(marked(doc), "direct").text == "our investigation is ongoing."
    doc = run(nlp, "A flicker crossed the president's face, as if to say “You think you got me?”")
    assert only(doc._.quotes, "scare").text == "You think you got me?"


def test_a_name_alone_after_a_quote_is_its_speaker_a_name_with_a_verb_is_left_to_the_verb(nlp):
    doc = run(nlp, "“The public’s engagement has been quite amazing,” Mark McCaughrean, senior science advisor "
                   "for ESA.")
    assert speaker_name(doc, only(marked(doc), "direct")) == "Mark McCaughrean"
    doc = run(nlp, "“The public’s engagement has been quite amazing,” Mark McCaughrean told reporters.")
    assert only(marked(doc), "direct").verb == "tell"


def test_a_pull_quote_repeating_a_quote_takes_its_speaker(nlp):
    doc = run(nlp, "Brittany Ruiz, a senior, said she had felt alone on campus.\n"
                   "“Professors canceling tests and classes because Trump won is why Trump won.”\n"
                   "Ryan Dubicki, a junior, leads the campus Republicans.\n"
                   "“Professors canceling tests and classes because Trump won is why Trump won,” Dubicki said.")
    assert [speaker_name(doc, q) for q in marked(doc)] == ["Ryan Dubicki", "Ryan Dubicki"]


def test_a_name_the_parser_hangs_from_the_cue_as_a_compound_is_its_subject(nlp):
    doc = run(nlp, "Maria Lopez addressed the rally in Des Moines on Friday.\n"
                   "When someone in the crowd shouted, “Taxes,” Lopez joked, again putting on a thick Texas drawl, "
                   "“You read my mind, friend!”")
    q = only(marked(doc), "direct")
    assert (q.speaker_text, speaker_name(doc, q)) == ("Lopez", "Maria Lopez")


def test_a_cue_the_parser_joins_to_an_object_noun_takes_the_subject_of_its_verb(nlp):
    doc = run(nlp, "Tom Reyes addressed the rally in Des Moines on Friday.\n"
                   "He then adopted a fake Irish accent and joked, “But I’mma just gonna make it easier for the press "
                   "to mock me.”")
    q = only(marked(doc), "direct")
    assert (q.speaker_text, speaker_name(doc, q)) == ("He", "Tom Reyes")


def test_an_interviewer_who_began_or_started_after_a_quote_asked_it(nlp):
    doc = run(nlp, "Tom Reyes interviewed Senator Ann Ruiz on Monday night.\n"
                   "“The Post says you changed your mind on the bridge in private,” Reyes started.\n"
                   "“We had a meeting, it was private, and then they leaked it,” Ruiz said.\n"
                   "“So the bridge is negotiable?” he began again.")
    assert [(q.verb, speaker_name(doc, q)) for q in marked(doc)] == [
        ("start", "Tom Reyes"), ("say", "Ann Ruiz"), ("begin", "Tom Reyes")]
    doc = run(nlp, "The festival, called “Songs of the Valley,” started in 1990.")
    assert only(doc._.quotes, "scare").speaker_text is None


def test_a_sentence_whose_subject_is_that_quote_from_a_person_gives_the_quote_before_it(nlp):
    doc = run(nlp, "The tax office has few friends.\n"
                   "\"I'd rather have a cousin in prison than a brother in the tax office.\" That quote from Ohio "
                   "Revenue Commissioner Paul Hartley appeared on the front page of The Columbus Dispatch in 1978.")
    assert speaker_name(doc, only(marked(doc), "direct")) == "Paul Hartley"


def test_a_word_of_the_quote_the_parser_makes_the_cue_s_subject_leaves_the_speaker_after_the_cue(nlp):
    doc = run(nlp, "The town council voted on Monday. But Millbrook police say they have not yet decided whether to "
                   "reopen the bridge. The vote has still split the town.\n\n"
                   "\"Nobody is allowed to say anything about the bridge any more. We can't even ask questions. "
                   "#Millbrook,\" tweeted a local user going by the handle Riverrat.")
    q = only(marked(doc), "direct")
    assert (q.verb, q.speaker_text, q.speaker_entity) == ("tweet", "a local user", None)
    doc = run(nlp, "The vote split the town. “The council will never agree to this plan, #Millbrook,” tweeted "
                   "Monday the mayor's office.")
    assert only(marked(doc), "direct").speaker_text != "Monday"


def test_a_capitalised_answer_after_a_cue_is_direct_without_a_verb_a_title_after_one_is_not(nlp):
    doc = run(nlp, "Senator Ann Ruiz was once asked which of her enemies she was proudest of. She responded, “Well, "
                   "apart from the bankers, the oil companies, the lobbyists … probably my own party.”")
    assert speaker_name(doc, only(marked(doc), "direct")) == "Ann Ruiz"
    doc = run(nlp, "He called the plan, “The Best Deal Ever.”")
    assert only(doc._.quotes, "scare").speaker_text is None


def test_a_sentence_after_a_comma_closing_a_clause_about_a_person_is_theirs(nlp):
    doc = run(nlp, "Earlier this week, Senator Ann Ruiz shared a bit of her worry with donors at a dinner in Albany, "
                   "“I do not know which governor will show up. Maybe he will try to look serious.\"")
    assert speaker_name(doc, only(marked(doc), "direct")) == "Ann Ruiz"
    doc = run(nlp, "They toured Paris, “The City of Light.”")
    assert only(doc._.quotes, "scare").speaker_text is None


def test_a_name_described_after_a_quote_speaks_through_the_cue_the_parser_left_without_a_subject(nlp):
    doc = run(nlp, "So far, the mayor has not picked up support.\n\n"
                   "“Smith needs a strategy for targeting [Green candidate Tom] Baker & [Labor hopeful Ann] Ruiz "
                   "voters,” Karen Whitfield, the polling analyst who founded pollwatch.org tweeted on Wednesday. "
                   "“They're clearly drawing more from his side of the ledger now.”")
    assert [(q.verb, speaker_name(doc, q)) for q in marked(doc)] == [("tweet", "Karen Whitfield")] * 2


def test_dialogue_the_cue_after_a_closed_quote_introduces_the_answer(nlp):
    doc = run(nlp, "Tom Reyes met Laura Chen at the studio on Friday.\n"
                   "Reyes asked, “Did you ever finish the novel you started in Lisbon?” Chen replied, “Not yet, "
                   "but I write a page every morning before work.”\n"
                   "“The ending is the hard part.” Reyes laughed, “It always is.”")
    question, answer, third, fourth = marked(doc)
    assert speaker_name(doc, question) == "Tom Reyes"
    assert speaker_name(doc, answer) == "Laura Chen"
    assert third.speaker_text != "Reyes"
    assert speaker_name(doc, fourth) == "Tom Reyes"


def test_participle_cue_hung_from_the_quote_takes_the_writer_s_subject(nlp):
    doc = run(nlp, "Senator Hillary Clinton seemed to be ready to riff on the incident in Iowa, telling the crowd, "
                   "“Some people get a little carried away, have you noticed that?”")
    q = only(marked(doc), "direct")
    assert speaker_name(doc, q) == "Hillary Clinton"


def test_what_a_person_is_known_as_refers_back_like_a_pronoun(nlp):
    doc = run(nlp, "Maria Lopez released her tenth album on Friday after a long break.\n"
                   "Asked about the delay, the country star replied, “I wrote most of it at home, slowly.”\n"
                   "A spokesman for the label was less patient.\n“We expected it last year,” the spokesman said.")
    star, spokesman = marked(doc)
    assert speaker_name(doc, star) == "Maria Lopez"
    assert speaker_name(doc, spokesman) is None


def test_roundup_item_names_its_author_between_a_dash_and_the_colon(nlp):
    doc = run(nlp, "SUBURBAN VOTERS STAYED HOME IN THE PRIMARY - Maria Lopez and Tom Reyes: “Voters told us again "
                   "and again that neither candidate had visited their towns.” [Herald]")
    q = only(marked(doc), "direct")
    assert speaker_name(doc, q) == "Tom Reyes"


def test_a_subheading_that_is_a_person_s_name_is_whom_its_section_is_about(nlp):
    text = ("Five stars who said no to the gala\nMaria Lopez\nAsked whether she would sing at the gala, the country "
            "star replied, “I have other plans that weekend, and they matter more.” Lopez has not sung in public "
            "since May.\nThe Harbour Choir\n"
            "Asked the same question, the singer said, “We were never invited.”")
    doc = nlp.make_doc(text)
    doc._.text = text
    doc._.headings = [(text.index("Maria"), text.index("\nAsked")), (text.index("The Harbour"), text.index("\nAsked t"))]
    doc = nlp(doc)
    star, choir = marked(doc)
    assert speaker_name(doc, star) == "Maria Lopez"
    assert speaker_name(doc, choir) is None


def test_a_reply_after_an_introduced_question_answers_it(nlp):
    doc = run(nlp, "Tom Reyes met Laura Chen at the studio on Friday.\n"
                   "Reyes asked, “Did you ever finish the novel you started in Lisbon?” Chen replied that she had "
                   "not.")
    q = only(marked(doc), "direct")
    assert speaker_name(doc, q) == "Tom Reyes"


def test_a_pronoun_that_may_be_another_s_of_its_gender_teaches_no_gender(nlp):
    # "he" may be Lyle's as well as Ames's (a forename of either sex): it does not make Ames a man
    doc = run(nlp, "“We will rebuild the port,” said former senator Robin Ames, who praised Governor George Lyle for "
                   "acting when he was in office.\nAmes was sharply critical of the new plan.\n"
                   "“I worry about the workers,” she said.")
    first, second = marked(doc)
    assert speaker_name(doc, first) == speaker_name(doc, second) == "Robin Ames"

