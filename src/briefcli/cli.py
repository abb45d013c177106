"""The `brief` command: parses arguments, asks the core, hands the answer to a renderer.

Exit codes: 0 found, 1 not found or invalid knowledge, 2 usage. No traceback reaches
the user unless `--debug` is given.
"""

# No `from __future__ import annotations` here: Typer reads these annotations at every
# call, and string annotations make it evaluate them (measured: about 5 ms a call).
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from briefcli.environment import Environment
from briefcli.problems import BriefError, ExitCode, KnowledgeError

app = typer.Typer(
    name="brief",
    help="A terminal briefing book: what you know about a story, from plain YAML files.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

ENV = Environment()
"""The surroundings of the running command; tests replace it."""

DataOption = Annotated[
    list[str] | None,
    typer.Option(
        "--data", "-d", metavar="PATH",
        help="A knowledge file or folder (repeatable). Default: BRIEF_DATA, else the "
        "bundled knowledge.",
    ),
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print only a JSON array of the matching records.")
]
FormatOption = Annotated[
    str | None,
    typer.Option("--format", "-f", help="Output format: terminal, json or markdown."),
]


class _State:
    data: list[str] = []
    index: str = ""  # the index file this call reads, to discard it if it proves damaged


def _print_version(value: bool) -> None:
    if value:
        from briefcli import __version__

        ENV.stdout.write(f"brief {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _root(
    data: DataOption = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback for an internal error.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", help="Print the version.", callback=_print_version,
                     is_eager=True),
    ] = False,
) -> None:
    """A terminal briefing book: what you know about a story, from plain YAML files.

    Knowledge comes from --data PATH (repeatable), else BRIEF_DATA (paths separated by
    the OS path separator), else the bundled knowledge.
    """
    _State.data = list(data or [])  # --debug is read by main(), before Typer runs


def _paths(data: list[str] | None) -> list[Path]:
    from briefcli.sources import data_paths

    return data_paths([*_State.data, *(data or [])], ENV.environ)


def _connect(data: list[str] | None, *, check: bool = True) -> Any:
    """An up-to-date index of the knowledge; with `check`, refuse knowledge with errors."""
    from briefcli.index import BuildReport, has_errors, open_index, stored_problems
    from briefcli.sources import MissingPath

    report = BuildReport()
    try:
        conn = open_index(_paths(data), ENV.cache_dir(), report)
    except MissingPath as exc:
        raise BriefError(str(exc)) from None
    _State.index = report.location
    for warning in report.warnings:
        _stderr(f"warning: {warning}")
    if check and has_errors(conn):
        raise KnowledgeError(stored_problems(conn, errors_only=True))
    return conn


def _renderer(as_json: bool, fmt: str | None = None) -> Any:
    from briefcli.render import get_renderer, make_console

    stream = ENV.stdout
    name = "json" if as_json else (fmt or "terminal")
    color = name == "terminal" and ENV.color(stream)
    return get_renderer(name, make_console(stream, color=color, width=ENV.width()))


def _stderr(message: str) -> None:
    """A message line; what came from files (names, keys, paths) is made visible."""
    from briefcli.text import visible

    ENV.stderr.write(visible(message) + "\n")


def _not_found(exc: Any) -> None:
    line = f"brief: {exc.message}"
    if exc.suggestions:
        line += f"\n  {exc.label}: " + ", ".join(exc.suggestions)
    _stderr(line)


@app.command()
def show(
    what: Annotated[
        str | None, typer.Argument(metavar="[DATE|ID]", help="YYYY-MM-DD, YYYY-MM, YYYY or an id.")
    ] = None,
    data: DataOption = None,
    as_json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """Show the briefing of a day (or by id); a month or year lists its briefings.

    With no argument, the latest briefing.
    """
    from briefcli.query import find_briefings

    result = find_briefings(_connect(data), what)
    out = _renderer(as_json, fmt)
    if result.listing:
        out.briefing_list(result.listing, result.period)
    elif as_json and len(result.pages) > 1:
        out.briefing_list([p.briefing for p in result.pages], what or "")
    else:
        for page in result.pages:
            out.briefing(page)


@app.command()
def define(
    terms: Annotated[list[str], typer.Argument(metavar="TERM...", help="Acronyms, names, ids.")],
    data: DataOption = None,
    as_json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """Define acronyms, names or ids: every sense, and what each relates to.

    Matching ignores case and accents ("vucic" finds "Vučić").
    """
    from briefcli.query import NotFound, find_terms

    conn = _connect(data)
    found, misses = [], []
    for term in terms:
        try:
            found.extend(find_terms(conn, term))
        except NotFound as exc:
            misses.append(exc)
    if found or as_json:
        _renderer(as_json, fmt).definitions(found)
    for miss in misses:
        _not_found(miss)
    if misses:
        raise typer.Exit(ExitCode.NOT_FOUND)


def _date_option(value: str | None, name: str) -> Any:
    if value is None:
        return None
    from briefcli.dates import DateError, PartialDate

    try:
        return PartialDate.parse(value)
    except DateError as exc:
        raise typer.BadParameter(str(exc), param_hint=name) from None


@app.command()
def timeline(
    topic: Annotated[
        str | None,
        typer.Argument(help="An entity (id, name, acronym or alias) or a tag. Default: all."),
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="From this date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive.")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Up to this date, its whole period included.")
    ] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most N events.")] = None,
    reverse: Annotated[bool, typer.Option("--reverse", help="Newest first.")] = False,
    data: DataOption = None,
    as_json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """The events of a topic, oldest first, grouped by year."""
    from briefcli.query import timeline as find_timeline

    start, end = _date_option(since, "--since"), _date_option(until, "--until")
    result = find_timeline(_connect(data), topic, start, end, limit, reverse)
    _renderer(as_json, fmt).timeline(result.events, result.title)


@app.command()
def search(
    query: Annotated[list[str], typer.Argument(metavar="QUERY...", help="Words to look for.")],
    kind: Annotated[
        str | None,
        typer.Option(help="Only records of this kind: entity, event, faq, briefing or source."),
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most N hits.")] = 20,
    data: DataOption = None,
    as_json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """Full-text search over names, acronyms, summaries, titles, FAQs and briefings."""
    from briefcli.query import SEARCH_KINDS
    from briefcli.query import search as find

    if kind is not None and kind not in SEARCH_KINDS:
        raise typer.BadParameter(
            f"{kind!r} is not one of {', '.join(SEARCH_KINDS)}", param_hint="--kind"
        )
    hits = find(_connect(data), " ".join(query), kind, limit)
    _renderer(as_json, fmt).search(hits)


@app.command()
def check(
    data: DataOption = None,
    as_json: JsonOption = False,
) -> None:
    """Validate the knowledge: every problem as file:line:col: message. Exit 1 on errors."""
    from briefcli.index import stored_problems

    conn = _connect(data, check=False)
    problems = stored_problems(conn)
    _renderer(as_json).problems(problems)
    errors = sum(p.level == "error" for p in problems)
    files = conn.execute("SELECT count(*) FROM files").fetchone()[0]
    records = conn.execute("SELECT count(*) FROM records").fetchone()[0]
    if errors:
        _stderr(f"{errors} error(s) in the knowledge ({files} file(s), {records} record(s))")
        raise typer.Exit(ExitCode.NOT_FOUND)
    _stderr(f"ok: {files} file(s), {records} record(s), no problems")


@app.command()
def export(
    data: DataOption = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="yaml (a knowledge file) or json.")
    ] = "yaml",
) -> None:
    """Write the whole knowledge, merged from every file, as one format-1 file."""
    from briefcli.export import export_json, export_yaml
    from briefcli.query import all_records

    writers = {"yaml": export_yaml, "json": export_json}
    if fmt not in writers:
        raise typer.BadParameter(f"{fmt!r} is not one of yaml, json", param_hint="--format")
    ENV.stdout.write(writers[fmt](all_records(_connect(data))))


def _report(exc: BriefError) -> None:
    if isinstance(exc, KnowledgeError):
        shown = exc.problems[:10]
        for problem in shown:
            _stderr(problem.format())
        more = len(exc.problems) - len(shown)
        tail = f" ({more} more not shown)" if more > 0 else ""
        _stderr(f"brief: the knowledge has errors{tail}; run `brief check` to list them all")
    elif hasattr(exc, "suggestions"):
        _not_found(exc)
    else:
        _stderr(f"brief: {exc.message}")


def main(argv: list[str] | None = None) -> NoReturn:
    """Entry point: run the app, turn every expected failure into a message and exit code.

    Usage errors are reported by Typer itself (exit 2); our own failures arrive here as
    BriefError. Anything else is a bug: one line, exit 70, the traceback with --debug.
    """
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args or bool(ENV.environ.get("BRIEF_DEBUG"))
    try:
        _run(args)
    except BriefError as exc:
        if debug:
            raise
        _report(exc)
        sys.exit(exc.exit_code)
    except Exception as exc:
        if debug:
            raise
        _stderr(f"brief: internal error: {type(exc).__name__}: {exc} (--debug shows where)")
        sys.exit(ExitCode.INTERNAL)
    sys.exit(0)


def _run(args: list[str]) -> None:
    """Run the app; an index found damaged while answering is dropped and the call rerun."""
    import sqlite3

    _State.index = ""
    try:
        app(args=args, prog_name="brief")
    except sqlite3.DatabaseError:
        damaged = _State.index
        if not damaged or damaged == ":memory:":
            raise
        _stderr(f"warning: the index {damaged} is damaged; rebuilding it")
        Path(damaged).unlink(missing_ok=True)
        app(args=args, prog_name="brief")
