"""Hardening, second round: each defect found by hostile testing, pinned by a test."""

from __future__ import annotations

import json
import os
import sqlite3

import pytest

from conftest import write

GOOD = "entities:\n  - id: a\n    name: Alpha\n"


def test_a_file_name_that_is_not_utf8_is_named_and_the_rest_answers(brief, tmp_path):
    folder = tmp_path / "kb"
    write(folder / "good.yaml", GOOD)
    with open(os.fsencode(folder) + b"/caf\xe9.yaml", "wb") as f:
        f.write(b"entities:\n  - id: b\n    name: Beta\n")
    for _ in range(2):  # the second call reads the index the first one wrote
        r = brief("define", "alpha", "--data", str(folder), "--json")
        assert r.code == 0, r.stderr
        assert [d["id"] for d in json.loads(r.stdout)] == ["a"]
        assert f"{folder}/caf\\xe9.yaml not read" in r.stderr
    check = brief("check", "--data", str(folder))
    assert f"{folder}/caf\\xe9.yaml: error: the file name is not valid UTF-8" in check.stdout


def test_a_link_out_of_the_data_folder_is_not_followed(brief, tmp_path):
    secret = write(tmp_path / "secret.txt", "ghp_0123456789SECRET\n")
    folder = tmp_path / "kb"
    write(folder / "good.yaml", GOOD)
    (folder / "evil.yaml").symlink_to(secret)
    write(tmp_path / "kb" / "sub" / "real.yaml", "entities:\n  - id: c\n    name: Gamma\n")
    (folder / "inside.yaml").symlink_to(folder / "sub" / "real.yaml")
    r = brief("check", "--data", str(folder))
    assert "ghp_" not in r.stdout + r.stderr
    assert [line for line in r.stdout.splitlines() if "[unreadable]" in line] == [
        f"{folder}/evil.yaml: error: a link to a file outside the data folder is not "
        "followed [unreadable]"
    ]
    # A link that stays inside the folder is followed (its records are read twice here,
    # through the link and the file, hence the duplicate ids).
    assert "Gamma" in brief("define", "gamma", "--data", str(folder)).stdout


def test_invisible_characters_are_made_visible_and_such_urls_are_not_links(brief, tmp_path):
    kb = write(tmp_path / "kb.yaml", (
        'entities:\n  - id: x\n    name: "Pay\\u200bPal\\u00ad Inc\\U000E0041"\n'
        "    sources: [s]\nsources:\n  - id: s\n    title: Pay\n"
        '    url: "https://pay\\u200bpal.com/"\n'
    ))
    r = brief("define", "x", "--data", str(kb), FORCE_COLOR="1")
    assert "Pay<U+200B>Pal<U+00AD> Inc<U+E0041>" in r.stdout
    assert "https://pay<U+200B>pal.com/" in r.stdout
    assert "\x1b]8;" not in r.stdout  # no hyperlink
    md = brief("define", "x", "--data", str(kb), "-f", "markdown")
    assert "\u200b" not in md.stdout and "\\<U+200B\\>" in md.stdout


def test_a_line_break_in_a_file_name_cannot_forge_a_line_of_check(brief, tmp_path):
    folder = tmp_path / "kb"
    write(folder / "x\nok: all is well.yaml", "entities: [\n")
    r = brief("check", "--data", str(folder))
    assert r.code == 1
    problems = [line for line in r.stdout.splitlines() if ": error: " in line]
    assert len(problems) == 1 and "x\\nok: all is well.yaml" in problems[0]
    assert not any(line.startswith("ok: all is well") for line in r.stdout.splitlines())


def test_a_folder_that_cannot_be_listed_is_reported(brief, tmp_path, monkeypatch):
    folder = tmp_path / "kb"
    write(folder / "good.yaml", GOOD)
    (folder / "locked").mkdir()
    real = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    r = brief("check", "--data", str(folder))
    assert r.code == 1
    assert f"{folder}/locked: error: cannot list the files of this folder" in r.stdout


@pytest.mark.parametrize("option", [["timeline", "--limit"], ["search", "kosovo", "--limit"]])
def test_an_enormous_limit_is_a_usage_error(brief, option):
    r = brief(*option, "99999999999999999999")
    assert r.code == 2
    assert "internal error" not in r.stderr


def test_a_deleted_current_folder_is_no_internal_error(tmp_path):
    import subprocess
    import sys

    gone = tmp_path / "gone"
    gone.mkdir()
    kb = write(tmp_path / "kb.yaml", GOOD)
    script = (
        "import os, sys\n"
        f"os.chdir({str(gone)!r}); os.rmdir({str(gone)!r})\n"
        "from briefcli.cli.app import main\n"
        f"main(['check', '--data', {str(kb)!r}])\n"
    )
    env = {**os.environ, "BRIEF_CACHE_DIR": str(tmp_path / "cache")}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "ok: 1 file(s)" in out.stderr


@pytest.mark.parametrize("date", ["٢٠٢٣", "２０２３-１１", "2023-١١"])
def test_dates_take_ascii_digits_only(brief, tmp_path, date):
    kb = write(tmp_path / "kb.yaml", f"events:\n  - id: e\n    date: '{date}'\n    title: T\n")
    r = brief("check", "--data", str(kb))
    assert r.code == 1 and "[date]" in r.stdout
    assert brief("show", date).code in (1, 2)


def test_damage_met_while_updating_a_copy_rebuilds_from_scratch(tmp_path, monkeypatch):
    import briefcli.index.cache as cache
    import briefcli.index.update as updating
    from briefcli.index.store import BuildReport

    kb = write(tmp_path / "kb" / "a.yaml", GOOD)
    cache.open_index([kb.parent], tmp_path / "c")
    write(kb, GOOD + "  - id: b\n    name: Beta\n")
    real = updating.update
    calls = []

    def damaged_copy(conn, stamps, report):
        calls.append(1)
        if len(calls) == 1:
            raise sqlite3.DatabaseError("database disk image is malformed")
        return real(conn, stamps, report)

    monkeypatch.setattr(updating, "update", damaged_copy)
    report = BuildReport()
    conn = cache.open_index([kb.parent], tmp_path / "c", report)
    assert report.rebuilt and len(calls) == 2
    assert conn.execute("SELECT count(*) FROM records").fetchone()[0] == 2


def test_markdown_data_cannot_make_layout(brief, tmp_path):
    kb = write(tmp_path / "kb.yaml", (
        "entities:\n  - id: x\n    name: X\n    summary: \"Title\\n===\\n    not code\\n"
        "break  \\n---\"\n    sources: [s]\nsources:\n  - id: s\n"
        "    title: https://www.paypal.com/signin\n    url: https://evil.example/\n"
    ))
    text = brief("define", "x", "--data", str(kb), "-f", "markdown").stdout
    assert "\n\\===\n" in text and "\n\\---\n" in text
    assert "\n    not code" not in text and "\nnot code\n" in text
    assert "break  \n" not in text
    assert "](<https://evil.example/>)" not in text
    assert "https://www\\.paypal\\.com/signin (<https://evil.example/>)" in text or \
        "(<https://evil.example/>)" in text.split("signin", 1)[1]


def test_absurdly_long_values_are_refused_with_their_limit(brief, tmp_path):
    big = "x" * 100_001
    kb = write(tmp_path / "kb.yaml", f"entities:\n  - id: a\n    name: A\n    summary: {big}\n"
               "  - id: b\n    name: B\n")
    r = brief("check", "--data", str(kb))
    assert "'summary' of an entity is 100,001 characters long; expected at most 100,000 " \
           "[too-long]" in r.stdout
    assert brief("define", "b", "--data", str(kb)).code == 0  # the rest answers
    many = "".join(f"      - p{n}\n" for n in range(10_001))
    kb2 = write(tmp_path / "kb2.yaml",
                f"briefings:\n  - date: 2020\n    title: T\n    body:\n{many}")
    assert "has 10,001 items; expected at most 10,000 [too-long]" in brief(
        "check", "--data", str(kb2)).stdout


def test_did_you_mean_in_check_follows_edits_of_other_files(brief, tmp_path):
    write(tmp_path / "kb" / "refs.yaml", "events:\n  - id: e\n    date: 2020\n    title: T\n"
          "    entities: [kfro]\n")
    names = write(tmp_path / "kb" / "names.yaml", "entities:\n  - id: kfor\n    name: K\n")
    assert "(did you mean 'kfor'?)" in brief("check", "--data", str(tmp_path / "kb")).stdout
    write(names, "entities:\n  - id: kfro2\n    name: K\n")
    r = brief("check", "--data", str(tmp_path / "kb"))
    assert "'kfor'" not in r.stdout
    assert "(did you mean 'kfro2'?)" in r.stdout


def test_a_changed_byte_in_a_stored_record_is_damage_and_rebuilt(brief, tmp_path):
    kb = write(tmp_path / "kb.yaml", GOOD)
    assert brief("define", "alpha", "--data", str(kb)).code == 0
    (index,) = (tmp_path / "cache").glob("index-*.sqlite")
    with sqlite3.connect(index) as conn:  # a change SQLite itself cannot notice
        conn.execute("UPDATE records SET data = replace(data, 'Alpha', 'Alphz')")
    r = brief("define", "alpha", "--data", str(kb), "--json")
    assert r.code == 0
    assert [d["name"] for d in json.loads(r.stdout)] == ["Alpha"]
    assert "is damaged; rebuilding it" in r.stderr
    with sqlite3.connect(index) as conn:  # a broken record: the same
        conn.execute("UPDATE records SET data = '{broken', crc = 0")
    r = brief("define", "alpha", "--data", str(kb), "--json")
    assert (r.code, [d["name"] for d in json.loads(r.stdout)]) == (0, ["Alpha"])


def test_check_of_many_problems_writes_one_line_each_with_its_level_coloured(brief, tmp_path):
    events = "".join(f"  - id: e{n}\n    date: 2023-02-30\n    title: T\n" for n in range(300))
    kb = write(tmp_path / "kb.yaml", f"events:\n{events}")
    plain = brief("check", "--data", str(kb)).stdout.splitlines()
    assert len(plain) == 300 and all(": error: bad date" in line for line in plain)
    coloured = brief("check", "--data", str(kb), FORCE_COLOR="1").stdout.splitlines()
    assert len(coloured) == 300
    assert "\x1b[1;31merror\x1b[0m" in coloured[0]


def test_a_term_of_thousands_of_senses_shows_fifty_profiles_then_one_line_each(brief, tmp_path):
    from briefcli.render.terminal import PROFILES

    people = "".join(f"  - {{id: p{n}, name: Person {n}, aliases: [Smith], role: R{n}}}\n"
                     for n in range(PROFILES + 30))
    kb = write(tmp_path / "kb.yaml", f"entities:\n{people}")
    r = brief("define", "smith", "--data", str(kb))
    assert r.code == 0
    assert "30 more senses, one line each" in r.stdout
    lines = r.stdout.splitlines()
    assert lines[-1] == f"{PROFILES + 30}. Person {PROFILES + 29}  p{PROFILES + 29}  " \
        f"R{PROFILES + 29}"
    assert max(len(line) for line in lines) <= 80
    assert len(json.loads(brief("define", "smith", "--data", str(kb), "--json").stdout)) \
        == PROFILES + 30
