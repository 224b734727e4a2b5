"""news_entities: which names in an article are people, organisations and places, and which mentions are one entity.

Decides, per article: the mentions (spaCy's NER, cleaned and repaired), their labels (using what the article
says: titles, roles, speech verbs, pronouns, usage), the article's entities with their fullest names, and the
roles the article gives people. Leaves to others: identity across articles (``pipelines.nlp.names.entity_key``
and the warehouse's entity refresh) and who is quoted (``pipelines.nlp.quotes``).
"""
