"""The index updated in place: SQLite transactions in WAL mode, and what they guarantee.

Readers keep the state they began with, a run killed mid-update loses nothing, runs
updating at once take turns, a call that finds the index current takes no write lock,
a first build is placed whole and never over another run's, and the side files of the
log (-wal, -shm) never outlive their index to meet the next one.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import briefcli.index.cache as cache
from briefcli.index.cache import index_file, open_index
from briefcli.index.query import all_records
from briefcli.index.store import BuildReport, stored_problems
from conftest import write

# The children run the very brief this process imported (the checkout's src/ or the installed
# copy): another copy's files would count as other code, and the index would be rebuilt.
SRC = str(Path(cache.__file__).resolve().parents[2])


def entities(prefix: str, n: int, name: str = "E") -> str:
    return "entities:\n" + "".join(
        f"  - id: {prefix}{i}\n    name: {name}{i}\n    related: [{prefix}{max(i - 1, 0)}]\n"
        for i in range(n)
    )


def settle(path: Path) -> None:
    """Date a file ten seconds back, so that the index trusts its stamp (not racily
    clean) and a second run has nothing left to read again."""
    past = time.time() - 10
    os.utime(path, (past, past))


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    folder = tmp_path / "kb"
    write(folder / "big.yaml", entities("b", 200))
    write(folder / "small.yaml", entities("s", 1, "Small"))
    for path in folder.iterdir():
        settle(path)
    return folder


def names(conn: sqlite3.Connection) -> dict[str, str]:
    return {r.id: r.data["name"] for r in all_records(conn) if r.kind == "entity"}


def same_as_a_fresh_build(conn: sqlite3.Connection, kb: Path) -> None:
    fresh = open_index([kb], None)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert [(r.kind, r.id, r.line, r.data) for r in all_records(conn)] == [
        (r.kind, r.id, r.line, r.data) for r in all_records(fresh)
    ]
    assert stored_problems(conn) == stored_problems(fresh)


def test_an_edit_updates_the_index_file_in_place(kb, tmp_path):
    target = index_file(tmp_path / "cache", [kb])
    open_index([kb], tmp_path / "cache").close()
    inode = target.stat().st_ino
    write(kb / "small.yaml", entities("s", 1, "Smaller"))
    report = BuildReport()
    conn = open_index([kb], tmp_path / "cache", report)
    assert not report.rebuilt and report.reread == [str(kb / "small.yaml")]
    assert target.stat().st_ino == inode  # the same file, not a copy moved over it
    assert names(conn)["s0"] == "Smaller0"
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    same_as_a_fresh_build(conn, kb)


def test_readers_keep_their_state_while_an_update_runs_and_after_it_commits(kb, tmp_path):
    cache_dir = tmp_path / "cache"
    before = open_index([kb], cache_dir)  # a call that began before the edit
    target = index_file(cache_dir, [kb])
    write(kb / "small.yaml", entities("s", 1, "Smaller"))
    write(kb / "new.yaml", entities("n", 3))
    seen_midway = []

    def midway(done: int, total: int) -> None:
        if done == 1:  # one file rewritten, the other not yet: uncommitted
            with sqlite3.connect(target) as other:
                seen_midway.append((
                    dict(other.execute("SELECT id, json_extract(data, '$.name') FROM records "
                                       "WHERE id IN ('s0', 'n0')")),
                    other.execute("SELECT count(*) FROM records").fetchone()[0],
                ))
            other.close()

    report = BuildReport()
    report.progress = midway
    after = open_index([kb], cache_dir, report)
    assert seen_midway == [({"s0": "Small0"}, 201)]  # the index as it was, whole
    assert names(before)["s0"] == "Small0" and "n0" not in names(before)
    assert names(after)["s0"] == "Smaller0" and names(after)["n2"] == "E2"
    before.close()
    same_as_a_fresh_build(after, kb)


KILLED_MIDWAY = """
import os, signal, sys
from pathlib import Path
import briefcli.index.cache as cache
import briefcli.index.update as updating
from briefcli.index.store import BuildReport

real_update = updating.update

def spilling_update(conn, stamps, report):
    conn.execute("PRAGMA cache_size = 8")  # pages go to the log before the transaction ends
    return real_update(conn, stamps, report)

updating.update = spilling_update

def stop(done, total):
    if done == 1:  # the first file is written into the open transaction
        os.kill(os.getpid(), signal.SIGKILL)

report = BuildReport()
report.progress = stop
cache.open_index([Path(sys.argv[1])], Path(sys.argv[2]), report)
"""


def test_a_run_killed_mid_update_loses_nothing(kb, tmp_path):
    cache_dir = tmp_path / "cache"
    open_index([kb], cache_dir).close()
    target = index_file(cache_dir, [kb])
    with sqlite3.connect(f"{target.as_uri()}?mode=ro", uri=True) as raw:
        state = raw.execute("SELECT kind, id, data FROM records ORDER BY rid").fetchall()
    raw.close()
    write(kb / "a-huge.yaml", entities("h", 2000))
    write(kb / "small.yaml", entities("s", 1, "Smaller"))
    proc = subprocess.run([sys.executable, "-c", KILLED_MIDWAY, str(kb), str(cache_dir)],
                          env={**os.environ, "PYTHONPATH": SRC}, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == -9, proc.stderr
    assert Path(f"{target}-wal").stat().st_size > 0  # the killed update's log is there
    with sqlite3.connect(f"{target.as_uri()}?mode=ro", uri=True) as raw:
        assert raw.execute("SELECT kind, id, data FROM records ORDER BY rid").fetchall() == state
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    raw.close()
    report = BuildReport()
    conn = open_index([kb], cache_dir, report)
    assert not report.rebuilt and len(report.reread) == 2
    assert names(conn)["h1999"] == "E1999" and names(conn)["s0"] == "Smaller0"
    same_as_a_fresh_build(conn, kb)


UPDATE_AND_SAY = """
import json, sys
from pathlib import Path
from briefcli.index.cache import open_index
from briefcli.index.store import BuildReport
from briefcli.index.query import find_terms

report = BuildReport()
conn = open_index([Path(sys.argv[1])], Path(sys.argv[2]), report)
print(json.dumps({"reread": report.reread, "rebuilt": report.rebuilt,
                  "warnings": report.warnings,
                  "names": [d.entity.name for d in find_terms(conn, "h2999")]}))
"""


def test_two_runs_updating_at_once_take_turns(kb, tmp_path):
    cache_dir = tmp_path / "cache"
    open_index([kb], cache_dir).close()
    huge = write(kb / "huge.yaml", entities("h", 3000))  # an update of a second or so
    settle(huge)
    # A third run holds the write lock while both start, so that they meet at it.
    holder = sqlite3.connect(index_file(cache_dir, [kb]), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    procs = [
        subprocess.Popen([sys.executable, "-c", UPDATE_AND_SAY, str(kb), str(cache_dir)],
                         env={**os.environ, "PYTHONPATH": SRC}, text=True,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    time.sleep(1)  # not a measurement: the outcome is the same if they arrive later
    holder.rollback()
    holder.close()
    said = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        said.append(json.loads(out))
    assert [s["names"] for s in said] == [["E2999"], ["E2999"]]  # both answer right
    assert all(not s["warnings"] and not s["rebuilt"] for s in said)
    # Whoever took the lock second found the work done: the file was read once.
    assert sorted(len(s["reread"]) for s in said) == [0, 1]
    report = BuildReport()
    conn = open_index([kb], cache_dir, report)
    assert report.reread == []
    same_as_a_fresh_build(conn, kb)


def test_a_current_index_is_read_without_a_write_lock(kb, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    open_index([kb], cache_dir).close()
    writer = sqlite3.connect(index_file(cache_dir, [kb]), isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another run holds the write lock...
    monkeypatch.setattr(cache, "LOCK_WAIT", 0)  # ...and a wait for it would fail at once
    report = BuildReport()
    conn = open_index([kb], cache_dir, report)
    assert report.warnings == [] and report.location == str(index_file(cache_dir, [kb]))
    assert names(conn)["s0"] == "Small0"
    conn.close()
    # An update does need the lock: without it, this call answers from memory.
    write(kb / "small.yaml", entities("s", 1, "Smaller"))
    report = BuildReport()
    conn = open_index([kb], cache_dir, report)
    assert report.location == ":memory:"
    assert "database is locked" in report.warnings[0]
    assert names(conn)["s0"] == "Smaller0"
    writer.rollback()
    writer.close()


def test_a_first_build_is_placed_whole_and_never_over_another(kb, tmp_path):
    cache_dir = tmp_path / "cache"
    target = index_file(cache_dir, [kb])
    during = []

    def another_run_finishes_first(done: int, total: int) -> None:
        if done == 1 and not during:
            # Mid-build: nothing under the index's name, only a temporary file.
            during.append(sorted(p.name.startswith(".index-") for p in cache_dir.iterdir()))
            other = BuildReport()
            open_index([kb], cache_dir, other).close()
            during.append((other.rebuilt, target.stat().st_ino))

    report = BuildReport()
    report.progress = another_run_finishes_first
    conn = open_index([kb], cache_dir, report)
    assert during[0] == [True]
    assert during[1][0] is True
    assert target.stat().st_ino == during[1][1]  # the other run's index was kept
    assert report.location == str(target)
    assert names(conn)["s0"] == "Small0"
    conn.close()
    assert [p.name for p in cache_dir.iterdir()] == [target.name]  # ours was dropped


def test_a_log_left_beside_a_removed_index_never_meets_the_next_one(kb, tmp_path):
    cache_dir = tmp_path / "cache"
    target = index_file(cache_dir, [kb])
    open_index([kb], cache_dir).close()
    # A log with committed pages, from a run that is still open...
    holder = sqlite3.connect(target)
    holder.execute("UPDATE records SET data = json_set(data, '$.name', 'Stale')")
    holder.commit()
    log = Path(f"{target}-wal").read_bytes()
    holder.close()
    # ...left behind when its index was removed (by hand, or as damaged): SQLite would
    # apply it to whatever file comes next under that name.
    target.unlink()
    Path(f"{target}-wal").write_bytes(log)
    Path(f"{target}-shm").write_bytes(b"\0" * 32768)
    report = BuildReport()
    conn = open_index([kb], cache_dir, report)
    assert report.rebuilt
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert set(names(conn).values()) >= {"Small0", "E199"}
    same_as_a_fresh_build(conn, kb)


def test_an_index_of_other_code_is_replaced_with_its_side_files(kb, tmp_path):
    cache_dir = tmp_path / "cache"
    target = index_file(cache_dir, [kb])
    open_index([kb], cache_dir).close()
    with sqlite3.connect(target) as raw:
        raw.execute("UPDATE meta SET value = 'another version' WHERE key = 'version'")
    holder = raw  # still open: its log and shared memory are beside the index
    report = BuildReport()
    conn = open_index([kb], cache_dir, report)
    assert report.rebuilt
    assert conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone() == (
        cache.INDEX_VERSION,
    )
    holder.close()  # the old file's last user: it must not remove the new file's log
    assert names(conn)["s0"] == "Small0"
    same_as_a_fresh_build(conn, kb)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="folder permissions do not stop root")
def test_a_read_only_cache_folder_is_read_while_current(kb, tmp_path):
    cache_dir = tmp_path / "cache"
    open_index([kb], cache_dir).close()
    os.chmod(cache_dir, 0o555)
    try:
        report = BuildReport()
        conn = open_index([kb], cache_dir, report)  # no -shm can be made: read immutable
        assert report.warnings == [] and report.location == str(index_file(cache_dir, [kb]))
        assert names(conn)["s0"] == "Small0"
        write(kb / "small.yaml", entities("s", 1, "Smaller"))
        report = BuildReport()
        conn = open_index([kb], cache_dir, report)
        assert report.location == ":memory:" and len(report.warnings) == 1
        assert names(conn)["s0"] == "Smaller0"
    finally:
        os.chmod(cache_dir, 0o755)


def test_pruning_takes_side_files_with_their_index(brief, tmp_path):
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    old = cache_dir / "index-0000000000000000.sqlite"
    orphan = cache_dir / "index-3333333333333333.sqlite-shm"
    live = cache_dir / "index-1111111111111111.sqlite"
    build_log = cache_dir / ".index-2222.sqlite-x.tmp-wal"
    files = [old, Path(f"{old}-wal"), Path(f"{old}-shm"), orphan, live, Path(f"{live}-wal"),
             build_log]
    for path in files:
        path.write_bytes(b"")
    long_ago = time.time() - 40 * 86400
    for path in files:
        if path.name.startswith(("index-0", "index-3", ".index-")):
            os.utime(path, (long_ago, long_ago))
    assert brief("define", "KFOR").code == 0  # builds an index: the cache is swept
    left = {p.name for p in cache_dir.iterdir()}
    assert left & {p.name for p in files} == {live.name, f"{live.name}-wal"}


def test_a_lookup_process_leaves_the_log_to_the_next_call(kb: Path, tmp_path: Path) -> None:
    """A lookup's own process ends without closing the index while its log is empty (the
    next call would make the side files again); a call that updated the index closes
    it, so that its log is checkpointed into the index and not read again by every call
    after it; the last connection closed within a process removes the side files."""
    cache_dir = tmp_path / "cache"
    env = {**os.environ, "BRIEF_CACHE_DIR": str(cache_dir), "NO_COLOR": "1",
           "PYTHONPATH": SRC}
    env.pop("BRIEF_NO_LEAN", None)

    def define(term: str) -> str:
        out = subprocess.run([sys.executable, "-m", "briefcli", "define", term, "--data",
                              str(kb), "--json"], env=env, capture_output=True, text=True,
                             timeout=60)
        assert out.returncode == 0, out.stderr
        return str(json.loads(out.stdout)[0]["name"])

    settle(kb / "big.yaml")
    settle(kb / "small.yaml")
    open_index([kb], cache_dir).close()
    target = index_file(cache_dir, [kb])
    side = [target.name, f"{target.name}-shm", f"{target.name}-wal"]
    assert define("s0") == "Small0"
    assert sorted(p.name for p in cache_dir.iterdir()) == side
    assert Path(f"{target}-wal").stat().st_size == 0
    assert define("s0") == "Small0"  # the side files left behind are used as they are
    write(kb / "small.yaml", entities("s", 1, "Edited"))
    settle(kb / "small.yaml")
    assert define("s0") == "Edited0"  # updated in place, then closed: checkpointed
    assert [p.name for p in cache_dir.iterdir()] == [target.name]
    check = sqlite3.connect(f"file:{target}?immutable=1", uri=True)  # the index file itself
    assert check.execute("SELECT count(*) FROM records WHERE id = 's0' AND "
                         "json_extract(data, '$.name') = 'Edited0'").fetchone() == (1,)
    check.close()
    assert define("s0") == "Edited0"
    assert sorted(p.name for p in cache_dir.iterdir()) == side
    report = BuildReport()
    conn = open_index([kb], cache_dir, report)
    assert report.reread == [] and not report.rebuilt
    assert names(conn)["s0"] == "Edited0"
    conn.close()
    assert [p.name for p in cache_dir.iterdir()] == [target.name]
