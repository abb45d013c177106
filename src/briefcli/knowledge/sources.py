"""Where the knowledge comes from: data paths, the files below them, the bundled data.

Paths are text here (`pathlib` costs a lookup more than its own queries, with the
modules it imports), spelled as `pathlib` spells them (`clean_path`), so that messages
read the same whichever path names them.
"""

# Record classes come from briefcli.typed (no `typing` at run time), which reads
# the annotations' names only: they are never evaluated.
from __future__ import annotations

import os

from briefcli.typed import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from pathlib import Path

SUFFIXES = (".yaml", ".yml")


def clean_path(path: str) -> str:
    """`path` as `str(pathlib.Path(path))` writes it: without empty or "." parts and a
    trailing separator ("kb/./a/" is "kb/a"); ".." is kept, links are not resolved."""
    if os.sep != "/" or os.altsep:  # pragma: no cover (not POSIX: pathlib's own rules)
        from pathlib import Path

        return str(Path(path))
    root = ""
    if path.startswith("/"):
        root = "//" if path.startswith("//") and not path.startswith("///") else "/"
    return root + "/".join(p for p in path.split("/") if p and p != ".") or "."


def bundled_folder() -> str:
    """The knowledge shipped with brief: inside the installed package, else the checkout's."""
    here = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    packaged = os.path.join(here, "data")
    if os.path.isdir(packaged):
        return packaged
    return os.path.join(os.path.dirname(os.path.dirname(here)), "data")


def bundled_data() -> Path:
    """`bundled_folder()` as a Path."""
    from pathlib import Path

    return Path(bundled_folder())


def data_paths(
    options: list[str] | None, environ: Mapping[str, str],
    configured: Sequence[str] | None = None,
) -> list[str]:
    """`--data` paths if given, else BRIEF_DATA's, else the configuration file's `data`
    (`configured`), else the bundled knowledge; each as `clean_path` spells it."""
    if options:
        return [clean_path(p) for p in options]
    value = environ.get("BRIEF_DATA", "")
    paths = [clean_path(p) for p in value.split(os.pathsep) if p.strip()]
    if not paths and configured:
        paths = [clean_path(p) for p in configured]
    return paths or [bundled_folder()]


class FileStamp(NamedTuple):
    """What identifies a file's content without reading it, as git's index does."""

    path: str
    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int


class MissingPath(Exception):
    def __init__(self, path: str | os.PathLike[str]) -> None:
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


_new_stamp = tuple.__new__  # a FileStamp from its five values, without binding arguments


def _stamp(path: str, st: os.stat_result) -> FileStamp:
    return _new_stamp(FileStamp, (path, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))


def knowledge_files(paths: Sequence[str | os.PathLike[str]]) -> list[FileStamp]:
    """Every knowledge file under the paths, stamped, in a stable order, each once.

    A named file is taken whatever its suffix; in a folder, every `*.yaml`/`*.yml`
    below it, skipping hidden folders (such as `.git`) and hidden files, and not going
    into links to folders. Every call of a lookup stamps every file (a million records
    lie in hundreds of files): one `scandir` per folder and one `stat` per file, the
    folder listing telling links apart without a syscall of its own.
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
        unlisted: list[str] = []
        top = os.path.abspath(root)
        inside = os.path.realpath(top) + os.sep
        files: list[os.DirEntry[str]] = []
        _list(top, files, unlisted)
        files.sort(key=_entry_path)
        for entry in files:
            name = entry.path
            try:
                st = entry.stat()
            except OSError:
                continue  # vanished while we looked: it is not part of the knowledge
            if entry.is_symlink() and not os.path.realpath(name).startswith(inside):
                # A link out of the data folder could reach any file on the machine (a
                # key, a token) and put a piece of it in a message: never followed.
                _add(found, name, os.lstat(name), OUTSIDE)
            elif name.isascii() and name not in found:  # most files: `_add` made short
                found[name] = _stamp(name, st)
            else:
                _add(found, name, st)
        for folder in unlisted:
            shown = os.fsencode(folder).decode("utf-8", "backslashreplace")
            found.setdefault(shown, FileStamp(shown, UNLISTED, 0, 0, 0))
    return list(found.values())


def _entry_path(entry: os.DirEntry[str]) -> str:
    return entry.path


def _list(folder: str, files: list[os.DirEntry[str]], unlisted: list[str]) -> None:
    """The knowledge files below `folder` into `files`, top down, its folders in the
    order of their names (as `os.walk` goes, not into links); a folder that cannot be
    listed (or whose listing fails midway) into `unlisted`, and nothing of it kept."""
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError as error:
        unlisted.append(str(error.filename))
        return
    folders = []
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        try:
            is_folder = entry.is_dir()
        except OSError:
            is_folder = False
        if not is_folder:
            if name.endswith(SUFFIXES):
                files.append(entry)
        elif not entry.is_symlink():
            folders.append(name)
    for name in sorted(folders):
        _list(os.path.join(folder, name), files, unlisted)


def empty_folders(
    paths: Sequence[str | os.PathLike[str]], stamps: list[FileStamp]
) -> list[str | os.PathLike[str]]:
    """The folders among `paths` with no knowledge file below them (a mistyped path, a
    folder of other files): worth a warning, since nothing comes from them."""
    empty: list[str | os.PathLike[str]] = []
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
