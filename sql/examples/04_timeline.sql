-- A timeline of the events the articles date, oldest first.
SELECT value, expression, left(sentence, 90) AS sentence
FROM timeline
ORDER BY range_start, value
LIMIT 15;
