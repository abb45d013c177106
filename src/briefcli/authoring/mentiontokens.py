"""The words of a sentence as `mentions.py` and `appositives.py` read them: tokens (a
possessive "'s" taken off and remembered), titles ("Secretary of State") and the words
that may be part of a person's name. Pure: no data loaded but the tables of `namedata`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from briefcli.authoring.namedata import ORGANIZATION_HEADS, RANKS, STARTERS, TITLES

__all__ = ["PARTICLES", "Token", "capitalised", "name_like", "title_at", "tokens"]


class Token(NamedTuple):
    start: int
    end: int
    text: str  # without a possessive
    possessive: bool


_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # U.S., U.N.
    r"|(?:Mr|Ms|Mrs|Dr|Prof|Gen|Lt|Col|Amb|Sen|Rep|St|H\.E)\.(?=\s)"
    r"|[A-Z]\.(?=\s+[A-Z])"  # an initial: Antony J. Blinken
    r"|[^\W_](?:[\w'’\-]*[^\W_])?(?:['’]s?)?"
    r"|[^\w\s]"
)
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
# Particles inside a person's name: "Ursula von der Leyen".
PARTICLES = frozenset(["de", "da", "di", "von", "van", "der", "al", "bin", "la", "le", "du"])


def tokens(sentence: str) -> list[Token]:
    out = []
    for m in _TOKEN.finditer(sentence):
        text = m.group()
        possessive = bool(len(text) > 2 and _POSSESSIVE.search(text) and text[0].isupper())
        if possessive:
            text = _POSSESSIVE.sub("", text)
        out.append(Token(m.start(), m.end(), text, possessive))
    return out


def capitalised(text: str) -> bool:
    return text[:1].isupper()


def title_at(words: Sequence[str], i: int) -> int:
    """Length in words of the longest title starting at words[i], or 0."""
    for size in (4, 3, 2, 1):
        if i + size <= len(words) and " ".join(words[i : i + size]).lower() in TITLES:
            return size
    return 0


def name_like(token: Token) -> bool:
    """Whether `token` may be a word of a person's name."""
    t = token.text
    return (
        capitalised(t) and (not t.isupper() or len(t) == 2 and t.endswith("."))
        and t.lower() not in STARTERS and not title_at([t], 0) and t.lower() not in RANKS
        and t.lower() not in ORGANIZATION_HEADS and "-" not in t[:2]
    ) or t.lower() in PARTICLES
