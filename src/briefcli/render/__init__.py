"""Output formats: one registry owns them.

Each format names the module and class that renders it and the views (commands) it
serves. The `--format` choices of every command, the
help that lists them and the exporters all come from `FORMATS`: adding a format is one
module with a renderer class and one entry here.

A renderer is built on an `Output` (stream, colour, width, environment) and has
one method per view it serves; the command calls exactly one of them per call, with
the whole answer, so that every format can make one document of it:

    show(result: ShowResult)          define(defs: list[Definition])
    timeline(result: Timeline)        search(hits: list[SearchHit])
    listing(result: Listing)          faq(result: FaqResult)
    check(problems: list[Problem])    export(records: list[RecordRow])

`empty(view)` is called instead when the answer is "nothing" (a miss): a JSON renderer
still writes one document, `[]`.

A format that writes several files rather than one stream names their suffixes in
`files` (dictd: NAME.index and NAME.dict); its renderer has `export_files(records,
name)`, which returns their contents by suffix, and `brief export` needs `-o NAME`.
"""

# Record classes come from briefcli.typed (no `typing` at run time), which reads
# the annotations' names only: they are never evaluated.
from __future__ import annotations

from briefcli.typed import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import IO, Any

# Nothing heavy is imported here: the CLI reads the registry at start-up for its
# `--format` choices, and only the chosen renderer's module is imported.


class Output(NamedTuple):
    """Where a renderer writes, and how: decided once, by the command's surroundings."""

    stream: IO[str]
    color: bool = False
    width: int | None = None
    environ: Mapping[str, str] = {}
    widest: int | None = None  # the widest text is set (the configuration's width)

VIEWS = ("show", "define", "timeline", "search", "listing", "faq", "check", "export")
_QUERIES = frozenset({"show", "define", "timeline", "search", "listing", "faq", "check"})


class Format(NamedTuple):
    name: str
    target: str  # "module:class" of its renderer, imported only when it is used
    views: frozenset[str]
    summary: str
    files: tuple[str, ...] = ()  # the suffixes of the files it writes, beside each other


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "terminal", "briefcli.render.terminal:TerminalRenderer", _QUERIES,
            "text for people, in colour in a terminal",
        ),
        Format(
            "yaml", "briefcli.render.yamlout:YamlRenderer", frozenset({"export"}),
            "a knowledge file (format 1)",
        ),
        Format(
            "json", "briefcli.render.jsonout:JsonRenderer", frozenset(VIEWS),
            "one JSON document: the records as written, for scripts",
        ),
        Format(
            "markdown", "briefcli.render.markdown:MarkdownRenderer", _QUERIES,
            "CommonMark text",
        ),
        Format(
            "github", "briefcli.render.github:GithubRenderer", frozenset({"check"}),
            "GitHub Actions annotations, one per problem",
        ),
        Format(
            "dictd", "briefcli.render.dictd:DictdRenderer", frozenset({"export"}),
            "a DICT server's database (NAME.index and NAME.dict), for dictd",
            files=(".index", ".dict"),
        ),
        Format(
            "html", "briefcli.render.html:HtmlRenderer",
            frozenset({"show", "define", "timeline", "search", "listing", "faq"}),
            "a standalone HTML5 page, for a browser or to print",
        ),
        Format(
            "timelinejs", "briefcli.render.timelinejs:TimelineJsRenderer",
            frozenset({"timeline"}),
            "TimelineJS's JSON, for an interactive timeline",
        ),
    )
}


def format_names(view: str) -> list[str]:
    """The formats that serve a view, in registry order: the first is its default."""
    return [f.name for f in FORMATS.values() if view in f.views]


def choose_format(view: str, given: str | None, as_json: bool) -> str:
    """The format of a view from `--format` (any case) and `--json`; the first that
    serves the view by default. ValueError says why when the two disagree or the view
    has no such format."""
    names = format_names(view)
    name = None
    if given is not None:
        matches = [n for n in names if n.lower() == given.lower()]
        if not matches:
            raise ValueError(f"{given!r} is not one of {', '.join(names)}")
        name = matches[0]
    if as_json:
        if name not in (None, "json"):
            raise ValueError(f"--json means --format json; it cannot go with --format {name}")
        name = "json"
    return name or names[0]


def open_renderer(name: str, env: Any, page: bool) -> tuple[Any, Any]:
    """The renderer `name` writing to the call's stdout (an `Environment`), with colour
    for a terminal, and the pager buffer it writes into when the answer is to be paged
    (None otherwise; the caller `finish()`es it)."""
    stream = env.stdout
    color = name == "terminal" and env.color(stream)
    config = env.config
    buffer = None
    if page and env.isatty(stream):  # the pager is for a terminal only
        from briefcli.cli.pager import paged

        buffer = paged(stream, env.environ, page, config.pager)
    output = Output(buffer or stream, color, env.width(), env.environ, config.width)
    return get_renderer(name, output), buffer


def get_renderer(name: str, output: Output) -> Any:
    """The renderer registered as `name`, writing to `output`.

    The name must be one of FORMATS (the CLI checks it when it parses the options).
    """
    module, cls = FORMATS[name].target.split(":")
    # __import__ rather than importlib.import_module: importlib costs a lookup 1 ms
    return getattr(__import__(module, fromlist=[cls]), cls)(output)


__all__ = [
    "FORMATS", "VIEWS", "Format", "Output", "choose_format", "format_names", "get_renderer",
    "open_renderer",
]
