"""Renderers: one per output format, registered by name.

The CLI picks one with `get_renderer(name, console)` and calls the method for its view;
core code returns records and never prints. Every renderer has the same methods:

    briefing(page: BriefingPage)
    briefing_list(briefings: list[Briefing], period: str)
    definitions(defs: list[Definition])
    timeline(events: list[Event], title: str)
    search(hits: list[SearchHit])
    problems(problems: list[Problem])
"""

from __future__ import annotations

from typing import Protocol

from rich.console import Console

from briefcli.model import Briefing, BriefingPage, Definition, Event, SearchHit
from briefcli.problems import BriefError, ExitCode, Problem
from briefcli.render.jsonout import JsonRenderer
from briefcli.render.markdown import MarkdownRenderer
from briefcli.render.terminal import TerminalRenderer, make_console


class Renderer(Protocol):
    def __init__(self, console: Console) -> None: ...
    def briefing(self, page: BriefingPage) -> None: ...
    def briefing_list(self, briefings: list[Briefing], period: str) -> None: ...
    def definitions(self, defs: list[Definition]) -> None: ...
    def timeline(self, events: list[Event], title: str) -> None: ...
    def search(self, hits: list[SearchHit]) -> None: ...
    def problems(self, problems: list[Problem]) -> None: ...


RENDERERS: dict[str, type] = {
    "terminal": TerminalRenderer,
    "json": JsonRenderer,
    "markdown": MarkdownRenderer,
}


def get_renderer(name: str, console: Console) -> Renderer:
    """The renderer registered as `name`, writing to `console`.

    An unknown name is a usage error (BriefError with ExitCode.USAGE) naming the known ones.
    """
    cls = RENDERERS.get(name)
    if cls is None:
        known = ", ".join(sorted(RENDERERS))
        raise BriefError(
            f"unknown output format {name!r}; expected one of: {known}", ExitCode.USAGE
        )
    return cls(console)


__all__ = [
    "RENDERERS",
    "JsonRenderer",
    "MarkdownRenderer",
    "Renderer",
    "TerminalRenderer",
    "get_renderer",
    "make_console",
]
