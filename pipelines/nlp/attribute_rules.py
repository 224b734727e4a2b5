"""The model's attribute ruler, with its rules looked up by token instead of all tried at every token.

en_core_web_sm's ``attribute_ruler`` gives each token its coarse part of speech and morphology from its tag,
and fixes the part of speech, morphology or lemma of some words (179 rules, nearly all of one token with an
exact tag, word or dependency). spaCy's Matcher tries every rule at every token, which made the component cost
more than the parser. ``IndexedAttributeRuler`` is spaCy's ``AttributeRuler`` with one change: ``match`` finds
the same matches by looking the rules up by the token's tag, lowercase form, dependency or space flag, and
checking the rest of each candidate rule. Which token gets which attributes, the order the rules apply in and
serialization are spaCy's. A rule the index cannot express (an operator such as ``OP``, another attribute)
makes the component use spaCy's Matcher for every rule.
"""

import re
from collections.abc import Callable, Iterable

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.pipeline.attributeruler import attribute_ruler_score
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

# The token attributes rules may test, in the column order of Doc.to_array.
COLUMNS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_ARRAY_ATTRS = list(COLUMNS.values())
_EQUAL, _IN, _NOT_IN, _REGEX = "==", "IN", "NOT_IN", "REGEX"

Check = tuple[int, str, object]  # (column, operator, operand)


class _Unsupported(ValueError):
    """A rule the index cannot express."""


def _value_id(attr: str, value: object) -> int:
    """The integer Doc.to_array holds for this value of the attribute (a string's hash, a flag's 0 or 1)."""
    if attr == "IS_SPACE" and isinstance(value, bool):
        return int(value)
    if attr != "IS_SPACE" and isinstance(value, str):
        return get_string_id(value)
    raise _Unsupported(f"{attr}: {value!r}")


def _check(attr: str, value: object) -> Check:
    column = list(COLUMNS).index(attr)
    if not isinstance(value, dict):
        return column, _EQUAL, _value_id(attr, value)
    if len(value) != 1:
        raise _Unsupported(f"{attr}: {value!r}")
    [(operator, operand)] = value.items()
    if operator in (_IN, _NOT_IN):
        return column, operator, frozenset(_value_id(attr, v) for v in operand)
    if operator == _REGEX and attr != "IS_SPACE":
        return column, _REGEX, re.compile(operand)
    raise _Unsupported(f"{attr}: {value!r}")


def _token_checks(spec: dict) -> list[Check]:
    checks = []
    for attr, value in spec.items():
        if not isinstance(attr, str) or attr.upper() not in COLUMNS:
            raise _Unsupported(f"attribute {attr!r}")
        checks.append(_check(attr.upper(), value))
    return checks


# The columns in the order they narrow the tokens to try a pattern at: a word is rarer than a dependency label,
# which is rarer than a tag ("TAG NN and LOWER x" is tried at every x, not at every noun).
_RANK = {list(COLUMNS).index(name): rank for rank, name in enumerate(("LOWER", "DEP", "TAG", "IS_SPACE"))}


def _selectivity(check: Check) -> tuple[int, int]:
    """Sorts the tests a pattern can be indexed by: one value before a set of values, then narrower columns."""
    column, operator, _ = check
    return operator != _EQUAL, _RANK[column]


class _RuleIndex:
    """Token patterns by the value of one column that their first token must have (exactly, or one of a set;
    the narrowest column such a test has), or by the values of the article a regular expression on its first
    token matches; the other patterns are tried at every token. Finding a pattern by that value is its test:
    only its other tests are checked."""

    def __init__(self) -> None:
        self.complete = True  # False once a pattern could not be indexed
        self._by_value: list[dict[int, list[int]]] = [{} for _ in COLUMNS]
        self._everywhere: list[int] = []
        # Patterns whose first token's only test is a regular expression on a column, looked up through the
        # values of the article that match it: (pattern number, column, expression)
        self._by_regex: list[tuple[int, int, re.Pattern]] = []
        # (match key, length in tokens, tests left as (token offset, column, operator, operand))
        self._patterns: list[tuple[int, int, list[tuple[int, int, str, object]]]] = []
        self._regex_results: dict[tuple[int, int], bool] = {}  # (test number, value) -> whether the regex matched

    def add(self, key: int, patterns: Iterable[list[dict]]) -> None:
        for pattern in patterns:
            try:
                tokens = [_token_checks(spec) for spec in pattern]
            except _Unsupported:
                self.complete = False
                return
            if not tokens:
                self.complete = False
                return
            anchor = min((c for c in tokens[0] if c[1] in (_EQUAL, _IN)), default=None, key=_selectivity)
            rest = [(offset, *check) for offset, checks in enumerate(tokens) for check in checks
                    if not (offset == 0 and check is anchor)]
            number = len(self._patterns)
            self._patterns.append((key, len(tokens), rest))
            if anchor is None and len(tokens[0]) == 1 and tokens[0][0][1] == _REGEX:
                self._by_regex.append((number, tokens[0][0][0], tokens[0][0][2]))
                continue
            if anchor is None:
                self._everywhere.append(number)
                continue
            column, operator, operand = anchor
            for value in ([operand] if operator == _EQUAL else operand):
                self._by_value[column].setdefault(value, []).append(number)

    def find(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match key, start, end) of every match, once each, as spaCy's Matcher finds them."""
        rows = doc.to_array(_ARRAY_ATTRS).tolist() if len(doc) else []
        found: dict[tuple[int, int, int], None] = {}
        by_value = [*self._by_value, *self._regex_anchors(rows, doc)]
        columns = [*range(len(COLUMNS)), *(column for _, column, _ in self._by_regex)]
        for start, row in enumerate(rows):
            for column, values in zip(columns, by_value, strict=True):
                for number in values.get(row[column], ()):
                    self._try(number, start, rows, doc, found)
            for number in self._everywhere:
                self._try(number, start, rows, doc, found)
        return list(found)

    def _regex_anchors(self, rows: list[list[int]], doc: Doc) -> list[dict[int, list[int]]]:
        """For each regex-anchored pattern, the values of its column in this article that the expression
        matches, each tested once (the results are kept across articles)."""
        anchors = []
        for number, column, expression in self._by_regex:
            values = {row[column] for row in rows}
            anchors.append({value: [number] for value in values if self._matches(expression, value, doc)})
        return anchors

    def _matches(self, expression: re.Pattern, value: int, doc: Doc) -> bool:
        holds = self._regex_results.get((id(expression), value))
        if holds is None:
            holds = self._regex_results[(id(expression), value)] = \
                expression.search(doc.vocab.strings[value]) is not None
        return holds

    def _try(self, number: int, start: int, rows: list[list[int]], doc: Doc,
             found: dict[tuple[int, int, int], None]) -> None:
        key, length, tests = self._patterns[number]
        if start + length > len(rows):
            return
        for offset, column, operator, operand in tests:
            value = rows[start + offset][column]
            if operator == _EQUAL:
                holds = value == operand
            elif operator == _IN:
                holds = value in operand
            elif operator == _NOT_IN:
                holds = value not in operand
            else:
                holds = self._matches(operand, value, doc)
            if not holds:
                return
        found[(key, start, start + length)] = None


class IndexedAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler, matching through a _RuleIndex (see the module's docstring)."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", *, validate: bool = False,
                 scorer: Callable | None = attribute_ruler_score) -> None:
        super().__init__(vocab, name, validate=validate, scorer=scorer)
        self._index = _RuleIndex()

    def clear(self) -> None:
        super().clear()
        self._index = _RuleIndex()

    def add(self, patterns: Iterable[list[dict]], attrs: dict, index: int = 0) -> None:
        patterns = list(patterns)
        key = self.vocab.strings.add(str(len(self.attrs)))  # the key AttributeRuler.add gives the rule
        super().add(patterns, attrs, index)
        self._index.add(key, patterns)

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        if not self._index.complete:
            return super().match(doc)
        # As AttributeRuler.match: sorted by rule number, so that later rules win.
        matches = [(int(self.vocab.strings[key]), key, start, end) for key, start, end in self._index.find(doc)]
        matches.sort()
        return matches


@Language.factory("indexed_attribute_ruler", default_config={
    "validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}})
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool, scorer: Callable | None
                                 ) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


def index_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> None:
    """Replaces the pipeline's attribute ruler by an IndexedAttributeRuler with the same rules."""
    rules = nlp.get_pipe(name).patterns
    nlp.replace_pipe(name, "indexed_attribute_ruler").add_patterns(rules)
