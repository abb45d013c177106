"""Adding one entity to a knowledge file by hand's rules: the rest of the file untouched.

`brief add TERM NAME -o FILE` grows a glossary without an editor. The entity is written
as `render_draft` writes records, and its text is put into FILE as a person would type
it: at the end of the `entities:` section (before the next top-level key, or at the end
of the file), indented as the section's items are, with the file's own line ends. Every
byte of the file before and after the new lines stays as it was: comments, order,
quoting, blank lines. A new or empty file gets `format: 1` and the section.

What cannot be added to safely is refused with a message (`AppendError`): a file that is
not UTF-8 or not YAML, whose top level is not a block mapping of sections, whose
`entities` are written in flow style (`entities: [...]`) or are not a list. The text made
is read back before it is used: it must hold every record the file held, as it held
them, and the new entity, with no problem; anything else is refused too.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from briefcli.authoring.draft import DraftRecord, render_draft
from briefcli.knowledge.checker import FileResult, parse_text
from briefcli.problems import Problem

_ACRONYM_MAX = 16


class AppendError(ValueError):
    """FILE cannot take the entity safely; the message says why (and `problems` what the
    file's check found, when that is the reason)."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems or []


class Appended(NamedTuple):
    text: str  # the whole new file
    line: int  # the 1-based line of the new entity's first line


def acronym_like(term: str) -> bool:
    """Whether a term is a short form to store as the acronym: one word of at most 16
    characters written in capitals (`KFOR`, `TCP/IP`, `IPv6`, `F-16`, `X`); any other
    term (`Vucic`, `wifi`, `peace force`) is another name, stored as an alias."""
    if not term or len(term) > _ACRONYM_MAX or any(c.isspace() for c in term):
        return False
    letters = [c for c in term if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return capitals >= 2 or (bool(letters) and capitals == len(letters))


def entity_fields(
    term: str, name: str, *, kind: str | None = None, role: str | None = None,
    tags: list[str] | None = None, aliases: list[str] | None = None,
    summary: str | None = None,
) -> tuple[dict[str, Any], str]:
    """The fields of the entity `brief add` writes (without its id), and the text its id
    is made from. TERM is the acronym when it is acronym-like (`acronym_like`), else an
    alias; nothing when it folds to the name itself."""
    from briefcli.text import term_key

    data: dict[str, Any] = {"name": name}
    hint = name
    listed = list(aliases or [])
    if term_key(term) != term_key(name):
        hint = term
        if acronym_like(term):
            data["acronym"] = term
        else:
            listed.insert(0, term)
    if kind:
        data["kind"] = kind
    if role:
        data["role"] = role
    if summary:
        data["summary"] = summary
    seen = {term_key(name), term_key(str(data.get("acronym", "")))}
    kept = []
    for alias in listed:
        if term_key(alias) not in seen:
            seen.add(term_key(alias))
            kept.append(alias)
    if kept:
        data["aliases"] = kept
    if tags:
        data["tags"] = list(dict.fromkeys(tags))
    return data, hint


def _entity_lines(record: DraftRecord) -> list[str]:
    """The record's lines as `render_draft` writes them under `entities:`."""
    lines = render_draft([record]).split("\n")
    return lines[lines.index("entities:") + 1 :]


def _events(text: str) -> list[Any]:
    import yaml

    try:
        return list(yaml.parse(text, Loader=yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise AppendError(f"the file is not valid YAML{where}; `brief check` says more") from None


class _Section(NamedTuple):
    at: int  # where the new lines go (a character index of the text)
    indent: int  # the column of the items' dashes
    header: bool  # whether `entities:` must be written first
    empty: bool = False  # whether the section holds no entity yet


def _section(text: str) -> _Section:
    """Where the entity goes in `text` (a file without a byte order mark)."""
    import yaml

    events = _events(text)
    body = [e for e in events if not isinstance(
        e, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentStartEvent,
            yaml.DocumentEndEvent))]
    if not body:
        return _Section(len(text), 2, True)  # nothing but comments, or nothing at all
    root = body[0]
    if not isinstance(root, yaml.MappingStartEvent) or root.flow_style:
        raise AppendError(
            "the file is not a block mapping of sections (format:, entities:, ...); "
            "expected `entities:` at the start of a line"
        )
    i = 1
    while i < len(body):
        event = body[i]
        if isinstance(event, yaml.MappingEndEvent):
            break
        if isinstance(event, yaml.ScalarEvent) and event.value == "entities":
            return _entities(text, body, i)
        i = _skip(body, _skip(body, i))  # the key, then its whole value
    return _Section(len(text), 2, True)


def _skip(events: list[Any], i: int) -> int:
    """The index of the event after the node that starts at `events[i]`."""
    import yaml

    event = events[i]
    if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
        depth = 0
        while True:
            e = events[i]
            if isinstance(e, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
            elif isinstance(e, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            i += 1
            if depth == 0:
                return i
    return i + 1


def _after_line(text: str, index: int) -> int:
    """The start of the line after the one holding `index` (the end of the text, with a
    line end added by the caller, when it is the last)."""
    if index > 0 and text[index - 1] == "\n":
        return index
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def _end(event: Any) -> int:
    """Where an event ends, as a character index of the text."""
    return int(event.end_mark.index)


def _entities(text: str, events: list[Any], key: int) -> _Section:
    import yaml

    key_event = events[key]
    if key_event.start_mark.column != 0:
        raise AppendError("`entities:` is not at the start of its line; cannot add to it")
    value = events[key + 1]
    if isinstance(value, yaml.ScalarEvent):
        if value.value == "" and value.implicit[0]:
            return _Section(_after_line(text, _end(key_event)), 2, False, True)
        raise AppendError(
            f"`entities:` holds {value.value!r}, not a list; expected a list of entities"
        )
    if not isinstance(value, yaml.SequenceStartEvent):
        raise AppendError("`entities:` is not a list; expected a list of entities")
    if value.flow_style:
        raise AppendError(
            "the entities are written in flow style (`entities: [...]`); write them as a "
            "block list (one `- ` item per entity) to add to them"
        )
    end = _skip(events, key + 1)
    last = _end(key_event)
    flow: list[bool] = []
    for event in events[key + 2 : end - 1]:
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            flow.append(bool(event.flow_style))
            if event.flow_style:
                last = max(last, _end(event))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            if flow.pop():
                last = max(last, _end(event))
        else:  # scalars and aliases
            last = max(last, _end(event))
    start: Any = value.start_mark
    indent = int(start.column) if end - 1 > key + 2 else 2
    return _Section(_after_line(text, last), indent, False)


def _reindent(lines: list[str], indent: int) -> list[str]:
    """Lines written for items at column 2, moved to items at `indent`."""
    shift = indent - 2
    if shift >= 0:
        return [(" " * shift + line) if line else line for line in lines]
    return [line[-shift:] if line.startswith(" " * -shift) else line for line in lines]


def _identity(result: FileResult) -> list[tuple[str, str, Any]]:
    return [(r.kind, r.id, r.data) for r in result.records]


def append_entity(text: str | None, record: DraftRecord, path: str) -> Appended:
    """The text of FILE (`text`, None when it does not exist) with the entity added,
    checked by reading it back (see the module doc); AppendError when it cannot be."""
    bom = ""
    if text is not None and text.startswith("\ufeff"):
        bom, text = "\ufeff", text[1:]
    lines = _entity_lines(record)
    if text is None or not text.strip():
        new = render_draft([record])
        start = new.index("entities:\n") + len("entities:\n")
        return Appended(new, new.count("\n", 0, start) + 1)
    before = parse_text(text, path)
    errors = [p for p in before.problems if p.level == "error"]
    if errors:
        raise AppendError(f"{path} has errors; fix them first (nothing was written)", errors)
    section = _section(text)
    newline = "\r\n" if "\r\n" in text else "\n"
    head, tail = text[: section.at], text[section.at :]
    if head and not head.endswith("\n"):
        head += newline
    added = _reindent(lines, section.indent)
    if added and added[-1] == "":
        added.pop()
    piece = newline.join(added) + newline
    if section.header:
        piece = newline + "entities:" + newline + piece
    elif tail.strip() and not tail.startswith(("\n", "\r\n")):
        piece += newline  # a blank line before the next section, as the draft writes
    if not section.header and not section.empty and not head.endswith(("\n\n", "\n\r\n")):
        piece = newline + piece  # a blank line between entities
    new = head + piece + tail
    after = parse_text(new, path)
    problems = [p for p in after.problems if p.level == "error"]
    kept = _identity(before)
    added_rows = [r for r in after.records if (r.kind, r.id, r.data) not in kept]
    expected = record.data
    if (
        problems
        or [row for row in _identity(after) if row in kept] != kept
        or len(after.records) != len(before.records) + 1
        or len(added_rows) != 1
        or added_rows[0].kind != "entity"
        or {k: v for k, v in added_rows[0].data.items() if k in expected} != expected
    ):
        raise AppendError(
            f"the entity cannot be added to {path} without changing what the file says; "
            "add it by hand (nothing was written)", problems,
        )
    first = len(head) + piece.index(added[0])
    return Appended(bom + new, new.count("\n", 0, first) + 1)


__all__ = ["AppendError", "Appended", "acronym_like", "append_entity", "entity_fields"]
