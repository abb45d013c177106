"""TimelineJS's JSON: a timeline as the data TimelineJS 3 shows.

One JSON object: `title` (a slide with `text.headline`) and `events`, a slide per event
with `start_date` (and `end_date`), each date object holding only the fields its partial
date has (`2023` is `{"year": 2023}`), `display_date` as brief writes the date, `text`
(`headline` and `text`), `unique_id` (the event's id, unique among the slides) and
`group` (the sense of the topic, when it has several, else the event's first tag),
`media` (the first cited source with a web address: `url`, its title as `caption`, its
publisher as `credit`); spans with a month or year at either end are also `eras`.
TimelineJS shows text as HTML, so every text is escaped (controls made visible first).
"""

from __future__ import annotations

import html
import json
from typing import Any

from briefcli.knowledge.model import Event, Source, Timeline
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


def media(source: Source) -> dict[str, Any] | None:
    """A source with a web address as a slide's media: the page, its title as the
    caption and its publisher (else its address) as the credit. None without an
    address (TimelineJS needs one)."""
    if not source.url or not source.url.startswith(("http://", "https://")):
        return None
    return {
        "url": source.url,
        "caption": _text(source.title),
        "credit": _text(source.publisher or source.url),
    }


def slide(
    event: Event, group: str | None = None, sources: dict[str, Source] | None = None
) -> dict[str, Any]:
    """One event as a TimelineJS slide: its group the sense (when the topic has
    several) or else its first tag; its media the first source it cites that has a web
    address."""
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
    group = group or (event.tags[0] if event.tags else None)
    if group:
        out["group"] = _text(group)
    for source_id in event.sources:
        found = (sources or {}).get(source_id)
        shown = media(found) if found is not None else None
        if shown is not None:
            out["media"] = shown
            break
    return out


def era(event: Event) -> dict[str, Any] | None:
    """A span whose start or end is a month or a year (`1999 – 2008-06`) as an era, the
    band TimelineJS draws behind the slides; None for a span of days or no span."""
    start, end = parse_date(event.date), parse_date(event.end)
    if start is None or end is None:
        return None
    if start.precision == "day" and end.precision == "day":
        return None
    start_date, end_date = date_object(event.date), date_object(event.end)
    assert start_date is not None and end_date is not None
    return {"start_date": start_date, "end_date": end_date,
            "text": {"headline": _text(event.title)}}


def timeline_data(result: Timeline) -> dict[str, Any]:
    """The TimelineJS document of a timeline (events without a valid date left out: a
    slide needs a start date); spans of partial dates are also its eras."""
    dated = [e for e in result.events if parse_date(e.date)]
    events = [slide(e, result.senses.get(e.id), result.sources) for e in dated]
    data: dict[str, Any] = {"title": {"text": {"headline": _text(result.title)}},
                            "events": events}
    eras = [shown for shown in (era(e) for e in dated) if shown is not None]
    if eras:
        data["eras"] = eras
    return data


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
