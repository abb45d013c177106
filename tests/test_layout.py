"""The house's layout (folders by role) holds: module sizes, no import circle, SQL only in
the index package, package `__init__`s free of imports, the README's folder list true,
and one definition assembler for `define` and the site."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "briefcli"
MAX_LINES = 800


def modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _typing_only(tree: ast.AST) -> set[ast.AST]:
    """The imports under `if TYPE_CHECKING:`: they are read by the type checker only."""
    found: set[ast.AST] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                found.update(ast.walk(inner))
    return found


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules `name` imports, at the top or inside a function alike (not
    those imported for the type checker only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    typing_only = _typing_only(tree)
    found: set[str] = set()
    for node in ast.walk(tree):
        if node in typing_only:
            continue
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [base] + [f"{base}.{a.name}" for a in node.names]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name and not name.startswith(target + "."):
                found.add(target)
    return found


def test_no_module_is_longer_than_the_bound() -> None:
    long = {name: n for name, path in modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines: {long}"


def test_no_import_circle() -> None:
    found = modules()
    graph = {name: imports_of(name, path, set(found)) for name, path in found.items()}
    # A package imported for one of its modules is not an edge back to its parent.
    for name in graph:
        graph[name] = {t for t in graph[name] if not (found[t].name == "__init__.py"
                                                     and not found[t].read_text().strip())}
    state: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                circles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert not circles, "import circles: " + "; ".join(" -> ".join(c) for c in circles)


_SQL = re.compile(
    r"\b(SELECT\s+[\w*(]|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM"
    r"|CREATE\s+(TABLE|INDEX|VIRTUAL|TRIGGER)|PRAGMA\s+\w+|\.execute\()"
)


def test_sql_is_written_only_in_the_index_package() -> None:
    outside = []
    for name, path in modules().items():
        if name == "briefcli.index" or name.startswith("briefcli.index."):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _SQL.search(line):
                outside.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not outside, "SQL outside src/briefcli/index/:\n" + "\n".join(outside)


def test_package_inits_import_nothing() -> None:
    """The entry point imports a package for each module it needs: their `__init__`
    must not cost anything (render's registry is the one `__init__` with content, and
    it imports only the standard library's typing, or briefcli.typed in its place)."""
    for path in PACKAGE.rglob("__init__.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        heavy = [
            ast.unparse(node) for node in tree.body
            if isinstance(node, (ast.Import, ast.ImportFrom))
            and not (isinstance(node, ast.ImportFrom) and node.module in (
                "__future__", "typing", "collections.abc", "briefcli.typed"))
            and "pager" not in ast.unparse(node)
        ]
        assert not heavy, f"{path.relative_to(ROOT)} imports {heavy}"


def readme_folders() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("Where things live", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^- \*\*`src/briefcli/([\w/.]+?)/?`\*\*", section, re.M)


def test_the_readme_lists_every_folder_of_the_package() -> None:
    listed = readme_folders()
    folders = sorted(p.name for p in PACKAGE.iterdir()
                     if p.is_dir() and (p / "__init__.py").exists())
    assert sorted(f for f in listed if "." not in f) == folders
    modules_listed = [f for f in listed if f.endswith(".py")]
    for module in modules_listed:
        assert (PACKAGE / module).is_file(), module
    top = sorted(p.name for p in PACKAGE.glob("*.py") if p.name not in (
        "__init__.py", "__main__.py"))
    assert sorted(modules_listed) == top


def test_the_site_profiles_an_entity_as_define_does(tmp_path: Path) -> None:
    """One assembler: the site's definition of each bundled entity is `define`'s."""
    from briefcli.cli.environment import Environment
    from briefcli.index.connect import open_knowledge
    from briefcli.index.query import define_terms
    from briefcli.site.memory import Knowledge
    from briefcli.site.pages import _definition

    conn = open_knowledge(Environment(environ={"BRIEF_CACHE_DIR": str(tmp_path)}), None).conn
    site = Knowledge(conn)
    assert site.entities
    for entity in site.entities.values():
        found, misses = define_terms(conn, [entity.id])
        assert not misses
        mine = next(d for d in found if d.entity.id == entity.id)
        theirs = _definition(site, entity)

        def ids(d: object, field: str) -> list[str]:
            return [r.id for r in getattr(d, field)]

        for field in ("related", "referrers", "events", "sources", "faqs", "briefings",
                      "copies"):
            assert ids(theirs, field) == ids(mine, field), (entity.id, field)
        for count in ("more_events", "more_referrers", "more_mentions"):
            assert getattr(theirs, count) == getattr(mine, count), (entity.id, count)
        assert theirs.entity.to_data() == mine.entity.to_data()


@pytest.mark.parametrize("renderer", ["terminal", "markdown", "html"])
def test_every_format_labels_a_profile_alike(renderer: str, tmp_path: Path) -> None:
    """Each label of `views.PROFILE_LABELS` that has a value appears in every format."""
    import io

    from briefcli.cli.environment import Environment
    from briefcli.index.connect import open_knowledge
    from briefcli.index.query import define_terms
    from briefcli.render import Output, get_renderer
    from briefcli.render.views import profile_fields

    conn = open_knowledge(Environment(environ={"BRIEF_CACHE_DIR": str(tmp_path)}), None).conn
    found, _ = define_terms(conn, ["KFOR"])
    out = io.StringIO()
    get_renderer(renderer, Output(out, False, 100)).define(found)
    text = out.getvalue()
    labels = [f.label for d in found for f in profile_fields(d)]
    assert "Tags" in labels and "Events" in labels
    for label in labels:
        assert label in text, (renderer, label)
    assert "Named by" not in text and "Latest events" not in text


def test_kinds_decide_what_is_listed_searched_and_where_pages_live() -> None:
    """A record kind is one KINDS entry: `brief list`, the site's folders and its search
    follow from it (a new kind needs no table of its own elsewhere)."""
    from briefcli.knowledge.model import KINDS, LISTS, SEARCH_KINDS
    from briefcli.site import search
    from briefcli.site.paths import KIND_FOLDERS

    assert set(LISTS) - {"tags"} == {k.section for k in KINDS.values() if k.listing}
    assert search.SEARCH_KINDS == SEARCH_KINDS
    assert set(KIND_FOLDERS) == set(KINDS)
    for kind in KINDS.values():
        assert kind.listed_by is None or kind.listed_by in kind.listing
        assert set(kind.listing) <= set(kind.fields)
        assert set(kind.text) <= set(kind.fields) and kind.title in kind.fields


def test_every_glossary_reader_is_registered_and_offered() -> None:
    """A glossary reader is one module and one READERS entry: `import --from`, its help
    and completion follow from it."""
    import typer

    from briefcli.authoring.glossaries import READERS, reader_function
    from briefcli.cli import app, grammar

    assert grammar.choices(grammar.GLOSSARIES) == tuple(READERS)
    command = typer.main.get_command(app.app).commands["import"]  # type: ignore[attr-defined]
    option = next(p for p in command.params if "--from" in p.opts)
    assert list(option.type.choices) == list(READERS)
    for reader in READERS.values():
        assert callable(reader_function(reader.name))
        assert reader.summary in (option.help or "")


@pytest.mark.parametrize("option", ["--since", "--until", "--limit", "--kind", "--short",
                                    "--reverse", "--data", "--strict", "--no-pager"])
def test_a_hot_option_is_written_in_the_table_and_the_typer_app_only(option: str) -> None:
    """Changing a hot option touches the command table and the Typer command, nothing
    else: its name is written (as a literal) in at most those two modules."""
    written = {name for name, path in modules().items()
               if f'"{option}"' in path.read_text(encoding="utf-8")}
    assert written <= {"briefcli.cli.grammar", "briefcli.cli.base", "briefcli.cli.queries"}
    assert len(written) <= 2, written
