"""Writing dictd databases: the index and data of a UTF-8 database, byte for byte what
`dictfmt` makes of the same entries."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable

from briefcli.authoring.glossaries.common import DictEntry, _one_line
from briefcli.authoring.glossaries.dictd import _SPACES, _b64_encode, _is_meta, dict_key
from briefcli.text import has_unsafe

# ---------------------------------------------------------------------------------------
# dictd databases: writing


def _printable(text: str) -> str:
    """`text` without control characters (but tab and newline) and bidirectional
    overrides: a DICT client prints definitions raw to a terminal."""
    if not has_unsafe(text):
        return text
    return "".join(c for c in text if not has_unsafe(c))


def _one_line_dictd(headword: str) -> str:
    """A headword on one line: runs of white space (as dictd counts it) made one space."""
    out: list[str] = []
    space = False
    for c in headword.strip():
        if c in " \t\n\v\f\r" or c in _SPACES:
            if not space:
                out.append(" ")
            space = True
        else:
            out.append(c)
            space = False
    return _printable("".join(out)).strip()


def _fmt(line: str) -> str:
    """One line as dictfmt copies it to the .dict file (its fmt_string, unwrapped).

    dictfmt splits the line on spaces and prints the pieces back: runs of spaces
    survive, but the last space of a line ending in text-then-spaces is lost.
    """
    pieces = line.split(" ")
    last = pieces.pop()
    out: list[str] = []
    pending = False
    for piece in pieces:
        if pending or not piece:
            out.append(" ")
        if piece:
            out.append(piece)
            pending = True
    if last:
        if pending:
            out.append(" ")
        out.append(last)
    return "".join(out)


def _clean_lines(text: str) -> list[str]:
    """`text` as the lines dictfmt would read: line ends made "\\n", printable, no
    surrogates (they have no UTF-8 form), one final line end dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _printable(text).encode("utf-8", "replace").decode("utf-8")
    if text.endswith("\n"):
        text = text[:-1]
    return text.split("\n") if text else []


def write_dictd(
    entries: Iterable[DictEntry],
    name: str,
    short_name: str,
    url: str | None = None,
    info: str | None = None,
) -> tuple[str, bytes]:
    """The index text and the (uncompressed) data of a UTF-8 dictd database.

    The result is byte for byte what this command makes (dictfmt 1.13), fed the
    entries in its "-p" format ("%h headword%%%headword...", "%d", then the text with
    the first headword as its first line) after the lines of `info` and a line "%h":

        dictfmt -p --utf8 --index-keep-orig --headword-separator %%% --without-headword
                --without-time --without-header --without-ver --columns 0
                -s SHORT_NAME [-u URL | --without-url] NAME

    So the database has the 00-database-utf8, -url, -short, -info and -alphabet entries
    dictd reads; every headword is indexed under `dict_key` (with the headword as
    written in a fourth column when the key differs, which MATCH answers show), sorted
    as dictd's binary search expects (by the bytes of the key, entries in their order
    for equal keys); and an entry's text is copied, not re-wrapped. Entries that share a
    headword are all found: dictd returns every match. `name` is the database's file
    name and plays no part in the bytes. `info` is shown by `dict -i`.

    Beyond what dictfmt does: white space inside a headword becomes one space, a
    headword whose key is empty or repeats one of the same entry is not indexed (dictd
    would show the definition twice), an entry with no indexed headword is left out,
    and control characters but tab, and bidirectional overrides, are dropped (a DICT
    client prints definitions raw to a terminal).
    """
    del name  # the file name is the caller's; dictfmt writes it nowhere in the files
    data = bytearray()
    index: list[tuple[bytes, str]] = []
    alphabet: set[str] = set()

    def meta(key: str, text: str) -> None:
        start = len(data)
        data.extend(text.encode("utf-8"))
        line = f"{key}\t{_b64_encode(start)}\t{_b64_encode(len(data) - start)}"
        index.append((key.encode("utf-8"), line))

    def one(text: str) -> str:
        return " ".join(_clean_lines(text))

    meta("00databaseutf8", "\n")
    if url is not None:
        meta("00databaseurl", _fmt(one(url)) + "\n")
    meta("00databaseshort", "00-database-short\n     " + _fmt(one(short_name)) + "\n")
    info_text = ""
    if url is not None:
        info_text = "The original data is available from:\n     " + _fmt(one(url)) + "\n\n"
    info_text += "".join(_fmt(line) + "\n" for line in _clean_lines(info or ""))
    meta("00databaseinfo", info_text)

    for entry in entries:
        shown = [_one_line_dictd(h) for h in entry.headwords]
        shown = [h.encode("utf-8", "replace").decode("utf-8") for h in shown]
        keyed: list[tuple[str, str]] = []
        seen: set[str] = set()
        for headword in shown:
            key = dict_key(headword)
            if key.strip() and not _is_meta(key) and key not in seen:
                seen.add(key)
                keyed.append((key, headword))
        if not keyed:
            continue
        start = len(data)
        body = [keyed[0][1], *_clean_lines(entry.text)]
        data.extend("".join(_fmt(line) + "\n" for line in body).encode("utf-8"))
        length = len(data) - start
        for key, headword in keyed:
            alphabet.update(key)
            line = f"{key}\t{_b64_encode(start)}\t{_b64_encode(length)}"
            if headword != key:
                line += f"\t{headword}"
            index.append((key.encode("utf-8"), line))

    if url is None:
        meta("00databaseurl", "unknown\n")
    meta("00databasealphabet", _fmt("".join(sorted(alphabet))) + "\n")
    index.sort(key=lambda pair: pair[0])  # stable: equal keys keep the entries' order
    return "".join(line + "\n" for _, line in index), bytes(data)


def dict_entry(
    term: str | None,
    name: str,
    summary: str | None = None,
    description: str | None = None,
    aliases: Iterable[str] = (),
    references: Iterable[str] = (),
    headwords: Iterable[str] | None = None,
) -> DictEntry:
    """The dictd definition of an entity: looked up by its term, name and aliases.

    The text is the name, then the summary and the description as paragraphs, indented
    and wrapped at 72 columns, then the `references` as "See also: {A}, {B}." The name
    is looked up by `headwords` when given (the name without the tags written after
    it); a headword is trimmed of the punctuation and spaces at its ends that would
    leave its key with a space at an end. `parse_dictd` reads such a definition back
    into the same fields (aliases in index order; a name ending in "(...)" reads as
    name and tags).
    """
    names = (name,) if headwords is None else tuple(headwords)
    found_by = tuple(
        h for h in (_trimmed(h) for h in (term or "", *names, *aliases)) if h.strip()
    )
    paragraphs = [name]
    if summary:
        paragraphs.append(summary)
    if description:
        paragraphs += re.split(r"\n\s*\n", description)
    indent = "   "
    blocks = [
        textwrap.fill(_one_line(p), 72, initial_indent=indent, subsequent_indent=indent,
                      break_long_words=False, break_on_hyphens=False)
        for p in paragraphs
        if p.strip()
    ]
    refs = [f"{{{_one_line(r).replace('{', '(').replace('}', ')')}}}" for r in references]
    if refs:
        blocks.append(_see_also(refs, indent))
    return DictEntry(found_by, "\n\n".join(blocks) + "\n")


def _trimmed(headword: str) -> str:
    """A headword without what its key would drop at either end (`, "vCSA"` is
    `vCSA`): dictd folds a query without leading or trailing spaces, so a key that
    begins or ends with one (punctuation then a space) is never found."""
    while headword and dict_key(headword[0]) in ("", " "):
        headword = headword[1:]
    while headword and dict_key(headword[-1]) in ("", " "):
        headword = headword[:-1]
    return headword


def _see_also(references: list[str], indent: str) -> str:
    """"See also: {A}, {B}" wrapped at 72 columns between references only: a DICT
    client follows a reference written on one line."""
    lines = [indent + "See also:"]
    for n, ref in enumerate(references):
        piece = ref + ("," if n < len(references) - 1 else ".")
        if len(lines[-1]) + 1 + len(piece) > 72 and lines[-1].strip() != "See also:":
            lines.append(indent + piece)
        else:
            lines[-1] += " " + piece
    return "\n".join(lines)
