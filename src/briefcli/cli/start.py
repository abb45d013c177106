"""The launcher's start, isolated and without `site` (docs/performance.md, "The launcher").

`launcher/brief` runs `python -I -S` on itself; its Python part only puts the virtual
environment's site-packages on `sys.path` (reading path files there when brief is not in
it: an editable install) and calls `start` here, a module compiled once and cached as
any other (the launcher's file, a script, would be compiled again on every call). What
this start does not reproduce exactly is left to the usual start, before brief runs:
the interpreter starts again on the launcher's file with `site` and the environment, as
a console script would.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import NoReturn

# Variables that change nothing here (the -B and -u the shell gave, the user's site folder
# that a virtual environment leaves out, the interactive prompt's).
UNUSED = (b"PYTHONDONTWRITEBYTECODE", b"PYTHONUNBUFFERED", b"PYTHONNOUSERSITE",
          b"PYTHONUSERBASE", b"PYTHONSTARTUP", b"PYTHON_HISTORY", b"PYTHON_BASIC_REPL")


def usual() -> NoReturn:
    """Start again on the launcher's file, with `site` and the environment (this process
    ends)."""
    import posix

    posix.execv(sys.executable, [sys.executable, *sys.argv])
    raise SystemExit(70)  # pragma: no cover (execv returns only by raising)


def isolated(prefix: str, folders: list[str], read_paths: bool) -> bool:
    """Whether this start is the one `site` would make for the environment at `prefix`,
    whose site-packages `folders` are on sys.path (their path files read already when
    `read_paths`); sys.prefix and the path files as `site` has them when it is."""
    import posix

    for key, value in posix.environ.items():
        if key.startswith(b"PYTHON") and value and key not in UNUSED:
            return False
    try:
        with open(prefix + "/pyvenv.cfg", encoding="utf-8") as cfg:
            for line in cfg:
                name, eq, setting = line.partition("=")
                if (eq and name.strip().lower() == "include-system-site-packages"
                        and setting.strip().lower() == "true"):
                    return False
    except OSError:
        return False
    found = hooks = False
    for folder in folders:
        try:
            names = posix.listdir(folder)
        except OSError:  # not there: off the path, as `site` leaves it
            if folder in sys.path:
                sys.path.remove(folder)
            continue
        found = found or "briefcli" in names
        hooks = hooks or any(n.endswith(".pth") and n[0] != "." and
                             n != "distutils-precedence.pth" for n in names)
    if not (found or hooks):
        return False
    sys.prefix = sys.exec_prefix = prefix
    if hooks and not read_paths:  # a package on a path of its own: `site` reads them
        import site

        for folder in folders:
            site.addsitedir(folder)
    return True


def start(prefix: str, folders: list[str], read_paths: bool) -> Callable[[], NoReturn]:
    """brief's entry point for the fast start, or the usual start (this process ends)."""
    if not isolated(prefix, folders, read_paths):
        usual()
    try:
        from briefcli.cli.lean import main
    except ImportError:
        usual()
    return main
