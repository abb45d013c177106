"""`brief schema`: a JSON Schema that accepts what `brief check` accepts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from briefcli.knowledge.checker import parse_file
from briefcli.knowledge.schema import json_schema
from briefcli.knowledge.sources import bundled_data
from briefcli.knowledge.yamlread import Mapping, Node, Scalar, read_yaml
from conftest import FIXTURES

jsonschema = pytest.importorskip("jsonschema")

GOOD_FILES = sorted(bundled_data().glob("*.yaml")) + sorted((FIXTURES / "good").glob("*.y*ml"))
INVALID = ["unknown_key.yaml", "missing_field.yaml", "wrong_type.yaml", "format_2.yaml",
           "top_level_list.yaml", "top_level_text.yaml"]


def plain(node: Node | None) -> Any:
    """A document as an editor's YAML language server sees it: every scalar text, except
    the plain null scalars (brief's own reader, so the test sees what `check` sees)."""
    if node is None:
        return None
    if isinstance(node, Scalar):
        return None if node.is_null else node.value
    if isinstance(node, Mapping):
        return {k.value: plain(v) for k, v in node.items}  # type: ignore[union-attr]
    return [plain(item) for item in node.items]


def load(path: Path) -> Any:
    document = read_yaml(path.read_text(encoding="utf-8"), str(path))
    assert document.problems == []
    return plain(document.root)


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_command_prints_the_schema(brief) -> None:
    r = brief("schema")
    assert r.code == 0
    assert json.loads(r.stdout) == json_schema()


@pytest.mark.parametrize("path", GOOD_FILES, ids=lambda p: p.name)
def test_every_bundled_and_good_file_is_valid(validator: Any, path: Path) -> None:
    assert parse_file(path.read_bytes(), str(path)).problems == []
    errors = [e.message for e in validator.iter_errors(load(path))]
    assert errors == []


@pytest.mark.parametrize("name", INVALID)
def test_files_check_refuses_are_refused(validator: Any, name: str) -> None:
    path = FIXTURES / "hostile" / name
    assert parse_file(path.read_bytes(), str(path)).problems  # check refuses it
    assert list(validator.iter_errors(load(path)))


@pytest.mark.parametrize(
    ("record", "field"),
    [
        ({"id": "bad id!", "name": "X"}, "id"),
        ({"id": "x", "name": ""}, "name"),
        ({"id": "x", "name": "X", "related": ["a b"]}, "related"),
        ({"id": "x", "name": "X", "aliases": "one"}, "aliases"),
        ({"id": "x"}, None),
    ],
)
def test_rules_of_fields_are_in_the_schema(validator: Any, record: dict, field: str) -> None:
    errors = list(validator.iter_errors({"format": "1", "entities": [record]}))
    assert errors
    if field:
        assert field in errors[0].json_path


@pytest.mark.parametrize("date", ["2023", "2023-11", "2023-11-11"])
def test_dates_at_every_precision_are_valid(validator: Any, date: str) -> None:
    event = {"id": "e", "date": date, "title": "T"}
    assert not list(validator.iter_errors({"events": [event]}))


@pytest.mark.parametrize("date", ["23-11-11", "2023-13", "2023-11-32", "11/11/2023", "2023-1"])
def test_malformed_dates_are_refused(validator: Any, date: str) -> None:
    event = {"id": "e", "date": date, "title": "T"}
    assert list(validator.iter_errors({"events": [event]}))


def test_the_length_limits_are_in_the_schema(validator: Any) -> None:
    assert list(validator.iter_errors({"entities": [{"id": "x", "name": "x" * 100_001}]}))
    assert list(validator.iter_errors(
        {"entities": [{"id": "x", "name": "X", "aliases": ["a"] * 10_001}]}
    ))
