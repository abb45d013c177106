"""The HTML renderer: the terminal's views as standalone HTML5 pages.

Each call writes one page: `<!doctype html>`, language, charset and viewport, an inline
style sheet that reads on a screen, on a phone and on paper, no script and nothing
loaded from elsewhere. Pages are built from small functions that return HTML fragments
(`briefing_html`, `definition_html`, `timeline_html`, ...), so that the static site
(`briefcli.site.build`) puts exactly the same fragments on its pages, with links between them.

Every text from the knowledge goes through `esc()`: controls and bidirectional
overrides made visible (XML 1.0 forbids most control characters), then HTML-escaped.
A url becomes a link only through `render.common.link_target`.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from importlib import import_module

from briefcli.knowledge.model import (
    Briefing,
    BriefingPage,
    Definition,
    Entity,
    Event,
    Faq,
    FaqResult,
    Headwords,
    Listing,
    SearchResult,
    ShowResult,
    Timeline,
)
from briefcli.knowledge.model import Source as SourceRecord
from briefcli.render import Output
from briefcli.render.common import (
    copies_text,
    entity_label,
    event_when,
    group_by_year,
    group_definitions,
    hit_date,
    human_date,
    link_target,
    matches_label,
    more_notes,
    period_label,
    senses_label,
    short_date,
)
from briefcli.render.views import profile_fields
from briefcli.text import split_marks, visible

CSS = """\
:root{color-scheme:light dark;--fg:#1d1d1f;--bg:#fff;--dim:#5f6368;--line:#d8dce0;
--accent:#0b5cad;--mark:#ffe58a;--panel:#f4f6f8}
@media (prefers-color-scheme:dark){:root{--fg:#e8eaed;--bg:#17181a;--dim:#a0a6ad;
--line:#3a3d41;--accent:#8ab4f8;--mark:#6b5a00;--panel:#222427}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);
font:1.0625rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
main,.site-nav{max-width:46rem;margin:0 auto;padding:0 1rem}
main{padding-bottom:3rem}
h1{font-size:1.75rem;line-height:1.25;margin:1.5rem 0 .5rem}
h2{font-size:1.25rem;margin:2rem 0 .5rem;padding-bottom:.2rem;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:1.25rem 0 .25rem}
p,ul,ol,dl{margin:.5rem 0}
a{color:var(--accent);text-decoration-thickness:1px;text-underline-offset:2px}
mark{background:var(--mark);color:inherit;padding:0 .1em;border-radius:2px}
.date,.dim,.note,.meta{color:var(--dim)}
.date{white-space:nowrap;font-variant-numeric:tabular-nums}
.id{color:var(--dim);font-size:.85em;word-break:break-all}
.summary{font-size:1.1rem}
.lead{background:var(--panel);border-radius:6px;padding:.75rem 1rem;margin:1rem 0}
.lead h1{margin-top:0}
ul.plain,ol.plain{list-style:none;padding:0}
.events li,.hits li,.listing li{margin:.35rem 0}
.events .date{display:inline-block;min-width:7.5rem;margin-right:.5rem}
dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dl.fields dt{font-weight:600;color:var(--dim)}
dl.fields dd{margin:0}
dl.who dt{font-weight:600;margin-top:.5rem}
dl.who dd{margin:0 0 0 1rem}
.faq dt{font-weight:600;margin-top:.75rem}
.faq dd{margin:.2rem 0 0 1rem}
figure.picture{margin:1rem 0;overflow-x:auto}
figure.picture svg{max-width:100%;height:auto}
hr.between{border:0;border-top:3px double var(--line);margin:2.5rem 0}
.site-nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center;padding-top:.75rem;
padding-bottom:.75rem;border-bottom:1px solid var(--line)}
.site-nav .home{font-weight:700}
.site-nav form{margin-left:auto}
input[type=search]{font:inherit;padding:.3rem .5rem;border:1px solid var(--line);
border-radius:4px;background:var(--bg);color:var(--fg);width:100%;max-width:22rem}
.search-page input[type=search]{max-width:100%;font-size:1.15rem}
.letters{display:flex;flex-wrap:wrap;gap:.3rem .6rem;padding:0;list-style:none}
@media (max-width:34rem){body{font-size:1rem}h1{font-size:1.45rem}
dl.fields{grid-template-columns:1fr}dl.fields dd{margin-bottom:.4rem}
.events .date{display:block;min-width:0}.site-nav form{margin-left:0;width:100%}
figure.picture svg{max-width:none;width:45rem}}
@media print{:root{--fg:#000;--bg:#fff;--dim:#444;--line:#999;--accent:#000;--panel:#fff}
body{font:11pt/1.4 Georgia,"Times New Roman",serif}
main{max-width:none;padding:0}
.site-nav,form,.no-print{display:none}
a{text-decoration:none}
a[href^="http"]::after{content:" <" attr(href) ">";font-size:.85em;word-break:break-all}
h1,h2,h3{break-after:avoid}
li,dd,dt,figure,.lead{break-inside:avoid}
mark{background:none;font-weight:700}
.lead{border:1px solid var(--line)}}
"""


def esc(text: str | None) -> str:
    """Knowledge text as HTML text: controls made visible, then escaped (quotes too)."""
    return html.escape(visible(text or ""), quote=True)


def esc_line(text: str | None) -> str:
    """Like `esc`, with runs of white space (newlines too) as one space."""
    return esc(" ".join((text or "").split()))


def marked(text: str) -> str:
    """A search title or snippet with its matched words in `<mark>`."""
    return "".join(
        f"<mark>{esc(part)}</mark>" if matched else esc(part)
        for part, matched in split_marks(" ".join(text.split()))
    )


class Links:
    """Where the pages of records, timelines and tags are, relative to the page being
    written. This one knows of no pages (a standalone page links nowhere of its own);
    the static site passes one that does."""

    def record(self, kind: str, record_id: str) -> str | None:
        return None

    def timeline(self, kind: str, key: str) -> str | None:
        """The timeline page of an entity (`kind` "entity", key its id) or a tag."""
        return None

    def tag(self, tag: str) -> str | None:
        return None


NO_LINKS = Links()


def link(href: str | None, inner_html: str, css_class: str = "") -> str:
    """`inner_html` in an `<a>` when there is somewhere to go."""
    if not href:
        return inner_html
    cls = f' class="{css_class}"' if css_class else ""
    return f'<a href="{html.escape(href, quote=True)}"{cls}>{inner_html}</a>'


def external(url: str | None, inner_html: str) -> str:
    """A link out of the site, only to what `link_target` accepts."""
    target = link_target(url)
    if not target:
        return inner_html
    return f'<a href="{html.escape(target, quote=True)}" rel="noopener noreferrer">{inner_html}</a>'


def paragraphs(texts: Iterable[str | None], css_class: str = "") -> str:
    cls = f' class="{css_class}"' if css_class else ""
    return "".join(f"<p{cls}>{esc_line(t)}</p>" for t in texts if t)


def _date(text: str, machine: str | None = None) -> str:
    attr = f' datetime="{esc(machine)}"' if machine else ""
    return f'<time class="date"{attr}>{esc(text)}</time>'


def entity_link(entity: Entity, links: Links) -> str:
    return link(links.record("entity", entity.id), esc_line(entity_label(entity)))


def source_html(source: SourceRecord, links: Links = NO_LINKS) -> str:
    """`Title — Publisher, 12 March 2023`, the title a link to the url where it may be one;
    an address that may not be a link is shown as text."""
    out = external(source.url, esc_line(source.title))
    details = [esc_line(source.publisher)] if source.publisher else []
    if source.date:
        details.append(esc(human_date(source.date)))
    if details:
        out += f' <span class="meta">— {", ".join(details)}</span>'
    if source.url and not link_target(source.url):
        out += f' <span class="meta">({esc_line(source.url)})</span>'
    page = links.record("source", source.id)
    if page:
        out += " " + link(page, "(details)", "dim")
    return out


def sources_html(sources: Sequence[SourceRecord], links: Links = NO_LINKS) -> str:
    return '<ul class="sources">' + "".join(
        f"<li>{source_html(s, links)}</li>" for s in sources
    ) + "</ul>"


def events_html(
    events: Iterable[Event], links: Links = NO_LINKS, *, summaries: bool = False,
    senses: dict[str, str] | None = None,
) -> str:
    """A list of events: date, title (a link to its page where it has one), its sense when
    the topic has several, its summary with `summaries`."""
    items = []
    for e in events:
        title = link(links.record("event", e.id), esc_line(e.title))
        if senses and e.id in senses:
            title += f' <span class="dim">[{esc_line(senses[e.id])}]</span>'
        summary = f'<br><span class="dim">{esc_line(e.summary)}</span>' if (
            summaries and e.summary) else ""
        items.append(
            f"<li>{_date(event_when(e), e.date)} {title}{summary}</li>"
        )
    return '<ul class="plain events">' + "".join(items) + "</ul>"


def tags_html(tags: Sequence[str], links: Links = NO_LINKS) -> str:
    return ", ".join(link(links.tag(t), esc_line(t)) for t in tags)


# -- views as fragments -----------------------------------------------------------------


def briefing_html(page: BriefingPage, links: Links = NO_LINKS, heading: str = "h1") -> str:
    """A briefing: title, date, summary, body, key points, who's who, timeline, questions
    and sources."""
    b = page.briefing
    ident = "" if b.id == short_date(b.date) else f' <span class="id">· {esc(b.id)}</span>'
    out = [
        f'<article class="briefing" id="briefing-{esc(b.id)}"><header class="lead">'
        f"<{heading}>{esc_line(b.title)}</{heading}>"
        f"<p>{_date(human_date(b.date), b.date)}{ident}</p>",
        paragraphs([b.summary], "summary"),
        "</header>",
        paragraphs(b.body),
    ]
    if b.points:
        out.append("<h2>Key points</h2><ul>" + "".join(
            f"<li>{esc_line(p)}</li>" for p in b.points) + "</ul>")
    if page.entities:
        out.append('<h2>Who’s who</h2><dl class="who">' + "".join(
            f"<dt>{entity_link(e, links)}</dt>" + (f"<dd>{esc_line(e.gloss)}</dd>" if e.gloss
                                                   else "")
            for e in page.entities
        ) + "</dl>")
    if page.events:
        out.append("<h2>Timeline</h2>" + events_html(page.events, links))
    if page.faqs:
        out.append("<h2>Questions</h2>" + faqs_html(page.faqs, links))
    if page.sources:
        out.append("<h2>Sources</h2>" + sources_html(page.sources, links))
    out.append("</article>")
    return "".join(out)


def faqs_html(faqs: Sequence[Faq], links: Links = NO_LINKS) -> str:
    return '<dl class="faq">' + "".join(
        f'<dt>{link(links.record("faq", f.id), esc_line(f.question))}</dt>'
        f"<dd>{esc_line(f.answer)}</dd>"
        for f in faqs
    ) + "</dl>"


def listing_html(briefings: Sequence[Briefing], period: str, links: Links = NO_LINKS) -> str:
    """The briefings of a month or a year (`period` "" for all of them)."""
    title = f"Briefings of {esc(period_label(period))}" if period else "Briefings"
    items = [
        f"<li>{_date(short_date(b.date), b.date)} "
        f"{link(links.record('briefing', b.id), '<strong>' + esc_line(b.title) + '</strong>')}"
        + ("" if b.id == b.date else f' <span class="id">{esc(b.id)}</span>')
        + "</li>"
        for b in briefings
    ]
    body = f'<ul class="plain listing">{"".join(items)}</ul>' if items else "<p>No briefings.</p>"
    return f"<h1>{title}</h1>{body}"


def _event_notes(d: Definition, links: Links) -> list[str]:
    """A link to the entity's timeline (on a site), and what its profile leaves out."""
    e = d.entity
    timeline = links.timeline("entity", e.id)
    notes = []
    if timeline and (d.events or d.more_events):
        notes.append(link(timeline, f"The timeline of {esc_line(e.name)}"
                          + (f" ({d.more_events + len(d.events):,} events)")))
    for note in more_notes(d):
        if not (timeline and note.startswith(f"{d.more_events} earlier")):
            notes.append(esc(note))
    return [f'<p class="note">{n}</p>' for n in notes]


def definition_html(
    d: Definition, links: Links = NO_LINKS, number: int | None = None, heading: str = "h2",
) -> str:
    """An entity's profile: definition, kind, role, aliases, what it relates to and what
    names it (kept apart), the latest events, sources, where else it is written. An `h1`
    heading is the page's own title: it links nowhere."""
    e = d.entity
    prefix = f"{number}. " if number is not None else ""
    own = None if heading == "h1" else links.record("entity", e.id)
    out = [
        f'<section class="profile" id="entity-{esc(e.id)}">'
        f"<{heading}>{prefix}{link(own, esc_line(entity_label(e)))}"
        f' <span class="id">{esc(e.id)}</span></{heading}>',
        paragraphs([e.summary, e.description]),
    ]
    fields: list[tuple[str, str]] = []
    blocks: list[str] = []
    for key, label, value in profile_fields(d):
        if key in ("kind", "role", "file"):
            fields.append((label, esc_line(value)))
        elif key == "aliases":
            fields.append((label, esc_line(", ".join(value))))
        elif key == "tags":
            fields.append((label, tags_html(value, links)))
        elif key in ("related", "referrers"):
            fields.append((label, ", ".join(entity_link(r, links) for r in value)))
        elif key == "copies":
            # Where the copies are written, or (on a site, which is no place for the paths
            # of someone's files) links to their pages.
            pages = [links.record("entity", c.id) for c in value]
            shown = ", ".join(link(href, esc(c.id)) for c, href in zip(value, pages, strict=True)
                              ) if all(pages) else esc(copies_text(d))
            fields.append((label, f'<span class="dim">{shown}</span>'))
        elif key == "events":
            blocks.append(f"<h3>{label}</h3>" + events_html(value, links))
            blocks += _event_notes(d, links)
        elif key == "faqs":
            blocks.append(f"<h3>{label}</h3>" + faqs_html(value, links))
        elif key == "briefings":
            blocks.append(f'<h3>{label}</h3><ul class="plain listing">' + "".join(
                f"<li>{_date(short_date(b.date), b.date)} "
                f"{link(links.record('briefing', b.id), esc_line(b.title))}</li>"
                for b in value
            ) + "</ul>")
        elif key == "sources":
            blocks.append(f"<h3>{label}</h3>" + sources_html(value, links))
    if not d.events:
        blocks[:0] = _event_notes(d, links)
    if fields:
        out.append('<dl class="fields">' + "".join(
            f"<dt>{name}</dt><dd>{value}</dd>" for name, value in fields) + "</dl>")
    out += blocks
    out.append("</section>")
    return "".join(out)


def definitions_html(defs: Sequence[Definition], links: Links = NO_LINKS) -> str:
    """Every sense of each term asked for, a heading per term."""
    out = []
    for label, items in group_definitions(list(defs)):
        count = f' <span class="dim">({senses_label(len(items))})</span>' if len(items) > 1 else ""
        out.append(f"<h1>{esc_line(label)}{count}</h1>")
        for n, d in enumerate(items, 1):
            out.append(definition_html(d, links, n if len(items) > 1 else None))
    return "".join(out) or "<p>No definitions.</p>"


def _svg_writer() -> Callable[..., str] | None:
    """`briefcli.render.svg.timeline_svg`, when that module is there."""
    try:
        module = import_module("briefcli.render.svg")
    except ImportError:
        return None
    writer: Callable[..., str] | None = getattr(module, "timeline_svg", None)
    return writer


def timeline_picture(result: Timeline, width: int = 720, heading: bool = False) -> str:
    """The timeline drawn to scale, as inline SVG (nothing when it cannot be drawn), at
    about the width the page shows it; without its own heading, since the page has the
    timeline's title as its heading."""
    writer = _svg_writer()
    if writer is None or not result.events:
        return ""
    svg = writer(result, width=width, heading=heading)
    start = svg.find("<svg")
    if start < 0:
        return ""
    return f'<figure class="picture">{svg[start:]}</figure>'


def timeline_html(result: Timeline, links: Links = NO_LINKS, *, picture: bool = True) -> str:
    """A timeline: its title, the picture, the events grouped by year."""
    out = [f"<h1>{esc_line(result.title)}</h1>"]
    if picture:
        out.append(timeline_picture(result))
    for year, items in group_by_year(result.events):
        out.append(f'<h2 id="y{esc(year)}">{esc(year)}</h2>')
        out.append(events_html(items, links, summaries=True, senses=result.senses))
    if not result.events:
        out.append("<p>No events.</p>")
    return "".join(out)


def search_html(result: SearchResult, links: Links = NO_LINKS) -> str:
    """Search hits, best first, matched words in `<mark>`."""
    if not result.hits:
        return "<p>No matches.</p>"
    items = []
    for hit in result.hits:
        when = hit_date(hit)
        title = link(links.record(hit.kind, hit.id), f"<strong>{marked(hit.title)}</strong>")
        snippet = f'<br><span class="snippet">{marked(hit.snippet)}</span>' if hit.snippet else ""
        items.append(
            f"<li>{title}" + (f" {_date(when)}" if when else "")
            + f' <span class="meta">{esc(hit.kind)}</span> <span class="id">{esc(hit.id)}</span>'
            + f"{snippet}</li>"
        )
    return (
        f'<p class="meta">{matches_label(len(result.hits), result.total)}</p>'
        f'<ol class="plain hits">{"".join(items)}</ol>'
    )


def event_html(
    event: Event, entities: Sequence[Entity], sources: Sequence[SourceRecord],
    links: Links = NO_LINKS,
) -> str:
    """An event on its own: date, title, summary, who it concerns, tags, sources."""
    out = [
        f'<header class="lead"><h1>{esc_line(event.title)}</h1>'
        f"<p>{_date(event_when(event), event.date)}</p></header>",
        paragraphs([event.summary]),
    ]
    fields = []
    if entities:
        fields.append(("Concerns", ", ".join(entity_link(e, links) for e in entities)))
    if event.tags:
        fields.append(("Tags", tags_html(event.tags, links)))
    if fields:
        out.append('<dl class="fields">' + "".join(
            f"<dt>{name}</dt><dd>{value}</dd>" for name, value in fields) + "</dl>")
    if sources:
        out.append("<h2>Sources</h2>" + sources_html(sources, links))
    return "".join(out)


def faq_html(faq: Faq, entities: Sequence[Entity], links: Links = NO_LINKS) -> str:
    out = [f"<h1>{esc_line(faq.question)}</h1>", paragraphs([faq.answer])]
    if entities:
        out.append('<dl class="fields"><dt>About</dt><dd>'
                   + ", ".join(entity_link(e, links) for e in entities) + "</dd></dl>")
    return "".join(out)


def source_page_html(source: SourceRecord, cited_by: Sequence[tuple[str, str, str]],
                     links: Links = NO_LINKS) -> str:
    """A source and what cites it: (kind, id, title) of each record."""
    out = [f"<h1>{esc_line(source.title)}</h1>", f"<p>{source_html(source)}</p>"]
    if source.url:
        out.append(f'<p class="meta">{external(source.url, esc_line(source.url))}</p>')
    if cited_by:
        out.append("<h2>Cited by</h2><ul>" + "".join(
            f"<li>{link(links.record(kind, rid), esc_line(title))}"
            f' <span class="meta">{esc(kind)}</span></li>'
            for kind, rid, title in cited_by
        ) + "</ul>")
    return "".join(out)


# -- pages ------------------------------------------------------------------------------


def document(
    title: str, body: str, *, stylesheet: str | None = None, nav: str = "",
    scripts: Sequence[str] = (), lang: str = "en",
) -> str:
    """One HTML5 page. `title` is knowledge text (escaped here); `body` and `nav` are HTML.
    With `stylesheet` (a relative href) the page links it; without, the style is inline.
    `scripts` are relative hrefs of script files (the standalone pages have none)."""
    style = (
        f'<link rel="stylesheet" href="{html.escape(stylesheet, quote=True)}">'
        if stylesheet else f"<style>\n{CSS}</style>"
    )
    script_tags = "".join(
        f'<script src="{html.escape(s, quote=True)}"></script>' for s in scripts
    )
    return (
        f'<!doctype html>\n<html lang="{html.escape(lang, quote=True)}">\n<head>\n'
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="brief">\n'
        f"<title>{esc_line(title)}</title>\n{style}\n</head>\n<body>\n"
        f"{nav}<main>\n{body}\n</main>\n{script_tags}</body>\n</html>\n"
    )


class HtmlRenderer:
    """Writes one standalone HTML page per call."""

    name = "html"

    def __init__(self, output: Output) -> None:
        self.stream = output.stream

    def _write(self, title: str, body: str) -> None:
        self.stream.write(document(title, body))
        self.stream.flush()

    def empty(self, view: str) -> None:
        self._write(f"brief {view}: nothing found", "<h1>Nothing found</h1>")

    def show(self, result: ShowResult) -> None:
        if result.listing or not result.pages:
            self._write(
                f"Briefings of {period_label(result.period)}" if result.period else "Briefings",
                listing_html(result.listing, result.period),
            )
            return
        title = result.pages[0].briefing.title
        self._write(title, '<hr class="between">'.join(briefing_html(p) for p in result.pages))

    def define(self, defs: list[Definition]) -> None:
        groups = group_definitions(defs)
        title = ", ".join(label for label, _ in groups) or "Definitions"
        self._write(title, definitions_html(defs))

    def timeline(self, result: Timeline) -> None:
        self._write(result.title, timeline_html(result))

    def search(self, result: SearchResult) -> None:
        asked = f"Search: {result.query}" if result.query else "Search"
        self._write(f"{asked} — " + matches_label(len(result.hits), result.total),
                    f"<h1>{esc_line(asked)}</h1>{search_html(result)}")

    def headwords(self, result: Headwords) -> None:
        asked = ", ".join(result.terms)
        title = f"Headwords: {asked} ({result.strategy})"
        more = f'<p class="meta">… and {result.more} more</p>' if result.more else ""
        items = "".join(f"<li>{esc_line(w)}</li>" for w in result.words)
        self._write(title, f"<h1>{esc_line(title)}</h1><ul>{items}</ul>{more}")

    def listing(self, result: Listing) -> None:
        head = "".join(f"<th>{esc_line(c)}</th>" for c in result.columns)
        rows = "".join(
            "<tr>" + "".join(f"<td>{esc_line(v)}</td>" for v in row) + "</tr>"
            for row in result.rows
        )
        title = result.what.capitalize()
        self._write(title, f"<h1>{esc_line(title)}</h1><table><thead><tr>{head}</tr></thead>"
                           f"<tbody>{rows}</tbody></table>")

    def faq(self, result: FaqResult) -> None:
        title = "Questions" + (f" about {result.query}" if result.query else "")
        self._write(title, f"<h1>{esc_line(title)}</h1>{faqs_html(result.faqs)}")


__all__ = [
    "CSS",
    "NO_LINKS",
    "HtmlRenderer",
    "Links",
    "briefing_html",
    "definition_html",
    "definitions_html",
    "document",
    "esc",
    "event_html",
    "events_html",
    "faq_html",
    "listing_html",
    "marked",
    "search_html",
    "source_page_html",
    "timeline_html",
    "timeline_picture",
]
