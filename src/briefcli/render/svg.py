"""A timeline drawn to scale: one standalone SVG document.

`timeline_svg(timeline)` places every event on a horizontal time axis by its date. An
event dated to the day is a point; one dated to a month or a year, or with an `end`, is
a bar covering its whole period. Labels (date and title) sit in lanes above the axis,
assigned greedily from the left so that no two overlap, each with a leader line down to
its mark. There are lanes enough for every event of a dense timeline of hundreds (the
picture grows taller); only when even those run out (thousands of events) are the
events left over not drawn, and the picture says how many.

The picture is drawn at the width it is shown at (720 px by default, about the width of
a page's text column), so that its 13-px labels read as 13 px; the HTML page, which has
the timeline's title as its heading, draws it without its own heading.

Text widths are estimated, not measured: `text_width` errs on the wide side of the
common sans-serif fonts (DejaVu Sans, the widest of the font stack, sets its scale), so
labels laid out apart stay apart in any of them.

The document has no external reference (no font, image, script or link), is the same
for the same timeline, and can be embedded as it is in an HTML page: its classes are
prefixed `tl-` and its style is scoped to `svg.brief-timeline`. Text from the knowledge
is made visible (`text.visible`: controls and bidirectional overrides shown, never
obeyed), stripped of what XML 1.0 cannot hold, and escaped.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable
from functools import lru_cache
from html import escape
from itertools import accumulate, islice
from typing import NamedTuple

from briefcli.knowledge.dates import MONTHS, DateError, PartialDate, days_in_month
from briefcli.knowledge.model import Event, Timeline
from briefcli.text import visible

FONT_STACK = (
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, '
    '"Noto Sans", "Liberation Sans", "DejaVu Sans", sans-serif'
)
HEADING_SIZE = 16  # px: the timeline's title
LABEL_SIZE = 13  # px: event labels
TICK_SIZE = 12  # px: dates on the axis and the note

MIN_WIDTH = 240
MARGIN = 24  # px left and right of the axis
LANE_HEIGHT = 20  # px between label baselines; a label box is LABEL_SIZE * 1.2 high
MAX_LANES = 200  # label lanes at most: every event of hundreds gets its label; only
# beyond that (thousands of events) are the events whose label finds no lane not drawn
LABEL_GAP = 10  # px at least between two labels of a lane
LEADER_GAP = 3  # px between a leader line and the start of its label
MAX_LABEL_WIDTH = 400  # px: a longer label is shortened with an ellipsis
MAX_TRIES = 3000  # events tried for a lane when not all fit
BAR_HEIGHT = 8
ROW_HEIGHT = 11  # px between rows of bars; overlapping spans take separate rows
MAX_ROWS = 6
TICK_GAP = 16  # px at least between two dates on the axis

# Advance widths in em, at or just above DejaVu Sans (the widest common sans-serif),
# by character; characters not listed use the width of their class below.
_ASCII_EM: dict[str, float] = {
    " ": 0.33, "!": 0.41, '"': 0.47, "#": 0.85, "$": 0.65, "%": 0.97, "&": 0.80,
    "'": 0.28, "(": 0.40, ")": 0.40, "*": 0.52, "+": 0.85, ",": 0.33, "-": 0.37,
    ".": 0.33, "/": 0.35, ":": 0.35, ";": 0.35, "<": 0.85, "=": 0.85, ">": 0.85,
    "?": 0.55, "@": 1.01, "[": 0.40, "\\": 0.35, "]": 0.40, "^": 0.85, "_": 0.51,
    "`": 0.51, "{": 0.64, "|": 0.35, "}": 0.64, "~": 0.85,
    "I": 0.30, "J": 0.30, "M": 0.87, "W": 1.00, "m": 0.98, "w": 0.83,
    "f": 0.36, "i": 0.28, "j": 0.28, "l": 0.28, "r": 0.42, "t": 0.40,
}
_DIGIT_EM = 0.64
_UPPER_EM = 0.80
_LOWER_EM = 0.64
_LATIN_UPPER_EM = 0.80  # accented Latin letters, as wide as their base letter or less
_LATIN_LOWER_EM = 0.66
_LIGATURE = frozenset("æÆœŒ")  # the Latin letters wider than that
_ARABIC_EM = 1.25  # the widest letters of a script, in their isolated forms
_OTHER_EM = 1.08  # other scripts and symbols: Cyrillic Ж is 1.08 em
_WIDE_EM = 1.02  # East Asian wide and full-width characters

_EM = [_ASCII_EM.get(chr(c), 0.0) for c in range(128)]
for _c in range(128):
    _ch = chr(_c)
    if _ch in _ASCII_EM:
        continue
    _EM[_c] = (
        _DIGIT_EM if _ch.isdigit() else _UPPER_EM if _ch.isupper()
        else _LOWER_EM if _ch.islower() else 0.0  # controls never reach a label
    )


def _char_em(c: str) -> float:
    code = ord(c)
    if code < 128:
        return _EM[code]
    if unicodedata.combining(c):
        return 0.0
    if code < 0x250 and c.isalpha() and c not in _LIGATURE:
        return _LATIN_UPPER_EM if c.isupper() else _LATIN_LOWER_EM
    if 0x600 <= code < 0x780 or 0xFB50 <= code < 0xFF00:
        return _ARABIC_EM
    if unicodedata.east_asian_width(c) in ("W", "F"):
        return _WIDE_EM
    return _OTHER_EM


def text_width(text: str, size: float) -> float:
    """The estimated width in px of `text` in the font stack at `size` px: at least
    its width in any of the stack's fonts."""
    if text.isascii():
        return size * sum(map(_EM.__getitem__, text.encode("ascii")))
    return size * sum(map(_char_em, text))


# XML 1.0 has no place for these, even as character references; what text.visible
# leaves of them (non-characters and lone surrogates) is dropped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Knowledge text as one line for the picture: controls and bidirectional overrides
    made visible, what XML cannot hold removed, runs of white space as one space."""
    return " ".join(_NOT_XML.sub("", visible(text)).split())


def _esc(text: str) -> str:
    return escape(text, quote=True)


def shorten(text: str, size: float, limit: float) -> str:
    """`text` cut at a word (or, failing one, a character) and ended with an ellipsis
    so that its width at `size` is at most `limit` px; the text itself when it fits."""
    if text_width(text, size) <= limit:
        return text
    room = limit - text_width("…", size)
    cut = next(
        (i for i, width in enumerate(accumulate(map(_char_em, text))) if width * size > room),
        len(text),
    )
    head = text[:cut]
    space = head.rfind(" ")
    if space > cut // 2:
        head = head[:space]
    return head.rstrip(" ,;:–-") + "…"


# -- days ---------------------------------------------------------------------------------


def day_number(year: int, month: int = 1, day: int = 1) -> int:
    """Days from 1970-01-01 in the proleptic Gregorian calendar, for any year."""
    y = year - (month <= 2)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _civil(days: int) -> tuple[int, int, int]:
    """The (year, month, day) of a day number (the inverse of `day_number`)."""
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (month <= 2), month, day


def period(date: PartialDate) -> tuple[int, int]:
    """The days a date covers, as day numbers [first, after the last)."""
    if not date.month:
        return day_number(date.year), day_number(date.year + 1)
    first = day_number(date.year, date.month)
    if not date.day:
        return first, first + days_in_month(date.year, date.month)
    start = first + date.day - 1
    return start, start + 1


@lru_cache(maxsize=8192)  # a long timeline repeats its dates
def _days(text: str) -> tuple[int, int, bool] | None:
    """A date's period as day numbers, and whether it is precise to the day; None when
    the text is not a date."""
    try:
        date = PartialDate.parse(text)
    except DateError:
        return None
    first, after = period(date)
    return first, after, bool(date.day)


class Placed(NamedTuple):
    """An event on the axis: from `start` to `stop` (day numbers); a point has
    `stop == start`."""

    event: Event
    start: float
    stop: float
    span: bool


def place(event: Event) -> Placed | None:
    """Where an event goes on the axis; None when its date cannot be read."""
    date = _days(event.date)
    end = _days(event.end) if event.end else None
    if date is None or (event.end and end is None):
        return None
    first, after, precise = date
    if end is None:
        return Placed(event, first, first, False) if precise else Placed(event, first, after, True)
    return Placed(event, first, max(after, end[1]), True)


# -- the axis -----------------------------------------------------------------------------

_SHORT_MONTHS = [m[:3] for m in MONTHS]

# Tick steps, finest first: (unit, step, shortest gap between two ticks in days).
_STEPS: tuple[tuple[str, int, float], ...] = (
    ("day", 1, 1), ("day", 2, 2), ("day", 5, 5), ("day", 10, 8),
    ("month", 1, 28), ("month", 2, 59), ("month", 3, 89), ("month", 6, 181),
    *(("year", n, 365 * n) for n in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000)),
)


def _tick_label(unit: str, year: int, month: int, day: int) -> str:
    if unit == "day":
        return f"{day} {_SHORT_MONTHS[month]} {year:04d}"
    if unit == "month":
        return f"{_SHORT_MONTHS[month]} {year:04d}"
    return f"{year:04d}"


def _ticks(unit: str, step: int, lo: float, hi: float) -> Iterable[tuple[int, str]]:
    """(day number, label) of the ticks of a step between lo and hi."""
    year, month, _ = _civil(int(lo) - 1)
    if unit == "year":
        year -= year % step
        while True:
            at = day_number(year)
            if at > hi:
                return
            if at >= lo:
                yield at, _tick_label(unit, year, 1, 1)
            year += step
    while True:
        if unit == "month":
            if (month - 1) % step == 0:
                at = day_number(year, month)
                if at > hi:
                    return
                if at >= lo:
                    yield at, _tick_label(unit, year, month, 1)
        else:
            first = day_number(year, month)
            if first > hi:
                return
            for day in range(1, days_in_month(year, month) + 1, step):
                at = first + day - 1
                if at > hi:
                    return
                if at >= lo:
                    yield at, _tick_label(unit, year, month, day)
        month += 1
        if month > 12:
            year, month = year + 1, 1


def _choose_step(scale: float) -> tuple[str, int]:
    """The finest step whose ticks are far enough apart (px) for their labels."""
    for unit, step, gap in _STEPS:
        widest = text_width(_tick_label(unit, 2000, 12, 28), TICK_SIZE)
        if gap * scale >= widest + TICK_GAP:
            return unit, step
    return "year", 5000


# -- layout -------------------------------------------------------------------------------


class _Label(NamedTuple):
    placed: Placed
    x: float  # of the mark (a point, or the start of a bar), px
    text: str  # as shown
    full: str  # for the tooltip
    left: float  # the label's box, px
    right: float
    lane: int


class _Lanes:
    """Label lanes: in each, the boxes placed so far, sorted, kept LABEL_GAP apart."""

    def __init__(self) -> None:
        self.lefts: list[list[float]] = []
        self.rights: list[list[float]] = []

    def free(self, left: float, right: float) -> int | None:
        """The lowest lane with room for [left, right] (a new one while there are fewer
        than MAX_LANES), or None."""
        for lane, (lefts, rights) in enumerate(zip(self.lefts, self.rights, strict=True)):
            i = bisect_right(lefts, left)
            if (i == 0 or rights[i - 1] + LABEL_GAP <= left) and (
                i == len(lefts) or right + LABEL_GAP <= lefts[i]
            ):
                return lane
        return len(self.lefts) if len(self.lefts) < MAX_LANES else None

    def take(self, lane: int, left: float, right: float) -> None:
        if lane == len(self.lefts):
            self.lefts.append([])
            self.rights.append([])
        i = bisect_right(self.lefts[lane], left)
        self.lefts[lane].insert(i, left)
        self.rights[lane].insert(i, right)


def _spread(count: int) -> list[int]:
    """0..count-1 in an order that visits the whole range at once, then ever finer
    (0, 8, 4, 12, 2, 6, …): the events labelled first when not all fit are spread
    over the whole axis, not the earliest ones."""
    order: list[int] = []
    seen = bytearray(count)
    step = 1 << max(count - 1, 1).bit_length()
    while step:
        for i in range(0, count, step):
            if not seen[i]:
                seen[i] = 1
                order.append(i)
        step //= 2
    return order


def _place_labels(
    placed: list[Placed], x_of: Callable[[float], float], x1: float, max_label: float,
    senses: dict[str, str],
) -> tuple[list[_Label], int]:
    """The labels that fit in the lanes, left to right, and how many lanes they use.

    Each label goes in the lowest lane with room, taking the events from the left.
    When that leaves out more than a tenth of them, the lanes are filled again taking
    the events in an order spread over the axis, so that the labels drawn stand for
    the whole period; past MAX_TRIES events tried, the rest are left out unseen (lanes
    that full have room for a few more labels at most, and trying every event of a
    huge timeline would cost seconds).
    """
    texts: dict[int, tuple[str, str]] = {}

    def box(i: int, x: float) -> tuple[float, float]:
        if i not in texts:
            p = placed[i]
            full = _label_text(p.event, senses.get(p.event.id))
            texts[i] = full, shorten(full, LABEL_SIZE, max_label)
        right = x + LEADER_GAP + text_width(texts[i][1], LABEL_SIZE)
        if right > x1:  # pushed left by the edge of the picture
            return x - (right - x1), x1
        return x, right

    def fill(order: Iterable[int], misses: int) -> dict[int, tuple[int, float, float]] | None:
        """The lane and box of each event given a label, or None after `misses` + 1
        events found no room."""
        lanes = _Lanes()
        taken: dict[int, tuple[int, float, float]] = {}
        for i in order:
            x = x_of(placed[i].start)
            if len(lanes.lefts) == MAX_LANES and x + LEADER_GAP + max_label <= x1:
                # No shift possible: a lane without room for the date alone has none
                # for the label; skip making its text.
                least = x + LEADER_GAP + text_width(placed[i].event.date, LABEL_SIZE)
                if lanes.free(x, least) is None:
                    misses -= 1
                    if misses < 0:
                        return None
                    continue
            left, right = box(i, x)
            lane = lanes.free(left, right)
            if lane is None:
                misses -= 1
                if misses < 0:
                    return None
                continue
            lanes.take(lane, left, right)
            taken[i] = lane, left, right
        return taken

    taken = fill(range(len(placed)), len(placed) // 10)
    if taken is None:
        taken = fill(islice(_spread(len(placed)), MAX_TRIES), len(placed))
        assert taken is not None
    labels = []
    for i in sorted(taken):
        lane, left, right = taken[i]
        p = placed[i]
        full, text = texts[i]
        labels.append(_Label(p, x_of(p.start), text, full, left, right, lane))
    return labels, 1 + max((label.lane for label in labels), default=-1)


def _n(value: float) -> str:
    """A coordinate with one decimal at most: the same text for the same picture."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _label_text(event: Event, sense: str | None) -> str:
    when = str(event.date) + (f"–{event.end}" if event.end else "")
    title = event.title + (f" [{sense}]" if sense else "")
    return clean(f"{when} {title}")


_STYLE = f"""\
svg.brief-timeline {{ font-family: {FONT_STACK}; }}
svg.brief-timeline text {{ font-family: {FONT_STACK}; font-size: {LABEL_SIZE}px; \
fill: #1f2328; }}
svg.brief-timeline .tl-heading {{ font-size: {HEADING_SIZE}px; font-weight: 600; }}
svg.brief-timeline .tl-tick-label {{ font-size: {TICK_SIZE}px; fill: #57606a; \
text-anchor: middle; }}
svg.brief-timeline .tl-note, svg.brief-timeline .tl-empty {{ font-size: {TICK_SIZE}px; \
fill: #57606a; font-style: italic; }}
svg.brief-timeline .tl-label text {{ paint-order: stroke; stroke: #ffffff; stroke-width: 3px; \
stroke-linejoin: round; }}
svg.brief-timeline .tl-axis {{ stroke: #57606a; stroke-width: 1.5; }}
svg.brief-timeline .tl-tick {{ stroke: #57606a; stroke-width: 1; }}
svg.brief-timeline .tl-leader {{ stroke: #afb8c1; stroke-width: 1; }}
svg.brief-timeline .tl-point {{ fill: #0969da; stroke: #ffffff; stroke-width: 1.5; }}
svg.brief-timeline .tl-span {{ fill: #0969da; fill-opacity: 0.45; stroke: #0969da; \
stroke-width: 1; }}
svg.brief-timeline .tl-background {{ fill: #ffffff; }}"""


def _document(
    width: int, height: float, title: str, body: list[str], heading: bool = True
) -> str:
    h = _n(height)
    shown = (f'<text class="tl-heading" x="{MARGIN}" y="26">{_esc(title)}</text>'
             if heading else "")
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="brief-timeline" width="{width}" '
        f'height="{h}" viewBox="0 0 {width} {h}" role="img">',
        f"<title>{_esc(title)}</title>",
        f"<style>\n{_STYLE}\n</style>",
        f'<rect class="tl-background" x="0" y="0" width="{width}" height="{h}"/>',
    ]
    if shown:
        head.append(shown)
    return "\n".join([*head, *body, "</svg>"]) + "\n"


def _more_note(count: int) -> str:
    return f"… {count:,} more event{'s' if count != 1 else ''} not drawn"


def timeline_svg(timeline: Timeline, *, width: int = 720, heading: bool = True) -> str:
    """The timeline as one standalone SVG document `width` px wide (its height grows
    with the label lanes it uses), its title drawn as a heading unless `heading` is
    False (a page that has the title as its own heading; the picture keeps it as its
    accessible `<title>`).

    Raises ValueError for a width under MIN_WIDTH px.
    """
    if width < MIN_WIDTH:
        raise ValueError(f"a timeline picture is at least {MIN_WIDTH} px wide, not {width}")
    title = clean(timeline.title) or "Timeline"
    placed = [p for p in map(place, timeline.events) if p is not None]
    unreadable = len(timeline.events) - len(placed)
    if not placed:
        said = "No events." if not unreadable else (
            f"No events with a readable date ({unreadable:,} not drawn)."
        )
        return _document(width, 84, title, [
            f'<text class="tl-empty" x="{MARGIN}" y="62">{said}</text>'
        ], heading)
    placed.sort(key=lambda p: p.start)  # stable: events of one date keep their order

    # The domain: every event, a little room either side, at least a few days.
    lo = min(p.start for p in placed)
    hi = max(p.stop for p in placed)
    if hi - lo < 6:
        middle = (lo + hi) / 2
        lo, hi = middle - 3, middle + 3
    pad = (hi - lo) * 0.03
    lo, hi = lo - pad, hi + pad
    x0, x1 = float(MARGIN), float(width - MARGIN)
    scale = (x1 - x0) / (hi - lo)

    def x_of(day: float) -> float:
        return x0 + (day - lo) * scale

    max_label = min(MAX_LABEL_WIDTH, x1 - x0 - LEADER_GAP)
    labels, lanes_used = _place_labels(placed, x_of, x1, max_label, timeline.senses)
    dropped = len(placed) - len(labels) + unreadable

    # Bars in rows, so that overlapping spans do not hide each other.
    rows: list[float] = []
    row_of: dict[int, int] = {}
    for i, label in enumerate(labels):
        p = label.placed
        if not p.span:
            continue
        start, stop = x_of(p.start), max(x_of(p.stop), x_of(p.start) + 3)
        free = [r for r, edge in enumerate(rows) if edge + 2 <= start]
        if free:
            row = free[0]
        elif len(rows) < MAX_ROWS:
            rows.append(0.0)
            row = len(rows) - 1
        else:
            row = min(range(len(rows)), key=rows.__getitem__)
        rows[row] = max(rows[row], stop)
        row_of[i] = row

    top = 40.0 if heading else 10.0  # below the heading, when there is one
    bars_top = top + lanes_used * LANE_HEIGHT + 8
    axis = bars_top + len(rows) * ROW_HEIGHT + (6 if rows else 0)
    height = axis + 34 + (22 if dropped else 0)

    body: list[str] = []
    body.append(f'<line class="tl-axis" x1="{_n(x0)}" y1="{_n(axis)}" x2="{_n(x1)}" '
                f'y2="{_n(axis)}"/>')
    unit, step = _choose_step(scale)
    shown_right = -1e9
    for at, text in _ticks(unit, step, lo, hi):
        x = x_of(at)
        half = text_width(text, TICK_SIZE) / 2
        if x - half < 2 or x + half > width - 2 or x - half < shown_right + TICK_GAP:
            continue
        shown_right = x + half
        body.append(f'<line class="tl-tick" x1="{_n(x)}" y1="{_n(axis)}" x2="{_n(x)}" '
                    f'y2="{_n(axis + 6)}"/>')
        body.append(f'<text class="tl-tick-label" x="{_n(x)}" y="{_n(axis + 21)}">'
                    f"{text}</text>")

    # Marks and leaders first, every label over them: a leader passes behind labels.
    texts: list[str] = []
    for i, label in enumerate(labels):
        p = label.placed
        baseline = top + (lanes_used - label.lane) * LANE_HEIGHT - 5
        x = label.x
        if p.span:
            row_top = bars_top + row_of[i] * ROW_HEIGHT
            stop = max(x_of(p.stop), x + 3)
            leader_end = row_top
            mark = (f'<rect class="tl-span" x="{_n(x)}" y="{_n(row_top)}" '
                    f'width="{_n(stop - x)}" height="{BAR_HEIGHT}" rx="2"/>')
        else:
            leader_end = axis - 4
            mark = f'<circle class="tl-point" cx="{_n(x)}" cy="{_n(axis)}" r="4"/>'
        ident = _esc(clean(p.event.id))
        full = _esc(label.full)
        body += [
            f'<g class="tl-event" data-id="{ident}">',
            f"<title>{full}</title>",
            f'<line class="tl-leader" x1="{_n(x)}" y1="{_n(baseline + 4)}" x2="{_n(x)}" '
            f'y2="{_n(leader_end)}"/>',
            mark,
            "</g>",
        ]
        texts += [
            f'<g class="tl-label" data-id="{ident}">',
            f"<title>{full}</title>",
            f'<text x="{_n(label.left + LEADER_GAP)}" y="{_n(baseline)}">{_esc(label.text)}</text>',
            "</g>",
        ]
    body += texts
    if dropped:
        body.append(f'<text class="tl-note" x="{MARGIN}" y="{_n(axis + 48)}">'
                    f"{_esc(_more_note(dropped))}</text>")
    return _document(width, height, title, body, heading)
