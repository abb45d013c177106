"""Rebuilds of `brief site` that look again only at the pages about what changed
(`site.changes`): after every kind of edit, the folder a rebuild leaves is byte for byte
the folder a fresh build makes, and pages about nothing that changed are not made."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefcli.site import build as site_build
from briefcli.site import changes, pages, search
from briefcli.site.paths import MANIFEST
from conftest import write
from test_site import site_files

MAIN = """\
format: 1
briefings:
  - date: 2024-03-01
    title: A briefing on the network
    summary: Cables and their friends.
    entities: [tcp, cable]
    events: [laid]
    faqs: [what-is-tcp]
    sources: [rfc]
entities:
  - id: tcp
    name: Transmission Control Protocol
    acronym: TCP
    summary: The reliable stream.
    related: [ip]
    sources: [rfc]
    tags: [Protocols]
  - id: ip
    name: Internet Protocol
    acronym: IP
    summary: Packets.
    tags: [protocols]
  - id: http
    name: Hypertext Transfer Protocol
    acronym: HTTP
    summary: What the web speaks.
    related: [tcp, gone]
  - id: cable
    name: Submarine cable
    summary: Under the sea.
    tags: [Hardware]
  - id: tcp-2
    name: Tape Carrier Package
    acronym: TCP
    summary: A way to mount a chip.
  - id: lonely
    name: Lonely entity
    summary: Nothing names it.
events:
  - id: laid
    date: 2001-05-01
    title: A cable laid
    entities: [cable, tcp]
    sources: [rfc]
    tags: [hardware, Sea]
  - id: rfc-793
    date: 1981-09
    title: RFC 793 published
    entities: [tcp]
    tags: [protocols]
  - id: last
    date: 2030-01-01
    title: The newest event (its date stays the newest)
    entities: [lonely]
faqs:
  - id: what-is-tcp
    question: What is TCP?
    answer: A protocol.
    entities: [tcp, ip]
sources:
  - id: rfc
    title: RFC 793
    url: https://example.org/rfc793
"""

OTHER = """\
format: 1
entities:
  - id: tcp-copy
    name: Transmission Control Protocol
    acronym: TCP
    summary: Written again in another file.
"""


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    folder = tmp_path / "kb"
    write(folder / "main.yaml", MAIN)
    write(folder / "other.yaml", OTHER)
    return folder


def build(brief, out: Path, kb: Path, *more: str):  # type: ignore[no-untyped-def]
    r = brief("site", str(out), "--data", str(kb), *more)
    assert r.code == 0, r.stderr
    return r


def contents(folder: Path) -> dict[str, bytes]:
    return {p: (folder / p).read_bytes() for p in site_files(folder)}


class Site:
    """A site rebuilt after each edit, checked against a fresh build of the same knowledge."""

    def __init__(self, brief, tmp_path: Path, kb: Path,  # type: ignore[no-untyped-def]
                 monkeypatch: pytest.MonkeyPatch) -> None:
        self.brief, self.tmp, self.kb = brief, tmp_path, kb
        self.out = tmp_path / "site"
        self.rendered: list[str] = []
        monkeypatch.setattr(pages, "RENDERED", self.rendered)
        build(brief, self.out, kb)
        self.every = set(self.rendered)
        self.fresh = 0

    def edit(self, name: str, old: str, new: str) -> set[str]:
        """Replace `old` by `new` in the knowledge file `name`, rebuild, check the folder
        against a fresh build; the pages the rebuild made."""
        path = self.kb / name
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        write(path, text.replace(old, new, 1))
        before, held = site_files(self.out), contents(self.out)
        self.rendered.clear()
        build(self.brief, self.out, self.kb)
        made = set(self.rendered)
        self.fresh += 1
        fresh = self.tmp / f"fresh-{self.fresh}"
        build(self.brief, fresh, self.kb)
        now = contents(self.out)
        assert now == contents(fresh)
        after = site_files(self.out)
        for page, was in before.items():  # a page whose bytes did not change kept its file
            if page != MANIFEST and now.get(page) == held[page]:
                assert (after[page].st_mtime_ns, after[page].st_ino) == (
                    was.st_mtime_ns, was.st_ino), page
        assert made < self.every | made, "every page was made again"
        return made


@pytest.fixture
def site(brief, tmp_path, kb, monkeypatch) -> Site:  # type: ignore[no-untyped-def]
    return Site(brief, tmp_path, kb, monkeypatch)


def test_a_name_shown_on_other_pages(site: Site) -> None:
    made = site.edit("main.yaml", "name: Internet Protocol", "name: Internet Protocol v4")
    # Its page, TCP's (which relates it), the FAQ naming it, the glossary; not HTTP's.
    assert {"entity/ip.html", "entity/tcp.html", "faq/what-is-tcp.html"} <= made
    assert "entity/http.html" not in made and "entity/lonely.html" not in made
    made = site.edit("main.yaml", "summary: The reliable stream.", "summary: Reliable.")
    # "Linked from" on IP's page, HTTP's related, the senses of TCP, the copy's page.
    assert {"entity/tcp.html", "entity/ip.html", "entity/http.html", "entity/tcp-2.html",
            "entity/tcp-copy.html", "briefing/2024-03-01.html"} <= made
    assert "entity/cable.html" not in made


def test_a_date_moves_an_event_on_its_timelines_and_tags(site: Site) -> None:
    made = site.edit("main.yaml", "date: 1981-09", "date: 2005-09")
    assert {"event/rfc-793.html", "timeline/entity/tcp.html"} <= made
    assert "entity/lonely.html" not in made
    site.edit("main.yaml", "title: A cable laid", "title: A cable laid again")
    site.edit("main.yaml", "    tags: [hardware, Sea]", "    tags: [Sea]")
    site.edit("main.yaml", "    tags: [Hardware]", "    tags: [Hardware, Sea]")


def test_tags_added_and_removed(site: Site) -> None:
    made = site.edit("main.yaml", "summary: Nothing names it.",
                     "summary: Nothing names it.\n    tags: [Brand new]")
    assert "entity/lonely.html" in made
    assert any(p.startswith("tag/brand") for p in made)
    # The event's tag goes, then TCP's ("protocols" as IP has it).
    site.edit("main.yaml", "    tags: [protocols]\n  - id: last", "  - id: last")
    site.edit("main.yaml", "    tags: [Protocols]\n", "")


def test_renames_and_removals_of_records_others_name(site: Site) -> None:
    # TCP renamed: the pages naming `tcp` no longer link it; then a record takes the id.
    site.edit("main.yaml", "  - id: tcp\n", "  - id: tcp-renamed\n")
    site.edit("main.yaml", "  - id: lonely\n", "  - id: tcp\n")
    # A record that was named but missing appears; then goes again.
    site.edit("other.yaml", "entities:\n",
              "entities:\n  - id: gone\n    name: Back again\n    related: [http]\n")
    site.edit("other.yaml", "  - id: gone\n    name: Back again\n    related: [http]\n", "")
    # A source goes: the pages citing it no longer link it.
    site.edit("main.yaml", "  - id: rfc\n    title: RFC 793\n", "  - id: rfc-x\n    title: RFC\n")


def test_events_that_come_and_go(site: Site) -> None:
    event = ("  - id: new-one\n    date: 2010-01-01\n    title: Something new\n"
             "    entities: [ip, cable]\n    tags: [Hardware]\n")
    made = site.edit("main.yaml", "faqs:\n", event + "faqs:\n")
    assert "timeline/entity/ip.html" in made  # IP has a timeline now
    site.edit("main.yaml", event, "")


def test_senses_and_copies(site: Site) -> None:
    made = site.edit("main.yaml", "name: Tape Carrier Package\n    acronym: TCP",
                     "name: Tape Carrier Package\n    acronym: TCPK")
    assert {"entity/tcp.html", "entity/tcp-2.html", "entity/tcp-copy.html"} <= made
    site.edit("other.yaml", "Written again in another file.", "A copy, edited.")
    site.edit("other.yaml", "name: Transmission Control Protocol", "name: Another protocol")


def test_lines_that_move(site: Site) -> None:
    # A line added before other records: they are written elsewhere now.
    site.edit("main.yaml", "entities:\n  - id: tcp\n", "entities:\n\n\n  - id: tcp\n")
    site.edit("main.yaml", "summary: Packets.", "summary: Packets\n      of data.")


def test_another_renderer_makes_every_page(site: Site,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    site.rendered.clear()
    build(site.brief, site.out, site.kb)
    assert site.rendered == []
    real = site_build.renderer_version()
    monkeypatch.setattr(site_build, "renderer_version", lambda: real + "-other")
    build(site.brief, site.out, site.kb)
    assert set(site.rendered) == site.every


def test_a_damaged_record_list_makes_pages_looked_at_again(site: Site) -> None:
    import json

    manifest = json.loads((site.out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["records"] and manifest["base"]
    for damaged in ("not a list", [["entity:ip", 3, []], "x"], []):
        manifest["records"] = damaged
        (site.out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
        site.edit("main.yaml", "summary: Packets.", "summary: Packets!")
        site.edit("main.yaml", "summary: Packets!", "summary: Packets.")


def test_the_subjects_of_a_change() -> None:
    old: changes.Records = {
        "entity:a": ("1", ("entity:b", "~tag:x", "~acronym:a", "~sense:a\x00alpha")),
        "entity:b": ("2", ()),
        "event:e": ("3", ("entity:b",)),
        "entity:c": ("4", ("~acronym:a", "~sense:a\x00gamma")),
        "entity:d": ("5", ("entity:c",)),
    }
    assert changes.dirty(old, dict(old)) == set()
    # a's tag changes: its page, what it names, what it carries, its acronym's senses.
    new = {**old, "entity:a": ("9", ("entity:b", "~tag:y", "~acronym:a", "~sense:a\x00alpha"))}
    found = changes.dirty(old, new)
    assert {"entity:a", "entity:b", "~tag:x", "~tag:y", "entity:c"} <= found
    assert "event:e" not in found and "entity:d" not in found
    # b goes: what names it (a, e) shows it no more, and so what shows them.
    gone = {key: value for key, value in old.items() if key != "entity:b"}
    found = changes.dirty(old, gone)
    assert {"entity:b", "entity:a", "event:e", "~tag:x", "entity:c"} <= found
    # e changes: the entities it names may have a timeline or not.
    moved = {**old, "event:e": ("8", ("entity:d",))}
    assert {"event:e", "entity:b", "entity:d", "entity:a", "entity:c"} <= changes.dirty(
        old, moved)


def test_the_records_part_of_a_manifest_keeps_only_rows_of_its_shape() -> None:
    rows = json.loads(json.dumps([
        ["entity:a", "1", ["entity:b", "~tag:x"]],
        ["entity:b", "2", []],
        ["entity:c", "3", ["entity:a", 4]],  # a relation that is not a text
        ["entity:d", "4", "entity:a"],  # relations that are not a list
        ["entity:e", 5, []],  # a digest that is not a text
        [6, "6", []],
        ["entity:f", "7", [], "more"],
        "entity:g",
    ]))
    assert changes.parse(rows) == {"entity:a": ("1", ("entity:b", "~tag:x")),
                                   "entity:b": ("2", ())}
    assert changes.parse({"entity:a": ["1", []]}) == {}
    # What a build writes is read back as it was kept.
    kept = changes.parse(rows)
    assert changes.parse(json.loads(json.dumps(changes.rows(kept)))) == kept


def test_the_search_is_made_from_the_last_builds(site: Site,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    again: list[int] = []
    monkeypatch.setattr(search, "AGAIN", again)
    site.edit("main.yaml", "summary: Packets.", "summary: Packets of zebras.")
    assert again == [1]  # IP's words only, in the last build's shards
    assert "zebras" in (site.out / "search" / "p-.js").read_text(encoding="utf-8")
    site.edit("other.yaml", "Written again in another file.", "A copy about giraffes.")
    assert again == [1, 1]  # the copy's words are those of the TCP shown
    # A shard changed by hand is not read: the search is made whole, as it should be.
    shard = site.out / "search" / "p-.js"
    shard.write_bytes(shard.read_bytes().replace(b"zebras", b"zebraz"))
    site.edit("main.yaml", "summary: Packets of zebras.", "summary: Packets of lions.")
    assert again == [1, 1]
    # A line added: it and the records written below it are made again.
    site.edit("main.yaml", "  - id: lonely\n", "  - id: lonely\n    aliases: [Alone]\n")
    assert len(again) == 3 and again[-1] > 1
    # Records that come or go number the others anew: made whole.
    site.edit("main.yaml", "faqs:\n", "faqs:\n  - id: new-faq\n    question: Why?\n"
              "    answer: Because.\n")
    assert len(again) == 3


@pytest.mark.parametrize("forged", [
    b'briefShard("p-",{"t":{},"w":{"packets":[1,2,3]}});\n',  # postings of odd length
    b'briefShard("p-",{"t":{},"w":{"packets":[true,1]}});\n',
    b'briefShard("p-",{"t":[],"w":{}});\n',
    b'briefShard("p-",{"t":{},"w":{}}',
    b'briefShard("p-",' + b"[" * 100_000 + b");\n",
    b"\xff\xfe not text",
])
@pytest.mark.parametrize("name", ["search/p-.js", "search/r-0-0.js"])
def test_a_forged_shard_listed_with_its_digest_is_not_used(site: Site, forged: bytes,
                                                           name: str) -> None:
    import hashlib
    import json

    # The folder's writer changed a shard and wrote its digest in the manifest: the
    # search is made whole, never from it, and the build neither fails nor crashes.
    if name.startswith("search/r-"):
        forged = forged.replace(b'"p-"', b'"r-0-0"').replace(
            b'{"t":{},"w":{"packets":[1,2,3]}}', b'[["a","b","c"],' + b"[" * 900 + b"]" * 900
            + b"]")
    (site.out / name).write_bytes(forged)
    manifest = json.loads((site.out / MANIFEST).read_text(encoding="utf-8"))
    manifest["sha256"][name] = hashlib.sha256(forged).hexdigest()
    (site.out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    site.edit("main.yaml", "summary: Packets.", "summary: Packets of zebras.")



def test_a_manifest_too_large_with_its_records_is_written_without_them(
    brief, tmp_path: Path, kb: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The record list made a large site's manifest pass the bound a rebuild reads, so
    that the folder was refused as no brief site: it is left out instead (the next build
    looks at every page again), and the folder is still the fresh build's."""
    import json

    from briefcli.site import folder as site_folder

    probe = tmp_path / "probe"
    build(brief, probe, kb)
    manifest = json.loads((probe / MANIFEST).read_text(encoding="utf-8"))
    whole = len((probe / MANIFEST).read_bytes())
    assert manifest["records"]
    manifest["records"] = []
    bare = len(json.dumps(manifest, separators=(",", ":"))) + 1
    monkeypatch.setattr(site_folder, "MANIFEST_LIMIT", (whole + bare) // 2)
    out = tmp_path / "site"
    build(brief, out, kb)
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8"))["records"] == []
    path = kb / "main.yaml"
    write(path, path.read_text(encoding="utf-8").replace("Packets.", "Packets, again.", 1))
    build(brief, out, kb)
    build(brief, tmp_path / "fresh", kb)
    assert contents(out) == contents(tmp_path / "fresh")


def test_the_records_part_is_kept_as_one_compact_text() -> None:
    """A build writes the records as one text (a row per record, fields apart by tabs),
    read back as they were kept; a field that is empty or holds a tab or a newline makes
    the list form, read back as well."""
    kept: changes.Records = {"entity:a": ("1", ("entity:b", "~sense:a\x00alpha")),
                             "entity:b": ("2", ())}
    text = changes.rows(kept)
    assert text == "entity:a\t1\tentity:b\t~sense:a\x00alpha\nentity:b\t2"
    assert changes.parse(json.loads(json.dumps(text))) == kept
    assert changes.rows({}) == "" and changes.parse("") == {}
    for odd in ({"entity:a": ("1", ("~tag:a\tb",))}, {"entity:a": ("1", ("~tag:a\nb",))},
                {"entity:a": ("1", ("",))}, {"entity:a": ("", ())}, {"": ("1", ())}):
        written = changes.rows(odd)
        assert isinstance(written, list)
        assert changes.parse(json.loads(json.dumps(written))) == odd


@pytest.mark.parametrize("damaged", ["entity:ip", "\n\n\t\t", "entity:ip\t\tx\n\tq",
                                     "x" * 1000])
def test_a_damaged_compact_record_list_makes_pages_looked_at_again(site: Site,
                                                                 damaged: str) -> None:
    """Records that are not as the last build wrote them only make pages looked at again:
    the rebuild is still the fresh build's, never a traceback."""
    manifest = json.loads((site.out / MANIFEST).read_text(encoding="utf-8"))
    assert isinstance(manifest["records"], str) and manifest["records"]
    manifest["records"] = damaged
    (site.out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    site.edit("main.yaml", "summary: Packets.", "summary: Packets!")


def test_a_manifest_with_its_records_as_a_list_is_rebuilt_in_proportion(site: Site) -> None:
    """The list form of the records (what builds wrote before the compact text) is read
    as it was: a rebuild after an edit makes only the pages about it, and writes the
    compact text."""
    manifest = json.loads((site.out / MANIFEST).read_text(encoding="utf-8"))
    records = changes.parse(manifest["records"])
    manifest["records"] = [[key, digest, list(held)] for key, (digest, held)
                           in sorted(records.items())]
    (site.out / MANIFEST).write_text(json.dumps(manifest, separators=(",", ":")) + "\n",
                                     encoding="utf-8")
    made = site.edit("main.yaml", "summary: Under the sea.", "summary: Under the ocean.")
    assert "entity/cable.html" in made and "entity/lonely.html" not in made
    assert len(made) < len(site.every) // 2
    again = json.loads((site.out / MANIFEST).read_text(encoding="utf-8"))
    assert isinstance(again["records"], str)


def test_a_page_kept_keeps_what_the_manifest_recorded_of_it(site: Site) -> None:
    """A page that is not made again is not read either: its sha256 and inputs in the
    next manifest are the ones recorded (the rebuild's manifest is a fresh build's, which
    `Site.edit` checks); a page whose file was removed is made and recorded again."""
    before = json.loads((site.out / MANIFEST).read_text(encoding="utf-8"))
    (site.out / "entity" / "lonely.html").unlink()
    made = site.edit("main.yaml", "summary: Under the sea.", "summary: Under the ocean.")
    assert "entity/lonely.html" in made and "entity/ip.html" not in made
    after = json.loads((site.out / MANIFEST).read_text(encoding="utf-8"))
    for page in ("entity/ip.html", "entity/lonely.html"):
        assert after["sha256"][page] == before["sha256"][page]
        assert after["inputs"][page] == before["inputs"][page]
    assert after["sha256"]["entity/cable.html"] != before["sha256"]["entity/cable.html"]


def test_the_knowledge_dates_records_as_their_dates_parse(kb: Path, tmp_path: Path) -> None:
    """A date's first day comes from the index's sort key: the same as parsing the date,
    for every event and briefing, partial dates and all; the newest date is the largest
    of the dates that parse."""
    from briefcli.index.cache import open_index
    from briefcli.index.store import BuildReport
    from briefcli.render.common import parse_date
    from briefcli.site.memory import Knowledge

    write(kb / "more.yaml", "format: 1\nevents:\n  - id: partial\n    date: 1999\n"
          "    title: A year only\n  - id: span\n    date: 2005-02\n    end: 2006\n"
          "    title: A span\n")
    k = Knowledge(open_index([kb], tmp_path / "cache", BuildReport()))
    dated = [*k.events.values(), *k.briefings.values()]
    assert len(dated) == 6
    for record in dated:
        day = parse_date(record.date)
        assert day is not None
        assert k.date_key(record) == (day.low, k.order[(record.record_kind, record.id)])
    dates = [d for r in k.records["event"].values() for d in (r.date, r.end) if d]
    assert k.newest == max(dates) == "2030-01-01"
