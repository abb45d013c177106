"""Messages for the common slips in YAML: the line, a caret and a hint."""

from __future__ import annotations

import pytest

from briefcli.knowledge.checker import parse_file


def problem(text: str):
    (found,) = parse_file(text.encode(), "kb.yaml").problems
    return found


@pytest.mark.parametrize(
    ("text", "where", "hint"),
    [
        ("entities:\n  - id: a\n\tname: A\n", (3, 1), "the line is indented with a tab"),
        ("entities:\n  - id: a\n    name: Kosovo: north\n", (3, 17),
         "a value that holds ': ' must be quoted"),
        ("entities:\n  - id: a\n    name: A\n    id: b\n    name: B\n", (4, 5),
         "needs '- ' before it"),
        ("entities:\n  - id: a\n    name: A\n   acronym: X\n", (4, 4),
         "indentation does not match"),
        ("entities:\n  - id: a\n     name: A\n", (3, 10), "indented more than the line above"),
        ('entities:\n  - id: a\n    name: "A\n', (4, 1), "a quote is opened and never closed"),
    ],
)
def test_common_slips_get_a_hint_and_a_caret(text: str, where: tuple[int, int], hint: str):
    found = problem(text)
    assert (found.line, found.col) == where
    assert hint in found.message.split("; hint: ")[1]
    source, caret = found.excerpt.split("\n")
    assert source == text.split("\n")[found.line - 1].replace("\t", "    ")
    assert caret == " " * (found.col - 1) + "^"


def test_check_prints_the_line_and_the_caret_under_the_problem(brief, tmp_path):
    kb = tmp_path / "kb.yaml"
    kb.write_text("entities:\n  - id: a\n    name: Kosovo: north\n")
    r = brief("check", "--data", str(kb))
    assert r.code == 1
    assert r.stdout.splitlines()[1:] == ["        name: Kosovo: north", " " * 20 + "^"]


def test_a_long_line_is_cut_around_the_column():
    text = "entities:\n  - id: a\n    name: " + "x" * 300 + ": y\n"
    found = problem(text)
    source, caret = found.excerpt.split("\n")
    assert len(source) <= 101 and source.startswith("…")
    assert source[len(caret) - 1] == ":"
