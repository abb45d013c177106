"""The static site in a real browser, opened from disk (file://): it loads without
errors, its search finds KFOR first, and a briefing page's links all lead somewhere."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

browser = pytest.importorskip("browser")  # tests/browser.py, the DevTools driver


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if browser.find_chromium() is None:
        pytest.skip("needs Chromium (BRIEF_CHROMIUM, or chromium on PATH)")
    from conftest import Brief

    root = tmp_path_factory.mktemp("site")
    r = Brief(root / "cache")("site", str(root / "public"))
    assert r.code == 0, r.stderr
    return root / "public"


@pytest.fixture(scope="module")
def chromium():  # type: ignore[no-untyped-def]
    with browser.Browser() as b:
        yield b


def test_the_home_page_loads_from_disk_and_its_search_finds_kfor_first(
    site: Path, chromium, tmp_path: Path
) -> None:
    page = chromium.open((site / "index.html").as_uri())
    assert page.evaluate("typeof window.BRIEF_SHARDS") == "object"
    page.evaluate(
        "(() => { const q = document.getElementById('q'); q.focus(); q.value = 'KFOR';"
        " q.dispatchEvent(new Event('input', {bubbles: true})); })()"
    )
    first = page.wait_for(
        "document.querySelector('#search-results a') && "
        "document.querySelector('#search-results a').getAttribute('href')",
        timeout=10,
    )
    assert first == "entity/kfor.html"
    titles = page.evaluate(
        "Array.from(document.querySelectorAll('#search-results a')).map(a => a.textContent)"
    )
    assert titles[0] == "Kosovo Force (KFOR)" and len(titles) > 3
    assert "matches" in page.evaluate("document.getElementById('search-status').textContent")
    shot = page.screenshot(tmp_path / "search.png")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert page.console_errors == []


def test_a_query_in_the_address_is_searched_on_arrival(site: Path, chromium) -> None:
    page = chromium.open((site / "index.html").as_uri() + "?q=vucic")
    first = page.wait_for(
        "document.querySelector('#search-results a') && "
        "document.querySelector('#search-results a').getAttribute('href')"
    )
    assert first == "entity/vucic.html"
    assert page.console_errors == []


def test_every_link_of_a_briefing_page_resolves(site: Path, chromium) -> None:
    page = chromium.open((site / "briefing" / "2023-11-11.html").as_uri())
    links = page.evaluate("Array.from(document.querySelectorAll('a')).map(a => a.href)")
    local = [u for u in links if u.startswith("file:")]
    assert len(local) > 20
    for url in local:
        path = Path(unquote(urlsplit(url).path))
        assert path.is_file(), url
        assert site.resolve() in path.resolve().parents, url
    # Following one: the entity page it names opens without errors.
    kfor = next(u for u in local if u.endswith("/entity/kfor.html"))
    target = chromium.open(kfor)
    assert "Kosovo Force" in target.evaluate("document.querySelector('h1').textContent")
    assert target.console_errors == []
    assert page.console_errors == []


def test_search_ranks_exact_terms_then_prefixes_then_words(site: Path, chromium) -> None:
    page = chromium.open((site / "index.html").as_uri())
    hits = page.evaluate(
        "window.briefSearch('kos').then(r => window.briefRecords(r.hits.map(h => h[2]))"
        ".then(rows => r.hits.map((h, i) => [h[0], rows[i][0]])))"
    )
    ranks = [rank for rank, _ in hits]
    assert ranks == sorted(ranks) and ranks[0] == 1  # no term is "kos"; some start so
    prefixed = [path for rank, path in hits if rank == 1]
    assert prefixed[0] == "entity/kosovo.html"  # the shortest term first
    assert all(path.startswith("entity/") for path in prefixed)
    assert any(rank == 2 for rank in ranks)  # then records that only have the word
    exact = page.evaluate("window.briefSearch('Vučić').then(r => r.hits.map(h => h[0]))")
    assert exact[0] == 0
    assert page.evaluate("window.briefSearch('  ').then(r => r.hits.length)") == 0
    assert page.console_errors == []


NET = """\
format: 1
entities:
  - id: http
    name: Hypertext Transfer Protocol
    acronym: HTTP
    summary: What the web speaks, over TCP.
  - id: https
    name: HTTP Secure
    acronym: HTTPS
  - id: tcp
    name: Transmission Control Protocol
    acronym: TCP
    summary: A reliable stream of bytes.
  - id: tcp-2
    name: Tape Carrier Package
    acronym: TCP
    summary: A way to mount a chip.
  - id: smtp
    name: Simple Mail Transfer Protocol
    acronym: SMTP
    related: [tcp]
"""

COPY = """\
format: 1
entities:
  - id: tcp-copy
    name: Transmission Control Protocol
    acronym: TCP
    summary: The same sense, written again.
"""


def _net_site(root: Path, shard_limit: int | None = None) -> Path:
    from briefcli.index.cache import open_index
    from briefcli.index.store import BuildReport
    from briefcli.site import search
    from briefcli.site.build import build_site
    from conftest import write

    kb = root / "kb"
    kb.mkdir(parents=True, exist_ok=True)
    write(kb / "net.yaml", NET)
    write(kb / "zz-copy.yaml", COPY)
    before = search.SHARD_LIMIT
    try:
        if shard_limit is not None:
            search.SHARD_LIMIT = shard_limit
        build_site(open_index([kb], root / "cache", BuildReport()), root / "site", workers=1)
    finally:
        search.SHARD_LIMIT = before
    return root / "site"


QUERIES = ["tcp", "http", "transfer protocol", "tr", "t", "mail tr", "stream", "htpp", "tpc",
           "hypertext transfre protocol", "nothing like it"]
SEARCH_ALL = (
    "Promise.all(%s.map(q => window.briefSearch(q).then(r => window.briefRecords("
    "r.hits.map(h => h[2])).then(rows => [q, r.meant, r.hits.map((h, i) => "
    "[h[0], h[1], rows[i][0], rows[i][1]])]))))"
)


def test_a_typo_is_forgiven_in_the_browser(tmp_path: Path, chromium) -> None:
    site = _net_site(tmp_path)
    page = chromium.open((site / "index.html").as_uri() + "?q=htpp")
    first = page.wait_for(
        "document.querySelector('#search-results a') && "
        "document.querySelector('#search-results a').getAttribute('href')"
    )
    assert first == "entity/http.html"
    status = page.evaluate("document.getElementById('search-status').textContent")
    assert "No matches for “htpp”" in status and "“http”" in status
    # A swap is one edit, as on the command line; a far word finds nothing.
    assert page.evaluate("window.briefSearch('tpc').then(r => r.meant)") == ["tcp"]
    assert page.evaluate("window.briefSearch('zzzzqqq').then(r => r.hits.length)") == 0
    assert page.console_errors == []


def test_copies_are_one_hit_and_senses_are_apart(tmp_path: Path, chromium) -> None:
    site = _net_site(tmp_path)
    page = chromium.open((site / "index.html").as_uri() + "?q=TCP")
    page.wait_for("document.querySelectorAll('#search-results a').length > 0")
    titles = page.evaluate(
        "Array.from(document.querySelectorAll('#search-results a')).map(a => a.textContent)")
    assert titles.count("Transmission Control Protocol (TCP)") == 1
    assert titles[:2] == ["Transmission Control Protocol (TCP)", "Tape Carrier Package (TCP)"]
    assert page.console_errors == []


def test_shards_load_from_disk_only_as_needed_with_the_same_ranking(
    tmp_path: Path, chromium
) -> None:
    one = _net_site(tmp_path / "one")  # everything fits in one shard
    many = _net_site(tmp_path / "many", shard_limit=120)
    assert len(list((many / "search").glob("p-*.js"))) > 5
    assert len(list((one / "search").glob("p-*.js"))) == 1
    query = SEARCH_ALL % repr(QUERIES).replace("'", '"')
    page = chromium.open((one / "index.html").as_uri())
    expected = page.evaluate(query)
    page = chromium.open((many / "index.html").as_uri())
    assert page.evaluate("window.briefShardsLoaded.length") == 0  # nothing before a search
    page.evaluate("window.briefSearch('stream')")
    loaded = page.evaluate("window.briefShardsLoaded")
    every = page.evaluate("window.BRIEF_SHARDS.shards.length")
    assert 1 <= len(loaded) < every // 2, loaded  # the shards of "stream" only
    assert page.evaluate(query) == expected  # the same hits, in the same order
    assert [q for q, meant, hits in expected if hits] == [
        q for q in QUERIES if q != "nothing like it"]
    assert page.console_errors == []
