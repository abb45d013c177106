"""Glossaries in and out: acronym lists, CSV tables and dictd databases, as plain data.

Readers turn an existing glossary into `GlossaryEntry` values (the fields of a brief
entity) and `Problem` values; they never raise on any input and never print.

- `read_wtf`: a BSD `wtf` acronym database (`ACRONYM<TAB>meaning` lines).
- `read_csv`: a table whose header row names the columns (comma, semicolon or tab).
- `read_tsv`: either of those, tab-separated: a table when its first line names columns.
- `read_dictd` / `parse_dictd`: a dictd database (`NAME.index` and `NAME.dict[.dz]`).

`write_dictd` makes the index and data of a UTF-8 dictd database, byte for byte what
`dictfmt` makes of the same entries (see its docstring for the exact command).

Problem levels: "error" when part of the input cannot be read as its format says and is
left out (a row without a name, an unknown column, a broken index line, a text over the
format's `rules.MAX_TEXT` characters or a list over `rules.MAX_ITEMS` items); "warning"
when the input is readable but was repaired (a file that is not UTF-8, a control
character removed, a dictd definition under more than `MAX_ITEMS` headwords, whose
first ones are kept as aliases) or carries nothing to import.

Text decoding, for every reader: UTF-8 (a UTF-8 or UTF-16 byte order mark is honoured);
when the bytes are not UTF-8 they are read as Windows-1252 (Latin-1 for the five bytes
Windows-1252 leaves undefined), which never fails, with one warning naming the first
bad byte: files that are not UTF-8 are nearly always in that encoding, and the warning
lets the user check the accented letters.
"""

from __future__ import annotations

import bisect
import itertools
import re
import textwrap
import zlib
from collections.abc import Collection, Iterable, Iterator
from typing import NamedTuple

from briefcli.knowledge.rules import MAX_ITEMS, MAX_TEXT
from briefcli.problems import Problem
from briefcli.text import has_unsafe, visible
from briefcli.text import term_key as term_key_brief

__all__ = [
    "DictEntry",
    "GlossaryEntry",
    "dict_entry",
    "dict_key",
    "parse_dictd",
    "read_csv",
    "read_dictd",
    "read_tsv",
    "read_wtf",
    "write_dictd",
]


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


# ---------------------------------------------------------------------------------------
# BSD wtf acronym databases


def read_wtf(data: bytes, path: str) -> tuple[list[GlossaryEntry], list[Problem]]:
    """Entries of a BSD `wtf` acronym database, one per line.

    A line is the acronym, white space (a tab; `wtf` itself accepts any spaces) and its
    meaning. Lines starting with "$" (version-control ids such as "$NetBSD: ...") and
    blank lines are skipped. An acronym on several lines gives several entries, one per
    sense, in file order. The meaning becomes the name as `_expansion` describes.
    """
    problems = _Problems(path)
    text = _decode(data, problems)
    entries: list[GlossaryEntry] = []
    for number, raw in enumerate(text.split("\n"), 1):
        if not raw or raw.startswith("$") or raw.isspace():
            continue
        if raw[0].isspace():
            problems.add(number, 1, f"the line starts with white space: {_quote(raw)}; "
                         "expected an acronym at the start of the line")
            continue
        parts = raw.split(None, 1)
        term = _safe(parts[0], problems, number, 1, "the acronym")
        meaning = parts[1].strip() if len(parts) > 1 else ""
        if not meaning:
            problems.add(number, len(raw.rstrip()) + 1,
                         f"the acronym {_quote(term)} has no meaning; "
                         "expected 'ACRONYM<TAB>meaning'")
            continue
        meaning = _safe(meaning, problems, number, raw.index(meaning) + 1, "the meaning")
        name, aliases = _expansion(meaning)
        if not term or not name:
            problems.add(number, 1, f"nothing readable in {_quote(raw)}; "
                         "expected 'ACRONYM<TAB>meaning'")
            continue
        why = _too_long("acronym", term) or _too_long("meaning", name)
        if why is not None:
            col = 1 if len(term) > MAX_TEXT else raw.index(parts[1]) + 1
            problems.add(number, col, why)
            continue
        entries.append(GlossaryEntry(term, name, aliases=_dedupe(aliases, (term, name)),
                                     line=number))
    return entries, problems.result()


# ---------------------------------------------------------------------------------------
# CSV and TSV tables

# Header names (lowercase, without spaces, "_", "-" and ".") -> the field they fill.
# "definition" fills the name when no column gives the name, else the summary.
_COLUMNS: dict[str, tuple[str, ...]] = {
    "term": ("term", "acronym", "abbreviation", "abbrev", "abbr", "short", "shortform",
             "initialism", "headword"),
    "name": ("name", "long", "longform", "longname", "expansion", "meaning", "fullname",
             "fullform", "standsfor"),
    "definition": ("definition", "gloss", "explanation"),
    "summary": ("summary",),
    "description": ("description", "details", "notes", "note", "comments", "comment"),
    "aliases": ("aliases", "alias", "synonyms", "synonym", "alsoknownas", "aka",
                "othernames", "variants"),
    "kind": ("kind", "type", "category"),
    "role": ("role",),
    "tags": ("tags", "tag", "topics", "topic", "keywords", "labels"),
}
_HEADER = {alias: field for field, aliases in _COLUMNS.items() for alias in aliases}
_EXPECTED = ", ".join(aliases[0] for aliases in _COLUMNS.values())
_LIST_SPLIT = {"aliases": re.compile(r"[;|]"), "tags": re.compile(r"[;|,]")}


def _header_key(cell: str) -> str:
    return re.sub(r"[\s_.\-]+", "", cell.casefold())


class _Cell(NamedTuple):
    value: str
    line: int
    col: int


class _Row(NamedTuple):
    line: int
    cells: list[_Cell]
    unterminated: bool


def _sniff(text: str) -> tuple[str, str]:
    """The delimiter of a CSV text, and the text without an Excel "sep=X" line.

    The delimiter is whichever of ",", ";" and tab the first line holds most often
    (a comma when it holds none): the header row names the columns with no quoting
    worth counting.
    """
    first, _, rest = text.partition("\n")
    if re.fullmatch(r"sep=[,;\t|]", first):
        return first[4], "\n" + rest  # keep the line count: rows report their real lines
    counts = [(first.count(d), d) for d in (",", "\t", ";")]
    best = max(counts, key=lambda pair: pair[0])
    return (best[1] if best[0] else ","), text


def _rows(text: str, delimiter: str) -> Iterator[_Row]:
    """The rows of a CSV text (RFC 4180 quoting; "\\n" line ends), with positions."""
    quoted = re.compile(r'"([^"]*(?:""[^"]*)*)"')
    plain = re.compile(f"[^{re.escape(delimiter)}\n]*")
    pos, line, line_start, end = 0, 1, 0, len(text)
    while pos < end:
        row_line = line
        cells: list[_Cell] = []
        unterminated = False
        while True:
            cell_line, col = line, pos - line_start + 1
            if pos < end and text[pos] == '"':
                match = quoted.match(text, pos)
                if match is None:
                    unterminated = True
                    value, stop = text[pos + 1 :], end
                else:
                    value, stop = match.group(1).replace('""', '"'), match.end()
                newlines = text.count("\n", pos, stop)
                if newlines:
                    line += newlines
                    line_start = text.rfind("\n", pos, stop) + 1
                pos = stop
                # Text after the closing quote belongs to the cell, as spreadsheets read it.
                tail = plain.match(text, pos)
                if tail is not None and tail.end() > pos:
                    value += tail.group()
                    pos = tail.end()
            else:
                match = plain.match(text, pos)
                stop = match.end() if match is not None else pos
                value = text[pos:stop]
                pos = stop
            cells.append(_Cell(value, cell_line, col))
            if pos < end and text[pos] == delimiter:
                pos += 1
                continue
            break
        if pos < end:  # at a line end
            pos += 1
            line += 1
            line_start = pos
        yield _Row(row_line, cells, unterminated)


def read_csv(
    data: bytes, path: str, delimiter: str | None = None
) -> tuple[list[GlossaryEntry], list[Problem]]:
    """Entries of a table whose first row names the columns.

    Columns, named in any case and spacing (the first name of each is the one brief
    uses): term (acronym, abbreviation, short...), name (long, expansion, meaning...),
    definition, summary, description (notes...), aliases (synonyms...; split on ";" or
    "|"), kind (type, category), role, tags (topics, keywords...; split on ";", "|" or
    ","). "definition" is the name when no column gives the name, else the summary. A
    name (or definition) column is required; other columns are reported and ignored.

    The delimiter is sniffed from the header row (",", ";" or tab) unless given (one
    character, not a quote or a line end: anything else raises ValueError); an Excel
    "sep=;" first line is honoured. Quoted cells may span lines: a row reports the
    line it starts on. Empty rows are skipped; a row without a name is reported and
    skipped; the other rows are still read.
    """
    if delimiter is not None and (len(delimiter) != 1 or delimiter in '"\r\n'):
        raise ValueError(f"a CSV delimiter is one character, not a quote or a line end: "
                         f"{delimiter!r}")
    problems = _Problems(path)
    text = _decode(data, problems)
    if "\x00" in text:
        problems.add(0, 0, "the file holds NUL bytes: it is not a text table")
        return [], problems.result()
    if delimiter is None:
        delimiter, text = _sniff(text)
    rows = (row for row in _rows(text, delimiter) if any(c.value.strip() for c in row.cells))
    header = next(rows, None)
    if header is None:
        problems.add(0, 0, f"the file has no header row; expected column names ({_EXPECTED})")
        return [], problems.result()
    fields = _read_header(header, problems)
    if fields is None:
        return [], problems.result()
    entries: list[GlossaryEntry] = []
    for row in rows:
        entry = _read_row(row, fields, len(header.cells), problems)
        if entry is not None:
            entries.append(entry)
    return entries, problems.result()


def read_tsv(data: bytes, path: str) -> tuple[list[GlossaryEntry], list[Problem]]:
    """A tab-separated glossary: a table (`read_csv`) when its first line names columns
    only (such as "acronym<TAB>name<TAB>summary"), else a `wtf` acronym list."""
    first = data[:4096].removeprefix(b"\xef\xbb\xbf").split(b"\n", 1)[0]
    cells = [_HEADER.get(_header_key(c.decode("utf-8", "replace"))) for c in first.split(b"\t")]
    if len(cells) > 1 and all(cells) and ("name" in cells or "definition" in cells):
        return read_csv(data, path, delimiter="\t")
    return read_wtf(data, path)


def _read_header(header: _Row, problems: _Problems) -> list[str | None] | None:
    """The field each column fills (None: ignored), or None when no column gives names."""
    fields: list[str | None] = []
    found: dict[str, str] = {}
    unknown: list[_Cell] = []
    for cell in header.cells:
        label = cell.value.strip()
        field = _HEADER.get(_header_key(label))
        if field is None:
            if label:
                unknown.append(cell)
        elif field in found:
            problems.add(cell.line, cell.col,
                         f"column {_quote(label)} gives the {field} again "
                         f"(after {_quote(found[field])}); it is ignored")
            field = None
        else:
            found[field] = label
        fields.append(field)
    if not found:
        shown = ", ".join(_quote(c.value.strip()) for c in header.cells[:4])
        problems.add(header.line, 1, f"the first row should name the columns ({_EXPECTED}); "
                     f"found {shown}")
        return None
    for cell in unknown:
        problems.add(cell.line, cell.col,
                     f"unknown column {_quote(cell.value.strip())}, ignored; expected {_EXPECTED}")
    if "name" not in found and "definition" not in found:
        problems.add(header.line, 1, "no column gives the name: expected a column "
                     "'name' (or long, expansion, meaning, definition)")
        return None
    if "name" not in found:
        fields = ["name" if f == "definition" else f for f in fields]
    elif "summary" not in found:
        fields = ["summary" if f == "definition" else f for f in fields]
    else:
        for cell, field in zip(header.cells, fields, strict=True):
            if field == "definition":
                problems.add(cell.line, cell.col, f"column {_quote(cell.value.strip())} is "
                             "ignored: columns 'name' and 'summary' are already given")
        fields = [None if f == "definition" else f for f in fields]
    return fields


def _read_row(
    row: _Row, fields: list[str | None], width: int, problems: _Problems
) -> GlossaryEntry | None:
    if row.unterminated:
        problems.add(row.line, row.cells[-1].col, "a quoted cell is not closed (a '\"' is "
                     "missing); the row and the rest of the file are left out")
        return None
    extra = [c for c in row.cells[width:] if c.value.strip()]
    if extra:
        problems.add(extra[0].line, extra[0].col,
                     f"the row has {len(row.cells)} cells but the header names {width}; "
                     f"the extra cells are ignored (first: {_quote(extra[0].value.strip())})")
    values: dict[str, str] = {}
    # A short row leaves its last fields empty, as spreadsheets write such rows.
    for cell, field in zip(row.cells, fields, strict=False):
        if field is None:
            continue
        value = _safe(cell.value.strip(), problems, cell.line, cell.col, f"the {field}")
        if field == "description":
            # A longer account keeps its paragraphs; other fields are one line.
            paragraphs = re.split(r"\n\s*\n", value)
            value = "\n\n".join(p for p in (_one_line(p) for p in paragraphs) if p)
        else:
            value = _one_line(value)
        values[field] = value
    term, name = values.get("term", ""), values.get("name", "")
    if not name:
        at = fields.index("name")
        col = row.cells[at].col if at < len(row.cells) else 1
        what = f" for {_quote(term)}" if term else ""
        problems.add(row.cells[min(at, len(row.cells) - 1)].line, col,
                     f"the row has no name{what}; expected the name (the expansion) "
                     "in the name column; the row is left out")
        return None

    def listed(field: str) -> tuple[str, ...]:
        items = _LIST_SPLIT[field].split(values.get(field, ""))
        return tuple(item.strip() for item in items if item.strip())

    entry = GlossaryEntry(
        term=term,
        name=name,
        summary=values.get("summary") or None,
        aliases=_dedupe(listed("aliases"), (term, name)),
        kind=values.get("kind") or None,
        role=values.get("role") or None,
        description=values.get("description") or None,
        tags=_dedupe(listed("tags")),
        line=row.line,
    )
    for field, cell in zip(fields, row.cells, strict=False):
        if field in ("aliases", "tags"):
            why = _too_many(field, getattr(entry, field))
        elif field is not None:
            why = _too_long(field, values.get(field, ""))
        else:
            why = None
        if why is not None:
            problems.add(cell.line, cell.col, why)
            return None
    return entry


# ---------------------------------------------------------------------------------------
# dictd keys: the folding dictd applies to headwords and queries

# dictd classifies characters with tables of its own, close to Unicode 3.2, not with the
# C library's: these are the code points dictfmt 1.13 and dictd keep in a key as letters
# or digits (read off dictfmt's output for every code point; the tests compare them
# again when dictfmt is installed). A key made with today's Unicode would differ for
# letters added since (U+0220, Devanagari vowel signs...), and dictd would never match
# what it makes of the query.
_ALNUM_TEXT = (
    "aa b5 ba c0-d6 d8-f6 f8-21f 222-233 250-2ad 2b0-2b8 2bb-2c1 2d0-2d1 2e0-2e4 2ee 37a 386 "
    "388-38a 38c 38e-3a1 3a3-3ce 3d0-3d7 3da-3f5 400-481 48c-4c4 4c7-4c8 4cb-4cc 4d0-4f5 "
    "4f8-4f9 531-556 559 561-587 5d0-5ea 5f0-5f2 621-63a 640-64a 660-669 671-6d3 6d5 6e5-6e6 "
    "6f0-6fc 710 712-72c 780-7a5 905-939 93d 950 958-961 966-96f 985-98c 98f-990 993-9a8 "
    "9aa-9b0 9b2 9b6-9b9 9dc-9dd 9df-9e1 9e6-9f1 a05-a0a a0f-a10 a13-a28 a2a-a30 a32-a33 "
    "a35-a36 a38-a39 a59-a5c a5e a66-a6f a72-a74 a85-a8b a8d a8f-a91 a93-aa8 aaa-ab0 ab2-ab3 "
    "ab5-ab9 abd ad0 ae0 ae6-aef b05-b0c b0f-b10 b13-b28 b2a-b30 b32-b33 b36-b39 b3d b5c-b5d "
    "b5f-b61 b66-b6f b85-b8a b8e-b90 b92-b95 b99-b9a b9c b9e-b9f ba3-ba4 ba8-baa bae-bb5 "
    "bb7-bb9 be7-bef c05-c0c c0e-c10 c12-c28 c2a-c33 c35-c39 c60-c61 c66-c6f c85-c8c c8e-c90 "
    "c92-ca8 caa-cb3 cb5-cb9 cde ce0-ce1 ce6-cef d05-d0c d0e-d10 d12-d28 d2a-d39 d60-d61 "
    "d66-d6f d85-d96 d9a-db1 db3-dbb dbd dc0-dc6 e01-e2e e30-e3a e40-e45 e47-e4e e50-e59 "
    "e81-e82 e84 e87-e88 e8a e8d e94-e97 e99-e9f ea1-ea3 ea5 ea7 eaa-eab ead-eb0 eb2-eb3 ebd "
    "ec0-ec4 ec6 ed0-ed9 edc-edd f00 f20-f29 f40-f47 f49-f6a f88-f8b 1000-1021 1023-1027 "
    "1029-102a 1040-1049 1050-1055 10a0-10c5 10d0-10f6 1100-1159 115f-11a2 11a8-11f9 "
    "1200-1206 1208-1246 1248 124a-124d 1250-1256 1258 125a-125d 1260-1286 1288 128a-128d "
    "1290-12ae 12b0 12b2-12b5 12b8-12be 12c0 12c2-12c5 12c8-12ce 12d0-12d6 12d8-12ee "
    "12f0-130e 1310 1312-1315 1318-131e 1320-1346 1348-135a 1369-1371 13a0-13f4 1401-166c "
    "166f-1676 1681-169a 16a0-16ea 16ee-16f0 1780-17b3 17e0-17e9 1810-1819 1820-1877 "
    "1880-18a8 1e00-1e9b 1ea0-1ef9 1f00-1f15 1f18-1f1d 1f20-1f45 1f48-1f4d 1f50-1f57 1f59 "
    "1f5b 1f5d 1f5f-1f7d 1f80-1fb4 1fb6-1fbc 1fbe 1fc2-1fc4 1fc6-1fcc 1fd0-1fd3 1fd6-1fdb "
    "1fe0-1fec 1ff2-1ff4 1ff6-1ffc 207f 2102 2107 210a-2113 2115 2119-211d 2124 2126 "
    "2128-212d 212f-2131 2133-2139 2160-2183 249c-24e9 3005-3007 3021-3029 3031-3035 "
    "3038-303a 3041-3094 309d-309e 30a1-30fa 30fc-30fe 3105-312c 3131-318e 31a0-31b7 "
    "3400-4db5 4e00-9fa5 a000-a48c ac00-d7a3 f900-fa2d fb00-fb06 fb13-fb17 fb1d fb1f-fb28 "
    "fb2a-fb36 fb38-fb3c fb3e fb40-fb41 fb43-fb44 fb46-fbb1 fbd3-fd3d fd50-fd8f fd92-fdc7 "
    "fdf0-fdfb fe70-fe72 fe74 fe76-fefc ff10-ff19 ff21-ff3a ff41-ff5a ff66-ffbe ffc2-ffc7 "
    "ffca-ffcf ffd2-ffd7 ffda-ffdc 10300-1031e 10330-1034a 10400-10425 10428-1044d "
    "1d400-1d454 1d456-1d49c 1d49e-1d49f 1d4a2 1d4a5-1d4a6 1d4a9-1d4ac 1d4ae-1d4b9 1d4bb "
    "1d4bd-1d4c0 1d4c2-1d4c3 1d4c5-1d505 1d507-1d50a 1d50d-1d514 1d516-1d51c 1d51e-1d539 "
    "1d53b-1d53e 1d540-1d544 1d546 1d54a-1d550 1d552-1d6a3 1d6a8-1d6c0 1d6c2-1d6da "
    "1d6dc-1d6fa 1d6fc-1d714 1d716-1d734 1d736-1d74e 1d750-1d76e 1d770-1d788 1d78a-1d7a8 "
    "1d7aa-1d7c2 1d7c4-1d7c9 1d7ce-1d7ff 20000-2a6d6 2f800-2fa1d "
)
# Letters dictd leaves as they are where Python lowercases them (case pairs added to
# Unicode later: Georgian, Cherokee, Deseret...).
_NO_LOWER_TEXT = "4c0 10a0-10c5 13a0-13f4 2183 10400-10425"
# White space for dictd beyond ASCII's tab, vertical tab, form feed and space (not the
# no-break spaces U+00A0, U+2007 and U+202F; but the zero-width space U+200B).
_SPACES = frozenset("\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a"
                    "\u200b\u2028\u2029\u3000")


def _ranges(text: str) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for item in text.split():
        low, _, high = item.partition("-")
        starts.append(int(low, 16))
        ends.append(int(high or low, 16))
    return starts, ends


def _in(ranges: tuple[list[int], list[int]], code: int) -> bool:
    i = bisect.bisect_right(ranges[0], code) - 1
    return i >= 0 and code <= ranges[1][i]


_ALNUM = _ranges(_ALNUM_TEXT)
_NO_LOWER = _ranges(_NO_LOWER_TEXT)
# ASCII folding in one str.translate: white space -> " ", letters lowercased, digits
# kept, everything else dropped ("\n" and "\r" never reach a key).
_ASCII_KEY = {
    i: (" " if chr(i) in " \t\n\v\f\r" else chr(i).lower() if chr(i).isalnum() else None)
    for i in range(128)
}


def _key_char(c: str) -> str:
    """What one non-ASCII character becomes in a dictd key."""
    code = ord(c)
    if c in _SPACES:
        return " "
    if not _in(_ALNUM, code):
        return ""
    if code == 0x130:
        return "i"  # dictd lowercases one character to one: İ -> i, not i + dot
    return c if _in(_NO_LOWER, code) else c.lower()


def dict_key(headword: str) -> str:
    """The key dictd looks `headword` up by in a UTF-8 database without --allchars.

    White space becomes one space, letters and digits are lowercased, anything else is
    dropped ("TCP/IP" -> "tcpip", "Kosovo  Force" -> "kosovo force"), as dictfmt does
    when it writes the index and dictd when it reads a query.
    """
    if headword.isascii():
        key = headword.translate(_ASCII_KEY)
    else:
        key = "".join(_ASCII_KEY[ord(c)] or "" if c < "\x80" else _key_char(c)
                      for c in headword)
    while "  " in key:
        key = key.replace("  ", " ")
    return key


def _is_meta(key: str) -> bool:
    """A key of dictd's own entries (00-database-short...), never a glossary headword."""
    return key.startswith(("00database", "00-database"))


# ---------------------------------------------------------------------------------------
# dictd databases: reading

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64_VALUE = {c: i for i, c in enumerate(_B64)}
_MAX_DICT_BYTES = 256 * 1024 * 1024  # a glossary is far smaller; this bounds a gzip bomb


def _b64_decode(text: str) -> int | None:
    """dictd's number encoding: base-64 digits, the most significant first."""
    if not text or len(text) > 11:
        return None
    value = 0
    for c in text:
        digit = _B64_VALUE.get(c)
        if digit is None:
            return None
        value = value * 64 + digit
    return value


def _b64_encode(value: int) -> str:
    digits = []
    while True:
        digits.append(_B64[value & 63])
        value >>= 6
        if not value:
            return "".join(reversed(digits))


def read_dictd(index_path: str) -> tuple[list[GlossaryEntry], list[Problem]]:
    """Entries of the dictd database whose index is `index_path` (see `parse_dictd`).

    The data file is beside the index, with ".index" replaced by ".dict" or, compressed
    with dictzip (which gzip reads), ".dict.dz".
    """
    from briefcli.files import read_regular

    problems = _Problems(index_path)
    try:
        index = read_regular(index_path)
    except OSError as exc:
        problems.add(0, 0, f"cannot read the index: {exc.strerror or exc}")
        return [], problems.result()
    base = index_path[: -len(".index")] if index_path.endswith(".index") else index_path
    for data_path in (base + ".dict", base + ".dict.dz"):
        try:
            data = read_regular(data_path)
        except FileNotFoundError:
            continue
        except OSError as exc:
            problems.add(0, 0, f"cannot read {visible(data_path)}: {exc.strerror or exc}")
            return [], problems.result()
        if data_path.endswith(".dz"):
            unpacked = _gunzip(data, data_path, problems)
            if unpacked is None:
                return [], problems.result()
            data = unpacked
        entries, more = parse_dictd(index, data, index_path)
        return entries, problems.result() + more
    shown = visible(base)
    problems.add(0, 0, f"no data file beside the index: expected {shown}.dict or {shown}.dict.dz")
    return [], problems.result()


def _gunzip(data: bytes, path: str, problems: _Problems) -> bytes | None:
    unpacker = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = unpacker.decompress(data, _MAX_DICT_BYTES + 1)
    except zlib.error as exc:
        problems.add(0, 0, f"{visible(path)} is not a dictzip or gzip file ({exc})")
        return None
    if len(out) > _MAX_DICT_BYTES:
        problems.add(0, 0, f"{visible(path)} unpacks to more than {_MAX_DICT_BYTES >> 20} MB; "
                     "it was not read")
        return None
    if not unpacker.eof:
        problems.add(0, 0, f"{visible(path)} is cut short; the definitions it holds were read",
                     "warning")
    return out


class _Definition(NamedTuple):
    line: int
    offset: int
    length: int
    headwords: list[str]  # as written (fourth column), else as indexed
    keys: list[str]  # as indexed
    seen: set[str]  # the headwords, to tell a new one in constant time
    key_set: set[str]  # the keys, likewise


def parse_dictd(index: bytes, data: bytes, path: str) -> tuple[list[GlossaryEntry], list[Problem]]:
    """Entries of a dictd database given as the bytes of its index and (unpacked) data.

    Index lines are `headword<TAB>offset<TAB>length`, with an optional fourth column
    holding the headword as written (dictfmt --index-keep-orig); offset and length are
    dictd base-64 numbers into `data`. dictd's own entries (00-database-...) are
    skipped. Headwords sharing one definition make one entry: its term is the
    definition's first line when that line is one of them (it is the headword as
    written: "TCP" where the index says "tcp"), the others become aliases (unindented
    lines repeating them under the first, as dictfmt --break-headwords writes them, are
    skipped). Entries come in the order of the data file.

    The body under the first line is read in paragraphs (split on blank lines, lines
    joined): the first is the expansion, the second the summary, the rest the
    description. An expansion in the V.E.R.A. style, `Name [word] (topic, topic),
    "ALT"`, gives the name "Name word", the tags "topic", "topic" (the topic "org." is
    the kind "organization" instead; a topic naming the term itself is dropped) and the
    alias "ALT"; an alternative spelling of the headword ("OS/360" for "OS360") becomes
    the term, the headword an alias. A group glued to a word ("letter(-sized paper)")
    stays in the name. An expansion longer than 150 characters is prose, not a name: the
    term names the entry and the paragraph is its summary. An expansion that is only
    "???" is unknown: the entry is left out, with a warning. A body numbered "1. ...",
    "2. ..." gives one entry per sense; an indented `TERM<two spaces>expansion`
    paragraph (as V.E.R.A. has a few) gives an entry of its own. Definitions are UTF-8,
    or Windows-1252 when they are not (one warning).
    """
    problems = _Problems(path)
    text = _decode(index, problems)
    definitions: dict[tuple[int, int], _Definition] = {}
    for number, raw in enumerate(text.split("\n"), 1):
        if not raw or raw.isspace():
            continue
        parts = raw.split("\t")
        if len(parts) not in (3, 4):
            problems.add(number, 1, f"the index line {_quote(raw)} has {len(parts)} "
                         "tab-separated fields; expected headword, offset and length")
            continue
        key = parts[0]
        offset, length = _b64_decode(parts[1]), _b64_decode(parts[2])
        if offset is None or length is None:
            bad = parts[1] if offset is None else parts[2]
            col = len(key) + 2 + (0 if offset is None else len(parts[1]) + 1)
            problems.add(number, col, f"{_quote(bad)} is not a dictd base-64 number "
                         "(digits A-Z, a-z, 0-9, + and /)")
            continue
        if _is_meta(key):
            continue
        if offset + length > len(data):
            problems.add(number, 1, f"the definition of {_quote(key)} ends at byte "
                         f"{offset + length}, past the end of the data ({len(data)} bytes)")
            continue
        headword = parts[3] if len(parts) == 4 and parts[3] else key
        if has_unsafe(headword) or "  " in headword or headword != headword.strip():
            headword = _one_line(_safe(headword, problems, number, 1, "the headword"))
        if not headword:
            continue
        found = definitions.get((offset, length))
        if found is None:
            definitions[(offset, length)] = _Definition(number, offset, length, [headword],
                                                        [key], {headword}, {key})
        elif headword not in found.seen:
            found.headwords.append(headword)
            found.keys.append(key)
            found.seen.add(headword)
            found.key_set.add(key)
    entries: list[GlossaryEntry] = []
    eight_bit = False
    for definition in sorted(definitions.values(), key=lambda d: (d.offset, d.line)):
        raw_text = data[definition.offset : definition.offset + definition.length]
        try:
            body = raw_text.decode("utf-8")
        except UnicodeDecodeError:
            body = raw_text.decode("latin-1").translate(_CP1252)
            if not eight_bit:
                eight_bit = True
                problems.add(definition.line, 1, "the definitions are not UTF-8 text; they "
                             "were read as Windows-1252", "warning")
        for entry in _read_definition(body, definition, problems):
            kept = _within_limits(entry, problems)
            if kept is not None:
                entries.append(kept)
    return entries, problems.result()


_SENSE = re.compile(r"\s*(\d{1,3})[.)]\s+")
_EMBEDDED = re.compile(r"\s+(\S{1,24})\s{2,}(\S.*)")
_QUOTED_ALT = re.compile(r'\s*,\s*"([^"]+)"\s*$')
_BARE_ALT = re.compile(r"(?<=\))\s*,\s*([^\s,\"()]{1,24})\s*$")  # "(IP, RFC 1883), IPv6"
_MAX_NAME = 150
_UNKNOWN = frozenset(("", "?", "??", "???", "????", "...", "…"))


def _paragraphs(lines: list[str]) -> list[tuple[str, str]]:
    """(first line, whole paragraph on one line) for each paragraph of `lines`."""
    out: list[tuple[str, str]] = []
    block: list[str] = []
    for line in lines:
        if line and not line.isspace():
            block.append(line)
        elif block:
            out.append((block[0], _one_line(" ".join(block))))
            block = []
    if block:
        out.append((block[0], _one_line(" ".join(block))))
    return out


def _read_definition(
    text: str, definition: _Definition, problems: _Problems
) -> list[GlossaryEntry]:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if has_unsafe(text):
        text = _safe(text, problems, definition.line, 1, "the definition")
    lines = text.split("\n")
    first = _one_line(lines[0])
    first_key = dict_key(first)
    if first and (first_key in definition.key_set
                  or first_key in (dict_key(h) for h in definition.headwords)):
        term, term_key, lines = first, first_key, lines[1:]
    else:
        term, term_key = definition.headwords[0], dict_key(definition.headwords[0])
    # dictfmt --break-headwords writes the other headwords on the lines that follow,
    # unindented; the body proper is indented.
    while lines and lines[0][:1].strip() and dict_key(lines[0]) in definition.key_set:
        lines = lines[1:]
    if "1" not in text:  # no numbered senses: the common case, made quick
        return _read_sense(term, term_key, lines, definition, problems)
    entries: list[GlossaryEntry] = []
    for sense in _senses(lines):
        entries += _read_sense(term, term_key, sense, definition, problems)
    return entries


def _senses(lines: list[str]) -> list[list[str]]:
    """The numbered senses of a body ("1. ...", "2. ..."), or the whole body as one."""
    start = next((i for i, line in enumerate(lines) if line and not line.isspace()), None)
    if start is None:
        return [lines]
    marker = _SENSE.match(lines[start])
    if marker is None or marker.group(1) != "1":
        return [lines]
    senses: list[list[str]] = [[lines[start][marker.end() :]]]
    for line in lines[start + 1 :]:
        marker = _SENSE.match(line)
        if marker is not None and int(marker.group(1)) == len(senses) + 1:
            senses.append([line[marker.end() :]])
        else:
            senses[-1].append(line)
    return senses if len(senses) > 1 else [lines]


def _read_sense(
    term: str, term_key: str, lines: list[str], definition: _Definition, problems: _Problems
) -> list[GlossaryEntry]:
    paragraphs = _paragraphs(lines)
    extra: list[GlossaryEntry] = []
    rest: list[str] = []
    for first_line, paragraph in paragraphs[1:]:
        embedded = _EMBEDDED.fullmatch(first_line)
        if embedded and not any(c.islower() for c in embedded.group(1)):
            # V.E.R.A. keeps a few entries it could not index inside another one.
            inner_term, _, expansion = paragraph.partition(" ")
            extra += _entry(inner_term, dict_key(inner_term), expansion.strip(), (), [],
                            definition.line, problems)
        else:
            rest.append(paragraph)
    if not paragraphs:
        problems.add(definition.line, 1, f"the definition of {_quote(term)} has no text "
                     "under its headword; it is left out", "warning")
        return extra
    more = (rest[0] if rest else None, "\n\n".join(rest[1:]) or None)
    headwords = list(zip(definition.headwords, definition.keys, strict=True))
    return _entry(term, term_key, paragraphs[0][1], more, headwords, definition.line,
                  problems) + extra


def _entry(
    term: str, term_key: str, expansion: str, more: tuple[str | None, str | None] | tuple[()],
    headwords: list[tuple[str, str]], line: int, problems: _Problems,
) -> list[GlossaryEntry]:
    """The entry of one expansion in the V.E.R.A. style (see `parse_dictd`); `headwords`
    are the (headword, indexed key) pairs of its definition."""
    summary, description = more if more else (None, None)
    head, kind = expansion, None
    alternatives: list[str] = []
    tags: list[str] = []
    while head.endswith('"'):
        quoted = _QUOTED_ALT.search(head)
        if quoted is None or quoted.start() == 0:
            break
        alternatives.insert(0, quoted.group(1).strip())
        head = head[: quoted.start()]
    if "," in head and not head.endswith(")"):
        bare = _BARE_ALT.search(head)
        if bare is not None:
            alternatives.insert(0, bare.group(1))
            head = head[: bare.start()]
    topics = _trailing_group(head)
    if topics is not None:
        head, inner = topics
        for item in inner.split(","):
            item = item.strip()
            if item == "org.":
                kind = "organization"
            elif item not in _UNKNOWN:
                tags.append(item)
    name, variants = _expansion(head)
    if name in _UNKNOWN:
        problems.add(line, 1, f"the expansion of {_quote(term)} is unknown "
                     f"(the definition says {_quote(expansion)}); it is left out", "warning")
        return []
    if len(name) > _MAX_NAME:
        name, variants, alternatives, tags, kind = term, (), [], [], None
        summary, description = expansion, "\n\n".join(p for p in (summary, description) if p)
    for alternative in alternatives:
        if term and alternative != term and dict_key(alternative) == term_key:
            # The headword as written ("OS/360" for the indexed "OS360"); the indexed
            # form stays an alias when brief would not match it to the written one.
            if term_key_brief(term) != term_key_brief(alternative):
                alternatives = [term, *alternatives]
            alternatives.remove(alternative)
            term = alternative
            break
    name_key = dict_key(name)
    others: list[str] = []
    if len(headwords) > 1:
        # Other headwords are aliases, but for those naming the term or the name (a name
        # written with its topics included).
        taken = {term_key, name_key, dict_key(head), dict_key(expansion)}
        others = [h for h, k in headwords if k not in taken and dict_key(h) not in taken]
    aliases = _dedupe([*alternatives, *variants, *others], (term, name))
    if term_key == name_key:
        term = ""  # the headword is the name itself: there is no short form
    return [GlossaryEntry(term, name, summary or None, aliases, kind, None,
                          description or None, _dedupe(tags, (term,)), line)]


def _trailing_group(text: str) -> tuple[str, str] | None:
    """(text before, inside) of a parenthesized group ending `text`, nesting allowed."""
    text = text.rstrip()
    if not text.endswith(")"):
        return None
    start = text.rfind("(")
    if text.count("(") != 1 or text.count(")") != 1:
        depth = 0
        for start in range(len(text) - 1, -1, -1):
            if text[start] == ")":
                depth += 1
            elif text[start] == "(":
                depth -= 1
                if depth == 0:
                    break
        else:
            return None
    # A group glued to a word is part of the name: "letter(-sized paper)", "Form(ular)".
    if start < 1 or not text[start - 1].isspace():
        return None
    return text[:start].rstrip(), text[start + 1 : -1]


# ---------------------------------------------------------------------------------------
# dictd databases: writing


def _printable(text: str) -> str:
    """`text` without control characters (but tab and newline) and bidirectional
    overrides: a DICT client prints definitions raw to a terminal."""
    if not has_unsafe(text):
        return text
    return "".join(c for c in text if not has_unsafe(c))


def _one_line_dictd(headword: str) -> str:
    """A headword on one line: runs of white space (as dictd counts it) made one space."""
    out: list[str] = []
    space = False
    for c in headword.strip():
        if c in " \t\n\v\f\r" or c in _SPACES:
            if not space:
                out.append(" ")
            space = True
        else:
            out.append(c)
            space = False
    return _printable("".join(out)).strip()


def _fmt(line: str) -> str:
    """One line as dictfmt copies it to the .dict file (its fmt_string, unwrapped).

    dictfmt splits the line on spaces and prints the pieces back: runs of spaces
    survive, but the last space of a line ending in text-then-spaces is lost.
    """
    pieces = line.split(" ")
    last = pieces.pop()
    out: list[str] = []
    pending = False
    for piece in pieces:
        if pending or not piece:
            out.append(" ")
        if piece:
            out.append(piece)
            pending = True
    if last:
        if pending:
            out.append(" ")
        out.append(last)
    return "".join(out)


def _clean_lines(text: str) -> list[str]:
    """`text` as the lines dictfmt would read: line ends made "\\n", printable, no
    surrogates (they have no UTF-8 form), one final line end dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _printable(text).encode("utf-8", "replace").decode("utf-8")
    if text.endswith("\n"):
        text = text[:-1]
    return text.split("\n") if text else []


def write_dictd(
    entries: Iterable[DictEntry],
    name: str,
    short_name: str,
    url: str | None = None,
    info: str | None = None,
) -> tuple[str, bytes]:
    """The index text and the (uncompressed) data of a UTF-8 dictd database.

    The result is byte for byte what this command makes (dictfmt 1.13), fed the
    entries in its "-p" format ("%h headword%%%headword...", "%d", then the text with
    the first headword as its first line) after the lines of `info` and a line "%h":

        dictfmt -p --utf8 --index-keep-orig --headword-separator %%% --without-headword
                --without-time --without-header --without-ver --columns 0
                -s SHORT_NAME [-u URL | --without-url] NAME

    So the database has the 00-database-utf8, -url, -short, -info and -alphabet entries
    dictd reads; every headword is indexed under `dict_key` (with the headword as
    written in a fourth column when the key differs, which MATCH answers show), sorted
    as dictd's binary search expects (by the bytes of the key, entries in their order
    for equal keys); and an entry's text is copied, not re-wrapped. Entries that share a
    headword are all found: dictd returns every match. `name` is the database's file
    name and plays no part in the bytes. `info` is shown by `dict -i`.

    Beyond what dictfmt does: white space inside a headword becomes one space, a
    headword whose key is empty or repeats one of the same entry is not indexed (dictd
    would show the definition twice), an entry with no indexed headword is left out,
    and control characters but tab, and bidirectional overrides, are dropped (a DICT
    client prints definitions raw to a terminal).
    """
    del name  # the file name is the caller's; dictfmt writes it nowhere in the files
    data = bytearray()
    index: list[tuple[bytes, str]] = []
    alphabet: set[str] = set()

    def meta(key: str, text: str) -> None:
        start = len(data)
        data.extend(text.encode("utf-8"))
        line = f"{key}\t{_b64_encode(start)}\t{_b64_encode(len(data) - start)}"
        index.append((key.encode("utf-8"), line))

    def one(text: str) -> str:
        return " ".join(_clean_lines(text))

    meta("00databaseutf8", "\n")
    if url is not None:
        meta("00databaseurl", _fmt(one(url)) + "\n")
    meta("00databaseshort", "00-database-short\n     " + _fmt(one(short_name)) + "\n")
    info_text = ""
    if url is not None:
        info_text = "The original data is available from:\n     " + _fmt(one(url)) + "\n\n"
    info_text += "".join(_fmt(line) + "\n" for line in _clean_lines(info or ""))
    meta("00databaseinfo", info_text)

    for entry in entries:
        shown = [_one_line_dictd(h) for h in entry.headwords]
        shown = [h.encode("utf-8", "replace").decode("utf-8") for h in shown]
        keyed: list[tuple[str, str]] = []
        seen: set[str] = set()
        for headword in shown:
            key = dict_key(headword)
            if key.strip() and not _is_meta(key) and key not in seen:
                seen.add(key)
                keyed.append((key, headword))
        if not keyed:
            continue
        start = len(data)
        body = [keyed[0][1], *_clean_lines(entry.text)]
        data.extend("".join(_fmt(line) + "\n" for line in body).encode("utf-8"))
        length = len(data) - start
        for key, headword in keyed:
            alphabet.update(key)
            line = f"{key}\t{_b64_encode(start)}\t{_b64_encode(length)}"
            if headword != key:
                line += f"\t{headword}"
            index.append((key.encode("utf-8"), line))

    if url is None:
        meta("00databaseurl", "unknown\n")
    meta("00databasealphabet", _fmt("".join(sorted(alphabet))) + "\n")
    index.sort(key=lambda pair: pair[0])  # stable: equal keys keep the entries' order
    return "".join(line + "\n" for _, line in index), bytes(data)


def dict_entry(
    term: str | None,
    name: str,
    summary: str | None = None,
    description: str | None = None,
    aliases: Iterable[str] = (),
) -> DictEntry:
    """The dictd definition of an entity: looked up by its term, name and aliases.

    The text is the name, then the summary and the description as paragraphs, indented
    and wrapped at 72 columns; `parse_dictd` reads such a definition back into the same
    fields (aliases in index order; a name ending in "(...)" reads as name and tags).
    """
    headwords = tuple(h for h in (term or "", name, *aliases) if h.strip())
    paragraphs = [name]
    if summary:
        paragraphs.append(summary)
    if description:
        paragraphs += re.split(r"\n\s*\n", description)
    indent = "   "
    blocks = [
        textwrap.fill(_one_line(p), 72, initial_indent=indent, subsequent_indent=indent,
                      break_long_words=False, break_on_hyphens=False)
        for p in paragraphs
        if p.strip()
    ]
    return DictEntry(headwords, "\n\n".join(blocks) + "\n")
