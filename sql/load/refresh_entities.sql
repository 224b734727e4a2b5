-- Recomputes the cross-article entity tables from what each article says (article_names, and the article_key
-- of mentions, roles and quotes), after articles were loaded or replaced: which warehouse entity each name an
-- article gives is linked to, one article_entities row per entity an article names (names linked to one
-- entity are merged, never updated into a duplicate key), each entity's name, label and counts, the aliases.
-- Every answer is a function of the set of articles, not of the order they were loaded in.
--
-- Only what the run can have changed is recomputed, so that a run costs what it adds, not what the warehouse
-- holds. The run's articles are the temp table refresh_articles (article_id), the names they had before the
-- run refresh_gone (article_key, entity_id); both are made by sql/load/delete_articles.sql. From them: the
-- keys whose warehouse-wide label can have moved, the words whose surname link can have moved, the names whose
-- entity can have changed (relinked), and the entities whose rows, counts, names or aliases can have changed
-- (touched_entities). Everything else is as the previous run left it.
-- Run statement by statement (DuckDB checks foreign keys against the state at transaction start).

-- Keys the run's articles name or named: their label over the warehouse can have changed.
CREATE OR REPLACE TEMP TABLE changed_keys AS
SELECT article_key FROM article_names WHERE article_id IN (SELECT article_id FROM refresh_articles)
UNION
SELECT article_key FROM refresh_gone;

-- Words whose link can have changed (the words of changed full names), and the one-word names of the run's
-- articles, whose link is needed to place them.
CREATE OR REPLACE TEMP TABLE scope_words AS
SELECT unnest(string_split(article_key, ' ')) AS word FROM changed_keys WHERE article_key LIKE '% %'
UNION
SELECT article_key FROM changed_keys WHERE article_key NOT LIKE '% %';

-- The full names holding one of those words.
CREATE OR REPLACE TEMP TABLE holder_keys AS
SELECT article_key, word
FROM (SELECT article_key, unnest(string_split(article_key, ' ')) AS word
      FROM (SELECT DISTINCT article_key FROM article_names WHERE article_key LIKE '% %'))
WHERE word IN (SELECT word FROM scope_words);

-- The label of each such key over the whole warehouse: the one most of its mentions carry.
CREATE OR REPLACE TEMP TABLE key_labels AS
SELECT article_key, first(label ORDER BY mentions DESC, label) AS label
FROM (SELECT article_key, label, sum(mention_count) AS mentions FROM article_names
      WHERE article_key IN (SELECT article_key FROM holder_keys) GROUP BY article_key, label)
GROUP BY article_key;

-- A person an article names only by one word ("Putin") is the one person of the warehouse whose full name
-- holds that word ("Vladimir Putin"); a word that several full names share ("Kim") links nowhere. Labels
-- decide both sides: the article must tag the one word PERSON (an article's "Xbox" tagged ORG stays the
-- organisation), and a full name holds its words only when most of its mentions are PERSON (so an
-- organisation spaCy once took for a person, "Xbox Live", does not collect everyone's "Xbox").
CREATE OR REPLACE TEMP TABLE surname_links AS
SELECT word AS short_key, min(article_key) AS full_key
FROM holder_keys JOIN key_labels USING (article_key)
WHERE label = 'PERSON'
GROUP BY word
HAVING count(DISTINCT article_key) = 1;

-- The entity each name in scope belongs to now: the run's articles' names, and every article's one-word names
-- in scope_words. Entity ids derive from keys as in pipelines.warehouse.rows.entity_id_for.
CREATE OR REPLACE TEMP TABLE name_targets AS
SELECT article_id, article_key, entity_key, substr(sha256('entity' || chr(31) || entity_key), 1, 16) AS entity_id
FROM (
    SELECT n.article_id, n.article_key,
           CASE WHEN n.label = 'PERSON' THEN coalesce(l.full_key, n.article_key) ELSE n.article_key END AS entity_key
    FROM article_names n LEFT JOIN surname_links l ON l.short_key = n.article_key
    WHERE n.article_key IN (SELECT word FROM scope_words)
       OR n.article_id IN (SELECT article_id FROM refresh_articles)
);

-- Names whose entity changed: new articles' surnames, and older ones whose link the new set of articles
-- makes, breaks or moves.
CREATE OR REPLACE TEMP TABLE relinked AS
SELECT t.* FROM name_targets t JOIN article_names n USING (article_id, article_key) WHERE n.entity_id <> t.entity_id;

-- Entities whose rows can change: those the run's articles named before and name now, and both ends of every
-- relinked name (taken before the names move).
CREATE OR REPLACE TEMP TABLE touched_entities AS
SELECT entity_id FROM refresh_gone
UNION
SELECT entity_id FROM article_names WHERE article_id IN (SELECT article_id FROM refresh_articles)
UNION
SELECT n.entity_id FROM article_names n JOIN relinked r USING (article_id, article_key)
UNION
SELECT entity_id FROM relinked;

-- Name, label and counts are set below.
INSERT INTO entities
SELECT DISTINCT entity_id, entity_key, entity_key, 'PERSON', 0, 0 FROM relinked
WHERE entity_id NOT IN (SELECT entity_id FROM entities);

UPDATE article_names SET entity_id = r.entity_id FROM relinked r
WHERE article_names.article_id = r.article_id AND article_names.article_key = r.article_key;

UPDATE entity_mentions SET entity_id = r.entity_id FROM relinked r
WHERE entity_mentions.article_id = r.article_id AND entity_mentions.article_key = r.article_key;

UPDATE entity_roles SET entity_id = r.entity_id FROM relinked r
WHERE entity_roles.article_id = r.article_id AND entity_roles.article_key = r.article_key;

UPDATE quotes SET speaker_entity_id = r.entity_id FROM relinked r
WHERE quotes.article_id = r.article_id AND quotes.speaker_key = r.article_key;

-- article_entities again for the articles whose names were linked anew, and for the run's articles.
CREATE OR REPLACE TEMP TABLE regrouped AS
SELECT DISTINCT article_id FROM relinked
UNION
SELECT article_id FROM refresh_articles;

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

-- Their aliases are made again below (and an entity no article names any more has none).
DELETE FROM entity_aliases WHERE entity_id IN (SELECT entity_id FROM touched_entities);

-- Entities no article names any more.
DELETE FROM entities
WHERE entity_id IN (SELECT entity_id FROM touched_entities)
  AND entity_id NOT IN (SELECT entity_id FROM article_entities WHERE entity_id IN (SELECT entity_id FROM touched_entities));

-- The canonical name is the fullest name most articles use; the label is the one most mentions support.
UPDATE entities
SET name = best.name, label = best.label, article_count = best.article_count, mention_count = best.mention_count
FROM (
    WITH touched AS (
        SELECT * FROM article_entities WHERE entity_id IN (SELECT entity_id FROM touched_entities)
    ),
    names AS (
        SELECT entity_id, name, count(*) AS articles
        FROM touched
        GROUP BY entity_id, name
    ),
    labels AS (
        SELECT entity_id, label, sum(mention_count) AS mentions
        FROM touched
        GROUP BY entity_id, label
    )
    SELECT
        n.entity_id,
        first(n.name ORDER BY n.name LIKE '% %' DESC, n.articles DESC, length(n.name) DESC, n.name) AS name,
        (SELECT first(l.label ORDER BY l.mentions DESC, l.label) FROM labels l WHERE l.entity_id = n.entity_id) AS label,
        (SELECT count(*) FROM touched a WHERE a.entity_id = n.entity_id) AS article_count,
        (SELECT sum(a.mention_count) FROM touched a WHERE a.entity_id = n.entity_id) AS mention_count
    FROM names n
    GROUP BY n.entity_id
) AS best
WHERE entities.entity_id = best.entity_id;

INSERT INTO entity_aliases
SELECT DISTINCT entity_id, text FROM entity_mentions WHERE entity_id IN (SELECT entity_id FROM touched_entities)
UNION
SELECT DISTINCT entity_id, name FROM article_entities WHERE entity_id IN (SELECT entity_id FROM touched_entities);

UPDATE quotes
SET speaker_name = entities.name
FROM entities
WHERE quotes.speaker_entity_id = entities.entity_id
  AND entities.entity_id IN (SELECT entity_id FROM touched_entities);
