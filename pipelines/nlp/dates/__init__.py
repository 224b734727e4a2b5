"""news_dates: every time expression of an article, normalised to TIMEX3 against the publication date.

Decides: the expressions (a regex grammar, ``rules``), their type, value and modifier, the side of the
publication date an underspecified one lies on (``tense``, from the parse) and the calendar days a value covers
(``calendar``). Leaves to others: the publication date itself (``pipelines.clean.metadata`` and sidecars).
"""
