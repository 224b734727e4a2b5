-- News Warehouse schema. Applied to every build of the warehouse (idempotent).
-- All character offsets (start_char, end_char, ...) point into articles.body, end exclusive.

CREATE TABLE IF NOT EXISTS articles (
    article_id          VARCHAR PRIMARY KEY,
    source_path         VARCHAR NOT NULL,
    content_sha256      VARCHAR NOT NULL,
    format              VARCHAR NOT NULL,
    encoding            VARCHAR,
    title               VARCHAR,
    authors             VARCHAR[],
    contributors        VARCHAR[],
    publisher           VARCHAR,
    url                 VARCHAR,
    published_date      DATE,
    published_precision VARCHAR CHECK (published_precision IN ('day', 'month', 'year')),
    metadata_sources    VARCHAR,
    body                VARCHAR NOT NULL,
    word_count          INTEGER NOT NULL,
    ingested_at         TIMESTAMP NOT NULL,
    missing_since       TIMESTAMP
);
COMMENT ON TABLE articles IS 'One row per distinct article read from the corpus, with its cleaned text and metadata.';
COMMENT ON COLUMN articles.article_id IS 'Stable id of the article: derived from its source path, so a changed file keeps its id.';
COMMENT ON COLUMN articles.source_path IS 'Path of the input file, relative to the corpus folder (other files with the same content are in source_files).';
COMMENT ON COLUMN articles.content_sha256 IS 'SHA-256 of the raw file bytes: the version of the file these rows were extracted from.';
COMMENT ON COLUMN articles.format IS 'Input format: txt or html.';
COMMENT ON COLUMN articles.encoding IS 'Text encoding the file was decoded with (utf-8, utf-16, cp1252, ...).';
COMMENT ON COLUMN articles.title IS 'Headline, from the sidecar, the HTML metadata or the text.';
COMMENT ON COLUMN articles.authors IS 'Bylined authors.';
COMMENT ON COLUMN articles.contributors IS 'Contributors named in "With assistance from" lines.';
COMMENT ON COLUMN articles.publisher IS 'Publisher or outlet (e.g. Bloomberg, SCMP).';
COMMENT ON COLUMN articles.url IS 'Address of the article, when the sidecar or HTML gives it.';
COMMENT ON COLUMN articles.published_date IS 'Publication date (the first day of the month or year when only that is known, see published_precision).';
COMMENT ON COLUMN articles.published_precision IS 'How much of published_date is known: day, month or year; NULL when no date was found.';
COMMENT ON COLUMN articles.metadata_sources IS 'JSON object: for each metadata field, where its value came from (sidecar, html or text).';
COMMENT ON COLUMN articles.body IS 'The cleaned article text (boilerplate removed); all character offsets point into it.';
COMMENT ON COLUMN articles.word_count IS 'Number of whitespace-separated words in body.';
COMMENT ON COLUMN articles.ingested_at IS 'When this version of the article was processed.';
COMMENT ON COLUMN articles.missing_since IS 'When the input file was found to be gone; NULL while it exists. Rows are kept so history is not lost.';

CREATE TABLE IF NOT EXISTS source_files (
    source_path     VARCHAR PRIMARY KEY,
    content_sha256  VARCHAR,
    size_bytes      BIGINT,
    mtime_ns        BIGINT,
    status          VARCHAR NOT NULL CHECK (status IN ('article', 'duplicate', 'error', 'missing')),
    article_id      VARCHAR,
    first_seen      TIMESTAMP NOT NULL,
    last_seen       TIMESTAMP NOT NULL
);
COMMENT ON TABLE source_files IS 'Every input file ever seen and what became of it: files seen = articles + duplicates + errors.';
COMMENT ON COLUMN source_files.source_path IS 'Path of the input file, relative to the corpus folder.';
COMMENT ON COLUMN source_files.content_sha256 IS 'SHA-256 of the file bytes when last read.';
COMMENT ON COLUMN source_files.size_bytes IS 'File size when last seen.';
COMMENT ON COLUMN source_files.mtime_ns IS 'File modification time (ns since the epoch) when last seen; an unchanged size and mtime skip re-reading.';
COMMENT ON COLUMN source_files.status IS 'article: it is articles.source_path; duplicate: same content as article_id; error: see ingest_errors; missing: the file is gone.';
COMMENT ON COLUMN source_files.article_id IS 'The article this file is (status article) or duplicates (status duplicate).';
COMMENT ON COLUMN source_files.first_seen IS 'When the file was first seen.';
COMMENT ON COLUMN source_files.last_seen IS 'When the file was last seen in the corpus.';

CREATE TABLE IF NOT EXISTS ingest_errors (
    source_path VARCHAR PRIMARY KEY,
    error       VARCHAR NOT NULL,
    detail      VARCHAR NOT NULL,
    seen_at     TIMESTAMP NOT NULL
);
COMMENT ON TABLE ingest_errors IS 'Input files that did not become articles, and why. Cleared when the file is read successfully.';
COMMENT ON COLUMN ingest_errors.source_path IS 'Path of the input file, relative to the corpus folder.';
COMMENT ON COLUMN ingest_errors.error IS 'Kind of problem: empty, binary, undecodable, too_large, bad_sidecar, no_article_text, not_a_file (a FIFO, socket, device), outside_corpus (a link out of the corpus folder), broken_link, vanished, changing, unreadable, failed.';
COMMENT ON COLUMN ingest_errors.detail IS 'What went wrong, in a sentence a person understands.';
COMMENT ON COLUMN ingest_errors.seen_at IS 'When the problem was last seen.';

CREATE TABLE IF NOT EXISTS removed_lines (
    article_id VARCHAR NOT NULL REFERENCES articles (article_id),
    line_no    INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    reason     VARCHAR NOT NULL,
    PRIMARY KEY (article_id, line_no)
);
COMMENT ON TABLE removed_lines IS 'Lines that cleaning took out of the raw text, and why (nothing is lost).';
COMMENT ON COLUMN removed_lines.article_id IS 'The article the line was removed from.';
COMMENT ON COLUMN removed_lines.line_no IS 'Line number in the raw (decoded) file, from 1.';
COMMENT ON COLUMN removed_lines.text IS 'The removed line as it was.';
COMMENT ON COLUMN removed_lines.reason IS 'Why it was removed: title, byline, dateline, link_list, advert, copyright, comments, caption, ...';

CREATE TABLE IF NOT EXISTS body_segments (
    article_id VARCHAR NOT NULL REFERENCES articles (article_id),
    body_start INTEGER NOT NULL,
    raw_start  INTEGER NOT NULL,
    length     INTEGER NOT NULL,
    PRIMARY KEY (article_id, body_start)
);
COMMENT ON TABLE body_segments IS 'Provenance: body[body_start, body_start+length) is raw text [raw_start, raw_start+length) of the source file.';
COMMENT ON COLUMN body_segments.article_id IS 'The article.';
COMMENT ON COLUMN body_segments.body_start IS 'Start offset of the segment in articles.body.';
COMMENT ON COLUMN body_segments.raw_start IS 'Start offset of the same characters in the decoded source file.';
COMMENT ON COLUMN body_segments.length IS 'Length of the segment in characters.';

CREATE TABLE IF NOT EXISTS article_headings (
    article_id VARCHAR NOT NULL REFERENCES articles (article_id),
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    PRIMARY KEY (article_id, start_char)
);
COMMENT ON TABLE article_headings IS 'Subheadings kept in the body (they are not sentences of the article).';
COMMENT ON COLUMN article_headings.article_id IS 'The article.';
COMMENT ON COLUMN article_headings.start_char IS 'Start of the heading in articles.body.';
COMMENT ON COLUMN article_headings.end_char IS 'End of the heading in articles.body (exclusive).';
COMMENT ON COLUMN article_headings.text IS 'The heading text.';

CREATE TABLE IF NOT EXISTS entities (
    entity_id     VARCHAR PRIMARY KEY,
    entity_key    VARCHAR NOT NULL,
    name          VARCHAR NOT NULL,
    label         VARCHAR NOT NULL,
    article_count INTEGER NOT NULL,
    mention_count INTEGER NOT NULL
);
COMMENT ON TABLE entities IS 'One row per real-world entity (person, organisation, place, ...) across all articles.';
COMMENT ON COLUMN entities.entity_id IS 'Stable id derived from entity_key, so the same entity keeps its id across runs.';
COMMENT ON COLUMN entities.entity_key IS 'The normalised name that identifies the entity across articles ("kim jong un" for Kim Jong-un and Kim Jong Un).';
COMMENT ON COLUMN entities.name IS 'Canonical full name: the form most articles use for it.';
COMMENT ON COLUMN entities.label IS 'spaCy entity label best supported by its mentions: PERSON, ORG, GPE, LOC, NORP, ...';
COMMENT ON COLUMN entities.article_count IS 'Number of articles that mention it.';
COMMENT ON COLUMN entities.mention_count IS 'Number of mentions over all articles.';

CREATE TABLE IF NOT EXISTS entity_aliases (
    entity_id VARCHAR NOT NULL REFERENCES entities (entity_id),
    alias     VARCHAR NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
COMMENT ON TABLE entity_aliases IS 'Every surface form an entity is written as ("Duben", "Kim Jong-un", ...).';
COMMENT ON COLUMN entity_aliases.entity_id IS 'The entity.';
COMMENT ON COLUMN entity_aliases.alias IS 'One way the articles write it.';

CREATE TABLE IF NOT EXISTS article_names (
    article_id    VARCHAR NOT NULL REFERENCES articles (article_id),
    article_key   VARCHAR NOT NULL,
    entity_id     VARCHAR NOT NULL REFERENCES entities (entity_id),
    name          VARCHAR NOT NULL,
    label         VARCHAR NOT NULL,
    mention_count INTEGER NOT NULL,
    PRIMARY KEY (article_id, article_key)
);
COMMENT ON TABLE article_names IS 'Each entity an article names, under the key the article itself gives it, and the warehouse entity that key is linked to (a bare "Putin" to Vladimir Putin). article_entities merges these per entity.';
COMMENT ON COLUMN article_names.article_id IS 'The article.';
COMMENT ON COLUMN article_names.article_key IS 'The entity''s key as this article names it, before linking across articles ("putin" where the article says only "Putin").';
COMMENT ON COLUMN article_names.entity_id IS 'The warehouse entity the name is linked to (sql/load/refresh_entities.sql).';
COMMENT ON COLUMN article_names.name IS 'Fullest form of the name in this article.';
COMMENT ON COLUMN article_names.label IS 'Label best supported by the mentions in this article.';
COMMENT ON COLUMN article_names.mention_count IS 'Number of mentions in this article.';

CREATE TABLE IF NOT EXISTS article_entities (
    article_id    VARCHAR NOT NULL REFERENCES articles (article_id),
    entity_id     VARCHAR NOT NULL REFERENCES entities (entity_id),
    name          VARCHAR NOT NULL,
    label         VARCHAR NOT NULL,
    mention_count INTEGER NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);
COMMENT ON TABLE article_entities IS 'Which entities each article mentions, under the name and label that article supports.';
COMMENT ON COLUMN article_entities.article_id IS 'The article.';
COMMENT ON COLUMN article_entities.entity_id IS 'The entity.';
COMMENT ON COLUMN article_entities.name IS 'Fullest form of the name in this article.';
COMMENT ON COLUMN article_entities.label IS 'Label best supported by the mentions in this article.';
COMMENT ON COLUMN article_entities.mention_count IS 'Number of mentions in this article.';

CREATE TABLE IF NOT EXISTS entity_mentions (
    article_id  VARCHAR NOT NULL REFERENCES articles (article_id),
    entity_id   VARCHAR NOT NULL REFERENCES entities (entity_id),
    article_key VARCHAR NOT NULL,
    text        VARCHAR NOT NULL,
    label       VARCHAR NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    PRIMARY KEY (article_id, start_char)
);
COMMENT ON TABLE entity_mentions IS 'Each place an article names an entity.';
COMMENT ON COLUMN entity_mentions.article_id IS 'The article.';
COMMENT ON COLUMN entity_mentions.entity_id IS 'The entity it refers to.';
COMMENT ON COLUMN entity_mentions.article_key IS 'The entity''s key as this article names it (article_names.article_key).';
COMMENT ON COLUMN entity_mentions.text IS 'The words used, cleaned of possessives and punctuation (= body[start_char:end_char]).';
COMMENT ON COLUMN entity_mentions.label IS 'Label spaCy gave this mention (may differ from entities.label).';
COMMENT ON COLUMN entity_mentions.start_char IS 'Start of the mention in articles.body.';
COMMENT ON COLUMN entity_mentions.end_char IS 'End of the mention in articles.body (exclusive).';

CREATE TABLE IF NOT EXISTS entity_roles (
    entity_id   VARCHAR NOT NULL REFERENCES entities (entity_id),
    article_id  VARCHAR NOT NULL REFERENCES articles (article_id),
    article_key VARCHAR NOT NULL,
    role        VARCHAR NOT NULL,
    PRIMARY KEY (article_id, article_key, role)
);
COMMENT ON TABLE entity_roles IS 'How an article describes a person: "a fellow at the Brookings Institution", "foreign ministry spokeswoman".';
COMMENT ON COLUMN entity_roles.entity_id IS 'The entity described.';
COMMENT ON COLUMN entity_roles.article_id IS 'The article that describes it so.';
COMMENT ON COLUMN entity_roles.article_key IS 'The entity''s key as this article names it (article_names.article_key).';
COMMENT ON COLUMN entity_roles.role IS 'The description, as written.';

CREATE TABLE IF NOT EXISTS quotes (
    quote_id          VARCHAR PRIMARY KEY,
    article_id        VARCHAR NOT NULL REFERENCES articles (article_id),
    text              VARCHAR NOT NULL,
    kind              VARCHAR NOT NULL CHECK (kind IN ('direct', 'partial', 'scare', 'indirect')),
    speaker_entity_id VARCHAR REFERENCES entities (entity_id),
    speaker_key       VARCHAR,
    speaker_name      VARCHAR,
    speaker_text      VARCHAR,
    verb              VARCHAR,
    start_char        INTEGER NOT NULL,
    end_char          INTEGER NOT NULL,
    speaker_start     INTEGER,
    speaker_end       INTEGER
);
COMMENT ON TABLE quotes IS 'Who said what: quoted and reported speech with its speaker.';
COMMENT ON COLUMN quotes.quote_id IS 'Stable id: article_id and the quote''s start offset.';
COMMENT ON COLUMN quotes.article_id IS 'The article.';
COMMENT ON COLUMN quotes.text IS 'The quoted words without quotation marks (= body[start_char:end_char]).';
COMMENT ON COLUMN quotes.kind IS 'direct: a quoted clause or sentence; partial: a quoted phrase in the writer''s sentence; scare: quotation marks no one is quoted with; indirect: reported speech without marks.';
COMMENT ON COLUMN quotes.speaker_entity_id IS 'The speaker as an entity, when it is a named one; NULL otherwise.';
COMMENT ON COLUMN quotes.speaker_key IS 'The speaker''s key as this article names it (article_names.article_key); NULL when no named speaker.';
COMMENT ON COLUMN quotes.speaker_name IS 'The speaker''s canonical full name (entities.name); NULL when no named speaker.';
COMMENT ON COLUMN quotes.speaker_text IS 'How the article refers to the speaker there: "he", "Duben", "a senior official".';
COMMENT ON COLUMN quotes.verb IS 'The cue: lemma of the speech verb (say, add, tell, ...), "according to", "-" for a dash attribution, ":" for a colon, "context" when the sentence before the quote names its speaker without a cue.';
COMMENT ON COLUMN quotes.start_char IS 'Start of the quoted words in articles.body.';
COMMENT ON COLUMN quotes.end_char IS 'End of the quoted words in articles.body (exclusive).';
COMMENT ON COLUMN quotes.speaker_start IS 'Start of speaker_text in articles.body.';
COMMENT ON COLUMN quotes.speaker_end IS 'End of speaker_text in articles.body (exclusive).';

CREATE TABLE IF NOT EXISTS date_mentions (
    article_id     VARCHAR NOT NULL REFERENCES articles (article_id),
    text           VARCHAR NOT NULL,
    start_char     INTEGER NOT NULL,
    end_char       INTEGER NOT NULL,
    timex_type     VARCHAR NOT NULL CHECK (timex_type IN ('DATE', 'TIME', 'DURATION', 'SET')),
    value          VARCHAR NOT NULL,
    mod            VARCHAR,
    range_start    DATE,
    range_end      DATE,
    sentence_start INTEGER,
    sentence_end   INTEGER,
    PRIMARY KEY (article_id, start_char)
);
COMMENT ON TABLE date_mentions IS 'Every time expression in an article, normalised to TIMEX3 against the publication date.';
COMMENT ON COLUMN date_mentions.article_id IS 'The article.';
COMMENT ON COLUMN date_mentions.text IS 'The expression as written (= body[start_char:end_char]).';
COMMENT ON COLUMN date_mentions.start_char IS 'Start of the expression in articles.body.';
COMMENT ON COLUMN date_mentions.end_char IS 'End of the expression in articles.body (exclusive).';
COMMENT ON COLUMN date_mentions.timex_type IS 'TIMEX3 type: DATE, TIME, DURATION or SET.';
COMMENT ON COLUMN date_mentions.value IS 'TIMEX3 value: 2024-08, 2024-11-01, P3Y, 2024-SU, PAST_REF; XXXX-10 when the publication date is unknown.';
COMMENT ON COLUMN date_mentions.mod IS 'TIMEX3 modifier: MORE_THAN, LESS_THAN, APPROX, START, MID, END, ...';
COMMENT ON COLUMN date_mentions.range_start IS 'First calendar day a DATE covers.';
COMMENT ON COLUMN date_mentions.range_end IS 'Last calendar day a DATE covers.';
COMMENT ON COLUMN date_mentions.sentence_start IS 'Start of the sentence holding the expression, in articles.body.';
COMMENT ON COLUMN date_mentions.sentence_end IS 'End of that sentence (exclusive).';

CREATE TABLE IF NOT EXISTS pipeline_runs (
    run_id           VARCHAR PRIMARY KEY,
    started_at       TIMESTAMP NOT NULL,
    finished_at      TIMESTAMP NOT NULL,
    files_seen       INTEGER NOT NULL,
    files_processed  INTEGER NOT NULL,
    articles_added   INTEGER NOT NULL,
    articles_changed INTEGER NOT NULL,
    files_missing    INTEGER NOT NULL,
    errors           INTEGER NOT NULL
);
COMMENT ON TABLE pipeline_runs IS 'One row per pipeline run that published the warehouse.';
COMMENT ON COLUMN pipeline_runs.run_id IS 'The Dagster run id (or a generated id for command-line runs).';
COMMENT ON COLUMN pipeline_runs.started_at IS 'When the run started.';
COMMENT ON COLUMN pipeline_runs.finished_at IS 'When the run published the warehouse.';
COMMENT ON COLUMN pipeline_runs.files_seen IS 'Input files found in the corpus.';
COMMENT ON COLUMN pipeline_runs.files_processed IS 'Files read again because they were new or changed.';
COMMENT ON COLUMN pipeline_runs.articles_added IS 'New articles.';
COMMENT ON COLUMN pipeline_runs.articles_changed IS 'Articles whose file changed and whose rows were replaced.';
COMMENT ON COLUMN pipeline_runs.files_missing IS 'Files that disappeared since the previous run.';
COMMENT ON COLUMN pipeline_runs.errors IS 'Files that could not be processed in this run (see ingest_errors).';

CREATE TABLE IF NOT EXISTS warehouse_schema (
    schema_sha256 VARCHAR NOT NULL
);
COMMENT ON TABLE warehouse_schema IS 'The version of sql/schema.sql the warehouse was built with (one row). A warehouse of another version is rebuilt from the corpus by the next run.';
COMMENT ON COLUMN warehouse_schema.schema_sha256 IS 'SHA-256 of sql/schema.sql, first 16 hex digits.';
