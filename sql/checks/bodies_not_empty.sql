-- No article has an empty body. Returns the articles that do (none when the check passes).
SELECT article_id, source_path FROM articles WHERE length(trim(body)) = 0;
