"""Bringing the index up to date: reading the files that changed and writing their records.

A call that finds the index current (`store.changes`) never imports this module: a
lookup reads what `store` describes. Here is what an update does: files whose bytes did
not change only get their new stamp, the others are read, checked and stored again in
their slot of the knowledge's order, and the cross-file checks (duplicate ids, unknown
references) are recomputed in SQL for the ids the change touched.
"""

from __future__ import annotations

import marshal
import os
import time
from binascii import crc32

from briefcli.index.sqlite import sqlite3
from briefcli.index.store import (
    DDL,
    INDEXES,
    RECORD_FORMAT,
    BuildReport,
    changes,
    record_crc,
)
from briefcli.knowledge.model import KINDS
from briefcli.knowledge.sources import OUTSIDE, UNLISTED, UNNAMED, FileStamp
from briefcli.problems import Problem
from briefcli.text import fold, term_key

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any

    # the checker is imported only when a file is read again
    from briefcli.knowledge.checker import FileResult


def create(conn: sqlite3.Connection, version: str) -> None:
    """Lay out an empty index in a new database."""
    conn.executescript(DDL)
    conn.execute("INSERT INTO meta VALUES ('version', ?)", (version,))


def update(conn: sqlite3.Connection, stamps: list[FileStamp], report: BuildReport) -> None:
    """Bring the index up to date with the files `stamps` names: statements only, in the
    caller's transaction (nothing here commits; the caller commits or rolls back)."""
    found = changes(conn, stamps)
    if found is None:
        return
    changed, removed = found
    changed = _restamp_unchanged(conn, changed)
    if not changed and not removed:
        return
    full = conn.execute("SELECT NOT EXISTS (SELECT 1 FROM files)").fetchone()[0]
    # Cross-file problems can change only for the ids the changed files held or hold.
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS touched (kind TEXT, id TEXT)")
    conn.execute("DELETE FROM touched")
    for table in ("records", "declared"):
        conn.executemany(
            f"INSERT INTO touched SELECT kind, id FROM {table} JOIN files USING (fid) "
            "WHERE path = ?",
            [(path,) for path in [*removed, *(s.path for s in changed)]],
        )
    for path in removed:
        _forget(conn, path)
        report.removed.append(path)
    slots = _slots(conn, stamps, changed)
    try:
        if slots is None:
            raise RenumberNeeded
        fresh = _read_files(conn, changed, slots, report)
    except RenumberNeeded:  # no room left in the order: every file is stored again
        for path in [row[0] for row in conn.execute("SELECT path FROM files")]:
            _forget(conn, path)
        report.reread.clear()
        changed = list(stamps)
        slots = _slots(conn, stamps, changed)
        assert slots is not None  # an empty index has room for any number of files
        fresh = _read_files(conn, changed, slots, report)
        full = True  # every cross-file problem is found again
    if full:
        # One statement at a time: executescript would commit the caller's transaction.
        for statement in INDEXES.split(";"):
            if statement.strip():
                conn.execute(statement)
    else:
        for table in ("records", "declared"):
            conn.executemany(
                f"INSERT INTO touched SELECT kind, id FROM {table} WHERE fid = ?",
                [(f,) for f in fresh],
            )
    _cross_check(conn, None if full else fresh)


def _read_files(
    conn: sqlite3.Connection, changed: list[FileStamp], slots: dict[str, int],
    report: BuildReport,
) -> list[int]:
    """Read and store each changed file in its slot; the fids stored."""
    every = sorted({*slots.values(), *(row[0] for row in conn.execute("SELECT slot FROM files"))})
    following: dict[int, int | None] = dict(zip(every, [*every[1:], None][:len(every)],
                                                strict=True))
    ends = {path: following[slot] for path, slot in slots.items()}
    from briefcli.knowledge.checker import FileResult, parse_text
    from briefcli.knowledge.yamlread import decode

    fresh: list[int] = []
    for done, stamp in enumerate(changed):
        if report.progress is not None:
            report.progress(done, len(changed))
        _forget(conn, stamp.path)
        slot = slots[stamp.path]
        if stamp.size in _REFUSED:
            fid = _add_file(conn, stamp, slot, complete=False)
            _store_problems(conn, fid, [Problem(stamp.path, 0, 0, "unreadable",
                                                _REFUSED[stamp.size])])
            continue
        read_ns = time.time_ns()
        try:
            data = read_regular_file(stamp.path)
        except OSError as exc:
            fid = _add_file(conn, stamp, slot, complete=False)
            _store_problems(
                conn, fid,
                [Problem(stamp.path, 0, 0, "unreadable", f"cannot read: {exc.strerror}")],
            )
            continue
        fid = _add_file(conn, stamp, slot, complete=True, read_ns=read_ns,
                        digest=crc32(data))
        streamed: list[int] = []
        text, problems = decode(data, stamp.path)
        del data  # a large file is not held twice, as bytes and as text
        if text is None:
            result = FileResult(stamp.path, problems=problems, complete=False, read=False)
        else:
            result = parse_text(text, stamp.path, _parts_to(conn, fid, streamed, ends[stamp.path]))
            del text
        if streamed and not result.read:  # refused after records were handed on
            _forget(conn, stamp.path)
            fid = _add_file(conn, stamp, slot, complete=False)
        _store(conn, fid, result, ends[stamp.path])
        if not result.complete:
            conn.execute("UPDATE files SET complete = 0 WHERE fid = ?", (fid,))
        fresh.append(fid)
        report.reread.append(stamp.path)
    return fresh


# A file modified this close before the moment it was read may be modified again within
# the same tick of the file system's clock, keeping its size and times: such a "racily
# clean" file (as git calls it) is recorded as unknown, so that the next call reads it
# again. Kernel file times advance by scheduler ticks (at most 10 ms) and lag the clock
# read here by up to one tick: 20 ms before the read began is ample. The window is
# measured against the read (not against the end of the update, after parsing), so that
# a call soon after a save does not leave the file racy for the next call too.
RACY_NS = 20_000_000


def _restamp_unchanged(conn: sqlite3.Connection, changed: list[FileStamp]) -> list[FileStamp]:
    """The files of `changed` whose bytes changed. A file with new times but the bytes
    the index read last time (a checkout, a save without changes, a touch) only gets its
    new stamp: it is neither parsed nor checked again."""
    left: list[FileStamp] = []
    for stamp in changed:
        row = None
        if stamp.size >= 0:
            row = conn.execute(
                "SELECT fid, digest FROM files WHERE path = ? AND size = ? AND complete = 1 "
                "AND digest IS NOT NULL", (stamp.path, stamp.size),
            ).fetchone()
        if row is None:
            left.append(stamp)
            continue
        read_ns = time.time_ns()
        try:
            same = crc32(read_regular_file(stamp.path)) == row[1]
        except OSError:
            same = False
        if not same:
            left.append(stamp)
            continue
        conn.execute(
            "UPDATE files SET size = ?, mtime_ns = ?, ctime_ns = ?, inode = ? WHERE fid = ?",
            (stamp.size, _racy(stamp, read_ns), stamp.ctime_ns, stamp.inode, row[0]),
        )
    return left


def _racy(stamp: FileStamp, read_ns: int | None) -> int:
    """The mtime to record: -1 (unknown) for a file modified too close before its read."""
    if read_ns is None:
        read_ns = time.time_ns()
    return -1 if stamp.mtime_ns >= read_ns - RACY_NS else stamp.mtime_ns


_REFUSED = {
    UNNAMED: "the file name is not valid UTF-8 (shown with \\x escapes); rename the file to "
    "read it",
    OUTSIDE: "a link to a file outside the data folder is not followed",
    UNLISTED: "cannot list the files of this folder (no permission?); its knowledge is not read",
}


FEW = 500  # records of one batch written with json_text


def _json_dumps(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# What json.dumps(ensure_ascii=False) writes for the characters it escapes.
_ESCAPES = {i: f"\\u{i:04x}" for i in range(0x20)}
_ESCAPES.update({ord('"'): '\\"', ord("\\"): "\\\\", ord("\n"): "\\n", ord("\r"): "\\r",
                 ord("\t"): "\\t", ord("\b"): "\\b", ord("\f"): "\\f"})


def json_text(value: Any) -> str:
    """A record's fields as `json.dumps(value, ensure_ascii=False, separators=(",", ":"))`
    writes them, for text, lists and mappings of text (what `rules.convert` gives); any
    other value is left to `json` itself."""
    if type(value) is str:
        return '"' + value.translate(_ESCAPES) + '"'
    if type(value) is list:
        return "[" + ",".join([json_text(v) for v in value]) + "]"
    if type(value) is dict and all(type(k) is str for k in value):
        return "{" + ",".join(
            ['"' + k.translate(_ESCAPES) + '":' + json_text(v) for k, v in value.items()]
        ) + "}"
    return _json_dumps(value)


def pack_record(fields: dict[str, Any]) -> bytes:
    return marshal.dumps(fields, RECORD_FORMAT)


def read_regular_file(path: str) -> bytes:
    """The bytes of a regular file. Anything else named like a knowledge file (a link to
    /dev/zero, a FIFO, a device) is refused, never read: it could hang or never end."""
    import stat

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(0, "not a regular file")
        return f.read()


# Record ids follow the knowledge's order (its files in the order they are found, each
# file's records in the order written), whatever order the files were read in: every
# answer that lists records in rid order is then the same after an edit as after a fresh
# build. A file's records take the rids from slot * SPAN up; a first build spaces the
# slots GAP apart, and a file added later takes the slot midway between its neighbours'.
# When no slot is left between two files, or a file outgrows the room before the next
# one, every file is stored again with fresh slots (`RenumberNeeded`).
SPAN = 1 << 24
GAP = 1 << 12


class RenumberNeeded(Exception):
    """A file's records do not fit before the next file's slot."""


def _slots(
    conn: sqlite3.Connection, stamps: list[FileStamp], changed: list[FileStamp]
) -> dict[str, int] | None:
    """Each changed file's slot: its own if the index has it, else one between its
    neighbours' in the order of `stamps` (past the rids the one before it uses); None
    when there is no room for one."""
    known = {path: (slot, fid) for path, slot, fid in
             conn.execute("SELECT path, slot, fid FROM files")}
    new = {s.path for s in changed} - set(known)
    if not new:
        return {s.path: known[s.path][0] for s in changed}
    order = [s.path for s in stamps]
    slots = {path: slot for path, (slot, _) in known.items()}
    highs: list[int | None] = []  # the slot of the next file the index has, for each
    high: int | None = None
    for path in reversed(order):
        highs.append(high)
        if path in known:
            high = known[path][0]
    highs.reverse()
    before: str | None = None
    for path, high in zip(order, highs, strict=True):
        if path not in new:
            if path in slots:
                before = path
            continue
        if before is None:
            low = 0
        elif before in known:  # the last slot its records reach
            last = conn.execute("SELECT max(rid) FROM records WHERE fid = ?",
                                (known[before][1],)).fetchone()[0]
            low = max(slots[before], (last or 0) // SPAN)
        else:
            low = slots[before]
        slot = low + GAP if high is None else (low + high) // 2
        if slot <= low:
            return None
        slots[path] = slot
        before = path
    return {s.path: slots[s.path] for s in changed}


def _add_file(
    conn: sqlite3.Connection, stamp: FileStamp, slot: int, complete: bool,
    read_ns: int | None = None, digest: int | None = None,
) -> int:
    cur = conn.execute(
        "INSERT INTO files (path, size, mtime_ns, ctime_ns, inode, complete, digest, slot) "
        "VALUES (?,?,?,?,?,?,?,?)",
        (stamp.path, stamp.size, _racy(stamp, read_ns), stamp.ctime_ns, stamp.inode,
         int(complete), digest, slot),
    )
    return int(cur.lastrowid or 0)


def _forget(conn: sqlite3.Connection, path: str) -> None:
    row = conn.execute("SELECT fid FROM files WHERE path = ?", (path,)).fetchone()
    if row is None:
        return
    fid = row[0]
    rids = "SELECT rid FROM records WHERE fid = ?"
    conn.execute(f"DELETE FROM fts WHERE rowid IN ({rids})", (fid,))
    conn.execute(f"DELETE FROM terms WHERE rid IN ({rids})", (fid,))
    conn.execute(f"DELETE FROM tags WHERE rid IN ({rids})", (fid,))
    for table in ("links", "problems", "cross_problems", "declared", "records", "files"):
        conn.execute(f"DELETE FROM {table} WHERE fid = ?", (fid,))


def _store_problems(conn: sqlite3.Connection, fid: int | None, problems: Iterable[Problem]) -> None:
    conn.executemany(
        "INSERT INTO problems VALUES (?,?,?,?,?,?,?,?)",
        [(fid, p.path, p.line, p.col, p.code, p.message, p.level, p.excerpt) for p in problems],
    )


def _parts_to(
    conn: sqlite3.Connection, fid: int, streamed: list[int], end: int | None,
) -> Callable[[FileResult], None]:
    """What stores a batch of a file's records as they are read (`streamed` counts the
    batches). A closure rather than `functools.partial`: `functools` (with `collections`)
    costs the first call after an edit about 2 ms to import."""

    def store_part(part: FileResult) -> None:
        streamed.append(len(part.records))
        _store(conn, fid, part, end)

    return store_part


def squash(key: str, field: str, text: str) -> str | None:
    """The key an acronym, or a term written as one word ("Wi-Fi"), is also found by:
    without spaces, so that "Wi-Fi", "WIFI", "wifi" and "Wi Fi" are one term; None when
    it is the key itself, an id, or words ("Kosovo Force" is not "kosovoforce")."""
    squashed = key.replace(" ", "")
    if squashed == key or field == "id" or (field != "acronym" and len(text.split()) > 1):
        return None
    return squashed


def _body(d: dict[str, Any], fields: tuple[str, ...]) -> str:
    """A record's searchable text: its fields joined, a role the summary already says
    left out (a snippet would say it twice)."""
    role, summary = d.get("role"), d.get("summary")
    said = isinstance(role, str) and isinstance(summary, str) and fold(role) in fold(summary)
    body: list[str] = []
    for fname in fields:
        value = d.get(fname)
        if isinstance(value, list):
            body.extend(value)
        elif value and not (said and fname == "role"):
            body.append(value)
    return " · ".join(b for b in body if b)


def _store(conn: sqlite3.Connection, fid: int, result: FileResult, end: int | None) -> None:
    """Store a file's records (or a batch of them) from its slot on, below the slot `end`
    of the next file in the order (None: it is the last)."""
    _store_problems(conn, fid, result.problems)
    conn.executemany(
        "INSERT INTO declared VALUES (?,?,?)", [(fid, k, i) for k, i in result.declared]
    )
    slot, last = conn.execute(
        "SELECT slot, (SELECT max(rid) FROM records WHERE fid = ?) FROM files WHERE fid = ?",
        (fid, fid),
    ).fetchone()
    start = slot * SPAN if last is None else last + 1
    if end is not None and start + len(result.records) > end * SPAN:
        raise RenumberNeeded
    records: list[tuple[Any, ...]] = []
    terms: list[tuple[str, int, str, str, str | None]] = []
    tags: list[tuple[str, int]] = []
    fts: list[tuple[int, str, str]] = []
    rid_of: dict[tuple[str, str], int] = {}
    # A few records (an edit) are written without importing `json` (with `re`, a third
    # of such a call); many with its encoder, which writes the same text faster.
    dumps = json_text if len(result.records) <= FEW else _json_dumps

    for rid, row in enumerate(result.records, start):
        d = row.data
        data = dumps(d)
        try:  # the fields are text and lists of text (`rules.convert`)
            packed = pack_record(d)
        except ValueError:  # a type marshal does not take: the fields as SQL reads them
            import json

            packed = pack_record(json.loads(data))
        records.append(
            (rid, fid, row.kind, row.id, row.line, row.col, row.sort_key, row.end_key, data,
             packed, record_crc(data, packed))
        )
        rid_of.setdefault((row.kind, row.id), rid)
        kind = KINDS[row.kind]
        seen: set[str] = set()
        for fname, named in kind.terms:
            value = d.get(fname)
            for text in value if isinstance(value, list) else [value]:
                if text:
                    key = term_key(text)
                    if key and key not in seen:
                        seen.add(key)
                        terms.append((key, rid, named, text, squash(key, named, text)))
        tags.extend((fold(t), rid) for t in set(d.get("tags", ())))
        if kind.searchable:
            text = _body(d, kind.text)
            fts.append((rid, _unmarked(d[kind.title]), _unmarked(text)))
    conn.executemany("INSERT INTO records VALUES (?,?,?,?,?,?,?,?,?,?,?)", records)
    conn.executemany("INSERT INTO terms VALUES (?,?,?,?,?)", terms)
    conn.executemany("INSERT INTO tags VALUES (?,?)", tags)
    conn.executemany("INSERT INTO fts (rowid, title, body) VALUES (?,?,?)", fts)
    conn.executemany(
        "INSERT INTO links VALUES (?,?,?,?,?,?,?)",
        [
            (rid_of[(ref.kind, ref.id)], fid, ref.field, ref.target, ref.target_id,
             ref.line, ref.col)
            for ref in result.references
        ],
    )


# Search snippets mark matches with U+E000/U+E001; the same characters in data would
# fake a highlight, so the searchable copy of the text has them replaced.
_NO_MARKS = str.maketrans({"\ue000": "\ufffd", "\ue001": "\ufffd"})


def _unmarked(text: str) -> str:
    """`text` with the marks replaced; looked for first (a translation of a long text
    costs more than the search, and almost no text holds them)."""
    if "\ue000" in text or "\ue001" in text:
        return text.translate(_NO_MARKS)
    return text



def _cross_check(conn: sqlite3.Connection, fresh: list[int] | None) -> None:
    """Recompute duplicate ids and unknown references.

    With `fresh` None, over everything. Otherwise only where they can have changed: for
    the ids in the temporary table `touched` (those the changed files held or now hold)
    and for the links of the `fresh` files; the problems of forgotten files are gone
    with them.
    """
    if fresh is None:
        conn.execute("DELETE FROM cross_problems")
        unknown_scope = ""
    else:
        conn.execute(
            "DELETE FROM cross_problems WHERE (kind, id) IN (SELECT kind, id FROM touched)"
        )
        marks = ",".join("?" * len(fresh))
        unknown_scope = (
            f"AND (l.fid IN ({marks}) OR (l.target, l.target_id) IN "
            "(SELECT kind, id FROM touched))"
        )
    rows: list[tuple[Problem, int, str, str]] = []
    if fresh is None:
        duplicated = "SELECT kind, id FROM records GROUP BY kind, id HAVING count(*) > 1"
    else:
        # From the touched ids, each looked up on (kind, id): not a walk over the kind.
        duplicated = """SELECT DISTINCT t.kind, t.id FROM touched t
            WHERE (SELECT count(*) FROM (SELECT 1 FROM records d
                                         WHERE d.kind = t.kind AND d.id = t.id LIMIT 2)) > 1"""
    duplicates = conn.execute(
        f"""SELECT r.kind, r.id, f.path, r.line, r.col, r.fid FROM ({duplicated}) k
            JOIN records r ON r.kind = k.kind AND r.id = k.id
            JOIN files f ON f.fid = r.fid
            ORDER BY r.kind, r.id, f.path, r.line"""
    ).fetchall()
    first: dict[tuple[str, str], tuple[str, int, int]] = {}
    for kind, rid, where, line, col, fid in duplicates:
        place = first.setdefault((kind, rid), (where, line, col))
        if place != (where, line, col):
            problem = Problem(
                where, line, col, "duplicate-id",
                f"duplicate {KINDS[kind].noun} id {rid!r}: first defined at "
                f"{place[0]}:{place[1]}:{place[2]}",
            )
            rows.append((problem, fid, kind, rid))
    unknown = conn.execute(
        f"""SELECT l.target, l.target_id, l.field, r.kind, r.id, f.path, l.line, l.col, l.fid
            FROM links l JOIN records r USING (rid) JOIN files f ON f.fid = l.fid
            WHERE NOT EXISTS (SELECT 1 FROM records t
                              WHERE t.kind = l.target AND t.id = l.target_id)
              AND NOT EXISTS (SELECT 1 FROM declared d
                              WHERE d.kind = l.target AND d.id = l.target_id) {unknown_scope}
            ORDER BY f.path, l.line, l.col""",
        fresh or (),
    ).fetchall()
    # The "did you mean" of an unknown id is not stored: the ids it would name change
    # with every edit of any file, so it is found when the problems are listed.
    for target, target_id, fname, kind, rid, where, line, col, fid in unknown:
        problem = Problem(
            where, line, col, "unknown-ref",
            f"unknown {KINDS[target].noun} id {target_id!r} in {fname!r} of "
            f"{KINDS[kind].noun} {rid!r}",
        )
        rows.append((problem, fid, target, target_id))
    conn.executemany(
        "INSERT INTO cross_problems VALUES (?,?,?,?,?,?,?,?,?)",
        [(p.path, p.line, p.col, p.code, p.message, p.level, fid, kind, key)
         for p, fid, kind, key in rows],
    )
