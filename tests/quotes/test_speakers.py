"""Who speaks: quotes whose speaker is found outside their own sentence, and speakers that are not the person
they name (short texts of our own)."""

from __future__ import annotations

from helpers import marked, only, run, speaker_name
from pipelines.nlp.quotes.people import FORENAME_GENDERS


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


def test_an_age_description_refers_back_to_the_person_of_the_sentence_before(nlp):
    doc = run(nlp, "Grace Mwila runs a hair salon in Lusaka and has lost customers to the outages.\n"
                   "“Without power I cannot use the dryers. Women just go home,” the 38-year-old told AFP.")
    q = only(marked(doc), "direct")
    assert q.speaker_text == "the 38-year-old"
    assert speaker_name(doc, q) == "Grace Mwila"


def test_an_age_description_with_no_one_named_before_names_no_one(nlp):
    doc = run(nlp, "The ferry ran aground at dawn.\n“I thought we had hit another boat,” the 38-year-old said.")
    q = only(marked(doc), "direct")
    assert q.speaker_entity is None


def test_a_name_the_model_leaves_untagged_is_a_person_as_a_speech_verb_s_subject(nlp):
    doc = run(nlp, "In a post on X, Elon Musk wrote: “We will not cut prices again this year.”\n"
                   "“A small fee will not stop them. They have budgets,” said Renata Voss of the Halden Internet "
                   "Observatory.")
    assert [speaker_name(doc, q) for q in marked(doc)] == ["Elon Musk", "Renata Voss"]



def test_a_nationality_refers_back_to_the_person_of_the_sentence_before(nlp):
    doc = run(nlp, "Rafael Costa beat Novak Petrovic in straight sets on Sunday.\n"
                   "“I played my best tennis today,” the Spaniard said.\n"
                   "Martina Kovac stunned the world number one on Tuesday.\n"  # the model tags "Briton" a person
                   "“I feel strong,” the Briton said. “I can win this,” she added.")
    assert [speaker_name(doc, q) for q in marked(doc)] == ["Rafael Costa", "Martina Kovac", "Martina Kovac"]


def test_a_nationality_of_a_group_or_with_a_role_is_no_one_named_before(nlp):
    doc = run(nlp, "Li Wei won gold for China on Sunday. The Germans took silver.\n“We are happy,” the Germans said.\n"
                   "The German government said it would not send troops.\n"
                   "“We will not be drawn into this war,” the German chancellor said.")
    assert [q.speaker_entity for q in marked(doc)] == [None, None]


def test_a_name_in_apposition_to_a_speech_verb_s_subject_is_a_person(nlp):
    doc = run(nlp, "The head of the IMF, Kristalina Georgieva, warned: “The outlook is darker.”")
    q = only(marked(doc), "direct")
    assert speaker_name(doc, q) == "Kristalina Georgieva"


def test_the_letters_of_an_office_or_honour_after_a_name_are_not_the_name(nlp):
    doc = run(nlp, "“We will fight on,” said Jane Smith MP.\n"
                   "Judge Sarah Munro KC said: “This was a senseless killing.”")
    assert [speaker_name(doc, q) for q in marked(doc)] == ["Jane Smith", "Sarah Munro"]


def test_a_lower_case_title_before_a_name_gives_the_role(nlp):
    doc = run(nlp, "Fire chief Travis Lund said crews were exhausted. “We need rain,” the chief said.")
    q = only(marked(doc), "direct")
    assert speaker_name(doc, q) == "Travis Lund"


def test_a_deputy_is_not_the_office_holder(nlp):
    doc = run(nlp, "Mayor Peter Hale and his deputy, Tom Reed, attended. “It is a good day,” the deputy mayor said.")
    q = only(marked(doc), "direct")
    assert speaker_name(doc, q) != "Peter Hale"
