"""`brief ingest URL`: pages fetched from a local http.server on 127.0.0.1 (an ephemeral
port, started and stopped by the test), and every failure one line with exit 1."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import threading
import time
from collections.abc import Iterator

import pytest

from briefcli.authoring import fetch as fetching
from briefcli.authoring.fetch import USER_AGENT, FetchError, fetch
from pdfwriter import report
from test_authoring import records
from test_pages import page_file

NATO = page_file("nato").read_bytes()
MINISTRY = page_file("ministry").read_bytes()
SEEN: list[dict[str, str]] = []


@functools.cache
def bomb() -> bytes:
    """1 KB that inflates to 40 MB, compressed once (compressing it for each request took
    the server longer than the client's timeout on a loaded machine)."""
    return gzip.compress(b"<p>" + b" " * 40 * 1024 * 1024)

class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def send(self, code: int, body: bytes, kind: str = "text/html; charset=utf-8",
             **headers: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        with contextlib.suppress(OSError):  # the client gave up (the slow page)
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802
        SEEN.append({"path": self.path, "agent": self.headers.get("User-Agent", "")})
        path = self.path
        if path == "/nato":
            self.send(200, NATO)
        elif path == "/ministry":  # windows-1252, said by the header only
            self.send(200, MINISTRY.replace(b"charset=windows-1252", b""),
                      "text/html; charset=windows-1252")
        elif path == "/missing":
            self.send(404, b"<h1>Not found</h1>")
        elif path == "/broken":
            self.send(500, b"<h1>Internal error</h1>")
        elif path == "/slow":
            time.sleep(1.5)
            self.send(200, NATO)
        elif path.startswith("/loop"):
            self.send(302, b"", Location=f"/loop{len(path)}")
        elif path == "/moved":
            self.send(301, b"", Location="/nato")
        elif path == "/to-file":
            self.send(302, b"", Location="file:///etc/passwd")
        elif path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: read until the limit
            chunk = b"<p>" + b"x" * 65536 + b"</p>"
            try:
                for _ in range(40):
                    self.wfile.write(chunk)
            except OSError:
                pass
        elif path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(50 * 1024 * 1024))
            self.end_headers()
        elif path == "/report":
            self.send(200, report([["Talks on the Dialogue resumed in Brussels today, said\n"
                                    "the ministers, and went on late."]], "Report SEC/1"),
                      "application/pdf")
        elif path == "/gzip":
            self.send(200, gzip.compress(NATO), Content_Encoding="gzip")
        elif path == "/bomb":  # 1 KB that inflates to 40 MB
            self.send(200, bomb(), Content_Encoding="gzip")
        elif path == "/brotli":
            self.send(200, b"\x0b\x02\x80", Content_Encoding="br")
        elif path == "/image":
            self.send(200, b"\x89PNG\r\n\x1a\n", "image/png")
        elif path == "/json":
            self.send(200, b"{}", "application/json")
        else:
            self.send(404, b"")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_url_is_fetched_and_drafted(brief, server):
    SEEN.clear()
    r = brief("ingest", f"{server}/nato")
    assert r.code == 0, r.stderr
    draft = records(r.stdout)
    (briefing,) = draft["briefing"]
    assert briefing["title"] == "NATO Secretary General meets the Prime Minister of Kosovo"
    assert briefing["date"] == "2024-03-12"
    (source,) = draft["source"]
    assert source["publisher"] == "NATO"
    assert source["url"] == f"{server}/nato"  # no canonical link: the address fetched
    assert SEEN == [{"path": "/nato", "agent": USER_AGENT}]
    assert USER_AGENT.startswith("brief/")


def test_the_header_charset_decodes_the_page(server):
    got = fetch(f"{server}/ministry")
    assert got.charset == "windows-1252"
    from briefcli.authoring.pages import read_html

    assert "Novák" in read_html(got.data, "m", got.url, got.charset).text


def test_a_pdf_answer_is_read_as_a_pdf(brief, server):
    r = brief("ingest", f"{server}/report", "--date", "2024-01-02")
    assert r.code == 0, r.stderr
    draft = records(r.stdout)
    assert draft["briefing"][0]["body"] == [
        "Talks on the Dialogue resumed in Brussels today, said the ministers, and went on late."
    ]
    assert draft["source"][0]["url"] == f"{server}/report"


def test_a_compressed_page_is_inflated(server):
    assert fetch(f"{server}/gzip").data == NATO


def test_a_redirect_is_followed_and_the_source_is_where_it_led(server):
    got = fetch(f"{server}/moved")
    assert got.url == f"{server}/nato" and got.data == NATO


@pytest.mark.parametrize("path, message", [
    ("/missing", "the server answered HTTP 404 Not Found"),
    ("/broken", "the server answered HTTP 500 Internal Server Error"),
    ("/loop", "more than 5 redirects: refused"),
    ("/to-file", "redirected to file:///etc/passwd, which is not http(s): refused"),
    ("/huge", "the page is larger than 1 MB: refused"),
    ("/huge-declared", "the page is larger than 1 MB: refused"),
    ("/bomb", "the page is larger than 1 MB: refused"),
    ("/brotli", "the page is compressed as 'br', which is not read"),
    ("/image", "the server sent image/png, not an HTML page"),
    ("/json", "the server sent application/json, not an HTML page"),
    ("/slow", "no answer within 0.5 s"),
])
def test_a_failed_fetch_is_one_line_and_exit_1(brief, server, monkeypatch, path, message):
    # Only the slow server is to be waited for briefly: under load, another answer can
    # take longer than half a second to come, and its refusal is what is tested.
    monkeypatch.setattr(fetching, "TIMEOUT", 0.5 if path == "/slow" else 30)
    monkeypatch.setattr(fetching, "MAX_BYTES", 1024 * 1024)
    r = brief("ingest", f"{server}{path}")
    assert (r.code, r.stdout) == (1, "")
    assert r.stderr.splitlines() == [f"brief: {server}{path}: {message}"]


def test_no_network_is_one_line(brief):
    # Port 9 on the loopback answers nothing: refused at once, no request leaves.
    r = brief("ingest", "http://127.0.0.1:9/page")
    assert r.code == 1
    assert r.stderr.splitlines() == ["brief: http://127.0.0.1:9/page: connection refused"]


def test_only_http_addresses_are_fetched():
    with pytest.raises(FetchError, match="only http:// and https:// addresses are fetched"):
        fetch("file:///etc/passwd")
    with pytest.raises(FetchError, match="no host name"):
        fetch("http:///nothing")


def test_urls_file_drafts_each_address(brief, server, tmp_path):
    links = tmp_path / "links.txt"
    links.write_text(f"# this week\n\n{server}/nato\n  {server}/ministry  \n")
    r = brief("ingest", "--urls", str(links))
    assert r.code == 0, r.stderr
    titles = [b["title"] for b in records(r.stdout)["briefing"]]
    assert titles == ["NATO Secretary General meets the Prime Minister of Kosovo",
                      "Minister Novak meets the Foreign Minister of Moldova"]
    links.write_text(f"{server}/nato\nnot an address\n")
    r = brief("ingest", "--urls", str(links))
    assert r.code == 1
    assert f"{links}:2:1: expected an http:// or https:// address" in r.stderr


def test_no_request_without_an_address(brief, tmp_path, monkeypatch):
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a request was made")

    monkeypatch.setattr(fetching, "fetch", refuse)
    page = tmp_path / "nato.html"
    page.write_bytes(NATO)
    assert brief("ingest", str(page)).code == 0
    assert brief("ingest").code == 2  # nothing to read: a usage error
