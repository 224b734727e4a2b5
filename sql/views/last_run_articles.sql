-- The articles the most recent run loaded, new or changed: what the data-quality checks look at.
CREATE OR REPLACE VIEW last_run_articles AS
SELECT a.*
FROM articles a
-- A run stamps its articles with the time it records as its finish (pipelines/warehouse/load.py).
WHERE a.ingested_at = (SELECT max(finished_at) FROM pipeline_runs);
COMMENT ON VIEW last_run_articles IS 'Articles added or changed by the most recent pipeline run (none when it loaded nothing new).';
