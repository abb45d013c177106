"""Hostile articles and glossaries: drafting, importing and exporting stay bounded and clear.

Each test names the class of defect it guards against (issue 17, importers, ingest and
exports): output that grows faster than the input, quadratic work, limits that end in an
internal error, repeated records, half-replaced databases, files that are not regular
files, and paragraphs too long to draft from.
"""

from __future__ import annotations

import contextlib
import os
import re
import string
import threading
from pathlib import Path

import pytest

from briefcli import files as files_module
from briefcli.authoring import article as article_module
from briefcli.authoring.glossaries import dictd as glossary
from briefcli.authoring.glossaries.dictd import parse_dictd
from briefcli.knowledge.rules import MAX_ITEMS, MAX_TEXT
from conftest import write
from test_authoring import records as _records


def _acronym(i: int) -> tuple[str, str]:
    """A distinct acronym and its expansion: ("BCD", "Bravo Charlie Delta")."""
    letters = string.ascii_uppercase
    short = letters[i % 26] + letters[(i // 26) % 26] + letters[(i // 676) % 26]
    names = ("Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliett Kilo Lima "
             "Mike November Oscar Papa Quebec Romeo Sierra Tango Uniform Victor Whiskey Xray "
             "Yankee Zulu")
    words = dict(zip(letters, names.split(" "), strict=True))
    return short, " ".join(words[c] for c in short)


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    return write(tmp_path / "kb" / "kb.yaml", "entities:\n  - id: x\n    name: X\n").parent


# -- H3: a draft's size stays linear in the article -------------------------------------------


MONTHS = ("January", "February", "March", "April", "June", "July", "August", "September",
          "October", "November", "December")


def _long_sentence_article(count: int, style: str) -> str:
    parts = []
    for i in range(count):
        short, long = _acronym(i)
        if style == "dates":
            parts.append(f"on {1 + i % 28} {MONTHS[i % 11]} {1850 + i // 11}")
        else:
            parts.append(f"the {long} ({short})" if style == "paren" else f"the {long}, {short},")
    sentence = "The council met " + " and ".join(parts) + " in the capital."
    return f"date 2024-02-02\n\n{sentence}\n\nIt met again. {sentence}\n"


@pytest.mark.parametrize(
    ("count", "style"), [(100, "paren"), (200, "paren"), (150, "comma"), (150, "dates")]
)
def test_draft_output_is_linear_in_an_article_of_long_sentences_of_acronyms(
    brief, tmp_path, kb, count, style
):
    sizes = []
    for n in (count, 2 * count):
        text = _long_sentence_article(n, style)
        article = write(tmp_path / f"long{n}.txt", text)
        r = brief("ingest", str(article), "--data", str(kb))
        assert r.code == 0, r.stderr
        draft = _records(r.stdout)
        assert len(draft["event" if style == "dates" else "entity"]) >= n
        # A bounded excerpt per record: the draft within a constant factor of the input.
        assert len(r.stdout) < 20 * len(text)
        sizes.append((len(text), len(r.stdout)))
        comments = [line for line in r.stdout.splitlines() if line.strip().startswith("#")]
        joined = " ".join(line.strip()[2:] for line in comments)
        quoted = re.findall(rf'from {re.escape(str(article))}:(\d+): "([^"]*)"', joined)
        assert quoted and {line for line, _ in quoted} <= {"3", "5"}
        assert all(len(q) <= 2 * 200 for _, q in quoted)
        cut = [q for _, q in quoted if q.startswith("…") or q.endswith("…")]
        assert cut
        for q in cut:  # on word boundaries: every word of the excerpt is in the sentence
            inner = q.strip("…")
            assert inner == inner.strip() and f" {inner} " in f" {text.split(chr(10))[2]} "
    (small_in, small_out), (big_in, big_out) = sizes
    # Twice the article, about twice the draft (a draft quadratic in it would be 4 times).
    assert big_out / small_out < 1.3 * big_in / small_in


@pytest.mark.parametrize("at", [0, 1, 37, 500, 990, 1_400, 1_990])
@pytest.mark.parametrize("word", [5, 1, 30])
def test_an_excerpt_of_a_long_sentence_holds_the_match_cut_at_spaces(at, word):
    from briefcli.authoring.drafting import excerpt

    filler = ("x" * (word - 1) + " ") * (2_000 // word)
    needle = "Kosovo Force (KFOR)"
    sentence = (filler[:at] + " " + needle + " " + filler).strip()
    cut = excerpt(sentence, needle)
    inner = cut.removeprefix("…").removesuffix("…")
    assert needle in inner and inner in sentence
    assert len(inner) <= 200
    assert cut.startswith("…") == (not sentence.startswith(inner))
    assert cut.endswith("…") == (not sentence.endswith(inner))
    start = sentence.index(inner) if sentence.count(inner) == 1 else None
    if start is not None and word < 30:  # words shorter than the excerpt are never cut
        assert start == 0 or sentence[start - 1] == " "
        end = start + len(inner)
        assert end == len(sentence) or sentence[end] == " "
    assert excerpt(needle, needle) == needle


def test_short_sentences_are_still_quoted_whole(brief, tmp_path, kb):
    sentence = "The Kosovo Force (KFOR) met the European Union Rule of Law Mission (EULEX)."
    article = write(tmp_path / "short.txt", f"date 2024-02-02\n\n{sentence}\n")
    r = brief("ingest", str(article), "--data", str(kb))
    assert r.code == 0, r.stderr
    joined = " ".join(
        line.strip()[2:] for line in r.stdout.splitlines() if line.strip().startswith("# ")
    )
    # Both entities, and the article's own event ("met", dated by its dateline), quote
    # the sentence whole.
    assert joined.count(f'from {article}:3: "{sentence}"') == 3
    assert "…" not in joined


# -- M1: a dictd index of many lines sharing one definition ------------------------------------


def _b64(value: int) -> str:
    return glossary._b64_encode(value)


def _shared_index(lines: int) -> tuple[bytes, bytes]:
    data = b"ABC\n   Alpha Bravo Charlie\n"
    rows = [f"abc\t{_b64(0)}\t{_b64(len(data))}\tABC"]
    rows += [f"w{i}\t{_b64(0)}\t{_b64(len(data))}\tword{i}" for i in range(lines)]
    return ("\n".join(rows) + "\n").encode(), data


def test_dictd_index_of_many_lines_sharing_one_definition_is_linear(monkeypatch):
    calls = {"n": 0}
    real = glossary.dict_key

    def counting(text: str) -> str:
        calls["n"] += 1
        return real(text)

    monkeypatch.setattr(glossary, "dict_key", counting)
    work = []
    for lines in (2_000, 8_000):
        calls["n"] = 0
        index, data = _shared_index(lines)
        entries, _ = parse_dictd(index, data, "g.index")
        assert len(entries) == 1
        work.append(calls["n"])
    assert work[1] < 6 * work[0]  # four times the lines: about four times the work


def test_dictd_aliases_over_the_limit_are_a_warning_and_the_entry_is_kept(brief, tmp_path):
    index, data = _shared_index(MAX_ITEMS + 500)
    (tmp_path / "g.index").write_bytes(index)
    (tmp_path / "g.dict").write_bytes(data)
    entries, problems = parse_dictd(index, data, "g.index")
    assert len(entries) == 1 and len(entries[0].aliases) == MAX_ITEMS
    assert [(p.line, p.level) for p in problems] == [(1, "warning")]
    out = tmp_path / "out.yaml"
    r = brief("import", str(tmp_path / "g.index"), "--from", "dictd", "-o", str(out))
    assert r.code == 0, r.stderr
    assert f"{tmp_path / 'g.index'}:1:1: warning:" in r.stderr
    (entity,) = _records(out.read_text())["entity"]
    assert entity["acronym"] == "ABC" and len(entity["aliases"]) == MAX_ITEMS


def test_dictd_index_of_50000_lines_for_one_definition_gives_the_entry():
    index, data = _shared_index(50_000)
    entries, problems = parse_dictd(index, data, "g.index")
    assert [e.term for e in entries] == ["ABC"]
    assert len(entries[0].aliases) == MAX_ITEMS
    assert [(p.line, p.level) for p in problems] == [(1, "warning")]
    assert "aliases" in problems[0].message


# -- M2: a cell or a list over the format's limits ---------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
@pytest.mark.parametrize("column", ["name", "summary", "description", "aliases"])
def test_glossary_cell_over_the_text_limit_drops_the_row(brief, tmp_path, fmt, column):
    sep = "," if fmt == "csv" else "\t"
    header = sep.join(["acronym", "name", "summary", "description", "aliases"])
    cells = {"name": "Big Name", "summary": "", "description": "", "aliases": ""}
    cells[column] = "word " * (MAX_TEXT // 5 + 10)
    big = sep.join(["BIG", *cells.values()])
    empty = sep * 3
    text = f"{header}\nABC{sep}Alpha Bravo Charlie{empty}\n{big}\nXYZ{sep}X Y Z{empty}\n"
    source = write(tmp_path / f"g.{fmt}", text)
    out = tmp_path / "out.yaml"
    r = brief("import", str(source), "--from", fmt, "-o", str(out))
    assert r.code == 1, r.stderr
    assert re.search(rf"{re.escape(str(source))}:3:\d+: error: .*(long|characters)", r.stderr)
    assert "internal error" not in r.stderr.lower()
    assert [e["acronym"] for e in _records(out.read_text())["entity"]] == ["ABC", "XYZ"]


@pytest.mark.parametrize(("fmt", "field"), [("csv", "aliases"), ("tsv", "aliases"),
                                            ("csv", "tags")])
def test_glossary_list_over_the_item_limit_drops_the_row(brief, tmp_path, fmt, field):
    sep = "," if fmt == "csv" else "\t"
    header = sep.join(["acronym", "name", field])
    many = ";".join(f"a{i}" for i in range(MAX_ITEMS + 3))
    text = f"{header}\nBIG{sep}Big Name{sep}{many}\nXYZ{sep}X Y Z{sep}\n"
    source = write(tmp_path / f"g.{fmt}", text)
    out = tmp_path / "out.yaml"
    r = brief("import", str(source), "--from", fmt, "-o", str(out))
    assert r.code == 1, r.stderr
    assert re.search(rf"{re.escape(str(source))}:2:\d+: error: .*items", r.stderr)
    assert [e["acronym"] for e in _records(out.read_text())["entity"]] == ["XYZ"]


def test_wtf_list_meaning_over_the_text_limit_drops_the_line(brief, tmp_path):
    text = f"ABC\tAlpha Bravo Charlie\nBIG\t{'word ' * (MAX_TEXT // 5 + 10)}\nXYZ\tX Y Z\n"
    source = write(tmp_path / "acronyms", text)
    out = tmp_path / "out.yaml"
    r = brief("import", str(source), "--from", "tsv", "-o", str(out))
    assert r.code == 1, r.stderr
    assert re.search(rf"{re.escape(str(source))}:2:\d+: error: ", r.stderr)
    assert [e["acronym"] for e in _records(out.read_text())["entity"]] == ["ABC", "XYZ"]


def test_dictd_definition_over_the_text_limit_drops_the_entry():
    data = b"ABC\n   Alpha Bravo Charlie\n"
    big = b"BIG\n   Big Name\n\n   " + b"word " * (MAX_TEXT // 5 + 10) + b"\n"
    index = (f"abc\t{_b64(0)}\t{_b64(len(data))}\n"
             f"big\t{_b64(len(data))}\t{_b64(len(big))}\n").encode()
    entries, problems = parse_dictd(index, data + big, "g.index")
    assert [e.term for e in entries] == ["ABC"]
    assert [(p.line, p.level) for p in problems] == [(2, "error")]


# -- M3: the same FAQ, or the same source, in two articles -------------------------------------

FAQ_ARTICLE = """\
date {date}

The ministers met in Tirana to talk about the regional market.

FAQ:

What is the Berlin Process?

The Berlin Process is an initiative launched in 2014 for regional cooperation.

Sources:

- European Commission – Common Regional Market
"""


@pytest.mark.parametrize("copies", [2, 3])
def test_repeated_faq_and_source_across_articles_are_linked_once(brief, tmp_path, kb, copies):
    paths = [
        str(write(tmp_path / f"a{i}.txt", FAQ_ARTICLE.format(date=f"2024-02-0{i + 1}")))
        for i in range(copies)
    ]
    r = brief("ingest", *paths, "--data", str(kb))
    assert r.code == 0, r.stderr
    draft = _records(r.stdout)
    assert len(draft["faq"]) == 1 and len(draft["source"]) == 1
    faq_id, source_id = draft["faq"][0]["id"], draft["source"][0]["id"]
    assert [b["faqs"] for b in draft["briefing"]] == [[faq_id]] * copies
    assert [b["sources"] for b in draft["briefing"]] == [[source_id]] * copies


def test_faq_repeated_within_one_article_is_linked_once(brief, tmp_path, kb):
    text = FAQ_ARTICLE.format(date="2024-02-01").replace(
        "Sources:", "What is the Berlin Process?\n\nAn initiative, again.\n\nSources:")
    r = brief("ingest", str(write(tmp_path / "a.txt", text)), "--data", str(kb))
    assert r.code == 0, r.stderr
    draft = _records(r.stdout)
    assert len(draft["faq"]) == 1
    assert draft["briefing"][0]["faqs"] == [draft["faq"][0]["id"]] * 2 or \
        draft["briefing"][0]["faqs"] == [draft["faq"][0]["id"]]


# -- M4: a dictd export replaces both files together or neither ---------------------------------

KB_ONE = "entities:\n  - id: kfor\n    name: Kosovo Force\n    acronym: KFOR\n"
KB_TWO = KB_ONE + "  - id: eulex\n    name: Rule of Law Mission\n    acronym: EULEX\n"


@pytest.mark.parametrize("failing", ["rename", "write"])
def test_dictd_export_replaces_both_files_or_neither(brief, tmp_path, monkeypatch, failing):
    kb = write(tmp_path / "kb" / "kb.yaml", KB_ONE)
    name = tmp_path / "out" / "db"
    name.parent.mkdir()
    r = brief("export", "--format", "dictd", "-o", str(name), "--data", str(kb.parent))
    assert r.code == 0, r.stderr
    index = Path(f"{name}.index")
    dict_file = Path(f"{name}.dict")
    old = (index.read_bytes(), dict_file.read_bytes())
    write(kb, KB_TWO)
    if failing == "rename":
        real = os.replace
        seen: list[str] = []

        def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
            if str(dst).endswith(".dict") and str(src).endswith(".tmp"):
                seen.append(str(dst))
                raise OSError(28, "No space left on device")
            real(src, dst)

        monkeypatch.setattr(os, "replace", replace)
    else:
        real_fsync = os.fsync

        def fsync(fd: int) -> None:  # the data file's content does not reach the disk
            if os.path.basename(os.readlink(f"/proc/self/fd/{fd}")).startswith(".db.dict-"):
                raise OSError(28, "No space left on device")
            real_fsync(fd)

        monkeypatch.setattr(os, "fsync", fsync)
    r = brief("export", "--format", "dictd", "-o", str(name), "--force",
              "--data", str(kb.parent))
    assert r.code == 1, r.stderr
    assert "cannot write" in r.stderr
    assert (index.read_bytes(), dict_file.read_bytes()) == old
    assert sorted(p.name for p in name.parent.iterdir()) == ["db.dict", "db.index"]
    monkeypatch.undo()
    entries, problems = glossary.read_dictd(str(index))
    assert problems == [] and [e.term for e in entries] == ["KFOR"]


@pytest.mark.parametrize("links", [True, False])
def test_write_files_replaces_every_file_or_none(tmp_path, monkeypatch, links):
    paths = [tmp_path / f"f{i}" for i in range(3)]
    for p in paths:
        p.write_text("old")
    if not links:  # a file system without hard links

        def no_link(*args: object, **kwargs: object) -> None:
            raise OSError(1, "Operation not permitted")

        monkeypatch.setattr(os, "link", no_link)
    real = os.replace
    count = {"n": 0}

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if str(src).endswith(".tmp"):
            count["n"] += 1
            if count["n"] == 3:
                raise OSError(5, "Input/output error")
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(files_module.BriefError):
        files_module.write_files({p: b"new" for p in paths}, force=True)
    assert [p.read_text() for p in paths] == ["old"] * 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f0", "f1", "f2"]
    monkeypatch.undo()
    files_module.write_files({p: f"new {i}" for i, p in enumerate(paths)}, force=True)
    assert [p.read_text() for p in paths] == ["new 0", "new 1", "new 2"]
    with pytest.raises(files_module.FileExists):
        files_module.write_files({tmp_path / "g": b"", paths[0]: b""})
    assert not (tmp_path / "g").exists()


# -- L4: what is not a regular file is named for what it is -----------------------------------


@pytest.fixture
def rescue(request: pytest.FixtureRequest):
    """Make a FIFO that a reader would block on: should brief open it to read and wait,
    a writer opens and closes it a few seconds later, so the test fails, not hangs."""
    timers: list[threading.Timer] = []

    def fifo(path: Path) -> Path:
        os.mkfifo(path)

        def unblock() -> None:
            with contextlib.suppress(OSError):  # nobody waits to read it: as it should be
                os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))

        timer = threading.Timer(5, unblock)
        timer.start()
        timers.append(timer)
        return path

    yield fifo
    for timer in timers:
        timer.cancel()


def _special(tmp_path: Path, what: str, rescue) -> tuple[Path, str]:
    if what == "folder":
        path = tmp_path / "folder.tsv"
        path.mkdir()
        return path, "is a folder"
    if what == "fifo":
        return rescue(tmp_path / "pipe.tsv"), "FIFO"
    return Path("/dev/null"), "device"


@pytest.mark.parametrize("what", ["folder", "fifo", "device"])
@pytest.mark.parametrize("fmt", ["tsv", "csv", "dictd"])
def test_import_of_what_is_not_a_regular_file_says_what_it_is(
    brief, tmp_path, what, fmt, rescue
):
    path, said = _special(tmp_path, what, rescue)
    r = brief("import", str(path), "--from", fmt)
    assert r.code == 1
    assert said in r.stderr and "no such file" not in r.stderr
    assert str(path) in r.stderr


@pytest.mark.parametrize("what", ["fifo", "device"])
def test_ingest_of_what_is_not_a_regular_file_says_what_it_is(brief, tmp_path, what, rescue):
    path, said = _special(tmp_path, what, rescue)
    r = brief("ingest", str(path))
    assert r.code == 1
    assert said in r.stderr and f"{path}" in r.stderr


def test_dictd_data_file_that_is_a_fifo_never_blocks(brief, tmp_path, rescue):
    (tmp_path / "g.index").write_bytes(f"abc\t{_b64(0)}\t{_b64(4)}\n".encode())
    rescue(tmp_path / "g.dict")
    r = brief("import", str(tmp_path / "g.index"), "--from", "dictd")
    assert r.code == 1
    assert "FIFO" in r.stderr


def test_import_of_a_missing_file_still_says_no_such_file(brief, tmp_path):
    for fmt in ("tsv", "csv", "dictd"):
        r = brief("import", str(tmp_path / "nope"), "--from", fmt)
        assert r.code == 1 and "no such file" in r.stderr


# -- L6: over-long paragraphs are refused before any drafting ----------------------------------


@pytest.mark.parametrize("shape", ["one line", "wrapped lines", "faq answer"])
def test_over_long_paragraph_is_refused_naming_article_and_line(
    brief, tmp_path, kb, monkeypatch, shape
):
    monkeypatch.setattr(article_module, "MAX_PARAGRAPH", 2_000)
    long = " ".join(f"Word{i} (W{i})." for i in range(400))
    if shape == "one line":
        body = f"A first paragraph.\n\n{long}\n"
    elif shape == "wrapped lines":
        body = "A first paragraph.\n\n" + "\n".join(long[i:i + 70] for i in range(0, len(long), 70))
    else:
        body = f"A first paragraph.\n\nFAQ:\n\nWhat is it?\n\n{long}\n"
    text = f"date 2024-02-02\n\n{body}"
    line = text.splitlines().index(next(x for x in text.splitlines() if x.startswith("Word0"))) + 1
    article = write(tmp_path / "big.txt", text)
    r = brief("ingest", str(article), "--data", str(kb))
    assert r.code == 1, r.stderr
    assert f"{article}:{line}:" in r.stderr
    assert "2,000" in r.stderr
    assert r.stdout == ""


def test_paragraph_under_the_bound_is_drafted(brief, tmp_path, kb, monkeypatch):
    monkeypatch.setattr(article_module, "MAX_PARAGRAPH", 2_000)
    article = write(tmp_path / "ok.txt", "date 2024-02-02\n\n" + "A word. " * 240 + "\n")
    assert brief("ingest", str(article), "--data", str(kb)).code == 0
