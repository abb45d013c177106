"""The documentation against the code: samples, commands and help stay true."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SAMPLE = re.compile(r"(<!-- sample: (?P<args>[^>]*) -->\n```text\n)(?P<body>.*?)(```\n)", re.S)


def _commands() -> list[str]:
    """Every command of the app, as Typer builds it: a new command is checked unasked."""
    import typer

    from briefcli.cli.app import app

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


COMMANDS = _commands()
KNOWLEDGE_FREE = {"schema"}  # commands that read no knowledge, so take no --data


def test_readme_sample_is_the_real_output(brief):
    text = README.read_text(encoding="utf-8")
    matches = list(SAMPLE.finditer(text))
    assert matches, "the README has no sample block"
    for m in matches:
        r = brief(*m["args"].split(), COLUMNS="80")
        assert r.code == 0
        if os.environ.get("BRIEF_UPDATE_DOCS"):
            text = text.replace(m.group(0), m.group(1) + r.stdout + m.group(4))
            continue
        assert m["body"] == r.stdout, "README sample is stale: BRIEF_UPDATE_DOCS=1 pytest"
    if os.environ.get("BRIEF_UPDATE_DOCS"):
        README.write_text(text, encoding="utf-8")


def test_readme_gives_two_setup_commands_that_use_a_venv():
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", text, re.S)
    assert blocks[0].strip().endswith("brief show 2023-11-11")
    assert "pytest" in blocks[1]
    assert all("python3 -m venv" in b for b in blocks[:2])
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert blocks[1].strip() in ci


def test_the_app_has_the_core_commands():
    assert {"show", "define", "timeline", "search", "check", "export"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented_and_has_help(brief, command):
    assert f"`brief {command}" in README.read_text(encoding="utf-8")
    r = brief(command, "--help")
    assert r.code == 0
    assert ("--data" in r.stdout) == (command not in KNOWLEDGE_FREE)
    assert r.stdout.split("\n\n")[1].strip(), "the command has no help text"
    assert "Example" in r.stdout, "every --help ends with an example"


def test_command_summaries_are_not_cut_off(brief):
    listing = brief("--help").stdout.split("Commands:")[1].split("\n\n")[0]
    assert "..." not in listing and "…" not in listing


def test_exit_codes_in_readme_match_the_code():
    from briefcli.problems import ExitCode

    text = README.read_text(encoding="utf-8")
    for code in ExitCode:
        assert re.search(rf"^\| {int(code)} \|", text, re.M), code


def test_format_doc_names_every_field():
    from briefcli.knowledge.model import KINDS

    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    for kind in KINDS.values():
        assert f"`{kind.section}`" in doc, kind.section
        for name in kind.fields:
            assert f"`{name}`" in doc, name


def test_format_doc_lists_every_problem_code():
    from briefcli.problems import CODES

    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    table = doc.split("<!-- codes -->")[1].split("<!-- end codes -->")[0]
    listed = re.findall(r"^\| `([a-z-]+)` \| (.+) \|$", table, re.M)
    assert listed == list(CODES.items())
