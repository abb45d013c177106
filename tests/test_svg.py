"""The timeline picture: an SVG document read back with ElementTree, the CLI's --svg, and
the picture as a browser lays it out (skipped without Chromium)."""

from __future__ import annotations

import datetime
import random
import re
import struct
import zlib
from itertools import accumulate
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from briefcli.knowledge.model import Event, Timeline
from briefcli.render import svg as svgmod
from briefcli.render.svg import LABEL_SIZE, text_width, timeline_svg

NS = "{http://www.w3.org/2000/svg}"


def parse(document: str) -> ET.Element:
    root = ET.fromstring(document)
    assert root.tag == NS + "svg"
    return root


def classed(root: ET.Element, name: str) -> list[ET.Element]:
    return [e for e in root.iter() if name in (e.get("class") or "").split()]


def marks(root: ET.Element) -> dict[str, ET.Element]:
    """Each drawn event's mark (a circle or a rect), by event id."""
    found = {}
    for group in classed(root, "tl-event"):
        shapes = [e for e in group if e.tag in (NS + "circle", NS + "rect")]
        assert len(shapes) == 1, "one mark per event"
        found[group.get("data-id")] = shapes[0]
    return found


def mark_x(mark: ET.Element) -> float:
    return float(mark.get("cx") or mark.get("x") or "nan")


class Box:
    def __init__(self, text: str, x: float, y: float) -> None:
        self.text = text
        self.left = x
        self.right = x + text_width(text, LABEL_SIZE)
        self.top = y - 0.95 * LABEL_SIZE  # ascent of the font stack's fonts at most
        self.bottom = y + 0.25 * LABEL_SIZE  # descent

    def overlaps(self, other: Box) -> bool:
        return (self.left < other.right and other.left < self.right
                and self.top < other.bottom and other.top < self.bottom)


def label_boxes(root: ET.Element) -> list[Box]:
    boxes = []
    for group in classed(root, "tl-label"):
        (text,) = group.iter(NS + "text")
        boxes.append(Box(text.text or "", float(text.get("x", "")), float(text.get("y", ""))))
    return boxes


def full_titles(root: ET.Element) -> list[str]:
    return [next(g.iter(NS + "title")).text or "" for g in classed(root, "tl-label")]


def days(date: str) -> int:
    parts = [int(p) for p in date.split("-")] + [1, 1]
    return datetime.date(parts[0], parts[1], parts[2]).toordinal()


def crowded(count: int, seed: int = 7) -> Timeline:
    """A timeline of `count` events over ten years, titles of many lengths."""
    rng = random.Random(seed)
    words = ["talks", "Kosovo", "ceasefire", "KFOR", "élection", "Übergang", "мир", "W", "i"]
    events = []
    for n in range(count):
        date = f"{rng.randint(2000, 2009)}"
        if rng.random() < 0.8:
            date += f"-{rng.randint(1, 12):02d}"
            if rng.random() < 0.8:
                date += f"-{rng.randint(1, 28):02d}"
        title = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
        events.append(Event(f"e{n}", date, title))
    events.sort(key=lambda e: e.date)
    return Timeline("Crowded", events)


KOSOVO = Timeline("Timeline of Kosovo", [
    Event("kfor-established", "1999", "KFOR established"),
    Event("kfor-increases", "2023", "KFOR increases its presence"),
    Event("banjska", "2023-09-24", "Attack near the Banjska Monastery"),
    Event("call", "2023-11-11", "Blinken and Vučić discuss de-escalation with Kosovo"),
])


# ---------------------------------------------------------------- the document


def test_a_standalone_document_without_external_references():
    document = timeline_svg(KOSOVO)
    root = parse(document)
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    assert root.get("width") == "720"  # about the width a page shows it at
    assert root[0].tag == NS + "title" and root[0].text == "Timeline of Kosovo"
    style = root.find(NS + "style")
    assert style is not None and "sans-serif" in (style.text or "")
    assert "system-ui" in (style.text or "")
    without_namespace = document.replace('xmlns="http://www.w3.org/2000/svg"', "")
    for reference in ("href", "url(", "http:", "https:", "@import", "<script", "<image"):
        assert reference not in without_namespace
    assert timeline_svg(KOSOVO) == document, "the same timeline, the same bytes"


def test_width_is_respected_and_a_too_narrow_one_refused():
    root = parse(timeline_svg(KOSOVO, width=500))
    assert root.get("width") == "500"
    for box in label_boxes(root):
        assert box.left >= 0 and box.right <= 500
    with pytest.raises(ValueError, match="at least"):
        timeline_svg(KOSOVO, width=100)


def test_fonts_are_large_enough_for_a_slide():
    document = timeline_svg(KOSOVO)
    sizes = [int(s) for s in re.findall(r"font-size: (\d+)px", document)]
    assert sizes and min(sizes) >= 12


# ---------------------------------------------------------------- marks and the axis


def test_one_mark_per_event_points_for_days_bars_for_periods():
    root = parse(timeline_svg(KOSOVO))
    found = marks(root)
    assert set(found) == {e.id for e in KOSOVO.events}
    assert found["banjska"].tag == found["call"].tag == NS + "circle"
    assert found["kfor-established"].tag == found["kfor-increases"].tag == NS + "rect"
    assert not classed(root, "tl-note"), "everything drawn, nothing to say"


def test_positions_are_monotonic_and_proportional_to_dates():
    dates = ["2020-01-01", "2020-01-02", "2020-02-15", "2020-07-31", "2021-03-01", "2023-12-31"]
    timeline = Timeline("T", [Event(f"e{i}", d, f"Event {i}") for i, d in enumerate(dates)])
    found = marks(parse(timeline_svg(timeline)))
    xs = [mark_x(found[f"e{i}"]) for i in range(len(dates))]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    scale = (xs[-1] - xs[0]) / (days(dates[-1]) - days(dates[0]))
    for x, date in zip(xs, dates, strict=True):
        assert x == pytest.approx(xs[0] + (days(date) - days(dates[0])) * scale, abs=0.1)


def test_a_bar_covers_the_whole_period_of_a_year_a_month_or_an_end():
    timeline = Timeline("T", [
        Event("start", "2023-01-01", "Start"),
        Event("year", "2023", "A year"),
        Event("month", "2023-02", "A month"),
        Event("range", "2023-03-10", "A range", end="2023-05"),
        Event("stop", "2024-01-01", "Stop"),
    ])
    found = marks(parse(timeline_svg(timeline)))
    x0, x1 = mark_x(found["start"]), mark_x(found["stop"])
    per_day = (x1 - x0) / 365
    year, month, span = found["year"], found["month"], found["range"]
    assert year.tag == month.tag == span.tag == NS + "rect"
    assert mark_x(year) == pytest.approx(x0, abs=0.1)
    assert float(year.get("width", "")) == pytest.approx(365 * per_day, abs=0.2)
    assert mark_x(month) == pytest.approx(x0 + 31 * per_day, abs=0.1)
    assert float(month.get("width", "")) == pytest.approx(28 * per_day, abs=0.2)
    # From 10 March to the end of May: 22 + 30 + 31 days.
    assert mark_x(span) == pytest.approx(x0 + (31 + 28 + 9) * per_day, abs=0.1)
    assert float(span.get("width", "")) == pytest.approx(83 * per_day, abs=0.2)


def ticks(root: ET.Element) -> list[tuple[float, str]]:
    return [(float(t.get("x", "")), t.text or "") for t in classed(root, "tl-tick-label")]


@pytest.mark.parametrize(
    ("first", "last", "pattern"),
    [
        ("2023-09-20", "2023-10-05", r"\d{1,2} [A-Z][a-z]{2} 2023"),  # days
        ("2023-01-10", "2023-11-20", r"[A-Z][a-z]{2} 2023"),  # months
        ("2001-05-01", "2012-06-01", r"20[01]\d"),  # years
        ("1900", "2020", r"19[0-9]0|20[0-2]0"),  # decades
        ("0800", "2023-05-01", r"[0-2]\d00"),  # centuries
    ],
)
def test_the_axis_ticks_suit_the_span(first, last, pattern):
    timeline = Timeline("T", [Event("a", first, "First"), Event("b", last, "Last")])
    root = parse(timeline_svg(timeline))
    (axis,) = classed(root, "tl-axis")
    found = ticks(root)
    assert len(found) >= 3
    assert all(re.fullmatch(pattern, label) for _, label in found), found
    xs = [x for x, _ in found]
    assert xs == sorted(xs)
    assert float(axis.get("x1", "")) <= xs[0] and xs[-1] <= float(axis.get("x2", ""))
    # Ticks are placed on the same scale as the events.
    a, b = marks(root)["a"], marks(root)["b"]
    scale = (mark_x(b) - mark_x(a)) / (days(last) - days(first))
    for x, label in found:
        parts = label.split()
        if len(parts) == 1:
            date = f"{int(parts[0]):04d}"
        elif len(parts) == 2:
            date = f"{parts[1]}-{datetime.datetime.strptime(parts[0], '%b').month:02d}"
        else:
            month = datetime.datetime.strptime(parts[1], "%b").month
            date = f"{parts[2]}-{month:02d}-{int(parts[0]):02d}"
        assert x == pytest.approx(mark_x(a) + (days(date) - days(first)) * scale, abs=0.2)


# ---------------------------------------------------------------- labels


def test_labels_never_overlap_and_stay_inside_a_crowded_picture():
    timeline = crowded(400)
    root = parse(timeline_svg(timeline))
    boxes = label_boxes(root)
    assert len(boxes) > 30
    width, height = float(root.get("width", "")), float(root.get("height", ""))
    for i, box in enumerate(boxes):
        assert box.left >= 0 and box.right <= width and box.top >= 0 and box.bottom <= height
        for other in boxes[i + 1:]:
            assert not box.overlaps(other), (box.text, other.text)
    (note,) = classed(root, "tl-note")
    more = int(re.fullmatch(r"… ([\d,]+) more events not drawn", note.text or "")[1]
               .replace(",", ""))
    assert more + len(marks(root)) == 400
    # The labels drawn stand for the whole decade, not only its first years.
    years = {t[:4] for t in full_titles(root)}
    assert {"2000", "2009"} <= years


def test_every_label_has_a_leader_to_its_mark():
    root = parse(timeline_svg(crowded(60)))
    found = marks(root)
    tops = {
        g.get("data-id"): float(next(g.iter(NS + "text")).get("y", ""))
        for g in classed(root, "tl-label")
    }
    assert set(tops) == set(found)
    for group in classed(root, "tl-event"):
        (leader,) = [e for e in group if "tl-leader" in (e.get("class") or "")]
        mark = found[group.get("data-id")]
        assert float(leader.get("x1", "")) == mark_x(mark) == float(leader.get("x2", ""))
        # From just under its label down to its mark.
        assert float(leader.get("y1", "")) == tops[group.get("data-id")] + 4
        mark_top = float(mark.get("y") or float(mark.get("cy", "")) - 4)
        assert float(leader.get("y2", "")) == pytest.approx(mark_top)


def test_a_long_title_is_shortened_with_the_full_text_in_a_tooltip():
    title = "A very long title " * 12
    root = parse(timeline_svg(Timeline("T", [Event("long", "2020-02-02", title)])))
    (box,) = label_boxes(root)
    assert box.text.endswith("…") and len(box.text) < len(title)
    assert box.right - box.left <= svgmod.MAX_LABEL_WIDTH
    assert full_titles(root) == ["2020-02-02 " + " ".join(title.split())]


def test_the_height_grows_with_the_lanes():
    one = parse(timeline_svg(Timeline("T", [Event("a", "2020-01-01", "Alone")])))
    five = parse(timeline_svg(Timeline(
        "T", [Event(f"e{i}", "2020-01-01", f"Same day {i}") for i in range(5)]
    )))
    assert float(five.get("height", "")) > float(one.get("height", ""))


# ---------------------------------------------------------------- edge cases


def test_no_events_is_a_picture_that_says_so():
    root = parse(timeline_svg(Timeline("Timeline of nothing", [])))
    assert [e.text for e in classed(root, "tl-empty")] == ["No events."]
    assert not marks(root) and not classed(root, "tl-axis")


def test_one_event():
    root = parse(timeline_svg(Timeline("T", [Event("only", "2023-09-24", "Only one")])))
    assert list(marks(root)) == ["only"]
    assert len(ticks(root)) >= 2
    assert [b.text for b in label_boxes(root)] == ["2023-09-24 Only one"]


def test_all_events_on_one_date_stack_in_lanes():
    events = [Event(f"e{i}", "2023-09-24", f"Same day {i}") for i in range(5)]
    root = parse(timeline_svg(Timeline("T", events)))
    found = marks(root)
    assert len({mark_x(m) for m in found.values()}) == 1 and len(found) == 5
    assert len({b.top for b in label_boxes(root)}) == 5


def test_forty_on_one_date_are_all_drawn():
    events = [Event(f"e{i}", "2023-09-24", f"Same day {i}") for i in range(40)]
    root = parse(timeline_svg(Timeline("T", events)))
    assert len(marks(root)) == 40 and len(label_boxes(root)) == 40
    assert classed(root, "tl-note") == []


def test_too_many_on_one_date_says_how_many_are_not_drawn():
    count = svgmod.MAX_LANES + 7
    events = [Event(f"e{i}", "2023-09-24", f"Same day {i}") for i in range(count)]
    root = parse(timeline_svg(Timeline("T", events)))
    assert len(marks(root)) == svgmod.MAX_LANES
    (note,) = classed(root, "tl-note")
    assert note.text == "… 7 more events not drawn"


def test_every_event_of_a_dense_timeline_has_its_label():
    timeline = crowded(150)
    root = parse(timeline_svg(timeline))
    assert classed(root, "tl-note") == []
    boxes = label_boxes(root)
    assert len(boxes) == len(marks(root)) == 150
    assert sorted(full_titles(root)) == sorted(
        svgmod._label_text(e, None) for e in timeline.events
    )
    width = float(root.get("width", ""))
    for i, box in enumerate(boxes):
        assert box.left >= 0 and box.right <= width
        for other in boxes[i + 1:]:
            assert not box.overlaps(other), (box.text, other.text)


def test_the_latest_event_of_seventeen_close_ones_is_drawn():
    events = [Event(f"e{i}", f"2023-09-{i + 1:02d}", f"Event number {i}") for i in range(17)]
    root = parse(timeline_svg(Timeline("T", events)))
    assert "e16" in marks(root) and classed(root, "tl-note") == []


def test_a_page_with_its_own_heading_gets_a_picture_without_one():
    from briefcli.render.html import timeline_html

    root = parse(timeline_svg(KOSOVO, heading=False))
    assert classed(root, "tl-heading") == []
    assert root[0].tag == NS + "title" and root[0].text == "Timeline of Kosovo"
    assert all(b.top >= 0 for b in label_boxes(root))
    page = timeline_html(KOSOVO)
    assert page.count("<h1>Timeline of Kosovo</h1>") == 1
    assert 'class="tl-heading"' not in page  # the title is shown once, as the page's heading
    assert len(classed(parse(timeline_svg(KOSOVO)), "tl-heading")) == 1


def test_dates_centuries_apart_keep_their_scale():
    dates = ["0800", "1066-10-14", "2023-05-01"]
    root = parse(timeline_svg(Timeline("T", [Event(f"e{i}", d, d) for i, d in enumerate(dates)])))
    found = marks(root)
    xs = [mark_x(found[f"e{i}"]) for i in range(3)]
    assert xs[0] < xs[1] < xs[2]
    ratio = (xs[1] - xs[0]) / (xs[2] - xs[0])
    assert ratio == pytest.approx((days("1066-10-14") - days("0800")) /
                                  (days("2023-05-01") - days("0800")), abs=0.001)


def test_senses_are_shown_in_the_label():
    timeline = Timeline(
        "Timeline of ABC", [Event("a", "2020-01-01", "Founded"), Event("b", "2021", "Merged")],
        {"a": "Alpha Beta Corp", "b": "American Broadcasting"},
    )
    texts = [b.text for b in label_boxes(parse(timeline_svg(timeline)))]
    assert texts == ["2020-01-01 Founded [Alpha Beta Corp]", "2021 Merged [American Broadcasting]"]


def test_an_end_is_in_the_label():
    root = parse(timeline_svg(Timeline("T", [Event("w", "1999", "War", end="2001-06")])))
    assert [b.text for b in label_boxes(root)] == ["1999–2001-06 War"]


HOSTILE = "<script>alert('x')</script> & \"quoted\" \x1b[31mred\x00\x0b\ufffe \u202eevil\u202c"


def test_hostile_text_is_escaped_and_still_valid_xml():
    timeline = Timeline(
        "<b>Title</b> & \u202eco", [Event('x"><script>', "2020-01-01", HOSTILE)],
        {'x"><script>': "<i>sense</i>"},
    )
    document = timeline_svg(timeline)
    root = parse(document)
    assert not [e for e in root.iter() if e.tag.endswith(("script", "b", "i"))]
    for raw in ("\x1b", "\x00", "\x0b", "\ufffe", "\u202e", "\u202c"):
        assert raw not in document
    (box,) = label_boxes(root)
    assert box.text.startswith("2020-01-01 <script>alert('x')</script> & \"quoted\"")
    assert full_titles(root) == [
        "2020-01-01 <script>alert('x')</script> & \"quoted\" ^[[31mred^@^K "
        "<U+202E>evil<U+202C> [<i>sense</i>]"
    ]
    assert root[0].text == "<b>Title</b> & <U+202E>co"
    assert list(marks(root)) == ['x"><script>']


def test_an_event_with_an_unreadable_date_is_counted_not_drawn():
    root = parse(timeline_svg(Timeline("T", [
        Event("good", "2020-01-01", "Good"), Event("bad", "2020-02-30", "Bad"),
    ])))
    assert list(marks(root)) == ["good"]
    assert [n.text for n in classed(root, "tl-note")] == ["… 1 more event not drawn"]
    alone = parse(timeline_svg(Timeline("T", [Event("bad", "someday", "Bad")])))
    assert "readable date" in (classed(alone, "tl-empty")[0].text or "")


def test_twenty_thousand_events_give_a_valid_picture():
    rng = random.Random(3)
    events = [
        Event(f"e{n}", f"{rng.randint(1800, 2020)}-{rng.randint(1, 12):02d}-"
              f"{rng.randint(1, 28):02d}", f"Event {n} " + "word " * rng.randint(0, 9))
        for n in range(20_000)
    ]
    root = parse(timeline_svg(Timeline("Many", events)))
    drawn = len(marks(root))
    assert 20 < drawn <= 1000
    (note,) = classed(root, "tl-note")
    assert note.text == f"… {20_000 - drawn:,} more events not drawn"
    boxes = label_boxes(root)
    for i, box in enumerate(boxes):
        assert not any(box.overlaps(other) for other in boxes[i + 1:])


# ---------------------------------------------------------------- the command


def test_svg_option_writes_the_picture(brief, tmp_path):
    target = tmp_path / "kosovo.svg"
    r = brief("timeline", "Kosovo", "--svg", str(target))
    assert (r.code, r.stdout, r.stderr) == (0, "", f"wrote {target}\n")
    root = parse(target.read_text(encoding="utf-8"))
    assert root[0].text == "Timeline of Kosovo"
    assert len(marks(root)) == 4


def test_svg_option_refuses_an_existing_file_without_force(brief, tmp_path):
    target = tmp_path / "kosovo.svg"
    target.write_text("keep me", encoding="utf-8")
    r = brief("timeline", "Kosovo", "--svg", str(target))
    assert r.code == 2 and r.stdout == ""
    assert f"{target} exists; use --force to overwrite it" in r.stderr
    assert target.read_text(encoding="utf-8") == "keep me"
    r = brief("timeline", "Kosovo", "--svg", str(target), "--force")
    assert r.code == 0
    assert parse(target.read_text(encoding="utf-8")) is not None


def test_svg_option_applies_the_other_options(brief, tmp_path):
    target = tmp_path / "t.svg"
    assert brief("timeline", "Kosovo", "--since", "2023-09", "--svg", str(target)).code == 0
    # The year 2023 meets September 2023; 1999 does not.
    assert set(marks(parse(target.read_text(encoding="utf-8")))) == {
        "kfor-increases-presence", "banjska-attack", "blinken-vucic-call",
    }
    r = brief("timeline", "Kosovo", "--limit", "1", "--reverse", "--svg", str(target), "--force")
    assert r.code == 0
    assert list(marks(parse(target.read_text(encoding="utf-8")))) == ["blinken-vucic-call"]


@pytest.mark.parametrize("other", [["--json"], ["--format", "markdown"], ["-f", "terminal"]])
def test_svg_with_another_format_is_a_usage_error(brief, tmp_path, other):
    target = tmp_path / "t.svg"
    r = brief("timeline", "Kosovo", "--svg", str(target), *other)
    assert r.code == 2 and r.stdout == ""
    assert "--svg writes a picture; it cannot go with --json or --format" in r.stderr
    assert not target.exists()


def test_svg_for_an_unknown_topic_writes_nothing(brief, tmp_path):
    target = tmp_path / "t.svg"
    r = brief("timeline", "no-such-topic", "--svg", str(target))
    assert r.code == 1 and "no entity or tag" in r.stderr
    assert not target.exists()


# ---------------------------------------------------------------- in a browser


def png_pixels(data: bytes) -> tuple[int, int, int, bytes]:
    """(width, height, bytes per pixel, pixels) of an 8-bit RGB or RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, [], b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour in (2, 6), "8-bit RGB or RGBA"
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * bpp
    out = bytearray()
    previous = bytearray(stride)
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:  # Sub: a running sum per channel
            for c in range(bpp):
                line[c::bpp] = bytes(v & 0xFF for v in accumulate(line[c::bpp]))
        elif kind == 2:  # Up
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
        elif kind in (3, 4):  # Average, Paeth: byte by byte
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                up = previous[i]
                if kind == 3:
                    line[i] = (line[i] + (left + up) // 2) & 0xFF
                    continue
                corner = previous[i - bpp] if i >= bpp else 0
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                guess = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + guess) & 0xFF
        out += line
        previous = line
    return width, height, bpp, bytes(out)


LAYOUT_JS = """(() => {
  const svg = document.documentElement.getBoundingClientRect();
  const labels = [...document.querySelectorAll('.tl-label text')].map(t => {
    const r = t.getBoundingClientRect();
    return {text: t.textContent, left: r.left, right: r.right, top: r.top,
            bottom: r.bottom, width: t.getBBox().width};
  });
  return {svg: {left: svg.left, right: svg.right, top: svg.top, bottom: svg.bottom}, labels};
})()"""


def test_labels_do_not_overlap_in_a_browser(brief, tmp_path):
    from browser import Browser, find_chromium

    if find_chromium() is None:
        pytest.skip("needs Chromium (BRIEF_CHROMIUM, or chromium on PATH)")
    kosovo = tmp_path / "kosovo.svg"
    assert brief("timeline", "Kosovo", "--svg", str(kosovo)).code == 0
    many = tmp_path / "crowded.svg"
    many.write_text(timeline_svg(crowded(300)), encoding="utf-8")
    with Browser() as browser:
        for path, least in ((kosovo, 4), (many, 30)):
            page = browser.open(path.as_uri())
            layout = page.evaluate(LAYOUT_JS)
            labels, frame = layout["labels"], layout["svg"]
            assert len(labels) >= least
            for i, a in enumerate(labels):
                assert a["width"] <= text_width(a["text"], LABEL_SIZE), a["text"]
                assert frame["left"] <= a["left"] and a["right"] <= frame["right"]
                assert frame["top"] <= a["top"] and a["bottom"] <= frame["bottom"]
                for b in labels[i + 1:]:
                    apart = (a["right"] <= b["left"] or b["right"] <= a["left"]
                             or a["bottom"] <= b["top"] or b["bottom"] <= a["top"])
                    assert apart, (a["text"], b["text"])
            assert page.console_errors == []
            shot = page.screenshot(tmp_path / f"{path.stem}.png")
            width, height, bpp, pixels = png_pixels(shot.read_bytes())
            assert width > 900 and height > 200
            colours = {pixels[i:i + 3] for i in range(0, len(pixels), bpp * 7)}
            assert len(colours) > 10, "the picture is drawn, not blank"


def test_the_browser_driver_reports_errors(tmp_path):
    from browser import Browser, BrowserError, JavaScriptError, find_chromium

    if find_chromium() is None:
        pytest.skip("needs Chromium (BRIEF_CHROMIUM, or chromium on PATH)")
    page_file = tmp_path / "page.html"
    page_file.write_text(
        "<!doctype html><title>t</title><img src='missing.png'>"
        "<script>console.error('boom'); setTimeout(() => { throw new Error('late') });"
        "setTimeout(() => { window.ready = 42 });</script>",
        encoding="utf-8",
    )
    with Browser() as browser:
        page = browser.open(page_file.as_uri())
        assert page.evaluate("document.title") == "t"
        assert page.wait_for("window.ready", timeout=5) == 42
        with pytest.raises(JavaScriptError, match="nope"):
            page.evaluate("(() => { throw new Error('nope') })()")
        with pytest.raises(BrowserError, match="still false"):
            page.wait_for("false", timeout=0.2)
        page.wait_for("true")
        errors = " | ".join(page.console_errors)
        assert "boom" in errors and "late" in errors and "missing.png" in errors
        with pytest.raises(BrowserError, match="cannot open"):
            browser.open((tmp_path / "absent.html").as_uri())
        profile = Path(browser._profile)
        assert profile.is_dir()
    assert not profile.exists()
