-- Recomputes the cross-article entity tables from the per-article rows, after articles were loaded.
-- The canonical name is the name most articles use (then the longest); the label is the one most
-- mentions support.

DELETE FROM entity_aliases;

DELETE FROM entities
WHERE entity_id NOT IN (SELECT entity_id FROM article_entities);

UPDATE entities
SET name = best.name, label = best.label, article_count = best.article_count, mention_count = best.mention_count
FROM (
    WITH names AS (
        SELECT entity_id, name, count(*) AS articles
        FROM article_entities
        GROUP BY entity_id, name
    ),
    labels AS (
        SELECT entity_id, label, sum(mention_count) AS mentions
        FROM article_entities
        GROUP BY entity_id, label
    )
    SELECT
        n.entity_id,
        first(n.name ORDER BY n.articles DESC, length(n.name) DESC, n.name) AS name,
        (SELECT first(l.label ORDER BY l.mentions DESC, l.label) FROM labels l WHERE l.entity_id = n.entity_id) AS label,
        (SELECT count(*) FROM article_entities a WHERE a.entity_id = n.entity_id) AS article_count,
        (SELECT sum(a.mention_count) FROM article_entities a WHERE a.entity_id = n.entity_id) AS mention_count
    FROM names n
    GROUP BY n.entity_id
) AS best
WHERE entities.entity_id = best.entity_id;

INSERT INTO entity_aliases
SELECT DISTINCT entity_id, text FROM entity_mentions
UNION
SELECT DISTINCT entity_id, name FROM article_entities;

UPDATE quotes
SET speaker_name = entities.name
FROM entities
WHERE quotes.speaker_entity_id = entities.entity_id;
