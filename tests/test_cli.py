"""The `brief` command end to end: exit code, stdout and stderr together."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, write

GOOD = str(FIXTURES / "good")
ESC = "\x1b"


# ---------------------------------------------------------------- show


def test_show_day_on_bundled_knowledge(brief):
    r = brief("show", "2023-11-11")
    assert r.code == 0, r.stderr
    assert r.stderr == ""
    out = r.stdout
    assert "Blinken and Vučić discuss de-escalation with Kosovo" in out
    assert "11 November 2023" in out
    for heading in ("Key points", "Who's who", "Timeline", "Questions", "Sources"):
        assert heading in out
    assert "What is KFOR?" in out
    assert "European External Action Service – EULEX" in out
    assert ESC not in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_show_without_argument_is_the_latest(brief):
    r = brief("show", "--data", GOOD)
    assert r.code == 0
    assert "Early May" in r.stdout


def test_show_by_id(brief):
    r = brief("show", "2011-03-31", "--data", GOOD)
    assert r.code == 0
    assert "End of March" in r.stdout
    assert "First paragraph." in r.stdout and "Second paragraph." in r.stdout


def test_show_period_lists_briefings(brief):
    r = brief("show", "2011", "--data", GOOD)
    assert r.code == 0
    assert "End of March" in r.stdout and "Early May" in r.stdout


def test_show_missing_day_names_nearest_dates(brief):
    r = brief("show", "2011-04-15", "--data", GOOD)
    assert r.code == 1
    assert r.stdout == ""
    assert "no briefing for 2011-04-15" in r.stderr
    assert "2011-03-31, 2011-05-02" in r.stderr


def test_show_unknown_id_suggests(brief):
    r = brief("show", "end-of-march", "--data", GOOD)
    assert r.code == 1
    assert "no briefing with id 'end-of-march'" in r.stderr


def test_show_json_is_the_record_as_written(brief):
    r = brief("show", "2023-11-11", "--json")
    assert r.code == 0
    data = json.loads(r.stdout)
    assert isinstance(data, list) and len(data) == 1
    b = data[0]
    assert b["id"] == "2023-11-11" and b["date"] == "2023-11-11"
    assert "kfor" in b["entities"]
    assert "faq-what-is-kfor" in b["faqs"]


# ---------------------------------------------------------------- define


def test_define_acronym(brief):
    r = brief("define", "KFOR")
    assert r.code == 0, r.stderr
    assert "Kosovo Force" in r.stdout
    assert "NATO" in r.stdout  # what it relates to
    assert "1999" in r.stdout  # its establishment, year only


def test_define_is_case_and_accent_insensitive(brief):
    r = brief("define", "vucic")
    assert r.code == 0
    assert "Aleksandar Vučić" in r.stdout
    r = brief("define", "ZVECAN", "--data", GOOD)
    assert r.code == 0
    assert "Zvečan" in r.stdout


def test_define_every_sense_of_a_shared_acronym(brief):
    r = brief("define", "no", "--data", GOOD, "--json")
    assert r.code == 0
    senses = json.loads(r.stdout)
    assert sorted(s["id"] for s in senses) == ["no-norway", "no-number"]
    assert all(s["acronym"] == "NO" for s in senses)  # text, not a boolean


def test_define_several_terms(brief):
    r = brief("define", "KFOR", "EULEX", "--json")
    assert r.code == 0
    assert [d["id"] for d in json.loads(r.stdout)] == ["kfor", "eulex"]


def test_define_scalar_that_looks_like_a_number_stays_text(brief):
    r = brief("define", "1999", "--data", GOOD, "--json")
    assert r.code == 0
    assert json.loads(r.stdout)[0]["name"] == "1999"


def test_define_unknown_suggests_close_terms(brief):
    r = brief("define", "KFR")
    assert r.code == 1
    assert r.stdout == ""
    assert "no entry for 'KFR'" in r.stderr
    assert "did you mean: KFOR" in r.stderr


def test_define_some_found_some_not(brief):
    r = brief("define", "KFOR", "nothing-like-it")
    assert r.code == 1
    assert "Kosovo Force" in r.stdout
    assert "no entry for 'nothing-like-it'" in r.stderr


def test_markup_in_data_prints_literally(brief):
    r = brief("define", "LOUD", "--data", GOOD)
    assert r.code == 0
    assert "[bold]Loud[/bold] :smile:" in r.stdout
    r = brief("define", "LOUD", "--data", GOOD, FORCE_COLOR="1", NO_COLOR="")
    assert "[bold]Loud[/bold] :smile:" in r.stdout
    assert ESC in r.stdout


# ---------------------------------------------------------------- timeline


def _dates(r) -> list[str]:
    return [e["date"] for e in json.loads(r.stdout)]


def test_timeline_of_an_entity_oldest_first(brief):
    r = brief("timeline", "Kosovo")
    assert r.code == 0
    out = r.stdout
    assert out.index("1999") < out.index("2023-09-24") < out.index("2023-11-11")
    assert "Attack near the Banjska Monastery" in out


def test_timeline_partial_dates_sort_before_their_period(brief):
    r = brief("timeline", "nato", "--data", GOOD, "--json")
    assert _dates(r) == ["1949", "1949-04-04", "2011-03"]


def test_timeline_until_includes_the_whole_period(brief):
    r = brief("timeline", "--data", GOOD, "--until", "2011-03", "--json")
    assert _dates(r) == ["1949", "1949-04-04", "2011-03", "2011-03-31"]


def test_timeline_since_includes_the_whole_period(brief):
    r = brief("timeline", "--data", GOOD, "--since", "2011-03", "--json")
    assert _dates(r) == ["2011-03", "2011-03-31", "2011-04-01"]
    r = brief("timeline", "--data", GOOD, "--since", "1949", "--until", "1949", "--json")
    assert _dates(r) == ["1949", "1949-04-04"]


def test_timeline_limit_and_reverse(brief):
    r = brief("timeline", "--data", GOOD, "--reverse", "--limit", "2", "--json")
    assert _dates(r) == ["2011-04-01", "2011-03-31"]


def test_timeline_by_tag(brief):
    r = brief("timeline", "crisis", "--data", GOOD, "--json")
    assert [e["id"] for e in json.loads(r.stdout)] == ["mar-2011", "mar-31-2011"]


def test_timeline_groups_by_year(brief):
    r = brief("timeline", "--data", GOOD)
    lines = r.stdout.splitlines()
    assert "1949" in lines and "2011" in lines


def test_timeline_unknown_topic(brief):
    r = brief("timeline", "Atlantis")
    assert r.code == 1
    assert "no entity or tag 'Atlantis'" in r.stderr


def test_timeline_bad_date_is_a_usage_error(brief):
    r = brief("timeline", "--since", "2011-13")
    assert r.code == 2
    assert "no month 13" in r.stderr


def test_timeline_empty_period(brief):
    r = brief("timeline", "Kosovo", "--since", "2030")
    assert r.code == 1
    assert "no events" in r.stderr


# ---------------------------------------------------------------- search


def test_search_ranks_and_snippets(brief):
    r = brief("search", "Kosovo Force", "--json")
    assert r.code == 0
    hits = json.loads(r.stdout)
    assert hits[0]["id"] == "kfor"  # the name matches: ranked first
    assert {"kind", "id", "title", "snippet", "record"} <= set(hits[0])
    r = brief("search", "peacekeeping", "--json")
    assert all("peacekeeping" in h["snippet"].lower() for h in json.loads(r.stdout))


def test_search_kind_filter(brief):
    r = brief("search", "KFOR", "--kind", "faq", "--json")
    assert r.code == 0
    assert {h["kind"] for h in json.loads(r.stdout)} == {"faq"}


def test_search_accent_insensitive(brief):
    r = brief("search", "vucic", "--kind", "entity", "--json")
    assert r.code == 0
    assert json.loads(r.stdout)[0]["id"] == "vucic"


def test_search_nothing(brief):
    r = brief("search", "xylophone")
    assert r.code == 1
    assert "nothing matches 'xylophone'" in r.stderr


def test_search_query_syntax_is_not_interpreted(brief):
    r = brief("search", 'zzq*("', "--json")
    assert (r.code, r.stdout, r.stderr) == (1, "[]\n", "brief: nothing matches 'zzq*(\"'\n")
    odd = brief("search", 'NEAR("Banjska" monastery', "--json")
    plain = brief("search", "near banjska monastery", "--json")
    assert odd.code == plain.code == 0
    assert odd.stdout == plain.stdout



# ---------------------------------------------------------------- check and data paths


def test_check_bundled_knowledge_is_clean(brief):
    r = brief("check")
    assert r.code == 0
    assert r.stdout == ""
    assert "no problems" in r.stderr


def test_check_counts_the_warnings_it_lists(brief, tmp_path):
    """A check that lists warnings does not end with "no problems"."""
    (tmp_path / "kb.yaml").write_text(
        "events:\n"
        "  - {id: a, date: 2020-01-01, title: Same thing}\n"
        "  - {id: b, date: 2020-01-01, title: Same thing}\n",
        encoding="utf-8",
    )
    r = brief("check", "--data", str(tmp_path))
    assert r.code == 0
    assert "[duplicate-event]" in r.stdout + r.stderr
    assert r.stderr.splitlines()[-1] == "ok: 1 file(s), 2 record(s), no errors, 1 warning(s)"


def test_check_lists_problems_yamllint_style(brief, tmp_path):
    bad = write(tmp_path / "bad.yaml", "events:\n  - id: e\n    date: 2023-02-30\n    title: t\n")
    r = brief("check", "--data", str(bad))
    assert r.code == 1
    assert r.stdout.splitlines() == [
        f"{bad}:3:11: error: bad date for 'date' of an event: '2023-02-30' is not a real "
        "date: February 2023 has 28 days [date]"
    ]


def test_strict_queries_refuse_invalid_knowledge(brief, tmp_path):
    bad = write(tmp_path / "bad.yaml", "entities:\n  - id: x\n    name: X\n    related: [y]\n")
    for r in (brief("--strict", "define", "x", "--data", str(bad)),
              brief("define", "x", "--data", str(bad), BRIEF_STRICT="1")):
        assert r.code == 1
        assert r.stdout == ""
        assert "unknown entity id 'y'" in r.stderr
        assert "brief check" in r.stderr


def test_queries_answer_from_the_valid_records_with_one_warning(brief, tmp_path):
    write(tmp_path / "kb" / "good.yaml", "entities:\n  - id: x\n    name: X\n    related: [y]\n")
    write(tmp_path / "kb" / "events.yaml", "events:\n  - id: e\n    date: 2023-02-30\n"
          "    title: Bad\n  - id: f\n    date: 2023-02-28\n    title: Fine\n")
    broken = write(tmp_path / "kb" / "broken.yaml", "entities: [\n")
    r = brief("define", "x", "--data", str(tmp_path / "kb"), "--json")
    assert r.code == 0
    assert [d["id"] for d in json.loads(r.stdout)] == ["x"]
    # The unknown reference to y waits until broken.yaml can be read: 2 errors, not 3.
    assert r.stderr == (
        f"warning: the knowledge has 2 errors ({broken} not read), answers may be "
        "incomplete; `brief check` lists them\n"
    )
    r = brief("timeline", "--data", str(tmp_path / "kb"), "--json")
    assert [e["id"] for e in json.loads(r.stdout)] == ["f"]
    assert brief("check", "--data", str(tmp_path / "kb")).code == 1


def test_missing_data_path(brief, tmp_path):
    r = brief("define", "x", "--data", str(tmp_path / "nowhere"))
    assert r.code == 1
    assert "no such file or folder" in r.stderr


def test_brief_data_environment_variable(brief, tmp_path):
    extra = write(tmp_path / "extra.yaml", "entities:\n  - id: ex\n    name: Extra\n")
    paths = os.pathsep.join([GOOD, str(extra)])
    r = brief("define", "Extra", "Norway", "--json", BRIEF_DATA=paths)
    assert r.code == 0
    assert [d["id"] for d in json.loads(r.stdout)] == ["ex", "no-norway"]


def test_repeated_data_option_merges(brief, tmp_path):
    extra = write(tmp_path / "extra.yaml", "entities:\n  - id: ex\n    name: Extra\n")
    r = brief("define", "Extra", "Norway", "--json", "--data", GOOD, "--data", str(extra))
    assert r.code == 0
    assert [d["id"] for d in json.loads(r.stdout)] == ["ex", "no-norway"]
    r = brief("--data", GOOD, "define", "Extra", "--data", str(extra), "--json")
    assert [d["id"] for d in json.loads(r.stdout)] == ["ex"]


def test_usage_errors_exit_2(brief):
    assert brief("define").code == 2
    assert brief("nosuchcommand").code == 2
    assert brief("search", "x", "--kind", "planet").code == 2


def test_no_traceback_for_a_broken_file(brief, tmp_path):
    bad = write(tmp_path / "bad.yaml", "entities: [\n")
    r = brief("--strict", "show", "--data", str(bad))
    assert r.code == 1
    assert "Traceback" not in r.stderr
    assert f"{bad}:2:1:" in r.stderr


def test_installed_command_runs_from_any_folder(tmp_path):
    env = {**os.environ, "BRIEF_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("BRIEF_DATA", None)
    r = subprocess.run(
        [sys.executable, "-m", "briefcli", "define", "EULEX"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60,
    )
    assert r.returncode == 0, r.stderr
    assert "European Union Rule of Law Mission in Kosovo" in r.stdout
    assert not Path(tmp_path, "data").exists()


def test_messages_never_carry_control_characters_from_files(brief, tmp_path):
    text = 'entities:\n  - id: x\n    name: X\n    "\\e]0;pwned\\a": 1\n'
    bad = write(tmp_path / "bad.yaml", text)
    for args in (("check",), ("--strict", "define", "x")):
        r = brief(*args, "--data", str(bad))
        assert r.code == 1
        assert "]0;pwned" in r.stdout + r.stderr
        assert "\x1b" not in r.stdout + r.stderr and "\x07" not in r.stdout + r.stderr


def test_version(brief):
    from briefcli import __version__

    r = brief("--version")
    assert (r.code, r.stdout) == (0, f"brief {__version__}\n")


def test_data_option_before_the_command(brief):
    r = brief("--data", GOOD, "define", "Norge", "--json")
    assert r.code == 0
    assert json.loads(r.stdout)[0]["id"] == "no-norway"


def test_markdown_format(brief):
    r = brief("show", "2023-11-11", "--format", "markdown")
    assert r.code == 0
    assert r.stdout.startswith("# Blinken and Vučić discuss de-escalation with Kosovo")
    assert brief("show", "--format", "yaml").code == 2


def test_export_reads_back_as_the_same_knowledge(brief, tmp_path):
    r = brief("export", "--data", GOOD)
    assert r.code == 0
    exported = write(tmp_path / "all.yaml", r.stdout)
    again = brief("export", "--data", str(exported))
    assert again.code == 0
    assert again.stdout == r.stdout
    assert 'acronym: "NO"' in r.stdout and 'name: "1999"' in r.stdout
    data = json.loads(brief("export", "--data", GOOD, "--format", "json").stdout)
    assert data["format"] == 1
    assert [e["id"] for e in data["events"]][:2] == ["founding", "y1949"]


def test_search_markers_in_data_do_not_fake_highlights(brief, tmp_path):
    kb = write(tmp_path / "kb.yaml", 'entities:\n  - id: x\n    name: "\\ue000fake\\ue001 real"\n')
    r = brief("search", "real", "--data", str(kb), "--json")
    assert r.code == 0
    hit = json.loads(r.stdout)[0]
    assert hit["title"] == "\ufffdfake\ufffd real"  # JSON carries no highlight marks
    r = brief("search", "real", "--data", str(kb), FORCE_COLOR="1", NO_COLOR="")
    assert "fake" in r.stdout and "\ue000" not in r.stdout


def test_timeline_keeps_events_whose_period_meets_the_range(brief, tmp_path):
    kb = write(
        tmp_path / "kb.yaml",
        "events:\n"
        "  - {id: span, date: 1999, end: 2003, title: Span}\n"
        "  - {id: year, date: 2011, title: Year}\n"
        "  - {id: day, date: 2011-02-28, title: Day}\n",
    )
    r = brief("timeline", "--data", str(kb), "--since", "2002", "--until", "2011-03", "--json")
    assert [e["id"] for e in json.loads(r.stdout)] == ["span", "year", "day"]
    r = brief("timeline", "--data", str(kb), "--since", "2011-03", "--json")
    assert [e["id"] for e in json.loads(r.stdout)] == ["year"]
    r = brief("timeline", "--data", str(kb), "--since", "2004", "--until", "2010", "--json")
    assert r.code == 1


def test_define_ignores_dots_in_acronyms(brief, tmp_path):
    kb = write(
        tmp_path / "kb.yaml",
        "entities:\n  - {id: us, name: United States, acronym: U.S.}\n"
        "  - {id: usa, name: Unified Service Area, acronym: US}\n",
    )
    for term in ("US", "u.s.", "U.S"):
        r = brief("define", term, "--data", str(kb), "--json")
        assert r.code == 0, term
        assert sorted(d["id"] for d in json.loads(r.stdout)) == ["us", "usa"]
    r = brief("timeline", "U.S", "--data", str(kb))
    assert "no events" in r.stderr  # found as a topic, though it has no events


def test_internal_error_is_one_line_and_exit_70(brief, monkeypatch):
    import briefcli.index.query

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(briefcli.index.query, "find_terms", broken)
    r = brief("define", "KFOR")
    assert r.code == 70
    assert r.stderr == "brief: internal error: RuntimeError: boom (--debug shows where)\n"
    with pytest.raises(RuntimeError):
        brief("--debug", "define", "KFOR")


def test_search_says_how_many_were_found_and_dates_events(brief):
    r = brief("search", "kosovo", "--limit", "2")
    assert r.code == 0
    header = r.stdout.splitlines()[0]
    assert header.startswith("2 of ") and " matches " in header
    r = brief("search", "attack", "--kind", "event")
    assert "2023-09-24  event banjska-attack" in r.stdout
    r = brief("search", "kfor", "--json")
    assert json.loads(r.stdout)[0]["id"] == "kfor"  # the acronym itself comes first


SENSES = """\
entities:
  - id: tape
    name: Tape Carrier Package
    acronym: TCP
  - id: tcp
    name: Transmission Control Protocol
    acronym: TCP
  - id: vucic
    name: Aleksandar Vučić
    aliases: [Vucic]
"""


def test_define_orders_senses_and_shows_a_repeated_sense_once(brief, tmp_path):
    write(tmp_path / "kb" / "a.yaml", SENSES)
    other = write(tmp_path / "kb" / "b.yaml", "entities:\n  - id: tcp-ip\n    name: "
                  "Transmission Control Protocol\n    acronym: TCP\n")
    r = brief("define", "TCP", "--data", str(tmp_path / "kb"), COLUMNS="300")
    assert r.code == 0
    lines = r.stdout.splitlines()
    assert lines[0].startswith("TCP (2 senses)")
    assert "1. Transmission Control Protocol (TCP)" in r.stdout  # written in two files
    assert r.stdout.index("Transmission") < r.stdout.index("Tape Carrier")
    assert f"Also in:  {other}:2" in r.stdout


def test_define_the_same_entity_twice_shows_it_once(brief):
    r = brief("define", "KFOR", "kosovo force", "--json")
    assert [d["id"] for d in json.loads(r.stdout)] == ["kfor"]


def test_define_header_is_the_name_as_written(brief):
    assert brief("define", "vucic").stdout.startswith("Aleksandar Vučić ─")
    assert brief("define", "kfor").stdout.startswith("KFOR ─")


def test_define_folds_hyphens_and_punctuation(brief):
    r = brief("define", "EU facilitated dialogue", "--json")
    assert [d["id"] for d in json.loads(r.stdout)] == ["eu-dialogue"]
    assert brief("define", "eu-facilitated--dialogue!", "--json").code == 0


def test_define_says_what_a_profile_leaves_out(brief, tmp_path):
    events = "".join(
        f"  - id: e{n}\n    date: 2020-01-{n:02d}\n    title: Event {n}\n    entities: [x]\n"
        for n in range(1, 9)
    )
    kb = write(tmp_path / "kb.yaml", f"entities:\n  - id: x\n    name: X\nevents:\n{events}")
    r = brief("define", "x", "--data", str(kb))
    assert "Event 8" in r.stdout and "Event 3" not in r.stdout
    assert "3 earlier events not shown: brief timeline x" in r.stdout
    md = brief("define", "x", "--data", str(kb), "-f", "markdown")
    assert "*3 earlier events not shown: brief timeline x*" in md.stdout


def test_timeline_of_an_acronym_with_several_senses_names_the_sense(brief, tmp_path):
    kb = write(tmp_path / "kb.yaml", """\
entities:
  - {id: t1, name: Transmission Control Protocol, acronym: TCP}
  - {id: t2, name: Tape Carrier Package, acronym: TCP}
events:
  - {id: e1, date: "1981", title: RFC 793, entities: [t1]}
  - {id: e2, date: "1990", title: First packages, entities: [t2]}
""")
    r = brief("timeline", "TCP", "--data", str(kb))
    assert "RFC 793 [Transmission Control Protocol]" in r.stdout
    assert "First packages [Tape Carrier Package]" in r.stdout
    one = brief("timeline", "t1", "--data", str(kb))
    assert "RFC 793\n" in one.stdout + "\n" and "[" not in one.stdout


def test_a_topic_shared_by_very_many_entities_is_not_a_sql_limit(brief, tmp_path):
    entities = "".join(f"  - {{id: e{n}, name: E{n}, aliases: [shared]}}\n" for n in range(40_000))
    kb = write(tmp_path / "kb.yaml", f"entities:\n{entities}events:\n"
               "  - {id: ev, date: '2020', title: Something, entities: [e39999]}\n")
    r = brief("timeline", "shared", "--data", str(kb))
    assert r.code == 0, r.stderr
    assert "Something [E39999]" in r.stdout
    assert r.stdout.startswith("Timeline of E0 / E1 / E2 / …")


def test_brief_alone_shows_what_is_loaded_and_the_commands(brief):
    r = brief()
    assert r.code == 0
    lines = r.stdout.splitlines()
    assert lines[0] == "brief: 16 entities, 5 events, 3 faqs, 1 briefing, 3 sources"
    assert lines[1].startswith("latest briefing: 2023-11-11  Blinken and Vučić")
    assert any(line.startswith("  define    Define acronyms") for line in lines)
    assert any(line.startswith("  ingest    Draft knowledge from plain-text articles")
               for line in lines)


def test_info_names_the_files_and_the_index(brief, tmp_path):
    kb = write(tmp_path / "kb.yaml", "entities:\n  - id: a\n    name: A\n")
    r = brief("info", "--data", str(kb))
    assert r.code == 0
    assert f"  {kb}" in r.stdout.splitlines()
    assert "records: 1; errors: 0" in r.stdout
    assert str(tmp_path / "cache") in r.stdout.splitlines()[0]


def test_short_version_and_colour_choice(brief):
    from briefcli import __version__

    assert brief("-V").stdout == f"brief {__version__}\n"
    assert "\x1b[" in brief("--color", "always", "define", "KFOR").stdout
    assert "\x1b[" not in brief("--color", "never", "define", "KFOR", FORCE_COLOR="1").stdout
    assert brief("--color", "sometimes", "define", "KFOR").code == 2


def test_help_lists_exit_codes_and_environment(brief):
    text = brief("--help", COLUMNS="200").stdout
    for word in ("141", "BRIEF_DATA", "BRIEF_CACHE_DIR", "BRIEF_STRICT", "NO_COLOR",
                 "FORCE_COLOR"):
        assert word in text, word


def test_define_short_is_one_line_per_sense(brief, tmp_path):
    r = brief("define", "KFOR", "vucic", "--short")
    assert r.stdout == "KFOR: Kosovo Force\nAleksandar Vučić: President of Serbia\n"
    kb = write(tmp_path / "kb.yaml", "entities:\n"
               "  - {id: a, name: Transmission Control Protocol, acronym: TCP}\n"
               "  - {id: b, name: Tape Carrier Package, acronym: TCP}\n")
    assert brief("define", "tcp", "-s", "--data", str(kb)).stdout.splitlines() == [
        "TCP: Transmission Control Protocol", "TCP: Tape Carrier Package"]
    assert brief("define", "KFOR", "--short", "--json").code == 2


def test_check_as_github_annotations(brief, tmp_path):
    kb = write(tmp_path / "kb, 1.yaml",
               "events:\n  - id: e\n    date: 2023-02-30\n    title: T\n")
    r = brief("check", str(kb), "--format", "github")
    assert r.code == 1
    assert r.stdout == (
        f"::error file={str(kb).replace(',', '%2C')},line=3,col=11,title=date::bad date for "
        "'date' of an event: '2023-02-30' is not a real date: February 2023 has 28 days\n"
    )


def test_pre_commit_hook_checks_the_knowledge_named(brief, tmp_path):
    import yaml

    root = Path(__file__).resolve().parents[1]
    (hook,) = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text())
    assert hook["entry"].split()[:2] == ["brief", "check"] and not hook["pass_filenames"]
    kb = write(tmp_path / "kb" / "a.yaml", "entities:\n  - id: a\n    name: A\n")
    args = [*hook["entry"].split()[1:], *hook["args"]]
    assert brief(*[a if a != "." else str(kb.parent) for a in args]).code == 0
