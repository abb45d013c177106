"""The terminal renderer: Rich text for people, in colour or as plain text.

Every piece of text that comes from knowledge files goes through `visible()` and into
`rich.text.Text` as a plain string, so data is never read as Rich markup, emoji codes or
terminal escapes. With a console that has no colour the output is plain text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from rich.cells import cell_len, chop_cells
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from briefcli.model import (
    Briefing,
    BriefingPage,
    Definition,
    Entity,
    Event,
    Faq,
    SearchResult,
    ShowResult,
    Timeline,
)
from briefcli.model import Source as SourceRecord
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
from briefcli.text import split_marks, visible


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """The reader went away: let the command end it, as for every other format
        (Rich's own answer is exit status 1, which would read as "not found")."""
        raise BrokenPipeError


def make_console(output: Output) -> Console:
    """A console for `brief`: colour and escape codes only when the output has colour.

    Highlighting, markup and emoji are off: renderers pass `Text` built from data, and
    nothing printed as a plain string is ever interpreted either. The console reads the
    command's environment, not the process's.
    """
    return _Console(
        file=output.stream,
        width=output.width,
        no_color=not output.color,
        force_terminal=output.color,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
        # The width is decided once (Environment.width); Rich would read COLUMNS again.
        _environ={k: v for k, v in output.environ.items() if k != "COLUMNS"},
    )

# Markers around the matched words of a search snippet.

# Styles, in one place.
HEADING = Style(bold=True, color="cyan")
RULE = Style(color="cyan", dim=True)
TITLE = Style(bold=True)
DIM = Style(dim=True)
DATE = Style(color="green")
ID = Style(color="magenta", dim=True)
KIND = Style(color="yellow")
LABEL = Style(bold=True, dim=True)
MATCH = Style(bold=True, reverse=True)
QUESTION = Style(bold=True)
BULLET = Style(color="cyan")
LEVEL = {"error": Style(color="red", bold=True), "warning": Style(color="yellow", bold=True)}

NAME_WIDTH = 30  # widest name column of the who's-who before it wraps
PROFILES = 50  # senses of one term shown as a whole profile; the rest one line each


# -- helpers shared with the other renderers ---------------------------------------------


def _marked(snippet: str, style: Style | str = "") -> Text:
    """Text with the marked parts of a search title or snippet highlighted."""
    text = Text(style=style)
    for part, matched in split_marks(snippet):
        text.append(visible(part), style=MATCH if matched else "")
    return text


# -- text building --------------------------------------------------------------------


def _t(text: str | None, style: Style | str = "") -> Text:
    """Data text made safe: controls visible, never markup."""
    return Text(visible(text or ""), style=style)


def _source_text(source: SourceRecord) -> Text:
    """`Title — Publisher, 12 March 2023` (a link to the url where it may be one)."""
    target = link_target(source.url)
    text = Text()
    title_style = Style(link=target) if target else Style()
    text.append(visible(source.title), style=title_style)
    details = [visible(source.publisher)] if source.publisher else []
    if source.date:
        details.append(visible(human_date(source.date)))
    if details:
        text.append(" — " + ", ".join(details), style=DIM)
    return text


def _rstrip(line: list[Segment]) -> list[Segment]:
    """A rendered line without its trailing blanks (padding that shows as nothing)."""
    line = list(line)
    while line:
        text, style, control = line[-1]
        if control or (style and (style.bgcolor or style.reverse or style.underline)):
            break
        stripped = text.rstrip(" ")
        if stripped:
            line[-1] = Segment(stripped, style)
            break
        line.pop()
    return line


class Trimmed:
    """Renders a renderable with trailing spaces removed from every line.

    Rich pads table cells and wrapped text to their width; in a file or a pipe those
    spaces are noise (and trip up diffs), so lines end where their text ends.
    """

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in console.render_lines(self.renderable, options, pad=False):
            yield from _rstrip(line)
            yield Segment.line()


_WORD = re.compile(r"\s*\S+\s*")


def wrap_text(text: str, width: int) -> list[str]:
    """Text folded to `width` cells exactly as Rich folds a cell (`overflow="fold"`),
    each line without its trailing spaces, without building Rich's text objects (ASCII
    text, where a character is a cell, skips the cell tables altogether)."""
    ascii_only = text.isascii()
    measure = len if ascii_only else cell_len
    lines: list[str] = []
    for paragraph in text.split("\n"):
        breaks: list[int] = []
        offset = 0
        for match in _WORD.finditer(paragraph):
            start, word = match.start(), match.group()
            length = measure(word.rstrip())
            if width - offset >= length:
                offset += measure(word)
            elif length > width:  # fold the word over several lines
                if ascii_only:
                    chunks = [word[i : i + width] for i in range(0, len(word), width)]
                else:
                    chunks = chop_cells(word, width)
                for n, chunk in enumerate(chunks):
                    if start:
                        breaks.append(start)
                    if n == len(chunks) - 1:
                        offset = measure(chunk)
                    else:
                        start += len(chunk)
            elif offset and start:
                breaks.append(start)
                offset = measure(word)
        edges = [0, *breaks, len(paragraph)]
        lines.extend(paragraph[a:b].rstrip() for a, b in zip(edges, edges[1:], strict=False))
    return lines


def _painter(console: Console) -> Callable[[str, Style], str]:
    """A function that wraps text in a style's escape codes for this console (none when
    it has no colour), each style's codes worked out once."""
    codes: dict[Style, tuple[str, str]] = {}
    system = console._color_system  # None when the console has no colour

    def paint(text: str, style: Style) -> str:
        if system is None or not text or not style:
            return text
        if style not in codes:
            before, _, after = style.render("\0", color_system=system).partition("\0")
            codes[style] = (before, after)
        before, after = codes[style]
        return before + text + after

    return paint


class Rows:
    """Two columns, a label that never wraps and texts that wrap beside it: the layout of
    a two-column `Table.grid(padding=(0, 2))`, line for line, at a fraction of its cost
    (a table measures and renders every cell several times: 20,000 events took 12 s).
    Each row is a label and a list of (text, style) paragraphs; all text is plain (made
    visible), so the lines are written as strings, styles as the console's escape codes.
    """

    def __init__(
        self, rows: list[tuple[str, Style, list[tuple[str, Style]]]], indent: int = 0
    ) -> None:
        self.rows = rows
        self.indent = indent

    def write(self, console: Console) -> None:
        """Write the rows to the console's file, after whatever it printed before."""
        if not self.rows:
            return
        styled = _painter(console)

        label_width = max(cell_len(label) for label, _, _ in self.rows)
        margin = " " * self.indent
        text_width = max(2, console.width - self.indent - label_width - 2)
        blank = " " * (label_width + 2)
        out: list[str] = []
        for label, label_style, paragraphs in self.rows:
            head = styled(label, label_style) + " " * (label_width - cell_len(label) + 2)
            for text, style in paragraphs:
                for line in wrap_text(text, text_width):
                    body = styled(line, style)
                    out.append(f"{margin}{head}{body}".rstrip() if head else
                               f"{margin}{blank}{body}".rstrip())
                    head = ""
        console.file.write("\n".join(out) + "\n")


class TerminalRenderer:
    """Renders results to a Rich console: headings, tables, colour when the console has it."""

    name = "terminal"

    def __init__(self, output: Output) -> None:
        self.console = make_console(output)
        self._printed = False

    # -- output primitives

    def _print(self, *renderables: RenderableType) -> None:
        for renderable in renderables:
            self.console.print(Trimmed(renderable), highlight=False, markup=False, emoji=False)
            self._printed = True

    def _gap(self) -> None:
        """A blank line between blocks, none at the top of the output."""
        if self._printed:
            self._print(Text())

    def _heading(self, title: str | Text) -> None:
        text = title if isinstance(title, Text) else _t(title)
        text.stylize(HEADING)
        self._gap()
        self._print(Rule(text, align="left", style=RULE, characters="─"))

    def _bullets(self, items: Iterable[Text], indent: int = 2) -> Padding:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, style=BULLET)
        grid.add_column(overflow="fold")
        for item in items:
            grid.add_row(Text("•"), item)
        return Padding(grid, (0, 0, 0, indent), expand=False)

    def _events_grid(self, events: Iterable[Event], summaries: bool = False) -> Table:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, style=DATE)
        grid.add_column(overflow="fold")
        for event in events:
            cell = _t(event.title)
            if summaries and event.summary:
                cell.append("\n")
                cell.append(visible(event.summary), style=DIM)
            grid.add_row(_t(event_when(event)), cell)
        return grid

    def _empty(self, message: str) -> None:
        self._print(Text(message, style=DIM))

    # -- views

    def empty(self, view: str) -> None:
        pass

    def show(self, result: ShowResult) -> None:
        if result.listing:
            self._briefing_list(result.listing, result.period)
            return
        for n, page in enumerate(result.pages):
            if n:  # two briefings of one day: a rule across, so they don't run together
                self._gap()
                self._print(Rule(style=RULE, characters="━"))
                self._gap()
            self._briefing(page)

    def _briefing(self, page: BriefingPage) -> None:
        b = page.briefing
        header = Text()
        header.append(visible(b.title), style=TITLE)
        header.append("\n")
        header.append(visible(human_date(b.date)), style=DATE)
        if b.id and b.id != short_date(b.date):
            header.append("  ·  ", style=DIM)
            header.append(visible(b.id), style=ID)
        if b.summary:
            header.append("\n\n")
            header.append(visible(b.summary))
        self._print(Panel(header, border_style=RULE, padding=(0, 1)))

        for paragraph in b.body:
            self._gap()
            self._print(_t(paragraph))

        if b.points:
            self._heading("Key points")
            self._print(self._bullets(_t(point) for point in b.points))

        if page.entities:
            self._heading("Who's who")
            self._print(self._who(page.entities))

        if page.events:
            self._heading("Timeline")
            self._print(Padding(self._events_grid(page.events), (0, 0, 0, 2)))

        if page.faqs:
            self._heading("Questions")
            self._print(self._faqs(page.faqs))

        if page.sources:
            self._heading("Sources")
            self._sources(page.sources, 2)

    def _sources(self, sources: Sequence[SourceRecord], indent: int) -> None:
        """Each source as a bullet, its url dimmed on a line of its own that is never
        broken, however long (a url cut in two cannot be followed or copied)."""
        for source in sources:
            self._print(self._bullets([_source_text(source)], indent))
            if source.url:
                target = link_target(source.url)
                url = Text(" " * (indent + 2), end="\n")
                url.append(visible(source.url), style=DIM + Style(link=target) if target else DIM)
                self.console.print(url, soft_wrap=True, highlight=False, markup=False, emoji=False)

    def _who(self, entities: Sequence[Entity]) -> Padding:
        table = Table.grid(padding=(0, 2))
        table.add_column(max_width=NAME_WIDTH, overflow="fold", style=TITLE)
        table.add_column(overflow="fold")
        for entity in entities:
            table.add_row(_t(entity_label(entity)), _t(entity.gloss))
        return Padding(table, (0, 0, 0, 2))

    def _faqs(self, faqs: Sequence[Faq]) -> Padding:
        items: list[RenderableType] = []
        for i, faq in enumerate(faqs):
            if i:
                items.append(Text())
            items.append(_t(faq.question, QUESTION))
            items.append(Padding(_t(faq.answer), (0, 0, 0, 2)))
        return Padding(Group(*items), (0, 0, 0, 2))

    def _briefing_list(self, briefings: list[Briefing], period: str) -> None:
        self._heading("Briefings of " + period_label(period))
        if not briefings:
            self._empty("No briefings.")
            return
        # An id derived from the date says nothing the date column does not.
        with_ids = any(b.id != b.date for b in briefings)
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True, style=DATE)
        if with_ids:
            table.add_column(overflow="fold", style=ID, max_width=24)
        table.add_column(overflow="fold", style=TITLE)
        for b in briefings:
            ident = [_t("" if b.id == b.date else b.id)] if with_ids else []
            table.add_row(_t(short_date(b.date)), *ident, _t(b.title))
        self._print(Padding(table, (0, 0, 0, 2)))

    def define(self, defs: list[Definition]) -> None:
        if not defs:
            self._empty("No definitions.")
            return
        for label, items in group_definitions(defs):
            heading = _t(label)
            if len(items) > 1:
                heading.append(f" ({senses_label(len(items))})")
            self._heading(heading)
            for n, d in enumerate(items[:PROFILES], 1):
                self._gap()
                self._definition(d, n if len(items) > 1 else None)
            if len(items) > PROFILES:
                self._more_senses(items[PROFILES:], PROFILES + 1)

    def _more_senses(self, items: list[Definition], first: int) -> None:
        """The senses past the first PROFILES, one line each (a profile each would be
        pages long, and slow to lay out: 33,000 senses of one alias took a minute)."""
        self._gap()
        self._print(_t(f"{len(items):,} more senses, one line each "
                       "(brief define TERM --json gives them all):", DIM))
        paint = _painter(self.console)
        width = len(str(first + len(items)))
        lines = []
        for n, d in enumerate(items, first):
            head = f"{n:>{width}}. {visible(entity_label(d.entity))}  {visible(d.entity.id)}"
            gloss = visible(" ".join(d.entity.gloss.split()))
            room = self.console.width - cell_len(head) - 2
            if gloss and room > 10:
                gloss = gloss if cell_len(gloss) <= room else chop_cells(gloss, room - 1)[0] + "…"
            else:
                gloss = ""
            name = paint(visible(entity_label(d.entity)), TITLE)
            lines.append(
                f"{paint(f'{n:>{width}}.', HEADING)} {name}  {paint(visible(d.entity.id), ID)}"
                + (f"  {gloss}" if gloss else "")
            )
        self.console.file.write("\n".join(lines) + "\n")
        self.console.file.flush()

    def _definition(self, d: Definition, number: int | None) -> None:
        e = d.entity
        title = Text()
        if number is not None:
            title.append(f"{number}. ", style=HEADING)
        title.append(visible(entity_label(e)), style=TITLE)
        title.append("  ")
        title.append(visible(e.id), style=ID)
        parts: list[RenderableType] = [title]
        indent = 3 if number is not None else 0

        for paragraph in (e.summary, e.description):
            if paragraph:
                parts += [Text(), _t(paragraph)]

        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, style=LABEL)
        grid.add_column(overflow="fold")
        if e.kind:
            grid.add_row(Text("Kind:"), _t(e.kind, KIND))
        if e.role:
            grid.add_row(Text("Role:"), _t(e.role))
        if e.aliases:
            grid.add_row(Text("Aliases:"), _t(", ".join(e.aliases)))
        if d.related:
            grid.add_row(Text("Related:"), _t(", ".join(entity_label(r) for r in d.related)))
        if d.events:
            grid.add_row(Text("Events:"), self._events_grid(d.events))
        if d.copies:
            grid.add_row(Text("Also in:"), _t(copies_text(d), DIM))
        for note in more_notes(d):
            grid.add_row(Text(""), _t(note, DIM))
        if grid.row_count:
            parts += [Text(), grid]
        body: RenderableType = Group(*parts)
        if indent:
            # The number hangs in the margin; everything else lines up under the name.
            head, *rest = parts
            body = Group(head, Padding(Group(*rest), (0, 0, 0, indent)))
        self._print(body)
        if d.sources:
            self._print(Padding(Text("Sources:", style=LABEL), (0, 0, 0, indent)))
            self._sources(d.sources, indent + 2)

    def timeline(self, result: Timeline) -> None:
        events = result.events
        self._heading(result.title)
        if not events:
            self._empty("No events.")
            return
        for year, items in group_by_year(events):
            self._gap()
            self._print(_t(year, TITLE))
            rows = []
            for event in items:
                sense = result.senses.get(event.id)
                title = f"{event.title} [{sense}]" if sense else event.title
                cell = [(visible(title), Style())]
                if event.summary:
                    cell.append((visible(event.summary), DIM))
                rows.append((visible(event_when(event)), DATE, cell))
            Rows(rows, indent=2).write(self.console)

    def search(self, result: SearchResult) -> None:
        self._heading(matches_label(len(result.hits), result.total))
        for hit in result.hits:
            head = _marked(hit.title, TITLE)
            when = hit_date(hit)
            if when:
                head.append("  ")
                head.append(visible(when), style=DATE)
            head.append("  ")
            head.append(visible(hit.kind), style=KIND)
            head.append(" ")
            head.append(visible(hit.id), style=ID)
            snippet = _marked(hit.snippet)
            self._gap()
            self._print(head, Padding(snippet, (0, 0, 0, 2)))

    def check(self, problems: list[Problem]) -> None:
        # One problem, one line: `file:line:col: level: message [code]` stays greppable;
        # the source line and a caret follow, indented, where the problem has them.
        # Written as strings (100,000 problems took 23 s through Rich, one by one).
        paint = _painter(self.console)
        out = []
        for problem in problems:
            line = visible(problem.format())
            level = f": {visible(problem.level)}: "
            at = line.find(level)
            if at >= 0:
                style = LEVEL.get(problem.level, Style(bold=True))
                word = line[at + 2 : at + len(level) - 2]
                line = line[: at + 2] + paint(word, style) + line[at + len(level) - 2 :]
            out.append(line)
            out.extend(paint("    " + shown, DIM) for shown in problem.excerpt.splitlines())
        if out:
            self.console.file.write("\n".join(out) + "\n")
            self.console.file.flush()
