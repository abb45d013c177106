"""`brief edit ID`: where a record is written, and the command that opens an editor there.

The index keeps each record's file and line, so finding it reads no knowledge file.
The editor is `$VISUAL`, else `$EDITOR`, else `vi`, split as a shell would split it
(`code --wait`, `emacsclient -t`) but run without a shell; how it is told the line
depends on the editor: `+LINE FILE` for the vi and Emacs families, nano, micro, kak,
joe and the like, `FILE:LINE` for those that read it so (Sublime Text, Helix, Zed),
`--goto FILE:LINE` for VS Code; any other editor is given the file alone.
"""

from __future__ import annotations

import os
import shlex
import sqlite3
from collections.abc import Mapping
from typing import NamedTuple

from briefcli.knowledge.model import KINDS
from briefcli.problems import BriefError, ExitCode


class Place(NamedTuple):
    """A record and where it is written."""

    kind: str
    id: str
    path: str
    line: int


class Ambiguous(BriefError):
    """An id that records of several kinds share: `--kind` must say which."""

    def __init__(self, record_id: str, places: list[Place], cwd: str | None = None) -> None:
        from briefcli.knowledge.sources import display_path

        listed = "".join(
            f"\n  --kind {p.kind:<9} {display_path(p.path, cwd)}:{p.line}" for p in places
        )
        super().__init__(
            f"{record_id!r} is the id of {len(places)} records; say which with --kind:"
            + listed,
            ExitCode.USAGE,
        )
        self.places = places


def find_record(
    conn: sqlite3.Connection, record_id: str, kind: str | None = None, cwd: str | None = None
) -> Place:
    """Where the record with this id is written (of `kind`, when given); `cwd` is the
    folder the paths in messages are shown relative to.

    Raises `Ambiguous` when records of several kinds have the id and no kind is given,
    and `query.NotFound` with the closest ids when none has it. Among records of one
    kind with the same id (a duplicate-id error), the first written is found.
    """
    from briefcli.index.lookups import record_places

    order = {name: i for i, name in enumerate(KINDS)}
    places = [Place(*row) for row in record_places(conn, record_id, kind)]
    firsts: dict[str, Place] = {}
    for place in places:
        firsts.setdefault(place.kind, place)
    if len(firsts) > 1:
        raise Ambiguous(record_id, sorted(firsts.values(), key=lambda p: order[p.kind]), cwd)
    if not firsts:
        from briefcli.index.query import NotFound

        what = f"no {KINDS[kind].noun} with the id {record_id!r}" if kind else (
            f"no record with the id {record_id!r}"
        )
        raise NotFound(what, suggest_ids(conn, record_id, kind))
    return next(iter(firsts.values()))


class ManySenses(BriefError):
    """A term of several senses: the id must say which."""

    def __init__(self, term: str, senses: list[tuple[str, str]]) -> None:
        width = max(len(i) for i, _ in senses)
        listed = "".join(f"\n  {i:<{width}}  {name}" for i, name in senses)
        super().__init__(
            f"{term!r} has {len(senses)} senses; say which by its id (brief edit ID):"
            + listed,
            ExitCode.USAGE,
        )


def find_record_or_term(
    conn: sqlite3.Connection, what: str, kind: str | None = None, cwd: str | None = None
) -> Place:
    """Where the record with this id is written (`find_record`), else the entity the
    term (an acronym, a name, an alias) names, as `define` resolves it. A term of several
    senses raises `ManySenses`; neither an id nor a term, the NotFound of the id (with
    the closest ids)."""
    from briefcli.index.query import NotFound, find_terms

    try:
        return find_record(conn, what, kind, cwd)
    except NotFound as missed:
        if kind not in (None, "entity"):
            raise
        try:
            senses = find_terms(conn, what)
        except NotFound:
            raise missed from None
    if len(senses) > 1:
        raise ManySenses(what, [(d.entity.id, d.entity.name) for d in senses])
    entity = senses[0].entity
    return Place("entity", entity.id, entity.path, entity.line)


def suggest_ids(
    conn: sqlite3.Connection, record_id: str, kind: str | None = None, limit: int = 5
) -> list[str]:
    """The ids closest to one not found, by the rules of `briefcli.index.suggest`."""
    from briefcli.index.suggest import length_window, suggest
    from briefcli.text import term_key

    low, high = length_window(term_key(record_id))
    if low > high:
        return []
    from briefcli.index.lookups import ids_by_length

    # dots and signs leave the key: ids a little shorter or longer may still be close
    rows = [(term_key(rid), rid, (k, rid), "id")
            for rid, k in ids_by_length(conn, max(low - 2, 1), high + 2, kind)]
    return suggest(record_id, rows, limit, ids=True)


# Editors that take `+LINE FILE`, by the name of their program.
PLUS_LINE = frozenset({
    "vi", "vim", "nvim", "gvim", "mvim", "view", "vim.basic", "vim.tiny", "nvi", "elvis",
    "vis", "nano", "pico", "rnano", "emacs", "emacsclient", "xemacs", "mg", "micro", "kak",
    "joe", "jmacs", "jstar", "jpico", "rjoe", "ne", "jed", "gedit", "kwrite", "mcedit",
    "ee", "aee", "amp", "lapce",
})
# Editors that take `FILE:LINE`, with the option some of them need first.
COLON_LINE: dict[str, tuple[str, ...]] = {
    "code": ("--goto",), "code-insiders": ("--goto",), "codium": ("--goto",),
    "vscodium": ("--goto",), "cursor": ("--goto",),
    "subl": (), "sublime_text": (), "hx": (), "helix": (), "zed": (), "zeditor": (),
    "atom": (), "pulsar": (), "lite-xl": (),
}


class EditorError(BriefError):
    """The editor variable cannot be used (empty after splitting, unbalanced quotes)."""


def editor_command(environ: Mapping[str, str], path: str, line: int) -> list[str]:
    """The command that opens `path` at `line` in the user's editor: `$VISUAL`, else
    `$EDITOR`, else `vi`, split by `shlex.split`, with the file and line added as the
    editor expects them. Raises EditorError for a variable that cannot be split."""
    variable = next(
        (name for name in ("VISUAL", "EDITOR") if environ.get(name, "").strip()), None
    )
    setting = environ[variable] if variable else "vi"
    try:
        argv = shlex.split(setting)
    except ValueError as exc:
        raise EditorError(f"${variable} is {setting!r}, which cannot be split: {exc}") from None
    if not argv or not argv[0]:
        raise EditorError(f"${variable} is {setting!r}, which names no program")
    program = os.path.basename(argv[0]).lower().removesuffix(".exe")
    if line > 0 and program in PLUS_LINE:
        return [*argv, f"+{line}", path]
    if line > 0 and program in COLON_LINE:
        return [*argv, *COLON_LINE[program], f"{path}:{line}"]
    return [*argv, path]
