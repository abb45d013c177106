"""Partial dates: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, kept at the precision written.

Sorting and filtering use integer keys `YYYYMMDD` where a missing month or day is 00,
so `1999` sorts before `1999-01-01`, and a period's upper bound uses 99.
"""

# Record classes come from briefcli.typed (no `typing` at run time), which reads
# the annotations' names only: they are never evaluated.
from __future__ import annotations

from briefcli.typed import NamedTuple

MONTHS = (
    "", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)


def days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _date_parts(text: str) -> tuple[str, str, str] | None:
    """The year, month and day written in `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (ASCII
    digits only; "" for a part not written), or None for any other text."""
    n = len(text)
    if n not in (4, 7, 10) or not text.isascii() or not text[:4].isdigit():
        return None
    if n == 4:
        return text, "", ""
    if text[4] != "-" or not text[5:7].isdigit():
        return None
    if n == 7:
        return text[:4], text[5:], ""
    if text[7] != "-" or not text[8:].isdigit():
        return None
    return text[:4], text[5:7], text[8:]


class DateError(ValueError):
    """The text is not a valid partial date; the message says why."""


class PartialDate(NamedTuple):
    year: int
    month: int = 0
    day: int = 0

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        m = _date_parts(text.strip())
        if m is None:
            raise DateError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found {text!r}")
        year = int(m[0])
        month = int(m[1]) if m[1] else 0
        day = int(m[2]) if m[2] else 0
        if m[1] and not 1 <= month <= 12:
            raise DateError(f"{text!r} has no month {month:02d}")
        if m[2]:
            last = days_in_month(year, month)
            if not 1 <= day <= last:
                raise DateError(
                    f"{text!r} is not a real date: {MONTHS[month]} {year} "
                    f"has {last} days"
                )
        return cls(year, month, day)

    def __str__(self) -> str:
        if not self.month:
            return f"{self.year:04d}"
        if not self.day:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def low(self) -> int:
        """Sort key: missing parts are 00, so a period sorts before its days."""
        return self.year * 10000 + self.month * 100 + self.day

    @property
    def high(self) -> int:
        """The last key inside this date's period (`2011-03` -> 20110399)."""
        if not self.month:
            return self.year * 10000 + 9999
        if not self.day:
            return self.year * 10000 + self.month * 100 + 99
        return self.low

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def human(self) -> str:
        """`24 September 2023`, `September 2023` or `1999`."""
        if not self.month:
            return f"{self.year}"
        name = MONTHS[self.month]
        if not self.day:
            return f"{name} {self.year}"
        return f"{self.day} {name} {self.year}"
