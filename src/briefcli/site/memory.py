"""The knowledge of a site build, loaded once into memory: every record and what refers to
what, so that each page is built without a query."""

from __future__ import annotations

import hashlib
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from briefcli.index.lookups import every_record_dated
from briefcli.index.store import load_record
from briefcli.knowledge.model import (
    KINDS,
    Briefing,
    Entity,
    Event,
    Faq,
    Source,
    record_from_data,
)
from briefcli.render import html as h
from briefcli.render.common import parse_date
from briefcli.site.paths import record_path, tag_key, tag_path, timeline_path
from briefcli.text import term_key

# -- the knowledge, loaded once ------------------------------------------------------


class SiteOptions(NamedTuple):
    """What the site says of itself: its name, a description, where it is published."""

    title: str = "Briefing book"
    description: str = ""
    base_url: str = ""


class Knowledge:
    """Every record, and what refers to what, in memory: each page is then built without
    a query (a query per page took most of the time at 100,000 records)."""

    def __init__(self, conn: sqlite3.Connection, options: SiteOptions | None = None) -> None:
        self.options = options or SiteOptions()
        self.records: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
        order: dict[tuple[str, str], int] = {}
        # What each record is, as a digest of its stored data and where it is: a page's
        # inputs are the digests of the records it shows (see `inputs`).
        self.digests: dict[tuple[str, str], str] = {}
        self.newest = ""  # the newest date any record carries: when the knowledge changed
        # By file and line: the index's own order puts a file read again after the others,
        # and a site must not depend on which file was edited last.
        rows = sorted(every_record_dated(conn), key=lambda row: (row[3], row[4]))
        makers = {kind: _maker(kind) for kind in KINDS}
        # A date's first day, by its text (`date_key`): the index has it of each dated
        # record, as `PartialDate.low` (0: none, or a record without a date).
        lows: dict[str, int] = {}
        records, digests, blake2b = self.records, self.digests, hashlib.blake2b
        dates: set[str] = set()
        for n, (kind, packed, crc, path, line, data, low) in enumerate(rows):
            record = makers[kind](load_record(data, packed, crc), path, line)
            table, rid = records[kind], record.id
            if rid in table:  # a duplicate id: the first one wins
                continue
            table[rid] = record
            order[(kind, rid)] = n
            digests[(kind, rid)] = blake2b(f"{data}\0{path}\0{line}".encode(),
                                           digest_size=12).hexdigest()
            for field in _DATE_FIELDS[kind]:
                date = getattr(record, field)
                if isinstance(date, str):
                    dates.add(date)
            if low and kind in _DATED:
                lows[record.date] = low
        # The newest of the dates that are dates (in the order of their text).
        self.newest = next((d for d in sorted(dates, reverse=True) if parse_date(d)), "")
        self.order = order
        self._lows = lows
        self._prints: dict[tuple[str, str], str] = {}
        self.base = ""  # set by the build: the renderer's version and the site's options
        self.entities: dict[str, Entity] = self.records["entity"]
        self.events: dict[str, Event] = self.records["event"]
        self.faqs: dict[str, Faq] = self.records["faq"]
        self.briefings: dict[str, Briefing] = self.records["briefing"]
        self.sources: dict[str, Source] = self.records["source"]

        self.events_of: dict[str, list[Event]] = defaultdict(list)
        self.tag_events: dict[str, list[Event]] = defaultdict(list)
        self.tag_entities: dict[str, list[Entity]] = defaultdict(list)
        self.tag_names: dict[str, str] = {}  # folded -> as first written
        for event in sorted(self.events.values(), key=self.date_key):
            for eid in dict.fromkeys(event.entities):
                if eid in self.entities:
                    self.events_of[eid].append(event)
            if event.tags:
                self._tag(event, event.tags, self.tag_events)
        self.referrers: dict[str, list[Entity]] = defaultdict(list)
        senses: dict[tuple[str, str], list[Entity]] = defaultdict(list)
        self.acronyms: dict[str, list[Entity]] = defaultdict(list)  # its senses, by acronym
        for entity in self.entities.values():
            for rid in dict.fromkeys(entity.related):
                if rid in self.entities and rid != entity.id:
                    self.referrers[rid].append(entity)
            if entity.tags:
                self._tag(entity, entity.tags, self.tag_entities)
            acronym = term_key(entity.acronym) if entity.acronym else ""
            senses[(acronym, term_key(entity.name))].append(entity)
            if acronym:
                self.acronyms[acronym].append(entity)
        self.copies = {e.id: [c for c in group if c.id != e.id]
                       for group in senses.values() if len(group) > 1 for e in group}
        # The copy `define` shows (the first by file and line) stands for the others.
        self.merged_into = {
            e.id: first.id for group in senses.values() if len(group) > 1
            for first in [min(group, key=lambda c: (c.path, c.line))] for e in group
        }
        self.faqs_of: dict[str, list[Faq]] = defaultdict(list)
        for faq in self.faqs.values():
            for eid in dict.fromkeys(faq.entities):
                self.faqs_of[eid].append(faq)
        self.briefings_of: dict[str, list[Briefing]] = defaultdict(list)
        self.cited_by: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for briefing in sorted(self.briefings.values(), key=self.date_key, reverse=True):
            for eid in dict.fromkeys(briefing.entities):
                self.briefings_of[eid].append(briefing)
        for kind in ("briefing", "entity", "event"):
            for record in self.records[kind].values():
                title = getattr(record, KINDS[kind].title)
                for sid in dict.fromkeys(record.sources):
                    self.cited_by[sid].append((kind, record.id, title))

    def _tag(self, record: Any, tags: Sequence[str], index: dict[str, list[Any]]) -> None:
        """File `record` under each of its tags (once each), and keep each tag as first
        written."""
        keys = [tag_key(tag) for tag in tags]
        for key in dict.fromkeys(keys):
            index[key].append(record)
        for key, tag in zip(keys, tags, strict=True):
            self.tag_names.setdefault(key, tag)

    def print_of(self, record: Any) -> str:
        """What a page showing `record` depends on: its digest, and which of the records
        it names exist (a page links only those) and whether an entity has a timeline."""
        kind = record.record_kind
        key = (kind, record.id)
        known = self._prints.get(key)
        if known is None:
            parts = [self.digests.get(key, "")]
            for field, target in _REFERENCES:
                for rid in getattr(record, field, ()):
                    parts.append("1" if rid in self.records[target] else "0")
            if kind == "entity":
                parts.append("t" if self.events_of.get(record.id) else "")
            known = self._prints[key] = "".join(parts)
        return known

    def relations(self, record: Any) -> list[str]:
        """What a record ties itself to, as `changes` keys: the records it names (whether
        they exist or not), its tags, and for an entity its acronym and its sense. A
        page shows a record only when the page's own subject is one of these, is the
        record, names the record, or shares one of these with it (see `site.changes`)."""
        out = [f"{target}:{rid}" for field, target in _REFERENCES
               for rid in getattr(record, field, ())]
        out += [TAG + tag_key(tag) for tag in getattr(record, "tags", ())]
        if record.record_kind == "entity":
            acronym = term_key(record.acronym or "")
            if acronym:
                out.append(ACRONYM + acronym)
            out.append(f"{SENSE}{acronym}\x00{term_key(record.name)}")
        return list(dict.fromkeys(out))

    def inputs(self, *parts: object) -> str:
        """The digest of a page's inputs: records (by `print_of`), lists of them, and
        plain values, with the build's own (`base`: the renderer's version, the site's
        options). A page whose inputs are unchanged is not rendered again."""
        text = [self.base]
        for part in parts:
            text.append("\x01")
            for item in part if isinstance(part, (list, tuple)) else (part,):
                text.append(self.print_of(item) if hasattr(item, "record_kind")
                            else repr(item))
        return hashlib.blake2b("\x00".join(text).encode(), digest_size=16).hexdigest()

    def date_key(self, record: Event | Briefing) -> tuple[int, int]:
        low = self._lows.get(record.date)
        if low is None:  # (parse_date keeps 4,096 dates: 12,000 events' dates thrash it)
            date = parse_date(record.date)
            low = self._lows[record.date] = date.low if date else 0
        return (low, self.order[(record.record_kind, record.id)])

    def other_senses(self, entity: Entity) -> list[Entity]:
        """The other senses of the entity's acronym (one per sense: a copy stands for its
        copies), in the order of the knowledge."""
        if not entity.acronym:
            return []
        mine = self.merged_into.get(entity.id, entity.id)
        seen = {mine}
        out = []
        for other in self.acronyms.get(term_key(entity.acronym), []):
            first = self.merged_into.get(other.id, other.id)
            if first not in seen:
                seen.add(first)
                out.append(self.entities[first])
        return out

    def resolve(self, kind: str, ids: Sequence[str]) -> list[Any]:
        table = self.records[kind]
        return [table[i] for i in dict.fromkeys(ids) if i in table]


def _maker(kind: str) -> Callable[[dict[str, Any], str, int], Any]:
    """`record_from_data` for one kind, in one comprehension per record (20,000 records
    are made in every build); it is called for a record that lacks a field, to say so."""
    cls = KINDS[kind].record
    names = cls._fields[:-2]
    defaults = cls._field_defaults
    make = cls._make

    def record(data: dict[str, Any], path: str, line: int) -> Any:
        try:
            values = [data[name] if name in data else defaults[name] for name in names]
        except KeyError:
            return record_from_data(kind, data, path, line)
        return make([*[tuple(v) if type(v) is list else v for v in values], path, line])

    return record


_DATED = frozenset(name for name, kind in KINDS.items() if kind.dated)
_DATE_FIELDS = {name: tuple(f for f in ("date", "end") if f in kind.record._fields)
                for name, kind in KINDS.items()}


# The keys of what pages are about (`Job.subjects`) and of what records tie themselves to
# (`Knowledge.relations`): a record is `KIND:ID`; these prefixes never are one.
TAG = "~tag:"
ACRONYM = "~acronym:"
SENSE = "~sense:"


def record_key(kind: str, record_id: str) -> str:
    return f"{kind}:{record_id}"


_REFERENCES = (("entities", "entity"), ("related", "entity"), ("sources", "source"),
               ("events", "event"), ("faqs", "faq"))


class SiteLinks(h.Links):
    """Links from a page at `depth` folders below the site's root."""

    def __init__(self, knowledge: Knowledge, depth: int) -> None:
        self.k = knowledge
        self.up = "../" * depth

    def record(self, kind: str, record_id: str) -> str | None:
        if record_id not in self.k.records.get(kind, {}):
            return None
        return self.up + record_path(kind, record_id)

    def timeline(self, kind: str, key: str) -> str | None:
        has = self.k.events_of.get(key) if kind == "entity" else self.k.tag_events.get(
            tag_key(key))
        return self.up + timeline_path(kind, key) if has else None

    def tag(self, tag: str) -> str | None:
        return self.up + tag_path(tag) if tag_key(tag) in self.k.tag_names else None

    def root(self, path: str) -> str:
        return self.up + path
