"""Taking an article's dateline out of its text: the date that `datefinder.find_dateline`
found, with the place or label before it and the separator after it, so that the story
starts where it starts ("BRUSSELS, 5 May 2022 – The Council ..." -> "The Council ...").
Used by `article`. Pure: it edits the list of lines it is given, nothing else.
"""

from __future__ import annotations

import re

from briefcli.authoring.datefinder import ends_header_line

__all__ = ["strip_dateline"]

# What may stand before a dateline's date on its line and go with it: a place
# ("BRUSSELS,", "Washington,", "NEW YORK"), a day ("Tuesday,") or a label ("date",
# "Published:", "Press release"). Anything else ("On 12 April 2019, the Council met") is
# the start of a sentence, which keeps its date.
_LABEL_BEFORE = re.compile(
    r"(?:date|dated|published|posted|issued|updated|released|last updated|press release|"
    r"news release|press statement|statement|readout|news|media advisory|for immediate release)"
    r"(?:\s+on)?\s*[:|–—-]?",
    re.IGNORECASE,
)
_NOT_A_PLACE = frozenset(
    ["on", "in", "at", "by", "since", "until", "till", "from", "before", "after", "as",
     "of", "for", "during", "between", "and", "the", "a", "an", "this", "that", "then"]
)
# What may follow the date and go with it: the bracket closing "(Feb. 3, 2024)", a
# separator, or a news agency's name before a dash ("NEW YORK, 12 April 2019 (UN News) –").
_AFTER_DATE = re.compile(
    r"[ \t]*\)?[ \t]*(?:[,;:|.·•][ \t]*)?(?:\([^()\n]{1,40}\)[ \t]*(?=[-–—]|$))?"
    r"(?:[-–—]+(?:[ \t]+|$))?"
)


_DATE_ARTICLES = frozenset(["le", "den", "am", "el", "il", "lo", "de", "du", "on"])


def _header_prefix(before: str) -> bool:
    """Whether the words before a dateline's date on its line belong to the dateline."""
    words = before.split()
    if words and words[-1].casefold() in _DATE_ARTICLES and len(words) > 1:
        # "Paris, le 3 mars 2021", "Berlin, den 3. März 2021"
        words.pop()
        before = " ".join(words)
    if not words:
        return True
    if len(words) > 6 or re.search(r"[.!?](?:\s|$)", before):
        return False
    if _LABEL_BEFORE.fullmatch(before):
        return True
    if words[0].casefold() in _NOT_A_PLACE:
        return False
    return (
        before.endswith((",", ":", "|", "–", "—", "-"))
        or before.isupper()
        or all(word[:1].isupper() or not word[:1].isalpha() for word in words)
    )


def strip_dateline(lines: list[str], text: str, start: int, end: int) -> str:
    """Remove the dateline's date at `text[start:end]`, with the place or label before it
    and the separator after it, from `lines` (the lines of `text`), when it heads its
    line; the words of the dateline ("Washington, March 3, 2021"). A date that the
    words of a sentence come before ("On 12 April 2019, the Council met") stays, and
    only its own words are given."""
    date_words = " ".join(text[start:end].split())
    if not 0 <= start < end <= len(text):
        return date_words
    first = text.count("\n", 0, start)
    last = text.count("\n", 0, end)
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].strip()
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if first == last and ends_header_line(text[line_start:line_end], start - line_start,
                                          end - line_start):
        if before.endswith(("–", "—", "|")) and not text[:line_start].strip():
            # "Department Press Briefing – April 16, 2024" heading the text: a headline
            # with its date, which stays the headline.
            return date_words
        # "Statement from U.S. Embassy Pristina, December 14, 2018": the line is the
        # dateline, whatever stands before the date.
        lines[first] = ""
        return " ".join(text[line_start:line_end].split())
    if first == last and before.endswith("|") and re.match(r"[ \t]*\|", text[end:line_end]):
        # "By U.S. Embassy Sarajevo | 28 September, 2023 | Topics: News": a line of the
        # page's fields, no line of the story.
        lines[first] = ""
        return date_words
    if not _header_prefix(before):
        return date_words
    last_start = text.rfind("\n", 0, end) + 1
    after = lines[last][end - last_start :] if last < len(lines) else ""
    match = _AFTER_DATE.match(after)
    after = after[match.end() if match else 0 :]
    for i in range(first, min(last, len(lines) - 1) + 1):
        lines[i] = ""
    if last < len(lines):
        # The rest of the line keeps its place, and its width: its paragraph still starts
        # on this line, and a hard-wrapped paragraph is still read as one.
        width = line_end - last_start
        lines[last] = " " * (width - len(after)) + after if after.strip() else after
    return f"{before.rstrip('(').rstrip()} {date_words}".strip()
