"""The command line, described once: every command, its options, their arity, choices,
defaults and bounds, what completes each value, and the rules values obey.

Three readers: the fast path's parser (`cli.lean`), shell completion (`cli.complete`)
and the Typer app (`cli.app` and the command modules), whose options a test holds equal
to this table (names, arity, choices, defaults, bounds). The value rules are functions
here (`limit`, `partial_date`, `period`, `one_of`, `words`), called by the fast path and
by the Typer commands alike, so that a rule added once applies on every path: the fast
path leaves a call that breaks one to the full command, which says what is wrong.

A TAB and every lookup read this module, so it imports nothing at run time and builds
no class with the machinery of `typing`.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from briefcli.knowledge.dates import PartialDate

MAX_LIMIT = 2**31 - 1  # SQLite's LIMIT takes a 64-bit integer; no answer is longer

# What completes a value. Knowledge values are read from the index; FILES and TEXT
# offer nothing, so the shell completes file names (FILES) or nothing useful exists.
TERMS = "terms"  # define: acronyms, names, aliases and ids of entities
TOPICS = "topics"  # timeline: acronyms and names of entities, and tags
BRIEFINGS = "briefings"  # show: briefing dates and ids
RECORDS = "records"  # edit: the ids of every kind of record
ENTITY_KINDS = "entity-kinds"  # list --kind: the kinds the knowledge's entities have
TAGS = "tags"  # list --tag: the tags of the knowledge (folded)
KINDS = "kinds"  # edit --kind: every kind of record
SEARCH_KINDS = "search-kinds"  # search --kind: the kinds search knows
LISTS = "lists"  # list: what it lists
COLORS = "colors"  # --color
GLOSSARIES = "glossaries"  # import --from
MATCHES = "matches"  # define --match: the strategies
FILES = "files"
TEXT = "text"
FORMAT = "format:"  # + a view: the formats that serve it

KNOWLEDGE = frozenset({TERMS, TOPICS, BRIEFINGS, RECORDS, ENTITY_KINDS, TAGS})
COLOR_CHOICES = ("auto", "always", "never")
# define --match, as `dict -m -s` has them: exact answers, the others list headwords
MATCH_CHOICES = ("exact", "prefix", "substring", "regex", "fuzzy")
MATCH_LIMIT = 50  # headwords --match lists, when --limit is not given
MAX_PATTERN = 200  # characters of a --match regex


def choices(completer: str) -> tuple[str, ...] | None:
    """The values a completer allows, from the registry that owns them, or None when any
    value is allowed. Each registry is imported only when asked."""
    if completer == COLORS:
        return COLOR_CHOICES
    if completer == MATCHES:
        return MATCH_CHOICES
    if completer == GLOSSARIES:
        from briefcli.authoring.glossaries import READERS

        return tuple(READERS)
    if completer == LISTS:
        from briefcli.knowledge.model import LISTS as listed

        return tuple(listed)
    if completer in (KINDS, SEARCH_KINDS):
        from briefcli.knowledge import model

        return tuple(model.KINDS if completer == KINDS else model.SEARCH_KINDS)
    if completer.startswith(FORMAT):
        from briefcli.render import format_names

        return tuple(format_names(completer[len(FORMAT):]))
    return None


class Option:
    """An option: its names, the key its value is kept under, what completes its value
    (None: a flag, which takes none), its default and, for numbers, its bounds."""

    __slots__ = ("names", "key", "value", "default", "low", "high", "repeat")

    def __init__(
        self, names: tuple[str, ...], key: str, value: str | None = None, *,
        default: object = None, low: int | None = None, high: int | None = None,
        repeat: bool = False,
    ) -> None:
        self.names = names
        self.key = key
        self.value = value
        self.default = False if value is None else default
        self.low = low
        self.high = high
        self.repeat = repeat  # every value is kept (--data); else the last one wins


class Command:
    """A command: its options by each of their names, what completes each argument,
    whether the last argument takes any number of words, and how many words it takes."""

    __slots__ = ("name", "options", "arguments", "variadic", "least", "most", "lean")

    def __init__(
        self, name: str, options: Sequence[Option], arguments: tuple[str, ...] = (), *,
        variadic: bool = False, least: int = 0, most: int | None = None, lean: bool = False,
    ) -> None:
        self.name = name
        self.options = {n: o for o in options for n in o.names}
        self.arguments = arguments
        self.variadic = variadic
        self.least = least
        self.most = most if most is not None or variadic else len(arguments)
        self.lean = lean  # answered by the fast path when it can


HELP = Option(("--help", "-h"), "help")
DATA = Option(("--data", "-d"), "data", FILES, repeat=True)
JSON = Option(("--json",), "json")
OUTPUT = Option(("--output", "-o"), "output", FILES)
FORCE = Option(("--force",), "force")


def _format(view: str) -> tuple[Option, Option]:
    return Option(("--format", "-f"), "format", FORMAT + view), JSON


def _limit(default: int | None) -> Option:
    return Option(("--limit",), "limit", TEXT, default=default, low=1, high=MAX_LIMIT)


ROOT = Command("", (
    DATA, HELP,
    Option(("--strict",), "strict"),
    Option(("--color",), "color", COLORS, default="auto"),
    Option(("--no-pager",), "no_pager"),
    Option(("--debug",), "debug"),
    Option(("--version", "-V"), "version"),
    Option(("--install-completion",), "install_completion"),
    Option(("--show-completion",), "show_completion"),
))

COMMANDS: dict[str, Command] = {c.name: c for c in (
    Command("info", (DATA, HELP, JSON)),
    Command("show", (DATA, HELP, *_format("show")), (BRIEFINGS,), lean=True),
    Command("define", (
        DATA, HELP, *_format("define"), Option(("--short", "-s"), "short"),
        Option(("--verbose", "-v"), "verbose"),
        Option(("--match", "-m"), "match", MATCHES, default="exact"),
        _limit(None),  # MATCH_LIMIT headwords when not given
    ), (TERMS,), variadic=True, least=1, lean=True),
    Command("timeline", (
        DATA, HELP, *_format("timeline"),
        Option(("--since",), "since", TEXT), Option(("--until",), "until", TEXT),
        _limit(None), Option(("--reverse",), "reverse"),
        Option(("--svg",), "svg", FILES), FORCE,
    ), (TOPICS,), lean=True),
    Command("search", (
        DATA, HELP, *_format("search"), Option(("--kind",), "kind", SEARCH_KINDS), _limit(20),
    ), (TEXT,), variadic=True, least=1, lean=True),
    Command("check", (DATA, HELP, *_format("check")), (FILES,), variadic=True),
    Command("export", (DATA, HELP, *_format("export"), OUTPUT, FORCE)),
    Command("ingest", (DATA, HELP, OUTPUT, FORCE, Option(("--date",), "date", TEXT),
                       Option(("--urls",), "urls", FILES)), (FILES,), variadic=True),
    Command("import", (DATA, HELP, OUTPUT, FORCE, Option(("--from",), "source", GLOSSARIES)),
            (FILES,), least=1),
    Command("schema", (HELP,)),
    Command("edit", (DATA, HELP, Option(("--kind",), "kind", KINDS)), (RECORDS,), least=1),
    Command("list", (
        DATA, HELP, *_format("listing"), Option(("--kind",), "kind", ENTITY_KINDS),
        Option(("--tag",), "tag", TAGS),
    ), (LISTS,), least=1, lean=True),
    Command("faq", (DATA, HELP, *_format("faq")), (TEXT,), variadic=True, lean=True),
    Command("site", (
        DATA, HELP, FORCE, Option(("--title",), "title", TEXT),
        Option(("--description",), "description", TEXT),
        Option(("--base-url",), "base_url", TEXT),
    ), (FILES,), least=1),
    Command("add", (
        DATA, HELP, OUTPUT, Option(("--kind",), "kind", TEXT), Option(("--role",), "role", TEXT),
        Option(("--tag",), "tag", TEXT, repeat=True), Option(("--alias",), "alias", TEXT,
                                                             repeat=True),
        Option(("--summary",), "summary", TEXT),
    ), (TEXT, TEXT), least=2),
)}


# ------------------------------------------------------------------------- value rules


class UsageError(Exception):
    """A value that breaks a rule of the command line: `param` names the option or
    argument, the message says what was found and what was expected."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(message)
        self.param = param
        self.message = message


def limit(text: str | int | None, name: str = "--limit") -> int | None:
    """A count of at least 1 and at most MAX_LIMIT, as digits."""
    if text is None:
        return None
    value = str(text).strip()
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= MAX_LIMIT:
        raise UsageError(name, f"{value!r} is not a whole number from 1 to {MAX_LIMIT}")
    return int(value)


def is_date_like(text: str) -> bool:
    """Whether `text` has the shape of a date (YYYY, YYYY-M[M], YYYY-M[M]-D[D]): what
    `show` checks as one, so that 2023-02-30 is a usage error and not a miss."""
    parts = text.split("-")
    if not 1 <= len(parts) <= 3 or not all(p.isdecimal() for p in parts):
        return False
    return len(parts[0]) == 4 and all(1 <= len(p) <= 2 for p in parts[1:])


def show_target(what: str | None) -> None:
    """`show`'s argument: a date-like one must be a real date."""
    if what is not None and is_date_like(what):
        partial_date(what, "DATE")


def short_alone(short: bool, other_format: bool) -> None:
    """`define --short` is one line per sense: no other format goes with it."""
    if short and other_format:
        raise UsageError("--short", "--short is one line per sense; it has no other format")


def list_filters(listed: str, kind: str | None, tag: str | None) -> None:
    """`list`'s --kind applies to entities, its --tag to entities and events."""
    if kind is not None and listed != "entities":
        raise UsageError("--kind", "--kind applies to `list entities` only")
    if tag is not None and listed not in ("entities", "events"):
        raise UsageError("--tag", "--tag applies to `list entities` and `list events` only")


def option(command: str, key: str) -> Option:
    """The option of `command` (the root's for "") kept under `key`."""
    table = COMMANDS[command] if command else ROOT
    for spec in table.options.values():
        if spec.key == key:
            return spec
    raise KeyError(f"{command or 'brief'} has no option {key!r}")


def default(command: str, key: str) -> object:
    """The default of the option of `command` kept under `key`."""
    return option(command, key).default


def partial_date(text: str | None, name: str) -> PartialDate | None:
    """A `PartialDate` (YYYY, YYYY-MM or YYYY-MM-DD that exists), or None for None."""
    if text is None:
        return None
    from briefcli.knowledge.dates import DateError, PartialDate

    try:
        return PartialDate.parse(text)
    except DateError as exc:
        raise UsageError(name, str(exc)) from None


def period(since: str | None, until: str | None) -> tuple[PartialDate | None, PartialDate | None]:
    """The dates of `--since` and `--until`, the first not after the second."""
    start, end = partial_date(since, "--since"), partial_date(until, "--until")
    if start is not None and end is not None and start.low > end.high:
        raise UsageError("--since/--until", f"--since {since} is after --until {until}")
    return start, end


def one_of(value: str | None, completer: str, name: str) -> str | None:
    """`value` when it is one of the choices of `completer` (None stays None)."""
    allowed = choices(completer)
    if value is None or allowed is None or value in allowed:
        return value
    raise UsageError(name, f"{value!r} is not one of {', '.join(allowed)}")


def choice(command: str, key: str, value: str | None) -> str | None:
    """`value` when it is one of the choices of the option of `command` kept under `key`
    (None stays None); the message names the option."""
    spec = option(command, key)
    return one_of(value, str(spec.value), spec.names[0])


def words(command: str, given: Sequence[str]) -> None:
    """The command takes this many words (arguments)."""
    spec = COMMANDS[command]
    if len(given) < spec.least:
        raise UsageError(command, f"{command} needs at least {spec.least} argument(s)")
    if spec.most is not None and len(given) > spec.most:
        raise UsageError(command, f"{command} takes at most {spec.most} argument(s)")


def undecodable(arg: str) -> bool:
    """Whether an argument holds bytes that were not text in the locale's encoding
    (Python keeps them as lone surrogates, which no file, index or terminal takes)."""
    return any("\udc80" <= c <= "\udcff" for c in arg)


def match_options(
    match: str | None, limit: int | None, short: bool
) -> tuple[str, int]:
    """`define --match` and `--limit`: the strategy, and how many headwords it lists.
    `--limit` bounds a listing (exact lists none); `--short` is for senses, not one."""
    strategy = one_of(match or "exact", MATCHES, "--match") or "exact"
    if strategy == "exact" and limit is not None:
        raise UsageError("--limit", "--limit bounds the headwords --match lists; with exact "
                                    "(the default) there is no list: give --match prefix, "
                                    "substring, regex or fuzzy")
    if strategy != "exact" and short:
        raise UsageError("--short", f"--short is one line per sense; --match {strategy} "
                                    "lists headwords")
    return strategy, MATCH_LIMIT if limit is None else limit


def pattern(text: str) -> object:
    """A `--match regex` pattern, compiled to ignore case: bounded in length, valid, and
    without a repeated group that holds a repeat or an alternative (such a pattern can
    take exponential time on a short headword, as `(a+)+$` does)."""
    import re

    if len(text) > MAX_PATTERN:
        raise UsageError("TERM", f"the regex {text[:40]!r}… is {len(text)} characters long; "
                                 f"at most {MAX_PATTERN} are read")
    try:
        compiled = re.compile(text, re.IGNORECASE)
    except re.error as exc:
        raise UsageError("TERM", f"{text!r} is not a regular expression: {exc}") from None
    if _repeats_a_repeat(text):
        raise UsageError("TERM", f"the regex {text!r} repeats a group that holds a repeat or "
                                 "an alternative, which can take exponential time; write "
                                 "it without (e.g. a+ instead of (a+)+)")
    return compiled


def _repeats_a_repeat(text: str) -> bool:
    """Whether a group holding a quantifier or `|` is itself quantified (`*`, `+`, `{`)."""
    stack: list[bool] = []  # per open group: whether it holds a repeat or alternative
    i, in_class = 0, False
    while i < len(text):
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if text[i + 1:i + 2] == "]" or text[i + 1:i + 3] == "^]":
                i += 2 if text[i + 1] == "]" else 3
                continue
        elif c == "(":
            stack.append(False)
        elif c == ")" and stack:
            risky = stack.pop()
            after = text[i + 1:i + 2]
            if risky and after in ("*", "+", "{"):
                return True
            if stack and (risky or after in ("*", "+", "{", "?")):
                stack[-1] = True
        elif c in "*+{|" and stack:
            stack[-1] = True
        i += 1
    return False


def _named(arg: str, command: Command) -> tuple[str, bool]:
    """The option name of `arg` and whether a value is attached (`--x=v`, `-xV`)."""
    if arg.startswith("--"):
        return arg.split("=", 1)[0], "=" in arg
    if len(arg) > 2 and arg[:2] in command.options:
        return arg[:2], True
    return arg, False


def arrange(args: Sequence[str]) -> list[str]:
    """The arguments as both paths read them: the root's options given after the command
    (`brief define X --no-pager`, `--strict`, `--color never`) moved before it, and for
    `search` a word that begins with '-' but is no option (`-kfor`, the syntax's "leave
    out") kept as a word, after a `--`. Anything else is left as it is."""
    out = list(args)
    i = 0
    while i < len(out):  # the root's options before the command
        arg = out[i]
        if arg == "--" or arg == "-" or not arg.startswith("-"):
            break
        name, attached = _named(arg, ROOT)
        spec = ROOT.options.get(name)
        i += 2 if spec is not None and spec.value is not None and not attached else 1
    if i >= len(out) or out[i] not in COMMANDS:
        return out
    command = COMMANDS[out[i]]
    moved: list[str] = []
    options: list[str] = []
    words: list[str] = []
    kept: list[str] = []  # in the order given, moved options left out
    dashed = False
    j = i + 1
    while j < len(out):
        arg = out[j]
        if arg == "--":
            words += out[j + 1:]
            kept += out[j:]
            break
        if arg == "-" or not arg.startswith("-"):
            words.append(arg)
            kept.append(arg)
            j += 1
            continue
        name, attached = _named(arg, command)
        spec = command.options.get(name)
        if spec is None and name in ROOT.options:
            root = ROOT.options[name]
            width = 2 if root.value is not None and not attached else 1
            if not (root.value is None and attached) and j + width <= len(out):
                moved += out[j:j + width]
                j += width
                continue
        if spec is not None and not (spec.value is None and attached):
            width = 2 if spec.value is not None and not attached else 1
            options += out[j:j + width]
            kept += out[j:j + width]
            j += width
            continue
        if command.name == "search" and not arg.startswith("--"):
            dashed = True  # -word: leave out what has it
            words.append(arg)
        else:
            options.append(arg)  # no option of the command: the full command says so
        kept.append(arg)
        j += 1
    head = out[:i] + moved + [out[i]]
    return head + options + ["--"] + words if dashed else head + kept


def base_url(text: str | None) -> str | None:
    """A site's address: an absolute http or https URL with a host, no query or fragment
    (pages' addresses are made by appending their paths)."""
    if text is None:
        return None
    value = text.strip()
    scheme, sep, rest = value.partition("://")
    host = rest.split("/", 1)[0]
    if (not sep or scheme.lower() not in ("http", "https") or not host or "@" in host
            or any(c in value for c in "?#\"\\<> ") or not value.isprintable()):
        raise UsageError("--base-url", f"{text!r} is not an http:// or https:// address "
                         "with a host (such as https://example.org/glossary/)")
    return value if value.endswith("/") else value + "/"


def site_text(text: str | None, name: str) -> str | None:
    """A site's title or description: one line of printable text, not empty."""
    if text is None:
        return None
    value = " ".join(text.split())
    if not value or not value.isprintable():
        raise UsageError(name, f"{text!r} is not a line of text (expected words, such as "
                         "'Computing glossary')")
    return value
