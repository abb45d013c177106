"""What a warm lookup imports, and the record classes made without `typing`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import briefcli
from briefcli.typed import NamedTuple, cast

SRC = Path(briefcli.__file__).resolve().parent.parent  # where the imported brief lies


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
# `tempfile`; `zlib`, whose CRC-32 `binascii` has for half its import; `functools` and
# `collections`, which SQLite's module imports for `lru_cache` alone), and the pager, for
# a pipe; of brief's own, what only a change of the knowledge runs (the index's update).
NOT_ON_A_LOOKUP = (
    "typing", "contextlib", "yaml", "typer", "rich", "re", "enum", "json", "pathlib",
    "fnmatch", "urllib", "ipaddress", "importlib", "shlex", "datetime", "tempfile",
    "briefcli.cli.pager", "zlib", "briefcli.index.update", "functools", "collections",
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


def test_sqlite_s_statement_cache_without_functools_keeps_and_drops_statements():
    """The stand-in for `functools.lru_cache` that SQLite's module is imported with: a
    statement is made once while kept, the least recently used one leaves first, and a
    cache of size 0 keeps none."""
    from briefcli.index.sqlite import _lru_cache

    made: list[str] = []

    def make(sql: object) -> object:
        made.append(str(sql))
        return ("statement", sql)

    cache = _lru_cache(2)(make)
    assert cache("a") == ("statement", "a")
    cache("b")
    cache("a")  # used again: "b" is now the least recent
    cache("c")  # drops "b"
    cache("a")
    cache("b")
    assert made == ["a", "b", "c", "b"]
    none = _lru_cache(0)(make)
    none("x")
    none("x")
    assert made[-2:] == ["x", "x"]


def test_sqlite_imported_without_functools_answers_and_leaves_the_real_one():
    """In a process that has not loaded `functools`, brief's SQLite module loads without
    it; connections still answer many more statements than their cache holds, again and
    again; a later `import functools` is the standard module."""
    probe = (
        "import sys\n"
        f"sys.path.insert(0, {str(SRC)!r})\n"
        "from briefcli.index.sqlite import sqlite3\n"
        "loaded = sorted({'functools', 'collections'} & set(sys.modules))\n"
        "conn = sqlite3.connect(':memory:')\n"
        "sums = [conn.execute(f'SELECT {i} + ?', (i,)).fetchone()[0]\n"
        "        for _ in range(3) for i in range(300)]\n"
        "assert sums == [2 * i for _ in range(3) for i in range(300)], sums[:5]\n"
        "import functools\n"
        "print(loaded, functools.reduce(lambda a, b: a + b, [1, 2, 3]),\n"
        "      'lru_cache' in dir(functools) and hasattr(functools, 'partial'))\n"
    )
    out = subprocess.run([sys.executable, "-I", "-S", "-c", probe], capture_output=True,
                         text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout == "[] 6 True\n"


# ---------------------------------------------------------------- the lean path's bundle

BUNDLE_PROBE = """
import sys
sys.path.insert(0, sys.argv.pop(1))
sys.path += sys.argv.pop(1).split(":")  # for the full command's typer and rich
from briefcli.cli import start
bundle = start.Bundle(start.__file__.rsplit("/", 2)[0])
sys.meta_path.insert(0, bundle)
from briefcli.cli.lean import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
bundle.keep()
mine = {n: m for n, m in sys.modules.items() if n.startswith("briefcli.")}
loaded = sorted(n for n, m in mine.items() if m.__loader__ is bundle)
sys.stderr.write(repr([code, loaded, mine["briefcli.index.cache"].__file__]))
"""


def bundle_file(package: Path) -> Path:
    """The bundle's file in a copy of the package: the compiled file of `leanbundle`,
    which an uninstall removes as it removes every module's."""
    import importlib.util

    return Path(importlib.util.cache_from_source(
        str(package / "briefcli" / "cli" / "leanbundle.py")))


@pytest.fixture()
def package(tmp_path: Path) -> Path:
    """A copy of brief's package with the bundled knowledge, compiled by nobody yet."""
    import shutil

    root = tmp_path / "site"
    shutil.copytree(SRC / "briefcli", root / "briefcli",
                    ignore=shutil.ignore_patterns("__pycache__"))
    data = SRC.parent / "data"
    if data.is_dir() and not (root / "briefcli" / "data").exists():
        shutil.copytree(data, root / "briefcli" / "data")
    return root


def run_bundled(package: Path, tmp_path: Path, *flags: str,
                words: tuple[str, ...] = ("define", "KFOR")) -> tuple[str, list[object]]:
    env = {"BRIEF_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1", "COLUMNS": "100",
           "PATH": "/usr/bin:/bin"}
    libraries = ":".join(p for p in sys.path if p.endswith("-packages"))
    out = subprocess.run([sys.executable, "-I", "-S", *flags, "-c", BUNDLE_PROBE,
                          str(package), libraries, *words], env=env, capture_output=True,
                         text=True)
    assert out.returncode == 0, out.stderr
    import ast

    return out.stdout, ast.literal_eval(out.stderr)


def test_the_bundle_is_written_after_a_lookup_and_read_by_the_next(package, tmp_path):
    bundle = bundle_file(package)
    first, (code, loaded, cache_file) = run_bundled(package, tmp_path)
    assert code == 0 and loaded == [] and bundle.is_file()
    again, (code, loaded, cache_file) = run_bundled(package, tmp_path)
    assert again == first and "Kosovo Force" in again
    assert {"briefcli.index.query", "briefcli.render.terminal", "briefcli.cli.lean"} <= set(loaded)
    assert cache_file == str(package / "briefcli" / "index" / "cache.py")  # its own source
    # Another command's modules are added; those of the first stay.
    run_bundled(package, tmp_path, words=("search", "police"))
    _, (_, loaded, _) = run_bundled(package, tmp_path, words=("search", "police"))
    assert "briefcli.index.search" in loaded
    _, (_, loaded, _) = run_bundled(package, tmp_path)
    assert "briefcli.render.views" in loaded


def test_a_changed_source_is_imported_from_its_file_and_bundled_again(package, tmp_path):
    first, _ = run_bundled(package, tmp_path)
    run_bundled(package, tmp_path)
    terminal = package / "briefcli" / "render" / "terminal.py"
    terminal.write_text(terminal.read_text(encoding="utf-8").replace(
        "KFOR", "KFOR") + "\nEDITED = True\n", encoding="utf-8")
    out, (_, loaded, _) = run_bundled(package, tmp_path)
    assert out == first
    assert "briefcli.render.terminal" not in loaded and "briefcli.index.query" in loaded
    _, (_, loaded, _) = run_bundled(package, tmp_path)
    assert "briefcli.render.terminal" in loaded  # written again with the new source


def test_a_damaged_bundle_is_left_aside_and_written_again(package, tmp_path):
    first, _ = run_bundled(package, tmp_path)
    bundle = bundle_file(package)
    for damage in (b"", b"\x00garbage", bundle.read_bytes()[:1000]):
        bundle.write_bytes(damage)
        out, (code, loaded, _) = run_bundled(package, tmp_path)
        assert (out, code, loaded) == (first, 0, [])
        _, (_, loaded, _) = run_bundled(package, tmp_path)
        assert "briefcli.index.query" in loaded


def test_no_bundle_is_written_where_python_writes_no_compiled_files(package, tmp_path):
    out, (code, loaded, _) = run_bundled(package, tmp_path, "-B")
    assert code == 0 and "Kosovo Force" in out
    assert not bundle_file(package).exists()


def test_the_bundle_takes_the_place_of_its_module_s_compiled_file(package, tmp_path):
    """An installer compiles `leanbundle` (its compiled file is where the bundle lives, so
    that an uninstall removes the bundle): a lookup writes the bundle over it, the next
    reads it, and importing `leanbundle` itself still works, the bundle written again."""
    import py_compile

    source = package / "briefcli" / "cli" / "leanbundle.py"
    py_compile.compile(str(source), cfile=str(bundle_file(package)), doraise=True)
    first, (_, loaded, _) = run_bundled(package, tmp_path)
    assert loaded == []
    again, (_, loaded, _) = run_bundled(package, tmp_path)
    assert again == first and "briefcli.index.query" in loaded
    out = subprocess.run(
        [sys.executable, "-I", "-S", "-c",
         "import sys; sys.path.insert(0, sys.argv[1]); import briefcli.cli.leanbundle as m; "
         "print(m.__doc__.split()[0])", str(package)],
        capture_output=True, text=True)
    assert (out.returncode, out.stdout) == (0, "The\n"), out.stderr
    _, (_, loaded, _) = run_bundled(package, tmp_path)
    _, (_, loaded, _) = run_bundled(package, tmp_path)
    assert "briefcli.index.query" in loaded


def test_a_bundle_of_the_right_form_with_damaged_entries_is_no_failure(package, tmp_path):
    """Entries of another shape, code that is no code and bytes that are no marshal data:
    each module concerned is imported from its source, the answer is the same, and the
    bundle is written again."""
    import marshal
    from importlib.util import MAGIC_NUMBER

    first, _ = run_bundled(package, tmp_path)
    run_bundled(package, tmp_path)
    bundle = bundle_file(package)
    magic, modules = marshal.loads(bundle.read_bytes())
    assert magic == MAGIC_NUMBER
    package_, inside, size, mtime, _ = modules["briefcli.index.query"]
    modules["briefcli.index.query"] = (package_, inside, size, mtime, marshal.dumps((1, 2)))
    modules["briefcli.render.terminal"] = ("not", "an entry")
    package_, inside, size, mtime, code = modules["briefcli.cli.lean"]
    modules["briefcli.cli.lean"] = (package_, inside, size, mtime, b"\xff" + code[1:20])
    bundle.write_bytes(marshal.dumps((magic, modules)))
    out, (code_, loaded, _) = run_bundled(package, tmp_path)
    assert (out, code_) == (first, 0)
    assert "briefcli.render.terminal" not in loaded
    _, (_, loaded, _) = run_bundled(package, tmp_path)
    assert {"briefcli.index.query", "briefcli.render.terminal"} <= set(loaded)
    _, repaired = marshal.loads(bundle.read_bytes())  # written again from the sources
    for name in ("briefcli.index.query", "briefcli.render.terminal", "briefcli.cli.lean"):
        assert type(marshal.loads(repaired[name][4])).__name__ == "code"
