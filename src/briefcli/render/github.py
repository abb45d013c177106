"""GitHub Actions annotations: `brief check --format github` in a workflow marks each
problem on its line of the pull request's files."""

from __future__ import annotations

from briefcli.problems import Problem
from briefcli.render import Output
from briefcli.text import visible


def _data(text: str) -> str:
    """A message as a workflow command's data: `%`, CR and LF escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """A property value (file, title): also `:` and `,` escaped."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class GithubRenderer:
    """Writes `::error file=…,line=…,col=…,title=…::message`, one line per problem."""

    name = "github"

    def __init__(self, output: Output) -> None:
        self.stream = output.stream

    def empty(self, view: str) -> None:
        pass

    def check(self, problems: list[Problem]) -> None:
        lines = []
        for p in problems:
            level = "error" if p.level == "error" else "warning"
            where = f"file={_property(visible(p.path))}"
            if p.line:
                where += f",line={p.line},col={p.col}"
            message = _data(visible(p.message))
            lines.append(f"::{level} {where},title={_property(p.code)}::{message}")
        if lines:
            self.stream.write("\n".join(lines) + "\n")
            self.stream.flush()
