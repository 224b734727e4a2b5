-- One value for everything the full-text indexes cover. The indexes are rebuilt only when it (or
-- search_indexes.sql) differs from what the last rebuild recorded: a run that changed no article and no
-- quote keeps them. rowid is in it so that rows deleted and inserted again count as changed.
SELECT concat_ws(' ',
    (SELECT count(*) || '/' || coalesce(bit_xor(hash(rowid, article_id, title, body)), 0) FROM articles),
    (SELECT count(*) || '/' || coalesce(bit_xor(hash(rowid, quote_id, text, speaker_name)), 0) FROM quotes));
