"""Dates written in prose, and an article's dateline.

- `find_dates` finds dates at the precision written ("1999", "2021-02", "2023-09-24"),
  giving a date written without a year the year that makes sense in an article of a
  known date.
- `find_dateline` finds the publication date in an article's header.

Pure: it returns offsets into the text. The numbers behind each rule are in
benchmarks/extraction.py and its corpus.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections.abc import Iterator
from itertools import pairwise
from typing import NamedTuple

from briefcli.authoring.sentences import block_sentences, collapse, text_blocks
from briefcli.knowledge.dates import PartialDate, days_in_month

__all__ = ["DateMention", "ends_header_line", "find_dateline", "find_dates"]


class DateMention(NamedTuple):
    """A date written in the text.

    `date` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, at the precision written; `text` is
    `source[start:end]`: the words matched, with the word that made a bare month or year a
    date ("in February", "since 1999", "mid-2022"). Both ends of a range ("1998–99",
    "24-25 September") are separate mentions sharing the range's span. `sentence` is the
    sentence the mention starts in, whitespace collapsed.
    """

    date: str
    text: str
    start: int
    end: int
    sentence: str

# ------------------------------------------------------------------------------ dates

# Month names are matched with their capital only, so "may" and "march" as verbs are
# never dates; a bare "May" or "March" also needs a time word before it (_TIME_WORD).
_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
    r"|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
    r"(?![^\W\d_])"
)
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
# Patterns start with what they consume, not with a look-behind (which makes the
# engine try every position): what may stand before a match is checked after it
# (`_free_before`); an impossible day ("45 May") is no date (`_date_text`).
_DAY = r"\d\d?(?:st|nd|rd|th)?"
# Years 1800-2100 only: other four-digit numbers are counts, codes or numbers.
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
# A year is not followed by more digits, a decimal or thousands part, or an "s" (decade).
_YEAR_END = r"(?!\d|[.,]\d|s\b)"
_RANGE_SEP = r"\s*(?:-|–|—|to|and|&)\s*"

_ISO = re.compile(rf"({_YEAR})-(\d\d)-(\d\d)(?![\d\-])")  # not after [\d/.-]
_DOTTED_DATE = re.compile(rf"(\d{{1,2}})\.(\d{{1,2}})\.({_YEAR})(?!\d|\.\d)")  # not after [\d.]
# "24 September", "24-25 September 2023", "the 14th of February 2021"
_DAY_MONTH = re.compile(
    rf"(?P<d1>{_DAY})(?:{_RANGE_SEP}(?P<d2>{_DAY}))?\s+(?:of\s+)?(?P<m>{_MONTH})"
    rf"(?:,?\s+(?P<y>{_YEAR}){_YEAR_END})?(?!\s*\d)"
)
# "September 24", "Sept. 24", "September 11–12, 2022", "March 3, 2021"
_MONTH_DAY = re.compile(
    rf"(?P<m>{_MONTH})\s+(?P<d1>{_DAY})(?:{_RANGE_SEP}(?P<d2>{_DAY}))?(?![\d:]|\.\d)"
    rf"(?:,?\s+(?P<y>{_YEAR}){_YEAR_END})?"
)
_MONTH_YEAR = re.compile(rf"(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR}){_YEAR_END}")
_MONTH_ONLY = re.compile(rf"(?P<m>{_MONTH})(?!\s*\d)")
_YEAR_ONLY = re.compile(rf"(?P<y>{_YEAR}){_YEAR_END}(?![-–—/]\d)")  # not after [\w,./] or "1-"
# A month or year alone is a date only after a word that introduces a time ("in
# February", "since 1999", "by mid-June", "the summer of 1999", "postponed to April"):
# a bare four-digit number is as often a count ("4000 people") or a number ("paragraph
# 2019") as a year, and a bare "May" a name or a verb. On the corpus, taking bare months
# and years (1800-2100) as dates finds one date more and 16 false ones (precision 1.00 ->
# 0.92; `benchmarks/extraction.py --ablations`).
_TIME_WORD = re.compile(
    r"(?<![\w-])(?i:in|since|until|till|by|from|through|throughout|during|before|after"
    r"|between|of|mid|early|late|compared\s+(?:with|to)|the\s+year"
    r"|(?:the\s+)?(?:end|beginning|start|middle)\s+of"
    r"|(?:the\s+)?(?:spring|summer|autumn|fall|winter)(?:\s+of)?"
    r"|(?:postponed|delayed|moved|deferred|pushed\s+back)\s+(?:to|until))"
    r"(?:\s+(?i:early|late|mid))?[\s-]+$"
)
# "Of" alone takes a year ("the agreements of 2013") but not a month ("the Queen of May").
_OF_ALONE = re.compile(r"(?i:of)[\s-]+")
# "the 2026 World Cup", "the company's 2021 revenue": a year between a determiner (or an
# owner) and a word, unless that word counts something ("the 2000 troops", _COUNTED).
_ATTRIBUTE_BEFORE = re.compile(r"(?:\b(?i:the|its|their|this|that)|['’]s)\s+$")
_WORD_AFTER = re.compile(r"\s+[^\W\d_]")
# "Q3 2023", "H1 2024", "FY 2022": a part of a year is the year.
_PART_OF_YEAR = re.compile(rf"\b(?:Q[1-4]|H[12]|FY)\s*(?P<y>{_YEAR}){_YEAR_END}")
# "(1999)" is a year, except when it dates a document: "resolution 1244 (1999)".
_DOCUMENT_BEFORE = re.compile(r"(?:(?i:resolution|decision|regulation)\s+[\w/.]*|[\d/])\s*\($")
# "1998–99", "2021-2025", "2015–16": both ends, the second later than the first.
_YEAR_RANGE = re.compile(
    rf"(?P<y1>{_YEAR})\s*[-–—]\s*(?P<y2>\d{{4}}|\d\d)(?![\d\-])"  # not after [\w.,/-]
)
# More years after one: "in 2019, 2020 and 2021", "from 1998 to 1999".
_YEAR_NEXT = re.compile(
    r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to|until|till|through|and\s+in|or\s+in)\s+)"
    rf"(?P<y>{_YEAR}){_YEAR_END}(?![-–—/]\d)"
)
_MONTH_NEXT = re.compile(rf"\s+(?:and|or|to|until|till|through)\s+(?P<m>{_MONTH})(?!\s*\d)")
# Words after a number that make it a count, not a year: "a crowd of 2000 people".
_COUNTED = re.compile(
    r"\s+(?i:people|persons|troops|soldiers|officers|police|policemen|households|families|"
    r"homes|houses|euros?|dollars?|votes|voters|cases|members|residents|refugees|workers|"
    r"students|km|kilometres|kilometers|metres|meters|tonnes|tons|hectares|units|vehicles|"
    r"buildings|signatures|participants|pages|copies|seats|deaths|children|women|men|"
    r"migrants|employees|jobs|patients|doses|beds|times|hours|days|weeks|months|years|"
    r"minutes|items|documents|applications|claims|ballots)\b"
)
# "5, 6 and 7 March": the days listed before a pair joined by "and".
_DAY_LIST_BEFORE = re.compile(r"(?:\d\d?(?:st|nd|rd|th)?\s*,\s*)+$")
_AND = re.compile(r"\s*(?:and|&)\s*")
# "in September last year": a year-less date with its year given in words.
_WHICH_YEAR = re.compile(r"\s+(?i:(last|next|this))\s+year\b")
# Words before a year-less date that point forward from the article's date.
_FORWARD = re.compile(r"(?i:until|till|postponed|delayed|moved|deferred|pushed)")
# Words in the clause before a year-less date that put it in the future: "elections will
# be held on 9 February" in a December article are next year's. Not "planned" or
# "scheduled": "the talks planned for Sept. 24 were cancelled" is as common.
_FUTURE = re.compile(
    r"\b(?i:will|shall|(?:is|are)\s+(?:due|expected)|upcoming|next)\b"
)
_CLAUSE_START = re.compile(r"[.;:!?,()]")
_CLAUSE_REACH = 80
_LEADING_NUMBER = re.compile(r"\d+")
_DIGIT_DASH = re.compile(r"\d[-–]")
# How far after the article's date a year-less date may fall before it is read as the
# previous year's: news speaks mostly of the past, and of the coming weeks.
_AHEAD = _dt.timedelta(days=62)
# How far back a time word may start before the month or year it introduces.
_LOOKBACK = 24  # "pushed back until mid-", "the beginning of "


def _free_before(text: str, at: int, forbidden: str) -> bool:
    """Whether the character before `at` is none of `forbidden` nor a letter or digit
    (when `forbidden` holds "w")."""
    if not at:
        return True
    c = text[at - 1]
    return c not in forbidden and not ("w" in forbidden and (c.isalnum() or c == "_"))


def _month_number(name: str) -> int:
    return _MONTHS.index(name[:3].lower()) + 1


def _day_number(text: str) -> int:
    m = _LEADING_NUMBER.match(text)
    return int(m.group()) if m else 0


def _reference(reference: str) -> _dt.date:
    """The article's date; a partial one stands for the last day of its period."""
    ref = PartialDate.parse(reference)
    month = ref.month or 12
    if ref.day:
        return _dt.date(ref.year, month, ref.day)
    following = _dt.date(ref.year + month // 12, month % 12 + 1, 1)
    return following - _dt.timedelta(days=1)


def _named_year(which: re.Match[str], ref: _dt.date) -> int:
    """The year of "last year", "next year" or "this year" in an article of `ref`."""
    return ref.year + {"last": -1, "next": 1}.get(which[1].lower(), 0)


def _year_for(month: int, day: int, ref: _dt.date, forward: bool) -> int:
    """The year of a date written without one: the article's year, or the year before if
    that would put it more than about two months after the article ("the attack of 24
    September" in a January article). After a forward word ("until December", "postponed
    to April"): the first such date not before the article's month."""
    try:
        when = _dt.date(ref.year, month, day or 1)
    except ValueError:  # 29 February in another year
        when = _dt.date(ref.year, month, 28)
    if forward:
        return ref.year + 1 if when < ref.replace(day=1) else ref.year
    return ref.year - 1 if when > ref + _AHEAD else ref.year


def _date_text(year: int, month: int = 0, day: int = 0) -> str | None:
    """The partial date as text, or None if there is no such date (31 April)."""
    if not 1 <= month <= 12:
        return f"{year:04d}" if not month and not day else None
    if not day:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= days_in_month(year, month):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


class _Group(NamedTuple):
    """Mentions that are read together (a range) and kept or dropped together."""

    start: int
    end: int
    dates: tuple[str, ...]


def _future_clause(text: str, at: int) -> bool:
    """Whether the clause before `at` speaks of the future (`_FUTURE`)."""
    lo = max(0, at - _CLAUSE_REACH)
    for mark in _CLAUSE_START.finditer(text, lo, at):
        lo = mark.end()
    return _FUTURE.search(text, lo, at) is not None


def _time_word_before(text: str, at: int, of: bool = True) -> int | None:
    """Where the time word introducing the month or year at `at` starts, or None."""
    lo = max(0, at - _LOOKBACK)
    m = _TIME_WORD.search(text, lo, at)
    if not m or (not of and _OF_ALONE.fullmatch(m.group())):
        return None
    return m.start()


def _day_groups(text: str, ref: _dt.date) -> Iterator[_Group]:
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        for m in pattern.finditer(text):
            if pattern is _DAY_MONTH and not _free_before(text, m.start(), "w.,:/"):
                continue
            month = _month_number(m["m"])
            start, end = m.start(), m.end()
            days = [_day_number(m["d1"])] + ([_day_number(m["d2"])] if m["d2"] else [])
            joined = m["d2"] and _AND.fullmatch(text, m.end("d1"), m.start("d2"))
            listed = (
                _DAY_LIST_BEFORE.search(text, max(0, start - 24), start)
                if joined and pattern is _DAY_MONTH
                else None
            )
            if listed and _free_before(text, listed.start(), "w.,:/"):
                days[:0] = map(_day_number, listed.group().replace(",", " ").split())
                start = listed.start()
            if any(b <= a for a, b in pairwise(days)):
                continue  # "5 to 3 March" is no range of days
            forward = not m["y"] and (
                bool(_FORWARD.search(text, max(0, start - 16), start))
                or _future_clause(text, start)
            )
            which = None if m["y"] else _WHICH_YEAR.match(text, end)
            if which:
                end = which.end()
            dates = []
            for day in days:
                if m["y"]:
                    year = int(m["y"])
                elif which:
                    year = _named_year(which, ref)
                else:
                    year = _year_for(month, day, ref, forward)
                date = _date_text(year, month, day)
                if date:
                    dates.append(date)
            if len(dates) == len(days):
                yield _Group(start, end, tuple(dates))
    for m in _ISO.finditer(text):
        date = _date_text(int(m[1]), int(m[2]), int(m[3]))
        if date and _free_before(text, m.start(), "0123456789/.-"):
            yield _Group(m.start(), m.end(), (date,))
    for m in _DOTTED_DATE.finditer(text):
        date = _date_text(int(m[3]), int(m[2]), int(m[1]))
        if date and _free_before(text, m.start(), "0123456789."):
            yield _Group(m.start(), m.end(), (date,))


def _month_groups(text: str, ref: _dt.date) -> Iterator[_Group]:
    for m in _MONTH_YEAR.finditer(text):
        date = _date_text(int(m["y"]), _month_number(m["m"]))
        if date:
            yield _Group(m.start(), m.end(), (date,))
    for m in _MONTH_ONLY.finditer(text):
        start = _time_word_before(text, m.start(), of=False)
        if start is None:
            continue
        forward = bool(_FORWARD.search(text, start, m.start())) or _future_clause(text, start)
        end, name = m.end(), m["m"]
        while True:
            month = _month_number(name)
            year = _year_for(month, 0, ref, forward)
            which = _WHICH_YEAR.match(text, end)
            if which:
                year, end = _named_year(which, ref), which.end()
            date = _date_text(year, month)
            if date:
                yield _Group(start, end, (date,))
            more = _MONTH_NEXT.match(text, end)
            if not more:
                break
            start, end, name = more.start("m"), more.end(), more["m"]


def _attribute_year(text: str, start: int, end: int) -> bool:
    """"the 2011 census", "the 2026 World Cup", "the company's 2021 revenue": between a
    determiner or an owner and a word that does not count something ("the 2000
    troops")."""
    return (
        _ATTRIBUTE_BEFORE.search(text, max(0, start - 12), start) is not None
        and _WORD_AFTER.match(text, end) is not None
        and not _COUNTED.match(text, end)
    )


def _parenthesised_year(text: str, start: int, end: int) -> bool:
    """"The Rambouillet Accords (1999)", but not "resolution 1244 (1999)"."""
    return (
        text[start - 1 : start] == "("
        and text[end : end + 1] == ")"
        and not _DOCUMENT_BEFORE.search(text, max(0, start - _LOOKBACK), start)
    )


def _year_groups(text: str) -> Iterator[_Group]:
    for m in _YEAR_ONLY.finditer(text):
        year, start, end = m["y"], m.start(), m.end()
        if not _free_before(text, start, "w,./") or _DIGIT_DASH.match(text, start - 2, start):
            continue  # "1,999", "2023-09", the end of a range (read as one, below)
        before = _time_word_before(text, start)
        if before is not None and not _COUNTED.match(text, end):
            start = before
        elif not (_attribute_year(text, start, end) or _parenthesised_year(text, start, end)):
            continue
        yield _Group(start, end, (year,))
        more = _YEAR_NEXT.match(text, end)
        while more and not _COUNTED.match(text, more.end()):
            yield _Group(more.start("y"), more.end(), (more["y"],))
            more = _YEAR_NEXT.match(text, more.end())
    for m in _PART_OF_YEAR.finditer(text):
        yield _Group(m.start(), m.end(), (m["y"],))
    for m in _YEAR_RANGE.finditer(text):
        if not _free_before(text, m.start(), "w.,/-"):
            continue
        first, second = int(m["y1"]), m["y2"]
        last = int(second) if len(second) == 4 else first - first % 100 + int(second)
        if first < last <= min(first + 30, 2100):
            yield _Group(m.start(), m.end(), (str(first), str(last)))


def find_dates(text: str, reference: str) -> list[DateMention]:
    """The dates written in `text`, in text order, at the precision written.

    `reference` is the article's own date, YYYY-MM-DD. Found: ISO dates, "24 September
    2023", "September 24, 2023", "Sept. 24", "24.09.2023", day ranges ("24-25 September",
    "5 and 6 October"), "September 2023", a month after a time word ("in February",
    "mid-June"), a year after a time word ("in 1999", "mid-2022", "the summer of 1999",
    "between 2011 and 2013"), a year naming an event ("the 2011 census"), year ranges
    ("1998–99") and a year in parentheses, except after a document number ("resolution
    1244 (1999)"). Not dates: relative words ("today", "last week", "on Friday"), decades
    ("the 1990s"), clock times, durations and counts ("for 24 hours", "4000 people",
    "1,999 troops"). A date without a year takes one from `reference` (`_year_for`).
    Where two readings overlap, the longer wins.
    """
    ref = _reference(reference)
    groups = [*_day_groups(text, ref), *_month_groups(text, ref), *_year_groups(text)]
    starts: list[int] = []  # of the kept groups, which never overlap: kept sorted
    ends: list[int] = []
    kept: list[_Group] = []
    for group in sorted(groups, key=lambda g: (g.start - g.end, g.start)):
        i = bisect.bisect_left(starts, group.end)
        if i and ends[i - 1] > group.start:
            continue  # overlaps a longer (or earlier) reading
        starts.insert(i, group.start)
        ends.insert(i, group.end)
        kept.append(group)
    kept.sort(key=lambda g: g.start)
    blocks = list(text_blocks(text)) if kept else []
    block_ends = [end for _, end in blocks]
    # Blocks are split into sentences when first needed, sentences collapsed once.
    split: dict[int, tuple[list[int], list[str]]] = {}
    collapsed: dict[tuple[int, int], str] = {}
    mentions: list[DateMention] = []
    for group in kept:
        b = min(bisect.bisect_left(block_ends, group.start), len(blocks) - 1)
        if b not in split:
            found = block_sentences(text, *blocks[b])
            split[b] = ([s.end for s in found], [s.text for s in found])
        ends, texts = split[b]
        i = min(bisect.bisect_left(ends, group.start + 1), len(ends) - 1)
        if (b, i) not in collapsed:
            collapsed[(b, i)] = collapse(texts[i]) if texts else ""
        sentence = collapsed[(b, i)]
        words = text[group.start : group.end]
        for date in group.dates:
            mentions.append(DateMention(date, words, group.start, group.end, sentence))
    return mentions


# ------------------------------------------------------------------------------ datelines

_FULL_DATES = (_ISO, _DAY_MONTH, _MONTH_DAY, _DOTTED_DATE)
# "14/03/2023" in a header (never in running text, where it is as often a reference).
_SLASHED = re.compile(rf"(\d{{1,2}})/(\d{{1,2}})/({_YEAR})(?![\d/])")
_LINE = re.compile(r"[^\n]*")
# What may follow a dateline's date on its line: nothing, or a dash and the story.
_AFTER_DATELINE = re.compile(r"\s*(?:$|\)?\s*[-–—|:,(·•/]|\d{1,2}[:.]\d\d\b)")
_SENTENCE_END_BEFORE = re.compile(r"[.!?](?:\s|$)")
# A label that makes the date after it the article's date, whatever follows on the line:
# "date 2023-11-11 In a recent conversation ...".
_DATE_LABEL = re.compile(
    r"\s*(?i:date|dated|published|updated|issued|posted)(?:\s+on)?\s*[:=]?\s*"
)
# How much of a line a dateline's date may lie in: five words, then the date itself.
_LINE_HEAD = 160


def _full_date(m: re.Match[str]) -> str | None:
    if m.re is _ISO:
        return _date_text(int(m[1]), int(m[2]), int(m[3]))
    if m.re is _DOTTED_DATE:
        return _date_text(int(m[3]), int(m[2]), int(m[1]))
    if not m["y"] or m["d2"]:
        return None
    return _date_text(int(m["y"]), _month_number(m["m"]), _day_number(m["d1"]))


def _heads_line(line: str, start: int, end: int) -> bool:
    """A date heads its line: after a label ("date", "Published:"), whatever follows; or
    after at most five words ("Washington,", "Press release", "Tuesday,") with no
    sentence ending among them, none of them a preposition ("From October 1998 to March
    1999, the mission ..." is the story), and with nothing after it but a time, or a dash
    (a bar, a slash, a colon, a comma) and the story; or the line is short and no
    sentence; or the date ends a header line (`ends_header_line`)."""
    before = line[:start]
    if _DATE_LABEL.fullmatch(before):
        return True
    if ends_header_line(line, start, end):
        return True
    if _BAR_FIELD.search(before) and _BAR_AFTER.match(line, end) and len(before.split()) <= 8:
        return True  # "By U.S. Embassy Sarajevo | 28 September, 2023 | Topics: News"
    words = before.split()
    if len(words) > 5 or _SENTENCE_END_BEFORE.search(before):
        return False
    if words and words[0].casefold().strip(",") in _STORY_WORDS:
        return False  # "On 12 April 2019, the Council met", "From October 1998 to ..."
    if words and words[-1].casefold() in _STORY_WORDS and any(
        w[:1].islower() and w.casefold().strip(":") not in _LABEL_WORDS and (
            w in ("was", "were", "is", "are", "has", "had", "have", "will") or w.endswith("ed"))
        for w in words[:-1]
    ):
        # "Operation Althea was launched on 2 December 2004, when ...": a verb before the
        # date; not "Press release issued on 5 May 2022".
        return False
    if _AFTER_DATELINE.match(line, end):
        return True
    # A short line that is no sentence: "Posted on 12 February 2024 by the Press Office".
    return len(line.split(None, 10)) <= 10 and not line.rstrip().endswith((".", "!", "?"))


# A date that is one field of a header line of fields between bars.
_BAR_FIELD = re.compile(r"\|\s*$")
_BAR_AFTER = re.compile(r"\s*(?:\||$)")
# A time after a dateline's date, ending its line: "23 February 2024 14:05", "at 10:30 CET".
_CLOCK_AFTER = re.compile(
    r"[ \t]*(?:[,|][ \t]*|[ \t]at[ \t]+)?\d{1,2}[:.]\d\d(?:[ \t]*(?:[AaPp]\.?[Mm]\.?|h|hrs|"
    r"CET|CEST|GMT|UTC|EET|EEST|EST|EDT))?(?=[ \t]*$)"
)
# Words of a label before a dateline's date ("Last updated on 5 July 2023").
_LABEL_WORDS = frozenset(["date", "dated", "published", "updated", "issued", "posted"])
# Words that open a sentence of the story, not a dateline, when they stand before a date.
_STORY_WORDS = frozenset(
    ["on", "in", "at", "by", "since", "until", "till", "from", "before", "after", "as",
     "of", "for", "during", "between", "and", "the", "a", "an", "this", "that", "then",
     "to", "through", "throughout", "when", "while", "with", "following"]
)
# "U.S.", "Dr.": a dotted abbreviation is no sentence end before a date ending its line.
_DOTTED_WORD = re.compile(r"(?:^|\s)(?:[^\W\d_]{1,3}\.)+(?=\s|$)")
_HEADER_WORDS = 12


def ends_header_line(line: str, start: int, end: int) -> bool:
    """A date ends a header line: "Statement from U.S. Embassy Pristina, December 14,
    2018". Before it, at most twelve words after a comma, a dash or a bar, no sentence
    ending (a dotted abbreviation is none) and no preposition just before the date ("was
    signed on 13 August 2001"); after it, nothing but a period."""
    if line[end:].strip(" \t.") or not start:
        return False
    before = line[:start].rstrip()
    if not before.endswith((",", "–", "—", "-", "|", ":")):
        return False
    words = before.split()
    if len(words) > _HEADER_WORDS or words[-1].casefold().strip(",–—-|:") in _STORY_WORDS:
        return False
    # A header is mostly names ("Statement from U.S. Embassy Pristina"); a sentence is
    # not ("The agreement was signed in Brussels, 3 March 2021").
    content = [w for w in words if w.casefold() not in _STORY_WORDS and w[:1].isalpha()]
    if sum(w[:1].isupper() for w in content) < 0.6 * len(content):
        return False
    return not _SENTENCE_END_BEFORE.search(_DOTTED_WORD.sub(" ", before))


def _line_dates(line: str, head: int, foreign: bool) -> list[tuple[str, int, int]]:
    """The full dates of a line's head, in order: English and numeric ones, or with
    `foreign`, dates with a month name of another language of Europe (`monthnames`)."""
    hits = sorted(
        (m for pattern in _FULL_DATES for m in pattern.finditer(line, 0, head)),
        key=lambda h: h.start(),
    )
    found = [(date, m.start(), m.end()) for m in hits if (date := _full_date(m))]
    for m in _SLASHED.finditer(line, 0, head):
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        # Day first, as Europe writes it, unless only the other order is a date.
        day, month = (second, first) if second > 12 >= first else (first, second)
        if (date := _date_text(year, month, day)) and _free_before(line, m.start(), "w/.-"):
            found.append((date, m.start(), m.end()))
    if not foreign:
        return sorted(found, key=lambda f: f[1])
    from briefcli.authoring.monthnames import foreign_dates

    return [
        (date, start, end)
        for year, month, day, start, end in foreign_dates(line[:head])
        if (date := _date_text(year, month, day))
    ]


def find_dateline(text: str) -> tuple[str, int, int] | None:
    """The article's publication date from its first 15 lines: (date, start, end) with
    the date's span in `text`, or None.

    A dateline is a full date (ISO, "12 April 2019", "March 3, 2021", "24.09.2023", or
    with a month name of another language of Europe: "08 qershor 2010", "14. децембар
    2022.", "le 3 mars 2021") that heads its line or ends a header line (`_heads_line`):
    "date 2023-11-11", "Washington, March 3, 2021", "BRUSSELS, 5 May 2022 – ...",
    "Tuesday, 4 June 2019", "Press release 17 June 2022", "Date: 29.05.2013", "Statement
    from U.S. Embassy Pristina, December 14, 2018". The first such line wins; failing
    one, a month and year alone on a line, or after a label ("May 2022", "Updated: May
    2022"), gives a partial date. A date inside a sentence of the story is no dateline.
    """
    lines: list[tuple[int, str]] = []
    for m in _LINE.finditer(text):
        if len(lines) == 15:
            break
        if not lines or m.start() != lines[-1][0] + len(lines[-1][1]):
            lines.append((m.start(), m.group()))
    # English and numeric dates first, then (Babel imported only then) other languages'.
    # A date ending the first line ("Department Press Briefing – March 5, 2024") is the
    # headline's: a dateline line below it is the dateline, and the headline stays whole.
    headline: tuple[str, int, int] | None = None
    first = next((offset for offset, line in lines if line.strip()), None)
    for foreign in (False, True):
        previous = ""
        for offset, line in lines:
            head = min(len(line), _LINE_HEAD)
            # A line that goes on with the sentence above it ("... was signed on" / "13
            # August 2001 by ...") holds no dateline.
            tail = previous.split()[-1:]
            previous = line
            if tail and tail[0].casefold() in _STORY_WORDS:
                continue
            if foreign and not any(c.isdigit() for c in line[:head]):
                continue
            for date, start, end in _line_dates(line, head, foreign):
                if not _heads_line(line, start, end):
                    continue
                if offset == first and headline is None and not foreign and len(
                    line[:start].split()) > 2 and ends_header_line(line, start, end):
                    headline = date, offset + start, offset + end
                    break
                clock = _CLOCK_AFTER.match(line, end)  # "12 December 2023 15:40"
                return date, offset + start, offset + (clock.end() if clock else end)
        if headline is not None:
            return headline
    for offset, line in lines:
        for m in _MONTH_YEAR.finditer(line, 0, min(len(line), _LINE_HEAD)):
            partial = _date_text(int(m["y"]), _month_number(m["m"]))
            before, after = line[: m.start()], line[m.end() :]
            alone = not before.strip() or _DATE_LABEL.fullmatch(before)
            if partial and alone and not after.strip(" \t.|–—-"):
                return partial, offset + m.start(), offset + m.end()
    return None
