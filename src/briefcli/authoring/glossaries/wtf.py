"""BSD `wtf` acronym databases: `ACRONYM<TAB>meaning` lines, `$` lines comments."""

from __future__ import annotations

from briefcli.authoring.glossaries.common import (
    GlossaryEntry,
    _decode,
    _dedupe,
    _expansion,
    _Problems,
    _quote,
    _safe,
    _too_long,
)
from briefcli.knowledge.rules import MAX_TEXT
from briefcli.problems import Problem

# ---------------------------------------------------------------------------------------
# BSD wtf acronym databases


def read_wtf(data: bytes, path: str) -> tuple[list[GlossaryEntry], list[Problem]]:
    """Entries of a BSD `wtf` acronym database, one per line.

    A line is the acronym, white space (a tab; `wtf` itself accepts any spaces) and its
    meaning. Lines starting with "$" (version-control ids such as "$NetBSD: ...") and
    blank lines are skipped. An acronym on several lines gives several entries, one per
    sense, in file order. The meaning becomes the name as `_expansion` describes.
    """
    problems = _Problems(path)
    text = _decode(data, problems)
    entries: list[GlossaryEntry] = []
    for number, raw in enumerate(text.split("\n"), 1):
        if not raw or raw.startswith("$") or raw.isspace():
            continue
        if raw[0].isspace():
            problems.add(number, 1, f"the line starts with white space: {_quote(raw)}; "
                         "expected an acronym at the start of the line")
            continue
        parts = raw.split(None, 1)
        term = _safe(parts[0], problems, number, 1, "the acronym")
        meaning = parts[1].strip() if len(parts) > 1 else ""
        if not meaning:
            problems.add(number, len(raw.rstrip()) + 1,
                         f"the acronym {_quote(term)} has no meaning; "
                         "expected 'ACRONYM<TAB>meaning'")
            continue
        meaning = _safe(meaning, problems, number, raw.index(meaning) + 1, "the meaning")
        name, aliases = _expansion(meaning)
        if not term or not name:
            problems.add(number, 1, f"nothing readable in {_quote(raw)}; "
                         "expected 'ACRONYM<TAB>meaning'")
            continue
        why = _too_long("acronym", term) or _too_long("meaning", name)
        if why is not None:
            col = 1 if len(term) > MAX_TEXT else raw.index(parts[1]) + 1
            problems.add(number, col, why)
            continue
        entries.append(GlossaryEntry(term, name, aliases=_dedupe(aliases, (term, name)),
                                     line=number))
    return entries, problems.result()
