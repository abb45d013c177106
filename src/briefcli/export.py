"""Writing records back out as a knowledge file (format 1) or as JSON.

`export_yaml` writes `format: 1`, then one section per kind in the order of
`model.KINDS`, each record's fields in the order of its kind's fields. Every value is
written double-quoted, so it reads back as exactly the same text (`NO` stays `NO`,
`1999` stays `1999`, control characters become escapes): `parse_file(export_yaml(r))`
gives the records `r` again.
"""

from __future__ import annotations

from typing import Any

import yaml

from briefcli.checker import RecordRow
from briefcli.model import KINDS
from briefcli.rules import FORMAT_VERSION


class _Quoted(str):
    """A value to write double-quoted (keys stay plain)."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    _Quoted, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, '"')
)


def _value(value: Any) -> Any:
    if isinstance(value, list):
        return [_Quoted(item) for item in value]
    return _Quoted(value)


def document(records: list[RecordRow], quote: bool) -> dict[str, Any]:
    """The file as plain data: format, then sections and fields in schema order."""
    out: dict[str, Any] = {"format": FORMAT_VERSION}
    for kind in KINDS.values():
        rows = [r for r in records if r.kind == kind.name]
        if not rows:
            continue
        out[kind.section] = [
            {
                name: _value(row.data[name]) if quote else row.data[name]
                for name in kind.fields
                if name in row.data
            }
            for row in rows
        ]
    return out


def export_yaml(records: list[RecordRow]) -> str:
    """The records as a format-1 knowledge file that reads back as the same records."""
    return yaml.dump(
        document(records, quote=True),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=2**31 - 1,
    )


def export_json(records: list[RecordRow]) -> str:
    """The records as one JSON object with the same shape as a knowledge file."""
    from briefcli.render.jsonout import dumps

    return dumps(document(records, quote=False)) + "\n"
