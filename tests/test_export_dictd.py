"""`brief export -o`: every format to a file, and the dictd format's two files.

The database is served by a real dictd in tests/test_dictd_server.py; here, what is
written, where, and when it is refused.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from briefcli.authoring.glossaries.dictd import read_dictd
from briefcli.cli import app as cli
from briefcli.cli.environment import Environment
from conftest import Result, write


def brief_in(brief, folder: Path, *args: str) -> Result:
    """`brief ARGS...` run from `folder`, as the `brief` fixture runs it."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            cli.main(list(args), Environment(out, err, brief.environ, cwd=str(folder)))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    return Result(code, out.getvalue(), err.getvalue())


def test_dictd_needs_a_name(brief, tmp_path):
    r = brief_in(brief, tmp_path, "export", "--format", "dictd")
    assert r.code == 2
    assert "--format dictd writes NAME.index and NAME.dict: give NAME with -o NAME" in r.stderr
    assert r.stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_dictd_writes_both_files_that_read_back_as_the_entities(brief, tmp_path):
    r = brief("export", "-f", "dictd", "-o", str(tmp_path / "kosovo"))
    assert (r.code, r.stdout) == (0, "")
    assert r.stderr == f"wrote {tmp_path / 'kosovo'}.index and {tmp_path / 'kosovo'}.dict\n"
    assert sorted(p.name for p in tmp_path.glob("k*")) == ["kosovo.dict", "kosovo.index"]
    entries, problems = read_dictd(str(tmp_path / "kosovo.index"))
    assert problems == []
    exported = brief("export", "--json").stdout
    entities = json.loads(exported)["entities"]
    assert len(entries) == len(entities)
    kfor = next(e for e in entries if e.term == "KFOR")
    assert kfor.name == "Kosovo Force"
    index = (tmp_path / "kosovo.index").read_text(encoding="utf-8")
    keys = {line.split("\t")[0] for line in index.splitlines()}
    assert {"kfor", "kosovo force", "eulex", "secretary blinken"} <= keys  # acronym, name, alias


def test_a_name_given_with_a_suffix_names_the_database(brief, tmp_path):
    r = brief_in(brief, tmp_path, "export", "-f", "dictd", "-o", "kb.dict")
    assert (r.code, r.stderr) == (0, "wrote kb.index and kb.dict\n")
    assert sorted(p.name for p in tmp_path.glob("k*")) == ["kb.dict", "kb.index"]


def test_existing_files_are_refused_without_force(brief, tmp_path):
    write(tmp_path / "kb.dict", "mine\n")
    r = brief_in(brief, tmp_path, "export", "-f", "dictd", "-o", "kb")
    assert r.code == 2
    assert r.stderr == f"brief: {tmp_path / 'kb.dict'} exists; use --force to overwrite it\n"
    assert sorted(p.name for p in tmp_path.glob("k*")) == ["kb.dict"]  # no half database
    assert (tmp_path / "kb.dict").read_text() == "mine\n"
    r = brief_in(brief, tmp_path, "export", "-f", "dictd", "-o", "kb", "--force")
    assert r.code == 0, r.stderr
    assert (tmp_path / "kb.dict").read_bytes().startswith(b"\n00-database-short")


def test_a_folder_is_not_a_name(brief, tmp_path):
    (tmp_path / "out").mkdir()
    r = brief_in(brief, tmp_path, "export", "-f", "dictd", "-o", "out")
    assert r.code == 2
    assert r.stderr == "brief: out is a folder; give the database's NAME, as -o out/NAME\n"


def test_every_format_can_be_written_to_a_file(brief, tmp_path):
    for fmt, name in (("yaml", "all.yaml"), ("json", "all.json")):
        shown = brief("export", "-f", fmt).stdout
        r = brief_in(brief, tmp_path, "export", "-f", fmt, "-o", name)
        assert (r.code, r.stdout, r.stderr) == (0, "", f"wrote {name}\n")
        assert (tmp_path / name).read_text(encoding="utf-8") == shown
        again = brief_in(brief, tmp_path, "export", "-f", fmt, "-o", name)
        assert again.code == 2 and "use --force" in again.stderr
    assert brief_in(brief, tmp_path, "export", "-o", "all.yaml", "--force").code == 0


def test_dictd_is_a_choice_of_export_only(brief):
    assert "dictd" in brief("export", "--help").stdout
    r = brief("define", "KFOR", "--format", "dictd")
    assert r.code == 2


def test_entities_only_and_their_text(brief, tmp_path):
    kb = write(tmp_path / "kb.yaml", (
        "format: 1\n"
        "entities:\n"
        "  - id: tcp\n"
        "    name: Transmission Control Protocol\n"
        "    acronym: TCP\n"
        "    aliases: [TCP protocol]\n"
        "    role: transport protocol\n"
        "    summary: Reliable byte streams.\n"
        "    description: Defined in RFC 793.\n"
        "events:\n"
        "  - id: rfc793\n"
        "    date: 1981-09\n"
        "    title: RFC 793 published\n"
    ))
    r = brief_in(brief, tmp_path, "export", "-f", "dictd", "-o", "net", "--data", str(kb))
    assert r.code == 0, r.stderr
    data = (tmp_path / "net.dict").read_text(encoding="utf-8")
    assert (
        "TCP\n   Transmission Control Protocol\n\n   transport protocol\n\n"
        "   Reliable byte streams.\n\n   Defined in RFC 793.\n"
    ) in data
    assert "RFC 793 published" not in data
    keys = [line.split("\t")[0] for line in Path(tmp_path / "net.index").read_text().splitlines()]
    assert {"tcp", "transmission control protocol", "tcp protocol"} <= set(keys)
