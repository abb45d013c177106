"""Reading untrusted YAML into plain nodes that remember where they were written.

PyYAML's loaders are not used: they resolve scalars by YAML 1.1 rules (`NO` becomes
false), expand aliases without bound, recurse once per nesting level (libyaml's C
composer crashes the interpreter on deep input) and silently keep the last of two
duplicate keys. Instead, the event stream of the parser (libyaml's when PyYAML has it)
is composed here into nodes, without recursion, keeping every scalar as the text written,
with bounds on depth and alias expansion. Nothing is ever constructed from a tag.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefcli.problems import Problem

MAX_DEPTH = 64
"""Deepest nesting accepted; knowledge files need about five levels."""

MAX_ALIAS_NODES = 100_000
"""Nodes that aliases may add on top of those written (bounds "billion laughs")."""

_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq")}
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


@dataclass
class Document:
    root: Node | None
    problems: list[Problem]


def _loader() -> type:
    import yaml

    return getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader


def decode(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text of a file (a BOM is dropped), or a problem at the first bad byte."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        start = exc.start
        line = data.count(b"\n", 0, start) + 1
        col = start - (data.rfind(b"\n", 0, start) + 1) + 1
        byte = data[start : start + 1].hex()
        return None, [
            Problem(path, line, col, "encoding", f"expected UTF-8 text, found byte 0x{byte}")
        ]


def read_yaml(text: str, path: str) -> Document:
    """Compose one YAML document into nodes; syntax and safety problems stop at once."""
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
            top.items.append(node)  # type: ignore[union-attr]
        elif pending_keys[-1] is None:
            pending_keys[-1] = node
        else:
            top.items.append((pending_keys[-1], node))  # type: ignore[arg-type]
            pending_keys[-1] = None

    try:
        for event in yaml.parse(text, Loader=_loader()):
            cls = event.__class__
            if cls is scalar_event:
                mark = event.start_mark
                tag = event.tag
                if tag is not None and tag != "!" and tag not in _ALLOWED_TAGS:
                    return problem(mark, "tag", f"tag {tag_text(tag)} is not allowed")
                node: Node = Scalar(
                    event.value, mark.line + 1, mark.column + 1, event.style is None and tag is None
                )
                if event.anchor is not None:
                    anchors[event.anchor] = node
                attach(node)
            elif cls is mapping_start or cls is sequence_start:
                mark = event.start_mark
                tag = event.tag
                if tag is not None and tag not in _ALLOWED_TAGS:
                    return problem(mark, "tag", f"tag {tag_text(tag)} is not allowed")
                if len(stack) >= MAX_DEPTH:
                    return problem(
                        mark, "too-deep", f"nesting deeper than {MAX_DEPTH} levels is not accepted"
                    )
                coll = (Mapping if cls is mapping_start else Sequence)(mark.line + 1, mark.column + 1)
                stack.append(coll)
                pending_keys.append(None)
                open_anchors.append(event.anchor)
            elif isinstance(event, collection_end):
                coll = stack.pop()
                pending_keys.pop()
                anchor = open_anchors.pop()
                if coll.__class__ is Mapping:
                    found = _check_keys(coll, path)  # type: ignore[arg-type]
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
                        event.start_mark, "alias", f"alias *{event.anchor} names no anchor"
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
        message = " ".join(str(x) for x in (exc.context, exc.problem) if x)
        return problem(mark, "syntax", message or "invalid YAML")
    except yaml.YAMLError as exc:  # reader errors (control characters) carry a position
        mark = getattr(exc, "position", None)
        reason = getattr(exc, "reason", None) or str(exc).splitlines()[0]
        if mark is not None:
            line = text.count("\n", 0, mark) + 1
            col = mark - (text.rfind("\n", 0, mark) + 1) + 1
            return Document(None, [Problem(path, line, col, "syntax", str(reason))])
        return Document(None, [Problem(path, 0, 0, "syntax", str(reason))])
    return Document(root, [])


def tag_text(tag: str) -> str:
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


def _size(coll: Mapping | Sequence) -> int:
    """Expanded node count of a collection, from its children's counts."""
    if coll.__class__ is Mapping:
        children = [n for pair in coll.items for n in pair]  # type: ignore[union-attr]
    else:
        children = coll.items  # type: ignore[assignment]
    return 1 + sum(getattr(child, "size", 1) for child in children)


def _check_keys(mapping: Mapping, path: str) -> Problem | None:
    """Keys must be text and unique; a `<<` merge key takes in an aliased mapping."""
    seen: dict[str, Scalar] = {}
    merged: list[tuple[Node, Node]] = []
    items = []
    for key, value in mapping.items:
        if key.__class__ is not Scalar:
            return Problem(
                path, key.line, key.col, "key-type", "expected a text key, found a collection"
            )
        if key.value == "<<" and key.plain:  # type: ignore[union-attr]
            sources = value.items if value.__class__ is Sequence else [value]  # type: ignore[union-attr]
            for source in sources:
                if source.__class__ is not Mapping:
                    return Problem(
                        path, value.line, value.col, "merge", "a '<<' merge takes a mapping"
                    )
                merged.extend(source.items)  # type: ignore[union-attr]
            continue
        first = seen.get(key.value)  # type: ignore[union-attr]
        if first is not None:
            return Problem(
                path, key.line, key.col, "duplicate-key",
                f"duplicate key {key.value!r}: first at line {first.line}, "  # type: ignore[union-attr]
                f"again at line {key.line}",
            )
        seen[key.value] = key  # type: ignore[union-attr,index]
        items.append((key, value))
    if merged:
        for key, value in merged:
            if key.value not in seen:  # type: ignore[union-attr]
                seen[key.value] = key  # type: ignore[union-attr,index]
                items.append((key, value))
        mapping.items = items
    return None
