"""SQLite for the index: `briefcli.index.sqlite3` (see the package), by its old name."""

from briefcli.index import sqlite3

__all__ = ["sqlite3"]
