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
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any, NoReturn

from briefcli.cli.environment import Environment

COMMANDS = ("define", "timeline", "search", "show", "list", "faq")
MAX_LIMIT = 2**31 - 1  # SQLite's LIMIT takes a 64-bit integer; no answer is longer
# What `show` takes for a date, to be checked as one (2023-02-30 is a usage error).
DATE_LIKE = re.compile(r"\d{4}(-\d{1,2}(-\d{1,2})?)?")


def main(argv: list[str] | None = None, env: Environment | None = None) -> NoReturn:
    """`brief`: answer on the lean path when it can, else run the full command."""
    env = env or Environment()
    args = sys.argv[1:] if argv is None else list(argv)
    if "_BRIEF_COMPLETE" in env.environ:
        code = _complete(env)
        if code is not None:
            sys.exit(code)
    from briefcli.cli.config import config_failure

    code = config_failure(env)
    if code is None and not env.environ.get("BRIEF_NO_LEAN"):
        code = answer(args, env)
    if code is None:
        from briefcli.cli.app import main as full  # it reports a bad config itself

        full(args, env)
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


# Options of each command: name -> (key, takes a value); --data, --json and --format
# are shared by all.
_OPTIONS: dict[str, dict[str, tuple[str, bool]]] = {
    "define": {"--short": ("short", False), "-s": ("short", False)},
    "timeline": {"--since": ("since", True), "--until": ("until", True),
                 "--limit": ("limit", True), "--reverse": ("reverse", False)},
    "search": {"--kind": ("kind", True), "--limit": ("limit", True)},
    "show": {},
    "list": {"--kind": ("kind", True), "--tag": ("tag", True)},
    "faq": {},
}
_SHARED = {"--data": ("data", True), "-d": ("data", True), "--json": ("json", False),
           "--format": ("format", True), "-f": ("format", True)}


def _split(arg: str, known: dict[str, tuple[str, bool]]) -> tuple[str, str | None]:
    """`--opt=value` and `-xVALUE` as (option, value); else (arg, None)."""
    if arg.startswith("--") and "=" in arg:
        name, value = arg.split("=", 1)
        return name, value
    if len(arg) > 2 and arg[0] == "-" and arg[1] != "-" and arg[:2] in known:
        return arg[:2], arg[2:]
    return arg, None


def parse(args: list[str]) -> Parsed:
    """The call, or _Usage when the full command should take it."""
    p = Parsed()
    i = 0
    root = {"--data": True, "-d": True, "--strict": False, "--color": True, "--no-pager": False}
    while i < len(args) and args[i].startswith("-"):
        name, value = _split(args[i], {k: ("", v) for k, v in root.items()})
        if name not in root:
            raise _Usage(name)
        if root[name] and value is None:
            i += 1
            if i >= len(args):
                raise _Usage(name)
            value = args[i]
        elif not root[name] and value is not None:
            raise _Usage(name)
        if name in ("--data", "-d"):
            p.data.append(str(value))
        elif name == "--strict":
            p.strict = True
        elif name == "--no-pager":
            p.pager = False
        else:
            if str(value).lower() not in ("auto", "always", "never"):
                raise _Usage(name)
            p.color = str(value).lower()
        i += 1
    if i >= len(args) or args[i] not in COMMANDS:
        raise _Usage("command")
    p.command = args[i]
    known = {**_SHARED, **_OPTIONS[p.command]}
    i += 1
    only_words = False
    while i < len(args):
        arg = args[i]
        i += 1
        if only_words or arg == "-" or not arg.startswith("-"):
            p.words.append(arg)
            continue
        if arg == "--":
            only_words = True
            continue
        name, value = _split(arg, known)
        if name not in known:
            raise _Usage(name)
        key, takes = known[name]
        if takes and value is None:
            if i >= len(args):
                raise _Usage(name)
            value = args[i]
            i += 1
        elif not takes and value is not None:
            raise _Usage(name)
        if key == "data":
            p.data.append(str(value))
        elif key == "json":
            p.json = True
        elif key == "format":
            p.format = str(value)
        elif takes:
            p.options[key] = value  # the last one given wins, as in the full command
        else:
            p.options[key] = True
    return p


def _limit(value: str | None) -> int | None:
    if value is None:
        return None
    text = value.strip()
    if not text.isdigit() or not text.isascii() or not 1 <= int(text) <= MAX_LIMIT:
        raise _Usage("--limit")
    return int(text)


def _format(p: Parsed, view: str) -> str:
    from briefcli.render import choose_format

    try:
        return choose_format(view, p.format, p.json)
    except ValueError:
        raise _Usage("--format") from None


def _query(p: Parsed) -> tuple[str, Callable[[Any], Any]]:
    """The view and the function of the index that answers it (checked as the full
    command checks its options)."""
    o = p.options
    words = p.words
    if p.command == "define":
        if not words or (o.get("short") and (p.json or p.format is not None)):
            raise _Usage("define")
        from briefcli.index.query import define_terms

        def define(conn: Any) -> Any:
            found, misses = define_terms(conn, words)
            if misses:
                raise _Usage("a miss")
            return found

        return "define", define
    if p.command == "timeline":
        if len(words) > 1:
            raise _Usage("timeline")
        from briefcli.index.query import timeline
        from briefcli.knowledge.dates import DateError, PartialDate

        try:
            start = PartialDate.parse(o["since"]) if "since" in o else None
            end = PartialDate.parse(o["until"]) if "until" in o else None
        except DateError:
            raise _Usage("date") from None
        if start is not None and end is not None and start.low > end.high:
            raise _Usage("dates")
        limit = _limit(o.get("limit"))
        topic = words[0] if words else None
        return "timeline", lambda conn: timeline(
            conn, topic, start, end, limit, bool(o.get("reverse"))
        )
    if p.command == "search":
        from briefcli.knowledge.model import SEARCH_KINDS

        kind: str | None = o.get("kind")
        if not words or (kind is not None and kind not in SEARCH_KINDS):
            raise _Usage("search")
        limit = _limit(o.get("limit")) or 20
        from briefcli.index.query import search

        text = " ".join(words)
        return "search", lambda conn: search(conn, text, kind, limit)
    if p.command == "show":
        if len(words) > 1:
            raise _Usage("show")
        what = words[0] if words else None
        if what is not None and DATE_LIKE.fullmatch(what):
            from briefcli.knowledge.dates import DateError, PartialDate

            try:
                PartialDate.parse(what)
            except DateError:
                raise _Usage("date") from None
        from briefcli.index.query import find_briefings

        return "show", lambda conn: find_briefings(conn, what)
    if p.command == "list":
        from briefcli.knowledge.model import LISTS

        if len(words) != 1 or words[0].lower() not in LISTS:
            raise _Usage("list")
        what = words[0].lower()
        kind, tag = o.get("kind"), o.get("tag")
        if (kind is not None and what != "entities") or (
            tag is not None and what not in ("entities", "events")
        ):
            raise _Usage("list")
        from briefcli.index.query import list_records

        return "listing", lambda conn: list_records(conn, what, kind, tag)
    from briefcli.index.query import find_faqs

    asked = " ".join(words).strip() or None
    return "faq", lambda conn: find_faqs(conn, asked)


def answer(args: list[str], env: Environment) -> int | None:
    """Answer the call and return its exit code, or None to leave it to the full
    command (nothing has been written then)."""
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

    import sqlite3

    from briefcli.index.connect import Fallback, open_knowledge
    from briefcli.problems import BriefError, ExitCode

    # Nothing is written until the answer is found: every way out before that leaves
    # the call to the full command, which says what the matter is (a damaged index
    # included: it rebuilds it).
    try:
        opened = open_knowledge(env, p.data, strict=strict, probe=True)
    except (Fallback, BriefError, sqlite3.Error, OSError):
        return None
    try:
        try:
            result = find(opened.conn)
        except (_Usage, BriefError, sqlite3.Error):
            return None
        return _write(env, p, view, fmt, result)
    except BrokenPipeError:
        quiet_stdout()
        return int(ExitCode.BROKEN_PIPE)
    finally:
        opened.conn.close()


def undecodable(arg: str) -> bool:
    """Whether an argument holds bytes that were not text in the locale's encoding
    (Python keeps them as lone surrogates, which no file, index or terminal takes)."""
    return any("\udc80" <= c <= "\udcff" for c in arg)


def quiet_stdout() -> None:
    """The reader of our output went away (`brief show | head -1`): point stdout at
    /dev/null so that the interpreter's final flush cannot fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


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
    return 0
