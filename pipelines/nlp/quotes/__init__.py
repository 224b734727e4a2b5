"""news_quotes: who said what.

Decides, per article: the quoted stretches (pairing quotation marks), their kind (direct, partial, scare,
indirect), the cue and the words naming the speaker, and which person entity those words (pronouns included)
stand for. Leaves to others: which names are people (``pipelines.nlp.entities``, which runs first) and the
speech verbs themselves (``pipelines.nlp.verbs``).
"""
