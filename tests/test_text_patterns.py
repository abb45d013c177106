"""The str-method helpers of the lookup path, held to the regular expressions they stand
for, over every character (and mixed texts)."""

from __future__ import annotations

import random
import re
import sys

import pytest

from briefcli.knowledge.dates import DateError, PartialDate
from briefcli.render.layout import _words
from briefcli.text import _UNSAFE, fold, has_unsafe, term_key, visible, word_runs

EVERY = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]


def _texts(seed: int, count: int = 3000) -> list[str]:
    rng = random.Random(seed)
    common = list(" \t\n-.+#&_aZ09é\u00a0\u2028\x1b\u202e\ue000─•\xad")
    return [
        "".join(rng.choice(common) if rng.random() < 0.7 else rng.choice(EVERY)
                for _ in range(rng.randrange(0, 12)))
        for _ in range(count)
    ]


def test_word_runs_are_re_word_runs():
    every = "".join(EVERY)
    assert word_runs(every) == re.findall(r"\w+", every)
    for text in _texts(1):
        assert word_runs(text) == re.findall(r"\w+", text), repr(text)


def test_term_key_is_the_punctuation_pattern():
    pattern = re.compile(r"[^\w.+#&]+")
    for text in [*EVERY[:4096], *_texts(2)]:
        expected = " ".join(pattern.sub(" ", fold(text).replace(".", "")).split())
        assert term_key(text) == expected, repr(text)


def test_visible_is_the_unsafe_pattern():
    unsafe = re.compile(_UNSAFE)

    def by_pattern(text: str) -> str:
        def shown(m: re.Match[str]) -> str:
            code = ord(m.group())
            if code < 0x20:
                return "^" + chr(code + 64)
            return "^?" if code == 0x7F else f"<U+{code:04X}>"
        return unsafe.sub(shown, text).replace("\t", "    ")

    for text in [*EVERY, *_texts(3)]:
        assert visible(text) == by_pattern(text), repr(text)
        assert has_unsafe(text) == (unsafe.search(text) is not None), repr(text)


def test_words_are_the_wrap_pattern():
    pattern = re.compile(r"\s*(\S+)\s*")
    for text in [" ".join(EVERY[:3000]), *_texts(4)]:
        expected = [(m.start(), m.end(1), m.end()) for m in pattern.finditer(text)]
        assert _words(text) == expected, repr(text)


@pytest.mark.parametrize("text", ["1999", "2023-09", "2023-09-24", " 2023-09-24 ", "199",
                                  "19999", "2023-9", "2023-09-1", "2023/09", "２０２３",
                                  "2023-09-24x", "2023--09", "abcd", "", "2023-13",
                                  "2023-02-29", "2024-02-29", "2023-00", "0000"])
def test_dates_follow_their_pattern(text: str):
    pattern = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
    m = pattern.fullmatch(text.strip())
    try:
        date = PartialDate.parse(text)
    except DateError:
        assert m is None or (m[2] and not 1 <= int(m[2]) <= 12) or m[3]
        return
    assert m is not None
    assert (date.year, date.month, date.day) == tuple(int(p or 0) for p in m.groups())


def test_search_tokens_and_prefix_terms_follow_their_patterns():
    from briefcli.index.search import _prefix_terms, _tokens, fts_queries

    token = re.compile(r'-?"[^"]*"|\S+')
    prefix = re.compile(r'"((?:[^"]|"")+)"\*')
    rng = random.Random(5)
    pieces = ['"', "-", "*", " ", "OR", "kfor", "Vučić", "a_b", "x-y", "\t", "é", "1999"]
    for _ in range(3000):
        query = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 9)))
        assert _tokens(query) == token.findall(query), repr(query)
        for expression in fts_queries(query):
            expected = [(m.start(), m.end(), m.group(1)) for m in prefix.finditer(expression)]
            assert _prefix_terms(expression) == expected, (query, expression)


def test_shell_words_are_shlex_words():
    import shlex

    from briefcli.cli.complete import shell_words

    def by_shlex(text: str) -> tuple[list[str], bool]:
        lex = shlex.shlex(text, posix=True)
        lex.whitespace_split = True
        lex.commenters = ""
        out: list[str] = []
        try:
            for token in lex:
                out.append(token)
        except ValueError:
            out.append(lex.token)
            return out, True
        return out, False

    rng = random.Random(6)
    pieces = ["'", '"', "\\", " ", "\t", "\n", "a", "é", "#", "=", "--data", "$", ";"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 10)))
        assert shell_words(text) == by_shlex(text), repr(text)


def test_latin_cells_are_unicodedata_cells():
    import unicodedata

    from briefcli.render.layout import _char_cells, cell_len

    def cells(c: str) -> int:
        if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf"):
            return 0
        return 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1

    for c in EVERY[:0x3000]:
        assert _char_cells(c) == cells(c), repr(c)
    for text in _texts(7):
        assert cell_len(text) == sum(cells(c) for c in text), repr(text)


def test_paths_are_spelled_as_pathlib_spells_them():
    from pathlib import Path, PurePosixPath

    from briefcli.index.sqlite import file_uri
    from briefcli.knowledge.sources import clean_path

    rng = random.Random(8)
    pieces = ["/", "//", ".", "..", "a", "b c", "é", "?", "#", "%", "~", ":", ";"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 8)))
        assert clean_path(text) == str(PurePosixPath(text)), repr(text)
        if text.startswith("/"):
            assert file_uri(clean_path(text)) == Path(text).as_uri(), repr(text)
