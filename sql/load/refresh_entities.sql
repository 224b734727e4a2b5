-- Recomputes the cross-article entity tables from what each article says (article_names, and the article_key
-- of mentions, roles and quotes), after articles were loaded or replaced: which warehouse entity each name an
-- article gives is linked to, one article_entities row per entity an article names (names linked to one
-- entity are merged, never updated into a duplicate key), each entity's name, label and counts, the aliases.
-- Every answer is a function of the set of articles, not of the order they were loaded in.
-- Run statement by statement (DuckDB checks foreign keys against the state at transaction start).

DELETE FROM entity_aliases;

-- The label of each key over the whole warehouse: the one most of its mentions carry.
CREATE OR REPLACE TEMP TABLE key_labels AS
SELECT article_key, first(label ORDER BY mentions DESC, label) AS label
FROM (SELECT article_key, label, sum(mention_count) AS mentions FROM article_names GROUP BY article_key, label)
GROUP BY article_key;

-- A person an article names only by one word ("Putin") is the one person of the warehouse whose full name
-- holds that word ("Vladimir Putin"); a word that several full names share ("Kim") links nowhere. Labels
-- decide both sides: the article must tag the one word PERSON (an article's "Xbox" tagged ORG stays the
-- organisation), and a full name holds its words only when most of its mentions are PERSON (so an
-- organisation spaCy once took for a person, "Xbox Live", does not collect everyone's "Xbox").
CREATE OR REPLACE TEMP TABLE surname_links AS
SELECT word AS short_key, min(article_key) AS full_key
FROM (SELECT article_key, unnest(string_split(article_key, ' ')) AS word FROM key_labels
      WHERE label = 'PERSON' AND article_key LIKE '% %')
GROUP BY word
HAVING count(DISTINCT article_key) = 1;

-- The entity each name of each article belongs to now. Entity ids derive from keys as in
-- pipelines.warehouse.rows.entity_id_for.
CREATE OR REPLACE TEMP TABLE name_targets AS
SELECT article_id, article_key, entity_key, substr(sha256('entity' || chr(31) || entity_key), 1, 16) AS entity_id
FROM (
    SELECT n.article_id, n.article_key,
           CASE WHEN n.label = 'PERSON' THEN coalesce(l.full_key, n.article_key) ELSE n.article_key END AS entity_key
    FROM article_names n LEFT JOIN surname_links l ON l.short_key = n.article_key
);

-- Names whose entity changed: new articles' surnames, and older ones whose link the new set of articles
-- makes, breaks or moves.
CREATE OR REPLACE TEMP TABLE relinked AS
SELECT t.* FROM name_targets t JOIN article_names n USING (article_id, article_key) WHERE n.entity_id <> t.entity_id;

-- Name, label and counts are set below.
INSERT INTO entities
SELECT DISTINCT entity_id, entity_key, entity_key, 'PERSON', 0, 0 FROM relinked
ON CONFLICT DO NOTHING;

UPDATE article_names SET entity_id = r.entity_id FROM relinked r
WHERE article_names.article_id = r.article_id AND article_names.article_key = r.article_key;

UPDATE entity_mentions SET entity_id = r.entity_id FROM relinked r
WHERE entity_mentions.article_id = r.article_id AND entity_mentions.article_key = r.article_key;

UPDATE entity_roles SET entity_id = r.entity_id FROM relinked r
WHERE entity_roles.article_id = r.article_id AND entity_roles.article_key = r.article_key;

UPDATE quotes SET speaker_entity_id = r.entity_id FROM relinked r
WHERE quotes.article_id = r.article_id AND quotes.speaker_key = r.article_key;

-- article_entities again for the articles whose names were linked anew, and for those just loaded.
CREATE OR REPLACE TEMP TABLE regrouped AS
SELECT DISTINCT article_id FROM relinked
UNION
SELECT DISTINCT article_id FROM article_names ANTI JOIN article_entities USING (article_id);

DELETE FROM article_entities WHERE article_id IN (SELECT article_id FROM regrouped);

-- One row per entity an article names: the fullest of its names, the label most of their mentions carry.
INSERT INTO article_entities
WITH merged AS (
    SELECT * FROM article_names WHERE article_id IN (SELECT article_id FROM regrouped)
),
labels AS (
    SELECT article_id, entity_id, label, sum(mention_count) AS mentions FROM merged GROUP BY article_id, entity_id, label
)
SELECT
    m.article_id,
    m.entity_id,
    first(m.name ORDER BY m.name LIKE '% %' DESC, length(m.name) DESC, m.name) AS name,
    (SELECT first(l.label ORDER BY l.mentions DESC, l.label) FROM labels l
     WHERE l.article_id = m.article_id AND l.entity_id = m.entity_id) AS label,
    sum(m.mention_count) AS mention_count
FROM merged m
GROUP BY m.article_id, m.entity_id;

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
