-- A macro, not a view: the label of an article's month of publication that dashboards group by. Runs first
-- (file name order) because views below use it.
CREATE OR REPLACE MACRO publication_month(published_date, published_precision) AS
    CASE
        WHEN published_precision IN ('day', 'month') THEN strftime(published_date, '%Y-%m')
        WHEN published_precision = 'year' THEN strftime(published_date, '%Y') || ' (month unknown)'
        ELSE 'undated'
    END;
COMMENT ON MACRO publication_month IS 'Month of publication as a label that sorts in time order: ''2024-08'', ''2024 (month unknown)'' when only the year is known, ''undated'' when nothing is.';
