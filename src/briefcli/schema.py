"""Checking one file's nodes against knowledge format 1.

`parse_file` turns the bytes of one knowledge file into records and references, and
lists every schema problem it finds (syntax problems stop at once, schema problems are
all collected). Cross-file checks (duplicate ids, unknown references) need every file
and are made by the index.
"""

from __future__ import annotations

import difflib
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
    TEXTS,
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


def _what(node: Node) -> str:
    if node.__class__ is Mapping:
        return "a mapping"
    if node.__class__ is Sequence:
        return "a list"
    if node.is_null:  # type: ignore[union-attr]
        return "nothing"
    return f"{node.value!r}"  # type: ignore[union-attr]


def _suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _check_id(text: str) -> str | None:
    if not text:
        return "an id must not be empty"
    if text != text.strip() or any(c.isspace() for c in text) or has_unsafe(text):
        return f"an id must be one word without spaces or control characters, found {text!r}"
    return None


class _FileChecker:
    def __init__(self, path: str) -> None:
        self.result = FileResult(path)
        self.path = path

    def problem(self, node: Node, code: str, message: str) -> None:
        self.result.problems.append(Problem(self.path, node.line, node.col, code, message))

    def check(self, root: Node | None) -> None:
        if root is None:
            return  # an empty file is an empty knowledge base
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
                f"unsupported format version {_what(node)}; this brief reads format "
                f"{FORMAT_VERSION}",
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
                self.problem(node, "missing", f"{KIND_LABEL[kind]} needs {name!r}")
        if failed:
            return
        if "id" not in data:  # derived ids: faqs from the question, briefings from the date
            data = {"id": "faq-" + slug(data["question"]) if kind == "faq" else data["date"],
                    **data}
        rid = data["id"]
        sort_key = end_key = 0
        if "date" in data and kind != "source":
            start = PartialDate.parse(data["date"])
            end = PartialDate.parse(data["end"]) if "end" in data else start
            sort_key, end_key = start.low, end.high
            if end.high < start.low:
                self.problem(node, "date", f"the end {data['end']} is before the date {data['date']}")
                return
        self.result.records.append(RecordRow(kind, rid, node.line, node.col, data, sort_key, end_key))
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
                except DateError as exc:
                    self.problem(node, "date", f"bad date for {label}: {exc}")
                    return None
            elif name == "id":
                reason = _check_id(text)
                if reason:
                    self.problem(node, "id", reason)
                    return None
            return text
        if ftype == PARAGRAPHS and node.__class__ is Scalar:
            text = node.value  # type: ignore[union-attr]
            paragraphs = [" ".join(p.split()) for p in text.split("\n\n")]
            return [p for p in paragraphs if p]
        if node.__class__ is not Sequence:
            self.problem(node, "type", f"expected a list for {label}, found {_what(node)}")
            return None
        out = []
        for item in node.items:  # type: ignore[union-attr]
            if item.__class__ is not Scalar or item.is_null:  # type: ignore[union-attr]
                self.problem(
                    item, "type", f"expected text items in {label}, found {_what(item)}"
                )
                return None
            if ftype == IDS:
                reason = _check_id(item.value)  # type: ignore[union-attr]
                if reason:
                    self.problem(item, "id", reason)
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
