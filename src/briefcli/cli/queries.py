"""The commands that answer from the knowledge: info, show, define, timeline, search,
list and faq."""

# No `from __future__ import annotations` here: Typer reads these annotations at every
# call, and string annotations make it evaluate them (measured: about 5 ms a call).
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from briefcli.cli import grammar
from briefcli.cli.base import (
    DataOption,
    DefineFormat,
    FaqFormat,
    JsonOption,
    ListFormat,
    SearchFormat,
    ShowFormat,
    TimelineFormat,
    _answer,
    _call,
    _connect,
    _deliver,
    _not_found,
    _renderer,
    _stderr,
    app,
    checked,
    option,
)
from briefcli.cli.complete import autocompletion as _completes
from briefcli.problems import ExitCode

SEARCH_LIMIT = int(str(grammar.default("search", "limit")))  # hits, when not given


@app.command(short_help="Knowledge files in use, the index and the configuration file.")
def info(ctx: typer.Context, data: DataOption = None, as_json: Annotated[
    bool, typer.Option("--json", help="One JSON object: config, index, size, records, "
                       "errors, files.")
] = False) -> None:
    """Which knowledge files are in use, where the index lives, its size and freshness,
    and which configuration file is read (or none).

    Example: brief info --data kb/; brief info --json
    """
    import os

    from briefcli.index import lookups
    from briefcli.index.store import error_count

    call = _call(ctx)
    conn = _connect(ctx, data, check=False)
    files = lookups.file_paths(conn)
    records = lookups.record_count(conn)
    where = call.index
    size = os.path.getsize(where) if where and where != ":memory:" else 0
    errors = error_count(conn)
    if as_json:
        from briefcli.render.jsonout import dumps

        config = call.env.config.path
        call.env.stdout.write(dumps({
            "config": str(config) if config else None, "index": where, "size": size,
            "records": records, "errors": errors, "files": files,
        }) + "\n")
        return
    lines = [
        f"index: {where}" + (f" ({size / 1e6:.1f} MB)" if size else " (in memory)"),
        "fresh: yes (brought up to date for this call)",
        f"records: {records:,}; errors: {errors}",
        f"config: {call.env.config.path or 'none'}",
        f"files ({len(files)}):",
        *(f"  {path}" for path in files),
    ]
    from briefcli.text import visible

    call.env.stdout.write(visible("\n".join(lines)) + "\n")



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
    fmt: ShowFormat = None,
) -> None:
    """Show the briefing of a day (or by id); a month or year lists its briefings.

    With no argument, the latest briefing.
    Examples: brief show 2023-11-11; brief show 2023-11
    """
    from briefcli.index.query import find_briefings

    checked(grammar.show_target, what)  # 2023-02-30 is a mistake in the command, not a miss
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
    fmt: DefineFormat = None,
    short: Annotated[
        bool, option("define", "short", help="One line per sense: 'KFOR: Kosovo Force'.")
    ] = False,
    verbose: Annotated[
        bool, option("define", "verbose", help="Say where each sense is written (file:line).")
    ] = False,
    match: Annotated[
        str, option("define", "match", metavar="STRATEGY",
                    help="exact (the default: define the terms), or list the headwords that "
                    "match: prefix, substring, regex or fuzzy (as dict -m -s).",
                    autocompletion=_completes(grammar.MATCHES)),
    ] = str(grammar.default("define", "match")),
    limit: Annotated[
        int | None, option("define", "limit", help="With --match: at most N headwords "
                           f"(default {grammar.MATCH_LIMIT}).")
    ] = None,
) -> None:
    """Define acronyms, names or ids: every sense, and what each relates to.

    Matching ignores case and accents ("vucic" finds "Vučić"). --match prefix, substring,
    regex or fuzzy lists the headwords that match instead, one a line.
    Examples: brief define KFOR; brief define TCP --short; brief define -m prefix KF
    """
    from briefcli.index.query import define_terms

    checked(grammar.words, "define", terms)
    checked(grammar.short_alone, short, as_json or fmt is not None)
    strategy, most = checked(grammar.match_options, match.lower(), limit, short)
    patterns = [checked(grammar.pattern, t) for t in terms] if strategy == "regex" else []

    out = _renderer(ctx, "define", as_json, fmt)
    if strategy != "exact":
        _headwords(ctx, out, terms, strategy, most, patterns, data)
        return
    found, misses = define_terms(_connect(ctx, data), terms, files=verbose)
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





def _headwords(
    ctx: typer.Context, out: Any, terms: list[str], strategy: str, most: int,
    patterns: list[Any], data: list[str] | None,
) -> None:
    """`define --match`: the headwords, one a line; how many more on stderr."""
    from briefcli.index.matching import match_terms, more_note
    from briefcli.index.query import NotFound

    env = _call(ctx).env
    try:
        found = match_terms(_connect(ctx, data), terms, strategy, most, patterns)
    except NotFound as miss:
        out.empty("define")
        _not_found(env, miss)
        raise typer.Exit(ExitCode.NOT_FOUND) from None
    out.headwords(found)
    if found.more:
        call = _call(ctx)
        if call.paged is not None:  # the note after the list, as on the fast path
            call.paged.finish()
            call.paged = None
        _stderr(env, more_note(found))


@app.command()
def timeline(
    ctx: typer.Context,
    topic: Annotated[
        str | None,
        typer.Argument(help="An entity (id, name, acronym or alias) or a tag. Default: all.",
                       autocompletion=_completes("topics")),
    ] = None,
    since: Annotated[
        str | None,
        option("timeline", "since",
               help="From this date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive."),
    ] = None,
    until: Annotated[
        str | None, option("timeline", "until", help="Up to this date, its whole period included.")
    ] = None,
    limit: Annotated[
        int | None, option("timeline", "limit", help="At most N events.")
    ] = None,
    reverse: Annotated[bool, option("timeline", "reverse", help="Newest first.")] = False,
    data: DataOption = None,
    as_json: JsonOption = False,
    fmt: TimelineFormat = None,
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

    start, end = checked(grammar.period, since, until)
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
        option("search", "kind", help="Only records of this kind: "
               + ", ".join(grammar.choices(grammar.SEARCH_KINDS) or ()) + ".",
               autocompletion=_completes(grammar.SEARCH_KINDS)),
    ] = None,
    limit: Annotated[int, option("search", "limit", help="At most N hits.")] = SEARCH_LIMIT,
    data: DataOption = None,
    as_json: JsonOption = False,
    fmt: SearchFormat = None,
) -> None:
    """Search names, acronyms, summaries, titles, FAQs and briefings.

    Records whose acronym, name or alias is the query come first, then those where one
    starts with it, then by relevance. Every word must match (the last one also as the
    start of a word); "a phrase" in quotes, word* for a prefix, OR between two terms,
    -word to leave out. A query that is not valid syntax is searched as plain words.
    Example: brief search '"Kosovo Police" -sergeant'
    """
    from briefcli.index.search import search as find

    checked(grammar.words, "search", query)
    checked(grammar.choice, "search", "kind", kind)
    out = _renderer(ctx, "search", as_json, fmt)
    text = " ".join(query)
    _answer(out, "search", lambda: find(_connect(ctx, data), text, kind, limit)._replace(
        query=text))


ListWhat = Enum(  # type: ignore[misc]
    "ListWhat", {name: name for name in grammar.choices(grammar.LISTS) or ()}, type=str
)


@app.command("list", short_help="List entities, events, briefings, FAQs, sources or tags.")
def list_records(
    ctx: typer.Context,
    what: Annotated[ListWhat, typer.Argument(metavar="WHAT", case_sensitive=False,
                    help=", ".join(grammar.choices(grammar.LISTS) or ()) + ".")],
    kind: Annotated[
        str | None,
        option("list", "kind", metavar="KIND", help="Only entities of this kind (person, ...)."),
    ] = None,
    tag: Annotated[
        str | None,
        option("list", "tag", metavar="TAG", help="Only entities and events with this tag."),
    ] = None,
    data: DataOption = None,
    as_json: JsonOption = False,
    fmt: ListFormat = None,
) -> None:
    """List the records of one kind, or the tags: a table in a terminal, one id a line
    in a pipe.

    Examples: brief list entities --kind person; brief list events --tag kosovo | wc -l
    """
    from briefcli.index.query import list_records as find

    checked(grammar.list_filters, what.value, kind, tag)
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
    fmt: FaqFormat = None,
) -> None:
    """Questions and answers: all of them, or those about a term or with some words.

    Examples: brief faq; brief faq KFOR
    """
    from briefcli.index.search import find_faqs

    out = _renderer(ctx, "faq", as_json, fmt)
    words = " ".join(query or []).strip() or None
    _answer(out, "faq", lambda: find_faqs(_connect(ctx, data), words))
