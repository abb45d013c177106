"""The Rich console every renderer writes to."""

from __future__ import annotations

from typing import IO

from rich.console import Console


def make_console(file: IO[str] | None, *, color: bool, width: int | None = None) -> Console:
    """A console for `brief`: colour and escape codes only when `color` is true.

    Highlighting, markup and emoji are off: renderers pass `Text` built from data, and
    nothing printed as a plain string is ever interpreted either.
    """
    return Console(
        file=file,
        width=width,
        no_color=not color,
        force_terminal=color if color else False,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )
