"""The draft writer: readable YAML that brief reads back as exactly the records written."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefcli.authoring.draft import COMMENT_WIDTH, PROSE_WIDTH, DraftRecord, render_draft
from briefcli.knowledge.checker import FileResult, parse_file
from briefcli.knowledge.model import DATE, IDS, KINDS, PARAGRAPHS, SECTIONS, TEXT, TEXTS
from conftest import examples


def read(text: str) -> FileResult:
    result = parse_file(text.encode("utf-8"), "draft.yaml")
    assert result.problems == [], text
    return result


def value_line(key: str, value: str | list[str], kind: str = "entity") -> list[str]:
    """The lines a draft writes for one field (after the record's first field)."""
    data: dict[str, str | list[str]] = {"id": "x", "name": "X"}
    if kind == "source":
        data = {"id": "x", "title": "X"}
    data[key] = value
    text = render_draft([DraftRecord(kind, data)])
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"    {key}:"))
    end = start + 1
    while end < len(lines) and lines[end].startswith("      "):
        end += 1
    assert read(text).records[0].data[key] == value
    return lines[start:end]


# -- the look of a draft ----------------------------------------------------------------------

SUMMARY = (
    "Secretary of State Antony J. Blinken and Serbian President Aleksandar Vučić discussed "
    "the urgent need to de-escalate tensions with Kosovo."
)


def test_a_draft_reads_like_a_hand_written_file() -> None:
    records = [
        DraftRecord(
            "source", {"id": "nato-kfor", "title": "NATO – KFOR", "publisher": "NATO"},
            'from seed.txt:26: "– NATO – KFOR"',
        ),
        DraftRecord(
            "briefing",
            {
                "date": "2023-11-11",
                "title": "Blinken and Vučić discuss de-escalation",
                "summary": SUMMARY,
                "body": ["First paragraph.", "Second: paragraph # two."],
                "points": ["KFOR was established in 1999."],
                "entities": ["kfor", "kosovo"],
                "sources": ["nato-kfor"],
            },
            "from seed.txt:1",
        ),
        DraftRecord(
            "entity",
            {"id": "kfor", "name": "Kosovo Force", "acronym": "KFOR", "aliases": ["NO", "K-For"]},
            'from seed.txt:5: "KFOR (Kosovo Force)"',
        ),
    ]
    assert render_draft(records, header="Draft of seed.txt\n\nCheck it.") == (
        "# Draft of seed.txt\n"
        "#\n"
        "# Check it.\n"
        "\n"
        "format: 1\n"
        "\n"
        "entities:\n"
        '  # from seed.txt:5: "KFOR (Kosovo Force)"\n'
        "  - id: kfor\n"
        "    name: Kosovo Force\n"
        "    acronym: KFOR\n"
        "    aliases: ['NO', K-For]\n"
        "\n"
        "briefings:\n"
        "  # from seed.txt:1\n"
        "  - date: 2023-11-11\n"
        "    title: Blinken and Vučić discuss de-escalation\n"
        "    summary: >-\n"
        "      Secretary of State Antony J. Blinken and Serbian President Aleksandar\n"
        "      Vučić discussed the urgent need to de-escalate tensions with Kosovo.\n"
        "    body:\n"
        "      - First paragraph.\n"
        "      - 'Second: paragraph # two.'\n"
        "    points:\n"
        "      - KFOR was established in 1999.\n"
        "    entities: [kfor, kosovo]\n"
        "    sources: [nato-kfor]\n"
        "\n"
        "sources:\n"
        '  # from seed.txt:26: "– NATO – KFOR"\n'
        "  - id: nato-kfor\n"
        "    title: NATO – KFOR\n"
        "    publisher: NATO\n"
    )


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("Kosovo Force", "Kosovo Force"),
        ("KFOR (Kosovo Force)", "KFOR (Kosovo Force)"),
        ("https://example.org/a#b", "https://example.org/a#b"),
        ("12 April 2019", "12 April 2019"),
        ("-5 degrees", "-5 degrees"),
        ("Serbia’s role", "Serbia’s role"),
        ("a: b", "'a: b'"),
        ("a #b", "'a #b'"),
        ("- a", "'- a'"),
        ("#1", "'#1'"),
        ("[draft]", "'[draft]'"),
        ("*", "'*'"),
        ("", "''"),
        ("~", "'~'"),
        ("null", "'null'"),
        ("yes", "'yes'"),
        ("Off", "'Off'"),
        ("1999", "'1999'"),
        ("1.10", "'1.10'"),
        ("1e3", "'1e3'"),
        ("12:30", "'12:30'"),
        ("2023-11-11", "'2023-11-11'"),
        (" padded ", "' padded '"),
        ("it's", "it's"),
        ("'so'", "\"'so'\""),
        ("'it's \"so\"'", "'''it''s \"so\"'''"),
        ("tab\there", '"tab\\there"'),
        ("bell\x07", '"bell\\a"'),
        ("esc\x1b[31m", '"esc\\e[31m"'),
        ("nel\x85", '"nel\\N"'),
        ("crlf\r\n", '"crlf\\r\\n"'),
        ("bidi \u202e", '"bidi \\u202E"'),
        ("bom \ufeff", '"bom \\uFEFF"'),
        ("nonchar \uffff", '"nonchar \\uFFFF"'),
        ("back\\slash", "back\\slash"),
        ("quote\"d", 'quote"d'),
    ],
)
def test_short_values_are_plain_when_that_reads_back_the_same(value: str, written: str) -> None:
    assert value_line("role", value) == [f"    role: {written}"]


def test_dates_stay_plain_in_date_fields_only() -> None:
    text = render_draft(
        [DraftRecord("source", {"id": "s", "title": "2023-11-11", "date": "2023-11-11"})]
    )
    assert "    title: '2023-11-11'\n    date: 2023-11-11\n" in text
    assert read(text).records[0].data["date"] == "2023-11-11"


def test_long_prose_is_folded_within_the_prose_width() -> None:
    prose = " ".join(["word"] * 60) + ": the end # here."
    lines = value_line("description", prose)
    assert lines[0] == "    description: >-"
    assert all(len(line) <= PROSE_WIDTH for line in lines)
    assert all(line.startswith("      word") for line in lines[1:-1])


def test_long_text_that_cannot_be_folded_is_double_quoted_over_lines() -> None:
    prose = " " + " ".join(["word"] * 40) + "\tend "
    lines = value_line("description", prose)
    assert lines[0].startswith('    description: " word word')
    assert len(lines) > 1
    assert lines[-1].endswith('\\tend "')


def test_spaces_are_never_a_line_break_where_more_than_one_space_stands() -> None:
    prose = "a  b " * 30 + "end"
    lines = value_line("description", prose.strip())
    assert lines[0] == "    description: >-"
    assert all("  " not in line.strip() or "a  b" in line for line in lines)


def test_text_over_several_lines_is_a_literal_block() -> None:
    text = render_draft([DraftRecord("source", {"id": "s", "title": "one\ntwo\n\nthree"})])
    assert text.endswith("    title: |-\n      one\n      two\n\n      three\n")
    assert read(text).records[0].data["title"] == "one\ntwo\n\nthree"
    assert value_line("description", "one\ntwo\n") == [
        "    description: |", "      one", "      two"
    ]


@pytest.mark.parametrize(
    "value", ["\none", " one\ntwo", "one \ntwo", "one\n\n", "one\r\ntwo", "one\ttwo\nthree"]
)
def test_text_a_literal_block_would_blur_is_double_quoted(value: str) -> None:
    (line,) = value_line("description", value)
    assert line.startswith('    description: "')


def test_lists_of_short_names_are_flow_and_others_blocks() -> None:
    assert value_line("aliases", ["Blinken", "Antony Blinken"]) == [
        "    aliases: [Blinken, Antony Blinken]"
    ]
    assert value_line("aliases", ["yes", "a, b", "x: y"]) == [
        "    aliases: ['yes', 'a, b', 'x: y']"
    ]
    assert value_line("related", []) == ["    related: []"]
    many = [f"entity-number-{n}" for n in range(8)]
    assert value_line("related", many) == ["    related:", *(f"      - {i}" for i in many)]
    assert value_line("aliases", ["The end.", "B"]) == [
        "    aliases:", "      - The end.", "      - B"
    ]
    assert value_line("aliases", ["tab\there"]) == ["    aliases:", '      - "tab\\there"']


def test_paragraph_lists_are_blocks_with_folded_items() -> None:
    text = render_draft(
        [DraftRecord("briefing", {"date": "2023", "title": "T", "body": ["Short.", SUMMARY]})]
    )
    assert text.endswith(
        "    body:\n"
        "      - Short.\n"
        "      - >-\n"
        "        Secretary of State Antony J. Blinken and Serbian President Aleksandar\n"
        "        Vučić discussed the urgent need to de-escalate tensions with Kosovo.\n"
    )


# -- comments ---------------------------------------------------------------------------------

HOSTILE = "a\nb:\r\nc\x85d\u2028e\u2029f\x1b[2Jg\u202eh\ufeffi\ufffej\x00k\tl" + " #" * 3


def test_nothing_in_a_comment_can_end_it() -> None:
    text = render_draft([DraftRecord("source", {"id": "s", "title": "T"}, HOSTILE)], header=HOSTILE)
    shown = "c<U+0085>d e f^[[2Jg<U+202E>h<U+FEFF>i<U+FFFE>j^@k l # # #"
    assert text == (
        f"# a\n# b:\n# {shown}\n\nformat: 1\n\nsources:\n"
        f"  # a b: {shown}\n  - id: s\n    title: T\n"
    )
    assert [r.data for r in read(text).records] == [{"id": "s", "title": "T"}]
    lone_return = render_draft([DraftRecord("source", {"id": "s", "title": "T"}, "a\rb")])
    assert "  # a^Mb\n" in lone_return


def test_long_comments_are_wrapped_and_keep_long_words_whole() -> None:
    words = "from article.txt:12: " + " ".join(["KFOR (Kosovo Force)"] * 20)
    url = "https://example.org/" + "x" * 150
    text = render_draft([DraftRecord("source", {"id": "s", "title": "T"}, f"{words} {url}")])
    comments = [line for line in text.splitlines() if line.startswith("  #")]
    assert len(comments) > 2
    assert all(len(line) <= COMMENT_WIDTH for line in comments[:-1])
    assert comments[-1] == "  # " + url
    assert " ".join(line[4:] for line in comments) == f"{words} {url}"


def test_empty_comments_and_headers_write_nothing() -> None:
    text = render_draft([DraftRecord("source", {"id": "s", "title": "T"}, " \n ")], header="\n\n")
    assert text == "format: 1\n\nsources:\n  - id: s\n    title: T\n"
    assert render_draft([]) == "format: 1\n"


# -- contract ---------------------------------------------------------------------------------


def test_unknown_kinds_fields_and_values_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown kind of record 'thing'"):
        render_draft([DraftRecord("thing", {})])
    with pytest.raises(ValueError, match="unknown field 'colour' for a source"):
        render_draft([DraftRecord("source", {"id": "s", "title": "T", "colour": "red"})])
    with pytest.raises(ValueError, match="expected text or a list of text for 'title'"):
        render_draft([DraftRecord("source", {"id": "s", "title": 3})])  # type: ignore[dict-item]
    with pytest.raises(ValueError, match="lone surrogate"):
        render_draft([DraftRecord("source", {"id": "s", "title": "a\ud800"})])


def test_a_value_that_would_not_read_back_is_written_on_one_line_in_double_quotes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import briefcli.authoring.draft

    monkeypatch.setattr(briefcli.authoring.draft, "_reads_back", lambda *args: False)
    data: dict[str, str | list[str]] = {
        "id": "s", "title": SUMMARY, "publisher": "one\ntwo", "url": "a: b",
    }
    text = render_draft([DraftRecord("source", data), DraftRecord("entity", {
        "id": "e", "name": "E", "aliases": ["x", "y"]})])
    assert f'    title: "{SUMMARY}"\n    publisher: "one\\ntwo"\n    url: \'a: b\'\n' in text
    assert "    aliases:\n      - x\n      - y\n" in text
    assert [r.data for r in read(text).records] == [
        {"id": "e", "name": "E", "aliases": ["x", "y"]}, data
    ]


def test_fields_come_in_the_format_order_whatever_the_order_given() -> None:
    text = render_draft([DraftRecord("source", {"url": "u", "title": "T", "id": "s"})])
    assert text.endswith("  - id: s\n    title: T\n    url: u\n")


# -- every value reads back exactly -----------------------------------------------------------

PIECES = [
    "yes", "No", "~", "null", "", " ", "  ", "- ", "-", "? ", ": ", ":", " #", "#", "'", '"',
    "\\", "\n", "\n\n", "\r\n", "\r", "\t", "\x00", "\x1b", "\x7f", "\x85", "\xa0", "\u2028",
    "\u2029", "\ufeff", "\u202e", "\ufffe", "\U0001f600", "1999", "1.10", "2023-11-11", "---",
    "...", "[a, b]", "{a: b}", "&x", "*x", "!x", "|", ">", "%", "@", "`", ",", "Vučić",
    "KFOR (Kosovo Force)", "supercalifragilisticexpialidocious" * 3,
]
word = st.one_of(st.sampled_from(PIECES), st.text(max_size=12))
texts = st.one_of(
    st.text(max_size=30),
    st.lists(word, max_size=12).map("".join),
    st.lists(word, min_size=12, max_size=30).map(" ".join),
)
required_texts = texts.filter(lambda t: t.strip() != "")
ids = st.one_of(
    st.sampled_from(["kfor", "1999", "yes", "null", "a.b_c-d", "vučić", "šta", "x-2"]),
    st.text("abcz019._-", min_size=1, max_size=12).filter(lambda t: t[0].isalnum()),
)
dates = st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}").flatmap(
    lambda d: st.sampled_from([d, d[:7], d[:4]])
)


@st.composite
def records(draw: st.DrawFn) -> DraftRecord:
    kind = draw(st.sampled_from(list(KINDS)))
    data: dict[str, str | list[str]] = {}
    for name, spec in KINDS[kind].fields.items():
        if name == "end":
            continue  # it must not come before the date; a plain date is tested anyway
        if not spec.required and name != "id" and draw(st.booleans()):
            continue
        if spec.type == DATE:
            data[name] = draw(dates)
        elif name == "id":
            data[name] = draw(ids)
        elif spec.type == TEXT:
            data[name] = draw(required_texts if spec.required else texts)
        elif spec.type == IDS:
            data[name] = draw(st.lists(ids, max_size=5))
        else:
            assert spec.type in (TEXTS, PARAGRAPHS)
            data[name] = draw(st.lists(texts, max_size=3))
    return DraftRecord(kind, data, draw(st.none() | texts))


def fixed(full: int) -> settings:
    return settings(
        derandomize=True, database=None, max_examples=examples(full), deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@fixed(250)
@given(st.lists(records(), max_size=4), st.none() | texts)
def test_every_draft_reads_back_as_exactly_its_records(
    given_records: list[DraftRecord], header: str | None
) -> None:
    text = render_draft(given_records, header)
    assert render_draft(given_records, header) == text  # the same bytes every time
    result = read(text)
    order = list(SECTIONS.values())
    expected = sorted(given_records, key=lambda r: order.index(r.kind))
    assert [(r.kind, r.data) for r in result.records] == [
        (r.kind, {**r.data, "id": got.id}) for r, got in zip(expected, result.records, strict=True)
    ]
    for record in expected:
        if "id" in record.data:
            assert record.data["id"] in {r.id for r in result.records}


@fixed(300)
@given(texts)
def test_any_text_reads_back_in_every_place_a_value_is_written(value: str) -> None:
    data: dict[str, Any] = {
        "date": "2023", "title": value if value.strip() else "T", "summary": value,
        "body": [value, value], "points": [value], "entities": [],
    }
    result = read(render_draft([DraftRecord("briefing", data)]))
    assert result.records[0].data == {"id": "2023", **data}
