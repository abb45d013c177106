"""The pager, through a real pseudo-terminal: only for a terminal, only for an answer
taller than it, colours kept, and never with --no-pager or in a pipe."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from briefcli.cli.pager import pager_command

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


def in_terminal(args: list[str], environ: dict[str, str], rows: int = 24,
                cols: int = 120) -> tuple[int, str]:
    """Run `brief ARGS` with stdout and stderr on a pseudo-terminal of that size; its
    exit code and everything it showed."""
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "briefcli", *args], stdin=subprocess.DEVNULL, stdout=child,
        stderr=child, env=environ, close_fds=True,
    )
    os.close(child)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child side closed
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    return process.wait(timeout=60), shown.decode("utf-8", "replace")


@pytest.fixture
def environ(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "PAGER",
                                                              "BRIEF_PAGER", "COLUMNS", "LINES")}
    env["BRIEF_CACHE_DIR"] = str(tmp_path / "cache")
    env["TERM"] = "xterm"
    # The pager is a script that keeps what it was given, and says it ran.
    pager = tmp_path / "pager.sh"
    pager.write_text(f"#!/bin/sh\necho \"$LESS\" > {tmp_path}/less-env\n"
                     f"cat > {tmp_path}/paged\necho PAGED\n")
    pager.chmod(0o755)
    env["BRIEF_PAGER"] = str(pager)
    return env


def test_a_tall_answer_goes_through_the_pager_in_colour(environ, tmp_path) -> None:
    code, shown = in_terminal(["show", "2023-11-11"], environ, rows=10)
    assert code == 0
    assert shown.strip() == "PAGED"
    paged = (tmp_path / "paged").read_text(encoding="utf-8")
    assert "Blinken and Vučić" in paged
    assert "\x1b[" in paged  # the colours are kept
    assert (tmp_path / "less-env").read_text().strip() == "FRX"


def test_a_short_answer_is_not_paged(environ, tmp_path) -> None:
    code, shown = in_terminal(["define", "KFOR", "--short"], environ, rows=10)
    assert (code, shown.strip()) == (0, "KFOR: Kosovo Force")
    assert not (tmp_path / "paged").exists()


def test_no_pager_and_an_empty_brief_pager_turn_it_off(environ, tmp_path) -> None:
    code, shown = in_terminal(["--no-pager", "show", "2023-11-11"], environ, rows=10)
    assert code == 0 and "Blinken and Vučić" in shown and "PAGED" not in shown
    code, shown = in_terminal(["show", "2023-11-11"], {**environ, "BRIEF_PAGER": ""}, rows=10)
    assert code == 0 and "Blinken and Vučić" in shown and "PAGED" not in shown
    assert not (tmp_path / "paged").exists()


def test_a_pipe_is_never_paged(environ, tmp_path) -> None:
    out = subprocess.run([sys.executable, "-m", "briefcli", "show", "2023-11-11"], env=environ,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and "Blinken" in out.stdout
    assert not (tmp_path / "paged").exists()


def test_prose_is_set_at_a_readable_width_on_a_wide_terminal(environ) -> None:
    code, shown = in_terminal(["--no-pager", "--color", "never", "show", "2023-11-11"],
                              environ, rows=200, cols=220)
    assert code == 0
    widths = [len(line.rstrip()) for line in shown.splitlines()]
    assert 90 <= max(widths) <= 100


def test_the_pager_command() -> None:
    assert pager_command({}) == ["less", "-R"]
    assert pager_command({"PAGER": "more"}) == ["more"]
    assert pager_command({"PAGER": "more", "BRIEF_PAGER": "less -S"}) == ["less", "-S"]
    assert pager_command({"BRIEF_PAGER": ""}) is None
    assert pager_command({"PAGER": "cat"}) is None
    assert pager_command({"BRIEF_PAGER": "'unclosed"}) is None
