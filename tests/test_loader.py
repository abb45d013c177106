"""Reading one knowledge file: `schema.parse_file` against exact records and problems."""

from __future__ import annotations

import json
import textwrap

import pytest

from briefcli.knowledge.checker import FileResult, Reference, parse_file
from briefcli.knowledge.model import SECTIONS
from briefcli.knowledge.yamlread import MAX_ALIAS_NODES, MAX_DEPTH
from briefcli.render.jsonout import export_json
from briefcli.render.yamlout import export_yaml


def parse(text: str | bytes) -> FileResult:
    data = text if isinstance(text, bytes) else textwrap.dedent(text).encode("utf-8")
    return parse_file(data, "f.yaml")


def problems(text: str | bytes) -> list[tuple[int, int, str]]:
    return [(p.line, p.col, p.code) for p in parse(text).problems]


def messages(text: str | bytes) -> list[str]:
    return [p.format() for p in parse(text).problems]


def data(text: str | bytes) -> list[dict]:
    result = parse(text)
    assert result.problems == []
    return [r.data for r in result.records]


# -- empty knowledge ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["", "\n", "# only a comment\n", "---\n", "--- # a marker\n...\n", "~\n",
             "format: 1\n", "format: 1\nentities:\nevents: []\n"],
)
def test_empty_knowledge(text: str) -> None:
    result = parse(text)
    assert (result.records, result.references, result.problems) == ([], [], [])


def test_byte_order_mark_is_dropped() -> None:
    assert data(b"\xef\xbb\xbfentities:\n  - id: a\n    name: A\n") == [{"id": "a", "name": "A"}]


def test_crlf_line_ends() -> None:
    text = b"format: 1\r\nentities:\r\n  - id: a\r\n    nam: A\r\n"
    assert problems(text) == [(3, 5, "missing"), (4, 5, "unknown-key")]


# -- the file ------------------------------------------------------------------------------


def test_format() -> None:
    assert problems("format: 1") == []
    assert problems("format: '1'") == []
    assert problems("format: 2") == [(1, 9, "format")]
    assert problems("format: [1]") == [(1, 9, "format")]
    assert problems("format: 1.0") == [(1, 9, "format")]
    assert messages("format: 2") == [
        "f.yaml:1:9: error: unsupported format version '2'; expected 1, the format this "
        "brief reads [format]"
    ]


def test_top_level() -> None:
    assert problems("- a\n- b\n") == [(1, 1, "top-level")]
    assert problems("just text\n") == [(1, 1, "top-level")]
    assert messages("[]") == [
        "f.yaml:1:1: error: expected a mapping with keys format, entities, events, faqs, "
        "briefings, sources, found a list [top-level]"
    ]


def test_long_values_are_shortened_in_messages() -> None:
    (message,) = messages("entities: " + "x" * 500)
    assert "found '" + "x" * 57 + "'…" in message


def test_a_file_of_plain_text_is_not_quoted_in_messages() -> None:
    (message,) = messages("ghp_0123456789abcdefSECRET\n")
    assert "ghp_" not in message
    assert message.endswith("found text, not YAML mappings [top-level]")


def test_unknown_top_level_key() -> None:
    assert messages("format: 1\nentitys: []\n") == [
        "f.yaml:2:1: error: unknown top-level key 'entitys' (did you mean 'entities'?); "
        "expected one of format, entities, events, faqs, briefings, sources [unknown-key]"
    ]


def test_sections_and_items() -> None:
    assert problems("entities: {id: a}\n") == [(1, 11, "type")]
    assert problems("entities: a\n") == [(1, 11, "type")]
    assert problems("entities:\n  - a\n  - [b]\n  - {id: c, name: C}\n") == [
        (2, 5, "type"), (3, 5, "type"),
    ]
    assert messages("events: [x]") == [
        "f.yaml:1:10: error: expected an event as a mapping of fields, found 'x' [type]"
    ]


# -- records -------------------------------------------------------------------------------


def test_every_problem_of_a_file_is_listed_in_order() -> None:
    text = """\
        format: 1
        entities:
          - id: a
          - id: b c
            name: B
          - name: C
            id: c
            related: [a, "x y"]
            colour: red
        events:
          - id: e
            date: 2023-02-30
            title: T
            entites: [a]
        faqs:
          - answer: no question
        """
    assert problems(text) == [
        (3, 5, "missing"),
        (4, 9, "id"),
        (8, 18, "id"),
        (9, 5, "unknown-key"),
        (12, 11, "date"),
        (14, 5, "unknown-key"),
        (16, 5, "missing"),
    ]


def test_missing_and_unknown_key_messages() -> None:
    text = """\
        events:
          - id: e
            date: 1999
            entites: [a]
        """
    assert messages(text) == [
        "f.yaml:2:5: error: an event needs 'title', found none [missing]",
        "f.yaml:4:5: error: unknown key 'entites' in an event (did you mean 'entities'?) "
        "[unknown-key]",
    ]


def test_empty_values_are_absent_and_required_ones_missing() -> None:
    assert data("entities:\n  - id: a\n    name: A\n    summary:\n    aliases: ~\n") == [
        {"id": "a", "name": "A"}
    ]
    assert problems("entities:\n  - id: a\n    name:\n") == [(2, 5, "missing")]
    assert problems("entities:\n  - id: a\n    name: ''\n") == [(3, 11, "missing")]
    assert problems("entities:\n  - id: a\n    name: '  '\n") == [(3, 11, "missing")]
    assert problems("entities:\n  - id: ''\n    name: A\n") == [(2, 9, "id")]


def test_types() -> None:
    head = "entities:\n  - id: a\n    name: A\n"
    assert problems(head + "    aliases: 5\n") == [(4, 14, "type")]
    assert problems(head + "    aliases: {b: c}\n") == [(4, 14, "type")]
    assert problems(head + "    aliases: [[b]]\n") == [(4, 15, "type")]
    assert problems(head + "    summary: [b]\n") == [(4, 14, "type")]
    assert problems(head + "    related: a\n") == [(4, 14, "type")]
    assert messages(head + "    aliases: 1999\n") == [
        "f.yaml:4:14: error: expected a list for 'aliases' of an entity, found '1999' [type]"
    ]
    assert messages(head + "    summary:\n      a: b\n") == [
        "f.yaml:5:7: error: expected text for 'summary' of an entity, found a mapping [type]"
    ]


def test_null_in_a_list_is_a_type_problem() -> None:
    text = "entities:\n  - id: a\n    name: A\n    aliases: [yes, no, on, off, ~]\n"
    assert messages(text) == [
        "f.yaml:4:33: error: expected text items in 'aliases' of an entity, found '~', "
        "which YAML reads as no value (quote it to mean that text) [type]"
    ]
    assert problems("entities:\n  - id: a\n    name: A\n    tags:\n      - x\n      -\n") == [
        (6, 8, "type")
    ]
    quoted = "entities:\n  - id: a\n    name: A\n    aliases: [yes, no, on, off, '~', '']\n"
    assert data(quoted)[0]["aliases"] == ["yes", "no", "on", "off", "~", ""]


def test_ids() -> None:
    head = "entities:\n  - name: A\n    id: "
    for good in ("kfor", "north-atlantic-council", "2023-11-11", "nato.kfor", "a_b", "0x1F",
                 "vučić", "vuc\u030cic\u0301"):
        assert problems(head + good + "\n") == [], good
    for bad in ("two words", "'a\\tb'", '"a\\x1bb"', '"a\\u202eb"', "a/b", "'[bold]'", "a:b"):
        assert problems(head + bad + "\n") == [(3, 9, "id")], bad
    assert messages(head + "a/b\n") == [
        "f.yaml:3:9: error: bad id of an entity: expected an id made of letters, digits, "
        "'-', '_' and '.', found 'a/b' [id]"
    ]
    assert messages("entities:\n  - id: a\n    name: A\n    related: [b, c d]\n") == [
        "f.yaml:4:18: error: bad id in 'related' of an entity: expected an id made of "
        "letters, digits, '-', '_' and '.', found 'c d' [id]"
    ]


# -- scalars stay text -------------------------------------------------------------------


def test_scalars_stay_text() -> None:
    text = """\
        entities:
          - id: 0x1F
            name: 1999
            acronym: NO
            aliases: [yes, no, on, off, 1e3, .inf, 0o17, 1_000, null-ish]
            role: 1.10
            kind: 2023-11-11
            summary: 12:30
            description: !!str 0x10
            tags: [!!int 5, !!bool yes, !!null '', '~', "null"]
        """
    assert data(text) == [{
        "id": "0x1F", "name": "1999", "acronym": "NO",
        "aliases": ["yes", "no", "on", "off", "1e3", ".inf", "0o17", "1_000", "null-ish"],
        "role": "1.10", "kind": "2023-11-11", "summary": "12:30", "description": "0x10",
        "tags": ["5", "yes", "", "~", "null"],
    }]


def test_dates_keep_their_precision() -> None:
    text = """\
        events:
          - {id: y, date: 1999, title: Year}
          - {id: m, date: 2023-09, title: Month}
          - {id: d, date: 2023-09-24, title: Day, end: 2023-10}
          - {id: l, date: 2024-02-29, title: Leap}
        """
    result = parse(text)
    assert result.problems == []
    assert [(r.id, r.data["date"], r.sort_key, r.end_key) for r in result.records] == [
        ("y", "1999", 19990000, 19999999),
        ("m", "2023-09", 20230900, 20230999),
        ("d", "2023-09-24", 20230924, 20231099),
        ("l", "2024-02-29", 20240229, 20240229),
    ]


def test_bad_dates() -> None:
    head = "events:\n  - id: e\n    title: T\n    date: "
    for bad in ("2023-02-30", "2023-13", "99", "1999-1-1", "24 September 2023", "'1999 '",
                "2023-02-29"):
        assert problems(head + bad + "\n") == [(4, 11, "date")], bad
    assert problems(head + "[1999]\n") == [(4, 11, "type")]
    assert messages(head + "2023-02-30\n") == [
        "f.yaml:4:11: error: bad date for 'date' of an event: '2023-02-30' is not a real "
        "date: February 2023 has 28 days [date]"
    ]
    assert messages(head + "2023-09-24\n    end: 2023-08\n") == [
        "f.yaml:2:5: error: expected the end of an event on or after its date 2023-09-24, "
        "found the end 2023-08 [date]"
    ]
    assert problems(head + "2023-09-24\n    end: 2023-09\n") == []


# -- derived ids, references, paragraphs -----------------------------------------------------


def test_derived_ids() -> None:
    text = """\
        faqs:
          - question: What is KFOR?
            answer: A force.
          - question: Qu'est-ce que le dialogue facilité par l'UE ?
            answer: Un processus.
          - id: own
            question: Q
            answer: A
        briefings:
          - date: 2023-11-11
            title: T
          - date: 2023
            title: T
        """
    result = parse(text)
    assert result.problems == []
    assert [(r.kind, r.id, r.data["id"]) for r in result.records] == [
        ("faq", "faq-what-is-kfor", "faq-what-is-kfor"),
        ("faq", "faq-qu-est-ce-que-le-dialogue-facilite-par-l-ue",
         "faq-qu-est-ce-que-le-dialogue-facilite-par-l-ue"),
        ("faq", "own", "own"),
        ("briefing", "2023-11-11", "2023-11-11"),
        ("briefing", "2023", "2023"),
    ]


def test_a_faq_id_needs_something_to_derive_from() -> None:
    assert messages("faqs:\n  - question: Шта је ЕУЛЕКС?\n    answer: Мисија.\n") == [
        "f.yaml:2:5: error: cannot derive an id from the question 'Шта је ЕУЛЕКС?': expected "
        "ASCII letters or digits in it, or an 'id' for the FAQ [id]"
    ]
    assert data("faqs:\n  - {id: eulex, question: Шта је ЕУЛЕКС?, answer: Мисија.}\n") == [
        {"id": "eulex", "question": "Шта је ЕУЛЕКС?", "answer": "Мисија."}
    ]


def test_references_are_collected_with_their_place() -> None:
    text = """\
        entities:
          - id: a
            name: A
            related: [b]
            sources:
              - s
        """
    assert parse(text).references == [
        Reference("entity", "a", "related", "entity", "b", 4, 15),
        Reference("entity", "a", "sources", "source", "s", 6, 9),
    ]


def test_body_as_one_text_is_split_into_paragraphs() -> None:
    text = "briefings:\n  - date: 2023\n    title: T\n    body: |\n      First\n" \
           "      paragraph.\n      \n\n      Second   paragraph.\n\n\n      Third.\n"
    assert data(text)[0]["body"] == ["First paragraph.", "Second paragraph.", "Third."]
    listed = "briefings:\n  - date: 2023\n    title: T\n    body:\n      - One\n      - Two\n"
    assert data(listed)[0]["body"] == ["One", "Two"]


# -- YAML features and limits ---------------------------------------------------------------


def test_merge_keys() -> None:
    text = """\
        entities:
          - &base
            id: a
            name: A
            tags: [x]
          - <<: *base
            id: b
          - <<: [{kind: k, name: First}, *base]
            id: c
          - <<: []
            id: d
            name: D
        """
    assert data(text) == [
        {"id": "a", "name": "A", "tags": ["x"]},
        {"id": "b", "name": "A", "tags": ["x"]},
        {"id": "c", "kind": "k", "name": "First", "tags": ["x"]},
        {"id": "d", "name": "D"},
    ]
    assert problems("entities:\n  - <<: [a]\n    id: a\n    name: A\n") == [(2, 10, "merge")]


def test_quoted_merge_key_is_an_ordinary_key() -> None:
    assert problems("entities:\n  - '<<': {}\n    id: a\n    name: A\n") == [
        (2, 5, "unknown-key")
    ]


def test_duplicate_keys() -> None:
    assert messages("format: 1\nentities: []\nformat: 1\n") == [
        "f.yaml:3:1: error: duplicate key 'format': first at line 1, again at line 3; "
        "expected each key once in a mapping [duplicate-key]"
    ]
    assert problems("entities:\n  - {id: a, name: A, 'id': b}\n") == [(2, 22, "duplicate-key")]


def test_tags() -> None:
    assert problems("format: !!python/object/apply:os.system [ls]\n") == [(1, 9, "tag")]
    assert problems("format: !!python/object:builtins.dict {}\n") == [(1, 9, "tag")]
    assert problems("format: !local 1\n") == [(1, 9, "tag")]
    assert problems("format: !!binary aGk=\n") == [(1, 9, "tag")]
    assert problems("format: !!timestamp 2001-12-14\n") == [(1, 9, "tag")]
    assert problems("%TAG !p! tag:yaml.org,2002:python/\n---\nformat: !p!name:os.system\n") == [
        (3, 9, "tag")
    ]
    assert problems("format: ! 1\nentities: !!seq []\nevents: ! []\n") == []
    assert messages("format: !!python/name:os.system\n") == [
        "f.yaml:1:9: error: tag !!python/name:os.system is not allowed; knowledge files hold "
        "plain text, lists and mappings (only the standard tags !!str, !!int, !!float, "
        "!!bool, !!null, !!map and !!seq are accepted) [tag]"
    ]


def test_aliases() -> None:
    assert data("entities:\n  - {id: a, name: &n A, acronym: *n}\n") == [
        {"id": "a", "name": "A", "acronym": "A"}
    ]
    assert problems("entities: *x\n") == [(1, 11, "alias")]
    assert problems("entities: &x [*x]\n") == [(1, 15, "alias")]
    assert problems("entities: &x {a: *x}\n") == [(1, 18, "alias")]


def test_alias_budget() -> None:
    ten = "[" + ", ".join(["x"] * 10) + "]"
    under = f"a: &a {ten}\nb: [" + ", ".join(["*a"] * (MAX_ALIAS_NODES // 11 - 1)) + "]\n"
    assert all(code != "alias-bomb" for _, _, code in problems(under))
    over = f"a: &a {ten}\nb: [" + ", ".join(["*a"] * (MAX_ALIAS_NODES // 11 + 1)) + "]\n"
    assert [code for _, _, code in problems(over)] == ["alias-bomb"]


def test_depth_limit() -> None:
    def nested(levels: int) -> str:
        return "entities: " + "[" * (levels - 1) + "]" * (levels - 1) + "\n"

    assert [c for _, _, c in problems(nested(MAX_DEPTH))] == ["type"]  # deep but allowed
    assert problems(nested(MAX_DEPTH + 1)) == [(1, 10 + MAX_DEPTH, "too-deep")]


def test_documents() -> None:
    assert problems("format: 1\n---\nformat: 1\n") == [(2, 1, "documents")]
    assert problems("---\nformat: 1\n...\n") == []


def test_key_types() -> None:
    assert problems("? [a]\n: b\n") == [(1, 3, "key-type")]
    assert problems("{a: 1}: b\n") == [(1, 1, "key-type")]
    assert problems("1: a\n") == [(1, 1, "unknown-key")]


# -- encodings and characters -------------------------------------------------------------------


def test_encoding() -> None:
    assert messages(b"format: 1\nentities:\n  - id: a\n    name: Caf\xe9\n") == [
        "f.yaml:4:14: error: expected UTF-8 text, found byte 0xe9 [encoding]"
    ]
    # the column counts characters, not bytes
    assert problems("name: Vučić \udcff".encode("utf-8", "surrogateescape")) == [
        (1, 13, "encoding")
    ]
    assert problems(b"\xef\xbb\xbfa: \xff") == [(1, 4, "encoding")]
    assert problems(b"\xed\xa0\x80") == [(1, 1, "encoding")]  # an encoded surrogate
    assert problems("format: 1\n".encode("utf-16")) == [(1, 1, "encoding")]


def test_raw_control_characters() -> None:
    assert messages(b"format: 1\nentities:\n  - id: a\n    name: x\x07y\n") == [
        "f.yaml:4:12: error: found the character U+0007, which YAML does not allow written "
        "as it is; expected printable text (inside double quotes it may be written "
        "\\u0007) [control-char]"
    ]
    for raw in ("\x00", "\x1b", "\x7f", "\x9b", "\ufffe"):
        assert problems("éé: ô" + raw) == [(1, 6, "control-char")], repr(raw)


def test_escaped_control_characters_are_kept() -> None:
    text = 'entities:\n  - id: a\n    name: "Evil \\e]0;x\\a \\u202e [bold] :smile:"\n'
    assert data(text)[0]["name"] == "Evil \x1b]0;x\x07 \u202e [bold] :smile:"


def test_syntax_errors() -> None:
    assert messages("format: 1\nentities: [\n") == [
        "f.yaml:3:1: error: invalid YAML: did not find expected node content (while parsing "
        "a flow node started at line 3, column 1) [syntax]"
    ]
    assert problems("a: b: c\n") == [(1, 5, "syntax")]
    assert problems('a: "b\n') == [(2, 1, "syntax")]
    assert problems("a:\n  - b\n c: d\n") == [(3, 2, "syntax")]
    assert problems("a: b\n\tc: d\n") == [(2, 1, "syntax")]


# -- export ----------------------------------------------------------------------------------


KNOWLEDGE = """\
    sources:
      - {id: s, title: "Source: a title", url: "https://example.org/?a=1&b=2"}
    briefings:
      - date: 2023-11-11
        title: NO
        body: |
          One.

          Two.
        sources: [s]
    entities:
      - id: 0x1F
        name: 1999
        acronym: "~"
        aliases: [yes, "", " padded ", "line\\nbreak", "Evil \\e[31m \\u202e"]
    events:
      - {id: e, date: 1999, title: "null", end: 2001}
    faqs:
      - question: What is KFOR?
        answer: "# not a comment"
    """


def test_export_yaml_reads_back_as_the_same_records() -> None:
    result = parse(KNOWLEDGE)
    assert result.problems == []
    exported = export_yaml(result.records)
    assert exported.startswith("format: 1\nentities:\n")
    again = parse_file(exported.encode("utf-8"), "again.yaml")
    assert again.problems == []
    order = list(SECTIONS.values())
    records = sorted(result.records, key=lambda r: order.index(r.kind))  # sections in order
    assert [(r.kind, r.id, r.data, r.sort_key, r.end_key) for r in again.records] == [
        (r.kind, r.id, r.data, r.sort_key, r.end_key) for r in records
    ]
    assert export_yaml(again.records) == exported


def test_export_yaml_writes_fields_in_schema_order() -> None:
    exported = export_yaml(parse("events:\n  - {title: T, date: 1999, id: e}\n").records)
    assert exported == 'format: 1\nevents:\n- id: "e"\n  date: "1999"\n  title: "T"\n'
    assert export_yaml([]) == "format: 1\n"


def test_export_json() -> None:
    result = parse(KNOWLEDGE)
    document = json.loads(export_json(result.records))
    assert list(document) == ["format", "entities", "events", "faqs", "briefings", "sources"]
    assert document["entities"][0]["aliases"][-1] == "Evil \x1b[31m \u202e"
    assert "\u202e" not in export_json(result.records)
    assert document["faqs"] == [
        {"id": "faq-what-is-kfor", "question": "What is KFOR?", "answer": "# not a comment"}
    ]


def test_export_yaml_escapes_what_could_act_on_a_terminal() -> None:
    text = (
        'entities:\n  - id: x\n    name: "pay\\u200bpal \\u202eevil\\u202c \\u2028 end"\n'
    )
    result = parse_file(text.encode(), "in.yaml")
    exported = export_yaml(result.records)
    for raw in ("\u200b", "\u202e", "\u202c", "\u2028"):
        assert raw not in exported
    assert "\\u200b" in exported and "\\u202e" in exported
    again = parse_file(exported.encode(), "out.yaml")
    assert again.records[0].data == result.records[0].data
