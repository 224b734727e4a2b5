-- What the warehouse holds, in one table.
SELECT 'articles' AS what, count(*) AS n FROM articles WHERE missing_since IS NULL
UNION ALL SELECT 'quotes', count(*) FROM quotes
UNION ALL SELECT 'quotes with a named speaker', count(speaker_entity_id) FROM quotes
UNION ALL SELECT 'speakers', count(DISTINCT speaker_entity_id) FROM quotes
UNION ALL SELECT 'entities', count(*) FROM entities
UNION ALL SELECT 'date expressions', count(*) FROM date_mentions
UNION ALL SELECT 'duplicate files', count(*) FROM source_files WHERE status = 'duplicate'
UNION ALL SELECT 'files with errors', count(*) FROM ingest_errors;
