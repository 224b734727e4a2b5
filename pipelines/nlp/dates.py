"""First stub of the news_dates component (to be replaced by the real extractor)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("news_dates")
def make_component(nlp: Language, name: str):
    return DatesComponent()


class DatesComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.date_mentions = []
        return doc
