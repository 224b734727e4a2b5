"""Metadata read from the text (titles, bylines, contributors, publishers, dates) and merged with the sidecar."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest

from pipelines.clean.article import clean
from pipelines.clean.metadata import (byline_authors, date_in_line, leading_byline_name, parse_dateline,
                                       publisher_from_copyright)
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
