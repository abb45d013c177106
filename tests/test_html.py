"""The HTML renderer: standalone pages, the terminal's content, data text escaped."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import pytest

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
from briefcli.render import Output, get_renderer
from briefcli.render.html import timeline_picture
from briefcli.text import MARK_END, MARK_START

HOSTILE = 'Evil <script>alert(1)</script> "quoted" \x1b[31m \x07 \u202eCorp & co'
# What XML 1.0 cannot hold, and bidirectional overrides, must never reach the page raw.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


class Page(HTMLParser):
    """A parsed page: its start tags with their attributes, its text, its doctype."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[str] = []
        self.doctype = ""
        self.stack: list[str] = []
        self.style = ""
        self.feed(text)
        self.close()

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "style":
            self.style += data
        self.texts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.texts).split())

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def render(view: str, result: object) -> str:
    out = io.StringIO()
    getattr(get_renderer("html", Output(out)), view)(result)
    return out.getvalue()


KFOR = Entity(
    id="kfor", name="Kosovo Force", acronym="KFOR", aliases=("Kosovo Force (KFOR)",),
    kind="organization", role="NATO-led international peacekeeping force",
    summary="Keeps the peace in Kosovo.", related=("nato",), tags=("security",),
    sources=("nato-kfor",),
)
NATO = Entity(id="nato", name="North Atlantic Treaty Organization", acronym="NATO")
EULEX = Entity(id="eulex", name="EULEX", related=("kfor",))
EVIL = Entity(id="evil", name=HOSTILE, summary=HOSTILE, role=HOSTILE)
ESTABLISHED = Event(id="kfor-established", date="1999", title="KFOR established",
                    summary="Established in 1999.", entities=("kfor",))
TENSIONS = Event(id="tensions", date="2023-09", end="2023-10", title="Tensions in the north")
ATTACK = Event(id="attack", date="2023-09-24", title=HOSTILE, summary=HOSTILE)
FAQ = Faq(id="faq-kfor", question="What is KFOR?", answer="A NATO-led force.")
FAQ_EVIL = Faq(id="faq-evil", question=HOSTILE, answer=HOSTILE)
NATO_KFOR = Source(id="nato-kfor", title="NATO – KFOR", publisher="NATO",
                   url="https://www.nato.int/kfor", date="2023-10-02")
BAD = Source(id="bad", title="A script for an address", url="javascript:alert(1)")
BRIEFING = Briefing(
    id="2023-11-11", date="2023-11-11", title="Blinken and Vučić discuss de-escalation",
    summary="They discussed de-escalation.", body=("First paragraph.", "Second paragraph."),
    points=("A key point.", HOSTILE), entities=("kfor", "evil"),
    events=("kfor-established", "attack"), faqs=("faq-kfor", "faq-evil"),
    sources=("nato-kfor", "bad"),
)
PAGE = BriefingPage(BRIEFING, [KFOR, EVIL], [ESTABLISHED, ATTACK], [FAQ, FAQ_EVIL],
                    [NATO_KFOR, BAD])


def test_a_briefing_is_a_standalone_html5_page_with_everything_the_terminal_shows() -> None:
    text = render("show", ShowResult([PAGE], []))
    assert text.startswith("<!doctype html>\n")
    page = Page(text)
    assert page.doctype.lower() == "doctype html"
    assert page.all("html")[0]["lang"] == "en"
    assert {"charset": "utf-8"} in page.all("meta")
    viewport = [m for m in page.all("meta") if m.get("name") == "viewport"]
    assert viewport and "width=device-width" in (viewport[0]["content"] or "")
    assert page.all("title") and "<title>Blinken and Vučić discuss de-escalation</title>" in text
    for shown in (
        "Blinken and Vučić discuss de-escalation", "11 November 2023",
        "They discussed de-escalation.", "First paragraph.", "Second paragraph.",
        "Key points", "A key point.", "Who’s who", "Kosovo Force (KFOR)",
        "NATO-led international peacekeeping force", "Timeline", "1999 (year)",
        "KFOR established", "Questions", "What is KFOR?", "A NATO-led force.", "Sources",
        "NATO – KFOR", "— NATO, 2 October 2023", "A script for an address",
    ):
        assert shown in page.text, shown
    # Sections in the terminal's order.
    order = [page.text.index(s) for s in ("Key points", "Who’s who", "Timeline", "Questions",
                                          "Sources")]
    assert order == sorted(order)


def test_only_http_links_and_the_address_of_a_refused_one_is_shown_as_text() -> None:
    page = Page(render("show", ShowResult([PAGE], [])))
    hrefs = [a["href"] for a in page.all("a")]
    assert hrefs == ["https://www.nato.int/kfor"]
    assert "javascript:alert(1)" in page.text  # shown, not followed


def test_nothing_is_loaded_from_elsewhere_and_nothing_runs() -> None:
    for text in (
        render("show", ShowResult([PAGE], [])),
        render("define", [Definition("kfor", KFOR, [NATO], [ESTABLISHED], [NATO_KFOR],
                                     "acronym")]),
        render("timeline", Timeline("Timeline of Kosovo Force", [ESTABLISHED, ATTACK])),
    ):
        page = Page(text)
        assert not page.all("script") and not page.all("link") and not page.all("img")
        assert not page.all("iframe") and not page.all("object")
        assert not any("src" in attrs for _, attrs in page.tags)
        assert not any(name.startswith("on") for _, attrs in page.tags for name in attrs)
        assert "url(" not in page.style and "@import" not in page.style


def test_the_style_reads_on_a_phone_and_printed() -> None:
    page = Page(render("show", ShowResult([PAGE], [])))
    assert "@media print" in page.style
    assert re.search(r"@media \(max-width:\s*\d+(rem|px|em)\)", page.style)
    print_rules = page.style.split("@media print", 1)[1]
    assert "display:none" in print_rules  # navigation and forms are not printed


@pytest.mark.parametrize("view", ["show", "define", "timeline", "search"])
def test_hostile_text_is_escaped_and_made_visible(view: str) -> None:
    results: dict[str, object] = {
        "show": ShowResult([PAGE], []),
        "define": [Definition("evil", EVIL, [], [ATTACK], [], "name")],
        "timeline": Timeline("Timeline of " + HOSTILE, [ATTACK], {"attack": HOSTILE}),
        "search": SearchResult([SearchHit("entity", "evil", HOSTILE, HOSTILE, EVIL)], 1),
    }
    text = render(view, results[view])
    page = Page(text)
    assert not page.all("script")
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert not FORBIDDEN.search(text)
    assert 'Evil <script>alert(1)</script> "quoted" ^[[31m ^G <U+202E>Corp & co' in page.text


def test_a_month_lists_its_briefings() -> None:
    other = Briefing(id="2023-11-20-evening", date="2023-11-20", title="Evening <b>update</b>")
    page = Page(render("show", ShowResult([], [BRIEFING, other], "2023-11")))
    assert "Briefings of November 2023" in page.text
    assert "2023-11-20 Evening <b>update</b> 2023-11-20-evening" in page.text
    assert not page.all("b")


def test_a_definition_keeps_what_it_links_to_apart_from_what_names_it() -> None:
    d = Definition("kfor", KFOR, [NATO], [ESTABLISHED], [NATO_KFOR], "acronym",
                   more_events=3, copies=[KFOR._replace(path="b.yaml", line=7)],
                   referrers=[EULEX])
    page = Page(render("define", [d]))
    text = page.text
    for shown in ("KFOR", "Kosovo Force (KFOR)", "Keeps the peace in Kosovo.", "Kind",
                  "organization", "Role", "Aliases", "Events", "KFOR established",
                  "Sources", "NATO – KFOR", "Also in", "b.yaml:7",
                  "3 earlier events not shown: brief timeline kfor"):
        assert shown in text, shown
    related = text.split("Related", 1)[1].split("Linked from", 1)
    assert "North Atlantic Treaty Organization (NATO)" in related[0]
    assert "EULEX" not in related[0] and "EULEX" in related[1]


def test_every_sense_of_a_term_is_numbered_under_one_heading() -> None:
    radio = Entity(id="kfor-radio", name="KFOR 101.5 FM", acronym="KFOR")
    page = Page(render("define", [Definition("kfor", KFOR, [], [], [], "acronym"),
                                  Definition("kfor", radio, [], [], [], "acronym")]))
    assert [a for t, a in page.tags if t == "h1"] and "KFOR (2 senses)" in page.text
    assert "1. Kosovo Force (KFOR)" in page.text and "2. KFOR 101.5 FM" in page.text


def test_a_timeline_is_grouped_by_year() -> None:
    result = Timeline("Timeline of Kosovo Force", [ESTABLISHED, TENSIONS, ATTACK])
    text = render("timeline", result)
    page = Page(text)
    headings = re.findall(r"<h2[^>]*>(\d{4})</h2>", text)
    assert headings == ["1999", "2023"]
    assert "2023-09 – 2023-10 Tensions in the north" in page.text
    assert "Established in 1999." in page.text


def test_a_timeline_page_embeds_its_picture_when_it_can_be_drawn() -> None:
    result = Timeline("Timeline of Kosovo Force", [ESTABLISHED, TENSIONS])
    picture = timeline_picture(result)
    if not picture:
        pytest.skip("briefcli.render.svg is not there")
    text = render("timeline", result)
    assert "<svg" in text and "<?xml" not in text
    assert len(Page(text).all("svg")) == 1


def test_search_marks_the_matched_words() -> None:
    hit = SearchHit("entity", "kfor", f"Kosovo Force ({MARK_START}KFOR{MARK_END})",
                    f"the {MARK_START}KFOR{MARK_END} <i>force</i>", KFOR)
    text = render("search", SearchResult([hit], 34))
    assert "<strong>Kosovo Force (<mark>KFOR</mark>)</strong>" in text
    assert "the <mark>KFOR</mark> &lt;i&gt;force&lt;/i&gt;" in text
    assert "1 of 34 matches" in Page(text).text
    assert MARK_START not in text and MARK_END not in text


def test_a_miss_is_still_one_page() -> None:
    out = io.StringIO()
    get_renderer("html", Output(out)).empty("define")
    page = Page(out.getvalue())
    assert page.doctype.lower() == "doctype html" and "Nothing found" in page.text


def test_html_from_the_command_line(brief) -> None:
    for args in (["show", "2023-11-11"], ["define", "KFOR"], ["timeline", "Kosovo"],
                 ["search", "peacekeeping"]):
        r = brief(*args, "--format", "html")
        assert r.code == 0, (args, r.stderr)
        assert r.stdout.startswith("<!doctype html>")
        assert Page(r.stdout).all("main")
    r = brief("define", "KFOR", "-f", "html")
    assert "Linked from" in Page(r.stdout).text
    miss = brief("define", "no-such-thing-at-all", "--format", "html")
    assert miss.code == 1 and "Nothing found" in miss.stdout
    assert brief("check", "--format", "html").code == 2  # not a view html serves
