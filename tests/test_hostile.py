"""Hostile and broken knowledge files, read by the real command in a child process.

Each file must give a clear problem (with its code and, where there is one, its line and
column), exit status 1 from `brief check` and from a query, no traceback, no crash (a
segfault would show as a negative status), nothing executed, nothing written but the
cache, and an answer rather than a hang (a call that has not ended after TIMEOUT seconds
fails the test; how fast hostile files are read is measured in benchmarks, not here). The
very large inputs are made here
at run time; the others are in tests/fixtures/hostile/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
TIMEOUT = 60  # a hang guard, not a speed target


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if "cache" not in p.parts}


def run_brief(tmp_path: Path, *args: str) -> Run:
    """`python -m briefcli ARGS` in tmp_path, with its cache in tmp_path/cache."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEF_", "FORCE_COLOR"))}
    env.update(BRIEF_CACHE_DIR=str(tmp_path / "cache"), NO_COLOR="1", COLUMNS="200")
    before = _tree(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "briefcli", *args],
        cwd=tmp_path, env=env, capture_output=True, timeout=TIMEOUT,
        stdin=subprocess.DEVNULL,
    )
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in out + err, err
    assert "internal error" not in err, err
    assert _tree(tmp_path) == before, "something besides the cache was written"
    return Run(proc.returncode, out, err)


def data_dir(tmp_path: Path, *names: str) -> Path:
    """A copy of fixture files in tmp_path/data."""
    data = tmp_path / "data"
    data.mkdir()
    for name in names:
        shutil.copyfile(HOSTILE / name, data / name)
    return data


def problem_lines(run: Run) -> list[str]:
    return [line for line in run.stdout.splitlines() if ": error: " in line]


def assert_refused(tmp_path: Path, target: str, expected: list[tuple[str, str]]) -> list[str]:
    """`brief check` lists exactly `expected` (position prefix, code) and exits 1; so does
    a query. Returns the problem lines."""
    run = run_brief(tmp_path, "check", "--data", target)
    assert run.code == 1, (run.code, run.stdout, run.stderr)
    lines = problem_lines(run)
    found = [(line.split(": error: ")[0], line.rsplit(" [", 1)[1].rstrip("]")) for line in lines]
    assert found == expected, run.stdout
    query = run_brief(tmp_path, "--strict", "define", "kfor", "--data", target)
    assert query.code == 1, (query.code, query.stdout, query.stderr)
    assert query.stdout == ""
    assert lines[0] in query.stderr
    # Without --strict the answer comes from the valid records, with one warning line.
    tolerant = run_brief(tmp_path, "define", "kfor", "--data", target)
    warnings = [line for line in tolerant.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == 1, tolerant.stderr
    assert f"the knowledge has {len(lines)} error" in warnings[0]
    if any(code in ("syntax", "tag", "alias", "alias-bomb", "too-deep", "encoding")
           for _, code in expected):
        # Nothing of a refused file is used, and the warning names it.
        assert tolerant.code == 1, tolerant.stdout
        assert expected[0][0].split(":")[0] in warnings[0]
    return lines


def refused_file(tmp_path: Path, name: str, where: str, code: str) -> str:
    """A fixture file refused with one problem; its message."""
    data_dir(tmp_path, name)
    (line,) = assert_refused(tmp_path, f"data/{name}", [(f"data/{name}:{where}", code)])
    return line.split(": error: ", 1)[1].rsplit(" [", 1)[0]


# -- code never runs ---------------------------------------------------------------------


def test_python_apply_tag_is_refused_and_nothing_runs(tmp_path: Path) -> None:
    message = refused_file(tmp_path, "tag_python_apply.yaml", "5:11", "tag")
    assert "!!python/object/apply:os.system is not allowed" in message
    assert not (tmp_path / "pwned-apply").exists()


def test_python_new_tag_is_refused_and_nothing_runs(tmp_path: Path) -> None:
    message = refused_file(tmp_path, "tag_python_new.yaml", "3:11", "tag")
    assert "!!python/object/new:tuple is not allowed" in message
    assert not (tmp_path / "pwned-new").exists()


def test_python_name_tag_is_refused(tmp_path: Path) -> None:
    message = refused_file(tmp_path, "tag_python_name.yaml", "4:11", "tag")
    assert "!!python/name:os.system is not allowed" in message


def test_payloads_are_real(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Control: a loader that builds objects does run the payload brief refuses."""
    monkeypatch.chdir(tmp_path)
    yaml.unsafe_load((HOSTILE / "tag_python_new.yaml").read_text())
    assert (tmp_path / "pwned-new").exists()


# -- aliases -------------------------------------------------------------------------------


def test_billion_laughs(tmp_path: Path) -> None:
    message = refused_file(tmp_path, "alias_bomb.yaml", "7:8", "alias-bomb")
    assert message == "aliases expand to more than 100,000 nodes"


def test_alias_bomb_through_merge_keys(tmp_path: Path) -> None:
    refused_file(tmp_path, "alias_bomb_merge.yaml", "6:25", "alias-bomb")


def test_cyclic_alias(tmp_path: Path) -> None:
    message = refused_file(tmp_path, "alias_cycle.yaml", "3:5", "alias")
    assert message == "alias *loop refers to a node that contains it"


def test_undefined_alias(tmp_path: Path) -> None:
    message = refused_file(tmp_path, "alias_undefined.yaml", "4:11", "alias")
    assert message == (
        "alias *nowhere refers to no anchor; expected an anchor &nowhere written before it"
    )


def test_merge_of_a_scalar(tmp_path: Path) -> None:
    refused_file(tmp_path, "merge_scalar.yaml", "3:9", "merge")


# -- depth: refused with a message, never a crash ----------------------------------------

DEPTH = 50_000
TOO_DEEP = "nesting deeper than 64 levels is not accepted (knowledge files need about five)"


def _deep(tmp_path: Path, text: str, where: str) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(text, encoding="utf-8")
    (line,) = assert_refused(tmp_path, "deep.yaml", [(f"deep.yaml:{where}", "too-deep")])
    assert line.endswith(f"{TOO_DEEP} [too-deep]")


def test_deep_flow_sequences(tmp_path: Path) -> None:
    # libyaml's scanner meets its own bound (1,000) before the reader's (64): both say so
    _deep(tmp_path, "[" * DEPTH + "]" * DEPTH + "\n", "1:1001")


def test_deep_flow_mappings(tmp_path: Path) -> None:
    _deep(tmp_path, "{a: " * DEPTH + "x" + "}" * DEPTH + "\n", "1:257")


def test_deep_block_sequences(tmp_path: Path) -> None:
    _deep(tmp_path, "- " * DEPTH + "x\n", "1:129")


def test_deep_block_mappings(tmp_path: Path) -> None:
    text = "".join(" " * level + "a:\n" for level in range(1000))
    _deep(tmp_path, text, "65:65")


# -- structure ---------------------------------------------------------------------------


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    message = refused_file(tmp_path, "duplicate_key.yaml", "6:5", "duplicate-key")
    assert message == (
        "duplicate key 'name': first at line 4, again at line 6; expected each key once "
        "in a mapping"
    )


def test_duplicate_ids_across_files_name_both_places(tmp_path: Path) -> None:
    data_dir(tmp_path, "duplicate_id_a.yaml", "duplicate_id_b.yaml")
    (line,) = assert_refused(
        tmp_path, "data", [("data/duplicate_id_b.yaml:5:5", "duplicate-id")]
    )
    assert line.endswith(
        "duplicate entity id 'kfor': first defined at data/duplicate_id_a.yaml:3:5 "
        "[duplicate-id]"
    )


def test_unknown_reference_suggests_the_close_id(tmp_path: Path) -> None:
    message = refused_file(tmp_path, "unknown_ref.yaml", "7:15", "unknown-ref")
    assert message == (
        "unknown entity id 'kofr' in 'related' of entity 'nato' (did you mean 'kfor'?)"
    )


def test_impossible_date(tmp_path: Path) -> None:
    message = refused_file(tmp_path, "impossible_date.yaml", "4:11", "date")
    assert "'2023-02-30' is not a real date: February 2023 has 28 days" in message


def test_number_where_a_list_is_expected(tmp_path: Path) -> None:
    message = refused_file(tmp_path, "wrong_type.yaml", "5:14", "type")
    assert message == "expected a list for 'aliases' of an entity, found '1999'"


def test_missing_required_field(tmp_path: Path) -> None:
    message = refused_file(tmp_path, "missing_field.yaml", "3:5", "missing")
    assert message == "an event needs 'title', found none"


def test_unknown_key_suggests_the_close_one(tmp_path: Path) -> None:
    message = refused_file(tmp_path, "unknown_key.yaml", "6:5", "unknown-key")
    assert message == "unknown key 'entites' in an event (did you mean 'entities'?)"


def test_unsupported_format(tmp_path: Path) -> None:
    message = refused_file(tmp_path, "format_2.yaml", "1:9", "format")
    assert message == "unsupported format version '2'; expected 1, the format this brief reads"


def test_top_level_list(tmp_path: Path) -> None:
    message = refused_file(tmp_path, "top_level_list.yaml", "1:1", "top-level")
    assert message.endswith("found a list")


def test_top_level_text(tmp_path: Path) -> None:
    refused_file(tmp_path, "top_level_text.yaml", "1:1", "top-level")


def test_collection_as_key(tmp_path: Path) -> None:
    refused_file(tmp_path, "collection_key.yaml", "2:3", "key-type")


def test_two_documents(tmp_path: Path) -> None:
    refused_file(tmp_path, "two_documents.yaml", "2:1", "documents")


# -- text --------------------------------------------------------------------------------


def test_not_utf8_points_at_the_bad_byte(tmp_path: Path) -> None:
    message = refused_file(tmp_path, "not_utf8.yaml", "4:14", "encoding")
    assert message == "expected UTF-8 text, found byte 0xe9"


def test_utf16_is_named(tmp_path: Path) -> None:
    message = refused_file(tmp_path, "utf16.yaml", "1:1", "encoding")
    assert "looks like UTF-16" in message


def test_syntax_error(tmp_path: Path) -> None:
    message = refused_file(tmp_path, "syntax_error.yaml", "5:1", "syntax")
    assert message == (
        "invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence "
        "started at line 4, column 11)"
    )


def test_raw_control_character(tmp_path: Path) -> None:
    message = refused_file(tmp_path, "control_char.yaml", "4:16", "control-char")
    assert message.startswith("found the character U+001B")
    run = run_brief(tmp_path, "check", "--data", "data/control_char.yaml")
    assert "\x1b" not in run.stdout + run.stderr


def test_escapes_in_a_tag_and_a_file_name_reach_no_terminal(tmp_path: Path) -> None:
    data = data_dir(tmp_path, "tag_escapes.yaml")
    shutil.copyfile(HOSTILE / "format_2.yaml", data / "\x1b]0;pwned\x07.yaml")
    lines = assert_refused(
        tmp_path, "data",
        [("data/^[]0;pwned^G.yaml:1:9", "format"), ("data/tag_escapes.yaml:2:9", "tag")],
    )
    assert "tag ^[]0;pwned^G is not allowed" in lines[1]
    for args in (["check"], ["check", "--json"], ["define", "x"], ["timeline"]):
        run = run_brief(tmp_path, *args, "--data", "data")
        assert run.code == 1
        assert "\x1b" not in run.stdout + run.stderr
        assert "\x07" not in run.stdout + run.stderr


# -- empty files are empty knowledge -----------------------------------------------------


@pytest.mark.parametrize("name", ["empty.yaml", "comments_only.yaml", "document_marker_only.yaml"])
def test_empty_knowledge_is_valid(tmp_path: Path, name: str) -> None:
    data_dir(tmp_path, name)
    run = run_brief(tmp_path, "check", "--data", f"data/{name}")
    assert run.code == 0, run.stdout + run.stderr
    assert run.stdout == ""
    assert run.stderr == "ok: 1 file(s), 0 record(s), no problems\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and /dev/zero")
def test_special_files_named_like_knowledge_are_refused_not_read(tmp_path: Path) -> None:
    """A shared folder may hold a link to /dev/zero or a FIFO called `*.yaml`: reading
    either would never end. They are reported, and the rest is answered."""
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "good.yaml").write_text("entities:\n  - {id: a, name: A}\n", encoding="utf-8")
    (folder / "zero.yaml").symlink_to("/dev/zero")
    os.mkfifo(folder / "pipe.yaml")
    env = {**os.environ, "BRIEF_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "briefcli", "check", "--data", str(folder)],
        env=env, capture_output=True, text=True, timeout=20,
    )
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert any(line.endswith("pipe.yaml: error: cannot read: not a regular file [unreadable]")
               for line in lines)
    assert any(line.endswith("zero.yaml: error: a link to a file outside the data folder is "
                             "not followed [unreadable]") for line in lines)
    assert "Traceback" not in result.stderr
