"""Search ranks by rowid first and marks only what it shows: the same hits, in the same
order, with the same marks and the same total as ranking and marking every match."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from briefcli.index.cache import open_index
from briefcli.index.query import NotFound
from briefcli.index.search import _marks, _ranked, fts_queries, search
from conftest import write

WORDS = ["visits", "talks", "border", "police", "mission", "visitor", "council", "tension"]


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    """Some 400 records where `visits` is in many titles and bodies, as often as not
    several times, so that ranks differ and tie."""
    rng = random.Random(11)
    folder = tmp_path_factory.mktemp("kb")
    people = []
    for i in range(160):
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 12)))
        people.append(f"  - id: p{i}\n    name: Person {rng.choice(WORDS)} {i}\n"
                      f"    summary: {words}\n")
    events = []
    for i in range(240):
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 30)))
        events.append(f"  - id: ev{i}\n    date: 2020-01-{i % 28 + 1:02d}\n"
                      f"    title: {title} {i}\n" + (f"    summary: {body}\n" if body else ""))
    write(Path(folder) / "kb.yaml", "entities:\n" + "".join(people) + "events:\n"
          + "".join(events))
    return open_index([Path(folder)], None)


def every_match_ranked(conn: sqlite3.Connection, match: str, kind: str | None,
                       limit: int) -> list[tuple[int, tuple[str, str]]]:
    """The rows as one query ranks and marks them all (what `ranked_and_marked` must
    equal)."""
    sql = ("SELECT fts.rowid, highlight(fts, 0, char(57344), char(57345)), "
           "snippet(fts, 1, char(57344), char(57345), '…', 16) "
           "FROM fts JOIN records r ON r.rid = fts.rowid WHERE fts MATCH ?")
    params: list[object] = [match]
    if kind:
        sql += " AND r.kind = ?"
        params.append(kind)
    sql += " ORDER BY bm25(fts, 5.0, 1.0), fts.rowid LIMIT ?"
    params.append(limit)
    return [(rid, (title, snippet or "")) for rid, title, snippet in conn.execute(sql, params)]


def ranked_and_marked(conn: sqlite3.Connection, match: str, kind: str | None, limit: int,
                      window: bool = False) -> list[tuple[int, tuple[str, str]]]:
    """The search's two steps: rank the hits, then mark the ones kept."""
    rids = _ranked(conn, match, kind, limit, window=window)
    marks = _marks(conn, match, rids)
    return [(rid, marks[rid]) for rid in rids]


@pytest.mark.parametrize("query", ["visits", "visit", "talks border", "police OR mission",
                                   '"border police"', "visits -talks", "council"])
@pytest.mark.parametrize("kind", [None, "event", "entity"])
@pytest.mark.parametrize("limit", [1, 20, 1000])
def test_ranked_rows_equal_ranking_every_match(conn, query, kind, limit):
    for match in fts_queries(query):
        assert ranked_and_marked(conn, match, kind, limit) == every_match_ranked(
            conn, match, kind, limit)


@pytest.mark.parametrize("query", ["visits", "visit", "talks border", "tension"])
@pytest.mark.parametrize("kind", [None, "event", "entity"])
def test_total_counts_every_match(conn, query, kind):
    match = fts_queries(query)[0]
    sql = "SELECT count(*) FROM fts JOIN records r ON r.rid = fts.rowid WHERE fts MATCH ?"
    expected = conn.execute(sql + (" AND r.kind = ?" if kind else ""),
                            (match, kind) if kind else (match,)).fetchone()[0]
    try:
        result = search(conn, query, kind)
    except NotFound:
        assert expected == 0
        return
    # No name here is or starts with a query (names start with "Person"): no term hits
    # are added to the full-text matches.
    assert result.total == expected
    assert len(result.hits) == min(expected, 20)


@pytest.mark.parametrize("query", ["visits", "visit", "talks border", "visits -talks",
                                   "police OR mission*", "Council"])
def test_a_prefix_that_matches_only_its_word_is_searched_as_the_word(conn, query):
    """`"visits"*` is written `"visits"` when no longer word starts with it: the same
    hits, ranks and marks (marking with a prefix gathers every match's positions)."""
    from briefcli.index.search import _settled

    for match in fts_queries(query):
        settled = _settled(conn, match)
        assert every_match_ranked(conn, settled, None, 1000) == every_match_ranked(
            conn, match, None, 1000)
        if query in ("visits", "Council"):
            assert "*" not in settled
        if query == "visit":  # "visits" and "visitor" start with it
            assert settled == match


@pytest.mark.parametrize("kind", [None, "event"])
def test_a_word_in_very_many_matches_is_ranked_over_a_window(conn, monkeypatch, kind):
    """Past RANK_ALL matches, the hits are the best ranked of the first RANK_ALL
    matches (by rowid), and the total still counts every match."""
    import briefcli.index.search as query

    monkeypatch.setattr(query, "RANK_ALL", 40)
    match = fts_queries("visits")[0]
    every = every_match_ranked(conn, match, kind, 100_000)
    assert len(every) > 40
    window = set(sorted(rid for rid, _ in every)[:40])
    expected = [row for row in every if row[0] in window][:20]
    assert ranked_and_marked(conn, match, kind, 20, window=True) == expected
    result = search(conn, "visits", kind)
    assert result.total == len(every)
    assert [h.title for h in result.hits] == [marks[0] for _, marks in expected]
