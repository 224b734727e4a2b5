"""eval-mercury reads Mercury Parser's tests (expected title, author, time, first words) and scores a page."""

from pathlib import Path

from pipelines.evaluation.mercury import cases, main, score

STORY = " ".join(
    f"Paragraph {n}: the city council voted on Tuesday to extend the tram line to the airport, a plan that "
    "residents had debated for years and that officials said would be finished by the end of next year." for n in range(6)
)
PAGE = f"""<html><head><title>Trams reach the airport | Ledger</title>
<meta property="article:published_time" content="2016-12-09T09:13:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Trams reach the airport</h1>
<p class="byline">By <a href="/erin">Erin Vale</a></p><p>{STORY}</p></article></body></html>"""
TEST = """describe('LedgerExtractor', () => {
    beforeAll(() => {
      url = 'http://ledger.example.com/trams';
      const html = fs.readFileSync('./fixtures/ledger.example.com/1.html');
    });
    it('returns the title', async () => { assert.equal(title, 'Trams reach the airport'); });
    it('returns the author', async () => { assert.equal(author, 'Erin Vale'); });
    it('returns the date_published', async () => { assert.equal(date_published, '2016-12-09T09:13:00.000Z'); });
    it('returns the lead_image_url', async () => { assert.equal(lead_image_url, 'http://x/y.jpg'); });
    it('returns the content', async () => {
      assert.equal(
        first13,
        'Paragraph 0: the city council voted on Tuesday to extend the tram line to'
      );
    });
});"""


def package(tmp_path: Path, page: str = PAGE) -> Path:
    (tmp_path / "fixtures" / "ledger.example.com").mkdir(parents=True)
    (tmp_path / "fixtures" / "ledger.example.com" / "1.html").write_text(page, encoding="utf-8")
    (tmp_path / "src" / "extractors" / "custom" / "ledger.example.com").mkdir(parents=True)
    (tmp_path / "src" / "extractors" / "custom" / "ledger.example.com" / "index.test.js").write_text(TEST)
    return tmp_path


def test_the_expected_values_are_read_from_the_test_file(tmp_path):
    [case] = cases(package(tmp_path))
    assert (case.title, case.author, case.published) == ("Trams reach the airport", "Erin Vale",
                                                          "2016-12-09T09:13:00.000Z")
    assert case.first_words.startswith("Paragraph 0: the city council")


def test_a_page_read_right_scores_every_field_and_a_wrong_one_does_not(tmp_path, capsys):
    html = next(s for s in score(package(tmp_path / "right")) if s.form == "html")
    assert html.right == html.scored and set(html.scored) == {"title", "author", "day", "story"}
    wrong = PAGE.replace("Erin Vale", "Username").replace("2016-12-09", "2015-01-01").replace("extend the tram line", "close the bus depot")
    html = next(s for s in score(package(tmp_path / "wrong", wrong)) if s.form == "html")
    assert html.right["author"] == html.right["day"] == html.right["story"] == 0
    assert main([str(tmp_path / "right")]) == 0 and "page as HTML: title right 1/1" in capsys.readouterr().out
