"""Sentences of plain-text prose, as offsets into the text they were cut from.

`split_sentences` cuts prose into sentences without cutting at abbreviations ("U.S.",
"Dr.", "No. 5", "Jan. 2020"), initials ("Antony J. Blinken"), decimals, list markers
("1. The Council") or wrapped lines. Pure: standard library only, nothing printed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise
from typing import NamedTuple

__all__ = ["Sentence", "block_sentences", "collapse", "split_sentences", "text_blocks"]


class Sentence(NamedTuple):
    """A sentence: `text` is exactly `source[start:end]` (line breaks kept)."""

    start: int
    end: int
    text: str

_WS = re.compile(r"\s+")


def collapse(text: str) -> str:
    return _WS.sub(" ", text).strip()


# ------------------------------------------------------------------------------ sentences

# A blank line, or a line break before a list marker ("1. ", "2) ", "- ", "• ", "(a) "):
# sentences never run across either.
_BLOCK_BREAK = re.compile(
    r"\n[ \t]*\n\s*|\n(?=[ \t]*(?:\d{1,3}[.)]|[-•*]|\([a-z0-9]{1,3}\))[ \t])"
)
# A candidate end: terminal punctuation, any closing quotes or brackets, then whitespace.
_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«([¿¡"
_FIRST_WORD = re.compile(r"[^\W_]+")
# A dotted abbreviation: "U.S", "a.m", "U.N" (the final period is the candidate end).
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
# Words after whose period no sentence ends, whatever follows: "Dr. Petrović".
_TITLES = frozenset(
    [
        "mr", "mrs", "ms", "messrs", "mme", "dr", "prof", "gen", "lt", "col", "maj", "capt",
        "cpt", "sgt", "cpl", "adm", "cmdr", "gov", "sen", "rep", "amb", "hon", "rev", "fr",
        "sr", "jr", "st", "h.e", "e.g", "i.e", "cf", "viz", "vs", "v", "al", "approx", "ca",
        "dept",
    ]
)
# Words after whose period no sentence ends when a number follows: "No. 5", "Jan. 2020".
_BEFORE_NUMBER = frozenset(
    [
        "no", "nos", "art", "arts", "para", "paras", "p", "pp", "vol", "ch", "fig", "sec",
        "op", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec",
    ]
)
# Abbreviations that may end a sentence ("... sanctions on the U.S. The Council ..."):
# they do when the next word is one that usually opens one.
_WEAK_ABBREVIATIONS = frozenset(["inc", "ltd", "co", "corp", "etc", "bros"])
_STARTERS = frozenset(
    [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "this", "that", "these",
        "those", "there", "in", "on", "at", "but", "and", "however", "according", "after",
        "as", "both", "during", "for", "his", "her", "its", "their", "our", "no", "yet",
        "while", "when",
    ]
)


def _is_boundary(block: str, dot: int, after: int) -> bool:
    """Whether the period at `dot` ends a sentence; `after` is the next non-space index."""
    while after < len(block) - 1 and block[after] in _OPENERS:
        after += 1
    nxt = block[after : after + 1]
    if not (nxt.isupper() or nxt.isdigit()):
        return False  # "(U.N.) envoy", "e.g. the": a sentence starts with a capital
    word_start = max(block.rfind(" ", 0, dot), block.rfind("\n", 0, dot)) + 1
    token = block[word_start:dot].lstrip(_OPENERS)
    low = token.lower()
    if not token:
        return True
    if low in _TITLES:
        return False
    if low in _BEFORE_NUMBER:
        return not nxt.isdigit()
    if token.isdigit() and not block[:word_start].strip():
        return False  # "1. The Council ..." opens a numbered paragraph
    if len(token) == 1 and token.isupper():
        return False  # an initial: "Antony J. Blinken"
    if low in _WEAK_ABBREVIATIONS or _DOTTED.fullmatch(token):
        m = _FIRST_WORD.match(block, after)
        return m is not None and m.group().lower() in _STARTERS
    return True


def text_blocks(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _BLOCK_BREAK.finditer(text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def _heading_breaks(block: str) -> list[int]:
    """Line ends inside a block after a header line: one without final punctuation,
    before a line that starts with a capital or a digit, and much shorter than the
    block's longest ("Readout, Office of the Spokesperson" above "Washington, March 3,
    2021"). Wrapped prose has lines of about one length, so its line ends never qualify."""
    lines = block.split("\n")
    if len(lines) < 2:
        return []
    widest = max(len(line.strip()) for line in lines)
    breaks, offset = [], 0
    for line, following in pairwise(lines):
        offset += len(line) + 1
        stripped = line.strip()
        nxt = following.strip()[:1]
        if (
            stripped
            and stripped[-1].isalnum()
            and len(stripped) < 0.7 * widest
            and (nxt.isupper() or nxt.isdigit())
        ):
            breaks.append(offset - 1)
    return breaks


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of `text`, in order, each trimmed of surrounding whitespace.

    A sentence ends at '.', '!', '?' or '…' (with any closing quotes or brackets) followed
    by whitespace and a capital letter or a digit, except after a title ("Dr."), an
    initial ("J."), "e.g."/"i.e.", a marker before a number ("No. 5", "Jan. 2020"), a
    list number opening its line ("1. The Council"), or a dotted abbreviation ("U.S.",
    "a.m.") not followed by a usual sentence opener. Blank lines, list lines and header
    lines (see `_heading_breaks`) end a sentence; other line breaks are spaces.
    """
    sentences: list[Sentence] = []
    for b_start, b_end in text_blocks(text):
        sentences += block_sentences(text, b_start, b_end)
    return sentences


def block_sentences(text: str, b_start: int, b_end: int) -> list[Sentence]:
    """The sentences of one block (see `split_sentences`)."""
    sentences: list[Sentence] = []
    block = text[b_start:b_end]
    cuts = set(_heading_breaks(block))
    for m in _END.finditer(block):
        after = m.end()
        while after < len(block) and block[after].isspace():
            after += 1
        punct = m.group().rstrip(_CLOSERS)
        if punct == "." and not _is_boundary(block, m.start(), after):
            continue
        if punct != "." and block[after : after + 1].islower():
            continue  # '"Is it?" he asked.'
        cuts.add(m.end())
    start = 0
    for cut in [*sorted(cuts), len(block)]:
        piece = block[start:cut]
        lead, trail = len(piece) - len(piece.lstrip()), len(piece.rstrip())
        if trail > lead:
            s, e = b_start + start + lead, b_start + start + trail
            sentences.append(Sentence(s, e, text[s:e]))
        start = cut
    return sentences


# ------------------------------------------------------------------------------ acronyms

# Words that join the words of a name without giving it an initial.
