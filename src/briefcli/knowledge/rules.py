"""The rules of knowledge format 1, as public functions on plain values.

`brief check` (through the checker, which walks YAML nodes), the article ingester, the
glossary importer and the JSON Schema generator all apply exactly these rules: what an
id may be, how a missing id is derived, what a date is, and how a field's value is
converted to the form it is stored in. A rule that fails raises `RuleError` with a
message that says what was found and what was expected; the caller adds the place.
"""

from __future__ import annotations

import unicodedata

from briefcli.knowledge.dates import DateError, PartialDate
from briefcli.knowledge.model import DATE, IDS, KINDS, PARAGRAPHS, TEXT, TEXTS, FieldSpec
from briefcli.text import has_unsafe, slug

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Container
    from typing import Any

FORMAT_VERSION = 1

ID_PATTERN = r"^[^\x00-\x2c/\x3a-\x40\x5b-\x5e\x60\x7b-\x9f\s]+$"
"""What an id looks like, for the JSON Schema: no space, control or ASCII punctuation but
'-', '.' and '_' (the checker's rule, `check_id`, also refuses symbols)."""

DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
"""What a date looks like, for the JSON Schema (real dates are checked by `check_date`)."""


MAX_TEXT = 100_000
"""Longest text value, in characters (a long briefing paragraph is a few thousand)."""

MAX_ITEMS = 10_000
"""Most items in one list field (ids, aliases, paragraphs of a body)."""


class RuleError(ValueError):
    """A value breaks a rule of the format; the message says what and what was expected.

    `code` is the problem code it is reported under (see problems.CODES).
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


_ASCII_ID = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-")


def _id_char(c: str) -> bool:
    """Letters (with their combining marks), digits, `-`, `_` and `.`."""
    return c.isalnum() or c in "-_." or unicodedata.category(c) in ("Mn", "Mc")


def check_id(text: str) -> None:
    """An id is letters, digits, '-', '_' and '.', and not empty; else RuleError."""
    if text and _ASCII_ID.issuperset(text):
        return  # the common case, without a look at each character
    if not text:
        raise RuleError("id", "expected an id, found empty text")
    if not all(_id_char(c) for c in text) or has_unsafe(text):
        raise RuleError(
            "id", f"expected an id made of letters, digits, '-', '_' and '.', found {text!r}"
        )


def check_date(text: str) -> PartialDate:
    """A date is YYYY, YYYY-MM or YYYY-MM-DD, a real one, with nothing around it."""
    if text != text.strip():
        raise RuleError("date", f"expected a date without spaces around it, found {text!r}")
    try:
        return PartialDate.parse(text)
    except DateError as exc:
        raise RuleError("date", str(exc)) from None


def derive_id(kind: str, data: dict[str, Any]) -> str:
    """The id of a record written without one.

    Briefings take their date (`2023-11-11`); FAQs take `faq-` and the words of their
    question (`faq-what-is-kfor`). Other kinds must be given an id.
    """
    if "id" in data:
        return str(data["id"])
    if kind == "briefing":
        return str(data["date"])
    if kind == "faq":
        words = slug(str(data["question"]))
        if not words:
            raise RuleError(
                "id",
                f"cannot derive an id from the question {data['question']!r}: expected "
                "ASCII letters or digits in it, or an 'id' for the FAQ",
            )
        return "faq-" + words
    raise RuleError("missing", f"{KINDS[kind].label} needs 'id', found none")


def new_id(text: str, taken: Container[str], fallback: str = "record") -> str:
    """A fresh id made from a name (`Kosovo Force` -> `kosovo-force`), unlike any taken.

    For records brief writes itself (ingest, import): the words of the text in lowercase
    ASCII (at most 60 characters, cut at a word), with `-2`, `-3`, ... added while the id
    is taken. Text without ASCII letters or digits gives `fallback` with a number.
    """
    base = slug(text)
    if len(base) > 60:
        base = base[:61].rsplit("-", 1)[0]
    base = base.strip("-") or fallback
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    check_id(candidate)
    return candidate


def split_paragraphs(text: str) -> list[str]:
    """One text as paragraphs: separated by blank lines (spaces allowed on them), each
    with its whitespace collapsed."""
    import re  # not for a file without such a text

    paragraphs = [" ".join(p.split()) for p in re.split(r"\n[ \t]*\n", text)]
    return [p for p in paragraphs if p]


def convert(kind: str, spec: FieldSpec, value: str | list[str]) -> str | list[str]:
    """A field's value in its stored form, or RuleError.

    `value` is text for a scalar field and a list of texts for a list field (a
    paragraphs field also takes one text). The caller has already checked the shape.
    """
    label = f"{spec.name!r} of {KINDS[kind].label}"
    too_long = next((t for t in ([value] if isinstance(value, str) else value)
                     if len(t) > MAX_TEXT), None)
    if too_long is not None:
        raise RuleError(
            "too-long",
            f"{label} is {len(too_long):,} characters long; expected at most {MAX_TEXT:,}",
        )
    if isinstance(value, list) and len(value) > MAX_ITEMS:
        raise RuleError(
            "too-long", f"{label} has {len(value):,} items; expected at most {MAX_ITEMS:,}"
        )
    if spec.type in (TEXT, DATE):
        if not isinstance(value, str):
            raise RuleError("type", f"expected text for {label}, found a list")
        if spec.type == DATE:
            try:
                check_date(value)
            except RuleError as exc:
                raise RuleError("date", f"bad date for {label}: {exc.message}") from None
        elif spec.name == "id":
            try:
                check_id(value)
            except RuleError as exc:
                raise RuleError("id", f"bad id of {KINDS[kind].label}: {exc.message}") from None
        elif spec.required and not value.strip():
            raise RuleError("missing", f"{KINDS[kind].label} needs {spec.name!r}, found empty text")
        return value
    if isinstance(value, str):
        if spec.type == PARAGRAPHS:
            return split_paragraphs(value)
        shown = repr(value) if len(value) <= 60 else repr(value[:57]) + "…"
        raise RuleError("type", f"expected a list for {label}, found {shown}")
    if spec.type == IDS:
        for item in value:
            try:
                check_id(item)
            except RuleError as exc:
                raise RuleError("id", f"bad id in {label}: {exc.message}") from None
    assert spec.type in (IDS, TEXTS, PARAGRAPHS), spec.type
    return list(value)


def sort_keys(kind: str, data: dict[str, Any]) -> tuple[int, int]:
    """The (start, end) keys that place a dated record in time; (0, 0) for others.

    RuleError when the record ends before it starts.
    """
    if not KINDS[kind].dated or "date" not in data:
        return 0, 0
    start = PartialDate.parse(data["date"])
    end = PartialDate.parse(data["end"]) if "end" in data else start
    if end.high < start.low:
        raise RuleError(
            "date",
            f"expected the end of {KINDS[kind].label} on or after its date {data['date']}, "
            f"found the end {data['end']}",
        )
    return start.low, end.high


def check_record(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """A record given as plain values (text or lists of text), checked and converted,
    with its id derived where the format allows; RuleError at the first problem.

    For code that makes records (ingest, import): the checker reports every problem of a
    file with its place instead, through the same rules.
    """
    specs = KINDS[kind].fields
    out: dict[str, Any] = {}
    for name, value in data.items():
        spec = specs.get(name)
        if spec is None:
            raise RuleError("unknown-key", f"unknown key {name!r} in {KINDS[kind].label}")
        if value is None or value == "" and not spec.required or value == []:
            continue
        out[name] = convert(kind, spec, value)
    for name, spec in specs.items():
        if spec.required and name not in out and name != "id":
            raise RuleError("missing", f"{KINDS[kind].label} needs {name!r}, found none")
    out = {"id": derive_id(kind, out), **out}
    sort_keys(kind, out)
    return {name: out[name] for name in specs if name in out}


__all__ = [
    "DATE_PATTERN",
    "FORMAT_VERSION",
    "ID_PATTERN",
    "RuleError",
    "TEXTS",
    "check_date",
    "check_id",
    "check_record",
    "convert",
    "derive_id",
    "new_id",
    "sort_keys",
    "split_paragraphs",
]
