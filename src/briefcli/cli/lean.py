"""The entry point, and a lean path for the commands people run most.

`brief define KFOR` should answer in the time of a bare interpreter. Most of a call's
time used to be spent importing the command-line framework; this module answers the
hot commands (`define`, `timeline`, `search`, `show`, `list`, `faq`) and shell
completion without importing it, using the same core and the same renderers as the full
command (`briefcli.cli.app`).

Anything the lean path does not handle the way the full command would is left to it,
with the same arguments, before a byte is written: help, an option or a form it does not
know, a value the full command would refuse (usage errors have one definition, there),
a miss (suggestions), knowledge with errors or warnings, an index to build from scratch.
A differential test runs a corpus of argument lists through both paths and requires the
same output, messages and exit code.

Standard output is guarded on both paths (`environment.GuardedOutput`): a reader that
went away ends the call with 141 and nothing on stderr, a full disk or device or a write
cut short with one line and 74, whichever path answers and whatever else happened.
"""

from __future__ import annotations

import sys

from briefcli.cli import grammar
from briefcli.cli.environment import (
    Environment,
    OutputFailed,
    OutputGone,
    finish_output,
    guard_output,
    output_failure,
    quiet_stdout,
    release_output,
)
from briefcli.cli.grammar import UsageError, undecodable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, NoReturn

# What the lean path answers: the options it handles, by their key in the grammar (any
# other option, --help and --svg among them, goes to the full command).
ROOT_KEYS = frozenset({"data", "strict", "color", "no_pager"})
KEYS = frozenset({"data", "json", "format", "short", "verbose", "since", "until", "limit",
                  "reverse",
                  "kind", "tag", "match"})


def main(argv: list[str] | None = None, env: Environment | None = None) -> NoReturn:
    """`brief`: answer on the lean path when it can, else run the full command."""
    entry = argv is None and env is None  # the process's own call (see `_leave`)
    if entry:
        # No cyclic garbage collection while a lookup runs (its imports and answer make
        # objects that live to the end, or are freed by their count): the collections
        # cost a lookup 7% of its time. The full command turns it on again.
        import gc

        gc.disable()
    env = env or Environment()
    args = sys.argv[1:] if argv is None else list(argv)
    if "_BRIEF_COMPLETE" in env.environ:
        code = _complete(env)
        if code is not None:
            _leave(code, entry)
    from briefcli.cli.config import config_failure

    failed = config_failure(env)  # a bad config file: its place and what is wrong, exit 2
    if failed is not None:
        sys.exit(failed)
    guard = guard_output(env)
    try:
        code = None
        if not env.environ.get("BRIEF_NO_LEAN"):
            try:
                code = answer(args, env, keep=entry)
                if code is not None:
                    finish_output(guard)
            except (OutputGone, OutputFailed) as exc:
                code = output_failure(env, exc)
        if code is None:
            if entry:
                import gc

                gc.enable()
            from briefcli.cli.app import main as full

            full(args, env)
            sys.exit(None)
    finally:
        release_output(env, guard)
    _leave(code, entry)


def _leave(code: int, entry: bool) -> NoReturn:
    """End the call with `code`. The process's own call, once the lean path has
    answered, skips the interpreter's tidying up (every module and object freed one by
    one, a last collection: an eighth of a lookup's time): the answer is written and
    flushed, the index closed, and nothing else waits for the exit. Called from
    elsewhere (tests, a program using `main`), it raises SystemExit."""
    if entry:
        try:
            for stream in (sys.stdout, sys.stderr):
                if stream is not None:  # None: the descriptor was closed at start
                    stream.flush()
        except (OSError, ValueError):
            sys.exit(code)  # the interpreter's own exit says what went wrong
        started = sys.modules.get("briefcli.cli.start")
        bundle = getattr(started, "bundle", None)
        if bundle is not None:  # the fast start's: written again if it was short
            bundle.keep()
        import os

        os._exit(code)
    sys.exit(code)


def _complete(env: Environment) -> int | None:
    try:
        from briefcli.cli.complete import answer as complete
    except ImportError:
        return None
    return complete(env.environ, env.stdout)


class _Usage(Exception):
    """Not for the lean path: the full command decides."""


class Parsed:
    """A lean call: the command, its words and its options."""

    def __init__(self) -> None:
        self.command = ""
        self.data: list[str] = []
        self.strict = False
        self.color = "auto"
        self.pager = True
        self.words: list[str] = []
        self.options: dict[str, Any] = {}
        self.json = False
        self.format: str | None = None


def _split(arg: str, command: grammar.Command) -> tuple[str, str | None]:
    """`--opt=value` and `-xVALUE` as (option, value); else (arg, None)."""
    if arg.startswith("--") and "=" in arg:
        name, value = arg.split("=", 1)
        return name, value
    if len(arg) > 2 and arg[0] == "-" and arg[1] != "-" and arg[:2] in command.options:
        return arg[:2], arg[2:]
    return arg, None


def _options(
    args: list[str], i: int, command: grammar.Command, keys: frozenset[str],
    found: dict[str, Any], words: list[str] | None,
) -> int:
    """Read the options of `command` from args[i:] into `found` (by key; a repeated
    option's values in a list) and the other words into `words`; with `words` None (the
    root's options) stop at the first word. Returns where it stopped."""
    only_words = False
    while i < len(args):
        arg = args[i]
        if only_words or arg == "-" or not arg.startswith("-"):
            if words is None:
                return i
            words.append(arg)
            i += 1
            continue
        i += 1
        if arg == "--" and words is not None:
            only_words = True
            continue
        name, value = _split(arg, command)
        spec = command.options.get(name)
        if spec is None or spec.key not in keys:
            raise _Usage(name)
        if spec.value is not None and value is None:
            if i >= len(args):
                raise _Usage(name)
            value = args[i]
            i += 1
        elif spec.value is None and value is not None:
            raise _Usage(name)
        if spec.repeat:
            found.setdefault(spec.key, []).append(str(value))
        else:
            found[spec.key] = True if value is None else value  # the last one given wins
    return i


def parse(args: list[str]) -> Parsed:
    """The call, or _Usage when the full command should take it."""
    p = Parsed()
    args = grammar.arrange(args)  # the root's options after the command too; -word
    root: dict[str, Any] = {}
    i = _options(args, 0, grammar.ROOT, ROOT_KEYS, root, None)
    command = grammar.COMMANDS.get(args[i]) if i < len(args) else None
    if command is None or not command.lean:
        raise _Usage("command")
    p.command = command.name
    found: dict[str, Any] = {}
    _options(args, i + 1, command, KEYS, found, p.words)
    p.data = root.get("data", []) + found.pop("data", [])
    p.strict = bool(root.get("strict"))
    p.pager = not root.get("no_pager")
    try:
        color = grammar.choice("", "color", str(root.get("color", "auto")).lower())
        grammar.words(p.command, p.words)
    except UsageError:
        raise _Usage("value") from None
    p.color = str(color)
    p.json = bool(found.pop("json", False))
    p.format = found.pop("format", None)
    p.options = found
    return p


def _format(p: Parsed, view: str) -> str:
    from briefcli.render import choose_format

    try:  # define's headwords come in define's formats
        return choose_format("define" if view == "headwords" else view, p.format, p.json)
    except ValueError:
        raise _Usage("--format") from None


def _query(p: Parsed) -> tuple[str, Callable[[Any], Any]]:
    """The view and the function of the index that answers it, the values checked by
    the rules of `grammar` that the full command applies too."""
    try:
        return _checked_query(p)
    except UsageError:
        raise _Usage("value") from None


def _checked_query(p: Parsed) -> tuple[str, Callable[[Any], Any]]:
    o = p.options
    words = p.words
    if p.command == "define":
        grammar.short_alone(bool(o.get("short")), p.json or p.format is not None)
        strategy, most = grammar.match_options(
            str(o.get("match", "exact")).lower(), grammar.limit(o.get("limit")),
            bool(o.get("short")),
        )
        if strategy != "exact":
            patterns = [grammar.pattern(t) for t in words] if strategy == "regex" else []
            from briefcli.index.matching import match_terms

            return "headwords", lambda conn: match_terms(conn, words, strategy, most, patterns)
        from briefcli.index.query import define_terms

        def define(conn: Any) -> Any:
            found, misses = define_terms(conn, words, files=bool(o.get("verbose")))
            if misses:
                raise _Usage("a miss")
            return found

        return "define", define
    if p.command == "timeline":
        from briefcli.index.query import timeline

        start, end = grammar.period(o.get("since"), o.get("until"))
        limit = grammar.limit(o.get("limit"))
        topic = words[0] if words else None
        return "timeline", lambda conn: timeline(
            conn, topic, start, end, limit, bool(o.get("reverse"))
        )
    if p.command == "search":
        kind = grammar.choice("search", "kind", o.get("kind"))
        limit = grammar.limit(o.get("limit")) or int(str(grammar.default("search", "limit")))
        from briefcli.index.search import search

        text = " ".join(words)
        return "search", lambda conn: search(conn, text, kind, limit)._replace(query=text)
    if p.command == "show":
        what = words[0] if words else None
        grammar.show_target(what)
        from briefcli.index.query import find_briefings

        return "show", lambda conn: find_briefings(conn, what)
    if p.command == "list":
        listed = str(grammar.one_of(words[0].lower(), grammar.LISTS, "WHAT"))
        kind, tag = o.get("kind"), o.get("tag")
        grammar.list_filters(listed, kind, tag)
        from briefcli.index.query import list_records

        return "listing", lambda conn: list_records(conn, listed, kind, tag)
    from briefcli.index.search import find_faqs

    asked = " ".join(words).strip() or None
    return "faq", lambda conn: find_faqs(conn, asked)


def answer(args: list[str], env: Environment, keep: bool = False) -> int | None:
    """Answer the call and return its exit code, or None to leave it to the full
    command (nothing has been written then). With `keep` (the process's own call, which
    ends with `_leave` once answered), an index that answered is left for the end of the
    process to close."""
    if any(undecodable(arg) for arg in args):
        return None
    try:
        p = parse(args)
        view, find = _query(p)
        fmt = _format(p, view)
    except _Usage:
        return None
    env.choose_color(p.color)
    strict = env.strict(p.strict)

    from briefcli.index.connect import Fallback, open_knowledge
    from briefcli.index.sqlite import sqlite3
    from briefcli.problems import BriefError, ExitCode

    # Nothing is written until the answer is found: every way out before that leaves
    # the call to the full command, which says what the matter is (a damaged index
    # included: it rebuilds it).
    try:
        opened = open_knowledge(env, p.data, strict=strict, probe=True)
    except (Fallback, BriefError, sqlite3.Error, OSError):
        return None
    answered = False
    try:
        try:
            result = find(opened.conn)
        except (_Usage, BriefError, sqlite3.Error):
            return None
        answered = True
        return _write(env, p, view, fmt, result)
    except BrokenPipeError:
        quiet_stdout()
        return int(ExitCode.BROKEN_PIPE)
    finally:
        # The last connection to close checkpoints the index's log and removes its side
        # files (-wal, -shm), which the next call makes again: together a fifth of a
        # millisecond. A process that ends now, with an empty log, leaves them to the
        # next call, which finds them as after any process that ended while reading. A
        # log this call wrote (an update) is checkpointed as before: the next call would
        # read all of it again to rebuild the shared memory. Within a process (tests, a
        # program calling `main`), the index is closed as before.
        if not (keep and answered and _log_empty(opened.location)):
            opened.conn.close()


def _log_empty(location: str) -> bool:
    """Whether the index at `location` has a log and nothing in it."""
    import os

    try:
        return os.stat(location + "-wal").st_size == 0
    except OSError:  # no log (an index read as a plain file, or in memory)
        return False


def _write(env: Environment, p: Parsed, view: str, fmt: str, result: Any) -> int:
    from briefcli.render import open_renderer

    out, buffer = open_renderer(fmt, env, p.pager)
    if p.options.get("short"):
        from briefcli.render.common import short_lines

        (buffer or env.stdout).write(short_lines(result))
    else:
        getattr(out, view)(result)
    if buffer is not None:
        buffer.finish()
    if view == "headwords" and result.more:
        from briefcli.index.connect import say
        from briefcli.index.matching import more_note

        say(env, more_note(result))
    return 0
