-- Every quote with who said it and where it was published: the rows a reader browses and filters by speaker.
CREATE OR REPLACE VIEW quote_details AS
SELECT
    q.quote_id,
    coalesce(q.speaker_name, '(no named speaker)')            AS speaker,
    q.speaker_text,
    q.kind,
    q.text                                                    AS quote,
    q.verb,
    a.title,
    coalesce(a.publisher, '(unknown)')                        AS publisher,
    a.published_date,
    publication_month(a.published_date, a.published_precision) AS publication_month,
    q.article_id,
    q.start_char,
    q.end_char
FROM quotes q
JOIN articles a USING (article_id)
WHERE a.missing_since IS NULL;
COMMENT ON VIEW quote_details IS 'One row per quote of a present article: canonical speaker (''(no named speaker)'' when none), the words used for them, kind, text, speech verb, the article''s title, publisher and publication date, and the quote''s span in articles.body.';
