-- The people who appear together in the most articles.
SELECT entity_1, entity_2, articles
FROM entity_cooccurrence
WHERE label_1 = 'PERSON' AND label_2 = 'PERSON'
ORDER BY articles DESC, entity_1, entity_2
LIMIT 10;
