-- Who is quoted most: one row per named speaker, with their roles and publication dates.
CREATE OR REPLACE VIEW quotes_by_speaker AS
SELECT
    q.speaker_entity_id                                  AS entity_id,
    q.speaker_name                                       AS speaker,
    count(*)                                             AS quotes,
    count(*) FILTER (WHERE q.kind = 'direct')            AS direct_quotes,
    count(DISTINCT q.article_id)                         AS articles,
    min(a.published_date)                                AS first_published,
    max(a.published_date)                                AS last_published,
    (SELECT string_agg(DISTINCT r.role, '; ' ORDER BY r.role) FROM entity_roles r WHERE r.entity_id = q.speaker_entity_id) AS roles
FROM quotes q
JOIN articles a USING (article_id)
WHERE q.speaker_entity_id IS NOT NULL
GROUP BY q.speaker_entity_id, q.speaker_name;
COMMENT ON VIEW quotes_by_speaker IS 'One row per named speaker: number of quotes (all kinds and direct), articles, first and last publication date, roles the articles give them.';
