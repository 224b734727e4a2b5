-- Every file of the last run is an article, a duplicate or an error, and every article file has its row.
-- Returns the files that break this (none when the check passes).
SELECT source_path, status, 'no article row' AS problem
FROM source_files
WHERE status = 'article' AND article_id NOT IN (SELECT article_id FROM articles)
UNION ALL
SELECT source_path, status, 'status is neither article, duplicate nor error' AS problem
FROM source_files
WHERE last_seen = (SELECT max(last_seen) FROM source_files) AND status NOT IN ('article', 'duplicate', 'error')
UNION ALL
SELECT 'last run' AS source_path, NULL AS status,
       format('{} files seen but {} accounted for', r.files_seen, f.n) AS problem
FROM (SELECT files_seen FROM pipeline_runs ORDER BY finished_at DESC LIMIT 1) r,
     (SELECT count(*) AS n FROM source_files WHERE status <> 'missing') f
WHERE r.files_seen <> f.n;
