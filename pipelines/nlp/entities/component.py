"""The news_entities component: spaCy's NER mentions -> one Entity per real-world entity in the article.

Runs after ``ner`` and before ``news_quotes``. Sets
    doc._.entities         list[models.Entity]         name = fullest form, key = names.entity_key(name)
    doc._.entity_mentions  list[models.EntityMention]  in body order; every bare surname that stands for a
                                                        person is a mention of that person's entity
Steps: clean mentions (``mentions``), find names after role words, before an age or before ", who", untagged names the sentence
makes a person's, forenames described as people and online handles said to be people, fix
labels, forenames coordinated with a person, drop common words and add untagged surnames (``people``, with ``usage``), group (``clusters``), keep as people only the groups the
article supports as people (``support``), read roles (``roles``). A person seen only outside running text
(a byline, a headline of a link list) or only in credits (``lines``) is dropped.
"""


from spacy.language import Language
from spacy.tokens import Doc, Span

from pipelines.models import Entity, EntityMention
from pipelines.nlp.entities.clusters import Cluster, cluster, known_name
from pipelines.nlp.entities.lines import Lines
from pipelines.nlp.entities.mentions import mentions_from_ner
from pipelines.nlp.entities.people import (characters_and_actors, dash_attributions, fix_labels,
                                          forenames_beside_people, lone_forenames, names_after_roles,
                                          names_before_ages, names_before_things, names_before_who,
                                          names_out_of_headlines, names_with_nicknames, online_handles,
                                          split_hyphenated, untagged_people, untagged_surnames)
from pipelines.nlp.entities.roles import distinct_roles, roles_of
from pipelines.nlp.entities.support import supported_people
from pipelines.nlp.extensions import doc_text
from pipelines.nlp.names import entity_key, without_invisible


@Language.factory("news_entities")
def make_component(nlp: Language, name: str):
    return EntitiesComponent()


class EntitiesComponent:
    def __call__(self, doc: Doc) -> Doc:
        lines = Lines(doc_text(doc))
        mentions = dash_attributions(doc, lines.text, split_hyphenated(mentions_from_ner(doc, lines)))
        mentions = characters_and_actors(doc, lines.text, names_after_roles(doc, lines, mentions))
        mentions = names_with_nicknames(doc, lines, mentions)
        mentions = untagged_people(doc, lines, names_before_who(doc, lines, names_before_ages(doc, lines, mentions)))
        mentions = online_handles(doc, lines.text, lone_forenames(doc, lines, mentions))
        mentions = names_before_things(names_out_of_headlines(forenames_beside_people(fix_labels(mentions)), lines))
        mentions += untagged_surnames(doc, mentions, lines)
        clusters = supported_people(cluster(mentions, lines), doc, lines)
        clusters = [c for c in clusters if c.label != "PERSON" or _in_running_text(c, lines)]
        doc._.entities = [_entity(c) for c in clusters]
        doc._.entity_mentions = sorted(
            (EntityMention(m.start, m.end, m.text, m.spacy_label or c.label, index)
             for index, c in enumerate(clusters) for m in c.mentions),
            key=lambda m: (m.start, m.end))
        return doc


def _entity(group: Cluster) -> Entity:
    name = without_invisible(known_name(group))  # "Vladi\u00admir Putin" in the page is "Vladimir Putin"
    roles = []
    if group.label == "PERSON":
        roles = distinct_roles([role for m in group.mentions for role in roles_of(m.span)])
    return Entity(name=name, label=group.label, key=entity_key(name),
                  aliases={m.text for m in group.mentions}, roles=roles)


def _in_running_text(group: Cluster, lines: Lines) -> bool:
    return any(lines.is_running_text(m.start) or _in_results_list(m.span) for m in group.mentions)


_RESULT_DETAILS = frozenset({"GPE", "NORP", "ORDINAL", "CARDINAL", "TIME"})


def _in_results_list(span: Span) -> bool:
    """A full name followed by a country, a minute or a score in brackets, as results and line-ups list players
    ("Scorers: Andy Townsend (5th), Keith O'Neill (7th)", "Goran Ivanisevic (Croatia) beat ..."): a person the
    article reports on, though not in running text."""
    doc, end = span.doc, span.end
    return len(span) > 1 and end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text in (")", ",") \
        and (doc[end + 1].ent_type_ in _RESULT_DETAILS or doc[end + 1].like_num)
