"""What every glossary reader shares: the entries they give, problems with their places,
text decoding and cleaning, the format's limits, and the conventions of acronym lists
(expansions such as "[Inter]national", alternatives in braces)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Iterable
from typing import NamedTuple

from briefcli.knowledge.rules import MAX_ITEMS, MAX_TEXT
from briefcli.problems import Problem
from briefcli.text import has_unsafe, visible


class GlossaryEntry(NamedTuple):
    """One imported glossary entry: the fields of a brief entity, all text cleaned.

    `term` is the short form as written ("TCP"), or "" when the source gives none (a CSV
    row without an acronym, a dictd entry whose headword is its name). `name` is never
    empty. Text fields hold no control characters; `line` is the 1-based line of the
    source where the entry starts (for dictd, the first index line naming it).
    """

    term: str
    name: str
    summary: str | None = None
    aliases: tuple[str, ...] = ()
    kind: str | None = None
    role: str | None = None
    description: str | None = None
    tags: tuple[str, ...] = ()
    line: int = 0


class DictEntry(NamedTuple):
    """One definition of a dictd database.

    `headwords` are what a DICT client may look the definition up by (acronym, name,
    aliases); the first (that has a key, see `dict_key`) is also written as the
    definition's first line, as dictd databases do. `text` is the definition body shown
    under it, line by line.
    """

    headwords: tuple[str, ...]
    text: str


# ---------------------------------------------------------------------------------------
# Problems and text cleaning

_MAX_PROBLEMS = 100  # per file: a binary or badly broken file gets a summary, not a flood
_EXCERPT = 40


def _quote(text: str) -> str:
    """A short, terminal-safe excerpt of untrusted text, in quotes."""
    shown = visible(text)
    if len(shown) > _EXCERPT:
        shown = shown[: _EXCERPT - 1] + "…"
    return f"'{shown}'"


class _Problems:
    """The problems of one file, capped at `_MAX_PROBLEMS` plus one line counting the rest."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.items: list[Problem] = []
        self.dropped = 0
        self.dropped_error = False

    def add(self, line: int, col: int, message: str, level: str = "error") -> None:
        if len(self.items) < _MAX_PROBLEMS:
            self.items.append(Problem(self.path, line, col, "import", message, level))
        else:
            self.dropped += 1
            self.dropped_error = self.dropped_error or level == "error"

    def result(self) -> list[Problem]:
        if self.dropped:
            level = "error" if self.dropped_error else "warning"
            self.items.append(
                Problem(self.path, 0, 0, "import", f"{self.dropped} more problem(s) not listed",
                        level)
            )
        return self.items


# Windows-1252 for 0x80-0x9F; the five bytes it leaves undefined stay Latin-1.
_CP1252 = {
    i: bytes([i]).decode("cp1252")
    for i in range(0x80, 0xA0)
    if i not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


def _decode(data: bytes, problems: _Problems) -> str:
    """`data` as text, with line ends made "\\n" (see the module docstring)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            text = data.decode("utf-16", errors="replace")
            problems.add(0, 0, "the file is UTF-16 text with bytes that are not UTF-16; "
                         "they were read as U+FFFD", "warning")
    else:
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            problems.add(
                line, col,
                f"the file is not UTF-8 text (byte 0x{data[exc.start]:02X}); "
                "it was read as Windows-1252",
                "warning",
            )
            text = data.decode("latin-1").translate(_CP1252)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _safe(text: str, problems: _Problems, line: int, col: int, what: str) -> str:
    """`text` without control or bidirectional-override characters (reported once)."""
    if not has_unsafe(text):
        return text
    bad = next(c for c in text if has_unsafe(c))
    problems.add(
        line, col,
        f"{what} {_quote(text)} holds the control character U+{ord(bad):04X}; "
        "control characters were removed",
        "warning",
    )
    return "".join(c for c in text if not has_unsafe(c))


def _one_line(text: str) -> str:
    return " ".join(text.split())


_TEXT_FIELDS = ("term", "name", "summary", "kind", "role", "description")


def _too_long(field: str, value: str) -> str | None:
    """Why a text field's value is over the format's limit (`rules.MAX_TEXT`), or None."""
    if len(value) <= MAX_TEXT:
        return None
    return (f"the {field} is {len(value):,} characters long; expected at most {MAX_TEXT:,}; "
            "the entry is left out")


def _too_many(field: str, items: Collection[str]) -> str | None:
    """Why a list field is over the format's limits (`rules.MAX_ITEMS` items, each at
    most `rules.MAX_TEXT` characters), or None."""
    if len(items) > MAX_ITEMS:
        return (f"the {field} have {len(items):,} items; expected at most {MAX_ITEMS:,}; "
                "the entry is left out")
    long = next((item for item in items if len(item) > MAX_TEXT), None)
    if long is not None:
        return (f"one of the {field} is {len(long):,} characters long; expected at most "
                f"{MAX_TEXT:,}; the entry is left out")
    return None


def _within_limits(entry: GlossaryEntry, problems: _Problems) -> GlossaryEntry | None:
    """A dictd entry as the format can hold it: aliases and tags beyond `MAX_ITEMS` are
    dropped with a warning (the entry is kept); text over `MAX_TEXT` leaves the entry
    out, with an error."""
    for field in _TEXT_FIELDS:
        value = getattr(entry, field)
        why = _too_long(field, value) if value else None
        if why is not None:
            problems.add(entry.line, 1, f"{_quote(entry.term or entry.name)}: {why}")
            return None
    for field in ("aliases", "tags"):
        items: tuple[str, ...] = getattr(entry, field)
        if len(items) > MAX_ITEMS:
            problems.add(entry.line, 1, f"{_quote(entry.term or entry.name)} has "
                         f"{len(items):,} {field}; the first {MAX_ITEMS:,} are kept "
                         f"(at most {MAX_ITEMS:,})", "warning")
            entry = (entry._replace(aliases=items[:MAX_ITEMS]) if field == "aliases"
                     else entry._replace(tags=items[:MAX_ITEMS]))
        why = _too_many(field, getattr(entry, field))
        if why is not None:
            problems.add(entry.line, 1, f"{_quote(entry.term or entry.name)}: {why}")
            return None
    return entry

# ---------------------------------------------------------------------------------------
# Expansions: the conventions acronym lists share

_BRACKETS = re.compile(r"\[([^\[\]]*)\]")
_BRACES = re.compile(r"\{([^{}]*,[^{}]*)\}")
_MAX_VARIANTS = 16


def _expansion(text: str) -> tuple[str, tuple[str, ...]]:
    """The name and other spellings of an expansion as acronym lists write it.

    "[and]" marks words the acronym does not abbreviate: the words are kept, the
    brackets dropped ("Aho, Weinberger, [and] Kernighan" -> "Aho, Weinberger, and
    Kernighan"). "{a,b}" lists alternatives: the first makes the name, the others make
    aliases ("{automated,automatic} teller machine").
    """
    if "[" in text:
        text = _BRACKETS.sub(r"\1", text)
    text = _one_line(text)
    if "{" not in text:
        return text, ()
    groups = _BRACES.findall(text)
    if not groups:
        return text, ()
    parts = _BRACES.split(text)  # literal, group, literal, group, ..., literal
    choices = [[alt.strip() for alt in group.split(",")] for group in groups]
    variants: list[str] = []
    for combo in itertools.islice(itertools.product(*choices), _MAX_VARIANTS):
        pieces = [parts[0]]
        for alt, literal in zip(combo, parts[2::2], strict=True):
            pieces += [alt, literal]
        variant = _one_line("".join(pieces))
        if variant and variant not in variants:
            variants.append(variant)
    if not variants:
        return text, ()
    return variants[0], tuple(variants[1:])


def _dedupe(values: Collection[str], exclude: Iterable[str] = ()) -> tuple[str, ...]:
    """`values` without empty ones, repeats and those in `exclude` (case-insensitively)."""
    if not values:
        return ()
    seen = {v.casefold() for v in exclude}
    out: list[str] = []
    for value in values:
        key = value.casefold()
        if value and key not in seen:
            seen.add(key)
            out.append(value)
    return tuple(out)
