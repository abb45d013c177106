"""Fetching one web page for `brief ingest URL`, with the standard library only.

`fetch` makes requests only to the address it is given and to the http(s) addresses that
address redirects to, at most `MAX_REDIRECTS` of them; it never follows a redirect to
another scheme (`file://`, `ftp://`), never sends cookies or credentials, and reads at
most `MAX_BYTES` of the answer. Every failure (an HTTP error status, a timeout, no
network, an answer too large or of the wrong type) is a `FetchError` whose message is
one line naming the address. Nothing here prints.
"""

from __future__ import annotations

import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from email.message import Message
from http.client import HTTPException, HTTPResponse
from typing import NamedTuple

from briefcli import __version__

MAX_BYTES = 10 * 1024 * 1024
"""The most of an answer that is read (10 MiB): a news page is well under 2 MiB."""
MAX_REDIRECTS = 5
TIMEOUT = 20.0
"""Seconds to wait for a connection or for any read; the whole fetch gets four times it."""
USER_AGENT = f"brief/{__version__} (briefing book; brief ingest)"
SCHEMES = ("http", "https")
HTML_TYPES = ("text/html", "application/xhtml+xml")
PDF_TYPES = ("application/pdf", "application/x-pdf")
_CHUNK = 64 * 1024


class FetchError(Exception):
    """A page that could not be fetched; the message is one line for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Fetched(NamedTuple):
    """An answer: its bytes, the charset its Content-Type declares (or None), the
    address it finally came from, and its media type (`text/html`, `application/pdf`)."""

    data: bytes
    charset: str | None
    url: str
    media_type: str


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects are followed by `fetch` itself, which counts them and checks where
    they lead: here each one comes back as its 3xx answer."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def _opener() -> urllib.request.OpenerDirector:
    """An opener that speaks http(s) only: no file://, ftp:// or data: handler at all,
    and no cookie jar."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(context=ssl.create_default_context()),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
        _NoRedirect(),
    ):
        opener.add_handler(handler)
    return opener


def is_url(text: str) -> bool:
    """Whether a command-line argument is a web address (http:// or https://)."""
    return text[:8].lower().startswith(("http://", "https://"))


def _check_address(url: str, original: str) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        if url == original:
            raise FetchError(f"{original}: only http:// and https:// addresses are fetched")
        raise FetchError(
            f"{original}: redirected to {_short(url)}, which is not http(s): refused"
        )
    if not parts.hostname:
        raise FetchError(f"{original}: no host name in the address")


def _short(url: str) -> str:
    return url if len(url) <= 120 else url[:117] + "..."


def _media_type(headers: Message) -> tuple[str, str | None]:
    media = headers.get_content_type().lower()
    if not headers.get("Content-Type"):
        media = ""
    charset = headers.get_content_charset()
    return media, charset


def fetch(
    url: str,
    *,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
    accept_pdf: bool = True,
) -> Fetched:
    """The page at `url` (HTML, or a PDF when `accept_pdf`), or FetchError.

    A redirect is followed when it leads to http(s), at most `max_redirects` times; an
    HTTP error status, a wait of more than `timeout` seconds for a connection or a read
    (or of four times it in all), an answer larger than `max_bytes`, or one that is
    neither HTML nor PDF raises FetchError.
    """
    _check_address(url, url)
    opener = _opener()
    deadline = time.monotonic() + 4 * timeout
    current = url
    for _hop in range(max_redirects + 1):
        request = urllib.request.Request(current, headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.1",
            "Accept-Encoding": "gzip, deflate",
        })
        try:
            response = opener.open(request, timeout=timeout)
        except urllib.error.HTTPError as exc:
            location = exc.headers.get("Location") if exc.headers else None
            exc.close()
            if 300 <= exc.code < 400 and location:
                current = urllib.parse.urljoin(current, location.strip())
                _check_address(current, url)
                continue
            reason = f" {exc.reason}" if exc.reason else ""
            raise FetchError(f"{url}: the server answered HTTP {exc.code}{reason}") from None
        except (urllib.error.URLError, OSError, HTTPException, ValueError) as exc:
            raise FetchError(f"{url}: {_reason(exc, timeout)}") from None
        with response:
            return _read(response, url, current, deadline, timeout, max_bytes, accept_pdf)
    raise FetchError(f"{url}: more than {max_redirects} redirects: refused")


def _reason(exc: BaseException, timeout: float) -> str:
    """What went wrong, in words, for an error raised while connecting or reading."""
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"no answer within {timeout:g} s"
    if isinstance(reason, socket.gaierror):
        return "cannot resolve the host name (no network?)"
    if isinstance(reason, ssl.SSLError):
        return f"TLS failed: {getattr(reason, 'reason', None) or reason}"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, OSError):
        return f"cannot connect: {reason.strerror or reason}"
    text = " ".join(str(reason).split()) or type(reason).__name__
    return f"cannot fetch: {text[:200]}"


def _read(
    response: HTTPResponse,
    url: str,
    final: str,
    deadline: float,
    timeout: float,
    max_bytes: int,
    accept_pdf: bool,
) -> Fetched:
    media, charset = _media_type(response.headers)
    allowed = HTML_TYPES + (PDF_TYPES if accept_pdf else ())
    if media not in allowed:
        found = media or "an answer without a Content-Type"
        raise FetchError(f"{url}: the server sent {found}, not an HTML page")
    length = response.headers.get("Content-Length", "")
    if length.strip().isdigit() and int(length) > max_bytes:
        raise FetchError(f"{url}: the page is larger than {_size(max_bytes)}: refused")
    encoding = (response.headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
        raise FetchError(f"{url}: the page is compressed as {encoding!r}, which is not read")
    inflate = None
    if encoding != "identity":
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS if "gzip" in encoding else 0)
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            if time.monotonic() > deadline:
                raise FetchError(f"{url}: the page took more than {4 * timeout:g} s: stopped")
            chunk = response.read(_CHUNK)
            if not chunk:
                break
            if inflate is not None:
                chunk = inflate.decompress(chunk, max_bytes + 1 - size)
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(f"{url}: the page is larger than {_size(max_bytes)}: refused")
            chunks.append(chunk)
    except (OSError, HTTPException, zlib.error) as exc:
        raise FetchError(f"{url}: {_reason(exc, timeout)}") from None
    return Fetched(b"".join(chunks), charset, final, media)


def _size(limit: int) -> str:
    return f"{limit / (1024 * 1024):g} MB" if limit >= 1024 * 1024 else f"{limit:,} bytes"


__all__ = ["MAX_BYTES", "MAX_REDIRECTS", "TIMEOUT", "USER_AGENT", "FetchError", "Fetched",
           "fetch", "is_url"]
