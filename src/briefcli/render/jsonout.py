"""The JSON renderer: one JSON array on stdout, for scripts.

Records are exported with `to_data()`, the fields as written in a knowledge file. The
text is kept exactly; only characters that could act on a terminal (DEL, C1 controls,
bidirectional controls) are written as `\\uXXXX` escapes, which JSON reads back the same.
"""

from __future__ import annotations

import json
import re
from typing import Any

from rich.console import Console

from briefcli.model import Briefing, BriefingPage, Definition, Event, SearchHit
from briefcli.problems import Problem
from briefcli.text import strip_marks

# json.dumps(ensure_ascii=False) already escapes C0 controls; these it writes as they are.
_ESCAPE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def dumps(items: Any) -> str:
    """JSON text in which nothing can act on a terminal or break a line."""
    text = json.dumps(items, ensure_ascii=False, indent=2)
    return _ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class JsonRenderer:
    """Writes each result as a JSON array to the console's file, nothing else."""

    name = "json"

    def __init__(self, console: Console) -> None:
        self.console = console

    def _write(self, items: list[Any]) -> None:
        file = self.console.file
        file.write(dumps(items) + "\n")
        file.flush()

    def briefing(self, page: BriefingPage) -> None:
        self._write([page.briefing.to_data()])

    def briefing_list(self, briefings: list[Briefing], period: str) -> None:
        self._write([b.to_data() for b in briefings])

    def definitions(self, defs: list[Definition]) -> None:
        self._write([d.entity.to_data() for d in defs])

    def timeline(self, events: list[Event], title: str) -> None:
        self._write([e.to_data() for e in events])

    def search(self, hits: list[SearchHit]) -> None:
        self._write(
            [
                {
                    "kind": hit.kind,
                    "id": hit.id,
                    "title": strip_marks(hit.title),
                    "snippet": strip_marks(hit.snippet),
                    "record": hit.record.to_data(),
                }
                for hit in hits
            ]
        )

    def problems(self, problems: list[Problem]) -> None:
        self._write([p.as_dict() for p in problems])
