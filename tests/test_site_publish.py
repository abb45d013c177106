"""`brief site`'s options (title, description, base URL), the senses of an acronym
together, copies merged in the search, the search's shards, and rebuilds that render
only the pages whose inputs changed (counted, not timed)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from briefcli.site import pages, search
from briefcli.site.paths import MANIFEST, is_site_path
from conftest import write
from test_site import broken_links, refs, search_data, site_files

GLOSSARY = """\
format: 1
entities:
  - id: tcp
    name: Transmission Control Protocol
    acronym: TCP
    summary: The Internet's reliable stream.
    tags: [RFC 793]
  - id: tcp-2
    name: Tape Carrier Package
    acronym: TCP
    summary: A way to mount a chip.
    tags: [CPU]
  - id: http
    name: Hypertext Transfer Protocol
    acronym: HTTP
    summary: What the web speaks.
    related: [tcp]
  - id: ip
    name: Internet Protocol
    acronym: IP
    related: [tcp]
events:
  - id: rfc-793
    date: 1981-09
    title: RFC 793 published
    entities: [tcp]
  - id: rfc-2616
    date: 1999-06
    title: HTTP/1.1 published
    entities: [http]
"""

OTHER = """\
format: 1
entities:
  - id: tcp-3
    name: Transmission Control Protocol
    acronym: TCP
    summary: Written again in another file.
"""


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    folder = tmp_path / "kb"
    folder.mkdir()
    write(folder / "net.yaml", GLOSSARY)
    write(folder / "z-more.yaml", OTHER)  # after net.yaml: tcp is the copy shown
    return folder


def build(brief, out: Path, kb: Path, *more: str):  # type: ignore[no-untyped-def]
    return brief("site", str(out), "--data", str(kb), *more)


def test_title_description_and_base_url_reach_every_page(brief, tmp_path, kb) -> None:
    out = tmp_path / "site"
    r = build(brief, out, kb, "--title", "Net glossary", "--description",
              "Protocols & packages", "--base-url", "https://example.org/net")
    assert r.code == 0, r.stderr
    files = [p for p in site_files(out) if p.endswith(".html")]
    assert len(files) > 8
    for path in files:
        text = (out / path).read_text(encoding="utf-8")
        assert "Net glossary" in text.split("<main>")[0], path  # the title and the nav
        assert '<meta name="description" content="Protocols &amp; packages">' in text
        want = "https://example.org/net/" + re.sub(r"(^|/)index\.html$", r"\1", path)
        assert f'<link rel="canonical" href="{want}">' in text, path
        # When it was built: the newest date of the knowledge, not the clock.
        assert "as of June 1999" in text.split("<footer")[1], path
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "<h1>Net glossary</h1>" in home and "Protocols &amp; packages" in home
    # The placeholder names what the knowledge links to most (TCP), not KFOR.
    placeholder = re.search(r'placeholder="([^"]*)"', home.split('id="q"')[1])
    assert placeholder and placeholder.group(1).startswith("TCP, ")
    assert "KFOR" not in home
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    assert "https://example.org/net/" in locs and "https://example.org/net/entity/tcp.html" in locs
    assert len(locs) == len(files)
    assert is_site_path("sitemap.xml")
    # Built again without a base URL: the sitemap is brief's, so it goes.
    r = build(brief, out, kb)
    assert r.code == 0 and not (out / "sitemap.xml").exists()
    assert "canonical" not in (out / "entity" / "tcp.html").read_text(encoding="utf-8")


def test_the_default_site_is_a_briefing_book_and_says_when(brief, tmp_path, kb) -> None:
    out = tmp_path / "site"
    assert build(brief, out, kb).code == 0
    page = (out / "entity" / "http.html").read_text(encoding="utf-8")
    assert "Briefing book" in page and "as of June 1999" in page and "canonical" not in page
    assert not (out / "sitemap.xml").exists()


@pytest.mark.parametrize("url", ["ftp://example.org/", "example.org", "https://",
                                 "javascript:alert(1)", "https://example.org/?q=1",
                                 "https://user@example.org/"])
def test_a_base_url_that_is_not_http_is_a_usage_error(brief, tmp_path, kb, url) -> None:
    r = build(brief, tmp_path / "site", kb, "--base-url", url)
    assert r.code == 2 and "--base-url" in r.stderr and "http" in r.stderr
    assert "Traceback" not in r.stderr
    assert not (tmp_path / "site").exists()


def test_an_empty_title_is_a_usage_error(brief, tmp_path, kb) -> None:
    r = build(brief, tmp_path / "site", kb, "--title", "  ")
    assert r.code == 2 and "--title" in r.stderr and "Traceback" not in r.stderr


def test_each_sense_of_an_acronym_links_the_others(brief, tmp_path, kb) -> None:
    out = tmp_path / "site"
    assert build(brief, out, kb).code == 0
    first = (out / "entity" / "tcp.html").read_text(encoding="utf-8")
    second = (out / "entity" / "tcp-2.html").read_text(encoding="utf-8")
    senses = first.split('<section class="senses">')[1].split("</section>")[0]
    assert "TCP: 2 senses" in senses and 'href="../entity/tcp-2.html"' in senses
    assert "A way to mount a chip." in senses
    senses = second.split('<section class="senses">')[1].split("</section>")[0]
    assert "TCP: 2 senses" in senses and 'href="../entity/tcp.html"' in senses
    assert "tcp-3.html" not in senses  # a copy of the first sense is that sense
    assert '<section class="senses">' not in (out / "entity" / "http.html").read_text(
        encoding="utf-8")
    assert broken_links(out) == []


def test_search_merges_the_copies_define_merges(brief, tmp_path, kb) -> None:
    out = tmp_path / "site"
    assert build(brief, out, kb).code == 0
    info, shards = search_data(out)
    titles = [row[1] for name, rows in shards.items() if name.startswith("r-") for row in rows]
    assert titles.count("Transmission Control Protocol (TCP)") == 1
    assert titles.count("Tape Carrier Package (TCP)") == 1
    # The words of the copy are found through the one shown.
    (name,) = [n for p, n in info["shards"] if "another".startswith(p)]
    assert len(refs(shards[name]["w"]["another"])) == 1


def test_shards_split_by_prefix_and_stay_under_the_limit(brief, tmp_path, kb,
                                                           monkeypatch) -> None:
    monkeypatch.setattr(search, "SHARD_LIMIT", 200)
    out = tmp_path / "site"
    assert build(brief, out, kb).code == 0
    info, shards = search_data(out)
    prefixes = [p for p, _ in info["shards"]]
    assert len(prefixes) > 5 and len(set(prefixes)) == len(prefixes)
    seen: set[str] = set()
    for prefix, name in info["shards"]:
        keys = set(shards[name]["t"]) | set(shards[name]["w"])
        assert keys and all(k.startswith(prefix) for k in keys)
        # Each key is in the shard of the longest prefix it starts with, and only there.
        for key in keys:
            assert max((p for p in prefixes if key.startswith(p)), key=len) == prefix
        assert not seen & keys
        seen |= keys
        assert all(is_site_path(f"search/{name}.js") for name in shards)


def test_a_rebuild_renders_only_the_pages_whose_inputs_changed(brief, tmp_path, kb,
                                                                monkeypatch) -> None:
    rendered: list[str] = []
    monkeypatch.setattr(pages, "RENDERED", rendered)
    out = tmp_path / "site"
    assert build(brief, out, kb).code == 0
    every = set(rendered)
    assert "entity/tcp.html" in every and len(every) == len(rendered)
    rendered.clear()
    before = site_files(out)
    r = build(brief, out, kb)
    assert r.code == 0 and rendered == []  # nothing changed: no page made at all
    assert "wrote 0 pages" in r.stderr
    assert {p: s.st_mtime_ns for p, s in site_files(out).items() if p != MANIFEST} == {
        p: s.st_mtime_ns for p, s in before.items() if p != MANIFEST}

    # One line edited: the summary of HTTP. Its page, and the pages that show it.
    write(kb / "net.yaml", GLOSSARY.replace("What the web speaks.", "What browsers speak."))
    r = build(brief, out, kb)
    assert r.code == 0, r.stderr
    # HTTP's page, TCP's (it lists HTTP as linking to it), the glossary's H, the event
    # naming HTTP; not its timeline (the events' own text did not change), nor glossary T
    # (the edited file's records keep their place, whichever file was edited last).
    assert set(rendered) == {"entity/http.html", "entity/tcp.html", "glossary/h.html",
                             "event/rfc-2616.html"}
    rendered.clear()
    fresh = tmp_path / "fresh"
    assert build(brief, fresh, kb).code == 0
    rendered.clear()
    assert {p: (fresh / p).read_bytes() for p in site_files(fresh)} == {
        p: (out / p).read_bytes() for p in site_files(out)}

    # A page removed or cut short by hand is made again, though its inputs did not change.
    (out / "entity" / "ip.html").unlink()
    (out / "entity" / "tcp-2.html").write_text("short", encoding="utf-8")
    r = build(brief, out, kb)
    assert r.code == 0 and set(rendered) == {"entity/ip.html", "entity/tcp-2.html"}
    assert "wrote 2 pages" in r.stderr
    rendered.clear()

    # Other options are other inputs: every page is made again.
    assert build(brief, out, kb, "--title", "Another").code == 0
    assert set(rendered) == every


def test_an_interrupted_rebuild_renders_its_pages_again(brief, tmp_path, kb,
                                                        monkeypatch) -> None:
    out = tmp_path / "site"
    assert build(brief, out, kb).code == 0
    write(kb / "net.yaml", GLOSSARY.replace("What the web speaks.", "What browsers speak."))
    from briefcli.site import folder

    def stop(self, page: object) -> None:  # the build ends at the first page it makes
        raise KeyboardInterrupt

    monkeypatch.setattr(folder._Writer, "put", stop)
    with pytest.raises(KeyboardInterrupt):
        from briefcli.index.cache import open_index
        from briefcli.index.store import BuildReport
        from briefcli.site.build import build_site

        build_site(open_index([kb], tmp_path / "cache2", BuildReport()), out, workers=1)
    monkeypatch.undo()
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert "entity/http.html" not in manifest["inputs"]  # its old digest is forgotten
    assert "entity/ip.html" in manifest["inputs"]  # a page that did not change keeps it
    rendered: list[str] = []
    monkeypatch.setattr(pages, "RENDERED", rendered)
    r = build(brief, out, kb)
    assert r.code == 0 and "entity/http.html" in rendered
    assert "What browsers speak." in (out / "entity" / "http.html").read_text(encoding="utf-8")


def test_a_timeline_picture_is_drawn_once_per_set_of_events(brief, tmp_path, kb,
                                                             monkeypatch) -> None:
    drawn: list[str] = []
    monkeypatch.setattr(pages, "DRAWN", drawn)
    monkeypatch.setattr(pages, "PICTURES", {})
    out = tmp_path / "site"
    assert build(brief, out, kb).code == 0
    assert sorted(drawn) == ["Timeline of Hypertext Transfer Protocol",
                             "Timeline of Transmission Control Protocol"]
    drawn.clear()
    write(kb / "z-more.yaml", OTHER + "    tags: [extra]\n")
    assert build(brief, out, kb).code == 0
    assert drawn == []  # the timelines' events did not change
    page = (out / "timeline" / "entity" / "tcp.html").read_text(encoding="utf-8")
    assert page.count("Timeline of Transmission Control Protocol</h1>") == 1


def test_old_single_file_index_is_removed(brief, tmp_path, kb) -> None:
    out = tmp_path / "site"
    assert build(brief, out, kb).code == 0
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    old = b"window.BRIEF_SEARCH={};\n"
    (out / "search-index.js").write_bytes(old)
    manifest["files"].append("search-index.js")
    import hashlib

    manifest["sha256"]["search-index.js"] = hashlib.sha256(old).hexdigest()
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    r = build(brief, out, kb)
    assert r.code == 0 and "1 removed" in r.stderr
    assert not (out / "search-index.js").exists()
    assert os.path.isfile(out / "search" / "shards.js")
