"""The site folder, trusted in nothing: its manifest read safely, its folders opened
without following links, pages written atomically inside it, and only brief's own files
removed (see SECURITY.md)."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
from collections.abc import Callable, Sequence
from contextlib import suppress
from pathlib import Path
from typing import NamedTuple

from briefcli.files import not_regular, replace_at
from briefcli.problems import BriefError
from briefcli.site.changes import Records, parse, rows
from briefcli.site.memory import Knowledge
from briefcli.site.pages import Job, Page, _jobs, planned_pages
from briefcli.site.paths import MANIFEST, is_site_path

MANIFEST_LIMIT = 64 * 1024 * 1024  # bytes; a manifest of 400,000 files takes 45 MB
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
_READ = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0)  # a FIFO must not hang
_FOLDER = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_DIRECTORY", 0)


class Manifest(NamedTuple):
    """What a previous build wrote: its files, and the sha256 of each as it wrote it (a
    manifest of an older brief has no digests)."""

    files: list[str]
    digests: dict[str, str]
    # Of each page: the digest of its inputs and the size of the file the build left (a
    # page whose inputs are unchanged, still a regular file of that size, is not made
    # again; the manifest stays the same whichever folder or time it was built at).
    inputs: dict[str, tuple[str, int]] = {}
    # The build's own inputs (the renderer's version, the options, the newest date) and
    # every record's digest and relations (`site.changes`): which pages to look at again.
    base: str = ""
    records: Records = {}
    search: str = ""  # the layout of its search (`search.layout_key`)


class _BadManifest(Exception):
    """The manifest is there but is not one: the reason, to end "its manifest …"."""


def _read_manifest(root: int) -> Manifest | None:
    """The manifest of the folder open as `root`, or None when it has none; raises
    _BadManifest when it is not a regular file (a link, a FIFO, a device: never read),
    is over MANIFEST_LIMIT bytes, or is not the JSON a build writes. Only plain relative
    paths are kept: a manifest is a file like any other, and nothing outside the site may
    be removed because of it."""
    try:
        fd = os.open(MANIFEST, _READ, dir_fd=root)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _BadManifest("is a link, which brief never follows") from None
        raise _BadManifest(f"cannot be read ({exc.strerror})") from None
    try:
        what = not_regular(os.fstat(fd).st_mode)
        if what is not None:
            raise _BadManifest(what)
        raw = _read(fd, MANIFEST_LIMIT + 1)
    finally:
        os.close(fd)
    if len(raw) > MANIFEST_LIMIT:
        raise _BadManifest(f"is larger than {MANIFEST_LIMIT // (1024 * 1024)} MB")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise _BadManifest("is not UTF-8 text") from None
    except (ValueError, RecursionError):  # RecursionError: `[` nested 100,000 deep
        raise _BadManifest("is not valid JSON") from None
    files = data.get("files") if isinstance(data, dict) else None
    digests = data.get("sha256", {}) if isinstance(data, dict) else None
    # (Decoded JSON: a text is a `str`, never a subclass; the types are seen in C.)
    if (not isinstance(files, list) or not set(map(type, files)) <= {str}
            or not isinstance(digests, dict) or not set(map(type, digests.values())) <= {str}):
        raise _BadManifest('is not a list of files ({"files": [...], "sha256": {...}})')
    safe = []
    for name in files:
        if not name or "\\" in name or "\x00" in name or name.startswith("/"):
            continue
        if ("/." in name or name.startswith(".") or "//" in name or name.endswith("/")) and any(
                part in ("", ".", "..") for part in name.split("/")):
            continue
        if name == MANIFEST:
            continue
        safe.append(name)
    inputs: dict[str, tuple[str, int]] = {}
    given = data.get("inputs", {})
    if isinstance(given, dict):  # anything unexpected there only means pages made again
        for name, value in given.items():
            if type(value) is list and len(value) == 2:
                key, size = value
                if type(key) is str and type(size) is int:
                    inputs[name] = (key, size)
    base, search = data.get("base", ""), data.get("search", "")
    return Manifest(safe, digests, inputs, base if isinstance(base, str) else "",
                    parse(data.get("records")), search if isinstance(search, str) else "")


def _manifest(files: Sequence[str], digests: dict[str, str],
              inputs: dict[str, tuple[str, int]] | None = None, base: str = "",
              records: Records | None = None, search: str = "") -> bytes:
    inputs = inputs or {}
    files = sorted(files)
    # (Tuples are written as JSON arrays: the values go in as they are kept.)
    data = {"generator": "brief site", "version": 2, "files": files,
            "sha256": {f: digests[f] for f in files if f in digests},
            "inputs": {f: inputs[f] for f in files if f in inputs},
            "base": base, "records": rows(records or {}), "search": search}
    # (Nothing in it is shared or refers to itself: no check for cycles.)
    text = (json.dumps(data, separators=(",", ":"), check_circular=False) + "\n").encode()
    if len(text) > MANIFEST_LIMIT and data["records"]:
        # Too large to be read back: without its record list (which only spares the next
        # build a look at every page), so that the folder stays a site brief can rebuild.
        data["records"] = []
        text = (json.dumps(data, separators=(",", ":"), check_circular=False) + "\n").encode()
    return text


def own_file(root: int, old: Manifest, limit: int) -> Callable[[str], bytes | None]:
    """A reader of the files a previous build wrote below the folder open as `root`:
    the bytes of `path` when it is a name brief makes, reached through real folders (no
    link followed), a regular file of at most `limit` bytes whose sha256 is the one the
    manifest records; else None."""

    def read(path: str) -> bytes | None:
        digest = old.digests.get(path)
        if digest is None or not is_site_path(path):
            return None
        parts = path.split("/")
        fds = [root]
        try:
            for part in parts[:-1]:
                fds.append(os.open(part, _FOLDER, dir_fd=fds[-1]))
            fd = os.open(parts[-1], _READ, dir_fd=fds[-1])
            try:
                if not stat.S_ISREG(os.fstat(fd).st_mode):
                    return None
                content = _read(fd, limit + 1)
            finally:
                os.close(fd)
        except OSError:
            return None
        finally:
            for fd in fds[1:]:
                os.close(fd)
        return content if len(content) <= limit and _digest(content) == digest else None

    return read


def _read(fd: int, limit: int) -> bytes:
    """At most `limit` bytes of the open file `fd` (all of it when `limit` is -1)."""
    with os.fdopen(fd, "rb", closefd=False) as f:
        return f.read(limit)


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


class _Folders:
    """The folders of the site, open: every file is reached from one of these, by a name
    without '/', so no link on the way is ever followed. Made in the process that forks
    the workers, so that they share them."""

    def __init__(self, folder: Path, root: int) -> None:
        self.folder = folder
        self.fds: dict[str, int] = {"": root}

    def open(self, paths: Sequence[str]) -> None:
        """Open (making them as needed) the folders of `paths`; raises BriefError when one
        of them is a link or not a folder: the site is never written through a link."""
        for path in sorted({p.rpartition("/")[0] for p in paths}):
            parent = ""
            for part in path.split("/") if path else ():
                here = f"{parent}/{part}" if parent else part
                if here not in self.fds:
                    with suppress(FileExistsError):
                        os.mkdir(part, dir_fd=self.fds[parent])
                    try:
                        self.fds[here] = os.open(part, _FOLDER, dir_fd=self.fds[parent])
                    except OSError as exc:
                        if exc.errno not in (errno.ELOOP, errno.ENOTDIR):
                            raise OSError(exc.errno, exc.strerror,
                                          str(self.folder / here)) from None
                        what = ("a link" if stat.S_ISLNK(os.stat(
                            part, dir_fd=self.fds[parent], follow_symlinks=False).st_mode)
                            else "not a folder")
                        raise BriefError(
                            f"{self.folder / here} is {what}; the site needs a folder there "
                            "(brief never writes through a link): move it away, or build "
                            "into another folder"
                        ) from None
                parent = here

    def close(self) -> None:
        for key, fd in self.fds.items():
            if key:
                os.close(fd)
        self.fds = {"": self.fds[""]}


class _Share(NamedTuple):
    """What one process did: counts, bytes, and of each file it made, the sha256 of what
    it wrote and the digest of its inputs (a file left as it was keeps the manifest's)."""

    written: int
    unchanged: int
    size: int
    digests: dict[str, str]
    inputs: dict[str, tuple[str, int]]


class _Writer:
    """Writes the files of one share of the jobs, counting what it did."""

    def __init__(self, folders: _Folders, old: Manifest | None = None,
                 kept: dict[str, tuple[str, int]] | None = None) -> None:
        self.folders = folders
        self.old = old or Manifest([], {})
        # The pages whose inputs are the ones the last build recorded, with the size of
        # the file it left (`build_site` finds them); by default found from the jobs.
        self.kept = kept
        self.written = self.unchanged = self.size = 0
        self.digests: dict[str, str] = {}
        self.inputs: dict[str, tuple[str, int]] = {}
        self.held = 0  # the size of the file `put` last wrote or found as it would write

    def put(self, page: Page) -> None:
        where, _, name = page.path.rpartition("/")
        folder = self.folders.fds[where]
        self.size += len(page.content)
        self.digests[page.path] = _digest(page.content)
        try:
            self.held = len(page.content)
            if self._holds(folder, name, page):
                self.unchanged += 1
                return
            # Atomic, not flushed to disk one by one: a page is cheap to write again, and
            # a hundred thousand fsyncs would take minutes. A link there is replaced.
            replace_at(folder, name, page.content, durable=False)
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror, str(self.folders.folder / page.path)) from None
        self.written += 1

    def _holds(self, folder: int, name: str, page: Page) -> bool:
        """Whether the file `name` is a regular file with the page's content (a link is
        never read through: it is not the page)."""
        try:
            fd = os.open(name, _READ, dir_fd=folder)
        except FileNotFoundError:
            return False
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return False
            raise
        try:
            mode = os.fstat(fd)
            if stat.S_ISDIR(mode.st_mode):
                raise BriefError(f"{self.folders.folder / page.path} is a folder; "
                                 "the site needs it to be a file")
            return (stat.S_ISREG(mode.st_mode) and mode.st_size == len(page.content)
                    and _read(fd, len(page.content) + 1) == page.content)
        finally:
            os.close(fd)

    def run(self, k: Knowledge, share: int, shares: int,
            progress: Callable[[int, int], None] | None = None,
            jobs: Sequence[Job] | None = None) -> _Share:
        """Make and write the jobs `n` with `n % shares == share` (of `jobs`, when the
        build has listed them already). `progress` is told of the whole build's files,
        as estimated from this share's. Of a file left as it was, the manifest's digests
        stand: only those of the files made are in what this returns."""
        total = planned_pages(k)
        every = _jobs(k) if jobs is None else jobs
        kept = self.kept
        if kept is None:
            every = list(every)
            kept = kept_pages(every, self.old)
        # A kept page is looked at in one lookup and one stat (27,000 pages at 20,000
        # records): left as the last build wrote it when its file is still a regular file
        # of the size that build recorded (not a link, not removed, not cut short).
        fds, stat_at, regular = self.folders.fds, os.stat, stat.S_ISREG
        unchanged = size = 0
        for n, job in enumerate(every):
            if n % shares != share:
                continue
            if progress is not None and n % 256 < shares:
                progress(n, max(total, n))
            path = job.path
            before = kept.get(path)
            if before is not None:
                where, _, name = path.rpartition("/")
                try:
                    now = stat_at(name, dir_fd=fds[where], follow_symlinks=False)
                except OSError:  # gone, or a folder on the way replaced: made again
                    pass
                else:
                    if regular(now.st_mode) and now.st_size == before[1]:
                        unchanged += 1
                        size += before[1]
                        continue
            self.put(job.make())
            if job.key:
                self.inputs[path] = (job.key, self.held)
        self.unchanged += unchanged
        self.size += size
        return _Share(self.written, self.unchanged, self.size, self.digests, self.inputs)


def kept_pages(jobs: Sequence[Job], old: Manifest) -> dict[str, tuple[str, int]]:
    """The jobs whose inputs are those the last build recorded for their file (and whose
    file's sha256 it recorded): the digest of inputs and the size of the file it left."""
    inputs, digests = old.inputs, old.digests
    out = {}
    for job in jobs:
        before = inputs.get(job.path)
        if before is not None and before[0] == job.key and job.key and job.path in digests:
            out[job.path] = before
    return out
