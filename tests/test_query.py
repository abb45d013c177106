"""The queries as a library: an index in, model objects out, nothing printed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from briefcli.index.cache import open_index
from briefcli.index.query import (
    NotFound,
    all_records,
    find_briefings,
    find_terms,
    records_by_id,
    timeline,
)
from briefcli.index.search import fts_queries, search
from briefcli.knowledge.dates import PartialDate
from briefcli.knowledge.model import Briefing, Entity, Event, SearchHit
from briefcli.knowledge.sources import bundled_data
from conftest import FIXTURES


@pytest.fixture(scope="module")
def good() -> sqlite3.Connection:
    return open_index([FIXTURES / "good"], None)


@pytest.fixture(scope="module")
def bundled() -> sqlite3.Connection:
    return open_index([bundled_data()], None)


def test_find_terms_returns_definitions_best_match_first(good: sqlite3.Connection) -> None:
    defs = find_terms(good, "no")
    assert [(d.entity.id, d.matched_on) for d in defs] == [
        ("no-norway", "acronym"),
        ("no-number", "acronym"),
    ]
    assert all(isinstance(d.entity, Entity) and d.term == "no" for d in defs)


def test_find_terms_resolves_relations(bundled: sqlite3.Connection) -> None:
    (kfor,) = find_terms(bundled, "KFOR")
    assert kfor.entity.name == "Kosovo Force"
    assert [e.id for e in kfor.related][:4] == ["nato", "north-atlantic-council", "kosovo", "eulex"]
    assert [s.id for s in kfor.sources] == ["nato-kfor"]
    assert all(isinstance(e, Event) for e in kfor.events)


def test_find_terms_miss_carries_suggestions(bundled: sqlite3.Connection) -> None:
    with pytest.raises(NotFound) as info:
        find_terms(bundled, "KFRO")
    assert info.value.message == "no entry for 'KFRO'"
    assert "KFOR" in info.value.suggestions


def test_find_briefings_by_day_id_and_period(good: sqlite3.Connection) -> None:
    day = find_briefings(good, "2011-03-31")
    assert [p.briefing.title for p in day.pages] == ["End of March"]
    page = day.pages[0]
    assert [e.id for e in page.events] == ["mar-2011", "mar-31-2011"]  # by date
    assert [e.id for e in page.entities] == ["nato", "zvecan"]
    year = find_briefings(good, "2011")
    assert year.pages == [] and year.period == "2011"
    assert [b.id for b in year.listing] == ["2011-03-31", "2011-05-02"]
    assert isinstance(year.listing[0], Briefing)
    latest = find_briefings(good, None)
    assert latest.pages[0].briefing.id == "2011-05-02"


def test_find_briefings_miss_names_nearest_dates(good: sqlite3.Connection) -> None:
    with pytest.raises(NotFound) as info:
        find_briefings(good, "2011-04")
    assert info.value.suggestions == ["2011-03-31", "2011-05-02"]


def test_timeline_of_a_topic_and_period(good: sqlite3.Connection) -> None:
    result = timeline(good, "nato")
    assert result.title == "Timeline of North Atlantic Treaty Organization"
    assert [e.id for e in result.events] == ["y1949", "founding", "mar-2011"]
    march = timeline(good, None, PartialDate.parse("2011-03"), PartialDate.parse("2011-03"))
    assert [e.id for e in march.events] == ["mar-2011", "mar-31-2011"]
    newest = timeline(good, "crisis", limit=1, reverse=True)
    assert [e.id for e in newest.events] == ["mar-31-2011"]


def test_search_returns_hits_with_records(bundled: sqlite3.Connection) -> None:
    result = search(bundled, "peacekeeping", kind="entity")
    hits = result.hits
    assert hits and all(isinstance(h, SearchHit) and h.kind == "entity" for h in hits)
    assert hits[0].record.id == hits[0].id
    assert result.total == len(hits)


def test_search_ranks_exact_terms_first_then_prefixes(bundled: sqlite3.Connection) -> None:
    result = search(bundled, "kfor")
    assert [h.id for h in result.hits[:1]] == ["kfor"]  # the acronym itself, not a source
    assert result.total > 1
    assert [h.id for h in search(bundled, "kfor", limit=2).hits] == [h.id for h in
                                                                    result.hits[:2]]
    prefix = search(bundled, "EU", kind="entity").hits
    assert prefix[0].id == "eu"
    assert {"eulex", "eu-dialogue"} <= {h.id for h in prefix[1:4]}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kosovo force", ['"kosovo" AND "force"*', '"kosovo" OR "force"*']),
        ("kfor", ['"kfor"*']),
        ('"kosovo force"', ['("kosovo force")']),
        ("kosovo -serbia", ['("kosovo") NOT "serbia"']),
        ("kfor OR eulex", ['("kfor" OR "eulex")']),
        ("peace*", ['("peace"*)']),
        ('"unbalanced quote', ['"unbalanced" AND "quote"*', '"unbalanced" OR "quote"*']),
        ("-only", ['"only"*']),
    ],
)
def test_search_syntax(query: str, expected: list[str]) -> None:
    assert fts_queries(query) == expected


def test_search_syntax_finds_what_it_says(bundled: sqlite3.Connection) -> None:
    phrase = {h.id for h in search(bundled, '"Kosovo Police"').hits}
    assert "kosovo-police" in phrase
    without = {h.id for h in search(bundled, "kosovo -police", kind="entity").hits}
    assert "kosovo-police" not in without and "eulex" in without
    either = {h.id for h in search(bundled, "banjska OR vucic", kind="entity").hits}
    assert {"banjska-monastery", "vucic"} <= either
    with pytest.raises(NotFound):
        search(bundled, "!!!")


def test_records_by_id_keeps_order_and_skips_unknown(good: sqlite3.Connection) -> None:
    found = records_by_id(good, "entity", ["zvecan", "nope", "nato", "zvecan"])
    assert [e.id for e in found] == ["zvecan", "nato"]


def test_all_records_in_file_order(good: sqlite3.Connection, tmp_path: Path) -> None:
    rows = all_records(good)
    assert {r.kind for r in rows} == {"entity", "event", "briefing", "source"}
    events = [r.id for r in rows if r.kind == "event"]
    assert events == ["founding", "y1949", "mar-2011", "mar-31-2011", "apr-2011"]
