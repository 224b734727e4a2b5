"""news_dates: TIMEX3 conventions met in TimeML newswire (AQUAINT): moving holidays, compound durations, the
week of a date, titles that look like durations, and the tense rules that place a weekday or a month."""

import datetime as dt

import pytest

from tests.dates.test_expressions import dates_of, only

FRIDAY = dt.date(2000, 1, 7)
WEDNESDAY = dt.date(1999, 5, 5)


@pytest.mark.parametrize("text, published, expression, value", [
    # holidays on the nth weekday of a month, with last/next
    ("The boy was found at sea last Thanksgiving.", dt.date(2000, 2, 10), "last Thanksgiving", "1999-11-25"),
    ("He was rescued on Thanksgiving Day.", FRIDAY, "Thanksgiving Day", "1999-11-25"),
    ("It will be our theme from now to Election Day.", dt.date(1998, 10, 26), "Election Day", "1998-11-03"),
    ("Stores reopen after Labor Day 2025.", dt.date(2024, 11, 5), "Labor Day 2025", "2025-09-01"),
    ("Families will gather over Memorial Day.", dt.date(2024, 5, 1), "Memorial Day", "2024-05-27"),
    ("Sales peak before next Mother's Day.", dt.date(2024, 6, 1), "next Mother's Day", "2025-05-11"),
    # the week a date falls in
    ("A vote is expected the week of March 6.", dt.date(2000, 2, 24), "the week of March 6", "2000-W10"),
])
def test_holidays_and_weeks(nlp, text, published, expression, value):
    assert only(nlp, text, expression, published=published).value == value


@pytest.mark.parametrize("text, expression, value", [
    ("Lawyers left their third day-long meeting.", "day-long", "P1D"),
    ("The year-long inquiry ended.", "year-long", "P1Y"),
    ("He gave an hour-long speech.", "hour-long", "PT1H"),
])
def test_unit_long_is_a_duration(nlp, text, expression, value):
    mention = only(nlp, text, expression)
    assert (mention.timex_type, mention.value) == ("DURATION", value)


def test_a_title_is_no_duration_but_the_same_words_in_lower_case_are(nlp):
    found = [m.text for m in dates_of(nlp, "He said on CBS's ``60 Minutes'' that he had waited 60 minutes.")]
    assert found == ["60 minutes"]


@pytest.mark.parametrize("text, published, expression, value", [
    # a reduced relative clause reports a past deed, even inside a future clause
    ("They will appeal the decision, announced Wednesday by the commissioner.", FRIDAY, "Wednesday", "2000-01-05"),
    ("The relatives will appeal the ruling announced Wednesday by the agency.", FRIDAY, "Wednesday", "2000-01-05"),
    ("If approved Wednesday, the law will take effect in June.", FRIDAY, "Wednesday", "2000-01-12"),
    ("The department wants the court to suspend the injunction issued Thursday.", dt.date(2000, 4, 17),
     "Thursday", "2000-04-13"),
    # ... unless it sets a date
    ("The issue is expected to dominate a summit set for Washington in April.", dt.date(1999, 3, 12),
     "April", "1999-04"),
    # the perfect progressive looks back
    ("Police have been searching for him since the Oct. 23 slaying.", dt.date(1999, 5, 6), "Oct. 23", "1998-10-23"),
    # planning verbs in the present, perfect or passive leave the side open: the nearest
    ("The attorney has scheduled a news conference Thursday.", WEDNESDAY, "Thursday", "1999-05-06"),
    ("The accession was planned for early March.", dt.date(1999, 2, 10), "early March", "1999-03"),
    # an active simple past stays past
    ("On Friday, the government planned to pay the claims.", dt.date(1998, 9, 30), "Friday", "1998-09-25"),
])
def test_tense_rules(nlp, text, published, expression, value):
    assert only(nlp, text, expression, published=published).value == value
