"""The lean path answers exactly as the full command does, and imports neither Typer nor
Rich to do it.

A corpus of argument lists (every lean command, options in several orders, the forms of
--data, formats, widths, colour, misses and odd input) runs through both paths with the
same surroundings; stdout, stderr and the exit code must be the same. Where the lean path
leaves a call to the full command, it must have written nothing.
"""

from __future__ import annotations

import io
import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefcli.cli import app as cli
from briefcli.cli import lean
from briefcli.cli.environment import Environment

BUNDLED_TERMS = ["KFOR", "kfor", "Vucic", "Kosovo Force", "EULEX", "blinken", "EU"]


class Terminal(io.StringIO):
    """A stream that says it is a terminal (colour, tables), with no size of its own."""

    def isatty(self) -> bool:
        return True


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Knowledge with shared acronyms, tags, wide and combining characters, partial dates."""
    root = tmp_path_factory.mktemp("kb")
    entities = [
        "entities:",
        "  - id: tcp\n    name: Transmission Control Protocol\n    acronym: TCP\n"
        "    kind: protocol\n    tags: [network]\n    related: [ip]",
        "  - id: tcp-2\n    name: Trans-Canada Pipeline\n    acronym: TCP\n    kind: pipeline",
        "  - id: ip\n    name: Internet Protocol\n    acronym: IP\n    kind: protocol\n"
        "    tags: [network, 東京]\n    summary: The network layer of the internet, which "
        "carries packets from one host to another across networks.",
        "  - id: tokyo\n    name: 東京 Metropolis\n    aliases: [Tōkyō, Tokio]\n    kind: place",
    ]
    events = [
        "events:",
        "  - id: e1\n    date: '1974'\n    title: TCP described\n    entities: [tcp]\n"
        "    tags: [network]",
        "  - id: e2\n    date: 1981-09\n    title: IP specified in a document long enough to "
        "wrap at a narrow width of the terminal\n    entities: [ip, tcp]",
        "  - id: e3\n    date: 1983-01-01\n    end: 1983-02\n    title: The flag day\n"
        "    entities: [tcp, ip]\n    summary: Everyone moved at once.",
    ]
    briefings = [
        "briefings:",
        "  - date: 1983-01-01\n    title: A flag day\n    summary: It went well.\n"
        "    entities: [tcp]\n    events: [e3]",
        "  - id: second\n    date: 1983-01-01\n    title: The same day again\n    faqs: [q1]",
    ]
    faqs = [
        "faqs:",
        "  - id: q1\n    question: What is TCP?\n    answer: A protocol.\n    entities: [tcp]",
    ]
    write(root / "a.yaml", "\n".join(entities) + "\n")
    write(root / "b.yaml", "\n".join(events + briefings + faqs) + "\n")
    return root


def run(main: object, args: list[str], environ: dict[str, str], tty: bool) -> tuple:
    out = Terminal() if tty else io.StringIO()
    err = io.StringIO()
    env = Environment(out, err, dict(environ), cwd=environ.get("PWD"))
    try:
        main(args, env)  # type: ignore[operator]
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue(), err.getvalue()


def lean_only(args: list[str], environ: dict[str, str], tty: bool) -> tuple:
    """The lean path alone: (exit code or None, stdout, stderr)."""
    out = Terminal() if tty else io.StringIO()
    err = io.StringIO()
    env = Environment(out, err, dict(environ), cwd=environ.get("PWD"))
    return lean.answer(args, env), out.getvalue(), err.getvalue()


def corpus(kb: Path) -> list[tuple[list[str], dict[str, str], bool]]:
    """(arguments, extra environment, stdout a terminal) of every case."""
    data = str(kb)
    cases: list[list[str]] = []
    bundled = [
        ["define", *terms] for terms in ([t] for t in BUNDLED_TERMS)
    ] + [
        ["define", "KFOR", "EULEX"], ["define", "KFOR", "kfor"], ["define", "KFOR", "--short"],
        ["define", "-s", "EULEX", "KFOR"], ["define", "KFOR", "--json"],
        ["define", "--format", "markdown", "KFOR"], ["define", "-f", "JSON", "KFOR"],
        ["define", "--format=markdown", "EULEX"], ["define", "-fjson", "KFOR"],
        ["define", "KFOR", "--format", "html"], ["define", "KFOR", "--short", "--json"],
        ["define", "KFRO"], ["define", "KFOR", "nothing-like-it"], ["define"],
        ["define", "--", "-KFOR"], ["define", "KFOR", "--limit", "3"],
        ["timeline"], ["timeline", "Kosovo"], ["timeline", "KFOR", "--reverse"],
        ["timeline", "--since", "2023", "Kosovo"], ["timeline", "--until", "2023-09"],
        ["timeline", "--since", "2023-11", "--until", "2023-01"], ["timeline", "--limit", "2"],
        ["timeline", "--limit", "0"], ["timeline", "--limit", "x"], ["timeline", "--limit=1"],
        ["timeline", "Kosovo", "--json"], ["timeline", "-f", "markdown", "Kosovo"],
        ["timeline", "Kosvo"], ["timeline", "--since", "2023-02-30"], ["timeline", "a", "b"],
        ["search", "Kosovo"], ["search", "KFOR", "--limit", "1"],
        ["search", "--kind", "faq", "KFOR"],
        ["search", "--kind", "nope", "KFOR"], ["search", '"Kosovo Police"'],
        ["search", "Kosovo", "-sergeant"], ["search", "zzzzqqq"], ["search"],
        ["search", "Kos*", "--json"], ["search", "EU", "-f", "markdown"],
        ["show"], ["show", "2023-11-11"], ["show", "2023-11"], ["show", "2023"],
        ["show", "2023-02-30"], ["show", "1999"], ["show", "--json", "2023-11-11"],
        ["show", "2023-11-11", "--format", "markdown"], ["show", "nope"], ["show", "a", "b"],
        ["list", "entities"], ["list", "ENTITIES"], ["list", "events"], ["list", "briefings"],
        ["list", "faqs"], ["list", "sources"], ["list", "tags"], ["list", "entities", "--kind",
        "person"], ["list", "events", "--tag", "diplomacy"], ["list", "faqs", "--kind", "x"],
        ["list", "entities", "--json"], ["list", "sources", "-f", "markdown"], ["list"],
        ["list", "things"], ["list", "entities", "--kind", "persn"],
        ["faq"], ["faq", "KFOR"], ["faq", "EULEX", "--json"], ["faq", "nothing at all here"],
        ["faq", "-f", "markdown"],
        ["--color", "always", "define", "KFOR"], ["--color=never", "show"],
        ["--color", "sometimes", "show"], ["--strict", "define", "KFOR"], ["--no-pager", "show"],
        ["--debug", "show"], ["-V"], ["define", "--help"], ["show", "-h"], ["check"],
        ["define", "KFOR", "--json=1"], ["define", "-x", "KFOR"],
    ]
    cases += bundled
    own = [
        ["--data", data, "define", "TCP"], ["-d", data, "define", "tcp"],
        [f"--data={data}", "define", "TCP", "IP"], ["define", "TCP", "--data", data],
        ["define", "Tokio", "-d", data], ["define", "東京 metropolis", "-d", data],
        ["define", "tokyo", f"-d{data}"], ["--data", data, "timeline", "network"],
        ["--data", data, "timeline", "TCP", "--reverse", "--limit", "2"],
        ["--data", data, "timeline", "東京"], ["--data", data, "show", "1983-01-01"],
        ["--data", data, "show", "second"], ["--data", data, "show", "1983"],
        ["--data", data, "search", "protocol"], ["--data", data, "search", "TCP", "--json"],
        ["--data", data, "list", "tags"], ["--data", data, "list", "entities", "--kind",
        "protocol"], ["--data", data, "list", "events", "--tag", "NETWORK"],
        ["--data", data, "faq", "TCP"], ["--data", data, "define", "TCP", "-f", "markdown"],
        ["--data", str(kb / "a.yaml"), "define", "IP"],
        ["--data", str(kb / "missing"), "define", "IP"],
        # define --match, the root's options after the command, search's -word
        ["--data", data, "define", "--match", "prefix", "T"],
        ["--data", data, "define", "-m", "fuzzy", "TPC"], ["-d", data, "define", "-mregex", "^t"],
        ["--data", data, "define", "-m", "substring", "proto", "--json"],
        ["--data", data, "define", "-m", "prefix", "t", "--limit", "1"],
        ["--data", data, "define", "-m", "regex", "["], ["define", "-m", "prefix", "zzqx"],
        ["define", "-m", "prefix", "K", "-f", "markdown"], ["define", "-m=prefix", "K"],
        ["define", "--match=PREFIX", "K", "-f", "html"], ["define", "-m", "prefix", "K", "-s"],
        ["define", "KFOR", "--no-pager"], ["define", "KFOR", "--color", "never"],
        ["define", "KFOR", "--strict"], ["define", "KFOR", "--color=always", "--no-pager"],
        ["define", "KFOR", "--color"], ["search", "-kfor", "peace"], ["search", "EU", "-f", "html"],
        ["search", "-sergeant", "Kosovo", "-d", data], ["search", "-hello", "Kosovo"],
    ]
    cases += own
    out: list[tuple[list[str], dict[str, str], bool]] = []
    for args in cases:
        out.append((args, {}, False))
    # Widths, colour and terminals, on a sample of the answers that lay out text.
    layouts = [
        ["define", "KFOR"], ["show", "2023-11-11"], ["timeline", "Kosovo"], ["search", "EU"],
        ["--data", data, "define", "IP"], ["--data", data, "timeline"], ["list", "entities"],
        ["faq"], ["define", "KFOR", "--short"],
    ]
    for args, columns, tty, color in itertools.product(
        layouts, ["20", "33", "80", "150", "0", "junk"], [False, True],
        [{}, {"NO_COLOR": "1"}, {"FORCE_COLOR": "1"}],
    ):
        environ = {"COLUMNS": columns, **color}
        if not color:
            environ["NO_COLOR"] = ""
        out.append((args, environ, tty))
    # BRIEF_DATA and BRIEF_STRICT from the environment.
    out.append((["define", "TCP"], {"BRIEF_DATA": data}, False))
    out.append((["define", "TCP"], {"BRIEF_DATA": data, "BRIEF_STRICT": "1"}, False))
    return out


def environment(tmp: Path, extra: dict[str, str]) -> dict[str, str]:
    environ = {"BRIEF_CACHE_DIR": str(tmp / "cache"), "NO_COLOR": "1", "PWD": str(tmp)}
    environ.update(extra)
    if not environ.get("NO_COLOR"):
        environ.pop("NO_COLOR")
    return environ


def test_the_lean_path_answers_as_the_full_command(kb: Path, tmp_path: Path) -> None:
    answered = 0
    cases = corpus(kb)
    for args, extra, tty in cases:
        environ = environment(tmp_path, extra)
        full = run(cli.main, args, environ, tty)  # first: it also brings the index up
        code, out, err = lean_only(args, environ, tty)
        if code is None:
            assert (out, err) == ("", ""), f"lean wrote before leaving {args} to the full command"
        else:
            answered += 1
            assert (code, out, err) == full, f"the paths differ on {args} {extra} tty={tty}"
        assert run(lean.main, args, environ, tty) == full, f"brief {args} {extra} tty={tty}"
    # Most of the corpus is what the lean path exists for: it must answer it.
    assert answered >= len(cases) * 0.7, (answered, len(cases))


def test_the_lean_path_leaves_what_it_does_not_own(kb: Path, tmp_path: Path) -> None:
    environ = environment(tmp_path, {})
    for args in (["define", "--help"], ["define", "KFRO"], ["--debug", "show"], ["check"],
                 ["timeline", "--limit", "0"], ["show", "2023-02-30"], ["define", "-x", "K"],
                 ["timeline", "--svg", str(tmp_path / "t.svg")], ["list", "things"]):
        assert lean_only(args, environ, False) == (None, "", ""), args


def test_knowledge_with_errors_goes_to_the_full_command(tmp_path: Path) -> None:
    bad = write(tmp_path / "kb" / "bad.yaml", "entities:\n  - id: a\n    name: A\n  - id: a\n"
                "    name: B\n")
    environ = environment(tmp_path, {})
    args = ["--data", str(bad.parent), "define", "A"]
    full = run(cli.main, args, environ, False)
    assert "error" in full[2]
    assert lean_only(args, environ, False) == (None, "", "")
    assert run(lean.main, args, environ, False) == full


def test_an_edit_is_seen_by_the_lean_path(kb: Path, tmp_path: Path) -> None:
    data = tmp_path / "kb"
    write(data / "x.yaml", "entities:\n  - id: x\n    name: Xylophone\n    acronym: XY\n")
    environ = environment(tmp_path, {})
    args = ["--data", str(data), "define", "--short", "XY"]
    assert run(cli.main, args, environ, False)[:2] == (0, "XY: Xylophone\n")
    write(data / "x.yaml", "entities:\n  - id: x\n    name: Xenon lamp\n    acronym: XY\n")
    os.utime(data / "x.yaml", ns=(1, 1))  # a new stamp, whatever the clock's grain
    assert lean_only(args, environ, False) == (0, "XY: Xenon lamp\n", "")


def _imports(args: list[str], environ: dict[str, str]) -> list[str]:
    script = (
        "import sys\nfrom briefcli.cli.lean import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'typer', 'click', 'rich', 'yaml'})), file=sys.stderr)\n"
    )
    env = {**os.environ, **environ}
    result = subprocess.run([sys.executable, "-c", script, *args], env=env, text=True,
                            capture_output=True, timeout=60)
    return result.stderr.strip().splitlines()[-1].split() if result.stderr.strip() else []


def test_a_lookup_imports_no_framework(tmp_path: Path) -> None:
    environ = {"BRIEF_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    subprocess.run([sys.executable, "-m", "briefcli", "check"], env={**os.environ, **environ},
                   capture_output=True, timeout=120)  # builds the index
    for args in (["define", "KFOR"], ["timeline", "Kosovo", "--json"], ["search", "EU"],
                 ["show", "-f", "markdown"], ["list", "tags"], ["faq", "KFOR"]):
        assert _imports(args, environ) == [], args
    # Colour, too, is laid out without a framework.
    assert _imports(["define", "KFOR"], {**environ, "NO_COLOR": "", "FORCE_COLOR": "1"}) == []
    # What the lean path leaves to the full command does import it, and so does every
    # call with BRIEF_NO_LEAN set.
    assert "typer" in _imports(["define", "--help"], environ)
    assert "typer" in _imports(["define", "KFOR"], {**environ, "BRIEF_NO_LEAN": "1"})


@pytest.mark.parametrize("command", ["define", "show", "timeline", "search", "faq"])
def test_an_argument_that_is_not_text_is_a_usage_error(command: str, tmp_path: Path) -> None:
    env = {**os.environ, "BRIEF_CACHE_DIR": str(tmp_path / "c"), "LC_ALL": "C.UTF-8"}
    out = subprocess.run([sys.executable, "-m", "briefcli", command, b"K\xffR"], env=env,
                         capture_output=True, timeout=60)
    assert out.returncode == 2
    assert out.stderr == b"brief: argument 2 is not valid UTF-8 text: b'K\\xffR'\n"
    assert out.stdout == b""


TOKENS = [
    "define", "timeline", "search", "show", "list", "faq", "check", "--data", "-d", "--json",
    "-f", "--format", "json", "markdown", "html", "terminal", "JSON", "--limit", "1", "0",
    "x", "--since", "--until", "2023", "2023-11", "2023-13", "--kind", "entity", "person",
    "--tag", "security", "KFOR", "kosovo", "EU", "Vucic", "--", "-s", "--short", "--reverse",
    "--strict", "--color", "always", "never", "--no-pager", "entities", "tags", "faqs", "",
    "-", "--limit=2", "--format=markdown", "-fjson", "police", "2023-11-11", "nope",
]


def test_random_calls_get_the_same_answer_on_both_paths(tmp_path: Path) -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    from conftest import examples, fixed_settings

    environ = environment(tmp_path, {})
    run(cli.main, ["check"], environ, False)  # the index, built once

    answered = []

    @fixed_settings(examples(400))
    @given(
        st.lists(st.sampled_from(["--strict", "--no-pager", "--color", "never"]), max_size=2),
        st.sampled_from(["define", "timeline", "search", "show", "list", "faq"]),
        st.lists(st.sampled_from(TOKENS), max_size=5),
    )
    def same(root: list[str], command: str, rest: list[str]) -> None:
        args = [*root, command, *rest]
        code, out, err = lean_only(args, environ, False)
        if code is None:
            assert (out, err) == ("", "")
        else:
            answered.append(args)
            assert (code, out, err) == run(cli.main, args, environ, False), args

    same()
    assert answered  # the lean path took part (most random calls are misses or usage)
