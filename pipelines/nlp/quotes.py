"""First stub of the news_quotes component (to be replaced by the real extractor)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("news_quotes")
def make_component(nlp: Language, name: str):
    return QuotesComponent()


class QuotesComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = []
        return doc
