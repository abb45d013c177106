"""Checking one file's nodes against knowledge format 1.

`parse_file` turns the bytes of one knowledge file into records and references, and
lists every schema problem it finds (syntax problems stop at once, schema problems are
all collected). The rules themselves (ids, dates, field values) are `briefcli.knowledge.rules`;
this module walks the nodes and says where. Cross-file checks (duplicate ids, unknown
references) need every file and are made by the index, and only once every file has
passed this stage: `FileResult.complete` says whether it did.
"""

from __future__ import annotations

from briefcli.knowledge.model import IDS, KINDS, SECTIONS
from briefcli.knowledge.rules import (
    FORMAT_VERSION,
    RuleError,
    check_id,
    convert,
    derive_id,
    sort_keys,
)
from briefcli.knowledge.yamlfast import read_subset
from briefcli.knowledge.yamlread import Mapping, Node, Scalar, Sequence, decode, read_yaml
from briefcli.problems import Problem

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any


# Plain classes rather than dataclasses: `dataclasses` imports `inspect` (and with it
# `ast`, `tokenize`, `dis`), which would cost the first call after an edit more than
# reading the edited file does. Each has the fields, defaults, repr and equality the
# dataclass had.


class _Plain:
    __slots__: tuple[str, ...] = ()

    def _fields(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # mutable, as a dataclass is

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{self.__class__.__qualname__}({fields})"


class RecordRow(_Plain):
    """One record as read: its kind, id, place in the file and exported fields."""

    __slots__ = ("kind", "id", "line", "col", "data", "sort_key", "end_key")

    def __init__(
        self, kind: str, id: str, line: int, col: int, data: dict[str, Any],
        sort_key: int = 0, end_key: int = 0,
    ) -> None:
        self.kind = kind
        self.id = id
        self.line = line
        self.col = col
        self.data = data
        self.sort_key = sort_key  # PartialDate.low of `date`, 0 when there is none
        self.end_key = end_key  # PartialDate.high of `end` (or of `date`)


class Reference(_Plain):
    """An id written in a record's list field, to check once every file is read."""

    __slots__ = ("kind", "id", "field", "target", "target_id", "line", "col")

    def __init__(
        self, kind: str, id: str, field: str, target: str, target_id: str, line: int, col: int
    ) -> None:
        self.kind = kind  # kind of the record that refers
        self.id = id
        self.field = field
        self.target = target  # kind referred to
        self.target_id = target_id
        self.line = line
        self.col = col


class FileResult(_Plain):
    """What one file holds: records, references, problems.

    `declared`: (kind, id) of records that are written but invalid: a reference to one of
    them is not an unknown reference, since fixing the record is what makes it valid.
    `complete`: False when part of the file could not be read as records at all (a syntax
    error, an unknown section): what it defines is then unknown, and so are unknown
    references. `read`: False when the file was refused before its records could be used
    (not UTF-8, not valid YAML, hostile): nothing of it is used, also what was already
    handed on."""

    __slots__ = ("path", "records", "references", "problems", "declared", "complete", "read")

    def __init__(
        self, path: str, records: list[RecordRow] | None = None,
        references: list[Reference] | None = None, problems: list[Problem] | None = None,
        declared: list[tuple[str, str]] | None = None, complete: bool = True,
        read: bool = True,
    ) -> None:
        self.path = path
        self.records: list[RecordRow] = [] if records is None else records
        self.references: list[Reference] = [] if references is None else references
        self.problems: list[Problem] = [] if problems is None else problems
        self.declared: list[tuple[str, str]] = [] if declared is None else declared
        self.complete = complete
        self.read = read


_TOP_KEYS = ["format", *SECTIONS]


def _what(node: Node) -> str:
    if node.__class__ is Mapping:
        return "a mapping"
    if node.__class__ is Sequence:
        return "a list"
    assert isinstance(node, Scalar)
    if node.is_null:
        written = node.value
        return f"{written!r}, which YAML reads as no value" if written else "nothing"
    text = node.value
    return repr(text) if len(text) <= 60 else repr(text[:57]) + "…"


def _suggest(word: str, choices: list[str]) -> str:
    """A did-you-mean among the format's few keys, where difflib's conservative cutoff
    suggests only real typos (the large vocabularies of the data have their own)."""
    import difflib  # only when there is something to suggest

    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


class _FileChecker:
    def __init__(self, path: str) -> None:
        self.result = FileResult(path)
        self.path = path

    def problem(self, node: Node, code: str, message: str) -> None:
        self.result.problems.append(Problem(self.path, node.line, node.col, code, message))

    def check(self, root: Node | None) -> None:
        if root is None or (isinstance(root, Scalar) and root.is_null):
            return  # an empty file (or a lone `---`) is an empty knowledge base
        if not isinstance(root, Mapping):
            self.result.complete = False
            self.problem(
                root, "top-level",
                f"expected a mapping with keys {', '.join(_TOP_KEYS)}, found "
                # Not quoted: a file that is not knowledge at all (a key, a token that a
                # careless name or link brought in) must not reach a public log.
                + ("text, not YAML mappings" if isinstance(root, Scalar) else _what(root)),
            )
            return
        for key, value in root.items:
            assert isinstance(key, Scalar)
            name = key.value
            if name == "format":
                self.check_format(value)
            elif name in SECTIONS:
                self.check_section(SECTIONS[name], name, value)
            else:
                self.result.complete = False
                self.problem(
                    key, "unknown-key",
                    f"unknown top-level key {name!r}{_suggest(name, _TOP_KEYS)}; "
                    f"expected one of {', '.join(_TOP_KEYS)}",
                )

    def item(self, key: Scalar, node: Node) -> None:
        """One item of a top-level list, read before the rest of the file (streaming)."""
        kind = SECTIONS.get(key.value)
        if kind is None:
            return  # under an unknown key: reported with the key, at the end
        if not isinstance(node, Mapping):
            self.problem(
                node, "type",
                f"expected {KINDS[kind].label} as a mapping of fields, found {_what(node)}",
            )
            return
        self.check_record(kind, node)

    def handover(self) -> FileResult:
        """The records read so far (with their references and declared ids), taken out."""
        r = self.result
        part = FileResult(r.path, r.records, r.references, [], r.declared)
        r.records, r.references, r.declared = [], [], []
        return part

    def check_format(self, node: Node) -> None:
        value = node.value if isinstance(node, Scalar) else None
        if value is None or value.strip() != str(FORMAT_VERSION):
            self.result.complete = False
            self.problem(
                node, "format",
                f"unsupported format version {_what(node)}; expected {FORMAT_VERSION}, the "
                "format this brief reads",
            )

    def check_section(self, kind: str, section: str, node: Node) -> None:
        if isinstance(node, Scalar) and node.is_null:
            return
        if not isinstance(node, Sequence):
            self.result.complete = False
            self.problem(node, "type", f"expected {section} as a list, found {_what(node)}")
            return
        for item in node.items:
            if not isinstance(item, Mapping):
                self.problem(
                    item, "type",
                    f"expected {KINDS[kind].label} as a mapping of fields, found {_what(item)}",
                )
                continue
            self.check_record(kind, item)

    def check_record(self, kind: str, node: Mapping) -> None:
        specs = KINDS[kind].fields
        data: dict[str, Any] = {}
        refs: list[tuple[str, str, Scalar]] = []
        failed: set[str] = set()
        for key, value in node.items:
            assert isinstance(key, Scalar)
            name = key.value
            spec = specs.get(name)
            if spec is None:
                failed.add(name)
                self.problem(
                    key, "unknown-key",
                    f"unknown key {name!r} in {KINDS[kind].label}{_suggest(name, list(specs))}",
                )
                continue
            if isinstance(value, Scalar) and value.is_null:
                continue  # an empty field is an absent one
            plain = self.plain(kind, name, value)
            if plain is None:
                failed.add(name)
                continue
            try:
                data[name] = convert(kind, spec, plain)
            except RuleError as exc:
                failed.add(name)
                self.problem(self.culprit(value, exc), exc.code, exc.message)
                continue
            if spec.type == IDS and isinstance(value, Sequence):
                assert spec.target is not None
                refs.extend((name, spec.target, item) for item in value.items)  # type: ignore[misc]
        for name, spec in specs.items():
            if spec.required and name not in data and name not in failed:
                failed.add(name)
                self.problem(node, "missing", f"{KINDS[kind].label} needs {name!r}, found none")
        if failed:
            self.declare(kind, data, node)
            return
        try:
            rid = derive_id(kind, data)
            data = {"id": rid, **data}
            sort_key, end_key = sort_keys(kind, data)
        except RuleError as exc:
            self.problem(node, exc.code, exc.message)
            self.declare(kind, data, node)
            return
        self.result.records.append(
            RecordRow(kind, rid, node.line, node.col, data, sort_key, end_key)
        )
        self.result.references.extend(
            Reference(kind, rid, fname, target, item.value, item.line, item.col)
            for fname, target, item in refs
        )

    def declare(self, kind: str, data: dict[str, Any], node: Mapping) -> None:
        """Remember the id of an invalid record, when it has one that can be known."""
        if "id" in data:
            self.result.declared.append((kind, data["id"]))
            return
        for key, value in node.items:
            if isinstance(key, Scalar) and key.value == "id" and isinstance(value, Scalar):
                self.result.declared.append((kind, value.value))
                return
        # When no id can be known, references to the record stay unknown.
        try:  # noqa: SIM105 (contextlib is not imported for an edit)
            self.result.declared.append((kind, derive_id(kind, data)))
        except (RuleError, KeyError):
            pass

    @staticmethod
    def culprit(node: Node, exc: RuleError) -> Node:
        """The list item a rule failed on (the first bad id of a list), else the node."""
        if isinstance(node, Sequence) and exc.code == "id":
            for item in node.items:
                try:
                    check_id(item.value)  # type: ignore[union-attr]
                except RuleError:
                    return item
        return node

    def plain(self, kind: str, name: str, node: Node) -> str | list[str] | None:
        """The node as text or a list of texts, or None after reporting its shape."""
        label = f"{name!r} of {KINDS[kind].label}"
        ftype = KINDS[kind].fields[name].type
        if isinstance(node, Scalar):
            return node.value
        if ftype in ("text", "date"):
            self.problem(node, "type", f"expected text for {label}, found {_what(node)}")
            return None
        if not isinstance(node, Sequence):
            self.problem(node, "type", f"expected a list for {label}, found {_what(node)}")
            return None
        out = []
        for item in node.items:
            if not isinstance(item, Scalar) or item.is_null:
                written = item.value if isinstance(item, Scalar) else ""
                hint = " (quote it to mean that text)" if written else ""
                self.problem(
                    item, "type", f"expected text items in {label}, found {_what(item)}{hint}"
                )
                return None
            out.append(item.value)
        return out


BATCH = 2_000  # records handed on at a time when streaming


def parse_file(
    data: bytes, path: str, sink: Callable[[FileResult], None] | None = None
) -> FileResult:
    """Records, references and problems of one knowledge file's bytes.

    With `sink`, records are checked as they are read and handed on in batches (each a
    FileResult with records, references and declared ids, no problems), so that memory
    holds a batch, not the file; the result then holds the rest and every problem. When
    the result says `read` is False, what was handed on must be discarded.
    """
    text, problems = decode(data, path)
    if text is None:
        return FileResult(path, problems=problems, complete=False, read=False)
    return parse_text(text, path, sink)


def parse_text(
    text: str, path: str, sink: Callable[[FileResult], None] | None = None
) -> FileResult:
    """`parse_file` for text already decoded (so that a caller can let go of the bytes)."""
    checker = _FileChecker(path)
    on_item = None
    if sink is not None:
        def on_item(key: Scalar, item: Node) -> None:
            checker.item(key, item)
            if len(checker.result.records) >= BATCH:
                sink(checker.handover())

    # The plain YAML knowledge files are written in without PyYAML; the rest (and every
    # error) with it.
    document = read_subset(text, path, on_item)
    if document is None:
        document = read_yaml(text, path, on_item)
    if document.problems:
        return FileResult(path, problems=document.problems, complete=False, read=False)
    checker.check(document.root)
    checker.result.problems.sort()
    return checker.result
