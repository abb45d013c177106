"""`brief search`: ranked full-text search over the index, with highlighted snippets:
the query's syntax (phrases, prefixes, OR, -word) turned into FTS5 queries, exact terms
first, then bm25 over a bounded window of very common words."""

from __future__ import annotations

from briefcli.index.query import _SELECT, MATCH_ORDER, NotFound, _records, find_terms
from briefcli.index.sqlite import sqlite3
from briefcli.index.store import load_record
from briefcli.knowledge.model import (
    KINDS,
    Faq,
    FaqResult,
    SearchHit,
    SearchResult,
    record_from_data,
)
from briefcli.text import term_key, word_runs
from briefcli.typed import cast

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def _tokens(query: str) -> list[str]:
    """The query's terms, as `re.findall(r'-?"[^"]*"|\\S+', query)` finds them: a
    quoted phrase (blanks and all, a `-` before it kept), else a run of non-blanks."""
    out: list[str] = []
    at, end = 0, len(query)
    while at < end:
        if query[at].isspace():
            at += 1
            continue
        quote = at + 1 if query.startswith('-"', at) else at
        close = query.find('"', quote + 1) if query[quote] == '"' else -1
        if close >= 0:
            out.append(query[at:close + 1])
            at = close + 1
            continue
        stop = at
        while stop < end and not query[stop].isspace():
            stop += 1
        out.append(query[at:stop])
        at = stop
    return out


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def has_syntax(query: str) -> bool:
    """Whether a query uses the search syntax (quotes, `*`, `-word`, `OR`)."""
    return any(c in query for c in '"*') or " OR " in f" {query} " or any(
        t.startswith("-") for t in query.split()
    )


def fts_queries(query: str) -> list[str]:
    """The FTS5 expressions to try for a query, in order.

    The syntax: words must all match (the last one also as a prefix); `"a phrase"`
    matches those words in a row; `word*` is a prefix; `OR` between two terms takes
    either; `-word` or `-"a phrase"` leaves out what has it. A query without syntax that
    finds nothing with every word is tried with any word. A query that is not valid
    syntax (an odd number of quotes, only exclusions) is searched as plain words. Nothing
    the user types reaches FTS5 unquoted.
    """
    words = word_runs(query)
    if not words:
        return []
    plain = [" AND ".join(map(_quote, words)) + "*", " OR ".join(map(_quote, words)) + "*"]
    if query.count('"') % 2 or not has_syntax(query):
        return plain if len(words) > 1 else plain[:1]
    positive: list[str] = []
    negative: list[str] = []
    join_or = False
    for token in _tokens(query):
        if token == "OR" and positive:
            join_or = True
            continue
        excluded = token.startswith("-") and len(token) > 1
        body = token[1:] if excluded else token
        if body.startswith('"'):
            parts = word_runs(body)
            term = _quote(" ".join(parts)) if parts else ""
        else:
            parts = word_runs(body)
            term = " AND ".join(map(_quote, parts))
            if body.endswith("*") and parts:
                term += "*"
            if len(parts) > 1:
                term = f"({term})"
        if not term:
            continue
        if excluded:
            negative.append(term)
        elif join_or and positive:
            positive[-1] = f"{positive[-1]} OR {term}"
            join_or = False
        else:
            positive.append(term)
    if not positive:
        return plain[:1]
    expression = " AND ".join(f"({p})" for p in positive)
    for term in negative:
        expression += f" NOT {term}"
    return [expression]


def search(
    conn: sqlite3.Connection, query: str, kind: str | None = None, limit: int = 20
) -> SearchResult:
    """Ranked hits: records whose acronym, name or alias is the query first, then those
    with one that starts with it, then full-text relevance; `total` counts them all."""
    expressions = fts_queries(query)
    if not expressions:
        raise NotFound(f"nothing to search for in {query!r}")
    exact, prefix = ([], []) if has_syntax(query) else _term_hits(conn, query, kind, limit)
    for expression in (_settled(conn, e) for e in expressions):
        # Every row of fts is a record's (they are stored and forgotten together): without
        # a kind, the count needs no look-up of each match's record.
        matched = conn.execute(
            "SELECT count(*) FROM fts CROSS JOIN records r ON r.rid = fts.rowid "
            "WHERE fts MATCH ? AND r.kind = ?" if kind else
            "SELECT count(*) FROM fts WHERE fts MATCH ?",
            (expression, kind) if kind else (expression,),
        ).fetchone()[0]
        if matched or exact or prefix:
            break
    if not (matched or exact or prefix):
        raise NotFound(f"nothing matches {query!r}")
    first = list(dict.fromkeys([*exact, *prefix]))
    rows = _ranked(conn, expression, kind, limit + len(first), window=matched > RANK_ALL)
    # One marking query for both: the full-text hits and the term hits that match too.
    marks = _marks(conn, expression, list(dict.fromkeys([*first, *rows])))
    outside = [rid for rid in first if rid not in marks]  # term hits the text lacks
    ranked = list(dict.fromkeys([*first, *rows]))[:limit]
    hits = []
    by_rid = {
        rid: (rkind, load_record(data, packed, crc), path, line)
        for rid, rkind, data, packed, crc, path, line in _rows_by_rid(conn, ranked)
    }
    for rid in ranked:
        rkind, data, path, line = by_rid[rid]
        record = record_from_data(rkind, data, path, line)
        title, snippet = marks.get(rid) or (
            getattr(record, KINDS[rkind].title), record.summary or ""  # type: ignore[union-attr]
            if rkind == "entity" else ""
        )
        hits.append(SearchHit(rkind, record.id, title, snippet, record))
    return SearchResult(hits, matched + len(outside))


def _term_hits(
    conn: sqlite3.Connection, query: str, kind: str | None, limit: int
) -> tuple[list[int], list[int]]:
    """Entities whose acronym, name or alias is the query, and (shortest first) those with
    one that starts with it."""
    if kind not in (None, "entity"):
        return [], []
    key = term_key(query)
    if not key:
        return [], []
    exact = [
        rid for rid, _ in sorted(
            conn.execute("SELECT rid, field FROM terms WHERE key = ? AND field != 'id'", (key,)),
            key=lambda row: (MATCH_ORDER[row[1]], row[0]),
        )
    ]
    prefix = [
        row[0] for row in conn.execute(
            "SELECT rid FROM terms WHERE key > ? AND key < ? AND field != 'id' "
            "ORDER BY length(key), key, rid LIMIT ?",
            (key, key + "\U0010ffff", limit),
        )
    ]
    return list(dict.fromkeys(exact)), [r for r in dict.fromkeys(prefix) if r not in exact]


# A word in more matches than this is ranked over the first RANK_ALL of them (files by
# path, records as written): bm25 reads each match's length, 35 ms for 44,000 matches.
# The total still counts every match.
RANK_ALL = 3000


def _prefix_terms(expression: str) -> list[tuple[int, int, str]]:
    """(start, stop, word) of each prefix term `"word"*` of an expression made by
    `fts_queries` (quotes inside a term doubled), as `re.finditer(r'"((?:[^"]|"")+)"\\*',
    expression)` finds them there."""
    out: list[tuple[int, int, str]] = []
    at = expression.find('"')
    while at >= 0:
        close = at + 1
        while True:  # the closing quote: the first one not doubled
            close = expression.find('"', close)
            if close < 0 or not expression.startswith('""', close):
                break
            close += 2
        if close < 0:
            break
        if close > at + 1 and expression.startswith("*", close + 1):
            out.append((at, close + 2, expression[at + 1:close]))
        at = expression.find('"', close + 1)
    return out


def _settled(conn: sqlite3.Connection, expression: str) -> str:
    """`expression` with each prefix term (`"word"*`) that matches only its word written
    as the word: the same matches, ranks and marks, but FTS5 gathers the positions of
    every match of a prefix to mark one (25 ms for a common word, against 1 ms)."""
    if '"*' not in expression:
        return expression
    created = False

    def settle(term: str, word: str) -> str:
        nonlocal created
        if not (word.isascii() and word.isalnum()):
            return term  # the tokenizer's folding is left to the tokenizer
        if not created:
            conn.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms "
                "USING fts5vocab(main, fts, 'row')"
            )
            created = True
        key = word.lower()
        longer = conn.execute(
            "SELECT 1 FROM temp.fts_terms WHERE term > ? AND term < ? LIMIT 1",
            (key, key + "\U0010ffff"),
        ).fetchone()
        return term if longer else f'"{word}"'

    try:
        parts: list[str] = []
        done = 0
        for start, stop, word in _prefix_terms(expression):
            parts += [expression[done:start], settle(expression[start:stop], word)]
            done = stop
        return "".join(parts) + expression[done:]
    except sqlite3.OperationalError:  # no vocabulary table here: the prefix as it is
        return expression


def _ranked(
    conn: sqlite3.Connection, match: str, kind: str | None, limit: int, window: bool = False,
) -> list[int]:
    """The rids of the best `limit` full-text hits, best first, ranked by rowid alone;
    their titles and snippets are marked afterwards (`_marks`), for the hits kept only.
    (Asked in one query, SQLite computes both for every match before it sorts: for a
    word in 146,000 records, most of the cost of the search.) With `window`, only the
    first RANK_ALL matches are ranked."""
    sql = "SELECT fts.rowid FROM fts"
    params: list[Any] = [match]
    if kind:
        # The full-text index drives the loop (CROSS JOIN): left to the planner, it
        # walked every record of the kind and evaluated the query for each (7 to 33 s
        # at 300,000 records).
        sql += " CROSS JOIN records r ON r.rid = fts.rowid WHERE fts MATCH ? AND r.kind = ?"
        params.append(kind)
    else:
        sql += " WHERE fts MATCH ?"
    if window:
        scored = sql.replace("fts.rowid", "fts.rowid AS rowid, bm25(fts, 5.0, 1.0) AS score", 1)
        sql = (f"SELECT rowid FROM ({scored} ORDER BY fts.rowid LIMIT {RANK_ALL}) "
               "ORDER BY score, rowid LIMIT ?")
    else:
        sql += " ORDER BY bm25(fts, 5.0, 1.0), fts.rowid LIMIT ?"
    params.append(limit)
    return [row[0] for row in conn.execute(sql, params)]


def _marks(conn: sqlite3.Connection, match: str, rids: list[int]) -> dict[int, tuple[str, str]]:
    """rid -> (marked title, snippet) of those of `rids` that the expression matches."""
    if not rids:
        return {}
    return {
        rid: (title, snippet or "")
        for rid, title, snippet in conn.execute(
            "SELECT rowid, highlight(fts, 0, char(57344), char(57345)), "
            "snippet(fts, 1, char(57344), char(57345), '…', 16) "
            f"FROM fts WHERE fts MATCH ? AND rowid IN ({','.join('?' * len(rids))})",
            [match, *rids],
        )
    }


def _rows_by_rid(conn: sqlite3.Connection, rids: list[int]) -> list[tuple[Any, ...]]:
    if not rids:
        return []
    return conn.execute(
        "SELECT r.rid, r.kind, r.data, r.packed, r.crc, f.path, r.line FROM records r "
        "JOIN files f USING (fid) "
        f"WHERE r.rid IN ({','.join('?' * len(rids))})",
        rids,
    ).fetchall()


# What `brief list` shows of each kind: (kind, columns after the id, order).
# What `brief list` shows of each section, from KINDS: its kind, columns and sort column.


def find_faqs(conn: sqlite3.Connection, query: str | None) -> FaqResult:
    """Every FAQ as written, or those a query finds: the FAQs that name an entity the
    query defines, then those whose text matches it."""
    if query is None:
        faqs = _records(conn, f"{_SELECT} WHERE r.kind = 'faq' ORDER BY r.rid")
        if not faqs:
            raise NotFound("the knowledge holds no FAQ")
        return FaqResult(None, faqs)
    found: dict[str, Faq] = {}
    try:
        definitions = find_terms(conn, query)
    except NotFound:
        definitions = []
    for d in definitions:
        for faq in _records(
            conn,
            f"{_SELECT} WHERE r.rid IN (SELECT rid FROM links WHERE target = 'entity' AND "
            "target_id = ?) AND +r.kind = 'faq' ORDER BY r.rid", (d.entity.id,),
        ):
            found.setdefault(faq.id, faq)
    try:
        hits = search(conn, query, "faq", MAX_FAQS).hits
    except NotFound:
        hits = []
    for hit in hits:
        found.setdefault(hit.id, cast(Faq, hit.record))
    if not found:
        raise NotFound(f"no FAQ answers {query!r}", search=query)
    return FaqResult(query, list(found.values()))


MAX_FAQS = 1000  # FAQs a text query returns at most
