"""docs/team.md against the code: its `brief` commands run, and print what it shows.

The commands run at the top of a knowledge repository whose files are in `knowledge/`
(here, a copy of the bundled knowledge).
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import shutil
from pathlib import Path

import pytest

from briefcli.cli import app as cli
from briefcli.cli.environment import Environment
from briefcli.knowledge.sources import bundled_data
from conftest import write

DOC = Path(__file__).resolve().parents[1] / "docs" / "team.md"


def run(folder: Path, cache: Path, args: list[str]) -> tuple[int, str]:
    """`brief ARGS` from `folder`: the exit code, and stdout then stderr as a console
    shows them (each is one short block here)."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            cli.main(args, Environment(out, err, {"BRIEF_CACHE_DIR": str(cache),
                                                  "NO_COLOR": "1"}, cwd=str(folder)))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue() + err.getvalue()


def repository(tmp_path: Path) -> Path:
    folder = tmp_path / "repo"
    shutil.copytree(bundled_data(), folder / "knowledge")
    return folder


def test_every_brief_command_of_the_doc_runs_as_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = repository(tmp_path)
    monkeypatch.chdir(folder)  # data paths are relative to the process's folder
    blocks = re.findall(r"```console\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    commands = [
        (chunk.split("\n", 1)[0], chunk.split("\n", 1)[1] if "\n" in chunk else "")
        for block in blocks for chunk in block.split("$ ")[1:]
    ]
    assert len(commands) >= 4
    for command, shown in commands:
        args = shlex.split(command.split("#")[0])
        assert args[0] == "brief", command
        code, printed = run(folder, tmp_path / "cache", args[1:])
        assert code == 0, (command, printed)
        if shown:
            assert printed == shown, command
    assert (folder / "kosovo.index").exists() and (folder / "kosovo.dict").exists()


def test_the_annotations_shown_are_brief_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = repository(tmp_path)
    monkeypatch.chdir(folder)
    write(folder / "knowledge" / "bad.yaml", "format: 1\nentities:\n  - id: x\n    nme: X\n")
    shown = re.search(r"A file with a misspelt key.*?```text\n(.*?)```", DOC.read_text(), re.S)
    assert shown is not None
    code, printed = run(folder, tmp_path / "cache", ["check", "--format", "github", "knowledge/"])
    assert code == 1
    assert printed.startswith(shown[1])
