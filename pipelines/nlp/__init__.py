"""The language side of News Warehouse: one spaCy pipeline turns a cleaned article into entities, quotes and dates.

- ``pipeline``: builds the pipeline (the model plus our registered components, configured in one place) and runs
  it over cleaned articles in batches, returning one ``models.Extraction`` per article.
- ``entities/``, ``quotes/``, ``dates/``: one package per extraction, each with its component factory
  (``component.py``), its rules and its own word lists.
- Shared by them: ``extensions`` (the ``Doc`` extensions), ``paragraphs`` (a line break ends a sentence),
  ``names`` (the cross-article identity of a name), ``verbs`` (the speech and thinking verbs).

What is not decided here: which lines are article text (``pipelines.clean``), and how one article's entities
become warehouse-wide entities (``sql/load/refresh_entities.sql``).
"""
