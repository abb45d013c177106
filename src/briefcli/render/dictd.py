"""The dictd renderer: the entities of the knowledge as a DICT server's database.

`brief export --format dictd -o NAME` writes NAME.index and NAME.dict, the files
`dictfmt` makes (`glossaries.dictd_out.write_dictd`, tested byte for byte against it), so
that `dictd` serves the knowledge over the DICT protocol (RFC 2229) to any `dict`
client. Each sense is one definition (copies of it in several files merged, as `define`
merges them), found by its acronym, its name and its aliases: its name and tags, then
its role, summary and description as paragraphs, then its related entities as
`{cross-references}`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefcli.render import Output

if TYPE_CHECKING:
    from briefcli.authoring.glossaries.common import DictEntry
    from briefcli.knowledge.checker import RecordRow


def dict_entries(records: list[RecordRow]) -> list[DictEntry]:
    """A definition per sense, in the order of the records.

    A sense is what `define` shows once: entities with the same acronym and name (as
    terms fold) are one definition, found by the aliases of every copy, its text the
    first copy's (a field it lacks taken from the others). The tags say the context
    after the name, "Tape Carrier Package (CPU)", as V.E.R.A. writes it; the related
    entities are cross-references, "See also: {UDP}, {Internet Protocol}", by acronym or
    else name, that a DICT client can follow."""
    from briefcli.authoring.glossaries.dictd_out import dict_entry
    from briefcli.text import fold, term_key

    entities = [row for row in records if row.kind == "entity"]
    shown = {row.id: row.data.get("acronym") or row.data["name"] for row in entities}
    senses: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in entities:
        key = (term_key(row.data.get("acronym") or ""), term_key(row.data["name"]))
        senses.setdefault(key, []).append(row.data)
    entries = []
    for copies in senses.values():
        d = copies[0]

        def first(field: str, copies: list[dict[str, Any]] = copies) -> Any:
            return next((c[field] for c in copies if c.get(field)), None)

        def union(field: str, copies: list[dict[str, Any]] = copies) -> list[str]:
            seen: dict[str, str] = {}  # tags as they fold, the rest as written
            for c in copies:
                for value in c.get(field) or ():
                    seen.setdefault(fold(value) if field == "tags" else value, value)
            return list(seen.values())

        paragraphs = [p for p in (first(f) for f in ("role", "summary", "description")) if p]
        tags = union("tags")
        name = d["name"] + (f" ({', '.join(tags)})" if tags else "")
        references = [shown[r] for r in union("related") if r in shown]
        entries.append(dict_entry(
            d.get("acronym"), name, paragraphs[0] if paragraphs else None,
            "\n\n".join(paragraphs[1:]) or None, union("aliases"),
            references=references, headwords=(d["name"],),
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
