-- What the checks look at: the articles last_run_articles shows, and how many the last run recorded loading
-- (NULL when no run is recorded). The checks refuse to pass when the two differ: they would look at nothing.
SELECT
    (SELECT count(*) FROM last_run_articles) AS articles_seen,
    (SELECT articles_added + articles_changed FROM pipeline_runs ORDER BY finished_at DESC LIMIT 1) AS articles_loaded;
