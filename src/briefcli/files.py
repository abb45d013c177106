"""Writing files atomically: a reader sees the old file or the new one, never half of one.

Every file brief writes for users goes through here (drafts, imports, exports,
pictures, a site's pages); the index has its own transactions (`cache.py`). The new
content is written to a temporary file in the same folder (so the final rename never
crosses file systems), flushed to disk, given the mode of the file it replaces, and
renamed over it with `os.replace`.
"""

from __future__ import annotations

import os
import secrets
import stat
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path

from briefcli.problems import BriefError, ExitCode


class FileExists(BriefError):
    """The file to write exists and overwriting was not asked for."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} exists; use --force to overwrite it", ExitCode.USAGE)
        self.path = path


@contextmanager
def replacing(target: Path, *, durable: bool = True) -> Iterator[Path]:
    """A temporary path beside `target`; when the block ends normally it replaces `target`.

    The block writes the temporary file (it exists, empty). With `durable`, its content
    is flushed to disk before the rename, so that a crash leaves the old file or the new
    one. When the block raises, the temporary file is removed and `target` is untouched.
    A new file gets the permissions of the user's umask; a replaced one keeps its mode.
    OSError from creating the temporary file reaches the caller.
    """
    folder = target.parent
    fd, name = tempfile.mkstemp(prefix=f".{target.name[:40]}-", suffix=".tmp", dir=folder)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        _copy_mode(target, tmp)
        if durable:
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def replace_at(folder: int, name: str, data: bytes, *, durable: bool = True) -> None:
    """Write `data` as the file `name` of the open folder `folder` (a descriptor), atomically.

    Nothing is followed: the temporary file is made with O_EXCL and O_NOFOLLOW in that
    folder, and the rename replaces whatever `name` is (a link is replaced by the file,
    never written through). A replaced regular file keeps its mode; anything else gets
    the mode of a new file. With `durable`, the content is flushed before the rename.
    OSError reaches the caller, with the temporary file removed.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    while True:
        tmp = f".{name[:40]}-{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(tmp, flags, 0o600, dir_fd=folder)
            break
        except FileExistsError:
            continue
    try:
        with open(fd, "wb", closefd=True) as f:
            f.write(data)
            try:
                old = os.stat(name, dir_fd=folder, follow_symlinks=False)
                mode = (stat.S_IMODE(old.st_mode) if stat.S_ISREG(old.st_mode)
                        else _new_file_mode())
            except FileNotFoundError:
                mode = _new_file_mode()
            os.fchmod(f.fileno(), mode)
            if durable:
                f.flush()
                os.fsync(f.fileno())
        os.replace(tmp, name, src_dir_fd=folder, dst_dir_fd=folder)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp, dir_fd=folder)
        raise


def write_file(path: Path, content: str | bytes, *, force: bool = False) -> None:
    """Write a file for the user atomically; an existing one only with `force`.

    Raises FileExists (a usage error) when `path` exists and `force` is false, and
    BriefError when the folder cannot be written.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    if not force and os.path.lexists(path):
        raise FileExists(path)
    try:
        with replacing(path) as tmp:
            tmp.write_bytes(data)
    except OSError as exc:
        raise BriefError(f"cannot write {path}: {exc.strerror or exc}") from None


def write_files(contents: Mapping[Path, str | bytes], *, force: bool = False) -> None:
    """Write several files that belong together (a dictd database's index and data):
    every one is replaced, or none is.

    Each new content is first written in full to a temporary file beside its target
    and flushed to disk; then the temporaries are renamed over their targets one by
    one. A replaced file is kept under a hidden name (a hard link, else a copy, so the
    rename never leaves its target missing) until every rename has succeeded; when one fails, the
    files renamed so far are put back from those copies (a file that did not exist
    before is removed again), so the old set stays whole. Raises FileExists when a
    target exists and `force` is false, BriefError when a file cannot be written.
    """
    targets = list(contents)
    if not force:
        for path in targets:
            if os.path.lexists(path):
                raise FileExists(path)
    temporaries: dict[Path, Path] = {}
    backups: dict[Path, Path | None] = {}
    done: list[Path] = []
    try:
        try:
            for path in targets:
                data = contents[path]
                fd, name = tempfile.mkstemp(prefix=f".{path.name[:40]}-", suffix=".tmp",
                                            dir=path.parent)
                temporaries[path] = Path(name)
                with os.fdopen(fd, "wb") as f:
                    f.write(data.encode("utf-8") if isinstance(data, str) else data)
                    f.flush()
                    os.fsync(f.fileno())
                _copy_mode(path, temporaries[path])
            for path in targets:
                backups[path] = _keep(path)
            for path in targets:
                os.replace(temporaries[path], path)
                done.append(path)
        except OSError as exc:
            for path in reversed(done):
                _restore(path, backups.get(path))
            raise BriefError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        for tmp in temporaries.values():
            tmp.unlink(missing_ok=True)
        for backup in backups.values():
            if backup is not None:
                backup.unlink(missing_ok=True)


def _copy_mode(target: Path, tmp: Path) -> None:
    """Give `tmp` the mode of the file it replaces, else the umask's default."""
    try:
        mode = os.stat(target).st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)


def _keep(path: Path) -> Path | None:
    """A hidden hard link to the file at `path` (None when there is none), to put the
    old content back with if a later step fails."""
    if not os.path.lexists(path):
        return None
    backup = path.with_name(f".{path.name[:40]}-{os.getpid()}.old")
    backup.unlink(missing_ok=True)
    try:
        os.link(path, backup, follow_symlinks=False)
    except OSError:  # a file system without hard links: a copy does as well
        import shutil

        shutil.copy2(path, backup, follow_symlinks=False)
    return backup


def _restore(path: Path, backup: Path | None) -> None:
    """Put back the file `_keep` kept (or remove `path` when there was none)."""
    try:
        if backup is None:
            path.unlink(missing_ok=True)
        else:
            os.replace(backup, path)
    except OSError:
        pass  # the error that made us restore is the one to report


def not_regular(mode: int) -> str | None:
    """What a file of `mode` (from stat) is when it is not a regular file, in words
    ("is a folder", "is a FIFO, not a regular file"); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a FIFO (a named pipe), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def check_input(path: Path, missing: str = "no such file") -> None:
    """Refuse, as a BriefError naming it, a file to read that is missing or is not a
    regular file (a folder, a FIFO, a device). Only its status is read: a FIFO is never
    opened, so this never blocks."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise BriefError(f"{path}: {missing}") from None
    except OSError as exc:
        raise BriefError(f"{path}: cannot read: {exc.strerror or exc}") from None
    what = not_regular(mode)
    if what is not None:
        raise BriefError(f"{path}: {what}")


def read_regular(path: str | Path) -> bytes:
    """The bytes of a regular file, never blocking: it is opened without waiting (a FIFO
    put in its place meanwhile opens at once) and refused unless it is a regular file.
    OSError (its strerror says what the file is) when it cannot be read."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as f:
        what = not_regular(os.fstat(fd).st_mode)
        if what is not None:
            raise OSError(0, what)
        return f.read()


def read_input(path: Path) -> bytes:
    """The bytes of a file the user named to read (a glossary, an article), or a
    BriefError saying what is wrong: missing, a folder, a FIFO, a device, unreadable."""
    check_input(path)
    try:
        return read_regular(path)
    except FileNotFoundError:
        raise BriefError(f"{path}: no such file") from None
    except OSError as exc:
        raise BriefError(f"{path}: {exc.strerror or exc}") from None
