"""`brief ingest` and `brief import` end to end: drafts that pass `brief check`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from briefcli.knowledge.checker import parse_file
from conftest import write

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_ade9975154dc311d.txt"
ARTICLES = Path(__file__).parent / "fixtures" / "articles"
WTF = Path("/usr/share/games/bsdgames/acronyms.comp")
VERA = Path("/usr/share/dictd/vera.index")

PRESS_RELEASE = """\
Council adopts conclusions on the Western Balkans

BRUSSELS, 5 May 2022 – The Council today adopted conclusions on the European Union \
Rule of Law Mission in Kosovo (EULEX) and on the Kosovo Force (KFOR).

1. The Council recalls that the mission was launched in February 2008.

2. The Council welcomes the work of the Organization for Security and Co-operation in \
Europe (OSCE) since 1999.
"""


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    if SEED.exists():
        return Path(shutil.copyfile(SEED, tmp_path / "seed.txt"))
    # A copy of the seed's shape, for a checkout without the shared folder.
    return write(tmp_path / "seed.txt", (ARTICLES / "briefing_faq.txt").read_text())


def records(text: str) -> dict[str, list[dict]]:
    result = parse_file(text.encode(), "draft.yaml")
    assert result.problems == []
    out: dict[str, list[dict]] = {}
    for row in result.records:
        out.setdefault(row.kind, []).append(row.data)
    return out


def test_ingest_a_press_release(brief, tmp_path):
    article = write(tmp_path / "release.txt", PRESS_RELEASE)
    kb = write(tmp_path / "kb" / "kb.yaml", "entities:\n  - id: kfor\n    name: Kosovo Force\n"
               "    acronym: KFOR\n")
    r = brief("ingest", str(article), "--data", str(kb.parent))
    assert r.code == 0, r.stderr
    draft = records(r.stdout)
    (briefing,) = draft["briefing"]
    assert briefing["date"] == "2022-05-05"
    assert briefing["title"] == "Council adopts conclusions on the Western Balkans"
    assert briefing["summary"].startswith("The Council today adopted conclusions")
    entities = {e["acronym"]: e for e in draft["entity"] if "acronym" in e}
    # The dateline's place is one of the release's places.
    assert [e["kind"] for e in draft["entity"] if e["name"] == "Brussels"] == ["place"]
    assert entities["EULEX"]["name"] == "European Union Rule of Law Mission in Kosovo"
    assert entities["OSCE"]["name"] == "Organization for Security and Co-operation in Europe"
    assert "KFOR" not in entities  # known: linked, not duplicated
    assert "kfor" in briefing["entities"]
    dates = {e["date"] for e in draft["event"]}
    # "since 1999" is a span, not a happening: no event (the 2022-05-05 one is the
    # release's own, "today").
    assert {"2008-02", "2022-05-05"} <= dates
    assert "1999" not in dates
    # "The Council today adopted conclusions": the release's own event, dated by the dateline.
    (own,) = [e for e in draft["event"] if e["date"] == "2022-05-05"]
    assert own["title"] == "Council adopts conclusions on the European Union Rule of Law Mission"
    # The draft passes `brief check` together with the knowledge.
    out = write(tmp_path / "kb" / "draft.yaml", r.stdout)
    assert brief("check", "--data", str(out.parent)).code == 0


def test_ingest_the_seed_against_the_bundled_knowledge(brief, seed, tmp_path):
    """The bundled knowledge holds the seed's briefing (same date, same opening
    paragraph): ingesting the seed again drafts nothing and says so; against an empty
    knowledge it drafts the briefing, which checks clean with the bundled knowledge only
    where the seed is another article."""
    r = brief("ingest", str(seed), "--date", "2023-11-11")
    assert r.code == 0, r.stderr
    if SEED.exists():
        assert r.stdout == ""
        assert "already drafted (briefing '2023-11-11')" in r.stderr
        return
    draft = records(r.stdout)
    (briefing,) = draft["briefing"]
    assert briefing["id"] != "2023-11-11"  # the bundled briefing has that id
    out = write(tmp_path / "draft.yaml", r.stdout)
    bundled = Path(__file__).resolve().parents[1] / "data"
    assert brief("check", "--data", str(bundled), "--data", str(out)).code == 0


def test_ingest_is_the_same_twice_and_says_where_records_came_from(brief, tmp_path):
    article = write(tmp_path / "release.txt", PRESS_RELEASE)
    first = brief("ingest", str(article))
    assert first.stdout == brief("ingest", str(article)).stdout
    comments = " ".join(
        line.strip()[2:] for line in first.stdout.splitlines() if line.strip().startswith("# ")
    )
    assert f'from {article}:5: "The Council recalls that the mission' in comments
    assert f"from {article}:7: " in comments
    assert '"' not in first.stdout.split("format: 1")[1].split("#")[0]  # no needless quotes


def test_several_articles_give_one_draft_each_entity_once(brief, tmp_path):
    write(tmp_path / "in" / "a.txt", PRESS_RELEASE)
    write(tmp_path / "in" / "b.txt", PRESS_RELEASE.replace("5 May 2022", "6 May 2022"))
    r = brief("ingest", str(tmp_path / "in"))
    assert r.code == 0, r.stderr
    draft = records(r.stdout)
    assert [b["date"] for b in draft["briefing"]] == ["2022-05-05", "2022-05-06"]
    acronyms = [e["acronym"] for e in draft["entity"] if "acronym" in e]
    assert sorted(acronyms) == sorted(set(acronyms))
    names = [e["name"] for e in draft["entity"]]  # Brussels, of both datelines, once
    assert "Brussels" in names and sorted(names) == sorted(set(names))
    events = [(e["date"], e["title"]) for e in draft["event"]]
    assert len(events) == len(set(events))


def test_ingest_without_a_date_is_a_clear_error(brief, tmp_path):
    article = write(tmp_path / "undated.txt", "Talks went on.\n\nThey will go on.\n")
    r = brief("ingest", str(article))
    assert r.code == 1
    assert r.stdout == ""
    assert f"{article}: no date found" in r.stderr and "--date" in r.stderr
    assert brief("ingest", str(article), "--date", "2024-02-30").code == 2
    assert brief("ingest", str(article), "--date", "2024-02-03").code == 0


def test_ingest_writes_atomically_and_never_over_a_file(brief, tmp_path):
    article = write(tmp_path / "release.txt", PRESS_RELEASE)
    target = tmp_path / "draft.yaml"
    r = brief("ingest", str(article), "-o", str(target))
    assert (r.code, r.stdout) == (0, "")
    first = target.read_text()
    target.write_text("mine\n")
    r = brief("ingest", str(article), "-o", str(target))
    assert r.code == 2 and "--force" in r.stderr
    assert target.read_text() == "mine\n"
    assert brief("ingest", str(article), "-o", str(target), "--force").code == 0
    assert target.read_text() == first


def test_ingest_refuses_what_is_not_text(brief, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"date 2023-01-01\n\xff\xfe broken")
    r = brief("ingest", str(bad))
    assert r.code == 1
    assert f"{bad}: expected UTF-8 text" in r.stderr
    assert brief("ingest", str(tmp_path / "missing.txt")).code == 1


WTF_TEXT = "$Id: a list $\nTCP\ttransmission control protocol\nTCP\ttape carrier package\n" \
    "KFOR\tKosovo Force\n"


def test_import_tsv(brief, tmp_path):
    source = write(tmp_path / "acronyms", WTF_TEXT)
    r = brief("import", str(source), "--from", "tsv")
    assert r.code == 0, r.stderr
    entities = records(r.stdout)["entity"]
    assert [(e["id"], e["acronym"], e["name"]) for e in entities] == [
        ("tcp", "TCP", "transmission control protocol"),
        ("tcp-2", "TCP", "tape carrier package"),
        ("kfor-2", "KFOR", "Kosovo Force"),  # the bundled knowledge has kfor
    ]
    assert "imported 3 entries (2 of them senses of a shared acronym)" in r.stderr
    out = write(tmp_path / "kb" / "glossary.yaml", r.stdout)
    found = brief("define", "TCP", "--data", str(out), "--json")
    assert [d["name"] for d in json.loads(found.stdout)] == [  # equal senses: file order
        "transmission control protocol", "tape carrier package"
    ]


def test_glossaries_imported_one_by_one_into_a_folder_never_clash(brief, tmp_path):
    first = write(tmp_path / "a.tsv", "TCP\ttransmission control protocol\nIP\tinternet protocol\n")
    second = write(tmp_path / "b.tsv", "TCP\ttape carrier package\nIP\tintellectual property\n")
    kb = tmp_path / "kb"
    kb.mkdir()
    assert brief("import", str(first), "--from", "tsv", "-o", str(kb / "a.yaml")).code == 0
    assert brief("import", str(second), "--from", "tsv", "-o", str(kb / "b.yaml")).code == 0
    assert brief("check", str(kb)).code == 0  # no duplicate ids across the two files
    ids = [e["id"] for e in records((kb / "b.yaml").read_text())["entity"]]
    assert ids == ["tcp-2", "ip-2"]
    # Written again, a file does not take its own ids for someone else's.
    again = brief("import", str(first), "--from", "tsv", "-o", str(kb / "a.yaml"), "--force")
    assert again.code == 0
    assert [e["id"] for e in records((kb / "a.yaml").read_text())["entity"]] == ["tcp", "ip"]
    assert [d["name"] for d in json.loads(brief("define", "TCP", "-d", str(kb),
                                                "--json").stdout)] == [
        "transmission control protocol", "tape carrier package"]


def test_import_csv_reports_bad_rows_and_keeps_the_rest(brief, tmp_path):
    source = write(tmp_path / "g.csv", "acronym,name,aliases\nEU,European Union,Union;EU27\n"
                   "XX,,\n")
    r = brief("import", str(source), "--from", "csv", "--data", str(source.parent))
    assert r.code == 1
    assert f"{source}:3:" in r.stderr
    (entity,) = records(r.stdout)["entity"]
    assert entity["aliases"] == ["Union", "EU27"]


@pytest.mark.skipif(not WTF.exists(), reason="bsdgames is not installed")
def test_import_a_real_wtf_list(brief, tmp_path):
    (tmp_path / "kb").mkdir()
    r = brief("import", str(WTF), "--from", "tsv", "-o", str(tmp_path / "kb" / "comp.yaml"))
    assert r.code == 0, r.stderr
    assert brief("check", "--data", str(tmp_path / "kb")).code == 0
    found = brief("define", "TCP", "--data", str(tmp_path / "kb"), "--json")
    assert "Transmission Control Protocol" in {d["name"] for d in json.loads(found.stdout)}


@pytest.mark.skipif(not VERA.exists(), reason="dict-vera is not installed")
def test_import_a_real_dictd_database(brief, tmp_path):
    target = tmp_path / "kb" / "vera.yaml"
    target.parent.mkdir()
    r = brief("import", str(VERA), "--from", "dictd", "-o", str(target))
    assert r.code == 0, r.stderr
    assert len(records(target.read_text())["entity"]) > 10_000
    found = brief("define", "ISDN", "--data", str(target.parent), "--json")
    assert [d["name"] for d in json.loads(found.stdout)] == ["Integrated Services Digital Network"]


def test_import_of_a_missing_file(brief, tmp_path):
    r = brief("import", str(tmp_path / "nope.tsv"), "--from", "tsv")
    assert r.code == 1 and "no such file" in r.stderr
    assert brief("import", str(tmp_path / "nope.tsv"), "--from", "xml").code == 2
