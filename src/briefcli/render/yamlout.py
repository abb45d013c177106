"""The YAML renderer: the whole knowledge as one knowledge file (format 1)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefcli.knowledge.rules import FORMAT_VERSION
from briefcli.render import Output
from briefcli.render.export import document
from briefcli.render.jsonout import quoted

if TYPE_CHECKING:  # the checker is not imported to write an answer
    from briefcli.knowledge.checker import RecordRow


class YamlRenderer:
    """Writes `export` as a format-1 file that reads back as the same records."""

    name = "yaml"

    def __init__(self, output: Output) -> None:
        self.stream = output.stream

    def empty(self, view: str) -> None:
        pass

    def export(self, records: list[RecordRow]) -> None:
        self.stream.write(export_yaml(records))
        self.stream.flush()


def export_yaml(records: list[RecordRow]) -> str:
    """The records as a format-1 knowledge file that reads back as the same records."""
    lines = [f"format: {FORMAT_VERSION}"]
    for section, rows in document(records).items():
        if section == "format":
            continue
        lines.append(f"{section}:")
        for row in rows:
            lead = "- "
            for name, value in row.items():
                if value == []:
                    lines.append(f"{lead}{name}: []")
                elif isinstance(value, list):
                    lines.append(f"{lead}{name}:")
                    lines.extend(f"  - {quoted(item)}" for item in value)
                else:
                    lines.append(f"{lead}{name}: {quoted(value)}")
                lead = "  "
    return "\n".join(lines) + "\n"
