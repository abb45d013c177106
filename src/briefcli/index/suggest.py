"""Did-you-mean: the known terms closest to one that was not found.

`suggest(query, candidates)` is the whole rule set; `max_edits`, `length_window` and
`suggest_keys` let a caller with a very large vocabulary (an SQLite `terms` table of a
million rows) fetch and compare only what can be close, at C speed, in flat memory:

    key = term_key(query)
    low, high = length_window(key)  # SQLite's length() counts characters, as len() does
    cursor = conn.execute(
        "SELECT DISTINCT key FROM terms WHERE length(key) BETWEEN ? AND ?", (low, high))
    close = [k for k, d in suggest_keys(key, (k for (k,) in cursor), max_edits(key)) if d]
    rows = ...  # SELECT key, text, rid, field FROM terms WHERE key IN (close), in chunks
    shown = suggest(query, rows)

(benchmarks/suggestions.py measures this at 1,000,000 terms.)

The rules:

1. The query and every candidate are compared by their matching key
   (`briefcli.text.term_key`: case, accents, spacing and dots do not count).
   A query whose key is empty or one character long gets nothing.
2. Closeness is the optimal string alignment distance between keys: an insertion, a
   deletion, a substitution or a swap of two neighbouring characters is one edit each.
3. A candidate is offered only within `max_edits(query key)` edits: 1 for a query of up
   to 4 characters, 2 up to 8, 3 beyond; never a key no longer than that number of
   edits, which they could replace whole (a one-letter term is not offered for "xy").
   An exact match is not a suggestion (the caller asks only on a miss).
4. Each group (an entity, a record) is offered at most once, by its closest candidate;
   candidates of several groups sharing a key are offered once, by the text the most
   natural field gives (acronym, then name, alias, tag, other fields, id).
5. Candidates of field "id" (internal ids such as "bsd-bf") take part only when the query
   looks like an id (`looks_like_id`), or when the caller says so with `ids=True` (for
   lookups where ids are what the user types, such as briefing ids).
6. Order: fewer edits first. Among keys at one edit, the likelier typo first: how
   likely typing the candidate gives the query by that one edit (`_likelihood`: the
   kinds of edit equally likely, each position equally likely, a wrong or stray
   character most often a key next to the right one on a QWERTY keyboard, a key typed
   twice half as likely as another edit), times the number of groups sharing the key
   (a term with several senses is more often meant). So a swap ("KFRO" -> KFOR) or a
   dropped letter ("TCP" typed for "TCPA") outranks one of the many possible
   substitutions, a neighbouring key ("ISDM" -> ISDN) a far one, and a doubled letter
   ("TCPP", "HTTTP") points to the term without it. Among keys at two or more edits,
   more groups first. Remaining ties: the longer shared start (a first letter is less
   often mistyped), the nearer length, then the key and text, so that the order never
   depends on the order of the candidates.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from functools import cache
from itertools import islice
from operator import itemgetter
from typing import NamedTuple, TypeVar

from briefcli.text import term_key

__all__ = [
    "Candidate",
    "length_window",
    "looks_like_id",
    "max_edits",
    "suggest",
    "suggest_keys",
]


T = TypeVar("T")


class Candidate(NamedTuple):
    """One way to name something the user may have meant.

    `key` is `term_key(text)`; `text` is what a suggestion shows, as written; `group` is
    the entity or record the candidate names (its rid or id), so that it is offered
    once; `field` is where the text comes from: "acronym", "name", "alias", "id", "tag",
    "date" or any other word (ranked after "tag" when two groups share a key).
    """

    key: str
    text: str
    group: Hashable
    field: str


# The field whose text names a key shared by several groups: the nicest first.
_FIELD_ORDER = {"acronym": 0, "name": 1, "alias": 2, "tag": 3, "id": 9}
_OTHER_FIELD = 4

# Letters a mistyped character is drawn from, for the typo likelihoods: the Latin
# alphabet (digits and punctuation are rarely typed by mistake inside a word).
_ALPHABET = 26

# The share of mistyped characters that hit a key next to the one meant (or, for a
# stray one, next to or the same as a neighbour): most slips are of a finger's width.
_NEAR_SHARE = 0.6

# How likely a key typed twice is, against each of the four kinds of edit: the smallest
# weight for which a doubled letter wins over a dropped one ("TCPP" is TCP typed with a
# P twice before it is TCPIP without its I), measured to cost the least on typos with
# no doubling of their own (about half a point of first hits in the benchmark).
_DOUBLED = 0.5

# Characters that make a query look like an id: slugs join words with them, while
# acronyms and names do not ("bsd-bf", "kosovo-police", "2011-03-31", "end_of_march").
_ID_MARKS = ("-", "_")


def max_edits(query_key: str) -> int:
    """The most edits a suggestion may be from `query_key` (a `term_key`).

    0 for one character or none (nothing is close to "x"), 1 up to 4 characters, 2 up to
    8, 3 beyond: one edit in a short acronym already changes a third of it.
    """
    n = len(query_key)
    if n <= 1:
        return 0
    if n <= 4:
        return 1
    if n <= 8:
        return 2
    return 3


def length_window(query_key: str) -> tuple[int, int]:
    """(shortest, longest) key length that can be within `max_edits(query_key)` edits.

    For fetching candidates with `WHERE length(key) BETWEEN ? AND ?`; an empty window
    (shortest > longest) when nothing can be suggested.
    """
    edits = max_edits(query_key)
    if edits == 0:
        return (1, 0)
    n = len(query_key)
    # A key of `edits` characters or fewer would be all edits (rule 3).
    return (max(n - edits, edits + 1), n + edits)


def looks_like_id(query: str) -> bool:
    """Whether `query` is written like an id: it holds a '-' or '_' ("bsd-bf")."""
    return any(mark in query for mark in _ID_MARKS)


# Rows compared per call into C when reading an iterable: large enough for the call to
# cost little, small enough for memory to stay flat however long the iterable is.
_CHUNK = 1 << 16


def _within(
    query: T, rows: Iterable[T], max_distance: int, processor: Callable[[T], str] | None
) -> Iterator[tuple[T, int]]:
    """(row, distance) for each row within `max_distance` edits of the query, in C.

    A sequence is compared in place (the scorer itself rejects a key whose length is out
    of range, faster than a Python loop could); any other iterable is read in chunks.
    """
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    # The stubs of `extract` do not cover a processor over rows: typed here as it is used.
    extract: Callable[..., list[tuple[object, float, int]]] = process.extract
    chunks: Iterable[Sequence[T]]
    if isinstance(rows, Sequence):
        chunks = (rows,)
    else:
        it = iter(rows)
        chunks = iter(lambda: list(islice(it, _CHUNK)), [])
    for chunk in chunks:
        for _, distance, i in extract(
            query, chunk, scorer=OSA.distance, processor=processor, limit=None,
            score_cutoff=max_distance,
        ):
            yield chunk[i], int(distance)


def suggest_keys(
    query_key: str, keys: Iterable[str], max_distance: int
) -> list[tuple[str, int]]:
    """The keys within `max_distance` edits of `query_key`, as (key, distance).

    Distance is the optimal string alignment distance (a swap of two neighbouring
    characters is one edit). Keys are compared as given (pass `term_key`s); duplicates
    are reported once; an exact match is included, with distance 0. Sorted by distance,
    then key. `keys` may be a sequence (compared in place) or any iterable, such as an
    SQLite cursor (read in chunks of `_CHUNK`, so memory stays flat).
    """
    if max_distance < 0:
        return []
    found = dict(_within(query_key, keys, max_distance, None))
    return sorted(found.items(), key=lambda item: (item[1], item[0]))


@cache  # made on the first miss, not at import: the module is imported on every lookup
def _near() -> dict[str, str]:
    """The keys around each key of a US QWERTY keyboard (rows staggered to the right)."""
    out: dict[str, str] = {}
    for r, line in enumerate(_ROWS):
        for c, char in enumerate(line):
            near = []
            for dr, dcs in ((0, (-1, 1)), (-1, (0, 1)), (1, (-1, 0))):
                if 0 <= r + dr < len(_ROWS):
                    row = _ROWS[r + dr]
                    near += [row[c + dc] for dc in dcs if 0 <= c + dc < len(row)]
            out[char] = "".join(near)
    return out


_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")


def _replaced(meant: str, typed: str) -> float:
    """The chance that `meant` is typed as `typed`, given that it is mistyped."""
    near = _near().get(meant, "")
    return _NEAR_SHARE * (typed in near) / (len(near) or 1) + (1 - _NEAR_SHARE) / (_ALPHABET - 1)


def _inserted(typed: str, i: int) -> float:
    """The chance that the stray character typed[i] is that one, given its neighbours:
    mostly a neighbour doubled or a key next to one."""
    keys = _near()
    near = "".join(
        typed[j] + keys.get(typed[j], "") for j in (i - 1, i + 1) if 0 <= j < len(typed)
    )
    return _NEAR_SHARE * near.count(typed[i]) / (len(near) or 1) + (1 - _NEAR_SHARE) / _ALPHABET


def _likelihood(typed: str, meant: str) -> float:
    """How likely one edit of `meant` gives `typed`, for keys one edit apart (a weight,
    not a probability: the factor shared by all candidates is left out).

    The four kinds of edit are taken as equally likely, and a key typed twice as
    `_DOUBLED` as likely; within a kind, each position is. A character typed by mistake
    is a key next to the one meant (or, when inserted, next to or the same as its
    neighbours) `_NEAR_SHARE` of the time, any letter otherwise. Counting the ways
    matters: "tcpp" comes from "tcp" by a "p" inserted at two places or typed twice,
    from "cpp" by a "t" inserted at one.
    """
    n = len(meant)
    if len(typed) == n + 1:  # a character inserted, or one typed twice
        inserted = sum(
            _inserted(typed, i) for i in range(len(typed)) if typed[:i] + typed[i + 1 :] == meant
        ) / (n + 1)
        doubled = sum(meant[: i + 1] + meant[i:] == typed for i in range(n)) / n
        return inserted + _DOUBLED * doubled
    if len(typed) == n - 1:  # a character dropped
        ways = sum(meant[:i] + meant[i + 1 :] == typed for i in range(n))
        return ways / n
    diff = [i for i in range(n) if typed[i] != meant[i]]
    if len(diff) == 2 and diff[1] == diff[0] + 1:  # two neighbours swapped
        return 1 / (n - 1)
    return _replaced(meant[diff[0]], typed[diff[0]]) / n  # one character replaced


def _shared_start(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def suggest(
    query: str,
    candidates: Iterable[tuple[str, str, Hashable, str]],
    limit: int = 5,
    *,
    ids: bool | None = None,
) -> list[str]:
    """Texts to offer for `query`, closest first, at most `limit`, by the module's rules.

    `candidates` are `Candidate`s or rows of the same four values (key, text, group,
    field), such as rows of the index's `terms` table: a sequence is compared in place,
    any other iterable (an SQLite cursor) is read once, in chunks. `ids` says whether
    "id" candidates take part: by default, when the query looks like an id. Returns []
    when nothing is close enough.
    """
    query_key = term_key(query)
    edits = max_edits(query_key)
    if limit <= 0 or edits == 0:
        return []
    with_ids = looks_like_id(query) if ids is None else ids
    low = length_window(query_key)[0]
    close: dict[str, int] = {}
    found: list[Candidate] = []
    # The processor applies to the query too, hence the query shaped as a row.
    query_row: tuple[str, str, Hashable, str] = (query_key, "", None, "")
    for row, distance in _within(query_row, candidates, edits, itemgetter(0)):
        c = Candidate(*row)
        # Not an exact match (rule 3), not a key that would be all edits, no hidden id.
        if distance and len(c.key) >= low and (with_ids or c.field != "id"):
            close[c.key] = distance
            found.append(c)
    if not found:
        return []

    likelihood: dict[str, float] = {}
    # The closest candidate of each group: fewest edits, likeliest typo, nicest field.
    best: dict[Hashable, tuple[tuple[int, float, int, str, str], Candidate]] = {}
    for c in found:
        distance = close[c.key]
        if distance == 1 and c.key not in likelihood:
            likelihood[c.key] = _likelihood(query_key, c.key)
        rank = (
            distance, -likelihood.get(c.key, 0.0),
            _FIELD_ORDER.get(c.field, _OTHER_FIELD), c.key, c.text,
        )
        held = best.get(c.group)
        if held is None or rank < held[0]:
            best[c.group] = (rank, c)

    # Groups sharing a key are one suggestion, shown by the text most of them give.
    groups: dict[str, int] = {}
    spellings: dict[str, dict[tuple[int, str], int]] = {}
    for _, c in best.values():
        groups[c.key] = groups.get(c.key, 0) + 1
        written = spellings.setdefault(c.key, {})
        label = (_FIELD_ORDER.get(c.field, _OTHER_FIELD), c.text)
        written[label] = written.get(label, 0) + 1

    def order(key: str) -> tuple[int, float, int, int, str]:
        distance = close[key]
        weight = groups[key] * likelihood.get(key, 1.0)
        return (
            distance, -weight, -_shared_start(query_key, key),
            abs(len(key) - len(query_key)), key,
        )

    out: list[str] = []
    for key in sorted(groups, key=order)[:limit]:
        (_, text), _ = min(
            spellings[key].items(), key=lambda item: (item[0][0], -item[1], item[0][1])
        )
        out.append(text)
    return out
