"""Writing files for users: atomic, never over an existing file without force, mode kept."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from briefcli.files import FileExists, replacing, write_file
from briefcli.problems import BriefError, ExitCode


def test_write_file_creates_and_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "draft.yaml"
    write_file(target, "format: 1\n")
    assert target.read_text() == "format: 1\n"
    with pytest.raises(FileExists) as info:
        write_file(target, "other\n")
    assert info.value.exit_code == ExitCode.USAGE
    assert "--force" in info.value.message
    assert target.read_text() == "format: 1\n"
    write_file(target, "other\n", force=True)
    assert target.read_text() == "other\n"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.yaml"]  # no temporary left


def test_overwriting_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "kb.yaml"
    target.write_text("old")
    os.chmod(target, 0o640)
    write_file(target, "new", force=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "kb.yaml"
    target.write_text("old")
    with pytest.raises(RuntimeError), replacing(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("interrupted")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["kb.yaml"]


def test_an_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BriefError) as info:
        write_file(tmp_path / "missing" / "x.yaml", "x")
    assert info.value.message.startswith(f"cannot write {tmp_path / 'missing' / 'x.yaml'}")
