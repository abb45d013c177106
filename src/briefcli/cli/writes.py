"""The commands that check, write or open files: check, export, edit, ingest, import,
schema and site."""

# No `from __future__ import annotations` here: Typer reads these annotations at every
# call, and string annotations make it evaluate them (measured: about 5 ms a call).
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from briefcli.authoring.glossaries import READERS
from briefcli.cli import grammar
from briefcli.cli.base import (
    CheckFormat,
    DataOption,
    ExportFormat,
    ForceOption,
    JsonOption,
    OutputOption,
    _call,
    _connect,
    _deliver,
    _renderer,
    _stderr,
    app,
    checked,
    option,
)
from briefcli.cli.complete import autocompletion as _completes
from briefcli.problems import BriefError, ExitCode
from briefcli.render import format_names

if TYPE_CHECKING:
    from briefcli.authoring.article import Article


@app.command()
def check(
    ctx: typer.Context,
    paths: Annotated[
        list[str] | None,
        typer.Argument(metavar="[PATH]...", help="Knowledge files or folders, as --data."),
    ] = None,
    data: DataOption = None,
    as_json: JsonOption = False,
    fmt: CheckFormat = None,
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
    from briefcli.index import lookups

    files, records = lookups.file_count(conn), lookups.record_count(conn)
    env = _call(ctx).env
    if errors:
        _stderr(env, f"{errors} error(s) in the knowledge ({files} file(s), {records} record(s))")
        raise typer.Exit(ExitCode.NOT_FOUND)
    warnings = len(problems) - errors
    if warnings:  # listed above: "no problems" would deny them
        _stderr(env, f"ok: {files} file(s), {records} record(s), no errors, "
                f"{warnings} warning(s)")
    else:
        _stderr(env, f"ok: {files} file(s), {records} record(s), no problems")



@app.command(short_help="Write the whole knowledge as one file (YAML, JSON, dictd).")
def export(
    ctx: typer.Context,
    data: DataOption = None,
    as_json: JsonOption = False,
    fmt: ExportFormat = None,
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
    from briefcli.files import FileExists, write_files

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
    write_files({path: contents[suffix] for suffix, path in paths.items()}, force=force)
    _stderr(env, "wrote " + " and ".join(f"{output}{suffix}" for suffix in files))


@app.command(short_help="Open the file of a record in your editor, at its line.")
def edit(
    ctx: typer.Context,
    record_id: Annotated[
        str,
        typer.Argument(metavar="ID|TERM",
                       help="The id of a record of any kind, or an entity's acronym, name "
                       "or alias (as define finds it).",
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
    """Open the file where a record is written in your editor, at its line: by id, or
    by an entity's acronym, name or alias (a term of several senses lists their ids).

    The editor is $VISUAL, else $EDITOR, else vi; brief exits with its status.
    Example: brief edit kfor; EDITOR='code --wait' brief edit blinken-vucic-call
    """
    import subprocess

    from briefcli.cli.editor import editor_command, find_record_or_term

    checked(grammar.choice, "edit", "kind", kind)
    env = _call(ctx).env
    # Knowledge with errors is what one edits: no warning, and --strict does not refuse.
    place = find_record_or_term(_connect(ctx, data, check=False), record_id, kind, env.cwd)
    argv = editor_command(env.environ, place.path, place.line)
    env.stdout.flush()
    try:
        status = subprocess.call(argv, env=env.environ, cwd=env.cwd)
    except OSError as exc:
        raise BriefError(f"cannot run the editor {argv[0]!r}: {exc.strerror or exc}") from None
    raise typer.Exit(status if status >= 0 else 128 - status)  # killed by a signal: 128+N


def _read_text(path: Path) -> str:
    from briefcli.index.update import read_regular_file

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
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".pdf")  # read by authoring.pages


def _articles(paths: list[str]) -> list[str]:
    """The articles named: files, web addresses, and a folder standing for its *.txt,
    *.text, *.md, *.html, *.htm, *.xhtml and *.pdf."""
    from briefcli.authoring.fetch import is_url

    found: list[str] = []
    for name in paths:
        path = Path(name)
        if is_url(name):
            found.append(name)
        elif path.is_dir():
            found += sorted(
                str(p) for p in path.rglob("*")
                if p.suffix.lower() in ARTICLE_SUFFIXES + PAGE_SUFFIXES and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            from briefcli.files import check_input

            check_input(path, "no such file or folder")  # a FIFO or device says what it is
            found.append(str(path))  # as before pages were read: "./a.txt" is "a.txt"
    if not found:
        raise BriefError("no article found (a folder is read for *.txt, *.text, *.md, "
                         "*.html, *.htm, *.xhtml and *.pdf)")
    return list(dict.fromkeys(found))


def _url_list(path: Path) -> list[str]:
    """The addresses listed in a --urls file, one a line; blank lines and # comments
    skipped; a line that is no http(s) address is an error naming it."""
    from briefcli.authoring.fetch import is_url

    urls: list[str] = []
    for number, line in enumerate(_read_text(path).splitlines(), 1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        if not is_url(text) or len(text.split()) != 1:
            raise BriefError(f"{path}:{number}:1: expected an http:// or https:// address, "
                             f"found {text[:60]!r}")
        urls.append(text)
    if not urls:
        raise BriefError(f"{path}: no address listed (one http:// or https:// address a line)")
    return urls


def _read_article(name: str) -> tuple["Article", str]:
    """The article of one input and the text it was read from (which its digest is made
    of): a text file parsed, or a page (web page, URL, PDF) read by authoring.pages."""
    from briefcli.authoring.pages import PageError, page_kind, read_input, to_article

    if page_kind(name) is None:
        from briefcli.authoring.article import parse_article, too_long

        text = _read_text(Path(name))
        refused = too_long(text, name)
        if refused is not None:
            raise BriefError(refused)
        return parse_article(text, name), text
    try:
        page = read_input(name)
        return to_article(page, name), page.text
    except PageError as exc:
        raise BriefError(exc.message) from None


@app.command(short_help="Draft knowledge from plain-text articles, web pages and PDFs.")
def ingest(
    ctx: typer.Context,
    articles: Annotated[
        list[str] | None,
        typer.Argument(metavar="ARTICLE...", help="Article files (.txt, .md, .html, .pdf), "
                       "folders or http(s) addresses.", autocompletion=_completes("files"),
                       show_default=False),
    ] = None,
    urls: Annotated[
        Path | None,
        option("ingest", "urls", metavar="FILE", help="A file of web addresses to draft, one "
               "a line (blank lines and # comments skipped).",
               autocompletion=_completes("files")),
    ] = None,
    output: OutputOption = None,
    date: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="The date of the articles (YYYY-MM-DD), over the "
                     "one found in them."),
    ] = None,
    force: ForceOption = False,
    data: DataOption = None,
) -> None:
    """Draft knowledge from articles: a briefing each, with the acronyms they define,
    the known entities they name, their dated events, FAQs and sources.

    An article is a plain-text file, a saved web page (.html, .htm, .xhtml), a PDF with
    a text layer, or an http(s) address, which is fetched; of a page only its main text
    is read, and its headline, date and address come along. The draft is format 1 and
    passes `brief check` with the knowledge (--data); each record says in a comment where
    it came from. Example:
    brief ingest article.txt -o drafts/2023-11-11.yaml
    """
    from briefcli.authoring.draft import render_draft
    from briefcli.authoring.drafting import Known, Skipped, article_digest, draft_from_articles
    from briefcli.knowledge.rules import RuleError, check_date

    if date is not None:
        try:
            check_date(date)
        except RuleError as exc:
            raise typer.BadParameter(exc.message, param_hint="--date") from None
    if not articles and urls is None:
        raise typer.BadParameter("give an article, a folder or an address (or --urls FILE)",
                                 param_hint="ARTICLE...")
    files = _articles(articles) if articles else []
    if urls is not None:
        files = list(dict.fromkeys([*files, *_url_list(urls)]))
    skipped: list[Skipped] = []
    parsed, digests, texts = [], [], []
    for name in files:
        try:
            article, text = _read_article(name)
        except BriefError as exc:
            skipped.append(Skipped(name, exc.message.removeprefix(f"{name}: "), True))
            continue
        parsed.append(article)
        digests.append(article_digest(text))
        texts.append(text)
    known = Known(_connect(ctx, data, check=False))
    records = draft_from_articles(parsed, known, date, digests, skipped, texts)
    env = _call(ctx).env
    for skip in skipped:
        # A folder run drafts every article it can and names the others, with why.
        said = skip.message if skip.message.startswith(skip.path) else (
            f"{skip.path}: {skip.message}"  # the message names the article (and its line)
        )
        env.stderr.write(f"brief: {said}\n")
    failed = [skip for skip in skipped if skip.failed]
    drafted = set(files) - {skip.path for skip in skipped}
    if records:
        header = (
            "A draft made by `brief ingest` from "
            + ", ".join(name for name in files if name in drafted)
            + ". Read it, keep what is right, then move it beside your knowledge."
        )
        _deliver(ctx, render_draft(records, header), output, force)
    if failed:
        if len(files) > 1:  # one article: its own line says it all
            env.stderr.write(
                f"brief: {len(failed)} of {len(files)} article(s) could not be drafted\n"
            )
        raise typer.Exit(ExitCode.NOT_FOUND)


GlossaryFormat = Enum(  # type: ignore[misc]
    "GlossaryFormat", {name: name for name in READERS}, type=str
)


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
    from briefcli.index.lookups import record_files

    for kind, rid, path in record_files(conn):
        if os.path.realpath(path) != itself:
            known.taken.setdefault(kind, set()).add(rid)


@app.command(short_help="Add one entity to a knowledge file, its comments untouched.")
def add(
    ctx: typer.Context,
    term: Annotated[str, typer.Argument(metavar="TERM", help="The acronym or short term.")],
    name: Annotated[str, typer.Argument(metavar="NAME", help="The full name.")],
    output: Annotated[
        Path,
        option("add", "output", metavar="FILE", help="The knowledge file to add to "
               "(created when it does not exist).", autocompletion=_completes("files")),
    ],
    kind: Annotated[str | None, option("add", "kind", metavar="KIND", help="person, "
                                       "organization, place, ... (free text).")] = None,
    role: Annotated[str | None, option("add", "role", metavar="ROLE",
                                       help="What it is or does.")] = None,
    tag: Annotated[list[str] | None, option("add", "tag", metavar="TAG",
                                            help="A tag (repeatable).")] = None,
    alias: Annotated[list[str] | None, option("add", "alias", metavar="ALIAS",
                                              help="Another name (repeatable).")] = None,
    summary: Annotated[str | None, option("add", "summary", metavar="TEXT",
                                          help="A sentence or two.")] = None,
    data: DataOption = None,
) -> None:
    """Add one entity to a knowledge file without opening an editor; print its id.

    TERM written in capitals (KFOR, TCP/IP, IPv6) is the acronym; another term is an
    alias, and a TERM that is NAME itself is left out. The id comes from TERM and is
    unlike any of the knowledge (--data) and of the files beside FILE. The entity is put
    at the end of FILE's entities, the rest of FILE untouched; FILE is written only if it
    then checks clean with the knowledge.
    Example: brief add KFOR "Kosovo Force" --kind organization -o kb/glossary.yaml
    """
    from briefcli.cli.adding import add_entity, open_known

    def hint(key: str) -> str:
        return grammar.option("add", key).names[0]

    values = [("TERM", term), ("NAME", name), (hint("kind"), kind), (hint("role"), role),
              (hint("summary"), summary), *((hint("tag"), t) for t in tag or []),
              *((hint("alias"), a) for a in alias or [])]
    for param, value in values:
        if value is not None and not value.strip():
            raise typer.BadParameter("expected text, found nothing", param_hint=param)
    call = _call(ctx)
    env = call.env
    opened = open_known(env, [*call.data, *(data or [])], output)
    call.index = opened.location if opened is not None else ""
    conn = opened.conn if opened is not None else None
    fields = {"kind": kind, "role": role, "tags": tag, "aliases": alias, "summary": summary}
    rid, line = add_entity(env, conn, output, fields, term.strip(), name.strip())
    env.stdout.write(rid + "\n")
    _stderr(env, f"added {rid} to {output}:{line}")


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
            help="; ".join(f"{r.name}: {r.summary}" for r in READERS.values()) + ".",
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
    from briefcli.authoring.draft import render_draft
    from briefcli.authoring.drafting import Known, draft_from_glossary
    from briefcli.authoring.glossaries import reader_function
    from briefcli.files import check_input, read_input

    env = _call(ctx).env
    reader = reader_function(source.value)
    if READERS[source.value].whole_file:
        entries, problems = reader(read_input(file), str(file))
    else:
        check_input(file)
        entries, problems = reader(str(file))
    for problem in problems:
        _stderr(env, problem.format())
    if not entries:
        raise BriefError(f"{file}: no entry could be imported")
    known = Known(_connect(ctx, data, check=False, writing=output))
    if output is not None:
        _taken_beside(ctx, known, output)
    report = draft_from_glossary(entries, known, str(file))
    for problem in report.problems:
        _stderr(env, problem.format())
    if not report.records:
        raise BriefError(f"{file}: no entry could be imported")
    problems = [*problems, *report.problems]
    imported = len(report.records)
    header = f"Imported by `brief import` from {file} ({imported} entries)."
    _deliver(ctx, render_draft(report.records, header), output, force)
    _stderr(
        env,
        f"imported {imported} entries ({report.senses} of them senses of a shared "
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
    title: Annotated[
        str | None, option("site", "title", metavar="TEXT",
                           help="The site's name, on every page. Default: Briefing book.")
    ] = None,
    description: Annotated[
        str | None, option("site", "description", metavar="TEXT",
                           help="A line that says what the site is, on its home page and "
                           "in every page's description.")
    ] = None,
    base_url: Annotated[
        str | None, option("site", "base_url", metavar="URL",
                           help="Where the site is published (http or https): pages get "
                           "canonical links, and the site a sitemap.xml.")
    ] = None,
) -> None:
    """Write the knowledge as a static website, with search in the browser.

    A page per briefing, entity, event and tag, timelines, an A–Z glossary and a search
    that needs no server. It works served by any web server or opened from disk. Built
    again, only pages whose inputs changed are made, only those whose content changed
    are written, and pages of removed records are deleted.
    Example: brief site public/ --title "Kosovo desk" --base-url https://example.org/
    """
    from briefcli.site.build import build_site
    from briefcli.site.memory import SiteOptions

    site_options = SiteOptions(
        checked(grammar.site_text, title, "--title") or SiteOptions().title,
        checked(grammar.site_text, description, "--description") or "",
        checked(grammar.base_url, base_url) or "",
    )
    env = _call(ctx).env
    conn = _connect(ctx, data)
    target = out_dir if out_dir.is_absolute() else Path(env.cwd or ".") / out_dir
    shown = env.isatty(env.stderr)

    def progress(done: int, total: int) -> None:
        if shown:
            env.stderr.write(f"\rbuilding the site: {done:,}/~{total:,} files…")
            env.stderr.flush()

    try:
        report = build_site(conn, target, force=force, progress=progress,
                            options=site_options)
    finally:
        if shown:
            env.stderr.write("\r\x1b[K")
    _stderr(env, f"{report.summary()} ({out_dir})")
