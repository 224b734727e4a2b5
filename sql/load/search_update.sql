-- Brings one full-text index (made by PRAGMA create_fts_index, see search_indexes.sql) up to date with its
-- table without rebuilding it: the rows it does not hold yet are tokenised with the index's own tokenize
-- macro, stopwords and stemmer, the documents no row matches any more are removed, and the statistics BM25
-- uses (document frequencies, document count, average length) are recomputed for what changed. Scores are
-- the same as after a rebuild. {schema} {table} {id} {fields} {docid} are filled in by
-- pipelines.warehouse.fts_update; fts_current (docid, name, content_hash) and fts_gone / fts_new are made
-- there too. A document's id is its row's rowid in a DuckDB file, a hash of its key in a DuckLake (whose
-- rows get their final rowids only when the transaction commits).

CREATE OR REPLACE TEMP TABLE fts_touched AS
SELECT DISTINCT termid FROM {schema}.terms WHERE docid IN (SELECT docid FROM fts_gone);

DELETE FROM {schema}.terms WHERE docid IN (SELECT docid FROM fts_gone);

DELETE FROM {schema}.docs WHERE docid IN (SELECT docid FROM fts_gone);

CREATE OR REPLACE TEMP TABLE fts_new_terms AS
SELECT stem(u.w, $stemmer) AS term, u.docid, u.fieldid
FROM (
    SELECT unnest({schema}.tokenize(v.text)) AS w, v.docid, f.fieldid
    FROM (
        UNPIVOT (SELECT {docid} AS docid, {fields} FROM {table} t WHERE t.{id} IN (SELECT name FROM fts_new))
        ON {fields} INTO NAME field VALUE text
    ) v
    JOIN {schema}.fields f ON f.field = v.field
) u
WHERE u.w NOT NULL AND len(u.w) > 0 AND u.w NOT IN (SELECT sw FROM {schema}.stopwords);

INSERT INTO {schema}.dict BY NAME
SELECT (SELECT coalesce(max(termid), -1) FROM {schema}.dict) + row_number() OVER () AS termid, term, 0 AS df
FROM (SELECT DISTINCT term FROM fts_new_terms WHERE term NOT IN (SELECT term FROM {schema}.dict));

INSERT INTO {schema}.terms BY NAME
SELECT n.docid, n.fieldid, d.termid FROM fts_new_terms n JOIN {schema}.dict d USING (term);

INSERT INTO {schema}.docs BY NAME
SELECT n.docid, n.name, coalesce(c.len, 0) AS len, n.content_hash
FROM fts_new n LEFT JOIN (SELECT docid, count(*) AS len FROM fts_new_terms GROUP BY docid) c USING (docid);

INSERT INTO fts_touched
SELECT DISTINCT d.termid FROM (SELECT DISTINCT term FROM fts_new_terms) n JOIN {schema}.dict d USING (term);

UPDATE {schema}.dict SET df = c.df
FROM (
    SELECT termid, count(DISTINCT docid) AS df FROM {schema}.terms
    WHERE termid IN (SELECT termid FROM fts_touched) GROUP BY termid
) c
WHERE dict.termid = c.termid;

DELETE FROM {schema}.dict
WHERE termid IN (SELECT termid FROM fts_touched)
  AND termid NOT IN (SELECT termid FROM {schema}.terms WHERE termid IN (SELECT termid FROM fts_touched));

DELETE FROM {schema}.stats;

INSERT INTO {schema}.stats SELECT count(docs.docid) AS num_docs, sum(docs.len) / count(docs.len) AS avgdl FROM {schema}.docs AS docs;
