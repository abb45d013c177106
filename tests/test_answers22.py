"""The answers of issue 22, end to end: `define --match`, forms that fold alike, senses
ranked by files, `define --json`'s also_in, `edit` by term, the root's options after the
command and search's `-word`, `info --json`, timeline's miss, the HTML search page and
a snippet that says a role once.

A hot command is run through both paths (the full command, and `brief`'s entry point,
which answers on the lean path when it can): they must give the same answer.
"""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
from pathlib import Path

import pytest

from briefcli.cli import app as cli
from briefcli.cli import lean
from briefcli.cli.environment import Environment
from briefcli.problems import BriefError, ExitCode
from conftest import write
from test_edit import argv_of, fake_editor

WIFI = """\
entities:
  - id: wifi
    name: Wireless Fidelity
    acronym: WIFI
  - id: wi-fi
    name: Wireless network
    acronym: Wi-Fi
  - id: wifi-alliance
    name: Wi-Fi Alliance
    aliases: [wifi]
  - id: ip
    name: Intelligent Peripheral
    acronym: IP
  - id: ip-again
    name: Intelligent Peripheral
    acronym: IP
  - id: tcp
    name: Transmission Control Protocol
    acronym: TCP
    role: transport protocol
    summary: The transport protocol of the internet, with reliable streams.
  - id: tcp-2
    name: Tape Carrier Package
    acronym: TCP
    tags: [CPU]
  - id: kfor
    name: Kosovo Force
    acronym: KFOR
  - id: kfd
    name: Kosovo Force Directorate
    acronym: KFD
events:
  - id: e1
    date: '1974'
    title: TCP described
    entities: [tcp]
"""
IP_B = "entities:\n  - id: ip-b\n    name: Internet Protocol\n    acronym: IP\n"
IP_C = "entities:\n  - id: ip-c\n    name: Internet Protocol\n    acronym: IP\n"


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    root = tmp_path / "kb"
    write(root / "a.yaml", WIFI)
    write(root / "b.yaml", IP_B)
    write(root / "c.yaml", IP_C)
    return root


def call(main: object, args: list[str], tmp: Path, **extra: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    environ = {"BRIEF_CACHE_DIR": str(tmp / "cache"), "NO_COLOR": "1", **extra}
    env = Environment(out, err, environ, cwd=str(tmp))
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main(list(args), env)  # type: ignore[operator]
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue(), err.getvalue()


def both(args: list[str], tmp: Path, **extra: str) -> tuple[int, str, str]:
    """The answer of the full command, required to be the fast path's too."""
    full = call(cli.main, args, tmp, **extra)
    assert call(lean.main, args, tmp, **extra) == full, args
    return full


def answered_lean(args: list[str], tmp: Path) -> bool:
    """Whether the fast path answers the call itself (it does not leave it)."""
    env = Environment(io.StringIO(), io.StringIO(),
                      {"BRIEF_CACHE_DIR": str(tmp / "cache"), "NO_COLOR": "1"}, cwd=str(tmp))
    return lean.answer(list(args), env) is not None


# ------------------------------------------------------------------ define --match


def test_prefix_lists_headwords_one_a_line(kb: Path, tmp_path: Path) -> None:
    code, out, err = both(["define", "-d", str(kb), "--match", "prefix", "kf"], tmp_path)
    assert (code, out, err) == (0, "KFD\nKFOR\n", "")
    assert answered_lean(["define", "-d", str(kb), "--match", "prefix", "kf"], tmp_path)
    # Names too, and a one-word term also without its hyphen.
    assert both(["define", "-d", str(kb), "-m", "prefix", "Kosovo"], tmp_path)[1] == (
        "Kosovo Force\nKosovo Force Directorate\n"
    )
    assert "Wi-Fi\n" in both(["define", "-d", str(kb), "-m", "prefix", "wif"], tmp_path)[1]


def test_substring_regex_and_fuzzy(kb: Path, tmp_path: Path) -> None:
    data = ["define", "-d", str(kb), "--match"]
    assert both([*data, "substring", "carrier"], tmp_path)[1] == "Tape Carrier Package\n"
    assert both([*data, "regex", "^k.*r$"], tmp_path)[1] == "KFOR\n"
    assert both([*data, "REGEX", "protocol$"], tmp_path)[1] == (
        "Internet Protocol\nTransmission Control Protocol\n"
    )
    # fuzzy: the term itself when it is one, then the did-you-mean terms.
    assert both([*data, "fuzzy", "KFRO"], tmp_path)[1] == "KFOR\n"
    assert both([*data, "fuzzy", "KFOR"], tmp_path)[1].startswith("KFOR\n")


def test_the_bound_and_the_note_of_more(kb: Path, tmp_path: Path) -> None:
    code, out, err = both(["define", "-d", str(kb), "-m", "prefix", "k", "--limit", "1"],
                          tmp_path)
    assert (code, out) == (0, "KFD\n")
    assert err == "brief: 3 more headword(s) match; --limit N lists up to N (now 1)\n"


def test_headwords_as_json(kb: Path, tmp_path: Path) -> None:
    code, out, _ = both(["define", "-d", str(kb), "-m", "prefix", "kf", "--json"], tmp_path)
    assert code == 0
    assert json.loads(out) == {"match": "prefix", "terms": ["kf"],
                               "headwords": ["KFD", "KFOR"], "more": 0}


def test_no_headword_is_a_miss(kb: Path, tmp_path: Path) -> None:
    code, out, err = both(["define", "-d", str(kb), "-m", "prefix", "zzq"], tmp_path)
    assert (code, out) == (1, "")
    assert err.startswith("brief: no headword starts with 'zzq'")


@pytest.mark.parametrize("args, named", [
    (["-m", "regex", "["], "'[' is not a regular expression"),
    (["-m", "regex", "(a+)+$"], "repeats a group"),
    (["-m", "regex", "(a|aa)*b"], "repeats a group"),
    (["-m", "regex", "a" * 201], "at most 200"),
    (["-m", "nearest", "x"], "'nearest' is not one of exact, prefix"),
    (["KFOR", "--limit", "3"], "--limit bounds the headwords"),
    (["-m", "prefix", "k", "--short"], "--short is one line per sense"),
])
def test_a_bad_match_is_a_usage_error(
    kb: Path, tmp_path: Path, args: list[str], named: str
) -> None:
    code, out, err = both(["define", "-d", str(kb), *args], tmp_path)
    assert (code, out) == (2, "")
    assert named in " ".join(err.split()), err


def test_a_regex_is_bounded_in_time(kb: Path, tmp_path: Path) -> None:
    from briefcli.cli.grammar import pattern
    from briefcli.index.connect import open_knowledge
    from briefcli.index.matching import match_terms

    env = Environment(io.StringIO(), io.StringIO(), {"BRIEF_CACHE_DIR": str(tmp_path / "c")})
    conn = open_knowledge(env, [str(kb)]).conn
    with pytest.raises(BriefError) as raised:
        match_terms(conn, ["k"], "regex", 5, [pattern("k")], seconds=-1.0)
    assert raised.value.exit_code == ExitCode.USAGE
    assert "took longer than" in raised.value.message
    assert match_terms(conn, ["k"], "regex", 5, [pattern("^k")]).words == [
        "KFD", "KFOR", "Kosovo Force", "Kosovo Force Directorate",
    ]


def test_match_values_complete(tmp_path: Path) -> None:
    from test_complete import bash_request, environ
    from test_complete import lean as complete

    env = environ(tmp_path)
    assert complete({**env, **bash_request("brief define --match "),})[1] == (
        "exact\nprefix\nsubstring\nregex\nfuzzy\n"
    )


# ------------------------------------------------------------- what define finds


def test_forms_that_fold_alike_find_the_same_senses(kb: Path, tmp_path: Path) -> None:
    answers = {t: both(["define", "-d", str(kb), "--short", t], tmp_path)
               for t in ("Wi-Fi", "WIFI", "wifi", "Wi Fi", "wi-fi")}
    assert len(set(answers.values())) == 1, answers
    assert answers["Wi-Fi"] == (
        0, "WIFI: Wireless Fidelity\nWi-Fi: Wireless network\nWi-Fi Alliance\n", ""
    )
    # Words are not squashed together: a name of words keeps its spaces.
    assert both(["define", "-d", str(kb), "kosovoforce"], tmp_path)[0] == 1


def test_senses_are_ranked_by_files_not_records(kb: Path, tmp_path: Path) -> None:
    # Intelligent Peripheral is written twice in one file, Internet Protocol in two.
    assert both(["define", "-d", str(kb), "--short", "IP"], tmp_path) == (
        0, "IP: Internet Protocol\nIP: Intelligent Peripheral\n", ""
    )


def test_define_json_keeps_the_records_it_merges(kb: Path, tmp_path: Path) -> None:
    code, out, _ = both(["define", "-d", str(kb), "IP", "--json"], tmp_path)
    senses = json.loads(out)
    assert code == 0 and [s["id"] for s in senses] == ["ip-b", "ip"]
    assert senses[0]["also_in"] == [{"id": "ip-c", "file": str(kb / "c.yaml"), "line": 2}]
    assert senses[1]["also_in"] == [{"id": "ip-again", "file": str(kb / "a.yaml"), "line": 14}]
    assert senses[0]["name"] == "Internet Protocol"  # the record's own keys, as before
    one = json.loads(both(["define", "-d", str(kb), "KFOR", "--json"], tmp_path)[1])
    assert "also_in" not in one[0]  # written once: nothing is merged


# ------------------------------------------------------------------ edit by term


def test_edit_by_acronym_or_name(kb: Path, tmp_path: Path) -> None:
    vim = fake_editor(tmp_path / "bin", "vim")
    for term in ("KFOR", "Kosovo Force"):
        code, _, err = call(cli.main, ["edit", "-d", str(kb), term], tmp_path, EDITOR=str(vim))
        assert (code, err) == (0, "")
        assert argv_of(vim) == ["+26", str(kb / "a.yaml")]
    code, _, _ = call(cli.main, ["edit", "-d", str(kb), "tcp-2"], tmp_path, EDITOR=str(vim))
    assert (code, argv_of(vim)) == (0, ["+22", str(kb / "a.yaml")])  # an id first


def test_edit_of_a_term_of_several_senses_lists_them(kb: Path, tmp_path: Path) -> None:
    code, out, err = call(cli.main, ["edit", "-d", str(kb), "TCP"], tmp_path, EDITOR="false")
    assert (code, out) == (2, "")
    assert err == (
        "brief: 'TCP' has 2 senses; say which by its id (brief edit ID):\n"
        "  tcp    Transmission Control Protocol\n  tcp-2  Tape Carrier Package\n"
    )


# ---------------------------------------------------- options after the command


@pytest.mark.parametrize("after", [["--no-pager"], ["--strict"], ["--color", "never"],
                                   ["--color=never"], ["--strict", "--no-pager"]])
def test_root_options_after_the_command(kb: Path, tmp_path: Path, after: list[str]) -> None:
    before = both([*after, "define", "-d", str(kb), "KFOR"], tmp_path)
    assert before[0] == 0
    assert both(["define", "-d", str(kb), "KFOR", *after], tmp_path) == before
    assert answered_lean(["define", "-d", str(kb), "KFOR", *after], tmp_path)


def test_strict_after_the_command_refuses_knowledge_with_errors(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad" / "x.yaml",
                "entities:\n  - id: a\n    name: A\n  - id: a\n    name: B\n")
    code, _, err = both(["define", "-d", str(bad.parent), "A", "--strict"], tmp_path)
    assert code == 1 and "error" in err
    assert both(["define", "-d", str(bad.parent), "A"], tmp_path)[0] == 0


def test_search_takes_a_leading_minus_word(kb: Path, tmp_path: Path) -> None:
    data = ["-d", str(kb)]
    minus = both(["search", *data, "-reliable", "protocol"], tmp_path)
    assert minus == both(["search", *data, "--", "-reliable", "protocol"], tmp_path)
    assert minus[0] == 0 and "Transmission Control" not in minus[1]
    assert "Internet Protocol" in minus[1]
    assert answered_lean(["search", *data, "-reliable", "protocol"], tmp_path)
    # Real options stay options: -d, -f, -h.
    as_json = both(["search", "-reliable", "-fjson", "protocol", *data], tmp_path)
    assert {hit["id"] for hit in json.loads(as_json[1])} == {"ip-b", "ip-c"}
    assert both(["search", "-h"], tmp_path)[1].startswith("Usage: brief search")


# ---------------------------------------------------------------- the rest


def test_info_json(kb: Path, tmp_path: Path) -> None:
    code, out, _ = call(cli.main, ["info", "-d", str(kb), "--json"], tmp_path)
    info = json.loads(out)
    assert code == 0 and set(info) == {"config", "index", "size", "records", "errors", "files"}
    assert info["files"] == [str(kb / p) for p in ("a.yaml", "b.yaml", "c.yaml")]
    assert (info["records"], info["errors"], info["config"]) == (12, 0, None)
    assert info["size"] == Path(info["index"]).stat().st_size > 0


def test_timeline_says_in_that_period_only_with_a_period(kb: Path, tmp_path: Path) -> None:
    assert both(["timeline", "-d", str(kb), "IP"], tmp_path) == (
        1, "", "brief: no events for 'IP'\n"
    )
    assert both(["timeline", "-d", str(kb), "TCP", "--since", "2000"], tmp_path) == (
        1, "", "brief: no events for 'TCP' in that period\n"
    )


def test_the_html_search_page_names_the_query(kb: Path, tmp_path: Path) -> None:
    code, out, _ = both(["search", "-d", str(kb), "transport", "--format", "html"], tmp_path)
    assert code == 0
    assert "<title>Search: transport — 1 match</title>" in out
    assert "<h1>Search: transport</h1>" in out


def test_a_snippet_says_the_role_once(kb: Path, tmp_path: Path) -> None:
    code, out, _ = both(["search", "-d", str(kb), "transport", "--json"], tmp_path)
    snippet = json.loads(out)[0]["snippet"]
    assert code == 0 and snippet.lower().count("transport protocol") == 1, snippet


def test_only_acronyms_and_one_word_terms_are_squashed(kb: Path, tmp_path: Path) -> None:
    call(cli.main, ["define", "-d", str(kb), "KFOR"], tmp_path)
    (index,) = (tmp_path / "cache").glob("*.sqlite")
    rows = dict(sqlite3.connect(index).execute(
        "SELECT text, squash FROM terms WHERE squash IS NOT NULL"))
    assert rows == {"Wi-Fi": "wifi"}


def test_a_timeline_topic_folds_as_define_does(tmp_path: Path) -> None:
    kb = write(tmp_path / "w" / "w.yaml", "entities:\n  - id: wifi\n    name: Wireless\n"
               "    acronym: Wi-Fi\nevents:\n  - id: e\n    date: '1999'\n    title: Wi-Fi named\n"
               "    entities: [wifi]\n")
    answers = {t: both(["timeline", "-d", str(kb.parent), t], tmp_path)
               for t in ("Wi-Fi", "WIFI", "Wi Fi")}
    assert len(set(answers.values())) == 1 and "Wi-Fi named" in answers["WIFI"][1], answers


# ------------------------------------------------------------------ define --verbose


@pytest.mark.parametrize("fmt", [[], ["--format", "markdown"], ["--format", "html"]])
def test_verbose_says_where_each_sense_is_written(
    kb: Path, tmp_path: Path, fmt, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sense's file and line, with --verbose, in every format (and not without it)."""
    monkeypatch.chdir(tmp_path)
    data = str(kb.relative_to(tmp_path))  # paths shown as given, short enough for a line
    code, out, _ = both(["define", "IP", "--verbose", "--data", data, *fmt], tmp_path)
    assert code == 0
    assert "File" in out
    joined = "".join(out.split())  # a long path may be wrapped
    assert "kb/b.yaml:" in joined and "kb/c.yaml:" in joined
    plain = both(["define", "IP", "--data", data, *fmt], tmp_path)[1]
    assert "File" not in plain
    assert answered_lean(["define", "IP", "-v", "--data", data], tmp_path)
