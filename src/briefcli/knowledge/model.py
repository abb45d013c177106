"""The records of a knowledge base, and the table of record kinds.

Records are immutable named tuples built from their exported form (`data`: the fields
as written in the file, ids and dates as text). `KINDS` is the one description of the
kinds of record: their fields in file order, their label, which fields are their title,
their searchable text and their terms. The checker, the index, the queries, the
renderers, the exporters and the docs test all read it; adding a kind means adding a
record class and one entry here.
"""

# Record classes come from briefcli.typed (no `typing` at run time), which reads
# the annotations' names only: they are never evaluated.
from __future__ import annotations

from briefcli.knowledge.dates import PartialDate
from briefcli.typed import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


# Field types of the format.
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
    help: str = ""  # one line for the JSON Schema and editors


# Records are NamedTuples: a command defines a dozen record types at start-up, and a
# NamedTuple costs a fraction of a frozen dataclass to define.


def _fields(record: Any, kind: str) -> dict[str, Any]:
    """A record's fields as written in a knowledge file, empty ones left out."""
    out: dict[str, Any] = {}
    for name in KINDS[kind].fields:
        value = getattr(record, name)
        if value is None or value == ():
            continue
        out[name] = list(value) if isinstance(value, tuple) else value
    return out


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

    @property
    def record_kind(self) -> str:
        return "entity"

    def to_data(self) -> dict[str, Any]:
        return _fields(self, "entity")

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

    @property
    def record_kind(self) -> str:
        return "event"

    def to_data(self) -> dict[str, Any]:
        return _fields(self, "event")

    @property
    def when(self) -> PartialDate:
        return PartialDate.parse(self.date)


class Faq(NamedTuple):
    id: str
    question: str
    answer: str
    entities: tuple[str, ...] = ()
    path: str = ""
    line: int = 0

    @property
    def record_kind(self) -> str:
        return "faq"

    def to_data(self) -> dict[str, Any]:
        return _fields(self, "faq")


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
    digest: str | None = None
    path: str = ""
    line: int = 0

    @property
    def record_kind(self) -> str:
        return "briefing"

    def to_data(self) -> dict[str, Any]:
        return _fields(self, "briefing")

    @property
    def when(self) -> PartialDate:
        return PartialDate.parse(self.date)


class Source(NamedTuple):
    id: str
    title: str
    publisher: str | None = None
    url: str | None = None
    date: str | None = None
    path: str = ""
    line: int = 0

    @property
    def record_kind(self) -> str:
        return "source"

    def to_data(self) -> dict[str, Any]:
        return _fields(self, "source")


Record = Entity | Event | Faq | Briefing | Source


class Kind(NamedTuple):
    """One kind of record: everything the rest of brief needs to know about it."""

    name: str  # "entity"
    section: str  # its top-level key in a file: "entities"
    label: str  # in messages: "an entity"
    noun: str  # in messages about ids: "entity", "FAQ"
    record: type[Any]  # its record class
    fields: dict[str, FieldSpec]  # in the order files are written
    title: str  # the field that is its title
    text: tuple[str, ...]  # fields searched as its text, besides the title
    terms: tuple[tuple[str, str], ...] = ()  # (field, how a match on it is named) for define
    searchable: bool = True
    dated: bool = False  # `date` (and `end`) place it in time: sort keys are kept
    listing: tuple[str, ...] = ()  # `brief list`: the columns after the id
    listed_by: str | None = None  # `brief list` sorts by this column (else by date, or as written)
    newest_first: bool = False  # `brief list` and the site: the latest first


def _spec(*specs: tuple[Any, ...]) -> dict[str, FieldSpec]:
    return {s[0]: FieldSpec(*s) for s in specs}


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind(
            "entity", "entities", "an entity", "entity", Entity,
            _spec(
                ("id", TEXT, True), ("name", TEXT, True), ("acronym", TEXT), ("aliases", TEXTS),
                ("kind", TEXT), ("role", TEXT), ("summary", TEXT), ("description", TEXT),
                ("related", IDS, False, "entity"), ("tags", TEXTS),
                ("sources", IDS, False, "source"),
            ),
            title="name",
            text=("acronym", "aliases", "role", "summary", "description"),
            # The first field to give a term names it in suggestions: the nicest first.
            terms=(("acronym", "acronym"), ("name", "name"), ("aliases", "alias"), ("id", "id")),
            listing=("acronym", "kind", "name"), listed_by="name",
        ),
        Kind(
            "event", "events", "an event", "event", Event,
            _spec(
                ("id", TEXT, True), ("date", DATE, True), ("end", DATE), ("title", TEXT, True),
                ("summary", TEXT), ("entities", IDS, False, "entity"), ("tags", TEXTS),
                ("sources", IDS, False, "source"),
            ),
            title="title", text=("summary",), dated=True, listing=("date", "title"),
        ),
        Kind(
            "faq", "faqs", "a FAQ", "FAQ", Faq,
            _spec(
                ("id", TEXT), ("question", TEXT, True), ("answer", TEXT, True),
                ("entities", IDS, False, "entity"),
            ),
            title="question", text=("answer",), listing=("question",),
        ),
        Kind(
            "briefing", "briefings", "a briefing", "briefing", Briefing,
            _spec(
                ("id", TEXT), ("date", DATE, True), ("title", TEXT, True), ("summary", TEXT),
                ("body", PARAGRAPHS), ("points", TEXTS), ("entities", IDS, False, "entity"),
                ("events", IDS, False, "event"), ("faqs", IDS, False, "faq"),
                ("sources", IDS, False, "source"),
                ("digest", TEXT, False, None,
                 "sha256: and the digest of the article `brief ingest` drafted it from"),
            ),
            title="title", text=("summary", "body", "points"), dated=True,
            listing=("date", "title"), newest_first=True,
        ),
        Kind(
            "source", "sources", "a source", "source", Source,
            _spec(
                ("id", TEXT, True), ("title", TEXT, True), ("publisher", TEXT), ("url", TEXT),
                ("date", DATE),
            ),
            title="title", text=("publisher",), listing=("publisher", "title"), listed_by="title",
        ),
    )
}
"""Every kind of record, in the order their sections are written."""

SECTIONS: dict[str, str] = {kind.section: kind.name for kind in KINDS.values()}
"""Top-level key of each kind's list -> the kind."""

SEARCH_KINDS: tuple[str, ...] = tuple(k.name for k in KINDS.values() if k.searchable)


def record_from_data(kind: str, data: dict[str, Any], path: str = "", line: int = 0) -> Record:
    """A record from its exported fields (lists become tuples; other keys are left out).

    Built as a tuple in the order of the record's fields (every record class ends with
    `path` and `line`): a timeline of 20,000 events makes 20,000 of them."""
    cls = KINDS[kind].record
    defaults = cls._field_defaults
    values: list[Any] = []
    for name in cls._fields[:-2]:
        if name in data:
            value = data[name]
            values.append(tuple(value) if isinstance(value, list) else value)
        elif name in defaults:
            values.append(defaults[name])
        else:
            raise TypeError(f"{cls.__name__}() missing required argument: {name!r}")
    record: Record = cls._make((*values, path, line))
    return record


class BriefingPage(NamedTuple):
    """A briefing with the records it refers to, resolved."""

    briefing: Briefing
    entities: list[Entity]
    events: list[Event]
    faqs: list[Faq]
    sources: list[Source]


PROFILES = 50  # senses of one term given a whole profile; the rest are named, one line each


class Definition(NamedTuple):
    """An entity matched by a term, with the records it relates to."""

    term: str
    entity: Entity
    related: list[Entity]  # what it links to: its own `related`
    events: list[Event]
    sources: list[Source]
    matched_on: str  # "id", "acronym", "name" or "alias"
    more_events: int = 0  # events of the entity not in `events` (which holds the latest)
    more_referrers: int = 0  # entities naming it in `related` not in `referrers`
    copies: list[Entity] = []  # the same sense written again elsewhere (same acronym, name)
    referrers: list[Entity] = []  # what links to it: entities naming it in their `related`
    faqs: list[Faq] = []  # questions that name it
    briefings: list[Briefing] = []  # briefings that name it, the latest first
    more_mentions: int = 0  # FAQs and briefings naming it not in `faqs` / `briefings`
    file: str | None = None  # "path:line" where it is written, shown by `define --verbose`

    @property
    def label(self) -> str:
        """The canonical form of what matched, not the query as typed: the acronym when
        the acronym matched, else the name."""
        e = self.entity
        if self.matched_on == "acronym" and e.acronym:
            return e.acronym
        return e.name


class Headwords(NamedTuple):
    """What `define --match` lists, as `dict -m` does: the headwords (acronyms, names,
    aliases as written) that match the terms by a strategy, and how many more there are
    than the bound let through."""

    strategy: str  # prefix, substring, regex or fuzzy
    terms: list[str]
    words: list[str]
    more: int = 0


class SearchHit(NamedTuple):
    kind: str
    id: str
    title: str  # with \ue000 / \ue001 around matched words
    snippet: str  # likewise
    record: Record


class SearchResult(NamedTuple):
    """The hits shown, best first, and how many records matched in all."""

    hits: list[SearchHit]
    total: int
    query: str = ""  # what was searched for, as typed


class ShowResult(NamedTuple):
    """What `show` found: pages of briefings (a day or an id), or a period's list."""

    pages: list[BriefingPage]
    listing: list[Briefing]
    period: str = ""


class Timeline(NamedTuple):
    title: str
    events: list[Event]
    senses: dict[str, str] = {}  # event id -> its sense, when the topic has several
    sources: dict[str, Source] = {}  # source id -> the source, for the events that cite one


# What `brief list` lists, in the order it offers them: each listed kind's section (a kind
# is listed when it has `listing` columns; a test holds the two equal), and the tags.
LISTS = ("entities", "events", "briefings", "faqs", "sources", "tags")


class Listing(NamedTuple):
    """`brief list WHAT`: one row per record (or tag), the first column its id."""

    what: str  # one of LISTS
    columns: tuple[str, ...]  # the names of the row's fields, the first the id (or tag)
    rows: list[tuple[str, ...]]


class FaqResult(NamedTuple):
    """`brief faq [QUERY]`: the questions, with their answers."""

    query: str | None
    faqs: list[Faq]

