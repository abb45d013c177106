"""Problems found in knowledge files, as plain sortable values.

A problem is data: where it is (path, 1-based line and column), how bad it is, a stable
code and a message that says what was found and what was expected. Formatting lives in
one place, `Problem.format`, in the `file:line:col: level: message [code]` style.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class ExitCode(IntEnum):
    """Exit statuses of the `brief` command (documented in the README)."""

    OK = 0
    NOT_FOUND = 1  # nothing matched, or the knowledge is invalid
    USAGE = 2  # bad arguments or options


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    code: str = field(compare=False)
    message: str = field(compare=False)
    level: str = field(default="error", compare=False)

    def format(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}:{self.col}"
        return f"{where}: {self.level}: {self.message} [{self.code}]"

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "level": self.level,
            "code": self.code,
            "message": self.message,
        }


def has_errors(problems: list[Problem]) -> bool:
    return any(p.level == "error" for p in problems)


class BriefError(Exception):
    """A failure to report to the user as a message, never as a traceback."""

    def __init__(self, message: str, code: ExitCode = ExitCode.NOT_FOUND) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = code


class KnowledgeError(BriefError):
    """The knowledge could not be used: it holds errors, listed in `problems`."""

    def __init__(self, problems: list[Problem]) -> None:
        errors = [p for p in problems if p.level == "error"]
        super().__init__(f"the knowledge has {len(errors)} error(s)")
        self.problems = problems
