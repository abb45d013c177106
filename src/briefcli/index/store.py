"""What the compiled index holds, and how a call knows it is current.

Queries read the index and never re-parse unchanged files. Each source file is recorded
with its size, mtime_ns, ctime_ns and inode (as git's index does); a call stats the
files (`changes`), and only changed, added or removed ones are read again, by
`briefcli.index.update`, which only a call that finds a change imports. Where the index
file lives and how it is replaced is `briefcli.index.cache`.
"""

from __future__ import annotations

import marshal
import os
from binascii import crc32

from briefcli.index.sqlite import sqlite3
from briefcli.knowledge.sources import FileStamp, display_path
from briefcli.problems import Problem
from briefcli.text import term_key

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from typing import Any, TypeVar

    _T = TypeVar("_T")

DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE files (
    fid INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL,
    size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER, inode INTEGER,
    complete INTEGER NOT NULL DEFAULT 1,  -- 0: part of it could not be read as records
    digest INTEGER,  -- the CRC-32 of the bytes read (NULL: not read): a touch is not an edit
    slot INTEGER NOT NULL  -- the file's place in the knowledge's order: its records' rids
                           -- start at slot * SPAN (see `_slots`)
);
CREATE TABLE declared (fid INTEGER NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL);
CREATE TABLE records (
    rid INTEGER PRIMARY KEY, fid INTEGER NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL,
    line INTEGER, col INTEGER, sort_key INTEGER, end_key INTEGER,
    data TEXT NOT NULL,  -- the fields as JSON, for SQL (json_extract)
    packed BLOB NOT NULL,  -- the same fields in `marshal`'s format, for a lookup to show
    crc INTEGER NOT NULL  -- the CRC-32 of packed, then data: damage SQLite does not notice
                          -- is noticed
);
CREATE TABLE terms (
    key TEXT NOT NULL, rid INTEGER NOT NULL, field TEXT NOT NULL, text TEXT NOT NULL,
    squash TEXT  -- an acronym's or a one-word term's key without spaces ("wi fi": "wifi")
);
CREATE TABLE tags (key TEXT NOT NULL, rid INTEGER NOT NULL);
CREATE TABLE links (
    rid INTEGER NOT NULL, fid INTEGER NOT NULL, field TEXT NOT NULL, target TEXT NOT NULL,
    target_id TEXT NOT NULL, line INTEGER, col INTEGER
);
CREATE TABLE problems (
    fid INTEGER, path TEXT, line INTEGER, col INTEGER, code TEXT, message TEXT, level TEXT,
    excerpt TEXT NOT NULL DEFAULT ''
);
CREATE TABLE cross_problems (
    path TEXT, line INTEGER, col INTEGER, code TEXT, message TEXT, level TEXT,
    fid INTEGER NOT NULL,  -- the file the problem stands in
    kind TEXT NOT NULL, id TEXT NOT NULL  -- the id duplicated, or referred to
);
CREATE VIRTUAL TABLE fts USING fts5 (
    title, body, tokenize = 'unicode61 remove_diacritics 2'
);"""

# Secondary indexes: a full build creates them after its bulk insert, which is faster
# than keeping them up to date row by row.
INDEXES = """
CREATE INDEX IF NOT EXISTS records_kind_id ON records (kind, id);
CREATE INDEX IF NOT EXISTS records_kind_date ON records (kind, sort_key, end_key);
CREATE INDEX IF NOT EXISTS records_fid ON records (fid);
CREATE INDEX IF NOT EXISTS terms_key ON terms (key);
CREATE INDEX IF NOT EXISTS terms_rid ON terms (rid);
CREATE INDEX IF NOT EXISTS terms_squash ON terms (squash) WHERE squash IS NOT NULL;
CREATE INDEX IF NOT EXISTS tags_key ON tags (key);
CREATE INDEX IF NOT EXISTS tags_rid ON tags (rid);
CREATE INDEX IF NOT EXISTS links_target ON links (target, target_id);
CREATE INDEX IF NOT EXISTS links_rid ON links (rid);
CREATE INDEX IF NOT EXISTS links_fid ON links (fid);
CREATE INDEX IF NOT EXISTS problems_fid ON problems (fid);
CREATE INDEX IF NOT EXISTS cross_problems_fid ON cross_problems (fid);
CREATE INDEX IF NOT EXISTS cross_problems_key ON cross_problems (kind, id);
CREATE INDEX IF NOT EXISTS declared_key ON declared (kind, id);
CREATE INDEX IF NOT EXISTS declared_fid ON declared (fid);
"""


def changes(
    conn: sqlite3.Connection, stamps: list[FileStamp]
) -> tuple[list[FileStamp], list[str]] | None:
    """Files to read again and paths to drop, or None when the index is current."""
    known: dict[str, tuple[Any, ...]] = {  # rows, equal to the stamps of unchanged files
        row[0]: row
        for row in conn.execute("SELECT path, size, mtime_ns, ctime_ns, inode FROM files")
    }
    changed = [s for s in stamps if known.pop(s.path, None) != s]
    if not changed and not known:
        return None
    return changed, list(known)


class BuildReport:
    """What an update of the index did, for diagnostics and tests."""

    def __init__(self) -> None:
        self.reread: list[str] = []
        self.removed: list[str] = []
        self.rebuilt = False
        self.location = ""  # the index file, or ":memory:"
        self.warnings: list[str] = []
        self.stamps: list[FileStamp] = []  # the knowledge files found
        # Called after each file read again with (files done, files to read), when set.
        self.progress: Callable[[int, int], None] | None = None

    def __repr__(self) -> str:
        return f"BuildReport({self.__dict__})"


VARIABLES = 500  # SQL variables a query binds at most: long id lists go in batches


def batches(items: Iterable[_T]) -> Iterator[tuple[list[_T], str]]:
    """`items` in batches of at most VARIABLES, each with its placeholders ("?,?,?")."""
    listed = list(items)
    for start in range(0, len(listed), VARIABLES):
        chunk = listed[start : start + VARIABLES]
        yield chunk, ",".join("?" * len(chunk))


# A record's fields are stored twice: as JSON in `data`, which SQL reads (json_extract),
# and in `marshal`'s format in `packed`, which a lookup decodes without importing `json`
# (and faster). The format's version is part of the index's version (`cache`).
RECORD_FORMAT = marshal.version


def record_crc(data: str, packed: bytes) -> int:
    """The checksum of a record's two forms."""
    return crc32(data.encode("utf-8"), crc32(packed))


def load_record(data: str, packed: bytes, crc: int) -> Any:
    """A stored record's fields (`packed`), after checking both its forms against their
    checksum.

    A record that fails it (a changed byte in the file that SQLite did not notice) raises
    the error SQLite raises for a damaged file, so that the index is rebuilt.
    """
    if record_crc(data, packed) != crc:
        raise sqlite3.DatabaseError("database disk image is malformed (a record checksum)")
    try:
        fields = marshal.loads(packed)
    except (ValueError, EOFError, TypeError):
        fields = None
    if not isinstance(fields, dict):
        raise sqlite3.DatabaseError("database disk image is malformed (a record)")
    return fields


# Unknown references are reported only once every file could be read as records: while
# one could not (a syntax error, an unknown section), what it defines is unknown, and
# its references would blame the files that name its records (the stages of a check wait
# for each other, as the problems of one stage are the causes of the next one's).
_COMPLETE = "NOT EXISTS (SELECT 1 FROM files WHERE complete = 0)"
_SHOWN_CROSS = f"(code != 'unknown-ref' OR {_COMPLETE})"


def stored_problems(
    conn: sqlite3.Connection, errors_only: bool = False, cwd: str | None = None
) -> list[Problem]:
    """Every problem the index holds, per-file and cross-file, in file order, with paths
    shown relative to `cwd` when they are below it (absolute without one)."""
    level = " AND level = 'error'" if errors_only else ""
    rows = conn.execute(
        f"SELECT path, line, col, code, message, level, excerpt, '', '' FROM problems "
        f"WHERE 1{level} UNION ALL SELECT path, line, col, code, message, level, '', kind, id "
        f"FROM cross_problems WHERE {_SHOWN_CROSS}{level}"
    ).fetchall()
    if not errors_only:
        rows += _duplicate_events(conn)
    hints = _id_hints(conn, [(row[7], row[8]) for row in rows if row[3] == "unknown-ref"])
    # Paths are stored absolute; messages that name a second place get the same treatment.
    here = (cwd or "\0") + os.sep
    return sorted(
        Problem(
            display_path(path, cwd), line, col, code,
            message.replace(here, "") + hints.get((kind, key), ""), level, excerpt,
        )
        for path, line, col, code, message, level, excerpt, kind, key in rows
    )


def _duplicate_events(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    """Warnings for events with the same date and title (case and spacing aside) as one
    written before them: a duplicate made by hand, or an article drafted twice. Found
    when problems are listed (`brief check`), so that they are never stale."""
    from briefcli.text import term_key

    first: dict[tuple[str, str], tuple[str, str, int, int]] = {}
    rows: list[tuple[Any, ...]] = []
    for rid, date, title, path, line, col in conn.execute(
        "SELECT r.id, json_extract(r.data, '$.date'), json_extract(r.data, '$.title'), "
        "f.path, r.line, r.col FROM records r JOIN files f USING (fid) "
        "WHERE r.kind = 'event' ORDER BY f.path, r.line, r.col"
    ):
        key = (str(date), term_key(str(title)))
        if key not in first:
            first[key] = (str(rid), str(path), int(line or 0), int(col or 0))
            continue
        other, where, at, col0 = first[key]
        message = (
            f"event {rid!r} has the same date and title as event {other!r} at "
            f"{where}:{at}:{col0} ({date}, {title!r}); expected one event"
        )
        rows.append((path, line, col, "duplicate-event", message, "warning", "", "event", rid))
    return rows


HINTED = 200  # unknown ids given a "did you mean"; past that, a typo is not the cause


def _id_hints(conn: sqlite3.Connection, unknown: list[tuple[str, str]]) -> dict[Any, str]:
    """(kind, unknown id) -> ` (did you mean 'kfor'?)`, from the ids the index holds now."""
    from briefcli.index.suggest import suggest

    hints: dict[Any, str] = {}
    ids_of: dict[str, list[tuple[str, str, str, str]]] = {}
    for kind, target_id in list(dict.fromkeys(unknown))[:HINTED]:
        if kind not in ids_of:
            ids_of[kind] = [
                (term_key(r[0]), r[0], r[0], "id")
                for r in conn.execute("SELECT id FROM records WHERE kind = ?", (kind,))
            ]
        close = suggest(target_id, ids_of[kind], 1, ids=True)
        if close:
            hints[(kind, target_id)] = f" (did you mean {close[0]!r}?)"
    return hints


def error_count(conn: sqlite3.Connection) -> int:
    """How many errors the knowledge has (those `stored_problems` lists)."""
    row = conn.execute(
        "SELECT (SELECT count(*) FROM problems WHERE level = 'error') + "
        f"(SELECT count(*) FROM cross_problems WHERE level = 'error' AND {_SHOWN_CROSS})"
    ).fetchone()
    return int(row[0])


def unread(conn: sqlite3.Connection, cwd: str | None = None) -> list[str]:
    """Files of which nothing could be used (unreadable, not YAML, hostile), as shown."""
    rows = conn.execute(
        "SELECT path FROM files WHERE complete = 0 "
        "AND NOT EXISTS (SELECT 1 FROM records r WHERE r.fid = files.fid) ORDER BY path"
    ).fetchall()
    return [display_path(row[0], cwd) for row in rows]


def has_errors(conn: sqlite3.Connection) -> bool:
    row = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM problems WHERE level = 'error') "
        f"OR EXISTS (SELECT 1 FROM cross_problems WHERE level = 'error' AND {_SHOWN_CROSS})"
    ).fetchone()
    return bool(row[0])
