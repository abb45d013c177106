"""Glossaries in and out: wtf acronym lists, CSV tables and dictd databases.

The dictd writer is compared byte for byte with the real `dictfmt` when it is installed;
the real acronym lists of bsdgames and the V.E.R.A. dictd database are read when they
are installed (each such test skips, saying why, when they are not).
"""

from __future__ import annotations

import gzip
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefcli.authoring.glossaries.common import DictEntry, GlossaryEntry
from briefcli.authoring.glossaries.dictd import (
    _b64_decode,
    _b64_encode,
    dict_key,
    parse_dictd,
    read_dictd,
)
from briefcli.authoring.glossaries.dictd_out import dict_entry, write_dictd
from briefcli.authoring.glossaries.table import read_csv, read_tsv
from briefcli.authoring.glossaries.wtf import read_wtf
from briefcli.problems import Problem
from briefcli.text import has_unsafe
from conftest import FIXTURES, examples

GLOSSARY = FIXTURES / "glossary"
BSDGAMES = Path("/usr/share/games/bsdgames")
VERA = Path("/usr/share/dictd/vera.index")
DICTFMT = shutil.which("dictfmt")
needs_dictfmt = pytest.mark.skipif(DICTFMT is None, reason="dictfmt is not installed")


def fixed(full: int) -> settings:
    return settings(
        derandomize=True, database=None, max_examples=examples(full), deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def where(problems: list[Problem]) -> list[tuple[int, int, str]]:
    return [(p.line, p.col, p.level) for p in problems]


def well_formed(entries: list[GlossaryEntry], problems: list[Problem], path: str) -> None:
    for entry in entries:
        assert isinstance(entry, GlossaryEntry)
        assert entry.name and entry.name == entry.name.strip()
        assert entry.line >= 1
        texts = [entry.term, entry.name, entry.summary or "", entry.kind or "",
                 entry.role or "", entry.description or "", *entry.aliases, *entry.tags]
        assert not any(has_unsafe(t) for t in texts), entry
        assert all(a for a in entry.aliases) and all(t for t in entry.tags)
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.path == path and problem.code == "import"
        assert problem.line >= 0 and problem.col >= 0
        assert problem.level in ("error", "warning")
        assert not has_unsafe(problem.message)


# -- wtf acronym lists -------------------------------------------------------------------


def test_wtf_reads_acronyms_senses_and_the_list_conventions() -> None:
    entries, problems = read_wtf((GLOSSARY / "acronyms.tsv").read_bytes(), "acronyms.tsv")
    assert [(e.term, e.name, e.aliases, e.line) for e in entries] == [
        ("AWK", "Aho, Weinberger, and Kernighan", (), 2),  # "[and]": words kept
        ("ATM", "at the moment", (), 3),  # one entry per sense, in file order
        ("ATM", "automated teller machine", ("automatic teller machine",), 4),
        ("KFOR", "Kosovo Force", (), 6),  # two tabs
        ("GVFS", "git virtual file system", (), 7),  # spaces, as wtf accepts them
        ("HSM", "hierarchical storage management", (), 8),  # trailing space
        ("PSA", "public service announcement", (), 9),  # space before the tab
        ("WTH", "what the hell", ("what the heck",), 12),
    ]
    assert where(problems) == [(10, 10, "error"), (11, 1, "error")]
    assert "'NOMEANING' has no meaning" in problems[0].message
    assert "expected 'ACRONYM<TAB>meaning'" in problems[0].message
    assert "starts with white space" in problems[1].message


def test_wtf_text_that_is_not_utf8_is_read_as_windows_1252_with_one_warning() -> None:
    data = b"CAFE\tcaf\xe9 \x93cr\xe8me\x94\nTWO\tna\xefve\n"
    entries, problems = read_wtf(data, "old.txt")
    assert [e.name for e in entries] == ["café “crème”", "naïve"]
    assert where(problems) == [(1, 9, "warning")]
    assert "not UTF-8" in problems[0].message and "0xE9" in problems[0].message


def test_wtf_bom_crlf_and_control_characters() -> None:
    data = "\ufeffKFOR\tKosovo Force\r\nEVIL\tbad\x1b[2Jname\r\n".encode()
    entries, problems = read_wtf(data, "w")
    assert [(e.term, e.name) for e in entries] == [("KFOR", "Kosovo Force"), ("EVIL", "bad[2Jname")]
    assert where(problems) == [(2, 6, "warning")]
    assert "U+001B" in problems[0].message and "^[" in problems[0].message


def test_wtf_braces_give_at_most_sixteen_variants() -> None:
    entries, _ = read_wtf(b"X\t{a,b} {c,d} {e,f} {g,h} {i,j}\n", "w")
    assert entries[0].name == "a c e g i"
    assert len(entries[0].aliases) == 15


# -- CSV tables --------------------------------------------------------------------------


def test_csv_maps_columns_to_entity_fields() -> None:
    entries, problems = read_csv((GLOSSARY / "good.csv").read_bytes(), "good.csv")
    assert problems == []
    kfor, eulex, police = entries
    assert kfor == GlossaryEntry(
        term="KFOR", name="Kosovo Force",
        summary="NATO-led international peacekeeping force in Kosovo, established in 1999.",
        aliases=("Kosovo Forces", "KFOR mission"), kind="organization",
        tags=("security", "nato"), line=2,
    )
    assert (eulex.term, eulex.aliases, eulex.tags, eulex.line) == (
        "EULEX", (), ("rule-of-law",), 4)  # the line after a cell spanning two lines
    assert (police.term, police.name, police.aliases, police.line) == (
        "", "Kosovo Police", ("KP",), 5)


def test_csv_definition_is_the_name_without_a_name_column() -> None:
    entries, problems = read_csv((GLOSSARY / "semicolon.csv").read_bytes(), "s.csv")
    assert problems == []
    assert [(e.term, e.name, e.summary) for e in entries] == [
        ("OSCE", "Organization for Security and Co-operation in Europe", None),
        ("UN", "United Nations", None),
    ]


def test_csv_definition_is_the_summary_beside_a_name_column() -> None:
    data = (b"Short Form\tLONG_NAME\tDefinition\tKey-Words\tRole\n"
            b"UN\tUnited Nations\tA body.\ta|b\tforum\n")
    entries, problems = read_csv(data, "t.tsv")
    assert problems == []
    assert entries == [GlossaryEntry("UN", "United Nations", "A body.", role="forum",
                                     tags=("a", "b"), line=2)]


def test_csv_bad_rows_and_columns_are_reported_and_the_rest_is_read() -> None:
    entries, problems = read_csv((GLOSSARY / "bad.csv").read_bytes(), "bad.csv")
    assert [e.term for e in entries] == ["KFOR", "NATO", "EU"]
    assert entries[2].summary == "A [31mred[0m union."
    assert where(problems) == [(1, 14, "error"), (3, 7, "error"), (4, 56, "error"),
                               (5, 22, "warning")]
    unknown, no_name, extra, control = (p.message for p in problems)
    assert "unknown column 'id'" in unknown and "expected term, name," in unknown
    assert "no name for 'EULEX'" in no_name
    assert "5 cells but the header names 4" in extra and "'extra cell'" in extra
    assert "U+001B" in control


def test_csv_sep_line_tabs_and_quoted_newlines_keep_row_lines() -> None:
    data = b'sep=;\nterm;name;description\nA;"Alpha\nstill alpha";"One.\n\nTwo."\nB;Beta;\n'
    entries, problems = read_csv(data, "x.csv")
    assert problems == []
    assert [(e.term, e.name, e.description, e.line) for e in entries] == [
        ("A", "Alpha still alpha", "One.\n\nTwo.", 3), ("B", "Beta", None, 7)]


def test_csv_without_a_usable_header_imports_nothing() -> None:
    cases = {
        b"": "no header row",
        b"\n\n": "no header row",
        b"KFOR,Kosovo Force\n": "the first row should name the columns",
        b"term,summary\nKFOR,A force.\n": "no column gives the name",
        b"term,name\x00\n": "NUL",
    }
    for data, message in cases.items():
        entries, problems = read_csv(data, "x.csv")
        assert entries == [] and len(problems) == 1 and problems[0].level == "error"
        assert message in problems[0].message, (data, problems)


def test_csv_unclosed_quote_and_repeated_columns() -> None:
    data = b'term,name,long\nA,Alpha,x\nB,"Beta\nC,Gamma\n'
    entries, problems = read_csv(data, "x.csv")
    assert [e.name for e in entries] == ["Alpha"]
    assert where(problems) == [(1, 11, "error"), (3, 3, "error")]
    assert "gives the name again" in problems[0].message
    assert "not closed" in problems[1].message


def test_tsv_is_a_table_when_its_first_line_names_columns() -> None:
    table = b"\xef\xbb\xbfAcronym\tName\tTags\r\nUN\tUnited Nations\tdiplomacy\r\n"
    assert read_tsv(table, "t") == ([GlossaryEntry("UN", "United Nations", tags=("diplomacy",),
                                                   line=2)], [])
    listing = (GLOSSARY / "acronyms.tsv").read_bytes()
    assert read_tsv(listing, "a") == read_wtf(listing, "a")
    assert read_tsv(b"UN\tUnited Nations\n", "u")[0][0].name == "United Nations"


def test_problem_excerpts_are_short_and_terminal_safe() -> None:
    header = "\x1b]0;owned\x07" + "x" * 100
    _, problems = read_csv(f"name,{header}\nA\n".encode(), "x.csv")
    message = problems[0].message
    assert not has_unsafe(message)
    excerpt = message.split("'")[1]
    assert len(excerpt) <= 40 and excerpt.startswith("^[]0;owned^G")


# -- dictd databases: reading -------------------------------------------------------------


def test_dictd_database_made_by_dictfmt_and_dictzip() -> None:
    # vera-like.index and .dict.dz were made from vera-like.txt by
    #   dictfmt -p --headword-separator %%% --break-headwords --without-time \
    #       -u https://brief.invalid/vera-like -s '...' vera-like; dictzip vera-like.dict
    entries, problems = read_dictd(str(GLOSSARY / "vera-like.index"))
    assert entries == [
        GlossaryEntry("TCP", "Transmission Control Protocol", tags=("ARPANET",), line=12),
        GlossaryEntry("TCP", "Tape Carrier Package", tags=("CPU",), line=13),
        GlossaryEntry("OS/360", "Operating System /360", aliases=("OS360",),
                      tags=("IBM", "OS"), line=11),
        GlossaryEntry("BP", "Base Pointer register", tags=("CPU", "Intel", "assembler"),
                      line=7),
        GlossaryEntry("BP;DR", "Behind Paywall; Didn't Read", tags=("slang", "Usenet", "IRC"),
                      line=7),
        GlossaryEntry("AAAS", "American Association for the Advancement of Science",
                      kind="organization", tags=("USA",), line=6),
        GlossaryEntry("KFOR", "Kosovo Force", summary="NATO-led international peacekeeping "
                      "force in Kosovo, established in 1999.", line=9),
    ]
    assert where(problems) == [(8, 1, "warning")]
    assert "expansion of 'CMSS' is unknown" in problems[0].message


def test_dictd_reads_a_plain_dict_and_reports_missing_or_broken_data(tmp_path: Path) -> None:
    index = tmp_path / "g.index"
    shutil.copy(GLOSSARY / "vera-like.index", index)
    assert read_dictd(str(tmp_path / "none.index"))[1][0].message.startswith("cannot read")
    _, problems = read_dictd(str(index))
    assert "no data file beside the index" in problems[0].message
    packed = (GLOSSARY / "vera-like.dict.dz").read_bytes()
    (tmp_path / "g.dict.dz").write_bytes(b"not gzip at all")
    _, problems = read_dictd(str(index))
    assert "not a dictzip or gzip file" in problems[0].message
    (tmp_path / "g.dict.dz").write_bytes(packed[: len(packed) // 2])
    entries, problems = read_dictd(str(index))
    assert "cut short" in problems[0].message and problems[0].level == "warning"
    assert any("past the end of the data" in p.message for p in problems)
    (tmp_path / "g.dict").write_bytes(gzip.decompress(packed))  # .dict wins over .dict.dz
    entries, problems = read_dictd(str(index))
    assert len(entries) == 7 and [p.level for p in problems] == ["warning"]


def test_dictd_bad_index_lines_are_reported_and_the_rest_is_read() -> None:
    data = b"A\n   Alpha\nB\n   Beta\n"
    index = b"a\tA\tL\nbroken line\nb\tL\t?\nc\tA\tBAA\nb\tL\tK\t\n"  # empty 4th column
    entries, problems = parse_dictd(index, data, "x.index")
    assert [(e.term, e.name) for e in entries] == [("A", "Alpha"), ("B", "Beta")]
    assert where(problems) == [(2, 1, "error"), (3, 5, "error"), (4, 1, "error")]
    assert "'?' is not a dictd base-64 number" in problems[1].message


def test_dictd_numbered_senses_prose_and_shared_definitions() -> None:
    texts = [
        "ZIP\n  1. Zone Improvement Plan (USA)\n  2. a file format\n     by PKWARE\n",
        "GNU\n   GNU's Not Unix, a recursive acronym standing for a free operating system "
        "project started in 1983 that produced most of the tools found on systems that "
        "run the Linux kernel.\n",
        "Kosovo Force\n   Kosovo Force\n\n   Peacekeepers.\n",
    ]
    data = "".join(texts).encode()
    starts = [0, len(texts[0].encode()), len((texts[0] + texts[1]).encode())]
    sizes = [len(t.encode()) for t in texts]
    lines = [("zip", 0), ("gnu", 1), ("kfor", 2), ("kosovo force", 2), ("the force", 2)]
    index = "".join(f"{k}\t{_b64_encode(starts[i])}\t{_b64_encode(sizes[i])}\n"
                    for k, i in lines)
    entries, problems = parse_dictd(index.encode(), data, "x")
    assert problems == []
    zip1, zip2, gnu, kfor = entries
    assert (zip1.term, zip1.name, zip1.tags) == ("ZIP", "Zone Improvement Plan", ("USA",))
    assert (zip2.term, zip2.name) == ("ZIP", "a file format by PKWARE")
    assert (gnu.term, gnu.name) == ("", "GNU") and gnu.summary is not None
    assert gnu.summary.startswith("GNU's Not Unix")
    assert (kfor.term, kfor.name, kfor.summary, kfor.aliases) == (
        "", "Kosovo Force", "Peacekeepers.", ("kfor", "the force"))


def test_b64_numbers() -> None:
    for value in (0, 1, 63, 64, 555, 2**32 + 7):
        assert _b64_decode(_b64_encode(value)) == value
    assert (_b64_encode(0), _b64_encode(555), _b64_decode("C6jY")) == ("A", "Ir", 764120)
    assert _b64_decode("") is None and _b64_decode("a-b") is None


# -- dictd keys ---------------------------------------------------------------------------


def test_dict_key_folds_as_dictd() -> None:
    assert dict_key("TCP/IP") == "tcpip"
    assert dict_key(" Kosovo  Force\t") == " kosovo force "
    assert dict_key("İstanbul ½ x²") == "istanbul x"
    assert dict_key("Vučić") == "vučić"
    assert dict_key("हिन्दी") == "हनद"  # dictd's table predates the vowel signs
    assert dict_key("Ⴀ\u00a0a\u200bb") == "Ⴀa b"


@needs_dictfmt
def test_dict_key_matches_dictfmt_for_every_character(tmp_path: Path) -> None:
    """Every code point below U+3400 (the alphabets), and every 29th beyond, as dictfmt
    keys it."""
    # Not the line ends, nor 0x1C: dictfmt splits a headword there (--index-data-separator).
    codes = [c for c in range(1, 0x110000) if not 0xD800 <= c < 0xE000
             and c not in (0x0A, 0x0D, 0x1C) and (c < 0x3400 or c % 29 == 0)]
    lines = ["%h"]
    for code in codes:
        lines += [f"%h q{code:06x}{chr(code)}z", "x"]
    run_dictfmt(tmp_path / "all", "\n".join(lines) + "\n", ["--without-url"])
    keys = {}
    for line in (tmp_path / "all.index").read_text(encoding="utf-8").split("\n")[:-1]:
        key = line.split("\t")[0]
        if not key.startswith("00database"):
            keys[int(key[1:7], 16)] = key
    wrong = [hex(c) for c in codes if dict_key(f"q{c:06x}{chr(c)}z") != keys[c]]
    assert wrong == []


# -- dictd databases: writing -------------------------------------------------------------

DICTFMT_ARGS = ["-p", "--utf8", "--index-keep-orig", "--headword-separator", "%%%",
                "--without-headword", "--without-time", "--without-header", "--without-ver",
                "--columns", "0", "-q"]


def run_dictfmt(base: Path, text: str, args: list[str]) -> tuple[str, bytes]:
    assert DICTFMT is not None
    subprocess.run([DICTFMT, *DICTFMT_ARGS, *args, str(base)], input=text.encode(),
                   check=True, timeout=60, capture_output=True)
    return (base.with_suffix(".index").read_text(encoding="utf-8"),
            base.with_suffix(".dict").read_bytes())


def dictfmt_like(entries: list[DictEntry], short: str, url: str | None, info: str | None,
                 base: Path) -> tuple[str, bytes]:
    """The database dictfmt makes of `entries`, fed as write_dictd's docstring says."""
    lines = [] if not info else info.removesuffix("\n").split("\n")
    lines.append("%h")
    for entry in entries:
        lines += ["%h " + "%%%".join(entry.headwords), "%d", entry.headwords[0]]
        text = entry.text.removesuffix("\n")
        lines += text.split("\n") if text else []
    args = ["-s", short, *(["-u", url] if url else ["--without-url"])]
    return run_dictfmt(base, "\n".join(lines) + "\n", args)


SAMPLE = [
    dict_entry("KFOR", "Kosovo Force",
               "NATO-led international peacekeeping force established in 1999 to maintain "
               "peace and security in Kosovo.",
               "It responded to the incidents of September.\n\nA second paragraph.",
               ["Kosovo Forces", "KFOR mission"]),
    DictEntry(("KFOR",), "   Kosovo Force Mission\n  two  spaces  \n\t tab line\n   \n"),
    DictEntry(("Vučić", "İstanbul ½ x²", "हिन्दी"), "   Someone – here\n"),
    DictEntry(("Москва", "東京", "Ⴀ"), "city"),
    DictEntry(("C++", "AT&T", "a - b"), "\n\nlang\n\n"),
    DictEntry(("PSA",), ""),
]


@needs_dictfmt
@pytest.mark.parametrize(("url", "info"), [
    ("https://brief.invalid/kb", "Exported from brief.\n  Second line  with spaces \n"),
    (None, None),
    (None, "one line"),
])
def test_write_dictd_is_what_dictfmt_makes(tmp_path: Path, url: str | None,
                                           info: str | None) -> None:
    index, data = write_dictd(SAMPLE, "kb", "Brief knowledge", url, info)
    assert (index, data) == dictfmt_like(SAMPLE, "Brief knowledge", url, info, tmp_path / "kb")


headword = st.text(st.sampled_from("abcXYZ019 -.&/éČж東"), min_size=1, max_size=12).map(
    lambda s: " ".join(s.split())
).filter(lambda s: dict_key(s).strip() != "" and not dict_key(s).startswith("00database"))
text_line = st.text(st.sampled_from("ab Z9 \t.,-é–"), max_size=20)


@st.composite
def dict_entries(draw: st.DrawFn) -> DictEntry:
    words = draw(st.lists(headword, min_size=1, max_size=3,
                          unique_by=lambda h: dict_key(h)))
    lines = draw(st.lists(text_line, max_size=4))
    return DictEntry(tuple(words), "\n".join(lines))


@needs_dictfmt
@fixed(60)
@given(st.lists(dict_entries(), max_size=6), st.sampled_from([None, "https://x.invalid/"]),
       st.one_of(st.none(), text_line))
def test_write_dictd_is_what_dictfmt_makes_for_generated_entries(
    tmp_path_factory: pytest.TempPathFactory, entries: list[DictEntry], url: str | None,
    info: str | None,
) -> None:
    base = tmp_path_factory.mktemp("db") / "g"
    assert write_dictd(entries, "g", "G", url, info) == dictfmt_like(entries, "G", url, info,
                                                                      base)


def test_write_then_read_gives_the_entries_back() -> None:
    entries = [
        dict_entry("KFOR", "Kosovo Force", "NATO-led peacekeeping force in Kosovo.",
                   "Supported by NATO.\n\nEstablished in 1999.", ["Kosovo Forces", "KFOR mission"]),
        dict_entry(None, "Kosovo Police", "Police of Kosovo.", aliases=["KP"]),
        dict_entry("PSA", "public service announcement"),
        dict_entry("PSA", "prostate-specific antigen"),
        dict_entry("Vučić", "Aleksandar Vučić", "President of Serbia. " * 12),
    ]
    index, data = write_dictd(entries, "kb", "Brief")
    read, problems = parse_dictd(index.encode(), data, "kb.index")
    assert problems == []
    assert [(e.term, e.name, e.summary, e.description, set(e.aliases)) for e in read] == [
        ("KFOR", "Kosovo Force", "NATO-led peacekeeping force in Kosovo.",
         "Supported by NATO.\n\nEstablished in 1999.", {"Kosovo Forces", "KFOR mission"}),
        ("", "Kosovo Police", "Police of Kosovo.", None, {"KP"}),
        ("PSA", "public service announcement", None, None, set()),
        ("PSA", "prostate-specific antigen", None, None, set()),
        ("Vučić", "Aleksandar Vučić", ("President of Serbia. " * 12).strip(), None, set()),
    ]


def test_write_indexes_each_usable_headword_once() -> None:
    index, data = write_dictd([
        DictEntry(("KFOR", "kfor", "K.F.O.R.", "++", "00-database-x"), "Kosovo Force"),
        DictEntry(("!!",), "nothing to look up"),
        DictEntry(("KFOR",), "second sense"),
    ], "kb", "Brief")
    rows = [line.split("\t") for line in index.split("\n")[:-1]]
    assert [r[0] for r in rows if not r[0].startswith("00database")] == ["kfor", "kfor"]
    assert b"nothing to look up" not in data and b"00-database-x" not in data
    first, second = (r for r in rows if r[0] == "kfor")
    assert (_b64_decode(first[1]) or 0) < (_b64_decode(second[1]) or 0)  # in entry order


@fixed(150)
@given(st.lists(st.builds(DictEntry, st.lists(st.text(max_size=15), max_size=3).map(tuple),
                          st.text(max_size=60)), max_size=5),
       st.text(max_size=20), st.one_of(st.none(), st.text(max_size=20)),
       st.one_of(st.none(), st.text(max_size=40)))
def test_write_dictd_takes_any_text(entries: list[DictEntry], short: str, url: str | None,
                                    info: str | None) -> None:
    index, data = write_dictd(entries, "x", short, url, info)
    keys = []
    for line in index.split("\n")[:-1]:
        key, offset, length, *orig = line.split("\t")
        start, size = _b64_decode(offset), _b64_decode(length)
        assert start is not None and size is not None and start + size <= len(data)
        assert len(orig) <= 1 and "\n" not in key
        keys.append(key.encode())
    assert keys == sorted(keys)
    data.decode("utf-8")
    entries_read, problems = parse_dictd(index.encode(), data, "x")
    well_formed(entries_read, problems, "x")
    assert all(p.level == "warning" for p in problems)


# -- any input: entries and problems, never an exception ----------------------------------

CSV_BITS = ["term", "name", "aliases", "tags", "summary", "x", ",", ";", "\t", '"', '""',
            "\n", "\r\n", "\r", "\ufeff", "sep=;", "\x00", "\x1b", "é", " ", "KFOR", "|"]
WTF_BITS = ["KFOR", "\t", " ", "\n", "$", "[", "]", "{", "}", ",", "a", "é", "\x1b", "\r",
            "\xff"]
INDEX_BITS = ["kfor", "\t", "A", "B", "Z", "/", "+", "?", "\n", "00databaseutf8", " ", "é"]
DATA_BITS = ["KFOR", "\n", "   ", "Kosovo Force", " (org., x)", ', "K"', "1. ", "2. ", "???",
             "[", "]", "{a,b}", "(", ")", "\xe9", "  X;Y  z"]


def bits(pieces: list[str], size: int = 40) -> st.SearchStrategy[bytes]:
    return st.lists(st.one_of(st.sampled_from(pieces), st.text(max_size=3)),
                    max_size=size).map(lambda parts: "".join(parts).encode("utf-8"))


@fixed(300)
@given(st.one_of(st.binary(max_size=300), bits(WTF_BITS)))
def test_wtf_takes_any_bytes(data: bytes) -> None:
    entries, problems = read_wtf(data, "w")
    well_formed(entries, problems, "w")


@fixed(300)
@given(st.one_of(st.binary(max_size=300), bits(CSV_BITS)))
def test_csv_takes_any_bytes(data: bytes) -> None:
    entries, problems = read_csv(data, "c")
    well_formed(entries, problems, "c")
    entries, problems = read_tsv(data, "c")
    well_formed(entries, problems, "c")


@fixed(300)
@given(st.one_of(st.binary(max_size=200), bits(INDEX_BITS)),
       st.one_of(st.binary(max_size=200), bits(DATA_BITS)))
def test_dictd_takes_any_bytes(index: bytes, data: bytes) -> None:
    entries, problems = parse_dictd(index, data, "d")
    well_formed(entries, problems, "d")


def test_readers_cap_their_problems() -> None:
    _, problems = read_wtf(b"\tx\n" * 1000, "w")
    assert len(problems) == 101 and problems[-1].message == "900 more problem(s) not listed"


# -- real glossaries ----------------------------------------------------------------------


Reader = Callable[..., tuple[list[GlossaryEntry], list[Problem]]]


def timed(read: Reader, *args: object) -> tuple[list[GlossaryEntry], list[Problem]]:
    """`read(*args)`, printing how long it took (shown by `pytest -s`)."""
    start = time.perf_counter()
    entries, problems = read(*args)
    seconds = time.perf_counter() - start
    per = seconds / max(len(entries), 1) * 10_000
    print(f"\n{args[-1]}: {len(entries)} entries in {seconds * 1000:.0f} ms "
          f"({per * 1000:.0f} ms per 10,000)")
    return entries, problems


def real(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not installed (Debian packages bsdgames, dict-vera)")
    return path


def find(entries: list[GlossaryEntry], term: str) -> list[GlossaryEntry]:
    return [e for e in entries if e.term == term]


def test_bsdgames_computer_acronyms() -> None:
    path = real(BSDGAMES / "acronyms.comp")
    entries, problems = timed(read_wtf, path.read_bytes(), str(path))
    assert problems == []
    assert len(entries) >= 1_000
    assert [e.name for e in find(entries, "TCP")] == ["Transmission Control Protocol"]
    assert [e.name for e in find(entries, "GPL")] == ["GNU General Public License"]
    assert [e.name for e in find(entries, "ACK")] == ["Amsterdam compiler kit",
                                                      "acknowledgement"]
    (raid,) = find(entries, "RAID")
    assert raid.name == "redundant array of independent disks"
    assert raid.aliases == ("redundant array of inexpensive disks",)


def test_bsdgames_acronyms() -> None:
    path = real(BSDGAMES / "acronyms")
    entries, problems = timed(read_wtf, path.read_bytes(), str(path))
    assert problems == []
    assert len(entries) >= 500  # the general list is the shorter one (589 in 2.17)
    assert [e.name for e in find(entries, "FUD")] == ["fear, uncertainty, and doubt"]
    (iirc,) = find(entries, "IIRC")
    assert (iirc.name, iirc.aliases) == ("if I recall correctly", ("if I remember correctly",))
    assert [e.name for e in find(entries, "PSA")] == ["prostate-specific antigen",
                                                      "public service announcement"]


def test_vera() -> None:
    path = real(VERA)
    entries, problems = timed(read_dictd, str(path))
    assert len(entries) >= 12_000
    assert {p.level for p in problems} == {"warning"}  # only the expansions given as "???"
    assert all("is unknown" in p.message for p in problems)
    tcp = {e.name: e for e in find(entries, "TCP")}
    assert set(tcp) == {"Tape Carrier Package", "Test Coordination Procedure",
                        "Transmission Control Protocol"}
    assert tcp["Transmission Control Protocol"].tags == ("ARPANET",)
    (dns,) = find(entries, "DNS")
    assert (dns.name, dns.tags) == ("Domain Name System", ("Internet", "RFC 1034/1035"))
    (os360,) = find(entries, "OS/360")
    assert os360.aliases == ("OS360",)
    aaas = find(entries, "AAAS")[0]
    assert (aaas.name, aaas.kind) == ("American Association for the Advancement of Science",
                                      "organization")
    assert [e.name for e in find(entries, "TL;DR")] == ["Too Long; Didn't Read"]
    assert len(find(entries, "IP")) == 7


def test_real_lists_round_trip_through_dictd() -> None:
    path = real(BSDGAMES / "acronyms.comp")
    entries, _ = read_wtf(path.read_bytes(), str(path))
    start = time.perf_counter()
    index, data = write_dictd([dict_entry(e.term, e.name, aliases=e.aliases) for e in entries],
                              "acronyms", "Computer acronyms")
    print(f"\nwrite_dictd: {len(entries)} entries in "
          f"{(time.perf_counter() - start) * 1000:.0f} ms")
    back, problems = parse_dictd(index.encode(), data, "acronyms.index")
    assert problems == []
    assert [(e.term, set(e.aliases)) for e in back] == [(e.term, set(e.aliases)) for e in entries]
    # A name ending in " (...)" reads back as the V.E.R.A. style has it: name and tags.
    names = [f"{e.name} ({', '.join(e.tags)})" if e.tags else e.name for e in back]
    assert names == [e.name for e in entries]
    assert sum(1 for e in back if e.tags) == 4


def test_names_are_normalized_text() -> None:
    entries, _ = read_wtf("X\tCafe\u0301  au\u00a0lait\n".encode(), "w")
    assert entries[0].name == "Cafe\u0301 au lait"  # spacing collapsed, letters as written
