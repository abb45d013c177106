"""The records of a knowledge base and the schema of knowledge format 1.

Records are immutable named tuples built from their exported form (`data`: the fields
as written in the file, ids and dates as text). `SCHEMA` is the one description of the
format: the loader validates against it and the exporters write from it.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from briefcli.dates import PartialDate

FORMAT_VERSION = 1

# Field types of the schema.
TEXT = "text"  # a scalar, kept as written
TEXTS = "texts"  # a list of scalars
PARAGRAPHS = "paragraphs"  # a list of scalars, or one text split on blank lines
DATE = "date"  # a partial date
IDS = "ids"  # a list of ids of another kind of record


class FieldSpec(NamedTuple):
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
KIND_LABEL = {"entity": "an entity", "event": "an event", "faq": "a FAQ",
              "briefing": "a briefing", "source": "a source"}


# Records are NamedTuples: a command defines a dozen record types at start-up, and a
# NamedTuple costs a fraction of a frozen dataclass to define.


def _from_data(cls: Any, data: dict[str, Any], path: str = "", line: int = 0) -> Any:
    """A record from its exported fields (lists become tuples)."""
    values = {
        name: tuple(value) if isinstance(value, list) else value
        for name, value in data.items()
        if name in cls._fields
    }
    return cls(**values, path=path, line=line)


def _to_data(self: Any) -> dict[str, Any]:
    """The record's fields as written in a knowledge file, empty ones left out."""
    out: dict[str, Any] = {}
    for name in SCHEMA[self.record_kind]:
        value = getattr(self, name)
        if value is None or value == ():
            continue
        out[name] = list(value) if isinstance(value, tuple) else value
    return out


def _when(self: Any) -> PartialDate:
    return PartialDate.parse(self.date)


class Entity(NamedTuple):
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
    path: str = ""  # where the record was read, for messages
    line: int = 0

    record_kind = "entity"
    from_data = classmethod(_from_data)
    to_data = _to_data

    @property
    def gloss(self) -> str:
        """A one-line gloss: the role, else the summary."""
        return self.role or self.summary or ""


class Event(NamedTuple):
    id: str
    date: str
    title: str
    end: str | None = None
    summary: str | None = None
    entities: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    path: str = ""
    line: int = 0

    record_kind = "event"
    from_data = classmethod(_from_data)
    to_data = _to_data
    when = property(_when)


class Faq(NamedTuple):
    id: str
    question: str
    answer: str
    entities: tuple[str, ...] = ()
    path: str = ""
    line: int = 0

    record_kind = "faq"
    from_data = classmethod(_from_data)
    to_data = _to_data


class Briefing(NamedTuple):
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
    path: str = ""
    line: int = 0

    record_kind = "briefing"
    from_data = classmethod(_from_data)
    to_data = _to_data
    when = property(_when)


class Source(NamedTuple):
    id: str
    title: str
    publisher: str | None = None
    url: str | None = None
    date: str | None = None
    path: str = ""
    line: int = 0

    record_kind = "source"
    from_data = classmethod(_from_data)
    to_data = _to_data


RECORD_TYPES: dict[str, Any] = {
    "entity": Entity, "event": Event, "faq": Faq, "briefing": Briefing, "source": Source,
}


def record_from_data(kind: str, data: dict[str, Any], path: str = "", line: int = 0) -> Any:
    return RECORD_TYPES[kind].from_data(data, path, line)


class BriefingPage(NamedTuple):
    """A briefing with the records it refers to, resolved."""

    briefing: Briefing
    entities: list[Entity]
    events: list[Event]
    faqs: list[Faq]
    sources: list[Source]


class Definition(NamedTuple):
    """An entity matched by a term, with the records it relates to."""

    term: str
    entity: Entity
    related: list[Entity]
    events: list[Event]
    sources: list[Source]
    matched_on: str  # "id", "acronym", "name" or "alias"


class SearchHit(NamedTuple):
    kind: str
    id: str
    title: str
    snippet: str  # with \ue000 / \ue001 around matched words
    record: Any
