"""Relative dates of news prose, resolved against the article's date or the date the text
named last.

Two kinds:
- deictic words, read from the article's own date: "today", "this morning", "yesterday",
  "tomorrow", "on Monday", "late on Monday", "on Tuesday evening", "last Friday", "next
  Monday", "two days ago", "last month", "earlier this month", "at the end of the month",
  "next year" (`relative_dates`);
- anaphoric words, read from the date of the happening told just before: "the same day",
  "later that day", "the following day", "two days later", "two days earlier", "a week
  later", "nine hours later", "the following month", "two years later"
  (`anaphoric_dates`).

What cannot be resolved safely gives no date, for a false date is worse than none: a
weekday without an article date of day precision (its week is unknown), "last week" and
"at the weekend" (no day is written), "the same day" after a date of month precision.
Pure: no file, no printing.
"""

from __future__ import annotations

import datetime as _dt
import re

__all__ = ["anaphoric_dates", "counted_from", "relative_dates", "weekday_before"]

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_RELATIVE = re.compile(
    r"\b(?:(?P<today>(?<!ago\s)(?:earlier\s+|later\s+)?today(?:['’]s)?|this\s+(?:morning|afternoon|"
    r"evening)|tonight|this\s+week|earlier\s+this\s+week)"
    r"|(?P<yesterday>yesterday(?:\s+(?:morning|afternoon|evening))?|last\s+night)"
    r"|(?P<tomorrow>tomorrow)"
    rf"|(?P<weekday>(?:(?:late|early)\s+)?(?:on|last|this\s+past|next)\s+{_WEEKDAY}"
    rf"{_PART_OF_DAY}(?:\s+and\s+{_WEEKDAY}{_PART_OF_DAY})?"
    rf"|{_WEEKDAY}['’]s(?=\s+[a-z])|(?:in\s+the\s+(?:early\s+)?hours|(?:in|on)\s+the\s+(?:morning|"
    rf"afternoon|evening|night))\s+of\s+{_WEEKDAY})"
    r"|(?P<ago>(?P<n>\d{1,2}|a|one|two|three|four|five|six|seven)\s+(?P<unit>days?|weeks?)"
    r"\s+ago)"
    r"|(?P<thismonth>(?:earlier\s+|later\s+)?this\s+month"
    r"|(?:at\s+)?the\s+(?:end|beginning|start|middle)\s+of\s+(?:the|this)\s+month)"
    r"|(?P<thisyear>(?:earlier\s+|later\s+)this\s+year)"
    r"|(?P<lastmonth>last\s+month|the\s+previous\s+month)"
    r"|(?P<nextmonth>next\s+month)"
    r"|(?P<named>(?P<way3>last|next)\s+(?P<mname>January|February|March|April|May|June|July|"
    r"August|September|October|November|December))"
    r"|(?P<lastyear>last\s+year|the\s+previous\s+year)"
    r"|(?P<nextyear>(?<!the\s)next\s+year)"
    r"|(?P<following>the\s+following\s+year|a\s+year\s+later))\b",
    re.IGNORECASE,
)
_FUTURE_WORDS = re.compile(
    r"\b(?i:will|shall|would|is\s+to|are\s+to|to\s+be|next|upcoming|scheduled|planned|"
    r"(?:expected|due|set|plans?|intends?|aims?|going)\s+to)\b"
)
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# The day of a stay an ordinal names: its first day is 0 on, its last one -1.
_ORDINAL_DAYS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "last": -1,
                 "final": -1}
_COUNT = r"(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)"
_ANAPHORIC = re.compile(
    r"\b(?:(?P<same>(?:on\s+)?the\s+same\s+(?:day|morning|afternoon|evening|night)"
    r"|(?:later|earlier)\s+(?:on\s+)?(?:that|the\s+same)\s+day"
    r"|(?:later|earlier)\s+in\s+the\s+day"
    r"|that\s+(?:same\s+)?(?:day|morning|afternoon|evening|night)(?!\s+(?:of|when|in)\b))"
    r"|(?P<next>(?:on\s+)?the\s+(?:following|next)\s+(?:day|morning|evening)"
    r"|the\s+day\s+after(?=\s*[,.;]))"
    r"|(?P<before>(?:on\s+)?the\s+(?:previous|preceding)\s+day|the\s+day\s+before(?=\s*[,.;])"
    r"|the\s+night\s+before(?=\s*[,.;]))"
    rf"|(?P<later>{_COUNT}\s+(?P<unit>days?|weeks?|months?|years?)\s+(?P<way>later|earlier))"
    r"|(?P<hours>(?:(?:a\s+few|several|\d{1,2}|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|an?)\s+)?(?:hours?|minutes?)\s+later)"
    r"|(?P<month>(?:in\s+)?the\s+(?:following|next|subsequent)\s+month)"
    r"|(?P<after>(?P<n2>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?P<unit2>days?|weeks?)\s+(?P<way2>after|before)(?=\s+[^\W\d_]))"
    r"|(?P<nth>(?:on\s+)?the\s+(?P<ord>first|second|third|fourth|fifth|last|final)\s+day"
    r"(?:\s+of\s+(?:the|his|her|their|its)\s+(?:visit|trip|tour|stay|mission|conference|"
    r"summit|session|talks))?(?=\s*,)))\b",
    re.IGNORECASE,
)


# The words before a bare "that day" that make it a date of the story: "On that day",
# "Later on that day" (and "That evening," opening a sentence).
_THAT_DAY_LEAD = re.compile(r"(?:^|\b(?i:on|later|earlier|during)\s+)\s*$")


# Words before a relative date that make it a span: "within the next year", "over the
# following month", "during this week", "throughout last year".
_WITHIN = re.compile(r"\b(?i:within|over|during|throughout)\s+(?:(?i:the)\s+)?$")
_SPAN_UNIT = re.compile(r"(?i)\b(?:week|month|year)s?\b")


def _month_shift(year: int, month: int, months: int) -> str:
    index = year * 12 + month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def weekday_before(sentence: str, at: int) -> re.Match[str] | None:
    """The weekday written just before a date at `at`: "on Monday (29 April)", "on Monday,
    29 April", "Monday 29 April"; None when there is none."""
    return re.search(
        rf"(?:\b(?i:on|late\s+on|early\s+on)\s+)?\b{_WEEKDAY}{_PART_OF_DAY}\s*[(,]?\s*$",
        sentence[max(0, at - 32) : at],
    )


def relative_dates(
    sentence: str, reference: str, last_year: int | None = None
) -> list[tuple[str, int, int]]:
    """(date, start, end) of each deictic expression of `sentence` resolved against the
    article's date `reference` (YYYY-MM-DD, or partial: then only month and year words
    resolve): "today", "this morning", "this week" -> the day itself; "yesterday" and
    "tomorrow"; "on Monday", "late on Monday", "on Tuesday evening" -> the last Monday up
    to the day (the next one in a clause about the future), as "Monday's attack" and "on
    Tuesday and Wednesday" (its first day) are; "last Monday" -> the one
    before the day; "next Monday" -> the one after it; "last month", "next month", "at
    the end of the month"; "last year", "next year"; "the following year" -> the year
    after `last_year`, the last year the text named."""
    found: list[tuple[str, int, int]] = []
    parts = reference.split("-")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else 0
    day = _dt.date(year, month, int(parts[2])) if len(parts) > 2 else None
    for m in _RELATIVE.finditer(sentence):
        date: str | None = None
        if _SPAN_UNIT.search(m.group()) and _WITHIN.search(sentence, 0, m.start()):
            continue  # "within the next year", "over this month": a span, no day of it
        if day is not None and m["today"]:
            date = day.isoformat()
        elif day is not None and m["yesterday"]:
            date = (day - _dt.timedelta(days=1)).isoformat()
        elif day is not None and m["tomorrow"]:
            date = (day + _dt.timedelta(days=1)).isoformat()
        elif day is not None and m["weekday"]:
            # "Monday's meeting will be held": a possessive's tense comes after it
            possessive = m["weekday"].endswith(("'s", "’s"))
            date = _weekday(m["weekday"], sentence if possessive else sentence[: m.start()],
                            day)
        elif day is not None and m["ago"]:
            count = int(m["n"]) if m["n"].isdigit() else _COUNTS[m["n"].lower()]
            days = count * (7 if m["unit"].startswith("week") else 1)
            date = (day - _dt.timedelta(days=days)).isoformat()
        elif month and m["thismonth"]:
            date = f"{year:04d}-{month:02d}"
        elif m["thisyear"]:
            date = f"{year:04d}"
        elif month and m["lastmonth"]:
            date = _month_shift(year, month, -1)
        elif month and m["nextmonth"]:
            date = _month_shift(year, month, 1)
        elif month and m["named"]:
            # "last November" in a September article: the November before; "next March":
            # the March after (never the article's own month)
            named = _MONTHS.index(m["mname"].lower()) + 1
            if m["way3"].lower() == "last":
                date = _month_shift(year, month, -((month - named - 1) % 12 + 1))
            else:
                date = _month_shift(year, month, (named - month - 1) % 12 + 1)
        elif m["lastyear"]:
            date = f"{year - 1:04d}"
        elif m["nextyear"]:
            date = f"{year + 1:04d}"
        elif m["following"] and last_year is not None:
            date = f"{last_year + 1:04d}"
        if date:
            found.append((date, m.start(), m.end()))
    return found


def _weekday(words: str, before: str, day: _dt.date) -> str:
    parts = [w.lower().removesuffix("'s").removesuffix("’s") for w in words.split()]
    name = next(w for w in parts if w in _WEEKDAYS)
    wanted = _WEEKDAYS.index(name)
    # "on", "last", "next", "past", "of", or none ("Monday's attack": the last Monday)
    which = parts[parts.index(name) - 1] if parts.index(name) else "on"
    back = (day.weekday() - wanted) % 7
    ahead = (wanted - day.weekday()) % 7
    if which == "next":
        return (day + _dt.timedelta(days=ahead or 7)).isoformat()
    if which == "last" or which == "past":
        return (day - _dt.timedelta(days=back or 7)).isoformat()
    if _FUTURE_WORDS.search(before):
        return (day + _dt.timedelta(days=ahead)).isoformat()
    return (day - _dt.timedelta(days=back)).isoformat()


def anaphoric_dates(sentence: str) -> list[tuple[int, int, str, int]]:
    """(start, end, unit, amount) of each expression of `sentence` that counts from the
    happening told before it: "the same day" (day, 0), "the following day" (day, 1), "the
    previous day" (day, -1), "two days later" (day, 2), "a week later" (day, 7), "the
    following month" (month, 1), "three years later" (year, 3), "two days earlier" (day,
    -2), "nine hours later" (day, 0), "four days after [a clause]" (clause, -4: the clause
    after it happened four days before the date told before it in the sentence)."""
    found: list[tuple[int, int, str, int]] = []
    for m in _ANAPHORIC.finditer(sentence):
        if _SPAN_UNIT.search(m.group()) and _WITHIN.search(sentence, 0, m.start()):
            continue  # "over the following month", "within a year": a span
        if m["same"] and m.group().casefold().startswith("that") and "same" not in (
            m.group().casefold()
        ) and not (_THAT_DAY_LEAD.search(sentence, 0, m.start())
                   or sentence[m.end() : m.end() + 1] == ","):
            continue  # "We will never forget that day", "since that day": no date told
        if m["same"] and re.match(r"\s+as\b", sentence[m.end() :]):
            continue  # "on the same day as the presidential vote": a comparison
        if m["same"]:
            unit, amount = "day", 0
        elif m["next"]:
            unit, amount = "day", 1
        elif m["before"]:
            unit, amount = "day", -1
        elif m["later"]:
            count = int(m["n"]) if m["n"].isdigit() else _COUNTS[m["n"].lower()]
            if m["way"].lower() == "earlier":
                count = -count
            kind = m["unit"].lower().rstrip("s")
            unit, amount = ("day", count * 7) if kind == "week" else (kind, count)
        elif m["hours"]:
            unit, amount = "day", 0  # "nine hours later": the same day, as news counts
        elif m["after"]:
            # "vetoed the law on 18 May, four days after Parliament adopted it": what
            # follows happened four days before the date told before
            count = int(m["n2"]) if m["n2"].isdigit() else _COUNTS[m["n2"].lower()]
            count *= 7 if m["unit2"].lower().startswith("week") else 1
            unit, amount = "clause", -count if m["way2"].lower() == "after" else count
        elif m["nth"]:
            # "On the second day, she travelled to Baku": counted from the first day of
            # the stay told before ("from 3 to 5 June"); "the last day" is its end
            unit, amount = "stay", _ORDINAL_DAYS[m["ord"].lower()]
        else:
            unit, amount = "month", 1
        found.append((m.start(), m.end(), unit, amount))
    return found


def counted_from(previous: str | None, unit: str, amount: int) -> str | None:
    """The date `amount` units after `previous` (a date of the text), or None when
    `previous` is not precise enough for the unit ("the same day" after "in March")."""
    if previous is None:
        return None
    parts = [int(p) for p in previous.split("-")]
    if unit == "year":
        return f"{parts[0] + amount:04d}"
    if unit == "month":
        return _month_shift(parts[0], parts[1], amount) if len(parts) > 1 else None
    if len(parts) < 3:
        return None
    return (_dt.date(*parts) + _dt.timedelta(days=amount)).isoformat()
