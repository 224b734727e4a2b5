-- How many quotes of each kind the articles of each month of publication carry.
CREATE OR REPLACE VIEW quotes_per_month AS
SELECT
    publication_month(a.published_date, a.published_precision) AS publication_month,
    q.kind,
    count(*)                                                   AS quotes,
    count(*) FILTER (WHERE q.speaker_entity_id IS NOT NULL)    AS quotes_with_named_speaker
FROM quotes q
JOIN articles a USING (article_id)
WHERE a.missing_since IS NULL
GROUP BY ALL;
COMMENT ON VIEW quotes_per_month IS 'Quotes per month of publication of their article (see the publication_month macro) and kind (direct, partial, scare, indirect); articles whose file is missing are left out.';
