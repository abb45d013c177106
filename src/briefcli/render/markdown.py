"""The Markdown renderer: the same views as the terminal, as CommonMark text.

Data text goes through `visible()` and is escaped, so it never becomes Markdown syntax
(links, emphasis, HTML); only http(s) urls become links.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from briefcli.knowledge.model import (
    PROFILES,
    Briefing,
    BriefingPage,
    Definition,
    Event,
    FaqResult,
    Headwords,
    Listing,
    SearchResult,
    ShowResult,
    Timeline,
)
from briefcli.knowledge.model import Source as SourceRecord
from briefcli.problems import Problem
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
from briefcli.text import split_marks, strip_marks, visible

# Profile fields written inline, in one list; the others are blocks of their own.
_INLINE = frozenset({"kind", "role", "file", "aliases", "tags", "related", "referrers"})
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&!])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])(?=\s|$)", re.MULTILINE)


_RULE_LINE = re.compile(r"^([=-])", re.MULTILINE)  # a line of = or - underlines a heading


def md(text: str | None, fragment: bool = False) -> str:
    """Data text as Markdown that shows literally: syntax characters escaped, and no
    line of it can be read as layout (no indent that makes code, no trailing spaces that
    break a line, no line of `===` or `---` that makes the line above a heading). A
    `fragment` (part of a line) keeps the spaces at its ends."""
    lines = visible(text or "").split("\n")
    if fragment:
        lines = [*(line.rstrip() for line in lines[:-1]), lines[-1]]
        lines = [lines[0], *(line.lstrip() for line in lines[1:])]
    else:
        lines = [line.strip() for line in lines]
    escaped = _SPECIAL.sub(r"\\\1", "\n".join(lines))
    escaped = _LINE_START.sub(lambda m: m[1] + m[2][:-1] + "\\" + m[2][-1], escaped)
    return _RULE_LINE.sub(r"\\\1", escaped)


def md_inline(text: str | None) -> str:
    """Like `md`, on one line (for list items and headings)."""
    return md(" ".join((text or "").split()))


_LOOKS_LIKE_URL = re.compile(r"://|^\s*www\.|\.[a-z]{2,}(/|$)", re.IGNORECASE)


def _url(url: str) -> str:
    return url.replace("<", "%3C").replace(">", "%3E")


def _source(source: SourceRecord) -> str:
    title = md_inline(source.title)
    target = link_target(source.url)
    if target and not _LOOKS_LIKE_URL.search(source.title):
        line = f"[{title}](<{_url(target)}>)"
    elif target:  # a title that looks like an address shows the real one beside it
        line = f"{title} (<{_url(target)}>)"
    else:
        line = title
    details = [md_inline(source.publisher)] if source.publisher else []
    if source.date:
        details.append(md_inline(human_date(source.date)))
    if details:
        line += " — " + ", ".join(details)
    if source.url and not target:
        line += f" ({md_inline(source.url)})"
    return line


def _bold(text: str) -> str:
    """Matched words in bold, the spaces around them outside the markers."""
    core = text.strip()
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}**{md(core, fragment=True)}**{trail}"


class MarkdownRenderer:
    """Writes Markdown to the console's file."""

    name = "markdown"

    def __init__(self, output: Output) -> None:
        self.stream = output.stream

    def _write(self, blocks: Iterable[str]) -> None:
        self.stream.write("\n\n".join(b for b in blocks if b).rstrip("\n") + "\n")
        self.stream.flush()

    def empty(self, view: str) -> None:
        pass

    def show(self, result: ShowResult) -> None:
        if result.listing:
            self._write(self._briefing_list(result.listing, result.period))
            return
        blocks: list[str] = []
        for page in result.pages:
            if blocks:
                blocks.append("---")  # a thematic break between two briefings of a day
            blocks += self._briefing(page)
        self._write(blocks)

    @staticmethod
    def _list(items: Iterable[str]) -> str:
        return "\n".join(f"- {item}" for item in items)

    @staticmethod
    def _events(events: Iterable[Event]) -> str:
        return "\n".join(f"- {md_inline(event_when(e))} — {md_inline(e.title)}" for e in events)

    def _briefing(self, page: BriefingPage) -> list[str]:
        b = page.briefing
        blocks = [f"# {md_inline(b.title)}", f"*{md_inline(human_date(b.date))}*"]
        if b.summary:
            blocks.append(md(b.summary))
        blocks += [md(p) for p in b.body]
        if b.points:
            blocks += ["## Key points", self._list(md_inline(p) for p in b.points)]
        if page.entities:
            blocks += [
                "## Who's who",
                self._list(
                    f"**{md_inline(entity_label(e))}**"
                    + (f" — {md_inline(e.gloss)}" if e.gloss else "")
                    for e in page.entities
                ),
            ]
        if page.events:
            blocks += ["## Timeline", self._events(page.events)]
        if page.faqs:
            blocks.append("## Questions")
            for faq in page.faqs:
                blocks += [f"### {md_inline(faq.question)}", md(faq.answer)]
        if page.sources:
            blocks += ["## Sources", self._list(_source(s) for s in page.sources)]
        return blocks

    def _briefing_list(self, briefings: list[Briefing], period: str) -> list[str]:
        blocks = [f"# Briefings of {md_inline(period_label(period))}"]
        blocks.append(
            self._list(
                f"{md_inline(short_date(b.date))} — **{md_inline(b.title)}**"
                + ("" if b.id == b.date else f" ({md_inline(b.id)})")
                for b in briefings
            )
            or "No briefings."
        )
        return blocks

    def define(self, defs: list[Definition]) -> None:
        blocks: list[str] = []
        for label, items in group_definitions(defs):
            heading = md_inline(label)
            if len(items) > 1:
                heading += f" ({senses_label(len(items))})"
            blocks.append(f"# {heading}")
            if len(items) > PROFILES:
                blocks.append(self._list(
                    f"{n}. **{md_inline(entity_label(d.entity))}** ({md_inline(d.entity.id)})"
                    + (f" — {md_inline(d.entity.gloss)}" if d.entity.gloss else "")
                    for n, d in enumerate(items[PROFILES:], PROFILES + 1)
                ))
                items = items[:PROFILES]
            for n, d in enumerate(items, 1):
                e = d.entity
                number = f"{n}. " if len(items) > 1 else ""
                blocks.append(f"## {number}{md_inline(entity_label(e))}")
                blocks += [md(p) for p in (e.summary, e.description) if p]
                fields: list[str] = []
                rest: list[str] = []
                for key, label, value in profile_fields(d):
                    if key in _INLINE:
                        if isinstance(value, str):
                            text = value
                        elif key in ("related", "referrers"):
                            text = ", ".join(entity_label(r) for r in value)
                        else:
                            text = ", ".join(value)
                        fields.append(f"**{label}:** {md_inline(text)}")
                    elif key == "copies":
                        rest.append(f"*{label}: {md_inline(copies_text(d))}*")
                    else:
                        rest += [f"**{label}:**", self._profile_block(key, value)]
                blocks.append(self._list(fields))
                blocks += rest
                blocks += [f"*{md_inline(note)}*" for note in more_notes(d)]
        self._write(blocks or ["No definitions."])

    def _profile_block(self, key: str, value: Any) -> str:
        if key == "events":
            return self._events(value)
        if key == "briefings":
            return self._list(f"{md_inline(short_date(b.date))} — {md_inline(b.title)}"
                              for b in value)
        if key == "faqs":
            return self._list(md_inline(f.question) for f in value)
        if key == "sources":
            return self._list(_source(s) for s in value)
        raise ValueError(f"no block for the profile field {key!r}")

    def headwords(self, result: Headwords) -> None:
        more = [f"… and {result.more} more"] if result.more else []
        self._write([self._list(md_inline(w) for w in result.words), *more])

    def timeline(self, result: Timeline) -> None:
        events = result.events
        blocks = [f"# {md_inline(result.title)}"]
        for year, items in group_by_year(events):
            blocks.append(f"## {md_inline(year)}")
            blocks.append(
                "\n".join(
                    f"- **{md_inline(event_when(e))}** — {md_inline(e.title)}"
                    + (f" \\[{md_inline(result.senses[e.id])}\\]" if e.id in result.senses else "")
                    + (f"  \n  {md_inline(e.summary)}" if e.summary else "")
                    for e in items
                )
            )
        if not events:
            blocks.append("No events.")
        self._write(blocks)

    def search(self, result: SearchResult) -> None:
        blocks = []
        for hit in result.hits:
            snippet = "".join(
                _bold(part) if matched else md(part, fragment=True)
                for part, matched in split_marks(" ".join(hit.snippet.split()))
            )
            when = hit_date(hit)
            blocks.append(
                f"- **{md_inline(strip_marks(hit.title))}** "
                + (f"{md_inline(when)} " if when else "")
                + f"({md_inline(hit.kind)} {md_inline(hit.id)})"
                + (f"  \n  {snippet}" if snippet else "")
            )
        self._write([f"*{matches_label(len(result.hits), result.total)}*", "\n".join(blocks)]
                    if blocks else ["No matches."])

    def listing(self, result: Listing) -> None:
        if not result.rows:
            self._write([f"No {result.what}."])
            return
        head = "| " + " | ".join(result.columns) + " |"
        rule = "|" + "|".join("---" for _ in result.columns) + "|"
        rows = ["| " + " | ".join(md_inline(v) for v in row) + " |" for row in result.rows]
        self._write(["\n".join([head, rule, *rows])])

    def faq(self, result: FaqResult) -> None:
        blocks = [f"# Questions{f' about {md_inline(result.query)}' if result.query else ''}"]
        for f in result.faqs:
            blocks += [f"## {md_inline(f.question)}", md(f.answer)]
        self._write(blocks)

    def check(self, problems: list[Problem]) -> None:
        self._write(["\n".join(f"- {md_inline(p.format())}" for p in problems)])
