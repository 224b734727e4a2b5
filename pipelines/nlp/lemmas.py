"""The model's rule lemmatizer, with each lemma worked out once per word form instead of once per token.

en_core_web_sm's ``lemmatizer`` gives a token the lemma its word, coarse part of speech and morphology call for;
spaCy decides it anew for every token (its own cache skips only the suffix rules, after reading the token's
morphology as a dict), which made the component cost as much as the attribute ruler. ``MemoLemmatizer`` reads
the three values of every token in one array, asks the model's lemmatizer once for each new combination, and
writes the lemmas back in one array. A lemma set before it runs (the attribute ruler's "n't" -> "not") stays,
as with spaCy's (``overwrite`` is off in the model).
"""

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

_COLUMNS = [ORTH, POS, MORPH, LEMMA]


class MemoLemmatizer:
    def __init__(self, lemmatizer: Lemmatizer):
        if lemmatizer.overwrite or lemmatizer.mode != "rule":
            raise ValueError("only a rule lemmatizer that keeps lemmas set before it has one lemma per word form")
        self.lemmatizer = lemmatizer
        self.lemmas: dict[tuple[int, int, int], int] = {}  # (word, part of speech, morphology) -> lemma hash

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array(_COLUMNS)
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            if key not in self.lemmas:
                self.lemmas[key] = doc.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = self.lemmas[key]
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


@Language.factory("memo_lemmatizer")
def make_memo_lemmatizer(nlp: Language, name: str, lemmatizer: str = "lemmatizer"):
    return MemoLemmatizer(nlp.get_pipe(lemmatizer))


def memoise_lemmatizer(nlp: Language, name: str = "lemmatizer") -> None:
    """Puts a MemoLemmatizer over the pipeline's lemmatizer in its place."""
    nlp.add_pipe("memo_lemmatizer", after=name, config={"lemmatizer": name})
    nlp.remove_pipe(name)
    nlp.rename_pipe("memo_lemmatizer", name)
