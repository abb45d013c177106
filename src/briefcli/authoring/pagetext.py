"""A page read for `ingest` (a web page or a PDF) as data, and its main text in the
plain-text article shape that `article.parse_article` reads: what `pages` and `pdf`
share."""

from __future__ import annotations

import re
from typing import NamedTuple

MAX_TEXT = 200_000


class PageError(Exception):
    """An input that cannot be read as a page; the message is one line for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Page(NamedTuple):
    """A page read: `text` in the plain-text article shape, and its metadata, each None
    when the page does not say: `title` (the headline), `date` (YYYY-MM-DD), `url`
    (canonical), `site` (the publisher or site name)."""

    text: str
    title: str | None
    date: str | None
    url: str | None
    site: str | None


def check_length(size: int, name: str) -> None:
    """PageError when a main text of `size` characters is longer than MAX_TEXT."""
    if size > MAX_TEXT:
        raise PageError(
            f"{name}: the main text has more than {MAX_TEXT:,} characters, more than a "
            "draft is made from: refused (split the document)"
        )


# -- the article shape ------------------------------------------------------------------------


_LABELS = 4  # short lines above a headline in the main text ("Press release", a date)
_LABEL_WIDTH = 100


_DATE_WORDS = re.compile(
    r"\b(?:published|updated|posted|issued|last|on|at|date|dated|mon|tue|wed|thu|fri|sat|"
    r"sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|cet|cest|gmt|utc|edt|"
    r"est)\b|\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?|[^\w\s]",
    re.IGNORECASE,
)


def _date_only(paragraph: str) -> bool:
    """Whether a short paragraph is only a date ("16.6.2023", "12 Mar. 2024 -",
    "Published on 5 May 2022, 15:30")."""
    from briefcli.authoring.datefinder import find_dates

    if len(paragraph) > 60:
        return False
    mentions = find_dates(paragraph, "2000-01-01")
    if not mentions:
        return False
    rest = paragraph
    for m in sorted(mentions, key=lambda m: -m.start):
        rest = rest[: m.start] + " " + rest[m.end :]
    return len(_DATE_WORDS.sub(" ", rest).split()) <= 1


def article_text(
    title: str | None, date: str | None, paragraphs: list[str], fallback: bool = False
) -> str:
    """The plain-text article of a page: the headline, a `date` line (unless the body's
    own dateline gives that date, or, for a `fallback` date, any date), then each
    paragraph after a blank line.

    The headline repeated near the top of the paragraphs is left out, with the short
    labels above it ("Press release", "Readout"); so are, when the page's `date` is
    known, the paragraphs near the top that are only a date ("16.6.2023").
    """
    from briefcli.authoring.datefinder import find_dateline

    if title:
        key = title.casefold()
        for at, paragraph in enumerate(paragraphs[:_LABELS + 1]):
            if paragraph.casefold() == key:
                # A dateline among the labels stays when the page gives no date.
                paragraphs = [
                    p for p in paragraphs[:at] if not date and find_dateline(p) is not None
                ] + paragraphs[at + 1:]
                break
            if len(paragraph) > _LABEL_WIDTH:
                break
    if date and not fallback:
        top = 0
        while top < min(len(paragraphs), _LABELS) and len(paragraphs[top]) <= 60:
            top += 1
        paragraphs = [p for i, p in enumerate(paragraphs) if i >= top or not _date_only(p)]
    body = "\n\n".join(paragraphs)
    head = [title] if title else []
    found = find_dateline(body)
    if date and (found is None or (found[0] != date and not fallback)):
        head.append(f"date {date}")
    return "\n\n".join([*head, body]) + "\n"
