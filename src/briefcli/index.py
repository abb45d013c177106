"""The compiled index: a SQLite file per set of data paths, in the user's cache folder.

Queries read the index and never re-parse unchanged files. Each source file is recorded
with its size, mtime_ns, ctime_ns and inode (as git's index does); a call stats the
files, and only changed, added or removed ones are read again, then the cross-file
checks (duplicate ids, unknown references) are recomputed in SQL over the whole index.

An index file is never written in place. An update copies it to a temporary file in the
same folder, applies the changes there and moves it over the old one with `os.replace`,
so readers (which open it immutable, without locks) always see a complete index, and
concurrent runs at worst build the same thing twice. A cache that cannot be written
falls back to an index in memory for this call; an unreadable one is rebuilt.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
import zlib
from collections.abc import Iterable
from pathlib import Path

from briefcli import __version__
from briefcli.problems import Problem
from briefcli.sources import FileStamp, display_path, knowledge_files
from briefcli.text import closest, fold, term_key

_DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE files (
    fid INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL,
    size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER, inode INTEGER
);
CREATE TABLE records (
    rid INTEGER PRIMARY KEY, fid INTEGER NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL,
    line INTEGER, col INTEGER, sort_key INTEGER, end_key INTEGER, data TEXT NOT NULL
);
CREATE TABLE terms (
    key TEXT NOT NULL, rid INTEGER NOT NULL, field TEXT NOT NULL, text TEXT NOT NULL
);
CREATE TABLE tags (key TEXT NOT NULL, rid INTEGER NOT NULL);
CREATE TABLE links (
    rid INTEGER NOT NULL, fid INTEGER NOT NULL, field TEXT NOT NULL, target TEXT NOT NULL,
    target_id TEXT NOT NULL, line INTEGER, col INTEGER
);
CREATE TABLE problems (
    fid INTEGER, path TEXT, line INTEGER, col INTEGER, code TEXT, message TEXT, level TEXT
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
_INDEXES = """
CREATE INDEX IF NOT EXISTS records_kind_id ON records (kind, id);
CREATE INDEX IF NOT EXISTS records_kind_date ON records (kind, sort_key, end_key);
CREATE INDEX IF NOT EXISTS records_fid ON records (fid);
CREATE INDEX IF NOT EXISTS terms_key ON terms (key);
CREATE INDEX IF NOT EXISTS terms_rid ON terms (rid);
CREATE INDEX IF NOT EXISTS tags_key ON tags (key);
CREATE INDEX IF NOT EXISTS tags_rid ON tags (rid);
CREATE INDEX IF NOT EXISTS links_target ON links (target, target_id);
CREATE INDEX IF NOT EXISTS links_rid ON links (rid);
CREATE INDEX IF NOT EXISTS links_fid ON links (fid);
CREATE INDEX IF NOT EXISTS problems_fid ON problems (fid);
CREATE INDEX IF NOT EXISTS cross_problems_fid ON cross_problems (fid);
CREATE INDEX IF NOT EXISTS cross_problems_key ON cross_problems (kind, id);
"""


def _digest(data: bytes) -> str:
    """A 64-bit checksum as hex: enough to tell versions and path sets apart, and cheap
    to import (hashlib alone costs more than a warm query)."""
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def _fingerprint() -> str:
    """What an index depends on: this layout and the code that reads knowledge files."""
    here = Path(__file__).parent
    parts = [_DDL.encode(), _INDEXES.encode()]
    for module in ("yamlread.py", "schema.py", "model.py", "dates.py", "text.py", "index.py"):
        try:
            parts.append((here / module).read_bytes())
        except OSError:
            parts.append(module.encode())
    return _digest(b"\0".join(parts))


# An index made by another version of brief, or by other reading code, is rebuilt.
INDEX_VERSION = f"{__version__}/{_fingerprint()}"


class CacheUnavailable(Exception):
    """The cache folder cannot hold an index; answer from memory instead."""


class BuildReport:
    """What an `open_index` call did, for diagnostics and tests."""

    def __init__(self) -> None:
        self.reread: list[str] = []
        self.removed: list[str] = []
        self.rebuilt = False
        self.location = ""  # the index file, or ":memory:"
        self.warnings: list[str] = []

    def __repr__(self) -> str:
        return f"BuildReport({self.__dict__})"


def index_file(cache_dir: Path, paths: list[Path]) -> Path:
    """The index file for a set of data paths (one per distinct list of paths)."""
    key = "\0".join(os.path.abspath(p) for p in paths)
    return cache_dir / f"index-{_digest(key.encode('utf-8', 'surrogateescape'))}.sqlite"


def open_index(
    paths: list[Path], cache_dir: Path | None, report: BuildReport | None = None
) -> sqlite3.Connection:
    """A connection to an up-to-date index of the knowledge under `paths`.

    Raises sources.MissingPath when a data path does not exist.
    """
    report = report if report is not None else BuildReport()
    stamps = knowledge_files(paths)
    if cache_dir is not None:
        target = index_file(cache_dir, paths)
        try:
            return _open_cached(target, stamps, report)
        except CacheUnavailable as exc:
            report.warnings.append(
                f"cannot use the cache at {cache_dir} ({exc}); answering without it"
            )
    conn = sqlite3.connect(":memory:")
    conn.executescript(_DDL)
    _update(conn, stamps, report)
    report.location = ":memory:"
    return conn


def _open_cached(target: Path, stamps: list[FileStamp], report: BuildReport) -> sqlite3.Connection:
    conn = None
    if target.exists():
        try:
            conn = sqlite3.connect(f"{target.as_uri()}?immutable=1", uri=True)
            row = conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
            if row is None or row[0] != INDEX_VERSION:
                conn.close()
                conn = None
            elif _changes(conn, stamps) is None:
                report.location = str(target)
                return conn  # the common case: nothing changed
        except sqlite3.DatabaseError:
            if conn is not None:
                conn.close()
            conn = None  # corrupted or not an index: rebuilt below
    return _rebuild_into(target, conn, stamps, report)


def _rebuild_into(
    target: Path, old: sqlite3.Connection | None, stamps: list[FileStamp], report: BuildReport
) -> sqlite3.Connection:
    import shutil
    import tempfile

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".index-", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise CacheUnavailable(exc.strerror or str(exc)) from None
    tmp = Path(tmp_name)
    try:
        os.close(fd)
        if old is not None:
            old.close()
            shutil.copyfile(target, tmp)  # changes are computed against the copy itself
        conn = sqlite3.connect(tmp)
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        if old is None:
            report.rebuilt = True
            conn.executescript(_DDL)
            conn.execute(
                "INSERT INTO meta VALUES ('version', ?)", (INDEX_VERSION,)
            )
        _update(conn, stamps, report)
        conn.commit()
        os.replace(tmp, target)
    except (OSError, sqlite3.OperationalError) as exc:  # a full disk says the latter
        tmp.unlink(missing_ok=True)
        raise CacheUnavailable(getattr(exc, "strerror", None) or str(exc)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    report.location = str(target)
    return conn


def _changes(
    conn: sqlite3.Connection, stamps: list[FileStamp]
) -> tuple[list[FileStamp], list[str]] | None:
    """Files to read again and paths to drop, or None when the index is current."""
    known = {
        row[0]: FileStamp(*row)
        for row in conn.execute("SELECT path, size, mtime_ns, ctime_ns, inode FROM files")
    }
    changed = [s for s in stamps if known.pop(s.path, None) != s]
    if not changed and not known:
        return None
    return changed, list(known)


def _update(conn: sqlite3.Connection, stamps: list[FileStamp], report: BuildReport) -> None:
    changes = _changes(conn, stamps)
    if changes is None:
        return
    changed, removed = changes
    full = conn.execute("SELECT NOT EXISTS (SELECT 1 FROM files)").fetchone()[0]
    # Cross-file problems can change only for the ids the changed files held or hold.
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS touched (kind TEXT, id TEXT)")
    conn.execute("DELETE FROM touched")
    conn.executemany(
        "INSERT INTO touched SELECT kind, id FROM records JOIN files USING (fid) "
        "WHERE path = ?",
        [(path,) for path in [*removed, *(s.path for s in changed)]],
    )
    for path in removed:
        _forget(conn, path)
        report.removed.append(path)
    from briefcli.schema import parse_file

    fresh: list[int] = []

    for stamp in changed:
        _forget(conn, stamp.path)
        try:
            data = read_regular_file(stamp.path)
        except OSError as exc:
            fid = _add_file(conn, stamp)
            _store_problems(
                conn, fid,
                [Problem(stamp.path, 0, 0, "unreadable", f"cannot read: {exc.strerror}")],
            )
            continue
        result = parse_file(data, stamp.path)
        fid = _add_file(conn, stamp)
        _store(conn, fid, result)
        fresh.append(fid)
        report.reread.append(stamp.path)
    if full:
        conn.executescript(_INDEXES)
    else:
        conn.executemany(
            "INSERT INTO touched SELECT kind, id FROM records WHERE fid = ?",
            [(f,) for f in fresh],
        )
    _cross_check(conn, None if full else fresh)


# A file modified this close to the moment it is read may be modified again within the
# same tick of the file system's clock, keeping its size and times: such a "racily
# clean" file (as git calls it) is recorded as unknown, so that the next call reads it
# again. Kernel file times advance by scheduler ticks (at most 10 ms); 50 ms is ample.
RACY_NS = 50_000_000


def read_regular_file(path: str) -> bytes:
    """The bytes of a regular file. Anything else named like a knowledge file (a link to
    /dev/zero, a FIFO, a device) is refused, never read: it could hang or never end."""
    import stat

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(0, "not a regular file")
        return f.read()


def _add_file(conn: sqlite3.Connection, stamp: FileStamp) -> int:
    if stamp.mtime_ns >= time.time_ns() - RACY_NS:
        stamp = stamp._replace(mtime_ns=-1)
    cur = conn.execute(
        "INSERT INTO files (path, size, mtime_ns, ctime_ns, inode) VALUES (?,?,?,?,?)",
        (stamp.path, stamp.size, stamp.mtime_ns, stamp.ctime_ns, stamp.inode),
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
    for table in ("links", "problems", "cross_problems", "records", "files"):
        conn.execute(f"DELETE FROM {table} WHERE fid = ?", (fid,))


def _store_problems(conn: sqlite3.Connection, fid: int | None, problems: Iterable[Problem]) -> None:
    conn.executemany(
        "INSERT INTO problems VALUES (?,?,?,?,?,?,?)",
        [(fid, p.path, p.line, p.col, p.code, p.message, p.level) for p in problems],
    )


def _store(conn: sqlite3.Connection, fid: int, result: object) -> None:
    _store_problems(conn, fid, result.problems)  # type: ignore[attr-defined]
    start = conn.execute("SELECT coalesce(max(rid), 0) FROM records").fetchone()[0] + 1
    records, terms, tags, fts = [], [], [], []
    rid_of: dict[tuple[str, str], int] = {}
    for rid, row in enumerate(result.records, start):  # type: ignore[attr-defined]
        d = row.data
        records.append(
            (rid, fid, row.kind, row.id, row.line, row.col, row.sort_key, row.end_key,
             json.dumps(d, ensure_ascii=False, separators=(",", ":")))
        )
        rid_of.setdefault((row.kind, row.id), rid)
        kind = row.kind
        if kind == "entity":
            seen = set()
            # The first field to give a key names it in suggestions: the nicest text first.
            for fname, values in (
                ("acronym", [d.get("acronym")]), ("name", [d["name"]]),
                ("alias", d.get("aliases", ())), ("id", [d["id"]]),
            ):
                for value in values:
                    if value:
                        key = term_key(value)
                        if key and key not in seen:
                            seen.add(key)
                            terms.append((key, rid, fname, value))
            title = d["name"]
            body = [d.get("acronym"), *d.get("aliases", ()), d.get("role"), d.get("summary"),
                    d.get("description")]
        elif kind == "event":
            title = d["title"]
            body = [d.get("summary")]
        elif kind == "faq":
            title = d["question"]
            body = [d["answer"]]
        elif kind == "briefing":
            title = d["title"]
            body = [d.get("summary"), *d.get("body", ()), *d.get("points", ())]
        else:
            title = d["title"]
            body = [d.get("publisher")]
        tags.extend((fold(t), rid) for t in set(d.get("tags", ())))
        text = " · ".join(b for b in body if b)
        fts.append((rid, title.translate(_NO_MARKS), text.translate(_NO_MARKS)))
    conn.executemany("INSERT INTO records VALUES (?,?,?,?,?,?,?,?,?)", records)
    conn.executemany("INSERT INTO terms VALUES (?,?,?,?)", terms)
    conn.executemany("INSERT INTO tags VALUES (?,?)", tags)
    conn.executemany("INSERT INTO fts (rowid, title, body) VALUES (?,?,?)", fts)
    conn.executemany(
        "INSERT INTO links VALUES (?,?,?,?,?,?,?)",
        [
            (rid_of[(ref.kind, ref.id)], fid, ref.field, ref.target, ref.target_id,
             ref.line, ref.col)
            for ref in result.references  # type: ignore[attr-defined]
        ],
    )


# Search snippets mark matches with U+E000/U+E001; the same characters in data would
# fake a highlight, so the searchable copy of the text has them replaced.
_NO_MARKS = str.maketrans({"\ue000": "\ufffd", "\ue001": "\ufffd"})

_KIND_NAMES = {"entity": "entity", "event": "event", "faq": "FAQ", "briefing": "briefing",
               "source": "source"}


def _cross_check(conn: sqlite3.Connection, fresh: list[int] | None) -> None:
    """Recompute duplicate ids and unknown references.

    With `fresh` None, over everything. Otherwise only where they can have changed: for
    the ids in the temporary table `touched` (those the changed files held or now hold)
    and for the links of the `fresh` files; the problems of forgotten files are gone
    with them.
    """
    if fresh is None:
        conn.execute("DELETE FROM cross_problems")
        dup_scope = unknown_scope = ""
    else:
        conn.execute(
            "DELETE FROM cross_problems WHERE (kind, id) IN (SELECT kind, id FROM touched)"
        )
        dup_scope = "AND (kind, id) IN (SELECT kind, id FROM touched)"
        marks = ",".join("?" * len(fresh))
        unknown_scope = (
            f"AND (l.fid IN ({marks}) OR (l.target, l.target_id) IN "
            "(SELECT kind, id FROM touched))"
        )
    rows: list[tuple[Problem, int, str, str]] = []
    duplicates = conn.execute(
        f"""SELECT r.kind, r.id, f.path, r.line, r.col, r.fid FROM records r
            JOIN files f USING (fid)
            WHERE (r.kind, r.id) IN (SELECT kind, id FROM records WHERE 1 {dup_scope}
                                     GROUP BY kind, id HAVING count(*) > 1)
            ORDER BY r.kind, r.id, f.path, r.line"""
    ).fetchall()
    first: dict[tuple[str, str], tuple[str, int, int]] = {}
    for kind, rid, where, line, col, fid in duplicates:
        place = first.setdefault((kind, rid), (where, line, col))
        if place != (where, line, col):
            problem = Problem(
                where, line, col, "duplicate-id",
                f"duplicate {_KIND_NAMES[kind]} id {rid!r}: first defined at "
                f"{place[0]}:{place[1]}:{place[2]}",
            )
            rows.append((problem, fid, kind, rid))
    unknown = conn.execute(
        f"""SELECT l.target, l.target_id, l.field, r.kind, r.id, f.path, l.line, l.col, l.fid
            FROM links l JOIN records r USING (rid) JOIN files f ON f.fid = l.fid
            WHERE NOT EXISTS (SELECT 1 FROM records t
                              WHERE t.kind = l.target AND t.id = l.target_id) {unknown_scope}
            ORDER BY f.path, l.line, l.col""",
        fresh or (),
    ).fetchall()
    ids_of: dict[str, list[str]] = {}
    for target, target_id, fname, kind, rid, where, line, col, fid in unknown:
        if target not in ids_of:
            ids_of[target] = [
                r[0] for r in conn.execute("SELECT id FROM records WHERE kind = ?", (target,))
            ]
        close = closest(target_id, ids_of[target]) if len(rows) < 200 else []
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        problem = Problem(
            where, line, col, "unknown-ref",
            f"unknown {_KIND_NAMES[target]} id {target_id!r} in {fname!r} of "
            f"{_KIND_NAMES[kind]} {rid!r}{hint}",
        )
        rows.append((problem, fid, target, target_id))
    conn.executemany(
        "INSERT INTO cross_problems VALUES (?,?,?,?,?,?,?,?,?)",
        [(p.path, p.line, p.col, p.code, p.message, p.level, fid, kind, key)
         for p, fid, kind, key in rows],
    )


def stored_problems(conn: sqlite3.Connection, errors_only: bool = False) -> list[Problem]:
    """Every problem the index holds, per-file and cross-file, in file order."""
    where = " WHERE level = 'error'" if errors_only else ""
    rows = conn.execute(
        f"SELECT path, line, col, code, message, level FROM problems{where} "
        f"UNION ALL SELECT path, line, col, code, message, level FROM cross_problems{where}"
    ).fetchall()
    # Paths are stored absolute; messages that name a second place get the same treatment.
    here = os.getcwd() + os.sep
    return sorted(
        Problem(display_path(path), line, col, code, message.replace(here, ""), level)
        for path, line, col, code, message, level in rows
    )


def has_errors(conn: sqlite3.Connection) -> bool:
    row = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM problems WHERE level = 'error') "
        "OR EXISTS (SELECT 1 FROM cross_problems WHERE level = 'error')"
    ).fetchone()
    return bool(row[0])
