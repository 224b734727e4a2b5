"""news_entities on world-news wire copy: names from outside the US, facilities and institutions named after people.

Each text makes the real model or the US-only rules err (the model's raw label is asserted where it matters), and
each rule is also tried on names it must not touch.
"""

from __future__ import annotations

import pytest

from helpers import other_people, people, run, speaker_name
from pipelines.nlp.entities.lexicon import is_forename_anywhere, is_given_name


def spacy_label(doc, text: str) -> str | None:
    return next((ent.label_ for ent in doc.ents if ent.text == text), None)


# --- forenames from outside the US -------------------------------------------------------------------------

@pytest.mark.parametrize("forename", ["Dursun", "Hendra", "Oleksandr", "Wanjiru", "Ghulam", "Czesław", "Volodymyr"])
def test_forenames_from_outside_the_us_are_known(forename):
    assert is_forename_anywhere(forename)
    assert not is_given_name("Dursun")  # familiar (evidence alone) are the US ones only


@pytest.mark.parametrize("word", ["Gang", "Bush", "Line", "Nazi", "Muslim", "Airport", "Viking"])
def test_english_words_peoples_and_places_are_no_forenames(word):
    assert not is_forename_anywhere(word)


@pytest.mark.parametrize("text, name", [
    ("The club's board met on Monday. The vote was delayed until Dursun Özbek returns from Ankara.", "Dursun Özbek"),
    ("The prize was shared with Hendra Gunawan of the volcanology agency.", "Hendra Gunawan"),
])
def test_a_forename_from_abroad_alone_is_no_evidence(nlp, text, name):
    assert spacy_label(nlp(text), name) == "PERSON"
    assert name not in other_people(nlp, text)


def test_a_forename_from_abroad_alone_makes_no_person_of_a_company(nlp):
    assert not other_people(nlp, "Shares of Hendra Holdings fell 4 percent after the company cut its forecast.")


# --- facilities and institutions named after people ------------------------------------------------------

@pytest.mark.parametrize("text, facility", [
    ("Flights at Jomo Kenyatta International Airport were not affected, the airports authority said.",
     "Jomo Kenyatta International Airport"),
    ("Airline Garuda Indonesia cancelled flights to Manado, and Sam Ratulangi International Airport was closed.",
     "Sam Ratulangi International Airport"),
    ("Napoli play at the Diego Armando Maradona Stadium on Sunday.", "Diego Armando Maradona Stadium"),
])
def test_an_airport_or_stadium_named_after_a_person_is_no_person(nlp, text, facility):
    doc = nlp(text)
    assert facility in {e.name for e in doc._.entities}
    assert not people(doc)


def test_a_person_beside_an_airport_stays_a_person(nlp):
    doc = nlp("Hendra Gunawan, the head of the agency, said the airport at Manado would stay closed.")
    assert "Hendra Gunawan" in people(doc)


@pytest.mark.parametrize("text, name", [
    ("Osimhen's agent said talks with Chelsea and Al-Ahli had failed.", "Al-Ahli"),
    ("Hamas official Osama Hamdan spoke first.\n\nAl-Azhar, Egypt's top Islamic institution, called for aid to enter.",
     "Al-Azhar"),
])
def test_a_name_opening_with_the_arabic_article_is_no_forename_al(nlp, text, name):
    assert spacy_label(nlp(text), name) == "PERSON"
    assert name not in other_people(nlp, text)


def test_a_surname_with_the_arabic_article_and_al_as_a_forename_stay_people(nlp):
    doc = nlp("Egyptian President Abdel Fattah al-Sisi met Al Gore in Cairo. Al Gore said the talks were useful.")
    assert {"Abdel Fattah al-Sisi", "Al Gore"} <= set(people(doc))


# --- East African names with an apostrophe inside; a title before a person's surname tagged otherwise -------

def test_an_untagged_name_with_an_apostrophe_inside_is_a_person_when_the_sentence_says_so(nlp):
    doc = nlp("\"We have heard the young people of this country,\" Kimani Ichung'wah, the majority leader, "
              "told lawmakers.")
    assert spacy_label(doc, "Kimani Ichung'wah") is None
    assert "Kimani Ichung'wah" in people(doc)


def test_a_place_with_an_apostrophe_is_no_person(nlp):
    assert not other_people(nlp, "Flights to Hawai'i were cancelled on Monday, the airline said.")


def test_a_title_and_the_surname_of_a_person_tagged_as_an_organisation_are_that_person(nlp):
    doc = nlp("Police spokeswoman Resila Onyango said officers had acted with restraint. "
              "Ms Onyango said 335 people had been arrested.")
    assert spacy_label(doc, "Ms Onyango") == "ORG"
    assert {e.name: e.label for e in doc._.entities} == {"Resila Onyango": "PERSON"}
    assert "Onyango" in {m.text for m in doc._.entity_mentions}


def test_a_brand_opening_with_a_title_stays_a_brand(nlp):
    doc = nlp("Shares of Dr Pepper rose 3 percent on Monday, the company said.")
    assert {e.name: e.label for e in doc._.entities} == {"Dr Pepper": "ORG"}


def test_a_name_the_model_cut_before_an_age_is_one_person(nlp):
    doc = nlp("Meiti Salindeho, 33, who fled with her two children by boat, said the sky turned black.")
    assert spacy_label(doc, "Meiti") == "GPE"
    assert set(people(doc)) == {"Meiti Salindeho"}


@pytest.mark.parametrize("name, surname, label", [("Celeste Vartanian", "Vartanian", "NORP"),
                                                    ("Ines Pambakian", "Ines Pambakian", "PRODUCT")])
def test_a_name_the_model_cut_or_took_for_a_product_before_a_person_s_description_is_one_person(
        nlp, name, surname, label):
    doc = run(nlp, "The app closed her account on Thursday.\n"
                   f"\"We support people sharing their views, but we don't allow spamming,\" {name}, a company "
                   "spokeswoman, said in an email.")
    assert spacy_label(doc, surname) == label
    assert set(people(doc)) == {name}
    assert [speaker_name(doc, q) for q in doc._.quotes] == [name]


def test_a_rank_before_a_person_the_model_found_stays_out_of_the_name(nlp):
    doc = run(nlp, "Det Con Helen Moss, of Avon and Somerset police, said after the hearing: “I hope this sentence "
                   "gives Mr Patel some peace.”")
    assert spacy_label(doc, "Helen Moss") == "PERSON"
    assert [speaker_name(doc, q) for q in doc._.quotes] == ["Helen Moss"]


def test_a_club_before_a_score_is_no_person(nlp):
    assert not other_people(nlp, "The final score was Manchester United, 3, Chelsea, 1.")


# --- royal names of the Gulf: a title, a forename, "bin" and the father's name --------------------------------

def test_a_name_the_model_cut_before_bin_is_one_person_without_the_title(nlp):
    doc = nlp("Saudi Energy Minister Prince Abdulaziz bin Salman said the group would act. "
              "Prince Abdulaziz said it would remain cautious.")
    assert spacy_label(doc, "bin Salman") == "PERSON"
    assert set(people(doc)) == {"Abdulaziz bin Salman"}


def test_crown_prince_is_a_title_and_a_one_name_prince_keeps_his(nlp):
    doc = nlp("Crown Prince Mohammed bin Salman met the president. Prince Mohammed said the talks went well.")
    assert set(people(doc)) == {"Mohammed bin Salman"}
    assert set(people(nlp("Prince William visited Cardiff on Monday."))) == {"Prince William"}


# --- the agent of what only people do to a group -------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("Law and Justice, the opposition party led by Khvicha Kvaratskhelia, backed the farmers.",
     "Khvicha Kvaratskhelia"),
    ("The delegation, headed by Tshepiso Mahlangu, arrived on Monday.", "Tshepiso Mahlangu"),
])
def test_a_name_after_led_by_or_headed_by_is_a_person(nlp, text, name):
    doc = nlp(text)
    assert spacy_label(doc, name) == "PERSON"
    assert name in people(doc)


def test_a_company_after_founded_by_is_no_person(nlp):
    text = "The company, founded by Berkshire Hathaway in 1990, grew fast."
    assert spacy_label(nlp(text), "Berkshire Hathaway") == "PERSON"
    assert not other_people(nlp, text)
