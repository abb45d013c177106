"""Cues that `mentions.py` reads around a run of capitalised words, kept apart from it:
what qualifies a title ("Serbian President", "NATO Secretary General"), where a name
wrapped across lines is cut off by a heading, whether a word that may open a sentence
opens a place ("New York"), a country after "to", a city as the text writes it, the head
of a name "HEAD of OWNER", and the words that say a name is a person's, a body's or an
adjective. Pure but for the gazetteers of `placecues.py`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefcli.authoring.mentiontokens import Token, capitalised
from briefcli.authoring.namedata import BODIES, DEMONYMS, ORGANIZATION_HEADS
from briefcli.authoring.placecues import cities, country_of, subdivisions
from briefcli.text import term_key

__all__ = ["AS_TITLE", "INSIDE_NAMES", "INSTITUTIONS", "NOT_A_NOUN", "UN_NOUNS",
           "after_short_line", "as_written", "country_at", "owned_head", "qualifier",
           "starts_a_place"]

# Lower-case nouns the abbreviation "UN" qualifies without naming the organisation as a
# party to what is said ("a joint UN mission", "its UN mandate", "UN staff").
UN_NOUNS = re.compile(
    r"\s+(?:humanitarian\s+)?(?:missions?|mandates?|staff|personnel|agenc(?:y|ies)|system|"
    r"teams?|convoys?|compounds?|premises|facilit(?:y|ies)|vehicles?|officials?|experts?|"
    r"entities|partners|peacekeepers|peacekeeping|figures|data|estimates|sources|flag|"
    r"member\s+states|country\s+team)\b"
)
# "... as Prime Minister", "as the new Special Representative": an office after a name.
AS_TITLE = re.compile(
    r"(?:,\s+who\s+(?:was|has\s+been|had\s+been|is)\s+(?:appointed|named|elected|"
    r"nominated)(?:\s+as)?|\s+as)\s+(?:the\s+|its\s+|his\s+|her\s+)?(?:new\s+)?(.+)")
# Institutions whose bodies are named with them: "General Secretariat of the Council".
INSTITUTIONS = frozenset(["council", "commission", "parliament", "assembly"])
# Words after "U.S." that make it a noun, not an adjective ("the U.S. will", "the U.S. and").
NOT_A_NOUN = re.compile(
    r"\s+(?:will|would|has|have|had|is|was|are|were|and|or|to|can|could|should|must|may|"
    r"might|also|continues|remains|supports|does|did|in|on|at|for|of|with|by|as|but|that|"
    r"which|who|alone|itself|government)\b"
)
# Titles that are words of a person's name after a given name ("Hassan Sheikh Mohamud").
INSIDE_NAMES = frozenset(["sheikh", "sheikha"])


def qualifier(words: Sequence[Token]) -> tuple[str | None, str | None]:
    """What the words before or after a title say the role belongs to: (shown, place
    or None). "Serbian" -> ("Serbia", "Serbia"); "NATO" -> ("NATO", None)."""
    text = " ".join(t.text for t in words)
    if not text:
        return None, None
    low = text.lower()
    if low in DEMONYMS:
        return DEMONYMS[low], DEMONYMS[low]
    country = country_of(text)
    if country:
        return country, country
    if low in BODIES or all(t.text.isupper() for t in words):
        return text, None
    if low.split()[-1] in ORGANIZATION_HEADS and (len(words) > 1 or capitalised(text)):
        return text, None  # "European Council President Charles Michel", "Council President"
    return None, None


def after_short_line(sentence: str, at: int) -> bool:
    """Whether `at` opens a line after a short one (a heading, a header line): a name
    wrapped across lines comes after a long line."""
    newline = sentence.rfind("\n", 0, at)
    if newline < 0 or sentence[newline:at].strip():
        return False
    return newline - (sentence.rfind("\n", 0, newline) + 1) < 50


def starts_a_place(words: Sequence[Token]) -> bool:
    """Whether a word that may open a sentence opens a place's name here ("New York",
    "New Delhi"): the run's words are a city of GeoNames or a country."""
    if len(words) < 2 or len(words) > 3 or words[0].text.lower() in ("the", "a", "an", "in"):
        return False
    text = " ".join(t.text for t in words)
    return bool(country_of(text)) or term_key(text) in cities() or (
        term_key(text) in subdivisions())


def country_at(tokens: list[Token], k: int) -> bool:
    """Whether a country's name (after "the", maybe) starts at tokens[k]."""
    k += k < len(tokens) and tokens[k].text == "the"
    return any(country_of(" ".join(t.text for t in tokens[k : k + size]))
               for size in (1, 2, 3, 4) if k + size <= len(tokens))


def owned_head(low: list[str]) -> str | None:
    """The head of a name of the form "HEAD of OWNER" ("bank" in "Central Bank of
    Yemen"), or None."""
    i = low.index("of") if "of" in low else 0
    return low[i - 1] if i else None


def as_written(city: str, text: str) -> str:
    """A gazetteer's city as the text writes it when the two differ only by accents or
    case: "Tripoli", not GeoNames' "Trípoli" of another country."""
    if term_key(city) == term_key(text) and text[:1].isupper() and not text.isupper():
        return text
    return city
