-- How many articles each publisher has per month of publication.
CREATE OR REPLACE VIEW articles_per_publisher_month AS
SELECT
    coalesce(publisher, '(unknown)')                       AS publisher,
    CASE WHEN published_precision IN ('day', 'month') THEN date_trunc('month', published_date) END AS month,
    publication_month(published_date, published_precision) AS publication_month,
    count(*)                                               AS articles,
    sum(word_count)                                        AS words
FROM articles
WHERE missing_since IS NULL
GROUP BY ALL;
COMMENT ON VIEW articles_per_publisher_month IS 'Articles and words per publisher and month of publication (month NULL when only the year, or nothing, is known; publication_month labels those too).';
