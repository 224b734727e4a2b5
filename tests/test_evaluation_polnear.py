"""eval-polnear: the brat .ann reader, which quotes are direct, how speakers are scored, and one real run."""

from pathlib import Path

from pipelines.evaluation.polnear import (
    PolnearScores,
    gold_direct_quotes,
    main,
    read_ann,
    score_article,
    source_surnames,
    speaker_surnames,
)
from pipelines.models import Segment

TEXT = ("“We will not sell the port to anyone,” said Mayor Ann Lee, the city’s first mayor. “Not now. Not ever.”\n\n"
        "“It is a very sad day for the whole town,” he said.\n\n"
        "The council said the plan was dead.\n")
LEE_1, LEE_2 = (0, 38), (83, 103)  # “We will ... anyone,” and “Not now. Not ever.”
HE = (105, 147)
ANN = (
    "T1\tContent 0 38;83 92;93 103\t“We will not sell the port to anyone,” “Not now. Not ever.”\n"
    "T2\tSource 44 81\tMayor Ann Lee, the city’s first mayor\n"
    "T3\tCue 39 43\tsaid\n"
    "T4\tAttribution 39 43\tsaid\n"
    "E1\tAttribution:T4 Content:T1 Source:T2 Cue:T3\n"
    "T5\tContent 105 147\t“It is a very sad day for the whole town,”\n"
    "T6\tSource 148 150\the\n"
    "T7\tCue 151 155\tsaid\n"
    "T8\tAttribution 151 155\tsaid\n"
    "E2\tAttribution:T8 Content:T5 Source:T6 Cue:T7\n"
    "T9\tSource 158 169\tThe council\n"
    "T10\tCue 170 174\tsaid\n"
    "T11\tContent 175 192\tthe plan was dead\n"
    "T12\tAttribution 170 174\tsaid\n"
    "E3\tAttribution:T12 Content:T11 Source:T9 Cue:T10\n"
    "T13\tDiscuss 158 169\tThe council\n"
)


def test_the_ann_reader_keeps_discontinuous_parts_and_attribution_roles():
    spans, attributions = read_ann(ANN)
    assert spans["T1"].parts == ((0, 38), (83, 92), (93, 103))
    for span in spans.values():
        assert " ".join(TEXT[s:e] for s, e in span.parts) == span.text
    assert len(attributions) == 3  # the Discuss span is no attribution
    assert [a.source.text for a in attributions] == ["Mayor Ann Lee, the city’s first mayor", "he", "The council"]


def test_a_second_content_role_is_part_of_the_attribution():
    ann = ("T1\tContent 0 38\t“We will not sell the port to anyone,”\nT2\tContent 83 103\t“Not now. Not ever.”\n"
           "T3\tAttribution 39 43\tsaid\nE1\tAttribution:T3 Content:T1 Content2:T2\n")
    [attribution] = read_ann(ann)[1]
    assert attribution.content.parts == ((0, 38), (83, 103))
    assert attribution.source is None


def test_gold_direct_quotes_are_marked_parts_of_four_words_or_more():
    _, attributions = read_ann(ANN)
    quotes = gold_direct_quotes(TEXT, attributions)
    # the sentences of "Not now. Not ever." are one part; the unmarked content is no direct quote
    assert [(q.start, q.end) for q in quotes] == [LEE_1, LEE_2, HE]
    assert TEXT[LEE_2[0]:LEE_2[1]] == "“Not now. Not ever.”"
    short = read_ann("T1\tContent 0 9\t“Not now.\nT2\tAttribution 10 11\tx\nE1\tAttribution:T2 Content:T1\n")[1]
    assert gold_direct_quotes("“Not now.” x", short) == []


def test_a_partial_quote_at_a_paragraph_start_is_no_direct_quote():
    text = 'Intro.\n\nThe country "has made dramatic changes for the better," McConnell said.'
    start = text.index("The country")
    ann = (f"T1\tContent {start} {text.index(' McConnell')}\tx\nT2\tSource 0 1\tM\n"
           "E1\tAttribution:T9 Content:T1 Source:T2\n")
    assert gold_direct_quotes(text, read_ann(ann)[1]) == []


def test_source_surnames():
    assert source_surnames("Mayor Ann Lee, the city’s first mayor") == {"lee"}
    assert source_surnames("Rep. G.K. Butterfield (D-N.C.), head of the Congressional Black Caucus") == {"butterfield"}
    assert source_surnames("NYPD Commissioner James O’Neill") == {"o'neill"}
    assert source_surnames("Representative Charles B. Rangel of New York") == {"rangel"}
    assert source_surnames("Stein spokeswoman Melezia Figueroa") == {"figueroa"}
    assert source_surnames("Chief Justice John G. Roberts Jr.") == {"roberts"}
    assert source_surnames("Secretary of State John Kerry") == {"kerry"}
    # a name after a comma when the first part names no one; a name of a person's own, not their boss's
    assert source_surnames("his best friend at Lehigh, Bruce Turry") == {"turry"}
    assert source_surnames("California Rep. Duncan Hunter’s chief of staff, Joe Kasper,") == {"kasper"}
    assert source_surnames("Jeffrey Lewis of the James Martin Center for Nonproliferation Studies") == {"lewis"}
    assert source_surnames("the al Qaeda-linked cleric Anwar al-Awlaki, who was killed in 2011") == {"al-awlaki"}
    assert source_surnames("experts David Albright and Serena Kelleher-Vergantini of the institute") \
        == {"albright", "kelleher-vergantini"}
    assert "newkirk" in speaker_surnames("Vann R. Newkirk II")
    assert "ii" not in speaker_surnames("Vann R. Newkirk II")
    assert "vann" not in speaker_surnames("Vann R. Newkirk II")
    assert {"acosta", "febo"} <= speaker_surnames("Melba Acosta Febo")  # "Ms. Acosta"
    assert speaker_surnames("Madonna") == {"madonna"}
    for unnamed in ("he", "who", "The council", "the campaign", "Aides", "Trump's spokeswoman", "the President",
                    "one Clinton aide", "the New Jersey governor", "the Republican presidential candidate",
                    "a White House official", "one longtime adviser to Bill Clinton", "a spokesman for Sen. Ted Cruz",
                    "one senior Democrat"):
        assert not source_surnames(unnamed), unnamed


def _scored(predicted):
    scores = PolnearScores()
    _, attributions = read_ann(ANN)
    score_article(scores, "a.txt", TEXT, attributions, TEXT, [Segment(0, 0, len(TEXT))], predicted)
    return scores


def test_scoring_recall_precision_and_speakers():
    scores = _scored([
        (1, 36, "direct", "Ann Lee"),  # right
        (84, 102, "direct", "Bo Chan"),  # found, wrong speaker
        (106, 145, "direct", None),  # found; the source is "he": counted apart
        (175, 192, "indirect", "Ann Lee"),  # not a direct quote: not scored for precision
    ])
    assert (scores.recall.hit, scores.recall.total) == (3, 3)
    assert (scores.precision.hit, scores.precision.total) == (3, 3)
    assert (scores.exact_speaker.hit, scores.exact_speaker.total) == (1, 2)
    assert (scores.unnamed_given_speaker.hit, scores.unnamed_given_speaker.total) == (0, 1)
    assert any("@83: speaker 'Bo Chan', gold source 'Mayor Ann Lee, the city’s first mayor'" in m
               for m in scores.mistakes)


def test_scoring_misses_and_extra_quotes():
    scores = _scored([(1, 36, "partial", "Ann Lee"), (175, 192, "direct", None)])
    assert (scores.recall.hit, scores.recall.total) == (0, 3)
    assert any("@0: direct quote missed (partial)" in m for m in scores.mistakes)
    # the extra direct quote lies in an unmarked Content span: wrong, right when lenient
    assert (scores.precision.hit, scores.lenient_precision.hit, scores.precision.total) == (0, 1, 1)


def test_eval_polnear_end_to_end(tmp_path: Path, capsys):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "port.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "port_b.ann").write_text("", encoding="utf-8")  # a later annotator: unread
    (tmp_path / "attributions" / "port_a.ann").write_text(ANN, encoding="utf-8")
    assert main([str(tmp_path), "-v"]) == 0
    out = capsys.readouterr().out
    assert "PolNeAR attributions, 1 articles" in out
    assert "direct quotes found (recall)            3/3 = 1.000" in out
    assert "named sources, exact speaker (surname)  2/2 = 1.000" in out


def test_eval_polnear_on_a_folder_without_annotations(tmp_path: Path):
    assert main([str(tmp_path)]) == 1
