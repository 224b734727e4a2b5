-- Recomputes the cross-article entity tables from the per-article rows, after articles were loaded.
-- Run statement by statement (DuckDB checks foreign keys against the state at transaction start).

DELETE FROM entity_aliases;

-- A person an article names only by surname ("Putin") is the one person of the warehouse whose full name
-- holds that word ("Vladimir Putin"); a word that several full names share ("Kim") stays as it is.
CREATE OR REPLACE TEMP TABLE short_person_links AS
WITH people AS (
    SELECT DISTINCT e.entity_id, e.entity_key
    FROM entities e JOIN article_entities a USING (entity_id)
    WHERE a.label = 'PERSON'
),
words AS (
    SELECT entity_id, unnest(string_split(entity_key, ' ')) AS word FROM people WHERE entity_key LIKE '% %'
),
holders AS (
    SELECT word, any_value(entity_id) AS full_id, count(DISTINCT entity_id) AS holders FROM words GROUP BY word
)
SELECT p.entity_id AS short_id, h.full_id
FROM people p JOIN holders h ON h.word = p.entity_key
WHERE p.entity_key NOT LIKE '% %' AND h.holders = 1;

UPDATE entity_mentions SET entity_id = l.full_id FROM short_person_links l WHERE entity_mentions.entity_id = l.short_id;
UPDATE entity_roles SET entity_id = l.full_id FROM short_person_links l WHERE entity_roles.entity_id = l.short_id;
UPDATE quotes SET speaker_entity_id = l.full_id FROM short_person_links l WHERE quotes.speaker_entity_id = l.short_id;
UPDATE article_entities SET entity_id = l.full_id FROM short_person_links l WHERE article_entities.entity_id = l.short_id;

DELETE FROM entities
WHERE entity_id NOT IN (SELECT entity_id FROM article_entities);

-- The canonical name is the fullest name most articles use; the label is the one most mentions support.
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
        first(n.name ORDER BY n.name LIKE '% %' DESC, n.articles DESC, length(n.name) DESC, n.name) AS name,
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
