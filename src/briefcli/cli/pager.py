"""The pager: an answer taller than the terminal is shown through `less`, as git does.

Only when standard output is a terminal, and not with `--no-pager`. The command is
BRIEF_PAGER, else PAGER, else `less -R` (which keeps the colours); an empty BRIEF_PAGER
turns paging off. `LESS` defaults to `FRX`, as git sets it: quit at once if the text
fits after all, keep colours, leave the text on the screen. The answer is rendered into
a buffer first (it is written at the end either way), so the pager sees whole lines.
"""

from __future__ import annotations

import io
import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import TextIO

DEFAULT = "less -R"


def pager_command(
    environ: Mapping[str, str], configured: str | bool | None = None
) -> list[str] | None:
    """The pager to run, as an argument list, or None when paging is turned off.

    `configured` is the configuration file's `pager` (a command, or False for none):
    it comes after BRIEF_PAGER and PAGER."""
    # An empty BRIEF_PAGER turns paging off; an empty PAGER means the default.
    if "BRIEF_PAGER" in environ:
        text = environ["BRIEF_PAGER"]
    elif environ.get("PAGER"):
        text = environ["PAGER"]
    elif configured is False:
        return None
    else:
        text = configured if isinstance(configured, str) else DEFAULT
    import shlex  # only for a terminal: a lookup in a pipe does not pay for it

    try:
        argv = shlex.split(text)
    except ValueError:
        argv = []
    if not argv or argv[0] == "cat":
        return None
    return argv


def screen_height(stream: TextIO) -> int | None:
    """The terminal's height in lines, or None when the stream is not a terminal."""
    try:
        if not stream.isatty():
            return None
        return os.get_terminal_size(stream.fileno()).lines or None
    except (OSError, ValueError, AttributeError):
        return None


class Paged(io.StringIO):
    """A buffer that stands in for a terminal: on `finish()` its text goes to the pager
    when it is taller than the screen, else straight to the terminal."""

    def __init__(self, stream: TextIO, argv: list[str], height: int,
                 environ: Mapping[str, str]) -> None:
        super().__init__()
        self.stream = stream
        self.argv = argv
        self.height = height
        self.environ = environ

    def isatty(self) -> bool:
        return True  # it is shown in a terminal, one way or the other

    def fileno(self) -> int:
        return self.stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return str(getattr(self.stream, "encoding", None) or "utf-8")

    def finish(self) -> None:
        text = self.getvalue()
        self.seek(0)
        self.truncate()
        if not text:
            return
        if text.count("\n") < self.height or not self._page(text):
            self.stream.write(text)
            self.stream.flush()

    def _page(self, text: str) -> bool:
        """Show `text` through the pager; False when the pager cannot be started."""
        import subprocess  # only when paging: a lookup does not pay for it

        env = dict(self.environ)
        env.setdefault("LESS", "FRX")
        env.setdefault("LV", "-c")
        try:
            self.stream.flush()
            process = subprocess.Popen(self.argv, stdin=subprocess.PIPE, env=env)
        except OSError:
            return False
        assert process.stdin is not None
        try:
            process.stdin.write(text.encode(self.encoding, "replace"))
            process.stdin.close()
        except BrokenPipeError:  # the reader quit before the end: that is fine
            pass
        while True:
            try:
                process.wait()
                break
            except KeyboardInterrupt:  # Ctrl-C belongs to the pager (less ignores it)
                continue
        return True


def paged(
    stream: TextIO, environ: Mapping[str, str], enabled: bool,
    configured: str | bool | None = None,
) -> Paged | None:
    """A pager buffer for `stream`, or None when the answer should go straight to it."""
    if not enabled:
        return None
    height = screen_height(stream)
    if height is None:
        return None
    argv = pager_command(environ, configured)
    if argv is None:
        return None
    return Paged(stream, argv, height, environ)
