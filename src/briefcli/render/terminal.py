"""The terminal renderer: text for people, in colour or plain.

Every piece of text that comes from knowledge files goes through `visible()` before it
is laid out, so data is never read as markup or terminal escapes. The layout is our own
(`render.layout`, standard library only): a lookup answers without importing a layout
library, and a long answer costs what it shows. Prose is set at a readable width
(READABLE columns at most) however wide the terminal.
"""

from __future__ import annotations

import os

from briefcli.knowledge.model import (
    PROFILES,
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
from briefcli.render.layout import (
    Column,
    Line,
    Span,
    cell_len,
    fold_lines,
    grid,
    indent,
    paint,
    panel,
    paragraph,
    rule,
    to_text,
    truncate,
    wrap_text,
)
from briefcli.text import split_marks, visible

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import Any

    from briefcli.render.layout import Cell

# Styles, in one place: SGR parameters.
HEADING = "1;36"
RULE = "2;36"
TITLE = "1"
DIM = "2"
DATE = "32"
ID = "2;35"
KIND = "33"
LABEL = "1;2"
MATCH = "1;7"
QUESTION = "1"
BULLET = "36"
LEVEL = {"error": "1;31", "warning": "1;33"}

NAME_WIDTH = 30  # widest name column of the who's-who before it wraps
ID_WIDTH = 24  # widest id column of a briefing list
LIST_WIDTH = 40  # widest column of `brief list` but the last
READABLE = 100  # the widest the text is set, however wide the terminal
DEFAULT_WIDTH = 80  # for a pipe or a file

__all__ = ["TerminalRenderer", "wrap_text", "PROFILES", "READABLE"]


def output_width(output: Output) -> int:
    """The width to lay out for: COLUMNS (already checked), else the terminal's, else 80;
    never more than `output.widest` (the configuration's width), else READABLE."""
    width = output.width
    if width is None:
        width = DEFAULT_WIDTH
        try:
            if output.stream.isatty():
                width = os.get_terminal_size(output.stream.fileno()).columns or width
        except (OSError, ValueError, AttributeError):
            pass
    return max(20, min(width, output.widest or READABLE))


def _t(text: str | None, style: str = "") -> Span:
    """Data text made safe: controls visible."""
    return Span(visible(text or ""), style)


def _marked(snippet: str, style: str = "") -> list[Span]:
    """A search title or snippet with its marked words highlighted."""
    return [
        Span(visible(part), MATCH if matched else style) for part, matched in split_marks(snippet)
    ]


class TerminalRenderer:
    """Renders results as text: headings, columns, colour when the output has it."""

    name = "terminal"

    def __init__(self, output: Output) -> None:
        self.stream = output.stream
        self.color = output.color
        self.width = output_width(output)
        self._printed = False

    # -- output primitives

    def _emit(self, lines: Iterable[Line]) -> None:
        text = to_text(lines, self.color)
        if text:
            self.stream.write(text)
            self._printed = True

    def _gap(self) -> None:
        """A blank line between blocks, none at the top of the output."""
        if self._printed:
            self._emit([[]])

    def _heading(self, title: Sequence[Span]) -> None:
        self._gap()
        self._emit([rule(self.width, [Span(s.text, HEADING) for s in title], RULE)])

    def _bullets(self, items: Iterable[Sequence[Span]], width: int) -> list[Line]:
        return grid([("•", item) for item in items], width, (Column(style=BULLET), Column()), gap=1)

    def _events_grid(
        self, events: Iterable[Event], width: int, summaries: bool = False
    ) -> list[Line]:
        rows: list[tuple[Cell, Cell]] = []
        for event in events:
            cell = [_t(event.title)]
            if summaries and event.summary:
                cell += [Span("\n"), _t(event.summary, DIM)]
            rows.append((visible(event_when(event)), cell))
        return grid(rows, width, (Column(style=DATE), Column()))

    def _empty(self, message: str) -> None:
        self._emit([[Span(message, DIM)]])

    def _done(self) -> None:
        self.stream.flush()

    # -- views

    def empty(self, view: str) -> None:
        pass

    def show(self, result: ShowResult) -> None:
        if result.listing:
            self._briefing_list(result.listing, result.period)
            self._done()
            return
        for n, page in enumerate(result.pages):
            if n:  # two briefings of one day: a rule across, so they don't run together
                self._gap()
                self._emit([rule(self.width, style=RULE, char="━")])
                self._gap()
            self._briefing(page)
        self._done()

    def _briefing(self, page: BriefingPage) -> None:
        b = page.briefing
        width = self.width
        inner = width - 4
        head = paragraph([_t(b.title, TITLE)], inner)
        date = [_t(human_date(b.date), DATE)]
        if b.id and b.id != short_date(b.date):
            date += [Span("  ·  ", DIM), _t(b.id, ID)]
        head += paragraph(date, inner)
        if b.summary:
            head += [[], *paragraph([_t(b.summary)], inner)]
        self._emit(panel(head, width, RULE))

        for text in b.body:
            self._gap()
            self._emit(paragraph([_t(text)], width))

        if b.points:
            self._heading([Span("Key points")])
            self._emit(indent(self._bullets(([_t(p)] for p in b.points), width - 2), 2))

        if page.entities:
            self._heading([Span("Who's who")])
            self._emit(indent(self._who(page.entities, width - 2), 2))

        if page.events:
            self._heading([Span("Timeline")])
            self._emit(indent(self._events_grid(page.events, width - 2), 2))

        if page.faqs:
            self._heading([Span("Questions")])
            self._emit(indent(self._faqs(page.faqs, width - 2), 2))

        if page.sources:
            self._heading([Span("Sources")])
            self._sources(page.sources, 2)

    def _source_spans(self, source: SourceRecord) -> list[Span]:
        """`Title — Publisher, 12 March 2023` (a link to the url where it may be one)."""
        spans = [Span(visible(source.title), "", link_target(source.url))]
        details = [visible(source.publisher)] if source.publisher else []
        if source.date:
            details.append(visible(human_date(source.date)))
        if details:
            spans.append(Span(" — " + ", ".join(details), DIM))
        return spans

    def _sources(self, sources: Sequence[SourceRecord], margin: int) -> None:
        """Each source as a bullet, its url dimmed on a line of its own that is never
        broken, however long (a url cut in two cannot be followed or copied)."""
        for source in sources:
            self._emit(indent(self._bullets([self._source_spans(source)], self.width - margin),
                              margin))
            if source.url:
                url = Span(visible(source.url), DIM, link_target(source.url))
                self._emit([[Span(" " * (margin + 2)), url]])

    def _who(self, entities: Sequence[Entity], width: int) -> list[Line]:
        rows: list[tuple[Cell, Cell]] = [
            (visible(entity_label(e)), visible(e.gloss)) for e in entities
        ]
        return grid(rows, width, (Column(NAME_WIDTH, TITLE), Column()))

    def _faqs(self, faqs: Sequence[Faq], width: int) -> list[Line]:
        lines: list[Line] = []
        for i, faq in enumerate(faqs):
            if i:
                lines.append([])
            lines += paragraph([_t(faq.question, QUESTION)], width)
            lines += indent(paragraph([_t(faq.answer)], width - 2), 2)
        return lines

    def _briefing_list(self, briefings: list[Briefing], period: str) -> None:
        self._heading([Span(visible("Briefings of " + period_label(period)))])
        if not briefings:
            self._empty("No briefings.")
            return
        # An id derived from the date says nothing the date column does not.
        with_ids = any(b.id != b.date for b in briefings)
        columns = [Column(style=DATE)]
        if with_ids:
            columns.append(Column(ID_WIDTH, ID))
        columns.append(Column(style=TITLE))
        rows: list[list[Cell]] = []
        for b in briefings:
            ident: list[Cell] = [visible("" if b.id == b.date else b.id)] if with_ids else []
            rows.append([visible(short_date(b.date)), *ident, [_t(b.title, TITLE)]])
        self._emit(indent(grid(rows, self.width - 2, columns), 2))

    def define(self, defs: list[Definition]) -> None:
        if not defs:
            self._empty("No definitions.")
            return
        for label, items in group_definitions(defs):
            heading = [_t(label)]
            if len(items) > 1:
                heading.append(Span(f" ({senses_label(len(items))})"))
            self._heading(heading)
            for n, d in enumerate(items[:PROFILES], 1):
                self._gap()
                self._definition(d, n if len(items) > 1 else None)
            if len(items) > PROFILES:
                self._more_senses(items[PROFILES:], PROFILES + 1)
        self._done()

    def _more_senses(self, items: list[Definition], first: int) -> None:
        """The senses past the first PROFILES, one line each (a profile each would be
        pages long)."""
        self._gap()
        self._emit([[Span(f"{len(items):,} more senses, one line each "
                          "(brief define TERM --json gives them all):", DIM)]])
        width = len(str(first + len(items)))
        lines: list[Line] = []
        for n, d in enumerate(items, first):
            name, ident = visible(entity_label(d.entity)), visible(d.entity.id)
            head = f"{n:>{width}}. {name}  {ident}"
            gloss = visible(" ".join(d.entity.gloss.split()))
            room = self.width - cell_len(head) - 2
            gloss = truncate(gloss, room) if room > 10 else ""
            line = [Span(f"{n:>{width}}.", HEADING), Span(" "), Span(name, TITLE), Span("  "),
                    Span(ident, ID)]
            if gloss:
                line.append(Span("  " + gloss))
            lines.append(line)
        self._emit(lines)

    def _definition(self, d: Definition, number: int | None) -> None:
        # Here, not at the top: a timeline, a search or a briefing shows no profile.
        from briefcli.render.views import PROFILE_LABELS, profile_fields

        e = d.entity
        title = [Span(f"{number}. ", HEADING)] if number is not None else []
        title += [_t(entity_label(e), TITLE), Span("  "), _t(e.id, ID)]
        margin = 3 if number is not None else 0
        width = self.width - margin
        # The number hangs in the margin; everything else lines up under the name.
        lines = paragraph(title, self.width)
        body: list[Line] = []
        for text in (e.summary, e.description):
            if text:
                body += [[], *paragraph([_t(text)], width)]

        rows: list[tuple[Cell, Cell]] = []
        sources = None
        for key, label, value in profile_fields(d):
            if key == "sources":
                sources = value  # a list of its own, under the fields
            else:
                rows.append((label + ":", self._profile_cell(key, value, d)))
        for note in more_notes(d):
            rows.append(("", [_t(note, DIM)]))
        if rows:
            body += [[], *grid(rows, width, (Column(style=LABEL), Column()))]
        self._emit(lines + indent(body, margin))
        if sources:
            label = PROFILE_LABELS["sources"] + ":"
            self._emit([[Span(" " * margin), Span(label, LABEL)]] if margin else
                       [[Span(label, LABEL)]])
            self._sources(sources, margin + 2)

    def _profile_cell(self, key: str, value: Any, d: Definition) -> Cell:
        """One field of a profile as a cell of the fields' grid."""
        if key == "kind":
            return [_t(value, KIND)]
        if key in ("role", "file"):
            return visible(value)
        if key in ("aliases", "tags"):
            return visible(", ".join(value))
        if key in ("related", "referrers"):
            return visible(", ".join(entity_label(r) for r in value))
        if key == "events":
            return lambda w: self._events_grid(value, w)
        if key == "briefings":
            briefings = [(visible(short_date(b.date)), visible(b.title)) for b in value]
            return lambda w: grid(briefings, w, (Column(style=DATE), Column()))
        if key == "faqs":
            questions = [visible(f.question) for f in value]
            return lambda w: [line for q in questions for line in paragraph(q, w)]
        if key == "copies":
            return [_t(copies_text(d), DIM)]
        raise ValueError(f"no cell for the profile field {key!r}")

    def headwords(self, result: Headwords) -> None:
        """One headword a line, as `dict -m` lists them (the note of more is the
        command's, on stderr)."""
        self.stream.write("".join(visible(w) + "\n" for w in result.words))
        self._done()

    def timeline(self, result: Timeline) -> None:
        events = result.events
        self._heading([_t(result.title)])
        if not events:
            self._empty("No events.")
            return
        for year, items in group_by_year(events):
            self._gap()
            self._emit([[_t(year, TITLE)]])
            self._write_events(items, result.senses)
        self._done()

    def _write_events(self, items: Sequence[Event], senses: dict[str, str]) -> None:
        """One year's events, indented two columns, as `grid` would lay them out in a date
        column and a text column (the bytes are the same), written as they are made: a
        timeline of tens of thousands of events is not built as spans first."""
        dates = [visible(event_when(event)) for event in items]
        date_width = max(cell_len(date) for date in dates)
        text_width = max(2, self.width - 2 - date_width - 2)
        paint_date = (lambda t: f"\x1b[{DATE}m{t}\x1b[0m") if self.color else (lambda t: t)
        dim = (lambda t: f"\x1b[{DIM}m{t}\x1b[0m") if self.color else (lambda t: t)
        under = " " * (date_width + 2)  # the text's lines after the first
        out: list[str] = []
        for event, when in zip(items, dates, strict=True):
            sense = senses.get(event.id)
            title = f"{event.title} [{sense}]" if sense else event.title
            lines = fold_lines(visible(title), text_width)
            n_title = len(lines)
            if event.summary:
                lines += fold_lines(visible(event.summary), text_width)
            date = when.rstrip(" ")
            for i, line in enumerate(lines):
                text = line if i < n_title else (dim(line) if line else "")
                if i == 0 and date:
                    if text:
                        pad = " " * (date_width - cell_len(date) + 2)
                        out.append(f"  {paint_date(date)}{pad}{text}")
                    else:
                        out.append(f"  {paint_date(date)}")
                elif text:
                    out.append(f"  {under}{text}")
                else:
                    out.append("")
        if out:
            self.stream.write("\n".join(out) + "\n")
            self._printed = True

    def search(self, result: SearchResult) -> None:
        self._heading([Span(matches_label(len(result.hits), result.total))])
        for hit in result.hits:
            head = _marked(hit.title, TITLE)
            when = hit_date(hit)
            if when:
                head += [Span("  "), _t(when, DATE)]
            head += [Span("  "), _t(hit.kind, KIND), Span(" "), _t(hit.id, ID)]
            self._gap()
            self._emit(paragraph(head, self.width)
                       + indent(paragraph(_marked(hit.snippet), self.width - 2), 2))
        self._done()

    def listing(self, result: Listing) -> None:
        """A table in a terminal; in a pipe, the ids alone, one a line (for `xargs`)."""
        try:
            table = self.stream.isatty()
        except (ValueError, AttributeError):
            table = False
        if not table:
            if result.rows:
                self.stream.write("".join(visible(row[0]) + "\n" for row in result.rows))
            self._done()
            return
        if not result.rows:
            self._empty(f"No {result.what}.")
            return
        columns = [Column(LIST_WIDTH, ID if result.columns[0] == "id" else TITLE)]
        columns += [Column(LIST_WIDTH) for _ in result.columns[1:-1]]
        columns.append(Column())
        head: list[Cell] = [[Span(c, LABEL)] for c in result.columns]
        rows: list[list[Cell]] = [head]
        rows += ([visible(v) for v in row] for row in result.rows)
        self._emit(grid(rows, self.width, columns))
        self._done()

    def faq(self, result: FaqResult) -> None:
        title = "Questions" + (f" about {result.query}" if result.query else "")
        self._heading([_t(title)])
        self._gap()
        self._emit(indent(self._faqs(result.faqs, self.width - 2), 2))
        self._done()

    def check(self, problems: list[Problem]) -> None:
        # One problem, one line: `file:line:col: level: message [code]` stays greppable;
        # the source line and a caret follow, indented, where the problem has them.
        out = []
        for problem in problems:
            line = visible(problem.format())
            level = f": {visible(problem.level)}: "
            at = line.find(level)
            if at >= 0:
                style = LEVEL.get(problem.level, "1")
                word = line[at + 2 : at + len(level) - 2]
                line = line[: at + 2] + paint(word, style, self.color) + line[at + len(level) - 2 :]
            out.append(line)
            out.extend(
                paint("    " + shown, DIM, self.color) for shown in problem.excerpt.splitlines()
            )
        if out:
            self.stream.write("\n".join(out) + "\n")
            self.stream.flush()
