"""Shell completion of the knowledge: terms, topics, dates, ids and kinds on TAB.

A TAB runs the whole program, so this module answers without Typer, Rich or PyYAML:
`answer()` reads the request the completion scripts of Typer describe in environment
variables (`_BRIEF_COMPLETE=complete_bash|complete_zsh|complete_fish`, with
`COMP_WORDS`/`COMP_CWORD` for bash and `_TYPER_COMPLETE_ARGS` for zsh and fish) and
prints the answer in the exact format Typer's completion classes print for that shell.
It leaves to Typer (returns None) what it does not know: command and option names, an
option it has not heard of, another shell.

The knowledge values come from the index (`knowledge_values`, also called by the
`autocompletion=` callbacks of the CLI, so both paths give the same candidates):

- an index of the data paths that exists is read as it is, even if stale, without
  reading a knowledge file; only a small knowledge (at most SMALL_KNOWLEDGE bytes of
  files) is brought up to date first;
- with no index, a small knowledge (such as the bundled one) is indexed; a larger one
  is not (a TAB never starts a long build): no knowledge values are offered.

Candidates are the values that start with what was typed (case-sensitive, as Typer
filters them), sorted, each once; for bash each is one shell-quoted word, as `printf %q`
writes it (bash inserts a value as it is given: `ZEBRA;touch PWNED` unquoted would run
its second command on Enter; zsh and fish quote what they insert themselves); a value
with a control character or a line break is never offered (the shell would run it into
its command line). When more than
MAX_CANDIDATES match, none is offered: a shell would otherwise insert the common start
of a truncated list.
"""

from __future__ import annotations

import os

from briefcli.cli.grammar import (
    BRIEFINGS,
    COLORS,
    COMMANDS,
    ENTITY_KINDS,
    FORMAT,
    GLOSSARIES,
    KNOWLEDGE,
    LISTS,
    RECORDS,
    ROOT,
    TAGS,
    TERMS,
    TEXT,
    TOPICS,
    Command,
    choices,
)
from briefcli.typed import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:  # sqlite3 is imported only when the index is read
    import sqlite3
    from collections.abc import Callable, Iterator, Mapping, Sequence
    from typing import Any, TextIO

COMPLETE_VAR = "_BRIEF_COMPLETE"
SMALL_KNOWLEDGE = 64 * 1024  # bytes of knowledge files indexed on a TAB, at most (5x bundled)
MAX_CANDIDATES = 1000

# The commands, their options and what completes each value are the command line's
# table (`grammar`), which the fast path and the Typer app share.

class Request(NamedTuple):
    """A completion request: the shell, the words before the one completed, that word."""

    shell: str
    words: list[str]  # from the program's name on
    incomplete: str
    fish_action: str = ""  # fish: "get-args" (the values) or "is-args" (whether any)
    quote: str = ""  # bash: the quote the word being completed opened and left open


def answer(environ: Mapping[str, str], stdout: TextIO) -> int | None:
    """Answer the completion request described by `environ`, printing what Typer's class
    for that shell prints; returns the exit code, or None to leave the request to Typer
    (not a completion request, a shell or a position this module does not handle).

    Never raises and never writes to stderr: the index that cannot be read offers no
    values, and anything else that fails leaves the request to Typer. With BRIEF_DEBUG
    set, errors are raised, to be seen.
    """
    try:
        request = read_request(environ)
        if request is None:
            return None
        what = locate(request.words, request.incomplete)
        if what is None:
            return None
        completer, incomplete, data, line_environ = what
        values = candidates(completer, incomplete, data, {**environ, **line_environ})
        return _print(request, values, stdout)
    except Exception:  # a TAB must not print a traceback: Typer answers instead
        if environ.get("BRIEF_DEBUG"):
            raise
        return None


_SHELLS = {"complete_bash": "bash", "complete_zsh": "zsh", "complete_fish": "fish"}


def read_request(environ: Mapping[str, str]) -> Request | None:
    """The request the completion script of the shell passed, as Typer reads it."""
    shell = _SHELLS.get(environ.get(COMPLETE_VAR, ""))
    if shell is None:
        return None
    if shell == "bash":
        words = split_arg_string(environ.get("COMP_WORDS", ""))
        cword = int(environ.get("COMP_CWORD", "0"))
        incomplete = words[cword] if cword < len(words) else ""
        raw = environ.get("COMP_WORDS", "").split("\n")
        word = raw[cword] if cword < len(raw) else ""
        return Request(shell, words[:cword], incomplete, quote=_open_quote(word))
    line = environ.get("_TYPER_COMPLETE_ARGS", "")
    words = split_arg_string(line)
    incomplete = ""
    if len(words) > 1 and not line.endswith(" "):
        incomplete = words.pop()
    return Request(shell, words, incomplete, environ.get("_TYPER_COMPLETE_FISH_ACTION", ""))


def _open_quote(word: str) -> str:
    """The quote (' or ") a word typed in bash starts with and does not close."""
    if word[:1] not in ("'", '"'):
        return ""
    return word[0] if shell_words(word)[1] else ""


def split_arg_string(string: str) -> list[str]:
    """Words as a shell splits them, an unfinished quote or escape kept as it is (the
    rule of Click's `split_arg_string`, which Typer's classes use)."""
    return shell_words(string)[0]


_BLANKS = " \t\r\n"
_QUOTES = "'\""


def shell_words(string: str) -> tuple[list[str], bool]:
    """The words of `string` as `shlex.shlex(string, posix=True)` reads them with
    `whitespace_split` and no comments, and whether it ended inside a quote or after an
    escape (shlex's ValueError; the unfinished word is kept, as Click keeps it). Written
    out here: `shlex` imports `re`, a fifth of a TAB's time. A test holds it to shlex."""
    words: list[str] = []
    token = ""  # a word is kept even when empty: '' is a word
    state = " "  # " " between words, "a" in one, a quote or "\\" after one
    escaped = " "  # the state an escape returns to
    for c in string:
        if state == " ":
            if c in _BLANKS:
                continue
            if c == "\\":
                escaped, state = "a", c
            elif c in _QUOTES:
                state = c
            else:
                token, state = c, "a"
        elif state == "a":
            if c in _BLANKS:
                words.append(token)
                token, state = "", " "
            elif c in _QUOTES:
                state = c
            elif c == "\\":
                escaped, state = "a", c
            else:
                token += c
        elif state == "\\":
            # In double quotes only the quote and the escape itself are escaped.
            if escaped == '"' and c not in ('"', "\\"):
                token += "\\"
            token += c
            state = escaped
        else:  # in quotes
            if c == state:
                state = "a"
            elif c == "\\" and state == '"':
                escaped, state = state, c
            else:
                token += c
    if state == "a":
        words.append(token)
    elif state != " ":
        words.append(token)
        return words, True
    return words, False


def _joined(words: list[str]) -> list[str]:
    """Words with bash's split around '=' undone: bash passes `--data=kb` as the three
    words `--data`, `=` and `kb`. A last word ending in '=' waits for its value."""
    out: list[str] = []
    glue = False
    for word in words:
        if glue:
            out[-1] += word
            glue = False
        elif word == "=" and out and (out[-1].startswith("--") or out[-1].isidentifier()):
            out[-1] += word
            glue = True
        else:
            out.append(word)
    return out


def _is_assignment(word: str) -> bool:
    name, eq, _ = word.partition("=")
    return bool(eq) and name.isidentifier()


def locate(
    words: list[str], incomplete: str
) -> tuple[str, str, list[str], dict[str, str]] | None:
    """What completes the word being typed: (completer, the part of the word to
    complete, the --data paths on the line, variables assigned before the program),
    or None to leave it to Typer (a command or option name, anything unknown)."""
    words = _joined(words)
    if incomplete == "=" and words and words[-1].startswith("--"):
        incomplete = ""  # bash: the cursor just after `--kind=`
    elif words and words[-1].endswith("=") and words[-1].startswith("--"):
        words, incomplete = words[:-1], words[-1] + incomplete  # bash: `--kind=e`
    assigned: dict[str, str] = {}
    while words and _is_assignment(words[0]):  # BRIEF_DATA=kb brief ...
        variable, _, assignment = words.pop(0).partition("=")
        assigned[variable] = assignment
    words = words[1:]  # the program's name
    command, name = ROOT, ""
    data: list[str] = []
    pending: str | None = None  # an option waiting for its value
    positional = 0
    only_arguments = False
    for word in words:
        if pending is not None:
            if command.options[pending].key == "data":
                data.append(word)
            pending = None
            continue
        if not only_arguments and word == "--":
            only_arguments = True
            continue
        if not only_arguments and word.startswith("-") and word != "-":
            option, value = _option(command, word)
            if option is None:
                return None
            if value is None:
                if command.options[option].value is not None:
                    pending = option
            elif command.options[option].key == "data":
                data.append(value)
            continue
        if not name:
            if word not in COMMANDS:
                return None
            name, command = word, COMMANDS[word]
            continue
        positional += 1
    completer: str | None
    if pending is not None:
        completer = command.options[pending].value
    elif incomplete.startswith("-") and not only_arguments and incomplete != "-":
        option, value = _option(command, incomplete)
        if option is None or value is None:
            return None  # an option's name: Typer lists them
        completer, incomplete = command.options[option].value, value
    elif not name:
        return None  # a command's name: Typer lists them
    elif positional < len(command.arguments):
        completer = command.arguments[positional]
    elif command.variadic:
        completer = command.arguments[-1]
    else:
        completer = TEXT
    assert completer is not None
    return completer, incomplete, data, assigned


def _option(command: Command, word: str) -> tuple[str | None, str | None]:
    """The option a word names and the value written in it (`--data=kb`, `-dkb`), or
    (None, None) when the command has no such option (or a flag is given a value)."""
    if word.startswith("--"):
        option, eq, value = word.partition("=")
        if option not in command.options or (eq and command.options[option].value is None):
            return None, None
        return option, value if eq else None
    option = word[:2]
    if option not in command.options:
        return None, None
    if len(word) == 2:
        return option, None
    if command.options[option].value is None:
        return None, None  # stacked flags (-sh): leave them to Typer
    return option, word[2:].removeprefix("=")


def _print(request: Request, values: list[str], stdout: TextIO) -> int:
    """Print the values as Typer's completion class of the shell prints them; for bash,
    each shell-quoted (bash inserts what it is given as it is)."""
    if request.shell == "bash":
        # After a quote the user opened, a value that starts with that quote replaces
        # it (readline's rule): an empty quoted string on either side of the quoted
        # word keeps it one word equal to the value.
        q = request.quote * 2
        stdout.write("\n".join(f"{q}{bash_quote(v)}{q}" for v in values) + "\n")
    elif request.shell == "zsh":
        if values:
            listed = "\n".join(f'"{_zsh_escape(v)}"' for v in values)
            stdout.write(f"_arguments '*: :(({listed}))'\n")
        else:
            stdout.write("_files\n")
    elif request.fish_action == "is-args":
        return 0 if values else 1
    else:
        stdout.write("\n".join(values) + "\n")
    stdout.flush()
    return 0


# What bash's `printf %q` escapes with a backslash anywhere in a word: blanks, and every
# character of its syntax (operators, quotes, expansions, globs, braces, history).
_BASH_SPECIAL = frozenset(" \t\n!\"$&'()*,;<>?[\\]^`{|}")
_ANSI_C = {"\a": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v", "\f": "\\f",
           "\r": "\\r", "\x1b": "\\E", "'": "\\'", "\\": "\\\\"}


def bash_quote(value: str) -> str:
    """`value` as one word of bash, written as bash's `printf %q` writes it: special
    characters behind a backslash (a `#` or `~` where it starts a comment or a tilde
    expansion too), a value with a character that is not printable as $'...'."""
    if not value:
        return "''"
    if not value.isprintable():
        out = []
        for c in value:
            if c in _ANSI_C:
                out.append(_ANSI_C[c])
            elif c.isprintable():
                out.append(c)
            else:
                out.extend(f"\\{b:03o}" for b in c.encode("utf-8", "surrogatepass"))
        return "$'" + "".join(out) + "'"
    out = []
    for i, c in enumerate(value):
        if c in _BASH_SPECIAL or (i == 0 and c == "#") or (
            c == "~" and (i == 0 or value[i - 1] in ":=")
        ):
            out.append("\\")
        out.append(c)
    return "".join(out)


def _zsh_escape(value: str) -> str:
    return (
        value.replace('"', '""').replace("'", "''").replace("$", "\\$")
        .replace("`", "\\`").replace(":", r"\\:")
    )


def candidates(
    completer: str, incomplete: str, data: list[str], environ: Mapping[str, str]
) -> list[str]:
    """The values offered for a word that starts with `incomplete`."""
    if completer in KNOWLEDGE:
        return knowledge_values(completer, incomplete, data, environ)
    fixed = list(choices(completer) or ())
    if completer.startswith(FORMAT) or completer in (COLORS, GLOSSARIES, LISTS):
        return _choices(fixed, incomplete)  # choices that ignore case
    return [v for v in fixed if v.startswith(incomplete)]


def _choices(choices: list[str], incomplete: str) -> list[str]:
    """Choices of an option that ignores case, matched as Typer matches them."""
    return [c for c in choices if c.lower().startswith(incomplete.lower())]


def knowledge_values(
    completer: str, incomplete: str, data: list[str], environ: Mapping[str, str]
) -> list[str]:
    """Terms (TERMS), topics (TOPICS), briefing dates and ids (BRIEFINGS), record ids
    (RECORDS), the kinds of entities (ENTITY_KINDS) or the tags (TAGS) of the knowledge
    under `data` (else BRIEF_DATA, else the bundled one) that start with `incomplete`;
    [] when there is no index to read and the knowledge is too large to index on a
    TAB, or anything goes wrong. Never raises (with
    BRIEF_DEBUG set, it does): Typer's callbacks call it too, and an exception there
    would print a traceback into the user's command line."""
    try:
        conn = _index(data, environ)
        if conn is None:
            return []
        try:
            return _offer(_values(conn, completer, incomplete), incomplete)
        finally:
            conn.close()
    except Exception:  # a damaged or foreign index, a folder that cannot be read, ...
        if environ.get("BRIEF_DEBUG"):
            raise
        return []


def _offer(values: Iterator[str], incomplete: str) -> list[str]:
    found: set[str] = set()
    for value in values:
        if value.startswith(incomplete) and value.isprintable():
            found.add(value)
            if len(found) > MAX_CANDIDATES:
                return []
    return sorted(found)


def _index(data: list[str], environ: Mapping[str, str]) -> sqlite3.Connection | None:
    """A connection to the index of the knowledge, by the rules of the module doc."""
    from briefcli.cli.environment import Environment
    from briefcli.index.lookups import knowledge_size
    from briefcli.index.sqlite import file_uri, index_path, sqlite3
    from briefcli.knowledge.sources import data_paths

    variables = dict(environ)
    env = Environment(environ=variables)
    paths = data_paths(data, variables, env.config.data)  # a bad config: no candidates
    cache_dir = env.cache_folder()
    target = index_path(cache_dir, paths)
    if os.path.exists(target):
        # Read-only, never waiting long for a lock; without locks (immutable, ignoring a
        # log not yet merged) where even that cannot be had. Stale answers are fine here.
        for mode in ("mode=ro", "immutable=1"):
            conn = sqlite3.connect(f"{file_uri(target)}?{mode}", uri=True, timeout=0.2)
            try:
                size = knowledge_size(conn)
            except sqlite3.Error:
                conn.close()
                continue  # locked, or not an index this version reads
            if size > SMALL_KNOWLEDGE:
                return conn
            conn.close()
            break
    if not _small(paths):
        return None
    from briefcli.index.cache import open_index
    from briefcli.knowledge.sources import MissingPath

    try:
        return open_index(paths, cache_dir)
    except MissingPath:
        return None


def _small(paths: Sequence[str | os.PathLike[str]]) -> bool:
    """Whether the knowledge files under `paths` hold at most SMALL_KNOWLEDGE bytes;
    stops reading folders as soon as they hold more."""
    from briefcli.knowledge.sources import SUFFIXES

    total = 0
    for root in paths:
        if os.path.isfile(root):
            total += os.path.getsize(root)
        elif os.path.isdir(root):
            for folder, dirs, names in os.walk(root):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in names:
                    if name.endswith(SUFFIXES) and not name.startswith("."):
                        try:
                            total += os.path.getsize(os.path.join(folder, name))
                        except OSError:
                            continue
                if total > SMALL_KNOWLEDGE:
                    return False
        else:
            return False  # a path that does not exist: the command will say so
        if total > SMALL_KNOWLEDGE:
            return False
    return True


def _prefix_range(key: str) -> tuple[str, str]:
    """Bounds of the keys that start with `key`, for an indexed range query."""
    return key, key + "\U0010ffff"


def _values(conn: sqlite3.Connection, completer: str, incomplete: str) -> Iterator[str]:
    from briefcli.index import lookups
    from briefcli.text import fold, term_key

    if completer in (TERMS, TOPICS):
        fields = ("acronym", "name", "alias") if completer == TERMS else ("acronym", "name")
        yield from lookups.entity_terms_between(
            conn, *_prefix_range(term_key(incomplete)), fields
        )
        if completer == TERMS:  # an id shares its key with a name or acronym is not a term
            yield from _ids(conn, ("entity",), incomplete)
        if completer == TOPICS:
            yield from lookups.tags_between(conn, *_prefix_range(fold(incomplete)))
    elif completer == TAGS:
        yield from lookups.tags_between(conn, *_prefix_range(fold(incomplete)))
    elif completer == ENTITY_KINDS:
        yield from lookups.entity_kinds(conn)
    elif completer == BRIEFINGS:
        for date, rid in lookups.briefing_dates_and_ids(conn):
            yield from (v for v in (date, rid) if isinstance(v, str))
    elif completer == RECORDS:
        from briefcli.knowledge.model import KINDS as RECORD_KINDS

        yield from _ids(conn, tuple(RECORD_KINDS), incomplete)


def _ids(conn: sqlite3.Connection, kinds: tuple[str, ...], incomplete: str) -> Iterator[str]:
    from briefcli.index.lookups import ids_between

    for kind in kinds:
        yield from ids_between(conn, kind, *_prefix_range(incomplete))


def autocompletion(completer: str) -> Callable[..., list[str]]:
    """An `autocompletion=` callback for a Typer argument or option: the same values
    `answer()` gives, with the --data paths and the environment of the call. (Typer
    evaluates its annotations: they name builtins only, so that this module needs no
    `typing` at run time.)"""

    def complete(ctx: object, incomplete: str) -> list[str]:  # Typer passes ctx by its name
        data: list[str] = []
        chain: list[Any] = []
        node: Any = ctx
        while node is not None:
            chain.append(node)
            node = node.parent
        for each in reversed(chain):  # --data before the command, then after it
            data += list(each.params.get("data") or ())
        env = getattr(chain[-1].obj, "env", None) if chain else None
        environ = env.environ if env is not None else os.environ
        values = candidates(completer, incomplete or "", data, environ)
        if environ.get(COMPLETE_VAR) == "complete_bash":  # inserted as they are: quoted
            return [bash_quote(v) for v in values]
        return values

    return complete
