"""Renderers: golden outputs, JSON shape, safety of data text, links, width.

Regenerate the golden files after an intended change of output with
`BRIEF_UPDATE_GOLDEN=1 pytest tests/test_render.py` and read the diff.
"""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from briefcli.knowledge.model import (
    Briefing,
    BriefingPage,
    Definition,
    Entity,
    Event,
    Faq,
    SearchHit,
    SearchResult,
    ShowResult,
    Source,
    Timeline,
)
from briefcli.problems import Problem
from briefcli.render import FORMATS, Output, format_names, get_renderer
from briefcli.render import VIEWS as FORMAT_VIEWS

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("BRIEF_UPDATE_GOLDEN") == "1"
WIDTH = 80

# -- sample records ---------------------------------------------------------------------

EVIL_NAME = "Evil \x1b]0;pwned\x07 [bold]x[/bold] :smile: \u202eCorp"
EVIL_SHOWN = "Evil ^[]0;pwned^G [bold]x[/bold] :smile: <U+202E>Corp"

KFOR = Entity(
    id="kfor",
    name="Kosovo Force",
    acronym="KFOR",
    aliases=("Kosovo Force (KFOR)",),
    kind="organization",
    role="NATO-led international peacekeeping force",
    summary="NATO-led international peacekeeping force established in 1999 to maintain "
    "peace and security in Kosovo.",
    description="Secretary Blinken supported KFOR's efforts in responding to the violent "
    "incidents of September and commended it for increasing its presence.",
    related=("nato", "evil"),
    tags=("security",),
    sources=("nato-kfor", "bad-link"),
)
KFOR_OTHER = Entity(
    id="kfor-radio",
    name="KFOR 101.5 FM",
    acronym="KFOR",
    kind="organization",
    summary="A radio station, here to show a second sense of one acronym.",
)
NATO = Entity(
    id="nato",
    name="North Atlantic Treaty Organization",
    acronym="NATO",
    kind="organization",
    summary="Leads KFOR, the international peacekeeping force in Kosovo.",
)
BLINKEN = Entity(
    id="blinken",
    name="Antony J. Blinken",
    aliases=("Blinken", "Secretary Blinken"),
    kind="person",
    role="US Secretary of State",
)
EVIL = Entity(
    id="evil",
    name=EVIL_NAME,
    summary="An entity whose name tries markup, emoji codes and terminal escapes.",
)

KFOR_ESTABLISHED = Event(
    id="kfor-established",
    date="1999",
    title="KFOR established",
    summary="KFOR, the NATO-led international peacekeeping force, was established to "
    "maintain peace and security in Kosovo.",
    entities=("kfor", "nato"),
)
TENSIONS = Event(
    id="tensions",
    date="2023-09",
    end="2023-10",
    title="Tensions in the north of Kosovo",
    entities=("kfor",),
)
BANJSKA = Event(
    id="banjska-attack",
    date="2023-09-24",
    title="Attack near the Banjska Monastery",
    summary="Violent events in which a Kosovo Police sergeant was killed.",
)
CALL = Event(
    id="blinken-vucic-call",
    date="2023-11-11",
    title="Blinken and Vučić discuss de-escalation with Kosovo",
    summary="Secretary of State Antony J. Blinken and Serbian President Aleksandar Vučić "
    "discussed de-escalating tensions with Kosovo.",
)

FAQ_KFOR = Faq(
    id="faq-what-is-kfor",
    question="What is KFOR?",
    answer="KFOR, or the Kosovo Force, is a NATO-led international peacekeeping force "
    "established in 1999 to maintain peace and security in Kosovo.",
    entities=("kfor",),
)
FAQ_EVIL = Faq(
    id="faq-evil",
    question="Is [red]this[/red] markup?",
    answer="No: it prints literally, like :smile: and \x1b[31mthis\x1b[0m.",
)

NATO_KFOR = Source(
    id="nato-kfor",
    title="NATO – KFOR",
    publisher="NATO",
    url="https://www.nato.int/cps/en/natolive/topics_48818.htm",
    date="2023-10-02",
)
BAD_LINK = Source(
    id="bad-link",
    title="A source with a script for an address",
    publisher="Nobody",
    url="javascript:alert(1)",
)

BRIEFING = Briefing(
    id="2023-11-11",
    date="2023-11-11",
    title="Blinken and Vučić discuss de-escalation with Kosovo",
    summary="Secretary of State Antony J. Blinken and Serbian President Aleksandar Vučić "
    "discussed the urgent need to de-escalate tensions with Kosovo.",
    body=(
        "In a recent conversation between Secretary of State Antony J. Blinken and Serbian "
        "President Aleksandar Vučić, the focus was on the urgent need to de-escalate "
        "tensions with Kosovo following the violent events of September 24.",
        "During the conversation, the Secretary expressed his support for the efforts of "
        "KFOR (Kosovo Force) and EULEX.",
    ),
    points=(
        "Blinken and Vučić focused on the urgent need to de-escalate tensions with Kosovo "
        "after the violent events of 24 September.",
        "Blinken supported the efforts of KFOR and EULEX.",
    ),
    entities=("blinken", "kfor", "evil"),
    events=("kfor-established", "banjska-attack", "blinken-vucic-call"),
    faqs=("faq-what-is-kfor", "faq-evil"),
    sources=("nato-kfor", "bad-link"),
)
PAGE = BriefingPage(
    briefing=BRIEFING,
    entities=[BLINKEN, KFOR, EVIL],
    events=[KFOR_ESTABLISHED, BANJSKA, CALL],
    faqs=[FAQ_KFOR, FAQ_EVIL],
    sources=[NATO_KFOR, BAD_LINK],
)
OTHER_BRIEFING = Briefing(
    id="2023-11-20-evening",
    date="2023-11-20",
    title="A second briefing of the month, with an id that is not its date",
)

DEFINITIONS = [
    Definition(
        term="kfor",
        entity=KFOR,
        related=[NATO, EVIL],
        events=[KFOR_ESTABLISHED, TENSIONS],
        sources=[NATO_KFOR, BAD_LINK],
        matched_on="acronym",
    ),
    Definition(
        term="kfor", entity=KFOR_OTHER, related=[], events=[], sources=[], matched_on="acronym"
    ),
    Definition(
        term="Blinken", entity=BLINKEN, related=[], events=[CALL], sources=[], matched_on="alias"
    ),
]

TIMELINE = [KFOR_ESTABLISHED, TENSIONS, BANJSKA, CALL]

HITS = [
    SearchHit(
        kind="entity",
        id="kfor",
        title="Kosovo Force (KFOR)",
        snippet="NATO-led international \ue000peacekeeping\ue001 force established in 1999 "
        "to maintain \ue000peace\ue001 and security in Kosovo.",
        record=KFOR,
    ),
    SearchHit(
        kind="faq",
        id="faq-evil",
        title=FAQ_EVIL.question,
        snippet="No: it prints \ue000literally\ue001, like :smile: and \x1b[31mthis\x1b[0m.",
        record=FAQ_EVIL,
    ),
]

PROBLEMS = [
    Problem("data/kosovo.yaml", 12, 5, "unknown-ref", "unknown entity id 'kfr'"),
    Problem("data/kosovo.yaml", 40, 3, "missing", "summary is empty", level="warning"),
]

VIEWS = {
    "briefing": lambda r: r.show(ShowResult([PAGE], [])),
    "briefing_list": lambda r: r.show(ShowResult([], [BRIEFING, OTHER_BRIEFING], "2023-11")),
    "definitions": lambda r: r.define(DEFINITIONS),
    "timeline": lambda r: r.timeline(Timeline("Timeline of Kosovo", TIMELINE)),
    "search": lambda r: r.search(SearchResult(HITS, len(HITS))),
    "problems": lambda r: r.check(PROBLEMS),
}

# -- helpers ------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich reads these; fix them so colour output is the same everywhere."""
    for name in (
        "COLORTERM",
        "FORCE_COLOR",
        "NO_COLOR",
        "TTY_COMPATIBLE",
        "TTY_INTERACTIVE",
        "COLUMNS",
        "LINES",
        "JUPYTER_COLUMNS",
        "JUPYTER_LINES",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")


def render(view: str, fmt: str = "terminal", *, color: bool = False) -> str:
    out = io.StringIO()
    renderer = get_renderer(fmt, Output(out, color, WIDTH))
    VIEWS[view](renderer)
    return out.getvalue()


def normalize(text: str) -> str:
    """Rich numbers hyperlinks with a process-wide counter; the number is not output."""
    return re.sub(r"\x1b\]8;id=[^;\x1b]*;", "\x1b]8;id=N;", text)


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"no golden file {path}; run with BRIEF_UPDATE_GOLDEN=1"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs; run with BRIEF_UPDATE_GOLDEN=1 and read the diff"


ESCAPE = re.compile(r"\x1b")

# -- terminal, plain ----------------------------------------------------------------------


@pytest.mark.parametrize("view", list(VIEWS))
def test_terminal_plain_golden(view: str) -> None:
    check_golden(f"{view}.txt", render(view))


@pytest.mark.parametrize("view", list(VIEWS))
def test_plain_output_has_no_escapes_and_fits_80_columns(view: str) -> None:
    text = render(view)
    assert not ESCAPE.search(text)
    for line in text.splitlines():
        assert cell_len(line) <= WIDTH, line


@pytest.mark.parametrize("color", [False, True])
def test_data_text_is_shown_literally(color: bool) -> None:
    text = render("briefing", color=color)
    plain = re.sub(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\", "", text)
    assert "^[]0;pwned^G" in plain
    assert "[bold]x[/bold]" in plain
    assert ":smile:" in plain
    assert "<U+202E>Corp" in plain
    assert "Is [red]this[/red] markup?" in plain
    assert "^[[31mthis^[[0m" in plain
    assert "\x1b]0;" not in text
    assert "\x07" not in text
    assert "\u202e" not in text
    assert "😄" not in text


def test_plain_briefing_content() -> None:
    text = render("briefing")
    assert "11 November 2023" in text
    for heading in ("Key points", "Who's who", "Timeline", "Questions", "Sources"):
        assert heading in text
    assert "Kosovo Force (KFOR)" in text
    assert "1999" in text
    assert "https://www.nato.int/cps/en/natolive/topics_48818.htm" in text
    assert "javascript:alert(1)" in text  # shown as text, never as a link


def test_search_markers_removed_in_plain_output() -> None:
    text = render("search")
    assert "\ue000" not in text and "\ue001" not in text
    assert "international peacekeeping force" in text


def test_definitions_number_the_senses() -> None:
    text = render("definitions")
    assert "KFOR (2 senses)" in text
    assert "1. Kosovo Force (KFOR)" in text
    assert "2. KFOR 101.5 FM" in text
    assert "Related:" in text


def test_timeline_groups_by_year_and_keeps_partial_dates() -> None:
    text = render("timeline")
    lines = [line.strip() for line in text.splitlines()]
    assert "1999" in lines and "2023" in lines
    assert any(line.startswith("2023-09 – 2023-10") for line in lines)
    assert any(line.startswith("1999 (year)  ") for line in lines)


def test_problems_one_line_each() -> None:
    text = render("problems")
    assert text.splitlines() == [p.format() for p in PROBLEMS]


# -- terminal, colour -----------------------------------------------------------------------


def test_terminal_colour_golden() -> None:
    text = normalize(render("briefing", color=True))
    assert ESCAPE.search(text)
    check_golden("briefing.color.txt", text)


def test_links_only_for_http_urls() -> None:
    text = render("briefing", color=True)
    links = re.findall(r"\x1b\]8;[^;]*;([^\x1b]*)\x1b\\", text)
    targets = {link for link in links if link}
    assert targets == {"https://www.nato.int/cps/en/natolive/topics_48818.htm"}
    assert "\x1b]8;;https://www.nato.int" in text  # OSC 8, closed after the title
    assert not re.search(r"\x1b\]8;[^;]*;javascript:", text)
    assert "javascript:alert(1)" in text  # as text


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "ftp://x.org/",
        "https://x.org/\x1b\\evil",
        "https://x.org/a b",
        "data:text/html,hi",
    ],
)
def test_no_link_for_unsafe_urls(url: str) -> None:
    page = BriefingPage(
        briefing=Briefing(id="b", date="2024", title="T", sources=("s",)),
        entities=[],
        events=[],
        faqs=[],
        sources=[Source(id="s", title="S", url=url)],
    )
    out = io.StringIO()
    get_renderer("terminal", Output(out, True, WIDTH)).show(ShowResult([page], []))
    assert "\x1b]8;id=" not in out.getvalue()


def test_colour_output_colours_problem_levels() -> None:
    text = render("problems", color=True)
    assert ESCAPE.search(text)
    assert re.sub(r"\x1b\[[0-9;]*m", "", text).splitlines() == [p.format() for p in PROBLEMS]


# -- JSON ------------------------------------------------------------------------------------


def load_json(view: str) -> list:
    text = render(view, "json")
    data = json.loads(text)
    assert isinstance(data, list)
    return data


def test_json_briefing() -> None:
    assert load_json("briefing") == [
        {
            "id": "2023-11-11",
            "date": "2023-11-11",
            "title": BRIEFING.title,
            "summary": BRIEFING.summary,
            "body": list(BRIEFING.body),
            "points": list(BRIEFING.points),
            "entities": ["blinken", "kfor", "evil"],
            "events": ["kfor-established", "banjska-attack", "blinken-vucic-call"],
            "faqs": ["faq-what-is-kfor", "faq-evil"],
            "sources": ["nato-kfor", "bad-link"],
        }
    ]


def test_json_briefing_list() -> None:
    assert load_json("briefing_list") == [
        BRIEFING.to_data(),
        {"id": "2023-11-20-evening", "date": "2023-11-20", "title": OTHER_BRIEFING.title},
    ]


def test_json_definitions_one_per_sense() -> None:
    data = load_json("definitions")
    assert [d["id"] for d in data] == ["kfor", "kfor-radio", "blinken"]
    assert data[0] == {
        "id": "kfor",
        "name": "Kosovo Force",
        "acronym": "KFOR",
        "aliases": ["Kosovo Force (KFOR)"],
        "kind": "organization",
        "role": KFOR.role,
        "summary": KFOR.summary,
        "description": KFOR.description,
        "related": ["nato", "evil"],
        "tags": ["security"],
        "sources": ["nato-kfor", "bad-link"],
    }
    assert data[1] == {
        "id": "kfor-radio",
        "name": "KFOR 101.5 FM",
        "acronym": "KFOR",
        "kind": "organization",
        "summary": KFOR_OTHER.summary,
    }


def test_json_timeline() -> None:
    data = load_json("timeline")
    assert [e["date"] for e in data] == ["1999", "2023-09", "2023-09-24", "2023-11-11"]
    assert data[1] == {
        "id": "tensions",
        "date": "2023-09",
        "end": "2023-10",
        "title": TENSIONS.title,
        "entities": ["kfor"],
    }


def test_json_search() -> None:
    data = load_json("search")
    assert [set(hit) for hit in data] == [{"kind", "id", "title", "snippet", "record"}] * 2
    assert data[0]["kind"] == "entity" and data[0]["id"] == "kfor"
    assert data[0]["snippet"] == (
        "NATO-led international peacekeeping force established in 1999 to maintain peace "
        "and security in Kosovo."
    )
    assert data[0]["record"] == KFOR.to_data()
    assert data[1]["record"] == FAQ_EVIL.to_data()
    assert data[1]["snippet"] == "No: it prints literally, like :smile: and \x1b[31mthis\x1b[0m."


def test_json_problems() -> None:
    assert load_json("problems") == [p.as_dict() for p in PROBLEMS]


def test_json_keeps_data_exact_but_terminal_safe() -> None:
    page = BriefingPage(
        briefing=Briefing(id="b", date="2024", title=EVIL_NAME + "\x9b2J"),
        entities=[],
        events=[],
        faqs=[],
        sources=[],
    )
    out = io.StringIO()
    get_renderer("json", Output(out, True, WIDTH)).show(ShowResult([page], []))
    text = out.getvalue()
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]", text)
    assert json.loads(text)[0]["title"] == EVIL_NAME + "\x9b2J"


def test_json_is_not_wrapped_or_coloured() -> None:
    long_title = "word " * 40
    out = io.StringIO()
    renderer = get_renderer("json", Output(out, True, 40))
    renderer.show(ShowResult([], [Briefing(id="b", date="2024", title=long_title)], "2024"))
    assert json.loads(out.getvalue())[0]["title"] == long_title
    assert "\x1b[" not in out.getvalue()


@pytest.mark.parametrize("fmt", ["terminal", "json", "markdown"])
def test_empty_results(fmt: str) -> None:
    bare = BriefingPage(
        briefing=Briefing(id="b", date="2024-02", title="Bare"),
        entities=[],
        events=[],
        faqs=[],
        sources=[],
    )
    calls = {
        "briefing": lambda r: r.show(ShowResult([bare], [])),
        "briefing_list": lambda r: r.show(ShowResult([], [], "2024")),
        "definitions": lambda r: r.define([]),
        "timeline": lambda r: r.timeline(Timeline("Nothing", [])),
        "search": lambda r: r.search(SearchResult([], 0)),
        "problems": lambda r: r.check([]),
    }
    for name, call in calls.items():
        out = io.StringIO()
        call(get_renderer(fmt, Output(out, False, WIDTH)))
        text = out.getvalue()
        if fmt == "json":
            expected = (
                [{"id": "b", "date": "2024-02", "title": "Bare"}] if name == "briefing" else []
            )
            assert json.loads(text) == expected
        elif name == "briefing":
            assert "February 2024" in text


def test_wide_text_fits_80_columns() -> None:
    page = BriefingPage(
        briefing=Briefing(id="b", date="2024", title="東京" * 50, points=("科学" * 60,)),
        entities=[Entity(id="e", name="名前" * 30, role="役割" * 40)],
        events=[],
        faqs=[],
        sources=[Source(id="s", title="x", url="https://example.org/" + "a" * 150)],
    )
    out = io.StringIO()
    get_renderer("terminal", Output(out, False, WIDTH)).show(ShowResult([page], []))
    url = "https://example.org/" + "a" * 150
    for line in out.getvalue().splitlines():
        # Everything fits but the url, which stands whole on a line of its own.
        assert cell_len(line) <= WIDTH or line == "    " + url, line


# -- registry and markdown -------------------------------------------------------------------


def test_registry() -> None:
    assert list(FORMATS) == [
        "terminal", "yaml", "json", "markdown", "github", "dictd", "html", "timelinejs"
    ]
    for fmt in FORMATS.values():
        renderer = get_renderer(fmt.name, Output(io.StringIO()))
        assert callable(renderer.empty)
        for view in FORMAT_VIEWS:
            assert callable(getattr(renderer, view, None)) == (view in fmt.views), (fmt, view)


def test_format_choices_come_from_the_registry() -> None:
    assert format_names("show") == ["terminal", "json", "markdown", "html"]
    assert format_names("timeline") == ["terminal", "json", "markdown", "html", "timelinejs"]
    assert format_names("export") == ["yaml", "json", "dictd"]
    assert format_names("check") == ["terminal", "json", "markdown", "github"]


def test_renderers_that_do_not_draw_do_not_import_rich() -> None:
    import subprocess
    import sys

    code = (
        "import sys, io\n"
        "from briefcli.render import Output, get_renderer\n"
        "for name in ('json', 'markdown', 'yaml'):\n"
        "    get_renderer(name, Output(io.StringIO()))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rich'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("view", list(VIEWS))
def test_markdown_golden(view: str) -> None:
    text = render(view, "markdown")
    assert not ESCAPE.search(text)
    assert "](<javascript" not in text and "](javascript" not in text
    check_golden(f"{view}.md", text)


def test_markdown_escapes_data() -> None:
    text = render("briefing", "markdown")
    assert r"\[bold\]x\[/bold\]" in text
    assert "](<https://www.nato.int/cps/en/natolive/topics_48818.htm>)" in text
    assert "](<javascript" not in text and "](javascript" not in text
