"""The `brief` launcher (launcher/brief), installed from the wheel into a virtual environment.

The wheel is built once per session from this source tree (offline: `pip wheel
--no-build-isolation` with hatchling from the test extras) and installed into an environment
whose path has a space in it, with brief's dependencies linked from this one
(benchmarks/installed.py). Each call is compared with `python -m briefcli` of the same
environment: same standard output, standard error and exit code.

Whether `site` ran is seen from the outside: the environment's site-packages holds a
`sitecustomize` that `site` imports at start-up and that writes to the file named by
LAUNCHER_SITE_MARK (a variable Python itself does not read, so that it changes nothing
about how the launcher starts).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import installed  # noqa: E402  (benchmarks/installed.py)

LAUNCHER = ROOT / "launcher" / "brief"
MARKER = """\
import os
if os.environ.get("LAUNCHER_SITE_MARK"):
    with open(os.environ["LAUNCHER_SITE_MARK"], "a") as mark:
        mark.write("site\\n")
"""
pytestmark = pytest.mark.skipif(not sys.platform.startswith(("linux", "darwin")),
                                reason="the launcher is a POSIX sh script")


@dataclass
class Ran:
    code: int
    stdout: bytes
    stderr: bytes
    site: bool  # whether `site` ran (the sitecustomize wrote its mark)


@dataclass
class Env:
    bin: Path
    site_packages: Path
    tmp: Path
    calls: int = 0

    def environ(self, **extra: str) -> dict[str, str]:
        """This process's environment without brief's, completion's and Python's variables,
        with a cache of its own, no colour and 100 columns; then `extra`."""
        keep = {k: v for k, v in os.environ.items()
                if not k.startswith(("BRIEF_", "PYTHON", "_BRIEF", "COMP_", "FORCE_COLOR"))}
        return {**keep, "BRIEF_CACHE_DIR": str(self.tmp / "cache"), "NO_COLOR": "1",
                "COLUMNS": "100", **extra}

    def run(self, command: list[str | bytes | Path], *, cwd: Path | None = None,
            stdout: int | None = subprocess.PIPE, **extra: str) -> Ran:
        self.calls += 1
        mark = self.tmp / f"mark-{self.calls}"
        proc = subprocess.run(command, cwd=cwd, stdout=stdout, stderr=subprocess.PIPE,
                              env=self.environ(LAUNCHER_SITE_MARK=str(mark), **extra),
                              timeout=120)
        return Ran(proc.returncode, proc.stdout or b"", proc.stderr, mark.exists())

    def brief(self, *args: str | bytes, **extra: str) -> Ran:
        return self.run([self.bin / "brief", *args], **extra)

    def module(self, *args: str | bytes, **extra: str) -> Ran:
        return self.run([self.bin / "python", "-m", "briefcli", *args], **extra)


@pytest.fixture(scope="session")
def env(tmp_path_factory: pytest.TempPathFactory) -> Env:
    base = tmp_path_factory.mktemp("launcher")
    try:
        wheel = installed.build_wheel(ROOT, base / "wheel")
    except installed.CannotBuild as exc:
        pytest.skip(str(exc))
    prefix = base / "an environment"
    bin_folder = installed.make_environment(prefix, wheel)
    site_packages = installed.site_packages(prefix)
    (site_packages / "sitecustomize.py").write_text(MARKER, encoding="utf-8")
    made = Env(bin_folder, site_packages, base)
    assert made.brief("check").code == 0  # the index is built: every call below is warm
    return made


def same(a: Ran, b: Ran) -> None:
    assert (a.code, a.stdout.decode(errors="replace"), a.stderr.decode(errors="replace")) == \
        (b.code, b.stdout.decode(errors="replace"), b.stderr.decode(errors="replace"))


CALLS = [
    ["define", "KFOR"],
    ["show", "2023-11-11"],
    ["search", "police"],
    ["timeline", "kosovo"],
    ["define"],  # a usage error: exit 2
    ["define", "NOSUCHTERM"],  # a miss: exit 1, suggestions on stderr
    ["define", "Kosovo Force"],  # one argument with a space
    ["define", "it's \"quoted\"", "$HOME", "*"],  # quotes and what a shell would expand
    ["define", b"caf\xe9"],  # not UTF-8
    ["define", ""],
    ["define", "KFOR", "--json"],
    ["--help"],
]


def test_the_installed_script_is_the_launcher(env: Env) -> None:
    assert (env.bin / "brief").read_bytes() == LAUNCHER.read_bytes()
    assert os.access(env.bin / "brief", os.X_OK)


@pytest.mark.parametrize("args", CALLS, ids=lambda a: " ".join(map(repr, a)))
def test_same_output_and_exit_code_as_the_module(env: Env, args: list[str | bytes]) -> None:
    fast, usual = env.brief(*args), env.module(*args)
    same(fast, usual)
    assert not fast.site and usual.site


def test_the_bundled_knowledge_is_found(env: Env) -> None:
    ran = env.brief("show", "2023-11-11")
    assert ran.code == 0 and b"Blinken" in ran.stdout and not ran.site


def test_a_closed_pipe_ends_with_141_and_nothing_on_stderr(env: Env) -> None:
    for args in (["show", "2023-11-11"], ["define", "KFOR"]):
        results = []
        for command in ([env.bin / "brief"], [env.bin / "python", "-m", "briefcli"]):
            read, write = os.pipe()
            os.close(read)
            try:
                results.append(env.run([*command, *args], stdout=write))
            finally:
                os.close(write)
        assert [(r.code, r.stderr) for r in results] == [(141, b""), (141, b"")], args


def test_variables_pass_through(env: Env, tmp_path: Path) -> None:
    data = tmp_path / "a folder"
    data.mkdir()
    (data / "k.yaml").write_text(
        "entities:\n  - id: unmik\n    name: UNMIK\n    kind: organisation\n"
        "    summary: The United Nations mission in Kosovo.\n", encoding="utf-8")
    fast = env.brief("define", "UNMIK", BRIEF_DATA=str(data))
    same(fast, env.module("define", "UNMIK", BRIEF_DATA=str(data)))
    assert fast.code == 0 and b"United Nations mission" in fast.stdout and not fast.site


def test_completion_requests_pass_through(env: Env) -> None:
    request = {"_BRIEF_COMPLETE": "complete_bash", "COMP_WORDS": "brief define KF",
               "COMP_CWORD": "2"}
    fast = env.brief(**request)
    same(fast, env.module(**request))
    assert b"KFOR" in fast.stdout and not fast.site


def test_arguments_reach_python_exactly(tmp_path: Path) -> None:
    """The shell part gives the interpreter beside it -I -S (and -B, -u for their
    variables), its own path and every argument as it was: a stand-in `python` records
    them."""
    bin_folder = tmp_path / "v" / "bin"
    bin_folder.mkdir(parents=True)
    (tmp_path / "v" / "pyvenv.cfg").write_text("home = /nowhere\n", encoding="utf-8")
    record = tmp_path / "argv"
    python = bin_folder / "python"
    python.write_text(f"#!/bin/sh\nprintf '%s\\0' \"$@\" > '{record}'\n", encoding="utf-8")
    python.chmod(0o755)
    shutil.copy2(LAUNCHER, bin_folder / "brief")
    args = [b"a b", b"it's", b'"q"', b"\xff\xfe", b"", b"-I", b"--", b"$PATH", b"\\n"]
    base = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    for extra, flags in (({}, [b"-I", b"-S"]),
                         ({"PYTHONDONTWRITEBYTECODE": "1", "PYTHONUNBUFFERED": "x"},
                          [b"-I", b"-S", b"-B", b"-u"]),
                         ({"PYTHONPATH": "/somewhere"}, []),
                         ({"PYTHONIOENCODING": "latin-1"}, [])):
        subprocess.run([bin_folder / "brief", *args], env={**base, **extra}, check=True)
        launcher = str(bin_folder / "brief").encode()
        assert record.read_bytes().split(b"\0")[:-1] == [*flags, launcher, *args], extra


def test_a_link_to_the_launcher_starts_fast(env: Env, tmp_path: Path) -> None:
    """pipx puts a link on PATH to the script in its environment; links to links and
    relative links are followed too."""
    elsewhere = tmp_path / "local bin"
    elsewhere.mkdir()
    (elsewhere / "brief").symlink_to(env.bin / "brief")
    (elsewhere / "relative").symlink_to(os.path.relpath(env.bin / "brief", elsewhere))
    (elsewhere / "twice").symlink_to("relative")
    usual = env.module("define", "KFOR")
    for name in ("brief", "relative", "twice"):
        ran = env.run([elsewhere / name, "define", "KFOR"])
        same(ran, usual)
        assert not ran.site, name


def test_relative_paths_and_sh(env: Env) -> None:
    usual = env.module("define", "KFOR")
    for command, cwd in ((["./brief"], env.bin), (["bin/brief"], env.bin.parent),
                         (["sh", "brief"], env.bin)):
        ran = env.run([*command, "define", "KFOR"], cwd=cwd)
        same(ran, usual)
        assert not ran.site, command


def test_bytecode_and_buffering_variables_keep_the_fast_start(env: Env) -> None:
    extra = {"PYTHONDONTWRITEBYTECODE": "1", "PYTHONUNBUFFERED": "1"}
    ran = env.brief("define", "KFOR", **extra)
    same(ran, env.module("define", "KFOR", **extra))
    assert not ran.site


@pytest.mark.parametrize("variable, value", [
    ("PYTHONPATH", "/nonexistent"),  # the shell part sees it
    ("PYTHONIOENCODING", "ascii:backslashreplace"),
    ("PYTHONUTF8", "1"),
    ("PYTHONSOMETHINGNEW", "1"),  # a variable the shell part does not know: Python sees it
])
def test_a_python_variable_means_the_usual_start(env: Env, variable: str, value: str) -> None:
    """-I would ignore it, so the launcher starts Python with `site` and the environment,
    which then behaves exactly as `python -m briefcli` with the same variable."""
    for args in (["define", "KFOR"], ["show", "2023-11-11"]):
        ran = env.brief(*args, **{variable: value})
        same(ran, env.module(*args, **{variable: value}))
        assert ran.site


def test_io_encoding_is_honoured(env: Env) -> None:
    ran = env.brief("show", "2023-11-11", PYTHONIOENCODING="ascii:backslashreplace")
    assert ran.code == 0 and b"Vu\\u010di\\u0107" in ran.stdout


def light_environment(tmp_path: Path, name: str) -> Path:
    """A virtual environment with only the launcher and whatever the test puts in it."""
    prefix = tmp_path / name
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(prefix)], check=True)
    shutil.copy2(LAUNCHER, prefix / "bin" / "brief")
    return prefix


def test_a_package_on_a_path_file_is_found(env: Env, tmp_path: Path) -> None:
    """As an editable install has it: brief on a path named by a .pth file (the launcher
    reads path files itself, still without `site`)."""
    prefix = light_environment(tmp_path, "editable")
    (installed.site_packages(prefix) / "_brief.pth").write_text(
        f"{env.site_packages}\n", encoding="utf-8")
    for args in (["define", "KFOR"], ["define"], ["show", "2023-11-11"]):
        ran = env.run([prefix / "bin" / "brief", *args])
        same(ran, env.module(*args))
        assert not ran.site


def test_system_site_packages_mean_the_usual_start(env: Env, tmp_path: Path) -> None:
    prefix = light_environment(tmp_path, "system")
    (installed.site_packages(prefix) / "_brief.pth").write_text(
        f"{env.site_packages}\n", encoding="utf-8")
    cfg = prefix / "pyvenv.cfg"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace(
        "include-system-site-packages = false", "include-system-site-packages = true"),
        encoding="utf-8")
    ran = env.run([prefix / "bin" / "brief", "define", "KFOR"])
    same(ran, env.module("define", "KFOR"))
    assert ran.site


def test_without_an_interpreter_beside_it(env: Env, tmp_path: Path) -> None:
    """As `pip install --user` has it: no python beside the script. The Python of the
    version whose library folder beside it holds brief is run from PATH, else python3, the
    usual way."""
    tools = tmp_path / "tools"
    tools.mkdir()
    version = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    for name in (version, "python3"):  # the environment's interpreter under these names
        (tools / name).write_text(f"#!/bin/sh\nexec '{env.bin / 'python'}' \"$@\"\n",
                                  encoding="utf-8")
        (tools / name).chmod(0o755)
    path = f"{tools}:/usr/bin:/bin"
    user = tmp_path / "user"
    (user / "bin").mkdir(parents=True)
    shutil.copy2(LAUNCHER, user / "bin" / "brief")
    usual = env.module("define", "KFOR")
    ran = env.run([user / "bin" / "brief", "define", "KFOR"], PATH=path)
    same(ran, usual)
    assert ran.site
    (user / "lib" / version / "site-packages" / "briefcli").mkdir(parents=True)
    (tools / "python3").unlink()  # now only the versioned name can answer
    ran = env.run([user / "bin" / "brief", "define", "KFOR"], PATH=path)
    same(ran, usual)
    assert ran.site
