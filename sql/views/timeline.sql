-- Dated events in time order, each with the sentence it comes from.
CREATE OR REPLACE VIEW timeline AS
SELECT
    d.range_start,
    d.range_end,
    d.value,
    d.timex_type,
    d.text                                                        AS expression,
    substr(a.body, d.sentence_start + 1, d.sentence_end - d.sentence_start) AS sentence,
    a.article_id,
    a.title,
    a.published_date
FROM date_mentions d
JOIN articles a USING (article_id)
WHERE d.range_start IS NOT NULL
ORDER BY d.range_start, d.range_end, a.published_date, a.article_id, d.start_char;
COMMENT ON VIEW timeline IS 'Date expressions that resolve to calendar days, in time order, with the sentence they come from and their article.';
