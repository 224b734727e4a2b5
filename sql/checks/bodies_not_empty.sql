-- No article the last run loaded has an empty body. Returns the articles that do (none when the check passes).
SELECT article_id, source_path FROM last_run_articles WHERE length(trim(body)) = 0;
