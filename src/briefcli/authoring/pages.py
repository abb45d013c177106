"""Reading the pages people have, for `brief ingest`: saved web pages, URLs and PDFs.

Each input becomes a `Page`: its main text in the plain-text article shape that
`article.parse_article` reads (the headline on the first line, a `date` line when the
text has no dateline of its own, then the paragraphs, headings and list items, each a
paragraph separated by a blank line), and what the page says about itself: its headline,
publication date, canonical address and publisher. `to_article` parses that text and
puts the page's headline, date and source record on the article, so that the drafting
that reads text reads pages the same way.

Main text and metadata of HTML come from trafilatura (with htmldate for the date), and
the text layer of a PDF from pypdf (`pdf.py`); both are imported only when a page is
read, never on the start-up path of the other commands. Every failure is a `PageError`
whose message is one line, `name: what is wrong`. Nothing here prints.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat

from briefcli.authoring.article import Article, Paragraph, SourceRef, parse_article
from briefcli.authoring.pagetext import MAX_TEXT, Page, PageError, article_text, check_length
from briefcli.authoring.sentences import collapse

MAX_BYTES = 10 * 1024 * 1024
"""The largest page or PDF read (10 MiB); a larger file is refused before it is read."""
MAX_TAGS = 100_000
"""The most tags a page may have (a heavy news page has 10,000-30,000): reading its main
text takes time that grows with them."""
"""The most characters of main text a draft is made from (about 30,000 words, a report
of 60 pages); more is refused: drafting it would take minutes."""
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
PDF_SUFFIXES = (".pdf",)
PAGE_SUFFIXES = HTML_SUFFIXES + PDF_SUFFIXES


def page_kind(name: str) -> str | None:
    """"url", "html" or "pdf" for an input read by this module; None for a text file."""
    from briefcli.authoring.fetch import is_url

    if is_url(name):
        return "url"
    suffix = os.path.splitext(name)[1].lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in PDF_SUFFIXES:
        return "pdf"
    return None


def read_input(name: str, timeout: float | None = None) -> Page:
    """The page `name` names: a URL (fetched), a saved web page or a PDF file."""
    kind = page_kind(name)
    if kind == "url":
        from briefcli.authoring import fetch as fetching

        try:
            got = fetching.fetch(
                name, timeout=timeout or fetching.TIMEOUT, max_bytes=fetching.MAX_BYTES
            )
        except fetching.FetchError as exc:
            raise PageError(exc.message) from None
        if got.media_type.endswith("pdf"):
            from briefcli.authoring.pdf import read_pdf

            page = read_pdf(got.data, name)
            return page._replace(url=page.url or got.url)
        return read_html(got.data, name, url=got.url, charset=got.charset)
    data = read_bounded(name)
    if kind == "pdf":
        from briefcli.authoring.pdf import read_pdf

        return read_pdf(data, name)
    return read_html(data, name)


def read_bounded(path: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; PageError otherwise."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            raise PageError(f"{path}: no such file or folder") from None
        raise PageError(f"{path}: cannot read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise PageError(f"{path}: cannot read: not a regular file")
        if info.st_size > limit:
            raise PageError(
                f"{path}: {info.st_size / 2**20:.1f} MB, larger than the "
                f"{limit / 2**20:g} MB a page may be: refused"
            )
        data = f.read(limit + 1)
    if len(data) > limit:
        raise PageError(f"{path}: larger than the {limit / 2**20:g} MB a page may be: refused")
    return data


# -- encodings --------------------------------------------------------------------------------

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-z0-9_.:-]{1,40})""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,100}?encoding\s*=\s*["']([a-z0-9_.:-]{1,40})""",
                           re.IGNORECASE)
# Labels that browsers read as another encoding (the WHATWG Encoding Standard): a page
# declared latin-1 is decoded as windows-1252, whose extra characters (’ “ ” – €) pages
# declared so do use.
_AS_BROWSERS_READ = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "l1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252", "iso-8859-9": "cp1254",
    "tis-620": "cp874", "x-sjis": "shift_jis", "utf8": "utf-8",
}


def _codec(label: str | bytes | None) -> str | None:
    """The Python codec of an encoding label, or None for no label or an unknown one."""
    if not label:
        return None
    text = label.decode("ascii", "replace") if isinstance(label, bytes) else label
    text = text.strip().strip("\"'").lower()
    text = _AS_BROWSERS_READ.get(text, text)
    try:
        name = codecs.lookup(text).name
    except LookupError:
        return None
    # A page cannot declare itself UTF-16 inside itself: read such a label as UTF-8.
    return "utf-8" if name.startswith("utf-16") or name.startswith("utf-32") else name


def decode_html(data: bytes, declared: str | None = None) -> str:
    """The text of an HTML page, decoded as a browser would: a byte-order mark, else the
    charset the server declared, else the page's `<meta charset>` (or XML declaration),
    else UTF-8 when the bytes are UTF-8, else the encoding detected."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, "replace")
    head = data[:4096]
    name = _codec(declared)
    if name is None:
        found = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
        name = _codec(found.group(1)) if found else None
    if name is not None:
        return data.decode(name, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    name = _codec(best.encoding) if best is not None else None
    return data.decode(name or "cp1252", "replace")


# -- HTML -------------------------------------------------------------------------------------

_MIN_WORDS = 3  # a main text of fewer words is a page's furniture ("Home")
_TITLE_PARTS = re.compile(r"\s+(?:\||–|—|-|::|·|•|«|»)\s+")
# Bounded: a page with an <h1> never closed is not scanned to its end for each.
_H1 = re.compile(r"<h1\b[^>]{0,1000}>(.{0,3000}?)</h1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _looks_binary(data: bytes) -> bool:
    """Bytes that no HTML page is: NULs or many control bytes near the start (a page in
    UTF-16 has a byte-order mark, handled before this is asked)."""
    head = data[:4096]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) // 20


def _h1_texts(html: str) -> list[str]:
    import html as entities

    return [
        collapse(entities.unescape(_TAG.sub(" ", m.group(1))))
        for m in _H1.finditer(html, 0, 2_000_000)
    ]


def _without_site(title: str, site_key: str) -> str:
    """A title without the site's name at its start or end, the separators between
    the other parts as written ("Kosovo - Serbia talks | Reuters" -> "Kosovo - Serbia
    talks")."""
    pieces = re.split(f"({_TITLE_PARTS.pattern})", title)  # parts and separators
    while len(pieces) > 2 and pieces[-1].casefold() == site_key:
        pieces = pieces[:-2]
    while len(pieces) > 2 and pieces[0].casefold() == site_key:
        pieces = pieces[2:]
    return "".join(pieces).strip()


def _headline(title: str | None, site: str | None, html: str) -> str | None:
    """The page's headline: trafilatura's title without the site's name around it
    ("Statement on Kosovo | Ministry of Foreign Affairs" -> "Statement on Kosovo"),
    or the page's `<h1>` when the title is the site's name or holds the h1."""
    title = collapse(title) if title else None
    h1s = [h for h in _h1_texts(html) if 3 <= len(h) <= 300]
    if title:
        parts = _TITLE_PARTS.split(title)
        if len(parts) > 1:
            site_key = (site or "").casefold()
            kept = [p for p in parts if p.casefold() != site_key]
            for h1 in h1s:
                if h1.casefold() in title.casefold() and len(h1) >= len(max(kept, key=len)) / 2:
                    return h1
            if site_key and kept and len(kept) < len(parts):
                return _without_site(title, site_key)
    if title and site and title.casefold() == site.casefold() and h1s:
        return h1s[0]
    return title or (h1s[0] if h1s else None)


_TITLE_TAG = re.compile(r"<title\b[^>]{0,1000}>(.{0,3000}?)</title\s*>",
                        re.IGNORECASE | re.DOTALL)


def _site_from_title(html: str, headline: str) -> str | None:
    """The site's name as the page's `<title>` gives it beside the headline: the last
    part after it, or the first before it ("Minister meets ... | Ministry of Foreign
    Affairs" -> "Ministry of Foreign Affairs")."""
    import html as entities

    found = _TITLE_TAG.search(html, 0, 200_000)
    if not found:
        return None
    title = collapse(entities.unescape(found.group(1)))
    at = title.casefold().find(headline.casefold())
    if at < 0:
        return None
    before = [p for p in _TITLE_PARTS.split(title[:at]) if p.strip(" |–—-:·•«»")]
    after = [p for p in _TITLE_PARTS.split(title[at + len(headline):])
             if p.strip(" |–—-:·•«»")]
    site = after[-1] if after else before[0] if before else None
    return site.strip(" |–—-:·•«»") if site and site.casefold() != "home" else None


_ARTICLE_TYPES = re.compile(r"(?:News|Report|Scholarly|Tech|Blog|Analysis|Opinion)?Article|"
                            r"BlogPosting|Report|PressRelease|LiveBlogPosting")
_JSON_LD = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>",
                      re.IGNORECASE | re.DOTALL)


def _json_ld_date(html: str) -> str | None:
    """The datePublished of the page's JSON-LD article (NewsArticle, Article, Report...):
    of several, the one nearest the top of its document, an article's before any other
    item's (a WebPage's); None without one."""
    found: list[tuple[int, int, str]] = []  # (not an article, depth, date)
    for m in _JSON_LD.finditer(html, 0, 2_000_000):
        try:
            data = json.loads(m.group(1))
        except ValueError:
            continue
        stack: list[tuple[object, int]] = [(data, 0)]
        while stack and len(found) < 50:
            item, depth = stack.pop()
            if isinstance(item, list):
                stack.extend((v, depth) for v in item)
            elif isinstance(item, dict):
                stack.extend((v, depth + 1) for v in item.values() if isinstance(v, (dict, list)))
                value = item.get("datePublished")
                if isinstance(value, str) and _DATE.match(value.strip()):
                    kinds = item.get("@type")
                    names = kinds if isinstance(kinds, list) else [kinds]
                    article = any(
                        isinstance(k, str) and _ARTICLE_TYPES.fullmatch(k) for k in names
                    )
                    found.append((0 if article else 1, depth, value.strip()[:10]))
    return min(found)[2] if found else None


def _extract(html: str, name: str, url: str | None, tables: bool) -> object:
    """trafilatura's document of the page (None when it finds no main text)."""
    from lxml.etree import LxmlError
    from trafilatura import bare_extraction

    try:
        return bare_extraction(
            # Layout tables of older sites come out whole with tables on
            # (benchmarks/pages.py); otherwise the settings of the published scores.
            html, url=url, with_metadata=True, include_comments=False, include_tables=tables,
            include_images=False, include_links=False,
        )
    except (LxmlError, ValueError, TypeError, AttributeError, RecursionError,
            LookupError) as exc:
        raise PageError(f"{name}: the page cannot be read: {type(exc).__name__}") from None


def _field(doc: object, name: str) -> str | None:
    """A text field of trafilatura's document, None when it has none."""
    value = getattr(doc, name, None)
    return value if isinstance(value, str) and value.strip() else None


def read_html(
    data: bytes, name: str, url: str | None = None, charset: str | None = None
) -> Page:
    """The main text and metadata of the HTML page `data` (read from `name`, fetched
    from `url` with the declared `charset`), or PageError for no page or no text."""
    if not data.strip():
        raise PageError(f"{name}: the page is empty")
    if _looks_binary(data) and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise PageError(f"{name}: not an HTML page (binary data)")
    html = decode_html(data, charset)
    if "<" not in html[:100_000]:
        raise PageError(f"{name}: not an HTML page (no markup)")
    if html.count("<") > MAX_TAGS:
        raise PageError(f"{name}: the page has more than {MAX_TAGS:,} tags: refused")
    import logging

    # trafilatura logs what it could not parse; a page is judged by what it gives.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    doc = _extract(html, name, url, tables=False)
    if _field(doc, "text") is None:
        # The story is in a layout table (older sites): read with tables after all.
        doc = _extract(html, name, url, tables=True)
    text = _field(doc, "text")
    if text is None or len(text.split()) < _MIN_WORDS:
        raise PageError(f"{name}: no main text found in the page")
    check_length(len(text), name)
    sitename = _field(doc, "sitename")
    site = collapse(sitename) if sitename else None
    title = _headline(_field(doc, "title"), site, html)
    if site is None and title:
        site = _site_from_title(html, title)
    date = _json_ld_date(html) or _field(doc, "date")
    if date and not _DATE.fullmatch(date[:10]):
        date = None
    paragraphs = [collapse(line) for line in text.splitlines()]
    page_url = _field(doc, "url") or url
    return Page(
        article_text(title, date[:10] if date else None, [p for p in paragraphs if p]),
        title, date[:10] if date else None, page_url, site,
    )


def to_article(page: Page, path: str) -> Article:
    """The article of a page: its text parsed as any article is, with the page's
    headline as the headline, its date (over a dateline found in the text), and a source
    for the page itself (title, publisher, canonical address) after the sources the text
    lists."""
    article = parse_article(page.text, path)
    headline = page.title or article.headline
    paragraphs = list(article.paragraphs)
    chosen = article.headline
    if page.title and chosen and chosen != page.title and chosen in page.text:
        # The parser took a longer line after the headline for it (a subtitle, a
        # heading): that line is the body's.
        line = page.text.count("\n", 0, page.text.index(chosen)) + 1
        paragraphs.insert(0, Paragraph(chosen, line))
    if page.title and paragraphs and paragraphs[0].text == page.title:
        del paragraphs[0]  # a headline the parser took for a paragraph ("... talks.")
    sources = list(article.sources)
    title = headline or page.url
    if title and (page.url or page.site):
        sources.append(SourceRef(title, page.site, page.url, 1))
    return article._replace(
        headline=headline, date=page.date or article.date, paragraphs=paragraphs,
        sources=sources,
    )


__all__ = [
    "MAX_BYTES", "MAX_TAGS", "MAX_TEXT", "PAGE_SUFFIXES", "Page", "PageError", "article_text",
    "check_length", "decode_html", "page_kind", "read_bounded", "read_html", "read_input",
    "to_article",
]
