"""People named beside a title rather than after it, for `mentions.py`: a title and a
comma before the name ("the High Representative, Christian Schmidt,"), a title after it
(", Spokesperson,", ", NATO's Special Representative"). Pure: no data loaded but the
tables of `namedata` and, through `country_of`, ISO 3166.
"""

from __future__ import annotations

from briefcli.authoring.mentiontokens import PARTICLES, Token, name_like, title_at
from briefcli.authoring.namedata import (
    BODIES,
    DEMONYMS,
    HONORIFICS,
    ROLE_NOUNS,
    TITLE_MODIFIERS,
)
from briefcli.authoring.placecues import cities, country_of, subdivisions
from briefcli.text import term_key

__all__ = ["appositive_title", "names_after", "of_country_person", "quoted_speaker"]

# Verbs that attribute a quotation: '"...," said Sophie Gilbert'.
_SAID = frozenset(["said", "says", "added", "stressed", "noted", "explained", "warned",
                   "continued", "concluded", "underlined", "emphasised", "emphasized"])
_CLOSING = frozenset(['"', "”", "’", "'"])


def names_after(tokens: list[Token], i: int, j: int) -> list[list[Token]] | None:
    """The names tokens[i:j] holds when it is nothing but one or more people's names
    ("Josep Borrell", "Aleksandar Vučić and Milo Đukanović"), else None."""
    names: list[list[Token]] = [[]]
    for t in tokens[i:j]:
        if t.text == "and":
            names.append([])
        elif name_like(t) and not country_of(t.text) and t.text.lower() not in BODIES:
            names[-1].append(t)
        else:
            return None
    for n, name in enumerate(names):  # "Major General Özkan Ulutaş": the rank is no name
        size = title_at([t.text for t in name], 0)
        if size and len(name) - size >= 2:
            names[n] = name[size:]
    if all(2 <= len(n) <= 4 and n[-1].text.lower() not in PARTICLES for n in names):
        return names
    return None


def appositive_title(tokens: list[Token], j: int) -> str | None:
    """The title after a comma at tokens[j] when one stands there as an appositive
    (", Spokesperson,", ", the leader of the Shor party", ", a former head of ...",
    ", NATO's Special Representative"), from its owner or modifiers on; else None."""
    if j + 1 >= len(tokens) or tokens[j].text != ",":
        return None
    k = j + 1 + (tokens[j + 1].text in ("the", "a", "an"))
    first = k
    while k < min(len(tokens), first + 2) and (
        tokens[k].possessive or (tokens[k].text.isupper() and len(tokens[k].text) > 1)
        or tokens[k].text[:1].isupper() and not title_at([tokens[k].text], 0)
        and title_at([t.text for t in tokens[k + 1 : k + 5]], 0)  # "Department Spokesperson"
        or tokens[k].text.lower() in DEMONYMS or tokens[k].text.lower() in TITLE_MODIFIERS
        and not title_at([t.text for t in tokens[k : k + 4]], 0)
    ):
        k += 1  # "NATO's", "EU", "Serbian", "former"
    words = [t.text for t in tokens[k : k + 4]]
    size = title_at(words, 0) or int(bool(words) and words[0].lower() in ROLE_NOUNS)
    if not size or words[0].lower() in HONORIFICS:
        return None
    return " ".join(t.text + ("'s" if t.possessive else "") for t in tokens[first : k + size])


def quoted_speaker(tokens: list[Token], i: int, j: int) -> bool:
    """Whether tokens[i:j] stands after a quotation and the verb that attributes it
    ('"...," said Sophie Gilbert', '" added Nicola Pontara'), where a name is a person's."""
    return i >= 3 and tokens[i - 1].text.lower() in _SAID and (
        tokens[i - 2].text in _CLOSING or tokens[i - 2].text == "," and
        tokens[i - 3].text in _CLOSING)


def of_country_person(tokens: list[Token], country: tuple[int, int], run: tuple[int, int]) -> bool:
    """Whether the run tokens[run] is a person's name between commas just after "of" and a
    country (`country`): "the Foreign Ministers of Austria, Alexander Schallenberg, of
    Croatia, ...". A region or a city there ("of Bosnia and Herzegovina, Republika
    Srpska,") is none."""
    (a, b), (i, j) = country, run
    words = [t.text for t in tokens[a:b]]
    if "of" in words:  # one run: "Foreign Ministers of Austria"
        a += len(words) - words[::-1].index("of")
    elif not (a and tokens[a - 1].text == "of"):
        return False
    if not (a < b == i - 1 and tokens[b].text == ","):
        return False
    if j < len(tokens) and tokens[j].text not in (",", ".", ";"):
        return False
    text = " ".join(t.text for t in tokens[i:j])
    return bool(country_of(" ".join(t.text for t in tokens[a:b]))) and not (
        term_key(text) in subdivisions() or term_key(text) in cities()
    )
