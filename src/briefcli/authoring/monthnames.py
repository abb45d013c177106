"""Month names of the languages of Europe, from CLDR (through Babel), for datelines.

An article copied from a ministry's or a mission's page is often dated in its own
language: "Prishtinë, 08 qershor 2010", "Београд, 14. децембар 2022.", "Paris, le 3 mars
2021", "Berlin, 3. März 2021", "Madrid, 3 de marzo de 2021". `foreign_dates` finds such
full dates in a line. CLDR's names (wide and abbreviated, in their format and standalone
forms, which differ where a language declines the month: Croatian "siječnja"/"siječanj")
are read once, on first use: Babel is imported only on the ingest path, never by the
commands that answer from the index. A name that means two months in two languages
(Croatian "listopad" is October, Czech and Polish "listopad" November) is left out.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

__all__ = ["LOCALES", "foreign_dates"]

LOCALES = (
    "en", "fr", "de", "es", "it", "pt", "nl", "sq", "sr", "sr_Latn", "bs", "hr", "mk", "sl",
    "ro", "bg", "el", "tr", "hu", "pl", "cs", "sk", "uk", "ru", "ca", "da", "sv", "nb", "fi",
    "et", "lv", "lt", "ga", "mt",
)
"""The languages whose month names are known: the region's and Europe's."""


def _fold(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold().rstrip(".")


@functools.lru_cache(maxsize=1)
def _months() -> tuple[dict[str, int], re.Pattern[str]]:
    """Folded month name -> month number, and a pattern of full dates with them."""
    from babel import Locale  # the ingest path only: see the module's docstring

    seen: dict[str, set[int]] = {}
    for code in LOCALES:
        locale = Locale.parse(code)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    key = _fold(name)
                    if len(key) >= 3 and not key.isdigit():
                        seen.setdefault(key, set()).add(number)
    months = {name: next(iter(numbers)) for name, numbers in seen.items() if len(numbers) == 1}
    names = "|".join(re.escape(name) for name in sorted(months, key=len, reverse=True))
    pattern = re.compile(
        # "08 qershor 2010", "14. децембар 2022.", "3 de marzo de 2021", "3. März 2021"
        rf"(?P<d>\d{{1,2}})\.?\s+(?:de\s+|d['’]\s*)?(?P<m>{names})\.?,?\s+(?:de\s+)?"
        rf"(?P<y>(?:19|20)\d\d)(?!\d)\.?"
        # "2021. március 3.", "2021 m. kovo 3 d."
        rf"|(?P<y2>(?:19|20)\d\d)\.?\s+(?:m\.\s+)?(?P<m2>{names})\.?\s+(?P<d2>\d{{1,2}})(?!\d)\.?",
        re.IGNORECASE,
    )
    return months, pattern


def foreign_dates(line: str) -> Iterator[tuple[int, int, int, int, int]]:
    """(year, month, day, start, end) of each full date with a month name in `line`."""
    months, pattern = _months()
    for m in pattern.finditer(line):
        name = m["m"] or m["m2"]
        number = months.get(_fold(name))
        if number is None:
            continue
        year, day = (m["y"], m["d"]) if m["m"] else (m["y2"], m["d2"])
        if not (m.start() == 0 or not line[m.start() - 1].isalnum()):
            continue
        if m.end() < len(line) and line[m.end() - 1].isalnum() and line[m.end()].isalnum():
            continue
        yield int(year), number, int(day), m.start(), m.end()
