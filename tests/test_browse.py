"""Browsing: `brief list`, `brief faq`, and what a profile of `define` shows."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from briefcli.cli import app as cli
from briefcli.cli.environment import Environment


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def in_terminal(tmp_path: Path, *args: str) -> tuple[int, str]:
    out = Terminal()
    env = Environment(out, io.StringIO(), {"BRIEF_CACHE_DIR": str(tmp_path / "c"),
                                           "NO_COLOR": "1", "COLUMNS": "80"})
    try:
        cli.main(list(args), env)
    except SystemExit as exc:
        return int(exc.code or 0), out.getvalue()
    return 0, out.getvalue()


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    return write(tmp_path / "kb" / "k.yaml", """\
entities:
  - id: nato
    name: North Atlantic Treaty Organization
    acronym: NATO
    kind: organization
    tags: [Security]
  - id: kfor
    name: Kosovo Force
    acronym: KFOR
    kind: organization
    related: [nato]
    tags: [security, Kosovo]
  - id: stoltenberg
    name: Jens Stoltenberg
    kind: person
    related: [nato]
events:
  - id: founded
    date: 1949-04-04
    title: NATO founded
    entities: [nato]
    tags: [security]
  - id: kfor-in
    date: 1999-06
    title: KFOR enters Kosovo
    entities: [kfor, nato]
faqs:
  - id: what-nato
    question: What is NATO?
    answer: An alliance.
    entities: [nato]
  - id: why
    question: Why a peacekeeping force?
    answer: To keep a fragile peace.
briefings:
  - date: 2024-01-02
    title: Alliance matters
    entities: [nato]
""").parent


def test_list_pipes_one_id_a_line(brief, kb) -> None:
    r = brief("list", "entities", "--data", str(kb))
    # By name: "Jens Stoltenberg", "Kosovo Force", "North Atlantic ...".
    assert (r.code, r.stdout) == (0, "stoltenberg\nkfor\nnato\n")


def test_list_orders_and_filters(brief, kb) -> None:
    assert brief("list", "entities", "-d", str(kb)).stdout.split() == ["stoltenberg", "kfor",
                                                                        "nato"]
    assert brief("list", "entities", "--kind", "Organization", "-d", str(kb)).stdout.split() == [
        "kfor", "nato"]
    assert brief("list", "events", "-d", str(kb)).stdout.split() == ["founded", "kfor-in"]
    assert brief("list", "events", "--tag", "SECURITY", "-d", str(kb)).stdout.split() == [
        "founded"]
    assert brief("list", "faqs", "-d", str(kb)).stdout.split() == ["what-nato", "why"]
    assert brief("list", "tags", "-d", str(kb)).stdout.split() == ["Kosovo", "Security"]
    assert brief("list", "briefings", "-d", str(kb)).stdout.split() == ["2024-01-02"]


def test_list_as_json_and_markdown(brief, kb) -> None:
    rows = json.loads(brief("list", "tags", "-d", str(kb), "--json").stdout)
    assert rows == [{"tag": "Kosovo", "records": 1}, {"tag": "Security", "records": 3}]
    rows = json.loads(brief("list", "entities", "--kind", "person", "-d", str(kb),
                            "--json").stdout)
    assert rows == [{"id": "stoltenberg", "kind": "person", "name": "Jens Stoltenberg"}]
    md = brief("list", "events", "-d", str(kb), "-f", "markdown").stdout
    assert md.splitlines()[:3] == ["| id | date | title |", "|---|---|---|",
                                   "| founded | 1949-04-04 | NATO founded |"]


def test_list_is_a_table_in_a_terminal(tmp_path, kb) -> None:
    code, text = in_terminal(tmp_path, "list", "entities", "-d", str(kb))
    lines = text.splitlines()
    assert code == 0
    assert lines[0].split() == ["id", "acronym", "kind", "name"]
    assert lines[2].split() == ["kfor", "KFOR", "organization", "Kosovo", "Force"]


def test_list_misses_and_usage(brief, kb) -> None:
    r = brief("list", "events", "--tag", "securty", "-d", str(kb))
    assert r.code == 1 and "no events with the tag 'securty'" in r.stderr
    assert "did you mean: security" in r.stderr.lower()
    r = brief("list", "entities", "--kind", "persn", "-d", str(kb))
    assert r.code == 1 and "kinds: organization, person" in r.stderr
    assert brief("list", "faqs", "--kind", "person", "-d", str(kb)).code == 2
    assert brief("list", "faqs", "--tag", "x", "-d", str(kb)).code == 2
    assert brief("list", "people", "-d", str(kb)).code == 2
    assert brief("list", "events", "--tag", "none", "-d", str(kb), "--json").stdout == "[]\n"


def test_faq_all_and_by_term(brief, kb) -> None:
    r = brief("faq", "-d", str(kb))
    assert r.code == 0
    assert r.stdout.index("What is NATO?") < r.stdout.index("Why a peacekeeping force?")
    assert "An alliance." in r.stdout
    r = brief("faq", "NATO", "-d", str(kb), "--json")
    assert [f["id"] for f in json.loads(r.stdout)] == ["what-nato"]
    r = brief("faq", "fragile", "peace", "-d", str(kb))
    assert "Why a peacekeeping force?" in r.stdout and "What is NATO" not in r.stdout
    r = brief("faq", "zebra", "-d", str(kb))
    assert r.code == 1 and "no FAQ answers 'zebra'" in r.stderr


def test_a_profile_keeps_the_two_directions_apart(brief, kb) -> None:
    text = brief("define", "NATO", "-d", str(kb)).stdout
    assert "Related:" not in text  # NATO names nothing itself
    assert "Linked from:  Kosovo Force (KFOR), Jens Stoltenberg" in text
    assert "Briefings:" in text and "2024-01-02  Alliance matters" in text
    assert "Questions:" in text and "What is NATO?" in text
    text = brief("define", "KFOR", "-d", str(kb)).stdout
    assert "Related:  North Atlantic Treaty Organization (NATO)" in text
    assert "Linked from:" not in text
    md = brief("define", "NATO", "-d", str(kb), "-f", "markdown").stdout
    assert "**Linked from:** Kosovo Force (KFOR), Jens Stoltenberg" in md


def test_list_and_faq_as_html_pages_escape_the_knowledge(brief, tmp_path) -> None:
    from html.parser import HTMLParser

    kb = write(tmp_path / "h" / "k.yaml", """\
entities:
  - id: x
    name: <script>alert(1)</script> & co
faqs:
  - id: q
    question: Is <b>this</b> bold?
    answer: No & never.
""").parent
    for args in (("list", "entities"), ("faq",)):
        page = brief(*args, "-d", str(kb), "-f", "html").stdout
        assert page.startswith("<!doctype html>")
        assert "<script>" not in page and "<b>this" not in page

        class Text(HTMLParser):
            text = ""

            def handle_data(self, data: str) -> None:
                self.text += data

        parser = Text()
        parser.feed(page)
        assert "<script>alert(1)</script> & co" in parser.text or "Is <b>this</b> bold?" in \
            parser.text


def test_senses_stay_in_file_order_after_a_file_is_read_again(brief, tmp_path) -> None:
    a = write(tmp_path / "kb" / "a.yaml", "entities:\n  - id: t1\n    name: First\n"
              "    acronym: TCP\n")
    write(tmp_path / "kb" / "b.yaml", "entities:\n  - id: t2\n    name: Second\n"
          "    acronym: TCP\n")
    kb = str(tmp_path / "kb")
    assert brief("define", "TCP", "-s", "-d", kb).stdout == "TCP: First\nTCP: Second\n"
    a.write_text(a.read_text() + "    role: edited\n")
    import os
    os.utime(a, ns=(1, 1))  # a new stamp: the file is read again, its records get new rows
    assert brief("define", "TCP", "-s", "-d", kb).stdout == "TCP: First\nTCP: Second\n"
