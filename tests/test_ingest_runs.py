"""`brief ingest` run as the README's weekly recipe runs it: a folder of articles into a
knowledge that may already hold some of them."""

from __future__ import annotations

from pathlib import Path

from conftest import write
from test_authoring import records

RELEASE = """\
Council adopts conclusions on Kosovo

BRUSSELS, 5 May 2022 - The Council today adopted conclusions on Kosovo.

The following is attributable to Spokesperson Matthew Miller:

The conclusions recall the attack of 24 September in Banjska, in which a police officer
was killed.

FAQ:

What is the Council?

The Council is where ministers meet.

###

Tags: Kosovo, Council
"""
OTHER = RELEASE.replace("Council adopts conclusions on Kosovo", "Council meets on Serbia") \
    .replace("5 May 2022", "6 May 2022").replace("on Kosovo.", "on Serbia.")
UNDATED = "History\n\nFrom October 1998 to March 1999, the mission monitored the ceasefire.\n"




def kb(tmp_path: Path) -> Path:
    return write(tmp_path / "kb" / "base.yaml", "format: 1\n").parent


def test_an_article_drafted_already_is_drafted_nothing_again(brief, tmp_path):
    article = write(tmp_path / "press" / "a.txt", RELEASE)
    data = kb(tmp_path)
    first = brief("ingest", str(article), "--data", str(data), "-o", str(data / "week1.yaml"))
    assert first.code == 0, first.stderr
    (briefing,) = records((data / "week1.yaml").read_text())["briefing"]
    assert briefing["digest"].startswith("sha256:")
    # The same article again (rewrapped even): recognised, nothing drafted, said so.
    write(article, RELEASE.replace("\n", "\r\n"))
    again = brief("ingest", str(article), "--data", str(data), "-o", str(data / "week2.yaml"))
    assert again.code == 0, again.stderr
    assert "already drafted (briefing '2022-05-05'); nothing drafted again" in again.stderr
    assert not (data / "week2.yaml").exists()
    assert brief("check", "--data", str(data)).code == 0


def test_known_events_are_linked_not_drafted_again(brief, tmp_path):
    data = kb(tmp_path)
    write(tmp_path / "press" / "a.txt", RELEASE)
    assert brief("ingest", str(tmp_path / "press"), "--data", str(data), "-o",
                 str(data / "week1.yaml")).code == 0
    first = records((data / "week1.yaml").read_text())
    attack = next(e for e in first["event"] if "Banjska" in e["title"])
    assert attack["date"] == "2021-09-24"  # a date without a year, before May 2022
    # Another article telling of the same attack: linked to the event known.
    other = write(tmp_path / "b.txt", OTHER)
    r = brief("ingest", str(other), "--data", str(data))
    assert r.code == 0, r.stderr
    draft = records(r.stdout)
    assert not any("Banjska" in e["title"] for e in draft.get("event", []))
    assert attack["id"] in draft["briefing"][0]["events"]
    assert "faq" not in draft  # the FAQ asked before is linked too
    check = brief("check", "--data", str(data))
    assert "duplicate-event" not in check.stdout + check.stderr


def test_a_folder_run_drafts_what_it_can_and_names_the_others(brief, tmp_path):
    folder = tmp_path / "press"
    write(folder / "a.txt", RELEASE)
    write(folder / "b.txt", UNDATED)
    write(folder / "c.txt", OTHER)
    (folder / "d.txt").write_bytes(b"\xff\xfe bad")
    out = tmp_path / "draft.yaml"
    r = brief("ingest", str(folder), "--data", str(kb(tmp_path)), "-o", str(out))
    assert r.code == 1
    assert f"{folder / 'b.txt'}: no date found near the top" in r.stderr
    assert f"{folder / 'd.txt'}: expected UTF-8 text" in r.stderr
    assert "2 of 4 article(s) could not be drafted" in r.stderr
    assert "Traceback" not in r.stderr
    dates = [b["date"] for b in records(out.read_text())["briefing"]]
    assert dates == ["2022-05-05", "2022-05-06"]


def test_two_articles_with_the_same_faq_share_it(brief, tmp_path):
    write(tmp_path / "press" / "a.txt", RELEASE)
    write(tmp_path / "press" / "c.txt", OTHER)
    r = brief("ingest", str(tmp_path / "press"), "--data", str(kb(tmp_path)))
    assert r.code == 0, r.stderr
    draft = records(r.stdout)
    assert len(draft["faq"]) == 1
    assert [b["faqs"] for b in draft["briefing"]] == [["faq-what-is-the-council"]] * 2


def test_boilerplate_is_not_the_briefing(brief, tmp_path):
    article = write(tmp_path / "a.txt", RELEASE)
    r = brief("ingest", str(article), "--data", str(kb(tmp_path)))
    (briefing,) = records(r.stdout)["briefing"]
    text = " ".join(briefing["body"]) + " ".join(briefing.get("points", []))
    for junk in ("attributable", "###", "Tags:"):
        assert junk not in text
    assert briefing["title"] == "Council adopts conclusions on Kosovo"


def test_check_warns_of_two_events_with_one_date_and_title(brief, tmp_path):
    path = write(tmp_path / "kb" / "k.yaml", """\
events:
  - id: a
    date: 2023-09-24
    title: Attack in Banjska
  - id: b
    date: 2023-09-24
    title: attack in  Banjska
  - id: c
    date: 2023-09-25
    title: Attack in Banjska
""")
    r = brief("check", "--data", str(path.parent))
    assert r.code == 0
    warned = [line for line in (r.stdout + r.stderr).splitlines() if "[duplicate-event]" in line]
    assert len(warned) == 1
    assert "k.yaml:5:5: warning: event 'b' has the same date and title as event 'a'" in warned[0]


def test_an_event_known_under_another_title_is_linked_when_it_tells_the_same(brief, tmp_path):
    data = write(tmp_path / "kb" / "k.yaml", """\
events:
  - id: banjska-attack
    date: 2023-09-24
    title: Attack near the Banjska Monastery
    summary: Violent events in which a Kosovo Police sergeant was killed.
  - id: other-news
    date: 2023-09-24
    title: Elections held in Montenegro
""").parent
    article = write(tmp_path / "a.txt", (
        "Readout\n\nNovember 11, 2023\n\nThe talks followed the violent events of September "
        "24. These events included the tragic death of a Kosovo Police sergeant.\n"
    ))
    r = brief("ingest", str(article), "--data", str(data))
    assert r.code == 0, r.stderr
    draft = records(r.stdout)
    assert "event" not in draft
    assert draft["briefing"][0]["events"] == ["banjska-attack"]


def test_an_article_whose_briefing_the_knowledge_has_without_a_digest(brief, tmp_path):
    data = write(tmp_path / "kb" / "k.yaml", """\
briefings:
  - date: 2022-05-05
    title: Written by hand
    body:
      - The Council today adopted conclusions on Kosovo.
""").parent
    article = write(tmp_path / "a.txt", RELEASE)
    r = brief("ingest", str(article), "--data", str(data))
    assert r.code == 0, r.stderr
    assert r.stdout == ""
    assert "already drafted (briefing '2022-05-05')" in r.stderr


SEED = """\
 date 2023-11-11 In a recent conversation between Secretary of State Antony J. Blinken and \
Serbian President Aleksandar Vucic, the focus was on the urgent need to de-escalate tensions \
with Kosovo following the violent events of September 24. These events included the tragic \
death of a Kosovo Police Sergeant, which sparked widespread concern.

Secretary Blinken emphasized the importance of holding accountable those responsible for the \
attacks, particularly those who have sought refuge in Serbia.
"""


def test_each_event_links_the_entities_of_what_describes_it(brief, tmp_path):
    article = write(tmp_path / "seed.txt", SEED)
    r = brief("ingest", str(article), "--data", str(kb(tmp_path)))
    assert r.code == 0, r.stderr
    draft = records(r.stdout)
    by_date = {e["date"]: e for e in draft["event"]}
    own, violence = by_date["2023-11-11"], by_date["2023-09-24"]
    assert own["title"] == "Blinken and Vucic discuss de-escalating tensions with Kosovo"
    assert own["entities"] == ["blinken", "vucic", "kosovo"]
    assert violence["title"] == "Violent events kill a Kosovo Police Sergeant"
    assert violence["entities"] == ["kosovo-police"]
    assert violence["summary"].startswith("These events included the tragic death")
    (briefing,) = draft["briefing"]
    assert briefing["title"] == own["title"]
    assert set(briefing["events"]) == {own["id"], violence["id"]}
