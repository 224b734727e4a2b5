"""news_entities rules, each on a short text of its own, with the real pipeline."""

from __future__ import annotations

import pytest

from helpers import people
from pipelines.nlp.names import entity_key


def entity_of(doc, surface: str, occurrence: int = 0):
    """The entity that the ``occurrence``-th mention with this exact text belongs to."""
    mentions = [m for m in doc._.entity_mentions if m.text == surface]
    assert len(mentions) > occurrence, f"no mention {surface!r} #{occurrence} in {doc._.entity_mentions}"
    return doc._.entities[mentions[occurrence].entity]


# --- names ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("variant", ["Kim Jong-un", "Kim Jong-Un", "KIM JONG UN", " Kim  Jong Un ", "Kim Jong Un’s"])
def test_spelling_variants_share_a_key(variant):
    assert entity_key(variant) == entity_key("Kim Jong Un")


def test_accents_dots_and_the_are_folded():
    assert entity_key("Björn Duben") == entity_key("Bjorn Duben")
    assert entity_key("Patricia M. Kim") == entity_key("Patricia M Kim")
    assert entity_key("the U.S.") == entity_key("US")


@pytest.mark.parametrize("other", ["Patricia M Kim", "Kim Yong Hyun", "Kim", "Kim Jong"])
def test_different_people_keep_different_keys(other):
    assert entity_key(other) != entity_key("Kim Jong Un")


# --- mention clean-up -----------------------------------------------------------------------------------

def test_possessives_and_line_breaks_are_trimmed(nlp):
    doc = nlp("North Korea’s missile tests worried Japan's government.\nThe United States said little.")
    texts = {m.text for m in doc._.entity_mentions}
    assert "North Korea" in texts and "Japan" in texts
    assert not any("’s" in t or "'s" in t or "\n" in t for t in texts)


def test_lowercase_spans_are_not_entities(nlp):
    doc = nlp("The democratic nations met in Paris on Monday, officials said.")
    assert [m.text for m in doc._.entity_mentions] == ["Paris"]


def test_link_list_headlines_and_credits_are_not_people(nlp):
    doc = nlp("Officials in Canberra met on Monday to discuss the budget, the treasurer said.\n"
              "KEEP READING\n"
              "  • Jack Silvagni Signs Five-Year Deal with St Kilda After Leaving Carlton\n"
              "  • Judge Rules Trump’s Deployment of National Guard Illegal\n"
              "A protest in Canberra. (Photographer: Ju Peng/Xinhua)\n"
              "--With assistance from Jon Herskovitz and Soo-Hyang Choi.\n"
              "Treasurer Jim Chalmers said the budget would be balanced.")
    assert set(people(doc)) == {"Jim Chalmers"}


def test_a_past_tense_reporting_verb_before_a_name_is_not_part_of_it(nlp):
    doc = nlp("Tomas Brandt ran the club's scouting for a decade.\n"
              "Replied Brandt, with a smile, “We never doubted him.”\nAdded Tomas Brandt: “Not once.”")
    assert {m.text for m in doc._.entity_mentions if m.label == "PERSON"} == {"Tomas Brandt", "Brandt"}
    assert set(people(doc)) == {"Tomas Brandt"}


# --- people within an article ---------------------------------------------------------------------------

def test_a_surname_joins_the_full_name_whatever_spacy_called_it(nlp):
    doc = nlp("Bjorn Alexander Duben, a north-east Asian studies specialist at Jilin University, said Beijing "
              "wanted calm.\n“China could be content,” Duben said.\nDuben added that talks would continue.")
    person = entity_of(doc, "Duben")
    assert person.name == "Bjorn Alexander Duben" and person.label == "PERSON"
    assert all(entity_of(doc, "Duben", i) is person for i in range(2))
    assert person.roles == ["a north-east Asian studies specialist at Jilin University"]


def test_bare_kim_goes_to_the_person_being_discussed(nlp):
    doc = nlp("North Korean leader Kim Jong Un sent troops to Russia. Kim has rarely travelled abroad.\n"
              "“Beijing will be careful,” said Patricia M Kim, a fellow at the Brookings Institution.\n"
              "“It could push leaders to act,” she added.\n"
              "China is unhappy with Kim adding risks to the region.")
    leader, fellow = people(doc)["Kim Jong Un"], people(doc)["Patricia M Kim"]
    assert fellow is not leader and fellow.key != leader.key
    assert entity_of(doc, "Kim", 0) is leader and entity_of(doc, "Kim", 1) is leader


def test_bare_surname_right_after_a_full_name_in_the_paragraph_is_that_person(nlp):
    doc = nlp("Kim Jong Un fired a missile on Monday. Kim watched the launch.\n"
              "Patricia M Kim, a fellow at the Brookings Institution, was not surprised. Kim said the test "
              "was expected.")
    assert entity_of(doc, "Kim", 0).name == "Kim Jong Un"
    assert entity_of(doc, "Kim", 1).name == "Patricia M Kim"


def test_a_title_of_the_other_sex_keeps_a_namesake_apart(nlp):
    doc = nlp("Maria Okafor opened the new clinic in Lagos on Monday with her father.\n"
              "Mr. Okafor said the clinic had taken ten years to build. Ms. Okafor thanked the nurses.")
    daughter = people(doc)["Maria Okafor"]
    assert entity_of(doc, "Okafor", 0) is not daughter and entity_of(doc, "Okafor", 0).name == "Okafor"
    assert entity_of(doc, "Okafor", 1) is daughter


@pytest.mark.parametrize(("full_name", "title"), [("Peter Lindqvist", "Mr."), ("Jordan Lindqvist", "Ms."),
                                                   ("Jordan Lindqvist", "Mr.")])
def test_a_title_that_fits_or_a_forename_of_either_sex_still_joins(nlp, full_name, title):
    doc = nlp(f"{full_name} opened the new clinic in Oslo on Monday.\n{title} Lindqvist said it took ten years.")
    assert entity_of(doc, "Lindqvist").name == full_name


def test_a_short_form_never_joins_an_organisation(nlp):
    doc = nlp("The Kim Foundation gave money to schools in Seoul. Kim Yong Hyun praised the gift. "
              "Kim said it would help.")
    foundation = [e for e in doc._.entities if e.key == entity_key("Kim Foundation")]
    assert foundation and foundation[0].label == "ORG" and foundation[0].aliases == {"Kim Foundation"}
    assert entity_of(doc, "Kim").name == "Kim Yong Hyun"


def test_a_person_coordinated_with_a_person_is_a_person(nlp):
    doc = nlp("Chinese President Xi Jinping hosted North Korean leader Kim Jong Un in Beijing.\n"
              "By enabling dialogue between Kim and Putin, China helps to establish itself.")
    assert entity_of(doc, "Putin").label == "PERSON"


def test_a_place_is_not_a_person(nlp):
    doc = nlp("Moscow’s pursuit of victory over Kyiv at nearly any cost is not constant.")
    assert "Kyiv" not in people(doc)
    assert {e.name: e.label for e in doc._.entities}.get("Kyiv") == "GPE"


def test_a_person_inside_an_organisation_name_is_not_a_person(nlp):
    doc = nlp("Yongwook Ryu, a specialist at the Lee Kuan Yew School of Public Policy, said China was wary.\n"
              "“It will be careful,” said Patricia M Kim, a fellow at the John L. Thornton China Center.")
    assert set(people(doc)) == {"Yongwook Ryu", "Patricia M Kim"}
    orgs = {e.name for e in doc._.entities if e.label == "ORG"}
    assert {"Lee Kuan Yew School of Public Policy", "John L. Thornton China Center"} <= orgs


def test_names_joined_by_a_hyphen_are_split(nlp):
    doc = nlp("Russian President Vladimir Putin met North Korean leader Kim Jong Un. "
              "The Kim-Putin partnership worries China.")
    for surname, full in (("Kim", "Kim Jong Un"), ("Putin", "Vladimir Putin")):
        assert entity_of(doc, surname).name == full


def test_a_name_after_a_quote_dash_is_a_person(nlp):
    doc = nlp("“They’re not doing too well in Ukraine, so they need all the help they can get.” – Go Myong-Hyun")
    assert "Go Myong-Hyun" in people(doc)


def test_missing_forename_and_hyphenated_part_are_restored(nlp):
    doc = nlp("In an interview, South Korean President Yoon Suk-yeol said China had a role to play.\n"
              "Bjorn Alexander Duben, a specialist at Jilin University, said Beijing wanted calm.")
    assert {"Yoon Suk-yeol", "Bjorn Alexander Duben"} <= set(people(doc))


# --- roles ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, name, role", [
    ("Chinese foreign ministry spokeswoman Mao Ning said in September that ties were good.",
     "Mao Ning", "Chinese foreign ministry spokeswoman"),
    ("US representative Robert Wood demanded that China act on the matter.",
     "Robert Wood", "US representative"),
    ("Daniel Russel spoke first. “Beijing does not want to pay,” said Russel, who is now vice president "
     "of the Asia Society Policy Institute.", "Daniel Russel", "vice president of the Asia Society Policy Institute"),
    ("“I don’t believe it,” said Zhou Bo, a retired senior colonel in the Chinese military.",
     "Zhou Bo", "a retired senior colonel in the Chinese military"),
])
def test_descriptions_become_roles(nlp, text, name, role):
    assert role in people(nlp(text))[name].roles


def test_every_mention_points_at_an_entity_and_aliases_cover_them(nlp):
    doc = nlp("Kim Jong Un met Vladimir Putin. Kim told Putin that ties were strong, Russian media said.")
    for mention in doc._.entity_mentions:
        entity = doc._.entities[mention.entity]
        assert mention.text in entity.aliases
        assert doc.text[mention.start:mention.end] == mention.text
    assert entity_key(people(doc)["Kim Jong Un"].name) == people(doc)["Kim Jong Un"].key


def test_a_speaker_called_she_is_a_person_and_an_organisation_that_speaks_is_not(nlp):
    doc = nlp("Okonjo-Iweala said the talks would resume next week. She added that the mood was good.\n"
              "Reuters said the talks would resume next week. It added that the mood was good.")
    labels = {e.name: e.label for e in doc._.entities}
    assert labels.get("Okonjo-Iweala") == "PERSON"
    assert labels.get("Reuters", "ORG") != "PERSON"
