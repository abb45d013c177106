"""Properties of reading, exporting and showing knowledge, over generated input.

Deterministic: every test runs the same examples on every run (`derandomize`), and
nothing is stored between runs.
"""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefcli.knowledge.checker import FileResult, parse_file
from briefcli.knowledge.model import KINDS, SECTIONS, Definition, Entity, Event, Source, Timeline
from briefcli.problems import Problem
from briefcli.render import Output
from briefcli.render.terminal import TerminalRenderer
from briefcli.render.yamlout import export_yaml
from conftest import examples


def fixed(full: int) -> settings:
    return settings(
        derandomize=True, database=None, max_examples=examples(full), deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def in_section_records(result: FileResult) -> list[Any]:
    """Records in the order an export writes them: by section, then as read."""
    order = list(SECTIONS.values())
    return sorted(result.records, key=lambda r: order.index(r.kind))


def rows(result: FileResult) -> list[tuple[Any, ...]]:
    return [(r.kind, r.id, r.data, r.sort_key, r.end_key) for r in result.records]


def in_section_order(result: FileResult) -> list[tuple[Any, ...]]:
    return rows(FileResult(result.path, in_section_records(result)))


# -- any input: a result, never an exception -------------------------------------------------

# Pieces of YAML syntax, so that generated text reaches past the first syntax error.
YAML_BITS = [
    "format: 1\n", "entities:\n", "events:\n", "faqs:\n", "briefings:\n", "sources:\n",
    "  - ", "    ", "id: ", "name: ", "date: ", "title: ", "related: ", "body: |\n",
    "[", "]", "{", "}", ", ", ": ", "- ", "? ", "&a ", "*a", "<<: ", "!!str ", "!x ",
    "!!python/object:x ", "'", '"', "\\", "#", "|", ">-", "~", "---\n", "...\n", "%YAML 1.1\n",
    "\n", "\t", "\r\n", "\ufeff", "\x1b", "\x00", "\x85", "\u2028", "\u202e", "1999",
    "2023-02-30", "kfor", "NO", "é",
]
yaml_like = st.lists(st.one_of(st.sampled_from(YAML_BITS), st.text(max_size=5)), max_size=40).map(
    "".join
)


def assert_well_formed(result: FileResult) -> None:
    assert isinstance(result, FileResult)
    for problem in result.problems:
        assert isinstance(problem, Problem)
        assert problem.line >= 0 and problem.col >= 0
        assert problem.code and problem.message
        assert problem.path == "f.yaml"


@fixed(300)
@given(st.binary(max_size=300))
def test_any_bytes_give_a_result(data: bytes) -> None:
    assert_well_formed(parse_file(data, "f.yaml"))


@fixed(300)
@given(st.text(max_size=300))
def test_any_text_gives_a_result(text: str) -> None:
    assert_well_formed(parse_file(text.encode("utf-8"), "f.yaml"))


@fixed(500)
@given(yaml_like)
def test_any_yaml_like_text_gives_a_result(text: str) -> None:
    assert_well_formed(parse_file(text.encode("utf-8"), "f.yaml"))


FIELD_NAMES = sorted({name for k in KINDS.values() for name in k.fields} | set(SECTIONS))
scalar = st.one_of(st.none(), st.integers(), st.booleans(), st.text(max_size=8),
                   st.sampled_from(["1999", "2023-02-30", "2023-09-24", "kfor", "a b"]))
values = st.recursive(
    scalar,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=4), inner, max_size=5),
    max_leaves=25,
)
shapes = st.dictionaries(
    st.sampled_from(["format", *SECTIONS, "entites"]),
    st.one_of(values, st.lists(st.dictionaries(st.sampled_from(FIELD_NAMES), values,
                                               max_size=6), max_size=3)),
    max_size=4,
)


@fixed(300)
@given(shapes)
def test_any_shape_of_document_gives_a_result(doc: dict[str, Any]) -> None:
    """Documents of every shape reach the schema checks: problems, never exceptions; and
    whatever is accepted exports back to the same records."""
    result = parse_file(yaml.safe_dump(doc, allow_unicode=True).encode("utf-8"), "f.yaml")
    assert_well_formed(result)
    assert all(p.code not in ("syntax", "tag", "encoding") for p in result.problems)
    again = parse_file(export_yaml(result.records).encode("utf-8"), "f.yaml")
    assert again.problems == []
    assert rows(again) == in_section_order(result)


# -- valid knowledge: read, export, read again gives the same records ----------------------

TRICKY = [
    "", " ", "~", "null", "NO", "yes", "on", "1999", "0x1F", "1.10", "12:30", "2023-11-11",
    "[bold]red[/bold]", ":smile:", "\u202eevil", "\x1b]0;title\x07", "\x1b[31mred", "\x00",
    "\x7f", "\x85", "\x9b", "\u2028", "\u2029", "\ufeff", "\ufffe", "\U0001f600", "a\n\nb",
    " padded ", "trail\n", "\ttab", "# not a comment", "- not a list", "&anchor", "*alias",
    "!!python/object:x", "<<", "key: value", "'quote'", '"double"', "\\", "\r\n", "é",
]
any_text = st.one_of(
    st.text(max_size=30),
    st.sampled_from(TRICKY),
    st.lists(st.sampled_from(TRICKY), min_size=2, max_size=4).map("".join),
)
required_text = any_text.map(lambda s: s if s.strip() else s + "x")
ident = st.from_regex(r"[a-z0-9][a-z0-9._-]{0,12}", fullmatch=True) | st.sampled_from(
    ["vučić", "0x1F", "2023-11-11", "a_b", "x.y"]
)
texts = st.lists(any_text, max_size=4)
ids = st.lists(ident, max_size=3)


@st.composite
def partial_date(draw: Any) -> str:
    day = draw(st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31)))
    return day.isoformat()[: draw(st.sampled_from([4, 7, 10]))]


def record(required: dict[str, Any], optional: dict[str, Any]) -> Any:
    return st.fixed_dictionaries(required, optional=optional)


entity = record(
    {"id": ident, "name": required_text},
    {"acronym": any_text, "aliases": texts, "kind": any_text, "role": any_text,
     "summary": any_text, "description": any_text, "related": ids, "tags": texts,
     "sources": ids},
)
event = record(
    {"id": ident, "date": partial_date(), "title": required_text},
    {"summary": any_text, "entities": ids, "tags": texts, "sources": ids},
)
faq = record(
    # a question without an id needs ASCII letters or digits to derive one from
    {"question": st.tuples(required_text, ident).map(" ".join), "answer": required_text},
    {"id": ident, "entities": ids},
)
briefing = record(
    {"id": ident, "date": partial_date(), "title": required_text},
    {"summary": any_text, "body": texts, "points": texts, "entities": ids, "events": ids,
     "faqs": ids, "sources": ids},
)
source = record(
    {"id": ident, "title": required_text},
    {"publisher": any_text, "url": any_text, "date": partial_date()},
)
document = st.fixed_dictionaries(
    {"format": st.just(1)},
    optional={
        "entities": st.lists(entity, max_size=3), "events": st.lists(event, max_size=3),
        "faqs": st.lists(faq, max_size=2), "briefings": st.lists(briefing, max_size=2),
        "sources": st.lists(source, max_size=2),
    },
)


@fixed(150)
@given(document, st.sampled_from([None, "'", '"']))
def test_knowledge_reads_as_written_and_exports_back(doc: dict[str, Any], style: Any) -> None:
    written = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, default_style=style)
    first = parse_file(written.encode("utf-8"), "f.yaml")
    assert first.problems == []
    # every value reads back as the text a standard YAML loader reads (PyYAML's emitter
    # does not always write what it was given: a NEL in single quotes becomes a space)
    standard = yaml.safe_load(written)
    expected = [item for section in SECTIONS for item in standard.get(section, [])]
    got = [
        {k: v for k, v in r.data.items() if k != "id" or k in item}  # ids derived or not
        for r, item in zip(in_section_records(first), expected, strict=True)
    ]
    assert got == expected

    exported = export_yaml(first.records)
    second = parse_file(exported.encode("utf-8"), "again.yaml")
    assert second.problems == []
    assert rows(second) == in_section_order(first)
    assert export_yaml(second.records) == exported


# -- what reaches the terminal -------------------------------------------------------------

UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
SGR = re.compile(r"\x1b\[[0-9;]*m")
OSC8 = re.compile(r"\x1b\]8;[^\x1b\x07]*\x1b\\")

shown_text = st.one_of(
    st.text(max_size=20),
    st.sampled_from(TRICKY),
    st.lists(st.sampled_from(TRICKY + ["x", " "]), min_size=2, max_size=5).map("".join),
)
url = st.one_of(
    shown_text,
    st.sampled_from(["https://example.org/a", "http://x.test/?a=1;b=2",
                     "https://x.test/\x1b]8;;evil\x1b\\", "javascript:alert(1)",
                     "https://x.test/\u202e", "https://x.test/[link]"]),
)


@st.composite
def definition(draw: Any) -> Definition:
    def opt() -> str | None:
        return draw(st.none() | shown_text)

    entity = Entity(
        id=draw(shown_text), name=draw(shown_text), acronym=opt(), kind=opt(), role=opt(),
        summary=opt(), description=opt(),
        aliases=tuple(draw(st.lists(shown_text, max_size=2))),
    )
    related = [Entity(id=draw(shown_text), name=draw(shown_text), acronym=opt())]
    events = [Event(id="e", date=draw(shown_text | partial_date()), title=draw(shown_text),
                    end=opt(), summary=opt())]
    sources = [Source(id="s", title=draw(shown_text), publisher=opt(), url=draw(url),
                      date=opt())]
    return Definition(draw(shown_text), entity, related, events, sources, "name")


def render(color: bool, view: str, *args: Any) -> str:
    out = io.StringIO()
    renderer = TerminalRenderer(Output(out, color, 80))
    getattr(renderer, view)(*args)
    return out.getvalue()


def assert_terminal_safe(output: str, color: bool) -> None:
    if color:
        output = OSC8.sub("", SGR.sub("", output))
    assert "\x1b" not in output, repr(output)
    found = UNSAFE.search(output)
    assert found is None, (found, output)


@fixed(120)
@given(st.lists(definition(), min_size=1, max_size=2), st.booleans())
def test_definitions_show_no_control_characters(defs: list[Definition], color: bool) -> None:
    assert_terminal_safe(render(color, "define", defs), color)


@fixed(120)
@given(st.lists(st.builds(Event, id=shown_text, date=shown_text | partial_date(),
                          title=shown_text, end=st.none() | partial_date(),
                          summary=st.none() | shown_text), max_size=4),
       shown_text, st.booleans())
def test_timeline_shows_no_control_characters(events: list[Event], title: str, color: bool) -> None:
    assert_terminal_safe(render(color, "timeline", Timeline(title, events)), color)


@fixed(300)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab c  de\u00e9\u6771\u4eac\u0301-") + ["\n"]),
        max_size=120,
    ),
    st.integers(min_value=2, max_value=30),  # a cell at least as wide as one character
)
def test_wrap_text_folds_exactly_as_rich(text: str, width: int) -> None:
    from rich.console import Console
    from rich.text import Text

    from briefcli.render.terminal import wrap_text

    console = Console(width=200, color_system=None)
    expected = [line.plain.rstrip() for line in Text(text).wrap(console, width, overflow="fold")]
    assert wrap_text(text, width) == expected
