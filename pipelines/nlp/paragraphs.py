"""A line break ends a sentence: every body line is a paragraph or a heading (see cleaning).

Without this the parser runs sentences across paragraphs, e.g. a stand-first without a full stop into the
next paragraph, and attributions then leak from one paragraph to the other. The parser keeps the sentence
starts set here.
"""

from spacy.language import Language
from spacy.tokens import Doc

from pipelines.nlp.entities.lexicon import is_given_name


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    after_break = False
    previous = None
    for token in doc:
        if token.is_space and "\n" in token.text:
            after_break = True
        elif after_break:
            token.is_sent_start = True
            after_break = False
        elif token.is_title and previous is not None and previous.is_title and previous.whitespace_ == " " \
                and is_given_name(previous.text):
            token.is_sent_start = False  # no sentence starts right after a forename: "Frederick | Wiseman is"
        previous = token
    return doc
