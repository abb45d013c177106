"""`brief edit ID`: the record's file opened in the user's editor, at the record's line.

The editors here are a fake: a script, named as the editor it stands for, that writes
the arguments it was given to a file and exits with a status of our choosing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from briefcli.cli.editor import EditorError, editor_command
from briefcli.knowledge.sources import bundled_data
from conftest import write

BUNDLED = bundled_data() / "kosovo.yaml"


def line_of(path: Path, text: str) -> int:
    """The line (from 1) on which `text` stands in the file."""
    return path.read_text(encoding="utf-8").split("\n").index(text) + 1


def fake_editor(folder: Path, name: str, status: int = 0) -> Path:
    """A program called `name` that records its arguments in `name`.argv as JSON."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / name
    record = folder / f"{name}.argv"
    script.write_text(
        f"#!{sys.executable}\n"
        "import json, sys\n"
        f"open({str(record)!r}, 'w').write(json.dumps(sys.argv[1:]))\n"
        f"sys.exit({status})\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script


def argv_of(editor: Path) -> list[str]:
    recorded: list[str] = json.loads(editor.with_name(editor.name + ".argv").read_text())
    return recorded


def test_opens_the_record_at_its_line_in_vim(brief, tmp_path):
    vim = fake_editor(tmp_path / "bin", "vim")
    r = brief("edit", "kfor", EDITOR=str(vim))
    assert (r.code, r.stdout, r.stderr) == (0, "", "")
    assert argv_of(vim) == [f"+{line_of(BUNDLED, '  - id: kfor')}", str(BUNDLED)]


def test_any_kind_of_record_is_found(brief, tmp_path):
    nano = fake_editor(tmp_path / "bin", "nano")
    r = brief("edit", "kfor-established", EDITOR=str(nano))
    assert r.code == 0, r.stderr
    assert argv_of(nano) == [f"+{line_of(BUNDLED, '  - id: kfor-established')}", str(BUNDLED)]


def test_visual_comes_before_editor_and_the_status_is_the_editors(brief, tmp_path):
    emacs = fake_editor(tmp_path / "bin", "emacsclient", status=3)
    unused = fake_editor(tmp_path / "bin", "vi")
    r = brief("edit", "eulex", VISUAL=f"{emacs} -t", EDITOR=str(unused))
    assert r.code == 3
    assert argv_of(emacs) == ["-t", f"+{line_of(BUNDLED, '  - id: eulex')}", str(BUNDLED)]
    assert not unused.with_name("vi.argv").exists()


def test_vs_code_is_given_goto_file_colon_line(brief, tmp_path):
    code = fake_editor(tmp_path / "bin", "code")
    r = brief("edit", "kfor", EDITOR=f"'{code}' --wait")
    assert r.code == 0, r.stderr
    assert argv_of(code) == ["--wait", "--goto", f"{BUNDLED}:{line_of(BUNDLED, '  - id: kfor')}"]


def test_an_unknown_editor_gets_the_file_alone(brief, tmp_path):
    mine = fake_editor(tmp_path / "bin", "my-editor")
    assert brief("edit", "kfor", EDITOR=str(mine)).code == 0
    assert argv_of(mine) == [str(BUNDLED)]


def test_a_miss_suggests_ids(brief, tmp_path):
    vim = fake_editor(tmp_path / "bin", "vim")
    r = brief("edit", "kfro", EDITOR=str(vim))
    assert r.code == 1
    assert r.stderr == "brief: no record with the id 'kfro'\n  did you mean: kfor\n"
    assert not vim.with_name("vim.argv").exists()


def test_an_id_of_several_kinds_asks_which(brief, tmp_path):
    kb = write(tmp_path / "kb" / "x.yaml", (
        "format: 1\n"
        "entities:\n"
        "  - id: summit\n"
        "    name: The summit\n"
        "events:\n"
        "  - id: summit\n"
        "    date: 2024-05-01\n"
        "    title: The summit opens\n"
    ))
    vim = fake_editor(tmp_path / "bin", "vim")
    r = brief("edit", "summit", "--data", str(kb), EDITOR=str(vim))
    assert r.code == 2
    assert r.stderr == (
        "brief: 'summit' is the id of 2 records; say which with --kind:\n"
        f"  --kind entity    {kb}:3\n"
        f"  --kind event     {kb}:6\n"
    )
    r = brief("edit", "summit", "--kind", "event", "--data", str(kb), EDITOR=str(vim))
    assert r.code == 0, r.stderr
    assert argv_of(vim) == ["+6", str(kb)]
    r = brief("edit", "summit", "--kind", "faq", "--data", str(kb), EDITOR=str(vim))
    assert (r.code, r.stderr) == (1, "brief: no FAQ with the id 'summit'\n")
    r = brief("edit", "summit", "--kind", "person", "--data", str(kb))
    assert r.code == 2 and "'person' is not one of entity, event, faq, briefing, source" in r.stderr


def test_knowledge_with_errors_can_still_be_edited(brief, tmp_path):
    kb = write(tmp_path / "kb.yaml", (
        "format: 1\nentities:\n  - id: a\n    name: A\n    relatedd: [b]\n"
        "  - id: b\n    name: B\n"
    ))
    vim = fake_editor(tmp_path / "bin", "vim")
    r = brief("--strict", "edit", "b", "--data", str(kb), EDITOR=str(vim))
    assert (r.code, r.stderr) == (0, "")
    assert argv_of(vim) == ["+6", str(kb)]


def test_an_editor_that_cannot_run_is_a_message(brief, tmp_path):
    r = brief("edit", "kfor", EDITOR=str(tmp_path / "no-such-editor"))
    assert r.code == 1
    assert r.stderr == (
        f"brief: cannot run the editor '{tmp_path / 'no-such-editor'}': "
        "No such file or directory\n"
    )
    r = brief("edit", "kfor", EDITOR="vim 'unclosed")
    assert r.code == 1
    assert r.stderr == (
        "brief: $EDITOR is \"vim 'unclosed\", which cannot be split: No closing quotation\n"
    )


@pytest.mark.parametrize(("setting", "expected"), [
    (None, ["vi", "+7", "/kb/a.yaml"]),
    ("nvim", ["nvim", "+7", "/kb/a.yaml"]),
    ("/usr/bin/vim -u NONE", ["/usr/bin/vim", "-u", "NONE", "+7", "/kb/a.yaml"]),
    ("emacs -nw", ["emacs", "-nw", "+7", "/kb/a.yaml"]),
    ("micro", ["micro", "+7", "/kb/a.yaml"]),
    ("kak", ["kak", "+7", "/kb/a.yaml"]),
    ("joe", ["joe", "+7", "/kb/a.yaml"]),
    ("code --wait", ["code", "--wait", "--goto", "/kb/a.yaml:7"]),
    ("subl -w", ["subl", "-w", "/kb/a.yaml:7"]),
    ("hx", ["hx", "/kb/a.yaml:7"]),
    ("ed", ["ed", "/kb/a.yaml"]),
    ('"/opt/My Editor/edit" --new', ["/opt/My Editor/edit", "--new", "/kb/a.yaml"]),
])
def test_editor_command(setting, expected):
    environ = {} if setting is None else {"EDITOR": setting}
    assert editor_command(environ, "/kb/a.yaml", 7) == expected


def test_editor_command_without_a_line_and_with_empty_variables():
    assert editor_command({"EDITOR": "vim"}, "/kb/a.yaml", 0) == ["vim", "/kb/a.yaml"]
    assert editor_command({"VISUAL": "  ", "EDITOR": "nano"}, "/kb/a.yaml", 2) == [
        "nano", "+2", "/kb/a.yaml"
    ]
    with pytest.raises(EditorError, match="names no program"):
        editor_command({"EDITOR": "''"}, "/kb/a.yaml", 2)
