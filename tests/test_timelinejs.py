"""TimelineJS output: its JSON format, partial dates kept partial, text escaped."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from briefcli.knowledge.model import Event, Timeline
from briefcli.render import Output, format_names, get_renderer
from briefcli.render.timelinejs import date_object, timeline_data


def render(result: Timeline) -> Any:
    out = io.StringIO()
    get_renderer("timelinejs", Output(out)).timeline(result)
    return json.loads(out.getvalue())


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("1999", {"year": 1999, "display_date": "1999"}),
        ("2023-09", {"year": 2023, "month": 9, "display_date": "September 2023"}),
        ("2023-09-24", {"year": 2023, "month": 9, "day": 24,
                        "display_date": "24 September 2023"}),
        ("not a date", None),
        (None, None),
    ],
)
def test_a_partial_date_has_only_the_fields_it_has(written, expected) -> None:
    assert date_object(written) == expected


def test_the_document_has_a_title_and_a_slide_per_event() -> None:
    events = [
        Event(id="kfor-established", date="1999", title="KFOR established",
              summary="Established to keep the peace."),
        Event(id="tensions", date="2023-09", end="2023-10-05", title="Tensions"),
        Event(id="call", date="2023-11-11", title="Blinken and Vučić talk"),
    ]
    doc = render(Timeline("Timeline of Kosovo Force", events))
    assert doc["title"] == {"text": {"headline": "Timeline of Kosovo Force"}}
    assert [s["unique_id"] for s in doc["events"]] == ["kfor-established", "tensions", "call"]
    first, second, third = doc["events"]
    assert first["start_date"] == {"year": 1999, "display_date": "1999"}
    assert first["text"] == {"headline": "KFOR established",
                             "text": "<p>Established to keep the peace.</p>"}
    assert "end_date" not in first and "group" not in first
    assert second["end_date"] == {"year": 2023, "month": 10, "day": 5,
                                  "display_date": "5 October 2023"}
    assert second["display_date"] == "2023-09 – 2023-10-05"
    assert third["text"] == {"headline": "Blinken and Vučić talk"}


def test_text_is_escaped_because_timelinejs_shows_it_as_html() -> None:
    evil = '<img src=x onerror=alert(1)> "q" & \x1b[31m\u202e'
    doc = render(Timeline(evil, [Event(id="e", date="2020", title=evil, summary=evil)],
                          {"e": evil}))
    text = json.dumps(doc, ensure_ascii=False)
    assert "<img" not in text and "\x1b" not in text and "\u202e" not in text
    slide = doc["events"][0]
    assert slide["text"]["headline"] == (
        "&lt;img src=x onerror=alert(1)&gt; &quot;q&quot; &amp; ^[[31m&lt;U+202E&gt;"
    )
    assert slide["group"] == slide["text"]["headline"]
    assert doc["title"]["text"]["headline"] == slide["text"]["headline"]


def test_senses_become_groups() -> None:
    events = [Event(id="a", date="2001", title="A"), Event(id="b", date="2002", title="B")]
    data = timeline_data(Timeline("Timeline of KFOR", events, {"a": "Kosovo Force"}))
    assert data["events"][0]["group"] == "Kosovo Force"
    assert "group" not in data["events"][1]


def test_timelinejs_serves_the_timeline_view_only() -> None:
    assert "timelinejs" in format_names("timeline")
    assert all("timelinejs" not in format_names(v) for v in ("show", "define", "search"))


def test_timelinejs_from_the_command_line(brief) -> None:
    r = brief("timeline", "Kosovo", "--format", "timelinejs")
    assert r.code == 0, r.stderr
    doc = json.loads(r.stdout)
    records = json.loads(brief("timeline", "Kosovo", "--json").stdout)
    assert [s["unique_id"] for s in doc["events"]] == [e["id"] for e in records]
    assert doc["title"]["text"]["headline"] == "Timeline of Kosovo"
    assert all("year" in s["start_date"] for s in doc["events"])
    assert brief("show", "--format", "timelinejs").code == 2
    miss = brief("timeline", "no-such-topic-anywhere", "--format", "timelinejs")
    assert miss.code == 1 and json.loads(miss.stdout) == {"events": []}


# The shape TimelineJS 3 documents for its JSON (docs/json-format): which keys each
# object may have and which it must have.
DATE_KEYS = {"year", "month", "day", "hour", "minute", "second", "millisecond",
             "display_date", "format"}
SLIDE_KEYS = {"start_date", "end_date", "text", "media", "group", "display_date",
              "background", "autolink", "unique_id"}
MEDIA_KEYS = {"url", "caption", "credit", "thumbnail", "alt", "title", "link", "link_target"}


def _check_date(date: Any) -> None:
    assert isinstance(date, dict) and set(date) <= DATE_KEYS and isinstance(date["year"], int)


def _check_text(text: Any) -> None:
    assert isinstance(text, dict) and set(text) <= {"headline", "text"}
    assert all(isinstance(v, str) for v in text.values())


def check_timelinejs_shape(doc: Any) -> None:
    assert set(doc) <= {"events", "title", "eras", "scale"} and isinstance(doc["events"], list)
    for slide in doc["events"]:
        assert set(slide) <= SLIDE_KEYS
        _check_date(slide["start_date"])
        if "end_date" in slide:
            _check_date(slide["end_date"])
        if "text" in slide:
            _check_text(slide["text"])
        if "group" in slide:
            assert isinstance(slide["group"], str)
        if "media" in slide:
            assert set(slide["media"]) <= MEDIA_KEYS and isinstance(slide["media"]["url"], str)
    for era in doc.get("eras", []):
        assert set(era) <= {"start_date", "end_date", "text"}
        _check_date(era["start_date"])
        _check_date(era["end_date"])
        _check_text(era["text"])


def test_tags_sources_and_partial_spans_reach_timelinejs() -> None:
    from briefcli.knowledge.model import Source

    events = [
        Event(id="kfor", date="1999-06", end="2008", title="KFOR deployed",
              tags=("security", "nato"), sources=("nato-kfor", "offline")),
        Event(id="talks", date="2023-09-24", end="2023-09-30", title="Talks",
              sources=("offline",)),
        Event(id="vote", date="2024-02-01", title="Vote", tags=("politics",)),
    ]
    sources = {
        "nato-kfor": Source("nato-kfor", "NATO's role in Kosovo", "NATO",
                            "https://www.nato.int/kfor"),
        "offline": Source("offline", "A printed report", None, None),
    }
    doc = render(Timeline("Timeline of Kosovo", events, {}, sources))
    check_timelinejs_shape(doc)
    kfor, talks, vote = doc["events"]
    assert kfor["group"] == "security" and vote["group"] == "politics"
    assert "group" not in talks
    assert kfor["media"] == {"url": "https://www.nato.int/kfor",
                             "caption": "NATO&#x27;s role in Kosovo", "credit": "NATO"}
    assert "media" not in talks  # a source without an address is no media
    assert doc["eras"] == [{"start_date": {"year": 1999, "month": 6, "display_date": "June 1999"},
                            "end_date": {"year": 2008, "display_date": "2008"},
                            "text": {"headline": "KFOR deployed"}}]


def test_a_sense_still_groups_before_a_tag() -> None:
    events = [Event(id="a", date="2001", title="A", tags=("net",))]
    doc = render(Timeline("T", events, {"a": "Transmission Control Protocol"}))
    check_timelinejs_shape(doc)
    assert doc["events"][0]["group"] == "Transmission Control Protocol"


def test_a_cited_source_with_an_address_is_the_slides_media_end_to_end(brief, tmp_path):
    """The timeline query brings the sources its events cite, so that `--format
    timelinejs` gives each such slide its media (both paths answer alike)."""
    from conftest import write

    kb = write(tmp_path / "kb" / "k.yaml", (
        "events:\n  - id: e1\n    date: 2023-09-24\n    title: Attack\n    sources: [s1]\n"
        "sources:\n  - id: s1\n    title: The report\n    publisher: NATO\n"
        "    url: https://www.nato.int/report\n"
    ))
    r = brief("timeline", "--format", "timelinejs", "--data", str(kb.parent))
    assert r.code == 0, r.stderr
    import json

    (slide,) = json.loads(r.stdout)["events"]
    assert slide["media"] == {"url": "https://www.nato.int/report", "caption": "The report",
                              "credit": "NATO"}
