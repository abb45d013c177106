"""Problems found in knowledge files, as plain sortable values.

A problem is data: where it is (path, 1-based line and column), how bad it is, a stable
code and a message that says what was found and what was expected. Formatting lives in
one place, `Problem.format`, in the `file:line:col: level: message [code]` style.
"""

# Record classes come from briefcli.typed (no `typing` at run time), which reads
# the annotations' names only: they are never evaluated.
from __future__ import annotations

from briefcli.typed import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


class _Codes(type):
    """Iterating over the class gives its codes, in the order written."""

    def __iter__(cls) -> Iterator[int]:
        return iter([v for k, v in vars(cls).items() if k.isupper()])


class ExitCode(metaclass=_Codes):
    """Exit statuses of the `brief` command (documented in the README): plain ints (an
    IntEnum would import `enum` on every call, a tenth of a lookup's own time)."""

    OK = 0
    NOT_FOUND = 1  # nothing matched, or the knowledge is invalid
    USAGE = 2  # bad arguments or options
    INTERNAL = 70  # a bug: reported in one line, with a traceback under --debug
    IO_ERROR = 74  # the output could not be written: a full disk or device, an I/O error
    BROKEN_PIPE = 141  # the reader of the output went away (as a shell reports SIGPIPE)


CODES: dict[str, str] = {
    "syntax": "the text is not valid YAML",
    "encoding": "the file is not UTF-8 text",
    "control-char": "a control character written raw in the file",
    "unreadable": "the file cannot be read",
    "documents": "more than one YAML document in a file",
    "tag": "a tag other than YAML's standard ones (such as !!python/object)",
    "alias": "an alias to an anchor that is not defined before it, or that contains it",
    "alias-bomb": "aliases that expand to more than 100,000 nodes",
    "too-deep": "nesting deeper than 64 levels",
    "merge": "a '<<' merge key whose value is not a mapping or a list of mappings",
    "key-type": "a key that is not text",
    "duplicate-key": "the same key twice in one mapping",
    "top-level": "a file that is not a mapping of sections",
    "format": "a format version other than 1",
    "unknown-key": "a key the format does not have",
    "missing": "a required field is absent or empty",
    "type": "a value of the wrong shape (text, list or mapping)",
    "id": "an id that is not letters, digits, '-', '_' and '.'",
    "date": "a date that is not YYYY, YYYY-MM or YYYY-MM-DD, or not a real date",
    "duplicate-id": "two records of one kind with the same id",
    "unknown-ref": "a reference to an id that no record of that kind has",
    "import": "a line of an imported glossary that cannot be read",
    "too-long": "a text longer than 100,000 characters, or a list of more than 10,000 items",
    "duplicate-event": "two events with the same date and title (a warning)",
}
"""Every problem code, with what it means (listed in docs/format.md)."""


class _ProblemFields(NamedTuple):
    path: str
    line: int  # 1-based; 0 when the problem is about the whole file
    col: int
    code: str
    message: str
    level: str = "error"
    excerpt: str = ""  # the offending source line and a caret under the column, if known


class Problem(_ProblemFields):
    """One problem; problems sort by file, line and column."""

    __slots__ = ()

    def __new__(
        cls, path: str, line: int, col: int, code: str, message: str, level: str = "error",
        excerpt: str = "",
    ) -> Problem:
        if code not in CODES:
            raise ValueError(f"undocumented problem code {code!r}")
        return super().__new__(cls, path, line, col, code, message, level, excerpt)

    def format(self) -> str:
        """`file:line:col: level: message [code]`, always one line: a line break in a
        file name or a message is shown as `\\n`, so it cannot forge another line."""
        where = self.path
        if self.line:
            where += f":{self.line}:{self.col}"
        text = f"{where}: {self.level}: {self.message} [{self.code}]"
        return text.replace("\r", "\\r").replace("\n", "\\n")

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = self._asdict()
        if not self.excerpt:
            del data["excerpt"]
        return data


class BriefError(Exception):
    """A failure to report to the user as a message, never as a traceback."""

    def __init__(self, message: str, code: int = ExitCode.NOT_FOUND) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = code


class KnowledgeError(BriefError):
    """The knowledge could not be used: it holds errors, listed in `problems`."""

    def __init__(self, problems: list[Problem]) -> None:
        errors = [p for p in problems if p.level == "error"]
        super().__init__(f"the knowledge has {len(errors)} error(s)")
        self.problems = problems
