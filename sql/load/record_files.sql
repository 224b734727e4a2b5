-- Records the outcome of each file the run looked at (the table `incoming`: source_path, content_sha256,
-- size_bytes, mtime_ns, status, article_id; one row per path) in source_files. A file seen before keeps
-- its first_seen.
INSERT INTO source_files
SELECT source_path, content_sha256, size_bytes, mtime_ns, status, article_id, $now, $now FROM incoming
ON CONFLICT (source_path) DO UPDATE SET content_sha256 = excluded.content_sha256,
    size_bytes = excluded.size_bytes, mtime_ns = excluded.mtime_ns, status = excluded.status,
    article_id = excluded.article_id, last_seen = excluded.last_seen;
