-- The people quoted most, with how the articles describe them.
SELECT speaker, quotes, direct_quotes, articles, roles
FROM quotes_by_speaker
ORDER BY quotes DESC, speaker
LIMIT 10;
