-- Who is quoted alongside whom: pairs of named speakers quoted in the same article.
CREATE OR REPLACE VIEW speaker_network AS
WITH speakers AS (
    SELECT DISTINCT article_id, speaker_entity_id, speaker_name FROM quotes WHERE speaker_entity_id IS NOT NULL
)
SELECT
    a.speaker_name      AS speaker_1,
    b.speaker_name      AS speaker_2,
    a.speaker_entity_id AS entity_id_1,
    b.speaker_entity_id AS entity_id_2,
    count(*)            AS articles
FROM speakers a
JOIN speakers b ON a.article_id = b.article_id AND a.speaker_entity_id < b.speaker_entity_id
GROUP BY ALL;
COMMENT ON VIEW speaker_network IS 'Pairs of named speakers (entity_id_1 < entity_id_2) and the number of articles that quote both.';
