"""Mentions of one article grouped into entities.

People: each full name (two words or more) is a person; a shorter form ("Kim", "Alexander Duben", "Donald
Trump" of "Donald J. Trump") joins the full name whose words it repeats. When several full names hold the word
("Kim Jong Un", "Patricia M Kim"), the short form goes to the one named earlier in the same paragraph, else
to the person the article has been discussing (most often called by a short form, then most mentions, then the
most recent), or, before any of them has appeared, to the next one introduced. A title before the short form
rules out a full name whose forename is of the other sex ("Mr. Trump" is not "Ivanka Trump"). A short form with
no full name in the article is a person of its own (its key is the short form). A birth name ("Ann Keller was born
in ...", "born Mary Jones", "née Jane Hill") that shares its forename with exactly one other person in the article
is that person's former name: an alias, never the entity's name. Other entities are grouped by key. A group is
only ever made of mentions with one label family: a short PERSON form never joins an organisation or place.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from pipelines.nlp.entities.lines import Lines
from pipelines.nlp.entities.mentions import Mention
from pipelines.nlp.gender import forename_gender, word_gender
from pipelines.nlp.names import contains_parts, entity_key, name_parts


_BIRTH_NAME_CUES = frozenset({"born", "née", "nee"})
# Titles of monarchs and popes, who are known by a title and a single name.
_KNOWN_AS_TITLES = frozenset({"king", "queen", "prince", "princess", "emperor", "empress", "pope", "sultan", "emir",
                              "tsar", "czar", "pharaoh"})


@dataclass
class Cluster:
    label: str
    mentions: list[Mention] = field(default_factory=list)
    former_keys: set[str] = field(default_factory=set)  # birth names: aliases, not names

    @property
    def name(self) -> str:
        """The fullest form: most name words, then the most frequent, then the first."""
        forms = [m.text for m in self.mentions
                 if m.label == self.label and entity_key(m.text) not in self.former_keys] \
            or [m.text for m in self.mentions]
        counts = Counter(forms)
        return max(forms, key=lambda form: (len(name_parts(form)), counts[form], -forms.index(form)))


def known_name(group: Cluster) -> str:
    """The name of the entity: the group's fullest name, with the title the article puts before it when that
    title is how a person named by one name alone is known ("Prince William", "Pope Francis", "King Charles";
    never "President Xi": other titles stay roles)."""
    name = group.name
    if group.label != "PERSON" or len(name_parts(name)) != 1:
        return name
    for mention in group.mentions:
        doc, start = mention.span.doc, mention.span.start
        if entity_key(mention.text) == entity_key(name) and start > 0 and doc[start - 1].is_title \
                and doc[start - 1].lower_ in _KNOWN_AS_TITLES:
            return f"{doc[start - 1].text} {name}"
    return name


def cluster(mentions: list[Mention], lines: Lines) -> list[Cluster]:
    ordered = sorted(mentions, key=lambda m: m.start)
    people = _cluster_people([m for m in ordered if m.label == "PERSON"], lines)
    others = _cluster_by_key([m for m in ordered if m.label != "PERSON"])
    return sorted(people + others, key=lambda c: c.mentions[0].start)


def _cluster_people(mentions: list[Mention], lines: Lines) -> list[Cluster]:
    full = _full_names(mentions)
    former = _former_names(mentions, set(full.values()))
    full = {ident: former.get(key, key) for ident, key in full.items()}
    clusters = {key: Cluster("PERSON") for key in dict.fromkeys(full.values())}
    for old, key in former.items():
        clusters[key].former_keys.add(old)
    first_seen = {key: min(m.start for m in mentions if full.get(id(m)) == key) for key in clusters}
    alone: dict[str, Cluster] = {}
    for mention in mentions:
        key = full.get(id(mention)) or _full_name_for(mention, clusters, full, first_seen, lines)
        if key is None:
            alone.setdefault(entity_key(mention.text), Cluster("PERSON")).mentions.append(mention)
        else:
            clusters[key].mentions.append(mention)
    return list(clusters.values()) + list(alone.values())


def _full_names(mentions: list[Mention]) -> dict[int, str]:
    """{id(mention): key of its full name} for mentions with two words or more; a form inside a longer
    one ("Alexander Duben" in "Bjorn Alexander Duben") takes the longer one when that is unambiguous."""
    keys = {entity_key(m.text) for m in mentions if len(name_parts(m.text)) > 1}
    result = {}
    for mention in mentions:
        key = entity_key(mention.text)
        if key not in keys:
            continue
        longer = [k for k in keys if k != key and _is_form_of(k.split(), key.split())]
        result[id(mention)] = longer[0] if len(longer) == 1 else key
    return result


def _is_form_of(full: list[str], short: list[str]) -> bool:
    """A run of the full name's words, or the full name without its middle initials: news writes "Donald J. Trump"
    once and "Donald Trump" after."""
    return contains_parts(full, short) or short == [word for i, word in enumerate(full)
                                                    if not (len(word) == 1 and 0 < i < len(full) - 1)]


def _former_names(mentions: list[Mention], keys: set[str]) -> dict[str, str]:
    """{birth name key: key of the person who had it}, for birth names sharing a forename with one other person."""
    result = {}
    for mention in mentions:
        key = entity_key(mention.text)
        if key not in keys or not _is_birth_name(mention):
            continue
        forename = key.split()[0]
        others = [k for k in keys if k != key and k.split()[0] == forename]
        if len(others) == 1:
            result[key] = others[0]
    return result


def _is_birth_name(mention: Mention) -> bool:
    """"Ann Keller was born ...", "born Mary Jones", "née Jane Hill"."""
    root, doc = mention.span.root, mention.span.doc
    if root.dep_ == "nsubjpass" and root.head.lower_ == "born":
        return True
    return mention.span.start > 0 and doc[mention.span.start - 1].lower_ in _BIRTH_NAME_CUES


def _full_name_for(mention: Mention, clusters: dict[str, Cluster], full: dict[int, str],
                   first_seen: dict[str, int], lines: Lines) -> str | None:
    """The person a short form stands for: the one named earlier in the same paragraph, else the one the
    article keeps calling by short forms (then by any form, then the most recent), else the next one."""
    parts = name_parts(mention.text)
    titled = _title_gender(mention)
    candidates = [key for key, group in clusters.items()
                  if any(contains_parts(form.split(), parts) for form in (key, *group.former_keys))
                  and not _of_other_sex(key, titled)]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    paragraph = lines.span(mention.start)
    in_paragraph = [(m.start, key) for key in candidates for m in clusters[key].mentions
                    if paragraph[0] <= m.start < mention.start]
    if in_paragraph:
        return max(in_paragraph)[1]
    discussed = [key for key in candidates if clusters[key].mentions]
    if discussed:
        def salience(key: str) -> tuple:
            members = clusters[key].mentions
            return sum(id(m) not in full for m in members), len(members), members[-1].start
        return max(discussed, key=salience)
    return min(candidates, key=lambda key: first_seen[key])


def _title_gender(mention: Mention) -> str | None:
    """The sex the title right before a name states ("Mr. Trump", "Ms. Trump"), else None."""
    start = mention.span.start
    return word_gender(mention.span.doc[start - 1].text) if start > 0 else None


def _of_other_sex(full_key: str, titled: str | None) -> bool:
    """Whether the full name's forename is of the other sex than the title states."""
    named = forename_gender(full_key)
    return titled is not None and named is not None and named != titled


def _cluster_by_key(mentions: list[Mention]) -> list[Cluster]:
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        groups.setdefault(entity_key(mention.text), []).append(mention)
    clusters = []
    for members in groups.values():
        labels = Counter(m.label for m in members)
        best = max(labels, key=lambda label: (labels[label], -[m.label for m in members].index(label)))
        clusters.append(Cluster(best, members))
    return clusters
