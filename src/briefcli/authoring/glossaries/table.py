"""CSV and TSV tables whose header row names their columns (comma, semicolon or tab)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from briefcli.authoring.glossaries.common import (
    GlossaryEntry,
    _decode,
    _dedupe,
    _one_line,
    _Problems,
    _quote,
    _safe,
    _too_long,
    _too_many,
)
from briefcli.authoring.glossaries.wtf import read_wtf
from briefcli.problems import Problem

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
