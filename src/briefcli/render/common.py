"""Helpers every renderer shares: dates, labels and groupings as plain text.

Nothing here imports Rich: the renderers that do not draw in a terminal (JSON,
Markdown) use these without paying for it.
"""

from __future__ import annotations

from briefcli.knowledge.dates import DateError, PartialDate
from briefcli.knowledge.model import Briefing, Event
from briefcli.text import fold, has_unsafe, visible

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from briefcli.knowledge.model import Definition, Entity, SearchHit

_DATES: dict[str, PartialDate | None] = {}  # a long timeline repeats its dates many times
_DATES_KEPT = 4096


def parse_date(text: str | None) -> PartialDate | None:
    if not text:
        return None
    try:
        return _DATES[text]
    except KeyError:
        pass
    try:
        date: PartialDate | None = PartialDate.parse(str(text))
    except DateError:
        date = None
    if len(_DATES) >= _DATES_KEPT:
        _DATES.clear()
    _DATES[text] = date
    return date


def human_date(text: str | None) -> str:
    """`11 November 2023`, `September 2023`, `1999`; the text as written if not a date."""
    date = parse_date(text)
    return date.human() if date else (text or "")


def short_date(text: str | None) -> str:
    """The date as written: `1999`, `2023-09`, `2023-09-24`."""
    date = parse_date(text)
    return str(date) if date else (text or "")


def event_when(event: Event) -> str:
    """An event's date in short form, with its end when it has one. A date of a month or
    a year says so (`2023 (year)`), so that it never reads as a day."""
    if event.end:
        return short_date(event.date) + " – " + short_date(event.end)
    date = parse_date(event.date)
    if date is not None and date.precision != "day":
        return f"{date} ({date.precision})"
    return short_date(event.date)


def event_year(event: Event) -> str:
    date = parse_date(event.date)
    return f"{date.year:04d}" if date else (event.date or "")


def link_target(url: str | None) -> str | None:
    """The url when it may be a clickable link: http(s), no controls and no spaces."""
    if not url:
        return None
    if not url.lower().startswith(("http://", "https://")):
        return None
    if has_unsafe(url) or any(c.isspace() for c in url):
        return None
    return url


def entity_label(entity: Entity) -> str:
    """`Kosovo Force (KFOR)`, or the name alone when the acronym adds nothing."""
    if entity.acronym and fold(entity.acronym) != fold(entity.name):
        return f"{entity.name} ({entity.acronym})"
    return entity.name


def period_label(period: str) -> str:
    """`2023` or `November 2023` for a period written YYYY or YYYY-MM."""
    return human_date(period)


def senses_label(count: int) -> str:
    return "1 sense" if count == 1 else f"{count} senses"


def group_definitions(defs: Sequence[Definition]) -> list[tuple[str, list[Definition]]]:
    """Consecutive definitions of one term, with the label to show for the term.

    The label is what the senses matched, as the knowledge writes it (`KFOR` for
    `kfor`, `Aleksandar Vučić` for `vucic`) when they all matched the same text, else the
    term as given.
    """
    groups: list[tuple[str, list[Definition]]] = []
    for d in defs:
        last = groups[-1][1][0].term if groups else None
        if last is not None and (last == d.term or fold(last) == fold(d.term)):
            groups[-1][1].append(d)
        else:
            groups.append((d.term, [d]))
    labelled = []
    for term, items in groups:
        labels = {i.label for i in items}
        labelled.append((labels.pop() if len(labels) == 1 else term, items))
    return labelled


def group_by_year(events: Iterable[Event]) -> list[tuple[str, list[Event]]]:
    """Events grouped by year, years and events in the order given."""
    years: dict[str, list[Event]] = {}
    for event in events:
        years.setdefault(event_year(event), []).append(event)
    return list(years.items())


def matches_label(shown: int, total: int) -> str:
    """`3 matches`, or `20 of 34 matches` when not all are shown."""
    noun = "match" if total == 1 else "matches"
    return f"{total} {noun}" if shown >= total else f"{shown} of {total} {noun}"


def hit_date(hit: SearchHit) -> str:
    """The date of an event or briefing hit, as written (with an event's end)."""
    record = hit.record
    if isinstance(record, Event):
        return event_when(record)
    if isinstance(record, Briefing):
        return short_date(record.date)
    return ""


def more_notes(d: Definition) -> list[str]:
    """What a profile leaves out, and the command that lists it: nothing is dropped
    silently."""
    notes = []
    if d.more_events:
        notes.append(
            f"{d.more_events} earlier event{'s' if d.more_events != 1 else ''} not shown: "
            f"brief timeline {d.entity.id}"
        )
    if d.more_referrers:
        notes.append(
            f"{d.more_referrers} more entit{'ies' if d.more_referrers != 1 else 'y'} name "
            f"it: brief search {d.entity.id}"
        )
    if d.more_mentions:
        notes.append(
            f"{d.more_mentions} more FAQ{'s' if d.more_mentions != 1 else ''} and briefings "
            f"name it: brief search {d.entity.id}"
        )
    return notes


def copies_text(d: Definition) -> str:
    """Where else the same sense is written: `a.yaml:12, b.yaml:40`."""
    return ", ".join(f"{c.path}:{c.line}" for c in d.copies)


def short_lines(defs: list[Definition]) -> str:
    """`define --short`: one line per sense, `KFOR: Kosovo Force`, as `wtf` answers."""
    lines = []
    for d in defs:
        e = d.entity
        key, value = (e.acronym, e.name) if e.acronym else (e.name, e.gloss)
        lines.append(visible(" ".join(f"{key}: {value}".split())).rstrip(": "))
    return "\n".join(lines) + "\n"
