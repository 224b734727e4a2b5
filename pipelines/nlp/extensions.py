"""Doc extensions shared by the News Warehouse spaCy components, registered in one place.

Set before the pipeline runs (by ``pipelines.nlp.pipeline.make_doc``):
    doc._.text                 str                     the text, kept: read it with ``doc_text(doc)``
    doc._.published            datetime.date | None   the anchor for relative dates
    doc._.published_precision  "day" | "month" | "year" | None
    doc._.headings             list[(start, end)]      body spans of subheadings (not sentences)
Set by the components:
    doc._.entities             list[models.Entity]          (news_entities)
    doc._.entity_mentions      list[models.EntityMention]   (news_entities)
    doc._.quotes               list[models.Quote]           (news_quotes)
    doc._.date_mentions        list[models.DateMention]     (news_dates)
"""

from spacy.tokens import Doc

_DOC_EXTENSIONS = (
    "text",
    "published",
    "published_precision",
    "headings",
    "entities",
    "entity_mentions",
    "quotes",
    "date_mentions",
)


def register_extensions() -> None:
    for name in _DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def doc_text(doc: Doc) -> str:
    """The document's text, built at most once: spaCy joins the tokens again on every ``doc.text``, which
    costs more than some of our components' own work."""
    if doc._.text is None:
        doc._.text = doc.text
    return doc._.text


register_extensions()
