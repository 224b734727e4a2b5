"""First stub of the news_entities component (to be replaced by the real extractor)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("news_entities")
def make_component(nlp: Language, name: str):
    return EntitiesComponent()


class EntitiesComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.entities = []
        doc._.entity_mentions = []
        return doc
