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
    assert page.evaluate("typeof window.BRIEF_SEARCH") == "object"
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
        "window.briefSearch('kos').map(h => [h[0], window.BRIEF_SEARCH.records[h[2]][1]])"
    )
    ranks = [rank for rank, _ in hits]
    assert ranks == sorted(ranks) and ranks[0] == 1  # no term is "kos"; some start so
    prefixed = [path for rank, path in hits if rank == 1]
    assert prefixed[0] == "entity/kosovo.html"  # the shortest term first
    assert all(path.startswith("entity/") for path in prefixed)
    assert any(rank == 2 for rank in ranks)  # then records that only have the word
    exact = page.evaluate("window.briefSearch('Vučić').map(h => h[0])")
    assert exact[0] == 0
    assert page.evaluate("window.briefSearch('  ').length") == 0
    assert page.console_errors == []
