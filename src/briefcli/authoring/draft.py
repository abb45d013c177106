"""Writing records as a draft knowledge file (format 1) for a person to read and edit.

`render_draft` writes `format: 1`, then one section per kind in the order of
`model.SECTIONS`, each record's fields in the order of its kind's fields, each record
after a comment that says where it came from. The text is meant to be edited by hand,
so values are written the way a person would write them:

- plain (`name: Kosovo Force`) whenever brief reads the plain value back as the same
  text and other YAML tools would not take it for a boolean, a number, a date or
  nothing (`'yes'`, `'1999'`, `'~'` are quoted; dates in date fields stay plain);
- long prose folded (`>-`) over lines of at most `PROSE_WIDTH` columns, the style of
  the bundled knowledge, in which anything may be typed when editing;
- text over several lines as a literal block (`|-`);
- quoted otherwise: single quotes when that is enough, double quotes with escapes when
  the text holds characters a file must not hold as they are (controls, tabs, line
  separators, bidirectional overrides), so they can never reach an editor or a
  terminal raw;
- lists of ids and short names in flow style (`[kfor, kosovo]`) when they fit on the
  line, every other list as a block.

Contract: `parse_file(render_draft(records).encode(), path)` reads back every record with
exactly the fields given (the ids of FAQs and briefings written without one derived as
usual), provided the records themselves are valid. Every value written over several
lines, and every flow list, is read back by brief's reader before it is used; a value
that would not read back exactly is written on one line in double quotes (a list, as a
block). Output depends only on the input: the same records give the same bytes.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from briefcli.knowledge.model import DATE, KINDS, PARAGRAPHS, SECTIONS
from briefcli.text import visible

if TYPE_CHECKING:
    from yaml.emitter import ScalarAnalysis

COMMENT_WIDTH = 100
"""Comment lines end by this column."""

PROSE_WIDTH = 80
"""A value that would pass this column on one line is folded (or, for a list, written as
a block); folded lines end by this column where the words allow."""

_MIN_TEXT_WIDTH = 40  # deep indentation still leaves room for some words per line

_INDENT = "  "


class DraftRecord(NamedTuple):
    """One record to write: its kind ("entity", "event", "faq", "briefing", "source"),
    its fields in format-1 form (text as str, list fields as lists of str) and an
    optional note of where it came from, written as a comment above it."""

    kind: str
    data: dict[str, str | list[str]]
    comment: str | None = None


def render_draft(records: Sequence[DraftRecord], header: str | None = None) -> str:
    """The records as the text of a format-1 knowledge file, `header` as its first comment.

    Records of a kind keep their given order. An empty list is written `[]`; a field
    missing from `data` is left out. ValueError for an unknown kind or field, a value
    that is neither text nor a list of text, or text that is not valid Unicode (a lone
    surrogate), which no file can hold.
    """
    for record in records:
        if record.kind not in KINDS:
            raise ValueError(f"unknown kind of record {record.kind!r}")
        unknown = [name for name in record.data if name not in KINDS[record.kind].fields]
        if unknown:
            raise ValueError(f"unknown field {unknown[0]!r} for {KINDS[record.kind].label}")
    lines: list[str] = []
    if header is not None:
        lines.extend(_header_lines(header))
        if lines:
            lines.append("")
    lines.append("format: 1")
    for section, kind in SECTIONS.items():
        rows = [record for record in records if record.kind == kind]
        if not rows:
            continue
        lines.extend(["", f"{section}:"])
        for i, record in enumerate(rows):
            if i:
                lines.append("")
            if record.comment is not None:
                lines.extend(comment_lines(record.comment, _INDENT))
            lines.extend(_record_lines(record))
    return "\n".join(lines) + "\n"


# -- comments ---------------------------------------------------------------------------------

# Characters YAML does not allow in a file at all (the reader refuses them even in a
# comment), and the byte order mark, which has no business in the middle of a line.
_NOT_IN_FILE = re.compile(
    "[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)


def _show_code(match: re.Match[str]) -> str:
    return f"<U+{ord(match.group()):04X}>"


def comment_text(text: str) -> str:
    """Text made safe for one comment paragraph: controls and bidirectional overrides
    shown (`^[`, `<U+202E>`), every run of whitespace and line breaks (CRLF included)
    one space."""
    # Line and paragraph separators break lines like newlines: spaces, as they are.
    shown = visible(text.replace("\r\n", "\n").replace("\u2028", "\n").replace("\u2029", "\n"))
    return " ".join(_NOT_IN_FILE.sub(_show_code, shown).split())


def comment_lines(text: str, indent: str = "") -> list[str]:
    """`text` as comment lines (`# ...`) after `indent`, wrapped by `COMMENT_WIDTH`.

    Nothing in `text` can end the comment: line breaks become spaces and controls are
    shown. Empty text gives no lines. A word longer than a line stays whole.
    """
    safe = comment_text(text)
    if not safe:
        return []
    width = max(COMMENT_WIDTH - len(indent) - 2, _MIN_TEXT_WIDTH)
    if len(safe) <= width:  # single spaces, no blank at either end: one line
        return [f"{indent}# {safe}"]
    wrapped = textwrap.wrap(safe, width, break_long_words=False, break_on_hyphens=False)
    return [f"{indent}# {line}" for line in wrapped]


def _header_lines(header: str) -> list[str]:
    """The header's lines as comments, each wrapped; its blank lines kept as `#`.

    Only newlines separate lines: other line breaks are shown or made spaces, as in any
    comment text."""
    out: list[str] = []
    for line in re.split(r"\r?\n", header):
        out.extend(comment_lines(line) or ["#"])
    while out and out[-1] == "#":
        out.pop()
    return out


# -- records ----------------------------------------------------------------------------------


def _record_lines(record: DraftRecord) -> list[str]:
    lines: list[str] = []
    for name, spec in KINDS[record.kind].fields.items():
        if name not in record.data:
            continue
        value = record.data[name]
        lead = (_INDENT + "- " if not lines else _INDENT * 2) + name + ":"
        indent = _INDENT * 3
        if isinstance(value, str):
            lines.extend(_scalar_lines(value, lead, indent, date=spec.type == DATE))
        elif isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            lines.extend(_list_lines(list(value), lead, indent, spec.type))
        else:
            raise ValueError(
                f"expected text or a list of text for {name!r} of {KINDS[record.kind].label}, "
                f"found {type(value).__name__}"
            )
    if not lines:  # a record with no fields at all is still one record
        lines.append(_INDENT + "- {}")
    return lines


def _list_lines(items: list[str], lead: str, indent: str, ftype: str) -> list[str]:
    """A list after `lead` (`    tags:`): `[]`, flow style when short, else a block."""
    if not items:
        return [lead + " []"]
    if ftype != PARAGRAPHS and all(_short_name(item) for item in items):
        line = lead + " [" + ", ".join(_flow_item(item) for item in items) + "]"
        if len(line) <= PROSE_WIDTH and _reads_back([line], len(lead), items):
            return [line]
    lines = [lead]
    for item in items:
        lines.extend(_scalar_lines(item, indent + "-", indent + _INDENT, date=False))
    return lines


_SENTENCE_END = (".", "!", "?", "…")


def _short_name(item: str) -> bool:
    """An item fit for a flow list: an id, a tag or a name, not a sentence."""
    if not item or len(item) > 40 or item.endswith(_SENTENCE_END) or "\n" in item:
        return False
    if _simple(item):
        return True
    analysis = _analysis(item)
    return bool(analysis.allow_flow_plain or analysis.allow_single_quoted) and not (
        _ESCAPED.search(item)
    )


def _flow_item(item: str) -> str:
    if _simple(item) and not _looks_typed(item):
        return item
    if _analysis(item).allow_flow_plain and not _looks_typed(item):
        return item
    return _single_quoted(item)


# -- scalars ----------------------------------------------------------------------------------

# Written as escapes in double quotes, never as themselves: every character YAML refuses
# in a file, tabs and carriage returns (invisible, and a tab is not indentation), the
# other line breaks YAML knows, the byte order mark, DEL and C1 controls, and the
# bidirectional controls that can make text display in another order than it is stored.
_ESCAPED = re.compile(
    "[^\n\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
    "|[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)

_NAMED_ESCAPES = {
    "\0": "\\0", "\a": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v",
    "\f": "\\f", "\r": "\\r", "\x1b": "\\e", '"': '\\"', "\\": "\\\\", "\x85": "\\N",
    "\u2028": "\\L", "\u2029": "\\P",
}

# Plain values other YAML tools would read as something other than text: the YAML 1.1
# booleans, nulls, numbers and timestamps (PyYAML's resolver), and the YAML 1.2 core
# schema's numbers. brief reads them all as text, but a draft is also opened elsewhere.
_CORE_NUMBER = re.compile(
    r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
)
_DATE_VALUE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")


# Text of letters and digits with a few marks that YAML gives no meaning inside a scalar
# (`.`, `-`, `/`, `(`, `)`, `'`), single spaces between, beginning with a letter or a
# digit: every style can write it, plain in a block or a flow list included. Most of a
# glossary is such text, judged without asking PyYAML's emitter (a test holds the two
# equal).
_SIMPLE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.()/'-]| (?! |$))*")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _simple(text: str) -> bool:
    return _SIMPLE.fullmatch(text) is not None


def _analysis(text: str) -> ScalarAnalysis:
    """PyYAML's judgement of which styles can write `text`."""
    return _emitter_analysis(text)


@lru_cache(maxsize=1024)
def _emitter_analysis(text: str) -> ScalarAnalysis:
    import io

    from yaml.emitter import Emitter

    return Emitter(io.StringIO(), allow_unicode=True).analyze_scalar(text)


# The words of letters alone that a YAML 1.1 resolver reads as a boolean or a null.
_WORDS_TYPED = frozenset({"yes", "no", "true", "false", "on", "off", "null"})


@lru_cache(maxsize=4096)
def _looks_typed(text: str) -> bool:
    """Whether a YAML tool other than brief would read the plain text as not text.

    Text that begins with a letter and is longer than the longest boolean or null word
    (`false`), or holds a space, is text to every resolver: numbers, dates, `.inf` and
    `<<` begin otherwise."""
    if text[:1].isascii() and text[:1].isalpha() and (len(text) > 5 or " " in text):
        return False
    if text.isascii() and text.isalpha() and text.lower() not in _WORDS_TYPED:
        return False
    return _resolved_typed(text)


@lru_cache(maxsize=1024)
def _resolved_typed(text: str) -> bool:
    from yaml.nodes import ScalarNode
    from yaml.resolver import Resolver

    tag = Resolver().resolve(ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return tag != "tag:yaml.org,2002:str" or _CORE_NUMBER.fullmatch(text) is not None


def _scalar_lines(text: str, lead: str, indent: str, date: bool) -> list[str]:
    """Lines writing `text` after `lead` (`    title:` or `      -`); continuation and
    block lines start with `indent`."""
    surrogate = _SURROGATE.search(text)
    if surrogate:
        code = ord(surrogate.group())
        raise ValueError(f"text with a lone surrogate (U+{code:04X}) cannot be written")
    one_line = len(lead) + 1 + len(text) <= PROSE_WIDTH
    if one_line and _simple(text) and (
        not _looks_typed(text) or (date and _DATE_VALUE.fullmatch(text) is not None)
    ):
        return [f"{lead} {text}"]  # what the general case below decides for simple text
    analysis = _analysis(text)
    escaped = _ESCAPED.search(text) is not None
    plain = (
        analysis.allow_block_plain
        and not analysis.empty
        and not escaped
        and (not _looks_typed(text) or (date and _DATE_VALUE.fullmatch(text) is not None))
    )
    if plain and one_line:
        return [f"{lead} {text}"]
    candidates: list[list[str]] = []
    if "\n" in text:
        if not escaped:
            candidates.append(_literal(text, lead, indent))
    elif not escaped and not one_line and text == text.strip(" ") and text:
        candidates.append(_folded(text, lead, indent))
    elif not escaped and analysis.allow_single_quoted and one_line:
        if "'" in text and '"' not in text:
            return [f'{lead} "{text}"']
        return [f"{lead} {_single_quoted(text)}"]
    if not one_line:
        candidates.append(_double_quoted_wrapped(text, lead, indent))
    for lines in candidates:
        if _reads_back(lines, len(lead), text):
            return lines
    return [f'{lead} "{_escape(text)}"']


def _single_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _escape(text: str) -> str:
    """The inside of a double-quoted scalar for `text`."""
    out: list[str] = []
    for char in text:
        named = _NAMED_ESCAPES.get(char)
        if named is not None:
            out.append(named)
        elif _ESCAPED.match(char):
            code = ord(char)
            out.append(
                f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}" if code <= 0xFFFF
                else f"\\U{code:08X}"
            )
        else:
            out.append(char)
    return "".join(out)


def _width(indent: str) -> int:
    return max(PROSE_WIDTH - len(indent), _MIN_TEXT_WIDTH)


# Where a long line may break: a single space between two characters that are not
# spaces. YAML folds such a line break back into one space, in plain, quoted and folded
# scalars alike; a break anywhere near other spaces would lose or add some.
_BREAK = re.compile(r"(?<=[^ ]) (?=[^ ])")


def _fill(words: list[str], first: int, width: int) -> list[str]:
    """Words joined by single spaces into lines: the first at most `first` columns,
    the others `width` (a longer word stays whole on its own line)."""
    lines: list[str] = []
    current = ""
    limit = first
    for word in words:
        if current and len(current) + 1 + len(word) > limit:
            lines.append(current)
            current, limit = word, width
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


def _folded(text: str, lead: str, indent: str) -> list[str]:
    width = _width(indent)
    return [f"{lead} >-"] + [indent + line for line in _fill(_BREAK.split(text), width, width)]


def _literal(text: str, lead: str, indent: str) -> list[str]:
    """A literal block; the caller has made sure that nothing in it needs escaping."""
    body = text[:-1] if text.endswith("\n") else text
    chomp = "" if text.endswith("\n") else "-"
    if not body or body.endswith("\n") or body.startswith((" ", "\n")) or " \n" in text:
        # Trailing blank lines, a leading space or trailing spaces: exact in a literal
        # block only with indicators and invisible spaces; double quotes say it plainly.
        return []
    return [f"{lead} |{chomp}"] + [indent + line if line else "" for line in body.split("\n")]


def _double_quoted_wrapped(text: str, lead: str, indent: str) -> list[str]:
    width = _width(indent)
    words = [_escape(part) for part in _BREAK.split(text)]
    words[0] = '"' + words[0]
    words[-1] += '"'
    lines = _fill(words, max(PROSE_WIDTH - len(lead) - 1, _MIN_TEXT_WIDTH), width)
    return [f"{lead} {lines[0]}"] + [indent + line for line in lines[1:]]


def _reads_back(lines: list[str], lead_length: int, expected: str | list[str]) -> bool:
    """Whether brief's reader reads the value written in `lines` (after a lead of
    `lead_length` characters) as exactly `expected`."""
    if not lines:
        return False
    if (
        isinstance(expected, list)
        and len(lines) == 1
        and lines[0][lead_length:] == " [" + ", ".join(expected) + "]"
        and all(_simple(item) and not _looks_typed(item) for item in expected)
    ):
        return True  # simple text written plain in a flow list reads back as itself
    from briefcli.knowledge.yamlread import Mapping, Scalar, read_yaml
    from briefcli.knowledge.yamlread import Sequence as SequenceNode

    document = read_yaml("\n".join(["k:" + lines[0][lead_length:], *lines[1:]]) + "\n", "")
    root = document.root
    if document.problems or not isinstance(root, Mapping) or len(root.items) != 1:
        return False
    value = root.items[0][1]
    if isinstance(expected, str):
        return isinstance(value, Scalar) and value.value == expected and not value.is_null
    return (
        isinstance(value, SequenceNode)
        and len(value.items) == len(expected)
        and all(
            isinstance(node, Scalar) and not node.is_null and node.value == item
            for node, item in zip(value.items, expected, strict=True)
        )
    )


__all__ = ["COMMENT_WIDTH", "PROSE_WIDTH", "DraftRecord", "comment_lines", "render_draft"]
