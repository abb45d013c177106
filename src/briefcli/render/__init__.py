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

from importlib import import_module
from typing import Any, Protocol

from rich.console import Console

from briefcli.model import Briefing, BriefingPage, Definition, Event, SearchHit
from briefcli.problems import BriefError, ExitCode, Problem
from briefcli.render.console import make_console


class Renderer(Protocol):
    def __init__(self, console: Console) -> None: ...
    def briefing(self, page: BriefingPage) -> None: ...
    def briefing_list(self, briefings: list[Briefing], period: str) -> None: ...
    def definitions(self, defs: list[Definition]) -> None: ...
    def timeline(self, events: list[Event], title: str) -> None: ...
    def search(self, hits: list[SearchHit]) -> None: ...
    def problems(self, problems: list[Problem]) -> None: ...


# Name -> "module:class"; a renderer's module is imported only when it is asked for.
RENDERERS: dict[str, str] = {
    "terminal": "briefcli.render.terminal:TerminalRenderer",
    "json": "briefcli.render.jsonout:JsonRenderer",
    "markdown": "briefcli.render.markdown:MarkdownRenderer",
}


def renderer_class(name: str) -> Any:
    """The class registered as `name`; an unknown name is a usage error naming the known."""
    target = RENDERERS.get(name)
    if target is None:
        known = ", ".join(sorted(RENDERERS))
        raise BriefError(
            f"unknown output format {name!r}; expected one of: {known}", ExitCode.USAGE
        )
    module, cls = target.split(":")
    return getattr(import_module(module), cls)


def get_renderer(name: str, console: Console) -> Renderer:
    """The renderer registered as `name`, writing to `console`."""
    return renderer_class(name)(console)


__all__ = [
    "RENDERERS",
    "Renderer",
    "get_renderer",
    "renderer_class",
    "make_console",
]
