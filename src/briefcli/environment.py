"""Everything a command reads from its surroundings, in one value tests can replace."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO


@dataclass
class Environment:
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    environ: dict[str, str] = field(default_factory=lambda: dict(os.environ))

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
        from platformdirs import user_cache_dir

        return Path(user_cache_dir("brief", appauthor=False))
