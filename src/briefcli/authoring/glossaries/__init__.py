"""Glossaries in and out: acronym lists, CSV tables and dictd databases, as plain data.

A reader is one module here and one entry in `READERS`: `brief import --from`, its help
and its completion come from that table. Readers turn an existing glossary into
`common.GlossaryEntry` values (the fields of a brief entity) and `Problem` values; they
never raise on any input and never print.

- `wtf.read_wtf`: a BSD `wtf` acronym database (`ACRONYM<TAB>meaning` lines).
- `table.read_csv`: a table whose header row names the columns (comma, semicolon or tab);
  `table.read_tsv`: either, tab-separated: a table when its first line names columns.
- `dictd.read_dictd` / `dictd.parse_dictd`: a dictd database (`NAME.index` and
  `NAME.dict[.dz]`).

`dictd_out.write_dictd` makes the index and data of a UTF-8 dictd database, byte for
byte what `dictfmt` makes of the same entries (see its docstring for the exact command).

Problem levels: "error" when part of the input cannot be read as its format says and is
left out (a row without a name, an unknown column, a broken index line, a text over the
format's `rules.MAX_TEXT` characters or a list over `rules.MAX_ITEMS` items); "warning"
when the input is readable but was repaired (a file that is not UTF-8, a control
character removed, a dictd definition under more than `MAX_ITEMS` headwords, whose
first ones are kept as aliases) or carries nothing to import.

Text decoding, for every reader: UTF-8 (a UTF-8 or UTF-16 byte order mark is honoured);
when the bytes are not UTF-8 they are read as Windows-1252 (Latin-1 for the five bytes
Windows-1252 leaves undefined), which never fails, with one warning naming the first
bad byte: files that are not UTF-8 are nearly always in that encoding, and the warning
lets the user check the accented letters.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from briefcli.authoring.glossaries.common import GlossaryEntry
    from briefcli.problems import Problem

# Nothing is imported here: completion and `--help` read the table on a TAB; a reader's
# module is imported only when it reads.


class Reader(NamedTuple):
    name: str  # what --from takes
    target: str  # "module:function" of the reader, imported only when it is used
    summary: str  # what it reads, for --help
    whole_file: bool = True  # given the file's bytes (else its path: it reads companions)


READERS: dict[str, Reader] = {
    r.name: r
    for r in (
        Reader("tsv", "briefcli.authoring.glossaries.table:read_tsv",
               "ACRONYM<TAB>meaning lines (the BSD wtf lists)"),
        Reader("csv", "briefcli.authoring.glossaries.table:read_csv",
               "a header row naming the columns (acronym, name, summary, aliases, ...)"),
        Reader("dictd", "briefcli.authoring.glossaries.dictd:read_dictd",
               "NAME.index beside NAME.dict or NAME.dict.dz", whole_file=False),
    )
}


def reader_function(name: str) -> Callable[..., tuple[list["GlossaryEntry"], list["Problem"]]]:
    """The reader `name` names: called as f(bytes, path) when `whole_file`, else f(path)."""
    import importlib

    module, _, function = READERS[name].target.partition(":")
    found: Any = getattr(importlib.import_module(module), function)
    return found  # type: ignore[no-any-return]
