"""Questions asked of an index: define, show, timeline, search.

Each function takes a connection from `index.open_index` and returns model objects;
a miss raises `NotFound` carrying what to suggest instead. Nothing here prints.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from typing import Any, cast

from briefcli.dates import DateError, PartialDate
from briefcli.model import (
    Briefing,
    BriefingPage,
    Definition,
    Entity,
    SearchHit,
    ShowResult,
    Timeline,
    record_from_data,
)
from briefcli.problems import BriefError
from briefcli.text import closest, fold, term_key

MATCH_ORDER = {"acronym": 0, "name": 1, "alias": 2, "id": 3}
DEFINE_EVENTS = 5  # events shown with a definition: the latest ones
DEFINE_REFERRERS = 20  # entities that name this one in `related`, shown after its own


class NotFound(BriefError):
    """Nothing matched; `suggestions` are close terms, ids or dates to try."""

    def __init__(
        self, message: str, suggestions: list[str] | None = None, label: str = "did you mean"
    ) -> None:
        super().__init__(message)
        self.suggestions = suggestions or []
        self.label = label


def _records(conn: sqlite3.Connection, sql: str, params: Iterable[Any] = ()) -> list[Any]:
    """Records from rows of (kind, data, path, line)."""
    return [
        record_from_data(kind, json.loads(data), path, line)
        for kind, data, path, line in conn.execute(sql, tuple(params))
    ]


_SELECT = "SELECT r.kind, r.data, f.path, r.line FROM records r JOIN files f USING (fid)"


def records_by_id(conn: sqlite3.Connection, kind: str, ids: Iterable[str]) -> list[Any]:
    """Records of one kind by id, in the order the ids are given, unknown ids skipped."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    found: dict[str, Any] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for record in _records(
            conn, f"{_SELECT} WHERE r.kind = ? AND r.id IN ({marks}) ORDER BY r.rid",
            [kind, *chunk],
        ):
            found.setdefault(record.id, record)
    return [found[i] for i in wanted if i in found]


def all_records(conn: sqlite3.Connection) -> list[Any]:
    """Every record as read (schema.RecordRow), in file order, for exporting."""
    from briefcli.checker import RecordRow

    return [
        RecordRow(kind, rid, line, col, json.loads(data), sort_key, end_key)
        for kind, rid, line, col, data, sort_key, end_key in conn.execute(
            "SELECT r.kind, r.id, r.line, r.col, r.data, r.sort_key, r.end_key "
            "FROM records r JOIN files f USING (fid) ORDER BY f.path, r.rid"
        )
    ]


# ---------------------------------------------------------------- define


def find_terms(conn: sqlite3.Connection, term: str) -> list[Definition]:
    """Every entity whose id, acronym, name or alias matches the term, best match first."""
    rows = conn.execute(
        "SELECT t.rid, t.field FROM terms t WHERE t.key = ?", (term_key(term),)
    ).fetchall()
    if not rows:
        raise NotFound(f"no entry for {term!r}", suggest_terms(conn, term))
    best: dict[int, str] = {}
    for rid, fname in rows:
        if rid not in best or MATCH_ORDER[fname] < MATCH_ORDER[best[rid]]:
            best[rid] = fname
    marks = ",".join("?" * len(best))
    found = [
        (
            MATCH_ORDER[best[rid]],
            cast(Entity, record_from_data(kind, json.loads(data), path, line)),
            best[rid],
        )
        for rid, kind, data, path, line in conn.execute(
            "SELECT r.rid, r.kind, r.data, f.path, r.line FROM records r JOIN files f "
            f"USING (fid) WHERE r.rid IN ({marks})",
            tuple(best),
        )
    ]
    found.sort(key=lambda x: (x[0], fold(x[1].name), x[1].id))
    return [_define(conn, term, entity, matched_on) for _, entity, matched_on in found]


def _define(conn: sqlite3.Connection, term: str, entity: Entity, matched_on: str) -> Definition:
    referrers = [
        row[0]
        for row in conn.execute(
            "SELECT r.id FROM links l JOIN records r USING (rid) WHERE l.target = 'entity' "
            "AND l.target_id = ? AND r.kind = 'entity' AND l.field = 'related' ORDER BY r.rid "
            "LIMIT ?",
            (entity.id, DEFINE_REFERRERS),
        )
    ]
    related = records_by_id(conn, "entity", [*entity.related, *referrers])
    events = _records(
        conn,
        f"{_SELECT} WHERE r.rid IN (SELECT rid FROM links WHERE target = 'entity' AND "
        "target_id = ?) AND +r.kind = 'event' ORDER BY r.sort_key DESC, r.rid DESC LIMIT ?",
        (entity.id, DEFINE_EVENTS),
    )
    events.reverse()
    sources = records_by_id(conn, "source", entity.sources)
    return Definition(term, entity, related, events, sources, matched_on)


def suggest_terms(conn: sqlite3.Connection, term: str, limit: int = 5) -> list[str]:
    """Known terms closest to the one given (acronyms, names, aliases, ids)."""
    rows = conn.execute("SELECT DISTINCT key, text FROM terms").fetchall()
    return _closest(term, rows, limit)


def _closest(term: str, rows: list[tuple[str, str]], limit: int) -> list[str]:
    """Suggestions from rows of (folded key, text shown)."""
    return closest(term, [text for _, text in rows], limit, keys=[key for key, _ in rows])


# ---------------------------------------------------------------- show


def find_briefings(conn: sqlite3.Connection, what: str | None) -> ShowResult:
    """The briefing(s) of a day, by id, the latest, or the list of a month or year."""
    if what is None:
        rows = _records(
            conn, f"{_SELECT} WHERE r.kind = 'briefing' ORDER BY r.sort_key DESC, r.rid DESC "
            "LIMIT 1",
        )
        if not rows:
            raise NotFound("the knowledge holds no briefing")
        return ShowResult([page(conn, rows[0])], [])
    by_id = records_by_id(conn, "briefing", [what])
    if by_id:
        return ShowResult([page(conn, by_id[0])], [])
    try:
        date = PartialDate.parse(what)
    except DateError:
        date = None
    if date is None:
        ids = conn.execute("SELECT id, id FROM records WHERE kind = 'briefing'").fetchall()
        raise NotFound(
            f"no briefing with id {what!r}", _closest(what, [(fold(a), b) for a, b in ids], 5)
        )
    if date.precision == "day":
        found = _records(
            conn, f"{_SELECT} WHERE r.kind = 'briefing' AND r.sort_key = ? ORDER BY r.rid",
            (date.low,),
        )
        if found:
            return ShowResult([page(conn, b) for b in found], [])
    else:
        found = _records(
            conn,
            f"{_SELECT} WHERE r.kind = 'briefing' AND r.sort_key BETWEEN ? AND ? "
            "ORDER BY r.sort_key, r.rid",
            (date.low, date.high),
        )
        if found:
            return ShowResult([], found, str(date))
    raise NotFound(
        f"no briefing for {date}", nearest_dates(conn, date), "nearest dates with a briefing"
    )


def nearest_dates(conn: sqlite3.Connection, date: PartialDate) -> list[str]:
    """The dates with a briefing just before and just after a date's period."""
    before = conn.execute(
        "SELECT json_extract(data, '$.date') FROM records WHERE kind = 'briefing' "
        "AND sort_key < ? ORDER BY sort_key DESC LIMIT 1", (date.low,)
    ).fetchone()
    after = conn.execute(
        "SELECT json_extract(data, '$.date') FROM records WHERE kind = 'briefing' "
        "AND sort_key > ? ORDER BY sort_key LIMIT 1", (date.high,)
    ).fetchone()
    return [row[0] for row in (before, after) if row]


def page(conn: sqlite3.Connection, briefing: Briefing) -> BriefingPage:
    events = records_by_id(conn, "event", briefing.events)
    events.sort(key=lambda e: e.when.low)
    return BriefingPage(
        briefing,
        entities=records_by_id(conn, "entity", briefing.entities),
        events=events,
        faqs=records_by_id(conn, "faq", briefing.faqs),
        sources=records_by_id(conn, "source", briefing.sources),
    )


# ---------------------------------------------------------------- timeline


def timeline(
    conn: sqlite3.Connection,
    topic: str | None = None,
    since: PartialDate | None = None,
    until: PartialDate | None = None,
    limit: int | None = None,
    reverse: bool = False,
) -> Timeline:
    """Events linked to a topic (an entity, by any of its terms, or a tag), oldest first.

    An event is kept when its period (from `date` to `end`) meets the period from the
    start of `since` to the end of `until`.
    """
    # With a topic, the `+` keeps SQLite from walking every event by the (kind, date)
    # index instead of starting from the topic's few links.
    where = ["+r.kind = 'event'" if topic is not None else "r.kind = 'event'"]
    params: list[Any] = []
    title = "Timeline"
    if topic is not None:
        key = fold(topic)  # tags are matched by their folded text, terms by their key
        entity_ids = [
            row[0]
            for row in conn.execute(
                "SELECT DISTINCT r.id FROM terms t JOIN records r USING (rid) WHERE t.key = ?",
                (term_key(topic),),
            )
        ]
        has_tag = conn.execute("SELECT 1 FROM tags WHERE key = ? LIMIT 1", (key,)).fetchone()
        if not entity_ids and not has_tag:
            rows = conn.execute("SELECT DISTINCT key, text FROM terms").fetchall()
            rows += conn.execute(
                "SELECT DISTINCT key, key FROM tags"
            ).fetchall()
            raise NotFound(f"no entity or tag {topic!r}", _closest(topic, rows, 5))
        names = records_by_id(conn, "entity", entity_ids)
        title = "Timeline of " + (" / ".join(e.name for e in names) or topic)
        marks = ",".join("?" * len(entity_ids))
        where.append(
            "(r.rid IN (SELECT rid FROM links WHERE target = 'entity' AND target_id IN "
            f"({marks})) OR r.rid IN (SELECT rid FROM tags WHERE key = ?))"
        )
        params += [*entity_ids, key]
    if since is not None:
        where.append("r.end_key >= ?")
        params.append(since.low)
    if until is not None:
        where.append("r.sort_key <= ?")
        params.append(until.high)
    order = "DESC" if reverse else ""
    sql = f"{_SELECT} WHERE {' AND '.join(where)} ORDER BY r.sort_key {order}, r.rid {order}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    events = _records(conn, sql, params)
    if not events:
        raise NotFound(f"no events for {topic!r} in that period" if topic else "no events")
    return Timeline(title, events)


# ---------------------------------------------------------------- search

_WORD = re.compile(r"\w+", re.UNICODE)
SEARCH_KINDS = ("entity", "event", "faq", "briefing", "source")


def search(
    conn: sqlite3.Connection, query: str, kind: str | None = None, limit: int = 20
) -> list[SearchHit]:
    """Ranked full-text hits: every word must match; failing that, any word."""
    words = _WORD.findall(query)
    if not words:
        raise NotFound(f"nothing to search for in {query!r}")
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    hits: list[SearchHit] = []
    for joiner in (" AND ", " OR "):
        hits = _search(conn, joiner.join(quoted) + "*", kind, limit)
        if hits or len(words) == 1:
            break
    if not hits:
        raise NotFound(f"nothing matches {query!r}")
    return hits


def _search(conn: sqlite3.Connection, match: str, kind: str | None, limit: int) -> list[SearchHit]:
    sql = (
        "SELECT r.kind, r.id, r.data, f.path, r.line, "
        "highlight(fts, 0, char(57344), char(57345)), "
        "snippet(fts, 1, char(57344), char(57345), '…', 16) "
        "FROM fts JOIN records r ON r.rid = fts.rowid JOIN files f USING (fid) "
        "WHERE fts MATCH ?"
    )
    params: list[Any] = [match]
    if kind:
        sql += " AND r.kind = ?"
        params.append(kind)
    sql += " ORDER BY bm25(fts, 5.0, 1.0), r.rid LIMIT ?"
    params.append(limit)
    hits = []
    for rkind, rid, data, path, line, title, snippet in conn.execute(sql, params):
        record = record_from_data(rkind, json.loads(data), path, line)
        hits.append(SearchHit(rkind, rid, title, snippet or "", record))
    return hits
