"""Named queries of the index for everything but the answers themselves: the overview,
`info` and `check` counts, completion values, where a record is written, the ids taken,
every row for the site. With `query.py` (answers) and `store.py` (the tables and their
update), this package is the only place SQL is written: nothing else knows the tables.

Completion calls these on a TAB, so nothing is imported here.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Iterable, Iterator
    from typing import Any


def kind_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """How many records of each kind the index holds (kinds with none are absent)."""
    return dict(conn.execute("SELECT kind, count(*) FROM records GROUP BY kind"))


def record_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM records").fetchone()[0])


def file_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM files").fetchone()[0])


def file_paths(conn: sqlite3.Connection) -> list[str]:
    """The knowledge files indexed, by path."""
    return [row[0] for row in conn.execute("SELECT path FROM files ORDER BY path")]


def knowledge_size(conn: sqlite3.Connection) -> int:
    """The bytes of the knowledge files indexed."""
    return int(conn.execute("SELECT coalesce(sum(max(size, 0)), 0) FROM files").fetchone()[0])


def latest_briefing(conn: sqlite3.Connection) -> tuple[Any, Any] | None:
    """The date and title of the latest briefing, or None when there is none."""
    row = conn.execute(
        "SELECT json_extract(data, '$.date'), json_extract(data, '$.title') FROM records "
        "WHERE kind = 'briefing' ORDER BY sort_key DESC, rid DESC LIMIT 1"
    ).fetchone()
    return (row[0], row[1]) if row else None


def record_files(conn: sqlite3.Connection) -> Iterator[tuple[str, str, str]]:
    """(kind, id, path) of every record, by path."""
    yield from conn.execute(
        "SELECT r.kind, r.id, f.path FROM records r JOIN files f USING (fid) ORDER BY f.path"
    )


def record_places(
    conn: sqlite3.Connection, record_id: str, kind: str | None = None
) -> list[tuple[str, str, str, int]]:
    """(kind, id, path, line) of the records with this id (of `kind`, when given), in
    file order."""
    sql = (
        "SELECT r.kind, r.id, f.path, r.line FROM records r JOIN files f USING (fid) "
        "WHERE r.id = ?"
    )
    params: tuple[str, ...] = (record_id,)
    if kind is not None:
        sql += " AND r.kind = ?"
        params += (kind,)
    return list(conn.execute(sql + " ORDER BY f.path, r.rid", params))


def ids_by_length(
    conn: sqlite3.Connection, shortest: int, longest: int, kind: str | None = None
) -> list[tuple[str, str]]:
    """(id, kind) of the records whose id has between `shortest` and `longest` characters."""
    sql = "SELECT id, kind FROM records WHERE length(id) BETWEEN ? AND ?"
    params: tuple[object, ...] = (shortest, longest)
    if kind is not None:
        sql += " AND kind = ?"
        params += (kind,)
    return list(conn.execute(sql, params))


def entity_terms_between(
    conn: sqlite3.Connection, low: str, high: str, fields: tuple[str, ...]
) -> Iterator[str]:
    """The terms of entities (of the given fields) whose key is in [low, high), as written."""
    yield from (row[0] for row in conn.execute(
        # CROSS JOIN: the range of keys first, by their index, then each record's kind
        "SELECT t.text FROM terms t CROSS JOIN records r ON r.rid = t.rid WHERE t.key >= ? "
        f"AND t.key < ? AND r.kind = 'entity' AND t.field IN ({','.join('?' * len(fields))})",
        (low, high, *fields),
    ))


def tags_between(conn: sqlite3.Connection, low: str, high: str) -> Iterator[str]:
    """The folded tags in [low, high)."""
    yield from (row[0] for row in conn.execute(
        "SELECT DISTINCT key FROM tags WHERE key >= ? AND key < ?", (low, high)
    ))


def entity_kinds(conn: sqlite3.Connection) -> Iterator[str]:
    """The kinds the entities have (person, organization, ...), each once."""
    yield from (row[0] for row in conn.execute(
        "SELECT DISTINCT json_extract(data, '$.kind') FROM records WHERE kind = 'entity'"
    ) if isinstance(row[0], str) and row[0])


def briefing_dates_and_ids(conn: sqlite3.Connection) -> Iterator[tuple[Any, str]]:
    """(date, id) of every briefing."""
    yield from conn.execute(
        "SELECT json_extract(data, '$.date'), id FROM records WHERE kind = 'briefing'"
    )


def ids_between(conn: sqlite3.Connection, kind: str, low: str, high: str) -> Iterator[str]:
    """The ids of records of `kind` in [low, high)."""
    yield from (row[0] for row in conn.execute(
        "SELECT id FROM records WHERE kind = ? AND id >= ? AND id < ?", (kind, low, high)
    ))


def every_record_dated(
    conn: sqlite3.Connection,
) -> Iterator[tuple[str, bytes, int, str, int, str, int]]:
    """(kind, stored fields, their checksum, path, line, the fields as JSON, sort key:
    its date's first day, `PartialDate.low`, 0 for a record without a date) of every
    record, in file order."""
    yield from conn.execute(
        "SELECT r.kind, r.packed, r.crc, f.path, r.line, r.data, r.sort_key FROM records r "
        "JOIN files f USING (fid) ORDER BY r.rid"
    )


def kinds_and_ids(conn: sqlite3.Connection) -> Iterator[tuple[str, str]]:
    """(kind, id) of every record."""
    yield from conn.execute("SELECT kind, id FROM records")


def field_values(conn: sqlite3.Connection, kind: str, field: str) -> Iterator[tuple[str, Any]]:
    """(id, value of `field`) of every record of `kind`, in file order."""
    if not field.isidentifier():
        raise ValueError(f"not a field name: {field!r}")
    yield from conn.execute(
        f"SELECT id, json_extract(data, '$.{field}') FROM records WHERE kind = ? ORDER BY rid",
        (kind,),
    )


def entities_with_keys(
    conn: sqlite3.Connection, keys: Iterable[str]
) -> Iterator[tuple[str, str, str, Any]]:
    """(term key, record id, field, name) of the records with a term of one of `keys`."""
    from briefcli.index.store import batches

    for chunk, marks in batches(sorted(set(keys))):
        yield from conn.execute(
            "SELECT t.key, r.id, t.field, json_extract(r.data, '$.name') FROM terms t "
            f"JOIN records r USING (rid) WHERE t.key IN ({marks}) ORDER BY r.rid",
            chunk,
        )


def people(conn: sqlite3.Connection) -> Iterator[tuple[str, Any]]:
    """(id, name) of the entities of kind person, in file order."""
    yield from conn.execute(
        "SELECT id, json_extract(data, '$.name') FROM records WHERE kind = 'entity' "
        "AND json_extract(data, '$.kind') = 'person' ORDER BY rid"
    )


def briefing_with_digest(conn: sqlite3.Connection, digest: str) -> str | None:
    """The id of the first briefing that records this article digest, or None."""
    row = conn.execute(
        "SELECT id FROM records WHERE kind = 'briefing' "
        "AND json_extract(data, '$.digest') = ? ORDER BY rid LIMIT 1", (digest,),
    ).fetchone()
    return str(row[0]) if row else None


def briefing_bodies_on(conn: sqlite3.Connection, date: str) -> Iterator[tuple[str, Any]]:
    """(id, body as stored) of the briefings of this date, in file order."""
    yield from conn.execute(
        "SELECT id, json_extract(data, '$.body') FROM records WHERE kind = 'briefing' "
        "AND json_extract(data, '$.date') = ? ORDER BY rid", (date,),
    )


def events_on(conn: sqlite3.Connection, date: str) -> Iterator[tuple[str, Any, Any]]:
    """(id, title, summary) of the events of this date, in file order."""
    yield from conn.execute(
        "SELECT id, json_extract(data, '$.title'), json_extract(data, '$.summary') "
        "FROM records WHERE kind = 'event' AND json_extract(data, '$.date') = ? "
        "ORDER BY rid", (date,),
    )
