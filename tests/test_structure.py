"""Wrong outputs that came from a concept without one owner, each pinned by a test.

Formats (one registry: choices at parse time, --json is --format json, one JSON
document on every path), problems that must not cascade, and database errors that are
not damage.
"""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
from pathlib import Path

import pytest

from conftest import FIXTURES, write

GOOD = str(FIXTURES / "good")

TWO_BRIEFINGS = """\
briefings:
  - id: morning
    date: 2024-03-01
    title: Morning call
    body: [First page.]
  - id: evening
    date: 2024-03-01
    title: Evening call
    body: [Second page.]
"""


@pytest.fixture
def two(tmp_path: Path) -> str:
    return str(write(tmp_path / "two.yaml", TWO_BRIEFINGS))


# ---------------------------------------------------------------- one JSON document


@pytest.mark.parametrize("flag", [["--json"], ["--format", "json"], ["-f", "JSON"]])
def test_a_day_with_two_briefings_is_one_json_document(brief, two, flag):
    r = brief("show", "2024-03-01", "--data", two, *flag)
    assert r.code == 0
    assert [b["id"] for b in json.loads(r.stdout)] == ["morning", "evening"]


def test_two_briefings_of_a_day_are_separated_in_markdown(brief, two):
    r = brief("show", "2024-03-01", "--data", two, "--format", "markdown")
    assert r.code == 0
    first, second = r.stdout.split("\n\n---\n\n")
    assert first.startswith("# Morning call") and "First page." in first
    assert second.startswith("# Evening call") and "Second page." in second


def test_two_briefings_of_a_day_are_separated_in_the_terminal(brief, two):
    r = brief("show", "2024-03-01", "--data", two)
    assert r.code == 0
    lines = r.stdout.splitlines()
    rule = next(i for i, line in enumerate(lines) if set(line) == {"━"})
    assert "Morning call" in "\n".join(lines[:rule])
    assert "Evening call" in "\n".join(lines[rule:])
    assert lines[rule - 1] == "" and lines[rule + 1] == ""


@pytest.mark.parametrize(
    "args",
    [
        ["define", "NOPE"],
        ["show", "1900"],
        ["show", "no-such-id"],
        ["timeline", "Kosovo", "--since", "2030"],
        ["timeline", "nothing-like-this"],
        ["search", "zzzzqqq"],
    ],
)
@pytest.mark.parametrize("flag", [["--json"], ["--format", "json"]])
def test_an_empty_json_answer_is_an_empty_array(brief, args, flag):
    r = brief(*args, *flag)
    assert r.code == 1
    assert json.loads(r.stdout) == []
    assert r.stderr.startswith("brief: ")


def test_invalid_knowledge_in_json_is_still_one_document(brief, tmp_path):
    bad = write(tmp_path / "bad.yaml", "events:\n  - id: e\n    date: 2023-02-30\n    title: t\n")
    r = brief("timeline", "--data", str(bad), "--json", BRIEF_STRICT="1")
    assert r.code == 1
    assert json.loads(r.stdout) == []


# ---------------------------------------------------------------- format choices


def test_a_format_the_view_does_not_have_is_a_usage_error_before_the_query(brief):
    r = brief("show", "1900", "--format", "yaml")
    assert r.code == 2
    assert "no briefing" not in r.stderr
    assert "'yaml' is not one of 'terminal', 'json', 'markdown'" in r.stderr


def test_json_and_another_format_disagree(brief):
    r = brief("define", "KFOR", "--json", "--format", "markdown")
    assert r.code == 2
    assert r.stdout == ""
    assert "--json means --format json" in r.stderr


def test_json_and_format_json_agree(brief):
    assert json.loads(brief("define", "KFOR", "--json", "-f", "json").stdout)[0]["id"] == "kfor"


@pytest.mark.parametrize("name", ["JSON", "Json", "MARKDOWN"])
def test_format_names_are_case_insensitive(brief, name):
    r = brief("define", "KFOR", "-f", name)
    assert r.code == 0
    assert r.stdout.startswith("[" if name.lower() == "json" else "# KFOR")


@pytest.mark.parametrize(
    ("command", "choices"),
    [
        ("show", "terminal, json, markdown, html"),
        ("define", "terminal, json, markdown, html"),
        ("timeline", "terminal, json, markdown, html, timelinejs"),
        ("search", "terminal, json, markdown, html"),
        ("list", "terminal, json, markdown, html"),
        ("faq", "terminal, json, markdown, html"),
        ("check", "terminal, json, markdown, github"),
        ("export", "yaml, json, dictd"),
    ],
)
def test_help_lists_the_formats_of_the_view(brief, command, choices):
    r = brief(command, "--help", COLUMNS="200")
    assert f"Output format: {choices}." in " ".join(r.stdout.split())


def test_export_takes_its_formats_from_the_registry(brief):
    assert brief("export").stdout.startswith("format: 1\n")
    assert json.loads(brief("export", "--json").stdout)["format"] == 1
    assert brief("export", "-f", "markdown").code == 2


# ---------------------------------------------------------------- problems do not cascade

ENTITIES = """\
entities:
  - id: kfor
    name: Kosovo Force
    aliasses: [KFOR]
  - id: nato
    name: NATO
    related: [kfor]
events:
  - id: e1
    date: 2023
    title: An event
    entities: [kfor, nato]
"""


def test_a_reference_to_an_invalid_record_is_not_unknown(brief, tmp_path):
    kb = write(tmp_path / "kb.yaml", ENTITIES)
    r = brief("check", "--data", str(kb))
    assert r.code == 1
    assert r.stdout.splitlines() == [
        f"{kb}:4:5: error: unknown key 'aliasses' in an entity (did you mean 'aliases'?) "
        "[unknown-key]"
    ]


def test_references_are_checked_again_once_the_record_is_fixed(brief, tmp_path):
    kb = write(tmp_path / "kb.yaml", ENTITIES)
    brief("check", "--data", str(kb))
    write(kb, ENTITIES.replace("  - id: kfor\n    name: Kosovo Force\n    aliasses: [KFOR]\n", ""))
    r = brief("check", "--data", str(kb))
    assert [line.split(": ")[-1] for line in r.stdout.splitlines()] == [
        "unknown entity id 'kfor' in 'related' of entity 'nato' [unknown-ref]",
        "unknown entity id 'kfor' in 'entities' of event 'e1' [unknown-ref]",
    ]


def test_an_unknown_section_hides_unknown_references(brief, tmp_path):
    people = write(tmp_path / "people.yaml", "entites:\n  - id: kfor\n    name: Kosovo Force\n")
    write(tmp_path / "events.yaml", ENTITIES.split("events:\n")[1].join(["events:\n", ""]))
    r = brief("check", "--data", str(tmp_path))
    assert r.code == 1
    assert r.stdout.splitlines() == [
        f"{people}:1:1: error: unknown top-level key 'entites' (did you mean 'entities'?); "
        "expected one of format, entities, events, faqs, briefings, sources [unknown-key]"
    ]


def test_a_syntax_error_hides_unknown_references_elsewhere(brief, tmp_path):
    broken = write(tmp_path / "broken.yaml", "entities:\n  - id: kfor\n    name: [Kosovo\n")
    write(tmp_path / "events.yaml", ENTITIES.split("events:\n")[1].join(["events:\n", ""]))
    r = brief("check", "--data", str(tmp_path))
    errors = [line for line in r.stdout.splitlines() if ": error: " in line]
    assert [line.split(":")[0] for line in errors] == [str(broken)]
    assert "[syntax]" in r.stdout


# ---------------------------------------------------------------- only damage is damage


def test_a_database_error_that_is_not_damage_keeps_the_index(brief, monkeypatch, tmp_path):
    import briefcli.index.query

    assert brief("define", "KFOR").code == 0  # the index exists
    index = next((tmp_path / "cache").glob("index-*.sqlite"))

    def limited(*args, **kwargs):
        raise sqlite3.OperationalError("too many SQL variables")

    monkeypatch.setattr(briefcli.index.query, "find_terms", limited)
    r = brief("define", "KFOR")
    assert r.code == 70
    assert "damaged" not in r.stderr
    assert "too many SQL variables" in r.stderr
    assert index.exists()


def test_damage_found_after_output_began_is_not_answered_twice(brief, monkeypatch):
    import briefcli.render.jsonout as jsonout

    calls = []
    real = jsonout.JsonRenderer.define

    def damaged_after_writing(self, defs):
        real(self, defs)
        calls.append(1)
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(jsonout.JsonRenderer, "define", damaged_after_writing)
    r = brief("define", "KFOR", "--json")
    assert calls == [1]
    assert r.code == 70
    assert json.loads(r.stdout)[0]["id"] == "kfor"


def test_damage_found_while_answering_is_rebuilt_once(brief, monkeypatch):
    import briefcli.index.query

    real = briefcli.index.query.find_terms
    calls = []

    def damaged_once(conn, term):
        calls.append(term)
        if len(calls) == 1:
            raise sqlite3.DatabaseError("database disk image is malformed")
        return real(conn, term)

    monkeypatch.setattr(briefcli.index.query, "find_terms", damaged_once)
    r = brief("define", "KFOR", "--json")
    assert r.code == 0
    assert len(json.loads(r.stdout)) == 1
    assert "damaged; rebuilding it" in r.stderr


# ---------------------------------------------------------------- surroundings


def run_in(cwd: Path, args: list[str], **environ: str) -> tuple[str, str]:
    """`brief ARGS` with an Environment whose current folder is `cwd`: (stdout, stderr)."""
    import contextlib
    import io

    from briefcli.cli import app as cli
    from briefcli.cli.environment import Environment

    out, err = io.StringIO(), io.StringIO()
    env = Environment(out, err, {"NO_COLOR": "1", **environ}, cwd=str(cwd))
    with contextlib.suppress(SystemExit), contextlib.redirect_stderr(err):
        cli.main(args, env)
    return out.getvalue(), err.getvalue()


def test_a_relative_cache_folder_is_taken_from_the_current_folder(tmp_path: Path) -> None:
    for _ in range(2):  # the second call reads the index the first one wrote
        out, err = run_in(tmp_path, ["define", "KFOR", "--json"], BRIEF_CACHE_DIR="relcache")
        assert (json.loads(out)[0]["id"], err) == ("kfor", "")
    assert list((tmp_path / "relcache").glob("index-*.sqlite"))


def test_check_names_files_relative_to_the_given_current_folder(tmp_path: Path) -> None:
    write(tmp_path / "kb" / "bad.yaml", "events:\n  - id: e\n    date: 2023-02-30\n    title: t\n")
    out, _ = run_in(tmp_path, ["check", "--data", str(tmp_path / "kb")],
                    BRIEF_CACHE_DIR=str(tmp_path / "c"))
    assert out.startswith("kb/bad.yaml:3:11: error: ")


# ---------------------------------------------------------------- edges (exit codes, widths)


def test_an_impossible_date_on_the_command_line_is_a_usage_error(brief) -> None:
    r = brief("show", "2023-02-30")
    assert r.code == 2
    assert "not a real date" in r.stderr


def test_since_after_until_is_a_usage_error(brief) -> None:
    r = brief("timeline", "--since", "2024", "--until", "2023-06")
    assert r.code == 2
    assert "--since 2024 is after --until 2023-06" in r.stderr


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    import subprocess
    import sys

    env = {"BRIEF_CACHE_DIR": str(tmp_path / "c"), "PATH": "/usr/bin:/bin"}
    script = f"{sys.executable} -m briefcli timeline | head -c 1 >/dev/null; " \
        'echo "${PIPESTATUS[0]}"'
    for _ in range(2):  # the first call builds the index
        out = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True,
                             timeout=60)
    assert out.stdout.strip() in ("141", "0")  # 0 when all fitted in the pipe first
    assert out.stderr == ""


def test_a_closed_pipe_in_the_terminal_renderer_is_141(brief, monkeypatch) -> None:
    from briefcli.render.terminal import TerminalRenderer

    def closed(self, *args, **kwargs):
        raise BrokenPipeError

    monkeypatch.setattr(TerminalRenderer, "_emit", closed)
    r = brief("show")
    assert (r.code, r.stderr) == (141, "")


@pytest.mark.parametrize("columns", ["0", "-3", "abc", "5", "999999"])
def test_nonsense_widths_fall_back_to_a_sane_width(brief, columns) -> None:
    r = brief("show", COLUMNS=columns)
    assert r.code == 0
    assert max(len(line) for line in r.stdout.splitlines()) <= 80


def test_a_month_briefing_does_not_hide_the_month(brief, tmp_path) -> None:
    kb = write(tmp_path / "kb.yaml", "briefings:\n  - date: 2023-11\n    title: The month\n"
               "  - date: 2023-11-11\n    title: A day\n")
    r = brief("show", "2023-11", "--data", str(kb), "--json")
    assert [b["title"] for b in json.loads(r.stdout)] == ["The month", "A day"]


def test_long_urls_are_never_broken(brief, tmp_path) -> None:
    url = "https://example.org/" + "a" * 150
    kb = write(tmp_path / "kb.yaml", f"entities:\n  - id: x\n    name: X\n    sources: [s]\n"
               f"sources:\n  - id: s\n    title: A source\n    url: {url}\n")
    r = brief("define", "x", "--data", str(kb), COLUMNS="60")
    assert f"    {url}" in r.stdout.splitlines()


def test_a_folder_without_knowledge_files_is_named(brief, tmp_path) -> None:
    (tmp_path / "empty").mkdir()
    for args in (("check",), ("timeline",)):
        r = brief(*args, "--data", str(tmp_path / "empty"))
        assert f"warning: {tmp_path / 'empty'} holds no knowledge files" in r.stderr


def test_partial_dates_read_as_periods_where_events_are_listed(brief) -> None:
    r = brief("timeline", "kfor")
    assert "2023 (year)  KFOR increases its presence" in r.stdout


def test_one_index_per_set_of_files_however_spelled(brief, tmp_path, monkeypatch) -> None:
    a = write(tmp_path / "kb" / "a.yaml", "entities:\n  - id: a\n    name: A\n")
    b = write(tmp_path / "kb" / "b.yaml", "entities:\n  - id: b\n    name: B\n")
    (tmp_path / "link").symlink_to(tmp_path / "kb")
    monkeypatch.chdir(tmp_path)
    for args in (["--data", str(a), "--data", str(b)], ["--data", "kb/b.yaml", "--data",
                 "link/a.yaml", "--data", str(b)]):
        assert brief("define", "a", *args).code == 0
    assert len(list((tmp_path / "cache").glob("index-*.sqlite"))) == 1


def test_unused_indexes_and_stale_temporary_files_are_pruned(brief, tmp_path) -> None:
    import os
    import time

    cache = tmp_path / "cache"
    cache.mkdir()
    old, fresh = cache / "index-0000000000000000.sqlite", cache / "index-1111111111111111.sqlite"
    tmp = cache / ".index-2222.sqlite-x.tmp"
    for path in (old, fresh, tmp):
        path.write_bytes(b"")
    long_ago = time.time() - 40 * 86400
    os.utime(old, (long_ago, long_ago))
    os.utime(tmp, (time.time() - 7200,) * 2)
    assert brief("define", "KFOR").code == 0  # builds an index: the cache is swept
    assert not old.exists() and not tmp.exists() and fresh.exists()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_long_build_shows_progress_on_a_terminal_only(tmp_path, monkeypatch) -> None:
    from briefcli.cli import app as cli
    from briefcli.cli.environment import Environment
    from briefcli.index import connect

    for n in range(3):
        write(tmp_path / "kb" / f"f{n}.yaml", f"entities:\n  - id: e{n}\n    name: E{n}\n")
    monkeypatch.setattr(connect, "PROGRESS_AFTER", 0.0)
    for stderr, shown in ((_Terminal(), True), (io.StringIO(), False)):
        env = Environment(io.StringIO(), stderr, {"BRIEF_CACHE_DIR": str(tmp_path / str(shown)),
                                                  "NO_COLOR": "1"})
        with contextlib.suppress(SystemExit):
            cli.main(["check", "--data", str(tmp_path / "kb")], env)
        text = stderr.getvalue()
        assert ("\rindexing the knowledge: 2/3 files…" in text) == shown
        assert text.endswith("ok: 3 file(s), 3 record(s), no problems\n")
