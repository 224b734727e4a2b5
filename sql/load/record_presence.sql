-- Which files are still there: every file the scan found ($present) was seen now; the files that are gone
-- ($missing) are marked missing, and the articles they were get missing_since (their rows are kept).
UPDATE source_files SET last_seen = $now WHERE source_path IN (SELECT unnest($present));
UPDATE articles SET missing_since = $now
WHERE missing_since IS NULL AND article_id IN (
    SELECT article_id FROM source_files WHERE status = 'article' AND source_path IN (SELECT unnest($missing))
);
UPDATE source_files SET status = 'missing' WHERE source_path IN (SELECT unnest($missing));
