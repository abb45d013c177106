"""Reading untrusted YAML into plain nodes that remember where they were written.

PyYAML's loaders are not used: they resolve scalars by YAML 1.1 rules (`NO` becomes
false), expand aliases without bound, recurse once per nesting level (libyaml's C
composer crashes the interpreter on deep input) and silently keep the last of two
duplicate keys. Instead, the event stream of the parser (libyaml's when PyYAML has it)
is composed here into nodes, without recursion, keeping every scalar as the text written,
with bounds on depth and alias expansion. Nothing is ever constructed from a tag.
"""

from __future__ import annotations

from briefcli.problems import Problem

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any

MAX_DEPTH = 64
"""Deepest nesting accepted; knowledge files need about five levels."""

MAX_ALIAS_NODES = 100_000
"""Nodes that aliases may add on top of those written (bounds "billion laughs")."""

_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq")}
_NON_SPECIFIC = "!"  # `! text`: a plain value read as it is written, which brief does anyway
NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class Scalar:
    __slots__ = ("value", "line", "col", "plain")

    def __init__(self, value: str, line: int, col: int, plain: bool) -> None:
        self.value = value
        self.line = line
        self.col = col
        self.plain = plain

    @property
    def is_null(self) -> bool:
        return self.plain and self.value in NULLS


class Mapping:
    __slots__ = ("items", "line", "col", "size")

    def __init__(self, line: int, col: int) -> None:
        self.items: list[tuple[Node, Node]] = []
        self.line = line
        self.col = col
        self.size = 1  # nodes in this subtree with aliases expanded


class Sequence:
    __slots__ = ("items", "line", "col", "size")

    def __init__(self, line: int, col: int) -> None:
        self.items: list[Node] = []
        self.line = line
        self.col = col
        self.size = 1  # nodes in this subtree with aliases expanded


Node = Scalar | Mapping | Sequence


class Document:
    """A file's root node (None for an empty file), or the problems that stopped it."""

    __slots__ = ("root", "problems")

    def __init__(self, root: Node | None, problems: list[Problem]) -> None:
        self.root = root
        self.problems = problems

    def __repr__(self) -> str:
        return f"Document(root={self.root!r}, problems={self.problems!r})"


def _loader() -> type:
    import yaml

    return getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text of a file (a BOM is dropped), or a problem at the first bad byte.

    The column counts characters, as the columns of every other problem do.
    """
    # Not the "utf-8-sig" codec: it is a module of its own to import, for three bytes.
    body = data[3:] if data[:3] == b"\xef\xbb\xbf" else data
    try:
        return body.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        raw = bytes(exc.object)  # the bytes after the BOM, which `start` counts in
        start = exc.start
        line_start = raw.rfind(b"\n", 0, start) + 1
        line = raw.count(b"\n", 0, start) + 1
        col = len(raw[line_start:start].decode("utf-8")) + 1  # all before the bad byte is valid
        found = f"byte 0x{raw[start : start + 1].hex()}"
        if start == 0 and data.startswith(_UTF16_BOMS):
            found += " (the file looks like UTF-16; save it as UTF-8)"
        return None, [Problem(path, line, col, "encoding", f"expected UTF-8 text, found {found}")]


def read_yaml(
    text: str, path: str, on_item: Callable[[Scalar, Node], None] | None = None
) -> Document:
    """Compose one YAML document into nodes; syntax and safety problems stop at once.

    A syntax problem shows the offending line with a caret under its column, and a hint
    for the common slips (a tab used to indent, an unquoted ': ' in a value, a missing
    '- ', wrong indentation, an unclosed quote).

    With `on_item`, each item of a list under a top-level key (each record of a section)
    is handed to `on_item(key, item)` as soon as it is read, and not kept in the tree:
    memory then holds one record at a time, not the file's. A list that has an anchor
    is kept whole (an alias may refer to it). After a problem, the items already handed
    over are not to be used.

    Knowledge files are read by `briefcli.knowledge.yamlfast` first, which reads the
    plain subset of YAML they are written in without PyYAML, and gives the rest here."""
    document = _read_yaml(text, path, on_item)
    if document.problems:
        document.problems = [_explain(p, text) for p in document.problems]
    return document


_EXCERPT_WIDTH = 100


def _excerpt(text: str, line: int, col: int) -> str:
    """Line `line` of `text`, made visible and cut to about 100 characters around
    `col`, and a caret under that column."""
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return ""
    from briefcli.text import visible

    source = lines[line - 1].rstrip("\r")
    start = max(0, col - 1 - _EXCERPT_WIDTH // 2) if len(source) > _EXCERPT_WIDTH else 0
    shown = source[start : start + _EXCERPT_WIDTH]
    prefix = "…" if start else ""
    before = visible(shown[: max(0, col - 1 - start)])
    return f"{prefix}{visible(shown)}\n{' ' * (len(prefix) + len(before))}^"


def _hint(problem: Problem, text: str) -> str:
    """A hint for the common slips behind a syntax or duplicate-key problem, or ""."""
    lines = text.split("\n")
    here = lines[problem.line - 1] if 1 <= problem.line <= len(lines) else ""
    above = lines[problem.line - 2] if 2 <= problem.line <= len(lines) else ""
    indent = here[: len(here) - len(here.lstrip(" \t"))]
    message = problem.message
    if "\t" in indent or "tab character" in message:
        return "the line is indented with a tab; YAML indents with spaces only"
    if problem.code == "duplicate-key":
        # A key met again that opened the record (`- id: a`): a new record lost its '- '.
        import re

        first = re.search(r"first at line (\d+)", message)
        opened = first and 1 <= int(first[1]) <= len(lines) and lines[int(first[1]) - 1]
        if opened and opened.lstrip().startswith("- "):
            return "if this line starts another record, it needs '- ' before it"
        return ""
    if "mapping values are not allowed" in message:
        value = here.split(": ", 1)[1] if ": " in here else ""
        if ": " in value or value.rstrip().endswith(":"):
            return "a value that holds ': ' must be quoted, as in name: \"Kosovo: the north\""
        return "this line is indented more than the line above; the keys of one record line up"
    if "quoted scalar" in message and "end of stream" in message:
        return "a quote is opened and never closed"
    if any(words in message for words in (
        "expected '-' indicator", "expected <block end>", "did not find expected key",
        "could not find expected ':'",
    )):
        if above.lstrip().startswith("- ") and not here.lstrip().startswith("- "):
            return (
                "this line's indentation does not match the record above it; its keys "
                "line up with the first key after '- '"
            )
        return (
            "this line's indentation does not match the lines above it: keys of one record "
            "line up, and each record of a list starts with '- '"
        )
    return ""


def _explain(problem: Problem, text: str) -> Problem:
    if problem.code not in ("syntax", "duplicate-key", "control-char", "tag", "alias"):
        return problem
    hint = _hint(problem, text) if problem.code in ("syntax", "duplicate-key") else ""
    message = f"{problem.message}; hint: {hint}" if hint else problem.message
    return problem._replace(
        message=message, excerpt=_excerpt(text, problem.line, problem.col)
    )


def _read_yaml(
    text: str, path: str, on_item: Callable[[Scalar, Node], None] | None = None
) -> Document:
    import yaml
    from yaml import events as ev

    scalar_event = ev.ScalarEvent
    mapping_start = ev.MappingStartEvent
    sequence_start = ev.SequenceStartEvent
    collection_end = ev.CollectionEndEvent
    alias_event = ev.AliasEvent
    document_start = ev.DocumentStartEvent

    stack: list[Mapping | Sequence] = []
    pending_keys: list[Node | None] = []  # per open mapping: the key waiting for a value
    anchors: dict[str, Node] = {}
    open_anchors: list[str | None] = []
    alias_nodes = 0
    root: Node | None = None
    documents = 0

    def problem(mark: object, code: str, message: str) -> Document:
        line = getattr(mark, "line", 0) + 1
        col = getattr(mark, "column", 0) + 1
        return Document(None, [Problem(path, line, col, code, message)])

    def attach(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        top = stack[-1]
        if top.__class__ is Sequence:
            if (
                on_item is not None and len(stack) == 2 and open_anchors[1] is None
                and pending_keys[0].__class__ is Scalar
            ):
                on_item(pending_keys[0], node)
                return
            top.items.append(node)
        elif pending_keys[-1] is None:
            pending_keys[-1] = node
        else:
            top.items.append((pending_keys[-1], node))  # type: ignore[arg-type]
            pending_keys[-1] = None

    try:
        events: Iterable[Any] = yaml.parse(text, Loader=_loader())  # typed as Any: hot loop
        for event in events:
            cls = event.__class__
            if cls is scalar_event:
                mark = event.start_mark
                tag = event.tag
                if tag is not None and tag != _NON_SPECIFIC and tag not in _ALLOWED_TAGS:
                    return problem(mark, "tag", _tag_message(tag))
                # A plain scalar has no style: None from the pure-Python parser, "" from
                # libyaml's. Only a plain one can be null (`~`) or a merge key (`<<`).
                node: Node = Scalar(
                    event.value, mark.line + 1, mark.column + 1, not event.style and tag is None
                )
                if event.anchor is not None:
                    anchors[event.anchor] = node
                attach(node)
            elif cls is mapping_start or cls is sequence_start:
                mark = event.start_mark
                tag = event.tag
                if tag is not None and tag != _NON_SPECIFIC and tag not in _ALLOWED_TAGS:
                    return problem(mark, "tag", _tag_message(tag))
                if len(stack) >= MAX_DEPTH:
                    return problem(mark, "too-deep", _TOO_DEEP)
                kind = Mapping if cls is mapping_start else Sequence
                coll = kind(mark.line + 1, mark.column + 1)
                stack.append(coll)
                pending_keys.append(None)
                open_anchors.append(event.anchor)
            elif isinstance(event, collection_end):
                coll = stack.pop()
                pending_keys.pop()
                anchor = open_anchors.pop()
                if coll.__class__ is Mapping:
                    found = _check_keys(coll, path)
                    if found:
                        return Document(None, [found])
                coll.size = _size(coll)
                if anchor is not None:
                    anchors[anchor] = coll
                attach(coll)
            elif cls is alias_event:
                target = anchors.get(event.anchor)
                if target is None:
                    if event.anchor in open_anchors:
                        return problem(
                            event.start_mark, "alias",
                            f"alias *{event.anchor} refers to a node that contains it",
                        )
                    return problem(
                        event.start_mark, "alias",
                        f"alias *{event.anchor} refers to no anchor; expected an anchor "
                        f"&{event.anchor} written before it",
                    )
                alias_nodes += getattr(target, "size", 1)
                if alias_nodes > MAX_ALIAS_NODES:
                    return problem(
                        event.start_mark, "alias-bomb",
                        f"aliases expand to more than {MAX_ALIAS_NODES:,} nodes",
                    )
                attach(target)
            elif cls is document_start:
                documents += 1
                if documents > 1:
                    return problem(
                        event.start_mark, "documents",
                        "expected one YAML document, found a second '---'",
                    )
                anchors.clear()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.problem and "maximum nesting depth" in exc.problem:
            # libyaml's own bound (1,000 levels), met while it scans ahead in flow style
            return problem(mark, "too-deep", _TOO_DEEP)
        message = f"invalid YAML: {exc.problem or exc.context or 'cannot be read'}"
        start = exc.context_mark
        if exc.problem and exc.context and start is not None and start is not mark:
            where = f"line {start.line + 1}, column {start.column + 1}"
            message += f" ({exc.context} started at {where})"
        return problem(mark, "syntax", message)
    except yaml.YAMLError as exc:  # a reader error: a character YAML does not allow
        return Document(None, [_reader_problem(exc, text, path)])
    return Document(root, [])


_TOO_DEEP = (
    f"nesting deeper than {MAX_DEPTH} levels is not accepted (knowledge files need about five)"
)


def _tag_message(tag: str) -> str:
    return (
        f"tag {tag_text(tag)} is not allowed; knowledge files hold plain text, lists and "
        "mappings (only the standard tags !!str, !!int, !!float, !!bool, !!null, !!map and "
        "!!seq are accepted)"
    )


def _reader_problem(exc: Exception, text: str, path: str) -> Problem:
    """Where the character a reader error complains about is, in lines and characters.

    libyaml reports a byte offset into the UTF-8 text and the pure-Python reader a
    character offset; both report the character, and its first occurrence is the one.
    """
    code = getattr(exc, "character", None)
    at = text.find(chr(code)) if isinstance(code, int) and 0 <= code < 0x110000 else -1
    if at < 0:
        position = getattr(exc, "position", None)
        at = position if isinstance(position, int) and 0 <= position <= len(text) else -1
    if at < 0:
        return Problem(path, 0, 0, "syntax", f"invalid YAML: {str(exc).splitlines()[0]}")
    line = text.count("\n", 0, at) + 1
    col = at - (text.rfind("\n", 0, at) + 1) + 1
    if isinstance(code, int):
        return Problem(
            path, line, col, "control-char",
            f"found the character U+{code:04X}, which YAML does not allow written as it is; "
            f"expected printable text (inside double quotes it may be written \\u{code:04x})",
        )
    reason = getattr(exc, "reason", None) or str(exc).splitlines()[0]
    return Problem(path, line, col, "syntax", f"invalid YAML: {reason}")


def tag_text(tag: str) -> str:
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


def _size(coll: Mapping | Sequence) -> int:
    """Expanded node count of a collection, from its children's counts."""
    children = (
        [n for pair in coll.items for n in pair]
        if coll.__class__ is Mapping
        else coll.items
    )
    return 1 + sum(getattr(child, "size", 1) for child in children)


def _kind_of(node: Node) -> str:
    if node.__class__ is Mapping:
        return "a mapping"
    return "a list" if node.__class__ is Sequence else "a single value"


def _check_keys(mapping: Mapping, path: str) -> Problem | None:
    """Keys must be text and unique; a `<<` merge key takes in an aliased mapping."""
    seen: dict[str, Scalar] = {}
    merged: list[tuple[Node, Node]] | None = None
    items: list[tuple[Node, Node]] = []
    for key, value in mapping.items:
        if key.__class__ is not Scalar:
            return Problem(
                path, key.line, key.col, "key-type", f"expected a text key, found {_kind_of(key)}"
            )
        if key.value == "<<" and key.plain:
            sources = value.items if value.__class__ is Sequence else [value]
            merged = merged if merged is not None else []
            for source in sources:
                if source.__class__ is not Mapping:
                    return Problem(
                        path, source.line, source.col, "merge",
                        "a '<<' merge key expected a mapping (or a list of mappings), "
                        f"found {_kind_of(source)}",
                    )
                merged.extend(source.items)
            continue
        first = seen.get(key.value)
        if first is not None:
            return Problem(
                path, key.line, key.col, "duplicate-key",
                f"duplicate key {key.value!r}: first at line {first.line}, "
                f"again at line {key.line}; expected each key once in a mapping",
            )
        seen[key.value] = key
        items.append((key, value))
    if merged is not None:  # keys written in the mapping win over merged ones, then in order
        for key, value in merged:
            if isinstance(key, Scalar) and key.value not in seen:  # merged keys were checked
                seen[key.value] = key
                items.append((key, value))
        mapping.items = items
    return None
