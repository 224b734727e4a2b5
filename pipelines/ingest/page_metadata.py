"""What a page states about itself: its schema.org JSON-LD and its meta tags (OpenGraph and others). A publisher
writes these for search engines and social sites, so they name the article's headline, authors, publisher and
publication date more reliably than guesses from the layout. Its byline elements, a guess from the layout, come
last.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterator

from dateutil import parser as date_parser
from lxml.html import HtmlElement

from pipelines.clean.lines import normalised
from pipelines.clean.metadata import byline_authors, is_person_name, leading_byline_name, named_line
from pipelines.ingest.sidecar import parse_published

# Several CMSs wrap their JSON-LD in a CDATA section or an HTML comment.
_WRAPPER = re.compile(r"^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$")
# schema.org types of a story: Article and its kinds (NewsArticle, BlogPosting, ReportageNewsArticle...), a
# social media posting, a report or a review.
_STORY_TYPE = re.compile(r"Article|Posting|Report|Review")
_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s*[|»]\s*")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
TITLE_META = ("og:title", "twitter:title")
SITE_META = ("og:site_name",)
AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl")
DATE_META = ("article:published_time", "og:published_time", "datepublished", "parsely-pub-date", "sailthru.date",
             "pubdate", "publishdate", "publish-date", "dc.date.issued", "dcterms.created", "dc.date", "date")
# Elements that hold a byline: marked up as the author, or named so by the site's style sheet ("byline",
# "pb-byline", "author", "post-author", "author-name"; not "author-follow" or "followauthor", lists of other writers).
_BYLINE_XPATH = ('//*[@itemprop="author" or @rel="author" or contains(@class, "byline") or contains(@class, "author")'
                 ' or contains(@id, "byline")]')
_BYLINE_CLASS = re.compile(r"byline|(?:^|[-_])authors?(?:[-_]?names?)?$", re.IGNORECASE)
_BY = re.compile(r"\bby\b", re.IGNORECASE)
MAX_BYLINE_ELEMENTS = 10  # the first ones, at the top of the story; later ones sign other stories' teasers
MAX_BYLINE_CHARS = 200


def page_metadata(tree: HtmlElement) -> dict:
    """title, authors, publisher and published (ISO day) as the page states them; only the fields it gives."""
    story = _story_object(tree)
    tags = _meta_tags(tree)
    publisher = _text_of(story.get("publisher")) or next(filter(None, (tags.get(k) for k in SITE_META)), None)
    titles = [_text_of(story.get("headline")), *(tags.get(k) for k in TITLE_META), _page_title(tree, publisher)]
    authors = _person_names(story.get("author")) or _names_in_all(tags.get(k) for k in AUTHOR_META)
    dates = [_text_of(story.get("datePublished")), *(tags.get(k) for k in DATE_META), *_marked_dates(tree)]
    meta = {"title": next(filter(None, titles), None), "authors": authors, "publisher": publisher,
            "published": next(filter(None, map(stated_day, dates)), None)}
    return {name: value for name, value in meta.items() if value}


def _json_ld(tree: HtmlElement) -> Iterator[dict]:
    """Every object of the page's JSON-LD scripts, nested lists and @graph included."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(_WRAPPER.sub("", script.text_content()), strict=False)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack[:0] = item
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack[:0] = item["@graph"]


def _story_object(tree: HtmlElement) -> dict:
    """The JSON-LD object that describes the story (the first of a story type with a headline), or {}."""
    for item in _json_ld(tree):
        kinds = item.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if any(isinstance(kind, str) and _STORY_TYPE.search(kind) for kind in kinds) and item.get("headline"):
            return item
    return {}


def _text_of(value: object) -> str | None:
    """A JSON-LD value as text: a string, or the name of an object (the first of a list)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return " ".join(html.unescape(value).split()) or None if isinstance(value, str) else None


def _person_names(value: object) -> list[str]:
    """The people of a JSON-LD author value (an organisation as author names no person)."""
    values = value if isinstance(value, list) else [value]
    people = [v for v in values if not (isinstance(v, dict) and v.get("@type") == "Organization")]
    return _names_in_all(map(_text_of, people))


def _names_in_all(texts) -> list[str]:
    return list(dict.fromkeys(name for text in texts if text for name in names_in_byline(text)))


def names_in_byline(text: str) -> list[str]:
    """The people a byline names: "By A and B", "A, B", "By A March 11, 2015 3:46 PM"; [] for anything else
    (a user name, a web address, a date, "The Verge")."""
    text = " ".join(text.split())
    if len(text) > MAX_BYLINE_CHARS or "://" in text:
        return []
    names = byline_authors(text)
    if names is None:
        names = named_line(text)
    if not names:  # "Tech Industry by Steven Musil January 18, 2017": the name right after a "by"
        leads = (leading_byline_name(text[by.start():]) for by in _BY.finditer(text))
        names = [lead for lead in leads if lead][:1]
    # Bare letters ("J J", "S Sky": an avatar's letter beside a logo) are no name; an initial has its dot.
    return [name for name in names if not any(len(token) == 1 for token in name.split()) and is_person_name(name)]


def _meta_tags(tree: HtmlElement) -> dict[str, str]:
    """The first value of each <meta> name or property, lower-cased."""
    tags: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        value = " ".join((meta.get("content") or meta.get("value") or "").split())
        if key and value:
            tags.setdefault(key, value)
    return tags


def _page_title(tree: HtmlElement, site: str | None) -> str | None:
    """The <title>, without the site's name when a part of it is that name ("Headline - The Verge")."""
    title = " ".join((tree.findtext(".//title") or "").split())
    if not title or not site:
        return title or None
    parts = [part for part in _TITLE_SEPARATOR.split(title) if part]
    kept = [part for part in parts if normalised(part) != normalised(site)]
    return " - ".join(kept) if kept and len(kept) < len(parts) else title


def byline_element_names(tree: HtmlElement) -> list[str]:
    """The names of the first byline element that names people, the story's own looked at first (see
    _story_bylines_first); a guess from the layout, so it comes after what the page states."""
    elements = [element for element in tree.xpath(_BYLINE_XPATH) if element.get("itemprop") == "author"
                or element.get("rel") == "author" or any(map(_BYLINE_CLASS.search, _class_tokens(element)))]
    for element in _story_bylines_first(tree, elements)[:MAX_BYLINE_ELEMENTS]:
        # The name may be a link or a marked-up name inside the byline, beside the writer's role.
        parts = element.xpath('.//a | .//*[@itemprop="name"]')
        names = _names_in_all(part.text_content() for part in parts) or names_in_byline(element.text_content())
        if names:
            return names
    return []


def _story_bylines_first(tree: HtmlElement, elements: list[HtmlElement]) -> list[HtmlElement]:
    """The byline elements in page order, those after the headline (the first <h1>) first and those inside a
    list item last: a sidebar above the story, or a list of other stories, signs each teaser."""
    position = {element: i for i, element in enumerate(tree.iter())}
    headline = next(tree.iter("h1"), None)
    start = position[headline] if headline is not None else -1

    def rank(element: HtmlElement) -> tuple[int, int]:
        place = 2 if element.xpath("ancestor::li") else 0 if position[element] > start else 1
        return place, position[element]
    return sorted(elements, key=rank)


def _class_tokens(element: HtmlElement) -> list[str]:
    return [*(element.get("class") or "").split(), *(element.get("id") or "").split()]


def _marked_dates(tree: HtmlElement) -> Iterator[str]:
    """Publication times marked up in the page: <time itemprop="datePublished" datetime="...">."""
    for element in tree.xpath('//*[@itemprop="datePublished"]'):
        value = element.get("datetime") or element.get("content")
        if value:
            yield value


def stated_day(value: str | None) -> str | None:
    """The day a stated time falls on, as written (no time zone conversion): "2018-06-12T23:00:00Z" →
    "2018-06-12"; None when the value is no date with a day."""
    if not value:
        return None
    parsed = parse_published(value)
    if parsed is None and _YEAR.search(value):
        try:
            first = date_parser.parse(value, default=dt.datetime(2000, 1, 1), ignoretz=True)
            second = date_parser.parse(value, default=dt.datetime(2001, 2, 2), ignoretz=True)
        except (ValueError, OverflowError):
            return None
        parsed = (first.date(), "day") if first.date() == second.date() else None
    return parsed[0].isoformat() if parsed and parsed[1] == "day" else None
