"""The knowledge of a site build, loaded once into memory: every record and what refers to
what, so that each page is built without a query."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from briefcli.index.lookups import every_record
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


class Knowledge:
    """Every record, and what refers to what, in memory: each page is then built without
    a query (a query per page took most of the time at 100,000 records)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.records: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
        order: dict[tuple[str, str], int] = {}
        for n, (kind, data, crc, path, line) in enumerate(every_record(conn)):
            record = record_from_data(kind, load_record(data, crc), path, line)
            if record.id not in self.records[kind]:  # a duplicate id: the first one wins
                self.records[kind][record.id] = record
                order[(kind, record.id)] = n
        self.order = order
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
            for tag in dict.fromkeys(map(tag_key, event.tags)):
                self.tag_events[tag].append(event)
            for tag in event.tags:
                self.tag_names.setdefault(tag_key(tag), tag)
        self.referrers: dict[str, list[Entity]] = defaultdict(list)
        senses: dict[tuple[str, str], list[Entity]] = defaultdict(list)
        for entity in self.entities.values():
            for rid in dict.fromkeys(entity.related):
                if rid in self.entities and rid != entity.id:
                    self.referrers[rid].append(entity)
            for tag in dict.fromkeys(map(tag_key, entity.tags)):
                self.tag_entities[tag].append(entity)
            for tag in entity.tags:
                self.tag_names.setdefault(tag_key(tag), tag)
            senses[(term_key(entity.acronym or ""), term_key(entity.name))].append(entity)
        self.copies = {e.id: [c for c in group if c.id != e.id]
                       for group in senses.values() if len(group) > 1 for e in group}
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

    def date_key(self, record: Event | Briefing) -> tuple[int, int]:
        date = parse_date(record.date)
        return (date.low if date else 0, self.order[(record.record_kind, record.id)])

    def resolve(self, kind: str, ids: Sequence[str]) -> list[Any]:
        table = self.records[kind]
        return [table[i] for i in dict.fromkeys(ids) if i in table]


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
