"""The index file's life: where it lives, how it is opened, updated, replaced and given up.

One SQLite file per set of data paths, in the user's cache folder, in WAL journal mode.

- A first build (or a rebuild) writes a temporary file in the same folder, without a
  journal, and links it in under the index's name only if no other run placed one
  first (`os.link` never replaces), so that nobody opens a half-built file and two runs
  building at once keep one of the two results.
- An update is made in place, in one SQLite transaction (`BEGIN IMMEDIATE`, waiting up
  to LOCK_WAIT for another run's update): readers keep the snapshot they began with
  until it commits, a run killed mid-update leaves the index as it was, and two runs
  updating at once take turns (the second finds the work done).
- A call that finds the index current reads it in one read transaction: it takes no
  write lock and sees one state from its first query to its last.
- A damaged index, or one made by other code, is removed with its side files (`-wal`,
  `-shm`) and built again. A cache that cannot be written falls back to an index in
  memory for this call; an index in a folder that can be read but not written is read
  without locks (immutable) while it is current and holds no pending log.
"""

from __future__ import annotations

import os

from briefcli import __version__
from briefcli.index.sqlite import digest, file_uri, index_path, sqlite3
from briefcli.index.store import (
    DDL,
    INDEXES,
    RECORD_FORMAT,
    BuildReport,
    changes,
)
from briefcli.knowledge.sources import FileStamp, knowledge_files

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    Paths = Sequence[str | os.PathLike[str]]


def _fingerprint() -> str:
    """What an index depends on: its layout, the format its records are stored in and
    the code that reads knowledge files, known by each file's size and modification time
    (as the interpreter knows its compiled files: reading and checksumming the files
    cost every call a fifth of a millisecond)."""
    here = os.path.dirname(os.path.dirname(__file__))
    parts = [DDL.encode(), INDEXES.encode(), b"marshal %d" % RECORD_FORMAT]
    for module in (
        "knowledge/yamlread.py", "knowledge/yamlfast.py", "knowledge/checker.py",
        "knowledge/rules.py",
        "knowledge/model.py", "knowledge/dates.py", "text.py", "index/store.py",
        "index/update.py",
    ):
        try:
            st = os.stat(os.path.join(here, module))
            parts.append(b"%s %d %d" % (module.encode(), st.st_size, st.st_mtime_ns))
        except OSError:
            parts.append(module.encode())
    return digest(b"\0".join(parts))


# An index made by another version of brief, or by other reading code, is rebuilt.
INDEX_VERSION = f"{__version__}/{_fingerprint()}"

SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26
SQLITE_CANTOPEN = 14
SQLITE_READONLY = 8

# Seconds a run waits for another run's update of the same index before it answers
# from memory instead. Updates after an edit take milliseconds; a large file read
# again can take a minute.
LOCK_WAIT = 120.0

SIDE_FILES = ("-wal", "-shm")  # SQLite's write-ahead log and its shared-memory index


def is_damage(exc: sqlite3.DatabaseError) -> bool:
    """Whether an error from SQLite means the index file is damaged (and may be rebuilt),
    rather than a limit met or a mistake in a query, which rebuilding would not mend."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB)
    message = str(exc)
    return "malformed" in message or "not a database" in message


class CacheUnavailable(Exception):
    """The cache folder cannot hold an index; answer from memory instead."""


def index_file(cache_dir: str | os.PathLike[str], paths: Paths) -> Path:
    """`index_path` as a Path."""
    from pathlib import Path

    return Path(index_path(cache_dir, paths))


def discard_index(target: str | os.PathLike[str]) -> None:
    """Remove an index file and its side files.

    The index goes first: a run that has it open keeps reading it (and its side files)
    through its open descriptors, and SQLite neither checkpoints into nor deletes the
    log of a file that has moved; a new index placed under the same name then never
    meets the old log, which SQLite would otherwise apply to it.
    """
    for suffix in ("", *SIDE_FILES):
        try:  # noqa: SIM105 (contextlib is not imported on a lookup's path)
            os.unlink(f"{target}{suffix}")
        except FileNotFoundError:
            pass


def open_index(
    paths: Paths, cache_dir: str | os.PathLike[str] | None, report: BuildReport | None = None
) -> sqlite3.Connection:
    """A connection to an up-to-date index of the knowledge under `paths`, in a read
    transaction (one consistent state for the whole call).

    Raises sources.MissingPath when a data path does not exist.
    """
    report = report if report is not None else BuildReport()
    stamps = knowledge_files(paths)
    report.stamps = stamps
    if cache_dir is not None:
        target = index_path(cache_dir, paths)
        try:
            return _open_cached(target, stamps, report)
        except CacheUnavailable as exc:
            report.warnings.append(
                f"cannot use the cache at {cache_dir} ({exc}); answering without it"
            )
    from briefcli.index import update as updating

    conn = sqlite3.connect(":memory:")
    updating.create(conn, INDEX_VERSION)
    updating.update(conn, stamps, report)
    report.location = ":memory:"
    return conn


ATTEMPTS = 3  # builds placed and lost to other runs before giving up on the cache


def _open_cached(target: str, stamps: list[FileStamp], report: BuildReport) -> sqlite3.Connection:
    try:
        return _open_or_build(target, stamps, report)
    except OSError as exc:  # a file that could not be removed, a folder that is a file
        raise CacheUnavailable(exc.strerror or str(exc)) from None


def _open_or_build(
    target: str, stamps: list[FileStamp], report: BuildReport
) -> sqlite3.Connection:
    for _ in range(ATTEMPTS):
        conn = _reader(target)
        if conn is not None:
            try:
                if changes(conn, stamps) is not None:
                    _update_in_place(conn, stamps, report)
                    _prune(os.path.dirname(target), keep=target)
            except sqlite3.DatabaseError as exc:
                conn.close()
                if not is_damage(exc):
                    if isinstance(exc, sqlite3.OperationalError):  # locked, disk full
                        raise CacheUnavailable(str(exc)) from None
                    raise
                discard_index(target)  # damaged where the update met it: anew
                report.reread.clear()
                report.removed.clear()
            else:
                report.location = str(target)
                return conn
        if _build(target, stamps, report):
            conn = _reader(target)
            if conn is not None:  # just built from `stamps`: current
                report.location = str(target)
                _prune(os.path.dirname(target), keep=target)
                return conn
        # Another run placed its index first (or removed ours): take it from the top.
    raise CacheUnavailable("the index was replaced by other runs while this one built it")


def _reader(target: str) -> sqlite3.Connection | None:
    """The index at `target` in a read transaction, or None when there is none to use:
    absent, damaged or made by other code (those two are removed)."""
    try:
        conn = sqlite3.connect(f"{file_uri(target)}?mode=rw", uri=True, timeout=LOCK_WAIT)
    except sqlite3.OperationalError:
        if not os.path.exists(target):
            # Side files without their index (it was deleted by hand, or by a rerun
            # after damage) would be taken for the log of the next index built here.
            for suffix in SIDE_FILES:
                # None (the common case), or a path that cannot hold files at all.
                try:  # noqa: SIM105 (contextlib is not imported on a lookup's path)
                    os.unlink(f"{target}{suffix}")
                except OSError:
                    pass
            return None
        conn = _immutable(target)  # present but not ours to open for writing
    try:
        try:
            row = _begin_read(conn)
        except sqlite3.OperationalError as exc:
            # A folder that cannot hold the side files: read without them, if the file
            # is all there is (the checks below reject an index that is not current).
            code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
            if code not in (SQLITE_CANTOPEN, SQLITE_READONLY):
                raise
            conn.close()
            conn = _immutable(target)
            row = _begin_read(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        if isinstance(exc, sqlite3.OperationalError) and not is_damage(exc):
            raise CacheUnavailable(str(exc)) from None
        discard_index(target)
        return None
    if row is None or row[0] != INDEX_VERSION:
        conn.close()
        discard_index(target)
        return None
    return conn


def _begin_read(conn: sqlite3.Connection) -> tuple[str] | None:
    """Begin the read transaction the call answers from; the index's version."""
    conn.execute("BEGIN")
    row = conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    return None if row is None else (str(row[0]),)


class _Immutable(sqlite3.Connection):
    """A connection to an index read as a plain file: never updated."""


def _immutable(target: str) -> sqlite3.Connection:
    """The index read as a plain file, without locks or side files. Only when no log is
    pending: what a log holds is missing from the file itself."""
    try:
        pending = os.stat(f"{target}-wal").st_size
    except FileNotFoundError:
        pending = 0
    if pending:
        raise CacheUnavailable("the index has a pending log and its folder is read-only")
    try:
        return sqlite3.connect(f"{file_uri(target)}?immutable=1", uri=True, factory=_Immutable)
    except sqlite3.OperationalError as exc:  # not even readable
        raise CacheUnavailable(str(exc)) from None


def _update_in_place(
    conn: sqlite3.Connection, stamps: list[FileStamp], report: BuildReport
) -> None:
    """Bring the index up to date in one write transaction, then begin the read one."""
    conn.rollback()  # the snapshot checked may be old by now: write from the newest
    if isinstance(conn, _Immutable):
        raise CacheUnavailable("the index is out of date and its folder is read-only")
    # No disk syncs: the index is a cache. A crash of the machine may lose the last
    # update or damage the file; a lost update is found stale and redone by the next
    # call, a damaged file is found (SQLite's checks, the records' checksums) and built
    # again. A sync at each commit and checkpoint cost about 15 ms a call after an edit.
    from briefcli.index import update as updating

    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN IMMEDIATE")  # waits for another run's update (LOCK_WAIT)
    try:
        updating.update(conn, stamps, report)  # finds the changes again, under the lock
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    _begin_read(conn)


def _build(target_path: str, stamps: list[FileStamp], report: BuildReport) -> bool:
    """Build an index of `stamps` into a temporary file and place it at `target`;
    False when another run placed one first (this one is then dropped)."""
    import tempfile
    from pathlib import Path

    from briefcli.index import update as updating

    target = Path(target_path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{target.name[:40]}-", suffix=".tmp",
                                    dir=target.parent)
        os.close(fd)
        tmp = Path(name)
        try:
            conn = sqlite3.connect(tmp)
            try:
                # Nobody else opens this file: no journal, no sync (the index is a cache
                # that is rebuilt whenever it is lost).
                conn.execute("PRAGMA journal_mode = OFF")
                conn.execute("PRAGMA synchronous = OFF")
                report.rebuilt = True
                updating.create(conn, INDEX_VERSION)
                updating.update(conn, stamps, report)
                conn.commit()
                # WAL from now on; in exclusive locking mode the switch needs no -shm.
                conn.execute("PRAGMA locking_mode = EXCLUSIVE")
                conn.execute("PRAGMA journal_mode = WAL")
            finally:
                conn.close()
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
            return _place(tmp, target)
        finally:
            for suffix in ("", *SIDE_FILES):
                Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError):  # a full disk says this
            raise CacheUnavailable(str(exc)) from None
        raise
    except OSError as exc:
        raise CacheUnavailable(exc.strerror or str(exc)) from None


def _place(tmp: str | os.PathLike[str], target: str | os.PathLike[str]) -> bool:
    """Give `tmp` the name `target` unless a file has that name already."""
    import errno

    try:
        os.link(tmp, target)
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            raise
        os.replace(tmp, target)  # a file system without hard links
    return True


UNUSED_DAYS = 30  # an index not rebuilt or updated for this long is removed
STALE_TMP_SECONDS = 3600  # a temporary file this old was left by a run that was killed


def _prune(cache_dir: str, keep: str) -> None:
    """Remove the indexes no run has brought up to date for UNUSED_DAYS (knowledge that
    moved or is no longer used; a live one is rebuilt at its next use), with their side
    files, and the temporary files of runs that were killed while building."""
    import time

    now = time.time()
    try:
        entries = list(os.scandir(cache_dir))
    except OSError:
        return
    names = {entry.name for entry in entries}
    for entry in entries:
        name = entry.name
        if entry.path == str(keep) or not name.startswith(("index-", ".index-")):
            continue
        if name.startswith("index-") and name.endswith(".sqlite"):
            limit = UNUSED_DAYS * 86400
        elif name.startswith(".index-") and (name.endswith(".tmp") or ".tmp-" in name):
            limit = STALE_TMP_SECONDS  # a build's file, or its log or journal
        elif name.endswith(SIDE_FILES) and name[:-4] not in names:
            limit = STALE_TMP_SECONDS  # side files whose index is gone
        else:
            continue
        try:
            if now - _last_write(entry.path) > limit:
                if name.endswith(".sqlite"):
                    discard_index(entry.path)
                else:
                    os.unlink(entry.path)
        except OSError:
            pass  # gone already, or not ours to remove


def _last_write(path: str) -> float:
    """When an index (or any file) was last written: its log counts as the index."""
    times = []
    for suffix in ("", "-wal"):
        try:
            times.append(os.stat(f"{path}{suffix}", follow_symlinks=False).st_mtime)
        except FileNotFoundError:
            if not suffix:
                raise
    return max(times)
