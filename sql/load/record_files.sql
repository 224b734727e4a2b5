-- Records the outcome of each file the run looked at (the table `incoming`: source_path, content_sha256,
-- size_bytes, mtime_ns, status, article_id; one row per path) in source_files. A file seen before keeps
-- its first_seen. (MERGE rather than ON CONFLICT: a DuckLake table has no key to conflict on.)
MERGE INTO source_files USING incoming ON source_files.source_path = incoming.source_path
WHEN MATCHED THEN UPDATE SET content_sha256 = incoming.content_sha256, size_bytes = incoming.size_bytes,
    mtime_ns = incoming.mtime_ns, status = incoming.status, article_id = incoming.article_id, last_seen = $now
WHEN NOT MATCHED THEN INSERT (source_path, content_sha256, size_bytes, mtime_ns, status, article_id, first_seen,
                              last_seen)
    VALUES (incoming.source_path, incoming.content_sha256, incoming.size_bytes, incoming.mtime_ns, incoming.status,
            incoming.article_id, $now, $now);
