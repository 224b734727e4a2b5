"""Reading HTML pages: trafilatura finds the main text; the page's metadata is what it states about itself
(page_metadata.py), then what trafilatura finds.

The text keeps one paragraph per line, so the plain-text line classifier can still judge every line. When
trafilatura misses the story (next to no running text on a page that has plenty), the page is read the way a
copied page is: rendered as plain text and cleaned by the line rules and the line model, whose story stands in.
"""

from __future__ import annotations

import re

import html_text
import trafilatura
from lxml.html import Element, HtmlElement

from pipelines.clean.boilerplate import classify
from pipelines.clean.lines import Line, split_lines
from pipelines.ingest.page_metadata import byline_element_names, names_in_byline, page_metadata

_AUTHOR_SEPARATOR = re.compile(r"\s*;\s*")
_PLAYERS = ("iframe", "video", "object", "embed")
_PREFORMATTED = ("pre", "code", "textarea", "script", "style")
# A line break between words of the same text; white space alone between elements stays as it is, since the
# extractor reads it as the elements' layout.
_LINE_BREAK = re.compile(r"(?<=\S)[^\S\n]*\n\s*(?=\S)")
# The extraction missed the story when it holds less running text than a short story (and less than this share of
# the page's running text); the page copy's story then replaces it when that is several times longer. A thread of
# comments beside an extracted story is no reason: the story's running text keeps the extraction. (On the 53 real
# pages the extraction always holds a story: the shortest has 147 words.)
MIN_STORY_WORDS = 100
THIN_EXTRACTION_SHARE = 0.25
RESCUE_RATIO = 3


def read_html(html: str) -> tuple[str, dict]:
    """(main text, metadata with title/authors/publisher/published/url, only the fields the page gives, and
    "headlines": other titles the page shows).

    A page that is no HTML, or where neither trafilatura nor the page copy finds text, yields ("", {...}), which
    ingest reports as an empty file.
    """
    tree = trafilatura.load_html(html)
    if tree is None:
        return "", {}
    wrap_lines_as_a_browser_does(tree)
    captions_as_paragraphs(tree)
    # favor_recall: on the 53 real pages of ../shared/realworld trafilatura's own token F1 goes from 0.949 to 0.960
    # (precision 0.928 -> 0.951, recall 0.970 -> 0.969); favor_precision gives 0.946.
    document = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False, include_tables=True,
                                           include_images=False, deduplicate=False, favor_recall=True)
    text = (document.text or "") if document is not None else ""
    text = rescued_story(tree, text) or text
    extracted = _extracted_metadata(document)
    stated = page_metadata(tree)
    meta = {**extracted, **stated}
    # The story's byline element before trafilatura's author, which may come from a comment or a teaser.
    if "authors" not in stated and (names := byline_element_names(tree)):
        meta["authors"] = names
    # The headline the page shows (its first <h1>; trafilatura's title) may differ from the one it states for
    # search engines: its copies go too. Only the first <h1>: some sites head every section with one.
    first_h1 = next(tree.iter("h1"), None)
    shown = [extracted.get("title"), _text(first_h1) if first_h1 is not None else None]
    headlines = [title for title in dict.fromkeys(shown) if title and title != meta.get("title")]
    if headlines:
        meta["headlines"] = headlines
    return text, meta


def _extracted_metadata(document) -> dict:
    """trafilatura's metadata, its authors only when they read as people's names ("Username" does not)."""
    if document is None:
        return {}
    authors = [name for part in _AUTHOR_SEPARATOR.split(document.author or "") for name in names_in_byline(part)]
    meta = {"title": document.title, "authors": list(dict.fromkeys(authors)), "publisher": document.sitename,
            "published": document.date, "url": document.url}
    return {name: value for name, value in meta.items() if value}


def wrap_lines_as_a_browser_does(tree: HtmlElement) -> None:
    """Line breaks written inside the page's text become spaces, as a browser shows them (in place; preformatted
    text and code keep theirs). A page that hard-wraps its paragraphs in the source would otherwise reach the
    line classifier, and the sentence splitter, as halves of sentences."""
    preformatted = {node for element in tree.iter(*_PREFORMATTED) for node in element.iter()}
    for element in tree.iter():
        if element.text and element not in preformatted:
            element.text = _LINE_BREAK.sub(" ", element.text)
        if element.tail and element.getparent() not in preformatted:
            element.tail = _LINE_BREAK.sub(" ", element.tail)


def captions_as_paragraphs(tree: HtmlElement) -> None:
    """Puts each photo's caption in place of its <figure>, as a paragraph (in place; the photo itself may be
    missing, loaded later by a script).

    trafilatura drops figures whole, captions with them; as paragraphs they stay where the story shows its
    photos, and go with the rest of a teaser or a gallery the extraction leaves out. A video's caption (the
    figure embeds a player) describes what the text does not show, and a caption that is only a link is a credit:
    both go with their figure.
    """
    for figure in list(tree.iter("figure")):
        parent = figure.getparent()
        captions = [_text(caption) for caption in figure.iter("figcaption") if _is_photo_caption(figure, caption)]
        if not captions or parent is None:
            continue
        paragraphs = [Element("p") for _ in captions]
        for paragraph, caption in zip(paragraphs, captions):
            paragraph.text = caption
        paragraphs[-1].tail = figure.tail
        index = parent.index(figure)
        parent[index:index + 1] = paragraphs


def _text(element: HtmlElement) -> str:
    """The element's text, its parts spaced ("...weather. Credit Kirsten Luce", not "weather.CreditKirsten")."""
    return " ".join(" ".join(element.itertext()).split())


def _is_photo_caption(figure: HtmlElement, caption: HtmlElement) -> bool:
    text = _text(caption)
    linked = " ".join(_text(link) for link in caption.iter("a"))
    return bool(text) and text != linked and not any(figure.find(f".//{tag}") is not None for tag in _PLAYERS)


def rescued_story(tree: HtmlElement, extracted: str) -> str | None:
    """The story of the page read as a copied page, when the extraction holds next to no running text while the
    page has plenty, and the copy's story is several times longer; None otherwise (the extraction stands)."""
    extracted_words = _running_words(split_lines(extracted))
    if extracted_words >= MIN_STORY_WORDS:
        return None
    lines = split_lines(html_text.extract_text(tree))
    if extracted_words >= THIN_EXTRACTION_SHARE * _running_words(lines):
        return None
    reasons = classify(lines).reasons
    story = [line for line in lines if line.no not in reasons]
    if _running_words(story) < max(MIN_STORY_WORDS, RESCUE_RATIO * extracted_words):
        return None
    return "\n".join(line.text for line in story)


def _running_words(lines: list[Line]) -> int:
    """Words in paragraphs of running text."""
    return sum(len(line.words) for line in lines if line.is_paragraph)
