"""The index file's life: where it lives, how it is opened, replaced and given up.

One SQLite file per set of data paths, in the user's cache folder. An index file is
never written in place: an update copies it to a temporary file in the same folder,
applies the changes there (`briefcli.index`) and moves it over the old one, so readers
(which open it immutable, without locks) always see a complete index, and concurrent
runs at worst build the same thing twice. A cache that cannot be written falls back to
an index in memory for this call; a damaged one is rebuilt.
"""

from __future__ import annotations

import os
import sqlite3
import zlib
from pathlib import Path

from briefcli import __version__
from briefcli.index import DDL, INDEXES, BuildReport, changes, create, update
from briefcli.sources import FileStamp, knowledge_files


def _digest(data: bytes) -> str:
    """A 64-bit checksum as hex: enough to tell versions and path sets apart, and cheap
    to import (hashlib alone costs more than a warm query)."""
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def _fingerprint() -> str:
    """What an index depends on: its layout and the code that reads knowledge files."""
    here = Path(__file__).parent
    parts = [DDL.encode(), INDEXES.encode()]
    for module in (
        "yamlread.py", "checker.py", "rules.py", "model.py", "dates.py", "text.py", "index.py"
    ):
        try:
            parts.append((here / module).read_bytes())
        except OSError:
            parts.append(module.encode())
    return _digest(b"\0".join(parts))


# An index made by another version of brief, or by other reading code, is rebuilt.
INDEX_VERSION = f"{__version__}/{_fingerprint()}"

SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26


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


def index_file(cache_dir: Path, paths: list[Path]) -> Path:
    """The index file for a set of data paths: one per set of files, however the paths
    are spelled (relative or absolute, through links, in any order, repeated)."""
    key = "\0".join(sorted({os.path.realpath(p) for p in paths}))
    return cache_dir / f"index-{_digest(key.encode('utf-8', 'surrogateescape'))}.sqlite"


def open_index(
    paths: list[Path], cache_dir: Path | None, report: BuildReport | None = None
) -> sqlite3.Connection:
    """A connection to an up-to-date index of the knowledge under `paths`.

    Raises sources.MissingPath when a data path does not exist.
    """
    report = report if report is not None else BuildReport()
    stamps = knowledge_files(paths)
    report.stamps = stamps
    if cache_dir is not None:
        target = index_file(cache_dir, paths)
        try:
            return _open_cached(target, stamps, report)
        except CacheUnavailable as exc:
            report.warnings.append(
                f"cannot use the cache at {cache_dir} ({exc}); answering without it"
            )
    conn = sqlite3.connect(":memory:")
    create(conn, INDEX_VERSION)
    update(conn, stamps, report)
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
            elif changes(conn, stamps) is None:
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

    from briefcli.files import replacing

    copy = old is not None
    if old is not None:
        old.close()
    while True:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            # The index is a cache that is rebuilt whenever it is lost: no fsync.
            with replacing(target, durable=False) as tmp:
                if copy:
                    shutil.copyfile(target, tmp)  # changes are computed against the copy
                conn = sqlite3.connect(tmp)
                try:
                    conn.execute("PRAGMA journal_mode = OFF")
                    conn.execute("PRAGMA synchronous = OFF")
                    if not copy:
                        report.rebuilt = True
                        create(conn, INDEX_VERSION)
                    update(conn, stamps, report)
                    conn.commit()
                except BaseException:
                    conn.close()
                    raise
        except sqlite3.DatabaseError as exc:
            if copy and is_damage(exc):
                copy = False  # the old index was damaged where the update met it: anew
                report.reread.clear()
                continue
            if isinstance(exc, sqlite3.OperationalError):  # a full disk says this
                raise CacheUnavailable(str(exc)) from None
            raise
        except OSError as exc:
            raise CacheUnavailable(exc.strerror or str(exc)) from None
        break
    report.location = str(target)
    _prune(target.parent, keep=target)
    return conn


UNUSED_DAYS = 30  # an index not rebuilt or updated for this long is removed
STALE_TMP_SECONDS = 3600  # a temporary file this old was left by a run that was killed


def _prune(cache_dir: Path, keep: Path) -> None:
    """Remove the indexes no run has brought up to date for UNUSED_DAYS (knowledge that
    moved or is no longer used; a live one is rebuilt at its next use) and the
    temporary files of runs that were killed while building."""
    import time

    now = time.time()
    try:
        entries = list(os.scandir(cache_dir))
    except OSError:
        return
    for entry in entries:
        if entry.path == str(keep):
            continue
        if entry.name.startswith("index-") and entry.name.endswith(".sqlite"):
            limit = UNUSED_DAYS * 86400
        elif entry.name.startswith(".index-") and entry.name.endswith(".tmp"):
            limit = STALE_TMP_SECONDS
        else:
            continue
        try:
            if now - entry.stat(follow_symlinks=False).st_mtime > limit:
                os.unlink(entry.path)
        except OSError:
            pass  # gone already, or not ours to remove
