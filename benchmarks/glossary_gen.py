"""A synthetic acronym glossary, seeded and deterministic, for the suggestion benchmark.

    python benchmarks/glossary_gen.py [--entries N] [--seed S]   # prints a wtf-style list

It looks like a real glossary (V.E.R.A., the BSD `wtf` lists) where it matters for
"did you mean": acronyms of 2 to 6 characters, mostly 3 and 4, whose letters follow the
frequencies of English initial letters (so that many acronyms sit one edit from
another, as in real lists); acronyms with several senses (TCP the protocol, TCP the
chemical); families sharing a start (TC, TCP, TCPA, TCPIP); some with digits (G7, 3GPP,
P2P), some written with dots or in lower or mixed case (U.S., mRNA); each with a name
whose words begin with its letters, some with aliases. Ids are slugs ("gl-tcp-2"), as
an importer would make them.

`entries(n, seed)` returns the entries; `candidates(entries)` the rows a `terms` table
holds for them: one per distinct key of each entry, the first field giving it naming it,
in the order acronym, name, aliases, id.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from briefcli.text import term_key  # noqa: E402

# How often English words begin with each letter (per mille, rounded), which is how
# often a letter appears in acronyms made of initials.
INITIALS = {
    "a": 57, "b": 55, "c": 94, "d": 60, "e": 40, "f": 42, "g": 33, "h": 37, "i": 39,
    "j": 8, "k": 9, "l": 30, "m": 57, "n": 22, "o": 25, "p": 77, "q": 5, "r": 55,
    "s": 114, "t": 52, "u": 20, "v": 15, "w": 27, "x": 1, "y": 4, "z": 3,
}

# Acronym lengths, per cent, as in V.E.R.A. (3 and 4 letters make most of it).
LENGTHS = {2: 7, 3: 48, 4: 30, 5: 10, 6: 5}

WORDS = {
    "a": "access active address advanced agency air alliance analysis application "
         "architecture area array assembly association automatic",
    "b": "band base basic battery binary bit block board body broadcast buffer bureau bus",
    "c": "cable cache call card carrier cell center central channel circuit code "
         "command commission common communication computer control council",
    "d": "data database defense delay department design device digital direct disk "
         "display distributed domain drive dynamic",
    "e": "economic electronic element emergency engine engineering enhanced entry "
         "environment error european event exchange extended external",
    "f": "facility fast federal fiber field file filter format forum frame free "
         "frequency function",
    "g": "gateway general generic global graphic graphics grid group guide",
    "h": "hardware header health high host hybrid",
    "i": "identifier image industrial information input institute integrated interface "
         "internal international internet",
    "j": "java job joint journal",
    "k": "kernel key keyboard knowledge",
    "l": "language layer level library line link load local logic loop",
    "m": "machine management manager media memory message micro mission mobile mode "
         "model module monitor multiple",
    "n": "name national native network node number",
    "o": "object office online open operating operation optical organization output",
    "p": "packet page parallel party peer performance personal physical platform point "
         "port power processing processor program protocol public",
    "q": "quality quantum query queue",
    "r": "radio random rate real record regional register remote request research "
         "resource response router",
    "s": "satellite scanner security segment serial server service session signal "
         "simple software source standard station storage system",
    "t": "table task team technology telephone terminal test time tool traffic "
         "transfer transmission transport",
    "u": "union unit universal update user",
    "v": "value vector version video virtual voice volume",
    "w": "web wide wireless word work workstation",
    "x": "xenon",
    "y": "year yield",
    "z": "zero zone",
}
_DIGIT_WORDS = {
    "0": "zero", "1": "one", "2": "two", "3": "third", "4": "fourth", "5": "fifth",
    "6": "six", "7": "seven", "8": "eight", "9": "nine",
}
# The words a name may use for each character of its acronym, capitalized.
_WORDS = {
    **{letter: [w.capitalize() for w in words.split()] for letter, words in WORDS.items()},
    **{digit: [word.capitalize()] for digit, word in _DIGIT_WORDS.items()},
}


class Entry(NamedTuple):
    """One glossary entry: an entity with an acronym."""

    id: str
    acronym: str
    name: str
    aliases: tuple[str, ...]


class Row(NamedTuple):
    """A row of the `terms` table: the shape `briefcli.index.suggest.Candidate` takes."""

    key: str
    text: str
    group: str
    field: str


# Each letter as many times as its weight: a uniform draw from these is a weighted one.
_LETTER_DRAW = "".join(letter * weight for letter, weight in INITIALS.items())
_LENGTH_DRAW = [n for n, weight in LENGTHS.items() for _ in range(weight)]


def _letter(rng: random.Random) -> str:
    return rng.choice(_LETTER_DRAW)


def _random_acronym(rng: random.Random) -> str:
    return "".join(rng.choices(_LETTER_DRAW, k=rng.choice(_LENGTH_DRAW))).upper()


# Whether `term_key` reads a hyphen as a space, checked rather than assumed.
_HYPHEN = " " if term_key("a-b") == "a b" else "-"


def key_of(text: str) -> str:
    """`term_key(text)`, faster for ASCII letters, digits, spaces, dots and hyphens (as
    in names and slugs), so that a million terms are made in seconds."""
    plain = text.replace(".", "")
    if plain.isascii() and plain.replace(" ", "").replace("-", "").isalnum():
        return " ".join(plain.lower().replace("-", _HYPHEN).split())
    return term_key(text)


def _with_digit(rng: random.Random) -> str:
    """G7, 3GPP, P2P, B2B, 4GL, X25."""
    shape = rng.randrange(3)
    if shape == 0:  # a letter or two and a number: G7, X25
        return _random_acronym(rng)[: rng.choice((1, 2))] + str(rng.choice((2, 3, 5, 7, 8, 20, 25)))
    if shape == 1:  # a leading digit: 3GPP, 4GL
        return str(rng.randrange(2, 10)) + _random_acronym(rng)[:3]
    a, b = _letter(rng).upper(), _letter(rng).upper()
    return f"{a}2{b}"  # P2P, B2B


def _styled(rng: random.Random, acronym: str) -> str:
    """The acronym as some glossaries write it: with dots, or in lower or mixed case."""
    letters = [c for c in acronym if c.isalpha()]
    if len(letters) != len(acronym) or len(acronym) > 4:
        return acronym
    style = rng.randrange(3)
    if style == 0:
        return "".join(c + "." for c in acronym)  # U.S.
    if style == 1:
        return acronym.lower()  # tcp, as some lists write everything
    return acronym[0].lower() + acronym[1:]  # mRNA, eID


def _name(rng: random.Random, acronym: str) -> str:
    choice = rng.choice
    return " ".join([choice(_WORDS[c]) for c in key_of(acronym) if c in _WORDS])


def _slug(text: str) -> str:
    if text.isalnum():
        return text.lower()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def entries(n: int = 10_000, seed: int = 1) -> list[Entry]:
    """`n` entries, the same for the same arguments."""
    rng = random.Random(seed)
    out: list[Entry] = []
    acronyms: list[str] = []
    ids: dict[str, int] = {}
    chance = rng.random  # bound once: a million terms take a third of a million entries
    for _ in range(n):
        roll = chance()
        if roll < 0.15 and acronyms:  # another sense of a known acronym
            acronym = rng.choice(acronyms)
        elif roll < 0.25 and acronyms:  # a family: TC -> TCP -> TCPA, TCP -> TCPIP
            base = rng.choice(acronyms)
            if key_of(base).isalpha() and len(base) <= 5:
                acronym = key_of(base).upper() + "".join(
                    _letter(rng).upper() for _ in range(rng.choice((1, 1, 2)))
                )
            else:
                acronym = _random_acronym(rng)
        elif roll < 0.28:
            acronym = _with_digit(rng)
        else:
            acronym = _random_acronym(rng)
        if chance() < 0.04:
            acronym = _styled(rng, acronym)
        acronyms.append(acronym)
        name = _name(rng, acronym)
        aliases: list[str] = []
        if chance() < 0.1:
            aliases.append("The " + name)
        if chance() < 0.05 and "." not in acronym:
            aliases.append(".".join(acronym) + ".")
        slug = "gl-" + _slug(acronym)
        ids[slug] = ids.get(slug, 0) + 1
        out.append(Entry(slug if ids[slug] == 1 else f"{slug}-{ids[slug]}", acronym, name,
                         tuple(aliases)))
    return out


def candidates(glossary: Iterable[Entry]) -> Iterator[Row]:
    """The `terms` rows of each entry, as the index makes them."""
    for e in glossary:
        seen: set[str] = set()
        for field, text in (
            ("acronym", e.acronym), ("name", e.name),
            *(("alias", a) for a in e.aliases), ("id", e.id),
        ):
            key = key_of(text)
            if key and key not in seen:
                seen.add(key)
                yield Row(key, text, e.id, field)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for e in entries(args.entries, args.seed):
        print(f"{e.acronym}\t{e.name}")


if __name__ == "__main__":
    main()
