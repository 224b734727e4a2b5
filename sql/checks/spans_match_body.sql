-- Every quote, entity mention and date mention of the articles the last run loaded points at its own words
-- in the article body.
-- Returns the rows that do not (none when the check passes).
SELECT 'quotes' AS table_name, q.article_id, q.start_char, q.text
FROM quotes q JOIN last_run_articles a USING (article_id)
WHERE q.start_char < 0 OR q.end_char > length(a.body) OR q.start_char >= q.end_char
   OR substr(a.body, q.start_char + 1, q.end_char - q.start_char) <> q.text
UNION ALL
SELECT 'entity_mentions', m.article_id, m.start_char, m.text
FROM entity_mentions m JOIN last_run_articles a USING (article_id)
WHERE m.start_char < 0 OR m.end_char > length(a.body)
   OR substr(a.body, m.start_char + 1, m.end_char - m.start_char) <> m.text
UNION ALL
SELECT 'date_mentions', d.article_id, d.start_char, d.text
FROM date_mentions d JOIN last_run_articles a USING (article_id)
WHERE d.start_char < 0 OR d.end_char > length(a.body)
   OR substr(a.body, d.start_char + 1, d.end_char - d.start_char) <> d.text;
