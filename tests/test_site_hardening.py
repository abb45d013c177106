"""`brief site` in a folder someone else wrote: it never leaves the folder, never follows a
link, removes only what it wrote, and two builds never mix (issue 17, `brief site`)."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefcli.site import build as site
from briefcli.site import folder as site_folder
from briefcli.site import paths as site_paths
from briefcli.site.paths import MANIFEST, is_site_path, record_path, tag_path, timeline_path
from conftest import FULL, Brief, fixed_settings, write
from test_site import KNOWLEDGE, broken_links, build, site_files

# A site with no FAQs, events, sources or timelines: their folders are not needed by it,
# so a link there is met only by the pruning of an earlier build's pages.
SMALL = """\
format: 1
entities:
  - id: kfor
    name: Kosovo Force
    acronym: KFOR
"""


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


CACHES = ("cache", "c1", "c2")  # the index's folders, which brief writes of course


def snapshot(top: Path, skip: Path | None = None) -> dict[str, tuple[str, bytes | str | None]]:
    """Everything below `top` (but `skip` and the caches), links not followed: kind and
    content, or target."""
    seen: dict[str, tuple[str, bytes | str | None]] = {}
    skipped = {skip, *(top / c for c in CACHES)} if skip is not None else set()
    for here, dirs, files in os.walk(top):
        if Path(here) in skipped:
            dirs.clear()
            continue
        for name in dirs + files:
            path = Path(here) / name
            if path in skipped:
                continue
            mode = path.lstat().st_mode
            key = path.relative_to(top).as_posix()
            if stat.S_ISLNK(mode):
                seen[key] = ("link", os.readlink(path))
            elif stat.S_ISDIR(mode):
                seen[key] = ("folder", None)
            elif stat.S_ISREG(mode):
                seen[key] = ("file", path.read_bytes())
            else:
                seen[key] = ("other", None)
    return seen


def add_to_manifest(out: Path, entries: dict[str, bytes]) -> None:
    """List `entries` in the manifest with the digest of the given content, as if brief
    had written them: what a hostile manifest can claim."""
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    for name, content in entries.items():
        manifest["files"].append(name)
        manifest.setdefault("sha256", {})[name] = sha(content)
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return write(tmp_path / "small" / "k.yaml", SMALL)


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    return write(tmp_path / "kb" / "k.yaml", KNOWLEDGE)


# -- C1: pruning never goes through a link ------------------------------------------------

SECRET = b"-----BEGIN OPENSSH PRIVATE KEY-----\n"


def _linked_folder(out: Path, away: Path) -> dict[str, bytes]:
    (away / "what-is-kfor.html").write_bytes(SECRET)
    (out / "faq").symlink_to(away)
    return {"faq/what-is-kfor.html": SECRET}


def _linked_file(out: Path, away: Path) -> dict[str, bytes]:
    (away / "key.html").write_bytes(SECRET)
    (out / "source").mkdir()
    (out / "source" / "key.html").symlink_to(away / "key.html")
    (out / "index.html").unlink()  # the link as a page brief writes: replaced, not followed
    (out / "index.html").symlink_to(away / "key.html")
    return {"source/key.html": SECRET}


def _linked_deep(out: Path, away: Path) -> dict[str, bytes]:
    (away / "entity").mkdir()
    (away / "entity" / "x.html").write_bytes(SECRET)
    (out / "timeline").mkdir()
    (out / "timeline" / "entity").symlink_to(away / "entity")
    return {"timeline/entity/x.html": SECRET}


def _linked_parent(out: Path, away: Path) -> dict[str, bytes]:
    (out.parent / "precious.html").write_bytes(SECRET)
    (out / "event").symlink_to("..")
    return {"event/precious.html": SECRET}


def _linked_relative_chain(out: Path, away: Path) -> dict[str, bytes]:
    (away / "a.html").write_bytes(SECRET)
    (out / "hop").symlink_to(away)  # a link inside OUT to a link out of it
    (out / "event").symlink_to("hop")
    return {"event/a.html": SECRET}


@pytest.mark.parametrize("setup", [_linked_folder, _linked_file, _linked_deep, _linked_parent,
                                   _linked_relative_chain])
def test_prune_never_follows_a_linked_folder_out_of_the_site(
    brief: Brief, tmp_path: Path, small: Path, setup: Callable[[Path, Path], dict[str, bytes]],
) -> None:
    out, away = tmp_path / "site", tmp_path / "home" / ".ssh"
    away.mkdir(parents=True)
    assert build(brief, out, small).code == 0
    add_to_manifest(out, setup(out, away))
    links = {p: os.readlink(p) for p in out.rglob("*") if p.is_symlink()}
    before = snapshot(tmp_path, skip=out)
    r = build(brief, out, small)
    assert r.code in (0, 1) and "Traceback" not in r.stderr, r.stderr
    assert snapshot(tmp_path, skip=out) == before  # nothing outside removed or written
    assert away.is_dir() and (away.parent / ".ssh").is_dir()
    for path, target in links.items():  # only regular files are unlinked: a link stays
        if path.name != "index.html":
            assert path.is_symlink() and os.readlink(path) == target, path
    assert ", 0 removed" in r.stderr
    if (out / "index.html").exists():
        assert not (out / "index.html").is_symlink()


def test_pruning_stops_at_a_link_when_it_removes_emptied_folders(
    brief: Brief, tmp_path: Path, kb: Path, small: Path,
) -> None:
    out = tmp_path / "site"
    assert build(brief, out, kb).code == 0
    empty = tmp_path / "empty-elsewhere"
    empty.mkdir()
    (out / "faq" / "inner").symlink_to(empty)  # a real page in a real folder beside a link
    r = build(brief, out, small)
    assert r.code == 0, r.stderr
    assert not (out / "faq" / "what-is-kfor.html").exists()  # brief's own page: removed
    assert (out / "faq" / "inner").is_symlink() and empty.is_dir()


# -- H1: never write through a link -------------------------------------------------------


@pytest.mark.parametrize("needed", ["entity", "glossary", "timeline", "timeline/entity", "tag"])
@pytest.mark.parametrize("where", ["outside", "parent", "inside", "dangling", "file"])
def test_a_link_where_the_site_needs_a_folder_is_refused(
    brief: Brief, tmp_path: Path, kb: Path, needed: str, where: str,
) -> None:
    out, away = tmp_path / "site", tmp_path / "away"
    assert build(brief, out, kb).code == 0
    away.mkdir()
    (away / "kfor.html").write_text("theirs", encoding="utf-8")
    (away / "k.html").write_text("theirs", encoding="utf-8")
    (out / "mine").mkdir()
    target = out / needed
    os.rename(target, tmp_path / "moved")
    if where == "file":
        target.write_text("not a folder", encoding="utf-8")
    else:
        target.symlink_to({"outside": str(away), "parent": "..", "inside": str(out / "mine"),
                           "dangling": str(tmp_path / "nowhere")}[where])
    before = snapshot(tmp_path, skip=out)
    inside = snapshot(out / "mine")
    r = build(brief, out, kb)
    assert r.code == 1, r.stderr
    what = "not a folder" if where == "file" else "a link"
    assert f"{target} is {what}; the site needs a folder there" in r.stderr
    assert "Traceback" not in r.stderr
    assert snapshot(tmp_path, skip=out) == before
    assert snapshot(out / "mine") == inside and not (tmp_path / "nowhere").exists()


def test_the_site_folder_itself_may_be_a_link(brief: Brief, tmp_path: Path, kb: Path) -> None:
    """OUT is the user's own choice: a link to where the site is served from is followed
    (only links below it are not)."""
    real = tmp_path / "srv" / "www"
    real.mkdir(parents=True)
    (tmp_path / "public").symlink_to(real)
    r = build(brief, tmp_path / "public", kb)
    assert r.code == 0, r.stderr
    assert (real / "index.html").is_file() and (real / MANIFEST).is_file()
    assert build(brief, tmp_path / "public", kb).code == 0


@pytest.mark.parametrize("page", ["index.html", "style.css", "entity/kfor.html",
                                  "timeline/entity/kfor.html", MANIFEST])
def test_a_page_that_is_a_link_is_replaced_never_written_through(
    brief: Brief, tmp_path: Path, kb: Path, page: str,
) -> None:
    out = tmp_path / "site"
    assert build(brief, out, kb).code == 0
    expected = (out / page).read_bytes()
    for content in (b"theirs", expected):  # also when it holds the page's very bytes
        away = tmp_path / "away.html"
        away.write_bytes(content)
        (out / page).unlink()
        (out / page).symlink_to(away)
        r = build(brief, out, kb, *(["--force"] if page == MANIFEST else []))
        assert r.code == 0, r.stderr
        assert away.read_bytes() == content
        assert not (out / page).is_symlink() and (out / page).is_file()
        if page != MANIFEST:
            assert (out / page).read_bytes() == expected


# -- H2: the manifest is read only as a bounded regular file -------------------------------


def _bad_manifests(out: Path, tmp_path: Path) -> dict[str, Callable[[], None]]:
    path = out / MANIFEST

    def text(data: bytes) -> Callable[[], None]:
        return lambda: path.write_bytes(data)

    def link(to: Path) -> Callable[[], None]:
        return lambda: path.symlink_to(to)

    good = tmp_path / "good.json"
    good.write_text('{"files": []}', encoding="utf-8")
    return {
        "deep": text(b"[" * 100_000),
        "deep-object": text(b'{"files": ' * 50_000),
        "not-utf8": text(b'{"files": ["\xff\xfe"]}'),
        "not-json": text(b"files: [index.html]"),
        "empty": text(b""),
        "a-list": text(b'["index.html"]'),
        "files-a-string": text(b'{"files": "index.html"}'),
        "files-numbers": text(b'{"files": [1, 2]}'),
        "digests-a-list": text(b'{"files": [], "sha256": ["x"]}'),
        "a-folder": lambda: path.mkdir(),
        "a-link-to-a-good-one": link(good),
        "dangling-link": link(tmp_path / "nowhere"),
    }


BAD = ["deep", "deep-object", "not-utf8", "not-json", "empty", "a-list", "files-a-string",
       "files-numbers", "digests-a-list", "a-folder", "a-link-to-a-good-one", "dangling-link"]


@pytest.mark.parametrize("kind", BAD)
def test_a_manifest_that_is_not_a_regular_json_file_means_not_a_site(
    brief: Brief, tmp_path: Path, kb: Path, kind: str,
) -> None:
    out = tmp_path / "site"
    assert build(brief, out, kb).code == 0
    (out / MANIFEST).unlink()
    _bad_manifests(out, tmp_path)[kind]()
    pages = snapshot(out)
    r = build(brief, out, kb)
    assert r.code == 2, r.stderr
    assert f"{out} is not a brief site: its {MANIFEST} " in r.stderr and "--force" in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.splitlines()) == 1
    assert snapshot(out) == pages
    r = build(brief, out, kb, "--force")
    if kind == "a-folder":  # cannot be replaced by a file: a message, not a crash
        assert r.code == 1, r.stderr
        assert f"cannot write the site into {out}: {out / MANIFEST}: " in r.stderr
    else:
        assert r.code == 0, r.stderr
        assert json.loads((out / MANIFEST).read_text(encoding="utf-8"))["version"] == 2
    assert "Traceback" not in r.stderr


def test_a_manifest_over_the_size_bound_means_not_a_site(
    brief: Brief, tmp_path: Path, kb: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "site"
    assert build(brief, out, kb).code == 0
    monkeypatch.setattr(site_folder, "MANIFEST_LIMIT", 4096)
    (out / MANIFEST).write_text(json.dumps({"files": ["index.html"] * 1000}), encoding="utf-8")
    r = build(brief, out, kb)
    assert r.code == 2 and f"its {MANIFEST} is larger than" in r.stderr, r.stderr
    (out / MANIFEST).write_text(json.dumps({"files": ["index.html"] * 10}), encoding="utf-8")
    assert build(brief, out, kb).code == 0


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "dev-null"])
def test_a_manifest_that_is_a_device_or_fifo_is_never_read(tmp_path: Path, kb: Path,
                                                            kind: str) -> None:
    """In a process of its own, bounded in memory and time: reading /dev/zero would
    never end, and opening a FIFO would wait for a writer forever."""
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("a page", encoding="utf-8")
    if kind == "fifo":
        os.mkfifo(out / MANIFEST)
    else:
        (out / MANIFEST).symlink_to("/dev/zero" if kind == "dev-zero" else "/dev/null")

    def limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    r = subprocess.run(
        [sys.executable, "-m", "briefcli", "site", str(out), "--data", str(kb.parent)],
        capture_output=True, text=True, timeout=120, preexec_fn=limit,
        env={**os.environ, "BRIEF_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"},
    )
    assert r.returncode == 2, r.stderr
    what = "a FIFO" if kind == "fifo" else "a link"
    assert f"its {MANIFEST} is {what}" in r.stderr and "Traceback" not in r.stderr
    assert (out / "index.html").read_text(encoding="utf-8") == "a page"


# -- M5: only brief's names, only its content ----------------------------------------------

NOT_BRIEFS = [".git/HEAD", "CNAME", ".nojekyll", "notes.txt", "entity/.hidden.html",
              "entity/x.txt", "entity/a/b.html", "glossary/ab.html", "timeline/x.html",
              "Entity/kfor2.html", "entity/KFOR2.html", "tag/index.htm", "robots.txt",
              "entity/kfor2.html.bak", "faq/a~b.html", "favicon.ico"]


def test_prune_removes_only_names_brief_makes_even_when_listed_with_their_digest(
    brief: Brief, tmp_path: Path, kb: Path,
) -> None:
    out = tmp_path / "site"
    assert build(brief, out, kb).code == 0
    theirs = {}
    for name in NOT_BRIEFS:
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(f"theirs: {name}".encode())
        theirs[name] = f"theirs: {name}".encode()
    add_to_manifest(out, theirs)
    r = build(brief, out, kb)
    assert r.code == 0 and ", 0 removed" in r.stderr, r.stderr
    for name, content in theirs.items():
        assert (out / name).read_bytes() == content, name
    assert not any(name in json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"]
                   for name in NOT_BRIEFS)


def test_prune_keeps_a_page_whose_content_is_not_what_brief_wrote(
    brief: Brief, tmp_path: Path, kb: Path, small: Path,
) -> None:
    out = tmp_path / "site"
    assert build(brief, out, kb).code == 0
    (out / "faq" / "what-is-kfor.html").write_text("edited by hand", encoding="utf-8")
    (out / "event" / "later.html").write_bytes((out / "event" / "later.html").read_bytes()
                                               + b"\n")
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    manifest["sha256"]["source/site.html"] = "0" * 64  # a digest that was never right
    manifest["sha256"]["event/founded.html"] = "not a digest"
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    r = build(brief, out, small)
    assert r.code == 0, r.stderr
    for name in ("faq/what-is-kfor.html", "event/later.html", "source/site.html",
                 "event/founded.html"):
        assert (out / name).is_file(), name
    assert not (out / "entity" / "evil.html").exists()  # unchanged since brief wrote it
    assert not (out / "timeline" / "entity" / "kfor.html").exists()


def test_an_older_manifest_without_digests_keeps_the_pages_it_cannot_check(
    brief: Brief, tmp_path: Path, kb: Path, small: Path,
) -> None:
    out = tmp_path / "site"
    assert build(brief, out, kb).code == 0
    files = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"]
    (out / MANIFEST).write_text(json.dumps({"generator": "brief site", "version": 1,
                                            "files": files}), encoding="utf-8")
    before = set(site_files(out))
    r = build(brief, out, small)
    assert r.code == 0 and ", 0 removed" in r.stderr, r.stderr
    assert before <= set(site_files(out))
    assert build(brief, out, small).code == 0  # the new manifest has digests
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert set(manifest["sha256"]) == set(manifest["files"]) and "faq/what-is-kfor.html" \
        not in manifest["files"]


def test_every_file_brief_writes_has_a_name_of_its_grammar(brief: Brief, tmp_path: Path,
                                                           kb: Path) -> None:
    out = tmp_path / "site"
    assert build(brief, out, kb).code == 0
    names = set(site_files(out)) - {MANIFEST}
    assert names and all(is_site_path(n) for n in names), sorted(n for n in names
                                                                  if not is_site_path(n))
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert set(manifest["files"]) == names
    assert all(manifest["sha256"][n] == sha((out / n).read_bytes()) for n in names)


@fixed_settings(200 if FULL else 50)
@given(st.text(min_size=1, max_size=30))
def test_every_page_path_of_any_id_or_tag_is_in_the_grammar(key: str) -> None:
    paths = [record_path(kind, key) for kind in ("entity", "event", "faq", "briefing",
                                                 "source")]
    paths += [tag_path(key), timeline_path("entity", key), timeline_path("tag", key)]
    for path in paths:
        assert is_site_path(path), path
        assert path not in site_paths.FIXED_FILES, path


# -- M6: one build at a time ---------------------------------------------------------------

HOLDER = """
import sys, time
from pathlib import Path
from briefcli.site import build as site
from briefcli.index.cache import open_index
from briefcli.index.store import BuildReport

kb, cache, out, ready, go = map(Path, sys.argv[1:6])
put = site._Writer.put
def slow_put(self, page):
    put(self, page)
    ready.write_text(str(__import__("os").getpid()))
    while not go.exists():
        time.sleep(0.02)
site._Writer.put = slow_put
conn = open_index([kb], cache, BuildReport())
report = site.build_site(conn, out, workers=1)
print(report.summary())
"""


def _wait_for(check: Callable[[], bool], what: str) -> None:
    for _ in range(3000):  # a wait for another process, not a measure of time
        if check():
            return
        time.sleep(0.01)
    raise AssertionError(f"waited in vain for {what}")


def test_a_second_build_into_a_folder_being_built_refuses_with_a_message(
    brief: Brief, tmp_path: Path, kb: Path,
) -> None:
    out, ready, go = tmp_path / "site", tmp_path / "ready", tmp_path / "go"
    first = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(kb.parent), str(tmp_path / "c1"), str(out),
         str(ready), str(go)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        _wait_for(ready.exists, "the first build to start writing")
        second = subprocess.run(
            [sys.executable, "-m", "briefcli", "site", str(out), "--data", str(kb.parent)],
            capture_output=True, text=True, timeout=120,
            env={**os.environ, "BRIEF_CACHE_DIR": str(tmp_path / "c2"), "NO_COLOR": "1"},
        )
        assert second.returncode == 1, second.stderr
        assert f"{out} is being written by another `brief site`" in second.stderr
        assert "Traceback" not in second.stderr
        r = brief("site", str(out), "--data", str(kb.parent))  # this process too
        assert r.code == 1 and "is being written by another" in r.stderr
        go.touch()
        stdout, stderr = first.communicate(timeout=120)
        assert first.returncode == 0, stderr
    finally:
        go.touch()
        if first.poll() is None:
            first.kill()
            first.wait()
    r = brief("site", str(out), "--data", str(kb.parent))
    assert r.code == 0 and "wrote 0 pages" in r.stderr, r.stderr
    assert broken_links(out) == []


# -- L1: no record or tag shares a listing's page -------------------------------------------

INDEXES = """\
format: 1
briefings:
  - id: index
    date: 2024-03-01
    title: A briefing called index
    summary: Its id is the listing's name.
  - id: Index
    date: 2024-03-02
    title: Another one
    summary: In capitals.
entities:
  - id: index
    name: Index
    acronym: IDX
    tags: [Index, INDEX, index, other]
  - id: other
    name: Other
    tags: [other]
events:
  - id: index
    date: 2024-01-01
    title: An event called index
    entities: [index]
    tags: [Index]
faqs:
  - id: index
    question: An index?
    answer: Yes.
sources:
  - id: index
    title: A source called index
"""


def test_a_record_or_tag_named_index_never_shares_a_page_with_a_listing(
    brief: Brief, tmp_path: Path,
) -> None:
    from briefcli.index.cache import open_index
    from briefcli.index.store import BuildReport

    data = write(tmp_path / "idx" / "k.yaml", INDEXES)
    conn = open_index([data.parent], tmp_path / "cache", BuildReport())
    paths = [job.path for job in site._jobs(site.Knowledge(conn))]
    assert len(paths) == len(set(paths))
    assert len({p.lower() for p in paths}) == len(paths)  # apart on case-insensitive disks
    for kind in ("briefing", "entity", "event", "faq", "source"):
        for key in ("index", "Index", "INDEX"):
            assert record_path(kind, key) not in site_paths.FIXED_FILES
    for key in ("index", "Index", "INDEX", "other", "Other"):
        for path in (tag_path(key), timeline_path("tag", key), timeline_path("entity", key)):
            assert path not in site_paths.FIXED_FILES and not path.startswith("glossary/")
    out = tmp_path / "site"
    r = brief("site", str(out), "--data", str(data.parent))
    assert r.code == 0, r.stderr
    assert "<h1>Briefings</h1>" in (out / "briefing" / "index.html").read_text("utf-8")
    assert "<h1>Tags</h1>" in (out / "tag" / "index.html").read_text("utf-8")
    assert "<h1>Glossary</h1>" in (out / "glossary" / "index.html").read_text("utf-8")
    assert "A briefing called index" in (out / record_path("briefing", "index")).read_text(
        "utf-8")
    assert "<h1>Index</h1>" in (out / tag_path("Index")).read_text("utf-8")
    assert record_path("entity", "kfor") == "entity/kfor.html"  # other names stay as they were
    assert tag_path("security") == "tag/security.html"
    assert broken_links(out) == []


# -- L2: a build killed midway ----------------------------------------------------------------

STALLER = """
import os, sys, time
from pathlib import Path
from briefcli.site import build as site
from briefcli.index.cache import open_index
from briefcli.index.store import BuildReport

kb, cache, out, marks = map(Path, sys.argv[1:5])
put = site._Writer.put
count = [0]
def stalling_put(self, page):
    put(self, page)
    count[0] += 1
    if count[0] == 3:
        (marks / str(os.getpid())).touch()
        time.sleep(600)
site._Writer.put = stalling_put
conn = open_index([kb], cache, BuildReport())
site.build_site(conn, out, workers=3)
"""


def _ended(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers fork on Linux only")
def test_a_build_killed_midway_leaves_no_workers_and_a_rerun_succeeds(
    brief: Brief, tmp_path: Path, kb: Path,
) -> None:
    out, marks = tmp_path / "site", tmp_path / "marks"
    marks.mkdir()
    parent = subprocess.Popen(
        [sys.executable, "-c", STALLER, str(kb.parent), str(tmp_path / "c1"), str(out),
         str(marks)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    pids: list[int] = []
    try:
        _wait_for(lambda: len(list(marks.iterdir())) == 3, "the three processes to write")
        pids = [int(p.name) for p in marks.iterdir() if int(p.name) != parent.pid]
        assert len(pids) == 2
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        _wait_for(lambda: all(_ended(pid) for pid in pids), "the workers to end")
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        for pid in pids:
            if not _ended(pid):
                os.kill(pid, signal.SIGKILL)
    assert any(p.suffix == ".html" for p in out.rglob("*"))  # it did stop midway
    r = brief("site", str(out), "--data", str(kb.parent))
    assert r.code == 0, r.stderr
    assert broken_links(out) == []
    reference = tmp_path / "reference"
    assert brief("site", str(reference), "--data", str(kb.parent)).code == 0
    pages = {p for p in site_files(reference) if p != MANIFEST}
    assert pages <= set(site_files(out))
    assert all((out / p).read_bytes() == (reference / p).read_bytes() for p in pages)


# -- the fuzz: any folder, any manifest ------------------------------------------------------

NAMES = ["entity", "faq", "tag", "glossary", "timeline", "event", "index.html", "kfor.html",
         "style.css", "what-is-kfor.html", ".git", "CNAME", "x", MANIFEST, "k.html"]
ENTRY = st.tuples(
    st.lists(st.sampled_from(NAMES), min_size=1, max_size=3).map("/".join),
    st.sampled_from(["file", "folder", "link-in", "link-out", "link-parent", "link-file-out",
                     "link-up-out", "dangling"]),
    st.sampled_from(NAMES),
)
MANIFEST_KIND = st.sampled_from(["none", "built", "built-then-listed", "garbage", "deep"])


def _make(out: Path, away: Path, entries: list[tuple[str, str, str]]) -> None:
    for path, kind, other in entries:
        target = out / path
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if os.path.lexists(target):
                continue
            if kind == "file":
                target.write_text(f"theirs {path}", encoding="utf-8")
            elif kind == "folder":
                target.mkdir()
            elif kind == "link-in":
                target.symlink_to(out / other)
            elif kind == "link-out":
                target.symlink_to(away)
            elif kind == "link-parent":
                target.symlink_to(out.parent)
            elif kind == "link-file-out":
                target.symlink_to(away / other)
            elif kind == "link-up-out":
                target.symlink_to("../" * (path.count("/") + 1) + "away")
            else:
                target.symlink_to(out / "nowhere")
        except OSError:
            pass


def _regular_files(out: Path) -> dict[str, bytes]:
    """The regular files below `out` reached through real folders only."""
    found = {}
    for here, _dirs, files in os.walk(out):  # os.walk does not follow linked folders
        for name in files:
            path = Path(here) / name
            if path.is_file() and not path.is_symlink():
                found[path.relative_to(out).as_posix()] = path.read_bytes()
    return found


@pytest.fixture(scope="module")
def fuzz_base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, set[str]]:
    base = tmp_path_factory.mktemp("fuzz")
    kb = write(base / "kb" / "k.yaml", KNOWLEDGE)
    reference = base / "reference"
    assert Brief(base / "cache")("site", str(reference), "--data", str(kb.parent)).code == 0
    return base, kb, set(site_files(reference)) - {MANIFEST}


@fixed_settings(100 if FULL else 8)
@given(entries=st.lists(ENTRY, max_size=12), manifest=MANIFEST_KIND,
       listed=st.lists(st.sampled_from(NAMES + ["../away/kfor.html", "/etc/hostname"]),
                       max_size=4).map("/".join),
       force=st.booleans())
def test_fuzz_a_site_folder_never_loses_what_brief_did_not_write(
    fuzz_base: tuple[Path, Path, set[str]], entries: list[tuple[str, str, str]],
    manifest: str, listed: str, force: bool,
) -> None:
    base, kb, pages = fuzz_base
    brief = Brief(base / "cache")
    with tempfile.TemporaryDirectory(dir=base) as top:
        out, away = Path(top) / "out", Path(top) / "away"
        out.mkdir()
        away.mkdir()
        for name in NAMES:
            (away / name).write_text(f"outside {name}", encoding="utf-8")
        (Path(top) / "beside.html").write_text("beside", encoding="utf-8")
        if manifest.startswith("built"):
            assert brief("site", str(out), "--data", str(kb.parent)).code == 0
        _make(out, away, entries)
        theirs = {k: v for k, v in _regular_files(out).items() if k not in pages}
        listing = [listed, *(e[0] for e in entries)]
        if manifest == "built-then-listed" and (out / MANIFEST).is_file() \
                and not (out / MANIFEST).is_symlink():
            data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
            for name in listing:  # each with the digest of what is there, through links
                data["files"].append(name)
                path = out / name
                content = path.read_bytes() if path.is_file() else b""
                data["sha256"][name] = sha(content)
            (out / MANIFEST).write_text(json.dumps(data), encoding="utf-8")
        elif manifest == "garbage" and not os.path.lexists(out / MANIFEST):
            (out / MANIFEST).write_bytes(b"\x00\xff{")
        elif manifest == "deep" and not os.path.lexists(out / MANIFEST):
            (out / MANIFEST).write_text("[" * 50_000, encoding="utf-8")
        digests = {}
        if (out / MANIFEST).is_file() and not (out / MANIFEST).is_symlink():
            try:
                digests = json.loads((out / MANIFEST).read_text("utf-8")).get("sha256", {})
            except (ValueError, RecursionError, AttributeError):
                digests = {}
        outside = snapshot(Path(top), skip=out)
        r = brief("site", str(out), "--data", str(kb.parent), *(["--force"] if force else []))
        assert r.code in (0, 1, 2), r.stderr
        assert "Traceback" not in r.stderr and "internal error" not in r.stderr
        assert snapshot(Path(top), skip=out) == outside
        now = _regular_files(out)
        for name, content in theirs.items():
            if name not in now:  # removed: only a name brief makes, with the listed digest
                assert is_site_path(name) and digests.get(name) == sha(content), name
        if r.code == 0:
            assert pages <= set(now)
            assert not any((out / p).is_symlink() for p in pages)
            assert (out / MANIFEST).is_file() and not (out / MANIFEST).is_symlink()

