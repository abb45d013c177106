"""The configuration file: where it is, what each key does, what overrides it, and how a
bad one is reported, on the lean path and the full command alike."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefcli.cli import lean
from briefcli.cli.environment import Environment
from briefcli.cli.pager import pager_command

LONG = " ".join(["a summary long enough to be folded over several lines"] * 6)
KB = (
    "entities:\n"
    "  - id: zz\n    name: Zed Zed\n    acronym: ZZ\n"
    f"    summary: {LONG}\n"
)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(main: object, args: list[str], environ: dict[str, str], tty: bool = False) -> tuple:
    out = Terminal() if tty else io.StringIO()
    err = io.StringIO()
    env = Environment(out, err, dict(environ), cwd=environ.get("PWD"))
    try:
        main(args, env)  # type: ignore[operator]
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue(), err.getvalue()


def both(args: list[str], environ: dict[str, str], tty: bool = False) -> tuple:
    """The call on the full command and through the entry point (the lean path where it
    answers); both must give the same."""
    full = run(lean.main, args, {**environ, "BRIEF_NO_LEAN": "1"}, tty)
    assert run(lean.main, args, environ, tty) == full, args
    return full


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    """Surroundings with a home and a config folder of their own, and knowledge in kb/."""
    (tmp_path / "home" / ".config" / "brief").mkdir(parents=True)
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "a.yaml").write_text(KB, encoding="utf-8")
    return {
        "HOME": str(tmp_path / "home"), "BRIEF_CACHE_DIR": str(tmp_path / "cache"),
        "NO_COLOR": "", "PWD": str(tmp_path),
    }


def config(environ: dict[str, str], text: str | bytes) -> Path:
    path = Path(environ["HOME"]) / ".config" / "brief" / "config.toml"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def widest(text: str) -> int:
    return max(len(line) for line in text.splitlines())


def test_no_file_is_no_configuration(home: dict[str, str]) -> None:
    code, out, err = both(["info"], home)
    assert code == 0 and err == ""
    assert "config: none" in out.splitlines()
    assert Environment(environ=home).config.path is None
    assert both(["define", "KFOR"], home)[0] == 0  # the bundled knowledge


def test_the_default_file_is_under_home_then_xdg_config_home(
    home: dict[str, str], tmp_path: Path
) -> None:
    path = config(home, 'data = ["~/../kb"]\n')
    assert f"config: {path}" in both(["info"], home)[1].splitlines()
    xdg = tmp_path / "xdg" / "brief"
    xdg.mkdir(parents=True)
    (xdg / "config.toml").write_text("width = 40\n", encoding="utf-8")
    environ = {**home, "XDG_CONFIG_HOME": str(tmp_path / "xdg")}
    assert f"config: {xdg / 'config.toml'}" in both(["info"], environ)[1].splitlines()
    # A relative XDG_CONFIG_HOME is ignored, as the XDG rule says.
    environ["XDG_CONFIG_HOME"] = "xdg"
    assert Environment(environ=environ).config.path == path


def test_data_from_the_file_relative_to_it_and_from_home(home: dict[str, str]) -> None:
    config(home, 'data = ["../../../kb"]\n')
    code, out, err = both(["define", "ZZ"], home)
    assert (code, err) == (0, "") and "Zed Zed" in out
    config(home, 'data = ["~/../kb"]\n')
    assert "Zed Zed" in both(["define", "ZZ"], home)[1]
    config(home, f'data = "{Path(home["PWD"]) / "kb"}"\n')  # one path, absolute
    assert "Zed Zed" in both(["define", "ZZ"], home)[1]


def test_the_lean_path_answers_from_the_configured_data(home: dict[str, str]) -> None:
    config(home, 'data = ["~/../kb"]\n')
    both(["define", "ZZ"], home)  # builds the index
    env = Environment(io.StringIO(), io.StringIO(), home, cwd=home["PWD"])
    assert lean.answer(["define", "ZZ"], env) == 0
    assert "Zed Zed" in env.stdout.getvalue()  # type: ignore[attr-defined]


def test_options_and_environment_come_before_the_file_for_data(
    home: dict[str, str], tmp_path: Path
) -> None:
    other = tmp_path / "other.yaml"
    other.write_text("entities:\n  - id: yy\n    name: Why Why\n    acronym: YY\n",
                     encoding="utf-8")
    config(home, 'data = ["~/../kb"]\n')
    assert both(["define", "YY"], home)[0] == 1
    assert "Why Why" in both(["define", "YY"], {**home, "BRIEF_DATA": str(other)})[1]
    code, out, _ = both(["define", "YY", "--data", str(other)], home)
    assert code == 0 and "Why Why" in out
    assert both(["define", "ZZ", "--data", str(other)], home)[0] == 1


def test_width_is_an_upper_bound_and_columns_still_narrows(home: dict[str, str]) -> None:
    args = ["define", "ZZ", "--data", str(Path(home["PWD"]) / "kb")]
    home = {**home, "NO_COLOR": "1"}
    default = both(args, {**home, "COLUMNS": "200"}, tty=True)[1]
    assert widest(default) == 100  # the built-in bound
    config(home, "width = 40\n")
    assert widest(both(args, {**home, "COLUMNS": "200"}, tty=True)[1]) == 40
    assert widest(both(args, home)[1]) == 40  # a pipe: 80, bound to 40
    assert widest(both(args, {**home, "COLUMNS": "30"}, tty=True)[1]) == 30
    config(home, "width = 150\n")  # wider than the built-in bound, if the terminal is
    assert widest(both(args, {**home, "COLUMNS": "200"}, tty=True)[1]) == 150
    assert widest(both(args, {**home, "COLUMNS": "120"}, tty=True)[1]) == 120


def test_color_from_the_file_after_the_option_and_the_variables(home: dict[str, str]) -> None:
    args = ["define", "KFOR"]
    assert "\x1b[" not in both(args, home)[1]
    config(home, 'color = "always"\n')
    assert "\x1b[" in both(args, home)[1]  # in a pipe too
    assert "\x1b[" in both(args, {**home, "TERM": "dumb"})[1]
    assert "\x1b[" not in both(args, {**home, "NO_COLOR": "1"})[1]
    assert "\x1b[" not in both(["--color", "never", *args], home)[1]
    config(home, 'color = "never"\n')
    assert "\x1b[" not in both(args, home, tty=True)[1]
    assert "\x1b[" in both(args, {**home, "FORCE_COLOR": "1"}, tty=True)[1]
    assert "\x1b[" in both(["--color", "always", *args], home)[1]
    config(home, 'color = "auto"\n')
    assert "\x1b[" in both(args, home, tty=True)[1]
    assert "\x1b[" not in both(args, home)[1]


@pytest.mark.parametrize(
    ("text", "variables", "expected"),
    [
        ("", {}, ["less", "-R"]),
        ('pager = "most -s"\n', {}, ["most", "-s"]),
        ("pager = false\n", {}, None),
        ("pager = true\n", {}, ["less", "-R"]),
        ('pager = ""\n', {}, None),
        ("pager = false\n", {"PAGER": "more"}, ["more"]),
        ('pager = "most"\n', {"PAGER": ""}, ["most"]),  # an empty PAGER is unset
        ('pager = "most"\n', {"BRIEF_PAGER": "lv -c"}, ["lv", "-c"]),
        ('pager = "most"\n', {"BRIEF_PAGER": ""}, None),
    ],
)
def test_pager_from_the_file_after_the_variables(
    home: dict[str, str], text: str, variables: dict[str, str], expected: list[str] | None
) -> None:
    config(home, text)
    env = Environment(environ={**home, **variables})
    assert pager_command(env.environ, env.config.pager) == expected


def test_brief_config_names_another_file_or_none(home: dict[str, str], tmp_path: Path) -> None:
    config(home, "width = 40\n")
    other = tmp_path / "elsewhere.toml"
    other.write_text('data = ["kb"]\n', encoding="utf-8")
    environ = {**home, "BRIEF_CONFIG": "elsewhere.toml"}  # relative to the current folder
    code, out, _ = both(["info"], environ)
    assert code == 0 and f"config: {other}" in out.splitlines()
    assert f"  {tmp_path / 'kb' / 'a.yaml'}" in out.splitlines()
    assert "config: none" in both(["info"], {**home, "BRIEF_CONFIG": ""})[1].splitlines()
    code, out, err = both(["info"], {**home, "BRIEF_CONFIG": str(tmp_path / "missing.toml")})
    assert (code, out) == (2, "")
    assert err == f"{tmp_path / 'missing.toml'}: error: no such file (named by BRIEF_CONFIG)\n"


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ('width = 80\ndata = ["a"\n', "3:1", "not valid TOML"),
        ("width = \n", "1:9", "not valid TOML"),
        ("color = 'blue\n", "2:1", "expected \"'\""),
        ("# a comment\ncolour = 'never'\n", "2:1", "unknown key 'colour'; expected one of"),
        ("\n[pager]\ncommand = 'less'\n", "2:2", "'pager' must be a command"),
        ("width = 'wide'\n", "1:9", "'width' must be a whole number from 20 to 1000, "
         "found 'wide'"),
        ("width = 10\n", "1:9", "found 10"),
        ("width = true\n", "1:9", "found true"),
        ("color = 'blue'\n", "1:9", "'color' must be one of \"auto\", \"always\", \"never\""),
        ("pager = 1\n", "1:9", "'pager' must be a command (text) or false, found 1"),
        ("data = [1, 2]\n", "1:8", "'data' must be a path or a list of paths"),
        ("data = ['']\n", "1:8", "'data' must be a path"),
        (b"width = 80\n# caf\xe9\n", "2:6", "expected UTF-8 text, found the byte 0xe9"),
    ],
)
def test_a_bad_file_is_a_clear_error_with_its_place_on_both_paths(
    home: dict[str, str], text: str | bytes, where: str, words: str
) -> None:
    path = config(home, text)
    for args in (["define", "KFOR"], ["info"], ["check"]):
        code, out, err = both(args, home)
        assert (code, out) == (2, "")
        assert err.startswith(f"{path}:{where}: error: "), err
        assert words in err and "Traceback" not in err and err.count("\n") == 1


def test_a_config_that_is_a_folder_or_unreadable(home: dict[str, str]) -> None:
    path = config(home, "")
    path.unlink()
    path.mkdir()
    code, _, err = both(["info"], home)
    assert code == 2 and err == f"{path}: error: is a folder; expected a TOML file\n"
    path.rmdir()
    if os.geteuid() != 0:
        config(home, "width = 80\n").chmod(0)
        code, _, err = both(["info"], home)
        assert code == 2 and err.startswith(f"{path}: error: cannot read: ")


def test_the_lean_path_reads_toml_only_when_there_is_a_file(home: dict[str, str]) -> None:
    script = (
        "import sys\n"
        "from briefcli.cli import lean\n"
        "try:\n    lean.main(['define', 'KFOR'])\nexcept SystemExit:\n    pass\n"
        "print('tomllib' in sys.modules, 'typer' in sys.modules, file=sys.stderr)\n"
    )
    environ = {**os.environ, **home}
    environ.pop("BRIEF_CONFIG", None)
    environ.pop("XDG_CONFIG_HOME", None)
    first = subprocess.run([sys.executable, "-c", script], env=environ,
                           capture_output=True, text=True, check=False)
    assert first.returncode == 0, first.stderr
    again = subprocess.run([sys.executable, "-c", script], env=environ,
                           capture_output=True, text=True, check=False)
    assert again.stderr.split()[-2:] == ["False", "False"]  # answered lean, no TOML
    config(home, "width = 60\n")
    read = subprocess.run([sys.executable, "-c", script], env=environ,
                          capture_output=True, text=True, check=False)
    assert read.stderr.split()[-2:] == ["True", "False"]


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_the_configured_pager_pages_in_a_real_terminal(home: dict[str, str],
                                                       tmp_path: Path) -> None:
    from test_pager import in_terminal

    pager = tmp_path / "pager.sh"
    pager.write_text(f"#!/bin/sh\ncat > {tmp_path}/paged\necho PAGED\n")
    pager.chmod(0o755)
    environ = {k: v for k, v in os.environ.items()
               if k not in ("NO_COLOR", "FORCE_COLOR", "PAGER", "BRIEF_PAGER", "COLUMNS",
                            "LINES", "BRIEF_CONFIG", "XDG_CONFIG_HOME")}
    environ.update(home, TERM="xterm")
    config(home, f'pager = "{pager}"\n')
    code, shown = in_terminal(["show", "2023-11-11"], environ, rows=10)
    assert (code, shown.strip()) == (0, "PAGED")
    assert "Blinken" in (tmp_path / "paged").read_text(encoding="utf-8")
    config(home, "pager = false\n")
    code, shown = in_terminal(["show", "2023-11-11"], environ, rows=10)
    assert code == 0 and "Blinken" in shown and "PAGED" not in shown
