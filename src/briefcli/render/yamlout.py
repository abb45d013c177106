"""The YAML renderer: the whole knowledge as one knowledge file (format 1)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefcli.render import Output

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
        from briefcli.render.export import export_yaml

        self.stream.write(export_yaml(records))
        self.stream.flush()
