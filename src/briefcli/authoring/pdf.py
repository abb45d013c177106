"""The text layer of a PDF as an article, for `brief ingest report.pdf`.

pypdf (pure Python, no system library) reads the text page by page, laid out as printed,
so that the blank space between paragraphs stays a blank line. Running headers and
footers (a line at the top or bottom of most pages, its numbers aside) and page numbers
are dropped, a word hyphenated at a line end is joined ("nego-" "tiations"), the lines of
a paragraph are joined, and a paragraph cut by a page break is joined again. A PDF with
no text layer (a scan), an encrypted one, a damaged one or a file that is no PDF is a
`PageError` with one line saying so. Nothing here prints.
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from collections import Counter

from briefcli.authoring.pagetext import Page, PageError, article_text, check_length

MAX_PAGES = 2000
"""The most pages read; a longer document is read up to there."""
_EDGE = 3  # lines at the top and at the bottom of a page where running lines are looked for

# What pypdf raises on a damaged file besides its own errors: a broken cross-reference
# table or stream surfaces as any of these from deep inside the parser.
_DAMAGE = (ValueError, KeyError, TypeError, AttributeError, IndexError, AssertionError,
           RecursionError, OverflowError, ZeroDivisionError, struct.error, zlib.error,
           UnicodeError, EOFError)

_PAGE_NUMBER = re.compile(
    r"(?:page|p\.|pg\.|seite|página|pagina)?\s*[-–—(\[]?\s*\d{1,3}\s*[-–—)\]]?"
    r"(?:\s*(?:/|of|de|von|sur)\s*\d{1,4})?|[ivxlcdm]{1,6}",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"[ \t\u00a0]+")
_SENTENCE_END = (".", "!", "?", ":", ";", "”", "\"", ")", "…")
_PARAGRAPH_END = (".", "!", "?", ":", ";", ".”", ".\"", "…")


def _running_key(line: str) -> str:
    """A line as a running header or footer repeats it: numbers and case aside."""
    return _DIGITS.sub("#", _SPACES.sub(" ", line).strip().casefold())


_LIST_START = re.compile(r"(?:\d{1,3}\.|\(?[a-z0-9]{1,3}\)|[•▪●◦*–-])\s")


def _page_lines(text: str) -> list[str]:
    """The lines of a page's text, spaces collapsed, blank lines kept (""); where no
    blank line parts two paragraphs, a blank line is put before a line that follows a
    sentence's end and is indented (a first-line indent) or opens with numbering or a
    bullet."""
    raw = [line.rstrip() for line in text.splitlines()]
    indents = [len(line) - len(line.lstrip()) for line in raw if line]
    margin = min(indents) if indents else 0
    out: list[str] = []
    for line in raw:
        stripped = _SPACES.sub(" ", line).strip()
        previous = out[-1] if out else ""
        if stripped and previous and previous.endswith(_PARAGRAPH_END) and (
            len(line) - len(line.lstrip()) >= margin + 2 or _LIST_START.match(stripped)
        ):
            out.append("")
        out.append(stripped)
    return out


def _drop_running(pages: list[list[str]]) -> list[list[str]]:
    """Pages without their page numbers and without the lines that stand at the top or
    the bottom of most of them (a title, a document symbol, a date)."""
    edges: Counter[str] = Counter()
    for lines in pages:
        filled = [line for line in lines if line]
        edge = {_running_key(line) for line in filled[:_EDGE] + filled[-_EDGE:]}
        edges.update(edge)
    need = max(2, -(-len(pages) * 6 // 10))  # on at least 60% of the pages, and two
    running = {key for key, n in edges.items() if n >= need} if len(pages) >= 2 else set()
    out: list[list[str]] = []
    for lines in pages:
        at = [i for i, line in enumerate(lines) if line]
        edges_at = set(at[:_EDGE] + at[-_EDGE:])
        kept = [
            "" if i in edges_at and (
                _running_key(line) in running or _PAGE_NUMBER.fullmatch(line)
            ) else line
            for i, line in enumerate(lines)
        ]
        out.append(kept)
    return out


def _join_lines(lines: list[str]) -> str:
    """The lines of one paragraph as one line: a word hyphenated at a line end joined
    ("nego-" "tiations" -> "negotiations"; "EU-" "facilitated" keeps its hyphen)."""
    text = ""
    for line in lines:
        if not text:
            text = line
        elif (
            text.endswith("-") and len(text) > 1 and text[-2].isalpha()
            and line[:1].islower()
        ):
            text = text[:-1] + line if text[-2].islower() else text + line
        else:
            text = f"{text} {line}"
    return text


def _paragraphs(pages: list[list[str]]) -> list[str]:
    """The paragraphs of the document: blocks of lines between blank lines, each joined;
    a paragraph that a page break cuts (no sentence end before it, a small letter after
    it) joined again."""
    out: list[str] = []
    continues = False
    for lines in pages:
        block: list[str] = []
        first = True
        for line in [*lines, ""]:
            if line:
                block.append(line)
                continue
            if not block:
                continue
            text = _join_lines(block)
            if first and continues and out and text[:1].islower():
                out[-1] = _join_lines([out[-1], text])
            else:
                out.append(text)
            block, first = [], False
        continues = bool(out) and not out[-1].endswith(_SENTENCE_END)
    return out


_FILE_NAME = re.compile(r".*\.(?:docx?|pdf|html?|odt|rtf|txt|indd|pptx?|xlsx?)$", re.IGNORECASE)


def _plausible_title(title: object) -> str | None:
    """A PDF's Title metadata when it reads as a title: not a file name ("Microsoft Word -
    report.docx"), not "Untitled", at least two words."""
    if not isinstance(title, str):
        return None
    text = " ".join(title.split())
    if (
        len(text.split()) < 2 or len(text) > 200 or _FILE_NAME.match(text)
        or text.casefold().startswith(("microsoft word", "untitled"))
    ):
        return None
    return text


def _creation_date(metadata: object) -> str | None:
    raw = getattr(metadata, "get", lambda _k: None)("/CreationDate")
    match = re.match(r"(?:D:)?(\d{4})(\d{2})(\d{2})", str(raw or ""))
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    if 1990 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def read_pdf(data: bytes, name: str) -> Page:
    """The text layer of the PDF `data` (read from `name`) as a page, or PageError.

    The PDF's Title becomes the headline when it reads as one; its creation date is the
    date only when the text has no dateline of its own.
    """
    if b"%PDF-" not in data[:1024]:
        raise PageError(f"{name}: not a PDF (it does not start with %PDF-)")
    import logging

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # it logs what it repairs
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                reader.decrypt("")
                reader.pages[0].extract_text()  # readable with the empty password?
            # DependencyError: AES needs a cryptography package, which brief does not add.
            except (FileNotDecryptedError, DependencyError, PyPdfError, *_DAMAGE,
                    NotImplementedError):
                raise PageError(
                    f"{name}: the PDF is encrypted; save an unprotected copy to read it"
                ) from None
        texts: list[str] = []
        size = 0
        for number, page in enumerate(reader.pages):
            if number == MAX_PAGES:
                break
            try:
                texts.append(page.extract_text(extraction_mode="layout"))
            except (PyPdfError, *_DAMAGE):
                texts.append(page.extract_text())
            size += len(" ".join(texts[-1].split()))
            check_length(size, name)  # stop early: every page read takes time
        metadata = reader.metadata
    except PageError:
        raise
    except (PyPdfError, *_DAMAGE, NotImplementedError) as exc:
        detail = " ".join(str(exc).split())[:100] or type(exc).__name__
        raise PageError(f"{name}: the PDF is damaged and cannot be read ({detail})") from None
    if not texts:
        raise PageError(f"{name}: the PDF has no pages")
    pages = _drop_running([_page_lines(text) for text in texts])
    paragraphs = _paragraphs(pages)
    if sum(len(p) for p in paragraphs) < 20:
        raise PageError(
            f"{name}: the PDF has no text layer (a scan?); brief reads the text of a "
            "PDF, it does not recognise images of text"
        )
    title = _plausible_title(getattr(metadata, "title", None) if metadata else None)
    date = _creation_date(metadata) if metadata else None
    return Page(article_text(title, date, paragraphs, fallback=True), title, None, None, None)


__all__ = ["MAX_PAGES", "read_pdf"]
