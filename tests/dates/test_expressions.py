"""news_dates: time expressions of short news sentences and their TIMEX3 values against a publication date."""

import datetime as dt

import pytest

TUESDAY = dt.date(2024, 11, 5)  # a Tuesday in November
MID_AUGUST = dt.date(2024, 8, 16)  # a Friday


def dates_of(nlp, text, published=TUESDAY, precision="day"):
    doc = nlp.make_doc(text)
    doc._.published = published
    doc._.published_precision = precision if published else None
    doc._.headings = []
    return nlp(doc)._.date_mentions


def only(nlp, text, expression, **anchor):
    found = [m for m in dates_of(nlp, text, **anchor) if m.text == expression]
    assert found, f"{expression!r} not found in {dates_of(nlp, text, **anchor)}"
    return found[0]


@pytest.mark.parametrize("text, expression, timex_type, value, mod", [
    # explicit dates at every granularity
    ("The treaty was signed on August 16, 2024.", "August 16, 2024", "DATE", "2024-08-16", None),
    ("The accord was signed Friday, Aug. 16, 2024, in Geneva.", "Friday, Aug. 16, 2024", "DATE", "2024-08-16", None),
    ("Elections were held on 3 March 2019.", "3 March 2019", "DATE", "2019-03-03", None),
    ("The data were published on 2023-04-07.", "2023-04-07", "DATE", "2023-04-07", None),
    ("Kim and Xi have not met since June 2019.", "June 2019", "DATE", "2019-06", None),
    ("The two leaders last met in 2019.", "2019", "DATE", "2019", None),
    ("Growth was strongest in the 1990s.", "the 1990s", "DATE", "199", None),
    ("It was a hit in the '80s.", "the '80s", "DATE", "198", None),
    ("The border was drawn in the 20th century.", "the 20th century", "DATE", "19", None),
    ("Profit rose in the first quarter of 2023.", "the first quarter of 2023", "DATE", "2023-Q1", None),
    ("The plant will open in mid-2026.", "mid-2026", "DATE", "2026", "MID"),
    ("Talks collapsed in the summer of 2019.", "the summer of 2019", "DATE", "2019-SU", None),
    # weekdays by the tense of the sentence (anchor: Tuesday 2024-11-05)
    ("North Korea fired suspected ballistic missiles Tuesday.", "Tuesday", "DATE", "2024-11-05", None),
    ("The spokesman said at a briefing on Friday that talks had failed.", "Friday", "DATE", "2024-11-01", None),
    ("The ministers will meet on Friday.", "Friday", "DATE", "2024-11-08", None),
    ("Officials met on Monday.", "Monday", "DATE", "2024-11-04", None),
    ("The vote is scheduled to take place on Thursday.", "Thursday", "DATE", "2024-11-07", None),
    ("He arrived last Wednesday.", "last Wednesday", "DATE", "2024-10-30", None),
    ("She leaves next Monday.", "next Monday", "DATE", "2024-11-11", None),
    ("The strike began Sunday night.", "Sunday night", "TIME", "2024-11-03TNI", None),
    # months, seasons and relative units
    ("Kim in February declared he had the right to strike.", "February", "DATE", "2024-02", None),
    ("The summit will be held in March.", "March", "DATE", "2025-03", None),
    ("Prices fell in October.", "October", "DATE", "2024-10", None),
    ("Speaking in January, Kim declared 2024 a friendship year.", "January", "DATE", "2024-01", None),
    ("The revelation last month surprised Seoul.", "last month", "DATE", "2024-10", None),
    ("Flooding hit the region this month.", "this month", "DATE", "2024-11", None),
    ("Early this year, trade resumed.", "Early this year", "DATE", "2024", "START"),
    ("The company was founded earlier this year.", "earlier this year", "DATE", "2024", None),
    ("Since late last year, it has received missiles.", "late last year", "DATE", "2023", "END"),
    ("By mid-June, things had changed.", "mid-June", "DATE", "2024-06", "MID"),
    # an infinitive lies after a present governor; "would" is a future seen from a past report
    ("Crews are expected to finish the bridge by July.", "July", "DATE", "2025-07", None),
    ("Officials said the plant would reopen in July.", "July", "DATE", "2025-07", None),
    ("The council voted to reopen the road in January.", "January", "DATE", "2025-01", None),
    ("The firm said new data centers would come online in the spring.", "the spring", "DATE", "2025-SP", None),
    # "the quarter" of a past-tense report is the one that ended; otherwise the anchor's
    ("Sales rose 8% during the quarter.", "the quarter", "DATE", "2024-Q3", None),
    ("Costs will rise in the quarter.", "the quarter", "DATE", "2024-Q4", None),
    ("Cash stood at $5 billion at the end of the quarter.", "the end of the quarter", "DATE", "2024-Q3", "END"),
    ("Spending rose in the current quarter.", "the current quarter", "DATE", "2024-Q4", None),
    ("He visited the country this summer.", "this summer", "DATE", "2024-SU", None),
    ("The talks ended last summer.", "last summer", "DATE", "2024-SU", None),
    ("Sales will recover next year.", "next year", "DATE", "2025", None),
    ("Exports dropped last week.", "last week", "DATE", "2024-W44", None),
    ("The office closes this weekend.", "this weekend", "DATE", "2024-W45-WE", None),
    ("The deal was signed yesterday.", "yesterday", "DATE", "2024-11-04", None),
    ("The results arrive tomorrow.", "tomorrow", "DATE", "2024-11-06", None),
    ("Protesters gathered last night.", "last night", "TIME", "2024-11-04TNI", None),
    ("The vote ends at 8 p.m. today.", "8 p.m.", "TIME", "2024-11-05T20:00", None),
    ("Kim took power more than a dozen years ago.", "more than a dozen years ago", "DATE", "2012", "BEFORE"),
    ("The factory closed three months ago.", "three months ago", "DATE", "2024-08", None),
    # durations
    ("After three years of contraction, trade resumed.", "three years", "DURATION", "P3Y", None),
    ("Two and a half years into a war, Moscow needs shells.", "Two and a half years", "DURATION", "P2.5Y", None),
    ("He has led the country for more than a decade.", "more than a decade", "DURATION", "P10Y", "MORE_THAN"),
    ("She has run the firm for over two decades.", "over two decades", "DURATION", "P20Y", "MORE_THAN"),
    ("The goal refers to warming averaged over two decades.", "two decades", "DURATION", "P20Y", None),
    ("The firm was founded over two decades ago.", "over two decades ago", "DATE", "2004", "BEFORE"),
    ("It was his first visit in 24 years.", "24 years", "DURATION", "P24Y", None),
    ("He traveled to Beijing four times in ten months.", "ten months", "DURATION", "P10M", None),
    ("The ceasefire held for 48 hours.", "48 hours", "DURATION", "PT48H", None),
    ("Prices have doubled over the past three years.", "the past three years", "DURATION", "P3Y", None),
    ("The war was expected to last only weeks.", "weeks", "DURATION", "PXW", None),
    ("He stayed for a few days.", "a few days", "DURATION", "PXD", None),
    ("They signed a five-year agreement.", "five-year", "DURATION", "P5Y", None),
    ("The rally lasted nearly a year and a half.", "nearly a year and a half", "DURATION", "P1.5Y", "LESS_THAN"),
    # vague references
    ("China has been its biggest backer in recent years.", "recent years", "DATE", "PAST_REF", None),
    ("The ministry is now reviewing the plan.", "now", "DATE", "PRESENT_REF", None),
    ("The envoy recently visited Seoul.", "recently", "DATE", "PAST_REF", None),
    ("At the moment, China looks to be losing influence.", "the moment", "DATE", "PRESENT_REF", None),
    ("Such talks failed in the past.", "the past", "DATE", "PAST_REF", None),
    ("Relations may improve in the near future.", "the near future", "DATE", "FUTURE_REF", None),
    # sets
    ("The festival is held every year.", "every year", "SET", "P1Y", None),
    ("The report is published annually.", "annually", "SET", "P1Y", None),
    ("That is one-fifth of its yearly output.", "yearly", "SET", "P1Y", None),
    ("The board meets twice a month.", "twice a month", "SET", "P1M", None),
    ("The market opens on Sundays.", "Sundays", "SET", "XXXX-WXX-7", None),
    ("Russia pays $2 billion a year for the shells.", "a year", "SET", "P1Y", None),
    ("He wrote to the leader a week after the meeting.", "a week", "DURATION", "P1W", None),
    ("He has lived there for decades.", "decades", "DURATION", "PXDE", None),
])
def test_expression_value(nlp, text, expression, timex_type, value, mod):
    mention = only(nlp, text, expression)
    assert (mention.timex_type, mention.value, mention.mod) == (timex_type, value, mod)


def test_mid_august_anchor_resolves_to_its_own_year(nlp):
    text = "According to reports in July, China ordered workers home. In 2023 trade grew."
    values = {m.text: m.value for m in dates_of(nlp, text, published=MID_AUGUST)}
    assert values == {"July": "2024-07", "2023": "2023"}


@pytest.mark.parametrize("text", [
    "Moscow may be assisting Pyongyang.",
    "May I ask a question?",
    "Protesters march through the capital.",
    "Oil prices could fall sharply.",
    "Weapons worth as much as $5.5 billion were sent.",
    "The economy expanded by 3.1 percent.",
    "It received 5 million artillery shells.",
    "He fielded 2000 troops and 1500 tanks.",
    "After the fall of Kabul, the embassy closed.",
    "The 24-year-old soldier was captured.",
    "Those were the early years of the alliance.",
    "April Ryan asked the question.",
    "Theresa May said the deal was dead.",
    "The March for Our Lives drew crowds.",
    "Sunday Times reporters saw the Good Friday Agreement signed.",
    "Article 2019 of the code was cited.",
    "The now-defunct group disbanded.",
    "The team lost in the quarter-final.",
    "They live in the quarter of the old town.",
    "He moved into the quarter with his family.",
])
def test_no_false_dates(nlp, text):
    # A real date beside the sentence: the extractor must find it, and only it.
    found = dates_of(nlp, f"The report was published on Monday. {text}")
    assert [m.text for m in found] == ["Monday"]


def test_mentions_point_into_the_text(nlp):
    text = "In 2023, after three years of closures, trade resumed; by mid-June it had doubled."
    mentions = dates_of(nlp, text)
    assert [m.text for m in mentions] == ["2023", "three years", "mid-June"]
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.text


@pytest.mark.parametrize("text, expression, value", [
    ("Prices fell last month.", "last month", "XXXX-XX"),
    ("The summit was held in October.", "October", "XXXX-10"),
    ("Missiles were fired Tuesday.", "Tuesday", "XXXX-WXX-2"),
    ("He has ruled for three years.", "three years", "P3Y"),
    ("It was signed in June 2019.", "June 2019", "2019-06"),
    ("The talks happened recently.", "recently", "PAST_REF"),
])
def test_without_anchor_relative_values_stay_unresolved(nlp, text, expression, value):
    assert only(nlp, text, expression, published=None).value == value


def test_year_precision_resolves_years_but_not_months(nlp):
    text = "Trade grew last year but collapsed in February."
    values = {m.text: m.value for m in dates_of(nlp, text, published=dt.date(2024, 1, 1), precision="year")}
    assert values == {"last year": "2023", "February": "XXXX-02"}


def test_a_winter_straddles_two_years_so_a_year_anchor_leaves_it_open(nlp):
    text = "Use the heater safely this winter; the pool reopens this summer."
    values = {m.text: m.value for m in dates_of(nlp, text, published=dt.date(2025, 1, 1), precision="year")}
    assert values == {"this winter": "XXXX-WI", "this summer": "2025-SU"}


def test_ranges_cover_the_calendar_days(nlp):
    text = "Talks failed in June 2019, resumed last week and ended Tuesday; it lasted three years."
    ranges = {m.text: (m.range_start, m.range_end) for m in dates_of(nlp, text)}
    assert ranges["June 2019"] == (dt.date(2019, 6, 1), dt.date(2019, 6, 30))
    assert ranges["last week"] == (dt.date(2024, 10, 28), dt.date(2024, 11, 3))
    assert ranges["Tuesday"] == (TUESDAY, TUESDAY)
    assert ranges["three years"] == (None, None)
