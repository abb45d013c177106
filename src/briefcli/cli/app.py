"""The `brief` command: parses arguments, asks the core, hands the answer to a renderer.

Exit codes are `problems.ExitCode`. No traceback reaches the user unless `--debug` is
given. The command's surroundings come in one `Environment`, passed to `main()` and
handed to every command through its context.
"""

# No `from __future__ import annotations` here: Typer reads these annotations at every
# call, and string annotations make it evaluate them (measured: about 5 ms a call).
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NoReturn, TextIO, cast

import typer

from briefcli.cli.complete import autocompletion as _completes
from briefcli.cli.environment import Environment
from briefcli.cli.lean import DATE_LIKE, MAX_LIMIT, undecodable
from briefcli.problems import BriefError, ExitCode, KnowledgeError
from briefcli.render import format_names

app = typer.Typer(
    name="brief",
    help="A terminal briefing book: what you know about a story, from plain YAML files.",
    epilog=(
        "Exit codes: 0 found (check: no errors); 1 not found, or errors in the knowledge; "
        "2 usage; 70 a bug in brief; 141 the reader of the output went away.\n\n"
        "Environment: BRIEF_DATA (knowledge paths), BRIEF_CACHE_DIR (the index's folder), "
        "BRIEF_STRICT=1 (as --strict), BRIEF_PAGER / PAGER (the pager; default less -R), "
        "NO_COLOR / FORCE_COLOR (colour), COLUMNS (width).\n\n"
        "Examples: brief show 2023-11-11; brief define KFOR; brief timeline Kosovo"
    ),
    add_completion=True,
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DataOption = Annotated[
    list[str] | None,
    typer.Option(
        "--data", "-d", metavar="PATH",
        help="A knowledge file or folder (repeatable). Default: BRIEF_DATA, else the "
        "bundled knowledge.",
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
        typer.Option(
            "--strict",
            help="Refuse to answer from knowledge with errors (also BRIEF_STRICT=1), as CI "
            "wants; by default answers come from every valid record, with a warning.",
        ),
    ] = False,
    color: Annotated[
        Color,
        typer.Option("--color", case_sensitive=False,
                     help="Colour: auto (in a terminal, unless NO_COLOR), always or never."),
    ] = Color.auto,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Never page: write the whole answer at once.")
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
    from briefcli.index.store import error_count

    env = _call(ctx).env
    conn = _connect(ctx, None, check=False)
    counts = dict(conn.execute("SELECT kind, count(*) FROM records GROUP BY kind"))
    files = [row[0] for row in conn.execute("SELECT path FROM files ORDER BY path")]
    latest = conn.execute(
        "SELECT json_extract(data, '$.date'), json_extract(data, '$.title') FROM records "
        "WHERE kind = 'briefing' ORDER BY sort_key DESC, rid DESC LIMIT 1"
    ).fetchone()
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


@app.command(short_help="Knowledge files in use, the index, its size and freshness.")
def info(ctx: typer.Context, data: DataOption = None) -> None:
    """Which knowledge files are in use, where the index lives, its size and freshness.

    Example: brief info --data kb/
    """
    import os

    from briefcli.index.store import error_count

    call = _call(ctx)
    conn = _connect(ctx, data, check=False)
    files = [row[0] for row in conn.execute("SELECT path FROM files ORDER BY path")]
    records = conn.execute("SELECT count(*) FROM records").fetchone()[0]
    where = call.index
    size = os.path.getsize(where) if where and where != ":memory:" else 0
    lines = [
        f"index: {where}" + (f" ({size / 1e6:.1f} MB)" if size else " (in memory)"),
        "fresh: yes (brought up to date for this call)",
        f"records: {records:,}; errors: {error_count(conn)}",
        f"files ({len(files)}):",
        *(f"  {path}" for path in files),
    ]
    from briefcli.text import visible

    call.env.stdout.write(visible("\n".join(lines)) + "\n")


def _connect(ctx: typer.Context, data: list[str] | None, *, check: bool = True) -> Any:
    """An up-to-date index of the knowledge (`connect.open_knowledge`)."""
    from briefcli.index.connect import open_knowledge

    call = _call(ctx)
    opened = open_knowledge(call.env, [*call.data, *(data or [])], check=check,
                            strict=call.strict)
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


@app.command(short_help="The briefing of a day or id; a month or year lists them.")
def show(
    ctx: typer.Context,
    what: Annotated[
        str | None,
        typer.Argument(metavar="[DATE|ID]", help="YYYY-MM-DD, YYYY-MM, YYYY or an id.",
                       autocompletion=_completes("briefings")),
    ] = None,
    data: DataOption = None,
    as_json: JsonOption = False,
    fmt: ShowFormat = None,  # type: ignore[valid-type]
) -> None:
    """Show the briefing of a day (or by id); a month or year lists its briefings.

    With no argument, the latest briefing.
    Examples: brief show 2023-11-11; brief show 2023-11
    """
    from briefcli.index.query import find_briefings

    if what is not None and DATE_LIKE.fullmatch(what):
        _date_option(what, "DATE")  # 2023-02-30 is a mistake in the command, not a miss
    out = _renderer(ctx, "show", as_json, fmt)
    _answer(out, "show", lambda: find_briefings(_connect(ctx, data), what))


@app.command(short_help="Define acronyms, names or ids: every sense, and its links.")
def define(
    ctx: typer.Context,
    terms: Annotated[
        list[str],
        typer.Argument(metavar="TERM...", help="Acronyms, names, ids.",
                       autocompletion=_completes("terms")),
    ],
    data: DataOption = None,
    as_json: JsonOption = False,
    fmt: DefineFormat = None,  # type: ignore[valid-type]
    short: Annotated[
        bool, typer.Option("--short", "-s", help="One line per sense: 'KFOR: Kosovo Force'.")
    ] = False,
) -> None:
    """Define acronyms, names or ids: every sense, and what each relates to.

    Matching ignores case and accents ("vucic" finds "Vučić").
    Examples: brief define KFOR; brief define TCP --short
    """
    from briefcli.index.query import define_terms

    if short and (as_json or fmt is not None):
        raise typer.BadParameter("--short is one line per sense; it has no other format",
                                 param_hint="--short")

    out = _renderer(ctx, "define", as_json, fmt)
    found, misses = define_terms(_connect(ctx, data), terms)
    if found and short:
        from briefcli.render.common import short_lines

        call = _call(ctx)
        (call.paged or call.env.stdout).write(short_lines(found))
    elif found:
        out.define(found)
    else:
        out.empty("define")
    env = _call(ctx).env
    for miss in misses:
        _not_found(env, miss)
    if misses:
        raise typer.Exit(ExitCode.NOT_FOUND)




def _date_option(value: str | None, name: str) -> Any:
    if value is None:
        return None
    from briefcli.knowledge.dates import DateError, PartialDate

    try:
        return PartialDate.parse(value)
    except DateError as exc:
        raise typer.BadParameter(str(exc), param_hint=name) from None


@app.command()
def timeline(
    ctx: typer.Context,
    topic: Annotated[
        str | None,
        typer.Argument(help="An entity (id, name, acronym or alias) or a tag. Default: all.",
                       autocompletion=_completes("topics")),
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="From this date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive.")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Up to this date, its whole period included.")
    ] = None,
    limit: Annotated[
        int | None, typer.Option(min=1, max=MAX_LIMIT, help="At most N events.")
    ] = None,
    reverse: Annotated[bool, typer.Option("--reverse", help="Newest first.")] = False,
    data: DataOption = None,
    as_json: JsonOption = False,
    fmt: TimelineFormat = None,  # type: ignore[valid-type]
    svg: Annotated[
        Path | None,
        typer.Option("--svg", metavar="FILE",
                     help="Draw the timeline to scale as an SVG picture in FILE.",
                     autocompletion=_completes("files")),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="With --svg: overwrite FILE when it exists.")
    ] = False,
) -> None:
    """The events of a topic, oldest first, grouped by year.

    --svg FILE draws them instead, to scale on a time axis (a picture for slides and
    pages). Example: brief timeline Kosovo --svg kosovo.svg
    """
    from briefcli.index.query import timeline as find_timeline

    if svg is not None and (as_json or fmt is not None):
        raise typer.BadParameter(
            "--svg writes a picture; it cannot go with --json or --format", param_hint="--svg"
        )

    start, end = _date_option(since, "--since"), _date_option(until, "--until")
    if start is not None and end is not None and start.low > end.high:
        raise typer.BadParameter(
            f"--since {since} is after --until {until}", param_hint="--since/--until"
        )
    if svg is not None:
        from briefcli.render.svg import timeline_svg

        found = find_timeline(_connect(ctx, data), topic, start, end, limit, reverse)
        _deliver(ctx, timeline_svg(found), svg, force)
        return
    out = _renderer(ctx, "timeline", as_json, fmt)
    _answer(
        out, "timeline",
        lambda: find_timeline(_connect(ctx, data), topic, start, end, limit, reverse),
    )


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[list[str], typer.Argument(metavar="QUERY...", help="Words to look for.")],
    kind: Annotated[
        str | None,
        typer.Option(help="Only records of this kind: entity, event, faq, briefing or source.",
                     autocompletion=_completes("search-kinds")),
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=MAX_LIMIT, help="At most N hits.")] = 20,
    data: DataOption = None,
    as_json: JsonOption = False,
    fmt: SearchFormat = None,  # type: ignore[valid-type]
) -> None:
    """Search names, acronyms, summaries, titles, FAQs and briefings.

    Records whose acronym, name or alias is the query come first, then those where one
    starts with it, then by relevance. Every word must match (the last one also as the
    start of a word); "a phrase" in quotes, word* for a prefix, OR between two terms,
    -word to leave out. A query that is not valid syntax is searched as plain words.
    Example: brief search '"Kosovo Police" -sergeant'
    """
    from briefcli.index.query import search as find
    from briefcli.knowledge.model import SEARCH_KINDS

    if kind is not None and kind not in SEARCH_KINDS:
        raise typer.BadParameter(
            f"{kind!r} is not one of {', '.join(SEARCH_KINDS)}", param_hint="--kind"
        )
    out = _renderer(ctx, "search", as_json, fmt)
    _answer(out, "search", lambda: find(_connect(ctx, data), " ".join(query), kind, limit))


class ListWhat(str, Enum):
    entities = "entities"
    events = "events"
    briefings = "briefings"
    faqs = "faqs"
    sources = "sources"
    tags = "tags"


@app.command("list", short_help="List entities, events, briefings, FAQs, sources or tags.")
def list_records(
    ctx: typer.Context,
    what: Annotated[ListWhat, typer.Argument(metavar="WHAT", case_sensitive=False,
                    help="entities, events, briefings, faqs, sources or tags.")],
    kind: Annotated[
        str | None, typer.Option(metavar="KIND", help="Only entities of this kind (person, ...).")
    ] = None,
    tag: Annotated[
        str | None, typer.Option(metavar="TAG", help="Only entities and events with this tag.")
    ] = None,
    data: DataOption = None,
    as_json: JsonOption = False,
    fmt: ListFormat = None,  # type: ignore[valid-type]
) -> None:
    """List the records of one kind, or the tags: a table in a terminal, one id a line
    in a pipe.

    Examples: brief list entities --kind person; brief list events --tag kosovo | wc -l
    """
    from briefcli.index.query import list_records as find

    if kind is not None and what is not ListWhat.entities:
        raise typer.BadParameter("--kind applies to `list entities` only", param_hint="--kind")
    if tag is not None and what not in (ListWhat.entities, ListWhat.events):
        raise typer.BadParameter("--tag applies to `list entities` and `list events` only",
                                 param_hint="--tag")
    out = _renderer(ctx, "listing", as_json, fmt)
    _answer(out, "listing", lambda: find(_connect(ctx, data), what.value, kind, tag))


@app.command(short_help="Questions and answers: all of them, or about a term.")
def faq(
    ctx: typer.Context,
    query: Annotated[
        list[str] | None,
        typer.Argument(metavar="[QUERY]...", help="A term or words; default: every question."),
    ] = None,
    data: DataOption = None,
    as_json: JsonOption = False,
    fmt: FaqFormat = None,  # type: ignore[valid-type]
) -> None:
    """Questions and answers: all of them, or those about a term or with some words.

    Examples: brief faq; brief faq KFOR
    """
    from briefcli.index.query import find_faqs

    out = _renderer(ctx, "faq", as_json, fmt)
    words = " ".join(query or []).strip() or None
    _answer(out, "faq", lambda: find_faqs(_connect(ctx, data), words))


@app.command()
def check(
    ctx: typer.Context,
    paths: Annotated[
        list[str] | None,
        typer.Argument(metavar="[PATH]...", help="Knowledge files or folders, as --data."),
    ] = None,
    data: DataOption = None,
    as_json: JsonOption = False,
    fmt: CheckFormat = None,  # type: ignore[valid-type]
) -> None:
    """Validate the knowledge: every problem as file:line:col: message. Exit 1 on errors.

    --format github writes GitHub Actions annotations, for a workflow that checks a
    knowledge repository on every push. Examples: brief check; brief check kb/ -f github
    """
    from briefcli.index.store import stored_problems

    out = _renderer(ctx, "check", as_json, fmt)
    conn = _connect(ctx, [*(paths or []), *(data or [])], check=False)
    problems = stored_problems(conn, cwd=_call(ctx).env.cwd)
    out.check(problems)
    errors = sum(p.level == "error" for p in problems)
    files = conn.execute("SELECT count(*) FROM files").fetchone()[0]
    records = conn.execute("SELECT count(*) FROM records").fetchone()[0]
    env = _call(ctx).env
    if errors:
        _stderr(env, f"{errors} error(s) in the knowledge ({files} file(s), {records} record(s))")
        raise typer.Exit(ExitCode.NOT_FOUND)
    _stderr(env, f"ok: {files} file(s), {records} record(s), no problems")


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


@app.command(short_help="Write the whole knowledge as one file (YAML, JSON, dictd).")
def export(
    ctx: typer.Context,
    data: DataOption = None,
    as_json: JsonOption = False,
    fmt: ExportFormat = None,  # type: ignore[valid-type]
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Write the whole knowledge, merged from every file, as one format-1 file.

    --format dictd writes a DICT server's database instead, NAME.index and NAME.dict,
    for dictd: every entity, found by its acronym, name and aliases.
    Examples: brief export -o all.yaml; brief export --format dictd -o kosovo
    """
    import io

    from briefcli.index.query import all_records
    from briefcli.render import FORMATS, Output, get_renderer

    out = _renderer(ctx, "export", as_json, fmt)  # a usage error for --json --format yaml
    name = "json" if as_json else fmt.value if fmt is not None else format_names("export")[0]
    files = FORMATS[name].files
    if files and output is None:
        raise typer.BadParameter(
            f"--format {name} writes {' and '.join('NAME' + s for s in files)}: give NAME "
            "with -o NAME",
            param_hint="--output",
        )
    if output is None:
        out.export(all_records(_connect(ctx, data)))
        return
    env = _call(ctx).env
    target = output if output.is_absolute() else Path(env.cwd or ".") / output
    if not files:
        text = io.StringIO()
        get_renderer(name, Output(text, False, env.width(), env.environ)).export(
            all_records(_connect(ctx, data))
        )
        _deliver(ctx, text.getvalue(), output, force)
        return
    from briefcli.files import FileExists, write_file

    if target.is_dir():
        raise BriefError(
            f"{output} is a folder; give the database's NAME, as -o {output / 'NAME'}",
            ExitCode.USAGE,
        )
    if target.suffix in files:  # -o kosovo.dict names the database kosovo
        target, output = target.with_suffix(""), output.with_suffix("")
    paths = {suffix: target.with_name(target.name + suffix) for suffix in files}
    for path in paths.values():
        if not force and path.exists():
            raise FileExists(path)
    contents = get_renderer(name, Output(env.stdout)).export_files(
        all_records(_connect(ctx, data)), target.name
    )
    for suffix, path in paths.items():
        write_file(path, contents[suffix], force=force)
    _stderr(env, "wrote " + " and ".join(f"{output}{suffix}" for suffix in files))


@app.command(short_help="Open the file of a record in your editor, at its line.")
def edit(
    ctx: typer.Context,
    record_id: Annotated[
        str,
        typer.Argument(metavar="ID", help="The id of a record of any kind.",
                       autocompletion=_completes("records")),
    ],
    kind: Annotated[
        str | None,
        typer.Option(metavar="KIND",
                     help="The kind of the record, when records of several kinds have the "
                     "id: entity, event, faq, briefing or source.",
                     autocompletion=_completes("kinds")),
    ] = None,
    data: DataOption = None,
) -> None:
    """Open the file where a record is written in your editor, at its line.

    The editor is $VISUAL, else $EDITOR, else vi; brief exits with its status.
    Example: brief edit kfor; EDITOR='code --wait' brief edit blinken-vucic-call
    """
    import subprocess

    from briefcli.cli.editor import editor_command, find_record
    from briefcli.knowledge.model import KINDS

    if kind is not None and kind not in KINDS:
        raise typer.BadParameter(f"{kind!r} is not one of {', '.join(KINDS)}", param_hint="--kind")
    env = _call(ctx).env
    # Knowledge with errors is what one edits: no warning, and --strict does not refuse.
    place = find_record(_connect(ctx, data, check=False), record_id, kind, env.cwd)
    argv = editor_command(env.environ, place.path, place.line)
    env.stdout.flush()
    try:
        status = subprocess.call(argv, env=env.environ, cwd=env.cwd)
    except OSError as exc:
        raise BriefError(f"cannot run the editor {argv[0]!r}: {exc.strerror or exc}") from None
    raise typer.Exit(status if status >= 0 else 128 - status)  # killed by a signal: 128+N


def _read_text(path: Path) -> str:
    from briefcli.index.store import read_regular_file

    try:
        data = read_regular_file(str(path))
    except OSError as exc:
        raise BriefError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BriefError(
            f"{path}: expected UTF-8 text, found byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}"
        ) from None


ARTICLE_SUFFIXES = (".txt", ".text", ".md")


def _articles(paths: list[Path]) -> list[Path]:
    """The article files named, a folder standing for its *.txt, *.text and *.md."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*")
                if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.exists():
            found.append(path)
        else:
            raise BriefError(f"{path}: no such file or folder")
    if not found:
        raise BriefError("no article found (a folder is read for *.txt, *.text and *.md)")
    return list(dict.fromkeys(found))


@app.command(short_help="Draft knowledge from plain-text articles.")
def ingest(
    ctx: typer.Context,
    articles: Annotated[
        list[Path],
        typer.Argument(metavar="ARTICLE...", help="Article files or folders.",
                       autocompletion=_completes("files")),
    ],
    output: OutputOption = None,
    date: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="The date of the articles (YYYY-MM-DD), over the "
                     "one found in them."),
    ] = None,
    force: ForceOption = False,
    data: DataOption = None,
) -> None:
    """Draft knowledge from plain-text articles: a briefing each, with the acronyms they
    define, the known entities they name, their dated events, FAQs and sources.

    The draft is format 1 and passes `brief check` with the knowledge (--data); each
    record says in a comment where it came from. Example:
    brief ingest article.txt -o drafts/2023-11-11.yaml
    """
    from briefcli.authoring.article import parse_article
    from briefcli.authoring.draft import render_draft
    from briefcli.authoring.drafting import Known, Skipped, article_digest, draft_from_articles
    from briefcli.knowledge.rules import RuleError, check_date

    if date is not None:
        try:
            check_date(date)
        except RuleError as exc:
            raise typer.BadParameter(exc.message, param_hint="--date") from None
    files = _articles(articles)
    skipped: list[Skipped] = []
    parsed, digests = [], []
    for path in files:
        try:
            text = _read_text(path)
        except BriefError as exc:
            skipped.append(Skipped(str(path), exc.message.removeprefix(f"{path}: "), True))
            continue
        parsed.append(parse_article(text, str(path)))
        digests.append(article_digest(text))
    known = Known(_connect(ctx, data, check=False))
    records = draft_from_articles(parsed, known, date, digests, skipped)
    env = _call(ctx).env
    for skip in skipped:
        # A folder run drafts every article it can and names the others, with why.
        env.stderr.write(f"brief: {skip.path}: {skip.message}\n")
    failed = [skip for skip in skipped if skip.failed]
    drafted = {str(p) for p in files} - {skip.path for skip in skipped}
    if records:
        header = (
            "A draft made by `brief ingest` from "
            + ", ".join(str(p) for p in files if str(p) in drafted)
            + ". Read it, keep what is right, then move it beside your knowledge."
        )
        _deliver(ctx, render_draft(records, header), output, force)
    if failed:
        env.stderr.write(
            f"brief: {len(failed)} of {len(files)} article(s) could not be drafted\n"
        )
        raise typer.Exit(ExitCode.NOT_FOUND)


class GlossaryFormat(str, Enum):
    tsv = "tsv"
    csv = "csv"
    dictd = "dictd"


def _taken_beside(ctx: typer.Context, known: Any, output: Path) -> None:
    """Ids of the knowledge files beside `output` count as taken, so that glossaries
    imported one by one into a folder never clash (the file itself is left out: it is
    what is being written again)."""
    import os

    from briefcli.index.connect import open_knowledge
    from briefcli.knowledge.sources import knowledge_files

    env = _call(ctx).env
    target = output if output.is_absolute() else Path(env.cwd or ".") / output
    folder = target.parent
    itself = os.path.realpath(target)
    if not folder.is_dir() or not any(
        os.path.realpath(f.path) != itself for f in knowledge_files([folder])
    ):
        return
    conn = open_knowledge(env, [str(folder)], check=False).conn
    for kind, rid, path in conn.execute(
        "SELECT r.kind, r.id, f.path FROM records r JOIN files f USING (fid)"
    ):
        if os.path.realpath(path) != itself:
            known.taken.setdefault(kind, set()).add(rid)


@app.command("import", short_help="Import a glossary (TSV, CSV or dictd) as knowledge.")
def import_glossary(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(metavar="FILE", help="The glossary to import.",
                       autocompletion=_completes("files")),
    ],
    source: Annotated[
        GlossaryFormat,
        typer.Option(
            "--from", case_sensitive=False,
            help="tsv: ACRONYM<TAB>meaning lines (the BSD wtf lists); csv: a header row "
            "naming the columns (acronym, name, summary, aliases, ...); dictd: NAME.index "
            "beside NAME.dict or NAME.dict.dz.",
        ),
    ],
    output: OutputOption = None,
    force: ForceOption = False,
    data: DataOption = None,
) -> None:
    """Import a glossary as knowledge: an entity per entry, each sense of an acronym its
    own entity. Lines that cannot be read are listed as file:line:col; the rest is kept.

    Example: brief import acronyms.tsv --from tsv -o glossary.yaml
    """
    from briefcli.authoring import glossary
    from briefcli.authoring.draft import render_draft
    from briefcli.authoring.drafting import Known, draft_from_glossary

    env = _call(ctx).env
    if source is GlossaryFormat.dictd:
        if not file.exists():
            raise BriefError(f"{file}: no such file")
        entries, problems = glossary.read_dictd(str(file))
    else:
        reader = glossary.read_tsv if source is GlossaryFormat.tsv else glossary.read_csv
        raw = file.read_bytes() if file.is_file() else None
        if raw is None:
            raise BriefError(f"{file}: no such file")
        entries, problems = reader(raw, str(file))
    for problem in problems:
        _stderr(env, problem.format())
    if not entries:
        raise BriefError(f"{file}: no entry could be imported")
    known = Known(_connect(ctx, data, check=False))
    if output is not None:
        _taken_beside(ctx, known, output)
    report = draft_from_glossary(entries, known, str(file))
    header = f"Imported by `brief import` from {file} ({len(entries)} entries)."
    _deliver(ctx, render_draft(report.records, header), output, force)
    _stderr(
        env,
        f"imported {len(entries)} entries ({report.senses} of them senses of a shared "
        f"acronym){f'; {len(problems)} problem(s) listed above' if problems else ''}",
    )
    if any(p.level == "error" for p in problems):
        raise typer.Exit(ExitCode.NOT_FOUND)


@app.command()
def schema(ctx: typer.Context) -> None:
    """Print a JSON Schema of knowledge format 1, for editors.

    Save it beside your files and name it in a first line of each (docs/format.md):
    # yaml-language-server: $schema=brief-format-1.json
    Example: brief schema > brief-format-1.json
    """
    from briefcli.knowledge.schema import json_schema
    from briefcli.render.jsonout import dumps

    _call(ctx).env.stdout.write(dumps(json_schema()) + "\n")


@app.command(short_help="Write the knowledge as a static website.")
def site(
    ctx: typer.Context,
    out_dir: Annotated[
        Path,
        typer.Argument(metavar="OUT_DIR", help="The site's folder.",
                       autocompletion=_completes("files")),
    ],
    data: DataOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Write into a folder that is not a brief site.")
    ] = False,
) -> None:
    """Write the knowledge as a static website, with search in the browser.

    A page per briefing, entity, event and tag, timelines, an A–Z glossary and a search
    that needs no server. It works served by any web server or opened from disk. Built
    again, only pages whose content changed are written, and pages of removed records
    are deleted.
    Example: brief site public/
    """
    from briefcli.site.build import build_site

    env = _call(ctx).env
    conn = _connect(ctx, data)
    target = out_dir if out_dir.is_absolute() else Path(env.cwd or ".") / out_dir
    shown = env.isatty(env.stderr)

    def progress(done: int, total: int) -> None:
        if shown:
            env.stderr.write(f"\rbuilding the site: {done:,}/~{total:,} files…")
            env.stderr.flush()

    try:
        report = build_site(conn, target, force=force, progress=progress)
    finally:
        if shown:
            env.stderr.write("\r\x1b[K")
    _stderr(env, f"{report.summary()} ({out_dir})")


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
    """
    env = env or Environment()
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args or bool(env.environ.get("BRIEF_DEBUG"))
    for n, arg in enumerate(args, 1):
        if undecodable(arg):  # bytes the locale could not decode, kept as surrogates
            _stderr(env, f"brief: argument {n} is not valid UTF-8 text: "
                         f"{arg.encode('utf-8', 'surrogateescape')!r}")
            sys.exit(ExitCode.USAGE)
    try:
        _run(args, env)
    except BrokenPipeError:
        from briefcli.cli.lean import quiet_stdout

        quiet_stdout()
        sys.exit(ExitCode.BROKEN_PIPE)
    except BriefError as exc:
        if debug:
            raise
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
