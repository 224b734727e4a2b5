-- Every article that mentions a person, however it is written (via the aliases).
SELECT DISTINCT a.title, a.publisher, a.published_date
FROM entity_aliases al
JOIN article_entities ae USING (entity_id)
JOIN articles a USING (article_id)
WHERE al.alias = 'Kim Jong-un'
ORDER BY a.published_date NULLS LAST, a.title;
