"""Shell completion: the knowledge on TAB, through a real bash and through `answer()`.

`complete.answer()` answers without Typer; the CLI's `autocompletion=` callbacks give
the same candidates through Typer's own completion. The tests check both, that they
agree, and that a TAB never builds a large index nor prints on stderr.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from briefcli.cli import app as cli
from briefcli.cli import complete
from briefcli.cli.complete import answer
from briefcli.cli.environment import Environment
from briefcli.cli.grammar import COMMANDS, ROOT
from conftest import write

BASH = shutil.which("bash")
BIN = Path(sys.executable).parent


def knowledge(entities: list[dict[str, str]], briefings: tuple[str, ...] = ()) -> str:
    """A knowledge file with these entities (id, name, acronym, tags) and briefings."""
    lines = ["format: 1", "entities:"]
    for e in entities:
        lines.append(f"  - id: {e['id']}")
        lines.append(f"    name: {e['name']}")
        if "acronym" in e:
            lines.append(f"    acronym: {e['acronym']}")
        if "tags" in e:
            lines.append(f"    tags: [{e['tags']}]")
    if briefings:
        lines.append("briefings:")
        for i, date in enumerate(briefings):
            lines += [f"  - id: day-{i}", f"    date: {date}", f"    title: Day {i}"]
    return "\n".join(lines) + "\n"


TEAM = [
    {"id": "tcp", "name": "Transmission Control Protocol", "acronym": "TCP", "tags": "net"},
    {"id": "tcpa", "name": "Telephone Consumer Protection Act", "acronym": "TCPA"},
    {"id": "udp", "name": "User Datagram Protocol", "acronym": "UDP", "tags": "net, transport"},
]


@pytest.fixture
def team_kb(tmp_path: Path) -> Path:
    return write(tmp_path / "kb" / "net.yaml", knowledge(TEAM, ("2024-02-01", "2024-03-05")))


def environ(tmp_path: Path, **more: str) -> dict[str, str]:
    return {"BRIEF_CACHE_DIR": str(tmp_path / "cache"), "HOME": str(tmp_path / "home"), **more}


def bash_request(line: str, **more: str) -> dict[str, str]:
    """The variables Typer's bash script passes for the line, the cursor at its end."""
    words = complete.split_arg_string(line) + ([""] if line.endswith(" ") else [])
    return {"_BRIEF_COMPLETE": "complete_bash", "COMP_WORDS": "\n".join(words),
            "COMP_CWORD": str(len(words) - 1), **more}


def lean(env: dict[str, str]) -> tuple[int | None, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        code = answer(env, out)
    return code, out.getvalue(), err.getvalue()


def through_typer(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    """The same request answered by Typer's completion, in-process."""
    for name in ("COMP_WORDS", "COMP_CWORD", "_TYPER_COMPLETE_ARGS",
                 "_TYPER_COMPLETE_FISH_ACTION", "_BRIEF_COMPLETE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            cli.main([], Environment(out, err, env))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue(), err.getvalue()


# ------------------------------------------------------------ the table is the app's


def _typer_params(
    command: typer.core.TyperCommand | typer.core.TyperGroup, ctx: typer.Context
) -> tuple[dict[str, bool], list[int]]:
    """Options (name -> takes a value) and the nargs of the arguments of a command."""
    options: dict[str, bool] = {}
    arguments: list[int] = []
    for param in command.get_params(ctx):
        if isinstance(param, typer.core.TyperOption):
            for name in [*param.opts, *param.secondary_opts]:
                options[name] = not (param.is_flag or param.count)
        else:
            arguments.append(param.nargs)
    return options, arguments


def test_the_table_of_commands_is_the_apps() -> None:
    group = typer.main.get_command(cli.app)
    assert sorted(COMMANDS) == sorted(group.commands), (  # type: ignore[attr-defined]
        "add the command to briefcli.cli.grammar.COMMANDS"
    )
    root = typer.Context(group, info_name="brief", **group.context_settings)
    for name, entry in [("", ROOT), *COMMANDS.items()]:
        command = group if not name else group.commands[name]  # type: ignore[attr-defined]
        ctx = root if not name else typer.Context(command, info_name=name, parent=root)
        options, arguments = _typer_params(command, ctx)
        table = {option: spec.value is not None for option, spec in entry.options.items()}
        assert table == options, name
        if name:
            assert len(entry.arguments) == len(arguments), name
            assert entry.variadic == (arguments[-1:] == [-1]), name


# ------------------------------------------------------------ answer(): what is offered


def test_define_offers_acronyms_names_aliases_and_ids(tmp_path: Path, team_kb: Path) -> None:
    env = environ(tmp_path, BRIEF_DATA=str(team_kb))
    assert lean({**env, **bash_request("brief define TC")}) == (0, "TCP\nTCPA\n", "")
    assert lean({**env, **bash_request("brief define T")})[1].split("\n") == [
        "TCP", "TCPA", r"Telephone\ Consumer\ Protection\ Act",  # quoted: bash inserts them
        r"Transmission\ Control\ Protocol", "",
    ]
    assert lean({**env, **bash_request("brief define tc")})[1] == "tcp\ntcpa\n"  # the ids
    assert lean({**env, **bash_request("brief define UDP T")})[1].startswith("TCP\n")


def test_timeline_offers_entities_and_tags(tmp_path: Path, team_kb: Path) -> None:
    env = environ(tmp_path, BRIEF_DATA=str(team_kb))
    assert lean({**env, **bash_request("brief timeline U")})[1] == (
        "UDP\nUser\\ Datagram\\ Protocol\n"  # quoted: bash inserts it as it is
    )
    assert lean({**env, **bash_request("brief timeline n")})[1] == "net\n"
    assert lean({**env, **bash_request("brief timeline --since 2020 t")})[1] == "transport\n"
    assert lean({**env, **bash_request("brief timeline UDP U")})[1] == "\n"  # one topic only


def test_list_offers_the_kinds_and_tags_of_the_knowledge(tmp_path: Path) -> None:
    kb = write(tmp_path / "kb" / "k.yaml", "format: 1\nentities:\n"
               "  - {id: ann, name: Ann, kind: person, tags: [Kosovo, peace]}\n"
               "  - {id: un, name: United Nations, kind: organization}\n"
               "  - {id: kfor, name: KFOR, kind: organization, tags: [kosovo]}\n"
               "events:\n  - {id: e, date: '2024', title: E, tags: [pact]}\n")
    env = environ(tmp_path, BRIEF_DATA=str(kb))
    assert lean({**env, **bash_request("brief list entities --kind ")})[1] == (
        "organization\nperson\n"
    )
    assert lean({**env, **bash_request("brief list entities --kind p")})[1] == "person\n"
    assert lean({**env, **bash_request("brief list events --tag p")})[1] == "pact\npeace\n"
    assert lean({**env, **bash_request("brief list entities --tag=k")})[1] == "kosovo\n"
    # not file names: the folder holds k.yaml
    assert lean({**env, **bash_request("brief list entities --kind k")})[1] == "\n"


def test_show_offers_briefing_dates_and_ids(tmp_path: Path, team_kb: Path) -> None:
    env = environ(tmp_path, BRIEF_DATA=str(team_kb))
    assert lean({**env, **bash_request("brief show 2024-")})[1] == "2024-02-01\n2024-03-05\n"
    assert lean({**env, **bash_request("brief show d")})[1] == "day-0\nday-1\n"


def test_edit_offers_the_ids_of_every_kind(tmp_path: Path, team_kb: Path) -> None:
    env = environ(tmp_path, BRIEF_DATA=str(team_kb))
    assert lean({**env, **bash_request("brief edit ")})[1] == "day-0\nday-1\ntcp\ntcpa\nudp\n"
    assert lean({**env, **bash_request("brief edit --kind e")})[1] == "entity\nevent\n"


def test_kinds_lists_and_choices(tmp_path: Path) -> None:
    env = environ(tmp_path)
    assert lean({**env, **bash_request("brief search --kind ")})[1] == (
        "entity\nevent\nfaq\nbriefing\nsource\n"
    )
    assert lean({**env, **bash_request("brief list ")})[1] == (
        "entities\nevents\nbriefings\nfaqs\nsources\ntags\n"
    )
    assert lean({**env, **bash_request("brief --color A")})[1] == "auto\nalways\n"
    assert lean({**env, **bash_request("brief export -f d")})[1] == "dictd\n"


def test_the_data_on_the_line_is_honoured(tmp_path: Path, team_kb: Path) -> None:
    env = environ(tmp_path)
    for line in (
        f"brief --data {team_kb} define TC", f"brief define --data {team_kb} TC",
        f"brief -d {team_kb} define TC", f"brief define -d{team_kb} TC",
        f"brief define --data={team_kb} TC",
    ):
        assert lean({**env, **bash_request(line)})[1] == "TCP\nTCPA\n", line
    # bash passes `--data=kb` as three words
    split = {**env, **bash_request("brief define TC"),
             "COMP_WORDS": f"brief\n--data\n=\n{team_kb}\ndefine\nTC", "COMP_CWORD": "5"}
    assert lean(split)[1] == "TCP\nTCPA\n"
    # fish passes what is written before the program, BRIEF_DATA=... included
    fish = {**env, "_BRIEF_COMPLETE": "complete_fish", "_TYPER_COMPLETE_FISH_ACTION": "get-args",
            "_TYPER_COMPLETE_ARGS": f"BRIEF_DATA={team_kb} brief define TC"}
    assert lean(fish)[1] == "TCP\nTCPA\n"
    assert lean({**env, **bash_request("brief define TC")})[1] == "\n"  # the bundled one


def test_files_are_left_to_the_shell(tmp_path: Path) -> None:
    env = environ(tmp_path)
    assert lean({**env, **bash_request("brief --data ")}) == (0, "\n", "")
    assert lean({**env, **bash_request("brief export -o al")}) == (0, "\n", "")
    zsh = {**env, "_BRIEF_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "brief ingest ar"}
    assert lean(zsh) == (0, "_files\n", "")


def test_names_of_commands_and_options_are_left_to_typer(tmp_path: Path) -> None:
    env = environ(tmp_path)
    for line in ("brief def", "brief define --sh", "brief --data kb ", "brief nosuch x",
                 "brief define --nosuch K"):
        assert lean({**env, **bash_request(line)}) == (None, "", ""), line
    assert lean(env) == (None, "", "")  # not a completion request
    assert lean({**env, "_BRIEF_COMPLETE": "complete_powershell"}) == (None, "", "")


def test_zsh_output_format(tmp_path: Path) -> None:
    kb = write(tmp_path / "kb.yaml", knowledge([
        {"id": "a", "name": '"Q: $x `y` it\'s"', "acronym": "QX"},
        {"id": "b", "name": "Quartz"},
    ]))
    env = {**environ(tmp_path, BRIEF_DATA=str(kb)), "_BRIEF_COMPLETE": "complete_zsh"}
    code, out, err = lean({**env, "_TYPER_COMPLETE_ARGS": "brief define Q"})
    assert (code, err) == (0, "")
    assert out == (
        "_arguments '*: :((\"Q\\\\: \\$x \\`y\\` it''s\"\n"
        "\"QX\"\n"
        "\"Quartz\"))'\n"
    )
    assert lean({**env, "_TYPER_COMPLETE_ARGS": "brief define Z"})[1] == "_files\n"


def test_fish_output_format(tmp_path: Path, team_kb: Path) -> None:
    env = {**environ(tmp_path, BRIEF_DATA=str(team_kb)), "_BRIEF_COMPLETE": "complete_fish"}
    get = {**env, "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
    assert lean({**get, "_TYPER_COMPLETE_ARGS": "brief define TC"}) == (0, "TCP\nTCPA\n", "")
    assert lean({**get, "_TYPER_COMPLETE_ARGS": "brief define ZZ"}) == (0, "\n", "")
    check = {**env, "_TYPER_COMPLETE_FISH_ACTION": "is-args"}
    assert lean({**check, "_TYPER_COMPLETE_ARGS": "brief define TC"}) == (0, "", "")
    assert lean({**check, "_TYPER_COMPLETE_ARGS": "brief define ZZ"}) == (1, "", "")


def test_values_a_shell_would_run_are_never_offered(tmp_path: Path) -> None:
    kb = write(tmp_path / "kb.yaml", knowledge([
        {"id": "a", "name": '"Evil\\nrm -rf ~"'}, {"id": "b", "name": '"Eve\\e[31m"'},
        {"id": "c", "name": "Eventual"},
    ]))
    env = environ(tmp_path, BRIEF_DATA=str(kb))
    assert lean({**env, **bash_request("brief define Ev")})[1] == "Eventual\n"


# ------------------------------------------------------------ the index a TAB reads


def index_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").glob("index-*.sqlite"))


def big_knowledge(folder: Path, entities: int) -> Path:
    rows = [{"id": f"e{i}", "name": f"Entity number {i}", "acronym": f"KX{i}"}
            for i in range(entities)]
    return write(folder / "big.yaml", knowledge(rows))


def test_a_large_knowledge_without_index_offers_nothing_and_builds_nothing(
    tmp_path: Path
) -> None:
    kb = big_knowledge(tmp_path / "big", 1500)
    assert kb.stat().st_size > complete.SMALL_KNOWLEDGE
    env = environ(tmp_path, BRIEF_DATA=str(kb))
    assert lean({**env, **bash_request("brief define KX1")}) == (0, "\n", "")
    assert index_files(tmp_path) == []


def test_a_large_knowledge_is_completed_from_its_index_even_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = write(tmp_path / "kb.yaml", knowledge(TEAM))
    env = environ(tmp_path, BRIEF_DATA=str(kb))
    assert lean({**env, **bash_request("brief define TC")})[1] == "TCP\nTCPA\n"  # built
    [index] = index_files(tmp_path)
    before = index.stat().st_mtime_ns
    monkeypatch.setattr(complete, "SMALL_KNOWLEDGE", 10)  # now it counts as large
    write(kb, knowledge([*TEAM, {"id": "tcpip", "name": "TCP/IP", "acronym": "TCPIP"}]))
    assert lean({**env, **bash_request("brief define TC")})[1] == "TCP\nTCPA\n"  # as it was
    assert index.stat().st_mtime_ns == before
    monkeypatch.setattr(complete, "SMALL_KNOWLEDGE", 64 * 1024)  # small: brought up to date
    assert lean({**env, **bash_request("brief define TC")})[1] == "TCP\nTCP/IP\nTCPA\nTCPIP\n"


def test_a_damaged_index_or_a_missing_path_offers_nothing(tmp_path: Path) -> None:
    env = environ(tmp_path, BRIEF_DATA=str(tmp_path / "nowhere"))
    assert lean({**env, **bash_request("brief define T")}) == (0, "\n", "")
    kb = big_knowledge(tmp_path / "big", 1500)
    from briefcli.index.cache import index_file

    target = index_file(tmp_path / "cache", [kb])
    target.parent.mkdir(parents=True)
    target.write_bytes(b"not a database" * 100)
    env = environ(tmp_path, BRIEF_DATA=str(kb))
    assert lean({**env, **bash_request("brief define T")}) == (0, "\n", "")


def test_too_many_matches_offer_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kb = write(tmp_path / "kb.yaml", knowledge(TEAM))
    env = environ(tmp_path, BRIEF_DATA=str(kb))
    monkeypatch.setattr(complete, "MAX_CANDIDATES", 2)
    assert lean({**env, **bash_request("brief define T")})[1] == "\n"
    assert lean({**env, **bash_request("brief define TC")})[1] == "TCP\nTCPA\n"


# ------------------------------------------------------------ both paths agree


@pytest.mark.parametrize("line", [
    "brief define TC", "brief define T", "brief define ", "brief timeline n",
    "brief timeline U", "brief show 2024-", "brief edit t", "brief search --kind e",
    "brief edit --kind ", "brief list e", "brief --color a", "brief define -f m",
    "brief import x --from D", "brief --data {kb} define U", "brief define --data {kb} U",
    "brief export -o a", "brief site pu", "brief timeline --svg pi", "brief ingest ar",
    "brief import gl", "brief list entities -f ", "brief faq --format m", "brief check -f g",
    "brief timeline -f t", "brief export --format ", "brief list entities --kind ",
    "brief list events --tag n", "brief list entities --tag=t",
])
def test_typer_gives_the_same_answer(
    line: str, tmp_path: Path, team_kb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = environ(tmp_path) if "{kb}" in line else environ(tmp_path, BRIEF_DATA=str(team_kb))
    line = line.format(kb=team_kb)
    requests = [
        bash_request(line),
        {"_BRIEF_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line},
        {"_BRIEF_COMPLETE": "complete_fish", "_TYPER_COMPLETE_ARGS": line,
         "_TYPER_COMPLETE_FISH_ACTION": "get-args"},
        {"_BRIEF_COMPLETE": "complete_fish", "_TYPER_COMPLETE_ARGS": line,
         "_TYPER_COMPLETE_FISH_ACTION": "is-args"},
    ]
    for request in requests:
        lean_code, lean_out, lean_err = lean({**env, **request})
        assert lean_code is not None and lean_err == ""
        assert (lean_code, lean_out, "") == through_typer({**env, **request}, monkeypatch), request


# ------------------------------------------------------------ through a real bash


def run_bash(tmp_path: Path, script: str, **more: str) -> subprocess.CompletedProcess[str]:
    assert BASH is not None
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "HOME": str(home),
        "BRIEF_CACHE_DIR": str(tmp_path / "cache"), "LANG": "C.UTF-8", **more,
    }
    return subprocess.run([BASH, "--norc", "--noprofile", "-c", script], capture_output=True,
                          text=True, env=env, timeout=60)


def tab(words: list[str], *, current: str = "") -> str:
    """Bash lines that complete `words` (the last one is the word under the cursor) the
    way bash does, and print what it would offer, one per line, between markers."""
    quoted = " ".join("'" + w.replace("'", "'\\''") + "'" for w in words)
    line = " ".join(words)
    return (
        f"COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; COMP_LINE='{line}'; "
        f"COMP_POINT={len(line)}; COMPREPLY=(); _brief_completion brief; "
        "echo '<<'; printf '%s\\n' \"${COMPREPLY[@]}\"; echo '>>'\n"
    )


def offered(output: str) -> list[list[str]]:
    blocks = output.split("<<\n")[1:]
    return [[v for v in block.split(">>")[0].split("\n") if v] for block in blocks]


@pytest.mark.skipif(BASH is None, reason="bash is not installed")
def test_completion_through_bash(tmp_path: Path, team_kb: Path) -> None:
    if not (BIN / "brief").exists():
        pytest.skip("the brief command is not installed beside this Python")
    script = run_bash(tmp_path, "brief --show-completion bash")
    assert script.returncode == 0, script.stderr
    assert "complete -o default -F _brief_completion brief" in script.stdout
    (tmp_path / "brief.bash").write_text(script.stdout)
    lines = [
        ["brief", "def"],
        ["brief", "define", "KF"],
        ["brief", "--data", str(team_kb), "define", "TC"],
        ["brief", "timeline", "Kos"],
        ["brief", "show", "2023-"],
        ["brief", "search", "--kind", ""],
    ]
    r = run_bash(tmp_path, f"source {tmp_path / 'brief.bash'}\n" + "".join(tab(w) for w in lines))
    assert r.stderr == ""
    assert offered(r.stdout) == [
        ["define"],
        ["KFOR"],
        ["TCP", "TCPA"],
        ["Kosovo", r"Kosovo\ Force", r"Kosovo\ Police"],  # one word each, as bash inserts them
        ["2023-11-11"],
        ["entity", "event", "faq", "briefing", "source"],
    ]


@pytest.mark.skipif(BASH is None, reason="bash is not installed")
def test_a_large_knowledge_through_bash_builds_nothing(tmp_path: Path) -> None:
    if not (BIN / "brief").exists():
        pytest.skip("the brief command is not installed beside this Python")
    kb = big_knowledge(tmp_path / "big", 1500)
    script = run_bash(tmp_path, "brief --show-completion bash").stdout
    (tmp_path / "brief.bash").write_text(script)
    r = run_bash(tmp_path, f"source {tmp_path / 'brief.bash'}\n"
                 + tab(["brief", "define", "KX1"]) + tab(["brief", "-d", str(kb), "define", "KX"]),
                 BRIEF_DATA=str(kb))
    assert (r.stderr, offered(r.stdout)) == ("", [[], []])
    assert index_files(tmp_path) == []
