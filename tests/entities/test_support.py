"""news_entities: a name is a person when the article supports it, on short texts of their own.

Where the real model errs, its raw label is asserted first, so the test fails without the rule.
"""

from __future__ import annotations

import pytest

from helpers import people, run, speaker_name
from pipelines.nlp.names import entity_key


# Appended to texts whose names are not people: a pipeline that finds no one at all fails these tests too.
ANALYST = "Analyst Maria Lopez, 41, wrote about it."


def spacy_labels(doc) -> dict[str, str]:
    return {ent.text: ent.label_ for ent in doc.ents}


def only_the_analyst(doc) -> bool:
    return set(people(doc)) == {"Maria Lopez"}


# --- names the old -ence/-ance rule dropped ---------------------------------------------------------------

@pytest.mark.parametrize("name", ["Lawrence Wong", "Florence Martin", "Clarence Thomas", "Terence Davies",
                                  "Rebecca Spence", "Constance Wu", "Maurice Lacroix"])
def test_names_that_look_like_abstract_nouns_are_people_and_speakers(nlp, name):
    doc = run(nlp, f"“We will keep going,” said {name}, who spoke on Monday.")
    assert name in people(doc)
    assert [speaker_name(doc, q) for q in doc._.quotes] == [name]


def test_an_abstract_noun_the_model_calls_a_person_is_not_one(nlp):
    doc = nlp("China and North Korea signed the Treaty on Friendship, Co-operation and Mutual Assistance in 1961. "
              "Kim Il Sung, the North Korean leader, signed it.")
    assert spacy_labels(doc).get("Mutual Assistance") == "PERSON"
    assert set(people(doc)) == {"Kim Il Sung"}


# --- names stay whole -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("Ryanair chief executive Michael O'Leary said fares would rise.", "Michael O'Leary"),
    ("Ryanair chief executive Michael O’Leary said fares would rise.", "Michael O’Leary"),
    ("Tim O’Reilly, the founder of the publisher, said the web would survive.", "Tim O’Reilly"),
    ("The programme ends with a sonata by the composer Ludwig van Beethoven.", "Ludwig van Beethoven"),
    ("Ngozi Okonjo-Iweala, the WTO director-general, said trade would slow.", "Ngozi Okonjo-Iweala"),
])
def test_names_with_apostrophes_particles_and_hyphens_stay_whole(nlp, text, name):
    assert name in people(nlp(text))


def test_a_surname_with_an_apostrophe_alone_is_the_same_person(nlp):
    doc = nlp("Ryanair chief executive Michael O’Leary said fares would rise. O’Leary added that the airline "
              "was growing.")
    assert spacy_labels(doc).get("Michael") == "PERSON"  # the model leaves O’Leary out
    assert set(people(doc)) == {"Michael O’Leary"}
    assert len([m for m in doc._.entity_mentions if m.label == "PERSON" or m.text == "O’Leary"]) == 2


def test_soft_hyphens_inside_a_name_do_not_change_the_person():
    assert entity_key("Vladi\u00admir Putin") == entity_key("Vladimir Putin")


def test_an_entity_name_is_written_without_soft_hyphens(nlp):
    doc = nlp("Russian President Vladi\u00admir Putin met the prime minister on Monday.")
    assert "Vladimir Putin" in people(doc)


# --- people after role words ------------------------------------------------------------------------------

def test_a_person_after_a_capitalised_role_word_is_found(nlp):
    doc = run(nlp, "Spokeswoman Sandy Angers said the plant would close in June.")
    assert spacy_labels(doc).get("Spokeswoman Sandy Angers") == "ORG"
    assert set(people(doc)) == {"Sandy Angers"}
    assert people(doc)["Sandy Angers"].roles == ["Spokeswoman"]
    assert [speaker_name(doc, q) for q in doc._.quotes] == ["Sandy Angers"]


def test_a_name_after_a_legal_form_is_not_part_of_the_company(nlp):
    doc = nlp("“We are committed to the dealers,” said the vice chairman of Chrysler LLC Jim Press.")
    assert "Jim Press" in people(doc)
    assert "Chrysler" in {e.name for e in doc._.entities if e.label == "ORG"}


def test_a_person_noun_before_a_name_makes_it_a_person(nlp):
    doc = nlp("Lladanosa and her colleague Iván Fornís Espinosa have also received drugs from China.")
    assert spacy_labels(doc).get("Iván Fornís Espinosa") == "ORG"
    assert "Iván Fornís Espinosa" in people(doc)


@pytest.mark.parametrize("text, name", [
    ("Zimbabwe President Robert Mugabe, his wife Grace and two ministers are under house arrest.", "Grace"),
    ("He left his first wife, Sally, when she was ill.", "Sally"),
    ("There is little public affection for 52-year-old Grace, a former typist.", "Grace"),
    ("The priest, Fidelis Mukonori, is acting as a middle-man.", "Fidelis Mukonori"),
])
def test_family_and_person_nouns_support_a_name(nlp, text, name):
    assert name in people(nlp(text))


def test_a_person_noun_and_named_before_a_forename_make_it_a_person_and_a_speaker(nlp):
    doc = run(nlp, "The heckler later spoke to reporters. She is a retired nurse named Caroline, from Salem.\n"
                   "“He truly cares about the people here,” she said.")
    assert "Caroline" in people(doc)
    assert [speaker_name(doc, q) for q in doc._.quotes] == ["Caroline"]


def test_an_age_after_a_name_supports_it_and_a_forename_joins_an_untagged_surname(nlp):
    doc = nlp("Fiona Parry, her mother, said the pills were toxic.\n"
              "West Mercia Police said on Friday that the pills had been bought online.\n"
              "Eloise Parry, 21, was taken to hospital on 12 April.")
    assert {"Fiona Parry", "Eloise Parry"} <= set(people(doc))


# --- what is not a person ----------------------------------------------------------------------------------

def test_products_and_software_are_not_people(nlp):
    doc = nlp("Apple on Tuesday released a new MacBook Pro. The laptop runs Snow Leopard, the latest version of "
              "the company's operating system. Users of the Safari web browser will see changes, Apple said. "
              + ANALYST)
    assert spacy_labels(doc).get("Snow Leopard") == spacy_labels(doc).get("Safari") == "PERSON"
    assert only_the_analyst(doc)


def test_companies_the_model_calls_people_are_not_people(nlp):
    doc = nlp("Berkshire Hathaway bought shares of Lockheed Martin, Gazprombank and Air Berlin. " + ANALYST)
    assert {spacy_labels(doc).get(n) for n in ("Berkshire Hathaway", "Gazprombank", "Air Berlin")} == {"PERSON"}
    assert only_the_analyst(doc)


def test_a_company_that_speaks_is_not_a_person(nlp):
    doc = run(nlp, "Gazprombank said it would lend the money. “The terms are fair,” Gazprombank said. " + ANALYST)
    assert spacy_labels(doc).get("Gazprombank") == "PERSON"
    assert only_the_analyst(doc)
    assert all(q.speaker_entity is None for q in doc._.quotes)


def test_bands_and_shows_named_as_such_are_not_people(nlp):
    doc = nlp("Fans of the TV show Breaking Bad gathered outside, and the band Arcade Fire played. " + ANALYST)
    assert spacy_labels(doc).get("Breaking Bad") == spacy_labels(doc).get("Arcade Fire") == "PERSON"
    assert only_the_analyst(doc)


@pytest.mark.parametrize("text, name", [
    ("Donald Trump retweeted a quote on Sunday. The Twitter account Trump retweeted was set up by a reporter as a "
     "prank. “It's a very good quote,” Trump said on Monday.", "Donald Trump"),
    ("Hillary Clinton spoke on Sunday. The book Clinton wrote was a bestseller. “I am proud of it,” Clinton said.",
     "Hillary Clinton"),
])
def test_a_name_that_is_the_subject_of_a_clause_after_a_thing_noun_is_no_thing(nlp, text, name):
    doc = run(nlp, text)  # "the account Trump retweeted": the clause describes the account, Trump is no account
    assert set(people(doc)) == {name}
    assert [speaker_name(doc, q) for q in doc._.quotes] == [name]


def test_a_name_after_a_determiner_is_a_thing(nlp):
    doc = nlp("Nintendo sold 10 million units of the Switch. Spokesman Jeff Barr said sales were strong. "
              "Lawmakers are amending the Bill.")
    assert set(people(doc)) == {"Jeff Barr"}


def test_a_possessive_inside_a_name_separates_the_owner(nlp):
    doc = nlp("Rachel Stephens, an analyst at RedMonk, studies developers. RedMonk’s Stephens said the data was "
              "clear.")
    assert set(people(doc)) == {"Rachel Stephens"}


def test_a_person_after_an_outlets_possessive_in_one_org_span_is_a_person(nlp):
    doc = run(nlp, "In an interview with Fox News’ Sean Hannity on Monday night, Donald Trump spoke about the wall. "
                   "“They said it’s negotiable on the wall,” Hannity said. Shoppers lined up outside McDonald's Times "
                   "Square store.")
    assert spacy_labels(doc).get("Fox News’ Sean Hannity") == "ORG"
    assert set(people(doc)) == {"Donald Trump", "Sean Hannity"}
    assert [speaker_name(doc, q) for q in doc._.quotes] == ["Sean Hannity"]


def test_headline_words_are_cut_from_a_name(nlp):
    doc = nlp("Rob Lowe Will Never Return To The Show, Fans Told\n"
              "Rob Lowe said on Monday that he would not return to the series.")
    assert set(people(doc)) == {"Rob Lowe"}


def test_headline_words_are_cut_from_a_name_in_a_headline_with_a_full_stop(nlp):
    doc = run(nlp, "Mark Ruffalo Slams Critics for Mocking His Film, Tells Fans to Wait for the Sequel.\n\n"
                   "Mark Ruffalo spoke in Toronto on Monday. “The film is not finished,” Ruffalo said.")
    assert spacy_labels(doc).get("Mark Ruffalo Slams Critics") == "PERSON"
    assert set(people(doc)) == {"Mark Ruffalo"}
    assert [speaker_name(doc, q) for q in doc._.quotes] == ["Mark Ruffalo"]


@pytest.mark.parametrize("text, name", [
    ("Shop Cables And Battery Packs from our store today, the company said.", "Cables And Battery Packs"),
    ("The change appears on Page A1 of the print edition.", "Page A1"),
    ("Many Africans say they were not surprised by the coup.", "Africans"),
])
def test_digits_plurals_and_headline_runs_are_not_people(nlp, text, name):
    assert only_the_analyst(nlp(f"{text} {ANALYST}"))


def test_a_name_the_model_labels_an_organisation_elsewhere_is_not_a_person(nlp):
    doc = nlp("The film is on Vudu. Vudu is a streaming service owned by Fandango. Vudu said it would add "
              "films. Customers of Vudu can rent it. " + ANALYST)
    assert only_the_analyst(doc)


def test_a_bare_word_without_support_is_not_a_person_but_the_administration_of_one_is(nlp):
    doc = nlp("Users pay with Bitcoin. Republicans pilloried the Obama administration for its deficits.")
    assert set(people(doc)) == {"Obama"}


def test_a_full_name_the_article_gives_nothing_else_about_is_a_person_by_its_forename(nlp):
    doc = nlp("The report was read by Margaret Atwood and Nikolai Leskov.")
    assert {"Margaret Atwood", "Nikolai Leskov"} <= set(people(doc))


def test_a_name_used_as_its_last_words_alone_is_a_person(nlp):
    doc = nlp("In the mid-1990s, Osama bin Laden lived in Khartoum. In 1998, Bin Laden’s agents struck.")
    assert "Osama bin Laden" in people(doc)


def test_a_person_s_administration_at_a_line_start_is_the_person(nlp):
    doc = nlp("The military said so, he said.\n"
              "Biden administration officials said they were not notified in advance.")
    assert spacy_labels(doc).get("Biden") == "PERSON"
    assert set(people(doc)) == {"Biden"}


def test_a_place_opening_with_a_forename_stays_a_place(nlp):
    doc = nlp("Sarah Gille, now a physical oceanographer at the University of California, San Diego, was their "
              "daughter.")
    assert set(people(doc)) == {"Sarah Gille"}


# --- roles and who plays them --------------------------------------------------------------------------------

def test_the_actor_in_brackets_is_a_person_and_the_role_is_not(nlp):
    doc = nlp("When his father falls into a coma, his estranged son Jin (John Cho) arrives. Jin strikes up a "
              "friendship with a librarian.\n"
              "The movie follows Katherine (the astounding Florence Pugh), a woman in a loveless marriage.")
    assert spacy_labels(doc).get("Jin") == "PERSON" and spacy_labels(doc).get("Florence Pugh") == "ORG"
    assert set(people(doc)) == {"John Cho", "Florence Pugh"}


def test_words_in_brackets_after_a_person_are_not_an_actor(nlp):
    doc = nlp("Kim Jong Un (pictured) met Nick Clegg (Liberal Democrat) in Pyongyang.")
    assert set(people(doc)) == {"Kim Jong Un", "Nick Clegg"}


def test_where_a_person_works_is_not_a_person(nlp):
    doc = nlp("“It's a smart move in a recession,” said analyst Gene Munster of Piper Jaffray.")
    assert spacy_labels(doc).get("Piper Jaffray") == "PERSON"
    assert set(people(doc)) == {"Gene Munster"}


def test_a_name_in_a_headline_line_is_the_name_the_text_uses(nlp):
    doc = nlp("President Donald Trump spoke to the prime minister of Pakistan on Wednesday, officials said.\n"
              "Donald Trump Tells Pakistan He Will Do Whatever It Wants\n"
              "President-Elect Donald Trump met with rapper Kanye West at Trump Tower today.")
    assert "Donald Trump" in people(doc)
    assert not any(name.startswith(("Elect", "Donald Trump ")) for name in people(doc))


def test_an_author_bio_with_a_capitalised_role_is_a_credit(nlp):
    doc = nlp(ANALYST + " The flaw lets attackers crash any server, the researcher said.\n"
              "Dan Goodin is the Security Editor at Ars Technica, which he joined in 2012.")
    assert only_the_analyst(doc)


def test_a_description_after_a_comma_says_what_a_name_is(nlp):
    doc = nlp("Gazprombank, Russia's third-largest lender, agreed to the deal. Elena Marchetti, whose novels sold "
              "millions, died on Sunday. Her daughter said so.")
    assert spacy_labels(doc).get("Gazprombank") == "PERSON"
    assert set(people(doc)) == {"Elena Marchetti"}


def test_a_digit_outweighs_a_title_before_a_name(nlp):
    doc = nlp("Dr. Skin Cancer 2 said it was fine. " + ANALYST)
    assert spacy_labels(doc).get("Skin Cancer 2") == "PERSON"
    assert only_the_analyst(doc)


def test_a_role_word_before_a_product_with_a_number_does_not_make_it_a_person(nlp):
    doc = nlp("Founder Eben Upton unveiled the Raspberry Pi 2 on Monday. Designer Raspberry Pi 2 was praised.")
    assert spacy_labels(doc).get("Raspberry Pi 2") == "PERSON"
    assert set(people(doc)) == {"Eben Upton"}



# --- online handles ---------------------------------------------------------------------------------------

def test_online_handles_the_article_calls_people_are_people_and_speakers(nlp):
    doc = run(nlp, "NightOwl, a forum user who has posted since 2019, tested the pills.\n"
                   "“They were fake,” NightOwl wrote.\n"
                   "“I will not buy again,” wrote user mike1984.")
    assert {"NightOwl", "mike1984"} <= set(people(doc))
    assert [speaker_name(doc, q) for q in doc._.quotes if q.kind == "direct"] == ["NightOwl", "mike1984"]


def test_a_handle_that_keeps_something_to_himself_is_a_person(nlp):
    doc = nlp("The lab tested the samples. Later, mike1984 kept the results to himself.")
    assert "mike1984" in people(doc)


def test_a_product_that_looks_like_a_handle_is_not_a_person(nlp):
    doc = nlp("The PlayStation sold well. Sony said the PlayStation would get cheaper, and the XPhone2000 too. "
              + ANALYST)
    assert only_the_analyst(doc)


def test_what_a_person_uses_does_not_become_a_person(nlp):
    doc = nlp("“It got me sick,” an Evolution user wrote. Evolution, the market, closed in March. " + ANALYST)
    assert spacy_labels(doc).get("Evolution") == "PERSON"
    assert only_the_analyst(doc)


# --- organisations in wire reports ------------------------------------------------------------------------

def test_a_company_called_its_rival_is_not_a_person(nlp):
    doc = nlp("The Pentagon picked Lockheed Martin on Tuesday. Boeing, its main rival, declined to comment. "
              + ANALYST)
    assert only_the_analyst(doc)


def test_a_company_whose_shares_trade_is_not_a_person(nlp):
    doc = nlp("The Pentagon awarded Lockheed Martin a $1.2 billion contract on Tuesday, the Defense Department said. "
              "Lockheed Martin said it would hire 500 workers in Texas. Shares of Lockheed Martin rose 2 percent. "
              + ANALYST)
    assert spacy_labels(doc).get("Lockheed Martin") == "PERSON"
    assert only_the_analyst(doc)


def test_a_speaker_whose_report_opens_on_its_is_not_a_person(nlp):
    doc = nlp("Raymond James said its forecast was unchanged. Raymond James said growth would slow. " + ANALYST)
    assert spacy_labels(doc).get("Raymond James") == "PERSON"
    assert only_the_analyst(doc)


def test_its_further_on_in_a_report_is_someone_elses(nlp):
    doc = nlp("Secretary of State Antony Blinken said officials had urged Beijing to use its influence.")
    assert "Antony Blinken" in people(doc)


def test_its_after_a_speaker_of_an_organisation_is_the_organisations(nlp):
    doc = nlp("Stephen Gordon, of Project Veritas, said that its point of contact had been the campaign manager.")
    assert "Stephen Gordon" in people(doc)


# --- what only people do ----------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Rachid Ghannouchi died on Sunday in Tunis.",
    "Rachid Ghannouchi was born in Sfax in 1941.",
    "Rachid Ghannouchi resigned in January.",
    "Crowds gathered for Rachid Ghannouchi's funeral.",
    "Questions remain about Rachid Ghannouchi's tenure.",
    "The outstanding Rachid Ghannouchi stars as Christian, a curator in Stockholm.",  # "stars" parsed as a noun
])
def test_an_unfamiliar_name_that_does_what_only_people_do_is_a_person(nlp, sentence):
    doc = nlp("The vote was held on Friday. " + sentence)
    assert any(e.label_ == "PERSON" and e.text.startswith("Rachid Ghannouchi") for e in doc.ents)
    assert "Rachid Ghannouchi" in people(doc)


def test_an_unfamiliar_name_with_nothing_around_it_is_still_not_taken_on_the_models_word(nlp):
    # Neither forename list has "Khvicha"; a forename from abroad alone would not be evidence either.
    doc = nlp("The vote was held on Friday. Crowds cheered Khvicha Kvaratskhelia in Tunis. " + ANALYST)
    assert spacy_labels(doc).get("Khvicha Kvaratskhelia") == "PERSON"
    assert only_the_analyst(doc)


def test_a_name_the_model_runs_on_over_a_product_is_the_persons_name(nlp):
    doc = nlp("Margaret Hamilton arrived at MIT in 1959. In 2017 she got a Margaret Hamilton Lego minifigure.")
    assert set(people(doc)) == {"Margaret Hamilton"}


def test_a_name_the_model_cuts_in_two_is_one_person(nlp):
    doc = nlp("Ghannouchi, who served under ousted president Zine El Abidine Ben Ali, said he was stepping down. "
              "Ben Ali fled to Saudi Arabia in January.")
    # the model cuts the name in two ("Zine El" + ..., or since paragraph_boundaries starts no sentence right
    # after a forename, "Zine El Abidine" + "Ben Ali")
    assert "Zine El Abidine Ben Ali" not in spacy_labels(doc)
    assert "Zine El Abidine Ben Ali" in people(doc)
    assert not any(name.startswith("Zine El") and name != "Zine El Abidine Ben Ali" for name in people(doc))


def test_an_organisation_label_gives_way_to_an_age_and_a_role_noun(nlp):
    doc = nlp("Detectives questioned Marcus Reed, 34, on Monday. Opposition figure Ahmed Nejib Chebbi called for "
              "elections.")
    assert spacy_labels(doc).get("Marcus Reed") == "ORG"
    assert spacy_labels(doc).get("Ahmed Nejib Chebbi") == "ORG"
    assert {"Marcus Reed", "Ahmed Nejib Chebbi"} <= set(people(doc))


def test_surnames_the_model_leaves_out_after_forenames_join_the_name(nlp):
    doc = nlp("Spanish Prime Minister José Luis Rodríguez Zapatero called an early election. Zapatero said so.")
    assert spacy_labels(doc).get("José Luis") == "PERSON"
    assert set(people(doc)) == {"José Luis Rodríguez Zapatero"}


def test_a_headline_run_of_capitals_is_not_a_left_out_surname(nlp):
    doc = nlp("Mary Lou Retton Wins Gold Medal At Los Angeles Games\nMary Lou Retton won gold in 1984, the judges said.")
    assert set(people(doc)) == {"Mary Lou Retton"}


def test_a_forename_and_a_titled_surname_make_an_organisation_label_a_person(nlp):
    doc = nlp("Mr. Tsvangirai rejected the offer. Morgan Tsvangirai leads the Movement for Democratic Change.")
    assert spacy_labels(doc).get("Morgan Tsvangirai") == "ORG"
    assert set(people(doc)) == {"Morgan Tsvangirai"}


def test_the_object_of_what_only_people_undergo_is_a_person(nlp):
    doc = nlp("The protest ended on Sunday. Police arrested Xiao Ming on Monday.")
    assert spacy_labels(doc).get("Xiao Ming") == "PERSON"
    assert set(people(doc)) == {"Xiao Ming"}


def test_a_title_the_model_takes_into_a_things_name_gives_way_to_what_the_name_is(nlp):
    doc = nlp("Lady Bird is a warm, funny film about a girl in Sacramento. " + ANALYST)
    assert spacy_labels(doc).get("Lady Bird") == "PERSON"
    assert only_the_analyst(doc)
    assert set(people(nlp("Lady Gaga said she would tour again next year."))) == {"Gaga"}


def test_names_listed_among_things_are_not_people_but_their_owners_are(nlp):
    doc = nlp("The studio released movies such as Hugo Cabret and Tom Sawyer last year. " + ANALYST)
    assert spacy_labels(doc).get("Hugo Cabret") == "PERSON" and spacy_labels(doc).get("Tom Sawyer") == "PERSON"
    assert only_the_analyst(doc)
    assert set(people(nlp("He admired leaders such as Nelson Mandela and Angela Merkel."))) == {
        "Nelson Mandela", "Angela Merkel"}
    assert set(people(nlp("He invested in companies like Warren Buffett’s Berkshire Hathaway."))) == {"Warren Buffett"}


@pytest.mark.parametrize("text, taken, name", [
    ("Cinematographer Ben Davis shoots the island in luminous greens.", "Cinematographer Ben Davis", "Ben Davis"),
    ("Goalkeeper Alisson Becker saved a penalty in the second half.", "Goalkeeper Alisson Becker", "Alisson Becker"),
])
def test_an_occupation_the_model_takes_into_a_name_is_no_part_of_it(nlp, text, taken, name):
    doc = nlp(text)
    assert spacy_labels(doc).get(taken) == "PERSON"
    assert set(people(doc)) == {name}
    assert set(people(nlp("Man Ray took the photograph in 1924."))) == {"Man Ray"}  # one name word is no name


def test_a_noun_said_of_companies_too_makes_a_person_only_with_his_or_her(nlp):
    doc = nlp("Shares of Moderna fell. Moderna, a rival, reports results on Thursday. " + ANALYST)
    assert spacy_labels(doc).get("Moderna") == "PERSON"
    assert only_the_analyst(doc)
    doc = nlp("Adeyemi won the vote. Her rival Okonkwo conceded on Sunday.")
    assert spacy_labels(doc).get("Okonkwo") == "ORG"
    assert "Okonkwo" in people(doc)


def test_a_forename_and_a_surname_the_model_calls_a_person_alone_make_an_organisation_label_a_person(nlp):
    doc = nlp("Novak Djokovic won his eighth Wimbledon title on Sunday. “I'm still hungry,” Djokovic told the BBC.")
    assert spacy_labels(doc).get("Novak Djokovic") == "ORG" and spacy_labels(doc).get("Djokovic") == "PERSON"
    assert set(people(doc)) == {"Novak Djokovic"}
    doc = nlp("Stanley said the bank would grow. Morgan Stanley shares rose. " + ANALYST)  # no such surname
    assert only_the_analyst(doc)


def test_a_name_before_who_that_the_model_takes_for_a_work_is_a_person(nlp):
    doc = nlp("Viswanathan Anand, India's first world champion, called it \"a proud moment for Indian chess.\" "
              "Magnus Carlsen, who gave up the title in 2023, did not comment.")
    assert spacy_labels(doc).get("Magnus Carlsen") == "WORK_OF_ART"
    assert set(people(doc)) == {"Viswanathan Anand", "Magnus Carlsen"}


def test_a_nickname_in_quotation_marks_stays_inside_the_name(nlp):
    doc = nlp('Former Oasis guitarist Paul "Bonehead" Arthurs is expected to join. Arthurs said he was thrilled.')
    assert spacy_labels(doc).get('Paul "Bonehead" Arthurs') == "PERSON"
    assert set(people(doc)) == {'Paul "Bonehead" Arthurs'}


def test_a_credit_cue_inside_a_sentence_is_prose_not_a_credit(nlp):
    assert "Jacob Zuma" in people(nlp("The report was written by Thuli Madonsela and Jacob Zuma's lawyers."))
    assert "Ansel Adams" in people(nlp("A photo by Ansel Adams sold for a record sum on Friday."))
    doc = nlp("The new iPad ships next week, Tim Cook said on Tuesday.\n"
              "(Reporting by Stephen Nellis; Additional reporting by Jane Roe)")
    assert set(people(doc)) == {"Tim Cook"}


def test_a_forename_led_name_introducing_a_quote_is_a_person_unless_the_model_says_organisation_again(nlp):
    assert people(nlp("In an interview with the BBC, Nadia Rahman said: “We need help now, not next year.”")) \
        .keys() == {"Nadia Rahman"}
    doc = nlp("Morgan Stanley said: “We expect rates to fall.” Morgan Stanley cut its forecast on Monday.")
    assert spacy_labels(doc).get("Morgan Stanley") == "ORG"
    assert "Morgan Stanley" not in people(doc)
