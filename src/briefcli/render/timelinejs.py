"""TimelineJS's JSON: a timeline as the data TimelineJS 3 shows.

One JSON object: `title` (a slide with `text.headline`) and `events`, a slide per event
with `start_date` (and `end_date`), each date object holding only the fields its partial
date has (`2023` is `{"year": 2023}`), `display_date` as brief writes the date, `text`
(`headline` and `text`), `unique_id` (the event's id, unique among the slides) and
`group` (the sense of the topic, when it has several). TimelineJS shows text as HTML, so
every text is escaped (controls made visible first).
"""

from __future__ import annotations

import html
import json
from typing import Any

from briefcli.knowledge.model import Event, Timeline
from briefcli.render import Output
from briefcli.render.common import event_when, human_date, parse_date
from briefcli.text import visible


def _text(value: str | None) -> str:
    return html.escape(visible(" ".join((value or "").split())), quote=True)


def date_object(text: str | None) -> dict[str, Any] | None:
    """`{"year": 2023, "month": 9, "display_date": "September 2023"}`: the fields the
    partial date has, no more (None when the text is not a date)."""
    date = parse_date(text)
    if date is None:
        return None
    out: dict[str, Any] = {"year": date.year}
    if date.month:
        out["month"] = date.month
    if date.day:
        out["day"] = date.day
    out["display_date"] = _text(human_date(text))
    return out


def slide(event: Event, group: str | None = None) -> dict[str, Any]:
    """One event as a TimelineJS slide."""
    out: dict[str, Any] = {"unique_id": event.id}
    start = date_object(event.date)
    if start is not None:
        out["start_date"] = start
    end = date_object(event.end)
    if end is not None:
        out["end_date"] = end
        out["display_date"] = _text(event_when(event))
    text = {"headline": _text(event.title)}
    if event.summary:
        text["text"] = f"<p>{_text(event.summary)}</p>"
    out["text"] = text
    if group:
        out["group"] = _text(group)
    return out


def timeline_data(result: Timeline) -> dict[str, Any]:
    """The TimelineJS document of a timeline (events without a valid date left out: a
    slide needs a start date)."""
    events = [
        slide(e, result.senses.get(e.id)) for e in result.events if parse_date(e.date)
    ]
    return {"title": {"text": {"headline": _text(result.title)}}, "events": events}


class TimelineJsRenderer:
    """Writes one TimelineJS JSON document per call."""

    name = "timelinejs"

    def __init__(self, output: Output) -> None:
        self.stream = output.stream

    def _write(self, data: dict[str, Any]) -> None:
        self.stream.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        self.stream.flush()

    def empty(self, view: str) -> None:
        self._write({"events": []})

    def timeline(self, result: Timeline) -> None:
        self._write(timeline_data(result))
