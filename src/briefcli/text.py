"""Text helpers: matching keys, slugs, and making untrusted text safe for a terminal.

Every lookup reads this module: it imports neither `re` (with `enum` and `functools`,
a tenth of a lookup) nor, until a text that is not ASCII is folded, `unicodedata`. The
patterns the helpers follow are written beside them as regular expressions; str methods
do the same work (a test holds each to its pattern over every character).
"""

from __future__ import annotations

# Letters that carry no combining mark under NFKD but are read as a plain letter by
# people typing on an ASCII keyboard ("Đilas" is looked up as "dilas").
_FOLD = str.maketrans(
    {
        "đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "ħ": "h", "Ħ": "h",
        "ı": "i", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th",
        "ð": "d", "Ð": "d", "ŧ": "t", "Ŧ": "t",
    }
)


class _Marks(dict[int, "int | None"]):
    """A `str.translate` table that drops combining marks, filled as characters are met
    (a lookup per character in C, where a test per character in Python took longer); it
    keeps at most _MARKS_HELD characters, so text of every character costs no more."""

    def __missing__(self, code: int) -> int | None:
        import unicodedata

        kept = None if unicodedata.combining(chr(code)) else code
        if len(self) < _MARKS_HELD:
            self[code] = kept
        return kept


_MARKS_HELD = 20_000


_MARKS = _Marks()


def fold(text: str) -> str:
    """A matching key: case-, accent- and spacing-insensitive ("Vučić" -> "vucic")."""
    if text.isascii():  # the same key, without decomposing (most text; ten times faster)
        return " ".join(text.lower().split())
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return " ".join(decomposed.translate(_MARKS).casefold().split())


# What a term keeps as its own, besides word characters (`\w`: str.isalnum() and "_"):
# C++, C# and AT&T keep their signs. Anything else is punctuation, `[^\w.+#&]+`.
_KEPT = "_.+#&"
_ASCII_PUNCTUATION = {
    c: " " for c in range(128) if not (chr(c).isalnum() or chr(c) in _KEPT)
}


def _punctuation_as_spaces(text: str) -> str:
    """`re.sub(r"[^\\w.+#&]", " ", text)`."""
    if text.isascii():
        return text.translate(_ASCII_PUNCTUATION)
    return "".join(c if c.isalnum() or c in _KEPT else " " for c in text)


def term_key(text: str) -> str:
    """The key a term is looked up by: folded, without dots ("U.S.", "US" and "u.s" are
    one term, as in glossaries that write acronyms either way), and with hyphens and
    other punctuation read as spaces ("EU-facilitated" is "EU facilitated")."""
    return " ".join(_punctuation_as_spaces(fold(text).replace(".", "")).split())


def word_runs(text: str) -> list[str]:
    """The runs of word characters in `text`, as `re.findall(r"\\w+", text)` finds them."""
    if text.isascii():
        return text.translate(_ASCII_WORDS).split()
    return "".join(c if c.isalnum() or c == "_" else " " for c in text).split()


_ASCII_WORDS = {c: " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")}


def slug(text: str) -> str:
    """Lowercase ASCII words joined with '-' ("What is KFOR?" -> "what-is-kfor")."""
    import re

    return re.sub(r"[^a-z0-9]+", "-", fold(text).encode("ascii", "ignore").decode()).strip("-")


# Characters that must never reach a terminal as themselves: C0 controls but newline
# and tab, DEL, C1 controls (CSI is \x9b), and the bidirectional controls that can make
# text display in an order other than the one it is stored in.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Characters that show as nothing, so that text looks other than it is ("pay\u200bpal"):
# zero-width spaces and joiners, the word joiner, the byte-order mark, the soft hyphen,
# line and paragraph separators, and the tag characters.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u2028\u2029\U000e0001-\U000e007f"
_UNSAFE = "[\x00-\x08\x0b-\x1f\x7f-\x9f" + _BIDI + _INVISIBLE + "]"  # as a pattern
_UNSAFE_CHARS = frozenset(
    "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17"
    "\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x8d"
    "\x8e\x8f\x90\x91\x92\x93\x94\x95\x96\x97\x98\x99\x9a\x9b\x9c\x9d\x9e\x9f" + _BIDI
    + "\u00ad\u200b\u200c\u200d\u2060\ufeff\u2028\u2029"
)
_TAGS = ("\U000e0001", "\U000e007f")  # the tag characters, the last of _INVISIBLE


def _unsafe(c: str) -> bool:
    return c in _UNSAFE_CHARS or _TAGS[0] <= c <= _TAGS[1]


def _visible_char(c: str) -> str:
    code = ord(c)
    if code < 0x20:
        return "^" + chr(code + 64)  # ESC -> ^[, as git and cat -v show it
    if code == 0x7F:
        return "^?"
    return f"<U+{code:04X}>"


def visible(text: str) -> str:
    """Text with every control and bidirectional override made visible, tabs as spaces.

    Every character of _UNSAFE is one str.isprintable() refuses, so printable text (most
    text) is returned as it is, and a line that is printable is not walked."""
    if text.isprintable():
        return text
    lines = text.replace("\t", "    ").split("\n")
    for n, line in enumerate(lines):
        if not line.isprintable():
            lines[n] = "".join(_visible_char(c) if _unsafe(c) else c for c in line)
    return "\n".join(lines)


def has_unsafe(text: str) -> bool:
    return not text.isprintable() and any(_unsafe(c) for c in text)


# Search titles and snippets mark matched words with two private-use characters.
MARK_START = "\ue000"
MARK_END = "\ue001"


def split_marks(snippet: str) -> list[tuple[str, bool]]:
    """A snippet as (text, matched) parts, the markers removed."""
    parts: list[tuple[str, bool]] = []
    matched = False
    current: list[str] = []
    for c in snippet:
        if c in (MARK_START, MARK_END):
            if current:
                parts.append(("".join(current), matched))
                current = []
            matched = c == MARK_START
        else:
            current.append(c)
    if current:
        parts.append(("".join(current), matched))
    return parts


def strip_marks(snippet: str) -> str:
    return snippet.replace(MARK_START, "").replace(MARK_END, "")
