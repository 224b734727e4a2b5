-- Quotes about a word ("instability"), best matches first (BM25 full-text search), with speaker and article.
SELECT
    round(score, 3)           AS score,
    coalesce(q.speaker_name, q.speaker_text, '(no speaker)') AS speaker,
    q.kind,
    left(q.text, 80)          AS quote,
    a.title
FROM (SELECT *, fts_main_quotes.match_bm25(quote_id, 'instability') AS score FROM quotes) q
JOIN articles a USING (article_id)
WHERE score IS NOT NULL
ORDER BY score DESC
LIMIT 5;
