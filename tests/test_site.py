"""`brief site`: the pages, their links, stable paths and incremental rebuilds."""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefcli.site.paths import MANIFEST, file_stem, record_path, tag_path, timeline_path
from conftest import write

KNOWLEDGE = """\
format: 1
briefings:
  - date: 2024-03-01
    title: A briefing about KFOR
    summary: The force and its friends.
    entities: [kfor, KFOR, nato]
    events: [founded]
    faqs: [what-is-kfor]
    sources: [site]
entities:
  - id: kfor
    name: Kosovo Force
    acronym: KFOR
    summary: A NATO-led force.
    related: [nato]
    tags: [security, "../../etc <b>&", "CON"]
  - id: KFOR
    name: Capitals only
    summary: An id that differs from another only in case.
    tags: [Security]
  - id: nato
    name: North Atlantic Treaty Organization
    acronym: NATO
    related: [kfor]
  - id: evil
    name: "Evil <script>alert(1)</script> \\u202e"
    summary: "\\e[31m red \\u202e"
events:
  - id: founded
    date: 1999
    title: KFOR founded
    entities: [kfor, nato]
    tags: [security]
  - id: later
    date: 2023-09-24
    title: A later event
    entities: [kfor]
faqs:
  - id: what-is-kfor
    question: What is KFOR?
    answer: A force.
    entities: [kfor]
sources:
  - id: site
    title: The force's site
    url: https://example.org/kfor
"""


class Links(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.scripts: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src", "action") and value is not None:
                self.refs.append(value)
            if tag == "script" and name == "src" and value:
                self.scripts.append(value)


def site_files(out: Path) -> dict[str, os.stat_result]:
    return {p.relative_to(out).as_posix(): p.stat() for p in out.rglob("*") if p.is_file()}


def broken_links(out: Path) -> list[str]:
    """Every relative reference of every page that names no file of the site."""
    broken = []
    for page in out.rglob("*.html"):
        for ref in Links(page.read_text(encoding="utf-8")).refs:
            parts = urlsplit(ref)
            if parts.scheme in ("http", "https"):
                continue
            assert not parts.scheme and not parts.netloc and not ref.startswith("/"), ref
            target = (page.parent / unquote(parts.path)).resolve()
            if not target.is_file() or out.resolve() not in target.parents:
                broken.append(f"{page.relative_to(out)} -> {ref}")
    return broken


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    return write(tmp_path / "kb" / "k.yaml", KNOWLEDGE)


def build(brief, out: Path, kb: Path, *more: str):
    return brief("site", str(out), "--data", str(kb.parent), *more)


def test_the_bundled_knowledge_makes_a_site_whose_links_all_resolve(brief, tmp_path) -> None:
    out = tmp_path / "public"
    r = brief("site", str(out))
    assert r.code == 0, r.stderr
    files = site_files(out)
    assert re.search(rf"wrote {len(files) - 1} pages, 0 unchanged, 0 removed", r.stderr)
    for path in ("index.html", "style.css", "search/shards.js", "search.js",
                 "briefing/2023-11-11.html", "briefing/index.html", "entity/kfor.html",
                 "entity/vucic.html", "event/banjska-attack.html", "faq/faq-what-is-kfor.html",
                 "source/nato-kfor.html", "timeline/entity/kfor.html",
                 "timeline/tag/security.html", "tag/security.html", "tag/index.html",
                 "glossary/index.html", "glossary/k.html", MANIFEST):
        assert path in files, path
    assert broken_links(out) == []
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "Blinken and Vučić discuss de-escalation with Kosovo" in home
    assert Links(home).scripts == ["search/shards.js", "search.js"]
    entity = (out / "entity" / "kfor.html").read_text(encoding="utf-8")
    assert "Linked from" in entity and "../timeline/entity/kfor.html" in entity
    assert "../style.css" in entity and "<style>" not in entity
    glossary = (out / "glossary" / "k.html").read_text(encoding="utf-8")
    assert "KFOR" in glossary and "Kosovo Force" in glossary


def search_data(out: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The search's directory (`search/shards.js`) and every shard's data, by name."""
    text = (out / "search" / "shards.js").read_text(encoding="utf-8")
    assert text.startswith("window.BRIEF_SHARDS=") and text.endswith(";\n")
    info = json.loads(text[len("window.BRIEF_SHARDS="):-2])
    shards = {}
    for path in sorted((out / "search").glob("[prt]-*.js")):
        body = path.read_text(encoding="utf-8")
        name = path.stem
        head = f'briefShard("{name}",'
        assert body.startswith(head) and body.endswith(");\n"), path
        shards[name] = json.loads(body[len(head):-3])
    return info, shards


def refs(postings: list[int]) -> dict[int, int]:
    out, ref = {}, 0
    for gap, value in zip(postings[::2], postings[1::2], strict=True):
        ref += gap
        out[ref] = value
    return out


def test_the_search_index_is_scripts_that_register_themselves(brief, tmp_path) -> None:
    out = tmp_path / "public"
    assert brief("site", str(out)).code == 0
    info, shards = search_data(out)
    kinds = info["kinds"]
    terms: dict[str, dict[int, int]] = {}
    for prefix, name in info["shards"]:
        for term, postings in shards[name]["t"].items():
            assert term.startswith(prefix)
            terms[term] = refs(postings)
    pages = {}
    for kind_no, chunks in enumerate(info["records"]):
        for n in range(chunks):
            for i, row in enumerate(shards[f"r-{kind_no}-{n}"]):
                pages[kind_no * info["stride"] + n * info["chunk"] + i] = row[0]
    (kfor,) = [ref for ref, page in pages.items() if page == "entity/kfor.html"]
    assert kinds[kfor // info["stride"]] == "entity"
    assert terms["kfor"][kfor] == 0 and terms["kosovo force"][kfor] == 1
    (vucic,) = [ref for ref, page in pages.items() if page == "entity/vucic.html"]
    assert terms["aleksandar vucic"][vucic] == 1  # folded, as the query will be
    assert all((out / page).is_file() for page in pages.values())
    typo = {term for length, parts in info["typo"].items()
            for n in range(parts) for term in shards[f"t-{length}-{n}"]}
    assert typo == set(terms)


def test_a_rebuild_writes_only_the_pages_that_changed(brief, tmp_path, kb) -> None:
    out = tmp_path / "site"
    assert build(brief, out, kb).code == 0
    past = 1_000_000_000_000_000_000  # 2001: a rewritten file would get a new time
    for path in out.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(past, past))
    before = site_files(out)
    r = build(brief, out, kb)
    assert r.code == 0 and f"wrote 0 pages, {len(before) - 1} unchanged, 0 removed" in r.stderr
    assert site_files(out) .keys() == before.keys()
    assert all(s.st_mtime_ns == past for p, s in site_files(out).items() if p != MANIFEST)

    write(kb, KNOWLEDGE.replace("answer: A force.", "answer: A force that keeps peace."))
    r = build(brief, out, kb)
    assert r.code == 0, r.stderr
    after = site_files(out)
    changed = {p for p, s in after.items()
               if s.st_mtime_ns != past or s.st_ino != before[p].st_ino} - {MANIFEST}
    # The FAQ's own page, the pages that show the answer, and the search index.
    assert changed == {"faq/what-is-kfor.html", "briefing/2024-03-01.html",
                       "entity/kfor.html", "search/p-.js"}
    assert f"wrote 4 pages, {len(after) - 5} unchanged, 0 removed" in r.stderr


def test_pages_of_removed_records_are_removed_and_nothing_else(brief, tmp_path, kb) -> None:
    out = tmp_path / "site"
    assert build(brief, out, kb).code == 0
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    (out / "entity" / "mine.html").write_text("mine too", encoding="utf-8")
    before = set(site_files(out))
    write(kb, KNOWLEDGE.split("  - id: evil")[0] + "events:" + KNOWLEDGE.split("events:")[2])
    r = build(brief, out, kb)
    assert r.code == 0, r.stderr
    # Its page, and the glossary's letter E, which held only it.
    assert before - set(site_files(out)) == {"entity/evil.html", "glossary/e.html"}
    assert ", 2 removed" in r.stderr
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (out / "entity" / "mine.html").is_file()
    assert broken_links(out) == []
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert "entity/evil.html" not in manifest["files"]
    assert "notes.txt" not in manifest["files"]


def test_a_folder_that_is_not_a_site_is_refused_without_force(brief, tmp_path, kb) -> None:
    out = tmp_path / "docs"
    out.mkdir()
    (out / "README.md").write_text("keep me", encoding="utf-8")
    r = build(brief, out, kb)
    assert r.code == 2
    assert f"{out} is not empty and is not a brief site" in r.stderr and "--force" in r.stderr
    assert "Traceback" not in r.stderr
    assert [p.name for p in out.iterdir()] == ["README.md"]
    r = build(brief, out, kb, "--force")
    assert r.code == 0, r.stderr
    assert (out / "index.html").is_file()
    assert (out / "README.md").read_text(encoding="utf-8") == "keep me"
    # Now it is a site: no --force needed, and the file it did not write stays.
    assert build(brief, out, kb).code == 0
    assert (out / "README.md").is_file()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert build(brief, empty, kb).code == 0
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    r = build(brief, a_file, kb)
    assert r.code == 2 and "is not a folder" in r.stderr
    r = build(brief, a_file / "below", kb)
    assert r.code == 1 and f"cannot write the site into {a_file / 'below'}: " in r.stderr
    assert "Traceback" not in r.stderr


def test_a_manifest_never_makes_the_site_remove_files_outside_it(brief, tmp_path, kb) -> None:
    out = tmp_path / "site"
    assert build(brief, out, kb).code == 0
    outside = tmp_path / "precious.txt"
    outside.write_text("keep", encoding="utf-8")
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    manifest["files"] += ["../precious.txt", str(outside), "entity/../../precious.txt"]
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    assert build(brief, out, kb).code == 0
    assert outside.read_text(encoding="utf-8") == "keep"


def test_paths_come_from_kind_and_id_and_stay_apart() -> None:
    assert record_path("entity", "kfor") == "entity/kfor.html"
    assert record_path("event", "2023-09-24.attack") == "event/2023-09-24.attack.html"
    names = {file_stem(i) for i in ("kfor", "KFOR", "Kfor", "vučić", "vucic", "con", "CON",
                                    "a.", "x" * 200)}
    assert len({n.lower() for n in names}) == 9  # apart on a case-insensitive disk too
    for name in names:
        assert re.fullmatch(r"[a-z0-9][a-z0-9_.~-]*", name), name
        assert not name.endswith(".") and len(name) < 80
    assert file_stem("KFOR") == file_stem("KFOR")  # the same every time
    assert tag_path("Security") == tag_path("security") == "tag/security.html"
    assert timeline_path("entity", "kfor") != timeline_path("tag", "kfor")


def test_hostile_ids_and_tags_stay_inside_the_site(brief, tmp_path, kb) -> None:
    out = tmp_path / "site"
    r = build(brief, out, kb)
    assert r.code == 0, r.stderr
    files = site_files(out)
    assert all(re.fullmatch(r"[a-z0-9/._~-]+", p) for p in files), sorted(files)
    assert not any(".." in p.split("/") for p in files)
    assert record_path("entity", "kfor") in files and record_path("entity", "KFOR") in files
    assert record_path("entity", "kfor") != record_path("entity", "KFOR")
    tags = [p for p in files if p.startswith("tag/")]
    assert len(tags) == 4  # security (twice written, one tag), the odd one, CON, the index
    assert tag_path("CON") != "tag/con.html"
    assert broken_links(out) == []
    page = (out / record_path("entity", "evil")).read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "\x1b" not in page and "\u202e" not in page and "^[[31m" in page
    index = "".join(p.read_text(encoding="utf-8") for p in (out / "search").glob("*.js"))
    assert "\\u202e" not in index.lower() and "\\u001b" not in index.lower()
    assert "\x1b" not in index and "\u202e" not in index
    odd = (out / tag_path("../../etc <b>&")).read_text(encoding="utf-8")
    assert "<h1>../../etc &lt;b&gt;&amp;</h1>" in odd


def test_paths_are_stable_when_the_knowledge_grows(brief, tmp_path, kb) -> None:
    out = tmp_path / "site"
    assert build(brief, out, kb).code == 0
    first = set(site_files(out))
    grown = KNOWLEDGE.replace("entities:\n", "entities:\n  - id: aaa\n    name: AAA first\n", 1)
    write(kb, grown)
    assert build(brief, out, kb).code == 0
    second = set(site_files(out))
    assert first <= second and second - first == {"entity/aaa.html", "glossary/a.html"}


def test_workers_write_the_same_site_as_one_process(tmp_path, kb) -> None:
    from briefcli.index.cache import open_index
    from briefcli.index.store import BuildReport
    from briefcli.site.build import build_site

    conn = open_index([kb.parent], tmp_path / "cache", BuildReport())
    one, three = tmp_path / "one", tmp_path / "three"
    report = build_site(conn, one, workers=1)
    seen: list[int] = []
    assert build_site(conn, three, workers=3, progress=lambda n, _: seen.append(n)) == report
    assert report.written == report.files > 20 and report.unchanged == 0
    assert seen[:1] == [0]  # progress is told from the first file on
    files = {p: (one / p).read_bytes() for p in site_files(one)}
    assert {p: (three / p).read_bytes() for p in site_files(three)} == files
    again = build_site(conn, three, workers=3)
    assert (again.written, again.unchanged) == (0, report.files)


def test_a_sense_written_twice_links_to_its_copy_not_to_files(brief, tmp_path, kb) -> None:
    write(kb.parent / "copy.yaml", "format: 1\nentities:\n  - id: kfor-again\n"
          "    name: Kosovo Force\n    acronym: KFOR\n")
    out = tmp_path / "site"
    assert build(brief, out, kb).code == 0
    page = (out / "entity" / "kfor.html").read_text(encoding="utf-8")
    also = page.split("<dt>Also in</dt>", 1)[1].split("</dd>", 1)[0]
    assert 'href="../entity/kfor-again.html"' in also
    assert ".yaml" not in page  # where the knowledge's files are is nobody's business
    assert broken_links(out) == []


@given(st.text(max_size=12) | st.sampled_from(["Ärzte", "ß", "\u212aFOR", "1st", "", "--",
                                                "Ωmega", "ǅ", "ﬁle", "²x", "İstanbul"]))
def test_the_glossary_letter_is_the_first_of_the_slug(text: str) -> None:
    from briefcli.site.paths import glossary_letter
    from briefcli.text import fold, slug

    first = slug(text)[:1]
    expected = first if first.isalpha() else "other"
    assert glossary_letter(text) == expected
    assert glossary_letter(text, fold(text)) == expected
