"""news_entities: what the small model calls a person but the article shows is not one (or not by that name).

Each text makes the real model err (its raw label is asserted first), so each test fails without its rule.
"""

from __future__ import annotations

import pytest

from helpers import people


def labels(doc) -> dict[str, str]:
    return {e.name: e.label for e in doc._.entities}


def spacy_label(doc, text: str) -> str | None:
    return next((ent.label_ for ent in doc.ents if ent.text == text), None)


# --- titles ---------------------------------------------------------------------------------------------

def test_a_local_title_is_a_role_not_part_of_the_name(nlp):
    doc = nlp("“We cannot wait any longer,” said Councilman Joe Parker, who wrote the plan. "
              "Superintendent Lisa Grant said schools would open.")
    assert spacy_label(doc, "Councilman Joe Parker") == "PERSON"
    assert set(people(doc)) == {"Joe Parker", "Lisa Grant"}
    assert people(doc)["Joe Parker"].roles[0] == "Councilman"
    assert people(doc)["Lisa Grant"].roles == ["Superintendent"]


def test_abbreviated_titles_are_roles_and_party_tags_are_not_people(nlp):
    doc = nlp("Sen. Elizabeth Warren, D-Mass., and Gov. Gavin Newsom criticized the plan on Tuesday. "
              "“This is reckless,” Warren said.")
    assert spacy_label(doc, "D-Mass.") is not None
    assert set(people(doc)) == {"Elizabeth Warren", "Gavin Newsom"}
    assert people(doc)["Elizabeth Warren"].roles == ["Sen."] and people(doc)["Gavin Newsom"].roles == ["Gov."]


# --- places ---------------------------------------------------------------------------------------------

def test_a_street_is_a_place(nlp):
    doc = nlp("Voters approve Whitcomb Street bike lanes after marathon meeting")
    assert spacy_label(doc, "Whitcomb Street") == "PERSON"
    assert not people(doc) and labels(doc)["Whitcomb Street"] == "FAC"


@pytest.mark.parametrize("text, town", [
    ("‘When I was a boy in Alvarenga I watched English football with my father,’ he said.", "Alvarenga"),
    ("Her rival, former mayor Tom Hart, was campaigning in Barlow. His campaign dismissed the plan.", "Barlow"),
])
def test_a_bare_name_used_as_a_place_is_a_place(nlp, text, town):
    doc = nlp(text)
    assert spacy_label(doc, town) == "PERSON"
    assert town not in people(doc) and labels(doc)[town] == "GPE"


def test_a_town_followed_by_a_who_clause_stays_a_town(nlp):
    doc = nlp("Gary Dunn, a retired machinist from Ashford who said he has voted Republican for decades, listened.")
    assert "Ashford" in {ent.text for ent in doc.ents}
    assert set(people(doc)) == {"Gary Dunn"}


# --- organisations and products -------------------------------------------------------------------------

def test_a_bare_word_of_an_organisation_name_is_that_organisation(nlp):
    doc = nlp("Veltro Foods is recalling 20,000 jars of pasta sauce. Veltro is offering refunds. "
              "Customers may contact Veltro by phone.")
    assert spacy_label(doc, "Veltro") == "PERSON"
    assert not people(doc) and labels(doc)["Veltro"] == "ORG"


def test_a_surname_of_a_person_in_the_article_stays_a_person_next_to_an_organisation(nlp):
    doc = nlp("Dana Reyes founded Reyes Hardware in 1990. Reyes said sales were strong.")
    assert "Dana Reyes" in people(doc) and all(
        doc._.entities[m.entity].name == "Dana Reyes" for m in doc._.entity_mentions if m.text == "Reyes")


@pytest.mark.parametrize("text, club", [
    ("The club signed Rui Costa from CD Tondela for £20m. Costa scored 12 goals for Tondela.", "Tondela"),
    ("Thornbury Cloud grew 21% in the quarter. Thornbury Systems shares fell.", "Thornbury Cloud"),
])
def test_clubs_and_company_units_are_organisations(nlp, text, club):
    doc = nlp(text)
    assert any(ent.label_ == "PERSON" and club in ent.text for ent in doc.ents)
    assert club not in people(doc) and labels(doc)[club] == "ORG"


def test_a_product_owned_by_the_page_is_not_a_person(nlp):
    doc = nlp("Mayor Ann Cole spoke in Denver on Monday.\nRead more in our Sunday Fox newsletter.")
    assert spacy_label(doc, "Fox") == "PERSON"
    assert set(people(doc)) == {"Ann Cole"}


# --- common words ---------------------------------------------------------------------------------------

def test_capitalised_common_words_at_a_sentence_start_are_not_people(nlp):
    doc = nlp("Schools will reopen on Monday, officials said.\n"
              "Download the News 4 app for alerts.\n"
              "Cooler weather arrives just in time for the weekend\n"
              "Mayor Ann Cole spoke in Denver on Monday.")
    assert spacy_label(doc, "Download") == spacy_label(doc, "Cooler") == "PERSON"
    assert set(people(doc)) == {"Ann Cole"}


# --- credits --------------------------------------------------------------------------------------------

def test_contributor_lines_and_author_bios_are_credits(nlp):
    doc = nlp("The appeal was rejected on Friday, the court said.\n"
              "Reuters writer Jane Roe in Denver contributed to this report.\n"
              "Mark Dillon covers courts for the Valley Herald. Reach him at mdillon@example.com.\n"
              "Lucy Hart is a staff writer at the Valley Herald.\n"
              "Judge Ann Cole ruled on Monday.")
    assert {"Jane Roe", "Mark Dillon", "Lucy Hart"} <= {ent.text for ent in doc.ents if ent.label_ == "PERSON"}
    assert set(people(doc)) == {"Ann Cole"}


def test_a_person_who_covers_something_in_running_text_is_still_a_person(nlp):
    doc = nlp("The insurance policy covers flood damage, said Mark Dillon, a broker in Tulsa.")
    assert "Mark Dillon" in people(doc)


# --- birth names ----------------------------------------------------------------------------------------

def test_a_birth_name_is_an_alias_of_the_person(nlp):
    doc = nlp("Ann Marsh, a poet, died on Sunday. She was 80.\n"
              "Ann Keller was born in 1944 in Ohio. Keller left school at 16. In 1966 she married Tom Marsh.")
    assert set(people(doc)) == {"Ann Marsh", "Tom Marsh"}
    assert {"Ann Keller", "Keller"} <= people(doc)["Ann Marsh"].aliases


def test_born_before_a_name_marks_the_former_name(nlp):
    doc = nlp("The singer, born Mary Jones, took the name Mary Lane in 1970. Lane said so.")
    assert set(people(doc)) == {"Mary Lane"}
    assert "Mary Jones" in people(doc)["Mary Lane"].aliases


@pytest.mark.parametrize("line", [
    "Protesters gathered outside the court in Denver on Friday.Mark Reyes / AFP - Getty Images",
    "Protesters gathered outside the court in Denver on Friday. (Mark Reyes/AFP/Getty Images)",
    "Protesters gathered outside the court in Denver on Friday. Mark Reyes for The Valley Herald",
    "Mark Reyes and Lucy Hart contributed.",
    "Mark Reyes reported from Denver, and Lucy Hart from Boulder.",
    "Mark Reyes has covered the courts since 2012. Previously, he wrote about banking.",
    "Mark Reyes is a Valley Herald freelance producer based in Denver.",
])
def test_photo_credits_contributor_lines_and_bios_are_credits(nlp, line):
    doc = nlp("Judge Ann Cole ruled on Monday that the appeal could go ahead.\n" + line)
    assert any("Mark Reyes" in ent.text for ent in doc.ents if ent.label_ == "PERSON")
    assert set(people(doc)) == {"Ann Cole"}


def test_a_name_followed_by_for_in_a_sentence_is_not_a_credit(nlp):
    doc = nlp("The party picked Mark Reyes for the Senate seat. Reyes said he was honoured.")
    assert "Mark Reyes" in people(doc)
