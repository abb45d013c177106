"""`brief site`: the knowledge as a static website, for any web server or a folder.

The site has a home page (the latest briefings, what the site holds, search), a page
per record (briefing, entity, event, FAQ, source), a timeline page per topic that has
events (an entity, a tag), an A–Z glossary, a page per tag, one style sheet, and a
search that runs in the browser with no server: the index is a script that sets a
global (`fetch()` of a JSON file fails on `file://`), read by a small script of its own.
Every link is relative, so the folder works served or opened from disk.

Pages are the fragments of `briefcli.render.html`, with a `Links` that knows where the
pages are. A page's path derives only from what it shows: a record's from its kind and
id (`entity/kfor.html`), a tag's from its folded text; names that are not plain
lowercase ASCII get a hash of the exact text, so two ids that differ only in case, or
tags with odd characters, never share a file (also on case-insensitive file systems).

Builds are incremental: each file is compared with what is on disk and written
(atomically) only when its bytes differ, so unchanged pages keep their times; the files
of records that are gone are removed, but only files a previous build wrote, as listed
in the folder's manifest (`.brief-site.json`) with the digest of what it wrote. A folder
that holds other files and no manifest is refused unless `force`.

The folder may have been written by someone else (a copy kept in git, an unpacked
archive), so nothing in it is trusted: every file is reached from a descriptor of the
folder, one name at a time, without following links (`O_NOFOLLOW`); a link where the
site needs a folder is refused, a link where it writes a page is replaced, never written
through; the manifest is read only when it is a regular file of bounded size; a build
removes only names that brief makes and whose content is still what it wrote; and the
folder is locked for the whole build (SECURITY.md states these rules).
"""

from __future__ import annotations

import errno
import gc
import hashlib
import json
import os
import re
import signal
import sqlite3
import stat
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

from briefcli.files import replace_at
from briefcli.index.lookups import every_record
from briefcli.index.store import load_record
from briefcli.knowledge.model import (
    KINDS,
    Briefing,
    BriefingPage,
    Definition,
    Entity,
    Event,
    Faq,
    Source,
    Timeline,
    record_from_data,
)
from briefcli.problems import BriefError, ExitCode
from briefcli.render import html as h
from briefcli.render.common import entity_label, event_when, parse_date, short_date
from briefcli.text import fold, slug, term_key, visible

MANIFEST = ".brief-site.json"
STYLESHEET = "style.css"
SEARCH_INDEX = "search-index.js"
SEARCH_SCRIPT = "search.js"
LATEST = 10  # briefings on the home page
PROFILE_EVENTS = 5  # latest events on an entity's page (its timeline has them all)
PROFILE_REFERRERS = 200  # entities naming it, listed on its page
PROFILE_MENTIONS = 20  # FAQs, and briefings, naming it
PARALLEL_FROM = 2000  # files from which a build forks workers (a fork costs milliseconds)
MANIFEST_LIMIT = 64 * 1024 * 1024  # bytes; a manifest of 400,000 files takes 45 MB

KIND_FOLDERS = {"entity": "entity", "event": "event", "faq": "faq", "briefing": "briefing",
                "source": "source"}
_PLAIN = re.compile(r"[a-z0-9][a-z0-9_.-]{0,63}")
_RESERVED = frozenset(  # device names Windows refuses as file names, whatever follows a dot
    ["con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)),
     *(f"lpt{n}" for n in range(10))]
)
_LISTING = frozenset(["index"])  # the stem of a folder's listing page (`tag/index.html`)


def file_stem(key: str, taken: frozenset[str] = frozenset()) -> str:
    """A file name (without extension) for an id or a folded tag: the text itself when it
    is plain lowercase ASCII and not one of the names `taken` by fixed pages, else a slug
    and a hash of the exact text. Plain names never hold `~` (no id can), hashed names
    always do, so the two never meet."""
    if (_PLAIN.fullmatch(key) and not key.endswith(".") and key.split(".")[0] not in _RESERVED
            and key not in taken):
        return key
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    return f"{slug(key)[:40]}~{digest}"


def record_path(kind: str, record_id: str) -> str:
    """The page of a record, from its kind and id alone: `entity/kfor.html`. The folder
    of briefings has a listing page, `index.html`: a briefing `index` gets a hashed name."""
    folder = KIND_FOLDERS[kind]
    return f"{folder}/{file_stem(record_id, _LISTING if folder in _LISTED else frozenset())}.html"


def tag_key(tag: str) -> str:
    """Tags are one when their folded text is (`Security` is `security`)."""
    return fold(tag)


def tag_path(tag: str) -> str:
    """The page of a tag; a tag `Index` gets a hashed name (`tag/index.html` lists them)."""
    return f"tag/{file_stem(tag_key(tag), _LISTING)}.html"


def timeline_path(kind: str, key: str) -> str:
    """The timeline page of an entity (by id) or a tag (by its text)."""
    stem = file_stem(key) if kind == "entity" else file_stem(tag_key(key))
    return f"timeline/{kind}/{stem}.html"


def glossary_letter(text: str) -> str:
    """`glossary/LETTER.html`: a to z, or `other`; never `index`, the glossary's own page."""
    first = slug(text)[:1]
    return first if first.isalpha() else "other"


_LISTED = frozenset(["briefing", "tag", "glossary"])  # folders with an `index.html`
FIXED_FILES = frozenset([STYLESHEET, SEARCH_SCRIPT, SEARCH_INDEX, "index.html",
                         *(f"{folder}/index.html" for folder in _LISTED)])
_STEM = r"(?:[a-z0-9][a-z0-9_.-]{0,63}|[a-z0-9-]{0,40}~[0-9a-f]{16})"
_SITE_PATH = re.compile(
    rf"(?:(?:{'|'.join(KIND_FOLDERS.values())}|tag|timeline/entity|timeline/tag)/{_STEM}"
    r"|glossary/(?:[a-z]|other))\.html"
)


def is_site_path(name: str) -> bool:
    """Whether `name` is a file brief's site can have: a fixed file or a page path as
    `record_path`, `tag_path`, `timeline_path` and the glossary make them. Only such
    names are ever removed by a build (never `.git/HEAD`, `CNAME`, `notes.txt`)."""
    return name in FIXED_FILES or _SITE_PATH.fullmatch(name) is not None


class SiteReport(NamedTuple):
    """What a build did: files written, left as they were, removed; bytes of the site."""

    written: int
    unchanged: int
    removed: int
    files: int
    size: int

    def summary(self) -> str:
        return (
            f"wrote {self.written:,} page{'s' if self.written != 1 else ''}, "
            f"{self.unchanged:,} unchanged, {self.removed:,} removed"
        )


class NotASite(BriefError):
    """A folder brief did not write (no manifest), or whose manifest is not one: `why`."""

    def __init__(self, folder: Path, why: str | None = None) -> None:
        super().__init__(
            f"{folder} is not empty and is not a brief site (it has no {MANIFEST}); "
            "use --force to write the site into it" if why is None else
            f"{folder} is not a brief site: its {MANIFEST} {why}; "
            "use --force to write the site into it",
            ExitCode.USAGE,
        )


class SiteBusy(BriefError):
    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"{folder} is being written by another `brief site` (it holds the folder's lock); "
            "try again when that build has finished"
        )


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


# -- pages ----------------------------------------------------------------------------


def _depth(path: str) -> int:
    return path.count("/")


def _nav(links: SiteLinks, search: bool = True) -> str:
    def a(path: str, text: str, cls: str = "") -> str:
        return h.link(links.root(path), text, cls)

    return (
        '<nav class="site-nav">'
        + a("index.html", "Briefing book", "home") + a("briefing/index.html", "Briefings")
        + a("glossary/index.html", "Glossary") + a("tag/index.html", "Tags")
        + (f'<form action="{links.root("index.html")}" method="get" role="search">'
           '<input type="search" name="q" placeholder="Search…" aria-label="Search"></form>'
           if search else "")
        + "</nav>\n"
    )


class Page(NamedTuple):
    path: str  # relative to the site's root, with '/'
    content: bytes


class Job(NamedTuple):
    """A file of the site, made only when `make` is called: a worker makes its share."""

    path: str
    make: Callable[[], Page]


def _page(knowledge: Knowledge, path: str, title: str,
          body: Callable[[SiteLinks], str], scripts: Sequence[str] = ()) -> Job:
    return Job(path, partial(_render, knowledge, path, title, body, scripts))


def _render(knowledge: Knowledge, path: str, title: str,
            body: Callable[[SiteLinks], str], scripts: Sequence[str]) -> Page:
    links = SiteLinks(knowledge, _depth(path))
    text = h.document(  # the home page has its own search box, and no other page a script
        title, body(links), stylesheet=links.root(STYLESHEET), nav=_nav(links, not scripts),
        scripts=[links.root(s) for s in scripts],
    )
    return Page(path, text.encode("utf-8"))


def _definition(k: Knowledge, e: Entity) -> Definition:
    from briefcli.index.query import assemble_definition

    events = k.events_of.get(e.id, [])
    referrers = k.referrers.get(e.id, [])
    faqs = k.faqs_of.get(e.id, [])
    briefings = k.briefings_of.get(e.id, [])
    return assemble_definition(
        e.name, e, "id", related=k.resolve("entity", e.related), referrers=referrers,
        referrer_count=len(referrers), events=events, event_count=len(events),
        sources=k.resolve("source", e.sources), faqs=faqs, faq_count=len(faqs),
        briefings=briefings, briefing_count=len(briefings), copies=k.copies.get(e.id, []),
        limits=(PROFILE_EVENTS, PROFILE_REFERRERS, PROFILE_MENTIONS),
    )


def _home(k: Knowledge) -> Job:
    latest = sorted(k.briefings.values(), key=k.date_key, reverse=True)[:LATEST]

    def body(links: SiteLinks) -> str:
        counts = [
            (len(k.briefings), "briefing", "briefings", "briefing/index.html"),
            (len(k.entities), "entity", "entities", "glossary/index.html"),
            (len(k.events), "event", "events", None),
            (len(k.faqs), "question", "questions", None),
            (len(k.sources), "source", "sources", None),
            (len(k.tag_names), "tag", "tags", "tag/index.html"),
        ]
        held = ", ".join(
            h.link(links.root(path) if path else None, f"{n:,} {one if n == 1 else many}")
            for n, one, many, path in counts
        )
        return (
            '<h1>Briefing book</h1><div class="search-page">'
            '<form method="get" role="search" class="no-print">'
            '<label for="q" class="meta">Search names, acronyms, events, questions and '
            'briefings</label><br><input type="search" id="q" name="q" autocomplete="off" '
            'placeholder="KFOR, Vučić, peacekeeping…"></form>'
            '<p id="search-status" class="meta" aria-live="polite"></p>'
            '<ol id="search-results" class="plain hits"></ol></div>'
            "<h2>Latest briefings</h2>"
            + (h.listing_html(latest, "", links).split("</h1>", 1)[1] if latest
               else "<p>No briefings yet.</p>")
            + f"<h2>What this site holds</h2><p>{held}.</p>"
        )

    return _page(k, "index.html", "Briefing book", body, [SEARCH_INDEX, SEARCH_SCRIPT])


def _briefing_pages(k: Knowledge) -> Iterator[Job]:
    for b in k.briefings.values():
        events = sorted(k.resolve("event", b.events), key=k.date_key)
        page = BriefingPage(b, k.resolve("entity", b.entities), events,
                            k.resolve("faq", b.faqs), k.resolve("source", b.sources))
        yield _page(k, record_path("briefing", b.id), b.title, partial(h.briefing_html, page))
    every = sorted(k.briefings.values(), key=k.date_key, reverse=True)
    yield _page(k, "briefing/index.html", "Briefings",
                lambda links: h.listing_html(every, "", links))


def _entity_pages(k: Knowledge) -> Iterator[Job]:
    def body(e: Entity, links: SiteLinks) -> str:
        return h.definition_html(_definition(k, e), links, heading="h1")

    for e in k.entities.values():
        yield _page(k, record_path("entity", e.id), entity_label(e), partial(body, e))


def _event_pages(k: Knowledge) -> Iterator[Job]:
    for ev in k.events.values():
        entities = k.resolve("entity", ev.entities)
        sources = k.resolve("source", ev.sources)
        when = short_date(ev.date) + (f" – {short_date(ev.end)}" if ev.end else "")
        yield _page(k, record_path("event", ev.id), f"{ev.title} ({when})",
                    partial(h.event_html, ev, entities, sources))


def _faq_pages(k: Knowledge) -> Iterator[Job]:
    for f in k.faqs.values():
        entities = k.resolve("entity", f.entities)
        yield _page(k, record_path("faq", f.id), f.question, partial(h.faq_html, f, entities))


def _source_pages(k: Knowledge) -> Iterator[Job]:
    for s in k.sources.values():
        cited = k.cited_by.get(s.id, [])
        yield _page(k, record_path("source", s.id), s.title,
                    partial(h.source_page_html, s, cited))


def _timeline_pages(k: Knowledge) -> Iterator[Job]:
    for eid, events in k.events_of.items():
        entity = k.entities[eid]
        timeline = Timeline(f"Timeline of {entity.name}", events)
        yield _page(k, timeline_path("entity", eid), timeline.title,
                    partial(h.timeline_html, timeline))
    for key, events in k.tag_events.items():
        timeline = Timeline(f"Timeline of {k.tag_names[key]}", events)
        yield _page(k, timeline_path("tag", key), timeline.title,
                    partial(h.timeline_html, timeline))


def _tag_pages(k: Knowledge) -> Iterator[Job]:
    keys = sorted(k.tag_names, key=lambda t: (fold(t), t))

    def tag_body(key: str, links: SiteLinks) -> str:
        name = k.tag_names[key]
        entities = k.tag_entities.get(key, [])
        events = k.tag_events.get(key, [])
        out = [f"<h1>{h.esc_line(name)}</h1>"]
        if events:
            count = f"{len(events):,} event{'s' if len(events) != 1 else ''}"
            out.append(f"<p>{h.link(links.timeline('tag', key), 'Timeline')}: {count}, "
                       f"the latest {event_when(events[-1])}.</p>")
        if entities:
            out.append("<h2>Entities</h2>" + _entries(
                sorted(entities, key=lambda e: fold(entity_label(e))), links))
        return "".join(out)

    for key in keys:
        yield _page(k, tag_path(key), f"Tag: {k.tag_names[key]}", partial(tag_body, key))

    def index(links: SiteLinks) -> str:
        items = "".join(
            f"<li>{h.link(links.tag(key), h.esc_line(k.tag_names[key]))} "
            f'<span class="meta">{len(k.tag_entities.get(key, [])):,} entities, '
            f"{len(k.tag_events.get(key, [])):,} events</span></li>"
            for key in keys
        )
        return f'<h1>Tags</h1><ul class="plain listing">{items}</ul>' if keys else (
            "<h1>Tags</h1><p>No tags.</p>")

    yield _page(k, "tag/index.html", "Tags", index)


def _entries(entities: Sequence[Entity], links: SiteLinks) -> str:
    return '<dl class="who">' + "".join(
        f"<dt>{h.entity_link(e, links)}</dt>" + (f"<dd>{h.esc_line(e.gloss)}</dd>" if e.gloss
                                                 else "")
        for e in entities
    ) + "</dl>"


def _glossary_pages(k: Knowledge) -> Iterator[Job]:
    """A page per letter: every entity under its name, and under its acronym."""
    letters: dict[str, list[tuple[str, str, Entity]]] = defaultdict(list)
    for e in k.entities.values():
        terms = [e.name]
        if e.acronym and term_key(e.acronym) != term_key(e.name):
            terms.append(e.acronym)
        for term in terms:
            letters[glossary_letter(term)].append((fold(term), term, e))
    order = sorted(letters, key=lambda c: (c == "other", c))

    def letter_nav(links: SiteLinks) -> str:
        return '<ul class="letters">' + "".join(
            f"<li>{h.link(links.root(f'glossary/{c}.html'), c.upper() if c != 'other' else '#')}"
            "</li>" for c in order
        ) + "</ul>"

    def letter_body(c: str, links: SiteLinks) -> str:
        rows = []
        for _, term, e in sorted(letters[c], key=lambda t: (t[0], t[1], k.order[("entity",
                                                                                t[2].id)])):
            label = h.esc_line(term)
            if term != e.name:
                label += f' <span class="dim">— {h.esc_line(e.name)}</span>'
            elif e.acronym and term_key(e.acronym) != term_key(e.name):
                label += f' <span class="dim">({h.esc_line(e.acronym)})</span>'
            gloss = f"<dd>{h.esc_line(e.gloss)}</dd>" if e.gloss else ""
            rows.append(f"<dt>{h.link(links.record('entity', e.id), label)}</dt>{gloss}")
        title = c.upper() if c != "other" else "Other"
        return (f"<h1>Glossary: {title}</h1>{letter_nav(links)}"
                f'<dl class="who">{"".join(rows)}</dl>')

    for c in order:
        yield _page(k, f"glossary/{c}.html", f"Glossary: {c.upper()}", partial(letter_body, c))

    def index(links: SiteLinks) -> str:
        counts = "".join(
            f"<li>{h.link(links.root(f'glossary/{c}.html'), c.upper() if c != 'other' else '#')}"
            f' <span class="meta">{len(letters[c]):,}</span></li>' for c in order
        )
        return f'<h1>Glossary</h1><ul class="letters">{counts}</ul>' if order else (
            "<h1>Glossary</h1><p>No entities.</p>")

    yield _page(k, "glossary/index.html", "Glossary", index)


# -- search in the browser --------------------------------------------------------------

_WORDS = re.compile(r"[^\w+#&]+")
SEARCH_KINDS = ("entity", "event", "faq", "briefing", "source")


def _words(*texts: str | None) -> str:
    """The distinct folded words of some texts, in order, one space between."""
    words: dict[str, None] = {}
    for text in texts:
        if text:
            for word in _WORDS.sub(" ", fold(text).replace(".", "")).split():
                words.setdefault(word, None)
    return " ".join(words)


def search_index(k: Knowledge) -> bytes:
    """The search index as a script: `window.BRIEF_SEARCH = {...}`. Each record is
    [kind, page, title, date, terms, title words, other words]; terms are
    "FIELD:key" joined by "|" (field 0 acronym, 1 name, 2 alias), keys as `term_key`
    makes them, which the page's script makes of the query too."""
    rows: list[list[Any]] = []
    for kind in SEARCH_KINDS:
        for r in k.records[kind].values():
            terms: list[str] = []
            other: tuple[str | None, ...] = ()
            if isinstance(r, Entity):
                terms = [f"0:{term_key(r.acronym)}"] if r.acronym else []
                terms.append(f"1:{term_key(r.name)}")
                terms += [f"2:{term_key(a)}" for a in r.aliases]
                title = entity_label(r)
                other = (r.acronym, *r.aliases, r.role, r.summary, r.description)
            elif isinstance(r, Event):
                title, other = r.title, (r.summary,)
            elif isinstance(r, Faq):
                title, other = r.question, (r.answer,)
            elif isinstance(r, Briefing):
                title, other = r.title, (r.summary, *r.body, *r.points)
            else:
                title, other = r.title, (r.publisher,)
            date = event_when(r) if isinstance(r, Event) else short_date(getattr(r, "date", ""))
            title_words = _words(title)
            rows.append([
                SEARCH_KINDS.index(kind), record_path(kind, r.id), " ".join(visible(title).split()),
                date, "|".join(t for t in terms if t[2:]), title_words,
                _words(*other),
            ])
    data = json.dumps({"kinds": SEARCH_KINDS, "records": rows}, ensure_ascii=False,
                      separators=(",", ":"))
    # Line and paragraph separators end a line in older JavaScript: keep them escaped.
    data = data.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.BRIEF_SEARCH={data};\n".encode()


SEARCH_JS = r"""// brief site search: runs in the browser, over the index search-index.js sets.
(function () {
  "use strict";
  var FOLD = {"đ":"d","ø":"o","ł":"l","ħ":"h","ı":"i","æ":"ae","œ":"oe","þ":"th","ð":"d","ŧ":"t"};
  function fold(text) {
    var s = text.toLowerCase().replace(/[đøłħıæœþðŧ]/g, function (c) { return FOLD[c]; });
    s = s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\./g, "");
    return s.replace(/[^\p{L}\p{N}_+#&]+/gu, " ").trim();
  }
  var data = window.BRIEF_SEARCH || {kinds: [], records: []};
  var records = data.records;
  var LIMIT = 20;
  var termLists = null;  // each record's terms, split once, at the first search
  function hasWord(text, word, prefix) {
    // `word` as a whole word of `text` (words are separated by one space), or as the
    // start of one with `prefix`.
    for (var i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      var end = i + word.length;
      if ((i === 0 || text.charCodeAt(i - 1) === 32) &&
          (prefix || end === text.length || text.charCodeAt(end) === 32)) return true;
    }
    return false;
  }
  function rank(n, key, words) {
    var r = records[n], terms = termLists[n];
    var best = null;
    for (var i = 0; i < terms.length; i++) {
      var field = +terms[i].charAt(0), term = terms[i].slice(2);
      var score = term === key ? [0, field] : term.indexOf(key) === 0 ? [1, term.length] : null;
      if (score && (!best || score[0] < best[0] || (score[0] === best[0] && score[1] < best[1]))) {
        best = score;
      }
    }
    if (best) return best;
    var inTitle = true, inAll = true;
    for (var w = 0; w < words.length; w++) {
      var last = w === words.length - 1;
      var t = hasWord(r[5], words[w], last);
      if (!t) inTitle = false;
      if (!t && !hasWord(r[6], words[w], last)) { inAll = false; break; }
    }
    if (!inAll) return null;
    return [2, inTitle ? 0 : 1];
  }
  function search(query) {
    var key = fold(query);
    if (!key) return [];
    var words = key.split(" ");
    var hits = [];
    if (!termLists) {
      termLists = records.map(function (r) { return r[4] ? r[4].split("|") : []; });
    }
    for (var i = 0; i < records.length; i++) {
      var score = rank(i, key, words);
      if (score) hits.push([score[0], score[1], i]);
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    return hits;
  }
  function show(query) {
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    if (!list || !status) return;
    while (list.firstChild) list.removeChild(list.firstChild);
    var hits = search(query);
    if (!fold(query)) { status.textContent = ""; return; }
    var total = hits.length, shown = Math.min(total, LIMIT);
    var noun = total === 1 ? "match" : "matches";
    status.textContent = total === 0 ? "No matches." :
      (shown < total ? shown + " of " + total + " " : total + " ") + noun;
    for (var i = 0; i < shown; i++) {
      var r = records[hits[i][2]];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = r[1];
      a.textContent = r[2];
      a.className = "hit";
      li.appendChild(a);
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = " " + (r[3] ? r[3] + " · " : "") + data.kinds[r[0]];
      li.appendChild(meta);
      list.appendChild(li);
    }
  }
  window.briefSearch = search;
  var box = document.getElementById("q");
  if (!box) return;
  var pending = null;  // a search waits for a pause in typing: one per keystroke is wasted
  box.addEventListener("input", function () {
    if (pending !== null) window.clearTimeout(pending);
    pending = window.setTimeout(function () { pending = null; show(box.value); },
                                records.length > 20000 ? 120 : 0);
  });
  if (box.form) {
    box.form.addEventListener("submit", function (event) {
      event.preventDefault();
      show(box.value);
    });
  }
  var match = /[?&]q=([^&]*)/.exec(window.location.search);
  if (match) {
    try { box.value = decodeURIComponent(match[1].replace(/\+/g, " ")); } catch (e) { }
    show(box.value);
  }
})();
"""


# -- writing ----------------------------------------------------------------------------


def _jobs(k: Knowledge) -> Iterator[Job]:
    """Every file of the site, in a fixed order."""
    yield Job(STYLESHEET, partial(Page, STYLESHEET, h.CSS.encode("utf-8")))
    yield Job(SEARCH_SCRIPT, partial(Page, SEARCH_SCRIPT, SEARCH_JS.encode("utf-8")))
    yield Job(SEARCH_INDEX, lambda: Page(SEARCH_INDEX, search_index(k)))
    yield _home(k)
    yield from _briefing_pages(k)
    yield from _glossary_pages(k)
    yield from _tag_pages(k)
    yield from _entity_pages(k)
    yield from _faq_pages(k)
    yield from _source_pages(k)
    yield from _timeline_pages(k)
    yield from _event_pages(k)


def planned_pages(k: Knowledge) -> int:
    """About how many files a build writes, for progress."""
    return (
        4 + len(k.briefings) + 1 + len(k.entities) + len(k.events) + len(k.faqs)
        + len(k.sources) + len(k.events_of) + 2 * len(k.tag_events) + len(k.tag_names) + 30
    )


# POSIX flags (0 where a system lacks one, so that the module still imports there).
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
_READ = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0)  # a FIFO must not hang
_FOLDER = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_DIRECTORY", 0)


class Manifest(NamedTuple):
    """What a previous build wrote: its files, and the sha256 of each as it wrote it (a
    manifest of an older brief has no digests)."""

    files: list[str]
    digests: dict[str, str]


class _BadManifest(Exception):
    """The manifest is there but is not one: the reason, to end "its manifest …"."""


def _what(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _read_manifest(root: int) -> Manifest | None:
    """The manifest of the folder open as `root`, or None when it has none; raises
    _BadManifest when it is not a regular file (a link, a FIFO, a device: never read),
    is over MANIFEST_LIMIT bytes, or is not the JSON a build writes. Only plain relative
    paths are kept: a manifest is a file like any other, and nothing outside the site may
    be removed because of it."""
    try:
        fd = os.open(MANIFEST, _READ, dir_fd=root)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _BadManifest("is a link, which brief never follows") from None
        raise _BadManifest(f"cannot be read ({exc.strerror})") from None
    try:
        mode = os.fstat(fd)
        if not stat.S_ISREG(mode.st_mode):
            raise _BadManifest(f"is {_what(mode.st_mode)}, not a regular file")
        raw = _read(fd, MANIFEST_LIMIT + 1)
    finally:
        os.close(fd)
    if len(raw) > MANIFEST_LIMIT:
        raise _BadManifest(f"is larger than {MANIFEST_LIMIT // (1024 * 1024)} MB")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise _BadManifest("is not UTF-8 text") from None
    except (ValueError, RecursionError):  # RecursionError: `[` nested 100,000 deep
        raise _BadManifest("is not valid JSON") from None
    files = data.get("files") if isinstance(data, dict) else None
    digests = data.get("sha256", {}) if isinstance(data, dict) else None
    if (not isinstance(files, list) or not all(isinstance(name, str) for name in files)
            or not isinstance(digests, dict)
            or not all(isinstance(v, str) for v in digests.values())):
        raise _BadManifest('is not a list of files ({"files": [...], "sha256": {...}})')
    safe = []
    for name in files:
        if not name or "\\" in name or "\x00" in name:
            continue
        path = PurePosixPath(name)
        if path.is_absolute() or any(part in ("", ".", "..") for part in name.split("/")):
            continue
        if name == MANIFEST:
            continue
        safe.append(name)
    return Manifest(safe, {k: v for k, v in digests.items() if isinstance(k, str)})


def _manifest(files: Sequence[str], digests: dict[str, str]) -> bytes:
    return (json.dumps({"generator": "brief site", "version": 2, "files": sorted(files),
                        "sha256": {f: digests[f] for f in sorted(files) if f in digests}},
                       indent=0) + "\n").encode("utf-8")


def _read(fd: int, limit: int) -> bytes:
    """At most `limit` bytes of the open file `fd` (all of it when `limit` is -1)."""
    with os.fdopen(fd, "rb", closefd=False) as f:
        return f.read(limit)


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


class _Folders:
    """The folders of the site, open: every file is reached from one of these, by a name
    without '/', so no link on the way is ever followed. Made in the process that forks
    the workers, so that they share them."""

    def __init__(self, folder: Path, root: int) -> None:
        self.folder = folder
        self.fds: dict[str, int] = {"": root}

    def open(self, paths: Sequence[str]) -> None:
        """Open (making them as needed) the folders of `paths`; raises BriefError when one
        of them is a link or not a folder: the site is never written through a link."""
        for path in sorted({p.rpartition("/")[0] for p in paths}):
            parent = ""
            for part in path.split("/") if path else ():
                here = f"{parent}/{part}" if parent else part
                if here not in self.fds:
                    with suppress(FileExistsError):
                        os.mkdir(part, dir_fd=self.fds[parent])
                    try:
                        self.fds[here] = os.open(part, _FOLDER, dir_fd=self.fds[parent])
                    except OSError as exc:
                        if exc.errno not in (errno.ELOOP, errno.ENOTDIR):
                            raise OSError(exc.errno, exc.strerror,
                                          str(self.folder / here)) from None
                        what = ("a link" if stat.S_ISLNK(os.stat(
                            part, dir_fd=self.fds[parent], follow_symlinks=False).st_mode)
                            else "not a folder")
                        raise BriefError(
                            f"{self.folder / here} is {what}; the site needs a folder there "
                            "(brief never writes through a link): move it away, or build "
                            "into another folder"
                        ) from None
                parent = here

    def close(self) -> None:
        for key, fd in self.fds.items():
            if key:
                os.close(fd)
        self.fds = {"": self.fds[""]}


class _Writer:
    """Writes the files of one share of the jobs, counting what it did."""

    def __init__(self, folders: _Folders) -> None:
        self.folders = folders
        self.written = self.unchanged = self.size = 0
        self.digests: dict[str, str] = {}

    def put(self, page: Page) -> None:
        where, _, name = page.path.rpartition("/")
        folder = self.folders.fds[where]
        self.size += len(page.content)
        self.digests[page.path] = _digest(page.content)
        try:
            if self._holds(folder, name, page):
                self.unchanged += 1
                return
            # Atomic, not flushed to disk one by one: a page is cheap to write again, and
            # a hundred thousand fsyncs would take minutes. A link there is replaced.
            replace_at(folder, name, page.content, durable=False)
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror, str(self.folders.folder / page.path)) from None
        self.written += 1

    def _holds(self, folder: int, name: str, page: Page) -> bool:
        """Whether the file `name` is a regular file with the page's content (a link is
        never read through: it is not the page)."""
        try:
            fd = os.open(name, _READ, dir_fd=folder)
        except FileNotFoundError:
            return False
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return False
            raise
        try:
            mode = os.fstat(fd)
            if stat.S_ISDIR(mode.st_mode):
                raise BriefError(f"{self.folders.folder / page.path} is a folder; "
                                 "the site needs it to be a file")
            return (stat.S_ISREG(mode.st_mode) and mode.st_size == len(page.content)
                    and _read(fd, len(page.content) + 1) == page.content)
        finally:
            os.close(fd)

    def run(self, k: Knowledge, share: int, shares: int,
            progress: Callable[[int, int], None] | None = None) -> _Share:
        """Make and write the jobs `n` with `n % shares == share`. `progress` is told of
        the whole build's files, as estimated from this share's."""
        total = planned_pages(k)
        for n, job in enumerate(_jobs(k)):
            if n % shares != share:
                continue
            self.put(job.make())
            if progress is not None and n % 256 < shares:
                progress(n, max(total, n))
        return _Share(self.written, self.unchanged, self.size, self.digests)


class _Share(NamedTuple):
    """What one process wrote: counts, bytes, and the digest of each of its files."""

    written: int
    unchanged: int
    size: int
    digests: dict[str, str]


def workers_for(jobs: int) -> int:
    """Processes to build with: one per CPU (at most 4) for a large site, where the
    start of a process is worth it, on systems that fork; else one."""
    if jobs < PARALLEL_FROM or not hasattr(os, "fork") or not sys.platform.startswith("linux"):
        return 1
    return max(1, min(4, len(os.sched_getaffinity(0))))


def _build(k: Knowledge, folders: _Folders, workers: int,
           progress: Callable[[int, int], None] | None) -> _Share:
    """Write every file, in `workers` processes: this one and forked ones, each making
    and writing its share (the knowledge is shared by the fork, not copied or sent)."""
    if workers <= 1:
        return _Writer(folders).run(k, 0, 1, progress)
    import multiprocessing

    context = multiprocessing.get_context("fork")
    # What exists now is shared with the workers copy-on-write; the collector walking
    # it in each of them would copy it all (measured: most of the gain of a second
    # worker lost). Freezing keeps it out of the collector's walks.
    gc.freeze()
    children = []
    parent = os.getpid()
    for share in range(1, workers):
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_child,
                                args=(k, folders, share, workers, send, parent), daemon=True)
        child.start()
        send.close()
        children.append((child, receive))
    gc.unfreeze()
    mine = _Writer(folders).run(k, 0, workers, progress)
    totals = [mine.written, mine.unchanged, mine.size]
    digests = mine.digests
    failures = []
    for child, receive in children:
        try:
            result = receive.recv()
        except EOFError:
            result = f"a worker ended with exit code {child.exitcode}"
        child.join()
        if isinstance(result, str):
            failures.append(result)
        else:
            totals = [a + b for a, b in zip(totals, result[:3], strict=True)]
            digests.update(result.digests)
    if failures:
        raise BriefError(f"cannot write the site into {folders.folder}: {failures[0]}")
    return _Share(totals[0], totals[1], totals[2], digests)


def _die_with_parent(parent: int) -> None:
    """Have the kernel end this worker when the process that forked it ends (Linux's
    PR_SET_PDEATHSIG): a build killed midway must not leave workers writing."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the pipe's end is then all there is
        pass
    if os.getppid() != parent:  # it ended before the call above
        os._exit(1)


def _child(k: Knowledge, folders: _Folders, share: int, shares: int, send: Any,
           parent: int) -> None:
    """A worker process: its share of the files, then its counts (or what went wrong)."""
    _die_with_parent(parent)
    try:
        send.send(_Writer(folders).run(k, share, shares))
    except (OSError, BriefError) as exc:
        send.send(str(exc.message if isinstance(exc, BriefError) else _os_message(exc)))
    finally:
        send.close()


def _os_message(exc: OSError) -> str:
    where = f"{exc.filename}: " if exc.filename else ""
    return f"{where}{exc.strerror or exc}"


def _lock(folder: Path, root: int) -> None:
    """Hold the folder's lock until `root` is closed; SiteBusy when another build does.
    A file system without locks (some network ones) builds unlocked."""
    try:
        import fcntl
    except ImportError:  # not POSIX
        return
    try:
        fcntl.flock(root, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise SiteBusy(folder) from None
    except OSError:
        pass


def build_site(
    conn: sqlite3.Connection, folder: Path, *, force: bool = False,
    progress: Callable[[int, int], None] | None = None, workers: int | None = None,
) -> SiteReport:
    """Write the static site of the knowledge in `conn` into `folder` (made if missing).

    Raises NotASite (a usage error) when the folder holds files but no manifest, or a
    manifest that is not one, and `force` is false; SiteBusy when another build holds
    the folder's lock; BriefError when it cannot be written. `progress(done, total)` is
    called every few hundred files (`total` an estimate). `workers`: processes to build
    with (default: `workers_for` the size of the site).
    """
    if folder.exists() and not folder.is_dir():
        raise BriefError(f"{folder} exists and is not a folder", ExitCode.USAGE)
    if os.open not in os.supports_dir_fd or not _NOFOLLOW & getattr(os, "O_NOFOLLOW", 0):
        raise BriefError("brief site needs a system that opens files relative to a folder "
                         "without following links (POSIX)")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        root = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as exc:
        raise _cannot_write(folder, exc) from None
    folders = _Folders(folder, root)
    try:
        _lock(folder, root)
        try:
            old = _read_manifest(root)
        except _BadManifest as exc:
            if not force:
                raise NotASite(folder, str(exc)) from None
            old = Manifest([], {})
        if old is None:
            if os.listdir(root) and not force:
                raise NotASite(folder)
            old = Manifest([], {})
        knowledge = Knowledge(conn)
        paths = [job.path for job in _jobs(knowledge)]
        current = set(paths)
        known = {name for name in old.files if is_site_path(name)}
        if current - known:
            # Listed before the first folder or page is made: a build killed midway leaves
            # a brief site, which the next build recognises (and leaves what it cannot check).
            _write_manifest(folder, root, _manifest(sorted(known | current), old.digests))
        folders.open(paths)
        share = _build(knowledge, folders, workers or workers_for(len(paths)), progress)
        removed = sum(
            _remove(root, name, old.digests.get(name, ""))
            for name in sorted(known - current)
        )
        _write_manifest(folder, root, _manifest(sorted(current), share.digests))
    except OSError as exc:
        raise _cannot_write(folder, exc) from None
    finally:
        folders.close()
        os.close(root)
    return SiteReport(share.written, share.unchanged, removed, len(paths), share.size)


def _write_manifest(folder: Path, root: int, data: bytes) -> None:
    try:
        replace_at(root, MANIFEST, data)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(folder / MANIFEST)) from None


def _cannot_write(folder: Path, exc: OSError) -> BriefError:
    where = f" {exc.filename}:" if exc.filename else ""
    return BriefError(f"cannot write the site into {folder}:{where} {exc.strerror or exc}")


def _remove(root: int, name: str, digest: str) -> bool:
    """Remove the file `name` below the folder open as `root` when it is a regular file
    whose sha256 is `digest` (what brief wrote there), reached through real folders only
    (a link on the way, or as the file, leaves it be); then the folders that left empty,
    up to the site's root and never through a link. Whether it was removed."""
    if not re.fullmatch(r"[0-9a-f]{64}", digest):
        return False  # not recorded (an older brief's manifest): kept, it cannot be checked
    parts = name.split("/")
    fds = [root]
    try:
        for part in parts[:-1]:
            try:
                fds.append(os.open(part, _FOLDER, dir_fd=fds[-1]))
            except OSError:
                return False
        here = fds[-1]
        try:
            fd = os.open(parts[-1], _READ, dir_fd=here)
        except OSError:
            return False
        try:
            mode = os.fstat(fd)
            if not stat.S_ISREG(mode.st_mode) or _digest(_read(fd, -1)) != digest:
                return False
        finally:
            os.close(fd)
        now = os.stat(parts[-1], dir_fd=here, follow_symlinks=False)
        if (now.st_dev, now.st_ino) != (mode.st_dev, mode.st_ino):
            return False  # replaced meanwhile
        os.unlink(parts[-1], dir_fd=here)
        for depth in range(len(parts) - 1, 0, -1):
            try:  # rmdir never follows a link: a link there ends the pruning
                os.rmdir(parts[depth - 1], dir_fd=fds[depth - 1])
            except OSError:
                break
        return True
    finally:
        for fd in fds[1:]:
            os.close(fd)


__all__ = [
    "MANIFEST",
    "NotASite",
    "SiteBusy",
    "SiteReport",
    "build_site",
    "file_stem",
    "is_site_path",
    "record_path",
    "search_index",
    "tag_path",
    "timeline_path",
]
