"""`brief ingest page.html`: the main text of saved web pages, their headline, date and
source, and bad pages refused in one line. The pages tested are some of benchmarks/pages/,
written in the shape of the publishers' own (menus, cookie banners, share bars, related
lists, comments, <time>, Open Graph, JSON-LD, encodings declared by meta charset); each
has its gold headline, date and paragraphs beside it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefcli.authoring.pages import decode_html, read_html, to_article
from test_authoring import records

BENCHMARK_PAGES = Path(__file__).resolve().parents[1] / "benchmarks" / "pages"
# The pages tested, by a short name: files of benchmarks/pages/ (each with its gold JSON).
PAGE_FILES = {
    "council": "council-council-adopts-new-sanctions-against-tho",
    "eeas": "eeas-kosovo-statement-by-the-high-representat",
    "gov_pl": "heldout/gov_pl-minister-kowalczyk-receives-credentials",  # ISO-8859-2
    "ministry": "ministry-minister-novak-meets-the-foreign-ministe",  # windows-1252
    "nato": "nato-nato-secretary-general-meets-the-prime-m",
    "state": "state-secretary-blinken-s-call-with-serbian-pr",
    "unnews": "unnews-sudan-un-agencies-warn-of-famine-as-figh",
}
NAMES = sorted(PAGE_FILES)


def page_file(name: str, suffix: str = ".html") -> Path:
    """The benchmark page tested as `name`, or its gold JSON (suffix ".json")."""
    return BENCHMARK_PAGES / f"{PAGE_FILES[name]}{suffix}"
CLUTTER = [
    "cookies", "Skip to main content", "Share this page", "Related content", "Subscribe",
    "Related stories", "Related Articles", "Write a comment", "Finally some real progress",
    "Latest news", "Legal notice", "Home > Press", "Here's how you know", "See also",
]


def gold(name: str) -> dict:
    return json.loads(page_file(name, ".json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", NAMES)
def test_a_page_drafts_its_main_text_headline_date_and_source(brief, name, tmp_path):
    expected = gold(name)
    page = shutil.copyfile(page_file(name), tmp_path / f"{name}.html")
    r = brief("ingest", str(page))
    assert r.code == 0, r.stderr
    draft = records(r.stdout)
    (briefing,) = draft["briefing"]
    assert briefing["title"] == expected["title"]
    assert briefing["date"] == expected["date"]
    body = [" ".join(p.split()) for p in briefing["body"]]
    assert body[: len(expected["paragraphs"])] == expected["paragraphs"]
    text = " ".join(body)
    for clutter in CLUTTER:
        assert clutter not in text, clutter
    assert len(body) <= len(expected["paragraphs"]) + 4  # a credit or contact line at most
    (source,) = [s for s in draft.get("source", []) if s["title"] == expected["title"]]
    assert source["id"] in briefing["sources"]


def test_the_title_loses_the_site_name_and_the_source_has_the_canonical_address():
    page = read_html((page_file("eeas")).read_bytes(), "eeas.html")
    assert page.title == gold("eeas")["title"]  # not "... | EEAS"
    assert page.site == "EEAS"
    assert page.url and page.url.startswith(
        "https://www.eeas.europa.eu/eeas/kosovo-statement-by-the-high-representative")
    article = to_article(page, "eeas.html")
    assert article.sources[-1] == (page.title, "EEAS", page.url, 1)
    ministry = read_html((page_file("ministry")).read_bytes(), "ministry.html")
    assert ministry.title == "Minister Novak meets the Foreign Minister of Moldova"
    # No site name in its metadata: the one its <title> gives after the headline.
    assert ministry.site == "Ministry of Foreign Affairs of the Republic of Ruritania"


def test_the_date_comes_from_json_ld_time_or_the_visible_date():
    assert read_html((page_file("unnews")).read_bytes(), "u").date == "2024-06-27"
    assert read_html((page_file("state")).read_bytes(), "s").date == "2023-10-02"
    # Only "14.2.2024" on the page, in a span: the visible date.
    assert read_html((page_file("ministry")).read_bytes(), "m").date == "2024-02-14"


def test_date_wins_over_the_pages_date(brief, tmp_path):
    page = shutil.copyfile(page_file("nato"), tmp_path / "nato.html")
    r = brief("ingest", str(page), "--date", "2024-03-13")
    assert r.code == 0, r.stderr
    assert records(r.stdout)["briefing"][0]["date"] == "2024-03-13"


@pytest.mark.parametrize("name, words", [
    ("ministry", ["Novák", "Popșoi", "Moldova’s", "“is also our path”"]),  # windows-1252
    ("gov_pl", ["Gołębiowski", "Montenegro’s"]),  # ISO-8859-2
])
def test_a_page_is_decoded_as_its_meta_charset_declares(name, words):
    data = (page_file(name)).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = read_html(data, name).text
    for word in words:
        assert word in text


def test_the_declared_charset_comes_before_the_meta_and_detection():
    body = "<p>Šefčovič met Vučić in Brussels.</p>"
    data = f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>"
    assert "Šefčovič" in decode_html(data.encode("iso-8859-2"), "iso-8859-2")
    assert "Šefčovič" in decode_html(data.encode("utf-8"))
    # No declaration at all: UTF-8 when it is UTF-8, else the detected encoding.
    bare = f"<html><body>{body * 20}</body></html>"
    assert "Vučić" in decode_html(bare.encode("utf-8"))
    assert decode_html("<p>caf\u00e9 \u2019</p>".encode("cp1252"), "latin-1") == "<p>café ’</p>"


def test_a_folder_is_read_for_pages_too(brief, tmp_path):
    for name in ("eeas", "nato"):
        shutil.copyfile(page_file(name), tmp_path / f"{name}.html")
    (tmp_path / "notes.txt").write_text("date 2024-01-05 Talks went on in Brussels.\n")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n")
    r = brief("ingest", str(tmp_path))
    assert r.code == 0, r.stderr
    titles = [b["title"] for b in records(r.stdout)["briefing"]]
    assert titles == [gold("eeas")["title"], gold("nato")["title"], "Talks went on in Brussels"]


@pytest.mark.parametrize("content, message", [
    (b"", "the page is empty"),
    (b"   \n\t ", "the page is empty"),
    (bytes(range(256)) * 64, "not an HTML page (binary data)"),
    (b"\x00\x01\x02garbage" * 1000, "not an HTML page (binary data)"),
    (b"just words, no markup at all " * 10, "not an HTML page (no markup)"),
    (b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
     "no main text found in the page"),
    # 9 MB of tags: refused before the main text is looked for, in well under a second.
    (b"<html><body>" + b"<p>Words in a paragraph of a long page.</p>\n" * 200_000,
     "the page has more than 100,000 tags: refused"),
    (b"<html><body><article>" + b"".join(
        b"<p>Talks went on in Brussels on day %d, said minister %d. " % (i, i)
        + b"They spoke of it at length. " * 30 + b"</p>" for i in range(300)
    ) + b"</article></body></html>",
     "the main text has more than 200,000 characters, more than a draft is made from: "
     "refused (split the document)"),
])
def test_a_bad_page_is_one_line_and_exit_1(brief, tmp_path, content, message):
    page = tmp_path / "bad.html"
    page.write_bytes(content)
    r = brief("ingest", str(page))
    assert (r.code, r.stdout) == (1, "")
    assert r.stderr.splitlines() == [f"brief: {page}: {message}"]


def test_a_page_too_large_is_refused_before_it_is_read(brief, tmp_path):
    page = tmp_path / "huge.html"
    with page.open("wb") as f:
        f.write(b"<html><body><p>")
        f.truncate(20 * 1024 * 1024)
    r = brief("ingest", str(page))
    assert r.code == 1
    assert "larger than the 10 MB a page may be: refused" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_only_pages_go_to_the_page_reader():
    """Text articles (.txt, .md, .text) keep their own path; the suffix's case aside."""
    from briefcli.authoring.pages import page_kind

    assert [page_kind(n) for n in ("a.txt", "a.md", "a.TEXT", "a.HTML", "a.Pdf",
                                   "HTTPS://x.org/a")] == [None, None, None, "html", "pdf",
                                                           "url"]


def _modules_after(code: str, environ: dict[str, str]) -> set[str]:
    script = (
        f"import sys\n{code}\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], env={**os.environ, **environ},
                            capture_output=True, text=True, timeout=120)
    return set(result.stderr.strip().splitlines()[-1].split())


HEAVY = {"trafilatura", "lxml", "pypdf", "htmldate", "justext", "charset_normalizer",
         "courlan", "urllib3"}


def test_the_page_readers_stay_off_the_start_up_path(tmp_path):
    environ = {"BRIEF_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    assert _modules_after("import briefcli.cli.lean", environ) & HEAVY == set()
    run = ("from briefcli.cli.lean import main\n"
           "try:\n    main(['define', 'KFOR'])\nexcept SystemExit:\n    pass")
    assert _modules_after(run, environ) & HEAVY == set()
    assert _modules_after(run, {**environ, "BRIEF_NO_LEAN": "1"}) & HEAVY == set()
    # Reading a page does import them: the check above can fail.
    page = str(page_file("nato"))
    read = f"from briefcli.authoring.pages import read_input\nread_input({page!r})"
    assert {"trafilatura", "lxml"} <= _modules_after(read, environ)


def test_the_json_ld_date_is_the_articles_not_a_related_storys():
    ld = json.dumps([
        {"@type": ["NewsArticle"], "headline": "Talks resume", "datePublished":
         "2024-06-27T23:30:00-04:00"},
        {"@type": "WebPage", "datePublished": "2020-01-01"},
        {"@type": "ItemList", "itemListElement": [
            {"@type": "NewsArticle", "headline": "Older story", "datePublished": "2021-05-05"},
        ]},
    ])
    paragraphs = "".join(f"<p>Talks resumed in Brussels on the {n} day of the meeting, "
                         "said the ministers after the session ended.</p>" for n in range(5))
    page = (f"<html><head><script type='application/ld+json'>{ld}</script></head><body>"
            f"<article><h1>Talks resume</h1>{paragraphs}</article></body></html>")
    # The local date as the page writes it, not the day in UTC.
    assert read_html(page.encode(), "p.html").date == "2024-06-27"


@pytest.mark.parametrize("headline", [
    "EU and Serbia resume talks.",  # a headline ending like a sentence
    "Statement " + "on the situation in the north of Kosovo and " * 4 + "beyond",  # long
])
def test_the_headline_is_never_the_first_paragraph_too(headline):
    paragraphs = "".join(f"<p>Talks resumed in Brussels on the {n} day of the meeting, "
                         "said the ministers after the session ended.</p>" for n in range(5))
    page = (f"<html><head><meta property='og:title' content='{headline}'></head><body>"
            f"<article><h1>{headline}</h1>{paragraphs}</article></body></html>")
    article = to_article(read_html(page.encode(), "p.html"), "p.html")
    assert article.headline == headline
    assert article.paragraphs[0].text.startswith("Talks resumed in Brussels on the 0 day")


@pytest.mark.parametrize("head, h1, title, site", [
    ("<title>Kosovo - Serbia talks resume | Reuters</title>"
     "<meta property='og:site_name' content='Reuters'>", "",
     "Kosovo - Serbia talks resume", "Reuters"),
    ("<title>Kosovo - Serbia talks resume | Reuters</title>", "",
     "Kosovo - Serbia talks resume", "Reuters"),
    ("<title>Ministry of Foreign Affairs</title>"
     "<meta property='og:site_name' content='Ministry of Foreign Affairs'>",
     "<h1>Minister meets envoy</h1>", "Minister meets envoy", "Ministry of Foreign Affairs"),
    ("<title>Minister meets envoy - Ministry of Foreign Affairs</title>",
     "<h1>Minister meets envoy</h1>", "Minister meets envoy", "Ministry of Foreign Affairs"),
    ("<title>Home | Press | Minister meets envoy on the situation</title>",
     "<h1>Minister meets envoy on the situation</h1>", "Minister meets envoy on the situation",
     None),
])
def test_the_headline_is_the_title_without_the_sites_name(head, h1, title, site):
    paragraphs = "".join(f"<p>Talks resumed in Brussels on the {n} day of the meeting, "
                         "said the ministers after the session ended.</p>" for n in range(5))
    page = read_html(f"<html><head>{head}</head><body><article>{h1}{paragraphs}</article>"
                     "</body></html>".encode(), "p.html")
    assert (page.title, page.site) == (title, site)
