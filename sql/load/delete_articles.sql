-- Removes every row of the articles in $article_ids (re-extracted ones, and files that now duplicate another
-- article) before their new rows go in. Children first, in one transaction; the articles themselves in a
-- transaction of their own, because DuckDB checks foreign keys against the state at transaction start.
BEGIN TRANSACTION;
DELETE FROM quotes WHERE article_id IN (SELECT unnest($article_ids));
DELETE FROM entity_mentions WHERE article_id IN (SELECT unnest($article_ids));
DELETE FROM entity_roles WHERE article_id IN (SELECT unnest($article_ids));
DELETE FROM article_entities WHERE article_id IN (SELECT unnest($article_ids));
DELETE FROM article_names WHERE article_id IN (SELECT unnest($article_ids));
DELETE FROM date_mentions WHERE article_id IN (SELECT unnest($article_ids));
DELETE FROM article_headings WHERE article_id IN (SELECT unnest($article_ids));
DELETE FROM body_segments WHERE article_id IN (SELECT unnest($article_ids));
DELETE FROM removed_lines WHERE article_id IN (SELECT unnest($article_ids));
COMMIT;
BEGIN TRANSACTION;
DELETE FROM articles WHERE article_id IN (SELECT unnest($article_ids));
COMMIT;
