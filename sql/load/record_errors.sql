-- Files that are articles or duplicates now ($ok_paths) lose their old error; each file that failed in this
-- run (the table `incoming`: source_path, error, detail; one row per path) gets its reason, replacing an
-- older one. (MERGE rather than INSERT OR REPLACE: a DuckLake table has no key to replace on.)
DELETE FROM ingest_errors WHERE source_path IN (SELECT unnest($ok_paths));
MERGE INTO ingest_errors USING incoming ON ingest_errors.source_path = incoming.source_path
WHEN MATCHED THEN UPDATE SET error = incoming.error, detail = incoming.detail, seen_at = $now
WHEN NOT MATCHED THEN INSERT (source_path, error, detail, seen_at)
    VALUES (incoming.source_path, incoming.error, incoming.detail, $now);
