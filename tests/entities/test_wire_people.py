"""People in wire copy and match reports (issue 13; CoNLL-2003 style Reuters text): each rule on short texts of
its own, with names it must not touch."""

from __future__ import annotations

import pytest

from helpers import other_people, people


# --- sport and talks person nouns --------------------------------------------------------------------------

@pytest.mark.parametrize("text, person", [
    ("Deportivo took the lead when former Auxerre playmaker Corentine Martins headed home a corner.",
     "Corentine Martins"),
    ("He will probably be replaced by his Newcastle team mate Les Ferdinand.", "Les Ferdinand"),
    ("The talks were chaired by Burundi negotiator Julius Nyerere in Arusha.", "Julius Nyerere"),
])
def test_a_sport_or_talks_role_before_a_name_makes_a_person(nlp, text, person):
    assert person in people(nlp(text))


# --- a forename the tagger took for another word ------------------------------------------------------------

@pytest.mark.parametrize("text, person", [
    ("The order includes training, Ericsson spokesman Per Zetterquist told Reuters.", "Per Zetterquist"),
    ("The deal was signed, company spokesman Will Harding said on Friday.", "Will Harding"),
])
def test_a_mistagged_forename_after_a_role_word_opens_the_name(nlp, text, person):
    assert person in people(nlp(text))


def test_a_function_word_after_a_role_word_that_is_no_forename_opens_no_name(nlp):
    assert other_people(nlp, "It was the minister For Health Services Reform who decided on Monday.") == set()


# --- a quoted nickname between forename and surname -----------------------------------------------------------

@pytest.mark.parametrize("text, person", [
    ('Boxing legend Roberto "Hands of Stone" Duran climbs into the ring on Saturday. Duran, 45, feels good.',
     'Roberto "Hands of Stone" Duran'),
    ('He wants a rematch against Puerto Rico\'s Hector "Macho" Camacho in Atlantic City.',
     'Hector "Macho" Camacho'),
])
def test_a_quoted_nickname_stays_inside_the_name(nlp, text, person):
    assert person in people(nlp(text))


@pytest.mark.parametrize("text", [
    'The slogan read "Air Bag Safety" Everywhere on the East Coast.',
    'Fans sang "Hey Jude" Tuesday night at the stadium.',
])
def test_quoted_words_after_no_forename_are_no_nickname(nlp, text):
    assert other_people(nlp, text) == set()


# --- what is not a person's description ---------------------------------------------------------------------

def test_a_verb_shaped_like_a_title_describes_no_one(nlp):
    text = "Adams and Platt are both injured and will miss England's opening World Cup qualifier on Sunday."
    assert "England" not in other_people(nlp, text)


def test_the_affiliation_before_anothers_role_is_no_person(nlp):
    text = "The Irish led through captain Andy Townsend and 20-year-old Norwich striker Keith O'Neill."
    found = other_people(nlp, text)
    assert "Keith O'Neill" in found and "Norwich" not in found


def test_a_person_before_a_role_noun_and_a_name_stays_a_person(nlp):
    text = "President Bill Clinton met reporters. Clinton spokesman Mike McCurry said the talks went well."
    found = other_people(nlp, text)
    assert {"Bill Clinton", "Mike McCurry"} <= found


# --- a facility named after a person ---------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("About 100 people marched outside the headquarters at Charles de Gaulle airport north of Paris.",
     "Charles de Gaulle"),
    ("A Guinean man, detained in a round-up in the Saint-Bernard church a week ago, was deported.", "Saint-Bernard"),
])
def test_a_name_before_a_building_noun_is_the_buildings(nlp, text, name):
    assert name not in other_people(nlp, text)


def test_a_person_named_beside_a_building_stays_a_person(nlp):
    text = ("General Charles de Gaulle, who led the Free French, said France would fight on. Decades later the new "
            "terminal at Charles de Gaulle airport opened.")
    assert "Charles de Gaulle" in other_people(nlp, text)


# --- a member of a country or a club -----------------------------------------------------------------------

@pytest.mark.parametrize("text, person", [
    ("Austria's best chance came with Stephan Marasek of SC Freiburg taking advantage of a scramble.",
     "Stephan Marasek"),
    ("Earlier, Mexico's Manuel Medina was retired by his corner at the end of the 11th round.", "Manuel Medina"),
])
def test_a_forename_led_name_of_a_country_or_club_is_a_person(nlp, text, person):
    assert person in other_people(nlp, text)


def test_a_name_of_the_country_it_runs_for_is_a_person(nlp):
    text = "Usain Bolt won in 9.58 seconds, ahead of Tyson Gay of the United States."
    assert "Tyson Gay" in other_people(nlp, text)


@pytest.mark.parametrize("text, name", [
    ("The lender said Bank of America would cut fees.", "Bank of America"),
    ("Analysts expect Morgan Stanley of New York to raise its forecast.", "Morgan Stanley"),
])
def test_an_organisation_of_a_place_stays_an_organisation(nlp, text, name):
    assert name not in other_people(nlp, text)


# --- a single opening quotation mark ends a name ------------------------------------------------------------

def test_a_name_ends_at_an_opening_single_quotation_mark(nlp):
    doc = nlp("Colorado doctor who called Michelle Obama ‘monkey face’ resigns. Michelle Obama said hope matters.")
    assert "Michelle Obama" in people(doc)
    assert not any("monkey" in name for name in people(doc))


# --- results and line-ups --------------------------------------------------------------------------------------

def test_players_listed_with_minutes_or_countries_are_people(nlp):
    text = ("The Republic of Ireland beat Liechtenstein 5-0 in a World Cup qualifier on Saturday.\n\n"
            "Scorers: Andy Townsend (5th), Keith O'Neill (7th), Niall Quinn (11th, 61st), Ian Harte (19th).")
    assert {"Andy Townsend", "Keith O'Neill", "Niall Quinn", "Ian Harte"} <= other_people(nlp, text)


def test_a_product_listed_with_its_platform_in_brackets_stays_out(nlp):
    text = "New this week:\n\nMario Kart World (Nintendo Switch)\nDonkey Kong Bananza (Nintendo Switch)"
    assert not {"Mario Kart World", "Donkey Kong Bananza"} & other_people(nlp, text)


# --- a verb inside a name makes it a title ---------------------------------------------------------------------

def test_a_title_with_a_verb_inside_is_no_person(nlp):
    text = "Ingrid Goes West is currently streaming on Hulu. Critics said Ingrid Goes West was sharp."
    assert not any(name.startswith("Ingrid") for name in other_people(nlp, text))


def test_a_headline_verb_after_a_name_leaves_the_person(nlp):
    text = "Trump Says Tariffs Will Stay\n\nPresident Donald Trump said on Monday that tariffs would stay."
    assert "Donald Trump" in other_people(nlp, text)


# --- a title in the plural before a list of names ---------------------------------------------------------------

def test_a_plural_title_is_not_part_of_the_first_name(nlp):
    found = other_people(nlp, "The bill was sponsored by Senators Edward Kennedy and John McCain.")
    assert {"Edward Kennedy", "John McCain"} <= found
    assert not any(name.startswith("Senators") for name in found)


def test_a_plural_noun_that_is_no_title_stays_in_a_name(nlp):
    assert "Sacramento Kings" not in other_people(nlp, "The Sacramento Kings beat the Lakers on Sunday.")


# --- the author of a work, a relative of a person ----------------------------------------------------------------

@pytest.mark.parametrize("text, person", [
    ("The novel was written by Chinua Achebe in 1958.", "Chinua Achebe"),
    ("The film, directed by Ang Lee, opened on Friday.", "Ang Lee"),
])
def test_the_author_after_by_is_a_person(nlp, text, person):
    assert person in other_people(nlp, text)


def test_a_company_after_written_by_stays_a_company(nlp):
    text = "The report was written by Goldman Sachs analysts and the software by Microsoft."
    assert not {"Goldman Sachs", "Microsoft"} & other_people(nlp, text)


def test_the_relative_of_a_named_person_is_a_person(nlp):
    assert "Rebecca Clarke" in other_people(nlp, "A statement from the family of Rebecca Clarke thanked the rescuers.")


def test_the_government_of_a_country_is_no_relative(nlp):
    assert "South Korea" not in other_people(nlp, "The government of South Korea said exports rose.")


# --- no sentence starts right after a forename -----------------------------------------------------------------

def test_the_parser_does_not_split_a_name_after_its_forename(nlp):
    text = ("2) Ex Libris\nFrederick Wiseman is one of the towering giants of nonfiction film, a keen observer of "
            "American institutions for the past half-century.")
    doc = nlp(text)
    wiseman = next(t for t in doc if t.text == "Wiseman")
    assert not wiseman.is_sent_start
    assert "Frederick Wiseman" in people(doc)


# --- a name set off by commas after a person noun and a preposition ---------------------------------------------

def test_a_name_set_off_after_a_person_noun_and_a_preposition_is_a_person(nlp):
    text = "Officials met Beijing's chief negotiator with Seoul, Tang Jiaxuan, on Monday."
    assert "Tang Jiaxuan" in other_people(nlp, text)


@pytest.mark.parametrize("text, name", [
    ("Sarah Gille, an oceanographer at the University of California, San Diego, studies the currents.", "San Diego"),
    ("The chairman of national carrier Garuda Indonesia blamed the weather for the delay.", "Garuda Indonesia"),
])
def test_a_place_or_company_after_a_person_noun_and_a_preposition_stays_what_it_is(nlp, text, name):
    assert name not in other_people(nlp, text)


# --- quoted as saying ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Xinhua quoted Zhang Dejiang as saying the plan would go ahead.",
    "Zhang Dejiang was quoted as saying the plan would go ahead.",
])
def test_the_one_quoted_as_saying_is_a_person(nlp, text):
    assert "Zhang Dejiang" in other_people(nlp, text)


def test_a_company_quoted_as_saying_stays_a_company(nlp):
    assert "Airbus" not in other_people(nlp, "Bloomberg quoted Airbus as saying deliveries would rise next year.")


# --- a plural person noun describes a group ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Defending champions Porto lost 2-1 at home to Braga on Saturday.",
    "Holders Brazil and hosts France meet in the final on Sunday.",
])
def test_a_team_after_a_plural_person_noun_is_no_person(nlp, text):
    assert other_people(nlp, text) == set()


def test_people_listed_after_a_plural_title_stay_people(nlp):
    text = "Senators Edward Kennedy and John McCain backed the bill."
    assert {"Edward Kennedy", "John McCain"} <= other_people(nlp, text)


# --- a name before its own person noun ------------------------------------------------------------------------

def test_a_club_before_a_person_noun_is_not_described_by_the_age_before_it(nlp):
    assert other_people(nlp, "The 29-year-old Aston Villa defender was booked twice and sent off.") == set()


def test_a_name_after_a_club_and_a_role_keeps_the_age(nlp):
    assert "Keith O'Neill" in other_people(nlp, "The 29-year-old Norwich striker Keith O'Neill scored twice.")


# --- broadcasters -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The talks stalled on Monday, official Kabul Radio said.",
    "Officials told Reuters Television the border was closed.",
])
def test_a_radio_or_television_station_is_no_person(nlp, text):
    assert other_people(nlp, text) == set()


# --- an appositive is next to its name -----------------------------------------------------------------------------

def test_a_description_hung_far_from_a_name_does_not_make_it_a_thing(nlp):
    text = ("Kenneth Dalby spoke on Thursday of his sadness at leaving Blackburn, the club he led to the title. "
            "Dalby said he was proud.")
    assert "Kenneth Dalby" in other_people(nlp, text)


def test_a_description_right_after_a_name_still_makes_it_a_thing(nlp):
    assert "Gazprombank" not in other_people(nlp, "Gazprombank, Russia's third-largest bank, said profits rose.")


# --- a nationality noun before a hyphenated forename, a surname the model left out, a score after the name ----------

def test_a_nationality_noun_before_a_hyphenated_forename_comes_off_and_the_surname_joins(nlp):
    text = "Ivanov said after beating Dutchman Jan-Willem Dekker 6-2 6-0 6-1 in the opening round."
    assert "Jan-Willem Dekker" in other_people(nlp, text)


def test_a_score_after_a_name_is_no_number_of_a_work(nlp):
    text = ('"I think I\'m much more focused," Ivanov said after routing Frenchman Jean-Philippe Moreau 6-2 6-0 6-1 '
            'in the opening round.')
    assert "Jean-Philippe Moreau" in other_people(nlp, text)


@pytest.mark.parametrize("text", ["Forza Motorsport 7 sold well.", "Blade Runner 2049 opened on Friday."])
def test_a_number_after_a_title_still_makes_it_a_work(nlp, text):
    assert other_people(nlp, text) == set()


# --- what a thing noun describes is no untagged person -------------------------------------------------------------

def test_a_newspaper_named_after_its_noun_is_no_person(nlp):
    assert other_people(nlp, "The Albanian daily Koha Ditore reported that talks had resumed.") == set()


def test_a_name_after_a_title_still_is_a_person(nlp):
    assert "Arben Hoxha" in other_people(nlp, "Editor Arben Hoxha said the talks had resumed.")


# --- a verb with "as" and a title ---------------------------------------------------------------------------------------

def test_who_took_over_as_a_title_is_a_person(nlp):
    assert "Necmi Oztaskin" in other_people(nlp, "Necmi Oztaskin took over as prime minister in June.")


@pytest.mark.parametrize("text", [
    "Barclays served as adviser to the company.",
    "Hamburg side St Pauli, tipped as prime candidates for relegation, drew 4-4.",
])
def test_a_company_or_team_as_a_role_stays_no_person(nlp, text):
    assert other_people(nlp, text) == set()


# --- a lower-case last word ---------------------------------------------------------------------------------------

def test_a_capitalised_word_and_a_common_noun_are_no_name(nlp):
    assert other_people(nlp, "Jet kerosene was assessed at 27.40 dollars a barrel on Thursday.") == set()


def test_a_name_with_a_lower_case_particle_inside_stays_a_name(nlp):
    assert "Osama bin Laden" in other_people(nlp, "Osama bin Laden was killed in 2011.")


# --- a club before a role and a name, coordinated with a person ---------------------------------------------------

def test_a_club_before_a_role_and_a_name_is_no_person_beside_another_player(nlp):
    text = "Liverpool striker Mark Kennedy and Chelsea defender Terry Phelan were both receiving treatment."
    found = other_people(nlp, text)
    assert {"Mark Kennedy", "Terry Phelan"} <= found and "Chelsea" not in found


def test_players_named_after_their_clubs_stay_people(nlp):
    found = other_people(nlp, "Arsenal's Tony Adams and Chelsea's Dennis Wise were booked.")
    assert {"Tony Adams", "Dennis Wise"} <= found
