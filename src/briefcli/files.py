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
from collections.abc import Iterator
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
        try:
            mode = os.stat(target).st_mode & 0o7777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
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
