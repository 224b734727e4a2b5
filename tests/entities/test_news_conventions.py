"""People on real pages from any outlet (issue 13): conventions of English news copy, each rule on short texts of
its own that make the model or the earlier rules err, with names it must not touch."""

from __future__ import annotations

import pytest

from helpers import other_people, people


# --- an abbreviated title opens the next name -------------------------------------------------------------

@pytest.mark.parametrize("text, person", [
    ("Schools police chief Steven Zipperman joined early. The call included Zimmer, Zipperman and LAPD Asst. Chief "
     "Earl Watts, according to interviews.", "Earl Watts"),
    ("Deputy Mayor Ann Kessler opened the meeting. It heard from Kessler and LAPD Asst. Chief Dana Flores, two "
     "people said.", "Dana Flores"),
])
def test_an_abbreviated_title_is_no_end_of_a_name(nlp, text, person):
    found = other_people(nlp, text)
    assert person in found
    assert not any("Asst" in name or "LAPD" in name for name in found)


def test_titles_before_names_stay_out_of_them(nlp):
    assert {"Carla Diaz", "Mark Udall"} <= set(people(nlp("Present were Sen. Carla Diaz and Gov. Mark Udall, "
                                                          "aides said.")))


# --- a full name without its middle initial is the same person ------------------------------------------

@pytest.mark.parametrize("text, person, short", [
    ("Donald J. Trump has begun to recast his message. Mr. Trump is tempering his language.\n\n“What will America "
     "look like after four years of Donald Trump?” Mr. Brabender said.", "Donald J. Trump", "Donald Trump"),
    ("Stephen K. Bannon, the chairman of the website, joined the campaign.\n\nAides said Stephen Bannon would stay "
     "until November.", "Stephen K. Bannon", "Stephen Bannon"),
])
def test_a_full_name_without_its_middle_initial_is_the_same_person(nlp, text, person, short):
    found = other_people(nlp, text)
    assert person in found
    assert short not in found


def test_names_with_other_middle_initials_stay_apart(nlp):
    found = other_people(nlp, "George W. Bush and George H. W. Bush met on Sunday. George Bush spoke first, "
                              "aides said.")
    assert {"George W. Bush", "George H. W. Bush"} <= found


# --- a surname naming a group is the person's group ------------------------------------------------------

def test_a_surname_naming_a_team_is_the_persons_team(nlp):
    text = ("As the summit approaches, Gavin Rourke’s team is struggling to find speakers. The Rourke team said it "
            "had hired a booker.")
    assert "Gavin Rourke" in other_people(nlp, text)


def test_a_name_of_no_forename_naming_a_thing_stays_a_thing(nlp):
    text = ("The fleet crusaded into Dark Aether at dawn. Aether was dark. The Aether ship fled, and Dark Aether fell, "
            "the game says.")
    assert not other_people(nlp, text) & {"Dark Aether", "Aether"}


def test_a_surname_naming_shares_still_makes_a_company(nlp):
    text = "Charles Hollister is a busy man. Hollister shares fell 3 percent, and the Hollister team cut jobs."
    assert "Charles Hollister" not in other_people(nlp, text)


# --- along a list of people each vouches for the next ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "The jury was made up of Maria Lopez, Thomissa Comellas, Xiaonan Zhang and Yuhuan Du.",
    "Many thanks to Steve Rodrigues, Thomissa Comellas, Xiaonan Zhang and Yuhuan Du for their help.",
])
def test_every_name_of_a_list_of_people_is_a_person(nlp, text):
    assert {"Thomissa Comellas", "Xiaonan Zhang", "Yuhuan Du"} <= other_people(nlp, text)


def test_a_list_of_companies_stays_companies(nlp):
    text = "JP Morgan Chase, Wells Fargo, Charles Schwab and Morgan Stanley were little changed on the day."
    assert not other_people(nlp, text) & {"Charles Schwab", "Morgan Stanley", "Wells Fargo"}


# --- a forename beside a person names one, whatever the model calls it --------------------------------------

def test_a_forename_the_model_calls_a_nationality_beside_a_person_is_a_person(nlp):
    found = other_people(nlp, "He is survived by his wife and three children, Aisling, Cian and Niamh.")
    assert {"Aisling", "Cian", "Niamh"} <= found


@pytest.mark.parametrize("pair", ["Aoife and Rory", "Sinead and Eoin", "Niamh and Conor"])
def test_a_forename_the_model_left_untagged_beside_a_person_is_a_person(nlp, pair):
    text = ("Orla Keane, one of the first women to run a maternity hospital in Ireland, died on Sunday in Sligo. She "
            "was 89.\nHer death was confirmed by her son, Ronan, who said she had been ill for a year.\nShe is "
            f"survived by her son and two grandchildren, {pair}.\nDonations may be made to the Irish Cancer Society.")
    assert set(pair.split(" and ")) <= other_people(nlp, text)


@pytest.mark.parametrize("text", ["Christian and Jewish leaders met the mayor on Friday.",
                                  "Americans and Ruth Bader Ginsburg disagreed, the poll found."])
def test_nationality_words_beside_a_person_stay_no_people(nlp, text):
    assert not other_people(nlp, text) & {"Christian", "Jewish", "Americans"}


# --- "who" after a workplace is about the person described -------------------------------------------------

@pytest.mark.parametrize("text, person, workplace", [
    ("“The price looks full,” said Per Lundgren, an analyst at Carnegie, who rates the stock a hold.", "Lundgren",
     "Carnegie"),
    ("Tom Reyes, a professor at Stanford, who studies fires, said the risk was high.", "Tom Reyes", "Stanford"),
])
def test_a_who_clause_after_a_workplace_is_the_persons(nlp, text, person, workplace):
    found = other_people(nlp, text)
    assert person in {name.split()[-1] for name in found} | found
    assert workplace not in found


def test_a_who_clause_after_a_person_a_description_names_still_counts(nlp):
    assert "Kwame Mensah" in other_people(nlp, "The prize went to a former student of Kwame Mensah, who founded "
                                               "the school in 1990.")


# --- a surname that speaks in the first person is a person's -----------------------------------------------

def test_a_full_name_the_model_calls_an_organisation_whose_surname_says_i_is_a_person(nlp):
    text = ("Holloway's 41 points carry Hawks past Celtics in overtime\nATLANTA -- Jamal Holloway scored a "
            "career-high 41 points as the Atlanta Hawks beat the Boston Celtics 128-124 on Wednesday night.\n\"I just "
            "wanted the ball. I felt like every shot was going in,\" Holloway said.")
    assert "Jamal Holloway" in other_people(nlp, text)


def test_a_company_that_says_we_stays_a_company(nlp):
    text = "Charles Schwab shares fell on Monday. \"We remain confident in our plan,\" Schwab said in a statement."
    assert not other_people(nlp, text) & {"Charles Schwab", "Schwab"}


def test_a_surname_alone_that_says_i_is_a_person(nlp):
    text = "The Hawks won again on Wednesday night.\n\"I just wanted the ball. I felt like every shot was going in,\" " \
           "Whitfield said."
    assert "Whitfield" in other_people(nlp, text)


def test_a_surname_alone_that_says_we_needs_more(nlp):
    text = "The Hawks won again on Wednesday night.\n\"We just wanted the ball. Every shot was going in,\" " \
           "Whitfield said."
    assert "Whitfield" not in other_people(nlp, text)


def test_an_untagged_full_name_whose_surname_says_i_is_that_person(nlp):
    text = ("ATLANTA -- Darnell Whitfield scored a career-high 41 points as the Atlanta Hawks beat the Boston Celtics "
            "128-124 on Wednesday night.\n\"I just wanted the ball. I felt like every shot was going in,\" Whitfield "
            "said.")
    found = other_people(nlp, text)
    assert "Darnell Whitfield" in found
    assert "Whitfield" not in found


# --- a forename the tagger read as another word opens the name -------------------------------------------

def test_a_forename_read_as_a_preposition_opens_the_name(nlp):
    found = other_people(nlp, "“The price looks full,” said Per Lundgren, an analyst at Carnegie, who rates the "
                              "stock a hold.")
    assert "Per Lundgren" in found


def test_an_imperative_after_a_bracket_opens_no_name(nlp):
    found = other_people(nlp, "Tom Price said the cookies were kept. (See Facebook's own description of this.)")
    assert not any(name.startswith("See") for name in found)


def test_a_lower_case_word_before_a_name_stays_out(nlp):
    found = other_people(nlp, "Fees rose 5 percent per Lundgren’s count, said Maria Vance, who runs the fund.")
    assert not any(name.startswith("per ") for name in found)


# --- the name after "an interview with" is a person's -----------------------------------------------------

@pytest.mark.parametrize("name", ["Taika Waititi", "Ozwin Tarrant"])
def test_a_name_after_an_interview_with_is_a_person(nlp, name):
    text = f"In an interview with {name}, the senator said she still believes the bill will pass."
    assert name in other_people(nlp, text)


@pytest.mark.parametrize("text", [
    "In an interview with Bloomberg Television, the minister said the deal was close.",
    "In a meeting with Goldman Sachs, the minister said the deal was close.",
])
def test_an_organisation_after_with_stays_one(nlp, text):
    assert not other_people(nlp, text)


# --- a rank written in words the title list lacks stays out of the name -------------------------------------

@pytest.mark.parametrize("text, person", [
    ("Det Con Amy Fraser, of Avon and Somerset police, said after the hearing that the case was closed.",
     "Amy Fraser"),
    ("Det Ch Insp Ian Lowe said the search would go on.", "Ian Lowe"),
])
def test_a_word_of_a_rank_is_no_part_of_the_name(nlp, text, person):
    assert person in other_people(nlp, text)


@pytest.mark.parametrize("text, person", [
    ("President Joe Biden said on Monday that the deal was done.", "Joe Biden"),
    ("Dr Mary Ann Sloane said the hospital was full.", "Mary Ann Sloane"),
])
def test_forenames_after_a_title_stay_in_the_name(nlp, text, person):
    assert person in other_people(nlp, text)


# --- an untagged name whose surname a title makes a person's -------------------------------------------------

@pytest.mark.parametrize("name", ["Narelle Dunmore", "Kirrily Dunn"])
def test_an_untagged_name_with_an_unknown_forename_that_speaks_is_the_person_a_title_names(nlp, name):
    text = (f"Blackheath local {name} said she had packed the car but decided to stay.\n\"My husband built this "
            f"house,\" Ms {name.split()[-1]} told the ABC.")
    found = other_people(nlp, text)
    assert name in found
    assert name.split()[-1] not in found
