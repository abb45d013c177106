"""SQLite for the index, and where the index of a set of data paths lives.

`sqlite3` is the C module itself, without the `sqlite3` package around it (which adds
only the DB-API's date adapters, and imports `datetime` for them on every call); its
classes, functions and exceptions are the package's, so an error raised here is caught
as `sqlite3.Error` anywhere. Where the C module cannot be imported by that name, the
package is used. The index's file is named after its data paths (`index_path`) and
opened by URI (`file_uri`), here rather than in `cache` (the index file's life), so
that a TAB, which reads an index as it is, imports neither `cache` nor the store.
"""

from __future__ import annotations

import os
import sys
from binascii import crc32

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from types import ModuleType


def _lru_cache(maxsize: int = 128, typed: bool = False) -> Callable[..., Callable[..., object]]:
    """`functools.lru_cache` as far as the C module uses it: `lru_cache(n)(connection)` is
    a connection's cache of compiled statements, called with an SQL string. At most `n`
    statements are kept, the least recently used one leaving first; 0 keeps none."""

    def wrap(make: Callable[[object], object]) -> Callable[[object], object]:
        kept: dict[object, object] = {}

        def statement(sql: object) -> object:
            try:
                found = kept.pop(sql)
            except KeyError:
                found = make(sql)
                if maxsize <= 0:
                    return found
                if len(kept) >= maxsize:
                    del kept[next(iter(kept))]
            kept[sql] = found
            return found

        return statement

    return wrap


def _load() -> ModuleType:
    """The C module. It imports `functools` for `lru_cache` alone, and `functools`
    brings `collections`, `operator`, `reprlib`, `types` and `keyword`: about 3 ms, a
    sixth of a warm lookup. Where `functools` is not loaded yet, the module is imported
    with a stand-in that has just `lru_cache`, which is taken out again at once, so a
    later `import functools` loads the real one."""
    modules = sys.modules
    if "functools" in modules:
        import _sqlite3

        return _sqlite3
    stand_in = type(sys)("functools")
    stand_in.lru_cache = _lru_cache  # type: ignore[attr-defined]
    modules["functools"] = stand_in
    try:
        import _sqlite3
    finally:
        if modules.get("functools") is stand_in:
            del modules["functools"]
    return _sqlite3


if TYPE_CHECKING:
    import sqlite3 as sqlite3
else:
    try:
        sqlite3 = _load()
    except ImportError:  # pragma: no cover (an interpreter without the C module's name)
        import sqlite3


def digest(data: bytes) -> str:
    """A 64-bit checksum as hex, two CRC-32s (of the bytes, and of the bytes reversed):
    enough to tell versions and path sets apart, and cheap to import (hashlib alone costs
    more than a warm query; `binascii` half of what `zlib` costs, for the same CRC-32)."""
    return f"{crc32(data):08x}{crc32(data[::-1]):08x}"


def index_path(
    cache_dir: str | os.PathLike[str], paths: Sequence[str | os.PathLike[str]]
) -> str:
    """The index file for a set of data paths: one per set of files, however the paths
    are spelled (relative or absolute, through links, in any order, repeated)."""
    key = "\0".join(sorted({os.path.realpath(p) for p in paths}))
    name = f"index-{digest(key.encode('utf-8', 'surrogateescape'))}.sqlite"
    return os.path.join(os.fspath(cache_dir), name)


_URI_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/")


def file_uri(path: str) -> str:
    """An absolute path as a `file:` URI, as `pathlib.Path.as_uri` writes it (SQLite
    reads `?` and `#` in a file name as the URI's query and fragment)."""
    return "file://" + "".join(
        chr(b) if b in _URI_SAFE else f"%{b:02X}" for b in os.fsencode(path)
    )


__all__ = ["digest", "file_uri", "index_path", "sqlite3"]
