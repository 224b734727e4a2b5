-- A quote's named speaker is a person, and scare quotes have no speaker. Returns the quotes that break this.
SELECT q.quote_id, q.kind, q.speaker_name, e.label
FROM quotes q LEFT JOIN entities e ON e.entity_id = q.speaker_entity_id
WHERE (q.kind = 'scare' AND (q.speaker_entity_id IS NOT NULL OR q.speaker_text IS NOT NULL))
   OR (q.speaker_entity_id IS NOT NULL AND e.label <> 'PERSON');
