-- Files that are articles or duplicates now ($ok_paths) lose their old error; each file that failed in this
-- run (the table `incoming`: source_path, error, detail; one row per path) gets its reason, replacing an
-- older one.
DELETE FROM ingest_errors WHERE source_path IN (SELECT unnest($ok_paths));
INSERT OR REPLACE INTO ingest_errors SELECT source_path, error, detail, $now FROM incoming;
