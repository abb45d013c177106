"""The letter match of Schwartz & Hearst (2003) between an acronym and the words
before it, for every start at once (`_Alignment`), used by `acronyms.py`. Pure.
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate

_CONNECTORS = frozenset(
    [
        "of", "for", "and", "the", "in", "on", "to", "at", "by", "with", "from", "de", "des",
        "du", "la", "le", "les", "del", "di", "da", "e", "et", "y", "und", "für", "zu", "van",
        "von", "der", "a", "an",
    ]
)
# Number words an acronym's digits may stand for: "Group of Seven (G7)", "fifth-generation
# (5G)".
_NUMBER_WORDS: dict[str, tuple[str, ...]] = {
    "1": ("one", "first"), "2": ("two", "second"), "3": ("three", "third"),
    "4": ("four", "fourth"), "5": ("five", "fifth"), "6": ("six", "sixth"),
    "7": ("seven", "seventh"), "8": ("eight", "eighth"), "9": ("nine", "ninth"),
    "10": ("ten", "tenth"), "11": ("eleven", "eleventh"), "12": ("twelve", "twelfth"),
    "20": ("twenty", "twentieth"),
}
_ALNUM_RUN = re.compile(r"[^\W_]+")


def _initial_positions(text: str) -> set[int]:
    """Positions that count as a word's start for the letter match: after a space,
    hyphen, slash or bracket, but not in a connector such as "of" (so "Cases of
    coronavirus disease 2019" gains nothing over "coronavirus disease 2019") nor after an
    apostrophe; and every letter of a word in capitals ("EU" gives both E and U to
    "EULEX")."""
    starts: set[int] = set()
    for m in _ALNUM_RUN.finditer(text):
        word, at = m.group(), m.start()
        if len(word) > 1 and word.isupper():
            starts.update(range(at, m.end()))
        elif word.lower() not in _CONNECTORS and not (at and text[at - 1] in "'’"):
            starts.add(at)
    return starts


def _number_at(unit: str, low: str, p: int) -> int:
    """Length of a number word for the digits `unit` starting at `p`, or 0."""
    for word in _NUMBER_WORDS.get(unit, ()):
        if low.startswith(word, p) and (p == 0 or not low[p - 1].isalpha()):
            return len(word)
    return 0


def _positions(unit: str, low: str, first: int) -> list[int]:
    """Where, from `first` on, the digits `unit` or one of their number words occur."""
    found = []
    for needle in (unit, *_NUMBER_WORDS.get(unit, ())):
        p = low.find(needle, first)
        while p >= 0:
            found.append(p)
            p = low.find(needle, p + 1)
    return sorted(found) if unit.isdigit() else found


class _Alignment:
    """Schwartz & Hearst's letter match, for every start at once and with the best choice
    of letters. Each unit of the short form is found in `text` in order, the first at
    the long form's start, the last inside `text`'s last word (the one just before the
    short form), so that "Kosovo Force in the north (KFOR)" is not a definition. A digit
    unit matches the same digits or a number word ("Seven" for 7). `from_start(s)` is the
    most units that can fall on word starts (`_initial_positions`) for a long form
    starting at `s`, or None if the letters cannot all be matched from there.

    For each unit i after the first, `places[i]` lists where it can match, in order, and
    `after[i][j]` is the most word starts units i.. reach when unit i matches at
    `places[i][j]` or later (-1: no way)."""

    def __init__(self, units: list[str], text: str) -> None:
        self.units, self.low = units, text.lower()
        n = len(units)
        self.last_word = max(text.rfind(" "), text.rfind("\n")) + 1
        self.starts = _initial_positions(text)
        self.places: list[list[int]] = [[] for _ in range(n + 1)]
        self.after: list[list[int]] = [[] for _ in range(n + 1)]
        low, starts = self.low, self.starts
        for i in range(n - 1, 0, -1):
            unit, last = units[i], i == n - 1
            later, later_best = self.places[i + 1], self.after[i + 1]
            places: list[int] = []
            values: list[int] = []
            if unit.isdigit():
                self._digit_row(unit, last, later, later_best, places, values)
            else:  # one letter: the common case, kept lean
                j, size = 0, len(later)
                p = low.find(unit, self.last_word if last else 1)
                while p >= 0:
                    if last:
                        best = int(p in starts)
                    else:  # positions rise, so the next unit's pointer only moves on
                        while j < size and later[j] <= p:
                            j += 1
                        rest = later_best[j] if j < size else -1
                        best = rest + (p in starts) if rest >= 0 else -1
                    places.append(p)
                    values.append(best)
                    p = low.find(unit, p + 1)
            if not places:
                break  # this unit is nowhere: no start can match
            self.places[i] = places
            self.after[i] = list(accumulate(reversed(values), max))[::-1]

    def _digit_row(
        self,
        unit: str,
        last: bool,
        later: list[int],
        later_best: list[int],
        places: list[int],
        values: list[int],
    ) -> None:
        """Fill `places` and `values` for a unit of digits: the same digits, or a number
        word (which counts as a word start)."""
        j = 0
        for p in _positions(unit, self.low, self.last_word if last else 1):
            ways = [(len(unit), p in self.starts)] if self.low.startswith(unit, p) else []
            number = _number_at(unit, self.low, p)
            if number:
                ways.append((number, True))
            best = -1
            for length, initial in ways:
                if last:
                    rest = 0
                else:
                    while j < len(later) and later[j] < p + length:
                        j += 1
                    rest = later_best[j] if j < len(later) else -1
                if rest >= 0:
                    best = max(best, rest + initial)
            places.append(p)
            values.append(best)

    def _best(self, i: int, p: int) -> int:
        j = bisect.bisect_left(self.places[i], p)
        return self.after[i][j] if j < len(self.places[i]) else -1

    def from_start(self, s: int) -> int | None:
        unit = self.units[0]
        lengths = [len(unit)] if self.low.startswith(unit, s) else []
        if unit.isdigit() and _number_at(unit, self.low, s):
            lengths.append(_number_at(unit, self.low, s))
        if len(self.units) == 1:
            return 1 if lengths and s >= self.last_word else None
        best = max((self._best(1, s + length) for length in lengths), default=-1)
        return best + 1 if best >= 0 else None
