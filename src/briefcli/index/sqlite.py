"""SQLite for the index: the C module itself, without the `sqlite3` package around it.

`sqlite3` adds only the DB-API's date adapters, which brief never uses, and imports
`datetime` for them on every call; its classes, functions and exceptions are those of
`_sqlite3`, so an error raised here is caught as `sqlite3.Error` anywhere. Where the C
module cannot be imported by that name, the package is used.
"""

TYPE_CHECKING = False
if TYPE_CHECKING:
    import sqlite3 as sqlite3
else:
    try:
        import _sqlite3 as sqlite3
    except ImportError:  # pragma: no cover (an interpreter without the C module's name)
        import sqlite3

__all__ = ["sqlite3"]
