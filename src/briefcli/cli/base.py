"""The Typer app of the full command: its root options, the option types the commands
share, and what a call shares between the root and the command (`Call`). The commands
are in `queries.py` (the answers) and `writes.py` (what writes or checks files); `app.py`
runs them."""

# No `from __future__ import annotations` here: Typer reads these annotations at every
# call, and string annotations make it evaluate them (measured: about 5 ms a call).
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from briefcli.cli import grammar
from briefcli.cli.complete import autocompletion as _completes
from briefcli.cli.environment import Environment
from briefcli.problems import KnowledgeError
from briefcli.render import format_names

app = typer.Typer(
    name="brief",
    help="A terminal briefing book: what you know about a story, from plain YAML files.",
    epilog=(
        "Exit codes: 0 found (check: no errors); 1 not found, or errors in the knowledge; "
        "2 usage; 70 a bug in brief; 74 the output could not be written (a full disk); "
        "141 the reader of the output went away.\n\n"
        "Environment: BRIEF_DATA (knowledge paths), BRIEF_CACHE_DIR (the index's folder), "
        "BRIEF_STRICT=1 (as --strict), BRIEF_PAGER / PAGER (the pager; default less -R), "
        "NO_COLOR / FORCE_COLOR (colour), COLUMNS (width), BRIEF_CONFIG (the configuration "
        "file; default ~/.config/brief/config.toml).\n\n"
        "Examples: brief show 2023-11-11; brief define KFOR; brief timeline Kosovo"
    ),
    add_completion=True,
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

def option(command: str, key: str, **settings: Any) -> Any:
    """The Typer option of `command` kept under `key` in the command line's table: its
    names and bounds come from there, its help and the rest from `settings`."""
    spec = grammar.option(command, key)
    bounds = {name: value for name, value in (("min", spec.low), ("max", spec.high))
              if value is not None}
    if spec.value in grammar.KNOWLEDGE and "autocompletion" not in settings:
        settings["autocompletion"] = _completes(spec.value)  # values read from the index
    make: Any = typer.Option
    return make(*spec.names, **bounds, **settings)


def checked(rule: Any, *values: Any) -> Any:
    """A rule of `grammar` applied to the command's values: a value it refuses is a
    usage error that names the option, as on the fast path."""
    try:
        return rule(*values)
    except grammar.UsageError as exc:
        raise typer.BadParameter(exc.message, param_hint=exc.param) from None


DataOption = Annotated[
    list[str] | None,
    option(
        "", "data", metavar="PATH",
        help="A knowledge file or folder (repeatable). Default: BRIEF_DATA, else the "
        "configuration file's data, else the bundled knowledge.",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="The same as --format json.")]


def _format_choices(view: str) -> Any:
    """The `--format` option of a view: its choices are the formats that serve it."""
    names = format_names(view)
    choices = Enum(f"{view.title()}Format", {n: n for n in names})  # type: ignore[misc]
    return Annotated[
        choices | None,
        typer.Option(
            "--format", "-f", case_sensitive=False, metavar="FORMAT",
            help="Output format: " + ", ".join(names) + ".",
        ),
    ]


ShowFormat = _format_choices("show")
DefineFormat = _format_choices("define")
TimelineFormat = _format_choices("timeline")
SearchFormat = _format_choices("search")
ListFormat = _format_choices("listing")
FaqFormat = _format_choices("faq")
CheckFormat = _format_choices("check")
ExportFormat = _format_choices("export")


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class Call:
    """What one call of `brief` shares between the root options and the command."""

    def __init__(self, env: Environment) -> None:
        self.env = env
        self.data: list[str] = []
        self.strict = False
        self.index = ""  # the index file this call reads, to discard it if it proves damaged
        self.pager = True  # page an answer taller than the terminal (--no-pager: never)
        self.paged: Any = None  # the pager buffer of this call's answer, once there is one


def _call(ctx: typer.Context) -> Call:
    call = ctx.find_object(Call)
    assert call is not None, "brief's commands run through main()"
    return call


def _print_version(ctx: typer.Context, value: bool) -> None:
    if value:
        from briefcli import __version__

        _call(ctx).env.stdout.write(f"brief {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _root(
    ctx: typer.Context,
    data: DataOption = None,
    strict: Annotated[
        bool,
        option(
            "", "strict",
            help="Refuse to answer from knowledge with errors (also BRIEF_STRICT=1), as CI "
            "wants; by default answers come from every valid record, with a warning.",
        ),
    ] = False,
    color: Annotated[
        Color,
        option("", "color", case_sensitive=False,
                     help="Colour: auto (in a terminal, unless NO_COLOR), always or never."),
    ] = Color.auto,
    no_pager: Annotated[
        bool, option("", "no_pager", help="Never page: write the whole answer at once.")
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback for an internal error.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", "-V", help="Print the version.", callback=_print_version,
                     is_eager=True),
    ] = False,
) -> None:
    """A terminal briefing book: what you know about a story, from plain YAML files.

    Knowledge comes from --data PATH (repeatable), else BRIEF_DATA (paths separated by
    the OS path separator), else the bundled knowledge.
    """
    call = _call(ctx)
    call.data = list(data or [])  # --debug is read by main(), before Typer runs
    call.strict = call.env.strict(strict)
    call.pager = not no_pager
    call.env.choose_color(color.value)
    if ctx.invoked_subcommand is None:
        _overview(ctx)


def _overview(ctx: typer.Context) -> None:
    """`brief` alone: what knowledge is loaded, and the commands."""
    from briefcli.index import lookups
    from briefcli.index.store import error_count

    env = _call(ctx).env
    conn = _connect(ctx, None, check=False)
    counts = lookups.kind_counts(conn)
    files = lookups.file_paths(conn)
    latest = lookups.latest_briefing(conn)
    from briefcli.knowledge.model import KINDS
    from briefcli.text import visible

    held = ", ".join(
        f"{counts.get(k.name, 0):,} {k.section if counts.get(k.name, 0) != 1 else k.name}"
        for k in KINDS.values()
    )
    lines = [f"brief: {held}"]
    if latest:
        lines.append(f"latest briefing: {latest[0]}  {latest[1]}")
    errors = error_count(conn)
    if errors:
        lines.append(f"{errors} error(s) in the knowledge: brief check lists them")
    shown = files[:5] + ([f"… and {len(files) - 5} more"] if len(files) > 5 else [])
    lines.append("files: " + ("\n       ".join(shown) if shown else "none"))
    lines += ["", "commands:"]
    group = typer.main.get_command(app)
    for name in sorted(group.commands):  # type: ignore[attr-defined]
        command = group.commands[name]  # type: ignore[attr-defined]
        text = command.short_help or " ".join((command.help or "").split("\n\n")[0].split())
        summary = text.split(". ")[0].rstrip(".")
        lines.append(f"  {name:<9} {summary}")
    lines.append("\nbrief COMMAND --help tells more; brief --help lists the options.")
    env.stdout.write(visible("\n".join(lines)) + "\n")



def _connect(
    ctx: typer.Context, data: list[str] | None, *, check: bool = True,
    writing: Path | None = None,
) -> Any:
    """An up-to-date index of the knowledge (`connect.open_knowledge`); `writing` is the
    file the command writes (its folder may hold no knowledge yet: no warning)."""
    from briefcli.index.connect import open_knowledge

    call = _call(ctx)
    quiet = None
    if writing is not None:
        quiet = (writing if writing.is_absolute() else Path(call.env.cwd or ".") / writing).parent
    opened = open_knowledge(call.env, [*call.data, *(data or [])], check=check,
                            strict=call.strict, quiet=quiet)
    call.index = opened.location
    return opened.conn


def _renderer(ctx: typer.Context, view: str, as_json: bool, fmt: Enum | None) -> Any:
    """The renderer for a view, from `--json` / `--format` (a usage error when they
    disagree); the default is the first format that serves the view."""
    from briefcli.render import choose_format, open_renderer

    try:
        name = choose_format(view, fmt.value if fmt is not None else None, as_json)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--json") from None
    call = _call(ctx)
    out, call.paged = open_renderer(name, call.env, call.pager)
    return out


def _stderr(env: Environment, message: str) -> None:
    """A message line; what came from files (names, keys, paths) is made visible."""
    from briefcli.index.connect import say

    say(env, message)


def _not_found(env: Environment, exc: Any) -> None:
    line = f"brief: {exc.message}"
    if exc.suggestions:
        line += f"\n  {exc.label}: " + ", ".join(exc.suggestions)
    if getattr(exc, "search", None):
        import shlex

        line += f"\n  to look for it in the text: brief search {shlex.quote(exc.search)}"
    _stderr(env, line)


def _answer(out: Any, view: str, find: Any) -> None:
    """Render what `find()` returns with the view; on a miss, the format's empty answer
    (one JSON document, `[]`, on every path), then the miss goes on to be reported."""
    from briefcli.index.query import NotFound

    try:
        result = find()
    except (NotFound, KnowledgeError):
        out.empty(view)
        raise
    getattr(out, view)(result)




OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout.",
                 autocompletion=_completes("files")),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Overwrite FILE when it exists.")
]


def _deliver(ctx: typer.Context, text: str, output: Path | None, force: bool) -> None:
    """A file brief wrote: to stdout, or atomically to `output` (only over an existing
    file with --force)."""
    env = _call(ctx).env
    if output is None:
        env.stdout.write(text)
        return
    from briefcli.files import write_file

    target = output if output.is_absolute() else Path(env.cwd or ".") / output
    write_file(target, text, force=force)
    _stderr(env, f"wrote {output}")
