"""Everything a command reads from its surroundings, in one value tests can replace."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO


class Environment:
    """Streams and environment variables; the defaults are the process's own."""

    def __init__(
        self,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
        environ: dict[str, str] | None = None,
    ) -> None:
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self.environ = dict(os.environ) if environ is None else environ

    def color(self, stream: TextIO) -> bool:
        """Colour only for a terminal, and never when NO_COLOR is set (FORCE_COLOR wins)."""
        if self.environ.get("FORCE_COLOR"):
            return True
        if self.environ.get("NO_COLOR") or self.environ.get("TERM") == "dumb":
            return False
        isatty = getattr(stream, "isatty", None)
        return bool(isatty and isatty())

    def width(self) -> int | None:
        columns = self.environ.get("COLUMNS", "")
        return int(columns) if columns.isdigit() and int(columns) > 0 else None

    def cache_dir(self) -> Path:
        """BRIEF_CACHE_DIR, else the platform's cache folder for brief."""
        configured = self.environ.get("BRIEF_CACHE_DIR")
        if configured:
            return Path(configured)
        if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
            # The XDG rule, as platformdirs applies it; importing platformdirs costs
            # about 6 ms a call here, a tenth of brief's own start-up.
            base = self.environ.get("XDG_CACHE_HOME", "").strip()
            return Path(base if os.path.isabs(base) else Path.home() / ".cache") / "brief"
        from platformdirs import user_cache_dir

        return Path(user_cache_dir("brief", appauthor=False))
