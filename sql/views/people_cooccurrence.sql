-- Who appears with whom, among people: both orders of every pair, so that a heat map is symmetric.
CREATE OR REPLACE VIEW people_cooccurrence AS
WITH people AS (
    SELECT entity_id, name, article_count,
           row_number() OVER (ORDER BY article_count DESC, mention_count DESC, name) AS person_rank
    FROM entities
    WHERE label = 'PERSON'
),
pairs AS (
    SELECT entity_id_1, entity_id_2, articles FROM entity_cooccurrence
    UNION ALL
    SELECT entity_id_2, entity_id_1, articles FROM entity_cooccurrence
)
SELECT
    p1.name         AS person_1,
    p2.name         AS person_2,
    p1.person_rank  AS person_rank_1,
    p2.person_rank  AS person_rank_2,
    pairs.articles
FROM pairs
JOIN people p1 ON p1.entity_id = pairs.entity_id_1
JOIN people p2 ON p2.entity_id = pairs.entity_id_2;
COMMENT ON VIEW people_cooccurrence IS 'Pairs of people named in the same articles, in both orders (person_1, person_2 and person_2, person_1), with the number of such articles; person_rank_N is 1 for the person named in most articles.';
