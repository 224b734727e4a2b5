-- Which entities appear together: one row per pair, counting the articles that mention both.
CREATE OR REPLACE VIEW entity_cooccurrence AS
SELECT
    a.entity_id       AS entity_id_1,
    e1.name           AS entity_1,
    e1.label          AS label_1,
    b.entity_id       AS entity_id_2,
    e2.name           AS entity_2,
    e2.label          AS label_2,
    count(*)          AS articles
FROM article_entities a
JOIN article_entities b ON a.article_id = b.article_id AND a.entity_id < b.entity_id
JOIN entities e1 ON e1.entity_id = a.entity_id
JOIN entities e2 ON e2.entity_id = b.entity_id
GROUP BY ALL;
COMMENT ON VIEW entity_cooccurrence IS 'Pairs of entities (entity_id_1 < entity_id_2) and the number of articles that mention both.';
