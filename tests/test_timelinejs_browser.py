"""`timeline --format timelinejs` read by the real TimelineJS 3, in headless Chromium:
every event becomes a slide, groups and eras are accepted, and nothing is logged as an
error. TimelineJS comes from the npm registry (`.ci/run` installs it outside the
repository and names its `dist` folder in BRIEF_TIMELINEJS); the test skips without it
or without Chromium."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

browser = pytest.importorskip("browser")  # tests/browser.py, the DevTools driver

DIST = Path(os.environ.get("BRIEF_TIMELINEJS", "/nonexistent"))


@pytest.fixture(scope="module")
def chromium():  # type: ignore[no-untyped-def]
    if browser.find_chromium() is None:
        pytest.skip("needs Chromium (BRIEF_CHROMIUM, or chromium on PATH)")
    if not (DIST / "js" / "timeline.js").is_file():
        pytest.skip("needs TimelineJS's dist folder in BRIEF_TIMELINEJS")
    with browser.Browser() as b:
        yield b


KB = """\
entities:
  - id: kfor
    name: Kosovo Force
    acronym: KFOR
    tags: [security]
events:
  - id: e1
    date: 1999-06-12
    title: KFOR enters Kosovo
    entities: [kfor]
    tags: [security]
    sources: [s1]
  - id: e2
    date: 2023-09
    end: 2023-10
    title: Tensions in the north
    entities: [kfor]
    tags: [politics]
  - id: e3
    date: 2023
    title: KFOR increases its presence
    entities: [kfor]
sources:
  - id: s1
    title: NATO – KFOR
    publisher: NATO
    url: https://www.nato.int/cps/en/natolive/topics_48818.htm
"""


def test_timelinejs_shows_every_event_of_brief_s_json(chromium, brief, tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "k.yaml").write_text(KB, encoding="utf-8")
    r = brief("timeline", "KFOR", "--format", "timelinejs", "--data", str(kb))
    assert r.code == 0, r.stderr
    data = json.loads(r.stdout)
    assert len(data["events"]) == 3 and data.get("eras")
    page = tmp_path / "timeline.html"
    page.write_text(
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<link rel='stylesheet' href='{(DIST / 'css' / 'timeline.css').as_uri()}'>"
        f"<script src='{(DIST / 'js' / 'timeline.js').as_uri()}'></script></head>"
        "<body><div id='tl' style='width: 900px; height: 600px'></div><script>"
        # font: null: no web font from TimelineJS's own servers (this machine is offline)
        f"window.tl = new TL.Timeline('tl', {json.dumps(data)}, "
        "{hash_bookmark: false, font: null});"
        "</script></body></html>",
        encoding="utf-8",
    )
    view = chromium.open(page.as_uri())
    slides = view.wait_for(
        "document.querySelectorAll('.tl-slide').length >= 4 && "
        "document.querySelectorAll('.tl-slide').length", timeout=20,
    )
    assert slides == 4  # the title slide and one per event
    headlines = view.evaluate(
        "Array.from(document.querySelectorAll('.tl-slide .tl-headline'))"
        ".map(h => h.textContent.trim())"
    )
    for event in ("KFOR enters Kosovo", "Tensions in the north", "KFOR increases its presence"):
        assert event in headlines, headlines
    assert view.evaluate("document.querySelectorAll('.tl-timegroup').length") >= 2  # groups
    assert not view.console_errors, view.console_errors
