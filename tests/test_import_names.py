"""`brief import` and V.E.R.A.'s unknown words (`???`), and the first import into a folder
that holds no knowledge yet."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefcli.authoring.glossaries.dictd import _b64_encode
from briefcli.authoring.unknowns import without_unknown
from briefcli.knowledge.checker import parse_file

TSV = (
    "ABC\t??? Broadcasting Company\n"
    "XYZ\tXylophone Zone (???)\n"
    "QQ\t???\n"
    "OK\tOnly Kidding\n"
)


def names(path: Path) -> dict[str, dict[str, object]]:
    result = parse_file(path.read_bytes(), str(path))
    assert not result.problems
    return {r.id: r.data for r in result.records}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ABC ??? Broadcasting Company", "ABC Broadcasting Company"),
        ("??? Broadcasting Company", "Broadcasting Company"),
        ("XYZ (???)", "XYZ"),
        ("Tape Carrier Package (???, CPU)", "Tape Carrier Package (CPU)"),
        ("Tape Carrier Package (CPU, ????)", "Tape Carrier Package (CPU)"),
        ("Foo ???, Inc.", "Foo, Inc."),
        ("Foo - ???", "Foo"),
        ("???", ""),
        ("(???)", ""),
        ("Who?", "Who?"),  # a question mark of the name's own
        ("Kosovo Force", "Kosovo Force"),
    ],
)
def test_without_unknown(text: str, expected: str) -> None:
    assert without_unknown(text) == expected


def test_tsv_names_lose_their_unknown_words_with_a_warning(brief, tmp_path: Path) -> None:
    source = tmp_path / "vera.tsv"
    source.write_text(TSV, encoding="utf-8")
    target = tmp_path / "kb" / "vera.yaml"
    target.parent.mkdir()
    r = brief("import", str(source), "--from", "tsv", "-o", str(target),
              "--data", str(target.parent))
    assert r.code == 0, r.stderr
    warnings = [line for line in r.stderr.splitlines() if ": warning: " in line]
    assert warnings == [
        f"{source}:1:1: warning: the name '??? Broadcasting Company' of 'ABC' holds '???' "
        "(an unknown word); kept as 'Broadcasting Company' [import]",
        f"{source}:2:1: warning: the name 'Xylophone Zone (???)' of 'XYZ' holds '???' "
        "(an unknown word); kept as 'Xylophone Zone' [import]",
        f"{source}:3:1: warning: the name of 'QQ' is '???', unknown; the entry is left out "
        "[import]",
    ]
    assert "imported 3 entries" in r.stderr and "3 problem(s) listed above" in r.stderr
    assert "holds no knowledge" not in r.stderr
    records = names(target)
    assert {k: v["name"] for k, v in records.items()} == {
        "abc": "Broadcasting Company", "xyz": "Xylophone Zone", "ok": "Only Kidding",
    }
    assert "???" not in target.read_text(encoding="utf-8").split("\nformat: 1\n", 1)[1]
    assert brief("check", "--data", str(target)).code == 0
    assert "Broadcasting Company" in brief("define", "ABC", "--data", str(target)).stdout
    assert brief("define", "QQ", "--data", str(target)).code == 1


def test_dictd_vera_style_names_and_aliases(brief, tmp_path: Path) -> None:
    texts = [
        "ABC\n   ABC ??? Broadcasting Company\n",
        "TCP\n   Tape Carrier Package (???, CPU)\n",
        "QQ\n   ???\n",
        "ZZ\n   Zig Zag ???, \"???\"\n",
    ]
    data = "".join(texts).encode()
    index = []
    start = 0
    for text in texts:
        size = len(text.encode())
        index.append(f"{text.split()[0].lower()}\t{_b64_encode(start)}\t{_b64_encode(size)}\n")
        start += size
    (tmp_path / "vera.index").write_text("".join(index), encoding="utf-8")
    (tmp_path / "vera.dict").write_bytes(data)
    target = tmp_path / "out" / "vera.yaml"
    target.parent.mkdir()
    r = brief("import", str(tmp_path / "vera.index"), "--from", "dictd", "-o", str(target))
    assert r.code == 0, r.stderr
    records = names(target)
    assert {k: v["name"] for k, v in records.items()} == {
        "abc": "ABC Broadcasting Company", "tcp": "Tape Carrier Package", "zz": "Zig Zag",
    }
    assert records["tcp"]["tags"] == ["CPU"]
    assert "aliases" not in records["zz"]  # an alias that is only '???' names nothing
    assert r.stderr.count(": warning: ") == 3  # ABC and ZZ renamed, QQ left out
    assert "'ABC ??? Broadcasting Company' of 'ABC'" in r.stderr


def test_csv_names_and_aliases(brief, tmp_path: Path) -> None:
    source = tmp_path / "g.csv"
    source.write_text("acronym,name,aliases\nFB,Foo ??? Bar,???;Foobar\nNN,???,\n",
                      encoding="utf-8")
    target = tmp_path / "g.yaml"
    r = brief("import", str(source), "--from", "csv", "-o", str(target))
    assert r.code == 0, r.stderr
    assert f"{source}:2:1: warning: the name 'Foo ??? Bar' of 'FB'" in r.stderr
    assert f"{source}:3:1: warning: the name of 'NN' is '???'" in r.stderr
    assert names(target) == {"fb": {"id": "fb", "name": "Foo Bar", "acronym": "FB",
                                    "aliases": ["Foobar"]}}


def test_a_glossary_of_nothing_but_unknowns_imports_nothing(brief, tmp_path: Path) -> None:
    source = tmp_path / "q.tsv"
    source.write_text("QQ\t???\n", encoding="utf-8")
    r = brief("import", str(source), "--from", "tsv", "-o", str(tmp_path / "q.yaml"))
    assert r.code == 1 and "no entry could be imported" in r.stderr
    assert not (tmp_path / "q.yaml").exists()


def test_the_first_import_into_an_empty_folder_does_not_warn(brief, tmp_path: Path) -> None:
    source = tmp_path / "g.tsv"
    source.write_text("OK\tOnly Kidding\n", encoding="utf-8")
    kb = tmp_path / "kb"
    kb.mkdir()
    r = brief("import", str(source), "--from", "tsv", "-o", str(kb / "new.yaml"),
              "--data", str(kb))
    assert r.code == 0 and r.stderr == f"wrote {kb / 'new.yaml'}\nimported 1 entries (0 of " \
        "them senses of a shared acronym)\n"
    other = tmp_path / "kb2"
    other.mkdir()
    r = brief("import", str(source), "--from", "tsv", "-o", str(other / "new.yaml"),
              BRIEF_DATA=str(other))
    assert r.code == 0 and "holds no knowledge" not in r.stderr
    # A data folder that is not where the import writes still gets its warning.
    empty = tmp_path / "empty"
    empty.mkdir()
    r = brief("import", str(source), "--from", "tsv", "-o", str(kb / "more.yaml"),
              "--data", str(empty))
    assert f"warning: {empty} holds no knowledge files" in r.stderr
