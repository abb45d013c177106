"""The pages of the site: one job per page, rendered from the knowledge in memory with
the fragments of `briefcli.render.html`."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import partial
from typing import NamedTuple
from urllib.parse import quote

from briefcli.knowledge.model import (
    Briefing,
    BriefingPage,
    Definition,
    Entity,
    Event,
    Faq,
    Source,
    Timeline,
)
from briefcli.problems import BriefError
from briefcli.render import html as h
from briefcli.render.common import entity_label, event_when, human_date, short_date
from briefcli.site.memory import TAG, Knowledge, SiteLinks, record_key
from briefcli.site.paths import (
    LATEST,
    PROFILE_EVENTS,
    PROFILE_MENTIONS,
    PROFILE_REFERRERS,
    SEARCH_SCRIPT,
    SEARCH_SHARDS,
    SITEMAP,
    STYLESHEET,
    glossary_letter,
    record_path,
    tag_path,
    timeline_path,
)
from briefcli.site.search import SEARCH_JS, SEARCH_KINDS, search_jobs_files
from briefcli.text import fold, term_key

# -- pages ----------------------------------------------------------------------------


def _depth(path: str) -> int:
    return path.count("/")


def _nav(k: Knowledge, links: SiteLinks, search: bool = True) -> str:
    def a(path: str, text: str, cls: str = "") -> str:
        return h.link(links.root(path), text, cls)

    return (
        '<nav class="site-nav">'
        + a("index.html", h.esc_line(k.options.title), "home")
        + a("briefing/index.html", "Briefings")
        + a("glossary/index.html", "Glossary") + a("tag/index.html", "Tags")
        + (f'<form action="{links.root("index.html")}" method="get" role="search">'
           '<input type="search" name="q" placeholder="Search…" aria-label="Search"></form>'
           if search else "")
        + "</nav>\n"
    )


class Page(NamedTuple):
    path: str  # relative to the site's root, with '/'
    content: bytes


class Job:
    """A file of the site, made only when `make` is called: a worker makes its share.
    `key` is the digest of what the file shows (`Knowledge.inputs`), computed when first
    asked for (or set by the build to the one the last build recorded, when nothing the
    page is about changed: `site.changes`): a file whose key is the one the last build
    recorded, and that is still as that build left it, is not made again. `subjects`:
    what the page is about (a record, a tag); none for a page that lists the knowledge,
    whose key is always computed."""

    __slots__ = ("path", "subjects", "_key", "_make", "_inputs")

    def __init__(self, path: str, make: Callable[[], Page], key: str | Callable[[], str],
                 subjects: tuple[str, ...] = ()) -> None:
        self.path = path
        self.subjects = subjects
        self._make = make
        self._key: str | None = key if isinstance(key, str) else None
        self._inputs = key

    @property
    def key(self) -> str:
        if self._key is None:
            self._key = self._inputs() if callable(self._inputs) else self._inputs
        return self._key

    @key.setter
    def key(self, value: str) -> None:
        self._key = value

    def make(self) -> Page:
        return self._make()


# Every call of `_render`, counted (a test checks which pages a rebuild renders).
RENDERED: list[str] = []

# What a page's `build` returns: its title, its body, and the inputs its key is made of.
Parts = tuple[str, Callable[[SiteLinks], str], Sequence[object]]


class _PageJob(Job):
    """A page: its title, body and inputs are made by `build` when first needed (by its
    key or by `make`), once."""

    __slots__ = ("_k", "_build", "_parts", "_scripts")

    def __init__(self, knowledge: Knowledge, path: str, build: Callable[[], Parts],
                 subjects: tuple[str, ...], scripts: Sequence[str]) -> None:
        self.path = path
        self.subjects = subjects
        self._key = None
        self._k = knowledge
        self._build = build
        self._parts: Parts | None = None
        self._scripts = scripts

    def parts(self) -> Parts:
        if self._parts is None:
            self._parts = self._build()
        return self._parts

    @property
    def key(self) -> str:
        if self._key is None:
            title, _, inputs = self.parts()
            self._key = self._k.inputs(self.path, title, *inputs)
        return self._key

    @key.setter
    def key(self, value: str) -> None:
        self._key = value

    def make(self) -> Page:
        title, body, _ = self.parts()
        return _render(self._k, self.path, title, body, self._scripts)


def _page(knowledge: Knowledge, path: str, build: Callable[[], Parts],
          subjects: tuple[str, ...] = (), scripts: Sequence[str] = ()) -> Job:
    """A page whose title, body and inputs are made by `build` when first needed."""
    return _PageJob(knowledge, path, build, subjects, scripts)


def _render(knowledge: Knowledge, path: str, title: str,
            body: Callable[[SiteLinks], str], scripts: Sequence[str]) -> Page:
    RENDERED.append(path)
    links = SiteLinks(knowledge, _depth(path))
    options = knowledge.options
    text = h.document(  # the home page has its own search box, and no other page a script
        title if path == "index.html" else f"{title} · {options.title}",
        body(links) + _footer(knowledge), stylesheet=links.root(STYLESHEET),
        nav=_nav(knowledge, links, not scripts), scripts=[links.root(s) for s in scripts],
    )
    head = ""
    if options.description:
        head += f'<meta name="description" content="{h.esc(options.description)}">\n'
    if options.base_url:
        head += f'<link rel="canonical" href="{h.esc(canonical(options.base_url, path))}">\n'
    if head:
        text = text.replace("</head>", head + "</head>", 1)
    return Page(path, text.encode("utf-8"))


def canonical(base_url: str, path: str) -> str:
    """The address of the page `path` on the site published at `base_url`."""
    if path == "index.html":
        path = ""
    elif path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return base_url.rstrip("/") + "/" + quote(path)


def _footer(k: Knowledge) -> str:
    when = f", as of {h.esc(human_date(k.newest))}" if k.newest else ""
    return (f'\n<footer class="meta site-built">{h.esc_line(k.options.title)}: built from '
            f"the knowledge{when}.</footer>")


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


def placeholder(k: Knowledge) -> str:
    """The search box's example: the acronyms (or names) the knowledge links to most."""
    linked = sorted(k.entities.values(),
                    key=lambda e: (-len(k.referrers.get(e.id, ())), k.order[("entity", e.id)]))
    names = list(dict.fromkeys(" ".join((e.acronym or e.name).split()) for e in linked[:12]))
    return ", ".join(n for n in names[:3] if n) + "…" if names else "Search…"


def _home(k: Knowledge) -> Job:
    latest = sorted(k.briefings.values(), key=k.date_key, reverse=True)[:LATEST]
    example = placeholder(k)

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
            f"<h1>{h.esc_line(k.options.title)}</h1>"
            + (f'<p class="lead">{h.esc_line(k.options.description)}</p>'
               if k.options.description else "")
            + '<div class="search-page">'
            '<form method="get" role="search" class="no-print">'
            '<label for="q" class="meta">Search names, acronyms, events, questions and '
            'briefings</label><br><input type="search" id="q" name="q" autocomplete="off" '
            f'placeholder="{h.esc(example)}"></form>'
            '<p id="search-status" class="meta" aria-live="polite"></p>'
            '<ol id="search-results" class="plain hits"></ol></div>'
            "<h2>Latest briefings</h2>"
            + (h.listing_html(latest, "", links).split("</h1>", 1)[1] if latest
               else "<p>No briefings yet.</p>")
            + f"<h2>What this site holds</h2><p>{held}.</p>"
        )

    counts = (len(k.briefings), len(k.entities), len(k.events), len(k.faqs), len(k.sources),
              len(k.tag_names))
    return _page(k, "index.html", lambda: (k.options.title, body, [latest, counts, example]),
                 scripts=[SEARCH_SHARDS, SEARCH_SCRIPT])


def _briefing_pages(k: Knowledge) -> Iterator[Job]:
    def briefing(b: Briefing) -> Parts:
        events = sorted(k.resolve("event", b.events), key=k.date_key)
        page = BriefingPage(b, k.resolve("entity", b.entities), events,
                            k.resolve("faq", b.faqs), k.resolve("source", b.sources))
        return (b.title, partial(h.briefing_html, page),
                [b, page.entities, page.events, page.faqs, page.sources])

    for b in k.briefings.values():
        yield _page(k, record_path("briefing", b.id), partial(briefing, b),
                    (record_key("briefing", b.id),))
    every = sorted(k.briefings.values(), key=k.date_key, reverse=True)
    yield _page(k, "briefing/index.html", lambda: (
        "Briefings", lambda links: h.listing_html(every, "", links), [every]))


def _entity_pages(k: Knowledge) -> Iterator[Job]:
    def body(e: Entity, others: list[Entity], links: SiteLinks) -> str:
        return h.definition_html(_definition(k, e), links, heading="h1") + _senses(
            e, others, links)

    def entity(e: Entity) -> Parts:
        others = k.other_senses(e)
        referrers = k.referrers.get(e.id, [])
        return (entity_label(e), partial(body, e, others),
                [e, k.resolve("entity", e.related), referrers[:PROFILE_REFERRERS],
                 len(referrers), k.events_of.get(e.id, []),
                 k.resolve("source", e.sources), k.faqs_of.get(e.id, []),
                 k.briefings_of.get(e.id, []), k.copies.get(e.id, []), others])

    for e in k.entities.values():
        yield _page(k, record_path("entity", e.id), partial(entity, e),
                    (record_key("entity", e.id),))


def _senses(e: Entity, others: Sequence[Entity], links: SiteLinks) -> str:
    """Every other sense of the entity's acronym, as `define` lists the senses."""
    if not others or not e.acronym:
        return ""
    items = "".join(
        f"<dt>{h.entity_link(o, links)}</dt>"
        + (f"<dd>{h.esc_line(o.gloss)}</dd>" if o.gloss else "")
        for o in others
    )
    count = len(others) + 1
    return (f'<section class="senses"><h2>{h.esc_line(e.acronym)}: {count} senses</h2>'
            f'<p class="meta">This is one of them; the others:</p><dl class="who">{items}</dl>'
            "</section>")


def _event_pages(k: Knowledge) -> Iterator[Job]:
    def event(ev: Event) -> Parts:
        entities = k.resolve("entity", ev.entities)
        sources = k.resolve("source", ev.sources)
        when = short_date(ev.date) + (f" – {short_date(ev.end)}" if ev.end else "")
        return (f"{ev.title} ({when})", partial(h.event_html, ev, entities, sources),
                [ev, entities, sources])

    for ev in k.events.values():
        yield _page(k, record_path("event", ev.id), partial(event, ev),
                    (record_key("event", ev.id),))


def _faq_pages(k: Knowledge) -> Iterator[Job]:
    def faq(f: Faq) -> Parts:
        entities = k.resolve("entity", f.entities)
        return (f.question, partial(h.faq_html, f, entities), [f, entities])

    for f in k.faqs.values():
        yield _page(k, record_path("faq", f.id), partial(faq, f), (record_key("faq", f.id),))


def _source_pages(k: Knowledge) -> Iterator[Job]:
    def source(s: Source) -> Parts:
        cited = k.cited_by.get(s.id, [])
        return (s.title, partial(h.source_page_html, s, cited), [s, cited])

    for s in k.sources.values():
        yield _page(k, record_path("source", s.id), partial(source, s),
                    (record_key("source", s.id),))


def _timeline_pages(k: Knowledge) -> Iterator[Job]:
    def timeline(title: str, events: list[Event]) -> Parts:
        made = Timeline(title, events)
        return (title, partial(_timeline, k, made), [events])

    for eid, events in k.events_of.items():
        yield _page(k, timeline_path("entity", eid),
                    partial(timeline, f"Timeline of {k.entities[eid].name}", events),
                    (record_key("entity", eid),))
    for key, events in k.tag_events.items():
        yield _page(k, timeline_path("tag", key),
                    partial(timeline, f"Timeline of {k.tag_names[key]}", events), (TAG + key,))


# Timeline pictures drawn in this build, by the digest of their events (with the
# renderer's version): an entity and a tag with the same events share one drawing.
PICTURES: dict[str, str] = {}
DRAWN: list[str] = []  # the title of every picture drawn (a test counts them)


def _timeline(k: Knowledge, timeline: Timeline, links: SiteLinks) -> str:
    key = k.inputs(timeline.title, timeline.events)
    picture = PICTURES.get(key)
    if picture is None:
        DRAWN.append(timeline.title)
        picture = PICTURES[key] = h.timeline_picture(timeline)
    text = h.timeline_html(timeline, links, picture=False)
    head, _, rest = text.partition("</h1>")
    return f"{head}</h1>{picture}{rest}"


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

    def tag(key: str) -> Parts:
        return (f"Tag: {k.tag_names[key]}", partial(tag_body, key),
                [k.tag_names[key], k.tag_entities.get(key, []),
                 len(k.tag_events.get(key, [])),
                 k.tag_events[key][-1] if k.tag_events.get(key) else None])

    for key in keys:
        yield _page(k, tag_path(key), partial(tag, key), (TAG + key,))

    def index(links: SiteLinks) -> str:
        items = "".join(
            f"<li>{h.link(links.tag(key), h.esc_line(k.tag_names[key]))} "
            f'<span class="meta">{len(k.tag_entities.get(key, [])):,} entities, '
            f"{len(k.tag_events.get(key, [])):,} events</span></li>"
            for key in keys
        )
        return f'<h1>Tags</h1><ul class="plain listing">{items}</ul>' if keys else (
            "<h1>Tags</h1><p>No tags.</p>")

    yield _page(k, "tag/index.html", lambda: ("Tags", index, [[
        (key, k.tag_names[key], len(k.tag_entities.get(key, [])),
         len(k.tag_events.get(key, []))) for key in keys]]))


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
            folded = fold(term)
            letters[glossary_letter(term, folded)].append((folded, term, e))
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
        yield _page(k, f"glossary/{c}.html", partial(
            lambda c: (f"Glossary: {c.upper()}", partial(letter_body, c),
                       [order, [e for _, _, e in letters[c]]]), c))

    def index(links: SiteLinks) -> str:
        counts = "".join(
            f"<li>{h.link(links.root(f'glossary/{c}.html'), c.upper() if c != 'other' else '#')}"
            f' <span class="meta">{len(letters[c]):,}</span></li>' for c in order
        )
        return f'<h1>Glossary</h1><ul class="letters">{counts}</ul>' if order else (
            "<h1>Glossary</h1><p>No entities.</p>")

    yield _page(k, "glossary/index.html", lambda: (
        "Glossary", index, [[(c, len(letters[c])) for c in order]]))



def _jobs(k: Knowledge, known: Mapping[str, tuple[str, int]] | None = None) -> Iterator[Job]:
    """Every file of the site, in a fixed order. `known`: the digests of inputs the last
    build recorded, by file (the search's files are then not made when the records it
    holds are those of the last build)."""
    yield Job(STYLESHEET, partial(Page, STYLESHEET, h.CSS.encode("utf-8")), k.inputs)
    yield Job(SEARCH_SCRIPT, partial(Page, SEARCH_SCRIPT, SEARCH_JS.encode("utf-8")),
              k.inputs)
    pages = [_home(k)]
    for jobs in (_briefing_pages, _glossary_pages, _tag_pages, _entity_pages, _faq_pages,
                 _source_pages, _timeline_pages, _event_pages):
        pages.extend(jobs(k))
    yield from pages
    yield from search_jobs(k, known or {})
    if k.options.base_url:
        paths = [job.path for job in pages]
        yield Job(SITEMAP, partial(_sitemap, k.options.base_url, paths),
                  partial(k.inputs, SITEMAP, paths))


def _sitemap(base_url: str, paths: Sequence[str]) -> Page:
    """sitemap.xml: the address of every page (no dates: the pages say when)."""
    from xml.sax.saxutils import escape

    urls = "".join(f"<url><loc>{escape(canonical(base_url, p))}</loc></url>\n" for p in paths)
    return Page(SITEMAP, (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{urls}</urlset>\n").encode())


def search_jobs(k: Knowledge, known: Mapping[str, tuple[str, int]]) -> Iterator[Job]:
    """The files of the search, whose key is the digest of every record searched (and
    of the build's own inputs): when the last build's files of the search all had this
    key, they are those files again, and none is made unless its file is no longer as
    that build left it; else they are made once and compared with the disk."""
    key = search_key(k)
    before = [path for path, (digest, _) in known.items()
              if path.startswith("search/") and digest == key]
    if before and all(digest == key for path, (digest, _) in known.items()
                      if path.startswith("search/")):
        for path in sorted(before):
            yield Job(path, partial(_search_file, k, path), key)
        return
    for f in search_jobs_files(k):
        yield Job(f.path, partial(Page, f.path, f.content), key)


def _search_file(k: Knowledge, path: str) -> Page:
    """A file of the search, made again (all of them are made once per build)."""
    for f in search_jobs_files(k):
        if f.path == path:
            return Page(f.path, f.content)
    raise BriefError(f"the search has no file {path}; build the site into an empty folder")


def search_key(k: Knowledge) -> str:
    """The digest of what the search holds: every searched record (its digest, so its
    data, file and line) in the order of the knowledge, with the build's own inputs."""
    parts = [k.base]
    for kind in SEARCH_KINDS:
        parts.append(kind)
        parts.extend(k.digests[(kind, rid)] for rid in k.records[kind])
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=16).hexdigest()


def planned_pages(k: Knowledge) -> int:
    """About how many files a build writes, for progress."""
    return (
        4 + len(k.briefings) + 1 + len(k.entities) + len(k.events) + len(k.faqs)
        + len(k.sources) + len(k.events_of) + 2 * len(k.tag_events) + len(k.tag_names) + 30
    )


# POSIX flags (0 where a system lacks one, so that the module still imports there).
