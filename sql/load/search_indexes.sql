-- Full-text (BM25) indexes over article texts and quotes: built by these PRAGMAs (one per line), kept
-- current after each load by pipelines/warehouse/fts_update.py (which reads the lines below).
-- Query them with fts_main_articles.match_bm25(article_id, 'words') and fts_main_quotes.match_bm25(quote_id, 'words').
PRAGMA create_fts_index('articles', 'article_id', 'title', 'body', overwrite = 1);
PRAGMA create_fts_index('quotes', 'quote_id', 'text', 'speaker_name', overwrite = 1);
