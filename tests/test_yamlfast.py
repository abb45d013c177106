"""The subset reader (`yamlfast`) against the full reader: the same nodes, places and
problems, or it gives the file to the full reader; never an exception of its own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefcli.knowledge import yamlfast
from briefcli.knowledge.checker import FileResult, parse_text
from briefcli.knowledge.yamlread import Mapping, Node, Scalar, read_yaml
from conftest import examples, fixed_settings

ROOT = Path(__file__).parents[1]


def shape(node: Node | None) -> Any:
    """A node as nested tuples: kind, value, line, column, plain, size, children."""
    if node is None:
        return None
    if isinstance(node, Scalar):
        return ("scalar", node.value, node.line, node.col, node.plain)
    if isinstance(node, Mapping):
        return ("map", node.line, node.col, node.size,
                [(shape(k), shape(v)) for k, v in node.items])
    return ("seq", node.line, node.col, node.size, [shape(n) for n in node.items])


def read_both(text: str, stream: bool = False) -> tuple[Any, Any]:
    """(the full reader's result, the checker's reading: the subset reader's, or the full
    reader's when it gives up), each as the root's shape, the problems and the items
    handed to `on_item`."""

    def read(fast: bool) -> Any:
        handed: list[Any] = []
        on_item = (lambda key, item: handed.append((shape(key), shape(item)))) if stream else None
        document = yamlfast.read_subset(text, "k.yaml", on_item) if fast else None
        if document is None:
            document = read_yaml(text, "k.yaml", on_item)
        return shape(document.root), document.problems, handed

    return read(False), read(True)


def same(text: str) -> bool:
    """Both readers agree, streaming and not; True when the subset reader read it."""
    for stream in (False, True):
        full, fast = read_both(text, stream)
        assert fast == full, text
    return yamlfast.read_subset(text, "k.yaml") is not None


def repository_yaml() -> list[Path]:
    found = [p for p in ROOT.glob("**/*.y*ml") if ".venv" not in p.parts]
    return sorted(p for p in found if p.suffix in (".yaml", ".yml"))


def test_every_yaml_file_of_the_repository_reads_the_same():
    paths = repository_yaml()
    assert len(paths) > 30
    fast = {p.relative_to(ROOT).as_posix() for p in paths
            if same(p.read_bytes().decode("utf-8", "replace").removeprefix("\ufeff"))}
    assert "data/kosovo.yaml" in fast  # the bundled knowledge is in the subset
    hostile = ["alias_bomb", "alias_bomb_merge", "alias_cycle", "alias_undefined",
               "collection_key", "control_char", "document_marker_only", "duplicate_key",
               "merge_scalar", "syntax_error", "tag_escapes", "tag_python_apply",
               "two_documents", "top_level_text"]
    assert not fast & {f"tests/fixtures/hostile/{name}.yaml" for name in hostile}


def test_generated_knowledge_reads_the_same_and_fast(tmp_path: Path):
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(tmp_path),
         "--entities", "300", "--events", "400", "--files", "2"],
        check=True, capture_output=True,
    )
    paths = sorted(tmp_path.glob("*.yaml"))
    assert len(paths) == 3
    for path in paths:
        assert same(path.read_text(encoding="utf-8")), path


SUBSET = [
    "",
    "# only a comment\n",
    "format: 1\n",
    "a: b\nc:\n  - d\n  - e: f\n    g: 'h ''i'' j'\n",
    "a:\n- x\n- y\nb: z\n",  # a list lined up with its key
    'a: "\\u00e9\\t\\"q\\" \\\\ \\x41 \\U0001F600 \\/ \\N"\n',
    "a: |\n  one\n\n  two\n    three\nb: >-\n  folded\n  text\n\n  para\n",
    "a: |-\n  no break\n",
    "a: |\n\n  after a blank line\nb: >\n \n\n  two\n  blank lines\n",
    "a: >\n  at the end",
    "list: [a, b c, 'd, e', \"f\", Kosovo's]\nempty: []\nspaced: [ ]\n",
    "a:\nb: ~\nc: null\nd: yes\ne: 0x1F\nf: 1_000\ng: 2023-11-11\nh: .inf\n",
    "a: b # comment\n# comment\nc:   d   \n  # indented comment\ne: C# and F#\n",
    "- a\n-\n- b\n",
    "entities:\n  -   id: a\n      name: A\n  - id: b\n    name: é “B” 😀\n",
    "a:\n    b:\n        c: d\n    e: f\n",
]


@pytest.mark.parametrize("text", SUBSET)
def test_documents_of_the_subset_are_read_without_pyyaml(text: str):
    assert same(text)


OUTSIDE = [
    "a: &x b\nc: *x\n",
    "a: !!str b\n",
    "a: {b: c}\n",
    "---\na: b\n",
    "a: b\n...\n",
    "%YAML 1.1\n---\na: b\n",
    "a:\tb\n",
    "a: b\r\nc: d\r\n",
    "a: b\x00\n",
    "a: \ufeffb\n",
    "a: b\na: c\n",  # a duplicate key: the full reader says where
    "a: 1\n<<: {b: 2}\n",
    "a: text\n  continued\n",
    "a: |+\n  kept\n\n",
    "a: |2\n   indented\n",
    "a: >\n  folded\n    more indented\n",
    "a: 'open\n  quote'\n",
    '"quoted key": v\n',
    "? complex\n: key\n",
    "  a: indented root\n",
    "just text\n",
    "a: b: c\n",
    "- a\nb: c\n",
    "a:\n  - b\n c: d\n",
    "a: [b, [c]]\n",
    "a: [b,\n  c]\n",
    "a: -1\n",
    "a: \"\\q\"\n",
    "k" * 1100 + ": v\n",
]


@pytest.mark.parametrize("text", OUTSIDE)
def test_documents_outside_the_subset_go_to_the_full_reader(text: str):
    assert yamlfast.read_subset(text, "k.yaml") is None
    assert not same(text)


def deep(levels: int, style: str) -> str:
    head = "k{}:" if style == "map" else "-"
    lines = [" " * (2 * i) + head.format(i) for i in range(levels)]
    return "\n".join([*lines, " " * (2 * levels) + "v"]) + "\n"


HOSTILE = [
    deep(30, "map"), deep(100, "map"), deep(2000, "seq"), deep(70, "seq"),
    "a: " + "x" * 2_000_000 + "\n",
    "a: " + "word " * 100_000 + "\n",
    "- " * 500 + "x\n",
    "a: [" + ", ".join(["b"] * 20_000) + "]\n",
    "\x00\x00\x00",
    "\ufeffa: b\n",
    "a: b\r\n",
    "a:\r\n  - b\r\n",
    "\r",
    "a: b\n" * 50_000,
    "\n" * 10_000,
    "a: |\n" + "  x\n" * 10_000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_documents_give_the_same_problems_or_go_to_the_full_reader(text: str):
    same(text)


# ---------------------------------------------------------------- generated documents

WORDS = st.sampled_from([
    "a", "Kosovo", "KFOR", "yes", "no", "on", "off", "~", "null", "0x1F", "1_000", "12:30",
    "2023-11-11", ".inf", "-", "- x", "x -", ":", "a:b", "a: b", "#", "a #b", "a#b", "'",
    "''", '"', "\\", "\\n", "[", "]", "{", "}", ",", "&a", "*a", "!a", "|", ">", "%", "@",
    "`", "?", "é", "😀", "…", " ", "  ", "\t", "\u2028", "\x85", "\xa0", "", "<<",
])
TAME = st.sampled_from([
    "a", "Kosovo", "KFOR", "yes", "no", "~", "null", "0x1F", "1_000", "12:30", "2023-11-11",
    ".inf", "x -", "a:b", "a#b", "it's", "(EU)", "é", "😀", "…", "C#", "1.5", "x,y", "", "b",
])
TEXT = st.lists(WORDS, max_size=5).map(" ".join)
TAME_TEXT = st.lists(TAME, min_size=1, max_size=4).map(" ".join)


def scalar_lines(text: str, style: int, indent: str) -> tuple[str, list[str]]:
    """`text` written in one of several styles: what follows the key, and lines below."""
    if style == 0:
        return " " + text, []
    if style == 1:
        return " '" + text.replace("'", "''") + "'", []
    if style == 2:
        escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
        return ' "' + escaped + '"', []
    if style == 3:
        return " [" + ", ".join(text.split(" ")) + "]", []
    indicator = "|" if style == 4 else ">-"
    return " " + indicator, [indent + "  " + part for part in text.split(" ") or [""]]


@st.composite
def documents(draw: st.DrawFn, words: st.SearchStrategy[str] = TEXT) -> str:
    """A document of nested mappings and lists, of text made of `words`."""
    lines: list[str] = []
    TEXT = words  # noqa: N806 (the strategy the helpers below draw from)

    def value(indent: str, depth: int) -> tuple[str, list[str]]:
        kind = draw(st.integers(0, 5 if depth < 4 else 2))
        if kind <= 2:
            return scalar_lines(draw(TEXT), draw(st.integers(0, 5)), indent)
        below: list[str] = []
        step = draw(st.sampled_from(["  ", "    ", " "]))
        if kind == 3:  # a mapping below
            for key in draw(st.lists(TEXT, min_size=1, max_size=3)):
                head, more = value(indent + step, depth + 1)
                below += [indent + step + key + ":" + head, *more]
        else:  # a list below, indented or lined up with its key
            inner = indent + (step if kind == 4 else "")
            for _ in range(draw(st.integers(1, 3))):
                head, more = value(inner + "  ", depth + 1)
                below += [inner + "-" + head, *more]
        return "", below

    for key in draw(st.lists(TEXT, min_size=1, max_size=4)):
        head, more = value("", 0)
        lines += [key + ":" + head, *more]
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["", "# note", "  # indented note", "   "])))
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n"]))


@st.composite
def layouts(draw: st.DrawFn) -> str:
    """Records laid out in the ways people write them: extra spaces after ':' and '-',
    comments after values and between records, blank lines (some with spaces) inside
    block text, trailing spaces, the file's end without a line break."""
    pad = st.sampled_from([" ", "  "])
    lines = ["format: 1", draw(st.sampled_from(["entities:", "entities: # people"]))]
    for n in range(draw(st.integers(1, 4))):
        dash = "  -" + draw(pad)
        inner = " " * len(dash)
        lines.append(f"{dash}id: e{n}" + draw(st.sampled_from(["", " # id", "  "])))
        lines.append(f"{inner}name:{draw(pad)}{draw(TAME_TEXT)}")
        style = draw(st.integers(0, 3))
        if style == 0:
            lines.append(f"{inner}summary: " + draw(st.sampled_from(["|", ">", "|-", ">-"])))
            for _ in range(draw(st.integers(1, 4))):
                lines.append(draw(st.sampled_from(["", " ", inner, inner + "  "])))
                lines.append(inner + "  " + draw(TAME_TEXT) + draw(st.sampled_from(["", " "])))
        elif style == 1:
            lines.append(f"{inner}aliases:")
            lead = draw(st.sampled_from([inner, inner + "  "]))
            for _ in range(draw(st.integers(1, 3))):
                lines.append(f"{lead}-{draw(pad)}{draw(TAME_TEXT)}")
                if draw(st.booleans()):
                    lines.append(draw(st.sampled_from(["", "# c", lead + "# c"])))
        elif style == 2:
            lines.append(f"{inner}related: [" + ", ".join(draw(st.lists(TAME, max_size=3))) + "]")
        else:
            lines.append(f"{inner}role: '{draw(TAME_TEXT)}'  # quoted")
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n", "\n  \n"]))


@fixed_settings(examples(1000))
@given(layouts())
def test_generated_layouts_read_the_same(text: str):
    same(text)


@fixed_settings(examples(1000))
@given(documents())
def test_generated_documents_read_the_same(text: str):
    same(text)


@fixed_settings(examples(1000))
@given(documents(TAME_TEXT))
def test_generated_documents_of_tame_text_read_the_same(text: str):
    same(text)


@fixed_settings(examples(500))
@given(st.one_of(documents(), documents(TAME_TEXT), layouts()), st.data())
def test_generated_documents_with_a_slip_read_the_same(text: str, data: st.DataObject):
    at = data.draw(st.integers(0, len(text)))
    slip = data.draw(st.sampled_from(
        [" ", "  ", "\n", "-", "- ", ":", ": ", "#", " #", "'", '"', "[", "]", ",", "|",
         "\t", "\r", "\x00", "\ufeff", "&", "*", "!", "é"]
    ))
    same(text[:at] + slip + text[at:])


def test_a_file_left_after_its_first_records_hands_on_nothing_twice():
    records = "".join(f"  - id: e{i}\n    name: E {i}\n" for i in range(5))
    text = "format: 1\nentities:\n" + records + "events: &x\n  - date: 2020\n"
    assert yamlfast.read_subset(text, "k.yaml") is None
    parts: list[FileResult] = []
    result = parse_text(text, "k.yaml", parts.append)
    ids = [r.id for part in [*parts, result] for r in part.records if r.kind == "entity"]
    assert ids == [f"e{i}" for i in range(5)]


def test_the_first_call_after_an_edit_imports_no_pyyaml_json_re_or_functools(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    path = data / "k.yaml"
    path.write_text((ROOT / "data" / "kosovo.yaml").read_text(encoding="utf-8"),
                    encoding="utf-8")
    env = {"BRIEF_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1", "COLUMNS": "100",
           "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-m", "briefcli", "check", "--data", str(data)], env=env,
                   check=True, capture_output=True)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("role: ", "role: edited ", 1), encoding="utf-8")
    probe = (
        "import sys\nbefore = set(sys.modules)\nfrom briefcli.cli.lean import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit as exc:\n    code = exc.code\n"
        "names = ('yaml', 'dataclasses', 'typing', 'contextlib', 'json', 're', 'functools',\n"
        "         'collections')\n"
        "sys.stderr.write(repr([code, [n for n in names if n in set(sys.modules) - before]]))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, "define", "KFOR", "--data", str(data)],
                         env=env, check=True, capture_output=True, text=True)
    assert "KFOR" in out.stdout
    assert out.stderr == "[0, []]"


def test_the_checker_records_behave_as_the_dataclasses_they_replace():
    from briefcli.knowledge.checker import RecordRow, Reference

    a, b = FileResult("p"), FileResult("p")
    a.records.append(RecordRow("entity", "x", 1, 1, {}))
    assert b.records == [] and a != b  # defaults are not shared between results
    assert FileResult("p", complete=False) == FileResult("p", [], [], [], [], False)
    assert RecordRow("entity", "x", 1, 2, {"id": "x"}) == RecordRow(
        "entity", "x", 1, 2, {"id": "x"}, 0, 0
    )
    ref = Reference("entity", "x", "related", "entity", "y", 3, 4)
    assert repr(ref) == (
        "Reference(kind='entity', id='x', field='related', target='entity', "
        "target_id='y', line=3, col=4)"
    )
    assert ref != ("entity", "x", "related", "entity", "y", 3, 4)
    with pytest.raises(TypeError):
        hash(ref)
