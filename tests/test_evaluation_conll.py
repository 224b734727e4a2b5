"""eval-conll: documents rebuilt from CoNLL tokens, gold persons grouped by name, how found and right are counted,
and one real run."""

from pathlib import Path

from pipelines.evaluation.conll import Scores, detokenize, gold_persons, main, read_document, score_document

DOCUMENT = """SOCCER - [[SHEARER]] NAMED AS ENGLAND CAPTAIN .
LONDON 1996-08-30
The world 's costliest footballer [[Alan Shearer]] was named as the new England captain on Friday .
" I 'm sure [[Alan]] is the man for the job , " coach [[Glenn Hoddle]] said of [[Shearer]] ( 26 ) .
"""


def test_tokens_are_joined_as_typed():
    assert detokenize('" I \'m sure , " he said ( $ 23.4 million ) .') == '"I\'m sure," he said ($23.4 million).'
    assert detokenize("the world 's costliest , it wo n't") == "the world's costliest, it won't"


def test_the_body_drops_headline_and_dateline_and_keeps_marked_names(tmp_path):
    path = tmp_path / "001.txt"
    path.write_text(DOCUMENT, encoding="utf-8")
    body, names = read_document(path)
    assert body.startswith("The world's costliest footballer Alan Shearer was named")
    assert "[[" not in body and '"I\'m sure Alan is the man for the job," coach Glenn Hoddle said' in body
    assert names == ["Alan Shearer", "Alan", "Glenn Hoddle", "Shearer"]


def test_a_surname_or_a_lone_forename_is_the_person_of_the_longer_name():
    assert [longest for longest, _ in gold_persons(["Shearer", "Alan Shearer", "Alan", "Glenn Hoddle"])] == [
        "Alan Shearer", "Glenn Hoddle"]


def test_a_surname_without_its_arabic_article_is_the_same_person():
    assert [longest for longest, _ in gold_persons(["Turabi", "Hassan al-Turabi"])] == ["Hassan al-Turabi"]


def test_found_by_name_or_surname_and_precision_over_our_people():
    scores = Scores()
    score_document("001", gold_persons(["Alan Shearer", "Glenn Hoddle"]), ["Shearer", "England"], scores)
    assert (scores.found.hit, scores.found.total) == (1, 2)
    assert (scores.right.hit, scores.right.total) == (1, 2)
    assert scores.mistakes == ["001: missed 'Glenn Hoddle'", "001: not a gold person 'England'"]


def test_a_real_run(tmp_path, capsys):
    (tmp_path / "001.txt").write_text(DOCUMENT, encoding="utf-8")
    assert main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "gold persons found (recall)          2/2 = 1.000" in out
    assert "PERSON entities right (precision)    2/2 = 1.000" in out


def test_an_empty_folder_is_an_error(tmp_path):
    assert main([str(Path(tmp_path))]) == 1
