-- Who appears with whom, among people: pairs of people named in the same articles, with each person's rank by
-- the articles naming them, so that a chart can keep the people named most.
CREATE OR REPLACE VIEW people_cooccurrence AS
WITH people AS (
    SELECT entity_id, name,
           row_number() OVER (ORDER BY article_count DESC, mention_count DESC, name) AS person_rank
    FROM entities
    WHERE label = 'PERSON'
)
SELECT
    p1.name         AS person_1,
    p2.name         AS person_2,
    p1.person_rank  AS person_rank_1,
    p2.person_rank  AS person_rank_2,
    c.articles
FROM entity_cooccurrence c
JOIN people p1 ON p1.entity_id = c.entity_id_1
JOIN people p2 ON p2.entity_id = c.entity_id_2;
COMMENT ON VIEW people_cooccurrence IS 'Pairs of people named in the same articles (one row per pair) and the number of such articles; person_rank_N is 1 for the person named in most articles.';
