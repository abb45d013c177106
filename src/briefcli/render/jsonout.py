"""The JSON renderer: one JSON document on stdout, for scripts (an array for queries).

Records are exported with `to_data()`, the fields as written in a knowledge file. The
text is kept exactly; only characters that could act on a terminal (DEL, C1 controls,
bidirectional controls) are written as `\\uXXXX` escapes, which JSON reads back the same.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from briefcli.knowledge.model import (
    Definition,
    FaqResult,
    Headwords,
    Listing,
    SearchResult,
    ShowResult,
    Timeline,
)
from briefcli.problems import Problem
from briefcli.render import Output
from briefcli.text import strip_marks

if TYPE_CHECKING:  # the checker is not imported to write an answer
    from briefcli.knowledge.checker import RecordRow

# json.dumps(ensure_ascii=False) already escapes C0 controls; these it writes as they are.
_ESCAPE = re.compile(
    "[\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\u2028\u2029\ufeff\ufffe\uffff]"
)


def quoted(text: str) -> str:
    """One string as JSON text (also a double-quoted YAML scalar), escaped as `dumps`."""
    return _ESCAPE.sub(
        lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False)
    )


def dumps(items: Any) -> str:
    """JSON text in which nothing can act on a terminal or break a line."""
    text = json.dumps(items, ensure_ascii=False, indent=2)
    return _ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class JsonRenderer:
    """Writes each answer as one JSON document to the output's stream, nothing else."""

    name = "json"

    def __init__(self, output: Output) -> None:
        self.stream = output.stream

    def _write(self, items: Any) -> None:
        self.stream.write(dumps(items) + "\n")
        self.stream.flush()

    def empty(self, view: str) -> None:
        self._write([])

    def show(self, result: ShowResult) -> None:
        briefings = result.listing or [page.briefing for page in result.pages]
        self._write([b.to_data() for b in briefings])

    def define(self, defs: list[Definition]) -> None:
        # A sense written in several files: the copies merged into it, as "Also in".
        self._write([
            {**d.entity.to_data(), "also_in": [
                {"id": e.id, "file": e.path, "line": e.line} for e in d.copies
            ]} if d.copies else d.entity.to_data()
            for d in defs
        ])

    def headwords(self, result: Headwords) -> None:
        self._write({"match": result.strategy, "terms": result.terms,
                     "headwords": result.words, "more": result.more})

    def timeline(self, result: Timeline) -> None:
        self._write([e.to_data() for e in result.events])

    def search(self, result: SearchResult) -> None:
        self._write(
            [
                {
                    "kind": hit.kind,
                    "id": hit.id,
                    "title": strip_marks(hit.title),
                    "snippet": strip_marks(hit.snippet),
                    "record": hit.record.to_data(),
                }
                for hit in result.hits
            ]
        )

    def listing(self, result: Listing) -> None:
        numbers = result.what == "tags"
        self._write([
            {
                c: int(v) if numbers and c == "records" else v
                for c, v in zip(result.columns, row, strict=True) if v
            }
            for row in result.rows
        ])

    def faq(self, result: FaqResult) -> None:
        self._write([f.to_data() for f in result.faqs])

    def check(self, problems: list[Problem]) -> None:
        self._write([p.as_dict() for p in problems])

    def export(self, records: list[RecordRow]) -> None:
        self.stream.write(export_json(records))
        self.stream.flush()


def export_json(records: list[RecordRow]) -> str:
    """The records as one JSON object with the same shape as a knowledge file."""
    from briefcli.render.export import document  # the rules, only for an export

    return dumps(document(records)) + "\n"
