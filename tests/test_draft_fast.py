"""The draft writer's shortcuts decide as PyYAML decides.

`draft._simple` text is written plain without asking PyYAML's emitter, and
`draft._looks_typed` answers letter-led text without PyYAML's resolver: both are held
equal to what PyYAML says, on text built from the characters that matter to YAML.
"""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st
from yaml.emitter import Emitter
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from briefcli.authoring import draft
from conftest import examples, fixed_settings

YAML_TEXT = st.text(
    alphabet=st.sampled_from(list("aZy0 .-/()'\",:#?[]{}&*!|>%@`~<=+_eEoxnNuUlLsSfF\t\n")),
    max_size=12,
) | st.sampled_from(
    ["yes", "No", "TRUE", "off", "On", "null", "NULL", "~", "1e5", "0x1F", ".inf", "2001-01-02",
     "a - b", "a: b", "a #b", "Yes it is", "nullable", "0o17", "<<", "="]
)


def _emitter(text: str):  # type: ignore[no-untyped-def]
    return Emitter(io.StringIO(), allow_unicode=True).analyze_scalar(text)


def _resolver_typed(text: str) -> bool:
    tag = Resolver().resolve(ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return tag != "tag:yaml.org,2002:str" or draft._CORE_NUMBER.fullmatch(text) is not None


@fixed_settings(examples(1000))
@given(YAML_TEXT)
def test_simple_text_is_plain_to_the_emitter(text: str) -> None:
    if draft._simple(text):
        analysis = _emitter(text)
        assert analysis.allow_block_plain and analysis.allow_flow_plain
        assert analysis.allow_single_quoted and not analysis.empty
        assert draft._ESCAPED.search(text) is None


@fixed_settings(examples(1000))
@given(YAML_TEXT)
def test_looks_typed_agrees_with_the_resolver(text: str) -> None:
    assert draft._looks_typed(text) == _resolver_typed(text)


def test_simple_text_covers_a_glossary_name() -> None:
    assert draft._simple("Transmission Control Protocol (TCP/IP)")
    assert not draft._simple("a: b") and not draft._simple(" a") and not draft._simple("a  b")
