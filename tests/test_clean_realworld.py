"""Whole web pages copied as plain text: the line model, and the real-page scorer (body and metadata)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipelines.clean.article import clean
from pipelines.evaluation.cleaning import main, score_realworld, site_right, title_right, writes_day
from pipelines.models import RawArticle

REALWORLD = Path(__file__).parent / "data" / "realworld"

MENU = ("Home", "World", "Business", "Technology", "Science", "Health", "Sport", "Opinion", "Podcasts", "Video")
STORY = (
    "The city council voted on Monday to extend the tram line to the airport, a project that has been debated for "
    "more than a decade by residents and business owners alike.",
    "Supporters say the extension will cut journeys to the terminal by half and take thousands of cars off the "
    "ring road every day, while opponents worry about the cost.",
    "The line will run along the old freight corridor, which the city bought from the railway company in 2019 for a "
    "price that was criticised at the time as far too high.",
    "Officials said that the first passengers could ride the new section within three years if the national "
    "government agrees to pay for a third of the bill.",
    "Residents of the neighbourhoods along the route will be consulted on the position of the four new stops before "
    "the final design is approved next spring.",
)
RELATED = ("More from Transport", "Bus fares to rise in January", "New cycle lanes open on the river front",
           "Airport expansion plan approved", "Taxi drivers protest over licence fees", "Rail strike called off")
COMMENTS = ("12 Comments", "Jo Smith · March 10, 2025 at 9:14 AM",
            "I have waited for this line for years and I am glad the council finally said yes to it, even if late.",
            "Reply", "Sam Lee · March 10, 2025 at 10:02 AM",
            "The money would be better spent on buses, which serve far more people in the outer suburbs every day.",
            "Reply")
FOOTER = ("About us", "Contact", "Careers", "Terms of use", "Privacy policy")


def whole_page() -> str:
    title = "Trams will reach the airport by 2028, council decides"
    return "\n".join([f"{title} | The City Ledger", *MENU, title, *STORY, *RELATED, *COMMENTS, *FOOTER])


def raw(text: str) -> RawArticle:
    return RawArticle(source_path="page.txt", content_sha256="0" * 64, text=text, format="txt", encoding="utf-8")


def test_a_copied_page_keeps_the_story_and_loses_menus_related_links_comments_and_footer():
    article = clean(raw(whole_page()))
    assert article.body.split("\n") == list(STORY)
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["Bus fares to rise in January"] in ("not_article", "link_list")
    assert reasons[COMMENTS[2]] in ("not_article", "comments")
    assert all(reasons[line] for line in (*MENU, *FOOTER))


def test_the_model_leaves_a_short_article_to_the_rules():
    text = "\n".join(["Trams will reach the airport by 2028", *STORY[:2], "Reply", STORY[2]])
    article = clean(raw(text))
    assert [r.reason for r in article.removed] == ["title"]  # "Reply" on a short text: too little evidence


def test_html_pages_are_not_judged_by_the_line_model():
    article = clean(RawArticle(source_path="p.html", content_sha256="0" * 64, text=whole_page(), format="html",
                               encoding="utf-8"))
    assert "not_article" not in {r.reason for r in article.removed}


def test_titles_count_as_right_without_the_site_name_and_sites_without_the_trimmings():
    assert title_right("How to Build a Terrarium | eHow", "How to Build a Terrarium")
    assert title_right("Zimbabwe coup: Mugabe ‘insists on finishing his term’", "Zimbabwe coup: Mugabe 'insists on "
                                                                                 "finishing his term'")
    assert not title_right("Allergies Health Center", "Babies Who Eat Peanuts Early May Avoid Allergy")
    assert not title_right(None, "Anything")
    assert site_right("The Guardian", "the Guardian") and site_right("TMZ", "http://www.tmz.com")
    assert not site_right("Vox", "The Verge") and not site_right(None, "The Verge")


@pytest.mark.parametrize("text", ["Posted September 17, 2015", "Thursday 17 Sept. 2015 16:57 BST", "9/17/15 10:00AM",
                                  "17.09.2015", "2015-09-17T16:57:43+01:00", "on 17th September, 2015"])
def test_a_day_is_written_in_any_of_the_forms_pages_print(text):
    assert writes_day(text, dt.date(2015, 9, 17))


@pytest.mark.parametrize("text", ["September 7, 2015", "Sep 17", "19/17/15", "9/17/2016", "8h ago", "27 Sept 2015"])
def test_another_day_or_a_day_without_its_year_is_not_the_day(text):
    assert not writes_day(text, dt.date(2015, 9, 17))


def test_real_pages_are_scored_in_both_forms(capsys):
    txt, html = score_realworld(REALWORLD)
    assert (txt.form, html.form) == ("txt", "html")
    assert [p.name for p in txt.pages] == ["medium-2", "simplyfound-1", "tumblr"]
    assert txt.scored["title"] == 3 and html.scored["day"] == 2  # simplyfound-1 states no time
    assert min(p.f1 for p in html.pages) > 0.9 and min(p.recall for p in txt.pages) > 0.8
    assert main(["--realworld", str(REALWORLD)]) == 0
    out = capsys.readouterr().out
    assert "page copied as plain text (3 pages)" in out and "page as HTML (3 pages)" in out and "micro" in out
    assert [len(pages) for pages in html.baselines.values()] == [3, 3] and "trafilatura alone, favor_recall" in out


def test_a_page_title_with_the_site_name_gives_headline_and_site_when_the_headline_stands_alone_too():
    article = clean(raw(whole_page()))
    assert article.metadata.title == "Trams will reach the airport by 2028, council decides"
    assert article.metadata.publisher == "The City Ledger"
    # Without the headline's own copy there is no evidence that " - " ends the headline.
    text = "\n".join(["Dropbox ATF - an async task framework", *STORY])
    assert clean(raw(text)).metadata.title == "Dropbox ATF - an async task framework"


def test_byline_and_date_inside_a_line_below_the_headline():
    title = "Trams will reach the airport by 2028, council decides"
    text = "\n".join([f"{title} | The City Ledger", *MENU, title,
                      "By Erin Cunningham March 18, 2025 at 3:57 PM Follow @erinc", *STORY, *FOOTER])
    metadata = clean(raw(text)).metadata
    assert metadata.authors == ["Erin Cunningham"]
    assert (metadata.published, metadata.published_precision) == (dt.date(2025, 3, 18), "day")


def test_the_date_under_the_headline_wins_over_a_related_story_date_further_down():
    title = "Trams will reach the airport by 2028, council decides"
    related = ("Bus fares to rise in January", "Published: 26 Nov 2024", "Rail strike called off",
               "Published: 25 Nov 2024")
    text = "\n".join([f"{title} | The City Ledger", *MENU, title, "About this content",
                      "Thu 3 Jan 2025 02.00 EST Last modified on Wed 16 Jan 2025 06.16 EST", *STORY, *related, *FOOTER])
    metadata = clean(raw(text)).metadata
    assert (metadata.published, metadata.published_precision) == (dt.date(2025, 1, 3), "day")
    # No date under the headline: the page's own date repeated below the story is all there is; datelines below it
    # that disagree date the related stories, not this one.
    text = "\n".join([title, *STORY, "Published: 26 Nov 2024"])
    assert clean(raw(text)).metadata.published == dt.date(2024, 11, 26)
    assert clean(raw("\n".join([title, *STORY, *related]))).metadata.published is None


def test_lines_of_names_far_below_the_headline_are_a_menu_not_a_byline():
    title = "Trams will reach the airport by 2028, council decides"
    text = "\n".join([title, "Jane Roe", *STORY[:2], "Real Estate", "Ad Choices", *STORY[2:]])
    assert clean(raw(text)).metadata.authors == ["Jane Roe"]
    text = "\n".join([title, "World", "Science", "Health", "Real Estate", "Ad Choices", *STORY])
    assert clean(raw(text)).metadata.authors == []


def test_byline_and_date_between_two_copies_of_the_headline_and_a_name_beside_a_date():
    title = "Trams will reach the airport by 2028, council decides"
    text = "\n".join([f"{title} | The City Ledger", *MENU, title, "by Laura June Topolsky July 10, 2015", title,
                      "Copy Link Facebook Twitter", *STORY, *FOOTER])
    metadata = clean(raw(text)).metadata
    assert metadata.authors == ["Laura June Topolsky"]
    assert (metadata.published, metadata.published_precision) == (dt.date(2015, 7, 10), "day")
    text = "\n".join([f"{title} | The City Ledger", *MENU, title, "Dan Goodin - Apr 16, 2015 8:02 pm UTC", *STORY])
    assert clean(raw(text)).metadata.authors == ["Dan Goodin"]
    text = "\n".join([title, "// By Arun Sai Krishnan • Nov 11, 2020", *STORY])
    assert clean(raw(text)).metadata.authors == ["Arun Sai Krishnan"]


def test_an_update_time_is_no_publication_date_and_a_site_is_no_author():
    title = "Trams will reach the airport by 2028, council decides"
    text = "\n".join([title, "By Alissa Wilkinson @alissamarie Updated Jul 24, 2018, 2:15pm EDT", *STORY])
    metadata = clean(raw(text)).metadata
    assert metadata.authors == ["Alissa Wilkinson"] and metadata.published is None
    text = "\n".join([title, "By The City Ledger", "By Jane Roe", *STORY])
    assert clean(raw(text)).metadata.authors == ["Jane Roe"]


def test_a_long_page_title_with_the_site_name_is_the_title_not_the_story():
    title = ("Alaskan halibut, caught by a century-old Seattle boat, provides a glimpse of the strategy of the grocer "
             "with its new stores")
    text = "\n".join([f"{title} | The City Ledger", *MENU, *STORY, *FOOTER])
    article = clean(raw(text))
    assert article.metadata.title == f"{title} | The City Ledger" and article.body.split("\n")[0] == STORY[0]
