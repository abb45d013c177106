"""The compiled index: incremental, never stale, robust to faults and concurrent runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefcli.index.cache import index_file, open_index
from briefcli.index.query import find_terms
from briefcli.index.store import BuildReport, stored_problems
from conftest import write


def entity(eid: str, name: str) -> str:
    return f"  - id: {eid}\n    name: {name}\n"


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    folder = tmp_path / "kb"
    write(folder / "big.yaml", "entities:\n" + "".join(entity(f"e{i}", f"E{i}") for i in range(50)))
    write(folder / "small.yaml", "entities:\n" + entity("s", "Small"))
    return folder


def build(kb: Path, cache: Path) -> tuple[BuildReport, object]:
    report = BuildReport()
    conn = open_index([kb], cache, report)
    return report, conn


def names(conn, term: str) -> list[str]:
    return [d.entity.name for d in find_terms(conn, term)]


def test_warm_call_reads_nothing(kb, tmp_path):
    cache = tmp_path / "cache"
    first, _ = build(kb, cache)
    assert first.rebuilt and len(first.reread) == 2
    second, conn = build(kb, cache)
    assert second.reread == [] and not second.rebuilt
    assert names(conn, "s") == ["Small"]


def test_editing_one_file_rereads_only_it(kb, tmp_path):
    cache = tmp_path / "cache"
    build(kb, cache)
    write(kb / "small.yaml", "entities:\n" + entity("s", "Smaller"))
    report, conn = build(kb, cache)
    assert report.reread == [str((kb / "small.yaml").resolve())]
    assert names(conn, "s") == ["Smaller"]


def test_added_and_removed_files(kb, tmp_path):
    cache = tmp_path / "cache"
    build(kb, cache)
    write(kb / "sub" / "new.yml", "entities:\n" + entity("n", "New"))
    report, conn = build(kb, cache)
    assert [Path(p).name for p in report.reread] == ["new.yml"]
    assert names(conn, "n") == ["New"]
    (kb / "sub" / "new.yml").unlink()
    report, conn = build(kb, cache)
    assert [Path(p).name for p in report.removed] == ["new.yml"]
    assert find_terms_or_none(conn, "n") is None


def find_terms_or_none(conn, term):
    from briefcli.index.query import NotFound

    try:
        return find_terms(conn, term)
    except NotFound:
        return None


def test_same_size_edit_is_seen(kb, tmp_path):
    cache = tmp_path / "cache"
    build(kb, cache)
    path = kb / "small.yaml"
    before = path.stat()
    write(path, "entities:\n" + entity("s", "Smell"))  # same length as "Small"
    assert path.stat().st_size == before.st_size
    _, conn = build(kb, cache)
    assert names(conn, "s") == ["Smell"]


def test_same_size_edit_with_mtime_restored_is_seen(kb, tmp_path):
    cache = tmp_path / "cache"
    path = kb / "small.yaml"
    build(kb, cache)
    before = path.stat()
    write(path, "entities:\n" + entity("s", "Smell"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # ctime still moves
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    _, conn = build(kb, cache)
    assert names(conn, "s") == ["Smell"]


def test_cross_file_checks_follow_partial_rebuilds(kb, tmp_path):
    cache = tmp_path / "cache"
    build(kb, cache)
    write(kb / "dup.yaml", "entities:\n" + entity("s", "Again") + "  - id: r\n    name: R\n"
          "    related: [gone]\n")
    _, conn = build(kb, cache)
    codes = sorted(p.code for p in stored_problems(conn))
    assert codes == ["duplicate-id", "unknown-ref"]
    dup = next(p for p in stored_problems(conn) if p.code == "duplicate-id")
    # Both places are named: the problem's own and the first definition's.
    assert dup.path.endswith("small.yaml") and "dup.yaml:2:5" in dup.message
    write(kb / "gone.yaml", "entities:\n" + entity("gone", "Gone"))
    _, conn = build(kb, cache)
    assert [p.code for p in stored_problems(conn)] == ["duplicate-id"]
    (kb / "dup.yaml").unlink()
    _, conn = build(kb, cache)
    assert stored_problems(conn) == []


def test_corrupted_cache_is_rebuilt(kb, tmp_path):
    cache = tmp_path / "cache"
    build(kb, cache)
    target = index_file(cache, [kb])
    target.write_bytes(b"this is not a database" * 100)
    report, conn = build(kb, cache)
    assert report.rebuilt
    assert names(conn, "s") == ["Small"]


def test_truncated_cache_is_rebuilt(kb, tmp_path):
    cache = tmp_path / "cache"
    build(kb, cache)
    target = index_file(cache, [kb])
    target.write_bytes(target.read_bytes()[:1000])
    report, conn = build(kb, cache)
    assert names(conn, "s") == ["Small"]


def test_unwritable_cache_answers_from_memory(kb, tmp_path, brief):
    blocker = write(tmp_path / "blocker", "a file where a folder should be")
    report, conn = build(kb, blocker / "cache")
    assert report.location == ":memory:"
    assert len(report.warnings) == 1
    assert names(conn, "s") == ["Small"]
    r = brief("define", "Small", "--data", str(kb), BRIEF_CACHE_DIR=str(blocker / "cache"))
    assert r.code == 0
    assert "Small" in r.stdout
    assert r.stderr.count("warning:") == 1


def test_no_temporary_files_left(kb, tmp_path):
    cache = tmp_path / "cache"
    build(kb, cache)[1].close()
    write(kb / "small.yaml", "entities:\n" + entity("s", "Changed"))
    _, conn = build(kb, cache)
    target = index_file(cache, [kb])
    # While a connection is open, SQLite keeps its log and shared memory beside the index.
    assert {p.name for p in cache.iterdir()} <= {target.name + s for s in ("", "-wal", "-shm")}
    conn.close()  # the last one out checkpoints the log and removes both
    assert [p.name for p in cache.iterdir()] == [target.name]


def test_concurrent_cold_runs(kb, tmp_path):
    cache = tmp_path / "cache"
    env = {**os.environ, "BRIEF_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "briefcli", "define", f"E{i}", "--data", str(kb), "--json"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for i in range(6)
    ]
    for i, proc in enumerate(procs):
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        assert f'"E{i}"' in out
    report, conn = build(kb, cache)
    assert report.reread == []
    conn.close()
    assert [p.name for p in cache.iterdir()] == [index_file(cache, [kb]).name]


def test_index_per_set_of_paths(kb, tmp_path):
    cache = tmp_path / "cache"
    other = write(tmp_path / "other.yaml", "entities:\n" + entity("o", "Other"))
    build(kb, cache)
    _, conn = build(other, cache)
    assert names(conn, "o") == ["Other"]
    assert find_terms_or_none(conn, "s") is None


def test_cache_damaged_past_its_header_is_rebuilt(kb, tmp_path, brief):
    cache = tmp_path / "cache"
    r = brief("define", "Small", "--data", str(kb), BRIEF_CACHE_DIR=str(cache))
    assert r.code == 0
    target = index_file(cache, [kb])
    data = bytearray(target.read_bytes())
    page = 4096
    for start in range(2 * page, len(data), page):  # keep the header and first page
        data[start : start + page] = b"\xff" * min(page, len(data) - start)
    target.write_bytes(bytes(data))
    r = brief("define", "Small", "--data", str(kb), BRIEF_CACHE_DIR=str(cache))
    assert r.code == 0, r.stderr
    assert "Small" in r.stdout
    assert "Traceback" not in r.stderr


def test_cache_damaged_where_only_a_query_reads_is_rebuilt(kb, tmp_path, brief):
    import sqlite3

    cache = tmp_path / "cache"
    assert brief("define", "Small", "--data", str(kb), BRIEF_CACHE_DIR=str(cache)).code == 0
    target = index_file(cache, [kb])
    with sqlite3.connect(target) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'terms_key'"
        ).fetchone()
    conn.close()
    data = bytearray(target.read_bytes())
    start = (root - 1) * page_size
    data[start : start + page_size] = b"\xff" * page_size
    target.write_bytes(bytes(data))
    r = brief("define", "Small", "--data", str(kb), BRIEF_CACHE_DIR=str(cache))
    assert r.code == 0, r.stderr
    assert "Small" in r.stdout
    assert r.stderr.count("is damaged; rebuilding") == 1


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG rule is for Linux")
@pytest.mark.parametrize("xdg", [None, "/somewhere/cache", "relative/ignored", ""])
def test_default_cache_dir_is_the_platforms(xdg, monkeypatch):
    from platformdirs import user_cache_dir

    from briefcli.cli.environment import Environment

    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    environ = dict(os.environ)
    environ.pop("BRIEF_CACHE_DIR", None)
    expected = Path(user_cache_dir("brief", appauthor=False))
    assert Environment(environ=environ).cache_dir() == expected


def test_partial_cross_checks_equal_a_full_one(tmp_path):
    """After every edit of a random sequence, the incremental index holds the same
    problems as one built from scratch."""
    import random

    rng = random.Random(7)
    folder = tmp_path / "kb"
    folder.mkdir()
    cache = tmp_path / "cache"
    ids = [f"x{i}" for i in range(8)]

    def random_file() -> str:
        lines = ["entities:"]
        for eid in rng.sample(ids, rng.randint(0, 3)):
            related = rng.sample(ids, rng.randint(0, 2))
            lines += [f"  - id: {eid}", f"    name: N{eid}", f"    related: [{', '.join(related)}]"]
        return "\n".join(lines) + "\n"

    for step in range(40):
        files = sorted(folder.glob("*.yaml"))
        action = rng.choice(["add", "edit", "remove"] if files else ["add"])
        if action == "add":
            write(folder / f"f{step}.yaml", random_file())
        elif action == "edit":
            write(rng.choice(files), random_file())
        else:
            rng.choice(files).unlink()
        _, conn = build(folder, cache)
        fresh = open_index([folder], None)
        assert stored_problems(conn) == stored_problems(fresh), step


def test_a_file_modified_just_before_it_is_read_is_read_again(kb, tmp_path):
    """Racily clean files: a second same-size edit within one tick of the file system's
    clock keeps size and times, so a stamp taken that close to a change is not trusted
    and the next call reads the file again, even though nothing seems to have changed."""
    import time

    from briefcli.index.update import RACY_NS

    cache = tmp_path / "cache"
    path = kb / "small.yaml"
    now = time.time_ns()
    os.utime(path, ns=(now, now))
    _, conn = build(kb, cache)
    stored = dict(conn.execute("SELECT path, mtime_ns FROM files"))
    assert stored[str(path)] == -1  # not trusted
    assert stored[str(kb / "big.yaml")] > 0  # written ten seconds ago: trusted
    time.sleep(RACY_NS / 1e9 * 1.5)
    # The second edit of the same tick: other bytes, the same size and times.
    text = path.read_bytes()
    swapped = text.replace(b"a", b"b", 1) if b"a" in text else text.replace(b"e", b"f", 1)
    assert swapped != text and len(swapped) == len(text)
    st = path.stat()
    path.write_bytes(swapped)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    report, conn = build(kb, cache)
    assert report.reread == [str(path)]
    report, _ = build(kb, cache)
    assert report.reread == []


def test_a_large_file_is_read_in_batches_with_the_same_result(tmp_path: Path) -> None:
    from briefcli.index.query import all_records
    from briefcli.knowledge.checker import BATCH, parse_file

    n = BATCH * 2 + 17
    text = "entities:\n" + "".join(
        f"  - id: e{i}\n    name: E{i}\n    related: [e{i - 1 if i else 1}]\n" for i in range(n)
    ) + "  - id: bad\n    nme: X\nevents:\n  - id: ev\n    date: 2020\n    title: T\n"
    kb = write(tmp_path / "kb.yaml", text)
    whole = parse_file(text.encode(), str(kb))
    conn = open_index([kb], tmp_path / "cache")
    assert [(r.kind, r.id, r.data) for r in all_records(conn)] == [
        (r.kind, r.id, r.data) for r in whole.records
    ]
    assert stored_problems(conn) == whole.problems
    assert conn.execute("SELECT count(*) FROM links").fetchone()[0] == n


def test_a_hostile_construct_late_in_a_large_file_leaves_nothing_of_it(tmp_path: Path) -> None:
    from briefcli.knowledge.checker import BATCH

    good = write(tmp_path / "kb" / "good.yaml", "entities:\n  - id: g\n    name: G\n")
    text = "entities:\n" + "".join(
        f"  - id: e{i}\n    name: E{i}\n" for i in range(BATCH * 2)
    ) + "  - id: x\n    name: !!python/object/apply:os.system [echo]\n"
    write(tmp_path / "kb" / "evil.yaml", text)
    conn = open_index([good.parent], tmp_path / "cache")
    assert [r[0] for r in conn.execute("SELECT id FROM records")] == ["g"]
    assert [p.code for p in stored_problems(conn)] == ["tag"]


def test_an_anchored_section_is_read_whole(tmp_path: Path) -> None:
    kb = write(tmp_path / "kb.yaml", "entities: &people\n  - id: a\n    name: A\n"
               "faqs:\n  - question: Who?\n    answer: A.\n")
    conn = open_index([kb], tmp_path / "cache")
    assert sorted(r[0] for r in conn.execute("SELECT id FROM records")) == ["a", "faq-who"]


def test_a_touch_that_leaves_the_bytes_unchanged_is_not_parsed_again(kb, tmp_path):
    """A checkout or a save without changes gives a file new times, not new bytes: the
    index takes the new stamp and parses nothing, and the next call finds it current."""
    from briefcli.index.store import changes
    from briefcli.knowledge.sources import knowledge_files

    cache = tmp_path / "cache"
    path = kb / "big.yaml"
    build(kb, cache)
    later = path.stat().st_mtime_ns + 5_000_000_000
    os.utime(path, ns=(later, later))
    report, conn = build(kb, cache)
    assert report.reread == []
    stored = dict(conn.execute("SELECT path, mtime_ns FROM files"))
    assert stored[str(path)] == later
    assert changes(conn, knowledge_files([kb])) is None
    assert names(conn, "E7") == ["E7"]


def test_a_same_size_edit_with_new_times_is_parsed_again(kb, tmp_path):
    cache = tmp_path / "cache"
    path = kb / "small.yaml"
    build(kb, cache)
    text = path.read_text()
    path.write_text(text.replace("Small", "Smalt"))
    later = path.stat().st_mtime_ns + 5_000_000_000
    os.utime(path, ns=(later, later))
    report, conn = build(kb, cache)
    assert report.reread == [str(path)]
    assert names(conn, "Smalt") == ["Smalt"]


def test_the_racy_window_is_measured_against_the_read():
    """A file saved well before it was read is trusted, however soon the update ends."""
    from briefcli.index.update import RACY_NS, _racy
    from briefcli.knowledge.sources import FileStamp

    read_ns = 10**18
    safe = FileStamp("f.yaml", 1, read_ns - RACY_NS - 1, 0, 1)
    close = FileStamp("f.yaml", 1, read_ns - RACY_NS + 1, 0, 1)
    assert _racy(safe, read_ns) == safe.mtime_ns
    assert _racy(close, read_ns) == -1


def test_a_touch_does_not_import_the_reader(kb, tmp_path):
    """Neither PyYAML nor the checker is imported when no file's bytes changed."""
    import subprocess
    import sys

    cache = tmp_path / "cache"
    build(kb, cache)
    path = kb / "small.yaml"
    later = path.stat().st_mtime_ns + 5_000_000_000
    os.utime(path, ns=(later, later))
    probe = (
        "import sys; from pathlib import Path; from briefcli.index.cache import open_index; "
        "from briefcli.index.store import BuildReport; r = BuildReport(); "
        f"open_index([Path({str(kb)!r})], Path({str(cache)!r}), r); "
        "print(r.reread, 'yaml' in sys.modules, 'briefcli.knowledge.checker' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["[]", "False", "False"]


def _order(conn) -> list[tuple[str, str]]:
    return [tuple(row) for row in conn.execute("SELECT kind, id FROM records ORDER BY rid")]


@pytest.mark.parametrize(("gap", "span"), [(1 << 12, 1 << 24), (2, 1 << 24), (2, 4)],
                         ids=["gap", "no-slot-left", "file-outgrows-its-room"])
def test_records_keep_the_knowledges_order_after_any_edit(tmp_path, monkeypatch, gap, span):
    """Answers list records in rid order: after every edit of a random sequence (files
    added before, between and after the others, edited, grown, removed) the order is the
    one a fresh build gives. Small gaps and spans leave no room, so files are stored
    again."""
    import random

    from briefcli.index import update as store

    monkeypatch.setattr(store, "GAP", gap)
    monkeypatch.setattr(store, "SPAN", span)
    rng = random.Random(11)
    folder = tmp_path / "kb"
    folder.mkdir()
    cache = tmp_path / "cache"
    for step in range(40):
        files = sorted(folder.glob("*.yaml"))
        action = rng.choice(["add", "add", "edit", "remove"] if files else ["add"])
        if action == "remove":
            rng.choice(files).unlink()
        else:
            path = (folder / f"{rng.choice('abcdefgh')}{step:02d}.yaml" if action == "add"
                    else rng.choice(files))
            count = rng.randint(0, 6)
            write(path, "entities:\n" + "".join(
                entity(f"{path.stem}x{i}", f"N {path.stem} {i}") for i in range(count)))
        _, conn = build(folder, cache)
        fresh = open_index([folder], None)
        assert _order(conn) == _order(fresh), (step, action)


def test_a_timeline_is_the_same_after_an_edit_as_after_a_fresh_build(tmp_path, brief):
    """Two events of one day, in two files: editing the first file kept its event but
    listed it after the other one's, unlike a fresh build."""
    folder = tmp_path / "kb"
    for name, eid in (("a.yaml", "zeta"), ("b.yaml", "alpha")):
        write(folder / name, f"events:\n  - id: {eid}\n    date: 2020-01-01\n"
                             f"    title: {eid.title()} founded\n    summary: once.\n")
    before = brief("timeline", "--data", str(folder)).stdout
    write(folder / "a.yaml", (folder / "a.yaml").read_text().replace("once.", "twice."))
    after = brief("timeline", "--data", str(folder)).stdout
    assert before.index("Zeta founded") < before.index("Alpha founded")
    assert after.index("Zeta founded") < after.index("Alpha founded")
    assert after == before.replace("once.", "twice.", 1)


_TEXT = st.text(alphabet=st.characters(max_codepoint=0x2FFF), max_size=12)
_FIELDS = st.recursive(_TEXT, lambda inner: st.lists(inner, max_size=4)
                       | st.dictionaries(_TEXT, inner, max_size=4), max_leaves=12)


@given(st.one_of(_FIELDS, st.dictionaries(_TEXT, st.one_of(_FIELDS, st.integers(), st.none(),
                                                            st.booleans()), max_size=5)))
def test_a_few_records_are_written_as_json_writes_them(value) -> None:
    """An edit writes a record's JSON without importing `json`: the same text, since the
    site's digests and SQL's json_extract read it whichever way it was written."""
    import json

    from briefcli.index.update import json_text

    assert json_text(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))
