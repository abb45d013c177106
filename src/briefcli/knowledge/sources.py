"""Where the knowledge comes from: data paths, the files below them, the bundled data."""

# Record classes come from briefcli.typed (no `typing` at run time), which reads
# the annotations' names only: they are never evaluated.
from __future__ import annotations

import os
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from briefcli.typed import NamedTuple

SUFFIXES = (".yaml", ".yml")


def bundled_data() -> Path:
    """The knowledge shipped with brief: inside the installed package, else the checkout's."""
    here = Path(__file__).resolve().parents[1]
    packaged = here / "data"
    if packaged.is_dir():
        return packaged
    return here.parents[1] / "data"


def data_paths(
    options: list[str] | None, environ: dict[str, str],
    configured: Sequence[str] | None = None,
) -> list[Path]:
    """`--data` paths if given, else BRIEF_DATA's, else the configuration file's `data`
    (`configured`), else the bundled knowledge."""
    if options:
        return [Path(p) for p in options]
    value = environ.get("BRIEF_DATA", "")
    paths = [Path(p) for p in value.split(os.pathsep) if p.strip()]
    if not paths and configured:
        paths = [Path(p) for p in configured]
    return paths or [bundled_data()]


class FileStamp(NamedTuple):
    """What identifies a file's content without reading it, as git's index does."""

    path: str
    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int


class MissingPath(Exception):
    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: no such file or folder")
        self.path = path


# Sizes that flag what is reported, never read.
UNNAMED = -1  # a file whose name is not valid UTF-8
OUTSIDE = -2  # a link to a file outside the data folder
UNLISTED = -3  # a folder that cannot be listed


def _utf8(path: str) -> bool:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _note_unlisted(unlisted: list[str], error: OSError) -> None:
    unlisted.append(str(error.filename))


def _add(
    found: dict[str, FileStamp], name: str, st: os.stat_result, refused: int | None = None
) -> None:
    """Stamp a file; `refused` (a flag size) when it is to be reported, not read."""
    stamp = _stamp(name, st)
    if refused is not None:
        stamp = stamp._replace(size=refused)
    if not _utf8(name):
        # A name that is not UTF-8 cannot be stored or shown as it is: the file is kept
        # out, under its name with \x escapes, flagged by its size.
        shown = os.fsencode(name).decode("utf-8", "backslashreplace")
        size = UNNAMED if refused is None else refused
        stamp = FileStamp(shown, size, stamp.mtime_ns, stamp.ctime_ns, stamp.inode)
    found.setdefault(stamp.path, stamp)


def _stamp(path: str, st: os.stat_result) -> FileStamp:
    return FileStamp(path, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def knowledge_files(paths: list[Path]) -> list[FileStamp]:
    """Every knowledge file under the paths, stamped, in a stable order, each once.

    A named file is taken whatever its suffix; in a folder, every `*.yaml`/`*.yml`
    below it, skipping hidden folders (such as `.git`).
    """
    found: dict[str, FileStamp] = {}
    for root in paths:
        try:
            st = os.stat(root)
        except OSError:
            raise MissingPath(root) from None
        if not os.path.isdir(root):
            _add(found, os.path.abspath(root), st)
            continue
        walked: list[str] = []
        unlisted: list[str] = []
        top = os.path.abspath(root)
        inside = os.path.realpath(top) + os.sep
        for folder, dirs, names in os.walk(top, onerror=partial(_note_unlisted, unlisted)):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            walked.extend(
                os.path.join(folder, n)
                for n in names
                if n.endswith(SUFFIXES) and not n.startswith(".")
            )
        for name in sorted(walked):
            try:
                st = os.stat(name)
            except OSError:
                continue  # vanished while we looked: it is not part of the knowledge
            if os.path.islink(name) and not os.path.realpath(name).startswith(inside):
                # A link out of the data folder could reach any file on the machine (a
                # key, a token) and put a piece of it in a message: never followed.
                _add(found, name, os.lstat(name), OUTSIDE)
                continue
            _add(found, name, st)
        for folder in unlisted:
            shown = os.fsencode(folder).decode("utf-8", "backslashreplace")
            found.setdefault(shown, FileStamp(shown, UNLISTED, 0, 0, 0))
    return list(found.values())


def empty_folders(paths: list[Path], stamps: list[FileStamp]) -> list[Path]:
    """The folders among `paths` with no knowledge file below them (a mistyped path, a
    folder of other files): worth a warning, since nothing comes from them."""
    empty = []
    for root in paths:
        if os.path.isdir(root):
            prefix = os.path.abspath(root).rstrip(os.sep) + os.sep
            if not any(s.path.startswith(prefix) for s in stamps):
                empty.append(root)
    return empty


def display_path(path: str, cwd: str | None) -> str:
    """A path as the user would type it: relative to `cwd` when below it, else as it is
    (also when there is no current folder: it was deleted)."""
    if not cwd:
        return path
    try:
        rel = os.path.relpath(path, cwd)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel
