"""Everything a command reads from its surroundings, in one value tests can replace.

`main()` takes an Environment; commands get it from their context, and the renderers
get what they need of it (stream, colour, width, variables) in an `Output`. Nothing
else reads `os.environ`, the current folder or the standard streams.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path
    from typing import TextIO

    from briefcli.cli.config import Config


class ClosedStream:
    """A standard stream the process was started without (its file descriptor closed):
    writing fails with EBADF as it would on a closed file (`fails`) or takes nothing."""

    encoding = "utf-8"
    errors = "strict"

    def __init__(self, fails: bool) -> None:
        self.fails = fails

    def write(self, text: str) -> int:
        if self.fails and text:
            raise OSError(9, "standard output is closed")  # EBADF
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(9, "standard output is closed")


def _closed(fails: bool) -> TextIO:
    return ClosedStream(fails)  # type: ignore[return-value]  # the part of TextIO used


class Environment:
    """Streams, environment variables and the current folder; by default the process's."""

    def __init__(
        self,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
        environ: Mapping[str, str] | None = None,
        cwd: str | None = None,
    ) -> None:
        # A stream the shell closed (`brief define X >&-`) is None in sys: the process's
        # gets a stand-in, so that writing to it fails as to a closed file, whoever
        # writes (the framework's help too), and messages to a closed stderr are dropped.
        if sys.stdout is None:
            sys.stdout = _closed(fails=True)
        if sys.stderr is None:
            sys.stderr = _closed(fails=False)
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
        """`cache_folder()` as a Path."""
        from pathlib import Path

        return Path(self.cache_folder())

    def cache_folder(self) -> str:
        """BRIEF_CACHE_DIR, else the platform's cache folder for brief; always absolute,
        spelled as `pathlib` spells it (`sources.clean_path`)."""
        configured = self.environ.get("BRIEF_CACHE_DIR")
        if configured:
            return self._absolute(configured)
        if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
            # The XDG rule, as platformdirs applies it; importing platformdirs costs
            # about 6 ms a call here, a tenth of brief's own start-up.
            base = self.environ.get("XDG_CACHE_HOME", "").strip()
            if not os.path.isabs(base):
                base = os.path.join(self.environ.get("HOME") or os.path.expanduser("~"),
                                    ".cache")
            return self._absolute(os.path.join(base, "brief"))
        from platformdirs import user_cache_dir

        return self._absolute(user_cache_dir("brief", appauthor=False))

    def _absolute(self, path: str) -> str:
        """A path made absolute against the current folder (a relative cache folder
        must name the same folder on every call, and SQLite wants absolute file URIs)."""
        from briefcli.knowledge.sources import clean_path

        if os.path.isabs(path):
            return clean_path(path)
        return clean_path(os.path.join(self.cwd or os.sep, path))


class OutputGone(Exception):
    """The reader of standard output went away (`brief timeline | head -1`)."""


class OutputFailed(Exception):
    """Standard output cannot take the answer: a full disk or device, an I/O error, or a
    write that took only part of the text."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _output_error(exc: OSError) -> Exception:
    if isinstance(exc, BrokenPipeError):
        return OutputGone()
    return OutputFailed(exc.strerror or str(exc))


class GuardedOutput:
    """Standard output as a command writes to it: every text is written whole (a stream
    that takes only part of it is given the rest, and one that takes nothing fails), and
    a failure to write or flush is raised as OutputGone or OutputFailed, not OSError, so
    that no layer in between (the framework's own handling of a closed pipe, a catch of
    OSError meant for files) can take it for anything else. It remembers whether
    anything was written."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.written = False

    def write(self, text: str) -> int:
        if not isinstance(text, str):  # as a text stream says (what probes it relies on it)
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        done = 0
        while done < len(text):
            self.written = True
            try:
                count = self.stream.write(text[done:])
            except OSError as exc:
                raise _output_error(exc) from None
            if count is None:  # a stream that does not count takes it all
                break
            if count <= 0:
                raise OutputFailed(
                    f"the output was cut: {done:,} of {len(text):,} characters written"
                )
            done += count
        return len(text)

    def flush(self) -> None:
        try:
            self.stream.flush()
        except OSError as exc:
            raise _output_error(exc) from None

    def isatty(self) -> bool:
        try:
            return bool(self.stream.isatty())
        except (ValueError, AttributeError):
            return False

    def fileno(self) -> int:
        return int(self.stream.fileno())

    @property
    def encoding(self) -> str:
        return str(getattr(self.stream, "encoding", None) or "utf-8")

    @property
    def errors(self) -> str | None:
        return getattr(self.stream, "errors", None)

    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return False


def guard_output(env: Environment) -> GuardedOutput:
    """Put env.stdout behind a GuardedOutput (once) and return it; the process's own
    sys.stdout too when it is that stream, so that what the framework prints itself
    (help, usage) is guarded as well. `release_output` puts them back."""
    if isinstance(env.stdout, GuardedOutput):
        return env.stdout
    guard = GuardedOutput(env.stdout)
    if env.stdout is sys.stdout:
        sys.stdout = guard
    env.stdout = guard
    return guard


def release_output(env: Environment, guard: GuardedOutput) -> None:
    if sys.stdout is guard:
        sys.stdout = guard.stream
    if env.stdout is guard:
        env.stdout = guard.stream


def finish_output(guard: GuardedOutput) -> None:
    """Flush what is left of the answer and check that the file or device took it
    (a file system that reports a failed write only when the file is closed, as NFS
    does, reports it on the close of a duplicate descriptor): raises OutputGone or
    OutputFailed as a write would."""
    guard.flush()
    if guard.written:
        try:
            fd = guard.stream.fileno()
        except (OSError, ValueError, AttributeError):
            return  # not a file: a buffer in memory
        try:
            os.close(os.dup(fd))
        except OSError as exc:
            raise _output_error(exc) from None


def output_failure(env: Environment, exc: OutputGone | OutputFailed) -> int:
    """The exit code for an answer standard output did not take, and its message: none
    when the reader went away (141, as a shell reports SIGPIPE), one line when the file
    or device failed (74). What is left unwritten is dropped, so that the interpreter's
    last flush cannot fail again."""
    from briefcli.problems import ExitCode

    stream = getattr(env.stdout, "stream", env.stdout)
    if stream is sys.__stdout__ or stream is getattr(sys.stdout, "stream", sys.stdout):
        quiet_stdout()
    if isinstance(exc, OutputGone):
        return int(ExitCode.BROKEN_PIPE)
    try:
        env.stderr.write(f"brief: cannot write the output: {exc.reason}\n")
        env.stderr.flush()
    except (OSError, ValueError):
        pass
    return int(ExitCode.IO_ERROR)


def quiet_stdout() -> None:
    """The reader of our output went away (`brief show | head -1`): point stdout at
    /dev/null so that the interpreter's final flush cannot fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
