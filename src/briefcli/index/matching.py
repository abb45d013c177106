"""`define --match`: the headwords that match a term by a strategy other than exact,
as `dict -m -s` lists them. prefix reads a range of keys (what completion reads), fuzzy
asks the did-you-mean rules (`index.suggest`), substring a scan of the keys in SQLite,
and regex the pattern over every headword in Python, against a clock.

A headword is an entity's acronym, name or alias as written (ids are not headwords),
listed once per key, by key; fuzzy lists the closest first.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from typing import Any

from briefcli.index.query import NotFound, suggest_terms, term_params
from briefcli.knowledge.model import Headwords
from briefcli.problems import BriefError, ExitCode
from briefcli.text import term_key

REGEX_SECONDS = 2.0  # a regex that has not gone through every headword by then is refused
_CHECK_EVERY = 256  # headwords between two looks at the clock

# Headwords of entities: the terms table, its ids left out. CROSS JOIN: the terms first.
_HEADWORDS = (
    "SELECT t.key, t.text FROM terms t CROSS JOIN records r ON r.rid = t.rid "
    "WHERE r.kind = 'entity' AND t.field != 'id'"
)


def match_terms(
    conn: sqlite3.Connection, terms: list[str], strategy: str, limit: int,
    patterns: list[Any] | None = None, seconds: float = REGEX_SECONDS,
) -> Headwords:
    """The headwords matching any of `terms` by `strategy`, at most `limit` (`patterns`:
    the terms compiled by `grammar.pattern`, for regex). NotFound when none matches,
    with the terms closest to the first term."""
    keys: dict[str, str] = {}  # key -> the headword shown for it
    for n, term in enumerate(terms):
        pattern = patterns[n] if patterns else None
        if strategy == "fuzzy":
            found = _fuzzy(conn, term, limit + 1)
        elif strategy == "regex":
            found = _regex(conn, term, pattern, seconds)
        else:
            found = _scan(conn, term, strategy)
        for key, text in found:
            keys.setdefault(key, text)
    ordered = list(keys) if strategy == "fuzzy" else sorted(keys)
    if not ordered:
        label = {"prefix": "starts with", "substring": "holds", "regex": "matches",
                 "fuzzy": "is close to"}[strategy]
        shown = " or ".join(repr(t) for t in terms)
        raise NotFound(f"no headword {label} {shown}", suggest_terms(conn, terms[0]),
                       search=" ".join(terms))
    words = [keys[k] for k in ordered[:limit]]
    return Headwords(strategy, list(terms), words, max(len(ordered) - limit, 0))


def more_note(found: Headwords) -> str:
    """The line that says how many headwords the bound left out."""
    return (f"brief: {found.more} more headword(s) match; --limit N lists up to N "
            f"(now {len(found.words)})")


def _first_texts(rows: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """(key, headword) once per key, the headword first in (key, text) order."""
    best: dict[str, str] = {}
    for key, text in rows:
        if key not in best or text < best[key]:
            best[key] = text
    return list(best.items())


def _scan(conn: sqlite3.Connection, term: str, strategy: str) -> list[tuple[str, str]]:
    """prefix: keys (or squashed keys) that start with the term's; substring: that hold it."""
    key, squashed, _ = term_params(term)
    if not key:
        return []
    if strategy == "prefix":
        rows = conn.execute(
            f"{_HEADWORDS} AND ((t.key >= ?1 AND t.key < ?1 || char(1114111)) "
            "OR (t.squash >= ?2 AND t.squash < ?2 || char(1114111)))", (key, squashed),
        )
    else:
        rows = conn.execute(
            f"{_HEADWORDS} AND (instr(t.key, ?1) OR instr(t.squash, ?2))", (key, squashed)
        )
    return _first_texts(rows)


def _fuzzy(conn: sqlite3.Connection, term: str, limit: int) -> list[tuple[str, str]]:
    """The term's own headwords (no edit), then those the did-you-mean rules offer."""
    key, squashed, _ = term_params(term)
    own = _first_texts(conn.execute(
        f"{_HEADWORDS} AND (t.key IN (?1, ?2) OR t.squash = ?2)", (key, squashed)
    ))
    close = [(term_key(text), text) for text in suggest_terms(conn, term, limit)]
    return own + close


def _regex(
    conn: sqlite3.Connection, term: str, pattern: Any, seconds: float
) -> list[tuple[str, str]]:
    """The headwords the pattern finds in (as written, or as folded), case ignored."""
    deadline = time.monotonic() + seconds
    found: list[tuple[str, str]] = []
    for n, (key, text) in enumerate(conn.execute(_HEADWORDS)):
        if n % _CHECK_EVERY == 0 and time.monotonic() > deadline:
            raise BriefError(
                f"the regex {term!r} took longer than {seconds:g} s over the headwords; "
                "make it more specific (anchor it with ^, or name more letters)",
                ExitCode.USAGE,
            )
        if pattern.search(text) or pattern.search(key):
            found.append((key, text))
    return _first_texts(found)
