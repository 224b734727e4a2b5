-- The surname link as it was before it merged rows (kept here to make a pair of articles conflict on purpose):
-- every row of a one-word person key moves onto the one full name holding the word, whatever label each
-- article gave it. An article naming "Xbox" (ORG) and "Xbox Live" (PERSON), loaded with one naming "Xbox"
-- (PERSON), gets two rows for Xbox Live: a duplicate key. Each loads fine alone.
CREATE OR REPLACE TEMP TABLE old_links AS
WITH people AS (
    SELECT DISTINCT e.entity_id, e.entity_key
    FROM entities e JOIN article_names a ON a.article_key = e.entity_key
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

UPDATE article_entities SET entity_id = l.full_id FROM old_links l WHERE article_entities.entity_id = l.short_id;
