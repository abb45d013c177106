"""Words a glossary marks as unknown: `???` in V.E.R.A.'s expansions.

V.E.R.A. writes `???` for a word of an expansion it does not know (`ABC ??? Broadcasting
Company`, `XYZ (???)`) and for an expansion it does not know at all (`???`). A name is
kept only with the marks taken out (and the brackets and commas they leave empty); a
name that is nothing but marks names nothing, and its entry is left out. Either way the
importer says so, at the entry's line.
"""

from __future__ import annotations

import re

_MARK = re.compile(r"\?{3,}")
_OPEN_COMMA = re.compile(r"([(\[])\s*[,;]\s*")
_COMMA_CLOSE = re.compile(r"\s*[,;]\s*([)\]])")
_EMPTY_GROUP = re.compile(r"\(\s*\)|\[\s*\]")
_SPACE_COMMA = re.compile(r"\s+([,;])")
_COMMAS = re.compile(r"([,;])(\s*[,;])+")
_EDGES = " ,;:/-–—"


def has_unknown(text: str) -> bool:
    """Whether `text` holds a `???` mark."""
    return "???" in text


def without_unknown(text: str) -> str:
    """`text` with its `???` marks taken out, and the empty brackets, stray commas and
    spaces they leave; "" when nothing but marks (and punctuation) was there."""
    if not has_unknown(text):
        return text
    cleaned = _MARK.sub(" ", text)
    for _ in range(3):  # nested empty groups: "((???))"
        cleaned = _OPEN_COMMA.sub(r"\1", cleaned)
        cleaned = _COMMA_CLOSE.sub(r"\1", cleaned)
        cleaned = _EMPTY_GROUP.sub(" ", cleaned)
    cleaned = _COMMAS.sub(r"\1", _SPACE_COMMA.sub(r"\1", cleaned))
    cleaned = " ".join(cleaned.split()).strip(_EDGES)
    return cleaned if any(c.isalnum() for c in cleaned) else ""


__all__ = ["has_unknown", "without_unknown"]
