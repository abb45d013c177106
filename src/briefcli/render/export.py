"""Writing records back out as a knowledge file (format 1) or as JSON.

`export_yaml` writes `format: 1`, then one section per kind in the order of
`model.KINDS`, each record's fields in the order of its kind's fields. Every value is
written double-quoted, so it reads back as exactly the same text (`NO` stays `NO`,
`1999` stays `1999`): `parse_file(export_yaml(r))` gives the records `r` again. A
double-quoted YAML scalar can be written as a JSON string, escapes and all, so the
values are written with the JSON encoder (in C, and 10 times faster than a YAML
emitter), with every character that could act on a terminal escaped, as in JSON output.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefcli.knowledge.model import KINDS
from briefcli.knowledge.rules import FORMAT_VERSION

if TYPE_CHECKING:
    from briefcli.knowledge.checker import RecordRow


def document(records: list[RecordRow]) -> dict[str, Any]:
    """The file as plain data: format, then sections and fields in schema order."""
    out: dict[str, Any] = {"format": FORMAT_VERSION}
    for kind in KINDS.values():
        rows = [r for r in records if r.kind == kind.name]
        if not rows:
            continue
        out[kind.section] = [
            {name: row.data[name] for name in kind.fields if name in row.data}
            for row in rows
        ]
    return out


def export_yaml(records: list[RecordRow]) -> str:
    """The records as a format-1 knowledge file that reads back as the same records."""
    from briefcli.render.jsonout import quoted

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


def export_json(records: list[RecordRow]) -> str:
    """The records as one JSON object with the same shape as a knowledge file."""
    from briefcli.render.jsonout import dumps

    return dumps(document(records)) + "\n"
