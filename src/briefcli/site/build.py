"""`brief site`: the knowledge as a static website, for any web server or a folder.

The site has a home page (the latest briefings, what the site holds, search), a page
per record (briefing, entity, event, FAQ, source), a timeline page per topic that has
events (an entity, a tag), an A–Z glossary, a page per tag, one style sheet, and a
search that runs in the browser with no server: the index is split by the first
letters of its words into small scripts that register themselves (`fetch()` of a JSON
file fails on `file://`), loaded by the page's script as a query needs them
(`site.search`). With a base URL, pages get canonical links and the site a sitemap.
Every link is relative, so the folder works served or opened from disk.

Pages are the fragments of `briefcli.render.html`, with a `Links` that knows where the
pages are. A page's path derives only from what it shows: a record's from its kind and
id (`entity/kfor.html`), a tag's from its folded text; names that are not plain
lowercase ASCII get a hash of the exact text, so two ids that differ only in case, or
tags with odd characters, never share a file (also on case-insensitive file systems).

Builds are incremental: a page whose inputs (the digests of the records it shows, the
renderer's version and the site's options; `Knowledge.inputs`) are those the manifest
recorded, and whose file is still a regular file of the recorded size, is not made
again; each page made is compared with what is on disk and written (atomically) only
when its bytes differ, so unchanged pages keep their times; the files
of records that are gone are removed, but only files a previous build wrote, as listed
in the folder's manifest (`.brief-site.json`) with the digest of what it wrote. A folder
that holds other files and no manifest is refused unless `force`.

The folder may have been written by someone else (a copy kept in git, an unpacked
archive), so nothing in it is trusted: every file is reached from a descriptor of the
folder, one name at a time, without following links (`O_NOFOLLOW`); a link where the
site needs a folder is refused, a link where it writes a page is replaced, never written
through; the manifest is read only when it is a regular file of bounded size; a build
removes only names that brief makes and whose content is still what it wrote; and the
folder is locked for the whole build (SECURITY.md states these rules).
"""

from __future__ import annotations

import gc
import os
import re
import signal
import sqlite3
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from briefcli.files import replace_at
from briefcli.problems import BriefError, ExitCode
from briefcli.site import changes, search
from briefcli.site.folder import (
    _FOLDER,
    _NOFOLLOW,
    _READ,
    Manifest,
    _BadManifest,
    _digest,
    _Folders,
    _manifest,
    _read,
    _read_manifest,
    _Share,
    _Writer,
    own_file,
)
from briefcli.site.memory import Knowledge, SiteOptions
from briefcli.site.pages import Job, _jobs
from briefcli.site.paths import MANIFEST, PARALLEL_FROM, is_site_path


class SiteReport(NamedTuple):
    """What a build did: files written, left as they were, removed; bytes of the site."""

    written: int
    unchanged: int
    removed: int
    files: int
    size: int

    def summary(self) -> str:
        return (
            f"wrote {self.written:,} page{'s' if self.written != 1 else ''}, "
            f"{self.unchanged:,} unchanged, {self.removed:,} removed"
        )


class NotASite(BriefError):
    """A folder brief did not write (no manifest), or whose manifest is not one: `why`."""

    def __init__(self, folder: Path, why: str | None = None) -> None:
        super().__init__(
            f"{folder} is not empty and is not a brief site (it has no {MANIFEST}); "
            "use --force to write the site into it" if why is None else
            f"{folder} is not a brief site: its {MANIFEST} {why}; "
            "use --force to write the site into it",
            ExitCode.USAGE,
        )


class SiteBusy(BriefError):
    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"{folder} is being written by another `brief site` (it holds the folder's lock); "
            "try again when that build has finished"
        )



# -- writing ----------------------------------------------------------------------------


def renderer_version() -> str:
    """A digest of the code that makes the pages (the site's modules, the HTML and SVG
    renderers, what they share, the model): a page made by other code is made again."""
    import hashlib
    from importlib import import_module

    digest = hashlib.sha256()
    for name in ("briefcli.render.html", "briefcli.render.svg", "briefcli.render.common",
                 "briefcli.knowledge.model", "briefcli.text", "briefcli.index.query",
                 "briefcli.site.memory", "briefcli.site.pages", "briefcli.site.search",
                 "briefcli.site.paths", "briefcli.site.folder", "briefcli.site.build"):
        try:
            where = getattr(import_module(name), "__file__", None)
            digest.update(name.encode() + b"\0" + (Path(where).read_bytes() if where else b""))
        except (ImportError, OSError):
            digest.update(name.encode() + b"\0missing")
    return digest.hexdigest()[:32]



def workers_for(jobs: int) -> int:
    """Processes to build with: one per CPU (at most 4) for a large site, where the
    start of a process is worth it, on systems that fork; else one."""
    if jobs < PARALLEL_FROM or not hasattr(os, "fork") or not sys.platform.startswith("linux"):
        return 1
    return max(1, min(4, len(os.sched_getaffinity(0))))


def _build(k: Knowledge, folders: _Folders, workers: int,
           progress: Callable[[int, int], None] | None, old: Manifest,
           jobs: list[Job], kept: dict[str, tuple[str, int]]) -> _Share:
    """Write every file, in `workers` processes: this one and forked ones, each making
    and writing its share (the knowledge is shared by the fork, not copied or sent).
    `kept`: the pages whose inputs are those the last build recorded."""
    if workers <= 1:
        return _Writer(folders, old, kept).run(k, 0, 1, progress, jobs)
    import multiprocessing

    context = multiprocessing.get_context("fork")
    # What exists now is shared with the workers copy-on-write; the collector walking
    # it in each of them would copy it all (measured: most of the gain of a second
    # worker lost). Freezing keeps it out of the collector's walks.
    gc.freeze()
    children = []
    parent = os.getpid()
    for share in range(1, workers):
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_child,
                                args=(k, folders, share, workers, send, parent, old, jobs,
                                      kept),
                                daemon=True)
        child.start()
        send.close()
        children.append((child, receive))
    gc.unfreeze()
    mine = _Writer(folders, old, kept).run(k, 0, workers, progress, jobs)
    totals = [mine.written, mine.unchanged, mine.size]
    digests = mine.digests
    inputs = mine.inputs
    failures = []
    for child, receive in children:
        try:
            result = receive.recv()
        except EOFError:
            result = f"a worker ended with exit code {child.exitcode}"
        child.join()
        if isinstance(result, str):
            failures.append(result)
        else:
            totals = [a + b for a, b in zip(totals, result[:3], strict=True)]
            digests.update(result.digests)
            inputs.update(result.inputs)
    if failures:
        raise BriefError(f"cannot write the site into {folders.folder}: {failures[0]}")
    return _Share(totals[0], totals[1], totals[2], digests, inputs)


def _die_with_parent(parent: int) -> None:
    """Have the kernel end this worker when the process that forked it ends (Linux's
    PR_SET_PDEATHSIG): a build killed midway must not leave workers writing."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the pipe's end is then all there is
        pass
    if os.getppid() != parent:  # it ended before the call above
        os._exit(1)


def _child(k: Knowledge, folders: _Folders, share: int, shares: int, send: Any,
           parent: int, old: Manifest, jobs: list[Job],
           kept: dict[str, tuple[str, int]]) -> None:
    """A worker process: its share of the files, then its counts (or what went wrong)."""
    _die_with_parent(parent)
    try:
        send.send(_Writer(folders, old, kept).run(k, share, shares, None, jobs))
    except (OSError, BriefError) as exc:
        send.send(str(exc.message if isinstance(exc, BriefError) else _os_message(exc)))
    finally:
        send.close()


def _os_message(exc: OSError) -> str:
    where = f"{exc.filename}: " if exc.filename else ""
    return f"{where}{exc.strerror or exc}"


def _lock(folder: Path, root: int) -> None:
    """Hold the folder's lock until `root` is closed; SiteBusy when another build does.
    A file system without locks (some network ones) builds unlocked."""
    try:
        import fcntl
    except ImportError:  # not POSIX
        return
    try:
        fcntl.flock(root, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise SiteBusy(folder) from None
    except OSError:
        pass


def build_site(
    conn: sqlite3.Connection, folder: Path, *, force: bool = False,
    progress: Callable[[int, int], None] | None = None, workers: int | None = None,
    options: SiteOptions | None = None,
) -> SiteReport:
    """Write the static site of the knowledge in `conn` into `folder` (made if missing).

    Raises NotASite (a usage error) when the folder holds files but no manifest, or a
    manifest that is not one, and `force` is false; SiteBusy when another build holds
    the folder's lock; BriefError when it cannot be written. `progress(done, total)` is
    called every few hundred files (`total` an estimate). `workers`: processes to build
    with (default: `workers_for` the pages to make). `options`: the site's name,
    description and address.

    Only pages whose inputs changed are made: each page's digest of what it shows (its
    records, the renderer's version, the options) is kept in the manifest with the
    size and time of its file; a page with the same digest whose file is still as the
    last build left it is not made again, so a rebuild costs in proportion to the change.
    """
    if folder.exists() and not folder.is_dir():
        raise BriefError(f"{folder} exists and is not a folder", ExitCode.USAGE)
    if os.open not in os.supports_dir_fd or not _NOFOLLOW & getattr(os, "O_NOFOLLOW", 0):
        raise BriefError("brief site needs a system that opens files relative to a folder "
                         "without following links (POSIX)")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        root = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as exc:
        raise _cannot_write(folder, exc) from None
    folders = _Folders(folder, root)
    # The build makes hundreds of thousands of objects and no cycles worth collecting:
    # the collector's walks over them cost a third of a rebuild at 100,000 records.
    collecting = gc.isenabled()
    gc.disable()
    try:
        _lock(folder, root)
        try:
            old = _read_manifest(root)
        except _BadManifest as exc:
            if not force:
                raise NotASite(folder, str(exc)) from None
            old = Manifest([], {})
        if old is None:
            if os.listdir(root) and not force:
                raise NotASite(folder)
            old = Manifest([], {})
        knowledge = Knowledge(conn, options)
        knowledge.base = renderer_version() + repr(tuple(knowledge.options)) + knowledge.newest
        changed: list[tuple[str, str]] = []
        records = changes.current(knowledge, old.records, changed)
        layout = search.layout_key(knowledge)
        if old.records and old.base == knowledge.base and old.search == layout:
            knowledge.search_before = search.Before(  # type: ignore[attr-defined]
                {(kind, rid) for kind, rid in changed if kind in search.SEARCH_KINDS},
                layout, own_file(root, old, search.SEARCH_FILE_LIMIT))
        jobs = list(_jobs(knowledge, old.inputs))
        kept = _kept(jobs, old, knowledge.base, records)
        paths = [job.path for job in jobs]
        current = set(paths)
        # The names of this build are names brief makes; only the others are checked.
        listed = set(old.files)
        known = (listed & current) | {name for name in listed - current if is_site_path(name)}
        if current - known or len(kept) < len(old.inputs):
            # Listed before the first folder or page is made, and without the inputs of
            # the pages to make again: a build killed midway leaves a brief site, which the
            # next build recognises and completes (and leaves what it cannot check). No
            # records: that build looks at every page again.
            _write_manifest(folder, root, _manifest(sorted(known | current), old.digests, kept))
        stale = len(paths) - len(kept)
        folders.open(paths)
        share = _build(knowledge, folders, workers or workers_for(stale), progress, old, jobs,
                       kept)
        removed = sum(
            _remove(root, name, old.digests.get(name, ""))
            for name in sorted(known - current)
        )
        # A page left as it was keeps what the manifest recorded of it; the others are
        # what the build made.
        digests = old.digests.copy()
        digests.update(share.digests)
        kept.update(share.inputs)
        _write_manifest(folder, root, _manifest(sorted(current), digests, kept,
                                                knowledge.base, records, layout))
    except OSError as exc:
        raise _cannot_write(folder, exc) from None
    finally:
        if collecting:
            gc.enable()
        folders.close()
        os.close(root)
    return SiteReport(share.written, share.unchanged, removed, len(paths), share.size)


def _kept(jobs: list[Job], old: Manifest, base: str,
          records: changes.Records) -> dict[str, tuple[str, int]]:
    """The pages whose inputs are those the last build recorded for their file (whose
    sha256 it recorded too), with that digest and the size of the file it left.

    The pages about nothing that changed since the last build (`site.changes`) are given
    the digest of inputs that build recorded, so that they are neither made nor hashed.
    Every page is looked at when the build's own inputs changed, or the last build did
    not record its records."""
    dirty = changes.dirty(old.records, records) if old.records and old.base == base else None
    inputs, digests = old.inputs, old.digests
    kept = {}
    for job in jobs:
        path = job.path
        before = inputs.get(path)
        if before is None:
            continue
        if dirty is not None and job.subjects and dirty.isdisjoint(job.subjects):
            job.key = before[0]
        elif before[0] != job.key:
            continue
        if before[0] and path in digests:
            kept[path] = before
    return kept


def _write_manifest(folder: Path, root: int, data: bytes) -> None:
    try:
        replace_at(root, MANIFEST, data)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(folder / MANIFEST)) from None


def _cannot_write(folder: Path, exc: OSError) -> BriefError:
    where = f" {exc.filename}:" if exc.filename else ""
    return BriefError(f"cannot write the site into {folder}:{where} {exc.strerror or exc}")


def _remove(root: int, name: str, digest: str) -> bool:
    """Remove the file `name` below the folder open as `root` when it is a regular file
    whose sha256 is `digest` (what brief wrote there), reached through real folders only
    (a link on the way, or as the file, leaves it be); then the folders that left empty,
    up to the site's root and never through a link. Whether it was removed."""
    if not re.fullmatch(r"[0-9a-f]{64}", digest):
        return False  # not recorded (an older brief's manifest): kept, it cannot be checked
    parts = name.split("/")
    fds = [root]
    try:
        for part in parts[:-1]:
            try:
                fds.append(os.open(part, _FOLDER, dir_fd=fds[-1]))
            except OSError:
                return False
        here = fds[-1]
        try:
            fd = os.open(parts[-1], _READ, dir_fd=here)
        except OSError:
            return False
        try:
            mode = os.fstat(fd)
            if not stat.S_ISREG(mode.st_mode) or _digest(_read(fd, -1)) != digest:
                return False
        finally:
            os.close(fd)
        now = os.stat(parts[-1], dir_fd=here, follow_symlinks=False)
        if (now.st_dev, now.st_ino) != (mode.st_dev, mode.st_ino):
            return False  # replaced meanwhile
        os.unlink(parts[-1], dir_fd=here)
        for depth in range(len(parts) - 1, 0, -1):
            try:  # rmdir never follows a link: a link there ends the pruning
                os.rmdir(parts[depth - 1], dir_fd=fds[depth - 1])
            except OSError:
                break
        return True
    finally:
        for fd in fds[1:]:
            os.close(fd)


__all__ = ["NotASite", "SiteBusy", "SiteReport", "build_site"]
