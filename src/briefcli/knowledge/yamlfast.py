"""A reader for the plain YAML that knowledge files are written in, without PyYAML.

Importing PyYAML costs the first call after an edit more than reading the edited file
does (its reader compiles a large regular expression at import). Knowledge files use
little of YAML: block mappings and lists, plain, single- and double-quoted text, block
text (`|`, `>`, with `-` or nothing after it), one-line lists of plain or quoted words
(`[a, 'b, c']`) and comments. `read_subset` reads exactly that into the nodes `briefcli.knowledge.
yamlread` makes, with the same values and the same places (line and column of each node,
as libyaml marks them), and gives up (returns None) at the first thing outside it:
anchors, aliases, tags, directives, `---`, flow mappings, tabs, line breaks other than
`\\n`, characters that need care (anything `str.isprintable` refuses), unusual
indentation, text that continues on the next line, duplicate or merge keys, keys of more
than 1,000 characters, and every error. The full reader then reads the file, and says
what is wrong where. A value is kept as the text written (as `yamlread` keeps it), so
YAML 1.1's readings of `yes`, `0x1f` or `1_000` do not matter here.

Records of a top-level list are handed to `on_item` only once the whole file has been
read, so that giving up never leaves records half handed on: the file is then held in
memory, which is why only files up to `LIMIT` characters are read here.
"""

from __future__ import annotations

from briefcli.knowledge.yamlread import Document, Mapping, Scalar, Sequence

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from briefcli.knowledge.yamlread import Node

LIMIT = 1_000_000
"""Longest text read here, in characters (larger files stream through the full reader)."""

MAX_DEPTH = 24
"""Deepest nesting read here; knowledge files need about five levels."""

MAX_KEY = 1_000
"""Longest key read here (libyaml refuses a key of more than 1,024 characters)."""

# Characters that start something other than plain text when they begin a value or key.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
# What a plain word of a one-line list may not hold (its end is at `_FLOW_END`).
_NOT_IN_WORD = frozenset("[]{}#:")
_FLOW_END = frozenset(",]")
_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v",
    "f": "\f", "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\",
    "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029",
}
_HEX = {"x": 2, "u": 4, "U": 8}
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")


class _Outside(Exception):
    """The text leaves the subset: the full reader takes over."""


def read_subset(
    text: str, path: str, on_item: Callable[[Scalar, Node], None] | None = None
) -> Document | None:
    """The document `yamlread.read_yaml` would give for `text`, or None when `text` is
    outside the subset this reader knows (or longer than LIMIT). The checker's
    `parse_text` asks here first."""
    if len(text) > LIMIT or "\r" in text:
        return None
    try:
        root = _Reader(text.split("\n")).document()
    except (_Outside, RecursionError):
        return None
    if on_item is not None and isinstance(root, Mapping):
        _hand_on(root, on_item)
    return Document(root, [])


def _hand_on(root: Mapping, on_item: Callable[[Scalar, Node], None]) -> None:
    """Each item of each top-level list to `on_item`, in the order written, taken out of
    the tree as the streaming reader leaves it."""
    size = 1
    for key, value in root.items:
        if isinstance(value, Sequence):
            for item in value.items:
                on_item(key, item)  # type: ignore[arg-type]  # keys here are Scalars
            value.items = []
            value.size = 1
        size += 1 + (1 if isinstance(value, Scalar) else value.size)
    root.size = size


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


class _Reader:
    """Block structure read line by line. Columns are 0-based inside; nodes get 1-based
    lines and columns. `parent` is the indentation of the collection a value belongs to:
    text continued on a line more indented than it is outside the subset."""

    def __init__(self, lines: list[str]) -> None:
        indents: list[int] = []  # of each line; -1 for one of spaces or a comment only
        for line in lines:
            if not line.isprintable():
                raise _Outside  # tabs, controls, BOMs, separators other than a space
            stripped = line.lstrip(" ")
            indents.append(len(line) - len(stripped) if stripped[:1] not in ("", "#") else -1)
        self.lines = lines
        self.indents = indents
        self.count = len(lines)
        self.depth = 0
        self.end = 0  # where the last quoted item of a one-line list closed

    def skip(self, i: int) -> int:
        """The first line from `i` that holds more than spaces and a comment."""
        indents, count = self.indents, self.count
        while i < count and indents[i] < 0:
            i += 1
        return i

    def document(self) -> Node | None:
        lines = self.lines
        for line in lines:
            if line[:3] in ("---", "...") or line[:1] == "%":
                raise _Outside  # document markers and directives
        i = self.skip(0)
        if i == self.count:
            return None  # empty, or comments only
        line = lines[i]
        if line[0] == " ":
            raise _Outside
        root: Node
        if line == "-" or line.startswith("- "):
            root, i = self.sequence(i, 0, False)
        else:
            root, i = self.mapping(i, 0)
        if self.skip(i) != self.count:
            raise _Outside
        return root

    # -- collections

    def mapping(self, i: int, col: int) -> tuple[Mapping, int]:
        """The block mapping whose first key is at line `i`, column `col` (after a '- '
        on that line, or the first thing on it)."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Outside
        lines = self.lines
        node = Mapping(i + 1, col + 1)
        seen: set[str] = set()
        size = 1
        first = True
        while True:
            if first:
                first = False
            else:
                i = self.skip(i)
                if i == self.count:
                    break
                indent = self.indents[i]
                if indent < col:
                    break
                if indent > col:
                    raise _Outside
            line = lines[i]
            content = line[col:]
            at = content.find(": ")
            if at < 0:
                if not content.endswith(":"):
                    raise _Outside  # a list entry or text where a key belongs
                at = len(content) - 1
            name = content[:at]
            if (
                not name or name[0] in _INDICATORS or name[-1] == " " or " #" in name
                or len(name) > MAX_KEY or name == "<<" or name in seen
            ):
                raise _Outside
            seen.add(name)
            key = Scalar(name, i + 1, col + 1, True)
            value, i = self.value(i, col + at + 1, col, True)
            node.items.append((key, value))
            size += 1 + (value.size if value.__class__ is not Scalar else 1)  # type: ignore[union-attr]
        node.size = size
        self.depth -= 1
        return node, i

    def sequence(self, i: int, col: int, indentless: bool) -> tuple[Sequence, int]:
        """The block list whose first '-' is at line `i`, column `col` (`indentless`: its
        entries line up with the keys of the mapping it is the value of)."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Outside
        lines = self.lines
        node = Sequence(i + 1, col + 1)
        size = 1
        while True:
            i = self.skip(i)
            if i == self.count:
                break
            line = lines[i]
            indent = self.indents[i]
            if indent < col:
                break
            if indent > col:
                raise _Outside
            if not (line.endswith("-") and len(line) == col + 1 or line.startswith("- ", col)):
                if indentless:
                    break  # the next key of the mapping
                raise _Outside
            value, i = self.value(i, col + 1, col, False)
            node.items.append(value)
            size += value.size if value.__class__ is not Scalar else 1  # type: ignore[union-attr]
        node.size = size
        self.depth -= 1
        return node, i

    # -- values

    def value(self, i: int, start: int, parent: int, in_mapping: bool) -> tuple[Node, int]:
        """The value after the ':' or '-' that ends at line `i`, column `start`; `parent`
        is the indentation of the collection it belongs to. Returns the node and the line
        after it."""
        line = self.lines[i]
        rest = line[start:]
        stripped = rest.lstrip(" ")
        at = start + len(rest) - len(stripped)  # where the value begins
        if not stripped or (stripped[0] == "#" and at > start):
            return self.below(i, start, parent, in_mapping)
        first = stripped[0]
        if first == '"':
            return self.quoted(line, i, at, _double), i + 1
        if first == "'":
            return self.quoted(line, i, at, _single), i + 1
        if first == "[":
            return self.flow(line, i, at), i + 1
        if first in "|>":
            return self.block(line, i, at, parent)
        if first in _INDICATORS:
            raise _Outside
        cut = stripped.find(" #")
        body = stripped if cut < 0 else stripped[:cut]
        if ": " in body or body.rstrip(" ").endswith(":"):
            if in_mapping:
                raise _Outside  # `key: a: b`
            return self.mapping(i, at)  # `- key: value` opens a mapping
        return self.plain(stripped, i, at, parent), i + 1

    def below(self, i: int, start: int, parent: int, in_mapping: bool) -> tuple[Node, int]:
        """The value of a key or entry with nothing after it on its line."""
        j = self.skip(i + 1)
        if j < self.count:
            line = self.lines[j]
            indent = self.indents[j]
            entry = line.startswith("- ", indent) or len(line) == indent + 1 and line[-1] == "-"
            if indent > parent:
                if entry:
                    return self.sequence(j, indent, False)
                return self.mapping(j, indent)
            if indent == parent and entry and in_mapping:
                return self.sequence(j, indent, True)
        # No value: an empty scalar, marked where the ':' or '-' ends (as libyaml does).
        return Scalar("", i + 1, start + 1, True), i + 1

    def plain(self, text: str, i: int, at: int, parent: int) -> Scalar:
        """Plain text on one line (up to a comment), which must not continue below."""
        cut = text.find(" #")
        if cut >= 0:
            text = text[:cut]
        text = text.rstrip(" ")
        if cut < 0:
            j = self.skip(i + 1)
            if j < self.count and self.indents[j] > parent:
                raise _Outside  # text continued on the next line (or a misplaced key)
            # A blank line before a less indented one ends the text; comments too.
        return Scalar(text, i + 1, at + 1, True)

    def quoted(
        self, line: str, i: int, at: int, unquote: Callable[[str], str | None],
        in_flow: bool = False,
    ) -> Scalar:
        """Quoted text that closes on its line (`in_flow`: an item of a one-line list,
        followed by ',' or ']'; else nothing but a comment may follow)."""
        quote = line[at]
        end = at + 1
        while True:
            end = line.find(quote, end)
            if end < 0:
                raise _Outside  # continued on the next line, or never closed
            if quote == "'" and line.startswith("''", end):
                end += 2
                continue
            if quote == '"' and _escaped(line, at + 1, end):
                end += 1
                continue
            break
        if in_flow:
            self.end = end
        else:
            _comment_only(line, end + 1)
        value = unquote(line[at + 1 : end])
        if value is None:
            raise _Outside
        return Scalar(value, i + 1, at + 1, False)

    def flow(self, line: str, i: int, at: int) -> Sequence:
        """A one-line list of plain, single- or double-quoted words: `[a, 'b c', "d"]`
        or `[]`."""
        node = Sequence(i + 1, at + 1)
        items = node.items
        pos = at + 1
        n = len(line)
        while True:
            while pos < n and line[pos] == " ":
                pos += 1
            if pos >= n:
                raise _Outside  # continued on the next line
            c = line[pos]
            if c == "]" and not items:
                break  # `[]`
            if c == "'" or c == '"':
                scalar = self.quoted(line, i, pos, _single if c == "'" else _double, True)
                pos = self.end + 1
            else:
                end = pos
                while end < n and line[end] not in _FLOW_END:
                    end += 1
                text = line[pos:end].rstrip(" ")
                if not text or text[0] in _INDICATORS or not _NOT_IN_WORD.isdisjoint(text):
                    raise _Outside
                scalar = Scalar(text, i + 1, pos + 1, True)
                pos = end
            items.append(scalar)
            while pos < n and line[pos] == " ":
                pos += 1
            if pos >= n:
                raise _Outside
            if line[pos] == "]":
                break
            if line[pos] != ",":
                raise _Outside
            pos += 1
        _comment_only(line, pos + 1)
        node.size = 1 + len(items)
        return node

    def block(self, line: str, i: int, at: int, parent: int) -> tuple[Scalar, int]:
        """Block text: `|` keeps its lines, `>` folds them; `-` after either drops the
        last line break."""
        style = line[at]
        header = line[at + 1 :]
        strip = header.startswith("-")
        if strip:
            header = header[1:]
        if header and (header[0] != " " or header.lstrip(" ")[:1] not in ("", "#")):
            raise _Outside  # `+`, an indentation digit, or something after the header
        lines, count = self.lines, self.count
        j = i + 1
        while j < count and not lines[j].strip(" "):
            j += 1  # blank lines before the text: each a line break of it
        if j >= count:
            raise _Outside  # no text at all
        indent = _indent(lines[j])
        if indent <= parent:
            raise _Outside  # empty block text
        lead = j - i - 1
        if any(len(lines[k]) > indent for k in range(i + 1, j)):
            raise _Outside  # a blank line before the text longer than its indentation
        first = j
        parts: list[str] = []  # the lines of the text, "" for a blank one
        last = j  # the last line of text
        while j < count:
            text = lines[j]
            if not text.strip(" "):
                if len(text) > indent:
                    raise _Outside  # spaces that belong to the text
                parts.append("")
            elif _indent(text) >= indent:
                part = text[indent:]
                if style == ">" and part[0] == " ":
                    raise _Outside  # a more indented line of folded text
                parts.append(part)
                last = j
            else:
                break
            j += 1
        del parts[last - first + 1 :]  # blank lines after the text are chomped
        value = "\n" * lead + ("\n".join(parts) if style == "|" else _fold(parts))
        if not strip and last + 1 < count:
            value += "\n"  # the line break after the last line, where there is one
        return Scalar(value, i + 1, at + 1, False), j


def _fold(parts: list[str]) -> str:
    """Folded text: a line break between two lines of text becomes a space; blank lines
    between them stay line breaks."""
    out = parts[0]
    blanks = 0
    for part in parts[1:]:
        if not part:
            blanks += 1
            continue
        out += "\n" * blanks if blanks else " "
        out += part
        blanks = 0
    return out


def _comment_only(line: str, at: int) -> None:
    """Nothing but spaces, or spaces and a comment, may follow a closed value."""
    rest = line[at:]
    stripped = rest.lstrip(" ")
    if stripped and not (stripped[0] == "#" and len(stripped) < len(rest)):
        raise _Outside


def _escaped(line: str, start: int, at: int) -> bool:
    """Whether the quote at `at` is escaped (an odd number of backslashes before it)."""
    n = 0
    while at - n - 1 >= start and line[at - n - 1] == "\\":
        n += 1
    return n % 2 == 1


def _single(text: str) -> str | None:
    return text.replace("''", "'")


def _double(text: str) -> str | None:
    """The text of a one-line double-quoted value, its escapes read; None for an escape
    outside the subset (or an invalid one, which the full reader reports)."""
    if "\\" not in text:
        return text
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        if i + 1 >= n:
            return None  # a line continued on the next one
        e = text[i + 1]
        if e in _ESCAPES:
            out.append(_ESCAPES[e])
            i += 2
            continue
        width = _HEX.get(e)
        digits = text[i + 2 : i + 2 + width] if width else ""
        if not width or len(digits) != width or not _HEX_DIGITS.issuperset(digits):
            return None
        code = int(digits, 16)
        if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
            return None
        out.append(chr(code))
        i += 2 + width
    return "".join(out)
