"""The knowledge as one document: the shape both exports write (`yamlout.export_yaml`,
`jsonout.export_json`).

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
