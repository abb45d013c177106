"""The configuration file: defaults for the data paths, the pager, colour and width.

`$XDG_CONFIG_HOME/brief/config.toml` (else `~/.config/brief/config.toml`) on Linux and
the BSDs, the platform's configuration folder elsewhere; `BRIEF_CONFIG` names another
file (empty: none). A missing file is no configuration at all. The file is TOML:

    data = ["~/kb", "notes"]    # paths of knowledge; relative to the file's folder
    pager = "less -R"           # or false: never page
    color = "auto"              # auto, always or never
    width = 80                  # the widest text is set (20 to 1000)

What the call says comes first: options, then environment variables (BRIEF_DATA,
BRIEF_PAGER / PAGER, NO_COLOR / FORCE_COLOR, COLUMNS), then this file, then the
built-in defaults. `COLUMNS` says how wide the terminal is; `width` is the most the
text is set to, whatever the terminal (100 without it).

A file that cannot be used (not TOML, an unknown key, a value of the wrong type) is a
`ConfigError`: `PATH:LINE:COL: error: ...`, exit 2, on every path.

This module is read on every call, the lean path's included: it imports nothing heavy,
and the TOML reader only when there is a file to read.
"""

from __future__ import annotations

import os
import sys

from briefcli.problems import BriefError, ExitCode

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path
    from typing import Any

    from briefcli.cli.environment import Environment

KEYS = ("data", "pager", "color", "width")
COLORS = ("auto", "always", "never")
WIDTHS = (20, 1000)


class Config:
    """What the configuration file sets; None where it sets nothing. (A plain class: a
    NamedTuple would cost every call, the lean path's included, its creation.)"""

    __slots__ = ("location", "data", "pager", "color", "width")

    def __init__(
        self, location: str | None = None, data: tuple[str, ...] | None = None,
        pager: str | bool | None = None, color: str | None = None, width: int | None = None,
    ) -> None:
        self.location = location  # the file in use, or None
        self.data = data  # absolute paths
        self.pager = pager  # a command, False (never page) or True (the default)
        self.color = color  # one of COLORS
        self.width = width

    @property
    def path(self) -> Path | None:
        """The file in use as a Path, or None."""
        from pathlib import Path

        return None if self.location is None else Path(self.location)


class ConfigError(BriefError):
    """A configuration file that cannot be used; the message is `PATH:LINE:COL: error: ...`."""

    def __init__(self, path: str, line: int, col: int, message: str) -> None:
        where = f"{path}:{line}:{col}" if line else str(path)
        text = f"{where}: error: {message}".replace("\r", "\\r").replace("\n", "\\n")
        super().__init__(text, ExitCode.USAGE)


def _home(environ: Mapping[str, str]) -> str:
    return environ.get("HOME") or os.path.expanduser("~")


def config_path(environ: Mapping[str, str], cwd: str | None) -> tuple[str | None, bool]:
    """The configuration file to read (spelled as `pathlib` spells it) and whether it
    was named (BRIEF_CONFIG): a named file must exist; the default one is read only
    when it does."""
    from briefcli.knowledge.sources import clean_path

    if "BRIEF_CONFIG" in environ:
        named = environ["BRIEF_CONFIG"]
        if not named.strip():
            return None, True
        path = named
        if named == "~" or named.startswith("~/"):
            path = _home(environ) + named[1:]
        if not os.path.isabs(path):
            path = os.path.join(cwd or os.sep, path)
        return clean_path(path), True
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        # The XDG rule, as platformdirs applies it, without importing platformdirs.
        base = environ.get("XDG_CONFIG_HOME", "").strip()
        if not os.path.isabs(base):
            base = os.path.join(_home(environ), ".config")
        return clean_path(os.path.join(base, "brief", "config.toml")), False
    from platformdirs import user_config_dir

    return clean_path(os.path.join(user_config_dir("brief", appauthor=False),
                                   "config.toml")), False


def load_config(environ: Mapping[str, str], cwd: str | None) -> Config:
    """The configuration in use; ConfigError when its file cannot be used."""
    path, named = config_path(environ, cwd)
    if path is None:
        return Config()
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except FileNotFoundError:
        if not named:
            return Config()
        raise ConfigError(path, 0, 0, "no such file (named by BRIEF_CONFIG)") from None
    except IsADirectoryError:
        raise ConfigError(path, 0, 0, "is a folder; expected a TOML file") from None
    except OSError as exc:
        raise ConfigError(path, 0, 0, f"cannot read: {exc.strerror or exc}") from None
    return parse_config(raw, path, _home(environ))


# Where tomllib says the error is; compiled only for a file that is not TOML.
_AT = r"\s*\(at line (\d+), column (\d+)\)\s*$"
_AT_END = r"\s*\(at end of document\)\s*$"


def parse_config(raw: bytes, path: str, home: str) -> Config:
    """The configuration written in `raw` (the bytes of the file at `path`)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ConfigError(
            path, line, col, f"expected UTF-8 text, found the byte 0x{raw[exc.start]:02x}"
        ) from None
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        import re

        message = str(exc).split("\n")[0]
        at = re.search(_AT, message)
        if at is not None:
            line, col = int(at.group(1)), int(at.group(2))
            message = message[: at.start()]
        else:
            lines = text.split("\n")
            line, col = len(lines), len(lines[-1]) + 1
            message = re.sub(_AT_END, "", message)
        message = message[:1].lower() + message[1:]
        raise ConfigError(path, line, col, f"{message} (the file is not valid TOML)") from None
    return _read_table(table, text, path, home)


def _place(text: str, key: str, value: bool) -> tuple[int, int]:
    """The line and column of `key` in the file (of its value when `value`), for a
    message; (1, 1) when it cannot be found."""
    import re

    quoted = re.escape(key)
    pattern = re.compile(
        rf"^(?P<lead>[ \t]*(?:\[[ \t]*)?)(?:{quoted}|\"{quoted}\"|'{quoted}')"
        rf"(?P<after>[ \t]*(?:=[ \t]*|\.|\]))"
    )
    for number, line in enumerate(text.split("\n"), 1):
        m = pattern.match(line)
        if m is not None:
            header = "[" in m.group("lead")  # a table: the key is the place
            return number, (m.end() if value and not header else len(m.group("lead"))) + 1
    return 1, 1


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return repr(value)
    return str(value)


def _read_table(table: dict[str, Any], text: str, path: str, home: str) -> Config:
    for key in table:
        if key not in KEYS:
            line, col = _place(text, key, False)
            raise ConfigError(
                path, line, col, f"unknown key {key!r}; expected one of {', '.join(KEYS)}"
            )

    def wrong(key: str, expected: str) -> ConfigError:
        line, col = _place(text, key, True)
        return ConfigError(
            path, line, col, f"{key!r} must be {expected}, found {_shown(table[key])}"
        )

    data: tuple[str, ...] | None = None
    if "data" in table:
        value = table["data"]
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(
            isinstance(item, str) and item.strip() for item in items
        ):
            raise wrong("data", "a path or a list of paths (text, not empty)")
        data = tuple(_data_path(item, os.path.dirname(path), home) for item in items)
    pager: str | bool | None = None
    if "pager" in table:
        pager = table["pager"]
        if not isinstance(pager, (str, bool)):
            raise wrong("pager", "a command (text) or false")
    color: str | None = None
    if "color" in table:
        value = table["color"]
        if not isinstance(value, str) or value.lower() not in COLORS:
            raise wrong("color", "one of " + ", ".join(f'"{c}"' for c in COLORS))
        color = value.lower()
    width: int | None = None
    if "width" in table:
        value = table["width"]
        low, high = WIDTHS
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise wrong("width", f"a whole number from {low} to {high}")
        width = value
    return Config(path, data, pager, color, width)


def _data_path(item: str, folder: str, home: str) -> str:
    """A data path of the file: `~` is the home folder, a relative path is relative to
    the file's folder."""
    from briefcli.knowledge.sources import clean_path

    if item == "~" or item.startswith(("~/", "~" + os.sep)):
        item = home + item[1:]
    return clean_path(item if os.path.isabs(item) else os.path.join(folder, item))


def config_failure(env: Environment) -> int | None:
    """Read the call's configuration; when it cannot be used, write why on stderr and
    return the exit code (2). Both entry paths call it first, so that a bad file is
    reported the same way on each."""
    try:
        _ = env.config
    except ConfigError as exc:
        from briefcli.text import visible

        env.stderr.write(visible(exc.message) + "\n")
        return int(exc.exit_code)
    return None


__all__ = ["COLORS", "KEYS", "Config", "ConfigError", "config_failure", "config_path",
           "load_config"]
