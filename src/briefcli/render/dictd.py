"""The dictd renderer: the entities of the knowledge as a DICT server's database.

`brief export --format dictd -o NAME` writes NAME.index and NAME.dict, the files
`dictfmt` makes (`glossaries.dictd_out.write_dictd`, tested byte for byte against it), so
that `dictd` serves the knowledge over the DICT protocol (RFC 2229) to any `dict`
client. Each entity is one definition, found by its acronym, its name and its aliases:
its name, then its role, summary and description as paragraphs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefcli.render import Output

if TYPE_CHECKING:
    from briefcli.authoring.glossaries.common import DictEntry
    from briefcli.knowledge.checker import RecordRow


def dict_entries(records: list[RecordRow]) -> list[DictEntry]:
    """A definition per entity, in the order of the records."""
    from briefcli.authoring.glossaries.dictd_out import dict_entry

    entries = []
    for row in records:
        if row.kind != "entity":
            continue
        d = row.data
        paragraphs = [d[f] for f in ("role", "summary", "description") if d.get(f)]
        entries.append(dict_entry(
            d.get("acronym"), d["name"], paragraphs[0] if paragraphs else None,
            "\n\n".join(paragraphs[1:]) or None, d.get("aliases", ()),
        ))
    return entries


class DictdRenderer:
    """Writes `export` as the two files of a dictd database (`export_files`)."""

    name = "dictd"

    def __init__(self, output: Output) -> None:
        self.output = output

    def empty(self, view: str) -> None:
        pass

    def export(self, records: list[RecordRow]) -> None:
        """A database is two files, not a stream: `brief export` asks for -o NAME and
        calls `export_files`; this says so to any other caller."""
        from briefcli.problems import BriefError, ExitCode

        raise BriefError("--format dictd writes NAME.index and NAME.dict: give NAME with "
                         "-o NAME", ExitCode.USAGE)

    def export_files(self, records: list[RecordRow], name: str) -> dict[str, bytes]:
        """The files of the database called `name`, by their suffix: `.index` (the
        headwords, sorted as dictd searches them) and `.dict` (the definitions)."""
        from briefcli.authoring.glossaries.dictd_out import write_dictd

        entries = dict_entries(records)
        info = (
            f"The entities of a brief knowledge base ({len(entries)} definition"
            f"{'s' if len(entries) != 1 else ''}), "
            "each found by its acronym, name and aliases.\nWritten by brief export "
            "--format dictd."
        )
        index, data = write_dictd(entries, name, f"{name} (brief knowledge)", info=info)
        return {".index": index.encode("utf-8"), ".dict": data}
