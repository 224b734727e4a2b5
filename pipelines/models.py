"""The records that flow between the stages: plain dataclasses, no Dagster, no spaCy.

Every character offset named ``start``/``end`` (or ``*_char``) points into the cleaned article body,
end exclusive, unless its name says ``raw``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceFile:
    """One file found under the corpus folder."""

    source_path: str  # relative to the corpus folder, POSIX separators
    absolute_path: str
    size_bytes: int
    mtime_ns: int


@dataclass
class RawArticle:
    """A decoded input file, before cleaning."""

    source_path: str
    content_sha256: str  # of the file's bytes
    text: str  # decoded, newlines normalised to "\n"
    format: str  # "txt" or "html"
    encoding: str
    sidecar: dict = field(default_factory=dict)  # NAME.meta.json values; they win over extraction
    extracted_meta: dict = field(default_factory=dict)  # metadata found by the HTML reader


@dataclass(frozen=True)
class IngestError:
    source_path: str
    error: str  # short machine-readable kind, e.g. "undecodable", "empty", "bad_sidecar"
    detail: str  # a sentence a person understands


@dataclass(frozen=True)
class RemovedLine:
    line_no: int  # 1-based line number in the raw (decoded) text
    text: str
    reason: str  # e.g. "byline", "link_list", "copyright", "advert"


@dataclass(frozen=True)
class Segment:
    """body[body_start:body_start+length] == raw_text[raw_start:raw_start+length]."""

    body_start: int
    raw_start: int
    length: int


@dataclass
class ArticleMetadata:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    contributors: list[str] = field(default_factory=list)
    publisher: str | None = None
    published: dt.date | None = None
    published_precision: str | None = None  # "day", "month", "year" or None
    url: str | None = None


@dataclass
class CleanArticle:
    source_path: str
    content_sha256: str
    body: str
    removed: list[RemovedLine]
    headings: list[tuple[int, int]]  # body spans of subheadings kept in the body
    segments: list[Segment]
    metadata: ArticleMetadata  # after merging: sidecar > HTML metadata > text
    metadata_sources: dict[str, str] = field(default_factory=dict)  # field -> "sidecar" | "html" | "text"
    format: str = "txt"  # of the input file, as RawArticle
    encoding: str = "utf-8"


@dataclass
class Entity:
    """One real-world entity as one article knows it (a cluster of mentions)."""

    name: str  # the fullest form the article uses, e.g. "Bjorn Alexander Duben"
    label: str  # PERSON, ORG, GPE, LOC, NORP, ...
    key: str  # cross-article identity, see pipelines.nlp.names.entity_key
    aliases: set[str] = field(default_factory=set)  # every surface form seen
    roles: list[str] = field(default_factory=list)  # descriptions: "a fellow at the Brookings Institution"


@dataclass(frozen=True)
class EntityMention:
    start: int
    end: int
    text: str
    label: str  # spaCy's label for this mention
    entity: int  # index into doc._.entities


@dataclass(frozen=True)
class Quote:
    start: int  # the quoted words, without the quotation marks
    end: int
    text: str
    kind: str  # "direct", "partial", "scare", "indirect"
    speaker_text: str | None = None  # the words used there: "he", "Duben", "a senior official"
    speaker_entity: int | None = None  # index into doc._.entities when the speaker is a known entity
    verb: str | None = None  # lemma of the speech verb or cue ("say", "according to", "-", ":")
    speaker_start: int | None = None
    speaker_end: int | None = None


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    timex_type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value: "2024-08", "P3Y", "2024-SU", "PAST_REF", "XXXX-10"
    mod: str | None = None  # TIMEX3 mod: "MORE_THAN", "APPROX", "START", "MID", "END" ...
    range_start: dt.date | None = None
    range_end: dt.date | None = None


@dataclass
class Extraction:
    """Everything the NLP stage found in one article."""

    article: CleanArticle
    entities: list[Entity]
    mentions: list[EntityMention]
    quotes: list[Quote]
    dates: list[DateMention]
    sentences: list[tuple[int, int]]  # body spans of sentences, for the timeline
