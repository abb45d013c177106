"""`brief ingest report.pdf`: the text layer, page by page, without running headers,
footers and page numbers, hyphenated line ends joined; PDFs that cannot be read get one
line. PDFs are written by tests/pdfwriter.py, and, where Chromium is installed, printed
from the bundled article."""

from __future__ import annotations

import html
import io
import shutil
import subprocess

import pytest

from briefcli.authoring.pdf import read_pdf
from pdfwriter import pdf, report
from test_authoring import SEED, records

HEADER = "OSCE Mission to Serbia - SEC.FR/12/24 - 17 January 2024"
PAGES = [
    ["Dialogue between Belgrade and Pristina",
     "Talks between the delegations resumed in\nBrussels on 15 January under the auspices "
     "of\nthe EU Special Representative.",
     "The nego-\ntiations on the EU-\nfacilitated Dialogue went on late into the\nnight, "
     "and the parties agreed to meet"],
    ["again in March 2024 to discuss the\nimplementation annex.",
     "The Mission will report on the next round\nin its regular update."],
    ["Annex: list of participants was circulated\nto the delegations."],
]


def test_a_report_reads_as_its_paragraphs(brief, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(report(PAGES, HEADER, title="Report on the Dialogue"))
    r = brief("ingest", str(path))
    assert r.code == 0, r.stderr
    (briefing,) = records(r.stdout)["briefing"]
    assert briefing["title"] == "Report on the Dialogue"
    assert briefing["body"] == [
        "Dialogue between Belgrade and Pristina",
        "Talks between the delegations resumed in Brussels on 15 January under the "
        "auspices of the EU Special Representative.",
        # joined over the page break, "nego-" "tiations" as one word, "EU-" kept
        "The negotiations on the EU-facilitated Dialogue went on late into the night, "
        "and the parties agreed to meet again in March 2024 to discuss the "
        "implementation annex.",
        "The Mission will report on the next round in its regular update.",
        "Annex: list of participants was circulated to the delegations.",
    ]
    text = r.stdout
    assert "SEC.FR" not in text and "Page 1 of 3" not in text and "Page 2" not in text
    # No dateline in the text: the PDF's own creation date.
    assert briefing["date"] == "2024-01-17"


def test_a_title_that_is_a_file_name_is_not_the_headline():
    page = read_pdf(report(PAGES, HEADER, title="Microsoft Word - draft_v3.docx"), "r.pdf")
    assert page.title is None
    assert page.text.startswith("date 2024-01-17\n\nDialogue between")


def test_a_scan_is_refused_with_a_message(brief, tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf([[], []]))
    r = brief("ingest", str(path))
    assert (r.code, r.stdout) == (1, "")
    assert r.stderr.splitlines() == [
        f"brief: {path}: the PDF has no text layer (a scan?); brief reads the text of a "
        "PDF, it does not recognise images of text"
    ]


def _encrypted() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(report(PAGES, HEADER))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("content, message", [
    (b"<html><body>not a pdf</body></html>", "not a PDF (it does not start with %PDF-)"),
    (b"", "not a PDF (it does not start with %PDF-)"),
    (b"%PDF-1.4\n" + b"\x00garbage\xff" * 500, "the PDF is damaged and cannot be read"),
    (report(PAGES, HEADER)[:700], "the PDF is damaged and cannot be read"),
    (_encrypted(), "the PDF is encrypted; save an unprotected copy to read it"),
])
def test_a_pdf_that_cannot_be_read_is_one_line(brief, tmp_path, content, message):
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    r = brief("ingest", str(path))
    assert (r.code, r.stdout) == (1, "")
    (line,) = r.stderr.splitlines()
    assert line.startswith(f"brief: {path}: {message}")


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
@pytest.mark.skipif(not SEED.exists(), reason="the bundled article is not beside the project")
def test_the_bundled_article_printed_to_pdf_drafts_what_the_text_drafts(brief, tmp_path):
    text = SEED.read_text(encoding="utf-8")
    body = "".join(f"<p>{html.escape(p.strip())}</p>\n" for p in text.split("\n\n") if p.strip())
    page = tmp_path / "seed.html"
    page.write_text(f"<!doctype html><html><head><meta charset='utf-8'></head><body "
                    f"style='font: 12pt serif'>{body}</body></html>", encoding="utf-8")
    printed = tmp_path / "seed.pdf"
    subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={printed}", page.as_uri()],
        capture_output=True, timeout=120, check=False,
    )
    if not printed.exists():
        pytest.skip("Chromium did not print the page")
    seed = tmp_path / "seed.txt"
    seed.write_text(text, encoding="utf-8")
    # Against an empty knowledge (the bundled one holds the seed's briefing already).
    empty = tmp_path / "empty"
    empty.mkdir()
    from_pdf = brief("ingest", str(printed), "--data", str(empty))
    from_text = brief("ingest", str(seed), "--data", str(empty))
    assert from_pdf.code == 0 and from_text.code == 0, from_pdf.stderr
    a, b = records(from_pdf.stdout), records(from_text.stdout)

    def words(items: list) -> list:
        return [" ".join(str(i).split()) for i in items]

    assert sorted(a) == sorted(b)
    (pa,), (pb,) = a["briefing"], b["briefing"]
    assert words(pa["body"]) == words(pb["body"])
    for key in ("date", "entities", "events", "faqs", "sources", "title", "points"):
        assert pa.get(key) == pb.get(key), key
    assert [(e["date"], e["title"]) for e in a["event"]] == \
        [(e["date"], e["title"]) for e in b["event"]]


def test_a_text_longer_than_a_draft_is_made_from_is_refused(brief, tmp_path, monkeypatch):
    from briefcli.authoring import pagetext as pages

    monkeypatch.setattr(pages, "MAX_TEXT", 300)
    path = tmp_path / "long.pdf"
    path.write_bytes(report(PAGES, HEADER))
    r = brief("ingest", str(path))
    assert r.code == 1
    assert r.stderr.splitlines() == [
        f"brief: {path}: the main text has more than 300 characters, more than a draft is "
        "made from: refused (split the document)"
    ]


def test_a_damaged_pdf_is_a_message_never_a_crash():
    """Bytes of a good report changed, cut out or put in at random places (a fixed
    seed): each either reads or is a PageError, never another exception."""
    import random

    from briefcli.authoring.pages import PageError

    good = report(PAGES, HEADER, title="Report on the Dialogue")
    rnd = random.Random(7)
    outcomes = set()
    for _ in range(60):
        data = bytearray(good)
        for _ in range(rnd.randint(1, 20)):
            at = rnd.randrange(len(data))
            if rnd.random() < 0.5:
                data[at] = rnd.randrange(256)
            else:
                del data[at : at + rnd.randint(1, 50)]
        try:
            read_pdf(bytes(data), "f.pdf")
            outcomes.add("read")
        except PageError:
            outcomes.add("refused")
    assert outcomes == {"read", "refused"}  # both kinds of damage were met


def test_paragraphs_without_space_between_are_told_by_indent_and_numbering():
    paragraphs = [
        ["Talks between the delegations resumed in Brussels on",
         "Monday under the auspices of the EU."],
        ["The parties agreed to meet again in March to discuss the",
         "implementation annex and the next steps."],
        ["1. The first point of the list goes on over", "two lines."],
        ["2. The second point."],
    ]
    lines = []
    y = 760.0
    for paragraph in paragraphs:
        for i, text in enumerate(paragraph):
            indent = 100 if i == 0 and not text[0].isdigit() else 72  # a first-line indent
            lines.append((indent, y, text))
            y -= 14  # no more space between paragraphs than between lines
    page = read_pdf(pdf([lines]), "tight.pdf")
    assert page.text.split("\n\n")[1:] == [" ".join(p) for p in paragraphs[:-1]] + [
        "2. The second point.\n"
    ]
