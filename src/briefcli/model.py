"""The records of a knowledge base and the schema of knowledge format 1.

Records are plain frozen dataclasses built from their exported form (`data`: the fields
as written in the file, ids and dates as text). `SCHEMA` is the one description of the
format: the loader validates against it and the exporters write from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

from briefcli.dates import PartialDate

FORMAT_VERSION = 1

# Field types of the schema.
TEXT = "text"  # a scalar, kept as written
TEXTS = "texts"  # a list of scalars
PARAGRAPHS = "paragraphs"  # a list of scalars, or one text split on blank lines
DATE = "date"  # a partial date
IDS = "ids"  # a list of ids of another kind of record


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str
    required: bool = False
    target: str | None = None  # for IDS: the kind the ids refer to


def _spec(*specs: tuple) -> dict[str, FieldSpec]:
    return {s[0]: FieldSpec(*s) for s in specs}


SCHEMA: dict[str, dict[str, FieldSpec]] = {
    "entity": _spec(
        ("id", TEXT, True), ("name", TEXT, True), ("acronym", TEXT), ("aliases", TEXTS),
        ("kind", TEXT), ("role", TEXT), ("summary", TEXT), ("description", TEXT),
        ("related", IDS, False, "entity"), ("tags", TEXTS), ("sources", IDS, False, "source"),
    ),
    "event": _spec(
        ("id", TEXT, True), ("date", DATE, True), ("end", DATE), ("title", TEXT, True),
        ("summary", TEXT), ("entities", IDS, False, "entity"), ("tags", TEXTS),
        ("sources", IDS, False, "source"),
    ),
    "faq": _spec(
        ("id", TEXT), ("question", TEXT, True), ("answer", TEXT, True),
        ("entities", IDS, False, "entity"),
    ),
    "briefing": _spec(
        ("id", TEXT), ("date", DATE, True), ("title", TEXT, True), ("summary", TEXT),
        ("body", PARAGRAPHS), ("points", TEXTS), ("entities", IDS, False, "entity"),
        ("events", IDS, False, "event"), ("faqs", IDS, False, "faq"),
        ("sources", IDS, False, "source"),
    ),
    "source": _spec(
        ("id", TEXT, True), ("title", TEXT, True), ("publisher", TEXT), ("url", TEXT),
        ("date", DATE),
    ),
}

# Top-level key of each kind's list, in the order files are written.
SECTIONS = {"entities": "entity", "events": "event", "faqs": "faq", "briefings": "briefing",
            "sources": "source"}
KIND_SECTION = {kind: section for section, kind in SECTIONS.items()}
KIND_LABEL = {"entity": "an entity", "event": "an event", "faq": "a FAQ",
              "briefing": "a briefing", "source": "a source"}


class Record:
    """Common behaviour: build from exported data, export back."""

    record_kind: ClassVar[str]

    @classmethod
    def from_data(cls, data: dict[str, Any], path: str = "", line: int = 0) -> Any:
        values = {}
        for f in fields(cls):  # type: ignore[arg-type]
            if f.name in data:
                value = data[f.name]
                values[f.name] = tuple(value) if isinstance(value, list) else value
        return cls(**values, path=path, line=line)  # type: ignore[call-arg]

    def to_data(self) -> dict[str, Any]:
        """The record's fields as written in a knowledge file, empty ones left out."""
        out: dict[str, Any] = {}
        for name in SCHEMA[self.record_kind]:
            value = getattr(self, name)
            if value is None or value == ():
                continue
            out[name] = list(value) if isinstance(value, tuple) else value
        return out


@dataclass(frozen=True)
class Entity(Record):
    record_kind: ClassVar[str] = "entity"
    id: str
    name: str
    acronym: str | None = None
    aliases: tuple[str, ...] = ()
    kind: str | None = None
    role: str | None = None
    summary: str | None = None
    description: str | None = None
    related: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    path: str = field(default="", compare=False)
    line: int = field(default=0, compare=False)

    @property
    def gloss(self) -> str:
        """A one-line gloss: the role, else the summary."""
        return self.role or self.summary or ""


@dataclass(frozen=True)
class Event(Record):
    record_kind: ClassVar[str] = "event"
    id: str
    date: str
    title: str
    end: str | None = None
    summary: str | None = None
    entities: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    path: str = field(default="", compare=False)
    line: int = field(default=0, compare=False)

    @property
    def when(self) -> PartialDate:
        return PartialDate.parse(self.date)


@dataclass(frozen=True)
class Faq(Record):
    record_kind: ClassVar[str] = "faq"
    id: str
    question: str
    answer: str
    entities: tuple[str, ...] = ()
    path: str = field(default="", compare=False)
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Briefing(Record):
    record_kind: ClassVar[str] = "briefing"
    id: str
    date: str
    title: str
    summary: str | None = None
    body: tuple[str, ...] = ()
    points: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    faqs: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    path: str = field(default="", compare=False)
    line: int = field(default=0, compare=False)

    @property
    def when(self) -> PartialDate:
        return PartialDate.parse(self.date)


@dataclass(frozen=True)
class Source(Record):
    record_kind: ClassVar[str] = "source"
    id: str
    title: str
    publisher: str | None = None
    url: str | None = None
    date: str | None = None
    path: str = field(default="", compare=False)
    line: int = field(default=0, compare=False)


RECORD_TYPES: dict[str, type[Record]] = {
    "entity": Entity, "event": Event, "faq": Faq, "briefing": Briefing, "source": Source,
}


def record_from_data(kind: str, data: dict[str, Any], path: str = "", line: int = 0) -> Any:
    return RECORD_TYPES[kind].from_data(data, path, line)


@dataclass(frozen=True)
class BriefingPage:
    """A briefing with the records it refers to, resolved."""

    briefing: Briefing
    entities: list[Entity]
    events: list[Event]
    faqs: list[Faq]
    sources: list[Source]


@dataclass(frozen=True)
class Definition:
    """An entity matched by a term, with the records it relates to."""

    term: str
    entity: Entity
    related: list[Entity]
    events: list[Event]
    sources: list[Source]
    matched_on: str  # "id", "acronym", "name" or "alias"


@dataclass(frozen=True)
class SearchHit:
    kind: str
    id: str
    title: str
    snippet: str  # with \ue000 / \ue001 around matched words
    record: Any
