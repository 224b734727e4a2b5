-- Mentions of each entity per article; these add up to entities.mention_count.
CREATE OR REPLACE VIEW entity_mention_counts AS
SELECT
    m.entity_id,
    e.name,
    e.label,
    m.article_id,
    count(*) AS mentions
FROM entity_mentions m
JOIN entities e USING (entity_id)
GROUP BY ALL;
COMMENT ON VIEW entity_mention_counts IS 'Number of mentions of each entity in each article (summed over articles it equals entities.mention_count).';
