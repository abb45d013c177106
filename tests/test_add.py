"""`brief add`: one entity appended to a knowledge file, the rest of the file untouched,
with an id unlike the knowledge's, checked before anything is written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefcli.knowledge.checker import parse_file
from conftest import write

COMMENTED = """\
# My glossary: acronyms met at work.
# Keep it sorted, more or less.
format: 1

entities:
  # Networks
  - id: tcp
    name: Transmission Control Protocol   # the usual one
    acronym: TCP
    tags: [network]
  - id: ip
    name: 'Internet Protocol'
    acronym: IP
    description: |
      The network layer.

      # this line is text, not a comment
# Where things happened
events:
  - id: flag-day
    date: 1983-01-01
    title: The flag day
    entities: [tcp, ip]
"""


def entities(path: Path) -> dict[str, dict[str, object]]:
    result = parse_file(path.read_bytes(), str(path))
    assert not result.problems, result.problems
    return {r.id: r.data for r in result.records if r.kind == "entity"}


def test_a_new_file_is_format_1_and_checks_clean(brief, tmp_path: Path) -> None:
    target = tmp_path / "kb" / "glossary.yaml"
    target.parent.mkdir()
    r = brief("add", "KFOR", "Kosovo Force", "--kind", "organization", "--role",
              "NATO-led peacekeeping force", "--tag", "security", "--tag", "nato",
              "--alias", "Kosovo Force (KFOR)", "--summary", "Keeps the peace in Kosovo.",
              "-o", str(target), "--data", str(target.parent))
    assert r.code == 0, r.stderr
    assert r.stdout == "kfor\n"
    assert r.stderr == f"added kfor to {target}:4\n"  # no warning about the empty folder
    assert target.read_text(encoding="utf-8").startswith("format: 1\n\nentities:\n  - id: kfor\n")
    assert entities(target) == {"kfor": {
        "id": "kfor", "name": "Kosovo Force", "acronym": "KFOR", "aliases":
        ["Kosovo Force (KFOR)"], "kind": "organization", "role": "NATO-led peacekeeping force",
        "summary": "Keeps the peace in Kosovo.", "tags": ["security", "nato"],
    }}
    check = brief("check", "--data", str(target))
    assert check.code == 0, check.stderr
    found = brief("define", "KFOR", "--data", str(target))
    assert found.code == 0 and "Kosovo Force" in found.stdout


def test_an_existing_file_keeps_every_byte_before_and_after(brief, tmp_path: Path) -> None:
    target = write(tmp_path / "kb.yaml", COMMENTED)
    r = brief("add", "UDP", "User Datagram Protocol", "--tag", "network", "-o", str(target),
              "--data", str(target))
    assert r.code == 0, r.stderr
    assert r.stdout == "udp\n"
    text = target.read_text(encoding="utf-8")
    cut = COMMENTED.index("# Where things happened")
    assert text.startswith(COMMENTED[:cut])  # the prefix, byte for byte
    assert text.endswith(COMMENTED[cut:])  # and what follows the section
    added = text[len(COMMENTED[:cut]) : len(text) - len(COMMENTED[cut:])]
    assert added == (
        "\n  - id: udp\n    name: User Datagram Protocol\n    acronym: UDP\n"
        "    tags: [network]\n\n"
    )
    assert list(entities(target)) == ["tcp", "ip", "udp"]
    assert entities(target)["ip"]["description"] == (
        "The network layer.\n\n# this line is text, not a comment\n"
    )
    line = int(r.stderr.rsplit(":", 1)[1])
    assert text.splitlines()[line - 1] == "  - id: udp"
    assert brief("check", "--data", str(target)).code == 0
    assert "User Datagram Protocol" in brief("define", "udp", "--data", str(target)).stdout


def test_the_file_style_is_kept_indent_line_ends_and_a_last_section(
    brief, tmp_path: Path
) -> None:
    target = tmp_path / "crlf.yaml"
    original = b"entities:\r\n- id: a\r\n  name: A\r\n"
    target.write_bytes(original)
    r = brief("add", "BB", "Bee Bee", "-o", str(target), "--data", str(target))
    assert r.code == 0, r.stderr
    data = target.read_bytes()
    assert data == original + b"\r\n- id: bb\r\n  name: Bee Bee\r\n  acronym: BB\r\n"
    no_section = write(tmp_path / "events.yaml", "format: 1\nevents: []\n")
    assert brief("add", "CC", "Sea Sea", "-o", str(no_section)).code == 0
    assert no_section.read_text(encoding="utf-8") == (
        "format: 1\nevents: []\n\nentities:\n  - id: cc\n    name: Sea Sea\n    acronym: CC\n"
    )


def test_the_id_does_not_clash_with_the_knowledge_the_folder_or_the_file(
    brief, tmp_path: Path
) -> None:
    kb = tmp_path / "kb"
    write(kb / "other.yaml", "entities:\n  - id: tcp\n    name: Trans-Canada Pipeline\n")
    target = kb / "mine.yaml"
    elsewhere = write(tmp_path / "elsewhere.yaml",
                      "entities:\n  - id: tcp-2\n    name: Tape Carrier Package\n"
                      "    acronym: TCP\n")
    r = brief("add", "TCP", "Transmission Control Protocol", "-o", str(target),
              "--data", str(elsewhere))
    assert (r.code, r.stdout) == (0, "tcp-3\n")  # tcp beside the file, tcp-2 in --data
    r = brief("add", "TCP", "Thin Client Program", "-o", str(target), "--data", str(elsewhere))
    assert (r.code, r.stdout) == (0, "tcp-4\n")  # tcp-3 in the file itself
    # Without --data the knowledge is the bundled one, which has kfor.
    assert brief("add", "KFOR", "Kosovo Fire", "-o", str(target)).stdout == "kfor-2\n"
    assert brief("check", "--data", str(kb), "--data", str(elsewhere)).code == 0
    senses = brief("define", "TCP", "--data", str(kb), "--data", str(elsewhere))
    for name in ("Transmission Control Protocol", "Thin Client Program",
                 "Trans-Canada Pipeline", "Tape Carrier Package"):
        assert name in senses.stdout


@pytest.mark.parametrize(
    ("term", "name", "acronym", "aliases", "rid"),
    [
        ("KFOR", "Kosovo Force", "KFOR", None, "kfor"),
        ("IPv6", "Internet Protocol version 6", "IPv6", None, "ipv6"),
        ("TCP/IP", "Internet protocol suite", "TCP/IP", None, "tcp-ip"),
        ("Vucic", "Aleksandar Vučić", None, ["Vucic"], "vucic"),
        ("Kosovo", "Kosovo", None, None, "kosovo"),
        ("kosovo", "KOSOVO", None, None, "kosovo"),
    ],
)
def test_term_is_the_acronym_an_alias_or_nothing(
    brief, tmp_path: Path, term: str, name: str, acronym: str | None,
    aliases: list[str] | None, rid: str,
) -> None:
    target = tmp_path / "g.yaml"
    r = brief("add", term, name, "-o", str(target), "--data", str(target.parent))
    assert (r.code, r.stdout) == (0, f"{rid}\n"), r.stderr
    data = entities(target)[rid]
    assert data.get("acronym") == acronym
    assert data.get("aliases") == aliases
    assert data["name"] == name
    assert brief("define", term, "--data", str(target)).code == 0


def test_kind_is_free_text_and_empty_values_are_usage_errors(brief, tmp_path: Path) -> None:
    target = tmp_path / "g.yaml"
    r = brief("add", "ZZ", "Zed", "--kind", "gadget", "-o", str(target), "--data", str(tmp_path))
    assert r.code == 0 and entities(target)["zz"]["kind"] == "gadget"
    before = target.read_bytes()
    for args in (["--kind", ""], ["--tag", "ok", "--tag", " "], ["--alias", ""]):
        r = brief("add", "YY", "Why", *args, "-o", str(target), "--data", str(tmp_path))
        assert r.code == 2 and "expected text, found nothing" in r.stderr
    for term, name in (("", "Why"), ("YY", "  ")):
        assert brief("add", term, name, "-o", str(target)).code == 2
    assert brief("add", "YY", "Why", "-o", str(tmp_path / "g.txt")).code == 2
    assert target.read_bytes() == before


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("entities: [{id: a, name: A}]\n", "flow style"),
        ("{entities: []}\n", "not a block mapping"),
        ("entities: nothing\n", "expected entities as a list"),
        ("entities:\n  - id: a\n    nme: A\n", "has errors"),
        ("entities:\n  - id: a\n    name: A\n    related: [nowhere]\n", "would not check"),
        ("entities:\n  - id: a\n  name: [\n", "invalid YAML"),
    ],
)
def test_a_file_that_cannot_take_it_safely_is_refused_untouched(
    brief, tmp_path: Path, text: str, words: str
) -> None:
    target = write(tmp_path / "g.yaml", text)
    r = brief("add", "ZZ", "Zed", "-o", str(target), "--data", str(target))
    assert r.code == 1 and r.stdout == ""
    assert words in r.stderr
    assert "Traceback" not in r.stderr
    assert target.read_text(encoding="utf-8") == text
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "cache") == ["g.yaml"]


def test_a_clash_with_another_file_is_listed_with_its_place(brief, tmp_path: Path) -> None:
    other = write(tmp_path / "kb" / "a.yaml", "entities:\n  - id: x\n    name: X\n")
    target = write(tmp_path / "kb" / "b.yaml", "entities:\n  - id: x\n    name: Ex\n")
    r = brief("add", "ZZ", "Zed", "-o", str(target), "--data", str(other))
    assert r.code == 1
    assert f"{target}:2:5: error: duplicate entity id 'x': {other} defines it too" in r.stderr
    assert "nothing was written" in r.stderr
    assert target.read_text(encoding="utf-8") == "entities:\n  - id: x\n    name: Ex\n"


def test_a_file_that_cannot_be_written(brief, tmp_path: Path) -> None:
    r = brief("add", "ZZ", "Zed", "-o", str(tmp_path / "missing" / "g.yaml"))
    assert r.code == 1 and "no such folder" in r.stderr and "Traceback" not in r.stderr
    folder = tmp_path / "g.yaml"
    folder.mkdir()
    r = brief("add", "ZZ", "Zed", "-o", str(folder))
    assert r.code == 2 and "is a folder" in r.stderr
    not_utf8 = tmp_path / "latin.yaml"
    not_utf8.write_bytes(b"# caf\xe9\nentities:\n")
    r = brief("add", "ZZ", "Zed", "-o", str(not_utf8))
    assert r.code == 1 and "expected UTF-8 text, found byte 0xe9" in r.stderr
    if os.geteuid() != 0:  # permissions do not hold for root
        locked = write(tmp_path / "locked.yaml", "entities:\n")
        locked.chmod(0o444)
        r = brief("add", "ZZ", "Zed", "-o", str(locked))
        assert r.code == 1 and "read-only" in r.stderr
        assert locked.read_text(encoding="utf-8") == "entities:\n"
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(0o555)
        r = brief("add", "ZZ", "Zed", "-o", str(ro / "g.yaml"))
        assert r.code == 1 and "cannot write" in r.stderr


def test_a_read_only_file_is_not_replaced(brief, tmp_path: Path, monkeypatch) -> None:
    """Replacing a file needs only its folder to be writable: add asks the file itself
    (os.access; root is let through by the system, so the answer is replaced here)."""
    locked = write(tmp_path / "locked.yaml", "entities:\n")
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: (
        False if Path(p) == locked and mode == os.W_OK else real(p, mode, **kw)))
    r = brief("add", "ZZ", "Zed", "-o", str(locked))
    assert r.code == 1 and f"cannot write {locked}: the file is read-only" in r.stderr
    assert locked.read_text(encoding="utf-8") == "entities:\n"


def test_the_first_add_to_the_file_the_knowledge_names(brief, tmp_path: Path) -> None:
    """BRIEF_DATA (or --data, or the configuration) naming FILE before it exists: the
    first add creates it instead of failing on a missing data path."""
    target = tmp_path / "glossary.yaml"
    for options, environ in (([], {"BRIEF_DATA": str(target)}),
                             (["--data", str(target)], {})):
        r = brief("add", "ZZ", "Zed", "-o", str(target), *options, **environ)
        assert r.code == 0, r.stderr
        assert r.stdout == ("zz\n" if not options else "zz-2\n")
    assert list(entities(target)) == ["zz", "zz-2"]
    # A missing data path that is not FILE is still an error.
    r = brief("add", "YY", "Why", "-o", str(target), "--data", str(tmp_path / "nope"))
    assert r.code == 1 and "no such file or folder" in r.stderr
