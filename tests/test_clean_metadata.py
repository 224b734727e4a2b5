"""Metadata read from the text (titles, bylines, contributors, publishers, dates) and merged with the sidecar."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest

from pipelines.clean.article import clean
from pipelines.clean.datelines import date_in_line, day_in_year, numeric_day_first, parse_dateline, published_in_line
from pipelines.clean.metadata import byline_authors, leading_byline_name, publisher_from_copyright
from pipelines.models import RawArticle
from tests.test_clean import CLOSING, PARAGRAPH, page, raw


def meta(text: str, **fields):
    return clean(raw(text, **fields)).metadata


@pytest.mark.parametrize("line, authors", [
    ("By Mia Cole", ["Mia Cole"]),
    ("BY MIA COLE AND TOM BERG", ["Mia Cole", "Tom Berg"]),
    ("By LUIS DE LA CRUZ", ["Luis de la Cruz"]),
    ("Posted by Mia Cole at 9:14 PM", ["Mia Cole"]),
    ("by: Mia Cole", ["Mia Cole"]),
    ("By Mia Cole on March 3, 2025", ["Mia Cole"]),
    ("by Lee Man (Jimmy) Wong - Europe Team", ["Lee Man (Jimmy) Wong"]),
    ("By Mia Cole, Tom Berg and Ana Ruiz", ["Mia Cole", "Tom Berg", "Ana Ruiz"]),
    ("By Mia Cole, Senior Correspondent", ["Mia Cole"]),
    ("By Mia Cole | Example News", ["Mia Cole"]),
    ("Mia Cole Avatar", ["Mia Cole"]),
    ("By", []),
])
def test_bylines(line, authors):
    assert byline_authors(line) == authors


@pytest.mark.parametrize("line", [
    "By contrast, the council said it would wait.", "By the end of the year", "Bypass Road Opens", "Transport News",
])
def test_lines_that_are_not_bylines(line):
    assert byline_authors(line) is None


def test_title_authors_and_bare_name_line_near_the_top():
    found = meta(page(top=("Trams Return to the City", "A long-delayed project moves ahead.", "Mia Cole")))
    assert found.title == "Trams Return to the City"
    assert found.authors == ["Mia Cole"]


def test_a_menu_line_of_a_copied_page_is_no_byline_but_a_name_opening_with_a_forename_is():
    for menu in ("Games Movies TV", "Change Country", "Western Journalism"):
        found = meta(page(top=("Trams Return to the City", menu, "A long-delayed project moves ahead.")))
        assert found.title == "Trams Return to the City" and found.authors == []
    found = meta(page(top=("Trams Return to the City", "Games Movies TV", "Drew Dietsch")))
    assert found.authors == ["Drew Dietsch"]


def test_a_name_line_with_two_bars_is_a_byline_not_a_menu():
    assert meta(page(top=("Trams Return to the City", "Mia Cole | Staff Writer | Example News"))).authors == ["Mia Cole"]


def test_byline_on_the_first_line_without_a_title():
    found = meta(page(top=("by Lee Man (Jimmy) Wong - Europe Team",)))
    assert found.title is None and found.authors == ["Lee Man (Jimmy) Wong"]


def test_no_title_when_the_page_starts_with_the_story():
    assert meta(page()).title is None


def test_contributors():
    found = meta(page(bottom=("--With assistance from Ana Ruiz and Tom Berg.",)))
    assert found.contributors == ["Ana Ruiz", "Tom Berg"]
    assert meta(page(bottom=("Reporting by Ana Ruiz; Editing by Tom Berg",))).contributors == ["Ana Ruiz", "Tom Berg"]


@pytest.mark.parametrize("bottom, top_of_body, publisher", [
    (("©2023 Example Media Group L.P.",), "", "Example"),
    (("Copyright 2021 The Daily Example. All rights reserved.",), "", "The Daily Example"),
    (("This article was first published on EXTIMES.",), "", "EXTIMES"),
    ((), "(Example Wire) -- ", "Example Wire"),
    ((), "LISBON, May 2 (Example Wire) - ", "Example Wire"),
    (("Copyright 2025 The Example Wire. All Rights Reserved. This material may not be published.",),
     "LISBON (EW) — ", "Example Wire"),
    ((), "", None),
])
def test_publisher(bottom, top_of_body, publisher):
    text = top_of_body + page(bottom=bottom)
    assert meta(text).publisher == publisher


def test_publication_date_from_a_dateline_at_the_top_has_day_precision():
    found = meta(page(top=("Saturday, March 2, 2024", "Trams Return to the City")))
    assert (found.published, found.published_precision) == (dt.date(2024, 3, 2), "day")


def test_the_story_s_own_copyright_gives_the_year_but_a_site_footer_does_not():
    found = meta("(Example Wire) -- " + page(bottom=("©2023 Example Wire L.P.",)))
    assert (found.published, found.published_precision) == (dt.date(2023, 1, 1), "year")
    assert meta(page(bottom=("© 2025 Example Magazine",))).published is None
    assert meta(page()).published is None


@pytest.mark.parametrize("line, expected", [
    ("Published: 3 May 2024 10:00 GMT", (dt.date(2024, 5, 3), "day")),
    ("Updated 3:42 p.m. ET, March 4, 2025", (dt.date(2025, 3, 4), "day")),
    ("Published 6:00 a.m. ET Jan. 14, 2025", (dt.date(2025, 1, 14), "day")),
    ("Posted: Sep 9, 2025 / 05:41 PM CDT", (dt.date(2025, 9, 9), "day")),
    ("Mon 3 Mar 2025 07.00 GMT", (dt.date(2025, 3, 3), "day")),
    ("15.05.2024", (dt.date(2024, 5, 15), "day")),
    ("Updated on March 2024", (dt.date(2024, 3, 1), "month")),
    ("2024", None),
    ("March 3", None),
    ("In August 2024 the council changed its mind", None),
])
def test_datelines(line, expected):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # US time zones ("ET", "CDT") must not trouble the date parser
        assert parse_dateline(line) == expected


def test_copyright_publisher_drops_years_legal_suffixes_and_owner_words():
    assert publisher_from_copyright("© 2019-2024 Example Holdings Inc. All rights reserved.") == "Example"
    assert publisher_from_copyright("© 2025 Example Daily Media Ltd") == "Example Daily"
    assert publisher_from_copyright("© 2025 Media Group") == "Media"


def test_an_agency_initialism_is_spelled_out_as_the_page_spells_it():
    text = "WASHINGTON (EW) — " + page(bottom=("Example Wire writer Ana Ruiz in Lisbon contributed to this report.",))
    found = meta(text)
    assert found.publisher == "Example Wire" and found.contributors == ["Ana Ruiz"]
    assert meta("WASHINGTON (EW) — " + page()).publisher == "EW"


def test_the_masthead_names_the_publisher_before_the_copyright_holder():
    top = ("Example Courier", "News | Sports | Weather", "", "Trams Return to the City", "", "By Mia Cole")
    found = meta("\n".join([*top, "", page(bottom=("", "© 2025 Example Courier Media Group"))]))
    assert (found.publisher, found.title, found.authors) == ("Example Courier", "Trams Return to the City", ["Mia Cole"])


def test_section_labels_above_the_title_are_not_a_masthead():
    top = ("World", "Europe", "", "Trams Return to the City", "")
    found = meta("\n".join([*top, page(bottom=("", "© 2025 Example Courier Ltd"))]))
    assert (found.publisher, found.title) == ("Example Courier", "Trams Return to the City")


def test_author_box_gives_the_author_when_the_page_has_no_byline():
    bio = "Mia Cole is a senior reporter at the Example Courier, where she covers transport."
    assert meta(page(bottom=(bio,))).authors == ["Mia Cole"]


def test_sidecar_wins_over_the_text():
    text = page(top=("Trams Return to the City", "By Mia Cole"), bottom=("©2023 Example Media L.P.",))
    article = clean(raw(text, sidecar={"title": "The Real Title", "published": "2023-06-01"}))
    assert article.metadata.title == "The Real Title"
    assert article.metadata.authors == ["Mia Cole"]
    assert (article.metadata.published, article.metadata.published_precision) == (dt.date(2023, 6, 1), "day")
    assert article.metadata_sources["title"] == "sidecar" and article.metadata_sources["authors"] == "text"


def test_a_title_known_from_html_metadata_is_removed_from_the_text():
    article = clean(RawArticle("a.html", "0" * 64, "Trams Return\n" + PARAGRAPH + "\n" + CLOSING, "html", "utf-8",
                               extracted_meta={"title": "Trams Return"}))
    assert [(r.text, r.reason) for r in article.removed] == [("Trams Return", "title")]


def test_a_byline_name_followed_by_a_date_or_a_handle():
    assert leading_byline_name("By Erin Cunningham March 18 at 3:57 PM Follow @erinc") == "Erin Cunningham"
    assert leading_byline_name("by Ahiza Garcia @ahiza_garcia February 1, 2016: 12:41 PM ET") == "Ahiza Garcia"
    assert leading_byline_name("By JOE HILDEBRAND, Herald Sun") == "Joe Hildebrand"
    assert leading_byline_name("By the way, this is fine") is None
    assert date_in_line("Sarah Gooding March 9, 2017 13") == (dt.date(2017, 3, 9), "day")
    assert date_in_line("Updated 22 Dec. 2016, 10:43 AM") == (dt.date(2016, 12, 22), "day")
    assert date_in_line("Posted in 2017 by Jane") is None


@pytest.mark.parametrize("line, day_first, expected", [
    ("10.15.15", False, dt.date(2015, 10, 15)),  # a two-digit year, dotted
    ("9/11/13 10:00AM", False, dt.date(2013, 9, 11)),
    ("9/11/13 10:00AM", True, dt.date(2013, 11, 9)),
    ("11.03.17 in Gadgetry", True, dt.date(2017, 3, 11)),
    ("25/12/2015", False, dt.date(2015, 12, 25)),  # only one order makes a date: the page's order does not matter
    ("10.15.15", True, dt.date(2015, 10, 15)),
    ("2020-10-12T15:04:00Z", False, dt.date(2020, 10, 12)),
])
def test_numeric_datelines_are_read_in_the_page_s_order(line, day_first, expected):
    assert parse_dateline(line, day_first) == (expected, "day")


@pytest.mark.parametrize("line", ["Minecraft 1.8.12", "v2.10.15", "1.8.12", "24/7", "Score 3/4/5"])
def test_version_numbers_and_fractions_are_no_dates(line):
    assert parse_dateline(line, day_first=False) is None


def test_a_two_digit_year_needs_the_page_s_order():
    assert parse_dateline("10.15.15") is None and parse_dateline("9/11/13 10:00AM") is None
    assert parse_dateline("10/15/2015") == (dt.date(2015, 10, 15), "day")


@pytest.mark.parametrize("texts, day_first", [
    (["Posted 25/12/2015", "03/04/2016"], True),  # only day first makes 25/12 a date
    (["10.15.15", "11.03.17"], False),
    (["Published 12 October 2020", "Sport | 3 March"], True),  # the dates it writes out
    (["Published October 12, 2020", "03/04/2016"], False),
    (["Seen 25/12/2015", "October 12, 2020", "March 3, 2021"], True),  # numeric evidence first
    (["03/04/2016", "The council may 4 times vote"], False),  # no evidence ("may" is a verb): month first
])
def test_the_page_shows_which_order_its_numeric_dates_use(texts, day_first):
    assert numeric_day_first(texts) is day_first


def test_a_numeric_date_under_the_headline_follows_the_order_of_the_page_s_written_dates():
    top = ("Trams Return to the City", "By Mia Cole", "03/04/2025")
    uk = meta(page(top=top, bottom=("More from the council: 14 February, 21 February",)))
    us = meta(page(top=top, bottom=("More from the council: February 14, February 21",)))
    assert (uk.published, us.published) == (dt.date(2025, 4, 3), dt.date(2025, 3, 4))


@pytest.mark.parametrize("line, published", [
    ("Updated 3:42 p.m. ET, March 4, 2025", None),
    ("By Jane Roe @jroe Updated Jul 24, 2018, 2:15pm EDT", None),
    ("Published Jan 3, 2019 Last modified on Jan 16, 2019", dt.date(2019, 1, 3)),
    ("Updated Jul 24, 2018 · Published 12/15/2017", dt.date(2017, 12, 15)),
    ("By Jane Roe | 2017/12/15 10:00", dt.date(2017, 12, 15)),
    ("PUBLISHED: 17:56 GMT, 22 March 2017 | UPDATED: 08:31 GMT, 23 March 2017", dt.date(2017, 3, 22)),
])
def test_the_label_nearest_before_a_date_tells_an_update_from_a_publication(line, published):
    found = published_in_line(line, day_first=False)
    assert (found[0] if found else None) == published


def test_an_update_stamp_is_no_publication_day_when_the_page_gives_one():
    top = ("Trams Return to the City", "Last updated: January 7, 2025", "By Mia Cole | Published March 2, 2024")
    assert meta(page(top=top)).published == dt.date(2024, 3, 2)
    alone = meta(page(top=("Trams Return to the City", "Updated 3:42 p.m. ET, March 4, 2025")))
    assert (alone.published, alone.published_precision) == (dt.date(2025, 3, 4), "day")  # the only date given


def test_dates_of_related_stories_below_the_story_date_nothing():
    related = ("Bus Lanes Open on Main Street", "Ana Ruiz • February 15, 2017",
               "Ferry Fares Go Up Again", "Tom Berg • February 16, 2017")
    story = (CLOSING,) * 6  # far enough from the story's first line not to be its header
    assert meta(page(*story, top=("Trams Return to the City",), bottom=related)).published is None
    own = ("Published February 15, 2017",)
    assert meta(page(*story, top=("Trams Return to the City",), bottom=own)).published == dt.date(2017, 2, 15)


@pytest.mark.parametrize("stamp", ["James Akinaka • 8h", "on Mar 27 14 min", "Posted 2 hours ago",
                                   "Yesterday 12:35PM"])
def test_a_date_without_its_year_or_a_reference_dates_nothing(stamp):
    assert meta(page(top=("Trams Return to the City", "By Mia Cole", stamp))).published is None


@pytest.mark.parametrize("page_title, headline, site", [
    ("Trams Return to the City (with Pictures) | Example Courier", "Trams Return to the City", "Example Courier"),
    ("Trams Return to the City. Why the council changed its… | by Mia Cole | Courier", "Trams Return to the City",
     "Courier"),
    ("Trams Return - to the City - Trams Return - to the City - Example Courier", "Trams Return - to the City",
     "Example Courier"),
])
def test_the_headline_is_the_line_the_page_title_starts_with(page_title, headline, site):
    found = meta("\n".join([page_title, "", "News", headline, "By Mia Cole", "", page()]))
    assert (found.title, found.publisher) == (headline, site)


def test_a_site_s_name_the_page_title_starts_with_is_no_headline():
    page_title = "The Example Courier - Trams Return to the City after Forty Years"
    found = meta("\n".join([page_title, "", "The Example Courier", "Trams are back", "By Mia Cole", "", page()]))
    assert found.title == page_title


def test_a_byline_day_without_its_year_is_in_the_year_of_the_site_s_copyright():
    top = ("Trams Return to the City", "By Mia Cole March 18 at 3:57 PM Follow @miacole")
    found = meta(page(top=top, bottom=("© 1996-2015 The Example Courier",)))
    assert (found.published, found.published_precision) == (dt.date(2015, 3, 18), "day")
    assert meta(page(top=top)).published is None  # no copyright notice: the year is unknown
    assert day_in_year("Updated March 18 at 3:57 PM", 2015) is None
    assert day_in_year("on Mar 27 14 min", 2015) == (dt.date(2015, 3, 27), "day")
    assert day_in_year("By Mia Cole March 18, 2014", 2015) is None  # a full date is no day of this year


@pytest.mark.parametrize("lead, expected", [
    ("Feb. 23, 2015 -- Life-threatening peanut allergies have been on the rise in the past decade, with little hope "
     "for a cure.", dt.date(2015, 2, 23)),
    ("NEW YORK, March 4, 2025 /PRNewswire/ -- Example Corp said on Tuesday that it would open forty new stores "
     "across the country this year.", dt.date(2025, 3, 4)),
    ("WASHINGTON (Example Wire) — The council voted on Monday, March 3, 2025 to extend the tram line to the "
     "airport after a long debate.", None),
])
def test_a_date_opening_the_story_s_first_paragraph_dates_it(lead, expected):
    assert meta(page(top=("Trams Return to the City", lead))).published == expected


def test_the_date_between_the_headline_and_the_story_is_found_below_a_long_list_of_tags():
    tags = ("Filed to: money", "shopping", "saving money", "personal finances", "mind hacks", "habits", "budget",
            "psychology", "editor's picks")
    tools = ("Edit", "Delete", "Invite", "Promote", "Hide", "Share to Facebook", "Share to Twitter")
    story = page(*(CLOSING,) * 6)
    text = "\n".join(["Trams Return to the City", "Mia Cole", *tags, "3/09/15 8:00am 3/09/15 8:00am", *tools, story])
    assert meta(text).published == dt.date(2015, 3, 9)
