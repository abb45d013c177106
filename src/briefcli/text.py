"""Text helpers: matching keys, slugs, and making untrusted text safe for a terminal."""

from __future__ import annotations

import re
import unicodedata

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
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return " ".join(decomposed.translate(_MARKS).casefold().split())


_PUNCTUATION = re.compile(r"[^\w.+#&]+")  # C++, C# and AT&T keep their signs


def term_key(text: str) -> str:
    """The key a term is looked up by: folded, without dots ("U.S.", "US" and "u.s" are
    one term, as in glossaries that write acronyms either way), and with hyphens and
    other punctuation read as spaces ("EU-facilitated" is "EU facilitated")."""
    return " ".join(_PUNCTUATION.sub(" ", fold(text).replace(".", "")).split())


def slug(text: str) -> str:
    """Lowercase ASCII words joined with '-' ("What is KFOR?" -> "what-is-kfor")."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text).encode("ascii", "ignore").decode()).strip("-")


# Characters that must never reach a terminal as themselves: C0 controls but newline
# and tab, DEL, C1 controls (CSI is \x9b), and the bidirectional controls that can make
# text display in an order other than the one it is stored in.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Characters that show as nothing, so that text looks other than it is ("pay\u200bpal"):
# zero-width spaces and joiners, the word joiner, the byte-order mark, the soft hyphen,
# line and paragraph separators, and the tag characters.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u2028\u2029\U000e0001-\U000e007f"
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + _BIDI + _INVISIBLE + "]")


def _visible(match: re.Match[str]) -> str:
    c = match.group()
    code = ord(c)
    if code < 0x20:
        return "^" + chr(code + 64)  # ESC -> ^[, as git and cat -v show it
    if code == 0x7F:
        return "^?"
    return f"<U+{code:04X}>"


def visible(text: str) -> str:
    """Text with every control and bidirectional override made visible, tabs as spaces."""
    return _UNSAFE.sub(_visible, text).replace("\t", "    ")


def has_unsafe(text: str) -> bool:
    return _UNSAFE.search(text) is not None


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
