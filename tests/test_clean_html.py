"""HTML pages on short pages of our own: what the extraction and the cleaning of its main text keep and drop."""

from __future__ import annotations

import json

import lxml.html

from pipelines.evaluation.cleaning import clean_page
from pipelines.ingest.html import read_html, wrap_lines_as_a_browser_does
from pipelines.ingest.page_metadata import byline_element_names, names_in_byline, page_metadata
from tests.test_clean_realworld import STORY as COPIED_PAGE_STORY

# The story of the copied-page tests, one paragraph longer: a gallery beside it must leave a story of its own.
STORY = (*COPIED_PAGE_STORY,
         "The mayor said the vote was a turning point for a city that has long been split between its old centre and "
         "the fast-growing suburbs to the east.")
TITLE = "Trams Will Reach the Airport by 2028"


def html_page(*article: str, head: str = "", after: str = "") -> str:
    """A news page: a menu, the article (its own HTML), related links and a footer."""
    return f"""<html><head><title>{TITLE} | The City Ledger</title>{head}</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>{TITLE}</h1><p class="byline">By Jane Roe</p>
{''.join(article)}
</article>{after}
<footer><p><a href="/about">About us</a> <a href="/privacy">Privacy policy</a></p></footer></body></html>"""


def paragraphs(texts) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def body_lines(html: str) -> list[str]:
    return clean_page(html, "html").body.split("\n")


def test_a_short_list_of_the_story_stays_in_the_body_of_an_html_page():
    items = ("Ruler", "Spoon", "Moss", "Tweezers", "Floral wire pins")
    html = html_page(paragraphs(STORY[:2]), "<h2>What You Need</h2><ul>",
                     "".join(f"<li>{item}</li>" for item in items), "</ul>", paragraphs(STORY[2:]))
    lines = body_lines(html)
    assert [line for line in lines if line.lstrip("- ") in items] == [f"- {item}" for item in items]
    assert "What You Need" in lines and TITLE not in lines and "By Jane Roe" not in lines


SLIDES = ("1/4 Rail strike called off Unions and the operator agreed a new pay deal late on Sunday night.",
          "2/4 Bus fares to rise Fares will go up by five per cent in January, the transport authority said.",
          "3/4 Airport expansion approved The third terminal will open in 2030 after years of planning fights.",
          "4/4 Taxi drivers protest Hundreds of drivers blocked the ring road over the cost of licences.")


def test_a_photo_gallery_embedded_in_the_story_goes():
    gallery = "<h3>Transport news in pictures</h3><ul>" + "".join(f"<li>{s}</li>" for s in SLIDES) + "</ul>"
    lines = body_lines(html_page(paragraphs(STORY[:2]), gallery, paragraphs(STORY[2:])))
    assert [line for line in lines if "/4 " in line] == []
    assert [line for line in lines if line in STORY] == list(STORY)


def test_a_page_that_is_only_a_gallery_keeps_its_captions():
    lines = body_lines(html_page("<p>The week in pictures.</p>", paragraphs(SLIDES)))
    assert [line for line in lines if "/4 " in line] == list(SLIDES)


def test_sentences_opening_with_a_fraction_are_no_gallery():
    fractions = [f"{n}/3 of the {what} said they would use the tram at least once a week, the survey found."
                 for n, what in ((1, "drivers"), (2, "cyclists"), (1, "students"))]
    lines = body_lines(html_page(paragraphs(STORY[:2]), paragraphs(fractions), paragraphs(STORY[2:])))
    assert [line for line in lines if line in fractions] == fractions


CAPTION = "Workers lay the first rails near the old freight depot on Monday."


def figure(caption: str, media: str = '<img src="rails.jpg" alt="">') -> str:
    return f"<figure>{media}<figcaption><span>{caption}</span> <span>Ana Ruiz</span></figcaption></figure>"


def test_a_photo_caption_of_the_story_stays_where_the_photo_was():
    lines = body_lines(html_page(paragraphs(STORY[:2]), figure(CAPTION), paragraphs(STORY[2:])))
    assert lines[lines.index(STORY[1]) + 1] == f"{CAPTION} Ana Ruiz"


def test_a_video_caption_and_a_credit_link_go_with_their_figure():
    video = figure(CAPTION, media='<iframe src="https://player.example/v/1"></iframe>')
    credit = '<figure><img src="a.jpg"><figcaption><a href="https://example.org/ana">Ana Ruiz</a></figcaption></figure>'
    lines = body_lines(html_page(paragraphs(STORY[:2]), video, credit, paragraphs(STORY[2:])))
    assert not [line for line in lines if "Ana Ruiz" in line]


MENU = "".join(f'<li><a href="/{w}">{w}</a></li>' for w in ("Home", "World", "Business", "Sport", "Opinion", "Culture"))


def test_a_story_the_extractor_misses_is_read_from_the_page_copy():
    # A theme that wraps the story in a class named like a comment: trafilatura keeps only the menu.
    html = f"""<html><head><title>{TITLE}</title></head><body><nav><ul>{MENU}</ul></nav>
<div class="comment-body"><h1>{TITLE}</h1>{paragraphs(STORY)}</div>
<footer><p><a href="/about">About us</a> <a href="/privacy">Privacy policy</a></p></footer></body></html>"""
    assert [line for line in body_lines(html) if line in STORY] == list(STORY)


def test_a_long_comment_thread_does_not_replace_the_extracted_story():
    comment = ("I have waited for this line for years and I am glad the council finally said yes to it, even if it "
               "took far too long and cost far more than anyone said it would when the plan was first put forward.")
    thread = "".join(f'<div class="reply"><p>Reader {n} · March 10, 2025</p><p>{comment} ({n})</p></div>'
                     for n in range(20))
    html = html_page(paragraphs(STORY), after=f'<section id="comments"><h2>20 Comments</h2>{thread}</section>')
    lines = body_lines(html)
    assert [line for line in lines if line in STORY] == list(STORY)
    assert not [line for line in lines if "waited for this line" in line]


def test_a_paragraph_hard_wrapped_in_the_source_is_one_line_and_code_keeps_its_lines():
    wrapped = STORY[0].replace(" to extend", "\n        to extend").replace(" by residents", "\n   by residents")
    code = "for task in queue:\n    run(task)"
    tree = lxml.html.fromstring(f"<html><body><p><b>Trams</b> {wrapped}</p>\n<pre><b>{code}</b>\n</pre></body></html>")
    wrap_lines_as_a_browser_does(tree)
    assert tree.find(".//p").text_content() == f"Trams {STORY[0]}" and tree.find(".//p").tail == "\n"
    assert tree.findtext(".//pre/b") == code
    lines = body_lines(html_page(f"<p>{wrapped}</p>", paragraphs(STORY[1:3]), f"<pre>{code}</pre>",
                                 paragraphs(STORY[3:])))
    assert STORY[0] in lines and "for task in queue:" in lines and "run(task)" in lines


# --- what a page states about itself -----------------------------------------------------------------------------

def page_meta(head: str = "", body: str = "") -> dict:
    return page_metadata(lxml.html.fromstring(f"<html><head>{head}</head><body>{body}<p>{STORY[0]}</p></body></html>"))


def test_json_ld_in_a_cdata_section_and_a_graph_gives_headline_people_publisher_and_day():
    story = {"@type": "NewsArticle", "headline": "Trams Will Reach the Airport &amp; the Port",
             "author": [{"@type": "Person", "name": "Jane Roe"}, {"@type": "Organization", "name": "Ledger Staff"}],
             "publisher": {"@type": "Organization", "name": "The City Ledger"},
             "datePublished": "2025-03-04T23:30:00-05:00"}
    script = json.dumps({"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Ledger"}, story]})
    head = f'<script type="application/ld+json">\n<![CDATA[\n{script}\n]]>\n</script><title>Other | Ledger</title>'
    assert page_meta(head) == {"title": "Trams Will Reach the Airport & the Port", "authors": ["Jane Roe"],
                               "publisher": "The City Ledger", "published": "2025-03-04"}


def test_meta_tags_and_the_page_title_without_the_site_name():
    head = ('<title>Trams Will Reach the Airport - The City Ledger</title>'
            '<meta property="og:site_name" content="The City Ledger">'
            '<meta name="author" content="By Jane Roe and Tom Berg">'
            '<meta property="article:published_time" content="2018-06-12T23:00:00.000Z">')
    assert page_meta(head) == {"title": "Trams Will Reach the Airport", "authors": ["Jane Roe", "Tom Berg"],
                               "publisher": "The City Ledger", "published": "2018-06-12"}
    assert page_meta('<meta property="og:title" content="Trams at last"><title>Trams | Ledger</title>')["title"] == \
        "Trams at last"


def test_only_names_of_people_are_authors():
    assert names_in_byline("Tech Industry by Steven Musil January 18, 2017 11:00 PM PST @stevenmusil") == \
        ["Steven Musil"]
    assert names_in_byline("By GILLIAN MOHNEY March 11, 2015 3:46 PM") == ["Gillian Mohney"]
    for not_people in ("Username", "https://www.facebook.com/jane.roe", "J J", "S Sky", "Last Updated: January 7, 2025",
                       "Wednesday January", "View Comments", "Contribute Subscribe Contribute"):
        assert names_in_byline(not_people) == []
    assert names_in_byline("By June Carter") == ["June Carter"]  # a month may be a forename


def test_the_first_byline_element_naming_people_signs_the_story():
    body = ('<ul><li class="author-follow">Katie Couric</li></ul><div class="byline">J J</div>'
            '<div class="author"><a href="/ben">Ben Silverman</a> <span>Games Editor</span></div>'
            '<span class="byline">By Tom Berg</span>')
    assert byline_element_names(lxml.html.fromstring(f"<html><body>{body}</body></html>")) == ["Ben Silverman"]


def test_the_byline_under_the_headline_signs_the_story_not_the_teasers_of_other_stories():
    teasers = ('<aside><div class="byline">By <a href="/a">Carl Mott</a></div></aside>'
               '<ul><li><h4>Another story</h4><span class="byline">By <a href="/b">Dana Holt</a></span></li></ul>')
    story = '<h1>Trams reach the airport</h1><p class="byline">By <a href="/c">Erin Vale</a></p>'
    related = '<ul><li><span class="byline">By Fay Lund</span></li></ul>'
    for body in (teasers + story + related, story.replace("<h1>", "<h2>").replace("</h1>", "</h2>") + teasers):
        assert byline_element_names(lxml.html.fromstring(f"<html><body>{body}</body></html>")) == ["Erin Vale"]


def test_the_html_reader_prefers_what_the_page_states_and_drops_user_names():
    head = ('<meta property="og:title" content="Trams Will Reach the Airport by 2028">'
            '<meta property="article:published_time" content="2025-03-04T09:00:00+01:00">'
            '<meta name="author" content="Username">')
    page = html_page(paragraphs(STORY), head=head).replace('<p class="byline">By Jane Roe</p>',
                                                           '<span class="pb-byline">By Jane Roe</span>')
    meta = read_html(page)[1]
    assert (meta["title"], meta["authors"], meta["published"]) == ("Trams Will Reach the Airport by 2028",
                                                                   ["Jane Roe"], "2025-03-04")


def test_the_headline_the_page_shows_goes_from_the_body_when_it_states_another_title():
    head = '<meta property="og:title" content="Council backs airport tram extension after decade of debate">'
    article = clean_page(html_page(paragraphs(STORY), head=head), "html")
    assert article.metadata.title == "Council backs airport tram extension after decade of debate"
    assert TITLE not in article.body.split("\n")
