"""People on real pages from any outlet (issue 13): conventions of English news copy, each rule on short texts of
its own that make the model or the earlier rules err, with names it must not touch."""

from __future__ import annotations

import pytest

from helpers import other_people, people


# --- an abbreviated title opens the next name -------------------------------------------------------------

@pytest.mark.parametrize("text, person", [
    ("Schools police chief Steven Zipperman joined early. The call included Zimmer, Zipperman and LAPD Asst. Chief "
     "Earl Watts, according to interviews.", "Earl Watts"),
    ("Deputy Mayor Ann Kessler opened the meeting. It heard from Kessler and LAPD Asst. Chief Dana Flores, two "
     "people said.", "Dana Flores"),
])
def test_an_abbreviated_title_is_no_end_of_a_name(nlp, text, person):
    found = other_people(nlp, text)
    assert person in found
    assert not any("Asst" in name or "LAPD" in name for name in found)


def test_titles_before_names_stay_out_of_them(nlp):
    assert {"Carla Diaz", "Mark Udall"} <= set(people(nlp("Present were Sen. Carla Diaz and Gov. Mark Udall, "
                                                          "aides said.")))
