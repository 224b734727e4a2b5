"""The line classifier on short pages of our own: what goes, why, and what must stay."""

from __future__ import annotations

import pytest

from pipelines.clean.article import clean
from pipelines.models import RawArticle

PARAGRAPH = ("The city council voted on Monday to extend the tram line to the airport, a project that has "
             "been debated for more than a decade by residents and business owners alike.")
CLOSING = ("Construction is expected to start next spring and the first trams should run within three years, "
           "the council said in a statement released after the vote.")


def raw(text: str, **fields) -> RawArticle:
    return RawArticle(source_path="a.txt", content_sha256="0" * 64, text=text, format="txt", encoding="utf-8",
                      **fields)


def reasons(text: str, **kwargs) -> dict[str, str]:
    return {r.text.strip(): r.reason for r in clean(raw(text), **kwargs).removed}


def page(*extra_middle: str, top: tuple[str, ...] = (), bottom: tuple[str, ...] = ()) -> str:
    return "\n".join([*top, PARAGRAPH, *extra_middle, CLOSING, *bottom])


@pytest.mark.parametrize("line, reason", [
    ("©2023 Example Media Group Ltd.", "copyright"),
    ("Copyright 2021 The Daily Example. All rights reserved.", "copyright"),
    ("ADVERTISEMENT", "advert"),
    ("Story continues below advertisement", "advert"),
    ("Subscribe to our newsletter", "subscribe"),
    ("Share this article", "share"),
    ("Facebook Twitter Email", "share"),
    ("Read more: Ten things to know about trams", "read_more"),
    ("This story was originally published on The Example Times.", "first_published"),
    ("Workers lay tracks near the depot. (Photo: Ana Ruiz/Example Agency)", "photo_credit"),
    ("The mayor at the opening. Photograph: Ana Ruiz/Getty Images", "photo_credit"),
    ("--With assistance from Ana Ruiz and Tom Berg.", "contributors"),
    ("Listen to this article", "page_tool"),
    ("Copyright 2025 Example Wire. All Rights Reserved. This material may not be published, broadcast, rewritten "
     "or redistributed without permission.", "copyright"),
    ("Share on Facebook", "share"),
    ("Share to X", "share"),
    ("Email this article", "share"),
    ("BlogThis!", "share"),
    ("Get the day’s top headlines delivered to your inbox.", "subscribe"),
    ("Daily Brief: Expert advice on your money, delivered to your inbox.", "subscribe"),
    ("Newsletter: Get transport alerts in your inbox. Sign up", "subscribe"),
    ("Start your morning with our Daily Brief newsletter. Sign up here.", "subscribe"),
    ("Download the Example News app for breaking news alerts.", "subscribe"),
    ("Example Wire writer Ana Ruiz in Lisbon contributed to this report.", "contributors"),
    ("News | Sports | Opinion | Weather", "navigation"),
    ("Trams · Buses · Trains · Ferries", "navigation"),
    ("We use cookies to improve your experience. By continuing to browse, you agree to our cookie policy.",
     "cookie_notice"),
    ("This site uses cookies. By continuing to use the site you consent to our use of cookies. Learn more",
     "cookie_notice"),
    ("Accept", "cookie_notice"),
    ("OK", "cookie_notice"),
    ("___", "separator"),
    ("* * *", "separator"),
    ("Our Standards: The Example Trust Principles.", "page_chrome"),
    ("Play Video", "media_player"),
    ("Current Time 0:00", "media_player"),
    ("Loaded: 0%", "media_player"),
    ("subtitles off, selected", "media_player"),
    ("This is a modal window. This modal can be closed by pressing the Escape key or activating the close button.",
     "media_player"),
    ("[Video: FULL SPEECH: President Obama Speech at Black Caucus Foundation in Washington DC (9/17/16) Watch on "
     "YouTube.]", "media_player"),
])
def test_furniture_in_the_middle_of_an_article_is_removed_with_its_reason(line, reason):
    assert reasons(page(line))[line] == reason


@pytest.mark.parametrize("line", [
    "No comments:", "Post a Comment", "Note: Only a member of this blog may post a comment.", "No comments.",
])
def test_comment_widgets_are_removed(line):
    assert reasons(page(bottom=(line,)))[line] == "comments"


def test_a_comment_thread_is_removed_whole_but_an_early_comment_count_is_not_a_thread():
    comment = "I think this is a great idea and I hope they build it before my children are grown up, honestly."
    text = page(bottom=("2 comments:", comment, "Reply"))
    assert reasons(text)[comment] == "comments"
    article = clean(raw(page(top=("Trams Are Coming Back", "12 comments"))))
    assert PARAGRAPH in article.body and CLOSING in article.body


def test_sentences_that_mention_furniture_words_are_kept():
    lines = ("Share prices of the builder rose 4% after the vote.",
             "Advertising on the trams will help pay for the line, officials said.",
             "Copyright disputes over the tram design were settled last year.",
             "Regulators said the operator's cookie policy breached privacy law.",
             "Ana Ruiz is a reporter who rides the tram every day, and she said the new line would change her life.",
             "Tickets will be sold through an app, and riders who sign up early get a discount.",
             "The operator said its newsletter has 10,000 readers who pay to subscribe.",
             "Fake tram tickets are often sold through phishing emails sent to your inbox.",
             "[Video footage] of the crash was shown to the jury, the court heard on Tuesday afternoon.")
    article = clean(raw(page(*lines)))
    for line in lines:
        assert line in article.body
    assert article.removed == []


def test_title_repeated_twice_goes_with_bylines_and_avatar():
    text = page(top=("Trams Return to the City", "Mia Cole Avatar", "By", "Trams Return to the City"))
    found = reasons(text)
    assert found == {"Trams Return to the City": "title", "Mia Cole Avatar": "byline", "By": "byline"}
    assert sum(r.reason == "title" for r in clean(raw(text)).removed) == 2


def test_section_label_and_advert_above_the_title():
    found = reasons(page(top=("ADVERTISEMENT", "Transport", "Trams Return to the City")))
    assert found == {"ADVERTISEMENT": "advert", "Transport": "section_label", "Trams Return to the City": "title"}


def test_navigation_menu_above_the_title():
    found = reasons(page(top=("Home", "News and Politics", "Arts and Culture", "Trams Return to the City")))
    assert found["News and Politics"] == "navigation" and found["Trams Return to the City"] == "title"


def test_summary_bullets_and_stand_first_are_article_text():
    bullets = ("- The council, which had delayed the vote twice, now expects the line to open in 2028",
               "- Residents near the depot say they were not consulted about the noise")
    stand_first = "A long-delayed project finally moves ahead."
    article = clean(raw(page(top=("Trams Return to the City", *bullets, stand_first))))
    for line in (*bullets, stand_first):
        assert line in article.body


def test_link_list_of_title_case_headlines_under_keep_reading():
    links = ("  • Harbour Bridge Reopens After Repairs", "  • Local Bakery Wins National Prize",
             "  • Council Approves New Bike Lanes")
    found = reasons(page(bottom=("KEEP READING", *links)))
    assert found["KEEP READING"] == "read_more"
    assert [found[link.strip()] for link in links] == ["link_list"] * 3


def test_headlines_listed_under_a_related_marker_go_even_when_they_read_like_prose():
    links = ("How to use the new tram line safely this winter", "Council approves new bike lanes")
    found = reasons(page(bottom=("Trending Stories", *links)))
    assert [found[link] for link in links] == ["link_list"] * 2


def test_author_boxes_closing_the_page_go():
    bios = ("Mia Cole covers transport for the Example Courier. Reach her at mcole@example.com.",
            "Tom Berg is a contributing writer at Example Review. His book on trams is forthcoming.")
    for bio in bios:
        found = reasons(page(bottom=(bio, "© 2025 Example Courier")))
        assert found[bio] == "author_bio"


@pytest.mark.parametrize("last", ["Tom Berg covers his ears when the old trams pass his house, he said.",
                                  "Ana Ruiz is a retired teacher who will ride the first tram, she said."])
def test_a_closing_sentence_about_a_person_is_no_author_box(last):
    assert reasons(page(bottom=(last, "© 2025 Example Courier"))) == {"© 2025 Example Courier": "copyright"}


def test_site_header_with_masthead_and_tagline_above_the_title():
    text = "\n".join(["Example Notebook", "Notes from the tram stops of our little city", "",
                      "Trams Return to the City", "", page()])
    found = reasons(text)
    assert found == {"Example Notebook": "masthead", "Notes from the tram stops of our little city": "site_header",
                     "Trams Return to the City": "title"}


def test_a_title_and_its_dek_are_not_a_site_header():
    text = "\n".join(["Trams Return to Town", "A long-delayed project finally moves ahead", "", "By Mia Cole", "", page()])
    found = reasons(text)
    assert found == {"Trams Return to Town": "title", "By Mia Cole": "byline"}


def test_a_stand_first_above_the_byline_is_kept_and_the_byline_and_date_still_go():
    stand_first = ("Riders and shop owners have waited more than a decade for the tram line, and the vote on Monday "
                   "finally settles where it will run")
    text = "\n".join(["Trams Return to the City", stand_first, "By Mia Cole", "Published 6:00 a.m. ET Jan. 14, 2025",
                      page()])
    article = clean(raw(text))
    assert stand_first in article.body
    assert {r.text: r.reason for r in article.removed} == {
        "Trams Return to the City": "title", "By Mia Cole": "byline", "Published 6:00 a.m. ET Jan. 14, 2025": "dateline"}
    assert article.metadata.authors == ["Mia Cole"]


def test_a_blog_footer_byline_is_a_byline():
    article = clean(raw(page(bottom=("Posted by Mia Cole at 9:14 PM", "Email This"))))
    assert {r.text: r.reason for r in article.removed}["Posted by Mia Cole at 9:14 PM"] == "byline"
    assert article.metadata.authors == ["Mia Cole"]


def test_headline_of_another_story_pasted_above_the_article():
    other = "Star footballer SIGNS record deal with rival club - Sports Daily"
    found = reasons(page(top=("Trams Return to the City", other)))
    assert found[other] == "other_headline"


def test_subheadings_stay_in_the_body_and_are_marked():
    article = clean(raw(page("What Happens Next", "Officials said the first contracts would be signed soon.")))
    assert [article.body[s:e] for s, e in article.headings] == ["What Happens Next"]


def test_sentence_case_subheadings_inside_the_story_are_marked_but_not_a_dek_above_it():
    dek = "A long-delayed project finally moves ahead"
    text = "\n".join(["Trams Return to the City", "By Mia Cole", dek, PARAGRAPH, "What riders can expect",
                      "Officials said the first contracts would be signed soon.", CLOSING])
    article = clean(raw(text))
    assert [article.body[s:e] for s, e in article.headings] == ["What riders can expect"]
    assert dek in article.body


def test_body_maps_back_to_the_raw_text_character_for_character():
    text = page("  Indented line that is a real sentence of the story.  ",
                top=("Trams Return to the City", "By Mia Cole"), bottom=("ADVERTISEMENT",))
    article = clean(raw(text))
    assert "Indented line that is a real sentence of the story." in article.body.split("\n")
    covered = 0
    for seg in article.segments:
        assert article.body[seg.body_start:seg.body_start + seg.length] == text[seg.raw_start:seg.raw_start + seg.length]
        covered += seg.length
    assert covered == len(article.body) - article.body.count("\n")


def test_removed_lines_keep_their_raw_line_numbers():
    text = "Trams Return to the City\n\nBy Mia Cole\n\n" + PARAGRAPH + "\n\nADVERTISEMENT\n\n" + CLOSING
    assert [(r.line_no, r.reason) for r in clean(raw(text)).removed] == [(1, "title"), (3, "byline"), (7, "advert")]


