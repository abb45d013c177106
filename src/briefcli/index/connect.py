"""Opening the knowledge for a command: the one definition both entry paths use.

`open_knowledge` finds the data paths (--data, else BRIEF_DATA, else the bundled
knowledge), brings the index up to date, writes the warnings a call owes its user
(folders with no knowledge, a cache that cannot be used, errors in the knowledge) and
refuses knowledge with errors under --strict. The lean path (`briefcli.cli.lean`) asks it
to `probe` instead: anything it would have to say (or a first build, which shows
progress) raises `Fallback`, before a line is written, and the full command runs.
"""

from __future__ import annotations

import os
import time

from briefcli.index.sqlite import sqlite3
from briefcli.problems import BriefError, KnowledgeError
from briefcli.text import visible

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from briefcli.cli.environment import Environment

PROGRESS_AFTER = 1.0  # seconds of indexing before progress is shown


class Fallback(Exception):
    """The lean path cannot answer this call the way the full command would."""


class Opened:
    """An up-to-date index, and where it lives (":memory:" without a cache)."""

    def __init__(self, conn: sqlite3.Connection, location: str) -> None:
        self.conn = conn
        self.location = location


def say(env: Environment, message: str) -> None:
    """A message line on stderr; what came from files (names, keys, paths) made visible."""
    env.stderr.write(visible(message) + "\n")


def progress(env: Environment) -> Callable[[int, int], None] | None:
    """A progress line on stderr for an index build that takes more than a second, when
    stderr is a terminal (never in a pipe or a log)."""
    if not env.isatty(env.stderr):
        return None
    start = time.monotonic()
    shown = [False]

    def show(done: int, total: int) -> None:
        if done < 0:
            if shown[0]:
                env.stderr.write("\r\x1b[K")
            return
        if time.monotonic() - start < PROGRESS_AFTER:
            return
        shown[0] = True
        env.stderr.write(f"\rindexing the knowledge: {done}/{total} files…")
        env.stderr.flush()

    return show


def open_knowledge(
    env: Environment, data: list[str], *, check: bool = True, strict: bool = False,
    probe: bool = False, quiet: str | os.PathLike[str] | None = None,
) -> Opened:
    """The index of the knowledge. With `check`, knowledge with errors gets one warning
    (the answers come from the valid records), or is refused with `strict`. With
    `probe`, raises Fallback where a message would be written or an index built. The
    folder `quiet` (where a command is about to write knowledge) may hold none yet."""
    from briefcli.index.cache import open_index
    from briefcli.index.sqlite import index_path
    from briefcli.index.store import BuildReport, error_count, has_errors, stored_problems, unread
    from briefcli.knowledge.sources import MissingPath, data_paths, empty_folders

    paths = data_paths(data, env.environ, env.config.data)
    cache_dir = env.cache_folder()
    if probe and not os.path.exists(index_path(cache_dir, paths)):
        raise Fallback("no index yet")
    report = BuildReport()
    report.progress = progress(env)  # an update after a large edit shows progress too
    try:
        conn = open_index(paths, cache_dir, report)
    except MissingPath as exc:
        if probe:
            raise Fallback(str(exc)) from None
        raise BriefError(str(exc)) from None
    finally:
        if report.progress is not None:
            report.progress(-1, 0)  # clear the progress line, if one was shown
    folders = empty_folders(paths, report.stamps)
    if quiet is not None:
        folders = [f for f in folders if os.path.realpath(f) != os.path.realpath(quiet)]
    flawed = check and has_errors(conn)
    if probe and (folders or report.warnings or flawed):
        conn.close()
        raise Fallback("the call has something to say")
    for folder in folders:
        say(env, f"warning: {folder} holds no knowledge files (*.yaml, *.yml)")
    for warning in report.warnings:
        say(env, f"warning: {warning}")
    if flawed:
        if strict:
            raise KnowledgeError(stored_problems(conn, errors_only=True, cwd=env.cwd))
        errors = error_count(conn)
        lost = unread(conn, env.cwd)
        named = f" ({', '.join(lost[:3])}{', …' if len(lost) > 3 else ''} not read)" if lost else ""
        say(
            env,
            f"warning: the knowledge has {errors} error{'s' if errors != 1 else ''}{named}, "
            "answers may be incomplete; `brief check` lists them",
        )
    return Opened(conn, report.location)

