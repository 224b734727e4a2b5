-- Removes every row of the articles in $article_ids (re-extracted ones, files that now duplicate another
-- article, files that are errors now) before their new rows go in, and notes for sql/load/refresh_entities.sql
-- which articles the run replaces (refresh_articles) and the names they had (refresh_gone). Children first, in
-- one transaction; the articles themselves in a transaction of their own, because DuckDB checks foreign keys
-- against the state at transaction start.
CREATE OR REPLACE TEMP TABLE refresh_articles AS SELECT unnest($article_ids::VARCHAR[]) AS article_id;
CREATE OR REPLACE TEMP TABLE refresh_gone AS
SELECT article_key, entity_id FROM article_names WHERE article_id IN (SELECT article_id FROM refresh_articles);
BEGIN TRANSACTION;
DELETE FROM quotes WHERE article_id IN (SELECT article_id FROM refresh_articles);
DELETE FROM entity_mentions WHERE article_id IN (SELECT article_id FROM refresh_articles);
DELETE FROM entity_roles WHERE article_id IN (SELECT article_id FROM refresh_articles);
DELETE FROM article_entities WHERE article_id IN (SELECT article_id FROM refresh_articles);
DELETE FROM article_names WHERE article_id IN (SELECT article_id FROM refresh_articles);
DELETE FROM date_mentions WHERE article_id IN (SELECT article_id FROM refresh_articles);
DELETE FROM article_headings WHERE article_id IN (SELECT article_id FROM refresh_articles);
DELETE FROM body_segments WHERE article_id IN (SELECT article_id FROM refresh_articles);
DELETE FROM removed_lines WHERE article_id IN (SELECT article_id FROM refresh_articles);
COMMIT;
BEGIN TRANSACTION;
DELETE FROM articles WHERE article_id IN (SELECT article_id FROM refresh_articles);
COMMIT;
