"""The project's pipeline, loaded when this module is imported.

The parse workers' fork server imports this module once (see ``pipelines.stages``), so that every worker it
forks starts with the model already in memory, and the run's own process never loads spaCy.
"""

from pipelines.nlp.pipeline import build_nlp, warm_up
from pipelines.warehouse.rows import table_schemas

NLP = build_nlp()
warm_up(NLP)
table_schemas()  # the types the workers stage rows with, read once here rather than in every worker
