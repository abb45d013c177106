"""Hardening of what brief writes: completion a shell inserts, and standard output that
cannot take the answer (a full device, a write cut short, a reader that went away).

- Shell injection through bash completion: every value bash inserts is one quoted word,
  as bash's `printf %q` writes it (a real interactive bash on a pseudo-terminal, and the
  quoting fed back to bash for many hostile values).
- An output that cannot be written: one line on stderr and exit 74 (never a traceback or
  70), on every command and both paths; a write that takes only part of the text is
  given the rest, one that takes nothing fails.
- A closed pipe: exit 141 and nothing on stderr, on every path (lean and full, a cold and
  a warm cache, the pager off).
- `--debug` counts only as a root option, and shows tracebacks of bugs only.
"""

from __future__ import annotations

import errno
import io
import json
import os
import pty
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefcli.cli import app as cli
from briefcli.cli import complete, lean
from briefcli.cli.complete import bash_quote
from briefcli.cli.environment import Environment, GuardedOutput, OutputFailed, finish_output
from briefcli.problems import ExitCode
from conftest import write

BASH = shutil.which("bash")
BIN = Path(sys.executable).parent
BRIEF = BIN / "brief"
needs_bash = pytest.mark.skipif(BASH is None, reason="bash is not installed")
needs_brief = pytest.mark.skipif(not BRIEF.exists(), reason="brief is not installed here")

# Values a knowledge file may hold that a shell would take for syntax: each would run
# `touch` (or redirect into a file) if inserted as it is. Each starts with its own
# prefix (Q0, Q1, ...), so that TAB after the prefix completes it alone.
HOSTILE = [
    "Q0;touch PWNED0",
    "Q1$(touch PWNED1)",
    "Q2`touch PWNED2`",
    "Q3|touch PWNED3",
    "Q4&&touch PWNED4",
    "Q5>PWNED5",
    "Q6 'quoted' \"twice\" ~ $HOME *",
    "Q7<(touch PWNED7)",
    "Q8{a,b}[x]?! #not a comment",
    "Q9\\;touch PWNED9",
]
# Each ends with a mark of its own, the same quoted or not (to know that TAB is done).
HOSTILE = [f"{value}Z{i}" for i, value in enumerate(HOSTILE)]


def hostile_knowledge(folder: Path, values: list[str]) -> Path:
    lines = ["format: 1", "entities:"]
    for i, value in enumerate(values):
        lines += [f"  - id: e{i}", f"    name: Entity {i}", f"    acronym: {json.dumps(value)}"]
    return write(folder / "kb.yaml", "\n".join(lines) + "\n")


# ------------------------------------------------------------ shell injection by completion


OPENED = ("", "'", '"')


class Terminal:
    """An interactive bash on a pseudo-terminal, read up to markers (the deadline is a
    guard against a hang, not a measurement)."""

    PROMPT = b"READY> "

    def __init__(self, cwd: Path, environ: dict[str, str]) -> None:
        assert BASH is not None
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: bash, reading the terminal
            os.chdir(cwd)
            os.execve(BASH, [BASH, "--norc", "--noprofile", "-i"], environ)
        self.seen = b""

    def until(self, marker: bytes, limit: float = 60) -> bytes:
        end = time.monotonic() + limit
        while marker not in self.seen:
            ready, _, _ = select.select([self.fd], [], [], max(0.0, end - time.monotonic()))
            if not ready:
                raise AssertionError(f"bash never printed {marker!r}; it printed {self.seen!r}")
            try:
                chunk = os.read(self.fd, 4096)
            except OSError:
                chunk = b""
            if not chunk:
                raise AssertionError(f"bash ended before {marker!r}: {self.seen!r}")
            self.seen += chunk
        text, self.seen = self.seen.split(marker, 1)
        return text

    def type(self, text: str) -> None:
        os.write(self.fd, text.encode())

    def close(self) -> None:
        os.kill(self.pid, signal.SIGKILL)  # an interactive bash ignores SIGTERM
        os.waitpid(self.pid, 0)
        os.close(self.fd)


@needs_bash
@needs_brief
def test_shell_injection_bash_completion_inserts_each_value_quoted(tmp_path: Path) -> None:
    kb = hostile_knowledge(tmp_path / "kb", HOSTILE)
    work = tmp_path / "work"
    work.mkdir()
    environ = {
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "HOME": str(tmp_path),
        "BRIEF_CACHE_DIR": str(tmp_path / "cache"), "BRIEF_DATA": str(kb), "TERM": "dumb",
        "LANG": "C.UTF-8", "PS1": Terminal.PROMPT.decode(), "HISTFILE": os.devnull,
    }
    script = subprocess.run([str(BRIEF), "--show-completion", "bash"], capture_output=True,
                            text=True, env=environ, check=True).stdout
    (tmp_path / "brief.bash").write_text(script)
    bash = Terminal(work, environ)
    lines, answers = [], []
    try:
        bash.type(f"source {tmp_path / 'brief.bash'}\n")
        bash.until(Terminal.PROMPT)
        bash.until(Terminal.PROMPT)
        for i in range(len(HOSTILE)):
            opened = OPENED[i % len(OPENED)]  # TAB in a quote the user opened, too
            bash.type(f"brief define --short {opened}Q{i}\t")
            lines.append(bash.until(f"Z{i}".encode()).decode() + f"Z{i}")  # TAB is done
            bash.type("\necho ST''ATUS=$?\n")  # not STATUS= as it is echoed
            answers.append(bash.until(b"STATUS=").decode() + bash.until(b"\n").decode())
            bash.until(Terminal.PROMPT)
    finally:
        bash.close()
    assert sorted(os.listdir(work)) == []  # Enter ran nothing, redirected nothing
    for i, (value, line, shown) in enumerate(zip(HOSTILE, lines, answers, strict=True)):
        if not OPENED[i % len(OPENED)]:  # (after a quote, readline redraws the word)
            assert line.endswith("brief define --short " + bash_quote(value)), (value, line)
        # brief received the value as one word: it found the acronym
        assert f"{value}: Entity {i}" in shown and shown.endswith("0\r"), (value, shown)


@needs_bash
def test_shell_injection_bash_quoting_gives_back_the_same_single_word() -> None:
    """Every hostile value, and every printable ASCII character alone and inside a word,
    is one word of bash equal to the value, and written as `printf %q` writes it."""
    values = [*HOSTILE, "~root", "~", "-rf", "--help", "a=~b", "x:~y", "#c", "a#b", "",
              "new\nline", "tab\there", "esc\x1bx", "bell\a", "é ü", "x'y\"z\\w"]
    values += [chr(c) for c in range(32, 127)] + [f"a{chr(c)}b" for c in range(32, 127)]
    assert BASH is not None
    words = " ".join(bash_quote(v) for v in values)
    back = subprocess.run([BASH, "--norc", "-c", f"printf '%s\\0' {words}"],
                          capture_output=True, check=True).stdout
    assert back.decode().split("\0")[:-1] == values
    printable = [v for v in values if v.isprintable()]
    script = "printf '%q\\0' " + " ".join(bash_quote(v) for v in printable)
    by_bash = subprocess.run([BASH, "--norc", "-c", script], capture_output=True,
                             check=True).stdout.decode().split("\0")[:-1]
    assert [bash_quote(v) for v in printable] == by_bash


@needs_bash
@given(st.lists(st.text(st.characters(blacklist_categories=("Cs",),
                                      blacklist_characters="\0"), max_size=12),
                min_size=1, max_size=8))
def test_shell_injection_bash_quoting_of_any_text(values: list[str]) -> None:
    assert BASH is not None
    line = "printf '%s\\0' " + " ".join(bash_quote(v) for v in values)
    for how in (line, 'eval "$LINE"'):  # as a command line, and through eval
        back = subprocess.run([BASH, "--norc", "-c", how], capture_output=True, check=True,
                              env={"LANG": "C.UTF-8", "HOME": "/nonexistent",
                                   "LINE": line}).stdout
        assert back.decode("utf-8", "surrogateescape").split("\0")[:-1] == values, how


def _request(line: str, shell: str) -> dict[str, str]:
    if shell == "bash":
        words = line.split(" ")  # the words as bash passes them, quotes and all
        return {"_BRIEF_COMPLETE": "complete_bash", "COMP_WORDS": "\n".join(words),
                "COMP_CWORD": str(len(words) - 1)}
    return {"_BRIEF_COMPLETE": f"complete_{shell}", "_TYPER_COMPLETE_ARGS": line,
            "_TYPER_COMPLETE_FISH_ACTION": "get-args"}


def test_shell_injection_bash_answers_are_quoted_zsh_and_fish_as_before(tmp_path: Path) -> None:
    kb = hostile_knowledge(tmp_path / "kb", HOSTILE)
    environ = {"BRIEF_CACHE_DIR": str(tmp_path / "cache"), "BRIEF_DATA": str(kb)}
    out = io.StringIO()
    assert complete.answer({**environ, **_request("brief define Q", "bash")}, out) == 0
    assert out.getvalue() == "".join(bash_quote(v) + "\n" for v in sorted(HOSTILE))
    for opened in ("'", '"'):  # the user opened a quote: the value replaces it
        out = io.StringIO()
        complete.answer({**environ, **_request(f"brief define {opened}Q1", "bash")}, out)
        assert out.getvalue() == f"{opened * 2}{bash_quote(HOSTILE[1])}{opened * 2}\n"
    out = io.StringIO()
    complete.answer({**environ, **_request("brief define Q", "fish")}, out)
    assert out.getvalue() == "".join(v + "\n" for v in sorted(HOSTILE))  # fish quotes itself
    out = io.StringIO()
    complete.answer({**environ, **_request("brief define Q0", "zsh")}, out)
    assert out.getvalue() == "_arguments '*: :((\"Q0;touch PWNED0Z0\"))'\n"
    # the callbacks Typer answers with quote the same way for bash, and only for bash
    callback = complete.autocompletion(complete.TERMS)

    class Ctx:  # what the callback reads of Typer's context
        parent = None
        params: dict[str, object] = {}
        obj = type("Obj", (), {"env": Environment(environ={**environ,
                                                           "_BRIEF_COMPLETE": "complete_bash"})})

    assert callback(Ctx(), "Q1") == [bash_quote(HOSTILE[1])]
    Ctx.obj.env = Environment(environ={**environ, "_BRIEF_COMPLETE": "complete_zsh"})
    assert callback(Ctx(), "Q1") == [HOSTILE[1]]


# ------------------------------------------------------------ output that cannot be written


def _environ(cache: Path, lean_path: bool) -> dict[str, str]:
    environ = {**os.environ, "BRIEF_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    environ.pop("BRIEF_NO_LEAN", None)
    environ.pop("BRIEF_DEBUG", None)
    if not lean_path:
        environ["BRIEF_NO_LEAN"] = "1"
    return environ


def run(args: list[str], cache: Path, *, lean_path: bool = True, stdout: object = None,
        **more: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([str(BRIEF), *args], stdout=stdout, stderr=subprocess.PIPE,
                          env={**_environ(cache, lean_path), **more}, timeout=120,
                          check=False)


# Commands that write to standard output (the lean path answers the first six).
WRITERS = [
    ["define", "KFOR"], ["timeline", "Kosovo"], ["search", "Kosovo"], ["show"],
    ["list", "entities"], ["faq"], ["define", "KFOR", "--json"], ["export"], ["schema"],
    ["info"], ["--help"], ["define", "--help"], ["--version"], ["--no-pager", "timeline"],
]

FULL_DEVICE = Path("/dev/full")


@needs_brief
@pytest.mark.skipif(not FULL_DEVICE.exists(), reason="no /dev/full")
@pytest.mark.parametrize("lean_path", [True, False], ids=["lean", "full"])
def test_full_output_device_is_one_line_and_exit_74(tmp_path: Path, lean_path: bool) -> None:
    cache = tmp_path / "cache"
    for args in [*WRITERS, ["define", "KFOR", "NOSUCHTERM"]]:
        with FULL_DEVICE.open("wb") as full:
            r = run(args, cache, lean_path=lean_path, stdout=full)
        err = r.stderr.decode()
        assert r.returncode == ExitCode.IO_ERROR == 74, (args, err)
        assert err.endswith("brief: cannot write the output: No space left on device\n"), args
        assert "Traceback" not in err and "internal error" not in err, args


@needs_brief
@pytest.mark.parametrize("lean_path", [True, False], ids=["lean", "full"])
def test_closed_output_is_one_line_and_exit_74(tmp_path: Path, lean_path: bool) -> None:
    """`brief define KFOR >&-`: standard output closed by the shell, not a traceback."""
    cache = tmp_path / "cache"
    for args in WRITERS:
        r = subprocess.run([str(BRIEF), *args], stderr=subprocess.PIPE, timeout=120,
                           env=_environ(cache, lean_path), check=False,
                           preexec_fn=lambda: os.close(1))
        err = r.stderr.decode()
        assert r.returncode == ExitCode.IO_ERROR, (args, err)
        assert err == "brief: cannot write the output: standard output is closed\n", args


@needs_brief
def test_closed_error_stream_drops_messages_only(tmp_path: Path) -> None:
    """With standard error closed an answer is still given, and a miss still exits 1."""
    environ = _environ(tmp_path / "cache", True)
    for args, code, out in ((["define", "KFOR"], 0, b"KFOR"), (["define", "NOSUCH"], 1, b"")):
        r = subprocess.run([str(BRIEF), *args], stdout=subprocess.PIPE, timeout=120,
                           env=environ, check=False, preexec_fn=lambda: os.close(2))
        assert (r.returncode, r.stdout[:len(out)]) == (code, out), args


def test_exit_code_74_is_documented() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert "| 74 |" in readme
    assert "74 the output could not be written" in (cli.app.info.epilog or "")


class Cut(io.StringIO):
    """A stream on a filling disk: each write takes at most `take` characters."""

    def __init__(self, take: int) -> None:
        super().__init__()
        self.take = take

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        return super().write(text[: self.take])


class Failing(io.StringIO):
    """A stream whose writes (or flushes) fail with an OSError."""

    def __init__(self, code: int, on: str) -> None:
        super().__init__()
        self.code, self.on = code, on

    def write(self, text: str) -> int:
        if self.on == "write":
            raise OSError(self.code, os.strerror(self.code))
        return super().write(text)

    def flush(self) -> None:
        if self.on == "flush":
            raise OSError(self.code, os.strerror(self.code))


def call(main: object, args: list[str], stdout: io.StringIO, cache: Path) -> tuple[int, str]:
    err = io.StringIO()
    env = Environment(stdout, err, {"BRIEF_CACHE_DIR": str(cache), "NO_COLOR": "1"})
    with pytest.raises(SystemExit) as exit_:
        main(args, env)  # type: ignore[operator]
    code = exit_.value.code
    return (code if isinstance(code, int) else 1), err.getvalue()


@pytest.mark.parametrize("main", [lean.main, cli.main], ids=["lean", "full"])
@pytest.mark.parametrize("args", [["define", "KFOR"], ["timeline", "Kosovo"], ["export"],
                                  ["schema"]], ids=lambda a: "-".join(a))
def test_short_write_is_completed_or_fails(main: object, args: list[str], tmp_path: Path) -> None:
    whole = io.StringIO()
    assert call(main, args, whole, tmp_path / "cache") == (0, "")
    expected = whole.getvalue()
    assert len(expected) > 40
    for take in (1, 7, 40):  # the rest is written again until it is all taken
        cut = Cut(take)
        assert call(main, args, cut, tmp_path / "cache") == (0, ""), take
        assert cut.getvalue() == expected, take
    nothing = Cut(0)  # a write that takes nothing: the output is cut, never exit 0
    code, err = call(main, args, nothing, tmp_path / "cache")
    assert code == 74
    assert err.startswith("brief: cannot write the output: the output was cut")
    assert err.count("\n") == 1


@pytest.mark.parametrize("main", [lean.main, cli.main], ids=["lean", "full"])
@pytest.mark.parametrize(("code", "on"), [(errno.ENOSPC, "write"), (errno.EIO, "write"),
                                          (errno.ENOSPC, "flush"), (errno.EIO, "flush")])
def test_short_write_error_on_write_or_flush_fails(
    main: object, code: int, on: str, tmp_path: Path
) -> None:
    got, err = call(main, ["define", "KFOR"], Failing(code, on), tmp_path / "cache")
    assert (got, err) == (74, f"brief: cannot write the output: {os.strerror(code)}\n")


def test_short_write_error_on_close_fails(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A file system that reports a failed write only when the file is closed (NFS)."""
    with (tmp_path / "out").open("w") as stream:
        guard = GuardedOutput(stream)
        guard.write("text\n")
        real_close = os.close

        def close(fd: int) -> None:
            real_close(fd)
            raise OSError(errno.EIO, os.strerror(errno.EIO))

        monkeypatch.setattr(os, "close", close)
        with pytest.raises(OutputFailed) as failed:
            finish_output(guard)
        monkeypatch.undo()
    assert failed.value.reason == os.strerror(errno.EIO)


# ------------------------------------------------------------ a closed pipe


def closed_pipe(args: list[str], cache: Path, *, lean_path: bool = True) -> tuple[int, str]:
    """Run brief with standard output a pipe whose reader has already gone away."""
    read, write_end = os.pipe()
    os.close(read)
    try:
        r = run(args, cache, lean_path=lean_path, stdout=write_end)
    finally:
        os.close(write_end)
    return r.returncode, r.stderr.decode()


@needs_brief
@pytest.mark.parametrize("lean_path", [True, False], ids=["lean", "full"])
def test_closed_pipe_exits_141_cold_and_warm(tmp_path: Path, lean_path: bool) -> None:
    for n, args in enumerate(WRITERS):
        cold = tmp_path / f"cache-{n}"  # a new cache: the first call builds the index
        assert closed_pipe(args, cold, lean_path=lean_path) == (141, ""), ("cold", args)
        assert closed_pipe(args, cold, lean_path=lean_path) == (141, ""), ("warm", args)


@needs_brief
def test_closed_pipe_exits_141_on_a_miss_and_with_knowledge_errors(tmp_path: Path) -> None:
    bad = write(tmp_path / "kb" / "bad.yaml",
                "format: 1\nentities:\n  - id: ok\n    name: Kosovo\n  - name: no id\n")
    for lean_path in (True, False):
        cache = tmp_path / f"cache-{lean_path}"
        assert closed_pipe(["define", "KFOR", "NOSUCHTERM"], cache, lean_path=lean_path)[0] == 141
        code, err = closed_pipe(["--data", str(bad), "search", "Kosovo"], cache,
                                lean_path=lean_path)
        assert code == 141 and "Traceback" not in err


# ------------------------------------------------------------ --debug


@needs_brief
@pytest.mark.parametrize("lean_path", [True, False], ids=["lean", "full"])
def test_debug_only_as_root_option_and_only_for_bugs(tmp_path: Path, lean_path: bool) -> None:
    cache = tmp_path / "cache"
    for args in (["search", "--", "--debug"], ["define", "--", "--debug"],
                 ["faq", "--", "--debug"], ["--debug", "search", "nosuchwordatall"],
                 ["--debug", "show", "1999-01-01"], ["--data", "--debug", "show"]):
        r = run(args, cache, lean_path=lean_path, stdout=subprocess.PIPE)
        err = r.stderr.decode()
        assert r.returncode in (1, 2), (args, err)
        assert "Traceback" not in err, args
        assert err.startswith("brief: ") or "Error" in err, args


def test_debug_is_read_from_the_root_options_only() -> None:
    assert cli.debug_option(["--debug", "show"])
    assert cli.debug_option(["--data", "kb", "--debug", "show"])
    assert cli.debug_option(["--color", "never", "--strict", "--debug"])
    assert not cli.debug_option(["search", "--", "--debug"])
    assert not cli.debug_option(["search", "--debug"])
    assert not cli.debug_option(["--data", "--debug", "show"])
    assert not cli.debug_option(["--", "--debug"])
    assert not cli.debug_option(["define", "KFOR", "--debug"])


def test_debug_still_shows_the_traceback_of_a_bug(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import briefcli.index.query

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(briefcli.index.query, "find_terms", broken)
    env = Environment(io.StringIO(), io.StringIO(), {"BRIEF_CACHE_DIR": str(tmp_path)})
    with pytest.raises(RuntimeError):
        cli.main(["--debug", "define", "KFOR"], env)
    env = Environment(io.StringIO(), io.StringIO(), {"BRIEF_CACHE_DIR": str(tmp_path)})
    with pytest.raises(SystemExit) as exit_:
        cli.main(["define", "--", "--debug", "KFOR"], env)  # a word, not the option
    assert exit_.value.code == 70
