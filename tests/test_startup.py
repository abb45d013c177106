"""What a warm lookup imports, and the record classes made without `typing`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefcli.typed import NamedTuple, cast


class Point(NamedTuple):
    """A point."""

    x: int
    y: int = 0
    tags: tuple[str, ...] = ()

    @property
    def norm(self) -> int:
        return abs(self.x) + abs(self.y)

    def moved(self, dx: int) -> Point:
        return self._replace(x=self.x + dx)


def test_a_record_class_is_a_named_tuple_with_its_body():
    p = Point(3)
    assert p == (3, 0, ()) and p.y == 0 and p.tags == ()
    assert Point._fields == ("x", "y", "tags")
    assert Point(1, 2).norm == 3 and Point(1, 2).moved(2) == Point(3, 2)
    assert Point.__doc__ == "A point."
    assert Point.__qualname__ == "Point" and Point.__module__ == __name__
    assert isinstance(p, tuple)
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    assert cast(int, "1") == "1"


# What a warm lookup or a TAB must not import: the command-line framework and the YAML
# reader, and the standard modules a lookup does without (`typing`; `re`, with `enum`;
# `json`, for records stored in marshal's format; `pathlib`, with `fnmatch`, `urllib`
# and `ipaddress`, for paths as text; `importlib`, `shlex`, `contextlib`, `datetime`,
# `tempfile`; `zlib`, whose CRC-32 `binascii` has for half its import), and the pager, for
# a pipe; of brief's own, what only a change of the knowledge runs (the index's update).
NOT_ON_A_LOOKUP = (
    "typing", "contextlib", "yaml", "typer", "rich", "re", "enum", "json", "pathlib",
    "fnmatch", "urllib", "ipaddress", "importlib", "shlex", "datetime", "tempfile",
    "briefcli.cli.pager", "zlib", "briefcli.index.update",
)


@pytest.mark.parametrize("words", [["define", "KFOR"], ["search", "police"],
                                   ["timeline", "kosovo"], ["show"],
                                   ["--color", "always", "define", "KFOR"]])
def test_a_warm_lookup_imports_none_of_the_modules_it_does_without(words, tmp_path: Path):
    env = {"BRIEF_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1", "COLUMNS": "100",
           "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-m", "briefcli", "check"], env=env, check=True,
                   capture_output=True)
    probe = (
        "import sys\nfrom briefcli.cli.lean import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit as exc:\n    code = exc.code\n"
        f"names = {NOT_ON_A_LOOKUP!r}\n"
        "sys.stderr.write(repr([code, [n for n in names if n in sys.modules]]))\n"
    )
    out = subprocess.run([sys.executable, "-I", "-c", probe, *words], env=env, check=True,
                         capture_output=True, text=True)
    assert out.stdout
    assert out.stderr == "[0, []]"


def test_a_completion_request_imports_none_of_the_modules_it_does_without(tmp_path: Path):
    env = {"BRIEF_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin",
           "_BRIEF_COMPLETE": "complete_bash", "COMP_WORDS": "brief define KF",
           "COMP_CWORD": "2"}
    subprocess.run([sys.executable, "-m", "briefcli", "check"],
                   env={k: v for k, v in env.items() if not k.startswith(("_", "COMP"))},
                   check=True, capture_output=True)
    probe = (
        "import sys\nfrom briefcli.cli.lean import main\n"
        "try:\n    main([])\nexcept SystemExit as exc:\n    code = exc.code\n"
        f"names = {NOT_ON_A_LOOKUP!r}\n"
        "sys.stderr.write(repr([code, [n for n in names if n in sys.modules]]))\n"
    )
    out = subprocess.run([sys.executable, "-I", "-c", probe], env=env, check=True,
                         capture_output=True, text=True)
    assert "KFOR" in out.stdout
    assert out.stderr == "[0, []]"


@pytest.mark.parametrize("words", [["define", "KFOR"], ["timeline", "kosovo"],
                                   ["search", "police"], ["define", "no-such-term"]])
def test_the_process_s_own_call_ends_with_the_whole_answer(words, tmp_path: Path):
    """The lean path's process exits without the interpreter's tidying up: what it
    wrote is all there, and its exit code is the answer's (a miss goes to the full
    command, which exits as it always did)."""
    import io

    from briefcli.cli.environment import Environment
    from briefcli.cli.lean import main

    env = {"BRIEF_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1", "COLUMNS": "100",
           "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-m", "briefcli", "check"], env=env, check=True,
                   capture_output=True)
    out = subprocess.run([sys.executable, "-m", "briefcli", *words], env=env,
                         capture_output=True, text=True)
    stdout, stderr = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        main(words, Environment(stdout, stderr, env))
    assert (out.returncode, out.stdout, out.stderr) == (
        exit_.value.code or 0, stdout.getvalue(), stderr.getvalue()
    )
    assert out.stdout or out.stderr


def test_the_full_command_runs_with_garbage_collection(tmp_path: Path):
    """The lean path turns the cyclic collector off for its short call; a call it leaves
    to the full command (a long site build, an import) has it on again."""
    env = {"BRIEF_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1",
           "PATH": "/usr/bin:/bin"}
    probe = (
        "import gc, sys\nimport briefcli.cli.app as app\nfull = app.main\n"
        "def main(args, env):\n    sys.stderr.write(f'collecting: {gc.isenabled()}\\n')\n"
        "    full(args, env)\n"
        "app.main = main\nsys.argv = ['brief', 'check']\n"
        "from briefcli.cli.lean import main as lean\nlean()\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                         text=True)
    assert out.returncode == 0, out.stderr
    assert "collecting: True" in out.stderr
