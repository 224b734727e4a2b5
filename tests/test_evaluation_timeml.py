"""The TimeML reader and the TempEval-3 style scorer, on small hand-made .tml files."""

import datetime as dt
from pathlib import Path

from pipelines.evaluation.timeml import Counts, TimexSpan, evaluate, main, read_timeml

TIMEML = Path(__file__).resolve().parent / "data" / "timeml"


def test_reader_gives_text_creation_time_and_timexes():
    document = read_timeml(TIMEML / "news_2024-11-05.tml")
    assert (document.creation_time, document.creation_precision) == (dt.date(2024, 11, 5), "day")
    assert "Shipments by AT&T since last month" in document.text
    assert "<" not in document.text
    assert [(t.text, t.type, t.value) for t in document.timexes][:3] == [
        ("Tuesday", "DATE", "2024-11-05"), ("three years", "DURATION", "P3Y"), ("June 2019", "DATE", "2019-06")]
    for timex in document.timexes:
        assert document.text[timex.start:timex.end] == timex.text


def test_reader_keeps_a_coarse_creation_time_coarse():
    document = read_timeml(TIMEML / "news_month_dct.tml")
    assert (document.creation_time, document.creation_precision) == (dt.date(1998, 2, 1), "month")


def _span(start, end, value, type_="DATE"):
    return TimexSpan(start, end, "x" * (end - start), type_, value)


def test_scorer_strict_relaxed_and_value():
    gold = [_span(0, 10, "2024"), _span(20, 30, "P3Y", "DURATION"), _span(40, 45, "2019")]
    system = [_span(0, 10, "2024"), _span(22, 30, "P2Y", "DURATION"), _span(50, 55, "PAST_REF")]
    counts = Counts()
    counts.add(gold, system)
    assert counts.prf(counts.strict) == (1 / 3, 1 / 3, 1 / 3)
    assert counts.prf(counts.relaxed) == (2 / 3, 2 / 3, 2 / 3)
    assert counts.prf(counts.value) == (1 / 3, 1 / 3, 1 / 3)


def test_a_system_expression_matches_one_gold_expression_only():
    counts = Counts()
    counts.add([_span(0, 5, "2024"), _span(6, 10, "2024-06")], [_span(0, 10, "2024-06")])
    assert counts.relaxed == 1


def test_our_pipeline_on_the_handmade_corpus(nlp):
    counts = evaluate(nlp, [TIMEML])
    assert counts.prf(counts.value)[2] == 1.0


def test_main_without_tml_files_fails(capsys):
    assert main([str(TIMEML / "missing-folder")]) == 1
    assert "no .tml files" in capsys.readouterr().err


def _write(tmp_path, name, body):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_creation_time_falls_back_to_a_dateline_then_to_the_document_id(tmp_path):
    dateline = _write(tmp_path, "XIE19980808.0031.tml", '<TimeML>\n XIE19980808.0031 \nNAIROBI, <TIMEX3 tid="t1" '
                      'type="DATE" value="1998-08-07" functionInDocument="PUBLICATION_TIME">August 7</TIMEX3> -- ...'
                      '</TimeML>')
    document = read_timeml(dateline)
    assert document.creation_time == dt.date(1998, 8, 7)
    assert [t.text for t in document.timexes] == ["August 7"]  # a dateline is text, so still gold
    header_id = _write(tmp_path, "story.tml", '<TimeML>\n APW20000106.0064 \n NEWS STORY \nHAVANA -- read '
                       '<TIMEX3 tid="t2" type="DATE" value="2000-01-05">Wednesday</TIMEX3>.</TimeML>')
    assert read_timeml(header_id).creation_time == dt.date(2000, 1, 6)
    assert read_timeml(_write(tmp_path, "NYT19981025.0188.tml", "<TimeML>no id in text</TimeML>")).creation_time \
        == dt.date(1998, 10, 25)


def test_the_creation_time_and_empty_timexes_are_not_gold_and_not_extras(tmp_path, nlp):
    path = _write(tmp_path, "dct.tml", '<TimeML>\n<TIMEX3 tid="t1" type="TIME" value="1999-05-07T03:44" '
                  'functionInDocument="CREATION_TIME">1999-05-07 03:44:53</TIMEX3>\n\nHe was charged '
                  '<TIMEX3 tid="t2" type="DATE" value="1999-05-06">Thursday</TIMEX3>.<TIMEX3 tid="t3" type="DATE" '
                  'value="1999-05-05"></TIMEX3>\n 08/07/1999 06:18:00 \n</TimeML>')
    document = read_timeml(path)
    assert document.creation_time == dt.date(1999, 5, 7)
    assert [t.text for t in document.timexes] == ["Thursday"]
    counts = evaluate(nlp, [path])
    assert (counts.gold, counts.system, counts.value) == (1, 1, 1)


def test_wrapped_lines_are_joined_but_paragraphs_kept():
    from pipelines.evaluation.timeml import unwrap

    text = "A HEADLINE\n\n   The agency said\nWednesday that it would.\n   Next paragraph\n\n\tAnother."
    assert unwrap(text) == "A HEADLINE\n\n   The agency said Wednesday that it would.\n   Next paragraph\n\n\tAnother."
    assert len(unwrap(text)) == len(text)
