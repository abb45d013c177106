"""Everything a command reads from its surroundings, in one value tests can replace.

`main()` takes an Environment; commands get it from their context, and the renderers
get what they need of it (stream, colour, width, variables) in an `Output`. Nothing
else reads `os.environ`, the current folder or the standard streams.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from briefcli.cli.config import Config


class Environment:
    """Streams, environment variables and the current folder; by default the process's."""

    def __init__(
        self,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
        environ: Mapping[str, str] | None = None,
        cwd: str | None = None,
    ) -> None:
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self.environ: dict[str, str] = dict(os.environ if environ is None else environ)
        self._cwd = cwd
        self._config: Config | None = None

    @property
    def config(self) -> Config:
        """The configuration file's settings (`cli.config`), read once; ConfigError when
        the file cannot be used."""
        if self._config is None:
            from briefcli.cli.config import load_config

            self._config = load_config(self.environ, self.cwd)
        return self._config

    @property
    def cwd(self) -> str | None:
        """The current folder, or None when it no longer exists."""
        if self._cwd is None:
            try:
                self._cwd = os.getcwd()
            except OSError:
                return None
        return self._cwd

    def isatty(self, stream: TextIO) -> bool:
        isatty = getattr(stream, "isatty", None)
        try:
            return bool(isatty and isatty())
        except ValueError:  # a closed stream
            return False

    def color(self, stream: TextIO) -> bool:
        """Colour only for a terminal, and never when NO_COLOR is set (FORCE_COLOR wins);
        the configuration's `color` comes after those two."""
        if self.environ.get("FORCE_COLOR"):
            return True
        if self.environ.get("NO_COLOR"):
            return False
        configured = self.config.color
        if configured in ("always", "never"):
            return configured == "always"
        if self.environ.get("TERM") == "dumb":
            return False
        return self.isatty(stream)

    def choose_color(self, choice: str) -> None:
        """Apply `--color`: "always" forces colour, "never" turns it off, "auto" leaves
        it to the stream and NO_COLOR / FORCE_COLOR."""
        if choice == "always":
            self.environ = {**self.environ, "FORCE_COLOR": "1"}
        elif choice == "never":
            self.environ = {k: v for k, v in self.environ.items() if k != "FORCE_COLOR"}
            self.environ["NO_COLOR"] = "1"

    def strict(self, asked: bool) -> bool:
        """`--strict`, or BRIEF_STRICT set to anything but empty or 0."""
        return asked or self.environ.get("BRIEF_STRICT", "") not in ("", "0")

    def width(self) -> int | None:
        """COLUMNS when it is a sane width (20 to 1000), else None: the terminal's own
        width, or 80 for a pipe."""
        columns = self.environ.get("COLUMNS", "").strip()
        if columns.isdigit() and 20 <= int(columns) <= 1000:
            return int(columns)
        return None

    def cache_dir(self) -> Path:
        """BRIEF_CACHE_DIR, else the platform's cache folder for brief; always absolute."""
        configured = self.environ.get("BRIEF_CACHE_DIR")
        if configured:
            return self._absolute(configured)
        if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
            # The XDG rule, as platformdirs applies it; importing platformdirs costs
            # about 6 ms a call here, a tenth of brief's own start-up.
            base = self.environ.get("XDG_CACHE_HOME", "").strip()
            if not os.path.isabs(base):
                base = os.path.join(self.environ.get("HOME") or str(Path.home()), ".cache")
            return self._absolute(base) / "brief"
        from platformdirs import user_cache_dir

        return self._absolute(user_cache_dir("brief", appauthor=False))

    def _absolute(self, path: str) -> Path:
        """A path made absolute against the current folder (a relative cache folder
        must name the same folder on every call, and SQLite wants absolute file URIs)."""
        if os.path.isabs(path):
            return Path(path)
        return Path(self.cwd or os.sep) / path
