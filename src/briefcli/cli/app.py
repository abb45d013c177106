"""The `brief` command: parses arguments, asks the core, hands the answer to a renderer.

Exit codes are `problems.ExitCode`. No traceback reaches the user unless `--debug` is
given. The command's surroundings come in one `Environment`, passed to `main()` and
handed to every command through its context.
"""

# No `from __future__ import annotations` here: Typer reads these annotations at every
# call, and string annotations make it evaluate them (measured: about 5 ms a call).
import sys
from pathlib import Path
from typing import Any, NoReturn, TextIO, cast

from briefcli.cli import grammar, queries, writes  # noqa: F401  (their commands join the app)
from briefcli.cli.base import Call, _not_found, _stderr, app
from briefcli.cli.environment import Environment
from briefcli.cli.grammar import undecodable
from briefcli.problems import BriefError, ExitCode, KnowledgeError


def _report(env: Environment, exc: BriefError) -> None:
    if isinstance(exc, KnowledgeError):
        shown = exc.problems[:10]
        for problem in shown:
            _stderr(env, problem.format())
        more = len(exc.problems) - len(shown)
        tail = f" ({more} more not shown)" if more > 0 else ""
        _stderr(env, f"brief: the knowledge has errors{tail}; run `brief check` to list them all")
    elif hasattr(exc, "suggestions"):
        _not_found(env, exc)
    else:
        _stderr(env, f"brief: {exc.message}")


class _Tracked:
    """A text stream that remembers whether anything was written to it."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self.written = False

    def write(self, text: str) -> int:
        if text:
            self.written = True
        return int(self._stream.write(text))

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return bool(self._stream.isatty())

    @property
    def encoding(self) -> str:
        return str(getattr(self._stream, "encoding", None) or "utf-8")

    def fileno(self) -> int:
        return int(self._stream.fileno())


def main(argv: list[str] | None = None, env: Environment | None = None) -> NoReturn:
    """Entry point: run the app, turn every expected failure into a message and exit code.

    Usage errors are reported by Typer itself (exit 2); our own failures arrive here as
    BriefError. Anything else is a bug: one line, exit 70, the traceback with --debug.
    Output that cannot be written ends the call with 141 (the reader went away) or 74
    (a full disk or device), whatever else happened.
    """
    from briefcli.cli.environment import (
        OutputFailed,
        OutputGone,
        finish_output,
        guard_output,
        release_output,
    )

    env = env or Environment()
    args = sys.argv[1:] if argv is None else argv
    # The root's options after the command too, and search's -word (as the fast path).
    debug = debug_option(grammar.arrange(args)) or bool(env.environ.get("BRIEF_DEBUG"))
    from briefcli.cli.config import config_failure

    failed = config_failure(env)  # a bad config file: its place and what is wrong, exit 2
    if failed is not None:
        sys.exit(failed)
    for n, arg in enumerate(args, 1):
        if undecodable(arg):  # bytes the locale could not decode, kept as surrogates
            _stderr(env, f"brief: argument {n} is not valid UTF-8 text: "
                         f"{arg.encode('utf-8', 'surrogateescape')!r}")
            sys.exit(ExitCode.USAGE)
    args = grammar.arrange(args)
    guard = guard_output(env)
    try:
        try:
            _outcome(args, env, debug)
        except SystemExit:
            finish_output(guard)
            raise
    except (OutputGone, OutputFailed) as exc:
        from briefcli.cli.environment import output_failure

        sys.exit(output_failure(env, exc))
    finally:
        release_output(env, guard)
    sys.exit(0)  # not reached: _outcome always exits


# Root options that take a value, as `_root` declares them.


def debug_option(args: list[str]) -> bool:
    """Whether `--debug` is given as a root option: among the options before the command
    (an option's value, a word after the command or after `--` is not one)."""
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--debug":
            return True
        if arg == "--" or not arg.startswith("-") or arg == "-":
            return False
        spec = grammar.ROOT.options.get(arg)
        if spec is not None and spec.value is not None:
            i += 1  # its value
        i += 1
    return False


def _outcome(args: list[str], env: Environment, debug: bool) -> NoReturn:
    """Run the app and exit with its code; --debug shows the traceback of a bug (and
    only of a bug: a miss or a mistake in the knowledge is reported as always)."""
    from briefcli.cli.environment import OutputFailed, OutputGone

    try:
        _run(args, env)
    except (OutputGone, OutputFailed):
        raise
    except BrokenPipeError:
        from briefcli.cli.environment import quiet_stdout

        quiet_stdout()
        sys.exit(ExitCode.BROKEN_PIPE)
    except BriefError as exc:
        _report(env, exc)
        sys.exit(exc.exit_code)
    except Exception as exc:
        if debug:
            raise
        _stderr(env, f"brief: internal error: {type(exc).__name__}: {exc} (--debug shows where)")
        sys.exit(ExitCode.INTERNAL)
    sys.exit(0)


def _once(args: list[str], call: Call) -> None:
    """Run the app once; what it paged is shown at the end, whatever the outcome, but
    for a damaged index (the call is made again, and the answer so far is dropped)."""
    import sqlite3

    try:
        app(args=args, prog_name="brief", obj=call)
    except sqlite3.DatabaseError:
        raise
    except BaseException:
        if call.paged is not None:
            call.paged.finish()
        raise
    if call.paged is not None:
        call.paged.finish()


def _run(args: list[str], env: Environment) -> None:
    """Run the app. An index found damaged while answering, before anything was printed,
    is dropped and the call made again; any other database error is a bug."""
    import sqlite3

    from briefcli.index.cache import discard_index, is_damage

    stdout = _Tracked(env.stdout)
    env.stdout = cast(TextIO, stdout)
    call = Call(env)
    try:
        _once(args, call)
    except sqlite3.DatabaseError as exc:
        damaged = call.index
        if not is_damage(exc) or not damaged or damaged == ":memory:" or stdout.written:
            raise
        _stderr(env, f"warning: the index {damaged} is damaged; rebuilding it")
        discard_index(Path(damaged))  # and its log: a stale log must not meet a new index
        _once(args, Call(env))
    finally:
        env.stdout = stdout._stream
