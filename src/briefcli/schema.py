"""Checking one file's nodes against knowledge format 1.

`parse_file` turns the bytes of one knowledge file into records and references, and
lists every schema problem it finds (syntax problems stop at once, schema problems are
all collected). Cross-file checks (duplicate ids, unknown references) need every file
and are made by the index.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from briefcli.dates import DateError, PartialDate
from briefcli.model import (
    DATE,
    FORMAT_VERSION,
    IDS,
    KIND_LABEL,
    PARAGRAPHS,
    SCHEMA,
    SECTIONS,
    TEXT,
)
from briefcli.problems import Problem
from briefcli.text import has_unsafe, slug
from briefcli.yamlread import Mapping, Node, Scalar, Sequence, decode, read_yaml


@dataclass
class RecordRow:
    """One record as read: its kind, id, place in the file and exported fields."""

    kind: str
    id: str
    line: int
    col: int
    data: dict[str, Any]
    sort_key: int = 0  # PartialDate.low of `date`, 0 when there is none
    end_key: int = 0  # PartialDate.high of `end` (or of `date`)


@dataclass
class Reference:
    """An id written in a record's list field, to check once every file is read."""

    kind: str  # kind of the record that refers
    id: str
    field: str
    target: str  # kind referred to
    target_id: str
    line: int
    col: int


@dataclass
class FileResult:
    path: str
    records: list[RecordRow] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


_TOP_KEYS = ["format", *SECTIONS]
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _what(node: Node) -> str:
    if node.__class__ is Mapping:
        return "a mapping"
    if node.__class__ is Sequence:
        return "a list"
    if node.is_null:  # type: ignore[union-attr]
        written = node.value  # type: ignore[union-attr]
        return f"{written!r}, which YAML reads as no value" if written else "nothing"
    text = node.value  # type: ignore[union-attr]
    return repr(text) if len(text) <= 60 else repr(text[:57]) + "…"


def _suggest(word: str, choices: list[str]) -> str:
    """A did-you-mean among the format's few keys, where difflib's conservative cutoff
    suggests only real typos (text.closest is for the large vocabularies of the data)."""
    import difflib  # only when there is something to suggest

    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _id_char(c: str) -> bool:
    """Letters (with their combining marks), digits, `-`, `_` and `.`."""
    return c.isalnum() or c in "-_." or unicodedata.category(c) in ("Mn", "Mc")


_ASCII_ID = re.compile(r"[A-Za-z0-9._-]+")


def _check_id(text: str) -> str | None:
    if _ASCII_ID.fullmatch(text):
        return None  # the common case, without a look at each character
    if not text:
        return "expected an id, found empty text"
    if not all(_id_char(c) for c in text) or has_unsafe(text):
        return f"expected an id made of letters, digits, '-', '_' and '.', found {text!r}"
    return None


class _FileChecker:
    def __init__(self, path: str) -> None:
        self.result = FileResult(path)
        self.path = path

    def problem(self, node: Node, code: str, message: str) -> None:
        self.result.problems.append(Problem(self.path, node.line, node.col, code, message))

    def check(self, root: Node | None) -> None:
        if root is None or (root.__class__ is Scalar and root.is_null):  # type: ignore[union-attr]
            return  # an empty file (or a lone `---`) is an empty knowledge base
        if root.__class__ is not Mapping:
            self.problem(
                root, "top-level",
                f"expected a mapping with keys {', '.join(_TOP_KEYS)}, found {_what(root)}",
            )
            return
        for key, value in root.items:  # type: ignore[union-attr]
            name = key.value  # type: ignore[union-attr]
            if name == "format":
                self.check_format(value)
            elif name in SECTIONS:
                self.check_section(SECTIONS[name], name, value)
            else:
                self.problem(
                    key, "unknown-key",
                    f"unknown top-level key {name!r}{_suggest(name, _TOP_KEYS)}; "
                    f"expected one of {', '.join(_TOP_KEYS)}",
                )

    def check_format(self, node: Node) -> None:
        value = node.value if node.__class__ is Scalar else None  # type: ignore[union-attr]
        if value is None or value.strip() != str(FORMAT_VERSION):
            self.problem(
                node, "format",
                f"unsupported format version {_what(node)}; expected {FORMAT_VERSION}, the "
                "format this brief reads",
            )

    def check_section(self, kind: str, section: str, node: Node) -> None:
        if node.__class__ is Scalar and node.is_null:  # type: ignore[union-attr]
            return
        if node.__class__ is not Sequence:
            self.problem(node, "type", f"expected {section} as a list, found {_what(node)}")
            return
        for item in node.items:  # type: ignore[union-attr]
            if item.__class__ is not Mapping:
                self.problem(
                    item, "type",
                    f"expected {KIND_LABEL[kind]} as a mapping of fields, found {_what(item)}",
                )
                continue
            self.check_record(kind, item)  # type: ignore[arg-type]

    def check_record(self, kind: str, node: Mapping) -> None:
        specs = SCHEMA[kind]
        data: dict[str, Any] = {}
        refs: list[tuple[str, str, Scalar]] = []
        failed: set[str] = set()
        for key, value in node.items:
            name = key.value  # type: ignore[union-attr]
            spec = specs.get(name)
            if spec is None:
                failed.add(name)
                self.problem(
                    key, "unknown-key",
                    f"unknown key {name!r} in {KIND_LABEL[kind]}{_suggest(name, list(specs))}",
                )
                continue
            if value.__class__ is Scalar and value.is_null:  # type: ignore[union-attr]
                continue  # an empty field is an absent one
            converted = self.convert(kind, name, spec.type, value)
            if converted is None:
                failed.add(name)
                continue
            data[name] = converted
            if spec.type == IDS:
                refs.extend((name, spec.target, item) for item in value.items)  # type: ignore
        for name, spec in specs.items():
            if spec.required and name not in data and name not in failed:
                failed.add(name)
                self.problem(node, "missing", f"{KIND_LABEL[kind]} needs {name!r}, found none")
        if failed:
            return
        if "id" not in data:  # derived ids: faqs from the question, briefings from the date
            words = slug(data["question"]) if kind == "faq" else ""
            if kind == "faq" and not words:
                self.problem(
                    node, "id",
                    f"cannot derive an id from the question {data['question']!r}: expected "
                    "ASCII letters or digits in it, or an 'id' for the FAQ",
                )
                return
            data = {"id": "faq-" + words if kind == "faq" else data["date"], **data}
        rid = data["id"]
        sort_key = end_key = 0
        if "date" in data and kind != "source":
            start = PartialDate.parse(data["date"])
            end = PartialDate.parse(data["end"]) if "end" in data else start
            sort_key, end_key = start.low, end.high
            if end.high < start.low:
                self.problem(
                    node, "date",
                    f"expected the end of {KIND_LABEL[kind]} on or after its date "
                    f"{data['date']}, found the end {data['end']}",
                )
                return
        self.result.records.append(
            RecordRow(kind, rid, node.line, node.col, data, sort_key, end_key)
        )
        self.result.references.extend(
            Reference(kind, rid, fname, target, item.value, item.line, item.col)  # type: ignore
            for fname, target, item in refs
        )

    def convert(self, kind: str, name: str, ftype: str, node: Node) -> Any:
        """The field's value as exported, or None after reporting a problem."""
        label = f"{name!r} of {KIND_LABEL[kind]}"
        if ftype in (TEXT, DATE):
            if node.__class__ is not Scalar:
                self.problem(node, "type", f"expected text for {label}, found {_what(node)}")
                return None
            text = node.value  # type: ignore[union-attr]
            if ftype == DATE:
                try:
                    PartialDate.parse(text)
                    if text != text.strip():
                        raise DateError(f"expected a date without spaces around it, found {text!r}")
                except DateError as exc:
                    self.problem(node, "date", f"bad date for {label}: {exc}")
                    return None
            elif name == "id":
                reason = _check_id(text)
                if reason:
                    self.problem(node, "id", f"bad id of {KIND_LABEL[kind]}: {reason}")
                    return None
            elif not text.strip() and SCHEMA[kind][name].required:
                self.problem(
                    node, "missing", f"{KIND_LABEL[kind]} needs {name!r}, found empty text"
                )
                return None
            return text
        if ftype == PARAGRAPHS and node.__class__ is Scalar:
            # One text: paragraphs are separated by blank lines (spaces allowed on them).
            text = node.value  # type: ignore[union-attr]
            paragraphs = [" ".join(p.split()) for p in _BLANK_LINE.split(text)]
            return [p for p in paragraphs if p]
        if node.__class__ is not Sequence:
            self.problem(node, "type", f"expected a list for {label}, found {_what(node)}")
            return None
        out = []
        for item in node.items:  # type: ignore[union-attr]
            if item.__class__ is not Scalar or item.is_null:  # type: ignore[union-attr]
                written = item.value if item.__class__ is Scalar else ""  # type: ignore[union-attr]
                hint = " (quote it to mean that text)" if written else ""
                self.problem(
                    item, "type", f"expected text items in {label}, found {_what(item)}{hint}"
                )
                return None
            if ftype == IDS:
                reason = _check_id(item.value)  # type: ignore[union-attr]
                if reason:
                    self.problem(item, "id", f"bad id in {label}: {reason}")
                    return None
            out.append(item.value)  # type: ignore[union-attr]
        return out


def parse_file(data: bytes, path: str) -> FileResult:
    """Records, references and problems of one knowledge file's bytes."""
    text, problems = decode(data, path)
    if text is None:
        return FileResult(path, problems=problems)
    document = read_yaml(text, path)
    if document.problems:
        return FileResult(path, problems=document.problems)
    checker = _FileChecker(path)
    checker.check(document.root)
    checker.result.problems.sort()
    return checker.result
