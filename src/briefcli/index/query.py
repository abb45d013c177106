"""Questions asked of an index: define, show, timeline, search.

Each function takes a connection from `index.open_index` and returns model objects;
a miss raises `NotFound` carrying what to suggest instead. Nothing here prints.
"""

from __future__ import annotations

from itertools import chain

from briefcli.index.sqlite import sqlite3
from briefcli.index.store import batches, load_record
from briefcli.knowledge.dates import DateError, PartialDate
from briefcli.knowledge.model import (
    KINDS,
    PROFILES,
    Briefing,
    BriefingPage,
    Definition,
    Entity,
    Event,
    Faq,
    Listing,
    ShowResult,
    Source,
    Timeline,
    record_from_data,
)
from briefcli.problems import BriefError
from briefcli.text import fold, term_key
from briefcli.typed import cast

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

MATCH_ORDER = {"acronym": 0, "name": 1, "alias": 2, "id": 3}
DEFINE_EVENTS = 5  # events shown with a definition: the latest ones
DEFINE_REFERRERS = 20  # entities that name this one in `related`, shown apart from its own
DEFINE_MENTIONS = 10  # FAQs, and briefings, that name it: at most this many of each


class NotFound(BriefError):
    """Nothing matched; `suggestions` are close terms, ids or dates to try."""

    def __init__(
        self, message: str, suggestions: list[str] | None = None, label: str = "did you mean",
        search: str | None = None,
    ) -> None:
        super().__init__(message)
        self.suggestions = suggestions or []
        self.label = label
        self.search = search  # words worth a full-text search instead, if any


def _records(conn: sqlite3.Connection, sql: str, params: Iterable[Any] = ()) -> list[Any]:
    """Records from rows of (kind, packed fields, their checksum, path, line)."""
    return [
        record_from_data(kind, load_record(data, packed, crc), path, line)
        for kind, data, packed, crc, path, line in conn.execute(sql, tuple(params))
    ]


_SELECT = (
    "SELECT r.kind, r.data, r.packed, r.crc, f.path, r.line FROM records r JOIN files f USING (fid)"
)


def records_by_id(conn: sqlite3.Connection, kind: str, ids: Iterable[str]) -> list[Any]:
    """Records of one kind by id, in the order the ids are given, unknown ids skipped."""
    wanted = list(dict.fromkeys(ids))
    found = _by_id(conn, kind, wanted)
    return [found[i] for i in wanted if i in found]


def _by_id(conn: sqlite3.Connection, kind: str, wanted: list[str]) -> dict[str, Any]:
    """id -> the first record of one kind with that id, for the ids found."""
    found: dict[str, Any] = {}
    for chunk, marks in batches(wanted):
        for record in _records(
            conn, f"{_SELECT} WHERE r.kind = ? AND r.id IN ({marks}) ORDER BY r.rid",
            [kind, *chunk],
        ):
            found.setdefault(record.id, record)
    return found


def all_records(conn: sqlite3.Connection) -> list[Any]:
    """Every record as read (schema.RecordRow), in file order, for exporting."""
    from briefcli.knowledge.checker import RecordRow

    return [
        RecordRow(kind, rid, line, col, load_record(data, packed, crc), sort_key, end_key)
        for kind, rid, line, col, data, packed, crc, sort_key, end_key in conn.execute(
            "SELECT r.kind, r.id, r.line, r.col, r.data, r.packed, r.crc, r.sort_key, r.end_key "
            "FROM records r JOIN files f USING (fid) ORDER BY f.path, r.rid"
        )
    ]


# ---------------------------------------------------------------- define

# A term's rows: by its key, or (an acronym, a one-word term) its key without spaces.
TERM_MATCH = "(t.key IN (?, ?) OR t.squash = ?)"


def term_params(term: str) -> tuple[str, str, str]:
    """The values of TERM_MATCH for a term as typed."""
    key = term_key(term)
    squashed = key.replace(" ", "")
    return key, squashed, squashed



def find_terms(conn: sqlite3.Connection, term: str) -> list[Definition]:
    """Every entity whose id, acronym, name or alias matches the term, in sense order.

    The order: by what matched (acronym, name, alias, id); then the senses written in
    more files first (the same acronym and name in several files is one sense, shown
    once, its copies listed; a sense written twice in one file counts that file once);
    then the senses more of the knowledge links to; then in file order. Hyphens and
    punctuation match like spaces ("EU facilitated dialogue"), and an acronym or a
    one-word term also without them ("Wi-Fi", "WIFI" and "Wi Fi" are one term).
    """
    rows = conn.execute(
        f"SELECT t.rid, t.field FROM terms t WHERE {TERM_MATCH}", term_params(term)
    ).fetchall()
    if not rows:
        raise NotFound(f"no entry for {term!r}", suggest_terms(conn, term), search=term)
    best: dict[int, str] = {}
    for rid, fname in rows:
        if rid not in best or MATCH_ORDER[fname] < MATCH_ORDER[best[rid]]:
            best[rid] = fname
    senses: dict[tuple[int, str, str], list[tuple[int, Entity]]] = {}
    for chunk, marks in batches(best):
        for rid, kind, data, packed, crc, path, line in conn.execute(
            "SELECT r.rid, r.kind, r.data, r.packed, r.crc, f.path, r.line "
            f"FROM records r JOIN files f USING (fid) WHERE r.rid IN ({marks}) ORDER BY r.rid",
            chunk,
        ):
            fields = load_record(data, packed, crc)
            entity = cast(Entity, record_from_data(kind, fields, path, line))
            key = (MATCH_ORDER[best[rid]], term_key(entity.acronym or ""), term_key(entity.name))
            senses.setdefault(key, []).append((rid, entity))

    # File order is where a record is written, not its row id: a file read again after
    # an edit gets new row ids, and the answer must not depend on the index's history.
    for copies in senses.values():
        copies.sort(key=lambda item: (item[1].path, item[1].line))
    # How much links to each sense orders the senses; one sense needs no order.
    links = (_links_to_each(conn, [e.id for copies in senses.values() for _, e in copies])
             if len(senses) > 1 else {})

    def weight(item: tuple[tuple[int, str, str], list[tuple[int, Entity]]]) -> tuple[Any, ...]:
        (order, _, _), copies = item
        linked = sum(links.get(entity.id, 0) for _, entity in copies)
        first = copies[0][1]
        files = len({entity.path for _, entity in copies})
        return (order, -files, -linked, first.path, first.line)

    out = []
    for n, ((order, _, _), copies) in enumerate(sorted(senses.items(), key=weight)):
        (_, first), *others = copies
        matched_on = next(k for k, v in MATCH_ORDER.items() if v == order)
        if n < PROFILES:
            out.append(_define(conn, term, first, matched_on, [e for _, e in others]))
        else:  # named, one line each: what a profile would cost is not spent
            out.append(Definition(term, first, [], [], [], matched_on,
                                  copies=[e for _, e in others]))
    return out


def define_terms(
    conn: sqlite3.Connection, terms: list[str], *, files: bool = False
) -> tuple[list[Definition], list[NotFound]]:
    """The senses of several terms, an entity asked for twice shown once; the misses.
    With `files`, each says where it is written (`Definition.file`)."""
    found: list[Definition] = []
    misses: list[NotFound] = []
    seen: set[tuple[str, int]] = set()
    for term in terms:
        try:
            for definition in find_terms(conn, term):
                where = (definition.entity.path, definition.entity.line)
                if where not in seen:
                    seen.add(where)
                    if files:
                        definition = definition._replace(file=f"{where[0]}:{where[1]}")
                    found.append(definition)
        except NotFound as exc:
            misses.append(exc)
    return found, misses


def _links_to_each(conn: sqlite3.Connection, ids: list[str]) -> dict[str, int]:
    """How many links point to each of these entities (one query per 500 ids)."""
    counts: dict[str, int] = {}
    for chunk, marks in batches(dict.fromkeys(ids)):
        counts.update(conn.execute(
            "SELECT target_id, count(*) FROM links WHERE target = 'entity' AND target_id IN "
            f"({marks}) GROUP BY target_id", chunk,
        ))
    return counts


def _define(
    conn: sqlite3.Connection, term: str, entity: Entity, matched_on: str,
    copies: list[Entity] | None = None,
) -> Definition:
    referrers = [
        row[0]
        for row in conn.execute(
            "SELECT r.id FROM links l JOIN records r USING (rid) WHERE l.target = 'entity' "
            "AND l.target_id = ? AND r.kind = 'entity' AND l.field = 'related' ORDER BY r.rid",
            (entity.id,),
        )
    ]
    shown = referrers[:DEFINE_REFERRERS]
    # What it links to and what links to it, in one query: entities both.
    entities = _by_id(conn, "entity", list(dict.fromkeys([*entity.related, *shown])))
    related = [entities[i] for i in dict.fromkeys(entity.related) if i in entities]
    referring = [entities[i] for i in dict.fromkeys(shown) if i in entities]
    events = _records(
        conn,
        f"{_SELECT} WHERE r.rid IN (SELECT rid FROM links WHERE target = 'entity' AND "
        "target_id = ?) AND +r.kind = 'event' ORDER BY r.sort_key DESC, r.rid DESC LIMIT ?",
        (entity.id, DEFINE_EVENTS),
    )
    events.reverse()
    counts = dict(conn.execute(  # the events, FAQs and briefings that name it
        "SELECT r.kind, count(DISTINCT l.rid) FROM links l JOIN records r USING (rid) "
        "WHERE l.target = 'entity' AND l.target_id = ? "
        "AND r.kind IN ('event', 'faq', 'briefing') GROUP BY r.kind", (entity.id,)
    ))
    all_events = counts.get("event", 0)
    sources = records_by_id(conn, "source", entity.sources)
    mentions = {
        kind: (
            _records(
                conn,
                f"{_SELECT} WHERE r.rid IN (SELECT rid FROM links WHERE target = 'entity' AND "
                f"target_id = ?) AND +r.kind = ? ORDER BY {order} LIMIT ?",
                (entity.id, kind, DEFINE_MENTIONS),
            ),
            counts.get(kind, 0),
        )
        for kind, order in (("faq", "r.rid"), ("briefing", "r.sort_key DESC, r.rid DESC"))
    }
    (faqs, faq_count), (briefings, briefing_count) = mentions["faq"], mentions["briefing"]
    return assemble_definition(
        term, entity, matched_on, related=related, referrers=referring,
        referrer_count=len(referrers), events=events, event_count=all_events,
        sources=sources, faqs=cast(list[Faq], faqs), faq_count=faq_count,
        briefings=cast(list[Briefing], briefings), briefing_count=briefing_count,
        copies=copies or [],
    )


def assemble_definition(
    term: str, entity: Entity, matched_on: str, *,
    related: list[Entity], referrers: list[Entity], referrer_count: int,
    events: list[Event], event_count: int, sources: list[Source],
    faqs: list[Faq], faq_count: int, briefings: list[Briefing], briefing_count: int,
    copies: list[Entity],
    limits: tuple[int, int, int] = (DEFINE_EVENTS, DEFINE_REFERRERS, DEFINE_MENTIONS),
) -> Definition:
    """A definition as `define` and the site show it, from what the knowledge holds
    about the entity: `events` oldest first (at least the latest ones), `referrers`,
    `faqs` and `briefings` in the order shown (the latest briefing first), each with the
    count of all there are. `limits` are how many events, referrers and mentions (of
    each kind) are shown; what is left out is counted, and said."""
    most_events, most_referrers, most_mentions = limits
    shown_events = events[-most_events:] if most_events else []
    faqs, briefings = faqs[:most_mentions], briefings[:most_mentions]
    return Definition(
        term, entity, related, shown_events, sources, matched_on,
        more_events=event_count - len(shown_events),
        more_referrers=referrer_count - len(referrers[:most_referrers]),
        copies=copies,
        referrers=referrers[:most_referrers],
        faqs=faqs,
        briefings=briefings,
        more_mentions=faq_count + briefing_count - len(faqs) - len(briefings),
    )


def suggest_terms(
    conn: sqlite3.Connection, term: str, limit: int = 5, *, tags: bool = False
) -> list[str]:
    """Known terms closest to the one given: acronyms, names and aliases (ids only when
    the term looks like one), and tags with `tags`; by `briefcli.index.suggest`'s rules.

    Only terms of a length that can be close are read from the index (a length window
    around the term), so a miss stays quick on a million terms.
    """
    from briefcli.index.suggest import length_window, suggest

    low, high = length_window(term_key(term))
    if low > high:
        return []
    rows: Iterable[tuple[str, str, Any, str]] = conn.execute(
        "SELECT key, text, rid, field FROM terms WHERE length(key) BETWEEN ? AND ?",
        (low, high),
    )
    if tags:
        tag_rows = (
            (term_key(key), key, f"tag:{key}", "tag")
            for (key,) in conn.execute("SELECT DISTINCT key FROM tags")
        )
        rows = chain(rows, tag_rows)  # read as they come: memory stays flat
    return suggest(term, rows, limit)


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
    try:
        date: PartialDate | None = PartialDate.parse(what)
    except DateError:
        date = None
    # A month or a year lists its briefings, also when one briefing is dated (and so
    # has the id) `2023-11`: it is in the list.
    by_id = [] if date and date.precision != "day" else records_by_id(conn, "briefing", [what])
    if by_id:
        return ShowResult([page(conn, by_id[0])], [])
    if date is None:
        from briefcli.index.suggest import suggest

        ids = [
            (term_key(rid), rid, rid, "id")
            for (rid,) in conn.execute("SELECT id FROM records WHERE kind = 'briefing'")
        ]
        raise NotFound(f"no briefing with id {what!r}", suggest(what, ids, 5, ids=True))
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
        # The topic's entities as a subquery, not a list of ids: an alias shared by
        # 260,000 entities must not become 260,000 SQL variables.
        entities_sql = (
            f"SELECT DISTINCT r.id FROM terms t JOIN records r USING (rid) WHERE {TERM_MATCH}"
        )
        names = [
            row[0] for row in conn.execute(
                "SELECT json_extract(r.data, '$.name') FROM records r WHERE r.kind = 'entity' "
                f"AND r.id IN ({entities_sql}) ORDER BY r.rid LIMIT 4", term_params(topic),
            )
        ]
        has_tag = conn.execute("SELECT 1 FROM tags WHERE key = ? LIMIT 1", (key,)).fetchone()
        if not names and not has_tag:
            raise NotFound(
                f"no entity or tag {topic!r}", suggest_terms(conn, topic, tags=True),
                search=topic,
            )
        shown = " / ".join(names[:3]) + (" / …" if len(names) > 3 else "")
        title = "Timeline of " + (shown or topic)
        where.append(
            "(r.rid IN (SELECT rid FROM links WHERE target = 'entity' AND target_id IN "
            f"({entities_sql})) OR r.rid IN (SELECT rid FROM tags WHERE key = ?))"
        )
        params += [*term_params(topic), key]
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
        period = " in that period" if since is not None or until is not None else ""
        raise NotFound(f"no events for {topic!r}{period}" if topic else "no events")
    senses = _senses(conn, events, topic) if topic and len(names) > 1 else {}
    cited = list(dict.fromkeys(sid for e in events for sid in e.sources))
    sources = {s.id: s for s in records_by_id(conn, "source", cited)} if cited else {}
    return Timeline(title, events, senses, sources)


def _senses(conn: sqlite3.Connection, events: list[Event], topic: str) -> dict[str, str]:
    """For a topic of several senses (an acronym shared by several entities): event id
    -> the name of the sense (or senses) it belongs to."""
    out: dict[str, list[str]] = {}
    for chunk, marks in batches(e.id for e in events):
        for event_id, name in conn.execute(
            "SELECT ev.id, json_extract(en.data, '$.name') FROM records ev "
            "JOIN links l ON l.rid = ev.rid AND l.target = 'entity' "
            "JOIN records en ON en.kind = 'entity' AND en.id = l.target_id "
            f"JOIN terms t ON t.rid = en.rid AND {TERM_MATCH} "
            f"WHERE ev.kind = 'event' AND ev.id IN ({marks}) "
            "ORDER BY l.rowid",
            [*term_params(topic), *chunk],
        ):
            names = out.setdefault(event_id, [])
            if name not in names:
                names.append(name)
    return {event_id: " / ".join(names) for event_id, names in out.items()}


# ---------------------------------------------------------------- search


_LISTED = {k.section: (k.name, k.listing, k.listed_by) for k in KINDS.values() if k.listing}


def list_records(
    conn: sqlite3.Connection, what: str, kind: str | None = None, tag: str | None = None
) -> Listing:
    """The records of a section (or the tags) as rows, the id first: entities and
    sources by name, events oldest first, briefings newest first, FAQs as written.
    `kind` keeps entities of that kind; `tag` keeps entities and events with that tag."""
    if what == "tags":
        counts: dict[str, int] = {}
        shown: dict[str, str] = {}
        for data, packed, crc in conn.execute(
            "SELECT data, packed, crc FROM records WHERE kind IN ('entity', 'event') "
            "AND rid IN (SELECT rid FROM tags)"
        ):
            for name in dict.fromkeys(load_record(data, packed, crc).get("tags", ())):
                key = fold(name)
                counts[key] = counts.get(key, 0) + 1
                shown.setdefault(key, name)
        rows: list[tuple[str, ...]] = [(shown[k], str(counts[k])) for k in sorted(counts)]
        if not rows:
            raise NotFound("the knowledge holds no tags")
        return Listing(what, ("tag", "records"), rows)
    record_kind, fields, order = _LISTED[what]
    sql = "SELECT r.data, r.packed, r.crc FROM records r WHERE r.kind = ?"
    params: list[Any] = [record_kind]
    if tag is not None:
        sql += " AND r.rid IN (SELECT rid FROM tags WHERE key = ?)"
        params.append(fold(tag))
    spec = KINDS[record_kind]
    sql += " ORDER BY " + (
        "r.sort_key DESC, r.rid DESC" if spec.newest_first
        else "r.sort_key, r.end_key, r.rid" if spec.dated else "r.rid"
    )
    wanted = fold(kind) if kind is not None else None
    out = []
    for data, packed, crc in conn.execute(sql, params):
        record = load_record(data, packed, crc)
        if wanted is not None and fold(record.get("kind") or "") != wanted:
            continue
        out.append((record["id"], *(str(record.get(f) or "") for f in fields)))
    if not out:
        _no_rows(conn, what, kind, tag)
    if order:
        at = 1 + fields.index(order)
        out.sort(key=lambda row: (fold(row[at]), row[0]))
    return Listing(what, ("id", *fields), out)


def _no_rows(conn: sqlite3.Connection, what: str, kind: str | None, tag: str | None) -> None:
    """A listing found nothing: say which filter left nothing, and what is close."""
    if tag is not None:
        from briefcli.index.suggest import suggest

        try:
            tags = [row[0] for row in list_records(conn, "tags").rows]
        except NotFound:
            tags = []
        close = suggest(tag, [(term_key(t), t, t, "tag") for t in tags], ids=False)
        raise NotFound(f"no {what} with the tag {tag!r}", close)
    if kind is not None:
        kinds = sorted({
            str(k) for (k,) in conn.execute(
                "SELECT DISTINCT json_extract(data, '$.kind') FROM records WHERE kind = 'entity'"
            ) if k
        })
        raise NotFound(f"no entities of the kind {kind!r}", kinds, label="kinds")
    raise NotFound(f"the knowledge holds no {what}")
