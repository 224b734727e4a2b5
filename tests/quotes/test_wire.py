"""Attribution in the shapes of wire copy (Reuters, AP, AFP, BBC house styles): "quoted X as saying", verbs of
saying beyond "said", roles before names, pronouns after paragraph-level attributions, attributions in the
next paragraph, colon and dash introductions, spelling variants of a name. Short texts of our own."""

from __future__ import annotations

import pytest

from helpers import marked, only, run, speaker_name
from pipelines.nlp.verbs import BESIDE_QUOTE_VERBS, SPEECH_NOUNS, SPEECH_VERBS, THINKING_VERBS, VERBS_FILE


# --- one quote, its speaker: the patterns of the issue in the shapes of wire copy ---------------------------

@pytest.mark.parametrize("text, speaker", [
    pytest.param("Russia will not back down over the pipeline, a senior official said on Tuesday.\n“We will not "
                 "sell our stake at any price,” the RIA news agency quoted Deputy Energy Minister Pavel Sorokin as "
                 "saying.", "Pavel Sorokin", id="agency quoted X as saying"),
    pytest.param("Talks stalled again. “We will not sell,” Pavel Sorokin was quoted as saying by the agency.",
                 "Pavel Sorokin", id="X was quoted as saying"),
    pytest.param("“The door to dialogue is open,” Xinhua quoted Foreign Ministry spokesman Wang Wenbin as saying.",
                 "Wang Wenbin", id="quoted X as saying parsed as one noun phrase"),
    pytest.param("The coroner for that case, Sherrif Payne, who ruled the death an accident, told The Independent "
                 "“You never know the purity of what you are taking.”", "Sherrif Payne",
                 id="role and name parsed as two subjects; a capitalised sentence after a cue without a comma"),
    pytest.param("Anna Fischer chaired the hearing and questioned Paul Brown for an hour. Mr Brown said that the "
                 "plan was bold but affordable.\n“We have never tried anything on this scale before,” he said.",
                 "Paul Brown", id="pronoun after reported speech goes to its reporter"),
    pytest.param("White House press secretary Karine Jean-Pierre told reporters that President Joe Biden would "
                 "sign the bill.\n“The president has been clear,” she said.", "Karine Jean-Pierre",
                 id="pronoun goes to the reporter, not the person reported on"),
    pytest.param("Senator James Lankford, an Oklahoma Republican who warned of the deficit’s dangers in the past, "
                 "played down that threat.\n“I understand it’s a risk, but I think it’s an appropriate risk,” he "
                 "said.", "James Lankford", id="pronoun skips an apposition the tagger took for a person"),
    pytest.param("Paul Brown, the plant manager, met the unions on Friday.\n“We have never tried anything on this "
                 "scale before and it will take years.”\nMr Brown said.", "Paul Brown",
                 id="attribution line after the quote paragraph"),
    pytest.param("The company lost money for a third year.\n“We have never tried anything on this scale before and "
                 "it will take years,”\nsaid Anna Fischer, its chief executive.", "Anna Fischer",
                 id="said X on the line after an open quote"),
    pytest.param("Paul Brown, the plant manager, met the unions on Friday.\n\n“We have never tried anything on "
                 "this scale before and it will take years.”\n\nBrown told reporters in Leeds on Monday.",
                 "Paul Brown", id="attribution line with a time and a place, blank lines between"),
    pytest.param("Charles Schultze, an economic adviser, once summed up the danger of deficits with a metaphor. "
                 "“It’s not so much a question of the wolf at the door, but termites in the woodwork.”",
                 "Charles Schultze", id="quote after a sentence whose subject is a person"),
    pytest.param("Aside from wartime, “this sort of aggressive fiscal stimulus is unprecedented in our history,” "
                 "said Jeffrey Frankel, an economist at Harvard.", "Jeffrey Frankel",
                 id="full clause inside the writer's sentence, said by who follows"),
    pytest.param("In the introduction to her anthology For Keeps: 30 Years at the Movies, the critic Pauline Kael "
                 "wrote, “I’m frequently asked why I don’t write my memoirs. I think I have.”", "Pauline Kael",
                 id="name right before a cue the parser left without a subject"),
    pytest.param("In an interview with the BBC, Nadia Rahman said: “We need help now, not next year.”",
                 "Nadia Rahman", id="forename-led name the tagger called ORG, introducing a quote"),
    pytest.param("Karen Holt lost her job in 2009. “It was the worst year of my life,” she says now.",
                 "Karen Holt", id="forename-led name the tagger called ORG, whose clause says her"),
    pytest.param("Economist Raj Patel has studied the scheme for years.\n“It is a waste of money.”\nThat was "
                 "Patel's verdict on Monday.", "Raj Patel", id="next paragraph: X's verdict"),
    pytest.param("The talks collapsed late on Thursday.\n“There is nothing more to discuss.”\nThat was the verdict "
                 "of the union's chief negotiator, Maria Keller, after ten hours of talks.", "Maria Keller",
                 id="next paragraph: the verdict of a role, a name"),
    pytest.param("The scheme has cost two billion pounds so far. “It is a waste of money.” Those were the words "
                 "of economist Raj Patel on Monday.", "Raj Patel", id="same paragraph: the words of X"),
    pytest.param("“The site will close in March,” according to a statement from plant manager Luis Ortega.",
                 "Luis Ortega", id="according to a statement from a person"),
    pytest.param("Chief executive Jane Doe said: “We will not sell the company.”", "Jane Doe",
                 id="a role as a title before the name"),
    pytest.param("“We will not sell,” the company’s spokeswoman, Jane Doe, said.", "Jane Doe",
                 id="a role with the name in apposition before the cue"),
    pytest.param("Raj Patel said the council had ignored warnings from residents like Susan Hill for years.\n"
                 "“She wrote to them in 2018. Nobody replied.”", "Raj Patel",
                 id="quote paragraph after reported speech that names someone else"),
    pytest.param("Finance Minister Lena Fischer presented the budget on Wednesday.\nOpposition leader Karl Weber said "
                 "the plan would hurt pensioners.\n“It is the old who will pay for this.”", "Karl Weber",
                 id="quote paragraph keeps the latest reporter, not the first person named"),
    pytest.param("“I was terrified,” a former booker named Laurie Luhn told me.", "Laurie Luhn",
                 id="a description with the name it is given: named X"),
    pytest.param("“We have no money left,” a driver identified as Ann Lee told the police.", "Ann Lee",
                 id="a description with the name it is given: identified as X"),
    pytest.param("Marco Vale has not commented on the split. But in an interview with Esquire, the Chicago "
                 "Fire star, 35, said: “We are best friends.”", "Marco Vale",
                 id="the subject the parser hung in a fronted phrase"),
])
def test_the_speaker_of_a_direct_quote(nlp, text, speaker):
    doc = run(nlp, text)
    assert speaker_name(doc, only(marked(doc), "direct")) == speaker


# --- "quoted X as saying" -----------------------------------------------------------------------------------

def test_quoted_as_saying_that_is_reported_speech_of_the_quoted_person(nlp):
    doc = run(nlp, "The agency quoted Pavel Sorokin as saying that Russia would not sell its stake.")
    q = only(doc._.quotes, "indirect")
    assert q.text == "Russia would not sell its stake"
    assert speaker_name(doc, q) == "Pavel Sorokin"


# --- verbs of saying ---------------------------------------------------------------------------------------

def test_the_lexicon_is_broad_and_says_where_it_comes_from():
    assert len(SPEECH_VERBS | BESIDE_QUOTE_VERBS) >= 200
    assert "VerbNet" in VERBS_FILE.read_text(encoding="utf-8")
    assert {"enthuse", "claim", "state", "remark", "concede", "insist", "counter"} <= SPEECH_VERBS
    assert {"continue", "snap", "shrug"} <= BESIDE_QUOTE_VERBS
    assert {"statement", "reply"} <= SPEECH_NOUNS
    assert not (SPEECH_VERBS | BESIDE_QUOTE_VERBS) & THINKING_VERBS


@pytest.mark.parametrize("cue, lemma", [
    ("enthused", "enthuse"), ("remarked", "remark"), ("conceded", "concede"), ("insisted", "insist"),
    ("countered", "counter"), ("snapped", "snap"), ("continued", "continue"), ("shrugged", "shrug"),
    ("pressed", "press"),
])
def test_verbs_of_saying_beyond_said(nlp, cue, lemma):
    doc = run(nlp, f"Maria Costa spoke first. Peter Lang answered her.\n"
                   f"“The market is recovering faster than anyone expected,” {cue} Costa.")
    q = only(marked(doc), "direct")
    assert q.verb == lemma
    assert speaker_name(doc, q) == "Maria Costa"


def test_a_name_right_before_a_cue_the_parse_leaves_without_subject_speaks(nlp):
    doc = run(nlp, "The FBI is investigating the shooting.\n“I will just make this promise to you: We will achieve "
                   "justice in this case,” Tulsa police Chief Chuck Jordan said Monday.")
    said = next(t for t in doc if t.text == "said")
    assert not any(t.dep_ == "nsubj" for t in said.children)  # the model's parse: "said" a conjunct, no subject
    q = only(marked(doc), "direct")
    assert (q.verb, speaker_name(doc, q)) == ("say", "Chuck Jordan")


def test_continued_after_a_quote_names_its_own_speaker(nlp):
    doc = run(nlp, "“It is far too early to celebrate,” cautioned Peter Lang, a trader.\n"
                   "Maria Costa disagreed. “We have seen false dawns before, but not like this,” Costa continued.")
    first, second = marked(doc)
    assert speaker_name(doc, first) == "Peter Lang"
    assert (second.verb, speaker_name(doc, second)) == ("continue", "Maria Costa")


def test_an_interviewer_pressing_a_question_is_its_speaker(nlp):
    doc = run(nlp, "Maria Costa interviewed Peter Lang on Monday.\n"
                   "“Would you sell the fund?” Costa pressed. “Even at a loss?”")
    assert [(q.verb, speaker_name(doc, q)) for q in marked(doc)] == [("press", "Maria Costa")] * 2


def test_a_verb_said_only_beside_quotes_is_no_cue_elsewhere(nlp):
    doc = run(nlp, "Peter Lang runs the fund. Prices continued to climb toward “record” levels on Friday.")
    q = only(marked(doc), "scare")
    assert q.speaker_text is None


# --- a role before the name, and roles standing for the name -----------------------------------------------

def test_role_before_the_name_and_the_pronoun_after_it(nlp):
    doc = run(nlp, "The strike closed every port in the country on Monday, and Henrik Olsen, the ports minister, "
                   "called it illegal.\n"
                   "“This is the biggest walkout in thirty years,” said the general secretary of the transport "
                   "union, Maria Keller.\n"
                   "“We will stay out until they listen,” she told the BBC on Tuesday.")
    first, second = marked(doc)
    assert speaker_name(doc, first) == speaker_name(doc, second) == "Maria Keller"


@pytest.mark.parametrize("text, name", [
    ("Sen. Ann Pike opened the hearing on Monday.\n“We will not wait for the report,” the Ohio senator said.",
     "Ann Pike"),
    ("Gov. Tom Reed signed the bill on Friday. “It is a good day for the state,” the Republican governor said.",
     "Tom Reed"),
])
def test_an_abbreviated_title_is_the_role_a_later_description_names(nlp, text, name):
    doc = run(nlp, text)
    assert speaker_name(doc, only(marked(doc), "direct")) == name


def test_a_description_of_an_office_several_hold_is_the_one_just_introduced(nlp):
    doc = run(nlp, "Sen. Ann Pike criticised the plan on Monday.\n\n"
                   "Sen. Tom Reed also called on the agency to act.\n\n"
                   "“The agency has waited long enough,” the Ohio senator told reporters.")
    assert speaker_name(doc, only(marked(doc), "direct")) == "Tom Reed"


@pytest.mark.parametrize("text, name", [
    ("Ann Pike says her campaign is gaining ground.\n\n“We are ahead in every county,” the Ohio governor told "
     "reporters on Sunday.", "Ann Pike"),
    ("Ann Pike says her campaign is gaining ground.\n\n“We are ahead in every county,” the spokesman told "
     "reporters on Sunday.", None),  # no proper-noun word: someone else
    ("Peter Hale, the mayor, opened the session.\n\n“We are ahead in every county,” the Ohio governor told "
     "reporters on Sunday.", None),  # the mayor is no governor
])
def test_a_proper_noun_description_no_one_was_given_is_the_person_just_written_about(nlp, text, name):
    doc = run(nlp, text)
    assert speaker_name(doc, only(marked(doc), "direct")) == name


def test_a_role_named_earlier_stands_for_its_person(nlp):
    doc = run(nlp, "Peter Hale, the mayor, opened the session. Councillor Ruth Adams asked about the budget.\n"
                   "“We have no money left for the parks this year,” the mayor said.\n"
                   "Tom Reed, the deputy mayor, agreed. “The parks will have to wait,” the deputy mayor said.")
    first, second = marked(doc)
    assert speaker_name(doc, first) == "Peter Hale"
    assert speaker_name(doc, second) == "Tom Reed"


def test_an_indefinite_role_is_nobody_named(nlp):
    doc = run(nlp, "Peter Hale, a spokesman for the ministry, spoke first.\n"
                   "“We will talk when the ports reopen,” a spokesman said later.")
    q = only(marked(doc), "direct")
    assert q.speaker_text == "a spokesman"
    assert q.speaker_entity is None


# --- the attribution in the next paragraph ---------------------------------------------------------------------

@pytest.mark.parametrize("after", ["Anna Fischer writes about museums and heritage.",
                                   "Anna Fischer laughed when asked about the decision."])
def test_a_next_paragraph_about_something_else_is_no_attribution(nlp, after):
    doc = run(nlp, "The company lost money for a third year.\n\n"
                   "“We have never tried anything on this scale before and it will take years.”\n\n" + after)
    q = only(marked(doc), "direct")
    assert q.speaker_text is None


def test_a_quote_after_an_attributed_one_keeps_its_speaker_whatever_follows(nlp):
    doc = run(nlp, "Ruth Chebet won the race.\n\n“Let people look at the gap,” she said. “The gap is part of the "
                   "story too.”\n\nMercy Chebet laughed when asked about it.")
    first, second = marked(doc)
    assert speaker_name(doc, first) == speaker_name(doc, second) == "Ruth Chebet"


def test_a_next_paragraph_with_news_of_its_own_is_no_attribution(nlp):
    doc = run(nlp, "The company lost money for a third year.\n"
                   "“We have never tried anything on this scale before and it will take years.”\n"
                   "Anna Fischer said the board would meet on Monday.")
    q = only(marked(doc), "direct")
    assert q.speaker_text is None


# --- colon, dash and participle introductions, and quotes after a sentence naming their speaker --------------

@pytest.mark.parametrize("text, verb", [
    ("Tom Jones resigned in a letter to the board, stating: “I can no longer serve a company that ignores its "
     "own rules.”", "state"),
    ("Tom Jones extended an invitation to the label: “Come and see what we have built here in the valley.”", ":"),
    ("Judge Ann Lee agreed with the defence - “The evidence does not support the charge of murder.”", "-"),
    ("Tom Jones's reply was short: “We will see them in court and we will win there.”", ":"),
])
def test_introductions_without_said(nlp, text, verb):
    doc = run(nlp, text)
    q = only(marked(doc), "direct")
    assert q.verb == verb
    assert speaker_name(doc, q) in ("Tom Jones", "Ann Lee")


def test_a_colon_after_a_clause_about_someone_else_names_nobody(nlp):
    doc = run(nlp, "Tom Smith was fired on Friday. The letter to Tom Smith read: “You are dismissed with immediate "
                   "effect and must leave today.”")
    q = only(marked(doc), "direct")
    assert q.speaker_entity is None


def test_a_dash_closing_an_aside_introduces_nothing(nlp):
    doc = run(nlp, "Ann Lee wrote the bill. It includes — according to the notes of the bill — “provision to "
                   "protect the public interest in the confidentiality of sources”.")
    q = only(marked(doc), "partial")
    assert q.speaker_entity is None


def test_short_sentence_quote_continues_its_speaker(nlp):
    doc = run(nlp, "Peter Hale opened the session.\n"
                   "“We have no money left for the parks this year,” Hale said. “Not a penny.”")
    first, second = marked(doc)
    assert first.kind == second.kind == "direct"
    assert speaker_name(doc, second) == "Peter Hale"


# --- spelling variants ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("written", ["Desrosier", "DesRosiers", "Desrozier"])
def test_spelling_variant_of_the_surname(nlp, written):
    doc = run(nlp, f"Dennis DesRosier founded the shop in 1998 with his brother.\n"
                   f"“Nobody believed a bike shop could survive here for this long,” {written} said.")
    q = only(marked(doc), "direct")
    assert speaker_name(doc, q) == "Dennis DesRosier"


@pytest.mark.parametrize("written", ["Allan", "Jonas"])
def test_a_different_short_surname_is_not_a_variant(nlp, written):
    doc = run(nlp, "Tom Allen and Tom Jones founded the shop in 1998.\n"
                   f"“Nobody believed a bike shop could survive here for this long,” Mr {written} said.")
    q = only(marked(doc), "direct")
    assert speaker_name(doc, q) not in ("Tom Allen", "Tom Jones")


def test_a_misspelt_surname_tagged_as_a_person_of_its_own_is_the_full_name(nlp):
    doc = run(nlp, "Stephanie Kowalczyk, the head of the regional transport authority, opened the hearing.\n"
                   "“We cannot run buses without drivers, and we have lost two hundred of them this year,” "
                   "Kowalcyzk told reporters.")
    q = only(marked(doc), "direct")
    assert speaker_name(doc, q) == "Stephanie Kowalczyk"


# --- pronouns in reports with many speakers -------------------------------------------------------------------

def test_a_role_as_subject_keeps_its_person_salient(nlp):
    doc = run(nlp, "Prime Minister Rishi Sunak defended the plan on Monday.\n"
                   "“It is a gimmick,” said opposition leader Keir Starmer.\n"
                   "The prime minister hit back, accusing the opposition of having no plan at all.\n"
                   "“They have no plan, no ideas and no answers,” he said.")
    first, second = marked(doc)
    assert speaker_name(doc, first) == "Keir Starmer"
    assert speaker_name(doc, second) == "Rishi Sunak"


def test_dateline_before_the_subject_is_not_the_speaker(nlp):
    doc = run(nlp, "LONDON (AFP) - Britain's Prime Minister Rishi Sunak on Monday defended his plan to send asylum "
                   "seekers abroad, telling lawmakers it was \"the right thing to do\".")
    q = only(marked(doc), "partial")
    assert speaker_name(doc, q) == "Rishi Sunak"


def test_many_speakers_each_keep_their_quotes(nlp):
    doc = run(nlp, "BRUSSELS (Reuters) - EU finance ministers failed on Tuesday to agree on new budget rules.\n"
                   "German Finance Minister Christian Lindner said Berlin would not accept rules that let debt rise "
                   "again. \"We need numbers, not promises,\" he told reporters.\n"
                   "His French counterpart, Bruno Le Maire, insisted that investment must be protected. \"Europe "
                   "cannot afford another decade of austerity,\" Le Maire said.\n"
                   "Spain's economy minister, Nadia Calvino, who chairs the talks, was more upbeat. \"We are very "
                   "close,\" she said. \"I am confident we will have an agreement in December.\"\n"
                   "Asked about that timetable, the German minister said: \"We will see. Nothing is agreed until "
                   "everything is agreed.\"")
    speakers = [speaker_name(doc, q) for q in marked(doc)]
    assert speakers == ["Christian Lindner", "Bruno Le Maire", "Nadia Calvino", "Nadia Calvino",
                        "Christian Lindner"]


def test_as_x_put_it(nlp):
    doc = run(nlp, "The lab relies on volunteers, a mixture of “squatters,” as Ivan Espinosa put it, and students.")
    q = only(marked(doc), "partial")
    assert (q.verb, speaker_name(doc, q)) == ("put it", "Ivan Espinosa")


def test_blank_lines_between_paragraphs_do_not_hide_the_introduction(nlp):
    doc = run(nlp, "The plant has been closed since May. Peter Novak, the plant manager, told staff:\n\n"
                   "“The factory will reopen in March.”")
    q = only(marked(doc), "direct")
    assert (q.verb, speaker_name(doc, q)) == ("tell", "Peter Novak")


# --- quoted clauses inside the writer's sentence --------------------------------------------------------------

def test_a_clause_the_writers_words_run_into_is_partial(nlp):
    doc = run(nlp, "The mayor, Ann Cole, spoke on Monday. The new rules mean “people can no longer park here,” "
                   "Cole said.")
    quote = only(marked(doc), "partial")
    assert speaker_name(doc, quote) == "Ann Cole"


def test_a_clause_set_off_by_a_comma_before_said_x_is_direct(nlp):
    doc = run(nlp, "Deficits this large came only with wars or slumps like the 1930s, “this sort of stimulus is "
                   "unprecedented,” said Mark Dale, an economist.")
    quote = only(marked(doc), "direct")
    assert speaker_name(doc, quote) == "Mark Dale"


def test_a_persons_own_question_inside_the_writers_sentence_is_direct(nlp):
    doc = run(nlp, "“What are we supposed to do?” asked Maria Lopez, 42, a nurse.\n"
                   "Lopez wondered “Who will pay for all of this?”")
    assert [(q.kind, speaker_name(doc, q)) for q in marked(doc)] == [("direct", "Maria Lopez")] * 2


def test_a_colon_after_a_clause_about_a_person_the_model_left_untagged_gives_the_speaker(nlp):
    doc = run(nlp, "“What are we supposed to do?” asked Maria Lopez, 42, a nurse.\nLopez has a question: “Why now?”")
    assert [speaker_name(doc, q) for q in marked(doc)] == ["Maria Lopez"] * 2


def test_he_goes_to_the_person_of_the_latest_sentence_even_outside_subject_position(nlp):
    doc = run(nlp, "“It got me sick,” Paul Brown wrote on the forum.\n"
                   "The case is one of the reasons for the long campaign of Tom Hale on the forums.\n"
                   "“I recognize that drug use is risky,” he told me.")
    assert [speaker_name(doc, q) for q in marked(doc)] == ["Paul Brown", "Tom Hale"]


def test_a_subject_outranks_a_person_only_mentioned_in_the_same_sentence(nlp):
    doc = run(nlp, "President Yoon Suk Yeol apologized on Saturday. “I deeply regret this,” he said.\n"
                   "Lee Jae-myung, the opposition leader, said Yoon’s decree had caused chaos.\n"
                   "“Our democracy is now being wrecked,” he said.")
    assert [speaker_name(doc, q) for q in marked(doc)] == ["Yoon Suk Yeol", "Lee Jae-myung"]


# --- parses gone wrong and names that stand for things ----------------------------------------------------------

def test_a_cue_hung_from_the_name_in_a_sentence_without_a_main_verb(nlp):
    doc = run(nlp, "Democrats have changed their tune too.\nMr. Warner, the Virginia Democrat, called last year’s "
                   "tax bill “the worst piece of legislation we have passed since I arrived in the Senate.”\n"
                   "Mark Warner was first elected in 2008.")
    q = only(marked(doc), "partial")
    assert speaker_name(doc, q) == "Mark Warner"


def test_he_never_goes_to_a_name_that_modifies_a_thing(nlp):
    doc = run(nlp, "Mr. Warner called the tax bill a disaster. In 2009, when Congress passed a stimulus bill backed "
                   "by the Obama administration, he called it “a responsible mix of tax cuts and investments.”")
    q = only(marked(doc), "partial")
    assert q.speaker_text == "he"
    assert speaker_name(doc, q) == "Warner"


def test_a_role_the_tagger_took_for_a_proper_noun_still_names_its_holder(nlp):
    doc = run(nlp, "Defence Minister Pavel Novak visited the troops on Friday.\n"
                   "“Our soldiers deserve better equipment,” the minister said.")
    q = only(marked(doc), "direct")
    assert speaker_name(doc, q) == "Pavel Novak"


def test_a_cue_after_an_adjective_takes_the_copulas_subject(nlp):
    doc = run(nlp, "Fernando Caudevilla runs the lab. Caudevilla was keen to stress that the service “is not intended "
                   "to be a control of drug quality,” whatever buyers make of it.")
    q = only(marked(doc), "partial")
    assert speaker_name(doc, q) == "Fernando Caudevilla"


def test_a_name_after_a_role_of_someone_holds_the_outer_role(nlp):
    doc = run(nlp, "A spokesman for the prime minister, James Slack, said the talks were constructive.\n"
                   "“Progress was made on every point,” the spokesman said.")
    q = only(marked(doc), "direct")
    assert speaker_name(doc, q) == "James Slack"


def test_a_noun_of_speech_owned_by_no_person_names_no_speaker(nlp):
    doc = run(nlp, "The storm hit the coast overnight.\n“Stay indoors.”\nThat was the message of the weather "
                   "service on Monday.")
    assert speaker_name(doc, only(marked(doc), "direct")) is None


def test_a_name_after_said_between_two_halves_of_a_quote_speaks_both(nlp):
    doc = run(nlp, "“The numbers,” said Jerome Powell, the Fed chair, “do not yet justify a cut.”")
    assert [(q.kind, speaker_name(doc, q)) for q in marked(doc)] == [("direct", "Jerome Powell")] * 2


def test_a_title_tells_apart_two_people_with_one_surname(nlp):
    doc = run(nlp, "Amelia Ortiz, 34, and her husband, Daniel Ortiz, 36, lost their home in the fire.\n"
                   "“We had ten minutes to get out,” Ms. Ortiz said.\n"
                   "“I grabbed the dog and the passports,” Mr. Ortiz said.")
    assert [speaker_name(doc, q) for q in marked(doc)] == ["Amelia Ortiz", "Daniel Ortiz"]


@pytest.mark.parametrize("text, speaker", [
    pytest.param("Jane Doe met the students on Monday. She would speak “bluntly” about the risks.", "Jane Doe",
                 id="speak how"),
    pytest.param("Prime Minister Anna Berg spoke of “a dark day for democracy” after the vote.", "Anna Berg",
                 id="speak of what"),
])
def test_a_partial_quote_of_how_or_of_what_someone_speaks_is_theirs(nlp, text, speaker):
    doc = run(nlp, text)
    assert speaker_name(doc, only(marked(doc), "partial")) == speaker


def test_the_language_someone_speaks_is_no_quote_of_theirs(nlp):
    doc = run(nlp, "The children speak “Spanglish” at home, their teacher Rosa Diaz says.")
    assert [(q.kind, q.speaker_text) for q in marked(doc)] == [("scare", None)]


def test_a_role_parsed_as_the_object_of_an_inverted_cue_gives_the_name_beside_it(nlp):
    doc = run(nlp, "“It is over,” said Paul Grant. “Not yet,” replied his rival, Simon Lee.")
    assert [speaker_name(doc, q) for q in marked(doc)] == ["Paul Grant", "Simon Lee"]


def test_a_role_no_one_held_before_goes_to_the_name_given_it_in_the_next_sentence(nlp):
    doc = run(nlp, "“We will rebuild,” the mayor said. Mayor Peter Hale has held the post since 2019.")
    assert speaker_name(doc, only(marked(doc), "direct")) == "Peter Hale"
    doc = run(nlp, "“We will rebuild,” the mayor said. Deputy Mayor Ann Cole disagreed.")
    assert speaker_name(doc, only(marked(doc), "direct")) is None


@pytest.mark.parametrize("text, speaker", [
    pytest.param("The party met in Tampa. “He looked me right in the eye and asked how to win this county,” Deborah "
                 "Tamargo, the chairwoman of Florida’s Hillsborough County party, recalled of a June meeting.",
                 "Deborah Tamargo", id="the parser makes the description the subject"),
    pytest.param("“They were professionals, but also competitors,” William M. Daley, President Obama's former chief "
                 "of staff, said of their time in the administration.", "William M. Daley",
                 id="the parser takes a word of the quote for the subject"),
])
def test_a_name_then_its_description_between_commas_before_the_cue_speaks(nlp, text, speaker):
    doc = run(nlp, text)
    assert speaker_name(doc, only(marked(doc), "direct")) == speaker


def test_a_description_then_a_name_before_the_cue_still_gives_the_name(nlp):
    doc = run(nlp, "“It is over,” the union’s leader, Ann Wu, said on Monday, after Mark Bell had left.")
    assert speaker_name(doc, only(marked(doc), "direct")) == "Ann Wu"


def test_a_fronted_phrase_the_parser_makes_the_subject_does_not_hide_the_speaker(nlp):
    """The parser makes "Of" the subject of "said" here, with the speaker hung from it."""
    doc = run(nlp, "Lawyer Eric Levine backs Dan Ruiz. Of Carson, Levine, who has given money to Ruiz, said, “He’s "
                   "flat-out scary. I think he’s a wonderful man.”")
    assert speaker_name(doc, only(marked(doc), "direct")) == "Eric Levine"


def test_a_sentence_quoted_after_said_and_a_day_is_direct_when_the_parse_gives_said_no_subject(nlp):
    doc = run(nlp, "Maria Lopez met the union on Monday. Although there is no such overlap with Sanders's team, a White "
                   "House official who spoke anonymously to discuss internal strategy said Friday, \"Certainly there "
                   "are talks between the White House and the Sanders campaign.\" The aide declined to say more.")
    assert [q.kind for q in marked(doc)] == ["direct"]
