"""Text layout for the terminal: cell widths, word wrap, columns, styles as escape codes.

A few dozen lines do what the terminal renderer needs of a layout engine (wrapped
paragraphs, two- and three-column grids, a panel, a rule), with no import beyond the
standard library: a lookup prints its answer in the time of a bare interpreter, and a
profile of 4,000 lines is laid out in a tenth of a second.

Text is laid out as spans, `(text, style)` pairs, where a style is a string of SGR
parameters ("1;36" is bold cyan) or "" for none, and a span may carry a link. All text
reaching here has been made visible (`text.visible`): no control character is left to
interpret.
"""

# Record classes come from briefcli.typed (no `typing` at run time), which reads
# the annotations' names only: they are never evaluated.
from __future__ import annotations

from briefcli.typed import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence


class Span(NamedTuple):
    text: str
    style: str = ""
    link: str | None = None


Line = list[Span]


# -- cell widths -----------------------------------------------------------------------


# Signs the renderers draw themselves (rules, boxes, bullets, dashes), a cell each.
_DRAWN = frozenset("–—‘’“”•…·─│╭╮╰╯")


def _char_cells(c: str) -> int:
    if c < "\u0300":  # Latin letters and signs take a cell each, the soft hyphen none
        return 0 if c == "\xad" else 1
    if c in _DRAWN:
        return 1
    import unicodedata  # only for text beyond Latin: a .so a lookup need not load

    if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1


def cell_len(text: str) -> int:
    """The columns `text` takes in a terminal (wide East Asian characters take two,
    combining marks none)."""
    if text.isascii():
        return len(text)
    if max(set(text) - _DRAWN, default="") < "\u0300":  # Latin and drawn signs only
        return len(text) - text.count("\xad")
    # Each character measured once: the ASCII ones (a cell each) counted by the codec.
    cells = len(text.encode("ascii", "ignore"))
    return cells + sum(_char_cells(c) * text.count(c) for c in set(text) if not c.isascii())


def chop_cells(text: str, width: int) -> list[str]:
    """`text` cut into pieces of at most `width` cells (a wide character never split)."""
    pieces: list[str] = []
    current: list[str] = []
    used = 0
    for c in text:
        cells = _char_cells(c)
        if used + cells > width and current:
            pieces.append("".join(current))
            current, used = [], 0
        current.append(c)
        used += cells
    if current or not pieces:
        pieces.append("".join(current))
    return pieces


def truncate(text: str, width: int) -> str:
    """`text` if it fits in `width` cells, else as much as fits with an ellipsis."""
    if text.isascii():
        return text if len(text) <= width else text[: width - 1] + "…"
    used = 0
    for i, c in enumerate(text):
        used += _char_cells(c)
        if used > width - 1:
            return text if cell_len(text) <= width else text[:i] + "…"
    return text


# -- word wrap -------------------------------------------------------------------------


def _words(paragraph: str) -> list[tuple[int, int, int]]:
    """(start, end of the word, stop) of each match of `\\s*(\\S+)\\s*` in the
    paragraph, as `re.finditer` finds them: a word with the blanks after it (the
    first with those before it too). str.split() splits on the same blanks as `\\s`."""
    out: list[tuple[int, int, int]] = []
    at = 0
    for word in paragraph.split():
        begin = paragraph.find(word, at)  # only blanks lie between `at` and the word
        if out:
            start, end, _ = out[-1]
            out[-1] = (start, end, begin)
        out.append((begin if out else 0, begin + len(word), len(paragraph)))
        at = begin + len(word)
    return out


def wrap_offsets(paragraph: str, width: int) -> list[int]:
    """Where a paragraph (no newline) breaks into lines of at most `width` cells: words
    move to the next line whole, a word wider than a line is folded over several."""
    if paragraph.isascii():
        if paragraph.isprintable():
            return _spaced_offsets(paragraph, width)
        return _ascii_offsets(paragraph, width)
    measure = cell_len
    breaks: list[int] = []
    offset = 0
    for start, _, stop in _words(paragraph):
        word = paragraph[start:stop]
        length = measure(word.rstrip())
        if width - offset >= length:
            offset += measure(word)
        elif length > width:  # fold the word over several lines
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
    return breaks


def _ascii_offsets(paragraph: str, width: int) -> list[int]:
    """`wrap_offsets` of ASCII text, where a character is a cell: positions, no measure."""
    breaks: list[int] = []
    offset = 0
    for start, end, stop in _words(paragraph):
        length = end - start  # the word and what leads it, not what trails
        if width - offset >= length:
            offset += stop - start
        elif length > width:  # fold the word over several lines
            word = paragraph[start:stop]
            chunks = [word[i : i + width] for i in range(0, len(word), width)]
            for n, chunk in enumerate(chunks):
                if start:
                    breaks.append(start)
                if n == len(chunks) - 1:
                    offset = len(chunk)
                else:
                    start += len(chunk)
        elif offset and start:
            breaks.append(start)
            offset = stop - start
    return breaks


def _spaced_offsets(paragraph: str, width: int) -> list[int]:
    """`wrap_offsets` of printable ASCII text (the only blank is the space), found a line
    at a time: where the first word that does not fit begins, by searching for spaces
    rather than walking every word."""
    breaks: list[int] = []
    end = len(paragraph.rstrip(" "))  # past the last word
    first = len(paragraph) - len(paragraph.lstrip(" "))  # the first word's first letter
    line = 0  # where the current line's text begins
    while end > line + width:
        limit = line + width
        if paragraph[limit] == " ":  # the word that does not fit begins after the blank
            letters = len(paragraph) - len(paragraph[limit:].lstrip(" "))
        else:
            letters = paragraph.rfind(" ", line, limit) + 1 or line
            if letters < first:
                letters = first
        start = 0 if letters == first else letters
        after = paragraph.find(" ", letters)
        if after < 0:
            after = len(paragraph)
        if after - start > width:  # fold the word over several lines
            stop = len(paragraph) - len(paragraph[after:].lstrip(" "))
            chunks = range(start, stop, width)
            breaks.extend(at for at in chunks if at)
            line = chunks[-1]
        else:
            breaks.append(start)
            line = start
    return breaks


def fold_lines(text: str, width: int) -> list[str]:
    """Text folded as `wrap_spans` folds one span of it: a line per piece, without its
    trailing spaces (only spaces, as `wrap_spans` strips them). A paragraph that fits is
    not measured word by word (it would not break)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        fits = len(paragraph) <= width if paragraph.isascii() else cell_len(paragraph) <= width
        if fits:
            lines.append(paragraph.rstrip(" "))
            continue
        edges = [0, *wrap_offsets(paragraph, width), len(paragraph)]
        lines.extend(paragraph[a:b].rstrip(" ") for a, b in zip(edges, edges[1:], strict=False))
    return lines


def wrap_text(text: str, width: int) -> list[str]:
    """Text folded to `width` cells, each line without its trailing spaces."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        edges = [0, *wrap_offsets(paragraph, width), len(paragraph)]
        lines.extend(paragraph[a:b].rstrip() for a, b in zip(edges, edges[1:], strict=False))
    return lines


def wrap_spans(spans: Sequence[Span], width: int) -> list[Line]:
    """Styled text wrapped as `wrap_text` wraps its plain text; a newline in a span
    starts a new line."""
    plain = "".join(s.text for s in spans)
    if not any("\n" in s.text for s in spans) and cell_len(plain) <= width:
        return [_rstrip(list(spans))]
    lines: list[Line] = []
    starts: list[int] = []  # where each span begins in `plain`
    at = 0
    for s in spans:
        starts.append(at)
        at += len(s.text)
    para_start = 0
    for paragraph in plain.split("\n"):
        edges = [0, *wrap_offsets(paragraph, width), len(paragraph)]
        for a, b in zip(edges, edges[1:], strict=False):
            lines.append(_rstrip(_slice(spans, starts, para_start + a, para_start + b)))
        para_start += len(paragraph) + 1
    return lines


def _slice(spans: Sequence[Span], starts: list[int], a: int, b: int) -> Line:
    out: Line = []
    for span, start in zip(spans, starts, strict=True):
        end = start + len(span.text)
        if end <= a or start >= b:
            continue
        piece = span.text[max(a, start) - start : min(b, end) - start]
        if piece:
            out.append(Span(piece, span.style, span.link))
    return out


def _rstrip(line: Line) -> Line:
    """A line without trailing blanks, unless a style shows them (reverse video)."""
    while line:
        last = line[-1]
        if "7" in last.style.split(";"):
            break
        stripped = last.text.rstrip(" ")
        if stripped:
            line[-1] = Span(stripped, last.style, last.link)
            break
        line.pop()
    return line


def line_len(line: Line) -> int:
    return sum(cell_len(s.text) for s in line)


# -- blocks ----------------------------------------------------------------------------


def paragraph(spans: Sequence[Span] | str, width: int, style: str = "") -> list[Line]:
    if isinstance(spans, str):
        spans = [Span(spans, style)]
    return wrap_spans(spans, max(1, width))


def indent(lines: Iterable[Line], n: int) -> list[Line]:
    pad = Span(" " * n)
    return [[pad, *line] if line else line for line in lines]


class Column(NamedTuple):
    """A grid column: a label column sizes to its widest cell (up to `max_width`, folded
    beyond); the last column takes the rest of the width."""

    max_width: int | None = None
    style: str = ""


# A cell: text in the column's style, styled spans, or a function that lays out a
# block at the column's width (a grid within a grid).
if TYPE_CHECKING:
    Cell = str | Sequence[Span] | Callable[[int], list[Line]]


def _spans(cell: str | Sequence[Span], style: str) -> list[Span]:
    return [Span(cell, style)] if isinstance(cell, str) else list(cell)


def _widest(cell: Cell) -> int:
    if callable(cell):
        return 0
    text = "".join(s.text for s in _spans(cell, ""))
    return max(cell_len(piece) for piece in text.split("\n"))


def grid(
    rows: Sequence[Sequence[Cell]], width: int, columns: Sequence[Column], gap: int = 2
) -> list[Line]:
    """Rows of cells in columns `gap` apart: every column but the last as wide as its
    widest cell (capped by its max_width), the last wrapped in what is left."""
    if not rows:
        return []
    widths: list[int] = []
    for n, col in enumerate(columns[:-1]):
        widest = max(_widest(row[n]) for row in rows)
        widths.append(min(widest, col.max_width) if col.max_width else widest)
    used = sum(widths) + gap * (len(columns) - 1)
    widths.append(max(2, width - used))
    out: list[Line] = []
    for row in rows:
        cells = []
        for n, (cell, col) in enumerate(zip(row, columns, strict=True)):
            if callable(cell):
                cells.append(cell(widths[n]))
            else:
                cells.append(wrap_spans(_spans(cell, col.style), widths[n]))
        height = max(len(c) for c in cells)
        for i in range(height):
            line: Line = []
            pending = 0
            for n, cell_lines in enumerate(cells):
                part = cell_lines[i] if i < len(cell_lines) else []
                if part:
                    if pending:
                        line.append(Span(" " * pending))
                    line.extend(part)
                    pending = widths[n] - line_len(part) + gap
                else:
                    pending += widths[n] + gap
            out.append(line)
    return out


def rule(width: int, title: Sequence[Span] = (), style: str = "", char: str = "─") -> Line:
    """A line across: `title ─────` (the title left), or the character alone."""
    if not title:
        return [Span(char * width, style)]
    used = line_len(list(title))
    if used + 2 > width:
        return list(title)
    return [*title, Span(" "), Span(char * (width - used - 1), style)]


def panel(content: list[Line], width: int, style: str = "") -> list[Line]:
    """Lines in a rounded box the full width, one space of padding on each side (the
    content already wrapped to `width - 4`)."""
    inner = width - 4
    out: list[Line] = [[Span("╭" + "─" * (width - 2) + "╮", style)]]
    for line in content:
        fill = inner - line_len(line)
        out.append([Span("│", style), Span(" "), *line, Span(" " * (fill + 1)), Span("│", style)])
    out.append([Span("╰" + "─" * (width - 2) + "╯", style)])
    return out


# -- output ----------------------------------------------------------------------------


def paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{style}m{text}\x1b[0m" if color and style and text else text


def to_text(lines: Iterable[Line], color: bool) -> str:
    """Lines as text: plain, or with escape codes for styles and links (OSC 8)."""
    out = []
    for line in lines:
        if not color:
            out.append("".join(s.text for s in line))
            continue
        parts = []
        for s in line:
            text = paint(s.text, s.style, True)
            if s.link:
                text = f"\x1b]8;;{s.link}\x1b\\{text}\x1b]8;;\x1b\\"
            parts.append(text)
        out.append("".join(parts))
    return "\n".join(out) + "\n" if out else ""
