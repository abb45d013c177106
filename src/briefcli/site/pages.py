"""The pages of the site: one job per page, rendered from the knowledge in memory with
the fragments of `briefcli.render.html`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import NamedTuple

from briefcli.knowledge.model import (
    BriefingPage,
    Definition,
    Entity,
    Timeline,
)
from briefcli.render import html as h
from briefcli.render.common import entity_label, event_when, short_date
from briefcli.site.memory import Knowledge, SiteLinks
from briefcli.site.paths import (
    LATEST,
    PROFILE_EVENTS,
    PROFILE_MENTIONS,
    PROFILE_REFERRERS,
    SEARCH_INDEX,
    SEARCH_SCRIPT,
    STYLESHEET,
    glossary_letter,
    record_path,
    tag_path,
    timeline_path,
)
from briefcli.site.search import SEARCH_JS, search_index
from briefcli.text import fold, term_key

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
